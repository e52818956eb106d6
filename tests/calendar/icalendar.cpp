#include <algorithm>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include <peerkit/calendar/icalendar.hpp>

using namespace peerkit;
using boost::gregorian::date;
using boost::posix_time::hours;
using boost::posix_time::minutes;
using boost::posix_time::ptime;

namespace {
const icalendar_options options{.dtstamp = ptime(date(2025, 8, 15), hours(9) + minutes(30)),
                                .uid_namespace = "example-school.nl",
                                .calendar_name = "Peer support 2025-2026"};

/// The physical lines, split at CRLF (the last CRLF ends the text).
std::vector<std::string> physical_lines(const std::string& text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start < text.size()) {
    const auto end = text.find("\r\n", start);
    REQUIRE(end != std::string::npos);
    out.push_back(text.substr(start, end - start));
    start = end + 2;
  }
  return out;
}

/// The content lines after unfolding (RFC 5545 3.1).
std::vector<std::string> unfolded(const std::string& text) {
  std::vector<std::string> out;
  for (const auto& l : physical_lines(text)) {
    if (!l.empty() && l[0] == ' ') {
      REQUIRE_FALSE(out.empty());
      out.back() += l.substr(1);
    } else {
      out.push_back(l);
    }
  }
  return out;
}

/// The lines of `name` outside VTIMEZONE (whose DTSTART lines are the zone's rules).
std::vector<std::string> values_of(const std::vector<std::string>& lines, const std::string& name) {
  std::vector<std::string> out;
  bool in_zone = false;
  for (const auto& l : lines) {
    if (l == "BEGIN:VTIMEZONE") in_zone = true;
    if (l == "END:VTIMEZONE") in_zone = false;
    if (!in_zone && l.rfind(name, 0) == 0 && (l[name.size()] == ':' || l[name.size()] == ';'))
      out.push_back(l);
  }
  return out;
}

calendar_event all_day(std::string id, std::string summary, date day, int days = 1) {
  return {.id = std::move(id), .summary = std::move(summary), .day = day, .days = days};
}
calendar_event timed(std::string id, std::string summary, date day,
                     boost::posix_time::time_duration start,
                     boost::posix_time::time_duration duration) {
  return {.id = std::move(id),
          .summary = std::move(summary),
          .day = day,
          .start = start,
          .duration = duration};
}
}  // namespace

TEST_CASE("calendar: iCalendar output has the required structure and CRLF line endings") {
  const std::vector<calendar_event> events{
      all_day("a", "Project week", date(2025, 11, 3), 5),
      timed("b", "Intervision", date(2025, 10, 2), hours(15) + minutes(30), hours(1))};
  const std::string text = to_icalendar(events, options);
  // Every line ends in CRLF: no LF without CR, no CR without LF.
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') REQUIRE((i > 0 && text[i - 1] == '\r'));
    if (text[i] == '\r') REQUIRE((i + 1 < text.size() && text[i + 1] == '\n'));
  }
  REQUIRE(text.size() >= 2);
  CHECK(text.substr(text.size() - 2) == "\r\n");

  const auto lines = unfolded(text);
  CHECK(lines.front() == "BEGIN:VCALENDAR");
  CHECK(lines.back() == "END:VCALENDAR");
  CHECK(values_of(lines, "VERSION") == std::vector<std::string>{"VERSION:2.0"});
  CHECK(values_of(lines, "PRODID").size() == 1);
  CHECK(values_of(lines, "X-WR-CALNAME") ==
        std::vector<std::string>{"X-WR-CALNAME:Peer support 2025-2026"});
  CHECK(std::count(lines.begin(), lines.end(), "BEGIN:VEVENT") == 2);
  CHECK(std::count(lines.begin(), lines.end(), "END:VEVENT") == 2);
  // Each event has exactly one UID, DTSTAMP and DTSTART.
  CHECK(values_of(lines, "UID").size() == 2);
  CHECK(values_of(lines, "DTSTAMP") == std::vector<std::string>(2, "DTSTAMP:20250815T093000Z"));
  CHECK(values_of(lines, "DTSTART") ==
        std::vector<std::string>{"DTSTART;VALUE=DATE:20251103",
                                 "DTSTART;TZID=Europe/Amsterdam:20251002T153000"});
  // DTEND of an all-day event is exclusive.
  CHECK(values_of(lines, "DTEND") ==
        std::vector<std::string>{"DTEND;VALUE=DATE:20251108",
                                 "DTEND;TZID=Europe/Amsterdam:20251002T163000"});
  // The zone a timed event names is defined in the file.
  CHECK(std::count(lines.begin(), lines.end(), "BEGIN:VTIMEZONE") == 1);
  CHECK(std::count(lines.begin(), lines.end(), "TZID:Europe/Amsterdam") == 1);
}

TEST_CASE("calendar: iCalendar leaves the time zone out when every event is all-day") {
  const auto lines = unfolded(
      to_icalendar({all_day("a", "Study day", date(2025, 11, 24))}, options));
  CHECK(std::count(lines.begin(), lines.end(), "BEGIN:VTIMEZONE") == 0);
  CHECK(values_of(lines, "X-WR-CALNAME").size() == 1);
  const auto none = unfolded(to_icalendar({}, {.dtstamp = options.dtstamp}));
  CHECK(none == std::vector<std::string>{"BEGIN:VCALENDAR", "VERSION:2.0",
                                         "PRODID:-//peerkit//peerkit school calendar//EN",
                                         "CALSCALE:GREGORIAN", "METHOD:PUBLISH", "END:VCALENDAR"});
}

