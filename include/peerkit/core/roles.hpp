#pragma once
// The nine supporter roles as types. Each role's traits come from the sources (see
// DOMAIN.md); where the sources are silent the value is a documented default
// (docs/roles.md). A school adds a role, or changes a trait of a shipped one, by
// specialising role_traits for a tag of its own, without touching peerkit's headers:
//
//   struct our_buddy {};
//   template <> struct peerkit::role_traits<our_buddy> : peerkit::role_traits<peerkit::peer_buddy>
//   {
//     static constexpr auto parameters =
//         role_traits<peer_buddy>::parameters.with_supportees_per_supporter({1, 3});
//   };

#include <algorithm>
#include <array>
#include <concepts>
#include <optional>
#include <string_view>

#include <peerkit/core/enum_keys.hpp>
#include <peerkit/core/student.hpp>

namespace peerkit {

/// The shipped supporter roles, for values chosen at run time.
enum class supporter_role {
  peer_leader,
  peer_buddy,
  newcomer_buddy,
  peer_tutor,
  peer_mentor,
  peer_coach,
  confidant_student,
  peer_mediator,
  peer_educator,
};

template <>
struct enum_keys<supporter_role> {
  static constexpr std::array<std::string_view, 9> keys{
      "peer_leader", "peer_buddy",        "newcomer_buddy", "peer_tutor",    "peer_mentor",
      "peer_coach",  "confidant_student", "peer_mediator",  "peer_educator",
  };
};

/// How supporters and supportees meet in a role.
enum class support_form {
  duo_for_class,  ///< a duo of supporters for one whole class (peer leaders)
  one_to_one,     ///< one supporter, one or a few individual supportees (buddies)
  small_group,    ///< individual or a small group (tutors)
  group,          ///< a group of students (coaches, educators)
  mediation,      ///< between two or more peers in conflict (mediators)
};

template <>
struct enum_keys<support_form> {
  static constexpr std::array<std::string_view, 5> keys{"duo_for_class", "one_to_one",
                                                        "small_group", "group", "mediation"};
};

/// True for a form that serves a whole class ("in duo's een hele brugklas begeleiden",
/// 000) rather than individual students: it keeps no pair's weekly contact plan (001)
/// and gives no buddy's notice that secrets cannot be kept (000 step 6).
[[nodiscard]] constexpr bool serves_whole_class(support_form f) noexcept {
  return f == support_form::duo_for_class;
}

/// Where and when supporters and supportees usually meet. A preference that scores in
/// matching; a school that wants it kept makes it a hard rule (hard_rules::availability).
enum class meeting_place {
  at_school,                   ///< at school, in school hours (peer buddy; Hoofdvaart's long break)
  outside_school_after_hours,  ///< often after school, outside school (newcomer buddy, 000)
  at_or_outside_school,
};

template <>
struct enum_keys<meeting_place> {
  static constexpr std::array<std::string_view, 3> keys{"at_school", "outside_school_after_hours",
                                                        "at_or_outside_school"};
};

/// When a role meets, in words: "in school hours", "after school".
[[nodiscard]] constexpr std::string_view describe(meeting_place m) noexcept {
  switch (m) {
    case meeting_place::at_school: return "in school hours";
    case meeting_place::outside_school_after_hours: return "after school";
    case meeting_place::at_or_outside_school: return "in school hours or after school";
  }
  return "";
}

/// True when two students with availabilities `a` and `b` are both free when a role with
/// meeting place `m` meets.
[[nodiscard]] constexpr bool can_meet(meeting_place m, availability a, availability b) noexcept {
  switch (m) {
    case meeting_place::at_school: return a.school_hours && b.school_hours;
    case meeting_place::outside_school_after_hours: return a.after_school && b.after_school;
    case meeting_place::at_or_outside_school:
      return (a.school_hours && b.school_hours) || (a.after_school && b.after_school);
  }
  return false;
}

/// An inclusive range of counts, e.g. a buddy supports 1 to 2 students.
struct count_range {
  int min = 1;
  int max = 1;
  [[nodiscard]] constexpr bool contains(int n) const noexcept { return min <= n && n <= max; }
  [[nodiscard]] constexpr bool valid() const noexcept { return 0 <= min && min <= max; }
  friend constexpr bool operator==(count_range, count_range) = default;
};

/// How often the teacher coach holds intervision with the supporters of a role:
/// first `initial_sessions` meetings every `initial_interval_weeks`, then every
/// `interval_weeks.min` to `interval_weeks.max` weeks. Hoofdvaart: 4 times every two
/// weeks, then monthly = {4, 2, {4, 4}}.
struct intervision_cadence {
  int initial_sessions = 0;
  int initial_interval_weeks = 0;
  count_range interval_weeks{2, 2};
  [[nodiscard]] constexpr bool valid() const noexcept {
    return initial_sessions >= 0 && (initial_sessions == 0 || initial_interval_weeks >= 1) &&
           interval_weeks.valid() && interval_weeks.min >= 1;
  }
  friend constexpr bool operator==(const intervision_cadence&,
                                   const intervision_cadence&) = default;
};

/// The first year of a track's upper years (bovenbouw): year 3 in vmbo and
/// praktijkonderwijs, year 4 in havo and vwo. The newcomer class has no upper years.
[[nodiscard]] constexpr std::optional<int> upper_years_from(school_track t) noexcept {
  switch (t) {
    case school_track::havo:
    case school_track::vwo: return 4;
    case school_track::isk: return std::nullopt;
    default: return 3;
  }
}

/// Which students may be supporters in a role. Source 000: peer leaders and peer buddies
/// are older students (ouderejaars), never the first-years they support; source 001:
/// newcomer buddies are regular upper-years students or advanced students of the newcomer
/// (ISK) class. Structural, so a role's traits stay one constexpr expression.
struct supporter_eligibility {
  int min_year = 2;               ///< regular students from this school year (leerjaar) on
  bool upper_years_only = false;  ///< regular students only in their track's upper years
  bool newcomers = false;         ///< students of the newcomer class may support...
  int min_newcomer_year = 2;      ///< ...from this year of that class on ("advanced")

