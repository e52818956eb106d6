#include <peerkit/core/error.hpp>
#include <peerkit/experiment/ordered_runs.hpp>

#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <cstddef>
#include <stdexcept>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace {

using peerkit::run_in_order;
using peerkit::run_outcome;
using peerkit::run_range;
using peerkit::run_window;

/// A run whose duration varies with its id, so that runs finish out of order, and
/// that fails for some ids: with a std::exception, or with a peerkit::error.
std::string sample_run(std::size_t id) {
  std::this_thread::sleep_for(std::chrono::microseconds((id * 7919) % 37));
  if (id % 7 == 3) throw std::runtime_error("run " + std::to_string(id) + " diverged");
  if (id % 11 == 5)
    throw peerkit::error("data.out_of_range", "runs[" + std::to_string(id) + "]", "too many pairs");
  return "result " + std::to_string(id * id);
}

/// The outcome of sample_run(id) as run_in_order must commit it.
run_outcome<std::string> expected_outcome(std::size_t id) {
  if (id % 7 == 3) return {id, std::nullopt, "run " + std::to_string(id) + " diverged"};
  if (id % 11 == 5)
    return {id, std::nullopt,
            "[peerkit.data.out_of_range] runs[" + std::to_string(id) + "]: too many pairs"};
  return {id, "result " + std::to_string(id * id), ""};
}

struct committed_run {
  std::size_t run;
  std::optional<std::string> result;
  std::string error;
  friend bool operator==(const committed_run&, const committed_run&) = default;
};

committed_run flat(run_outcome<std::string>&& o) {
  return {o.run, std::move(o.result), std::move(o.error)};
}

std::vector<committed_run> commits_of(run_range range, unsigned threads) {
  std::vector<committed_run> commits;
  run_in_order(range, threads, sample_run,
               [&](run_outcome<std::string>&& o) { commits.push_back(flat(std::move(o))); });
  return commits;
}

void raise_to(std::atomic<std::size_t>& maximum, std::size_t value) {
  std::size_t seen = maximum.load();
  while (seen < value && !maximum.compare_exchange_weak(seen, value)) {
  }
}

}  // namespace

TEST_CASE("run_in_order commits every run in run order, the same for any thread count",
          "[experiment][ordered_runs]") {
  constexpr std::size_t runs = 300;
  std::vector<committed_run> expected;
  for (std::size_t id = 0; id < runs; ++id) expected.push_back(flat(expected_outcome(id)));

  for (unsigned threads : {1u, 2u, 3u, 8u}) {
    CAPTURE(threads);
    CHECK(commits_of({0, runs}, threads) == expected);
  }
}

TEST_CASE("run_in_order commits a failed run in its place and goes on",
          "[experiment][ordered_runs]") {
  const auto commits = commits_of({0, 40}, 3);
  REQUIRE(commits.size() == 40);
  CHECK(commits[3] == committed_run{3, std::nullopt, "run 3 diverged"});
  CHECK(commits[5] ==
        committed_run{5, std::nullopt, "[peerkit.data.out_of_range] runs[5]: too many pairs"});
  CHECK(commits[4] == committed_run{4, "result 16", ""});
  CHECK(commits[39] == committed_run{39, "result 1521", ""});

  SECTION("an exception that is not a std::exception is a failure too") {
    std::vector<committed_run> seen;
    run_in_order(
        3, 2,
        [](std::size_t id) {
          if (id == 1) throw 42;
          return std::string("fine");
        },
        [&](run_outcome<std::string>&& o) { seen.push_back(flat(std::move(o))); });
    REQUIRE(seen.size() == 3);
    CHECK(seen[0] == committed_run{0, "fine", ""});
    CHECK_FALSE(seen[1].result);
    CHECK(seen[1].error == "the run threw an exception that is not a std::exception");
    CHECK(seen[2] == committed_run{2, "fine", ""});
  }
}

TEST_CASE("run_in_order runs a slice of the run ids, first included, last left out",
          "[experiment][ordered_runs]") {
  std::vector<committed_run> expected;
  for (std::size_t id = 25; id < 61; ++id) expected.push_back(flat(expected_outcome(id)));
  for (unsigned threads : {1u, 3u}) {
    CAPTURE(threads);
    CHECK(commits_of({25, 61}, threads) == expected);
    CHECK(commits_of({25, 25}, threads).empty());
  }
}

