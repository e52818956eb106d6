#pragma once
// A student list as CSV, the way a student-information system exports it. A column's
// name is the path of its value in the JSON student object: `id`, `name`, `class`,
// `grades.maths` (one column per subject), `traits.empathy`, `available.after_school`,
// `consent.given_on`, ...; list values are separated by `|`. Columns: docs/input-formats.md.
//
// Every problem names the file, line and column and what was expected and found, and all
// of them are thrown together. Values of special-category columns (languages, origin,
// needs, groups) are never repeated in a message, nor is a name suggested for them.

#include <algorithm>
#include <array>
#include <cstddef>
#include <iterator>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <peerkit/core/cell_text.hpp>
#include <peerkit/core/date_text.hpp>
#include <peerkit/core/enum_keys.hpp>
#include <peerkit/core/error.hpp>
#include <peerkit/core/school.hpp>
#include <peerkit/core/sensitive.hpp>
#include <peerkit/core/student.hpp>
#include <peerkit/io/csv.hpp>
#include <peerkit/io/json_reader.hpp>

namespace peerkit::io {

/// The columns of a student list besides the grade and trait columns, in the order of
/// the JSON student fields.
inline constexpr std::array<std::string_view, 19> student_columns{"id",
                                                                  "name",
                                                                  "gender",
                                                                  "birth_date",
                                                                  "year",
                                                                  "track",
                                                                  "class",
                                                                  "interests",
                                                                  "offers",
                                                                  "wants",
                                                                  "available.school_hours",
                                                                  "available.after_school",
                                                                  "consent.given_by",
                                                                  "consent.given_on",
                                                                  "consent.withdrawn_on",
                                                                  "languages",
                                                                  "origin",
                                                                  "needs",
                                                                  "groups"};

/// Columns a student list must have.
inline constexpr std::array<std::string_view, 5> required_student_columns{"id", "name", "year",
                                                                          "track", "class"};

/// Columns of special-category data: read, never repeated in messages.
inline constexpr std::array<std::string_view, 4> special_category_student_columns{
    "languages", "origin", "needs", "groups"};

/// `grades.maths` holds the grade for maths; one such column per subject.
inline constexpr std::string_view grade_column_prefix = "grades.";
/// `traits.empathy` holds the rating of empathy; one such column per trait.
inline constexpr std::string_view trait_column_prefix = "traits.";
/// Separates the items of a list value: `football|music`.
inline constexpr char csv_list_separator = '|';

namespace detail {

/// What a column of a student list holds; the first values follow student_columns.
enum class student_field {
  id,
  name,
  gender,
  birth_date,
  year,
  track,
  class_of,
  interests,
  offers,
  wants,
  school_hours,
  after_school,
  consent_given_by,
  consent_given_on,
  consent_withdrawn_on,
  languages,
  origin,
  needs,
  groups,
  grade,
  trait,
};
static_assert(static_cast<std::size_t>(student_field::grade) == student_columns.size());

struct student_column {
  std::size_t index = 0;  ///< position in each row
  student_field field = student_field::id;
  std::string key;        ///< the subject or trait of a grade or trait column
  std::string_view name;  ///< as written in the header
  bool special_category = false;
};

/// A student as read from one row, with the cells later checks point at.
struct student_row {
  student value;
  const csv_cell* id = nullptr;     ///< set when the id was read
  const csv_cell* year = nullptr;   ///< set when the year was read
  const csv_cell* track = nullptr;  ///< set when the track was read
  const csv_cell* class_of = nullptr;
};

/// The known name `text` likely meant: one that differs only in case, else the nearest.
inline std::optional<std::string_view> likely_meant(std::string_view text,
                                                    std::span<const std::string_view> known) {
  const auto lower = lower_case(text);
  for (auto k : known)
    if (lower_case(k) == lower) return k;
  return nearest_name(text, known);
}

/// A grade written with a decimal point or, as Dutch spreadsheets do, a decimal comma, with
/// one decimal at most ("7", "6.5", "6,50"), read exactly in tenths.
inline std::optional<tenths> grade_number(std::string_view text) {
  const auto mark = text.find_first_of(".,");
  const auto whole = text.substr(0, mark);
  const auto decimals = mark == std::string_view::npos ? std::string_view("0")
                                                       : text.substr(mark + 1);
  if (!all_digits(whole) || whole.size() > 6 || !all_digits(decimals) ||
      decimals.find_first_not_of('0', 1) != std::string_view::npos)
    return std::nullopt;
  return tenths::from_count(*whole_number<int>(whole) * 10 + (decimals[0] - '0'));
}

/// Reads the cells of a student list into students, collecting every problem.
class student_csv_reader {
 public:
  student_csv_reader(const std::string& source, problem_list& problems)
      : source_(source), problems_(problems) {}

