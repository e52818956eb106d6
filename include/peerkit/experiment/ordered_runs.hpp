#pragma once
// Many independent runs of an experiment on worker threads, their outcomes handed back on
// the calling thread in run order. Whatever the thread count, the caller sees the same
// sequence of outcomes, so a table written as they come has the same bytes on one thread
// or on eight. Workers claim run ids in increasing order and may run ahead of the commit
// only by a bounded window, so memory stays flat however many runs there are; a slow run
// holds the others back rather than letting finished results pile up.

#include <peerkit/config.hpp>

#include <atomic>
#include <concepts>
#include <condition_variable>
#include <cstddef>
#include <exception>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <type_traits>
#include <utility>
#include <vector>

namespace peerkit {

/// What one run gave: its result, or the text of the exception that ended it.
template <class R>
struct run_outcome {
  std::size_t run = 0;      ///< the run id
  std::optional<R> result;  ///< empty when the run threw
  std::string error;        ///< the exception's what(); empty when the run succeeded
};

/// The run ids [first, last) of one call: all runs, or a slice of them (a shard, or the
/// runs a resumed experiment has still to do).
struct run_range {
  std::size_t first = 0;
  std::size_t last = 0;
};

/// The progress callback that reports nothing.
struct no_progress {
  void operator()(std::size_t /*done*/, std::size_t /*total*/) const noexcept {}
};

/// How many runs may be started and not yet committed at once with `threads` workers:
/// enough to keep every worker busy while a slow run holds up the commit.
[[nodiscard]] constexpr std::size_t run_window(unsigned threads) noexcept {
  return 4 * std::size_t{threads};
}

namespace detail {
template <class R, class Run>
run_outcome<R> outcome_of(Run& run, std::size_t id) {
  try {
    return {id, std::invoke(run, id), {}};
  } catch (const std::exception& e) {  // peerkit::error too: its what() lists the problems
    return {id, std::nullopt, e.what()};
  } catch (...) {
    return {id, std::nullopt, "the run threw an exception that is not a std::exception"};
  }
}

/// The state the workers share with the calling thread. The counter hands out run ids;
/// everything else is guarded by the mutex.
template <class R>
struct ordered_runs_state {
  ordered_runs_state(run_range range, std::size_t window)
      : range(range), next_claim(range.first), slots(window) {}

  run_range range;
  std::atomic<std::size_t> next_claim;
  std::mutex mutex;
  std::condition_variable space;  // a worker waits for its run id to enter the window
  std::condition_variable ready;  // the calling thread waits for the next outcome
  std::size_t committed = 0;      // runs committed so far, from range.first
  bool stopping = false;          // the calling thread gave up: workers leave
  std::vector<std::optional<run_outcome<R>>> slots;  // run id i sits at (i - first) % window

  std::optional<run_outcome<R>>& slot(std::size_t id) {
    return slots[(id - range.first) % slots.size()];
  }

  template <class Run>
  void work(Run& run) {
    for (;;) {
      const std::size_t id = next_claim.fetch_add(1);
      if (id >= range.last) return;
      {
        std::unique_lock lock(mutex);
        space.wait(lock, [&] { return stopping || id - range.first < committed + slots.size(); });
        if (stopping) return;
      }
      store(id, outcome_of<R>(run, id));
      ready.notify_one();
    }
  }

  /// The outcome of run `id`, waiting for it when `wait`; none when it is not there.
  std::optional<run_outcome<R>> take(std::size_t id, bool wait) {
    std::unique_lock lock(mutex);
    if (wait) ready.wait(lock, [&] { return slot(id).has_value(); });
    std::optional<run_outcome<R>> outcome;
    outcome.swap(slot(id));
    return outcome;
  }

  void store(std::size_t id, run_outcome<R>&& outcome) {
    std::lock_guard lock(mutex);
    slot(id) = std::move(outcome);
  }

  void mark_committed() {
    {
      std::lock_guard lock(mutex);
      ++committed;
    }
    space.notify_all();
  }

  void stop() {
    {
      std::lock_guard lock(mutex);
      stopping = true;
    }
    space.notify_all();
  }
};

}  // namespace detail

/// Calls `run(id)` once for every run id in `range`, on `threads` threads (the calling
/// thread and threads - 1 workers), and `commit(run_outcome<R>&&)` on the calling thread
/// for each, strictly in run id order; after each commit,
/// `progress(done, total)` with the runs of this call committed so far and their number.
/// `run` is called from several threads at once, so it must be safe to call concurrently
/// (typically it reads shared inputs and builds its result from its run id alone).
/// A run that throws is committed as a failure carrying the exception's text, and the
/// other runs go on. An exception from `commit` or `progress` stops the workers (each
/// finishes the run it is in), joins them and propagates. At most run_window(threads) runs
/// are started and not yet committed at any time.
template <class Run, class Commit, class Progress = no_progress>
  requires std::invocable<Run&, std::size_t> &&
           std::invocable<Commit&, run_outcome<std::invoke_result_t<Run&, std::size_t>>&&> &&
           std::invocable<Progress&, std::size_t, std::size_t>
void run_in_order(run_range range, unsigned threads, Run&& run, Commit&& commit,
                  Progress&& progress = no_progress{}) {
  using R = std::invoke_result_t<Run&, std::size_t>;
  static_assert(!std::is_void_v<R> && !std::is_reference_v<R>,
                "run_in_order: a run returns its result by value");
  PEERKIT_ASSERT(threads >= 1, "run_in_order: at least one thread");
  PEERKIT_ASSERT(range.first <= range.last, "run_in_order: the range is [first, last)");
  const std::size_t total = range.last - range.first;

  if (threads == 1) {
    for (std::size_t done = 0; done < total; ++done) {
      commit(detail::outcome_of<R>(run, range.first + done));
      progress(done + 1, total);
    }
    return;
  }

  detail::ordered_runs_state<R> state(range, run_window(threads));
  // std::thread joined by hand rather than std::jthread, which libc++ 14 does not have.
  std::vector<std::thread> workers;
  workers.reserve(threads - 1);
  const auto join_workers = [&] {
    for (auto& worker : workers) worker.join();
  };
  try {
    for (unsigned t = 1; t < threads; ++t) workers.emplace_back([&] { state.work(run); });
    // The calling thread runs too, and commits what is ready between its runs: a
    // thread handing every outcome to a waiting committer would cost a wake-up per run.
    std::size_t done = 0;
    const auto commit_next = [&](bool wait) {
      auto outcome = state.take(range.first + done, wait);
      if (!outcome) return false;
      commit(std::move(*outcome));
      state.mark_committed();
      progress(++done, total);
      return true;
    };
    while (done < total) {
      while (done < total && commit_next(false)) {
      }
      if (done == total) break;
      const std::size_t id = state.next_claim.fetch_add(1);
      if (id >= range.last) {
        commit_next(true);
        continue;
      }
      while (id - range.first >= done + state.slots.size()) commit_next(true);
      state.store(id, detail::outcome_of<R>(run, id));
    }
  } catch (...) {
    state.stop();  // so that no worker waits for a commit that will not come
    join_workers();
    throw;
  }
  join_workers();
}

/// run_in_order() on the run ids [0, runs).
template <class Run, class Commit, class Progress = no_progress>
void run_in_order(std::size_t runs, unsigned threads, Run&& run, Commit&& commit,
                  Progress&& progress = no_progress{}) {
  run_in_order(run_range{0, runs}, threads, std::forward<Run>(run), std::forward<Commit>(commit),
               std::forward<Progress>(progress));
}

}  // namespace peerkit
