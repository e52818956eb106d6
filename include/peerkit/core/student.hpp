#pragma once
// A student as the programme sees them: supporter candidate, supportee, or both over
// the years. Ordinary personal data is plain; special-category data (origin, languages
// that reveal it, support needs, group membership) is wrapped in sensitive<>.

#include <algorithm>
#include <array>
#include <numeric>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <boost/date_time/gregorian/gregorian_types.hpp>

#include <peerkit/core/enum_keys.hpp>
#include <peerkit/core/sensitive.hpp>
#include <peerkit/core/strong_id.hpp>

namespace peerkit {

using date = boost::gregorian::date;

/// Dutch secondary tracks; isk is the international transition (newcomer) class.
enum class school_track {
  praktijkonderwijs,
  vmbo_basis,
  vmbo_kader,
  vmbo_gemengd,
  vmbo_theoretisch,
  havo,
  vwo,
  isk,
};
template <>
struct enum_keys<school_track> {
  static constexpr std::array<std::string_view, 8> keys{
      "praktijkonderwijs", "vmbo_basis", "vmbo_kader", "vmbo_gemengd",
      "vmbo_theoretisch",  "havo",       "vwo",        "isk"};
};
/// Years a track lasts (vmbo 4, havo 5, vwo 6; ISK: up to two years, some schools three).
[[nodiscard]] constexpr int years_of(school_track t) noexcept {
  switch (t) {
    case school_track::havo: return 5;
    case school_track::vwo: return 6;
    case school_track::isk: return 3;
    default: return 4;
  }
}

enum class gender_identity { female, male, other, unspecified };
template <>
struct enum_keys<gender_identity> {
  static constexpr std::array<std::string_view, 4> keys{"female", "male", "other", "unspecified"};
};

/// Support needs (source 004). Health-related, hence always sensitive.
enum class need {
  shy_or_insecure,
  falling_behind,
  conflict_behaviour,
  personal_problems,
  autism,
  bullied,
  social_emotional,
  disability,
  motivation,
  socially_weaker_background,
};
template <>
struct enum_keys<need> {
  static constexpr std::array<std::string_view, 10> keys{
      "shy_or_insecure", "falling_behind", "conflict_behaviour", "personal_problems",
      "autism",          "bullied",        "social_emotional",   "disability",
      "motivation",      "socially_weaker_background"};
};

/// A report grade on the Dutch 1-10 scale.
struct grade {
  std::string subject;
  double value = 0;
  friend bool operator==(const grade&, const grade&) = default;
};
inline constexpr double lowest_grade = 1.0;
inline constexpr double highest_grade = 10.0;
/// Below this a grade is a fail mark (onvoldoende).
inline constexpr double pass_mark = 5.5;

/// A rating of a personal trait ("empathy": 4) on the school's scale.
struct trait_rating {
  std::string trait;
  int value = 0;
  friend bool operator==(const trait_rating&, const trait_rating&) = default;
};

/// When a student can meet a supporter or supportee.
struct availability {
  bool school_hours = true;
  bool after_school = false;
  friend bool operator==(const availability&, const availability&) = default;
};

/// Who gave consent to take part: a parent below 16, the student from 16.
enum class consent_giver { parent, student };
template <>
struct enum_keys<consent_giver> {
  static constexpr std::array<std::string_view, 2> keys{"parent", "student"};
};

struct consent {
  consent_giver given_by = consent_giver::parent;
  date given_on;
  std::optional<date> withdrawn_on;
  /// Consent holds on `day` if it was given by then and not yet withdrawn.
  [[nodiscard]] bool holds_on(date day) const {
    return !given_on.is_special() && given_on <= day && (!withdrawn_on || day < *withdrawn_on);
  }
  friend bool operator==(const consent&, const consent&) = default;
};

using origin_data = sensitive<std::optional<std::string>, special_category::origin>;
using language_data = sensitive<std::vector<std::string>, special_category::origin>;
using needs_data = sensitive<std::vector<need>, special_category::health>;
using group_data = sensitive<std::vector<std::string>, special_category::group_membership>;

struct student {
  student_id id;
  std::string name;  ///< a direct identifier: replaced in pseudonymised output
  gender_identity gender = gender_identity::unspecified;
  date birth_date;   ///< not_a_date_time when unknown
  int year = 1;      ///< leerjaar, 1..years_of(track)
  school_track track = school_track::havo;
  class_id class_of;
  std::vector<grade> grades;
  std::vector<trait_rating> traits;
  std::vector<std::string> interests;  ///< hobbies and interests, for matching
  std::vector<std::string> offers;     ///< what a supporter offers ("homework", "making friends")
  std::vector<std::string> wants;      ///< what a supportee wants, same vocabulary as offers
  availability available;
  std::optional<peerkit::consent> consent;
  language_data languages;
  origin_data origin;
  needs_data needs;
  group_data groups;

  [[nodiscard]] bool is_newcomer() const noexcept { return track == school_track::isk; }
  [[nodiscard]] bool is_first_year() const noexcept { return year == 1 && !is_newcomer(); }

  [[nodiscard]] int fail_marks() const noexcept {
    return static_cast<int>(
        std::count_if(grades.begin(), grades.end(), [](const grade& g) { return g.value < pass_mark; }));
  }
  /// The mean of the report grades; nullopt without grades.
  [[nodiscard]] std::optional<double> average_grade() const noexcept {
    if (grades.empty()) return std::nullopt;
    double sum = std::accumulate(grades.begin(), grades.end(), 0.0,
                                 [](double s, const grade& g) { return s + g.value; });
    return sum / static_cast<double>(grades.size());
  }
  [[nodiscard]] std::optional<int> rating(std::string_view trait) const noexcept {
    for (const auto& r : traits)
      if (r.trait == trait) return r.value;
    return std::nullopt;
  }
  /// Age in whole years on `day`; nullopt when the birth date is unknown.
  [[nodiscard]] std::optional<int> age_on(date day) const {
    if (birth_date.is_special()) return std::nullopt;
    int age = day.year() - birth_date.year();
    if (day.month() < birth_date.month() ||
        (day.month() == birth_date.month() && day.day() < birth_date.day()))
      --age;
    return age;
  }

  friend bool operator==(const student&, const student&) = default;
};

}  // namespace peerkit
