#pragma once
// School holidays from the government's open data: the JSON that
//
//   https://opendata.rijksoverheid.nl/v1/sources/rijksoverheid/infotypes/schoolholidays/
//     schoolyear/2025-2026?output=json
//
// returns, content[].vacations[] {type, compulsorydates, regions[] {region, startdate,
// enddate}}. Its times are UTC and a holiday ends at 23:59 Dutch time on its last day
// ("2026-08-30T21:59:00.000Z" in summer time), so every time is read as a day in
// Europe/Amsterdam. The document's own description (id, title, license, ...) is not
// peerkit's to check; every field of a vacation is, and every problem is reported with
// its JSON path. The format is described in docs/calendar.md.

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <boost/date_time/gregorian/gregorian.hpp>
#include <boost/date_time/posix_time/posix_time_types.hpp>

#include <peerkit/calendar/holiday_reader.hpp>
#include <peerkit/calendar/holidays.hpp>
#include <peerkit/calendar/school_year.hpp>
#include <peerkit/core/cell_text.hpp>
#include <peerkit/core/date_text.hpp>
#include <peerkit/core/enum_keys.hpp>
#include <peerkit/core/error.hpp>
#include <peerkit/core/region.hpp>
#include <peerkit/io/json_reader.hpp>
#include <peerkit/io/text_file.hpp>

namespace peerkit::io {

namespace detail {

using boost::posix_time::ptime;

/// A UTC time as the open data writes it: "2025-10-18T00:00:00.000Z", the seconds and
/// their fraction optional; empty for anything else.
inline std::optional<ptime> read_utc_time(std::string_view text) {
  if (text.size() < 17 || text[4] != '-' || text[7] != '-' || text[10] != 'T' || text[13] != ':' ||
      !text.ends_with('Z'))
    return std::nullopt;
  const auto day = read_date(text.substr(0, 10));
  const int hour = peerkit::detail::date_number(text.substr(11, 2), 2, 2);
  const int minute = peerkit::detail::date_number(text.substr(14, 2), 2, 2);
  auto rest = text.substr(16, text.size() - 17);  // between the minutes and the Z
  int second = 0;
  if (!rest.empty()) {
    if (rest.size() < 3 || rest[0] != ':') return std::nullopt;
    second = peerkit::detail::date_number(rest.substr(1, 2), 2, 2);
    rest.remove_prefix(3);
    if (!rest.empty() && (rest[0] != '.' || peerkit::detail::date_number(rest.substr(1), 1, 9) < 0))
      return std::nullopt;
  }
  if (!day || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59)
    return std::nullopt;
  return ptime(*day, boost::posix_time::hours(hour) + boost::posix_time::minutes(minute) +
                         boost::posix_time::seconds(second));
}

/// The time in the Netherlands at a UTC time: UTC+1, and UTC+2 from 01:00 UTC on the
/// last Sunday of March to 01:00 UTC on the last Sunday of October (the EU rule).
inline ptime dutch_time(ptime utc) {
  using boost::gregorian::last_day_of_the_week_in_month;
  const int year = utc.date().year();
  const auto last_sunday = [&](boost::gregorian::months_of_year month) {
    return ptime(last_day_of_the_week_in_month(boost::gregorian::Sunday, month)
                     .get_date(static_cast<unsigned short>(year)),
                 boost::posix_time::hours(1));
  };
  const bool summer_time = last_sunday(boost::gregorian::Mar) <= utc &&
                           utc < last_sunday(boost::gregorian::Oct);
  return utc + boost::posix_time::hours(summer_time ? 2 : 1);
}

/// Reads one open-data document into periods, collecting every problem.
class holiday_json_reader {
 public:
  holiday_json_reader(json_reader& r, std::vector<peerkit::detail::read_period>& read)
      : r_(r), read_(read) {}

  void document(const json& doc) {
    if (!doc.is_object()) return r_.wrong_kind("", "an object with the field 'content'", doc);
    if (const auto content = member(doc, "", "content", json::value_t::array, "an array"))
      for (std::size_t i = 0; i < content->size(); ++i)
        year_of_data((*content)[i], element_location("content", i));
  }

