#pragma once
// Reads school holidays from a small comma-separated text file, one period per line:
//
//   # comments and blank lines are skipped
//   school_year,holiday,region,first_day,last_day,status
//   2025-2026,herfstvakantie,noord,2025-10-18,2025-10-26,advies
//   2025-2026,kerstvakantie,all,2025-12-20,2026-01-04,verplicht
//   2025-2026,studiedag,all,2025-11-24,2025-11-24,school
//
// The header line is required. `all` stands for every region and is read as one period
// per region. Every problem found is reported with its line and column, and all of them
// are thrown together in one peerkit::error. The format is described in docs/calendar.md.

#include <algorithm>
#include <cstddef>
#include <filesystem>
#include <fstream>
#include <istream>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <boost/date_time/gregorian/formatters.hpp>
#include <boost/date_time/gregorian/gregorian_types.hpp>

#include <peerkit/calendar/holidays.hpp>
#include <peerkit/calendar/school_year.hpp>
#include <peerkit/core/cell_text.hpp>
#include <peerkit/core/date_text.hpp>
#include <peerkit/core/enum_keys.hpp>
#include <peerkit/core/error.hpp>
#include <peerkit/core/region.hpp>

namespace peerkit {

/// The header line a holiday file starts with.
inline constexpr std::string_view holiday_file_header =
    "school_year,holiday,region,first_day,last_day,status";

namespace detail {

// Reading lines and fields.

/// A line of a holiday file that holds data: neither blank nor a comment.
struct holiday_line {
  std::size_t number;  ///< from 1
  std::string text;    ///< without a byte-order mark or line end
};

/// The data lines of a holiday file, and how many lines it has in all.
struct holiday_lines {
  std::vector<holiday_line> data;
  std::size_t count = 0;
};

inline holiday_lines read_holiday_lines(std::istream& in) {
  holiday_lines lines;
  for (std::string raw; std::getline(in, raw);) {
    ++lines.count;
    std::string_view text = raw;
    if (lines.count == 1 && text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);  // UTF-8 BOM
    if (text.ends_with('\r')) text.remove_suffix(1);
    if (const auto content = trimmed(text); content.empty() || content.front() == '#') continue;
    lines.data.push_back({lines.count, std::string(text)});
  }
  return lines;
}

struct holiday_field {
  std::string_view text;  ///< without blanks around it
  std::size_t column;     ///< 1-based column of its first character
};

/// Splits a line at commas; a field's column points at its first non-blank character.
inline std::vector<holiday_field> split_holiday_line(std::string_view line) {
  std::vector<holiday_field> fields;
  for (std::size_t start = 0;;) {
    const std::size_t comma = std::min(line.find(',', start), line.size());
    const auto raw = line.substr(start, comma - start);
    const auto text = trimmed(raw);
    fields.push_back({text, start + static_cast<std::size_t>(text.data() - raw.data()) + 1});
    if (comma == line.size()) return fields;
    start = comma + 1;
  }
}

/// The six fields of a data line, by name.
struct holiday_fields {
  holiday_field year, holiday, region, first_day, last_day, status;
};

/// Adds the problems of one holiday file, located as "source:line:column".
struct holiday_problems {
  std::string_view source;
  problem_list& list;

