#pragma once
// CSV text as spreadsheets and student-information systems export it: a header row,
// fields separated by `;` (Dutch spreadsheets, where `,` is the decimal mark) or `,`,
// UTF-8 with or without a byte-order mark, CRLF, LF or CR line ends, and fields in
// double quotes that may hold separators, line ends and doubled quotes. The rules are
// in docs/input-formats.md. Problems name the file, the line and the column (the field's
// number in its row, as a spreadsheet counts columns): `students.csv:14:3`. A problem
// never repeats the text of a field: which fields may be shown is up to the reader of
// the table (special-category columns may not).

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <peerkit/core/cell_text.hpp>
#include <peerkit/core/enum_keys.hpp>
#include <peerkit/core/error.hpp>

namespace peerkit::io {

/// The field separator of a CSV file, or `detect` to take it from the header row.
enum class csv_separator { detect, semicolon, comma };

/// How to read a CSV file.
struct csv_options {
  /// `detect`: the header row decides (see detect_csv_separator()).
  csv_separator separator = csv_separator::detect;
};

/// One field as read: its text (quotes removed, doubled quotes undone, line ends inside
/// quotes as "\n"; blanks around an unquoted field removed) and where it starts.
struct csv_cell {
  std::string text;
  std::size_t line = 0;    ///< physical line of the file where the field starts, from 1
  std::size_t column = 0;  ///< number of the field in its row, from 1
  friend bool operator==(const csv_cell&, const csv_cell&) = default;
};

using csv_row = std::vector<csv_cell>;

/// A CSV file: the header row and the data rows, each with as many fields as the header.
struct csv_table {
  char separator = ',';
  csv_row header;
  std::vector<csv_row> rows;
};

namespace detail {
/// The length of the valid UTF-8 sequence at `text[i]`, or 0 if there is none.
inline std::size_t utf8_sequence(std::string_view text, std::size_t i) noexcept {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char b = byte(i);
  if (b < 0x80) return 1;
  std::size_t length = 0;
  unsigned char low = 0x80, high = 0xBF;  // bounds of the second byte: no overlongs, surrogates
  if (b >= 0xC2 && b <= 0xDF)
    length = 2;
  else if (b >= 0xE0 && b <= 0xEF) {
    length = 3;
    if (b == 0xE0) low = 0xA0;
    if (b == 0xED) high = 0x9F;
  } else if (b >= 0xF0 && b <= 0xF4) {
    length = 4;
    if (b == 0xF0) low = 0x90;
    if (b == 0xF4) high = 0x8F;
  } else {
    return 0;
  }
  if (i + length > text.size() || byte(i + 1) < low || byte(i + 1) > high) return 0;
  for (std::size_t k = 2; k < length; ++k)
    if (byte(i + k) < 0x80 || byte(i + k) > 0xBF) return 0;
  return length;
}

inline bool valid_utf8(std::string_view text) noexcept {
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t n = utf8_sequence(text, i);
    if (n == 0) return false;
    i += n;
  }
  return true;
}
}  // namespace detail

/// The separator of the CSV text whose first non-empty line is the header: `;` or `,`,
/// whichever occurs more often in that line outside quotes; `,` if neither occurs (a
/// single column). Empty when both occur equally often: the caller must choose.
[[nodiscard]] inline std::optional<char> detect_csv_separator(std::string_view text) {
  // Counts in the current line, and in all lines for a file of empty rows only.
  std::size_t semicolons = 0, commas = 0, all_semicolons = 0, all_commas = 0;
  bool quoted = false, content = false;
  for (char c : text) {
    if (c == '"') {
      quoted = !quoted;  // a doubled quote toggles twice: no change
      content = true;
    } else if (quoted) {
      continue;
    } else if (c == ';') {
      ++semicolons;
      ++all_semicolons;
    } else if (c == ',') {
      ++commas;
      ++all_commas;
    } else if (is_line_end(c)) {
      if (content) break;
      semicolons = commas = 0;  // an empty row such as ";;;" before the header
    } else if (!is_blank(c)) {
      content = true;
    }
  }
  if (!content) {
    semicolons = all_semicolons;
    commas = all_commas;
  }
  if (semicolons == commas) return semicolons == 0 ? std::optional<char>{','} : std::nullopt;
  return semicolons > commas ? ';' : ',';
}

