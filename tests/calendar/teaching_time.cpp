#include <string>

#include <catch2/catch.hpp>

#include <peerkit/calendar/holiday_reader.hpp>
#include <peerkit/calendar/school_calendar.hpp>
#include <peerkit/calendar/teaching_time.hpp>

using namespace peerkit;
using boost::gregorian::date;

namespace {
const std::vector<holiday_period>& shipped() {
  static const auto all = read_holidays_file(std::string(PEERKIT_SOURCE_DIR) +
                                             "/examples/data/school_holidays_nl.csv");
  return all;
}
school_calendar calendar_for(holiday_region r) { return {r, shipped(), {}}; }
}  // namespace

TEST_CASE("calendar: days are classified by holiday, public holiday and weekend") {
  const auto midden = calendar_for(holiday_region::midden);
  const auto zuid = calendar_for(holiday_region::zuid);
  // Autumn 2025: Zuid 11-19 October, Midden 18-26 October.
  CHECK(classify_day(zuid, date(2025, 10, 13)) ==
        day_status{day_kind::school_holiday, holiday_kind::autumn, std::nullopt});
  CHECK(is_teaching_day(midden, date(2025, 10, 13)));
  CHECK_FALSE(is_teaching_day(midden, date(2025, 10, 20)));
  CHECK(is_teaching_day(zuid, date(2025, 10, 20)));
  // Summer 2025 runs on into the new school year: Midden until 31 August, Zuid until 17 August.
  CHECK(classify_day(midden, date(2025, 8, 25)).holiday == holiday_kind::summer);
  CHECK(is_teaching_day(zuid, date(2025, 8, 25)));
  // Public holidays outside the holidays.
  CHECK(classify_day(midden, date(2026, 5, 14)) ==
        day_status{day_kind::public_holiday, std::nullopt, public_holiday_kind::ascension_day});
  CHECK(classify_day(midden, date(2026, 5, 15)).public_holiday ==
        public_holiday_kind::friday_after_ascension);
  CHECK(classify_day(midden, date(2026, 5, 5)).public_holiday ==
        public_holiday_kind::liberation_day);
  CHECK(classify_day(midden, date(2026, 4, 6)).public_holiday ==
        public_holiday_kind::easter_monday);
  CHECK(classify_day(midden, date(2026, 4, 3)).public_holiday == public_holiday_kind::good_friday);
  CHECK(classify_day(midden, date(2026, 5, 25)).public_holiday == public_holiday_kind::whit_monday);
  // King's Day 2026 (Monday 27 April) lies in the May holiday: the holiday is reported.
  CHECK(classify_day(midden, date(2026, 4, 27)).kind == day_kind::school_holiday);
  CHECK(classify_day(midden, date(2025, 9, 6)).kind == day_kind::weekend);
  CHECK(classify_day(midden, date(2025, 9, 8)) == day_status{});

  auto free_thursday_only = midden;
  free_thursday_only.days_off.friday_after_ascension = false;
  CHECK(is_teaching_day(free_thursday_only, date(2026, 5, 15)));
}

TEST_CASE("calendar: teaching days and weeks of 2025-2026 per region") {
  struct expected {
    holiday_region region;
    int days, weeks;
    date first, last;
  };
  for (const auto& e : {expected{holiday_region::noord, 194, 40, {2025, 8, 25}, {2026, 7, 3}},
                        expected{holiday_region::midden, 199, 41, {2025, 9, 1}, {2026, 7, 17}},
                        expected{holiday_region::zuid, 204, 42, {2025, 8, 18}, {2026, 7, 10}}}) {
    CAPTURE(key_of(e.region));
    const auto t = teaching_time(calendar_for(e.region), school_year{2025});
    REQUIRE(t.complete());
    CHECK(t.day_count() == e.days);
    CHECK(t.week_count() == e.weeks);
    CHECK(t.weeks.front().days.front() == e.first);
    CHECK(t.weeks.back().days.back() == e.last);
    CHECK(t.check() == norm_check::met);
    for (const auto& w : t.weeks) {
      REQUIRE(w.monday.day_of_week() == boost::gregorian::Monday);
      REQUIRE_FALSE(w.days.empty());
      REQUIRE(w.days.size() <= 5);
    }
  }
}

