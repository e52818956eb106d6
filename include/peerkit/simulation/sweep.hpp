#pragma once
// Experiments: design points × replications, each run a pure function of (plan, point,
// seed, replication), run on threads and handed over in run order (run = point ×
// replications + replication), so the output is the same bytes for any thread count. By
// default replication r uses the same random streams at every point (common random
// numbers), which makes differences between points paired comparisons.
//
//   sweep s{.points = points_of(full_factorial({{"intervision_interval_weeks", {2, 4}}}), {}),
//           .replications = 100, .seed = 7};
//   sweep_summary summary(s);
//   run_sweep(s, plan_for, 2, [&](run_outcome<simulation_run>&& r) { summary.add(r); });

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include <peerkit/core/error.hpp>
#include <peerkit/experiment/design.hpp>
#include <peerkit/experiment/ordered_runs.hpp>
#include <peerkit/experiment/statistics.hpp>
#include <peerkit/simulation/parameters.hpp>
#include <peerkit/simulation/population.hpp>
#include <peerkit/simulation/year_simulation.hpp>

namespace peerkit {

/// A design point: its name and the model's numbers there.
struct sweep_point {
  std::string name;
  model_parameters parameters{};
  friend bool operator==(const sweep_point&, const sweep_point&) = default;
};

/// An experiment.
struct sweep {
  std::vector<sweep_point> points;
  int replications = 1;
  std::uint64_t seed = 1;
  bool common_random_numbers = true;  ///< false: every point has streams of its own
  int years = 1;
  rematch_policy rematch{};  ///< the school's, before the parameters adjust it
  bool weeks = false;        ///< keep each run's weekly series
};

/// The points of design `d`, each `base` with the design's values set; named after
/// their values ("intervision_interval_weeks=2"). Throws peerkit::error located at
/// design.points[i] and the factor's name for unknown factors and values out of their range.
[[nodiscard]] inline std::vector<sweep_point> points_of(const design& d,
                                                        const model_parameters& base) {
  std::vector<sweep_point> out;
  problem_list problems;
  for (std::size_t i = 0; i < d.points.size(); ++i) {
    sweep_point point{{}, base};
    for (std::size_t j = 0; j < d.factors.size() && j < d.points[i].size(); ++j) {
      try {
        set_parameter(point.parameters, d.factors[j], d.points[i][j],
                      element_location("design.points", i, d.factors[j]));
      } catch (const error& e) {
        for (const auto& p : e.problems()) problems.add(p.id, p.location, p.message);
      }
      point.name += (j ? " " : "") + d.factors[j] + '=' + detail::shortest_number(d.points[i][j]);
    }
    out.push_back(std::move(point));
  }
  problems.throw_if_any();
  return out;
}

/// The streams of a run: the sweep's seed, the point (only without common random
/// numbers) and the replication.
[[nodiscard]] inline stream_key run_key(const sweep& s, std::size_t point,
                                        std::size_t replication) {
  return {s.seed, s.common_random_numbers ? 0u : static_cast<std::uint32_t>(point),
          static_cast<std::uint32_t>(replication), 0, 0};
}

/// One run of an experiment.
struct simulation_run {
  std::size_t run = 0;
  std::size_t point = 0;
  std::size_t replication = 0;
  stream_key key{};
  std::vector<year_outcome> years;
  std::vector<week_ended_event> weeks;  ///< when the sweep keeps them
};

/// Keeps the weekly series of a run.
struct weekly_series {
  std::vector<week_ended_event>& weeks;
  void on(const week_ended_event& e) { weeks.push_back(e); }
};

/// The runs of `s`, each a pure function of the sweep and its run id: `runs(id)` simulates
/// run `id` and may be called from several threads or processes at once.
/// `plan_for(const model_parameters&)` gives the population a point starts from; it is
/// called here, once for each distinct plan (points that differ only in the year's
/// processes share one). A plan that throws makes every run of its points throw its text.
/// `s` must outlive it.
template <SimulationProcesses Processes = default_processes>
class sweep_runs {
 public:
  template <class PlanFor>
  sweep_runs(const sweep& s, PlanFor&& plan_for)
      : sweep_(s), replications_(static_cast<std::size_t>(std::max(0, s.replications))) {
    // Plans depend only on the parameters that change the plan.
    using plan_key = std::tuple<double, double, double, double>;
    std::map<plan_key, std::size_t> plan_index;
    for (const auto& point : s.points) {
      const auto& p = point.parameters;
      const plan_key key{p.training_half_days, p.intervision_interval_weeks, p.buddy_supportees_max,
                         p.coaches};
      auto [it, fresh] = plan_index.emplace(key, plans_.size());
      if (fresh) {
        try {
          plans_.emplace_back(plan_for(p));
          plan_errors_.emplace_back();
        } catch (const std::exception& e) {
          plans_.emplace_back();
          plan_errors_.emplace_back(e.what());
        }
      }
      plan_of_point_.push_back(it->second);
    }
  }

  /// How many runs the sweep has: points × replications.
  [[nodiscard]] std::size_t size() const noexcept { return sweep_.points.size() * replications_; }

