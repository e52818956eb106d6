#pragma once
// Dutch public holidays, computed from the calendar rather than read from data: they
// follow fixed rules (Easter by the Gregorian computus), so no file can go stale.
//
// Schools are closed on each of them. Three choices differ between schools and are
// options: Good Friday (often free), the Friday after Ascension Day (often free) and
// Liberation Day (free every year under the usual school arrangement; some only give
// it in lustrum years, 2025, 2030, ...). See docs/calendar.md.

#include <algorithm>
#include <array>
#include <string_view>
#include <vector>

#include <boost/date_time/gregorian/gregorian_types.hpp>

#include <peerkit/calendar/school_year.hpp>
#include <peerkit/core/enum_keys.hpp>

namespace peerkit {

/// A public holiday, or a day off that schools tie to one.
enum class public_holiday_kind {
  new_years_day,           ///< Nieuwjaarsdag, 1 January
  good_friday,             ///< Goede Vrijdag
  easter_sunday,           ///< Eerste Paasdag
  easter_monday,           ///< Tweede Paasdag
  kings_day,               ///< Koningsdag, 27 April (26 April when the 27th is a Sunday)
  liberation_day,          ///< Bevrijdingsdag, 5 May
  ascension_day,           ///< Hemelvaartsdag, Easter + 39 days
  friday_after_ascension,  ///< not a public holiday, but schools often give it
  whit_sunday,             ///< Eerste Pinksterdag, Easter + 49 days
  whit_monday,             ///< Tweede Pinksterdag, Easter + 50 days
  christmas_day,           ///< Eerste Kerstdag, 25 December
  boxing_day,              ///< Tweede Kerstdag, 26 December
};

template <>
struct enum_keys<public_holiday_kind> {
  static constexpr std::array<std::string_view, 12> keys{
      "new_years_day", "good_friday",    "easter_sunday", "easter_monday",
      "kings_day",     "liberation_day", "ascension_day", "friday_after_ascension",
      "whit_sunday",   "whit_monday",    "christmas_day", "boxing_day"};
};

/// The Dutch name: "Tweede Paasdag" for easter_monday.
[[nodiscard]] constexpr std::string_view dutch_name(public_holiday_kind k) noexcept {
  constexpr std::array<std::string_view, 12> names{
      "Nieuwjaarsdag",      "Goede Vrijdag",      "Eerste Paasdag",  "Tweede Paasdag",
      "Koningsdag",         "Bevrijdingsdag",     "Hemelvaartsdag",  "Vrijdag na Hemelvaart",
      "Eerste Pinksterdag", "Tweede Pinksterdag", "Eerste Kerstdag", "Tweede Kerstdag"};
  return names[static_cast<std::size_t>(k)];
}

/// When Liberation Day is a day off for the school.
enum class liberation_day_rule {
  every_year,    ///< every 5 May (the default)
  lustrum_only,  ///< only in years divisible by five (2025, 2030, ...)
  never,         ///< a school day unless a holiday covers it
};

/// The days off that differ between schools.
struct public_holiday_options {
  bool good_friday = true;
  bool friday_after_ascension = true;
  liberation_day_rule liberation_day = liberation_day_rule::every_year;
  friend constexpr bool operator==(const public_holiday_options&,
                                   const public_holiday_options&) = default;
};

/// One day off.
struct public_holiday {
  date day{};
  public_holiday_kind kind = public_holiday_kind::new_years_day;
  friend bool operator==(const public_holiday&, const public_holiday&) = default;
};

/// Easter Sunday of a Gregorian year (the anonymous Gregorian computus of Meeus,
/// Jones and Butcher), valid for 1583 and later.
[[nodiscard]] inline date easter_sunday(int year) {
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

/// King's Day: 27 April, or Saturday 26 April when the 27th is a Sunday.
[[nodiscard]] inline date kings_day(int year) {
  const date d = detail::make_date(year, 4, 27);
  return d.day_of_week() == boost::gregorian::Sunday ? detail::make_date(year, 4, 26) : d;
}

/// The days off of a calendar year, in date order.
[[nodiscard]] inline std::vector<public_holiday> public_holidays(
    int year, const public_holiday_options& options = {}) {
  using boost::gregorian::days;
  using k = public_holiday_kind;
  const date easter = easter_sunday(year);
  std::vector<public_holiday> out;
  out.push_back({detail::make_date(year, 1, 1), k::new_years_day});
  if (options.good_friday) out.push_back({easter - days(2), k::good_friday});
  out.push_back({easter, k::easter_sunday});
  out.push_back({easter + days(1), k::easter_monday});
  out.push_back({kings_day(year), k::kings_day});
  const bool liberation =
      options.liberation_day == liberation_day_rule::every_year ||
      (options.liberation_day == liberation_day_rule::lustrum_only && year % 5 == 0);
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

/// The days off within a school year (1 August to 31 July), in date order.
[[nodiscard]] inline std::vector<public_holiday> public_holidays(
    school_year year, const public_holiday_options& options = {}) {
  std::vector<public_holiday> out;
  for (const int y : {year.start_year, year.start_year + 1})
    for (const auto& h : public_holidays(y, options))
      if (year.contains(h.day)) out.push_back(h);
  return out;
}

}  // namespace peerkit
