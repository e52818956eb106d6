#pragma once
// Text for logs, alerts and messages, built only from what cannot carry a student's
// personal details: fixed text written in the program (string literals), numbers, ids,
// dates and the keys of enumerations. A sensitive<> value, a name or any other string
// made at run time does not compile. Special-category data reaches a log only after the
// explicit reveal() step, and then only as an enumeration key or a number.

#include <concepts>
#include <cstddef>
#include <string>
#include <type_traits>
#include <utility>

#include <boost/date_time/gregorian/gregorian_types.hpp>

#include <peerkit/core/enum_keys.hpp>
#include <peerkit/core/sensitive.hpp>
#include <peerkit/core/strong_id.hpp>

namespace peerkit {

template <class T>
inline constexpr bool is_strong_id_v = false;
template <class Tag, class Rep>
inline constexpr bool is_strong_id_v<strong_id<Tag, Rep>> = true;

/// A value that may be written into a log line or an alert as it is.
template <class T>
concept LogSafe = !is_sensitive_v<std::remove_cvref_t<T>> &&
                  (std::is_arithmetic_v<std::remove_cvref_t<T>> ||
                   KeyedEnum<std::remove_cvref_t<T>> || is_strong_id_v<std::remove_cvref_t<T>> ||
                   std::same_as<std::remove_cvref_t<T>, boost::gregorian::date>);

namespace detail {
/// "2025-09-01"; "not-a-date" for special values.
inline std::string iso_date(boost::gregorian::date d) {
  if (d.is_special()) return "not-a-date";
  const auto ymd = d.year_month_day();
  auto two = [](unsigned v) { return std::string(v < 10 ? "0" : "") + std::to_string(v); };
  return std::to_string(static_cast<int>(ymd.year)) + '-' + two(ymd.month) + '-' + two(ymd.day);
}
}  // namespace detail

/// A line of text that is safe to keep in a log: `safe_text{} << "pair " << id << " overdue"`.
class safe_text {
 public:
  safe_text() = default;

  /// Fixed text from the program itself.
  template <std::size_t N>
  safe_text& operator<<(const char (&literal)[N]) {
    text_.append(literal, N - 1);
    return *this;
  }
  template <LogSafe T>
  safe_text& operator<<(const T& value) {
    using V = std::remove_cvref_t<T>;
    if constexpr (std::same_as<V, bool>)
      text_ += value ? "yes" : "no";
    else if constexpr (std::same_as<V, char>)
      text_ += value;
    else if constexpr (std::is_arithmetic_v<V>)
      text_ += std::to_string(value);
    else if constexpr (KeyedEnum<V>)
      text_ += key_of(value);
    else if constexpr (is_strong_id_v<V>)
      text_ += std::to_string(value.value());
    else
      text_ += detail::iso_date(value);
    return *this;
  }

  [[nodiscard]] const std::string& str() const& noexcept { return text_; }
  [[nodiscard]] std::string str() && noexcept { return std::move(text_); }

 private:
  std::string text_;
};

}  // namespace peerkit
