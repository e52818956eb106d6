#pragma once
// A simulation's results written as the runs come, in run order, so that memory stays
// flat however many runs an experiment has and the bytes are the same for any thread
// count:
//
//   runs     one row per run and year: the seed, every figure of the year (an error for a
//            run that failed)
//   pairs    one row per pair of each run and year (when outputs.pairs)
//   weeks    one row per week of each run (when outputs.weeks)
//   points   one row per design point with every parameter of the model
//   summary  per point, year and figure: mean, sd, 95% interval and the paired difference
//            from the first point
//   survival.svg, outcomes.svg   charts of each point (when outputs.charts), from the
//            first chart_replications replications of each point
//
// A killed run leaves no half file where the results go: everything is written under a
// temporary directory (a new output directory's own temporary name, or ".simulation.tmp"
// inside an existing one) and moved into place only when complete.
//
//   io::simulation_output out("results", doc.experiment, doc.outputs, table_format::csv,
//                             {{"scenario.json"}, false});
//   run_sweep(doc.experiment, plan_for, threads, [&](run_outcome<simulation_run>&& r) {
//     out.add(r);
//   });
//   out.finish();

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <initializer_list>
#include <limits>
#include <memory>
#include <span>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#if __has_include(<unistd.h>)
#include <unistd.h>  // fsync
#endif

#include <peerkit/core/enum_keys.hpp>
#include <peerkit/core/error.hpp>
#include <peerkit/experiment/kaplan_meier.hpp>
#include <peerkit/experiment/ordered_runs.hpp>
#include <peerkit/experiment/statistics.hpp>
#include <peerkit/experiment/svg_charts.hpp>
#include <peerkit/io/output_files.hpp>
#include <peerkit/io/simulation_json.hpp>
#include <peerkit/io/table_writer.hpp>
#include <peerkit/simulation/parameters.hpp>
#include <peerkit/simulation/sweep.hpp>
#include <peerkit/simulation/year_simulation.hpp>

namespace peerkit::io {

/// The charts draw the values of this many replications of each point, the first ones:
/// enough for a smooth curve, and memory stays bounded however many replications run.
inline constexpr std::size_t chart_replications = 500;

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

namespace detail {

/// A table streamed to a file: rows are built in memory and handed to the file after each
/// run, so only one run's rows are held at a time.
class streamed_table {
 public:
  streamed_table(std::filesystem::path path, table_format format, std::vector<std::string> columns)
      : path_(std::move(path)),
        file_(std::fopen(path_.string().c_str(), "wb")),
        writer_(text_, format, std::move(columns)) {
    if (!file_) throw failure("create it");
  }
  streamed_table(const streamed_table&) = delete;
  streamed_table& operator=(const streamed_table&) = delete;
  ~streamed_table() {
    if (file_) std::fclose(file_);
  }

  void write_row(std::span<const table_cell> cells) { writer_.write_row(cells); }
  void write_row(std::initializer_list<table_cell> cells) { writer_.write_row(cells); }

  /// Hands the rows written so far to the file.
  void drain() {
    const auto text = text_.view();
    if (std::fwrite(text.data(), 1, text.size(), file_) != text.size()) throw failure("write it");
    text_.str({});
  }

  /// Drains, flushes to disk and closes the file.
  void close() {
    drain();
    bool done = std::fflush(file_) == 0;
#if __has_include(<unistd.h>)
    done = done && ::fsync(::fileno(file_)) == 0;
#endif
    done = std::fclose(file_) == 0 && done;
    file_ = nullptr;
    if (!done) throw failure("write it");
  }

 private:
  [[nodiscard]] error failure(const std::string& what) const {
    return error("io.write_failed", path_.string(),
                 "expected to write the file, failed to " + what);
  }

