#pragma once
// Contacts as CSV, the way a school system exports the contact log: one contact a row,
// columns `pair`, `date`, `minutes`, and optionally `kind`, `topics` (separated by `|`)
// and `needs_adult`. The separator (`;` or `,`) is taken from the header row as for a
// student list. Every problem names the file, line and column ("contacts.csv:4:3") and
// the column's name, and all of them are thrown together. Columns: docs/input-formats.md.

#include <algorithm>
#include <array>
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <peerkit/core/cell_text.hpp>
#include <peerkit/core/date_text.hpp>
#include <peerkit/core/error.hpp>
#include <peerkit/io/csv.hpp>
#include <peerkit/io/student_csv.hpp>
#include <peerkit/io/text_file.hpp>
#include <peerkit/supervision/contact_log.hpp>

namespace peerkit::io {

/// The columns of a contact list, in the order of contact_record's fields.
inline constexpr std::array<std::string_view, 6> contact_columns{"pair", "date",   "minutes",
                                                                 "kind", "topics", "needs_adult"};

/// Columns a contact list must have; without the others a contact is at school, about no
/// listed topic, and needs no adult.
inline constexpr std::array<std::string_view, 3> required_contact_columns{"pair", "date",
                                                                          "minutes"};

namespace detail {
/// Reads the rows of a contact list, each cell by the column its header names.
class contact_csv_reader {
 public:
  contact_csv_reader(const std::string& source, problem_list& problems)
      : source_(source), problems_(problems) {}

  /// Finds the columns; false when one is missing, so no row can be read.
  bool columns(const csv_table& table) {
    for (std::size_t k = 0; k < table.header.size(); ++k) {
      const auto& cell = table.header[k];
      const auto known = std::find(contact_columns.begin(), contact_columns.end(), cell.text);
      if (known == contact_columns.end()) {
        std::string message = "expected a known column, found '" + cell.text + "'";
        if (auto near = likely_meant(cell.text, contact_columns))
          message += "; did you mean '" + std::string(*near) + "'?";
        add("csv.unknown_column", cell, message);
        continue;
      }
      auto& first = index_[static_cast<std::size_t>(known - contact_columns.begin())];
      if (first)
        add("csv.duplicate_column", cell,
            "expected each column once, found '" + cell.text + "' again (first as column " +
                std::to_string(*first + 1) + ")");
      else
        first = k;
    }
    bool complete = true;
    for (auto name : required_contact_columns)
      if (!index_[column_number(name)]) {
        problems_.add("csv.missing_column", text_location(source_, table.header.front().line),
                      "expected a column '" + std::string(name) + "', found none");
        complete = false;
      }
    return complete;
  }

  /// The contact of one row; nothing when a cell could not be read.
  std::optional<contact_record> row(const csv_row& cells) {
    const auto before = problems_.problems().size();
    contact_record c;
    if (const auto* cell = at(cells, "pair"); cell && required(*cell, "pair")) {
      if (auto id = whole_number<pair_id::rep>(cell->text))
        c.pair = pair_id{*id};
      else
        bad("csv.wrong_type", *cell, "pair", "a pair id (a whole number from 0)");
    }
    if (const auto* cell = at(cells, "date"); cell && required(*cell, "date")) {
      if (auto d = read_date(cell->text, date_dialect::iso_or_day_month_year))
        c.on = *d;
      else
        bad("csv.bad_date", *cell, "date", expected_date(date_dialect::iso_or_day_month_year));
    }
    if (const auto* cell = at(cells, "minutes"); cell && required(*cell, "minutes")) {
      const auto minutes = whole_number<int>(cell->text);
      if (!minutes)
        bad("csv.wrong_type", *cell, "minutes", "a whole number of minutes");
      else if (*minutes < 1 || *minutes > max_contact_minutes)
        add("data.out_of_range", *cell,
            "minutes: expected 1.." + std::to_string(max_contact_minutes) + " minutes, found " +
                cell->text);
      else
        c.minutes = *minutes;
    }
    if (const auto* cell = at(cells, "kind"); cell && !cell->text.empty())
      keyed(*cell, "kind", c.kind);
    if (const auto* cell = at(cells, "topics")) {
      const auto items = list_items(cell->text, csv_list_separator);
      for (std::size_t i = 0; i < items.size(); ++i) {
        auto topic = contact_topic::getting_to_know;
        if (keyed(*cell, "topics", topic, items[i], i + 1)) c.topics = c.topics.with(topic);
      }
    }
    if (const auto* cell = at(cells, "needs_adult"); cell && !cell->text.empty()) {
      if (auto b = yes_or_no(cell->text))
        c.needs_adult = *b;
      else
        bad("csv.wrong_type", *cell, "needs_adult", std::string(yes_or_no_words));
    }
    if (problems_.problems().size() != before) return std::nullopt;
    return c;
  }

