#include <algorithm>
#include <vector>

#include <catch2/catch.hpp>

#include <peerkit/calendar/public_holidays.hpp>

using namespace peerkit;
using boost::gregorian::date;

namespace {
std::vector<date> days_of(const std::vector<public_holiday>& list, public_holiday_kind k) {
  std::vector<date> out;
  for (const auto& h : list)
    if (h.kind == k) out.push_back(h.day);
  return out;
}
}  // namespace

TEST_CASE("calendar: Easter Sunday by the Gregorian computus") {
  CHECK(easter_sunday(2000) == date(2000, 4, 23));
  CHECK(easter_sunday(2008) == date(2008, 3, 23));
  CHECK(easter_sunday(2011) == date(2011, 4, 24));
  CHECK(easter_sunday(2019) == date(2019, 4, 21));
  CHECK(easter_sunday(2024) == date(2024, 3, 31));
  CHECK(easter_sunday(2025) == date(2025, 4, 20));
  CHECK(easter_sunday(2026) == date(2026, 4, 5));
  CHECK(easter_sunday(2027) == date(2027, 3, 28));
  CHECK(easter_sunday(2038) == date(2038, 4, 25));  // the latest possible date
  CHECK(easter_sunday(2285) == date(2285, 3, 22));  // the earliest possible date
  for (int y = 1583; y < 2500; ++y) {
    const date e = easter_sunday(y);
    REQUIRE(e.day_of_week() == boost::gregorian::Sunday);
    REQUIRE(e >= date(y, 3, 22));
    REQUIRE(e <= date(y, 4, 25));
  }
}

TEST_CASE("calendar: King's Day moves to Saturday 26 April when 27 April is a Sunday") {
  CHECK(kings_day(2014) == date(2014, 4, 26));
  CHECK(kings_day(2025) == date(2025, 4, 26));
  CHECK(kings_day(2024) == date(2024, 4, 27));
  CHECK(kings_day(2026) == date(2026, 4, 27));
  CHECK(kings_day(2027) == date(2027, 4, 27));
  CHECK(kings_day(2031) == date(2031, 4, 26));
}

TEST_CASE("calendar: public holidays of several years") {
  using k = public_holiday_kind;
  struct expected {
    int year;
    date good_friday, easter_monday, ascension, whit_monday;
  };
  for (const auto& e :
       {expected{2024, {2024, 3, 29}, {2024, 4, 1}, {2024, 5, 9}, {2024, 5, 20}},
        expected{2025, {2025, 4, 18}, {2025, 4, 21}, {2025, 5, 29}, {2025, 6, 9}},
        expected{2026, {2026, 4, 3}, {2026, 4, 6}, {2026, 5, 14}, {2026, 5, 25}},
        expected{2027, {2027, 3, 26}, {2027, 3, 29}, {2027, 5, 6}, {2027, 5, 17}}}) {
    const auto list = public_holidays(e.year);
    CAPTURE(e.year);
    CHECK(days_of(list, k::good_friday) == std::vector{e.good_friday});
    CHECK(days_of(list, k::easter_monday) == std::vector{e.easter_monday});
    CHECK(days_of(list, k::ascension_day) == std::vector{e.ascension});
    CHECK(days_of(list, k::friday_after_ascension) ==
          std::vector{e.ascension + boost::gregorian::days(1)});
    CHECK(days_of(list, k::whit_monday) == std::vector{e.whit_monday});
    CHECK(days_of(list, k::new_years_day) == std::vector{date(e.year, 1, 1)});
    CHECK(days_of(list, k::liberation_day) == std::vector{date(e.year, 5, 5)});
    CHECK(days_of(list, k::christmas_day) == std::vector{date(e.year, 12, 25)});
    CHECK(days_of(list, k::boxing_day) == std::vector{date(e.year, 12, 26)});
    CHECK(std::is_sorted(
        list.begin(), list.end(),
        [](const public_holiday& a, const public_holiday& b) { return a.day < b.day; }));
  }
}

TEST_CASE("calendar: the school's choices of days off are options") {
  using k = public_holiday_kind;
  public_holiday_options plain{.good_friday = false,
                               .friday_after_ascension = false,
                               .liberation_day = liberation_day_rule::never};
  const auto list = public_holidays(2025, plain);
  CHECK(days_of(list, k::good_friday).empty());
  CHECK(days_of(list, k::friday_after_ascension).empty());
  CHECK(days_of(list, k::liberation_day).empty());
  CHECK(list.size() == 9);

  const public_holiday_options lustrum{.liberation_day = liberation_day_rule::lustrum_only};
  CHECK(days_of(public_holidays(2025, lustrum), k::liberation_day) ==
        std::vector{date(2025, 5, 5)});
  CHECK(days_of(public_holidays(2030, lustrum), k::liberation_day) ==
        std::vector{date(2030, 5, 5)});
  CHECK(days_of(public_holidays(2026, lustrum), k::liberation_day).empty());
}

TEST_CASE("calendar: a day can hold two holidays, both kept in date order") {
  // Ascension Day 2016 fell on Liberation Day.
  const auto list = public_holidays(2016);
  const auto both = std::count_if(
      list.begin(), list.end(), [](const public_holiday& h) { return h.day == date(2016, 5, 5); });
  CHECK(both == 2);
  // Ascension Day 2008 (1 May) came before Liberation Day.
  const auto l2008 = public_holidays(2008);
  CHECK(std::is_sorted(
      l2008.begin(), l2008.end(),
      [](const public_holiday& a, const public_holiday& b) { return a.day < b.day; }));
}

TEST_CASE("calendar: public holidays of a school year run from August to July") {
  const auto list = public_holidays(school_year{2025});
  REQUIRE_FALSE(list.empty());
  CHECK(list.front().day == date(2025, 12, 25));
  CHECK(list.back().day == date(2026, 5, 25));  // Whit Monday
  CHECK(dutch_name(public_holiday_kind::easter_monday) == "Tweede Paasdag");
  CHECK(key_of(public_holiday_kind::kings_day) == "kings_day");
}
