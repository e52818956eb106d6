#pragma once
// The values of cells in text tables — student lists, holiday files — each read one way
// for every table: whole numbers, yes or no, lists, the keys of an enum, and where a cell
// is ("students.csv:14:3"). Dates are read by date_text.hpp. Each reader returns nothing
// for text it cannot read; the table's reader says where and what it expected.

#include <algorithm>
#include <charconv>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

#include <peerkit/core/enum_keys.hpp>

namespace peerkit {

/// A blank within a line: space or tab.
[[nodiscard]] constexpr bool is_blank(char c) noexcept { return c == ' ' || c == '\t'; }
[[nodiscard]] constexpr bool is_line_end(char c) noexcept { return c == '\n' || c == '\r'; }

/// `text` without blanks and line ends around it.
[[nodiscard]] constexpr std::string_view trimmed(std::string_view text) noexcept {
  const auto space = [](char c) { return is_blank(c) || is_line_end(c); };
  while (!text.empty() && space(text.front())) text.remove_prefix(1);
  while (!text.empty() && space(text.back())) text.remove_suffix(1);
  return text;
}

/// "students.csv:14:3", or "students.csv:14" without a column.
[[nodiscard]] inline std::string text_location(std::string_view source, std::size_t line,
                                               std::size_t column = 0) {
  std::string text = std::string(source) + ":" + std::to_string(line);
  if (column > 0) text += ":" + std::to_string(column);
  return text;
}

/// `text` in double quotes, as messages show what they found.
[[nodiscard]] inline std::string in_quotes(std::string_view text) {
  return '"' + std::string(text) + '"';
}

[[nodiscard]] inline std::string lower_case(std::string_view text) {
  std::string lower(text);
  for (auto& c : lower)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return lower;
}

[[nodiscard]] constexpr bool all_digits(std::string_view text) noexcept {
  return !text.empty() &&
         std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

/// The whole number `text` spells, if it fits `Int`: digits, with a minus sign first for
/// a signed type.
template <class Int>
[[nodiscard]] std::optional<Int> whole_number(std::string_view text) {
  if (text.empty()) return std::nullopt;
  Int value{};
  const auto* end = text.data() + text.size();
  auto [stop, ec] = std::from_chars(text.data(), end, value);
  if (ec != std::errc{} || stop != end) return std::nullopt;
  return value;
}

/// The words yes_or_no() reads, for messages.
inline constexpr std::string_view yes_or_no_words = "yes or no (also true/false, ja/nee, 1/0)";

/// `yes`, `true`, `ja`, `1` or their opposites, in any case.
[[nodiscard]] inline std::optional<bool> yes_or_no(std::string_view text) {
  const auto lower = lower_case(text);
  for (std::string_view yes : {"true", "yes", "ja", "1"})
    if (lower == yes) return true;
  for (std::string_view no : {"false", "no", "nee", "0"})
    if (lower == no) return false;
  return std::nullopt;
}

/// The items of a list `football|music`, trimmed; empty items are dropped.
[[nodiscard]] inline std::vector<std::string> list_items(std::string_view text, char separator) {
  std::vector<std::string> items;
  for (std::size_t start = 0; start <= text.size();) {
    auto end = text.find(separator, start);
    if (end == std::string_view::npos) end = text.size();
    if (auto item = trimmed(text.substr(start, end - start)); !item.empty())
      items.emplace_back(item);
    start = end + 1;
  }
  return items;
}

/// The keys of `E` for messages: "noord, midden, zuid".
template <KeyedEnum E>
[[nodiscard]] std::string key_choices() {
  std::string text;
  for (auto k : enum_keys<E>::keys) text += (text.empty() ? "" : ", ") + std::string(k);
  return text;
}

}  // namespace peerkit
