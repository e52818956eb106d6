// peerkit-mpi: a sweep's runs on the ranks of an MPI job, its results written by rank 0
// with the same bytes as `peerkit simulate`.
//   mpirun -np 64 peerkit-mpi SWEEP.json --output DIR [--format csv|jsonl]
// Every rank reads the sweep document (so it must be on a file system they all see) and
// plans its points; rank 0 checks the output directory, hands out the runs and writes.
// Exit codes as the tool's: 0 ok, 1 usage, 2 bad input or failed runs, 4 output refused.

#include <mpi.h>

#include <filesystem>
#include <iostream>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include <peerkit/calendar/holiday_reader.hpp>
#include <peerkit/experiment/mpi_runs.hpp>
#include <peerkit/io/simulation_json.hpp>
#include <peerkit/io/simulation_output.hpp>
#include <peerkit/simulation/run_codec.hpp>

using namespace peerkit;
namespace fs = std::filesystem;

namespace {

enum exit_code { ok = 0, usage = 1, bad_input = 2, output_refused = 4 };

struct arguments {
  fs::path sweep;
  fs::path output;
  io::table_format format = io::table_format::csv;
};

/// The arguments, or none after a usage message (on rank 0).
std::optional<arguments> parse(int argc, char** argv, bool speak) {
  arguments a;
  std::optional<fs::path> output;
  std::string_view wrong;
  for (int i = 1; i < argc && wrong.empty(); ++i) {
    const std::string_view arg = argv[i];
    const bool has_value = i + 1 < argc;
    if (arg == "--output" && has_value) {
      output = argv[++i];
    } else if (arg == "--format" && has_value) {
      const std::string_view f = argv[++i];
      if (f == "csv")
        a.format = io::table_format::csv;
      else if (f == "jsonl")
        a.format = io::table_format::json_lines;
      else
        wrong = "--format takes csv or jsonl";
    } else if (a.sweep.empty() && !arg.starts_with("-")) {
      a.sweep = arg;
    } else {
      wrong = arg;
    }
  }
  if (wrong.empty() && !a.sweep.empty() && output) {
    a.output = *output;
    return a;
  }
  if (speak)
    std::cerr << "usage: peerkit-mpi SWEEP.json --output DIR [--format csv|jsonl]"
              << (wrong.empty() ? "" : "\npeerkit-mpi: not understood: ") << wrong << "\n";
  return std::nullopt;
}

const fs::path shipped_holidays = fs::path(PEERKIT_SAMPLE_DIR) / "school_holidays_nl.csv";

/// The document with the shipped holidays updated by its own, as `peerkit simulate` reads it.
io::simulation_document read_document(const fs::path& path) {
  auto doc = io::read_simulation_file(path);
  auto& cal = doc.calendar;
  cal.holidays = merge_holidays(read_holidays_file(shipped_holidays), cal.holidays);
  require_holidays(
      cal.holidays,
      doc.programme ? doc.programme->data.year : school_year_of(doc.synthetic->first_day),
      cal.region);
  return doc;
}

int run(const arguments& a, int rank) {
  // Each step that may fail on some ranks and not others ends with every rank agreeing
  // whether to go on (an integer reduction), so that no rank waits for one that left.
  const auto all_ready = [](int failure) {
    int worst = failure;
    MPI_Allreduce(&failure, &worst, 1, MPI_INT, MPI_MAX, MPI_COMM_WORLD);
    return worst;
  };
  std::optional<io::simulation_document> doc;
  int failure = ok;
  try {
    doc = read_document(a.sweep);
  } catch (const std::exception& e) {
    if (rank == 0) std::cerr << "peerkit-mpi: " << e.what() << "\n";
    failure = bad_input;
  }
  if (const int worst = all_ready(failure)) return worst;

  std::optional<io::simulation_output> out;
  if (rank == 0) {
    try {
      out.emplace(a.output, doc->experiment, doc->outputs, a.format,
                  io::output_policy{{a.sweep, shipped_holidays}, false});
    } catch (const std::exception& e) {
      std::cerr << "peerkit-mpi: " << e.what() << "\n";
      failure = output_refused;
    }
  }
  if (const int worst = all_ready(failure)) return worst;

  const sweep_runs<> runs(doc->experiment,
                          [&](const model_parameters& p) { return doc->plan_for(p); });
  std::string first_error;
  mpi_run_in_order(
      MPI_COMM_WORLD, run_range{0, runs.size()}, runs, encode_run,
      [](std::span<const std::byte> bytes) { return decode_run(bytes); },
      [&](run_outcome<simulation_run>&& r) {
        if (!r.result && first_error.empty()) first_error = r.error;
        out->add(r);
      });
  if (rank != 0) return ok;
  const auto written = out->finish();
  std::cout << "wrote " << written.size() << " files to " << a.output.string() << ": "
            << runs.size() << " runs of " << doc->experiment.points.size() << " points\n";
  if (out->failed() == 0) return ok;
  std::cerr << "peerkit-mpi: " << out->failed() << " of " << runs.size()
            << " runs failed (each with its error in the runs table); the first: " << first_error
            << "\n";
  return bad_input;
}

}  // namespace

int main(int argc, char** argv) {
  MPI_Init(&argc, &argv);
  int rank = 0;
  MPI_Comm_rank(MPI_COMM_WORLD, &rank);
  int code = usage;
  if (const auto a = parse(argc, argv, rank == 0)) {
    try {
      code = run(*a, rank);
    } catch (const std::exception& e) {
      // Rank 0 failed to write while the other ranks wait for work: end them all.
      std::cerr << "peerkit-mpi: " << e.what() << "\n";
      MPI_Abort(MPI_COMM_WORLD, output_refused);
    }
  }
  MPI_Finalize();
  return code;
}
