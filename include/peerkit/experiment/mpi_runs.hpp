#pragma once
// The runs of an experiment spread over the processes of an MPI communicator, their
// outcomes handed over on rank 0 in run order: run_in_order() across machines. Rank 0
// hands out run ids as ranks become free (a free rank asks for work, so a slow run or a
// slow machine holds up only itself), the other ranks run them and send back the encoded
// result, and rank 0 decodes and commits them in run id order, so the output has the same
// bytes however many ranks there are. Nothing is reduced across ranks: each run's result
// travels whole, exactly as encoded.
//
// This header needs MPI (it includes <mpi.h>; link MPI::MPI_C and define OMPI_SKIP_MPICXX
// and MPICH_SKIP_MPICXX, so that <mpi.h> leaves out the old C++ bindings and their
// library) and is in no umbrella header. It uses MPI's C API, which every MPI ships: byte messages
// are all it sends, so Boost.MPI, with Boost.Serialization and its compiled libraries, would add
// nothing.
//
//   mpi_run_in_order(MPI_COMM_WORLD, {0, runs.size()}, runs, encode_run,
//                    [](std::span<const std::byte> b) { return decode_run(b); },
//                    [&](run_outcome<simulation_run>&& r) { out.add(r); });

#include <mpi.h>

#include <climits>
#include <concepts>
#include <cstddef>
#include <cstdint>
#include <exception>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include <peerkit/config.hpp>
#include <peerkit/experiment/ordered_runs.hpp>

