// mpi_run_in_order() on however many ranks it is started on: every run committed once, in
// run order, on rank 0 only; runs that throw (and results that do not decode) committed as
// failures with their text while the others go on; runs of uneven length; a slice of the
// run ids; no runs at all. Exits 0 when all of it holds, 1 otherwise.
//   mpirun -np 3 mpi_dispatch_check

#include <mpi.h>

#include <chrono>
#include <cstdint>
#include <cstring>
#include <iostream>
#include <span>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include <peerkit/experiment/mpi_runs.hpp>

using namespace peerkit;

namespace {

// Run i gives i², except that every 7th run throws and every 11th gives a result that does
// not decode; every 5th run takes a millisecond, so outcomes come back out of order.
std::uint64_t square(std::size_t id) {
  if (id % 5 == 0) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  if (id % 7 == 3) throw std::runtime_error("run " + std::to_string(id) + " failed");
  return std::uint64_t{id} * id;
}

std::vector<std::byte> encode(std::uint64_t v) {
  std::vector<std::byte> bytes(v % 11 == 4 ? 3 : sizeof v);
  std::memcpy(bytes.data(), &v, bytes.size());
  return bytes;
}

std::uint64_t decode(std::span<const std::byte> bytes) {
  if (bytes.size() != sizeof(std::uint64_t)) throw std::length_error("not 8 bytes");
  std::uint64_t v = 0;
  std::memcpy(&v, bytes.data(), sizeof v);
  return v;
}

/// Problems with the outcomes of `range` on this rank; none is "".
std::string check(run_range range, int rank, int ranks) {
  std::vector<run_outcome<std::uint64_t>> seen;
  mpi_run_in_order(MPI_COMM_WORLD, range, square, encode, decode,
                   [&](run_outcome<std::uint64_t>&& r) { seen.push_back(std::move(r)); });
  if (rank != 0) return seen.empty() ? "" : "a worker committed runs";
  if (seen.size() != range.last - range.first)
    return std::to_string(seen.size()) + " runs were committed, not every run";
  for (std::size_t i = 0; i < seen.size(); ++i) {
    const auto& r = seen[i];
    const std::size_t id = range.first + i;
    const auto square_of_id = std::uint64_t{id} * id;
    std::string expected_error;
    if (id % 7 == 3)
      expected_error = "run " + std::to_string(id) + " failed";
    else if (ranks > 1 && square_of_id % 11 == 4)
      expected_error = "the run's result did not decode: not 8 bytes";
    const bool as_expected = r.run == id && r.error == expected_error &&
                             (expected_error.empty() ? r.result == square_of_id : !r.result);
    if (!as_expected) return "run " + std::to_string(id) + " came back wrong: " + r.error;
  }
  return "";
}

}  // namespace

int main(int argc, char** argv) {
  MPI_Init(&argc, &argv);
  int rank = 0;
  int ranks = 1;
  MPI_Comm_rank(MPI_COMM_WORLD, &rank);
  MPI_Comm_size(MPI_COMM_WORLD, &ranks);
  int failures = 0;
  for (const auto range : {run_range{0, 500}, run_range{123, 170}, run_range{5, 5}}) {
    const auto problem = check(range, rank, ranks);
    if (problem.empty()) continue;
    std::cerr << "rank " << rank << ", runs [" << range.first << ", " << range.last
              << "): " << problem << "\n";
    ++failures;
  }
  MPI_Finalize();
  return failures == 0 ? 0 : 1;
}
