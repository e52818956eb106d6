#pragma once
// The tables of a simulation's results, defined once: their columns and the rows each run,
// the design points and the summary give. Any sink with write_row(std::span<const
// table_cell>) takes them, so the files simulation_output writes and tables held in memory
// (peerkit's Python module) have the same columns and the same cells.
//
//   runs     one row per run and year: the seed, every figure of the year (an error for a
//            run that failed)
//   pairs    one row per pair of each run and year
//   weeks    one row per week of each run
//   points   one row per design point with every parameter of the model
//   summary  per point, year and figure: mean, sd, 95% interval and the paired difference
//            from the first point
//
//   table_writer runs(out, table_format::csv, io::runs_columns());
//   run_sweep(s, plan_for, threads, [&](run_outcome<simulation_run>&& r) {
//     io::write_run_rows(s, r, runs, nullptr, nullptr);  // no pairs, no weeks
//   });

#include <algorithm>
#include <array>
#include <concepts>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <limits>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <boost/date_time/gregorian/gregorian.hpp>

#include <peerkit/core/enum_keys.hpp>
#include <peerkit/experiment/ordered_runs.hpp>
#include <peerkit/experiment/statistics.hpp>
#include <peerkit/io/table_writer.hpp>
#include <peerkit/simulation/parameters.hpp>
#include <peerkit/simulation/sweep.hpp>
#include <peerkit/simulation/year_simulation.hpp>