  /// The first school year from which a student of track `t` may support; none when the
  /// role takes no supporters of that track.
  [[nodiscard]] constexpr std::optional<int> first_year(school_track t) const noexcept {
    if (t == school_track::isk)
      return newcomers ? std::optional<int>(min_newcomer_year) : std::nullopt;
    return upper_years_only ? std::max(min_year, *upper_years_from(t)) : min_year;
  }
  /// True when a student of track `t` in school year `year` may support in the role.
  [[nodiscard]] constexpr bool admits(school_track t, int year) const noexcept {
    const auto first = first_year(t);
    return first && year >= *first;
  }
  [[nodiscard]] constexpr bool valid() const noexcept {
    return min_year >= 1 && min_newcomer_year >= 1;
  }
  friend constexpr bool operator==(const supporter_eligibility&,
                                   const supporter_eligibility&) = default;
};

/// Minutes in a half-day (dagdeel) of training.
inline constexpr int minutes_per_half_day = 240;

/// The training a supporter must complete before being paired.
struct training_requirement {
  int sessions = 2;
  int minutes_per_session = minutes_per_half_day;
  [[nodiscard]] constexpr int total_minutes() const noexcept {
    return sessions * minutes_per_session;
  }
  [[nodiscard]] constexpr bool valid() const noexcept {
    return sessions >= 0 && minutes_per_session > 0;
  }
  friend constexpr bool operator==(const training_requirement&,
                                   const training_requirement&) = default;
};

/// The numeric and categorical traits of a role. Builders return a changed copy, so a
/// school's variant of a role is one constexpr expression.
struct role_parameters {
  support_form form = support_form::one_to_one;
  count_range supporters_per_unit{1, 1};       ///< two leaders per first-year class: {2, 2}
  count_range supportees_per_supporter{1, 1};  ///< a buddy: {1, 2}; for duo_for_class: classes
  meeting_place meets = meeting_place::at_school;
  bool newcomers_only = false;  ///< supports only students of a newcomer (ISK) class
  bool first_years_only = false;
  supporter_eligibility eligible_supporters{};  ///< who may be a supporter in the role
  intervision_cadence intervision{};
  training_requirement training{};

