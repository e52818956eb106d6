#pragma once
// Dates as text, read by one strict reader wherever peerkit reads them. JSON documents and
// holiday files write ISO 8601, `2013-09-07`; student lists exported from spreadsheets may
// also write the day first, as Dutch spreadsheets show dates. Nothing else is a date: no
// other separator, no missing zero in an ISO date, no blanks around it, no day the
// calendar does not have. Trimming a cell is up to the format that has cells.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include <boost/date_time/gregorian/gregorian_types.hpp>

namespace peerkit {

using date = boost::gregorian::date;

/// The forms of a date a reader accepts.
enum class date_dialect {
  iso,                    ///< `2013-09-07`: four, two and two digits
  iso_or_day_month_year,  ///< also `07-09-2013` or `7-9-2013`: day and month of one or two digits
};

/// How a date of `dialect` is written, for messages: "YYYY-MM-DD".
[[nodiscard]] constexpr std::string_view date_pattern(date_dialect dialect) noexcept {
  return dialect == date_dialect::iso ? "YYYY-MM-DD" : "YYYY-MM-DD or DD-MM-YYYY";
}

/// What a reader expected where a date could not be read: "a date as YYYY-MM-DD".
[[nodiscard]] inline std::string expected_date(date_dialect dialect = date_dialect::iso) {
  return "a date as " + std::string(date_pattern(dialect));
}

namespace detail {
/// The number `text` spells with `min` to `max` ASCII digits, or -1.
constexpr int date_number(std::string_view text, std::size_t min, std::size_t max) noexcept {
  if (text.size() < min || text.size() > max) return -1;
  int value = 0;
  for (const char c : text) {
    if (c < '0' || c > '9') return -1;
    value = value * 10 + (c - '0');
  }
  return value;
}
}  // namespace detail

/// The day `text` names in `dialect`; empty unless it is a real day of the years
/// Boost.Date_Time supports (1400 to 9999).
[[nodiscard]] inline std::optional<date> read_date(std::string_view text,
                                                   date_dialect dialect = date_dialect::iso) {
  const auto first_dash = text.find('-');
  const auto second_dash = first_dash == std::string_view::npos ? first_dash
                                                                : text.find('-', first_dash + 1);
  if (second_dash == std::string_view::npos) return std::nullopt;
  const auto front = text.substr(0, first_dash);
  const auto middle = text.substr(first_dash + 1, second_dash - first_dash - 1);
  const auto back = text.substr(second_dash + 1);  // a third dash leaves it no number

  int year = -1, month = -1, day = -1;
  if (front.size() == 4) {
    year = detail::date_number(front, 4, 4);
    month = detail::date_number(middle, 2, 2);
    day = detail::date_number(back, 2, 2);
  } else if (dialect == date_dialect::iso_or_day_month_year) {
    day = detail::date_number(front, 1, 2);
    month = detail::date_number(middle, 1, 2);
    year = detail::date_number(back, 4, 4);
  }
  if (year < 1400 || month < 1 || month > 12 || day < 1) return std::nullopt;
  const auto y = static_cast<unsigned short>(year);
  const auto m = static_cast<unsigned short>(month);
  if (day > boost::gregorian::gregorian_calendar::end_of_month_day(y, m)) return std::nullopt;
  return date(y, m, static_cast<unsigned short>(day));
}

}  // namespace peerkit