  std::filesystem::path path_;
  std::FILE* file_;
  std::ostringstream text_;
  table_writer writer_;
};

inline std::string iso_date(date d) { return boost::gregorian::to_iso_extended_string(d); }

}  // namespace detail

/// Writes the results of the sweep `s` into directory `dir` as the runs come: add() each
/// run in run order, then finish(). Checks the output before the first run, as
/// write_output_directory() does: `dir` is new or empty (unless `policy.force`) and no
/// file written is an input. Throws peerkit::error (io.not_a_directory,
/// io.directory_not_empty, io.output_is_input, io.output_is_directory, io.write_failed).
/// Destroyed before finish(), it removes what it wrote and leaves `dir` as it was. `s`
/// must outlive it.
class simulation_output {
 public:
  simulation_output(const std::filesystem::path& dir, const sweep& s, simulation_outputs outputs,
                    table_format format, const output_policy& policy)
      : sweep_(s),
        outputs_(outputs),
        format_(format),
        out_(detail::without_trailing_separator(dir)),
        summary_(s),
        survival_(s.points.size()),
        effects_(s.points.size()) {
    namespace fs = std::filesystem;
    problem_list problems;
    std::error_code ec;
    exists_ = fs::exists(out_, ec);
    if (exists_ && !fs::is_directory(out_, ec))
      problems.add("io.not_a_directory", out_.string(),
                   "expected a directory for the output, found a file");
    else if (exists_ && !policy.force &&
             fs::directory_iterator(out_, ec) != fs::directory_iterator())
      problems.add("io.directory_not_empty", out_.string(),
                   "expected a new or empty directory for the output, found one that holds "
                   "files; name another directory or allow writing into it (force)");
    std::vector<fs::path> targets;
    for (const auto& name : file_names()) {
      const auto target = out_ / name;
      detail::check_target(target, targets, policy, problems);
      targets.push_back(target);
    }
    problems.throw_if_any();
    create_fill_directory();

    const auto table = [&](std::string_view name, std::vector<std::string> columns) {
      return std::make_unique<detail::streamed_table>(fill_ / file_name(name), format_,
                                                      std::move(columns));
    };
    std::vector<std::string> run_columns{"run", "point", "scenario", "replication", "seed", "year"};
    for (const auto& c : year_columns()) run_columns.emplace_back(c.name);
    run_columns.emplace_back("error");
    runs_ = table("runs", std::move(run_columns));
    if (outputs_.pairs)
      pairs_ = table("pairs", {"run", "point", "replication", "year", "pair_index", "pair", "role",
                               "started", "ended", "reason", "early", "rematch", "meetings_planned",
                               "meetings_held", "closeness"});
    if (outputs_.weeks)
      weeks_ = table("weeks", {"run", "point", "replication", "year", "monday", "active_pairs",
                               "meetings_held", "mean_closeness"});
  }

  simulation_output(const simulation_output&) = delete;
  simulation_output& operator=(const simulation_output&) = delete;

  ~simulation_output() {
    runs_.reset();
    pairs_.reset();
    weeks_.reset();
    std::error_code ec;
    if (!finished_ && !fill_.empty()) std::filesystem::remove_all(fill_, ec);
  }

