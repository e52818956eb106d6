#pragma once
// Rows of results streamed to a file as they come, as CSV (RFC 4180) or JSON Lines, with
// a fixed list of columns. Nothing is kept but the row being written, so a table of a
// million runs costs no more memory than one of ten. Numbers are written exactly:
// integers in full, doubles as the shortest text that reads back as the same double; a
// number that is not finite (NaN, infinity) and a missing cell are an empty field in CSV
// and null in JSON. Text is written as UTF-8; a byte that is not part of valid UTF-8 is
// written as U+FFFD, so every file is valid UTF-8 and every JSON line valid JSON.

#include <peerkit/config.hpp>
#include <peerkit/io/csv.hpp>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <concepts>
#include <cstdint>
#include <filesystem>
#include <initializer_list>
#include <limits>
#include <optional>
#include <ostream>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

namespace peerkit::io {

enum class table_format { csv, json_lines };

/// The format a file's extension names: `.csv` or `.jsonl` (in any case); empty for any
/// other extension.
[[nodiscard]] inline std::optional<table_format> table_format_for(
    const std::filesystem::path& path) {
  std::string extension = path.extension().string();
  std::transform(extension.begin(), extension.end(), extension.begin(), [](char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  });
  if (extension == ".csv") return table_format::csv;
  if (extension == ".jsonl") return table_format::json_lines;
  return std::nullopt;
}

namespace detail {
/// Appends `text` to `out`, each byte of valid UTF-8 through `put(out, byte)` and each
/// byte that is not as U+FFFD.
template <class Put>
void append_utf8(std::string& out, std::string_view text, Put put) {
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t n = utf8_sequence(text, i);
    if (n == 0) {
      out += "\xEF\xBF\xBD";
      ++i;
      continue;
    }
    for (const std::size_t end = i + n; i < end; ++i) put(out, text[i]);
  }
}

/// A CSV field (RFC 4180): one with a separator, a quote or a line end is quoted, its
/// quotes doubled. So is one with `;` or blanks around it, so that peerkit's own CSV
/// reader, which detects `;` files and trims unquoted fields, reads it back as written.
inline void append_csv_field(std::string& out, std::string_view text) {
  const bool quoted = text.find_first_of(",;\"\r\n") != std::string_view::npos ||
                      (!text.empty() && (is_blank(text.front()) || is_blank(text.back())));
  if (quoted) out += '"';
  append_utf8(out, text, [](std::string& o, char c) {
    if (c == '"') o += '"';
    o += c;
  });
  if (quoted) out += '"';
}

/// A JSON string (RFC 8259): quotes, backslashes and control characters escaped, the
/// rest as UTF-8.
inline void append_json_string(std::string& out, std::string_view text) {
  out += '"';
  append_utf8(out, text, [](std::string& o, char c) {
    switch (c) {
      case '"': o += "\\\""; break;
      case '\\': o += "\\\\"; break;
      case '\b': o += "\\b"; break;
      case '\f': o += "\\f"; break;
      case '\n': o += "\\n"; break;
      case '\r': o += "\\r"; break;
      case '\t': o += "\\t"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          constexpr std::string_view hex = "0123456789abcdef";
          o += "\\u00";
          o += hex[static_cast<unsigned char>(c) >> 4];
          o += hex[static_cast<unsigned char>(c) & 0xF];
        } else {
          o += c;
        }
    }
  });
  out += '"';
}

/// An integer in full, or a double as the shortest text that reads back as it.
template <class Number>
void append_number(std::string& out, Number value) {
  std::array<char, 32> text{};  // the longest double, "-2.2250738585072014e-308", has 24
  const auto end = std::to_chars(text.data(), text.data() + text.size(), value).ptr;
  out.append(text.data(), end);
}
}  // namespace detail

/// One cell of a row: missing (the default), an integer, a double or text. Implicit, so
/// that a row reads `{run, 0.25, "name", {}}`.
class table_cell {
 public:
  using value_type = std::variant<std::monostate, std::int64_t, double, std::string>;

