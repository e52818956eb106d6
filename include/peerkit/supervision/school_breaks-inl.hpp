#pragma once
// Definitions of school_breaks.hpp: inline here in header-only mode, compiled once into
// peerkit::compiled when PEERKIT_COMPILED is defined (see config.hpp).

#include <peerkit/config.hpp>
#include <peerkit/supervision/school_breaks.hpp>

namespace peerkit {

PEERKIT_INLINE school_breaks::school_breaks(std::vector<boost::gregorian::date_period> periods) {
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

PEERKIT_INLINE bool school_breaks::contains(date day) const {
  return std::any_of(periods_.begin(), periods_.end(),
                     [day](const auto& p) { return p.contains(day); });
}

PEERKIT_INLINE int school_breaks::counted_days(date from, date to) const {
  if (!(from < to)) return 0;
  long days = (to - from).days();
  for (const auto& p : periods_) {
    const date b = std::max(from, p.begin());
    const date e = std::min(to, p.end());
    if (b < e) days -= (e - b).days();
  }
  return static_cast<int>(days);
}

PEERKIT_INLINE date school_breaks::after_counted_days(date from, int days) const {
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

PEERKIT_INLINE school_breaks breaks_of(const school_calendar& cal) {
  std::vector<boost::gregorian::date_period> periods;
  for (const auto& h : cal.holidays)
    if (h.region == cal.region && !h.first.is_special() && !h.last.is_special())
      periods.emplace_back(h.first, h.last + boost::gregorian::days(1));
  return school_breaks(std::move(periods));
}

}  // namespace peerkit
