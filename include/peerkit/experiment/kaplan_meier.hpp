#pragma once
// The Kaplan–Meier estimate of a survival curve: the share of subjects (pairs, say) whose
// event (closing, say) has not happened yet by each time, from times that either ended in
// the event or were censored (still running when observation stopped). Greenwood's formula
// gives the variance; the interval is taken on log(-log S), which keeps it inside [0, 1]
// and is better behaved than S ± z·se for small samples.

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <iterator>
#include <optional>
#include <vector>

#include <peerkit/config.hpp>
#include <peerkit/experiment/statistics.hpp>

namespace peerkit {

/// One subject: the time its event happened (ended) or the time it was last seen without
/// it (censored).
struct survival_time {
  double time = 0;  ///< finite
  bool ended = false;
  friend bool operator==(const survival_time&, const survival_time&) = default;
};

/// The curve at one distinct time of the input; it holds until the next step's time.
struct survival_step {
  double time = 0;
  std::size_t at_risk = 0;    ///< subjects whose time is this time or later
  std::size_t events = 0;     ///< subjects that ended at this time
  std::size_t censored = 0;   ///< subjects censored at this time
  double survival = 1;        ///< S(time), after this time's events
  double standard_error = 0;  ///< Greenwood's standard error of S(time)
  double lower = 1;           ///< the log-log interval of S(time)
  double upper = 1;
  friend bool operator==(const survival_step&, const survival_step&) = default;
};

/// A Kaplan–Meier curve: S = 1 before the first step.
struct survival_curve {
  std::size_t subjects = 0;
  double level = 0.95;               ///< of every step's interval
  std::vector<survival_step> steps;  ///< by time, one per distinct time
  friend bool operator==(const survival_curve&, const survival_curve&) = default;
};

/// The Kaplan–Meier curve of `times`, with intervals at `level` (0 < level < 1).
///
/// At each distinct time t with n at risk and d events, S falls by the factor (1 - d/n);
/// Greenwood's variance is S² · Σ d / (n (n - d)) over the times so far, and the interval
/// is S^exp(±z · se(log(-log S))), with se = sqrt(Σ d / (n (n - d))) / |log S|. At S = 1
/// (no event yet) the interval is [1, 1]; at S = 0 it is [0, 0].
/// Ties: subjects censored at a time count as at risk at that time, so events come before
/// censorings at the same time (the usual convention). The result does not depend on the
/// order of `times`.
[[nodiscard]] inline survival_curve kaplan_meier(std::vector<survival_time> times,
                                                 double level = 0.95) {
  PEERKIT_ASSERT(level > 0 && level < 1, "kaplan_meier: 0 < level < 1");
  PEERKIT_ASSERT(std::all_of(times.begin(), times.end(),
                             [](const survival_time& s) { return std::isfinite(s.time); }),
                 "kaplan_meier: every time is finite");
  std::sort(times.begin(), times.end(),
            [](const survival_time& a, const survival_time& b) { return a.time < b.time; });
  const double z = normal_quantile((1 + level) / 2);
  survival_curve curve{times.size(), level, {}};
  double survival = 1;
  double greenwood = 0;  // Σ d / (n (n - d))
  for (auto first = times.begin(); first != times.end();) {
    survival_step step;
    step.time = first->time == 0 ? 0.0 : first->time;  // -0 and 0 are one time: write 0
    step.at_risk = static_cast<std::size_t>(times.end() - first);
    auto last = first;
    for (; last != times.end() && last->time == step.time; ++last)
      ++(last->ended ? step.events : step.censored);
    first = last;
    const double n = static_cast<double>(step.at_risk);
    const double d = static_cast<double>(step.events);
    if (step.events == step.at_risk) {
      survival = 0;
    } else {
      survival *= 1 - d / n;
      greenwood += d / (n * (n - d));
    }
    step.survival = survival;
    step.standard_error = survival * std::sqrt(greenwood);
    if (survival == 0) {
      step.lower = step.upper = 0;
    } else if (greenwood > 0) {
      const double spread = std::exp(z * std::sqrt(greenwood) / std::abs(std::log(survival)));
      step.lower = std::pow(survival, spread);
      step.upper = std::pow(survival, 1 / spread);
    }
    curve.steps.push_back(step);
  }
  return curve;
}

/// S(t): the survival of the last step at or before t; 1 before the first step. After the
/// last step the curve stays at its last value (if that step was a censoring, S is not
/// actually known there).
[[nodiscard]] inline double survival_at(const survival_curve& curve, double t) noexcept {
  const auto after = std::upper_bound(curve.steps.begin(), curve.steps.end(), t,
                                      [](double x, const survival_step& s) { return x < s.time; });
  return after == curve.steps.begin() ? 1.0 : std::prev(after)->survival;
}

/// The median survival time: the first time at which S <= 0.5, or none when the curve stays
/// above one half.
[[nodiscard]] inline std::optional<double> median_survival(const survival_curve& curve) noexcept {
  const auto it = std::find_if(curve.steps.begin(), curve.steps.end(),
                               [](const survival_step& s) { return s.survival <= 0.5; });
  if (it == curve.steps.end()) return std::nullopt;
  return it->time;
}

}  // namespace peerkit
