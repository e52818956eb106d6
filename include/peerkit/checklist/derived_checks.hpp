#pragma once
// Items the programme's own data decides: evaluated from the school (staff roles,
// successors, classes and mentors) and programme_facts (selection and training, pairs,
// intervision dates, support periods), never ticked by hand.
//
// Each check gives a state: done when satisfied; in_progress when partly (some classes
// have a mentor, one teacher coach where more are advised); not_started when nothing of
// it is there; not_applicable when it does not concern the programme (no first-year
// classes, no buddy role). Findings say what is missing, with the class, staff member or
// student number (never a student's name) so the report can be shared with staff.

#include <algorithm>
#include <array>
#include <boost/date_time/gregorian/formatters.hpp>
#include <boost/date_time/gregorian/gregorian_types.hpp>
#include <cstdint>
#include <optional>
#include <peerkit/checklist/item.hpp>
#include <peerkit/checklist/programme_facts.hpp>
#include <peerkit/config.hpp>
#include <peerkit/core/school.hpp>
#include <peerkit/core/staff_roles.hpp>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace peerkit {

/// What a derived check decided.
struct derived_outcome {
  item_state state = item_state::not_started;
  std::string evidence;               ///< what the data shows when (partly) satisfied
  std::vector<std::string> findings;  ///< what is missing or wrong
  friend bool operator==(const derived_outcome&, const derived_outcome&) = default;
};

/// Minimum length of a buddy's support period, in months (source 001: at least six
/// months up to a whole school year).
inline constexpr int minimum_buddy_months = 6;

namespace detail {
std::array<derived_outcome, derived_check_count> unevaluated_outcomes();
}  // namespace detail

/// Every derived check's outcome plus the roles the programme runs (which decide whether
/// role-specific items apply). Default-constructed: nothing evaluated, roles unknown.
struct derived_results {
  std::vector<supporter_role> roles_run;
  std::array<derived_outcome, derived_check_count> outcomes = detail::unevaluated_outcomes();

  [[nodiscard]] const derived_outcome& of(derived_check c) const noexcept {
    PEERKIT_ASSERT(c != derived_check::none, "derived_results::of: `none` is not a check");
    return outcomes[static_cast<std::size_t>(c)];
  }
  friend bool operator==(const derived_results&, const derived_results&) = default;
};

namespace detail {

std::string checklist_join(const std::vector<std::string>& parts);

std::string staff_name_list(const std::vector<const staff_member*>& staff);

std::string facts_role_name(const programme_facts& f, supporter_role kind);

/// Done when every one of `total` things is fine, not started when none is, in
/// progress in between; the evidence says how many.
derived_outcome partial_outcome(std::size_t ok, std::size_t total, const std::string& what,
                                std::vector<std::string> findings);

/// The same day `months` later; the last day of the month when that month is shorter.
date add_months_clamped(date d, int months);

date checklist_week_monday(date d);

/// A week counts when at least one of its weekdays is outside every break.
bool checklist_school_week(date monday, const std::vector<day_range>& breaks);

/// School weeks after the week of `from` up to and including the week of `to`.
int checklist_school_weeks_between(date from, date to, const std::vector<day_range>& breaks);

std::vector<std::string> cadence_findings(const intervision_series& series,
                                          const intervision_cadence& cadence,
                                          const std::optional<day_range>& period,
                                          const std::vector<day_range>& breaks,
                                          const std::string& label);

bool is_buddy_kind(supporter_role r) noexcept;

derived_outcome check_staff_in_role(const school& s, staff_role role);

derived_outcome check_more_teacher_coaches(const school& s);

derived_outcome check_first_year_mentors(const school& s, const programme_facts& f);

derived_outcome check_supporters_ready(const programme_facts& f);

derived_outcome check_intervision(const programme_facts& f);

derived_outcome check_successors(const school& s);

derived_outcome check_support_period(const programme_facts& f);

}  // namespace detail

/// Decides one derived check. `f` must be valid for `s` (see validate(programme_facts)).
[[nodiscard]] derived_outcome evaluate(derived_check c, const school& s, const programme_facts& f);

/// Decides every derived check. Throws peerkit::error when the facts do not fit the
/// school (unknown students, ranges that end before they start, duplicates).
[[nodiscard]] derived_results evaluate_derived(const school& s, const programme_facts& f);

}  // namespace peerkit

#ifndef PEERKIT_COMPILED
#include <peerkit/checklist/derived_checks-inl.hpp>
#endif
