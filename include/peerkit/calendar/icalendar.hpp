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
inline std::string ical_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    switch (c) {
      case '\\':
        out += "\\\\";
        break;
      case ';':
        out += "\\;";
        break;
      case ',':
        out += "\\,";
        break;
      case '\r':
        if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
        out += "\\n";
        break;
      case '\n':
        out += "\\n";
        break;
      default:
        if ((static_cast<unsigned char>(c) < 0x20 && c != '\t') || c == '\x7f') break;
        out += c;
    }
  }
  return out;
}

/// One content line, folded (RFC 5545 3.1): at most 75 octets a line, continuation
/// lines start with a space, and a break never splits a UTF-8 sequence.
inline std::string ical_fold(std::string_view line) {
  constexpr std::size_t limit = 75;
  std::string out;
  std::size_t room = limit;
  while (line.size() > room) {
    std::size_t cut = room;
    while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;
    if (cut == 0) cut = room;  // not UTF-8 at all: break anywhere rather than never
    out.append(line.substr(0, cut));
    out += "\r\n ";
    line.remove_prefix(cut);
    room = limit - 1;  // the leading space takes one octet
  }
  out.append(line);
  out += "\r\n";
  return out;
}

/// Offset of the first byte that breaks UTF-8, or npos for valid text.
inline std::size_t invalid_utf8_at(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    const auto b = static_cast<unsigned char>(text[i]);
    std::size_t len = 0;
    std::uint32_t cp = 0;
    if (b < 0x80) {
      ++i;
      continue;
    }
    if ((b & 0xE0) == 0xC0) {
      len = 2;
      cp = b & 0x1Fu;
    } else if ((b & 0xF0) == 0xE0) {
      len = 3;
      cp = b & 0x0Fu;
    } else if ((b & 0xF8) == 0xF0) {
      len = 4;
      cp = b & 0x07u;
    } else {
      return i;
    }
    if (i + len > text.size()) return i;
    for (std::size_t k = 1; k < len; ++k) {
      const auto c = static_cast<unsigned char>(text[i + k]);
      if ((c & 0xC0) != 0x80) return i;
      cp = (cp << 6) | (c & 0x3Fu);
    }
    const std::uint32_t min_cp[] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < min_cp[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return i;
    i += len;
  }
  return std::string_view::npos;
}

inline std::uint64_t fnv1a_64(std::string_view bytes, std::uint64_t hash = 0xcbf29ce484222325ULL) {
  for (const char c : bytes) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 0x100000001b3ULL;
  }
  return hash;
}

inline std::string two_digits(int n) {
  return {static_cast<char>('0' + n / 10), static_cast<char>('0' + n % 10)};
}

/// 20250901
inline std::string ical_date(date d) {
  return std::to_string(static_cast<int>(d.year())) + two_digits(d.month()) + two_digits(d.day());
}

/// 20250901T153000
inline std::string ical_date_time(const boost::posix_time::ptime& t) {
  const auto tod = t.time_of_day();
  return ical_date(t.date()) + 'T' + two_digits(static_cast<int>(tod.hours())) +
         two_digits(static_cast<int>(tod.minutes())) + two_digits(static_cast<int>(tod.seconds()));
}

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
[[nodiscard]] inline std::string icalendar_uid(std::string_view event_id,
                                               std::string_view uid_namespace) {
  // The namespace and the id are hashed with a separator, so ("ab", "c") and ("a", "bc")
  // differ.
  const std::uint64_t h =
      detail::fnv1a_64(event_id, detail::fnv1a_64(std::string(uid_namespace) + '\x1f'));
  constexpr char hex[] = "0123456789abcdef";
  std::string out(16, '0');
  for (int i = 15, shift = 0; i >= 0; --i, shift += 4)
    out[static_cast<std::size_t>(i)] = hex[(h >> shift) & 0xF];
  return out + '@' + std::string(uid_namespace);
}