  [[nodiscard]] constexpr bool valid() const noexcept {
    return supporters_per_unit.valid() && supporters_per_unit.min >= 1 &&
           supportees_per_supporter.valid() && supportees_per_supporter.max >= 1 &&
           eligible_supporters.valid() && intervision.valid() && training.valid();
  }
  [[nodiscard]] constexpr role_parameters with_supportees_per_supporter(
      count_range r) const noexcept {
    auto copy = *this;
    copy.supportees_per_supporter = r;
    return copy;
  }
  [[nodiscard]] constexpr role_parameters with_intervision(intervision_cadence c) const noexcept {
    auto copy = *this;
    copy.intervision = c;
    return copy;
  }
  [[nodiscard]] constexpr role_parameters with_training(training_requirement t) const noexcept {
    auto copy = *this;
    copy.training = t;
    return copy;
  }
  [[nodiscard]] constexpr role_parameters with_meeting_place(meeting_place m) const noexcept {
    auto copy = *this;
    copy.meets = m;
    return copy;
  }
  [[nodiscard]] constexpr role_parameters with_eligible_supporters(
      supporter_eligibility e) const noexcept {
    auto copy = *this;
    copy.eligible_supporters = e;
    return copy;
  }
  friend constexpr bool operator==(const role_parameters&, const role_parameters&) = default;
};

/// Traits of a role tag: `name`, `core_goal`, `kind` (the shipped role it is or derives
/// from) and `parameters`. Specialise it for a school's own role tag.
template <class R>
struct role_traits;

/// A supporter role: a tag whose traits are complete and valid at compile time.
template <class R>
concept Role = requires {
  { role_traits<R>::name } -> std::convertible_to<std::string_view>;
  { role_traits<R>::core_goal } -> std::convertible_to<std::string_view>;
  { role_traits<R>::kind } -> std::convertible_to<supporter_role>;
  { role_traits<R>::parameters } -> std::convertible_to<role_parameters>;
} && role_traits<R>::parameters.valid();

// The role tags.
struct peer_leader {};
struct peer_buddy {};
struct newcomer_buddy {};
struct peer_tutor {};
struct peer_mentor {};
struct peer_coach {};
struct confidant_student {};
struct peer_mediator {};
struct peer_educator {};

/// Two peer leaders per first-year class, a duo all year; older students ("ouderejaars
/// leerlingen die in duo's een hele brugklas begeleiden"); meet at school; intervision
/// every two weeks, all leaders in one group (source 000).
template <>
struct role_traits<peer_leader> {
  static constexpr std::string_view name = "peer leader";
  static constexpr std::string_view core_goal =
      "ease the transition from primary to secondary school";
  static constexpr supporter_role kind = supporter_role::peer_leader;
  static constexpr role_parameters parameters{
      .form = support_form::duo_for_class,
      .supporters_per_unit = {2, 2},
      .supportees_per_supporter = {1, 1},
      .meets = meeting_place::at_school,
      .newcomers_only = false,
      .first_years_only = true,
      .eligible_supporters = {.min_year = 2},
      .intervision = {0, 0, {2, 2}},
      .training = {2, minutes_per_half_day},
  };
};

/// Older students too ("óók ouderejaars") with one or sometimes two younger supportees;
/// meetings always at school; intervision every two weeks in groups of about five (000).
template <>
struct role_traits<peer_buddy> {
  static constexpr std::string_view name = "peer buddy";
  static constexpr std::string_view core_goal =
      "individual extra support for a student who needs it, e.g. social-emotional";
  static constexpr supporter_role kind = supporter_role::peer_buddy;
  static constexpr role_parameters parameters{
      .form = support_form::one_to_one,
      .supporters_per_unit = {1, 1},
      .supportees_per_supporter = {1, 2},
      .meets = meeting_place::at_school,
      .eligible_supporters = {.min_year = 2},
      .intervision = {0, 0, {2, 2}},
      .training = {2, minutes_per_half_day},
  };
};

/// A buddy for a student of a newcomer class, often at another school and after hours
/// (000); "taken up by regular upper-years students or advanced ISK students" (001);
/// trained in three half-days; intervision every three to four weeks (000, 001).
template <>
struct role_traits<newcomer_buddy> {
  static constexpr std::string_view name = "newcomer buddy";
  static constexpr std::string_view core_goal =
      "the newcomer feels at home in the Netherlands as fast as possible";
  static constexpr supporter_role kind = supporter_role::newcomer_buddy;
  static constexpr role_parameters parameters{
      .form = support_form::one_to_one,
      .supporters_per_unit = {1, 1},
      .supportees_per_supporter = {1, 2},
      .meets = meeting_place::outside_school_after_hours,
      .newcomers_only = true,
      .eligible_supporters = {.upper_years_only = true, .newcomers = true, .min_newcomer_year = 2},
      .intervision = {0, 0, {3, 4}},
      .training = {3, minutes_per_half_day},
  };
};

/// Helps with learning and study tasks, individually or in a small group (002-004).
template <>
struct role_traits<peer_tutor> {
  static constexpr std::string_view name = "peer tutor";
  static constexpr std::string_view core_goal = "help with learning, study tasks and homework";
  static constexpr supporter_role kind = supporter_role::peer_tutor;
  static constexpr role_parameters parameters{
      .form = support_form::small_group,
      .supportees_per_supporter = {1, 4},
      .intervision = {0, 0, {4, 4}},
      .training = {1, minutes_per_half_day},
  };
};

/// Adviser and role model for one student (002, 003).
template <>
struct role_traits<peer_mentor> {
  static constexpr std::string_view name = "peer mentor";
  static constexpr std::string_view core_goal =
      "be an adviser and role model for study motivation and attitude";
  static constexpr supporter_role kind = supporter_role::peer_mentor;
  static constexpr role_parameters parameters{
      .form = support_form::one_to_one,
      .supportees_per_supporter = {1, 1},
      .intervision = {0, 0, {4, 4}},
      .training = {2, minutes_per_half_day},
  };
};

/// Leads a group of students in (educational) activities and choices (002, 003).
template <>
struct role_traits<peer_coach> {
  static constexpr std::string_view name = "peer coach";
  static constexpr std::string_view core_goal =
      "lead groups of students in activities and choices of further education";
  static constexpr supporter_role kind = supporter_role::peer_coach;
  static constexpr role_parameters parameters{
      .form = support_form::group,
      .supportees_per_supporter = {4, 15},
      .intervision = {0, 0, {4, 4}},
      .training = {2, minutes_per_half_day},
  };
};

/// Picks up signals of unwellness, offers support and refers on (002).
template <>
struct role_traits<confidant_student> {
  static constexpr std::string_view name = "confidant student";
  static constexpr std::string_view core_goal =
      "pick up signals of unwellness, offer fitting support and refer on";
  static constexpr supporter_role kind = supporter_role::confidant_student;
  static constexpr role_parameters parameters{
      .form = support_form::one_to_one,
      .supportees_per_supporter = {1, 3},
      .intervision = {0, 0, {2, 2}},
      .training = {2, minutes_per_half_day},
  };
};

/// Mediates between two or more peers in conflict (002).
template <>
struct role_traits<peer_mediator> {
  static constexpr std::string_view name = "peer mediator";
  static constexpr std::string_view core_goal = "resolve conflicts between peers";
  static constexpr supporter_role kind = supporter_role::peer_mediator;
  static constexpr role_parameters parameters{
      .form = support_form::mediation,
      .supporters_per_unit = {1, 2},
      .supportees_per_supporter = {2, 4},
      .intervision = {0, 0, {4, 4}},
      .training = {2, minutes_per_half_day},
  };
};

/// Gives information (voorlichting) to a group of peers (002).
template <>
struct role_traits<peer_educator> {
  static constexpr std::string_view name = "peer educator";
  static constexpr std::string_view core_goal = "inform peers";
  static constexpr supporter_role kind = supporter_role::peer_educator;
  static constexpr role_parameters parameters{
      .form = support_form::group,
      .supportees_per_supporter = {5, 30},
      .intervision = {0, 0, {4, 4}},
      .training = {1, minutes_per_half_day},
  };
};

namespace detail {
template <class F>
constexpr decltype(auto) visit_role(supporter_role r, F&& f) {
  switch (r) {
    case supporter_role::peer_leader: return f(role_traits<peer_leader>{});
    case supporter_role::peer_buddy: return f(role_traits<peer_buddy>{});
    case supporter_role::newcomer_buddy: return f(role_traits<newcomer_buddy>{});
    case supporter_role::peer_tutor: return f(role_traits<peer_tutor>{});
    case supporter_role::peer_mentor: return f(role_traits<peer_mentor>{});
    case supporter_role::peer_coach: return f(role_traits<peer_coach>{});
    case supporter_role::confidant_student: return f(role_traits<confidant_student>{});
    case supporter_role::peer_mediator: return f(role_traits<peer_mediator>{});
    case supporter_role::peer_educator: return f(role_traits<peer_educator>{});
  }
  return f(role_traits<peer_buddy>{});  // unreachable for valid enumerators
}
}  // namespace detail

/// Every shipped role, in the order of the enumeration.
inline constexpr std::array<supporter_role, 9> all_supporter_roles{
    supporter_role::peer_leader,       supporter_role::peer_buddy,
    supporter_role::newcomer_buddy,    supporter_role::peer_tutor,
    supporter_role::peer_mentor,       supporter_role::peer_coach,
    supporter_role::confidant_student, supporter_role::peer_mediator,
    supporter_role::peer_educator,
};

/// "peer buddy" for supporter_role::peer_buddy.
[[nodiscard]] constexpr std::string_view name_of(supporter_role r) {
  return detail::visit_role(r, [](auto t) { return std::string_view{decltype(t)::name}; });
}
/// The shipped default traits of a role.
[[nodiscard]] constexpr role_parameters default_parameters(supporter_role r) {
  return detail::visit_role(r, [](auto t) { return decltype(t)::parameters; });
}
}  // namespace peerkit
