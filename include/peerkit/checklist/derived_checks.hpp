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
#include <peerkit/core/report_language.hpp>
#include <peerkit/core/school.hpp>
#include <peerkit/core/staff_roles.hpp>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace peerkit {

/// Evidence and findings in Dutch, next to the English ones of a check or a report entry:
/// the sentences are made when the data is evaluated, before the language of the report is
/// known, so they are made in both.
struct dutch_texts {
  std::string evidence;
  std::vector<std::string> findings;
  friend bool operator==(const dutch_texts&, const dutch_texts&) = default;
};

/// What a derived check decided.
struct derived_outcome {
  item_state state = item_state::not_started;
  std::string evidence;               ///< what the data shows when (partly) satisfied
  std::vector<std::string> findings;  ///< what is missing or wrong
  dutch_texts dutch;                  ///< evidence and findings in Dutch
  friend bool operator==(const derived_outcome&, const derived_outcome&) = default;
};

/// The words of the derived checks in one language; {0}, {1}, ... are names, numbers and
/// dates (ISO, as in the data). Names of the school's staff, classes and roles are its own.
struct derived_phrases {
  std::string_view not_evaluated;
  std::string_view all_of, some_of;  ///< {0} of {1} {2}: counts, then one of the three below
  std::string_view mentors_counted, supporters_counted, successors_counted;
  std::string_view no_holder;  ///< {0}: the staff role
  std::string_view no_coach, only_one_coach, coaches;
  std::string_view no_first_years, newcomers_only, no_mentor, mentor_unknown, mentor_without_role;
  std::string_view nobody_paired, paired_supporter, no_record, not_selected, selected_late,
      not_trained, trained_late;
  std::string_view roles_not_given, group, first_session_late, gap_too_long, stops_early,
      no_intervision, follows_cadence;
  std::string_view no_successor, own_successor, successor_unknown, no_programme_staff;
  std::string_view no_period, range, period_too_short, no_buddy_role;
};

inline constexpr derived_phrases derived_english{
    "not evaluated: no programme data given",
    "all {1} {2}",
    "{0} of {1} {2}",
    "first-year classes have a mentor in the programme",
    "paired supporters passed selection and training first",
    "staff members in a programme role have a successor",
    "no staff member holds the {0} role",
    "no teacher coach yet",
    "only one teacher coach ({0}): training and supervision depend on one person",
    "{0} teacher coaches: {1}",
    "the school has no first-year classes",
    "the programme runs only roles for newcomers",
    "class {0} has no mentor",
    "class {0}: mentor #{1} is not on the staff list",
    "class {0}: mentor {1} does not hold the class mentor role in the programme",
    "no supporter has been paired yet",
    "student #{0} ({1}, paired {2})",
    "has no selection or training record",
    "did not pass selection",
    "passed selection only on {0}",
    "has not completed training",
    "completed training only on {0}",
    "the programme's supporter roles are not given",
    "{0} group {1}",
    "{0}: the first intervision is on {1}, {2} school weeks after the support period starts on "
    "{3}; the cadence allows at most {4}",
    "{0}: {1} school weeks between intervision on {2} and {3}; the cadence allows at most {4}",
    "{0}: intervision stops on {1}, {2} school weeks before the support period ends on {3}; the "
    "cadence allows at most {4}",
    "no intervision scheduled for {0}",
    "intervision follows the cadence for {0}",
    "{0} has no successor",
    "{0} is named as their own successor",
    "{0}: successor #{1} is not on the staff list",
    "no staff member holds a programme role yet",
    "no support period set for {0}",
    "{0} to {1}",
    "the support period of {0} runs {1}; {2} months need a last day on or after {3}",
    "the programme runs no buddy role"};

