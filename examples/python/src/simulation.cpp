// The simulation for Python: the model's parameters, simulations with the tables of
// `peerkit simulate` held in memory, and survival curves.

#include "bindings.hpp"
#include "columns.hpp"

#include <pybind11/numpy.h>
#include <pybind11/stl.h>

#include <peerkit/calendar/holiday_reader.hpp>
#include <peerkit/calendar/holidays.hpp>
#include <peerkit/experiment/kaplan_meier.hpp>
#include <peerkit/io/holiday_json.hpp>
#include <peerkit/io/simulation_json.hpp>
#include <peerkit/io/simulation_tables.hpp>
#include <peerkit/simulation/parameters.hpp>
#include <peerkit/simulation/sweep.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <optional>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace py = pybind11;

namespace peerkit::python {

namespace {

std::string basis_name(parameter_basis b) {
  switch (b) {
    case parameter_basis::source: return "source";
    case parameter_basis::study: return "study";
    case parameter_basis::assumption: return "assumption";
  }
  return {};
}

/// The rows of parameter_table() as columns.
py::dict parameters() {
  const model_parameters defaults;
  std::vector<std::string> name, unit, basis, reference, meaning;
  std::vector<double> value, low, high;
  std::vector<bool> integer;
  for (const auto& row : parameter_table()) {
    name.emplace_back(row.name);
    value.push_back(defaults.*(row.field));
    low.push_back(row.low);
    high.push_back(row.high);
    integer.push_back(row.integer);
    unit.emplace_back(row.unit);
    basis.push_back(basis_name(row.basis));
    reference.emplace_back(row.reference);
    meaning.emplace_back(row.meaning);
  }
  py::dict columns;
  columns["name"] = name;
  columns["default"] = value;
  columns["low"] = low;
  columns["high"] = high;
  columns["integer"] = integer;
  columns["unit"] = unit;
  columns["basis"] = basis;
  columns["reference"] = reference;
  columns["meaning"] = meaning;
  return columns;
}

/// The steps of a Kaplan–Meier curve as columns.
py::dict curve_columns(const survival_curve& curve) {
  column_table steps(
      {"weeks", "at_risk", "events", "censored", "survival", "standard_error", "lower", "upper"});
  for (const auto& s : curve.steps)
    steps.write_row(std::vector<io::table_cell>{s.time, s.at_risk, s.events, s.censored, s.survival,
                                                s.standard_error, s.lower, s.upper});
  return std::move(steps).to_python();
}

/// The Kaplan–Meier curve of the times `weeks`, `ended` telling which ended in the event.
py::dict kaplan_meier_of(const py::array_t<double, py::array::forcecast>& weeks,
                         const py::array_t<bool, py::array::forcecast>& ended, double level) {
  if (weeks.ndim() != 1 || ended.ndim() != 1 || weeks.size() != ended.size())
    throw error("data.inconsistent", "ended",
                "expected one flag for each time of weeks, found " + std::to_string(ended.size()) +
                    " for " + std::to_string(weeks.size()));
  if (!(level > 0 && level < 1))
    throw error("data.out_of_range", "level",
                "expected a level between 0 and 1, found " + std::to_string(level));
  std::vector<survival_time> times;
  const auto w = weeks.unchecked<1>();
  const auto e = ended.unchecked<1>();
  problem_list problems;
  for (py::ssize_t i = 0; i < w.shape(0); ++i) {
    if (std::isfinite(w(i)))
      times.push_back({w(i), e(i)});
    else
      problems.add("data.out_of_range", element_location("weeks", static_cast<std::size_t>(i)),
                   "expected a finite time");
  }
  problems.throw_if_any();
  return curve_columns(kaplan_meier(std::move(times), level));
}

/// The commit's progress: at most every 50 ms and after the last run it takes the GIL,
/// raises KeyboardInterrupt on Ctrl-C and reports to the caller's callable. What it
/// raises ends run_sweep, which stops its workers and lets it through.
class python_progress {
 public:
  explicit python_progress(py::object report) : report_(std::move(report)) {}