 private:
  /// Field `key` of `obj` when it is there and of `type`; otherwise a problem, and null.
  const json* member(const json& obj, const std::string& path, std::string_view key,
                     json::value_t type, std::string_view expected) {
    const auto it = obj.find(key);
    if (it == obj.end()) {
      r_.problem("json.missing_field", path, "missing required field '" + std::string(key) + "'");
      return nullptr;
    }
    if (it->type() != type) {
      r_.wrong_kind(json_reader::join(path, key), expected, *it);
      return nullptr;
    }
    return &*it;
  }
  std::optional<std::string> text(const json& obj, const std::string& path, std::string_view key) {
    if (const auto m = member(obj, path, key, json::value_t::string, "a string"))
      return m->get<std::string>();
    return std::nullopt;
  }

  /// One school year: its vacations, all within "schoolyear" when that is given.
  void year_of_data(const json& j, const std::string& path) {
    if (!j.is_object()) return r_.wrong_kind(path, "an object with the field 'vacations'", j);
    std::optional<school_year> year;
    if (j.contains("schoolyear"))
      if (const auto named = text(j, path, "schoolyear")) {
        year = parse_school_year(*named);
        if (!year)
          r_.problem("calendar.school_year", json_reader::join(path, "schoolyear"),
                     "expected a school year such as \"2025-2026\", found " + in_quotes(*named));
      }
    if (const auto vacations = member(j, path, "vacations", json::value_t::array, "an array"))
      for (std::size_t i = 0; i < vacations->size(); ++i)
        vacation((*vacations)[i], element_location(json_reader::join(path, "vacations"), i), year);
  }

  void vacation(const json& j, const std::string& path, std::optional<school_year> year) {
    if (!r_.object(j, path, {"type", "compulsorydates", "regions"})) return;
    // The open data names the kinds as peerkit's files do, but capitalised and at times
    // with blanks or line ends around them.
    std::optional<holiday_kind> kind;
    if (const auto type = text(j, path, "type")) {
      kind = from_key<holiday_kind>(lower_case(trimmed(*type)));
      if (kind && !is_national(*kind)) kind.reset();
      if (!kind)
        r_.problem("calendar.holiday", json_reader::join(path, "type"),
                   "expected a school holiday (herfstvakantie, kerstvakantie, "
                   "voorjaarsvakantie, meivakantie, zomervakantie), found " +
                       in_quotes(*type));
    }
    std::optional<holiday_status> status;
    if (const auto compulsory = text(j, path, "compulsorydates")) {
      if (*compulsory == "true") status = holiday_status::compulsory;
      if (*compulsory == "false") status = holiday_status::advisory;
      if (!status)
        r_.problem("calendar.status", json_reader::join(path, "compulsorydates"),
                   "expected \"true\" or \"false\", found " + in_quotes(*compulsory));
    }
    const auto regions = member(j, path, "regions", json::value_t::array, "an array");
    if (!regions) return;
    for (std::size_t i = 0; i < regions->size(); ++i) {
      const auto region_path = element_location(json_reader::join(path, "regions"), i);
      const auto days = region_days((*regions)[i], region_path, year);
      if (!days || !kind || !status) continue;
      for (const holiday_region r : all_holiday_regions)
        if (!days->region || *days->region == r)
          read_.push_back({{year.value_or(school_year_of(days->first)), *kind, r, days->first,
                            days->last, *status},
                           row_,
                           region_path,
                           region_path});
      ++row_;
    }
  }

  /// The days of a holiday in one region, or in every region for "heel Nederland".
  struct days_of_region {
    std::optional<holiday_region> region;
    date first, last;
  };