  table_cell() = default;
  template <std::integral I>
  table_cell(I value) : value_(static_cast<std::int64_t>(value)) {
    if constexpr (std::is_unsigned_v<I> && sizeof(I) >= sizeof(std::int64_t))
      PEERKIT_ASSERT(value <= static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()),
                     "table_cell: the integer fits in std::int64_t");
  }
  table_cell(double value) : value_(value) {}
  table_cell(std::string text) : value_(std::move(text)) {}
  table_cell(std::string_view text) : value_(std::string(text)) {}
  table_cell(const char* text) : value_(std::string(text)) {}
  // A bool or a char is not a count: write it as a number or as text explicitly.
  table_cell(bool) = delete;
  table_cell(char) = delete;

  [[nodiscard]] const value_type& value() const noexcept { return value_; }

 private:
  value_type value_;
};

/// Writes a table to a stream: for CSV the header row at once, then one line per row
/// (fields separated by `,`, lines ended by CRLF); for JSON Lines one object per row,
/// its keys the column names in column order, each line ended by LF. The stream is
/// flushed only by flush(), so writing stays fast; its state tells whether writing failed.
class table_writer {
 public:
  /// `columns`: the names of the columns, at least one, each once.
  table_writer(std::ostream& out, table_format format, std::vector<std::string> columns)
      : out_(out), format_(format), columns_(std::move(columns)) {
    PEERKIT_ASSERT(!columns_.empty(), "table_writer: at least one column");
    PEERKIT_ASSERT(std::all_of(columns_.begin(), columns_.end(),
                               [&](const std::string& c) {
                                 return std::count(columns_.begin(), columns_.end(), c) == 1;
                               }),
                   "table_writer: every column name once");
    for (std::size_t i = 0; i < columns_.size(); ++i) {
      if (format_ == table_format::csv) {
        if (i > 0) line_ += ',';
        detail::append_csv_field(line_, columns_[i]);
      } else {
        // Every row repeats the keys: escape them once.
        std::string key = i == 0 ? "{" : ",";
        detail::append_json_string(key, columns_[i]);
        key += ':';
        json_keys_.push_back(std::move(key));
      }
    }
    if (format_ == table_format::csv) end_line();
  }

  /// Writes one row: one cell per column, in column order.
  void write_row(std::span<const table_cell> cells) {
    PEERKIT_ASSERT(cells.size() == columns_.size(), "table_writer::write_row: one cell per column");
    for (std::size_t i = 0; i < cells.size(); ++i) {
      if (format_ == table_format::csv) {
        if (i > 0) line_ += ',';
        std::visit([this](const auto& v) { append_csv(v); }, cells[i].value());
      } else {
        line_ += json_keys_[i];
        std::visit([this](const auto& v) { append_json(v); }, cells[i].value());
      }
    }
    if (format_ == table_format::json_lines) line_ += '}';
    end_line();
  }
  void write_row(std::initializer_list<table_cell> cells) {
    write_row(std::span<const table_cell>(cells.begin(), cells.size()));
  }

  void flush() { out_.flush(); }

  [[nodiscard]] const std::vector<std::string>& columns() const noexcept { return columns_; }
  [[nodiscard]] table_format format() const noexcept { return format_; }

 private:
  void end_line() {
    line_ += format_ == table_format::csv ? "\r\n" : "\n";
    out_.write(line_.data(), static_cast<std::streamsize>(line_.size()));
    line_.clear();
  }

  void append_csv(std::monostate) {}
  void append_csv(std::int64_t value) { detail::append_number(line_, value); }
  void append_csv(double value) {
    if (std::isfinite(value)) detail::append_number(line_, value);
  }
  void append_csv(const std::string& text) { detail::append_csv_field(line_, text); }

  void append_json(std::monostate) { line_ += "null"; }
  void append_json(std::int64_t value) { detail::append_number(line_, value); }
  void append_json(double value) {
    if (std::isfinite(value))
      detail::append_number(line_, value);
    else
      line_ += "null";
  }
  void append_json(const std::string& text) { detail::append_json_string(line_, text); }

  std::ostream& out_;
  table_format format_;
  std::vector<std::string> columns_;
  std::vector<std::string> json_keys_;  // `{"name":` for the first column, `,"name":` after
  std::string line_;                    // the line being built, kept for its capacity
};

}  // namespace peerkit::io
