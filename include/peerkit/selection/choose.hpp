#pragma once
// Choosing the supporters (000 step 4; 001). For each role: how many are needed follows
// from demand (demand.hpp), plus the reserves of the school's rule. Every application that
// was not withdrawn is a candidate. A candidate the role takes as supporter (its
// eligible_supporters: older students, 000; for newcomer buddies also advanced students of
// the newcomer class, 001) who passes every gate and has every required trait is ranked
// by the profile's score; the first `needed` are accepted, the
// next `reserves` become reserves, the rest are rejected. The result lists every candidate
// with the verdict and the reasons, as data and in words.
//
// Ratings: a trait's rating is the latest interview's rating of it, or else the rating in
// the student's record, or else missing (which fails a required trait and scores 0).
// Score: the sum of weight × rating over the profile's required and welcome traits.
// Tie rule, applied in this order until two candidates differ:
//   1. higher score;
//   2. fewer fail marks;
//   3. higher average grade (a candidate without grades after those with grades);
//   4. the earlier application: the lower application id (schools number them as they arrive).
// Application ids are unique, so the order is total and the same on every run.

#include <algorithm>
#include <array>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <peerkit/core/enum_keys.hpp>
#include <peerkit/core/error.hpp>
#include <peerkit/core/roles.hpp>
#include <peerkit/core/roles_policy.hpp>
#include <peerkit/core/school.hpp>
#include <peerkit/core/student.hpp>
#include <peerkit/selection/application.hpp>
#include <peerkit/selection/demand.hpp>
#include <peerkit/selection/policy.hpp>
#include <peerkit/selection/profile.hpp>
#include <peerkit/selection/traits.hpp>

namespace peerkit {

enum class verdict { accepted, reserve, rejected };
template <>
struct enum_keys<verdict> {
  static constexpr std::array<std::string_view, 3> keys{"accepted", "reserve", "rejected"};
};

/// The application state that records a verdict.
[[nodiscard]] constexpr application_state state_of(verdict v) noexcept {
  switch (v) {
    case verdict::accepted: return application_state::accepted;
    case verdict::reserve: return application_state::reserve;
    case verdict::rejected: return application_state::rejected;
  }
  return application_state::rejected;
}

enum class reason_kind {
  ranked_within_need,    ///< accepted: rank `found` of `limit` needed
  ranked_as_reserve,     ///< reserve: rank `found`, beyond `limit` needed, within the reserves
  ranked_beyond_need,    ///< rejected: rank `found`, beyond `limit` needed and the reserves
  too_many_fail_marks,   ///< `found` fail marks, at most `limit` allowed
  average_too_low,       ///< `average`, at least `min_average` required
  no_grades,             ///< no report grades, an average of at least `min_average` required
  no_motivation_letter,  ///< the profile requires a letter; none was received
  no_interview,          ///< the profile requires an interview; none was held
  trait_below_minimum,   ///< `trait` rated `found`, below the minimum `limit`
  trait_not_rated,       ///< `trait` required at `limit`, but not rated
  not_eligible,  ///< in year `found` of `track`; the role takes supporters of that track from
                 ///< year `limit` on, or none (`limit` 0)
};
template <>
struct enum_keys<reason_kind> {
  static constexpr std::array<std::string_view, 11> keys{
      "ranked_within_need",  "ranked_as_reserve", "ranked_beyond_need",   "too_many_fail_marks",
      "average_too_low",     "no_grades",         "no_motivation_letter", "no_interview",
      "trait_below_minimum", "trait_not_rated",   "not_eligible"};
};

/// Why a candidate got their verdict: the kind, and the numbers behind it.
struct reason {
  reason_kind kind = reason_kind::ranked_within_need;
  std::string trait{};  ///< the trait's key, for trait reasons
  double found = 0;     ///< fail marks, average grade, rating or rank
  double limit = 0;  ///< fail marks allowed, minimum average, minimum rating, or supporters needed
  int reserves = 0;  ///< for ranks: the reserves chosen on top of `limit`
  std::optional<grade_average> average{};  ///< average_too_low: the candidate's average grade
  std::optional<tenths> min_average{};     ///< grade reasons: the average the profile requires
  std::optional<school_track> track{};     ///< not_eligible: the candidate's track