namespace peerkit::io {

/// Where the rows of a table go: a file's table_writer, columns in memory, ….
template <class Sink>
concept table_sink = requires(Sink& sink, std::span<const table_cell> row) { sink.write_row(row); };

/// A field of year_summary as a column of `runs`.
struct year_column {
  std::string_view name;
  table_cell (*of)(const year_summary&);
};

/// The columns of `runs` after run, point, scenario, replication, seed and year: every
/// field of year_summary, in its order.
[[nodiscard]] inline const auto& year_columns() {
  using y = const year_summary&;
  static const std::array columns{
      year_column{"supporters", [](y s) { return table_cell(s.supporters); }},
      year_column{"supportees", [](y s) { return table_cell(s.supportees); }},
      year_column{"pairs", [](y s) { return table_cell(s.pairs); }},
      year_column{"early_endings", [](y s) { return table_cell(s.early_endings); }},
      year_column{"rematches", [](y s) { return table_cell(s.rematches); }},
      year_column{"late_matches", [](y s) { return table_cell(s.late_matches); }},
      year_column{"never_matched", [](y s) { return table_cell(s.never_matched); }},
      year_column{"meetings_planned", [](y s) { return table_cell(s.meetings_planned); }},
      year_column{"meetings_held", [](y s) { return table_cell(s.meetings_held); }},
      year_column{"meetings_per_month", [](y s) { return table_cell(s.meetings_per_month); }},
      year_column{"months_supported", [](y s) { return table_cell(s.months_supported); }},
      year_column{"early_share", [](y s) { return table_cell(s.early_share); }},
      year_column{"escalations", [](y s) { return table_cell(s.escalations); }},
      year_column{"escalations_late", [](y s) { return table_cell(s.escalations_late); }},
      year_column{"sessions_planned", [](y s) { return table_cell(s.sessions_planned); }},
      year_column{"sessions_held", [](y s) { return table_cell(s.sessions_held); }},
      year_column{"coaches_left", [](y s) { return table_cell(s.coaches_left); }},
      year_column{"mean_effect", [](y s) { return table_cell(s.mean_effect); }},
      year_column{"support", [](y s) { return table_cell(s.support); }},
  };
  return columns;
}

[[nodiscard]] inline std::vector<std::string> runs_columns() {
  std::vector<std::string> columns{"run", "point", "scenario", "replication", "seed", "year"};
  for (const auto& c : year_columns()) columns.emplace_back(c.name);
  columns.emplace_back("error");
  return columns;
}

[[nodiscard]] inline std::vector<std::string> pairs_columns() {
  return {"run",   "point",   "replication",      "year",          "pair_index",
          "pair",  "role",    "started",          "ended",         "reason",
          "early", "rematch", "meetings_planned", "meetings_held", "closeness"};
}

[[nodiscard]] inline std::vector<std::string> weeks_columns() {
  return {"run",    "point",        "replication",   "year",
          "monday", "active_pairs", "meetings_held", "mean_closeness"};
}

[[nodiscard]] inline std::vector<std::string> points_columns() {
  std::vector<std::string> columns{"point", "name"};
  for (const auto& p : parameter_table()) columns.emplace_back(p.name);
  return columns;
}

[[nodiscard]] inline std::vector<std::string> summary_columns() {
  return {"point",
          "name",
          "year",
          "figure",
          "n",
          "mean",
          "sd",
          "ci_low",
          "ci_high",
          "difference",
          "difference_ci_low",
          "difference_ci_high"};
}

namespace detail {

inline std::string iso_date(date d) { return boost::gregorian::to_iso_extended_string(d); }

template <table_sink Sink>
void write_cells(Sink& sink, std::initializer_list<table_cell> cells) {
  sink.write_row(std::span<const table_cell>(cells.begin(), cells.size()));
}

}  // namespace detail

/// A seed as a cell: a number, or text when it does not fit a signed 64-bit integer.
[[nodiscard]] inline table_cell seed_cell(std::uint64_t seed) {
  if (seed <= static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) return seed;
  return std::to_string(seed);
}

/// Writes the rows of run `r` of sweep `s` into `runs`, and into `pairs` and `weeks`
/// unless they are null.
template <table_sink Sink>
void write_run_rows(const sweep& s, const run_outcome<simulation_run>& r, Sink& runs, Sink* pairs,
                    Sink* weeks) {
  const auto replications = static_cast<std::size_t>(std::max(1, s.replications));
  const std::size_t point = r.run / replications;
  const std::size_t replication = r.run % replications;
  const auto& name = s.points[point].name;
  if (!r.result) {
    std::vector<table_cell> row{r.run, point, name, replication, seed_cell(s.seed), {}};
    row.resize(row.size() + year_columns().size());
    row.emplace_back(r.error);
    runs.write_row(row);
    return;
  }
  for (const auto& y : r.result->years) {
    std::vector<table_cell> row{r.run, point, name, replication, seed_cell(s.seed), y.summary.year};
    for (const auto& c : year_columns()) row.push_back(c.of(y.summary));
    row.emplace_back();
    runs.write_row(row);
    if (!pairs) continue;
    for (const auto& p : y.pairs)
      detail::write_cells(
          *pairs,
          {r.run, point, replication, y.summary.year, p.pair_index, p.id.value(), key_of(p.role),
           detail::iso_date(p.started), detail::iso_date(p.ended), key_of(p.reason), int{p.early},
           int{p.rematch}, p.meetings_planned, p.meetings_held, p.closeness});
  }
  if (!weeks) return;
  // Every year runs over the same school calendar: a week that is not after the one
  // before starts the next year.
  const auto& series = r.result->weeks;
  int year = 0;
  for (std::size_t i = 0; i < series.size(); ++i) {
    const auto& w = series[i];
    if (i > 0 && w.monday <= series[i - 1].monday) ++year;
    detail::write_cells(*weeks, {r.run, point, replication, year, detail::iso_date(w.monday),
                                 w.active_pairs, w.meetings_held, w.mean_closeness});
  }
}

/// Writes a row per design point of `s`: its number, name and every parameter.
template <table_sink Sink>
void write_points(const sweep& s, Sink& points) {
  for (std::size_t i = 0; i < s.points.size(); ++i) {
    std::vector<table_cell> row{i, s.points[i].name};
    for (const auto& p : parameter_table()) row.emplace_back(s.points[i].parameters.*(p.field));
    points.write_row(row);
  }
}

/// Writes the rows of `summary`, of sweep `s`; a spread of fewer than two values has no
/// sd and no interval.
template <table_sink Sink>
void write_summary(const sweep& s, const sweep_summary& summary, Sink& out) {
  const auto spread = [](const running_summary& values, std::vector<table_cell>& row, bool sd) {
    row.emplace_back(values.mean());
    if (sd) row.emplace_back(values.count() >= 2 ? table_cell(values.sd()) : table_cell());
    if (values.count() >= 2) {
      const auto ci = confidence_interval(values);
      row.insert(row.end(), {ci.low, ci.high});
    } else {
      row.resize(row.size() + 2);
    }
  };
  for (const auto& r : summary.rows()) {
    std::vector<table_cell> row{r.point, s.points[r.point].name, r.year, r.figure,
                                r.values.count()};
    spread(r.values, row, true);
    if (r.difference)
      spread(*r.difference, row, false);
    else
      row.resize(row.size() + 3);
    out.write_row(row);
  }
}

}  // namespace peerkit::io
