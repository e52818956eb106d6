#pragma once
// A student as the programme sees them: supporter candidate, supportee, or both over
// the years. Ordinary personal data is plain; special-category data (origin, languages
// that reveal it, support needs, group membership) is wrapped in sensitive<>.

#include <algorithm>
#include <array>
#include <compare>
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
      "shy_or_insecure",           "falling_behind", "conflict_behaviour",
      "personal_problems",         "autism",         "bullied",
      "social_emotional",          "disability",     "motivation",
      "socially_weaker_background"};
};

/// A grade value in tenths, exact: 6.5 is 65 tenths. Schools give grades with one decimal,
/// and a gate such as "an average of at least 6.0" must hold for an average of exactly 6.0
/// whatever the order of the grades, which a sum of doubles does not promise. Holds any
/// whole number of tenths, so that a value off the grade scale can be read and reported.
class tenths {
 public:
  constexpr tenths() noexcept = default;
  /// A literal grade: `grade{"maths", 6.5}`. A value with more than one decimal does not
  /// compile; values read at run time go through from_decimal().
  consteval tenths(double value)
      : count_(static_cast<int>(rounded(value))) {  // NOLINT: implicit by design
    if (!(value > -max_magnitude && value < max_magnitude) || count_ / 10.0 != value)
      throw "a grade has at most one decimal";  // not a constant expression: does not compile
  }
  [[nodiscard]] static constexpr tenths from_count(int count) noexcept {
    tenths t;
    t.count_ = count;
    return t;
  }
  /// The value a decimal number stands for when it has at most one decimal, such as the
  /// number a JSON document holds for 6.5; nullopt for 6.55.
  [[nodiscard]] static std::optional<tenths> from_decimal(double value) noexcept {
    if (!(value > -max_magnitude && value < max_magnitude)) return std::nullopt;
    // A decimal with one decimal reads as the double nearest to count / 10, and so does
    // the division below: the two are equal exactly when the value has one decimal.
    const auto t = from_count(static_cast<int>(rounded(value)));
    if (t.count_ / 10.0 != value) return std::nullopt;
    return t;
  }

  [[nodiscard]] constexpr int count() const noexcept { return count_; }
  [[nodiscard]] constexpr double to_double() const noexcept { return count_ / 10.0; }
  /// With one decimal: "6.5", "6.0".
  [[nodiscard]] std::string text() const {
    const int whole = count_ / 10, tenth = count_ % 10;
    return (count_ < 0 ? "-" : "") + std::to_string(whole < 0 ? -whole : whole) + "." +
           std::to_string(tenth < 0 ? -tenth : tenth);
  }
  friend constexpr auto operator<=>(tenths, tenths) = default;

 private:
  static constexpr double max_magnitude = 1e8;
  static constexpr long long rounded(double value) noexcept {
    return static_cast<long long>(value * 10 + (value < 0 ? -0.5 : 0.5));
  }
  int count_ = 0;
};

/// A report grade on the Dutch 1-10 scale.
struct grade {
  std::string subject;
  tenths value{};
  friend bool operator==(const grade&, const grade&) = default;
};
inline constexpr tenths lowest_grade = 1.0;
inline constexpr tenths highest_grade = 10.0;
/// Below this a grade is a fail mark (onvoldoende).
inline constexpr tenths pass_mark = 5.5;

/// True when `value` lies on the grade scale 1.0..10.0.
[[nodiscard]] constexpr bool on_grade_scale(tenths value) noexcept {
  return lowest_grade <= value && value <= highest_grade;
}

/// The mean of one or more grades, exact: their sum in tenths over their number.
class grade_average {
 public:
  /// The mean of `grades` grades that add up to `sum`; `grades` is at least 1.
  constexpr grade_average(tenths sum, int grades) noexcept : sum_(sum.count()), grades_(grades) {}

  [[nodiscard]] constexpr double to_double() const noexcept {
    return static_cast<double>(sum_) / (10.0 * grades_);
  }
  /// With one or two decimals, cut (not rounded) so that an average below a limit never
  /// prints as the limit: 5.99 for 17.97 / 3, "6.0" for 6.
  [[nodiscard]] std::string text() const {
    const long long hundredths = floor_div(sum_ * 10, grades_);
    const long long whole = floor_div(hundredths, 100), rest = hundredths - whole * 100;
    std::string s = std::to_string(whole) + "." + std::to_string(rest / 10);
    if (rest % 10 != 0) s += std::to_string(rest % 10);
    return s;
  }
  // Compared by cross-multiplication: exact, with no division.
  friend constexpr std::strong_ordering operator<=>(grade_average a, grade_average b) noexcept {
    return a.sum_ * b.grades_ <=> b.sum_ * a.grades_;
  }
  friend constexpr bool operator==(grade_average a, grade_average b) noexcept {
    return (a <=> b) == 0;
  }
  friend constexpr std::strong_ordering operator<=>(grade_average a, tenths limit) noexcept {
    return a.sum_ <=> static_cast<long long>(limit.count()) * a.grades_;
  }
  friend constexpr bool operator==(grade_average a, tenths limit) noexcept {
    return (a <=> limit) == 0;
  }

 private:
  static constexpr long long floor_div(long long a, long long b) noexcept {
    return a / b - (a % b != 0 && a < 0 ? 1 : 0);
  }
  long long sum_;
  long long grades_;
};

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

/// A consent as recorded. Whether it holds on a day also depends on the student's age
/// (who had to give it), so only consent_state_on and may_process (consent.hpp) decide.
struct consent {
  consent_giver given_by = consent_giver::parent;
  date given_on;
  std::optional<date> withdrawn_on;
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
  date birth_date;  ///< not_a_date_time when unknown
  int year = 1;     ///< leerjaar, 1..years_of(track)
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
    return static_cast<int>(std::count_if(grades.begin(), grades.end(),
                                          [](const grade& g) { return g.value < pass_mark; }));
  }
  /// The mean of the report grades, exact; nullopt without grades.
  [[nodiscard]] std::optional<grade_average> average_grade() const noexcept {
    if (grades.empty()) return std::nullopt;
    int sum = 0;
    for (const auto& g : grades) sum += g.value.count();
    return grade_average(tenths::from_count(sum), static_cast<int>(grades.size()));
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