/// Reads CSV `text`, adding each problem to `problems` with a location in `source_name`.
/// Rows whose fields are all empty are skipped (spreadsheets export empty rows as
/// `;;;`); the first other row is the header; a row with another number of fields than
/// the header is a problem and left out. Problem ids: csv.encoding, csv.empty,
/// csv.ambiguous_separator, csv.syntax, csv.field_count.
[[nodiscard]] inline csv_table parse_csv(std::string_view text, const std::string& source_name,
                                         problem_list& problems, const csv_options& options = {}) {
  csv_table table;
  if (text.starts_with("\xFF\xFE") || text.starts_with("\xFE\xFF")) {
    problems.add("csv.encoding", text_location(source_name, 1),
                 "expected UTF-8 text, found UTF-16; save the file as \"CSV UTF-8\"");
    return table;
  }
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);

  switch (options.separator) {
    case csv_separator::semicolon: table.separator = ';'; break;
    case csv_separator::comma: table.separator = ','; break;
    case csv_separator::detect:
      if (auto detected = detect_csv_separator(text)) {
        table.separator = *detected;
      } else {
        problems.add("csv.ambiguous_separator", text_location(source_name, 1),
                     "expected a header row separated by ';' or by ',', found both equally often; "
                     "name the separator explicitly");
        return table;
      }
  }
  const char separator = table.separator;

  std::size_t i = 0, line = 1;
  bool encoding_reported = false;
  const auto at_end = [&] { return i >= text.size(); };
  const auto skip_line_end = [&] {
    if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
    ++i;
    ++line;
  };
  const auto syntax = [&](const csv_cell& cell, const std::string& message) {
    problems.add("csv.syntax", text_location(source_name, cell.line, cell.column), message);
  };

  while (!at_end()) {
    csv_row row;
    bool row_ends = false;
    for (std::size_t column = 1; !row_ends; ++column) {
      csv_cell cell{{}, line, column};
      while (!at_end() && is_blank(text[i])) ++i;
      if (!at_end() && text[i] == '"') {
        ++i;
        bool closed = false;
        while (!at_end()) {
          const char c = text[i];
          if (c == '"') {
            if (i + 1 < text.size() && text[i + 1] == '"') {
              cell.text += '"';
              i += 2;
              continue;
            }
            ++i;
            closed = true;
            break;
          }
          if (is_line_end(c)) {
            cell.text += '\n';
            skip_line_end();
          } else {
            cell.text += c;
            ++i;
          }
        }
        if (!closed) {  // the rest of the file is inside the quotes: nothing more to read
          syntax(
              cell,
              "expected a closing quote for the field that starts here, found the end of the file");
          return table;
        }
        while (!at_end() && is_blank(text[i])) ++i;
        if (!at_end() && text[i] != separator && !is_line_end(text[i])) {
          syntax(cell, std::string("expected '") + separator +
                           "' or the end of the line after a closing quote, found more text; "
                           "double a quote that belongs to the value");
          while (!at_end() && text[i] != separator && !is_line_end(text[i])) ++i;
        }
      } else {
        bool quote_reported = false;
        while (!at_end() && text[i] != separator && !is_line_end(text[i])) {
          if (text[i] == '"' && !quote_reported) {
            syntax(cell,
                   "expected a field without quotes or a field in quotes, found a quote inside "
                   "the field; put the whole field in quotes and double the quotes inside it");
            quote_reported = true;
          }
          cell.text += text[i++];
        }
        while (!cell.text.empty() && is_blank(cell.text.back())) cell.text.pop_back();
      }
      if (!encoding_reported &&
          (!detail::valid_utf8(cell.text) || cell.text.find('\0') != std::string::npos)) {
        problems.add(
            "csv.encoding", text_location(source_name, cell.line, cell.column),
            "expected UTF-8 text, found bytes that are not UTF-8 text (the file may be saved "
            "as ANSI, Windows-1252 or UTF-16); save the file as \"CSV UTF-8\"");
        encoding_reported = true;
      }
      row.push_back(std::move(cell));
      if (at_end()) {
        row_ends = true;
      } else if (text[i] == separator) {
        ++i;
      } else {
        skip_line_end();
        row_ends = true;
      }
    }

    bool empty = true;
    for (const auto& cell : row) empty = empty && cell.text.empty();
    if (empty) continue;
    if (table.header.empty()) {
      table.header = std::move(row);
    } else if (row.size() != table.header.size()) {
      const bool too_many = row.size() > table.header.size();
      const auto& at = too_many ? row[table.header.size()] : row.back();
      problems.add(
          "csv.field_count", text_location(source_name, at.line, at.column),
          "expected " + std::to_string(table.header.size()) + " fields as in the header, found " +
              std::to_string(row.size()) +
              (too_many ? std::string("; a value that holds '") + separator + "' must be in quotes"
                        : std::string()));
    } else {
      table.rows.push_back(std::move(row));
    }
  }
  if (table.header.empty())
    problems.add("csv.empty", text_location(source_name, 1),
                 "expected a header row, found an empty file");
  return table;
}

/// Reads CSV `text`; throws peerkit::error with every problem found.
[[nodiscard]] inline csv_table parse_csv(std::string_view text, const std::string& source_name,
                                         const csv_options& options = {}) {
  problem_list problems;
  auto table = parse_csv(text, source_name, problems, options);
  problems.throw_if_any();
  return table;
}

}  // namespace peerkit::io

namespace peerkit {
/// "semicolon" for csv_separator::semicolon, as a command line spells it.
template <>
struct enum_keys<io::csv_separator> {
  static constexpr std::array<std::string_view, 3> keys{"detect", "semicolon", "comma"};
};
}  // namespace peerkit
