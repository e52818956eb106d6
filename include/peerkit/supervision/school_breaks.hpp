#pragma once
// Periods in which no contact and no intervision is expected: school holidays, exam
// weeks, a school's own free days. Deadlines of supervision count school time only, so
// a pair is not overdue because the summer holiday fell between two meetings.

#include <algorithm>
#include <utility>
#include <vector>

#include <boost/date_time/gregorian/gregorian_types.hpp>

#include <peerkit/calendar/school_calendar.hpp>
#include <peerkit/core/student.hpp>

namespace peerkit {

/// A sorted set of break periods, merged where they overlap or touch. Periods are
/// Boost's half-open ranges: date_period(first_day, day_after_last_day).
class school_breaks {
 public:
  school_breaks() = default;
  explicit school_breaks(std::vector<boost::gregorian::date_period> periods);

  [[nodiscard]] const std::vector<boost::gregorian::date_period>& periods() const noexcept {
    return periods_;
  }

  [[nodiscard]] bool contains(date day) const;

  /// Days from `from` up to, not including, `to` that fall outside every break; 0 when
  /// `to` is not after `from`.
  [[nodiscard]] int counted_days(date from, date to) const;

  /// The day reached after `days` counted days from `from` (skipping breaks), so that
  /// counted_days(from, result) == days.
  [[nodiscard]] date after_counted_days(date from, int days) const;

  friend bool operator==(const school_breaks&, const school_breaks&) = default;

 private:
  std::vector<boost::gregorian::date_period> periods_;
};

/// The holidays of a school's own region as breaks.
[[nodiscard]] school_breaks breaks_of(const school_calendar& cal);

}  // namespace peerkit

#ifndef PEERKIT_COMPILED
#include <peerkit/supervision/school_breaks-inl.hpp>
#endif