  /// Maps the header to columns. Rows are read even when a required column is missing,
  /// so that their problems are reported in the same round. False when the first row
  /// names no column at all: it is a row of data, whose cells (names, special-category
  /// values) are not repeated as column names, and there are no columns to read rows by.
  bool header(const csv_table& table) {
    std::map<std::string_view, std::size_t> seen;
    for (std::size_t k = 0; k < table.header.size(); ++k) {
      const csv_cell& cell = table.header[k];
      const std::string_view name = cell.text;
      if (name.empty()) {
        unnamed(table, k);
        continue;
      }
      if (auto [it, fresh] = seen.emplace(name, cell.column); !fresh) {
        add("csv.duplicate_column", cell,
            "expected each column once, found '" + cell.text + "' again (first as column " +
                std::to_string(it->second) + ")");
        continue;
      }
      student_column column{k, student_field::id, {}, name, false};
      if (auto known = std::find(student_columns.begin(), student_columns.end(), name);
          known != student_columns.end()) {
        column.field = static_cast<student_field>(known - student_columns.begin());
        column.special_category = std::find(special_category_student_columns.begin(),
                                            special_category_student_columns.end(),
                                            name) != special_category_student_columns.end();
      } else if (name.starts_with(grade_column_prefix) &&
                 name.size() > grade_column_prefix.size()) {
        column.field = student_field::grade;
        column.key = name.substr(grade_column_prefix.size());
      } else if (name.starts_with(trait_column_prefix) &&
                 name.size() > trait_column_prefix.size()) {
        column.field = student_field::trait;
        column.key = name.substr(trait_column_prefix.size());
      } else {
        unknown(cell);
        continue;
      }
      columns_.push_back(std::move(column));
    }
    for (auto required : required_student_columns)
      if (!seen.contains(required))
        found_.push_back({table.header.front().line,
                          0,
                          {"csv.missing_column", text_location(source_, table.header.front().line),
                           "expected a column '" + std::string(required) + "', found none"}});
    if (!columns_.empty()) return true;
    const auto line = table.header.front().line;
    found_.assign(1, {line,
                      0,
                      {"csv.empty", text_location(source_, line),
                       "expected a header row naming the columns (id, name, year, "
                       "track, class, ...), found a first row that names none"}});
    return false;
  }

