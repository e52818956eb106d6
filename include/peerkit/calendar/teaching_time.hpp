#pragma once
// Teaching days and weeks of a school year in one region, checked against the yearly
// norm. Counting needs the whole year's holidays: the five national holidays of the
// year and the summer holiday of the year before (it runs into August). When any of
// them is missing from the data, the result says which and counts nothing.

#include <algorithm>
#include <vector>

#include <boost/date_time/gregorian/gregorian_types.hpp>

#include <peerkit/calendar/holidays.hpp>
#include <peerkit/calendar/school_calendar.hpp>
#include <peerkit/calendar/school_year.hpp>
#include <peerkit/core/region.hpp>

namespace peerkit {

/// The minimum of teaching days per school year in Dutch secondary education, as the
/// Rijksoverheid overview of onderwijstijd states it; a parameter wherever it is used.
inline constexpr int minimum_teaching_days = 189;

/// A week (Monday to Sunday) with at least one teaching day.
struct teaching_week {
  date monday{};
  std::vector<date> days{};  ///< its teaching days, in order
  friend bool operator==(const teaching_week&, const teaching_week&) = default;
};

/// How the count compares with the norm.
enum class norm_check {
  met,            ///< at least the minimum
  below_minimum,  ///< fewer teaching days than the minimum
  data_missing,   ///< not counted: holidays are missing (see teaching_year::missing)
};

/// The teaching time of one school year in one region.
struct teaching_year {
  school_year year{};
  holiday_region region = holiday_region::midden;
  int minimum_days = minimum_teaching_days;
  std::vector<missing_holiday> missing{};  ///< non-empty: nothing was counted
  std::vector<teaching_week> weeks{};      ///< every week with teaching days, in order

  [[nodiscard]] bool complete() const noexcept { return missing.empty(); }
  [[nodiscard]] int day_count() const noexcept {
    int n = 0;
    for (const auto& w : weeks) n += static_cast<int>(w.days.size());
    return n;
  }
  [[nodiscard]] int week_count() const noexcept { return static_cast<int>(weeks.size()); }
  [[nodiscard]] norm_check check() const noexcept {
    if (!complete()) return norm_check::data_missing;
    return day_count() >= minimum_days ? norm_check::met : norm_check::below_minimum;
  }
};

/// Counts the teaching days and weeks of `year` for the calendar's region: weekdays
/// minus school holidays, the school's own days off and public holidays. A week
/// straddling 1 August or 31 July counts only its days inside the year.
[[nodiscard]] teaching_year teaching_time(const school_calendar& cal, school_year year,
                                          int minimum_days = minimum_teaching_days);

}  // namespace peerkit

#ifndef PEERKIT_COMPILED
#include <peerkit/calendar/teaching_time-inl.hpp>
#endif
