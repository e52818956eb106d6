#pragma once
// The numbers of the simulation model, each with its bounds, its unit and where it comes
// from. A number that a study measured names the study; a number no study gives
// (intervision frequency's effect, losing the teacher coach, the school's support base)
// is a scenario assumption and says so: the table is what docs/simulation.md prints and
// what every result records, so an assumption is never presented as a fact.
//
// Run-time settings (scenario files, sweeps, design points) reach a parameter by its
// name through set_parameter(), which checks the name and the bounds.

#include <array>
#include <cmath>
#include <optional>
#include <string>
#include <string_view>

#include <peerkit/core/error.hpp>
#include <peerkit/experiment/design.hpp>

namespace peerkit {

/// Every number of the model. Defaults follow the sources (docs/sources.md) and the
/// studies named in parameter_table(); doubles throughout, so that a design point can
/// set any of them.
struct model_parameters {
  // Meetings against the plan.
  double meeting_attendance = 0.85;
  // Relationship closeness, from 0 to 1.
  double initial_closeness = 0.3;
  double closeness_gain = 0.06;
  double closeness_loss = 0.08;
  double bonding_gain = 0.05;
  // Premature closure.
  double monthly_closure_hazard = 0.01;
  double closeness_hazard_slope = 1.5;
  double supervised_hazard = 0.7;
  double unsupervised_hazard = 1.5;
  double supervision_window_weeks = 4;
  double stressed_share = 0.25;
  double stress_hazard = 1.5;
  double end_of_year_weeks = 6;
  double end_of_year_hazard = 2;
  double undertraining_hazard = 0.5;
  // The programme's plan, overriding the roles' own when not 0.
  double training_half_days = 0;
  double intervision_interval_weeks = 0;
  double buddy_supportees_max = 0;
  double coaches = 0;
  // Rematching, applied to the school's rematch policy.
  double rematching = 1;
  double rematch_pause_days = 28;
  double rematch_min_days_left = 91;
  double max_rematches = 1;
  double rematch_after_any_reason = 0;
  // Escalations by need.
  double weekly_escalation_rate = 0.005;
  double stress_escalation = 3;
  double urgent_share = 0.25;
  double safety_share = 0.05;
  double response_on_time = 0.9;
  double response_on_time_without_coach = 0.5;
  double safety_closes_pair = 0.3;
  // Intervision.
  double intervision_attendance = 0.85;
  // Outcomes.
  double effect_supervised = 0.45;
  double effect_unsupervised = 0.2;
  double min_effect_weeks = 13;
  double rematch_effect = -0.1;
  double absent_supporter_share = 0.34;
  double absent_supporter_effect = -0.05;
  // Staff.
  double coach_weekly_turnover = 0.002;
  double coach_loss_month = 0;
  double coach_succession_weeks = 6;
  // The school's support base (draagvlak) over years.
  double support_half_life_years = 2;
  double support_loss_on_turnover = 0.15;
  double support_gain_per_training = 0.1;
  double support_floor = 0.25;
  double supporter_return_share = 0.4;
  double acceptance_share = 0.6;
  // Who is left without a supporter, and late matches.
  double weekly_late_match = 0;

