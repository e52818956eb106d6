#pragma once
// School holidays as plain data. The dates come from files (holiday_reader.hpp), never
// from code: the minister fixes them a few years ahead, and a school adds its own study
// days and days off on top.

#include <algorithm>
#include <array>
#include <string>
#include <string_view>
#include <vector>

#include <peerkit/calendar/school_year.hpp>
#include <peerkit/core/enum_keys.hpp>
#include <peerkit/core/error.hpp>
#include <peerkit/core/region.hpp>

namespace peerkit {

/// What a period off is: one of the five national holidays, or a day the school sets.
enum class holiday_kind {
  autumn,     ///< herfstvakantie (advisory dates, split by region)
  christmas,  ///< kerstvakantie (compulsory, nationwide)
  spring,     ///< voorjaarsvakantie (advisory dates, split by region)
  may,        ///< meivakantie: the compulsory week (a second week is the school's choice)
  summer,     ///< zomervakantie (compulsory, six weeks, staggered by region)
  study_day,  ///< studiedag: a school's own day without lessons
  day_off,    ///< vrije dag: any other day or period off the school gives
};

/// Spelled in files as the Rijksoverheid data names them.
template <>
struct enum_keys<holiday_kind> {
  static constexpr std::array<std::string_view, 7> keys{
      "herfstvakantie", "kerstvakantie", "voorjaarsvakantie", "meivakantie",
      "zomervakantie",  "studiedag",     "vrije_dag"};
};

/// The five holidays the government publishes; the others are the school's own.
inline constexpr std::array<holiday_kind, 5> national_holiday_kinds{
    holiday_kind::autumn, holiday_kind::christmas, holiday_kind::spring, holiday_kind::may,
    holiday_kind::summer};

[[nodiscard]] constexpr bool is_national(holiday_kind k) noexcept {
  return std::find(national_holiday_kinds.begin(), national_holiday_kinds.end(), k) !=
         national_holiday_kinds.end();
}

/// Whether a school must keep the dates.
enum class holiday_status {
  compulsory,     ///< verplicht: fixed by the ministerial regulation
  advisory,       ///< advies: the school may deviate
  school_choice,  ///< set by the school itself (study days, extra days off)
};

template <>
struct enum_keys<holiday_status> {
  static constexpr std::array<std::string_view, 3> keys{"verplicht", "advies", "school"};
};

/// A holiday of one school year in one region: every day from `first` to `last`,
/// both inclusive (national holidays run Saturday to Sunday). The summer holiday
/// belongs to the school year it starts in and runs on into the next.
struct holiday_period {
  school_year year{};
  holiday_kind kind = holiday_kind::autumn;
  holiday_region region = holiday_region::midden;
  date first{};
  date last{};
  holiday_status status = holiday_status::advisory;

  [[nodiscard]] bool covers(date d) const { return first <= d && d <= last; }
  friend bool operator==(const holiday_period&, const holiday_period&) = default;
};

namespace detail {
inline bool holiday_order(const holiday_period& a, const holiday_period& b) {
  if (a.first != b.first) return a.first < b.first;
  if (a.region != b.region) return a.region < b.region;
  if (a.kind != b.kind) return a.kind < b.kind;
  return a.last < b.last;
}
}  // namespace detail

/// `base` updated with `update` (for instance the shipped file, then a school's own
/// file): a national holiday in `update` replaces the one of the same school year, kind
/// and region in `base`; the school's own days are added. The result is in date order.
[[nodiscard]] inline std::vector<holiday_period> merge_holidays(
    std::vector<holiday_period> base, const std::vector<holiday_period>& update) {
  for (const auto& u : update) {
    if (!is_national(u.kind)) continue;
    std::erase_if(base, [&](const holiday_period& b) {
      return b.kind == u.kind && b.year == u.year && b.region == u.region;
    });
  }
  base.insert(base.end(), update.begin(), update.end());
  std::stable_sort(base.begin(), base.end(), detail::holiday_order);
  return base;
}

/// A national holiday the data lacks.
struct missing_holiday {
  school_year year{};
  holiday_kind kind = holiday_kind::summer;
  holiday_region region = holiday_region::midden;
  friend bool operator==(const missing_holiday&, const missing_holiday&) = default;
};

/// The national holidays needed to know every day of `year` in `region` that the data
/// lacks: the five of the year, then the previous year's summer (it runs into August).
[[nodiscard]] inline std::vector<missing_holiday> missing_holidays(
    const std::vector<holiday_period>& holidays, school_year year, holiday_region region) {
  std::vector<missing_holiday> needed;
  for (const auto k : national_holiday_kinds) needed.push_back({year, k, region});
  needed.push_back({year.previous(), holiday_kind::summer, region});
  std::erase_if(needed, [&](const missing_holiday& m) {
    return std::any_of(holidays.begin(), holidays.end(), [&](const holiday_period& h) {
      return h.year == m.year && h.kind == m.kind && h.region == m.region;
    });
  });
  return needed;
}

/// Where the government publishes the holidays of `year` as open data (JSON), the
/// file read_holiday_file reads (peerkit/io/holiday_json.hpp).
[[nodiscard]] inline std::string holiday_open_data_url(school_year year) {
  return "https://opendata.rijksoverheid.nl/v1/sources/rijksoverheid/infotypes/schoolholidays/"
         "schoolyear/" +
         year.to_string() + "?output=json";
}

/// The missing holidays in words, and where to get them: "the holiday data lacks
/// meivakantie 2026-2027 and zomervakantie 2026-2027 of region zuid; load ...".
[[nodiscard]] inline std::string missing_holidays_message(
    const std::vector<missing_holiday>& missing) {
  PEERKIT_ASSERT(!missing.empty(), "missing_holidays_message: something is missing");
  std::string lacks;
  std::vector<school_year> years;
  for (std::size_t i = 0; i < missing.size(); ++i) {
    const auto& m = missing[i];
    lacks += (i == 0                    ? ""
              : i + 1 == missing.size() ? " and "
                                        : ", ") +
             std::string(key_of(m.kind)) + " " + m.year.to_string();
    if (std::find(years.begin(), years.end(), m.year) == years.end()) years.push_back(m.year);
  }
  std::sort(years.begin(), years.end());
  std::string sources;
  for (const auto y : years) sources += (sources.empty() ? "" : ", ") + holiday_open_data_url(y);
  return "the holiday data lacks " + lacks + " of region " +
         std::string(key_of(missing.front().region)) +
         "; load the government's school holidays (open-data JSON: " + sources +
         ") with the tool's --holidays FILE.json, or read_holiday_file in code";
}

/// Throws calendar.missing_holidays, naming what is missing and how to load it, unless
/// `holidays` hold every national holiday `year` needs in `region`. Planning a year on
/// incomplete data would plan over holidays nobody has told it about.
inline void require_holidays(const std::vector<holiday_period>& holidays, school_year year,
                             holiday_region region) {
  const auto missing = missing_holidays(holidays, year, region);
  if (!missing.empty())
    throw error("calendar.missing_holidays",
                "school year " + year.to_string() + ", region " + std::string(key_of(region)),
                missing_holidays_message(missing));
}

}  // namespace peerkit