  void add(std::string id, std::size_t line, std::size_t column, std::string message) const {
    list.add(std::move(id), text_location(source, line, column), std::move(message));
  }
  /// "expected …, found "text"" at the field.
  void add(std::string id, std::size_t line, const holiday_field& field,
           const std::string& expected) const {
    add(std::move(id), line, field.column,
        "expected " + expected + ", found " + in_quotes(field.text));
  }
};

inline void check_holiday_header(const holiday_line& line, const holiday_problems& report) {
  std::string normalised;
  for (const auto& field : split_holiday_line(line.text))
    normalised += (normalised.empty() ? "" : ",") + std::string(field.text);
  if (normalised == holiday_file_header) return;
  const auto first_char = line.text.find_first_not_of(" \t");
  report.add("calendar.header", line.number, first_char + 1,
             "expected the header line " + in_quotes(holiday_file_header) + ", found " +
                 in_quotes(std::string_view(line.text).substr(first_char)));
}

// Reading the cells of a line.

/// The values of one data line.
struct holiday_row {
  std::size_t line;
  holiday_fields fields;
  school_year year;
  holiday_kind kind;
  std::optional<holiday_region> region;  ///< empty for `all`: every region
  date first;
  date last;
  holiday_status status;
};

/// The values of a data line; empty, with every problem reported, unless each field reads.
inline std::optional<holiday_row> read_holiday_row(const holiday_line& line,
                                                   const holiday_problems& report) {
  const auto fields = split_holiday_line(line.text);
  if (fields.size() != 6) {
    const std::size_t column = fields.size() < 6 ? line.text.size() + 1 : fields[6].column;
    report.add("calendar.field_count", line.number, column,
               "expected 6 comma-separated fields (" + std::string(holiday_file_header) +
                   "), found " + std::to_string(fields.size()));
    return std::nullopt;
  }
  const holiday_fields f{fields[0], fields[1], fields[2], fields[3], fields[4], fields[5]};
  bool readable = true;
  const auto unreadable = [&](std::string id, const holiday_field& field,
                              const std::string& expected) {
    report.add(std::move(id), line.number, field, expected);
    readable = false;
  };

  const auto year = parse_school_year(f.year.text);
  if (!year) unreadable("calendar.school_year", f.year, "a school year such as \"2025-2026\"");
  const auto kind = from_key<holiday_kind>(f.holiday.text);
  if (!kind)
    unreadable("calendar.holiday", f.holiday, "a holiday (" + key_choices<holiday_kind>() + ")");
  const bool every_region = f.region.text == "all";
  const auto region = from_key<holiday_region>(f.region.text);
  if (!region && !every_region)
    unreadable("calendar.region", f.region,
               "a region (" + key_choices<holiday_region>() + "; all for every region)");
  const auto first = read_date(f.first_day.text);
  if (!first) unreadable("calendar.date", f.first_day, expected_date());
  const auto last = read_date(f.last_day.text);
  if (!last) unreadable("calendar.date", f.last_day, expected_date());
  const auto status = from_key<holiday_status>(f.status.text);
  if (!status)
    unreadable("calendar.status", f.status, "a status (" + key_choices<holiday_status>() + ")");

  if (!readable) return std::nullopt;
  return holiday_row{line.number, f, *year, *kind, region, *first, *last, *status};
}

// Checking.

/// Whether the values of a line fit together: the last day not before the first, the
/// first in the school year named, and a status the holiday can have.
inline bool holiday_row_fits(const holiday_row& row, const holiday_problems& report) {
  const auto& f = row.fields;
  if (row.last < row.first) {
    report.add("calendar.date_order", row.line, f.last_day,
               "a last day on or after the first day " + in_quotes(f.first_day.text));
    return false;
  }
  if (!row.year.contains(row.first)) {
    report.add("calendar.outside_school_year", row.line, f.first_day,
               "a first day within school year " + row.year.to_string() + " (" +
                   to_iso_extended_string(row.year.first_day()) + " to " +
                   to_iso_extended_string(row.year.last_day()) + ")");
    return false;
  }
  const bool national = is_national(row.kind);
  if (national == (row.status == holiday_status::school_choice)) {
    report.add("calendar.status", row.line, f.status,
               national ? "verplicht or advies for a national holiday"
                        : "school for a day the school sets");
    return false;
  }
  return true;
}

/// A period as read, with where it was read, for the checks across periods. The JSON
/// reader (peerkit/io/holiday_json.hpp) makes the same checks.
struct read_period {
  holiday_period period;
  std::size_t row;       ///< the line or element read: one for every region it gives
  std::string location;  ///< where a problem with the period is reported
  std::string place;     ///< how another problem points at it: "line 12"
};

/// A national holiday is given once per year and region, and national holidays of one
/// region never overlap; the school's own days may overlap anything. A row read as
/// every region is reported once.
inline void check_national_holidays(const std::vector<read_period>& read, problem_list& problems) {
  std::optional<std::size_t> reported_row;
  for (std::size_t i = 0; i < read.size(); ++i) {
    const auto& a = read[i].period;
    if (!is_national(a.kind) || read[i].row == reported_row) continue;
    for (std::size_t j = 0; j < i; ++j) {
      const auto& b = read[j].period;
      if (!is_national(b.kind) || a.region != b.region || read[i].row == read[j].row) continue;
      const bool duplicate = a.kind == b.kind && a.year == b.year;
      if (!duplicate && (a.last < b.first || b.last < a.first)) continue;
      const std::string kind(key_of(a.kind));
      const std::string region(key_of(a.region));
      if (duplicate)
        problems.add("calendar.duplicate_holiday", read[i].location,
                     "expected one " + kind + " " + a.year.to_string() +
                         " per region, found a second for " + region + " (the first is at " +
                         read[j].place + ")");
      else
        problems.add("calendar.overlapping_holidays", read[i].location,
                     "expected national holidays of region " + region + " not to overlap, found " +
                         kind + " overlapping " + std::string(key_of(b.kind)) + " at " +
                         read[j].place);
      reported_row = read[i].row;
      break;
    }
  }
}

// Building.

/// The periods a line gives: one per region for `all`.
inline void add_periods(const holiday_row& row, std::string_view source,
                        std::vector<read_period>& read) {
  for (const holiday_region r : all_holiday_regions)
    if (!row.region || *row.region == r)
      read.push_back({{row.year, row.kind, r, row.first, row.last, row.status},
                      row.line,
                      text_location(source, row.line, 1),
                      "line " + std::to_string(row.line)});
}

inline std::vector<holiday_period> in_holiday_order(const std::vector<read_period>& read) {
  std::vector<holiday_period> out;
  out.reserve(read.size());
  for (const auto& r : read) out.push_back(r.period);
  std::stable_sort(out.begin(), out.end(), holiday_order);
  return out;
}

}  // namespace detail

/// Reads every holiday period in `in`. `source` names the input in problem locations
/// ("school_holidays_nl.csv:12:17"). Throws peerkit::error with every problem found:
/// calendar.header, calendar.field_count, calendar.school_year, calendar.holiday,
/// calendar.region, calendar.date, calendar.date_order, calendar.outside_school_year,
/// calendar.status, calendar.duplicate_holiday, calendar.overlapping_holidays.
[[nodiscard]] inline std::vector<holiday_period> read_holidays(
    std::istream& in, std::string_view source = "holidays") {
  problem_list problems;
  const detail::holiday_problems report{source, problems};
  const auto lines = detail::read_holiday_lines(in);
  if (lines.data.empty())
    report.add("calendar.header", lines.count + 1, 1,
               "expected the header line " + in_quotes(holiday_file_header) +
                   ", found the end of the input");
  else
    detail::check_holiday_header(lines.data.front(), report);

  std::vector<detail::read_period> read;
  for (std::size_t i = 1; i < lines.data.size(); ++i)
    if (const auto row = detail::read_holiday_row(lines.data[i], report);
        row && detail::holiday_row_fits(*row, report))
      detail::add_periods(*row, source, read);
  detail::check_national_holidays(read, problems);
  problems.throw_if_any();
  return detail::in_holiday_order(read);
}

/// Reads a holiday file; a file that cannot be opened throws calendar.file.
[[nodiscard]] inline std::vector<holiday_period> read_holidays_file(
    const std::filesystem::path& path) {
  std::ifstream in(path);
  if (!in)
    throw error("calendar.file", path.string(), "expected a readable holiday file, found none");
  return read_holidays(in, path.filename().string());
}

}  // namespace peerkit