TEST_CASE("run_in_order reports progress after each commit", "[experiment][ordered_runs]") {
  for (unsigned threads : {1u, 4u}) {
    CAPTURE(threads);
    std::size_t committed = 0;
    std::vector<std::pair<std::size_t, std::size_t>> calls;
    run_in_order(
        run_range{10, 27}, threads, [](std::size_t id) { return id; },
        [&](run_outcome<std::size_t>&&) { ++committed; },
        [&](std::size_t done, std::size_t total) {
          CHECK(done == committed);  // after the commit of the run it counts
          calls.emplace_back(done, total);
        });
    REQUIRE(calls.size() == 17);
    for (std::size_t i = 0; i < calls.size(); ++i)
      CHECK(calls[i] == std::pair<std::size_t, std::size_t>{i + 1, 17});
  }
}

TEST_CASE("run_in_order runs on the calling thread and its workers, commits on the caller",
          "[experiment][ordered_runs]") {
  const auto caller = std::this_thread::get_id();
  for (unsigned threads : {1u, 2u}) {
    CAPTURE(threads);
    std::atomic<bool> ran_on_caller = false, ran_elsewhere = false;
    bool committed_elsewhere = false;
    run_in_order(
        20, threads,
        [&](std::size_t id) {
          (std::this_thread::get_id() == caller ? ran_on_caller : ran_elsewhere) = true;
          // Run 0 waits until the other thread has run one too, so both surely run.
          while (threads > 1 && id == 0 && !(ran_on_caller && ran_elsewhere))
            std::this_thread::yield();
          return id;
        },
        [&](run_outcome<std::size_t>&&) {
          committed_elsewhere |= std::this_thread::get_id() != caller;
        });
    CHECK_FALSE(committed_elsewhere);
    CHECK(ran_on_caller);
    CHECK(ran_elsewhere == (threads > 1));
  }
}

TEST_CASE("run_in_order keeps at most run_window(threads) runs started and not committed",
          "[experiment][ordered_runs]") {
  for (unsigned threads : {2u, 3u, 8u}) {
    CAPTURE(threads);
    const std::size_t window = run_window(threads);
    std::atomic<std::size_t> started = 0, committed = 0, outstanding = 0, most = 0;
    std::atomic<bool> ran_ahead = false;
    run_in_order(
        10 * window, threads,
        [&](std::size_t id) {
          if (id >= committed.load() + window) ran_ahead = true;
          raise_to(most, ++outstanding);
          started.fetch_add(1);
          started.notify_all();
          if (id == 0) {
            // Hold up the first commit until the rest of the window has started, so
            // that the window is filled whatever the scheduling.
            for (std::size_t s = started.load(); s < window; s = started.load()) started.wait(s);
          }
          return id;
        },
        [&](run_outcome<std::size_t>&&) {
          --outstanding;
          ++committed;
        });
    CHECK_FALSE(ran_ahead);
    CHECK(most == window);
    CHECK(committed == 10 * window);
  }
}

TEST_CASE("an exception from commit stops the workers, joins them and propagates",
          "[experiment][ordered_runs]") {
  for (unsigned threads : {1u, 2u, 8u}) {
    CAPTURE(threads);
    std::atomic<std::size_t> started = 0, running = 0;
    std::size_t committed = 0;
    const auto run = [&](std::size_t id) {
      ++running;
      started.fetch_add(1);
      std::this_thread::sleep_for(std::chrono::microseconds(id % 50));
      --running;
      return id;
    };
    CHECK_THROWS_WITH(run_in_order(10000, threads, run,
                                   [&](run_outcome<std::size_t>&& o) {
                                     if (o.run == 10) throw std::runtime_error("disk full");
                                     ++committed;
                                   }),
                      "disk full");
    CHECK(committed == 10);
    CHECK(running == 0);                         // every worker has been joined
    CHECK(started <= 10 + run_window(threads));  // runs 0..9 and the window after them
  }

  SECTION("from progress too") {
    std::atomic<std::size_t> running = 0;
    CHECK_THROWS_AS(run_in_order(
                        1000, 3,
                        [&](std::size_t id) {
                          ++running;
                          --running;
                          return id;
                        },
                        [](run_outcome<std::size_t>&&) {},
                        [](std::size_t done, std::size_t) {
                          if (done == 7) throw std::logic_error("stop");
                        }),
                    std::logic_error);
    CHECK(running == 0);
  }
}
