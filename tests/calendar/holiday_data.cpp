#include <algorithm>
#include <sstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include <peerkit/calendar/holiday_reader.hpp>

using namespace peerkit;
using boost::gregorian::date;

namespace {
const std::string shipped_file = std::string(PEERKIT_SOURCE_DIR) +
                                 "/examples/data/school_holidays_nl.csv";

std::vector<holiday_period> read_text(const std::string& text) {
  std::istringstream in(text);
  return read_holidays(in, "test.csv");
}

std::vector<problem> problems_of(const std::string& text) {
  try {
    (void)read_text(text);
  } catch (const error& e) {
    return e.problems();
  }
  return {};
}

const holiday_period& find(const std::vector<holiday_period>& all, int year, holiday_kind kind,
                           holiday_region region) {
  const auto it = std::find_if(all.begin(), all.end(), [&](const holiday_period& h) {
    return h.year == school_year{year} && h.kind == kind && h.region == region;
  });
  REQUIRE(it != all.end());
  return *it;
}

const std::string header = "school_year,holiday,region,first_day,last_day,status\n";
}  // namespace

TEST_CASE("calendar: the shipped file holds the official dates per region") {
  const auto all = read_holidays_file(shipped_file);
  using k = holiday_kind;
  using r = holiday_region;
  const auto check = [&](int year, k kind, r region, date first, date last, holiday_status status) {
    const auto& h = find(all, year, kind, region);
    CAPTURE(year, key_of(kind), key_of(region));
    CHECK(h.first == first);
    CHECK(h.last == last);
    CHECK(h.status == status);
  };
  const auto verplicht = holiday_status::compulsory;
  const auto advies = holiday_status::advisory;

  // 2024-2025
  check(2024, k::autumn, r::noord, {2024, 10, 26}, {2024, 11, 3}, advies);
  check(2024, k::autumn, r::midden, {2024, 10, 26}, {2024, 11, 3}, advies);
  check(2024, k::autumn, r::zuid, {2024, 10, 19}, {2024, 10, 27}, advies);
  for (const auto region : all_holiday_regions) {
    check(2024, k::christmas, region, {2024, 12, 21}, {2025, 1, 5}, verplicht);
    check(2024, k::may, region, {2025, 4, 26}, {2025, 5, 4}, verplicht);
  }
  check(2024, k::spring, r::noord, {2025, 2, 15}, {2025, 2, 23}, advies);
  check(2024, k::spring, r::midden, {2025, 2, 22}, {2025, 3, 2}, advies);
  check(2024, k::spring, r::zuid, {2025, 2, 22}, {2025, 3, 2}, advies);
  check(2024, k::summer, r::noord, {2025, 7, 12}, {2025, 8, 24}, verplicht);
  check(2024, k::summer, r::midden, {2025, 7, 19}, {2025, 8, 31}, verplicht);
  check(2024, k::summer, r::zuid, {2025, 7, 5}, {2025, 8, 17}, verplicht);

  // 2025-2026
  check(2025, k::autumn, r::noord, {2025, 10, 18}, {2025, 10, 26}, advies);
  check(2025, k::autumn, r::midden, {2025, 10, 18}, {2025, 10, 26}, advies);
  check(2025, k::autumn, r::zuid, {2025, 10, 11}, {2025, 10, 19}, advies);
  for (const auto region : all_holiday_regions) {
    check(2025, k::christmas, region, {2025, 12, 20}, {2026, 1, 4}, verplicht);
    check(2025, k::may, region, {2026, 4, 25}, {2026, 5, 3}, verplicht);
  }
  check(2025, k::spring, r::noord, {2026, 2, 21}, {2026, 3, 1}, advies);
  check(2025, k::spring, r::midden, {2026, 2, 14}, {2026, 2, 22}, advies);
  check(2025, k::spring, r::zuid, {2026, 2, 14}, {2026, 2, 22}, advies);
  check(2025, k::summer, r::noord, {2026, 7, 4}, {2026, 8, 16}, verplicht);
  check(2025, k::summer, r::midden, {2026, 7, 18}, {2026, 8, 30}, verplicht);
  check(2025, k::summer, r::zuid, {2026, 7, 11}, {2026, 8, 23}, verplicht);

  // 2026-2027: what is published
  check(2026, k::autumn, r::noord, {2026, 10, 10}, {2026, 10, 18}, advies);
  check(2026, k::autumn, r::midden, {2026, 10, 17}, {2026, 10, 25}, advies);
  check(2026, k::autumn, r::zuid, {2026, 10, 17}, {2026, 10, 25}, advies);
  for (const auto region : all_holiday_regions)
    check(2026, k::christmas, region, {2026, 12, 19}, {2027, 1, 3}, verplicht);
  check(2026, k::spring, r::noord, {2027, 2, 20}, {2027, 2, 28}, advies);
  check(2026, k::spring, r::midden, {2027, 2, 20}, {2027, 2, 28}, advies);
  check(2026, k::spring, r::zuid, {2027, 2, 13}, {2027, 2, 21}, advies);

  CHECK(all.size() == 3 * 5 * 2 + 3 * 3);
}

