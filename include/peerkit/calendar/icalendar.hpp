#pragma once
// Writes events as an iCalendar file (RFC 5545) that common calendar programs import.
//
// Choices (docs/calendar.md explains them):
// - Timed events carry TZID=Europe/Amsterdam with a VTIMEZONE for it. Floating times
//   would be simpler, but Google Calendar reads floating times in subscribed calendars
//   as UTC, and Outlook as the viewer's own zone; a named zone with its rules is what
//   Google, Outlook and Apple Calendar all place at the right local school time.
// - All-day events use VALUE=DATE with an exclusive DTEND, as RFC 5545 defines.
// - The UID is a 64-bit FNV-1a hash of the caller's namespace and the event's id, so the
//   same event gets the same UID in every export (a re-import updates, not duplicates),
//   and no name or other text of the event leaks into it.
// - DTSTAMP is the caller's: output depends on the input alone.
// - Lines end in CRLF and are folded at 75 octets, never inside a UTF-8 character.

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <boost/date_time/gregorian/gregorian_types.hpp>
#include <boost/date_time/posix_time/posix_time_types.hpp>

#include <peerkit/calendar/school_year.hpp>
#include <peerkit/config.hpp>
#include <peerkit/core/error.hpp>

namespace peerkit {

/// One calendar entry, all-day or at a local school time.
struct calendar_event {
  std::string id{};  ///< stable and unique within the calendar; the UID is derived from it
  std::string summary{};
  std::string description{};
  std::string location{};
  std::vector<std::string> categories{};
  date day{};    ///< the (first) day
  int days = 1;  ///< all-day events: how many days, from `day` on
  std::optional<boost::posix_time::time_duration> start{};  ///< local time; empty: all-day
  boost::posix_time::time_duration duration = boost::posix_time::hours(1);  ///< timed events

  friend bool operator==(const calendar_event&, const calendar_event&) = default;
};

/// Settings of an export.
struct icalendar_options {
  /// When the file is made, in UTC; written as every event's DTSTAMP. Required.
  boost::posix_time::ptime dtstamp{};
  /// Makes UIDs unique across schools: use something the school owns (a web domain or
  /// BRIN code). Written after the '@' of every UID.
  std::string uid_namespace = "peerkit";
  /// X-WR-CALNAME, the name most programs give an imported calendar; left out if empty.
  std::string calendar_name{};
  std::string product_id = "-//peerkit//peerkit school calendar//EN";
};

/// The time zone of timed events.
inline constexpr std::string_view icalendar_time_zone = "Europe/Amsterdam";

namespace detail {

/// Escapes TEXT (RFC 5545 3.3.11): backslash, semicolon, comma and line breaks; other
/// control characters, which TEXT cannot hold, are dropped.
std::string ical_escape(std::string_view text);

/// One content line, folded (RFC 5545 3.1): at most 75 octets a line, continuation
/// lines start with a space, and a break never splits a UTF-8 sequence.
std::string ical_fold(std::string_view line);

/// Offset of the first byte that breaks UTF-8, or npos for valid text.
std::size_t invalid_utf8_at(std::string_view text);

std::uint64_t fnv1a_64(std::string_view bytes, std::uint64_t hash = 0xcbf29ce484222325ULL);

std::string two_digits(int n);

/// 20250901
std::string ical_date(date d);

/// 20250901T153000
std::string ical_date_time(const boost::posix_time::ptime& t);

/// The rules of Europe/Amsterdam since 1996: CEST from the last Sunday of March at
/// 02:00, CET from the last Sunday of October at 03:00.
inline constexpr std::string_view amsterdam_vtimezone[] = {
    "BEGIN:VTIMEZONE",
    "TZID:Europe/Amsterdam",
    "BEGIN:DAYLIGHT",
    "TZOFFSETFROM:+0100",
    "TZOFFSETTO:+0200",
    "TZNAME:CEST",
    "DTSTART:19810329T020000",
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
    "END:DAYLIGHT",
    "BEGIN:STANDARD",
    "TZOFFSETFROM:+0200",
    "TZOFFSETTO:+0100",
    "TZNAME:CET",
    "DTSTART:19961027T030000",
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
    "END:STANDARD",
    "END:VTIMEZONE",
};

}  // namespace detail

/// The UID an event gets: `<16 hex digits>@<uid_namespace>`.
[[nodiscard]] std::string icalendar_uid(std::string_view event_id, std::string_view uid_namespace);

/// The events as an iCalendar object, CRLF line endings included. Throws
/// peerkit::error for events without an id (icalendar.missing_id), with an id used
/// before (icalendar.duplicate_id), with text that is not UTF-8 (icalendar.utf8) or with
/// a timed event spanning days (icalendar.timed_days).
[[nodiscard]] std::string to_icalendar(const std::vector<calendar_event>& events,
                                       const icalendar_options& options);

/// Writes the events to a file, in binary mode so that the CRLF line endings survive on
/// every platform. Throws icalendar.file when the file cannot be written.
void write_icalendar_file(const std::filesystem::path& path,
                          const std::vector<calendar_event>& events,
                          const icalendar_options& options);

}  // namespace peerkit

#ifndef PEERKIT_COMPILED
#include <peerkit/calendar/icalendar-inl.hpp>
#endif
