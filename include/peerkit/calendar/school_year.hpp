#pragma once
// The Dutch school year: 1 August to 31 July (CBS definition, the same for all school
// types). A year is named by the calendar year it starts in: 2025 is "2025-2026".

#include <compare>
#include <optional>
#include <string>
#include <string_view>

#include <boost/date_time/gregorian/gregorian_types.hpp>

#include <peerkit/core/date_text.hpp>

namespace peerkit {

using date = boost::gregorian::date;

namespace detail {
/// A date from int parts (Boost takes unsigned short, which braces will not narrow to).
date make_date(int year, int month, int day);
}  // namespace detail

/// A school year, named by the year its 1 August falls in.
struct school_year {
  int start_year = 2025;

  /// 1 August of the start year.
  [[nodiscard]] date first_day() const { return detail::make_date(start_year, 8, 1); }
  /// 31 July of the following year.
  [[nodiscard]] date last_day() const { return detail::make_date(start_year + 1, 7, 31); }
  [[nodiscard]] bool contains(date d) const { return first_day() <= d && d <= last_day(); }
  [[nodiscard]] school_year next() const noexcept { return {start_year + 1}; }
  [[nodiscard]] school_year previous() const noexcept { return {start_year - 1}; }
  /// "2025-2026".
  [[nodiscard]] std::string to_string() const;

  friend constexpr auto operator<=>(school_year, school_year) = default;
};

/// The school year a day belongs to.
[[nodiscard]] school_year school_year_of(date d);

/// Reads "2025-2026"; empty unless the text is two four-digit years one apart, within
/// the years Boost.Date_Time supports (1400-9999).
[[nodiscard]] constexpr std::optional<school_year> parse_school_year(
    std::string_view text) noexcept {
  if (text.size() != 9 || text[4] != '-') return std::nullopt;
  const int first = detail::date_number(text.substr(0, 4), 4, 4);
  const int second = detail::date_number(text.substr(5, 4), 4, 4);
  if (first < 1400 || second != first + 1 || second > 9999) return std::nullopt;
  return school_year{first};
}

}  // namespace peerkit

#ifndef PEERKIT_COMPILED
#include <peerkit/calendar/school_year-inl.hpp>
#endif
