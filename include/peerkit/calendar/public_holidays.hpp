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
[[nodiscard]] date easter_sunday(int year);

/// King's Day: 27 April, or Saturday 26 April when the 27th is a Sunday.
[[nodiscard]] date kings_day(int year);

/// The days off of a calendar year, in date order.
[[nodiscard]] std::vector<public_holiday> public_holidays(
    int year, const public_holiday_options& options = {});

/// The days off within a school year (1 August to 31 July), in date order.
[[nodiscard]] std::vector<public_holiday> public_holidays(
    school_year year, const public_holiday_options& options = {});

}  // namespace peerkit

#ifndef PEERKIT_COMPILED
#include <peerkit/calendar/public_holidays-inl.hpp>
#endif
