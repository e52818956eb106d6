#include <catch2/catch.hpp>

#include <optional>
#include <string>

#include <peerkit/core/date_text.hpp>

using namespace peerkit;

namespace {
constexpr auto iso = date_dialect::iso;
constexpr auto day_first = date_dialect::iso_or_day_month_year;
}  // namespace

TEST_CASE("core: an ISO date is four, two and two digits of a real day") {
  CHECK(read_date("2013-09-07") == date(2013, 9, 7));
  CHECK(read_date("2012-02-29") == date(2012, 2, 29));
  CHECK(read_date("2000-02-29") == date(2000, 2, 29));
  CHECK(read_date("1400-01-01") == date(1400, 1, 1));
  CHECK(read_date("9999-12-31") == date(9999, 12, 31));
  CHECK(read_date("2025-12-31", iso) == date(2025, 12, 31));
}

TEST_CASE("core: anything else is not an ISO date") {
  for (const std::string text : {
           "",
           "2013/09/07",
           "2013.09.07",
           "2013-9-7",
           "2013-09-7",
           "2013-9-07",
           "20130907",
           "2013-0907",
           "13-09-07",
           "02013-09-07",
           "2013-009-07",
           "2013-09-007",
           " 2013-09-07",
           "2013-09-07 ",
           "\t2013-09-07",
           "2013-09-07\n",
           "2013 -09-07",
           "2013-09-07-01",
           "2013-09-07T10:00",
           "2013-02-30",
           "2013-02-29",
           "1900-02-29",
           "2013-13-01",
           "2013-00-10",
           "2013-04-31",
           "2013-09-00",
           "2013-09-32",
           "1399-12-31",
           "0000-01-01",
           "abcd-ef-gh",
           "+013-09-07",
           "2013-+9-07",
           "2013--9-07",
           "-2013-09-07",
           "2013-09-٠٧",
           "07-09-2013",
       }) {
    CAPTURE(text);
    CHECK(read_date(text) == std::nullopt);
  }
}

TEST_CASE("core: the day-month-year dialect also reads dates as Dutch spreadsheets show them") {
  CHECK(read_date("07-09-2013", day_first) == date(2013, 9, 7));
  CHECK(read_date("7-9-2013", day_first) == date(2013, 9, 7));
  CHECK(read_date("7-09-2013", day_first) == date(2013, 9, 7));
  CHECK(read_date("29-02-2012", day_first) == date(2012, 2, 29));
  CHECK(read_date("31-12-9999", day_first) == date(9999, 12, 31));
  // ISO dates stay dates: a year of four digits first is never a day.
  CHECK(read_date("2013-09-07", day_first) == date(2013, 9, 7));
  for (const std::string text : {
           "",           "07/09/2013", "07.09.2013", "07-09-13",   "007-09-2013", "07-009-2013",
           "-09-2013",   "07--2013",   "07092013",   "29-02-2013", "31-04-2013",  "00-09-2013",
           "07-13-2013", "07-00-2013", "32-01-2013", "07-09-1399", " 7-9-2013",   "7-9-2013 ",
           "2013-9-7",   "2013/09/07", "20130907",   "7-9-02013",  "7-9-2013-1",  "09-2013",
       }) {
    CAPTURE(text);
    CHECK(read_date(text, day_first) == std::nullopt);
  }
}

TEST_CASE("core: messages name the form of a date a reader expected") {
  CHECK(date_pattern(iso) == "YYYY-MM-DD");
  CHECK(date_pattern(day_first) == "YYYY-MM-DD or DD-MM-YYYY");
  CHECK(expected_date() == "a date as YYYY-MM-DD");
  CHECK(expected_date(day_first) == "a date as YYYY-MM-DD or DD-MM-YYYY");
}
