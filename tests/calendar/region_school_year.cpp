#include <catch2/catch.hpp>

#include <peerkit/calendar/school_year.hpp>
#include <peerkit/core/region.hpp>

using namespace peerkit;
using boost::gregorian::date;

TEST_CASE("calendar: holiday regions read and print as in the government data") {
  for (const auto r : all_holiday_regions) REQUIRE(from_key<holiday_region>(key_of(r)) == r);
  CHECK(key_of(holiday_region::noord) == "noord");
  CHECK(key_of(holiday_region::midden) == "midden");
  CHECK(key_of(holiday_region::zuid) == "zuid");
  CHECK_FALSE(from_key<holiday_region>("Noord").has_value());
  CHECK_FALSE(from_key<holiday_region>("all").has_value());
}

TEST_CASE("calendar: a school year runs from 1 August to 31 July") {
  const school_year y{2025};
  CHECK(y.first_day() == date(2025, 8, 1));
  CHECK(y.last_day() == date(2026, 7, 31));
  CHECK(y.contains(date(2025, 8, 1)));
  CHECK(y.contains(date(2026, 7, 31)));
  CHECK_FALSE(y.contains(date(2025, 7, 31)));
  CHECK_FALSE(y.contains(date(2026, 8, 1)));
  CHECK(school_year_of(date(2025, 8, 1)) == y);
  CHECK(school_year_of(date(2026, 7, 31)) == y);
  CHECK(school_year_of(date(2026, 1, 15)) == y);
  CHECK(school_year_of(date(2025, 7, 31)) == school_year{2024});
  CHECK(y.next() == school_year{2026});
  CHECK(y.previous() == school_year{2024});
  CHECK(school_year{2024} < y);
}

TEST_CASE("calendar: a school year prints and parses as 2025-2026") {
  CHECK(school_year{2025}.to_string() == "2025-2026");
  CHECK(parse_school_year("2025-2026") == school_year{2025});
  STATIC_REQUIRE(parse_school_year("1999-2000") == school_year{1999});
  for (const char* bad : {"2025-2027", "2025/2026", "2025-26", "25-26", "", "2025-2026 ",
                          "abcd-efgh", "1399-1400", "9999-0000"})
    CHECK_FALSE(parse_school_year(bad).has_value());
}
