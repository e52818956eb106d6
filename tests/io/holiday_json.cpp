#include <catch2/catch.hpp>

#include "../problems.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include <peerkit/calendar/holiday_reader.hpp>
#include <peerkit/io/holiday_json.hpp>
#include <peerkit/io/text_file.hpp>

using namespace peerkit;
using boost::gregorian::date;
using boost::posix_time::ptime;
using peerkit_test::problems_of;

namespace {
const std::string fixture = std::string(PEERKIT_TEST_DATA_DIR) + "/schoolholidays_2025-2026.json";
const std::string shipped = std::string(PEERKIT_SOURCE_DIR) +
                            "/examples/data/school_holidays_nl.csv";

std::vector<std::string> json_problems(const std::string& text) {
  return problems_of([&] { (void)io::read_holiday_json(text, "test.json"); });
}

/// A document with one school year of the given vacations.
std::string with_vacations(const std::string& vacations) {
  return R"({"content": [{"schoolyear": "2025-2026", "vacations": [)" + vacations + "]}]}";
}

ptime utc(int y, int m, int d, int hour, int minute) {
  return ptime(date(static_cast<unsigned short>(y), static_cast<unsigned short>(m),
                    static_cast<unsigned short>(d)),
               boost::posix_time::hours(hour) + boost::posix_time::minutes(minute));
}
}  // namespace

TEST_CASE("io: the open-data holidays give the same periods as the shipped file") {
  const auto from_json = io::read_holiday_json(io::read_text_file(fixture));
  auto from_csv = read_holidays_file(shipped);
  std::erase_if(from_csv, [](const holiday_period& h) { return h.year != school_year{2025}; });
  REQUIRE(from_json.size() == 15);  // five holidays in three regions
  CHECK(from_json == from_csv);
}

TEST_CASE("io: a holiday ends on its last Dutch day, in summer and in winter time") {
  const auto holidays = io::read_holiday_json(io::read_text_file(fixture));
  const auto find = [&](holiday_kind kind, holiday_region region) {
    const auto it = std::find_if(holidays.begin(), holidays.end(), [&](const holiday_period& h) {
      return h.kind == kind && h.region == region;
    });
    REQUIRE(it != holidays.end());
    return *it;
  };
  // 2025-10-26T22:59Z is 23:59 on the day summer time ended; 21:59Z is 23:59 in summer.
  CHECK(find(holiday_kind::autumn, holiday_region::noord).last == date(2025, 10, 26));
  CHECK(find(holiday_kind::autumn, holiday_region::zuid).last == date(2025, 10, 19));
  CHECK(find(holiday_kind::christmas, holiday_region::zuid).last == date(2026, 1, 4));
  CHECK(find(holiday_kind::summer, holiday_region::midden).last == date(2026, 8, 30));
  CHECK(find(holiday_kind::may, holiday_region::noord).status == holiday_status::compulsory);
  CHECK(find(holiday_kind::spring, holiday_region::noord).status == holiday_status::advisory);

  // Midnight Dutch time written in UTC is the evening before.
  const auto summer = io::read_holiday_json(with_vacations(
      R"({"type": "Zomervakantie", "compulsorydates": "true", "regions": [{"region": "zuid",
          "startdate": "2026-07-10T22:00Z", "enddate": "2026-08-23T21:59:59Z"}]})"));
  REQUIRE(summer.size() == 1);
  CHECK(summer[0].first == date(2026, 7, 11));
  CHECK(summer[0].last == date(2026, 8, 23));
}

TEST_CASE("io: Dutch time changes at 01:00 UTC on the last Sundays of March and October") {
  using io::detail::dutch_time;
  CHECK(dutch_time(utc(2026, 3, 29, 0, 59)) == utc(2026, 3, 29, 1, 59));
  CHECK(dutch_time(utc(2026, 3, 29, 1, 0)) == utc(2026, 3, 29, 3, 0));
  CHECK(dutch_time(utc(2026, 10, 25, 0, 59)) == utc(2026, 10, 25, 2, 59));
  CHECK(dutch_time(utc(2026, 10, 25, 1, 0)) == utc(2026, 10, 25, 2, 0));
  CHECK(dutch_time(utc(2026, 12, 31, 23, 30)) == utc(2027, 1, 1, 0, 30));

  CHECK(io::detail::read_utc_time("2025-10-18T00:00Z") == utc(2025, 10, 18, 0, 0));
  CHECK(io::detail::read_utc_time("2025-10-26T22:59:00.000Z") == utc(2025, 10, 26, 22, 59));
  for (const char* bad : {"2025-10-18", "2025-10-18T00:00", "2025-10-18T00:00+01:00",
                          "2025-10-18T24:00Z", "2025-10-18T00:00:00.Z", "2025-13-18T00:00Z"})
    CHECK_FALSE(io::detail::read_utc_time(bad));
}