TEST_CASE(
    "calendar: shipped national holidays run Saturday to Sunday and follow the region rules") {
  const auto all = read_holidays_file(shipped_file);
  for (const auto& h : all) {
    CAPTURE(h.year.to_string(), key_of(h.kind), key_of(h.region));
    CHECK(h.first.day_of_week() == boost::gregorian::Saturday);
    CHECK(h.last.day_of_week() == boost::gregorian::Sunday);
    const long days = (h.last - h.first).days() + 1;
    CHECK(days == (h.kind == holiday_kind::summer      ? 44
                   : h.kind == holiday_kind::christmas ? 16
                                                       : 9));
    CHECK(h.status == (h.kind == holiday_kind::autumn || h.kind == holiday_kind::spring
                           ? holiday_status::advisory
                           : holiday_status::compulsory));
  }
  // Autumn and spring: Noord and Zuid never share the week.
  for (const int y : {2024, 2025, 2026})
    for (const auto kind : {holiday_kind::autumn, holiday_kind::spring}) {
      CAPTURE(y, key_of(kind));
      CHECK(find(all, y, kind, holiday_region::noord).first !=
            find(all, y, kind, holiday_region::zuid).first);
    }
}

TEST_CASE("calendar: reading skips comments and blank lines, accepts CRLF and all regions") {
  const auto all = read_text(
      "\xEF\xBB\xBF# a comment\r\n\r\n" + header +
      "  # indented comment\n"
      " 2025-2026 , kerstvakantie , all , 2025-12-20 , 2026-01-04 , verplicht \r\n"
      "2025-2026,studiedag,zuid,2025-11-24,2025-11-24,school\n");
  REQUIRE(all.size() == 4);
  // In date order, then by region.
  CHECK(all[0] == holiday_period{school_year{2025}, holiday_kind::study_day, holiday_region::zuid,
                                 date(2025, 11, 24), date(2025, 11, 24),
                                 holiday_status::school_choice});
  for (std::size_t i = 1; i < 4; ++i) {
    CHECK(all[i].kind == holiday_kind::christmas);
    CHECK(all[i].region == all_holiday_regions[i - 1]);
    CHECK(all[i].first == date(2025, 12, 20));
    CHECK(all[i].last == date(2026, 1, 4));
  }
}

