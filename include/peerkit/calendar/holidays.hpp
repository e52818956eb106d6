#pragma once
// School holidays as plain data. The dates come from files (holiday_reader.hpp), never
// from code: the minister fixes them a few years ahead, and a school adds its own study
// days and days off on top.

#include <algorithm>
#include <array>
#include <string_view>
#include <vector>

#include <peerkit/calendar/school_year.hpp>
#include <peerkit/core/enum_keys.hpp>
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

}  // namespace peerkit
