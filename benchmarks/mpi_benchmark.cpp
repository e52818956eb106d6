// mpi_run_in_order() timed on the ranks it is started on (docs/scale-out.md, "With MPI"):
//   mpirun -np 2 mpi_benchmark [--trivial RUNS] [--replications R]
// 1. The dispatcher's cost per run: runs that do nothing (their result is their id, 8 bytes),
//    so the time is the messages, the reorder window and the commit.
// 2. Real runs: the shipped intervision sweep of the sample school (2 points × R), decoded
//    and written by rank 0 as peerkit-mpi writes them (into a temporary directory; all
//    tables, then only the runs table and the summary), with
//    the encoded size of a run and rank 0's own time per run (decoding and writing): the
//    rate a single writer can keep up with.
// Built with -DPEERKIT_WITH_MPI=ON -DPEERKIT_BUILD_BENCHMARKS=ON; time a Release build.

#include <mpi.h>

#include <charconv>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include <unistd.h>  // getpid

#include <peerkit/experiment/mpi_runs.hpp>
#include <peerkit/io/simulation_json.hpp>
#include <peerkit/io/simulation_output.hpp>
#include <peerkit/simulation/run_codec.hpp>

using namespace peerkit;
namespace fs = std::filesystem;

namespace {

std::size_t number_after(int argc, char** argv, std::string_view flag, std::size_t otherwise) {
  for (int i = 1; i + 1 < argc; ++i) {
    if (argv[i] != flag) continue;
    const std::string_view text = argv[i + 1];
    std::size_t n = 0;
    std::from_chars(text.data(), text.data() + text.size(), n);
    return n;
  }
  return otherwise;
}

/// Seconds of wall time on rank 0 for `work`, started together on every rank.
template <class Work>
double timed(Work&& work) {
  MPI_Barrier(MPI_COMM_WORLD);
  const double start = MPI_Wtime();
  work();
  return MPI_Wtime() - start;
}

void trivial_runs(std::size_t runs, int rank, int ranks) {
  std::uint64_t sum = 0;
  const auto seconds = timed([&] {
    mpi_run_in_order(
        MPI_COMM_WORLD, run_range{0, runs}, [](std::size_t id) { return std::uint64_t{id}; },
        [](std::uint64_t v) {
          std::vector<std::byte> bytes(sizeof v);
          std::memcpy(bytes.data(), &v, sizeof v);
          return bytes;
        },
        [](std::span<const std::byte> bytes) {
          std::uint64_t v = 0;
          std::memcpy(&v, bytes.data(), sizeof v);
          return v;
        },
        [&](run_outcome<std::uint64_t>&& r) { sum += r.result.value_or(0); });
  });
  if (rank != 0) return;
  if (sum != std::uint64_t{runs} * (runs - 1) / 2) {
    std::cerr << "mpi_benchmark: the trivial runs did not all arrive\n";
    MPI_Abort(MPI_COMM_WORLD, 1);
  }
  std::cout << "ranks " << ranks << ": " << runs << " trivial runs in " << seconds << " s, "
            << seconds / double(runs) * 1e6 << " us per run\n";
}

void sample_runs(std::size_t replications, bool summary_only, int rank, int ranks) {
  auto doc = io::read_simulation_file(PEERKIT_SOURCE_DIR
                                      "/examples/scenarios/intervision_interval.json");
  doc.experiment.replications = static_cast<int>(replications);
  if (summary_only) doc.outputs = {.pairs = false, .weeks = false, .charts = false};
  const sweep_runs<> runs(doc.experiment,
                          [&](const model_parameters& p) { return doc.plan_for(p); });
  const auto dir = fs::temp_directory_path() /
                   ("peerkit-mpi-benchmark-" + std::to_string(::getpid()));
  std::optional<io::simulation_output> out;
  if (rank == 0)
    out.emplace(dir, doc.experiment, doc.outputs, io::table_format::csv, io::output_policy{});
  double writer_seconds = 0;  // rank 0 decoding and writing
  std::size_t encoded_bytes = 0;
  const auto seconds = timed([&] {
    mpi_run_in_order(
        MPI_COMM_WORLD, run_range{0, runs.size()}, runs, encode_run,
        [&](std::span<const std::byte> bytes) {
          encoded_bytes += bytes.size();
          const double start = MPI_Wtime();
          auto r = decode_run(bytes);
          writer_seconds += MPI_Wtime() - start;
          return r;
        },
        [&](run_outcome<simulation_run>&& r) {
          const double start = MPI_Wtime();
          out->add(r);
          writer_seconds += MPI_Wtime() - start;
        });
  });
  if (rank != 0) return;
  out->finish();
  fs::remove_all(dir);
  const double n = double(runs.size());
  std::cout << "ranks " << ranks << ": " << runs.size() << " sample school-years in " << seconds
            << " s" << (summary_only ? " (runs table and summary only)" : "") << ", " << n / seconds
            << " runs/s, " << seconds / n * 1e6 << " us per run; rank 0 decodes and writes "
            << writer_seconds / n * 1e6 << " us per run";
  if (ranks > 1) std::cout << " of " << double(encoded_bytes) / n << " bytes";
  std::cout << "\n";
}

}  // namespace

int main(int argc, char** argv) {
  MPI_Init(&argc, &argv);
  int rank = 0;
  int ranks = 1;
  MPI_Comm_rank(MPI_COMM_WORLD, &rank);
  MPI_Comm_size(MPI_COMM_WORLD, &ranks);
  trivial_runs(number_after(argc, argv, "--trivial", 20'000), rank, ranks);
  for (const bool summary_only : {false, true})
    sample_runs(number_after(argc, argv, "--replications", 1'000), summary_only, rank, ranks);
  MPI_Finalize();
}