TEST_CASE("calendar: reading errors name line, column and what was expected, all at once") {
  const auto problems = problems_of(
      header +
      "2025-2026,herfstvakantie,nord,2025-10-18,2025-10-26,advies\n"    // line 2
      "2025-2027,herfst,noord,2025-10-18,2025-10-32,maybe\n"            // line 3
      "2025-2026,kerstvakantie,all,2025-12-20\n"                        // line 4
      "2025-2026,meivakantie,all,2026-05-03,2026-04-25,verplicht\n"     // line 5
      "2025-2026,meivakantie,all,2025-04-26,2025-05-04,verplicht\n"     // line 6
      "2025-2026,studiedag,all,2025-11-24,2025-11-24,verplicht\n"       // line 7
      "2025-2026,zomervakantie,noord,2026-07-04,2026-08-16,school\n");  // line 8
  std::vector<std::string> got;
  for (const auto& p : problems) got.push_back(p.id + " @ " + p.location);
  CHECK(got == std::vector<std::string>{
                   "calendar.region @ test.csv:2:26",
                   "calendar.school_year @ test.csv:3:1",
                   "calendar.holiday @ test.csv:3:11",
                   "calendar.date @ test.csv:3:35",
                   "calendar.status @ test.csv:3:46",
                   "calendar.field_count @ test.csv:4:39",
                   "calendar.date_order @ test.csv:5:38",
                   "calendar.outside_school_year @ test.csv:6:27",
                   "calendar.status @ test.csv:7:47",
                   "calendar.status @ test.csv:8:53",
               });
  REQUIRE(problems.size() == 10);
  CHECK(problems[0].message ==
        "expected a region (noord, midden, zuid; all for every region), found \"nord\"");
  CHECK(problems[3].message == "expected a date as YYYY-MM-DD, found \"2025-10-32\"");
  CHECK(problems[5].message.find("expected 6 comma-separated fields") == 0);
  CHECK(problems[7].message ==
        "expected a first day within school year 2025-2026 (2025-08-01 to 2026-07-31), found "
        "\"2025-04-26\"");
}

TEST_CASE("calendar: holiday dates are ISO dates of real days") {
  const auto problems = problems_of(
      header +
      "2025-2026,herfstvakantie,noord,2025/10/18,18-10-2025,advies\n"  // line 2
      "2025-2026,herfstvakantie,zuid,2025-10-11,2025-2-19,advies\n"    // line 3
      "2025-2026,studiedag,zuid,20251124,2025-02-30,school\n");        // line 4
  std::vector<std::string> got;
  for (const auto& p : problems) got.push_back(p.id + " @ " + p.location + ": " + p.message);
  CHECK(got ==
        std::vector<std::string>{
            R"(calendar.date @ test.csv:2:32: expected a date as YYYY-MM-DD, found "2025/10/18")",
            R"(calendar.date @ test.csv:2:43: expected a date as YYYY-MM-DD, found "18-10-2025")",
            R"(calendar.date @ test.csv:3:42: expected a date as YYYY-MM-DD, found "2025-2-19")",
            R"(calendar.date @ test.csv:4:26: expected a date as YYYY-MM-DD, found "20251124")",
            R"(calendar.date @ test.csv:4:35: expected a date as YYYY-MM-DD, found "2025-02-30")",
        });
  // Blanks around a field belong to the file's layout, not to the date.
  CHECK(read_text(header + "2025-2026,studiedag,zuid, 2025-11-24\t, 2025-11-24 ,school\n")
            .front()
            .first == date(2025, 11, 24));
}

TEST_CASE("calendar: reading rejects a missing header, duplicates and overlaps") {
  const auto no_header = problems_of(
      "2025-2026,kerstvakantie,all,2025-12-20,2026-01-04,verplicht\n");
  REQUIRE(no_header.size() == 1);
  CHECK(no_header[0].id == "calendar.header");
  CHECK(no_header[0].location == "test.csv:1:1");

  const auto empty = problems_of("# nothing\n");
  REQUIRE(empty.size() == 1);
  CHECK(empty[0].id == "calendar.header");

  const auto twice = problems_of(header +
                                 "2025-2026,kerstvakantie,all,2025-12-20,2026-01-04,verplicht\n"
                                 "2025-2026,kerstvakantie,midden,2025-12-20,2026-01-04,verplicht\n"
                                 "2025-2026,herfstvakantie,zuid,2025-10-11,2025-10-19,advies\n"
                                 "2025-2026,meivakantie,zuid,2025-10-18,2025-10-26,verplicht\n"
                                 "2025-2026,studiedag,zuid,2025-10-13,2025-10-13,school\n");
  REQUIRE(twice.size() == 2);
  CHECK(twice[0].id == "calendar.duplicate_holiday");
  CHECK(twice[0].location == "test.csv:3:1");
  CHECK(twice[0].message ==
        "expected one kerstvakantie 2025-2026 per region, found a second for midden (the first is "
        "at line 2)");
  CHECK(twice[1].id == "calendar.overlapping_holidays");
  CHECK(twice[1].location == "test.csv:5:1");

  CHECK_THROWS_AS(read_holidays_file(std::string(PEERKIT_SOURCE_DIR) + "/no/such/file.csv"), error);
}