  student_row row(const csv_row& cells) {
    student_row out;
    student& s = out.value;
    std::optional<consent_giver> given_by;
    std::optional<date> given_on, withdrawn_on;
    const csv_cell* consent_cell = nullptr;
    std::vector<std::string> languages, groups;
    std::optional<std::string> origin;
    std::vector<need> needs;

    for (const auto& column : columns_) {
      const csv_cell& cell = cells[column.index];
      const std::string_view text = trimmed(cell.text);
      if (text.empty()) {
        if (std::find(required_student_columns.begin(), required_student_columns.end(),
                      column.name) != required_student_columns.end())
          add("csv.missing_value", cell, column.name, "expected a value, found an empty field");
        continue;
      }
      switch (column.field) {
        case student_field::id:
          if (auto v = whole_number<student_id::rep>(text)) {
            s.id = student_id{*v};
            out.id = &cell;
          } else {
            bad(cell, column, "a student number (a whole number from 0)", text);
          }
          break;
        case student_field::name: s.name = text; break;
        case student_field::gender: keyed(cell, column, text, s.gender); break;
        case student_field::birth_date: when(cell, column, text, s.birth_date); break;
        case student_field::year:
          if (auto v = whole_number<int>(text)) {
            s.year = *v;
            out.year = &cell;
          } else {
            bad(cell, column, "a school year as a whole number", text);
          }
          break;
        case student_field::track:
          if (keyed(cell, column, text, s.track)) out.track = &cell;
          break;
        case student_field::class_of: out.class_of = &cell; break;
        case student_field::interests: s.interests = list_items(text, csv_list_separator); break;
        case student_field::offers: s.offers = list_items(text, csv_list_separator); break;
        case student_field::wants: s.wants = list_items(text, csv_list_separator); break;
        case student_field::school_hours:
          truth(cell, column, text, s.available.school_hours);
          break;
        case student_field::after_school:
          truth(cell, column, text, s.available.after_school);
          break;
        case student_field::consent_given_by: {
          consent_giver g{};
          if (keyed(cell, column, text, g)) given_by = g;
          consent_cell = &cell;
          break;
        }
        case student_field::consent_given_on: {
          date d;
          if (when(cell, column, text, d)) given_on = d;
          consent_cell = &cell;
          break;
        }
        case student_field::consent_withdrawn_on: {
          date d;
          if (when(cell, column, text, d)) withdrawn_on = d;
          consent_cell = &cell;
          break;
        }
        case student_field::languages: languages = list_items(text, csv_list_separator); break;
        case student_field::origin: origin = std::string(text); break;
        case student_field::needs: needs = need_items(cell, column, text); break;
        case student_field::groups: groups = list_items(text, csv_list_separator); break;
        case student_field::grade:
          if (auto v = grade_number(text)) {
            if (!on_grade_scale(*v))
              add("data.out_of_range", cell, column.name, std::string(text) + " is outside 1..10");
            s.grades.push_back({column.key, *v});
          } else {
            bad(cell, column, "a grade such as 6.5 or 6,5", text);
          }
          break;
        case student_field::trait:
          if (auto v = whole_number<int>(text))
            s.traits.push_back({column.key, *v});
          else
            bad(cell, column, "a rating as a whole number", text);
          break;
      }
    }
    if (consent_cell) {
      // A value that could not be read was reported already; only an empty one is missing,
      // reported at its empty cell, or where the consent is when the column is absent.
      const csv_cell* by = cell_of(cells, student_field::consent_given_by);
      const csv_cell* on = cell_of(cells, student_field::consent_given_on);
      if (!by || trimmed(by->text).empty())
        add("csv.missing_value", by ? *by : *consent_cell, "consent.given_by",
            "expected who gave the consent (" + key_choices<consent_giver>() +
                ") with a consent, found none");
      if (!on || trimmed(on->text).empty())
        add("csv.missing_value", on ? *on : *consent_cell, "consent.given_on",
            "expected the day the consent was given with a consent, found none");
      if (given_by && given_on) s.consent = peerkit::consent{*given_by, *given_on, withdrawn_on};
    }
    s.languages = language_data{std::move(languages)};
    s.origin = origin_data{std::move(origin)};
    s.needs = needs_data{std::move(needs)};
    s.groups = group_data{std::move(groups)};
    return out;
  }

  /// The checks across rows and against the school: unique ids, years within the track,
  /// classes that exist and fit. Without `classes`, class cells must hold class ids,
  /// which are not checked.
  void check(std::vector<student_row>& rows, std::optional<std::span<const class_group>> classes,
             std::span<const student> existing) {
    std::map<student_id::rep, std::size_t> in_school, on_line;
    for (std::size_t i = 0; i < existing.size(); ++i) in_school.emplace(existing[i].id.value(), i);
    for (auto& r : rows) {
      student& s = r.value;
      if (r.id) {
        const auto number = s.id.value();
        if (auto [it, fresh] = on_line.emplace(number, r.id->line); !fresh)
          add("data.duplicate_id", *r.id, "id",
              "expected a student number used once, found " + std::to_string(number) +
                  ", already used on line " + std::to_string(it->second));
        else if (auto school_it = in_school.find(number); school_it != in_school.end())
          add("data.duplicate_id", *r.id, "id",
              "expected a student number new to the school, found " + std::to_string(number) +
                  ", already used by students[" + std::to_string(school_it->second) + "]");
      }
      if (r.year && r.track && (s.year < 1 || s.year > years_of(s.track)))
        add("data.out_of_range", *r.year, "year",
            std::to_string(s.year) + " is outside 1.." + std::to_string(years_of(s.track)) +
                " for " + std::string(key_of(s.track)));
      if (r.class_of) resolve_class(r, classes);
    }
  }

