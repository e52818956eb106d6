#pragma once
// Definitions of school_calendar.hpp: inline here in header-only mode, compiled once into
// peerkit::compiled when PEERKIT_COMPILED is defined (see config.hpp).

#include <peerkit/calendar/school_calendar.hpp>
#include <peerkit/config.hpp>

namespace peerkit {

PEERKIT_INLINE bool is_weekend(date d) {
  const auto w = d.day_of_week();
  return w == boost::gregorian::Saturday || w == boost::gregorian::Sunday;
}

PEERKIT_INLINE std::optional<holiday_period> holiday_on(const school_calendar& cal, date d) {
  for (const auto& h : cal.holidays)
    if (h.region == cal.region && h.covers(d)) return h;
  return std::nullopt;
}

PEERKIT_INLINE std::optional<public_holiday_kind> public_holiday_on(const school_calendar& cal,
                                                                    date d) {
  for (const auto& p : public_holidays(d.year(), cal.days_off))
    if (p.day == d) return p.kind;
  return std::nullopt;
}

PEERKIT_INLINE day_status classify_day(const school_calendar& cal, date d) {
  if (const auto h = holiday_on(cal, d)) return {day_kind::school_holiday, h->kind, std::nullopt};
  if (const auto p = public_holiday_on(cal, d)) return {day_kind::public_holiday, std::nullopt, p};
  if (is_weekend(d)) return {day_kind::weekend, std::nullopt, std::nullopt};
  return {};
}

PEERKIT_INLINE bool is_teaching_day(const school_calendar& cal, date d) {
  return classify_day(cal, d).kind == day_kind::teaching_day;
}

PEERKIT_INLINE std::optional<date> move_to_teaching_day(const school_calendar& cal, date d,
                                                        move_direction direction, date bound) {
  const boost::gregorian::date_duration step(direction == move_direction::later ? 1 : -1);
  for (date day = d; direction == move_direction::later ? day <= bound : day >= bound; day += step)
    if (is_teaching_day(cal, day)) return day;
  return std::nullopt;
}

PEERKIT_INLINE std::optional<date> move_to_teaching_day(const school_calendar& cal, date d,
                                                        move_direction direction) {
  const school_year year = school_year_of(d);
  return move_to_teaching_day(
      cal, d, direction, direction == move_direction::later ? year.last_day() : year.first_day());
}

}  // namespace peerkit