namespace peerkit {

namespace detail {

// Rank 0 sends a run id (one std::uint64_t) or a stop (no data); a worker sends its outcome
// (a status byte and the encoded result or the error text), or nothing when it first asks.
inline constexpr int mpi_run_tag = 1;
inline constexpr int mpi_stop_tag = 2;
inline constexpr int mpi_outcome_tag = 3;
inline constexpr std::byte mpi_run_succeeded{0};
inline constexpr std::byte mpi_run_failed{1};

/// A message as it arrived at rank 0 from `sender`.
struct mpi_message {
  int sender = 0;
  std::vector<std::byte> bytes;
};

inline mpi_message mpi_receive_outcome(MPI_Comm comm) {
  MPI_Status status;
  MPI_Probe(MPI_ANY_SOURCE, mpi_outcome_tag, comm, &status);
  int count = 0;
  MPI_Get_count(&status, MPI_BYTE, &count);
  mpi_message m{status.MPI_SOURCE, std::vector<std::byte>(static_cast<std::size_t>(count))};
  MPI_Recv(m.bytes.data(), count, MPI_BYTE, m.sender, mpi_outcome_tag, comm, MPI_STATUS_IGNORE);
  return m;
}

/// A worker: asks for work, runs what it is given and sends back the outcome, which asks
/// for the next; returns when rank 0 says stop.
template <class R, class Run, class Encode>
void mpi_work(MPI_Comm comm, Run& run, Encode& encode) {
  std::vector<std::byte> message;  // empty: the first request for work
  for (;;) {
    MPI_Send(message.data(), static_cast<int>(message.size()), MPI_BYTE, 0, mpi_outcome_tag, comm);
    MPI_Status status;
    MPI_Probe(0, MPI_ANY_TAG, comm, &status);
    if (status.MPI_TAG == mpi_stop_tag) {
      MPI_Recv(nullptr, 0, MPI_BYTE, 0, mpi_stop_tag, comm, MPI_STATUS_IGNORE);
      return;
    }
    std::uint64_t id = 0;
    MPI_Recv(&id, 1, MPI_UINT64_T, 0, mpi_run_tag, comm, MPI_STATUS_IGNORE);
    auto outcome = outcome_of<R>(run, static_cast<std::size_t>(id));
    message.assign(1, mpi_run_succeeded);
    if (outcome.result) {
      try {
        const auto bytes = encode(*outcome.result);
        if (bytes.size() >= std::size_t{INT_MAX})
          throw std::length_error("the encoded result has " + std::to_string(bytes.size()) +
                                  " bytes, more than one MPI message holds");
        message.insert(message.end(), bytes.begin(), bytes.end());
      } catch (const std::exception& e) {
        outcome.result.reset();
        outcome.error = e.what();
      }
    }
    if (!outcome.result) {
      message.assign(1, mpi_run_failed);
      const auto* text = reinterpret_cast<const std::byte*>(outcome.error.data());
      message.insert(message.end(), text, text + outcome.error.size());
    }
  }
}

}  // namespace detail

/// Calls `run(id)` once for every run id in `range` on the ranks of `comm` and, on rank 0,
/// `commit(run_outcome<R>&&)` for each, strictly in run id order; after each commit,
/// `progress(done, total)` with the runs committed so far and their number. Every rank of
/// `comm` calls it with the same range; it returns on each rank when all runs are
/// committed, and calls `commit` and `progress` on rank 0 only.
///
/// Rank 0 dispatches and writes; the other ranks run: `encode(const R&)` gives a result's
/// bytes (a std::vector<std::byte>), `decode(std::span<const std::byte>)` on rank 0 gives the
/// result back. Alone in `comm`, rank 0 runs every run itself, without encoding. A run that
/// throws, or whose result does not encode or decode, is committed as a failure carrying
/// the exception's text, and the other runs go on. At most run_window(ranks - 1) runs are
/// started and not yet committed at any time, so rank 0 holds a bounded number of results.
/// An exception from `commit` or `progress` propagates on rank 0 while the other ranks
/// wait: the caller ends the job (MPI_Abort).
template <class Run, class Encode, class Decode, class Commit, class Progress = no_progress>
  requires std::invocable<Run&, std::size_t> &&
           std::invocable<Commit&, run_outcome<std::invoke_result_t<Run&, std::size_t>>&&> &&
           std::invocable<Progress&, std::size_t, std::size_t>
void mpi_run_in_order(MPI_Comm comm, run_range range, Run&& run, Encode&& encode, Decode&& decode,
                      Commit&& commit, Progress&& progress = no_progress{}) {
  using R = std::invoke_result_t<Run&, std::size_t>;
  static_assert(std::is_convertible_v<std::invoke_result_t<Decode&, std::span<const std::byte>>, R>,
                "mpi_run_in_order: decode gives back the result that encode was given");
  PEERKIT_ASSERT(range.first <= range.last, "mpi_run_in_order: the range is [first, last)");
  int rank = 0;
  int ranks = 1;
  MPI_Comm_rank(comm, &rank);
  MPI_Comm_size(comm, &ranks);
  if (ranks == 1) {
    run_in_order(range, 1, run, commit, progress);
    return;
  }
  // A communicator of this call's own, so that a worker already in the next call cannot
  // be taken for one of this call.
  struct own_communicator {
    MPI_Comm comm;
    explicit own_communicator(MPI_Comm of) { MPI_Comm_dup(of, &comm); }
    own_communicator(const own_communicator&) = delete;
    own_communicator& operator=(const own_communicator&) = delete;
    ~own_communicator() { MPI_Comm_free(&comm); }
  } own(comm);
  comm = own.comm;
  if (rank != 0) {
    detail::mpi_work<R>(comm, run, encode);
    return;
  }

  const std::size_t total = range.last - range.first;
  const auto workers = static_cast<unsigned>(ranks - 1);
  // Outcomes that came before their turn, run id i at (i - first) % window.
  std::vector<std::optional<detail::mpi_message>> window(run_window(workers));
  std::vector<std::size_t> run_of(static_cast<std::size_t>(ranks));  // each worker's run
  std::vector<int> idle;  // workers that asked while the window was full
  std::size_t next = range.first;
  std::size_t done = 0;
  unsigned stopped = 0;

  // Gives `worker` the next run, a stop when none is left, or parks it while the next run
  // would not fit the window.
  const auto hand_out = [&](int worker) {
    if (next == range.last) {
      MPI_Send(nullptr, 0, MPI_BYTE, worker, detail::mpi_stop_tag, comm);
      ++stopped;
    } else if (next - range.first < done + window.size()) {
      run_of[static_cast<std::size_t>(worker)] = next;
      const std::uint64_t id = next++;
      MPI_Send(&id, 1, MPI_UINT64_T, worker, detail::mpi_run_tag, comm);
    } else {
      idle.push_back(worker);
    }
  };
  // The outcome of run `id` from its message: a status byte, then the result's bytes or
  // the error's text.
  const auto outcome_from = [&](std::size_t id, std::span<const std::byte> bytes) {
    run_outcome<R> outcome{id, std::nullopt, {}};
    if (bytes[0] == detail::mpi_run_failed) {
      outcome.error.assign(reinterpret_cast<const char*>(bytes.data() + 1), bytes.size() - 1);
      return outcome;
    }
    try {
      outcome.result.emplace(decode(bytes.subspan(1)));
    } catch (const std::exception& e) {
      outcome.error = std::string("the run's result did not decode: ") + e.what();
    }
    return outcome;
  };

  while (stopped < workers) {
    auto message = detail::mpi_receive_outcome(comm);
    const int worker = message.sender;
    if (!message.bytes.empty()) {
      const auto id = run_of[static_cast<std::size_t>(worker)];
      window[(id - range.first) % window.size()] = std::move(message);
    }
    // The worker gets its next run before rank 0 decodes and commits, so that it runs
    // while rank 0 writes.
    hand_out(worker);
    for (auto* slot = &window[done % window.size()]; done < total && *slot;
         slot = &window[done % window.size()]) {
      auto outcome = outcome_from(range.first + done, (*slot)->bytes);
      slot->reset();
      commit(std::move(outcome));
      progress(++done, total);
    }
    // The commits may have opened the window for the parked workers.
    for (const int w : std::exchange(idle, {})) hand_out(w);
  }
}

}  // namespace peerkit