  [[nodiscard]] simulation_run operator()(std::size_t run) const {
    simulation_run r{run, run / replications_, run % replications_, {}, {}, {}};
    r.key = run_key(sweep_, r.point, r.replication);
    const auto plan = plan_of_point_[r.point];
    if (!plans_[plan]) throw std::runtime_error(plan_errors_[plan]);
    const simulation_settings settings{sweep_.points[r.point].parameters, sweep_.rematch,
                                       sweep_.years};
    if (sweep_.weeks)
      r.years = simulate<Processes>(*plans_[plan], settings, r.key, weekly_series{r.weeks});
    else
      r.years = simulate<Processes>(*plans_[plan], settings, r.key);
    return r;
  }

 private:
  const sweep& sweep_;
  std::size_t replications_;
  std::vector<std::optional<population>> plans_;
  std::vector<std::string> plan_errors_;
  std::vector<std::size_t> plan_of_point_;
};

/// Runs `s` (or the runs of `range`) on `threads` threads and hands every run to
/// `commit(run_outcome<simulation_run>&&)` in run order; a run that fails is handed over
/// with its error and the rest go on. `plan_for` is sweep_runs's: called once for each
/// distinct plan before any run starts.
template <SimulationProcesses Processes = default_processes, class PlanFor, class Commit,
          class Progress = no_progress>
void run_sweep(const sweep& s, PlanFor&& plan_for, unsigned threads, Commit&& commit,
               Progress&& progress = {}, std::optional<run_range> range = std::nullopt) {
  const sweep_runs<Processes> runs(s, std::forward<PlanFor>(plan_for));
  run_in_order(range.value_or(run_range{0, runs.size()}), threads, runs,
               std::forward<Commit>(commit), std::forward<Progress>(progress));
}

/// A figure of a simulated year that summaries report.
struct year_figure {
  std::string_view name;
  double (*of)(const year_summary&);
};

/// The figures summaries report, in their order.
[[nodiscard]] inline const auto& summary_figures() noexcept {
  static constexpr std::array figures{
      year_figure{"early_share", [](const year_summary& y) { return y.early_share; }},
      year_figure{"months_supported", [](const year_summary& y) { return y.months_supported; }},
      year_figure{"meetings_per_month", [](const year_summary& y) { return y.meetings_per_month; }},
      year_figure{"never_matched_share",
                  [](const year_summary& y) {
                    return y.supportees ? double(y.never_matched) / y.supportees : 0.0;
                  }},
      year_figure{"rematches", [](const year_summary& y) { return double(y.rematches); }},
      year_figure{"late_escalation_share",
                  [](const year_summary& y) {
                    return y.escalations ? double(y.escalations_late) / y.escalations : 0.0;
                  }},
      year_figure{"sessions_held_share",
                  [](const year_summary& y) {
                    return y.sessions_planned ? double(y.sessions_held) / y.sessions_planned : 0.0;
                  }},
      year_figure{"mean_effect", [](const year_summary& y) { return y.mean_effect; }},
      year_figure{"support", [](const year_summary& y) { return y.support; }},
  };
  return figures;
}

/// Summaries per design point and year of every figure, with 95% intervals, and the
/// paired difference of each point from the first point (the same replications). Fed in
/// run order; keeps only the first point's figures per replication, so memory does not
/// grow with the number of points.
class sweep_summary {
 public:
  /// One row of the summary.
  struct row {
    std::size_t point = 0;
    int year = 0;
    std::string_view figure;
    running_summary values;
    std::optional<running_summary> difference;  ///< from the first point; none at point 0
    std::size_t failed = 0;
  };

  explicit sweep_summary(const sweep& s) : paired_(s.points.size() > 1) {}

  void add(const run_outcome<simulation_run>& r) {
    if (!r.result) {
      ++failed_;
      return;
    }
    const auto point = r.result->point;
    for (const auto& y : r.result->years) {
      const auto& fs = summary_figures();
      for (std::size_t f = 0; f < fs.size(); ++f) {
        const double v = fs[f].of(y.summary);
        auto& row = row_of(point, y.summary.year, f);
        row.values.add(v);
        const auto base_key = std::tuple{r.result->replication, y.summary.year, f};
        if (point == 0) {
          if (paired_) base_[base_key] = v;
        } else if (auto it = base_.find(base_key); it != base_.end()) {
          if (!row.difference) row.difference.emplace();
          row.difference->add(v - it->second);
        }
      }
    }
  }

  /// The rows, by point, year and figure.
  [[nodiscard]] std::vector<row> rows() const {
    std::vector<row> out;
    for (const auto& [key, r] : rows_) out.push_back(r);
    return out;
  }
  /// Runs that failed.
  [[nodiscard]] std::size_t failed() const noexcept { return failed_; }

 private:
  row& row_of(std::size_t point, int year, std::size_t figure) {
    auto [it, fresh] = rows_.try_emplace(std::tuple{point, year, figure});
    if (fresh) {
      it->second.point = point;
      it->second.year = year;
      it->second.figure = summary_figures()[figure].name;
    }
    return it->second;
  }

  bool paired_;
  std::map<std::tuple<std::size_t, int, std::size_t>, row> rows_;
  std::map<std::tuple<std::size_t, int, std::size_t>, double> base_;
  std::size_t failed_ = 0;
};

}  // namespace peerkit
