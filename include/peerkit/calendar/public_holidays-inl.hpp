#pragma once
// Definitions of public_holidays.hpp: inline here in header-only mode, compiled once into
// peerkit::compiled when PEERKIT_COMPILED is defined (see config.hpp).

#include <peerkit/calendar/public_holidays.hpp>
#include <peerkit/config.hpp>

namespace peerkit {

PEERKIT_INLINE date easter_sunday(int year) {
  const int a = year % 19;  // place in the 19-year lunar cycle
  const int b = year / 100;
  const int c = year % 100;
  const int d = b / 4;
  const int e = b % 4;
  const int f = (b + 8) / 25;
  const int g = (b - f + 1) / 3;
  const int h = (19 * a + b - d - g + 15) % 30;  // days from 21 March to the full moon
  const int i = c / 4;
  const int k = c % 4;
  const int l = (32 + 2 * e + 2 * i - h - k) % 7;  // days from the full moon to Sunday
  const int m = (a + 11 * h + 22 * l) / 451;
  const int month = (h + l - 7 * m + 114) / 31;
  const int day = (h + l - 7 * m + 114) % 31 + 1;
  return detail::make_date(year, month, day);
}

PEERKIT_INLINE date kings_day(int year) {
  const date d = detail::make_date(year, 4, 27);
  return d.day_of_week() == boost::gregorian::Sunday ? detail::make_date(year, 4, 26) : d;
}

PEERKIT_INLINE std::vector<public_holiday> public_holidays(int year,
                                                           const public_holiday_options& options) {
  using boost::gregorian::days;
  using k = public_holiday_kind;
  const date easter = easter_sunday(year);
  std::vector<public_holiday> out;
  out.push_back({detail::make_date(year, 1, 1), k::new_years_day});
  if (options.good_friday) out.push_back({easter - days(2), k::good_friday});
  out.push_back({easter, k::easter_sunday});
  out.push_back({easter + days(1), k::easter_monday});
  out.push_back({kings_day(year), k::kings_day});
  const bool liberation = options.liberation_day == liberation_day_rule::every_year ||
                          (options.liberation_day == liberation_day_rule::lustrum_only &&
                           year % 5 == 0);
  if (liberation) out.push_back({detail::make_date(year, 5, 5), k::liberation_day});
  out.push_back({easter + days(39), k::ascension_day});
  if (options.friday_after_ascension) out.push_back({easter + days(40), k::friday_after_ascension});
  out.push_back({easter + days(49), k::whit_sunday});
  out.push_back({easter + days(50), k::whit_monday});
  out.push_back({detail::make_date(year, 12, 25), k::christmas_day});
  out.push_back({detail::make_date(year, 12, 26), k::boxing_day});
  // Ascension Day may come before Liberation Day (1 May 2008) or on it (5 May 2016), so
  // order by date; a stable sort keeps both reasons of a shared day in rule order.
  std::stable_sort(out.begin(), out.end(),
                   [](const public_holiday& x, const public_holiday& y) { return x.day < y.day; });
  return out;
}

PEERKIT_INLINE std::vector<public_holiday> public_holidays(school_year year,
                                                           const public_holiday_options& options) {
  std::vector<public_holiday> out;
  for (const int y : {year.start_year, year.start_year + 1})
    for (const auto& h : public_holidays(y, options))
      if (year.contains(h.day)) out.push_back(h);
  return out;
}

}  // namespace peerkit
