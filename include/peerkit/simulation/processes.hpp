#pragma once
// The stochastic processes of a simulated year, as one policy: how likely a planned
// meeting is held, how closeness grows and fades, how likely a pair ends early and why,
// how often a supporter raises a problem, and what a supportee gains. default_processes
// states each with its source (parameters.hpp has the numbers); a researcher replaces one
// by deriving and hiding it:
//
//   struct no_stress : default_processes {
//     static double closure_chance(const model_parameters& p, double weekly, const pair_week& w) {
//       auto calm = w;
//       calm.stressed = false;
//       return default_processes::closure_chance(p, weekly, calm);
//     }
//   };
//   simulate_year<no_stress>(plan, settings, key);
//
// The SimulationProcesses concept checks such a policy at compile time. Processes use
// arithmetic only (no library functions that differ between machines).

#include <algorithm>
#include <array>
#include <concepts>

#include <peerkit/core/support_pair.hpp>
#include <peerkit/simulation/parameters.hpp>

namespace peerkit {

/// What the processes see of a pair in a week.
struct pair_week {
  double closeness = 0;
  bool stressed = false;          ///< a supportee under high stress
  bool supervised = false;        ///< a supporter attended intervision recently
  bool end_of_year = false;       ///< in the last teaching weeks
  double training_shortfall = 0;  ///< share of the role's reference training left out
  bool serves_class = false;      ///< a leader duo: no supportee of its own
};

/// What decides a supportee's effect at the end of the year.
struct support_history {
  int weeks = 0;                ///< weeks with a supporter
  int reference_weeks = 1;      ///< the weeks of a full year of support
  double mean_closeness = 0;    ///< over those weeks
  double supervised_share = 0;  ///< share of those weeks the supporter was supervised
  double missed_share = 0;      ///< share of planned meetings missed
  bool rematched = false;       ///< had a new supporter after an early end
};

struct default_processes {
  /// A planned meeting is held with the attendance the studies report.
  static double meeting_chance(const model_parameters& p, const pair_week&) {
    return p.meeting_attendance;
  }
  /// A held meeting closes part of the gap to full closeness; a missed one loses part of
  /// it (Bayer, Grossman & DuBois 2013; Karcher 2005).
  static double closeness_after(const model_parameters& p, double c, bool held) {
    return held ? c + p.closeness_gain * (1 - c) : c - p.closeness_loss * c;
  }
  /// A bonding activity closes part of the gap (source 001).
  static double closeness_after_bonding(const model_parameters& p, double c) {
    return c + p.bonding_gain * (1 - c);
  }
  /// The chance to end early in a week: the base hazard times its multipliers —
  /// closeness (linear around 0.5, never below 0), supervision, stress, the end of the
  /// year and training left out.
  static double closure_chance(const model_parameters& p, double weekly, const pair_week& w) {
    double h = weekly * std::max(0.0, 1 + p.closeness_hazard_slope * (0.5 - w.closeness));
    h *= w.supervised ? p.supervised_hazard : p.unsupervised_hazard;
    if (w.stressed) h *= p.stress_hazard;
    if (w.end_of_year) h *= p.end_of_year_hazard;
    h *= 1 + p.undertraining_hazard * w.training_shortfall;
    return std::min(h, 1.0);
  }
  /// Why a pair ended early, from a uniform draw in [0, 1): supporters end about twice as
  /// often as supportees (STAR, OJJDP 2017). A leader duo has no supportee of its own, so
  /// only its supporters' reasons apply.
  static end_reason closure_reason(const model_parameters&, double u, const pair_week& w) {
    constexpr std::array<std::pair<double, end_reason>, 5> shares{{
        {0.45, end_reason::supporter_withdrew},
        {0.20, end_reason::supporter_left_school},
        {0.15, end_reason::supportee_withdrew},
        {0.12, end_reason::no_click},
        {0.08, end_reason::supportee_left_school},
    }};
    if (w.serves_class) u *= shares[0].first + shares[1].first;
    for (const auto& [share, reason] : shares) {
      if (u < share) return reason;
      u -= share;
    }
    return shares.back().second;
  }
  /// The chance a supporter raises a problem in a teaching week.
  static double escalation_chance(const model_parameters& p, const pair_week& w) {
    return std::min(1.0, p.weekly_escalation_rate * (w.stressed ? p.stress_escalation : 1));
  }
  /// The effect for a supportee in standard deviations: negative after a rematch
  /// (Grossman et al. 2012), none for short matches, harm from an absent supporter
  /// (Karcher 2005), else the supervised and unsupervised effects (Burton et al. 2022;
  /// Raposa et al. 2019) scaled by closeness and by the share of a full year.
  static double effect(const model_parameters& p, const support_history& h) {
    if (h.rematched) return p.rematch_effect;
    if (h.weeks < p.min_effect_weeks) return 0;
    if (h.missed_share > p.absent_supporter_share) return p.absent_supporter_effect;
    const double full = p.effect_supervised * h.supervised_share +
                        p.effect_unsupervised * (1 - h.supervised_share);
    return full * h.mean_closeness * std::min(1.0, double(h.weeks) / h.reference_weeks);
  }
};

/// A policy of the processes of a simulated year.
template <class P>
concept SimulationProcesses = requires(const model_parameters& p, const pair_week& w,
                                       const support_history& h, double x) {
  { P::meeting_chance(p, w) } -> std::convertible_to<double>;
  { P::closeness_after(p, x, true) } -> std::convertible_to<double>;
  { P::closeness_after_bonding(p, x) } -> std::convertible_to<double>;
  { P::closure_chance(p, x, w) } -> std::convertible_to<double>;
  { P::closure_reason(p, x, w) } -> std::same_as<end_reason>;
  { P::escalation_chance(p, w) } -> std::convertible_to<double>;
  { P::effect(p, h) } -> std::convertible_to<double>;
};

static_assert(SimulationProcesses<default_processes>);

}  // namespace peerkit
