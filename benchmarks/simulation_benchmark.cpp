// What a simulated school year costs, and how the sweep scales with threads and runs.
//
//   simulate/sample_school_year  one year of the shipped sample school, a new replication
//                                each iteration
//   simulate/synthetic/<N>       one year of N synthetic peer-mentor pairs: the cost per
//                                pair-week should not grow with N
//   simulate/sweep/threads:<T>   run_sweep of the sample school, 2,000 school-years on T
//                                threads; threads:2 reports its speed_up over threads:1
//                                when both ran in the same process
//   simulate/sweep_100k          100,000 school-years on two threads into a sink that only
//                                keeps a sweep_summary: peak RSS before, after the first
//                                10,000 runs and at the end. It runs only when the filter
//                                names it (--benchmark_filter=sweep_100k), alone, since
//                                the peak RSS of the process includes whatever ran before.
//
// Counters are per wall time: ns_per_pair_week (a pair-week is one pair active in one
// week, counted from the year's outcomes, the week of its start to the week of its end)
// and school_years_per_second. cpu_ns_per_pair_week and cpu_us_per_school_year are per
// CPU time of all threads, which a shared machine does not inflate; in a sweep they are
// equal on one and two threads when the second thread adds no work. Names end in
// /real_time: iterations run to a wall time, as the sweep's calling thread mostly waits.
//
// Smoke mode for CI:
//   --benchmark_filter='^simulate/(sample_school_year|synthetic/100/|sweep/)'
//   --benchmark_min_time=0.01

#include <benchmark/benchmark.h>

#include <sys/resource.h>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <optional>
#include <string>
#include <vector>

#include <peerkit/simulation/population.hpp>
#include <peerkit/simulation/sweep.hpp>
#include <peerkit/simulation/year_simulation.hpp>

#include "../examples/sample.hpp"

namespace {

using namespace peerkit;

constexpr std::uint64_t seed = 20250901;
constexpr int sweep_years = 2'000;
constexpr int memory_sweep_years = 100'000;
constexpr int memory_checkpoint = 10'000;

[[noreturn]] void fail(const std::string& what) {
  std::fprintf(stderr, "\nsimulation_benchmark: %s\n", what.c_str());
  std::fflush(stderr);
  std::exit(EXIT_FAILURE);
}

/// The sample school's population, planned once with the default model parameters.
const population& sample_plan() {
  static const population plan = [] {
    const auto doc = sample::programme_document();
    return plan_population(doc.programme(), sample::calendar(doc.the_school.region),
                           model_parameters{});
  }();
  return plan;
}

/// `pairs` one-to-one peer-mentor pairs over the 2025-2026 year of the shipped holidays.
population synthetic_plan(int pairs) {
  synthetic_programme s;
  s.pairs = pairs;
  s.first_day = date(2025, 10, 7);
  s.last_day = date(2026, 6, 12);
  return synthetic_population(s, sample::calendar(holiday_region::midden));
}

date monday_of(date d) { return d - boost::gregorian::days((d.day_of_week().as_number() + 6) % 7); }

/// Pair-weeks of the years: for each pair, the weeks from the one it started in to the
/// one it ended in.
long long pair_weeks(const std::vector<year_outcome>& years) {
  long long weeks = 0;
  for (const auto& y : years)
    for (const auto& p : y.pairs) {
      if (p.started.is_special() || p.ended.is_special() || p.ended < p.started)
        fail("pair " + std::to_string(p.pair_index) + " has no start or end within the year");
      weeks += (monday_of(p.ended) - monday_of(p.started)).days() / 7 + 1;
    }
  return weeks;
}

/// Wall time and the process's CPU time (of all its threads) since construction. On a
/// machine shared with other work the two part: a single-threaded benchmark's CPU time is
/// what it would take alone.
class stopwatch {
 public:
  [[nodiscard]] double wall_seconds() const {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - wall_).count();
  }
  [[nodiscard]] double cpu_seconds() const {
    return static_cast<double>(std::clock() - cpu_) / CLOCKS_PER_SEC;
  }

 private:
  std::chrono::steady_clock::time_point wall_ = std::chrono::steady_clock::now();
  std::clock_t cpu_ = std::clock();
};