  /// Passes the problems found on to the list, by line and column.
  void report() {
    std::stable_sort(found_.begin(), found_.end(), [](const located& a, const located& b) {
      return std::pair(a.line, a.column) < std::pair(b.line, b.column);
    });
    for (auto& f : found_)
      problems_.add(std::move(f.what.id), std::move(f.what.location), std::move(f.what.message));
    found_.clear();
  }

 private:
  struct located {
    std::size_t line;
    std::size_t column;
    problem what;
  };

  void add(std::string id, const csv_cell& cell, const std::string& message) {
    found_.push_back({cell.line,
                      cell.column,
                      {std::move(id), text_location(source_, cell.line, cell.column), message}});
  }
  void add(std::string id, const csv_cell& cell, std::string_view column,
           const std::string& message) {
    add(std::move(id), cell, std::string(column) + ": " + message);
  }
  /// A value that is not what the column holds; a special-category value is not shown.
  void bad(const csv_cell& cell, const student_column& column, const std::string& expected,
           std::string_view found, std::string id = "csv.wrong_type") {
    add(std::move(id), cell, column.name,
        "expected " + expected + ", found " +
            (column.special_category
                 ? "another value (special-category data is not repeated in messages)"
                 : in_quotes(found)));
  }

  template <KeyedEnum E>
  bool keyed(const csv_cell& cell, const student_column& column, std::string_view text, E& out) {
    if (auto e = from_key<E>(text)) {
      out = *e;
      return true;
    }
    std::string found = in_quotes(text);
    if (auto near = likely_meant(text, std::span<const std::string_view>(enum_keys<E>::keys)))
      found += "; did you mean '" + std::string(*near) + "'?";
    add("csv.unknown_value", cell, column.name,
        "expected one of " + key_choices<E>() + ", found " + found);
    return false;
  }

  bool when(const csv_cell& cell, const student_column& column, std::string_view text, date& out) {
    if (auto d = read_date(text, date_dialect::iso_or_day_month_year)) {
      out = *d;
      return true;
    }
    bad(cell, column, expected_date(date_dialect::iso_or_day_month_year), text, "csv.bad_date");
    return false;
  }

  void truth(const csv_cell& cell, const student_column& column, std::string_view text, bool& out) {
    if (auto b = yes_or_no(text))
      out = *b;
    else
      bad(cell, column, std::string(yes_or_no_words), text);
  }

  std::vector<need> need_items(const csv_cell& cell, const student_column& column,
                               std::string_view text) {
    std::vector<need> out;
    const auto items = list_items(text, csv_list_separator);
    for (std::size_t i = 0; i < items.size(); ++i) {
      if (auto n = from_key<need>(items[i]))
        out.push_back(*n);
      else
        add("csv.unknown_value", cell, column.name,
            "expected items from " + key_choices<need>() + ", found another value as item " +
                std::to_string(i + 1) + " (special-category data is not repeated in messages)");
    }
    return out;
  }

  const csv_cell* cell_of(const csv_row& cells, student_field field) const {
    for (const auto& column : columns_)
      if (column.field == field) return &cells[column.index];
    return nullptr;
  }

  void resolve_class(student_row& r, std::optional<std::span<const class_group>> classes) {
    const csv_cell& cell = *r.class_of;
    const std::string_view text = trimmed(cell.text);
    student& s = r.value;
    const class_group* found = nullptr;
    if (classes) {
      std::vector<const class_group*> named;
      for (const auto& c : *classes)
        if (c.name == text) named.push_back(&c);
      if (named.size() > 1) {
        return add("data.ambiguous_reference", cell, "class",
                   "expected one class named " + in_quotes(text) + ", found " +
                       std::to_string(named.size()) + " (ids " +
                       std::to_string(named[0]->id.value()) + " and " +
                       std::to_string(named[1]->id.value()) + "); give the class id");
      }
      if (named.size() == 1) found = named.front();
    }
    if (!found) {
      const auto id = all_digits(text) ? whole_number<class_id::rep>(text) : std::nullopt;
      if (!classes) {
        if (id)
          s.class_of = class_id{*id};
        else
          add("data.unknown_reference", cell, "class",
              "expected a class id (class names need the school's classes), found " +
                  in_quotes(text));
        return;
      }
      if (id)
        for (const auto& c : *classes)
          if (c.id.value() == *id) found = &c;
      if (!found) {
        std::string message = "expected the name or id of a class of the school, found " +
                              in_quotes(text);
        std::vector<std::string_view> names;
        for (const auto& c : *classes) names.push_back(c.name);
        if (auto near = id ? std::nullopt : likely_meant(text, names))
          message += "; did you mean '" + std::string(*near) + "'?";
        return add("data.unknown_reference", cell, "class", message);
      }
    }
    s.class_of = found->id;
    if (r.year && r.track && (found->year != s.year || found->track != s.track))
      add("data.inconsistent", cell, "class",
          "expected a class of year " + std::to_string(s.year) + " " +
              std::string(key_of(s.track)) + " as the student, found class " + found->name +
              " of year " + std::to_string(found->year) + " " + std::string(key_of(found->track)));
  }