TEST_CASE("calendar: a school's own file updates national dates and adds its own days") {
  const auto shipped = read_holidays_file(shipped_file);
  const auto own = read_text(header +
                             "2026-2027,meivakantie,all,2027-04-24,2027-05-02,verplicht\n"
                             "2025-2026,herfstvakantie,zuid,2025-10-18,2025-10-26,advies\n"
                             "2025-2026,studiedag,zuid,2025-11-24,2025-11-24,school\n"
                             "2025-2026,vrije_dag,zuid,2026-05-04,2026-05-08,school\n");
  const auto merged = merge_holidays(shipped, own);
  CHECK(merged.size() == shipped.size() + 3 + 2);
  CHECK(find(merged, 2025, holiday_kind::autumn, holiday_region::zuid).first == date(2025, 10, 18));
  CHECK(find(merged, 2025, holiday_kind::autumn, holiday_region::noord).first ==
        date(2025, 10, 18));
  CHECK(find(merged, 2026, holiday_kind::may, holiday_region::midden).first == date(2027, 4, 24));
  CHECK(std::count_if(merged.begin(), merged.end(), [](const holiday_period& h) {
          return h.kind == holiday_kind::autumn && h.year == school_year{2025};
        }) == 3);
  CHECK(std::is_sorted(
      merged.begin(), merged.end(),
      [](const holiday_period& a, const holiday_period& b) { return a.first < b.first; }));
}

TEST_CASE("calendar: a year without holiday data says what is missing and where to get it") {
  const auto shipped = read_holidays_file(shipped_file);
  CHECK_NOTHROW(require_holidays(shipped, school_year{2025}, holiday_region::zuid));

  const std::string open_data =
      "https://opendata.rijksoverheid.nl/v1/sources/rijksoverheid/infotypes/schoolholidays/"
      "schoolyear/";
  std::vector<problem> zuid_2026;
  try {
    require_holidays(shipped, school_year{2026}, holiday_region::zuid);
  } catch (const error& e) {
    zuid_2026 = e.problems();
  }
  REQUIRE(zuid_2026.size() == 1);
  CHECK(zuid_2026[0].id == "calendar.missing_holidays");
  CHECK(zuid_2026[0].location == "school year 2026-2027, region zuid");
  CHECK(zuid_2026[0].message ==
        "the holiday data lacks meivakantie 2026-2027 and zomervakantie 2026-2027 of region "
        "zuid; load the government's school holidays (open-data JSON: " +
            open_data +
            "2026-2027?output=json) with the tool's --holidays FILE.json, or read_holiday_file "
            "in code");

  // A year past the data lacks all five, and the summer before it runs into August.
  const auto noord_2027 = missing_holidays(shipped, school_year{2027}, holiday_region::noord);
  CHECK(noord_2027.size() == 6);
  CHECK(missing_holidays_message(noord_2027) ==
        "the holiday data lacks herfstvakantie 2027-2028, kerstvakantie 2027-2028, "
        "voorjaarsvakantie 2027-2028, meivakantie 2027-2028, zomervakantie 2027-2028 and "
        "zomervakantie 2026-2027 of region noord; load the government's school holidays "
        "(open-data JSON: " +
            open_data + "2026-2027?output=json, " + open_data +
            "2027-2028?output=json) with the tool's --holidays FILE.json, or read_holiday_file "
            "in code");
}