  /// Writes one run; runs come in run order.
  void add(const run_outcome<simulation_run>& r) {
    summary_.add(r);
    const auto replications = static_cast<std::size_t>(std::max(1, sweep_.replications));
    const std::size_t point = r.run / replications;
    const std::size_t replication = r.run % replications;
    const auto& name = sweep_.points[point].name;
    if (!r.result) {
      ++failed_;
      std::vector<table_cell> row{r.run, point, name, replication, seed_cell(), {}};
      row.resize(row.size() + year_columns().size());
      row.emplace_back(r.error);
      runs_->write_row(row);
      runs_->drain();
      return;
    }
    const bool charted = outputs_.charts && replication < chart_replications;
    for (const auto& y : r.result->years) {
      std::vector<table_cell> row{r.run, point, name, replication, seed_cell(), y.summary.year};
      for (const auto& c : year_columns()) row.push_back(c.of(y.summary));
      row.emplace_back();
      runs_->write_row(row);
      for (const auto& p : y.pairs) {
        if (pairs_)
          pairs_->write_row({r.run, point, replication, y.summary.year, p.pair_index, p.id.value(),
                             key_of(p.role), detail::iso_date(p.started), detail::iso_date(p.ended),
                             key_of(p.reason), int{p.early}, int{p.rematch}, p.meetings_planned,
                             p.meetings_held, p.closeness});
        if (charted)
          survival_[point].push_back(
              {static_cast<double>((p.ended - p.started).days()) / 7, p.early});
      }
      if (charted)
        effects_[point].insert(effects_[point].end(), y.effects.begin(), y.effects.end());
    }
    if (weeks_) {
      // Every year runs over the same school calendar: a week that is not after the one
      // before starts the next year.
      int year = 0;
      for (std::size_t i = 0; i < r.result->weeks.size(); ++i) {
        const auto& w = r.result->weeks[i];
        if (i > 0 && w.monday <= r.result->weeks[i - 1].monday) ++year;
        weeks_->write_row({r.run, point, replication, year, detail::iso_date(w.monday),
                           w.active_pairs, w.meetings_held, w.mean_closeness});
      }
      weeks_->drain();
    }
    runs_->drain();
    if (pairs_) pairs_->drain();
  }

  /// Runs that failed so far.
  [[nodiscard]] std::size_t failed() const noexcept { return failed_; }

  /// Writes the points, the summary and the charts, and moves every file into place.
  /// Returns the paths written, in the order of the listing above.
  std::vector<std::filesystem::path> finish() {
    namespace fs = std::filesystem;
    runs_->close();
    if (pairs_) pairs_->close();
    if (weeks_) weeks_->close();
    write_file_atomically(fill_ / file_name("points"), points_table());
    write_file_atomically(fill_ / file_name("summary"), summary_table());
    if (outputs_.charts) {
      write_file_atomically(fill_ / "survival.svg", survival_svg());
      write_file_atomically(fill_ / "outcomes.svg", outcomes_svg());
    }
    std::vector<fs::path> written;
    std::error_code ec;
    if (!exists_) {
      fs::rename(fill_, out_, ec);
      if (ec)
        throw error("io.write_failed", out_.string(),
                    "expected to move the finished output into place, failed to rename " +
                        fill_.string() + ": " + ec.message());
    } else {
      for (const auto& name : file_names()) {
        fs::rename(fill_ / name, out_ / name, ec);
        if (ec)
          throw error("io.write_failed", (out_ / name).string(),
                      "expected to move the finished file into place, failed: " + ec.message());
      }
      fs::remove(fill_, ec);
    }
    finished_ = true;
    for (const auto& name : file_names()) written.push_back(out_ / name);
    return written;
  }