TEST_CASE("calendar: iCalendar folds long lines at 75 octets without splitting a UTF-8 character") {
  // Each 'é' is two octets; the odd prefix shifts them across every possible fold point.
  for (const std::string prefix : {"", "x", "xy"}) {
    std::string summary = prefix;
    for (int i = 0; i < 100; ++i) summary += "é";
    summary += " — gesprek met de coördinator, daarna € 5 voor de uitje‑pot 😀😀😀😀😀";
    const std::string text = to_icalendar({all_day("long", summary, date(2025, 9, 1))}, options);
    for (const auto& l : physical_lines(text)) {
      REQUIRE(l.size() <= 75);
      REQUIRE(detail::invalid_utf8_at(l) == std::string::npos);  // no piece of a character
    }
    const auto lines = unfolded(text);
    CHECK(values_of(lines, "SUMMARY") ==
          std::vector<std::string>{"SUMMARY:" + detail::ical_escape(summary)});
  }
  // A line of exactly 75 octets stays whole; 76 folds once.
  CHECK(detail::ical_fold(std::string(75, 'a')) == std::string(75, 'a') + "\r\n");
  CHECK(detail::ical_fold(std::string(76, 'a')) == std::string(75, 'a') + "\r\n a\r\n");
  CHECK(detail::ical_fold(std::string(75 + 74 + 1, 'a')) ==
        std::string(75, 'a') + "\r\n " + std::string(74, 'a') + "\r\n a\r\n");
}

TEST_CASE("calendar: iCalendar escapes commas, semicolons, backslashes and line breaks in text") {
  CHECK(detail::ical_escape("a,b;c\\d\ne\r\nf\rg") == "a\\,b\\;c\\\\d\\ne\\nf\\ng");
  CHECK(detail::ical_escape(std::string("tab\tstays, bell\a goes")) == "tab\tstays\\, bell goes");
  calendar_event e = all_day("x", "Intervision; group 2, coach \\ 1", date(2025, 9, 1));
  e.description = "Line one\nLine two";
  e.location = "Room 1.12, main building";
  e.categories = {"intervision", "peer_buddy,extra"};
  const auto lines = unfolded(to_icalendar({e}, options));
  CHECK(values_of(lines, "SUMMARY") ==
        std::vector<std::string>{"SUMMARY:Intervision\\; group 2\\, coach \\\\ 1"});
  CHECK(values_of(lines, "DESCRIPTION") ==
        std::vector<std::string>{"DESCRIPTION:Line one\\nLine two"});
  CHECK(values_of(lines, "LOCATION") ==
        std::vector<std::string>{"LOCATION:Room 1.12\\, main building"});
  CHECK(values_of(lines, "CATEGORIES") ==
        std::vector<std::string>{"CATEGORIES:intervision,peer_buddy\\,extra"});
}

TEST_CASE("calendar: iCalendar UIDs are stable, unique and carry no event text") {
  const auto uid = icalendar_uid("2025-2026/peer_buddy/intervision/1/3", "example-school.nl");
  CHECK(uid == icalendar_uid("2025-2026/peer_buddy/intervision/1/3", "example-school.nl"));
  CHECK(uid != icalendar_uid("2025-2026/peer_buddy/intervision/1/4", "example-school.nl"));
  CHECK(uid != icalendar_uid("2025-2026/peer_buddy/intervision/1/3", "other-school.nl"));
  CHECK(icalendar_uid("ab", "c") != icalendar_uid("a", "bc"));
  CHECK(uid.size() == 16 + 1 + std::string("example-school.nl").size());
  CHECK(uid.find("peer_buddy") == std::string::npos);
  // FNV-1a is fixed by its definition: the same UID on every platform and in every run
  // (the value was computed separately from the published algorithm).
  CHECK(icalendar_uid("2025/x", "school.nl") == "dabc984f374b1a30@school.nl");

  // The UID follows the id, not the content: a moved event keeps it.
  auto first = all_day("meeting-1", "Meeting", date(2025, 9, 1));
  auto moved = first;
  moved.day = date(2025, 9, 2);
  const auto uid_of = [](const calendar_event& e) {
    return values_of(unfolded(to_icalendar({e}, options)), "UID");
  };
  CHECK(uid_of(first) == uid_of(moved));
  // Same input, same bytes.
  const std::vector<calendar_event> two{first, all_day("m2", "x", date(2025, 9, 3))};
  CHECK(to_icalendar(two, options) == to_icalendar(two, options));
}

TEST_CASE("calendar: iCalendar rejects events it cannot write, naming each") {
  std::vector<calendar_event> events{
      all_day("a", "ok", date(2025, 9, 1)), all_day("", "no id", date(2025, 9, 2)),
      all_day("a", "again", date(2025, 9, 3)),
      all_day("c", std::string("bad \xC3\x28 byte"), date(2025, 9, 4)),
      timed("d", "two days", date(2025, 9, 5), hours(9), hours(1))};
  events[4].days = 2;
  try {
    (void)to_icalendar(events, options);
    FAIL("expected peerkit::error");
  } catch (const error& e) {
    std::vector<std::string> got;
    for (const auto& p : e.problems()) got.push_back(p.id + " @ " + p.location);
    CHECK(got == std::vector<std::string>{"icalendar.missing_id @ events[1].id",
                                          "icalendar.duplicate_id @ events[2].id",
                                          "icalendar.utf8 @ events[3].summary",
                                          "icalendar.timed_days @ events[4].days"});
  }
}