  std::optional<days_of_region> region_days(const json& j, const std::string& path,
                                            std::optional<school_year> year) {
    if (!r_.object(j, path, {"region", "startdate", "enddate"})) return std::nullopt;
    std::optional<holiday_region> region;
    bool region_read = false;
    if (const auto name = text(j, path, "region")) {
      const auto key = lower_case(trimmed(*name));
      region = from_key<holiday_region>(key);
      region_read = region || key == "heel nederland";
      if (!region_read)
        r_.problem(
            "calendar.region", json_reader::join(path, "region"),
            "expected a region (noord, midden, zuid or heel Nederland), found " + in_quotes(*name));
    }
    const auto first = day_of(j, path, "startdate");
    const auto last = day_of(j, path, "enddate");
    if (!region_read || !first || !last) return std::nullopt;

    if (*last < *first) {
      r_.problem("calendar.date_order", json_reader::join(path, "enddate"),
                 "expected a last day on or after the first day " + to_iso_extended_string(*first) +
                     ", found " + to_iso_extended_string(*last));
      return std::nullopt;
    }
    if (year && !year->contains(*first)) {
      r_.problem("calendar.outside_school_year", json_reader::join(path, "startdate"),
                 "expected a first day within school year " + year->to_string() + ", found " +
                     to_iso_extended_string(*first));
      return std::nullopt;
    }
    return days_of_region{region, *first, *last};
  }

  /// The Dutch day of the UTC time in field `key`.
  std::optional<date> day_of(const json& j, const std::string& path, std::string_view key) {
    const auto time = text(j, path, key);
    if (!time) return std::nullopt;
    if (const auto utc = read_utc_time(*time)) return dutch_time(*utc).date();
    r_.problem(
        "json.bad_date", json_reader::join(path, key),
        "expected a UTC time such as \"2025-10-18T00:00:00.000Z\", found " + in_quotes(*time));
    return std::nullopt;
  }

  json_reader& r_;
  std::vector<peerkit::detail::read_period>& read_;
  std::size_t row_ = 0;  ///< regions read so far: a "heel Nederland" row gives three periods
};

}  // namespace detail

/// Reads the government's open-data school holidays in `text`; `source_name` names the
/// input in syntax errors. Throws peerkit::error with every problem found, located by
/// JSON path: json.syntax, json.wrong_type, json.missing_field, json.unknown_field,
/// json.bad_date, calendar.school_year, calendar.holiday, calendar.status,
/// calendar.region, calendar.date_order, calendar.outside_school_year,
/// calendar.duplicate_holiday, calendar.overlapping_holidays.
[[nodiscard]] inline std::vector<holiday_period> read_holiday_json(
    std::string_view text, const std::string& source_name = "schoolholidays.json") {
  problem_list problems;
  std::vector<peerkit::detail::read_period> read;
  if (const auto doc = parse_json(text, source_name, problems)) {
    json_reader r(problems);
    detail::holiday_json_reader(r, read).document(*doc);
  }
  peerkit::detail::check_national_holidays(read, problems);
  throw_document_problems(problems, source_name);
  return peerkit::detail::in_holiday_order(read);
}

/// Reads a holiday file of either kind, by its extension: peerkit's own `.csv`
/// (read_holidays_file) or the government's open data as `.json`. Any other extension
/// throws calendar.file; a file that cannot be read throws calendar.file (CSV) or
/// io.cannot_read (JSON).
[[nodiscard]] inline std::vector<holiday_period> read_holiday_file(
    const std::filesystem::path& path) {
  const auto extension = lower_case(path.extension().string());
  if (extension == ".csv") return read_holidays_file(path);
  if (extension == ".json")
    return read_holiday_json(read_text_file(path), path.filename().string());
  throw error("calendar.file", path.string(),
              "expected a holiday file ending in .csv or .json, found " +
                  in_quotes(path.filename().string()));
}

/// The holidays of the peerkit CSV `shipped`, updated by the holiday file `update` when
/// given (either kind, merge_holidays()): a newer year's open data or a school's own days
/// are enough to plan with.
[[nodiscard]] inline std::vector<holiday_period> read_holidays_updated(
    const std::filesystem::path& shipped, const std::optional<std::filesystem::path>& update) {
  auto holidays = read_holidays_file(shipped);
  if (update) holidays = merge_holidays(std::move(holidays), read_holiday_file(*update));
  return holidays;
}

}  // namespace peerkit::io
