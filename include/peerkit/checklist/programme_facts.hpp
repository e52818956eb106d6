#pragma once
// What the checklist needs to know about a programme that the school data does not
// hold: the roles it runs, who passed selection and training, who is paired, when
// intervision meets and how long the support period lasts. Plain data, so the programme
// fills it from its roles policy, the selection and matching results and its schedule.

#include <boost/date_time/gregorian/formatters.hpp>
#include <optional>
#include <peerkit/core/error.hpp>
#include <peerkit/core/roles.hpp>
#include <peerkit/core/roles_policy.hpp>
#include <peerkit/core/school.hpp>
#include <peerkit/core/student.hpp>
#include <peerkit/core/support_pair.hpp>
#include <string>
#include <vector>

namespace peerkit {

/// A supporter's way through selection and training for one role.
struct supporter_record {
  student_id student;
  supporter_role role = supporter_role::peer_buddy;
  std::optional<date> selected_on;  ///< when the student passed selection; empty: not (yet)
  std::optional<date> trained_on;   ///< when the student completed the role's training
  friend bool operator==(const supporter_record&, const supporter_record&) = default;
};

/// The planned intervision dates of one group of a role (a role may have several groups:
/// buddies meet in groups of about five per teacher coach).
struct intervision_series {
  supporter_role role = supporter_role::peer_buddy;
  int group = 1;
  std::vector<date> dates;  ///< in any order
  friend bool operator==(const intervision_series&, const intervision_series&) = default;
};

/// An inclusive range of days: a support period, a holiday.
struct day_range {
  date first;
  date last;
  [[nodiscard]] bool contains(date d) const { return first <= d && d <= last; }
  friend bool operator==(const day_range&, const day_range&) = default;
};

/// How long supporters of a role support their supportees this year.
struct support_period_plan {
  supporter_role role = supporter_role::peer_buddy;
  day_range days;
  friend bool operator==(const support_period_plan&, const support_period_plan&) = default;
};

/// The programme's own data that derived checklist items are decided from.
struct programme_facts {
  /// The roles the programme runs (from its roles policy). Empty: not known yet, which
  /// rules no role-specific item out and leaves role-based checks undecided.
  std::vector<role_entry> roles;
  std::vector<supporter_record> supporters;  ///< from selection and training
  std::vector<support_pair> pairs;           ///< from matching, ended pairs included
  std::vector<intervision_series> intervision;
  std::vector<support_period_plan> periods;
  /// Holidays and other days without school: a week with no school day in it does not
  /// count towards an intervision interval ("every two weeks" means teaching weeks).
  std::vector<day_range> breaks;

  /// The kinds of the roles run, in the order given.
  [[nodiscard]] std::vector<supporter_role> role_kinds() const {
    std::vector<supporter_role> kinds;
    for (const auto& r : roles) kinds.push_back(r.kind);
    return kinds;
  }
  friend bool operator==(const programme_facts&, const programme_facts&) = default;
};

/// Checks facts against the school: known students, dates that are set, ranges whose
/// last day is not before the first, each role and each (student, role) given once.
/// Throws peerkit::error listing every problem, located under `facts.`.
inline void validate(const programme_facts& f, const school& s) {
  problem_list problems;
  auto check_student = [&](student_id id, const std::string& where) {
    if (!s.find(id))
      problems.add("data.unknown_reference", where,
                   "no student has id " + std::to_string(id.value()));
  };
  auto check_range = [&](const day_range& r, const std::string& where) {
    if (r.first.is_special() || r.last.is_special())
      problems.add("data.missing", where, "a range needs a first and a last day");
    else if (r.last < r.first)
      problems.add("data.out_of_range", where,
                   "the last day " + to_iso_extended_string(r.last) + " is before the first day " +
                       to_iso_extended_string(r.first));
  };
  for (std::size_t i = 0; i < f.roles.size(); ++i)
    for (std::size_t j = 0; j < i; ++j)
      if (f.roles[j].kind == f.roles[i].kind)
        problems.add("data.duplicate", element_location("facts.roles", i, "kind"),
                     std::string(key_of(f.roles[i].kind)) + " is already given at " +
                         element_location("facts.roles", j));
  for (std::size_t i = 0; i < f.supporters.size(); ++i) {
    const auto& r = f.supporters[i];
    check_student(r.student, element_location("facts.supporters", i, "student"));
    for (std::size_t j = 0; j < i; ++j)
      if (f.supporters[j].student == r.student && f.supporters[j].role == r.role)
        problems.add("data.duplicate", element_location("facts.supporters", i),
                     "student " + std::to_string(r.student.value()) + " as " +
                         std::string(key_of(r.role)) + " is already given at " +
                         element_location("facts.supporters", j));
    for (const auto* d : {&r.selected_on, &r.trained_on})
      if (*d && (*d)->is_special())
        problems.add("data.missing", element_location("facts.supporters", i),
                     "a selection or training date is given but not set");
  }
  for (std::size_t i = 0; i < f.pairs.size(); ++i) {
    const auto& p = f.pairs[i];
    if (p.supporters.empty())
      problems.add("data.missing", element_location("facts.pairs", i, "supporters"),
                   "a pair needs a supporter");
    for (std::size_t k = 0; k < p.supporters.size(); ++k)
      check_student(p.supporters[k],
                    element_location(element_location("facts.pairs", i, "supporters"), k));
    if (p.started.is_special())
      problems.add("data.missing", element_location("facts.pairs", i, "started"),
                   "a pair needs a start date");
  }
  for (std::size_t i = 0; i < f.intervision.size(); ++i) {
    const auto& series = f.intervision[i];
    for (std::size_t k = 0; k < series.dates.size(); ++k)
      if (series.dates[k].is_special())
        problems.add("data.missing",
                     element_location(element_location("facts.intervision", i, "dates"), k),
                     "an intervision date must be set");
    for (std::size_t j = 0; j < i; ++j)
      if (f.intervision[j].role == series.role && f.intervision[j].group == series.group)
        problems.add("data.duplicate", element_location("facts.intervision", i),
                     "group " + std::to_string(series.group) + " of " +
                         std::string(key_of(series.role)) + " is already given at " +
                         element_location("facts.intervision", j));
  }
  for (std::size_t i = 0; i < f.periods.size(); ++i) {
    check_range(f.periods[i].days, element_location("facts.periods", i, "days"));
    for (std::size_t j = 0; j < i; ++j)
      if (f.periods[j].role == f.periods[i].role)
        problems.add("data.duplicate", element_location("facts.periods", i, "role"),
                     std::string(key_of(f.periods[i].role)) + " is already given at " +
                         element_location("facts.periods", j));
  }
  for (std::size_t i = 0; i < f.breaks.size(); ++i)
    check_range(f.breaks[i], element_location("facts.breaks", i));
  problems.throw_if_any();
}

}  // namespace peerkit