/// The events as an iCalendar object, CRLF line endings included. Throws
/// peerkit::error for events without an id (icalendar.missing_id), with an id used
/// before (icalendar.duplicate_id), with text that is not UTF-8 (icalendar.utf8) or with
/// a timed event spanning days (icalendar.timed_days).
[[nodiscard]] inline std::string to_icalendar(const std::vector<calendar_event>& events,
                                              const icalendar_options& options) {
  PEERKIT_ASSERT(!options.dtstamp.is_special(), "icalendar_options::dtstamp must be set");
  problem_list problems;
  std::set<std::string_view> ids;
  for (std::size_t i = 0; i < events.size(); ++i) {
    const auto& e = events[i];
    const std::string at = "events[" + std::to_string(i) + "]";
    if (e.id.empty())
      problems.add("icalendar.missing_id", at + ".id", "expected an id, found none");
    else if (!ids.insert(e.id).second)
      problems.add("icalendar.duplicate_id", at + ".id",
                   "expected a unique id, found \"" + e.id + "\" again");
    const std::pair<const char*, const std::string*> texts[] = {{"summary", &e.summary},
                                                                {"description", &e.description},
                                                                {"location", &e.location},
                                                                {"id", &e.id}};
    for (const auto& [name, text] : texts)
      if (const auto bad = detail::invalid_utf8_at(*text); bad != std::string_view::npos)
        problems.add("icalendar.utf8", at + '.' + name,
                     "expected UTF-8 text, found an invalid byte at offset " + std::to_string(bad));
    for (std::size_t c = 0; c < e.categories.size(); ++c)
      if (const auto bad = detail::invalid_utf8_at(e.categories[c]); bad != std::string_view::npos)
        problems.add("icalendar.utf8", at + ".categories[" + std::to_string(c) + "]",
                     "expected UTF-8 text, found an invalid byte at offset " + std::to_string(bad));
    if (e.start && e.days != 1)
      problems.add("icalendar.timed_days", at + ".days",
                   "expected 1 day for a timed event (its duration sets its end), found " +
                       std::to_string(e.days));
    PEERKIT_ASSERT(!e.day.is_special() && e.days >= 1,
                   "calendar_event needs a day and at least one day");
  }
  problems.throw_if_any();

  std::string out;
  const auto line = [&out](std::string_view text) { out += detail::ical_fold(text); };
  const auto text_line = [&line](std::string_view name, std::string_view value) {
    line(std::string(name) + ':' + detail::ical_escape(value));
  };
  line("BEGIN:VCALENDAR");
  line("VERSION:2.0");
  text_line("PRODID", options.product_id);
  line("CALSCALE:GREGORIAN");
  line("METHOD:PUBLISH");
  if (!options.calendar_name.empty()) text_line("X-WR-CALNAME", options.calendar_name);
  const bool timed = std::any_of(events.begin(), events.end(),
                                 [](const calendar_event& e) { return e.start.has_value(); });
  if (timed)
    for (const auto l : detail::amsterdam_vtimezone) line(l);

  const std::string stamp = "DTSTAMP:" + detail::ical_date_time(options.dtstamp) + 'Z';
  const std::string tzid = ";TZID=" + std::string(icalendar_time_zone) + ':';
  for (const auto& e : events) {
    line("BEGIN:VEVENT");
    line("UID:" + detail::ical_escape(icalendar_uid(e.id, options.uid_namespace)));
    line(stamp);
    if (e.start) {
      const boost::posix_time::ptime begin(e.day, *e.start);
      line("DTSTART" + tzid + detail::ical_date_time(begin));
      line("DTEND" + tzid + detail::ical_date_time(begin + e.duration));
    } else {
      line("DTSTART;VALUE=DATE:" + detail::ical_date(e.day));
      line("DTEND;VALUE=DATE:" + detail::ical_date(e.day + boost::gregorian::days(e.days)));
      line("TRANSP:TRANSPARENT");  // an all-day marker should not block the day as busy
    }
    text_line("SUMMARY", e.summary);
    if (!e.description.empty()) text_line("DESCRIPTION", e.description);
    if (!e.location.empty()) text_line("LOCATION", e.location);
    if (!e.categories.empty()) {
      std::string list;
      for (const auto& c : e.categories) list += (list.empty() ? "" : ",") + detail::ical_escape(c);
      line("CATEGORIES:" + list);
    }
    line("END:VEVENT");
  }
  line("END:VCALENDAR");
  return out;
}

/// Writes the events to a file, in binary mode so that the CRLF line endings survive on
/// every platform. Throws icalendar.file when the file cannot be written.
inline void write_icalendar_file(const std::filesystem::path& path,
                                 const std::vector<calendar_event>& events,
                                 const icalendar_options& options) {
  const std::string text = to_icalendar(events, options);
  std::ofstream file(path, std::ios::binary);
  if (!(file << text))
    throw error("icalendar.file", path.string(), "expected a writable file, found none");
}

}  // namespace peerkit