TEST_CASE("io: every problem of an open-data file is reported at its path") {
  CHECK(
      json_problems(with_vacations(
          R"({"type": "Paasvakantie", "compulsorydates": "yes", "regions": [
                 {"region": "oost", "startdate": "2026-04-04", "enddate": "2026-04-12T21:59Z"}]},
               {"type": "Herfstvakantie", "compulsorydates": "false", "extra": 1, "regions": [
                 {"region": "zuid", "startdate": "2025-10-11T00:00Z", "enddate": "2025-10-10T21:59Z"},
                 {"region": "noord", "startdate": "2026-10-10T00:00Z", "enddate": "2026-10-18T21:59Z"},
                 {"region": "midden", "startdate": 20251018}]},
               {"compulsorydates": true, "regions": {}})")) ==
      std::vector<std::string>{
          "calendar.holiday test.json: content[0].vacations[0].type: expected a school holiday "
          "(herfstvakantie, kerstvakantie, voorjaarsvakantie, meivakantie, zomervakantie), "
          "found \"Paasvakantie\"",
          "calendar.status test.json: content[0].vacations[0].compulsorydates: expected \"true\" "
          "or "
          "\"false\", found \"yes\"",
          "calendar.region test.json: content[0].vacations[0].regions[0].region: expected a region "
          "(noord, midden, zuid or heel Nederland), found \"oost\"",
          "json.bad_date test.json: content[0].vacations[0].regions[0].startdate: expected a UTC "
          "time "
          "such as \"2025-10-18T00:00:00.000Z\", found \"2026-04-04\"",
          "json.unknown_field test.json: content[0].vacations[1].extra: unknown field 'extra'",
          "calendar.date_order test.json: content[0].vacations[1].regions[0].enddate: expected a "
          "last day "
          "on or after the first day 2025-10-11, found 2025-10-10",
          "calendar.outside_school_year test.json: content[0].vacations[1].regions[1].startdate: "
          "expected "
          "a first day within school year 2025-2026, found 2026-10-10",
          "json.wrong_type test.json: content[0].vacations[1].regions[2].startdate: expected a "
          "string, "
          "found an integer",
          "json.missing_field test.json: content[0].vacations[1].regions[2]: missing required "
          "field "
          "'enddate'",
          "json.missing_field test.json: content[0].vacations[2]: missing required field 'type'",
          "json.wrong_type test.json: content[0].vacations[2].compulsorydates: expected a string, "
          "found "
          "a boolean",
          "json.wrong_type test.json: content[0].vacations[2].regions: expected an array, found an "
          "object"});

  CHECK(json_problems(R"({"content": [{"schoolyear": "2025/2026", "vacations": []}]})") ==
        std::vector<std::string>{
            "calendar.school_year test.json: content[0].schoolyear: expected a school "
            "year such as \"2025-2026\", found \"2025/2026\""});
  CHECK(json_problems(R"({"id": "x"})") ==
        std::vector<std::string>{"json.missing_field test.json: missing required field 'content'"});
  CHECK(json_problems("[]") ==
        std::vector<std::string>{"json.wrong_type test.json: expected an object with the field "
                                 "'content', found an array"});
  const auto syntax = json_problems("{\"content\": [\n  {\"vacations\": [}]}");
  REQUIRE(syntax.size() == 1);
  CHECK(syntax[0].starts_with("json.syntax test.json:2:"));
}

TEST_CASE("io: an open-data file gives each holiday once per region") {
  CHECK(
      json_problems(with_vacations(
          R"({"type": "Kerstvakantie", "compulsorydates": "true", "regions": [
                 {"region": "heel Nederland", "startdate": "2025-12-20T00:00Z", "enddate": "2026-01-04T22:59Z"},
                 {"region": "midden", "startdate": "2025-12-20T00:00Z", "enddate": "2026-01-04T22:59Z"}]},
               {"type": "Meivakantie", "compulsorydates": "true", "regions": [
                 {"region": "zuid", "startdate": "2025-12-27T00:00Z", "enddate": "2026-01-04T22:59Z"}]})")) ==
      std::vector<std::string>{
          "calendar.duplicate_holiday test.json: content[0].vacations[0].regions[1]: expected one "
          "kerstvakantie 2025-2026 per region, found a second for midden (the first is at "
          "content[0].vacations[0].regions[0])",
          "calendar.overlapping_holidays test.json: content[0].vacations[1].regions[0]: expected "
          "national "
          "holidays of region zuid not to overlap, found meivakantie overlapping kerstvakantie "
          "at content[0].vacations[0].regions[0]"});
}

TEST_CASE("io: a holiday file is read by its kind") {
  CHECK(io::read_holiday_file(fixture) == io::read_holiday_json(io::read_text_file(fixture)));
  CHECK(io::read_holiday_file(shipped) == read_holidays_file(shipped));
  CHECK(problems_of([] { (void)io::read_holiday_file("holidays.txt"); }) ==
        std::vector<std::string>{"calendar.file holidays.txt: expected a holiday file ending in "
                                 ".csv or .json, found \"holidays.txt\""});
  CHECK(problems_of([] { (void)io::read_holiday_file("no/such/holidays.json"); }) ==
        std::vector<std::string>{"io.cannot_read no/such/holidays.json: cannot read the file"});
}

TEST_CASE("io: the open data fills a year the holiday data lacks") {
  auto holidays = read_holidays_file(shipped);
  std::erase_if(holidays, [](const holiday_period& h) {
    return h.year == school_year{2025} && h.kind == holiday_kind::summer;
  });
  CHECK_THROWS_AS(require_holidays(holidays, school_year{2025}, holiday_region::midden), error);
  holidays = merge_holidays(holidays, io::read_holiday_file(fixture));
  CHECK_NOTHROW(require_holidays(holidays, school_year{2025}, holiday_region::midden));
}

TEST_CASE("io: the shipped holidays are read as they are, or updated by a file of either kind") {
  CHECK(io::read_holidays_updated(shipped, std::nullopt) == read_holidays_file(shipped));
  CHECK(io::read_holidays_updated(shipped, fixture) ==
        merge_holidays(read_holidays_file(shipped),
                       io::read_holiday_json(io::read_text_file(fixture))));
  CHECK(problems_of([] { (void)io::read_holidays_updated(shipped, "holidays.txt"); }) ==
        problems_of([] { (void)io::read_holiday_file("holidays.txt"); }));
}