/// One year of `plan` per iteration, each a new replication.
void simulate_years(benchmark::State& state, const population& plan) {
  const simulation_settings settings{};
  std::uint32_t replication = 0;
  long long weeks = 0;
  const stopwatch watch;
  for (auto _ : state) {
    const auto years = simulate(plan, settings, stream_key{seed, 0, replication++, 0, 0});
    weeks += pair_weeks(years);
  }
  const double seconds = watch.wall_seconds();
  const double cpu_seconds = watch.cpu_seconds();
  if (weeks == 0) fail("the simulated years had no pair-weeks");
  state.counters["pairs"] = static_cast<double>(plan.pairs.size());
  state.counters["ns_per_pair_week"] = 1e9 * seconds / static_cast<double>(weeks);
  state.counters["cpu_ns_per_pair_week"] = 1e9 * cpu_seconds / static_cast<double>(weeks);
  state.counters["school_years_per_second"] = static_cast<double>(state.iterations()) / seconds;
}

void sample_school_year(benchmark::State& state) { simulate_years(state, sample_plan()); }

void synthetic_year(benchmark::State& state, int pairs) {
  const population plan = synthetic_plan(pairs);
  simulate_years(state, plan);
}

/// A sweep of the sample school: one design point, `replications` school-years.
sweep sample_sweep(int replications) {
  return sweep{.points = {sweep_point{"defaults", {}}}, .replications = replications, .seed = seed};
}

const auto sample_plan_for = [](const model_parameters&) { return sample_plan(); };

/// School-years per second of the last sweep/threads:1, for the speed-up of threads:2.
std::optional<double> one_thread_rate;

void sweep_threads(benchmark::State& state, unsigned threads) {
  const sweep s = sample_sweep(sweep_years);
  std::size_t failed = 0;
  const stopwatch watch;
  for (auto _ : state) {
    sweep_summary summary(s);
    run_sweep(s, sample_plan_for, threads,
              [&](run_outcome<simulation_run>&& r) { summary.add(r); });
    failed += summary.failed();
  }
  const double years = static_cast<double>(state.iterations()) * sweep_years;
  const double rate = years / watch.wall_seconds();
  if (failed > 0) fail(std::to_string(failed) + " runs of the sweep failed");
  state.counters["school_years_per_second"] = rate;
  state.counters["cpu_us_per_school_year"] = 1e6 * watch.cpu_seconds() / years;
  if (threads == 1)
    one_thread_rate = rate;
  else if (one_thread_rate)
    state.counters["speed_up"] = rate / *one_thread_rate;
}

/// The peak resident set size of the process so far, in MB.
double peak_rss_mb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;  // Linux gives kB
}

/// Commits 100,000 school-years to a running summary, as a tool streams rows to disk;
/// memory must stay flat, so the peak after 10,000 runs should be the peak at the end.
void sweep_memory(benchmark::State& state) {
  const sweep s = sample_sweep(memory_sweep_years);
  sample_plan();  // planned before the first reading
  const double before = peak_rss_mb();
  double at_checkpoint = 0;
  std::size_t committed = 0;
  std::size_t failed = 0;
  const stopwatch watch;
  for (auto _ : state) {
    sweep_summary summary(s);
    committed = 0;
    run_sweep(s, sample_plan_for, 2, [&](run_outcome<simulation_run>&& r) {
      summary.add(r);
      if (++committed == memory_checkpoint) at_checkpoint = peak_rss_mb();
    });
    failed += summary.failed();
  }
  const double seconds = watch.wall_seconds();
  if (failed > 0) fail(std::to_string(failed) + " runs of the sweep failed");
  state.counters["peak_rss_mb_before"] = before;
  state.counters["peak_rss_mb_at_10k"] = at_checkpoint;
  state.counters["peak_rss_mb_after"] = peak_rss_mb();
  state.counters["school_years_per_second"] = static_cast<double>(state.iterations()) *
                                              memory_sweep_years / seconds;
}

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RegisterBenchmark("simulate/sample_school_year", sample_school_year)
      ->Unit(benchmark::kMicrosecond)
      ->UseRealTime();
  for (const int pairs : {100, 1'000, 10'000})
    benchmark::RegisterBenchmark(("simulate/synthetic/" + std::to_string(pairs)).c_str(),
                                 synthetic_year, pairs)
        ->Unit(benchmark::kMicrosecond)
        ->UseRealTime();
  for (const unsigned threads : {1u, 2u})
    benchmark::RegisterBenchmark(("simulate/sweep/threads:" + std::to_string(threads)).c_str(),
                                 sweep_threads, threads)
        ->Unit(benchmark::kMillisecond)
        ->UseRealTime();
  if (benchmark::GetBenchmarkFilter().find("sweep_100k") != std::string::npos)
    benchmark::RegisterBenchmark("simulate/sweep_100k", sweep_memory)
        ->Unit(benchmark::kMillisecond)
        ->UseRealTime();
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