  friend bool operator==(const model_parameters&, const model_parameters&) = default;
};

/// Whether a study measured a parameter or a scenario assumes it.
enum class parameter_basis { source, study, assumption };

/// One row of the parameter table.
struct parameter_info {
  std::string_view name;
  double model_parameters::* field;
  double low;
  double high;
  bool integer;
  std::string_view unit;
  parameter_basis basis;
  std::string_view reference;  ///< the source or study; for an assumption, what it rests on
  std::string_view meaning;
};

/// The parameters in the order docs/simulation.md and result files list them.
[[nodiscard]] inline const auto& parameter_table() noexcept {
  using p = model_parameters;
  using enum parameter_basis;
  static constexpr std::array rows{
      parameter_info{"meeting_attendance", &p::meeting_attendance, 0, 1, false, "share", assumption,
                     "Petit et al. 2014: peer support contact hours below plan; Bernstein et al. "
                     "2009 reached about 0.97 of weekly (the US trial preset)",
                     "chance that a planned meeting of an active pair is held"},
      parameter_info{"initial_closeness", &p::initial_closeness, 0, 1, false, "0..1", assumption,
                     "a scale of the model", "closeness of a pair at its first meeting"},
      parameter_info{"closeness_gain", &p::closeness_gain, 0, 1, false, "share of the gap",
                     assumption,
                     "Bayer, Grossman & DuBois 2013: weekly one-to-one meetings predict closeness",
                     "a held meeting closes this share of the gap to full closeness"},
      parameter_info{"closeness_loss", &p::closeness_loss, 0, 1, false, "share", assumption,
                     "Karcher 2005: inconsistent attendance harms",
                     "a missed meeting loses this share of the closeness"},
      parameter_info{"bonding_gain", &p::bonding_gain, 0, 1, false, "share of the gap", source,
                     "source 001: bonding activities in the first one to two months",
                     "a bonding activity closes this share of the gap to full closeness"},
      parameter_info{"monthly_closure_hazard", &p::monthly_closure_hazard, 0, 1, false, "per month",
                     study,
                     "Hoofdvaart (source 001): 1 of 14 pairs stopped in the year; STAR (OJJDP "
                     "2017) 31% closed within 12 months as the upper reference",
                     "chance a pair ends early in a month, before its multipliers"},
      parameter_info{"closeness_hazard_slope", &p::closeness_hazard_slope, 0, 10, false,
                     "per unit of closeness", assumption,
                     "Herrera et al. 2000; Grossman & Rhodes 2002: relationship quality predicts "
                     "early termination",
                     "the hazard is multiplied by exp(slope × (0.5 − closeness))"},
      parameter_info{"supervised_hazard", &p::supervised_hazard, 0, 10, false, "multiplier",
                     assumption, "domain research: ×0.7 with regular intervision and training",
                     "hazard multiplier while the supporter attended intervision recently"},
      parameter_info{"unsupervised_hazard", &p::unsupervised_hazard, 0, 10, false, "multiplier",
                     assumption, "domain research: ×1.3–2 for a teen supporter without intervision",
                     "hazard multiplier while the supporter did not"},
      parameter_info{"supervision_window_weeks", &p::supervision_window_weeks, 1, 52, true, "weeks",
                     assumption, "a scale of the model",
                     "intervision attended this recently counts as supervision"},
      parameter_info{"stressed_share", &p::stressed_share, 0, 1, false, "share", assumption,
                     "Grossman et al. 2012: high baseline stress raises early closure",
                     "share of supportees under high stress"},
      parameter_info{"stress_hazard", &p::stress_hazard, 0, 10, false, "multiplier", assumption,
                     "domain research: ×1.5 for a stressed supportee",
                     "hazard multiplier for a stressed supportee"},
      parameter_info{"end_of_year_weeks", &p::end_of_year_weeks, 0, 20, true, "weeks", assumption,
                     "Herrera et al. 2011: matches fade towards the summer",
                     "the last teaching weeks in which the end-of-year multiplier applies"},
      parameter_info{"end_of_year_hazard", &p::end_of_year_hazard, 0, 10, false, "multiplier",
                     assumption, "Herrera et al. 2011", "hazard multiplier in those weeks"},
      parameter_info{"undertraining_hazard", &p::undertraining_hazard, 0, 10, false,
                     "per missing share", assumption,
                     "NMRC: pre-match training rated insufficient research",
                     "hazard grows by this × the share of the role's training left out"},
      parameter_info{"training_half_days", &p::training_half_days, 0, 10, true, "half-days", source,
                     "source 001: three half-days; Hoofdvaart 2 × 4 hours",
                     "training sessions supporters got, against their role's; 0: the role's own"},
      parameter_info{"intervision_interval_weeks", &p::intervision_interval_weeks, 0, 12, true,
                     "weeks", source, "source 000: every two weeks; newcomer buddies 3–4 weeks",
                     "weeks between intervision sessions of every role; 0 keeps each role's own"},
      parameter_info{"buddy_supportees_max", &p::buddy_supportees_max, 0, 4, true, "students",
                     source, "source 000: a buddy supports one or two students",
                     "most supportees per buddy; 0 keeps each role's own"},
      parameter_info{"coaches", &p::coaches, 0, 100, true, "teacher coaches", source,
                     "source 000 step 7: more teacher coaches, so it does not depend on a few",
                     "teacher coaches who lead intervision; 0 keeps the school's own"},
      parameter_info{"rematching", &p::rematching, 0, 1, true, "0 or 1", source,
                     "the school's rematch policy", "whether a supportee may get a new supporter"},
      parameter_info{"rematch_pause_days", &p::rematch_pause_days, 0, 365, true, "days", source,
                     "the school's rematch policy", "days between an early end and a new match"},
      parameter_info{"rematch_min_days_left", &p::rematch_min_days_left, 0, 365, true, "days",
                     study,
                     "Grossman & Rhodes 2002: matches under about three months show no effect",
                     "a new match needs this much of the school year left"},
      parameter_info{"max_rematches", &p::max_rematches, 0, 10, true, "per supportee", source,
                     "the school's rematch policy", "new supporters per supportee in a year"},
      parameter_info{"rematch_after_any_reason", &p::rematch_after_any_reason, 0, 1, true, "0 or 1",
                     assumption, "an eager school",
                     "rematch after every early end, not only the policy's reasons"},
      parameter_info{"weekly_escalation_rate", &p::weekly_escalation_rate, 0, 1, false,
                     "per pair-week", assumption,
                     "source 000 describes the route, no study counts escalations",
                     "chance that a supporter raises a problem in a teaching week"},
      parameter_info{"stress_escalation", &p::stress_escalation, 0, 100, false, "multiplier",
                     assumption, "escalations by need", "for a stressed supportee"},
      parameter_info{"urgent_share", &p::urgent_share, 0, 1, false, "share", assumption,
                     "escalations by need",
                     "share of escalations that are urgent (an adult within a day)"},
      parameter_info{"safety_share", &p::safety_share, 0, 1, false, "share", assumption,
                     "escalations by need", "share of escalations about someone's safety"},
      parameter_info{"response_on_time", &p::response_on_time, 0, 1, false, "share", assumption,
                     "source 000: the coach is reachable in between",
                     "chance staff respond within the deadline while the coach is there"},
      parameter_info{"response_on_time_without_coach", &p::response_on_time_without_coach, 0, 1,
                     false, "share", assumption, "losing the coach",
                     "the same while the group has no coach"},
      parameter_info{"safety_closes_pair", &p::safety_closes_pair, 0, 1, false, "share", assumption,
                     "source 000: problems must not be too heavy for a peer",
                     "chance a safety escalation ends the pair (support too heavy)"},
      parameter_info{"intervision_attendance", &p::intervision_attendance, 0, 1, false, "share",
                     assumption, "no study measures it",
                     "chance a supporter attends a session that is held"},
      parameter_info{"effect_supervised", &p::effect_supervised, -2, 2, false, "SD", study,
                     "Burton et al. 2022: cross-age peer mentoring g = 0.45, larger with oversight",
                     "effect of a full, close year with a supervised supporter"},
      parameter_info{"effect_unsupervised", &p::effect_unsupervised, -2, 2, false, "SD", study,
                     "Raposa et al. 2019: g = 0.21", "the same without supervision"},
      parameter_info{"min_effect_weeks", &p::min_effect_weeks, 0, 52, true, "weeks", study,
                     "Grossman & Rhodes 2002; Grossman et al. 2012: short matches show no effect",
                     "a match shorter than this has no effect"},
      parameter_info{"rematch_effect", &p::rematch_effect, -2, 2, false, "SD", study,
                     "Grossman et al. 2012: rematched youth did worse (size assumed)",
                     "effect for a supportee who was rematched"},
      parameter_info{"absent_supporter_share", &p::absent_supporter_share, 0, 1, false, "share",
                     study, "domain research: more than about 1 in 3 planned meetings missed",
                     "a supporter who misses more than this share of meetings is absent"},
      parameter_info{"absent_supporter_effect", &p::absent_supporter_effect, -2, 2, false, "SD",
                     study, "Karcher 2005: absent mentors may do more harm than good",
                     "effect for a supportee of an absent supporter"},
      parameter_info{"coach_weekly_turnover", &p::coach_weekly_turnover, 0, 1, false, "per week",
                     assumption, "no study gives a figure",
                     "chance a teacher coach leaves in a week"},
      parameter_info{"coach_loss_month", &p::coach_loss_month, 0, 12, true, "month", assumption,
                     "a scenario", "the first coach leaves in this month's first week; 0: never"},
      parameter_info{"coach_succession_weeks", &p::coach_succession_weeks, 0, 52, true, "weeks",
                     source, "source 000 step 7: a successor always ready",
                     "weeks until a successor takes over a group; 0: none this year"},
      parameter_info{"support_half_life_years", &p::support_half_life_years, 0.1, 50, false,
                     "years", assumption, "domain research: no decay curve found; 1–3 years",
                     "half-life of the school's support base"},
      parameter_info{"support_loss_on_turnover", &p::support_loss_on_turnover, 0, 1, false, "share",
                     assumption, "source 000 step 7: staff turnover",
                     "support lost when a coach leaves"},
      parameter_info{"support_gain_per_training", &p::support_gain_per_training, 0, 1, false,
                     "share", assumption, "source 000 step 7: keep working on support",
                     "support renewed by each year's training round"},
      parameter_info{"support_floor", &p::support_floor, 0, 1, false, "0..1", assumption,
                     "source 000: enthusiasm that fades after a good start",
                     "below this support the programme stops"},
      parameter_info{"supporter_return_share", &p::supporter_return_share, 0, 1, false, "share",
                     assumption, "supporters in their last year leave",
                     "share of a year's supporters who support again the next year"},
      parameter_info{"acceptance_share", &p::acceptance_share, 0, 1, false, "share", source,
                     "Hoofdvaart (source 001): 25 applicants, 15 chosen",
                     "share of applicants chosen in later years"},
      parameter_info{"weekly_late_match", &p::weekly_late_match, 0, 1, false, "per week",
                     assumption, "Bernstein et al. 2009: 14% never matched",
                     "chance a waiting supportee is matched in a week, when a supporter is free"},
  };
  return rows;
}

/// The row of the parameter called `name`, if any.
[[nodiscard]] inline const parameter_info* find_parameter(std::string_view name) noexcept {
  for (const auto& row : parameter_table())
    if (row.name == name) return &row;
  return nullptr;
}

/// Sets the parameter called `name`. Throws peerkit::error located at `where`
/// (simulation.unknown_parameter, data.out_of_range) and then changes nothing.
inline void set_parameter(model_parameters& p, std::string_view name, double value,
                          const std::string& where) {
  const auto* row = find_parameter(name);
  if (!row) {
    // The name comes from a file: echo a bounded part of it.
    constexpr std::size_t echoed = 40;
    throw error("simulation.unknown_parameter", where,
                "the model has no parameter \"" + std::string(name.substr(0, echoed)) +
                    (name.size() > echoed ? "…" : "") + "\" (docs/simulation.md lists them)");
  }
  if (!(value >= row->low && value <= row->high) || (row->integer && value != std::floor(value)))
    throw error("data.out_of_range", where,
                std::string(row->name) + " must be " + (row->integer ? "a whole number " : "") +
                    "within " + detail::shortest_number(row->low) + ".." +
                    detail::shortest_number(row->high) + ", found " +
                    detail::shortest_number(value));
  p.*(row->field) = value;
}

/// The value of the parameter called `name`, if the model has one.
[[nodiscard]] inline std::optional<double> parameter_value(const model_parameters& p,
                                                           std::string_view name) noexcept {
  const auto* row = find_parameter(name);
  if (!row) return std::nullopt;
  return p.*(row->field);
}

}  // namespace peerkit