  void operator()(std::size_t done, std::size_t total) {
    const auto now = clock::now();
    if (done != total && now - last_ < interval) return;
    last_ = now;
    const py::gil_scoped_acquire gil;
    if (PyErr_CheckSignals() != 0) throw py::error_already_set();
    if (!report_.is_none()) report_(done, total);
  }

 private:
  using clock = std::chrono::steady_clock;
  static constexpr auto interval = std::chrono::milliseconds(50);
  py::object report_;
  clock::time_point last_ = clock::now();
};

/// What `peerkit simulate` does, with its tables kept in memory: the document (the text
/// of `file`, or the file itself), the holidays shipped and given, the runs on `threads`
/// threads (0: one per core) with the GIL released.
py::dict simulate(const std::string& file, const std::optional<std::string>& text,
                  const std::string& shipped_holidays, const std::optional<std::string>& holidays,
                  int threads, py::object progress) {
  constexpr int most_threads = 1024;
  if (threads < 0 || threads > most_threads)
    throw py::value_error("threads: expected a whole number from 0 to " +
                          std::to_string(most_threads) + ", found " + std::to_string(threads));
  auto doc = text ? io::read_simulation(*text, file) : io::read_simulation_file(file);
  // The shipped holidays, updated by the given file and then by the document's own.
  auto& cal = doc.calendar;
  cal.holidays = merge_holidays(
      io::read_holidays_updated(
          shipped_holidays,
          holidays ? std::optional<std::filesystem::path>(*holidays) : std::nullopt),
      cal.holidays);
  require_holidays(
      cal.holidays,
      doc.programme ? doc.programme->data.year : school_year_of(doc.synthetic->first_day),
      cal.region);

  const auto& s = doc.experiment;
  column_table runs(io::runs_columns()), pairs(io::pairs_columns(), {"started", "ended"}),
      weeks(io::weeks_columns(), {"monday"});
  sweep_summary summary(s);
  python_progress report(std::move(progress));
  {
    const py::gil_scoped_release released;
    run_sweep(
        s, [&](const model_parameters& p) { return doc.plan_for(p); },
        threads > 0 ? static_cast<unsigned>(threads)
                    : std::max(1u, std::thread::hardware_concurrency()),
        [&](run_outcome<simulation_run>&& r) {
          io::write_run_rows(s, r, runs, doc.outputs.pairs ? &pairs : nullptr,
                             doc.outputs.weeks ? &weeks : nullptr);
          summary.add(r);
        },
        report);
  }
  column_table points(io::points_columns()), summary_rows(io::summary_columns());
  io::write_points(s, points);
  io::write_summary(s, summary, summary_rows);

  py::dict out;
  out["runs"] = std::move(runs).to_python();
  out["pairs"] = std::move(pairs).to_python();
  out["weeks"] = std::move(weeks).to_python();
  out["points"] = std::move(points).to_python();
  out["summary"] = std::move(summary_rows).to_python();
  out["seed"] = s.seed;
  out["replications"] = s.replications;
  return out;
}

}  // namespace

void bind_simulation(py::module_& m) {
  m.def("parameters", &parameters,
        "Every parameter of the model as columns: name, default, low, high, integer, unit, "
        "basis, reference, meaning.");
  m.def("simulate", &simulate, py::arg("file"), py::arg("text"), py::arg("shipped_holidays"),
        py::arg("holidays"), py::arg("threads"), py::arg("progress"),
        "Runs the scenario or sweep document `file` (read from `text` when given) and returns "
        "its tables as columns: runs, pairs, weeks, points, summary; and its seed and "
        "replications.");
  m.def("kaplan_meier", &kaplan_meier_of, py::arg("weeks"), py::arg("ended"),
        py::arg("level") = 0.95,
        "The Kaplan-Meier curve of the times `weeks`, `ended` flagging the ones that ended in "
        "the event, as columns: weeks, at_risk, events, censored, survival, standard_error, "
        "lower, upper.");
}

}  // namespace peerkit::python