inline constexpr derived_phrases derived_dutch{
    "niet beoordeeld: er zijn geen gegevens van het programma",
    "alle {1} {2}",
    "{0} van de {1} {2}",
    "brugklassen hebben een mentor in het programma",
    "gekoppelde supporters hadden eerst selectie en training achter de rug",
    "medewerkers met een rol in het programma hebben een opvolger",
    "geen medewerker heeft de rol {0}",
    "nog geen docentcoach",
    "maar één docentcoach ({0}): training en begeleiding hangen van één persoon af",
    "{0} docentcoaches: {1}",
    "de school heeft geen brugklassen",
    "het programma heeft alleen rollen voor nieuwkomers",
    "klas {0} heeft geen mentor",
    "klas {0}: mentor #{1} staat niet op de personeelslijst",
    "klas {0}: mentor {1} heeft in het programma niet de rol van mentor",
    "er is nog geen supporter gekoppeld",
    "leerling #{0} ({1}, gekoppeld op {2})",
    "heeft geen gegevens over selectie of training",
    "is niet door de selectie gekomen",
    "kwam pas op {0} door de selectie",
    "heeft de training niet afgerond",
    "rondde de training pas op {0} af",
    "de supporterrollen van het programma zijn niet opgegeven",
    "{0} groep {1}",
    "{0}: de eerste intervisie is op {1}, {2} schoolweken na de start van de "
    "begeleidingsperiode op {3}; het ritme staat hoogstens {4} toe",
    "{0}: {1} schoolweken tussen de intervisie op {2} en die op {3}; het ritme staat hoogstens "
    "{4} toe",
    "{0}: de intervisie stopt op {1}, {2} schoolweken voor het einde van de "
    "begeleidingsperiode op {3}; het ritme staat hoogstens {4} toe",
    "geen intervisie gepland voor {0}",
    "de intervisie volgt het ritme voor {0}",
    "{0} heeft geen opvolger",
    "{0} staat als eigen opvolger genoemd",
    "{0}: opvolger #{1} staat niet op de personeelslijst",
    "nog geen medewerker heeft een rol in het programma",
    "geen begeleidingsperiode vastgelegd voor {0}",
    "{0} tot en met {1}",
    "de begeleidingsperiode van {0} loopt van {1}; {2} maanden vragen een laatste dag op of na "
    "{3}",
    "het programma heeft geen buddyrol"};

[[nodiscard]] constexpr const derived_phrases& derived_words(report_language language) noexcept {
  return in_language(language, derived_english, derived_dutch);
}

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

/// The name the programme gives the role, else peerkit's name for its kind in `language`.
std::string facts_role_name(const programme_facts& f, supporter_role kind,
                            report_language language);

/// Done when every one of `total` things is fine, not started when none is, in
/// progress in between; the evidence says how many, `counted` says of what.
derived_outcome partial_outcome(std::size_t ok, std::size_t total, std::string_view counted,
                                std::vector<std::string> findings, const derived_phrases& w);

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
                                          const std::string& label, const derived_phrases& w);

bool is_buddy_kind(supporter_role r) noexcept;

// Each check makes its evidence and findings in `language`; evaluate() makes both.
derived_outcome check_staff_in_role(const school& s, staff_role role, report_language language);

derived_outcome check_more_teacher_coaches(const school& s, report_language language);

derived_outcome check_first_year_mentors(const school& s, const programme_facts& f,
                                         report_language language);

derived_outcome check_supporters_ready(const programme_facts& f, report_language language);

derived_outcome check_intervision(const programme_facts& f, report_language language);

derived_outcome check_successors(const school& s, report_language language);

derived_outcome check_support_period(const programme_facts& f, report_language language);

derived_outcome evaluate_in(derived_check c, const school& s, const programme_facts& f,
                            report_language language);

}  // namespace detail

/// Decides one derived check, its evidence and findings in English and in Dutch. `f` must
/// be valid for `s` (see validate(programme_facts)).
[[nodiscard]] derived_outcome evaluate(derived_check c, const school& s, const programme_facts& f);

/// Decides every derived check. Throws peerkit::error when the facts do not fit the
/// school (unknown students, ranges that end before they start, duplicates).
[[nodiscard]] derived_results evaluate_derived(const school& s, const programme_facts& f);

}  // namespace peerkit

#ifndef PEERKIT_COMPILED
#include <peerkit/checklist/derived_checks-inl.hpp>
#endif