  void unnamed(const csv_table& table, std::size_t k) {
    for (const auto& row : table.rows)
      if (!row[k].text.empty()) {
        add("csv.unnamed_column", table.header[k],
            "expected a column name, found none for a column that holds values (first on line " +
                std::to_string(row[k].line) + "); name the column or remove it");
        return;
      }
  }

  void unknown(const csv_cell& cell) {
    const std::string_view name = cell.text;
    // `grade:maths` or `grade.maths`: also offer the grade or trait column of the same subject.
    const auto mark = name.find_first_of(".:");
    std::vector<std::string> extra;
    if (mark != std::string_view::npos && mark + 1 < name.size())
      for (auto prefix : {grade_column_prefix, trait_column_prefix})
        extra.push_back(std::string(prefix) + std::string(name.substr(mark + 1)));
    std::vector<std::string_view> known(student_columns.begin(), student_columns.end());
    known.insert(known.end(), extra.begin(), extra.end());
    std::string message = "expected a known column, found '" + cell.text + "'";
    if (auto near = likely_meant(name, known))
      message += "; did you mean '" + std::string(*near) + "'?";
    add("csv.unknown_column", cell, message);
  }

  const std::string& source_;
  problem_list& problems_;
  std::vector<student_column> columns_;
  std::vector<located> found_;
};

inline std::vector<student> read_student_list(std::string_view text, const std::string& source_name,
                                              std::optional<std::span<const class_group>> classes,
                                              std::span<const student> existing,
                                              const csv_options& options, problem_list& problems) {
  const csv_table table = parse_csv(text, source_name, problems, options);
  if (table.header.empty()) return {};
  student_csv_reader reader(source_name, problems);
  if (!reader.header(table)) {
    reader.report();
    return {};
  }
  std::vector<student_row> rows;
  rows.reserve(table.rows.size());
  for (const auto& cells : table.rows) rows.push_back(reader.row(cells));
  reader.check(rows, classes, existing);
  reader.report();
  std::vector<student> students;
  students.reserve(rows.size());
  for (auto& r : rows) students.push_back(std::move(r.value));
  return students;
}

}  // namespace detail

/// Reads a student list. A class cell holds a class id; with the school's `classes` it
/// may also hold a class name, and either must name one of them and fit the student's
/// year and track. Throws peerkit::error with every problem found.
[[nodiscard]] inline std::vector<student> read_students_csv(
    std::string_view text, const std::string& source_name = "students.csv",
    std::span<const class_group> classes = {}, const csv_options& options = {}) {
  problem_list problems;
  auto students = detail::read_student_list(text, source_name,
                                            classes.empty() ? std::nullopt : std::optional{classes},
                                            {}, options, problems);
  problems.throw_if_any();
  return students;
}

/// `base` with the students of a CSV list added after its own: class cells name or
/// number one of its classes, and student numbers are new to it. The result passes
/// validate(); throws peerkit::error with every problem found, at its CSV location.
[[nodiscard]] inline school merge_students_csv(school base, std::string_view text,
                                               const std::string& source_name = "students.csv",
                                               const csv_options& options = {}) {
  problem_list problems;
  auto students = detail::read_student_list(text, source_name,
                                            std::span<const class_group>(base.classes),
                                            base.students, options, problems);
  problems.throw_if_any();
  base.students.insert(base.students.end(), std::make_move_iterator(students.begin()),
                       std::make_move_iterator(students.end()));
  validate(base);
  return base;
}

}  // namespace peerkit::io
