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
  explicit school_breaks(std::vector<boost::gregorian::date_period> periods) {
    std::erase_if(periods, [](const auto& p) { return p.is_null(); });
    std::sort(periods.begin(), periods.end(),
              [](const auto& a, const auto& b) { return a.begin() < b.begin(); });
    for (const auto& p : periods) {
      if (!periods_.empty() && p.begin() <= periods_.back().end()) {
        if (p.end() > periods_.back().end())
          periods_.back() = boost::gregorian::date_period(periods_.back().begin(), p.end());
      } else {
        periods_.push_back(p);
      }
    }
  }

  [[nodiscard]] const std::vector<boost::gregorian::date_period>& periods() const noexcept { return periods_; }

  [[nodiscard]] bool contains(date day) const {
    return std::any_of(periods_.begin(), periods_.end(), [day](const auto& p) { return p.contains(day); });
  }

  /// Days from `from` up to, not including, `to` that fall outside every break; 0 when
  /// `to` is not after `from`.
  [[nodiscard]] int counted_days(date from, date to) const {
    if (!(from < to)) return 0;
    long days = (to - from).days();
    for (const auto& p : periods_) {
      const date b = std::max(from, p.begin());
      const date e = std::min(to, p.end());
      if (b < e) days -= (e - b).days();
    }
    return static_cast<int>(days);
  }

  /// The day reached after `days` counted days from `from` (skipping breaks), so that
  /// counted_days(from, result) == days.
  [[nodiscard]] date after_counted_days(date from, int days) const {
    date day = from;
    long remaining = days;
    for (const auto& p : periods_) {
      if (p.end() <= day) continue;
      if (day >= p.begin()) {  // inside this break: its days do not count
        day = p.end();
        continue;
      }
      const long before_break = (p.begin() - day).days();
      if (remaining < before_break) break;
      remaining -= before_break;
      day = p.end();
    }
    return day + boost::gregorian::days(remaining);
  }

  friend bool operator==(const school_breaks&, const school_breaks&) = default;

 private:
  std::vector<boost::gregorian::date_period> periods_;
};

/// The holidays of a school's own region as breaks.
[[nodiscard]] inline school_breaks breaks_of(const school_calendar& cal) {
  std::vector<boost::gregorian::date_period> periods;
  for (const auto& h : cal.holidays)
    if (h.region == cal.region && !h.first.is_special() && !h.last.is_special())
      periods.emplace_back(h.first, h.last + boost::gregorian::days(1));
  return school_breaks(std::move(periods));
}

}  // namespace peerkit