  /// The reason in words: "3 fail marks, at most 2 allowed", "empathy 2 < 3",
  /// "ranked 17th of 16 needed", "year 1 of havo, the role takes supporters from year 2 on".
  [[nodiscard]] std::string text() const;
  friend bool operator==(const reason&, const reason&) = default;
};

/// One candidate's outcome.
struct candidate {
  application_id application{};
  student_id student{};
  verdict decision = verdict::rejected;
  std::optional<int> rank{};  ///< among the candidates who passed every gate and trait
  int score = 0;              ///< the profile's score, also for those who failed a gate
  int fail_marks = 0;
  std::optional<grade_average> average{};
  /// Accepted or reserve: the rank. Rejected: not eligible for the role, every gate and
  /// trait failed, or the rank.
  std::vector<reason> reasons{};

  /// The reasons in words, joined by "; ".
  [[nodiscard]] std::string reasons_text() const;
  friend bool operator==(const candidate&, const candidate&) = default;
};

/// The choice for one role.
struct role_selection {
  supporter_role role = supporter_role::peer_buddy;
  std::string role_name{};  ///< as the programme names the role
  int units = 0;            ///< the demand: supportees, or classes for a role that serves classes
  bool serves_classes = false;  ///< the role serves whole classes (leader duos)
  int needed = 0;               ///< supporters the demand asks for
  int reserves = 0;             ///< reserves the school wants on top
  /// Ranked candidates in rank order, then the others by application id.
  std::vector<candidate> candidates{};
  std::vector<application_id> withdrawn{};  ///< applications withdrawn before the choice

  [[nodiscard]] int count(verdict v) const noexcept {
    return static_cast<int>(std::count_if(candidates.begin(), candidates.end(),
                                          [v](const candidate& c) { return c.decision == v; }));
  }
  /// Places left open because too few candidates passed: an outcome, not an error.
  [[nodiscard]] int shortfall() const noexcept {
    return std::max(0, needed - count(verdict::accepted));
  }
  [[nodiscard]] std::vector<student_id> students(verdict v) const;
  [[nodiscard]] const candidate* find(application_id id) const noexcept {
    auto it = std::find_if(candidates.begin(), candidates.end(),
                           [id](const candidate& c) { return c.application == id; });
    return it == candidates.end() ? nullptr : &*it;
  }
  friend bool operator==(const role_selection&, const role_selection&) = default;
};

/// The choice for every role asked for, in the order of the demands.
struct selection_result {
  std::vector<role_selection> roles{};

