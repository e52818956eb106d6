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
#include <peerkit/core/region.hpp>
#include <peerkit/calendar/school_year.hpp>
#include <peerkit/core/enum_keys.hpp>
#include <peerkit/core/error.hpp>

namespace peerkit {

/// The header line a holiday file starts with.
inline constexpr std::string_view holiday_file_header =
    "school_year,holiday,region,first_day,last_day,status";

namespace detail {

struct csv_field {
  std::string_view text;  ///< without surrounding blanks
  std::size_t column;     ///< 1-based column of its first character
};

inline bool is_blank(char c) noexcept { return c == ' ' || c == '\t'; }

/// Splits a line at commas; a field's column points at its first non-blank character.
inline std::vector<csv_field> split_csv_line(std::string_view line) {
  std::vector<csv_field> fields;
  std::size_t start = 0;
  while (true) {
    const std::size_t comma = line.find(',', start);
    const std::size_t end = comma == std::string_view::npos ? line.size() : comma;
    std::size_t b = start;
    std::size_t e = end;
    while (b < e && is_blank(line[b])) ++b;
    while (e > b && is_blank(line[e - 1])) --e;
    fields.push_back({line.substr(b, e - b), b + 1});
    if (comma == std::string_view::npos) break;
    start = comma + 1;
  }
  return fields;
}

/// "2025-10-18" as a date; empty unless it is a real day between 1400 and 9999.
inline std::optional<date> parse_iso_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  const auto number = [&](std::size_t from, std::size_t count) {
    int value = 0;
    for (std::size_t i = from; i < from + count; ++i) {
      if (text[i] < '0' || text[i] > '9') return -1;
      value = value * 10 + (text[i] - '0');
    }
    return value;
  };
  const int y = number(0, 4);
  const int m = number(5, 2);
  const int d = number(8, 2);
  if (y < 1400 || m < 1 || m > 12 || d < 1) return std::nullopt;
  using calendar = boost::gregorian::gregorian_calendar;
  const auto uy = static_cast<unsigned short>(y);
  const auto um = static_cast<unsigned short>(m);
  if (d > calendar::end_of_month_day(uy, um)) return std::nullopt;
  return date{uy, um, static_cast<unsigned short>(d)};
}

inline std::string quoted(std::string_view text) { return '"' + std::string(text) + '"'; }

/// "noord, midden or zuid".
template <class E>
std::string key_list() {
  std::string out;
  const auto& keys = enum_keys<E>::keys;
  for (std::size_t i = 0; i < keys.size(); ++i) {
    if (i > 0) out += i + 1 == keys.size() ? " or " : ", ";
    out += keys[i];
  }
  return out;
}

/// A period as read, with where it came from, for the checks across lines.
struct read_period {
  holiday_period period;
  std::size_t line;
  bool every_region;
};

}  // namespace detail