 private:
  static constexpr std::size_t column_number(std::string_view name) {
    return static_cast<std::size_t>(
        std::find(contact_columns.begin(), contact_columns.end(), name) - contact_columns.begin());
  }
  const csv_cell* at(const csv_row& cells, std::string_view name) const {
    const auto k = index_[column_number(name)];
    return k ? &cells[*k] : nullptr;
  }

  void add(std::string id, const csv_cell& cell, const std::string& message) {
    problems_.add(std::move(id), text_location(source_, cell.line, cell.column), message);
  }
  void bad(std::string id, const csv_cell& cell, std::string_view column,
           const std::string& expected) {
    add(std::move(id), cell,
        std::string(column) + ": expected " + expected + ", found " + in_quotes(cell.text));
  }
  bool required(const csv_cell& cell, std::string_view column) {
    if (!cell.text.empty()) return true;
    add("csv.missing_value", cell, std::string(column) + ": expected a value, found none");
    return false;
  }
  /// Reads `text` (the cell, or item `item` of its list) as a key of `E`.
  template <KeyedEnum E>
  bool keyed(const csv_cell& cell, std::string_view column, E& out,
             std::optional<std::string_view> text = std::nullopt, std::size_t item = 0) {
    const std::string_view value = text ? *text : std::string_view(cell.text);
    if (auto e = from_key<E>(value)) {
      out = *e;
      return true;
    }
    std::string found = in_quotes(value);
    if (item > 0) found += " as item " + std::to_string(item);
    if (auto near = likely_meant(value, std::span<const std::string_view>(enum_keys<E>::keys)))
      found += "; did you mean '" + std::string(*near) + "'?";
    add("csv.unknown_value", cell,
        std::string(column) + ": expected " + (item > 0 ? "items from " : "one of ") +
            key_choices<E>() + ", found " + found);
    return false;
  }

  const std::string& source_;
  problem_list& problems_;
  std::array<std::optional<std::size_t>, contact_columns.size()> index_{};
};
}  // namespace detail

/// Reads a contact list; throws peerkit::error with every problem found. The contacts are
/// checked as a table (columns, values, ranges); whether their pairs exist and meet on
/// those days is checked when they are added to the record.
[[nodiscard]] inline std::vector<contact_record> read_contacts_csv(
    std::string_view text, const std::string& source_name = "contacts.csv",
    const csv_options& options = {}) {
  problem_list problems;
  const csv_table table = parse_csv(text, source_name, problems, options);
  std::vector<contact_record> contacts;
  detail::contact_csv_reader reader(source_name, problems);
  if (!table.header.empty() && reader.columns(table))
    for (const auto& row : table.rows)
      if (auto c = reader.row(row)) contacts.push_back(*c);
  problems.throw_if_any();
  return contacts;
}

/// Reads the contact list at `path`; problems are located by its file name.
[[nodiscard]] inline std::vector<contact_record> read_contacts_csv_file(
    const std::filesystem::path& path, const csv_options& options = {}) {
  return read_contacts_csv(read_text_file(path), path.filename().string(), options);
}

}  // namespace peerkit::io