 private:
  /// The sweep's seed: a number, or text when it does not fit a signed 64-bit integer.
  [[nodiscard]] table_cell seed_cell() const {
    if (sweep_.seed <= static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
      return sweep_.seed;
    return std::to_string(sweep_.seed);
  }

  [[nodiscard]] std::string file_name(std::string_view table) const {
    return std::string(table) + (format_ == table_format::csv ? ".csv" : ".jsonl");
  }

  [[nodiscard]] std::vector<std::string> file_names() const {
    std::vector<std::string> names{file_name("runs")};
    if (outputs_.pairs) names.push_back(file_name("pairs"));
    if (outputs_.weeks) names.push_back(file_name("weeks"));
    names.push_back(file_name("points"));
    names.push_back(file_name("summary"));
    if (outputs_.charts) {
      names.emplace_back("survival.svg");
      names.emplace_back("outcomes.svg");
    }
    return names;
  }

  /// Where the files are written first: a new directory's temporary name beside it, or a
  /// temporary directory inside an existing one.
  void create_fill_directory() {
    namespace fs = std::filesystem;
    std::error_code ec;
    fs::path parent = out_;
    std::string name = ".simulation";
    if (!exists_) {
      parent = detail::directory_of(out_);
      name = "." + out_.filename().string();
      fs::create_directories(parent, ec);
      if (ec)
        throw error("io.write_failed", out_.string(),
                    "expected to create the output directory, failed to create " + parent.string() +
                        ": " + ec.message());
    }
    for (int n = 0; n < 100 && fill_.empty(); ++n) {
      const auto candidate = parent / (name + (n == 0 ? "" : "." + std::to_string(n)) + ".tmp");
      if (fs::create_directory(candidate, ec)) fill_ = candidate;
      if (ec) break;
    }
    if (fill_.empty())
      throw error("io.write_failed", out_.string(),
                  "expected to create the output directory, failed to create a temporary "
                  "directory in " +
                      parent.string() + (ec ? ": " + ec.message() : std::string()));
  }

  [[nodiscard]] std::string points_table() const {
    std::vector<std::string> columns{"point", "name"};
    for (const auto& p : parameter_table()) columns.emplace_back(p.name);
    std::ostringstream text;
    table_writer writer(text, format_, std::move(columns));
    for (std::size_t i = 0; i < sweep_.points.size(); ++i) {
      std::vector<table_cell> row{i, sweep_.points[i].name};
      for (const auto& p : parameter_table())
        row.emplace_back(sweep_.points[i].parameters.*(p.field));
      writer.write_row(row);
    }
    return std::move(text).str();
  }

  [[nodiscard]] std::string summary_table() const {
    std::ostringstream text;
    table_writer writer(text, format_,
                        {"point", "name", "year", "figure", "n", "mean", "sd", "ci_low", "ci_high",
                         "difference", "difference_ci_low", "difference_ci_high"});
    const auto spread = [](const running_summary& s, std::vector<table_cell>& row, bool sd) {
      row.emplace_back(s.mean());
      if (sd) row.emplace_back(s.count() >= 2 ? table_cell(s.sd()) : table_cell());
      if (s.count() >= 2) {
        const auto ci = confidence_interval(s);
        row.insert(row.end(), {ci.low, ci.high});
      } else {
        row.resize(row.size() + 2);
      }
    };
    for (const auto& r : summary_.rows()) {
      std::vector<table_cell> row{r.point, sweep_.points[r.point].name, r.year, r.figure,
                                  r.values.count()};
      spread(r.values, row, true);
      if (r.difference)
        spread(*r.difference, row, false);
      else
        row.resize(row.size() + 3);
      writer.write_row(row);
    }
    return std::move(text).str();
  }

  [[nodiscard]] std::string survival_svg() const {
    std::vector<named_curve> curves;
    for (std::size_t i = 0; i < sweep_.points.size(); ++i)
      curves.push_back({sweep_.points[i].name, kaplan_meier(survival_[i])});
    return survival_chart("Pairs still running (early end = event)", "weeks since the pair started",
                          curves);
  }

  [[nodiscard]] std::string outcomes_svg() const {
    std::vector<named_values> rows;
    for (std::size_t i = 0; i < sweep_.points.size(); ++i)
      rows.push_back({sweep_.points[i].name, effects_[i]});
    return distribution_chart("Effect per supportee", "effect (standard deviations)", rows);
  }

  const sweep& sweep_;
  simulation_outputs outputs_;
  table_format format_;
  std::filesystem::path out_;
  bool exists_ = false;
  bool finished_ = false;
  std::filesystem::path fill_;
  std::unique_ptr<detail::streamed_table> runs_, pairs_, weeks_;
  sweep_summary summary_;
  std::size_t failed_ = 0;
  std::vector<std::vector<survival_time>> survival_;  // per point, the charted replications
  std::vector<std::vector<double>> effects_;
};

}  // namespace peerkit::io