/// Reads every holiday period in `in`. `source` names the input in problem locations
/// ("school_holidays_nl.csv:12:17"). Throws peerkit::error with every problem found:
/// calendar.header, calendar.field_count, calendar.school_year, calendar.holiday,
/// calendar.region, calendar.date, calendar.date_order, calendar.outside_school_year,
/// calendar.status, calendar.duplicate_holiday, calendar.overlapping_holidays.
[[nodiscard]] inline std::vector<holiday_period> read_holidays(
    std::istream& in, std::string_view source = "holidays") {
  problem_list problems;
  std::vector<detail::read_period> read;
  const auto where = [&](std::size_t line, std::size_t column) {
    return std::string(source) + ':' + std::to_string(line) + ':' + std::to_string(column);
  };

  std::string raw;
  std::size_t line_no = 0;
  bool header_seen = false;
  while (std::getline(in, raw)) {
    ++line_no;
    std::string_view line = raw;
    if (line_no == 1 && line.starts_with("\xEF\xBB\xBF")) line.remove_prefix(3);  // UTF-8 BOM
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    const auto first_char = line.find_first_not_of(" \t");
    if (first_char == std::string_view::npos || line[first_char] == '#') continue;

    const auto fields = detail::split_csv_line(line);
    if (!header_seen) {
      header_seen = true;
      std::string normalised;
      for (const auto& f : fields)
        normalised += (normalised.empty() ? "" : ",") + std::string(f.text);
      if (normalised != holiday_file_header)
        problems.add("calendar.header", where(line_no, first_char + 1),
                     "expected the header line " + detail::quoted(holiday_file_header) +
                         ", found " + detail::quoted(line.substr(first_char)));
      continue;
    }
    if (fields.size() != 6) {
      const std::size_t column = fields.size() < 6 ? line.size() + 1 : fields[6].column;
      problems.add("calendar.field_count", where(line_no, column),
                   "expected 6 comma-separated fields (" + std::string(holiday_file_header) +
                       "), found " + std::to_string(fields.size()));
      continue;
    }

    const std::size_t before = problems.problems().size();
    const auto year = parse_school_year(fields[0].text);
    if (!year)
      problems.add(
          "calendar.school_year", where(line_no, fields[0].column),
          "expected a school year such as \"2025-2026\", found " + detail::quoted(fields[0].text));
    const auto kind = from_key<holiday_kind>(fields[1].text);
    if (!kind)
      problems.add("calendar.holiday", where(line_no, fields[1].column),
                   "expected a holiday (" + detail::key_list<holiday_kind>() + "), found " +
                       detail::quoted(fields[1].text));
    const bool every_region = fields[2].text == "all";
    // For `all` any region will do: the period is read once per region below.
    const auto region = every_region ? std::optional{holiday_region::noord}
                                     : from_key<holiday_region>(fields[2].text);
    if (!region)
      problems.add("calendar.region", where(line_no, fields[2].column),
                   "expected a region (" + detail::key_list<holiday_region>() +
                       "; all for every region), found " + detail::quoted(fields[2].text));
    const auto first = detail::parse_iso_date(fields[3].text);
    const auto last = detail::parse_iso_date(fields[4].text);
    for (const auto& [value, field] : {std::pair{first, fields[3]}, std::pair{last, fields[4]}})
      if (!value)
        problems.add("calendar.date", where(line_no, field.column),
                     "expected a date as YYYY-MM-DD, found " + detail::quoted(field.text));
    const auto status = from_key<holiday_status>(fields[5].text);
    if (!status)
      problems.add("calendar.status", where(line_no, fields[5].column),
                   "expected a status (" + detail::key_list<holiday_status>() + "), found " +
                       detail::quoted(fields[5].text));
    if (problems.problems().size() != before) continue;

    if (*last < *first) {
      problems.add("calendar.date_order", where(line_no, fields[4].column),
                   "expected a last day on or after the first day " +
                       detail::quoted(fields[3].text) + ", found " +
                       detail::quoted(fields[4].text));
      continue;
    }
    if (!year->contains(*first)) {
      problems.add("calendar.outside_school_year", where(line_no, fields[3].column),
                   "expected a first day within school year " + year->to_string() + " (" +
                       to_iso_extended_string(year->first_day()) + " to " +
                       to_iso_extended_string(year->last_day()) + "), found " +
                       detail::quoted(fields[3].text));
      continue;
    }
    const bool national = is_national(*kind);
    if (national == (*status == holiday_status::school_choice)) {
      problems.add("calendar.status", where(line_no, fields[5].column),
                   national ? "expected verplicht or advies for a national holiday, found " +
                                  detail::quoted(fields[5].text)
                            : "expected school for a day the school sets, found " +
                                  detail::quoted(fields[5].text));
      continue;
    }
    for (const holiday_region r : all_holiday_regions) {
      if (!every_region && r != *region) continue;
      read.push_back({{*year, *kind, r, *first, *last, *status}, line_no, every_region});
    }
  }
  if (!header_seen)
    problems.add("calendar.header", where(line_no + 1, 1),
                 "expected the header line " + detail::quoted(holiday_file_header) +
                     ", found the end of the input");

  // A national holiday is given once per year and region, and national holidays of
  // one region never overlap; the school's own days may overlap anything. A line read
  // as every region is reported once.
  std::size_t reported_line = 0;
  for (std::size_t i = 0; i < read.size(); ++i) {
    const auto& a = read[i].period;
    if (!is_national(a.kind) || read[i].line == reported_line) continue;
    for (std::size_t j = 0; j < i; ++j) {
      const auto& b = read[j].period;
      if (!is_national(b.kind) || a.region != b.region || read[i].line == read[j].line) continue;
      const bool duplicate = a.kind == b.kind && a.year == b.year;
      if (!duplicate && (a.last < b.first || b.last < a.first)) continue;
      const std::string kind(key_of(a.kind));
      const std::string region(key_of(a.region));
      const std::string other_line = std::to_string(read[j].line);
      if (duplicate)
        problems.add("calendar.duplicate_holiday", where(read[i].line, 1),
                     "expected one " + kind + " " + a.year.to_string() +
                         " per region, found a second for " + region + " (the first is on line " +
                         other_line + ")");
      else
        problems.add("calendar.overlapping_holidays", where(read[i].line, 1),
                     "expected national holidays of region " + region + " not to overlap, found " +
                         kind + " overlapping " + std::string(key_of(b.kind)) + " of line " +
                         other_line);
      reported_line = read[i].line;
      break;
    }
  }
  problems.throw_if_any();

  std::vector<holiday_period> out;
  out.reserve(read.size());
  for (const auto& r : read) out.push_back(r.period);
  std::stable_sort(out.begin(), out.end(), detail::holiday_order);
  return out;
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
