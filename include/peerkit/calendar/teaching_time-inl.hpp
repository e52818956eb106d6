#pragma once
// Definitions of teaching_time.hpp: inline here in header-only mode, compiled once into
// peerkit::compiled when PEERKIT_COMPILED is defined (see config.hpp).

#include <peerkit/calendar/teaching_time.hpp>
#include <peerkit/config.hpp>

namespace peerkit {

PEERKIT_INLINE teaching_year teaching_time(const school_calendar& cal, school_year year,
                                           int minimum_days) {
  teaching_year out{
      year, cal.region, minimum_days, missing_holidays(cal.holidays, year, cal.region), {}};
  if (!out.complete()) return out;
  for (date d = year.first_day(); d <= year.last_day(); d += boost::gregorian::days(1)) {
    if (!is_teaching_day(cal, d)) continue;
    const date monday = d - boost::gregorian::days((d.day_of_week().as_number() + 6) % 7);
    if (out.weeks.empty() || out.weeks.back().monday != monday) out.weeks.push_back({monday, {}});
    out.weeks.back().days.push_back(d);
  }
  return out;
}

}  // namespace peerkit