  [[nodiscard]] const role_selection* find(supporter_role r) const noexcept {
    auto it = std::find_if(roles.begin(), roles.end(),
                           [r](const role_selection& s) { return s.role == r; });
    return it == roles.end() ? nullptr : &*it;
  }
  friend bool operator==(const selection_result&, const selection_result&) = default;
};

namespace detail {
/// A role to choose supporters for: as the programme runs it, its rule and its demand.
struct planned_role {
  role_entry entry;
  selection_rule rule;
  int units = 0;
};

/// The planned role of kind `r`; null when no demand asks for it.
const planned_role* planned_for(const std::vector<planned_role>& plan, supporter_role r);

/// The roles of `demands`, each with its rule. Adds to `problems` every demand for a role
/// not run, given twice or negative, and every rule's profile off the scale.
template <RolesPolicy R, SelectionPolicy S>
std::vector<planned_role> plan_roles(const R& roles, const S& selection, rating_scale scale,
                                     const std::vector<role_demand>& demands,
                                     problem_list& problems) {
  std::vector<planned_role> plan;
  for (std::size_t j = 0; j < demands.size(); ++j) {
    const auto& d = demands[j];
    const auto where = element_location("demands", j);
    const auto entry = find_role(roles, d.role);
    if (!entry) {
      problems.add("selection.role_not_run", where + ".role",
                   "the programme does not run the role " + std::string(key_of(d.role)));
      continue;
    }
    if (d.units < 0)
      problems.add("selection.invalid_demand", where + ".units",
                   "expected 0 or more, found " + std::to_string(d.units));
    if (planned_for(plan, d.role)) {
      problems.add("selection.duplicate_demand", where + ".role",
                   std::string(key_of(d.role)) + " already has a demand");
      continue;
    }
    auto rule = rule_for(selection, d.role);
    if (scale.valid())
      check_profile(rule.profile, scale, "selection." + std::string(key_of(d.role)) + ".profile",
                    problems);
    plan.push_back({*entry, std::move(rule), std::max(0, d.units)});
  }
  return plan;
}

/// Adds to `problems` the ratings in `st`'s record that `profile` reads and that lie off
/// the scale. A rating from the record counts only where no interview rated the trait;
/// each is reported once, at the student (`reported` holds those already reported).
void check_record_ratings(const school& s, const student& st, const application& a,
                          const runtime_profile& profile, rating_scale scale,
                          std::set<std::pair<std::size_t, std::string>>& reported,
                          problem_list& problems);

/// Adds to `problems` every application with a duplicate id, for an unknown student, for a
/// role not run or without a demand, a second open one of a student for a role, and every
/// rating off the scale that the choice would read.
template <RolesPolicy R>
void check_applications(const school& s, const std::vector<application>& applications,
                        const R& roles, const std::vector<planned_role>& plan, rating_scale scale,
                        problem_list& problems) {
  std::map<application_id, std::size_t> first_with_id;
  std::map<std::pair<student_id, supporter_role>, std::size_t> open_application;
  std::set<std::pair<std::size_t, std::string>> record_reported;
  for (std::size_t i = 0; i < applications.size(); ++i) {
    const auto& a = applications[i];
    const auto where = element_location("applications", i);
    if (auto [it, fresh] = first_with_id.emplace(a.id, i); !fresh)
      problems.add("data.duplicate_id", where + ".id",
                   "id " + std::to_string(a.id.value()) + " is already used by " +
                       element_location("applications", it->second));
    const student* st = s.find(a.applicant);
    if (!st)
      problems.add("selection.unknown_student", where + ".applicant",
                   "no student has id " + std::to_string(a.applicant.value()));
    const planned_role* planned = planned_for(plan, a.role);
    if (!find_role(roles, a.role)) {
      problems.add("selection.role_not_run", where + ".role",
                   "the programme does not run the role " + std::string(key_of(a.role)));
    } else if (!planned) {
      problems.add("selection.missing_demand", where + ".role",
                   "no demand is given for " + std::string(key_of(a.role)) +
                       ", so the number of supporters needed is unknown");
    }
    if (a.state != application_state::withdrawn) {
      if (auto [it, fresh] = open_application.emplace(std::pair{a.applicant, a.role}, i); !fresh)
        problems.add("selection.duplicate_application", where,
                     "student " + std::to_string(a.applicant.value()) + " already applied for " +
                         std::string(name_of(a.role)) + " in " +
                         element_location("applications", it->second));
    }
    if (!scale.valid()) continue;
    for (std::size_t k = 0; k < a.interviews.size(); ++k)
      check_ratings(a.interviews[k].ratings, scale,
                    where + ".interviews[" + std::to_string(k) + "].ratings", problems);
    if (st && a.state != application_state::withdrawn && planned)
      check_record_ratings(s, *st, a, planned->rule.profile, scale, record_reported, problems);
  }
}

/// The choice for one planned role, from valid applications.
role_selection select_role(const school& s, const std::vector<application>& applications,
                           const planned_role& p);
}  // namespace detail

/// Chooses the supporters of every role in `demands`. `roles` is the programme's roles
/// policy (a role's parameters give the team size and capacity), `selection` its selection
/// policy. Throws peerkit::error listing every problem in the input: applications with
/// duplicate ids, for unknown students, for a role the programme does not run or has no
/// demand for, two open applications of one student for one role, ratings off the scale;
/// demands for a role not run, given twice or negative; a profile off the scale.
template <RolesPolicy R, SelectionPolicy S>
[[nodiscard]] selection_result choose(const school& s, const std::vector<application>& applications,
                                      const R& roles, const S& selection,
                                      const std::vector<role_demand>& demands) {
  const rating_scale scale = selection.scale();
  problem_list problems;
  if (!scale.valid())
    problems.add("selection.invalid_scale", "selection.scale",
                 "expected a lowest rating below the highest, found " + scale.to_string());
  const auto plan = detail::plan_roles(roles, selection, scale, demands, problems);
  detail::check_applications(s, applications, roles, plan, scale, problems);
  problems.throw_if_any();

  selection_result result;
  for (const auto& p : plan) result.roles.push_back(detail::select_role(s, applications, p));
  return result;
}

/// Moves every chosen application to its verdict (accepted, reserve, rejected); one
/// already there stays. Checks every move first and throws peerkit::error listing the
/// illegal ones ("selection.illegal_transition") without moving any application, and
/// "selection.unknown_application" for a candidate not among `applications`.
void record_decisions(std::vector<application>& applications, const selection_result& result);

/// The best-ranked reserve whose application is still a reserve: who steps in when a
/// chosen supporter drops out (000 step 7: a successor always ready). Empty when none is left.
[[nodiscard]] std::optional<application_id> next_reserve(
    const role_selection& chosen, const std::vector<application>& applications);

}  // namespace peerkit

#ifndef PEERKIT_COMPILED
#include <peerkit/selection/choose-inl.hpp>
#endif
