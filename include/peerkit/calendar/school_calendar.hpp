#pragma once
// One school's calendar: its holiday region, the holiday periods (the shipped national
// data merged with the school's own days) and its choice of days off around the public
// holidays. It answers "is this a teaching day?" and moves dates that are not.
//
// The moving rule (docs/calendar.md): a date that is not a teaching day - a weekend, a
// day in a school holiday or the school's own day off, or a public holiday - moves to
// the first teaching day after it; with move_direction::earlier, to the last teaching
// day before it. A move never leaves the school year of the date (or the bound given),
// and a date that is already a teaching day stays where it is.

#include <optional>
#include <vector>

#include <boost/date_time/gregorian/gregorian_types.hpp>

#include <peerkit/calendar/holidays.hpp>
#include <peerkit/calendar/public_holidays.hpp>
#include <peerkit/calendar/school_year.hpp>
#include <peerkit/core/region.hpp>

namespace peerkit {

/// A school's calendar.
struct school_calendar {
  holiday_region region = holiday_region::midden;
  /// Holiday periods of any region; only those of `region` count.
  std::vector<holiday_period> holidays{};
  public_holiday_options days_off{};
};

/// Why a day is, or is not, a teaching day.
enum class day_kind {
  teaching_day,
  school_holiday,  ///< inside a holiday period of the region (or a study day, a day off)
  public_holiday,
  weekend,
};

/// What a day is. A day with several reasons reports the first of: school holiday,
/// public holiday, weekend.
struct day_status {
  day_kind kind = day_kind::teaching_day;
  std::optional<holiday_kind> holiday;                ///< set for day_kind::school_holiday
  std::optional<public_holiday_kind> public_holiday;  ///< set for day_kind::public_holiday
  friend bool operator==(const day_status&, const day_status&) = default;
};

[[nodiscard]] bool is_weekend(date d);

/// The holiday period of the calendar's region covering `d`, if any.
[[nodiscard]] std::optional<holiday_period> holiday_on(const school_calendar& cal, date d);

/// The public holiday (or tied day off) on `d` under the calendar's options, if any.
[[nodiscard]] std::optional<public_holiday_kind> public_holiday_on(const school_calendar& cal,
                                                                   date d);

/// Classifies a day. Days outside the loaded data count as teaching days unless they
/// are weekends or public holidays: check coverage first (teaching_time.hpp).
[[nodiscard]] day_status classify_day(const school_calendar& cal, date d);

[[nodiscard]] bool is_teaching_day(const school_calendar& cal, date d);

/// Which way a date that is not a teaching day moves.
enum class move_direction { later, earlier };

/// The teaching day an event planned on `d` takes place on, by the moving rule; the
/// move never passes `bound` (inclusive). Empty when no teaching day lies between `d`
/// and `bound`.
[[nodiscard]] std::optional<date> move_to_teaching_day(const school_calendar& cal, date d,
                                                       move_direction direction, date bound);

/// The moving rule within the school year of `d`: empty when no teaching day is left
/// in that direction before the year ends (or, moving earlier, after it starts).
[[nodiscard]] std::optional<date> move_to_teaching_day(
    const school_calendar& cal, date d, move_direction direction = move_direction::later);

}  // namespace peerkit

#ifndef PEERKIT_COMPILED
#include <peerkit/calendar/school_calendar-inl.hpp>
#endif