TEST_CASE("calendar: the norm is a parameter, and the school's study days count") {
  auto noord = calendar_for(holiday_region::noord);
  CHECK(teaching_time(noord, school_year{2025}).minimum_days == minimum_teaching_days);
  CHECK(minimum_teaching_days == 189);
  CHECK(teaching_time(noord, school_year{2025}, 195).check() == norm_check::below_minimum);

  // Six study days on Mondays in term time take Noord from 194 to 188 days.
  for (const date d : {date(2025, 9, 15), date(2025, 11, 24), date(2026, 1, 19), date(2026, 3, 16),
                       date(2026, 6, 8), date(2026, 6, 29)})
    noord.holidays.push_back({school_year{2025}, holiday_kind::study_day, holiday_region::noord, d,
                              d, holiday_status::school_choice});
  const auto t = teaching_time(noord, school_year{2025});
  CHECK(t.day_count() == 188);
  CHECK(t.check() == norm_check::below_minimum);
  // A study day of another region does not count.
  auto midden = calendar_for(holiday_region::midden);
  midden.holidays.push_back({school_year{2025}, holiday_kind::study_day, holiday_region::noord,
                             date(2025, 9, 15), date(2025, 9, 15), holiday_status::school_choice});
  CHECK(teaching_time(midden, school_year{2025}).day_count() == 199);
}

TEST_CASE("calendar: counting reports missing data instead of guessing") {
  // 2024-2025 starts at the end of summer 2024, which the shipped file does not hold.
  const auto t2024 = teaching_time(calendar_for(holiday_region::zuid), school_year{2024});
  CHECK_FALSE(t2024.complete());
  CHECK(t2024.check() == norm_check::data_missing);
  CHECK(t2024.weeks.empty());
  CHECK(t2024.missing == std::vector<missing_holiday>{
                             {school_year{2023}, holiday_kind::summer, holiday_region::zuid}});

  // 2026-2027: the May week and the summer are not published yet.
  const auto t2026 = teaching_time(calendar_for(holiday_region::midden), school_year{2026});
  CHECK(t2026.missing == std::vector<missing_holiday>{
                             {school_year{2026}, holiday_kind::may, holiday_region::midden},
                             {school_year{2026}, holiday_kind::summer, holiday_region::midden}});
  CHECK(t2026.check() == norm_check::data_missing);
}

TEST_CASE("calendar: a date that is not a teaching day moves to the next one") {
  const auto midden = calendar_for(holiday_region::midden);
  // A teaching day stays.
  CHECK(move_to_teaching_day(midden, date(2025, 9, 10)) == date(2025, 9, 10));
  // Weekend: to Monday, or back to Friday.
  CHECK(move_to_teaching_day(midden, date(2025, 9, 13)) == date(2025, 9, 15));
  CHECK(move_to_teaching_day(midden, date(2025, 9, 13), move_direction::earlier) ==
        date(2025, 9, 12));
  // Autumn holiday Midden 18-26 October 2025.
  CHECK(move_to_teaching_day(midden, date(2025, 10, 22)) == date(2025, 10, 27));
  CHECK(move_to_teaching_day(midden, date(2025, 10, 22), move_direction::earlier) ==
        date(2025, 10, 17));
  // Ascension Thursday and the Friday after: to Monday 18 May.
  CHECK(move_to_teaching_day(midden, date(2026, 5, 14)) == date(2026, 5, 18));
  // Whit Monday: to Tuesday.
  CHECK(move_to_teaching_day(midden, date(2026, 5, 25)) == date(2026, 5, 26));
  // Easter Monday back to Thursday 2 April (Good Friday is free too).
  CHECK(move_to_teaching_day(midden, date(2026, 4, 6), move_direction::earlier) ==
        date(2026, 4, 2));
  // Christmas holiday: to Monday 5 January.
  CHECK(move_to_teaching_day(midden, date(2025, 12, 25)) == date(2026, 1, 5));
  // The same date in another region.
  CHECK(move_to_teaching_day(calendar_for(holiday_region::zuid), date(2025, 10, 15)) ==
        date(2025, 10, 20));
  // Never out of the school year: summer 2026 has no teaching day left after it.
  CHECK_FALSE(move_to_teaching_day(midden, date(2026, 7, 20)).has_value());
  CHECK(move_to_teaching_day(midden, date(2026, 7, 20), move_direction::earlier) ==
        date(2026, 7, 17));
  // A bound keeps the move within a week.
  CHECK_FALSE(
      move_to_teaching_day(midden, date(2025, 10, 22), move_direction::later, date(2025, 10, 26)));
}
