// peerkit's exact pairing solvers against LEMON on the same generated instances.
//
//   assign/<S|M|L|XL>/<peerkit|lemon>  capacitated assignment, most pairs then total weight
//   duos/<n>/<peerkit|lemon>           maximum weight matching of peer leaders
//
// Each benchmark times graph build + solve. Before timing, it solves once more to record
// the optimum and the peak heap use (heap_MB, measured by counting operator new); when
// both sides of an instance have run, their optima must agree, and peerkit's optimality
// certificate must check, or the binary stops with exit code 1.
// Smoke mode for CI: --benchmark_filter='assign/S/|duos/20/' --benchmark_min_time=0.01

#include <benchmark/benchmark.h>

#include <malloc.h>

#include <cstdio>
#include <cstdlib>
#include <map>
#include <new>
#include <string>

#include <peerkit/solvers/assignment_solver.hpp>
#include <peerkit/solvers/weighted_matching.hpp>

#include "../tests/solvers/solver_testing.hpp"
#include "instances.hpp"
#include "lemon_reference.hpp"

// Heap accounting: every allocation of the process passes through these. GCC takes the
// free() of a pointer from this operator new for a mismatch; it is not one.
namespace {
std::size_t heap_now = 0;
std::size_t heap_peak = 0;
}  // namespace

#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wmismatched-new-delete"
#endif

void* operator new(std::size_t size) {
  void* p = std::malloc(size == 0 ? 1 : size);
  if (p == nullptr) throw std::bad_alloc();
  heap_now += malloc_usable_size(p);
  if (heap_now > heap_peak) heap_peak = heap_now;
  return p;
}
void operator delete(void* p) noexcept {
  if (p == nullptr) return;
  heap_now -= malloc_usable_size(p);
  std::free(p);
}
void operator delete(void* p, std::size_t) noexcept { operator delete(p); }

namespace {

struct optimum {
  long long pairs = 0;
  long long total_weight = 0;
};

[[noreturn]] void fail(const std::string& what) {
  std::fprintf(stderr, "\nsolvers_benchmark: %s\n", what.c_str());
  std::fflush(stderr);
  std::exit(EXIT_FAILURE);
}

// The first side of an instance to run leaves its optimum here; the second must match it.
void agree(const std::string& instance, const char* side, optimum got) {
  static std::map<std::string, std::pair<std::string, optimum>> seen;
  const auto [it, first] = seen.try_emplace(instance, side, got);
  if (first) return;
  const optimum& other = it->second.second;
  if (other.pairs != got.pairs || other.total_weight != got.total_weight)
    fail(instance + ": " + it->second.first + " reached " + std::to_string(other.pairs) +
         " pairs of weight " + std::to_string(other.total_weight) + ", " + side + " reached " +
         std::to_string(got.pairs) + " pairs of weight " + std::to_string(got.total_weight));
}

// Runs `solve` once outside the timing, recording the optimum and the peak heap use.
template <class Solve>
optimum measured_once(benchmark::State& state, Solve&& solve) {
  const std::size_t base = heap_now;
  heap_peak = heap_now;
  const optimum got = solve();
  state.counters["heap_MB"] = static_cast<double>(heap_peak - base) / (1024.0 * 1024.0);
  return got;
}

const bench::assignment_instance& assignment_of(const std::string& size) {
  static std::map<std::string, bench::assignment_instance> cache;
  auto it = cache.find(size);
  if (it != cache.end()) return it->second;
  int supporters = 15;
  int supportees = 14;
  if (size == "M") supporters = 300, supportees = 500;
  if (size == "L") supporters = 2'000, supportees = 3'000;
  if (size == "XL") supporters = 20'000, supportees = 30'000;
  // About 35 candidates per supportee; nine in ten supporters when there are few.
  const int per = std::min(35, supporters * 9 / 10);
  const int candidates = size == "M" ? 270 : per;
  return cache
      .emplace(size, bench::make_assignment(size, supporters, supportees, candidates, 20240901))
      .first->second;
}

const bench::matching_instance& matching_of(int n) {
  static std::map<int, bench::matching_instance> cache;
  auto it = cache.find(n);
  if (it != cache.end()) return it->second;
  return cache.emplace(n, bench::make_matching(std::to_string(n), n, 25, 20240902)).first->second;
}

peerkit::assignment_result peerkit_assignment(const bench::assignment_instance& inst) {
  peerkit::assignment_problem p;
  p.capacities = inst.capacity;
  p.supportee_count = inst.supportees;
  p.edges.resize(inst.weight.size());
  for (std::size_t k = 0; k < inst.weight.size(); ++k)
    p.edges[k] = {inst.supporter[k], inst.supportee[k], inst.weight[k]};
  auto r = peerkit::solve_assignment(p);
  return r;
}

void check_assignment_certificate(const bench::assignment_instance& inst,
                                  const peerkit::assignment_result& r) {
  peerkit::assignment_problem p{inst.capacity, inst.supportees, {}};
  for (std::size_t k = 0; k < inst.weight.size(); ++k)
    p.edges.push_back({inst.supporter[k], inst.supportee[k], inst.weight[k]});
  if (const auto fault = solver_testing::assignment_certificate_fault(
          p, r, peerkit::assignment_objective::max_cardinality_then_weight))
    fail("assign/" + inst.name + "/peerkit: certificate does not hold: " + *fault);
}

void assign_peerkit(benchmark::State& state, std::string size) {
  const auto& inst = assignment_of(size);
  peerkit::assignment_result kept;
  const optimum got = measured_once(state, [&] {
    kept = peerkit_assignment(inst);
    return optimum{kept.pair_count, kept.total_weight};
  });
  check_assignment_certificate(inst, kept);
  agree("assign/" + size, "peerkit", got);
  for (auto _ : state) benchmark::DoNotOptimize(peerkit_assignment(inst));
  state.counters["edges"] = static_cast<double>(inst.weight.size());
}

optimum lemon_assignment(const bench::assignment_instance& inst) {
  long long capacity_sum = 0;
  for (const int c : inst.capacity) capacity_sum += c;
  const std::int64_t bonus = 1 + std::min<long long>(inst.supportees, capacity_sum) * 100;
  const auto out = lemon_reference::assignment(
      static_cast<int>(inst.capacity.size()), inst.capacity.data(), inst.supportees,
      static_cast<int>(inst.weight.size()), inst.supporter.data(), inst.supportee.data(),
      inst.weight.data(), bonus);
  return {out.pairs, out.total_weight};
}

void assign_lemon(benchmark::State& state, std::string size) {
  const auto& inst = assignment_of(size);
  agree("assign/" + size, "lemon", measured_once(state, [&] { return lemon_assignment(inst); }));
  for (auto _ : state) benchmark::DoNotOptimize(lemon_assignment(inst));
  state.counters["edges"] = static_cast<double>(inst.weight.size());
}

peerkit::weighted_matching_result peerkit_matching(const bench::matching_instance& inst) {
  peerkit::weighted_matching_problem p;
  p.vertex_count = inst.vertices;
  p.edges.resize(inst.weight.size());
  for (std::size_t k = 0; k < inst.weight.size(); ++k)
    p.edges[k] = {inst.u[k], inst.v[k], inst.weight[k]};
  return peerkit::solve_matching(p);
}

void duos_peerkit(benchmark::State& state, int n) {
  const auto& inst = matching_of(n);
  peerkit::weighted_matching_result kept;
  const optimum got = measured_once(state, [&] {
    kept = peerkit_matching(inst);
    return optimum{kept.pair_count, kept.total_weight};
  });
  peerkit::weighted_matching_problem p{inst.vertices, {}};
  for (std::size_t k = 0; k < inst.weight.size(); ++k)
    p.edges.push_back({inst.u[k], inst.v[k], inst.weight[k]});
  if (const auto fault = solver_testing::matching_certificate_fault(
          p, kept, peerkit::matching_objective::max_weight))
    fail("duos/" + std::to_string(n) + "/peerkit: certificate does not hold: " + *fault);
  // LEMON may add pairs of weight 0; only the weight is compared.
  agree("duos/" + std::to_string(n), "peerkit", {0, got.total_weight});
  for (auto _ : state) benchmark::DoNotOptimize(peerkit_matching(inst));
  state.counters["edges"] = static_cast<double>(inst.weight.size());
}

optimum lemon_matching(const bench::matching_instance& inst) {
  const auto out = lemon_reference::max_weight_matching(
      inst.vertices, static_cast<int>(inst.weight.size()), inst.u.data(), inst.v.data(),
      inst.weight.data());
  return {out.pairs, out.total_weight};
}

void duos_lemon(benchmark::State& state, int n) {
  const auto& inst = matching_of(n);
  const optimum got = measured_once(state, [&] { return lemon_matching(inst); });
  agree("duos/" + std::to_string(n), "lemon", {0, got.total_weight});
  for (auto _ : state) benchmark::DoNotOptimize(lemon_matching(inst));
  state.counters["edges"] = static_cast<double>(inst.weight.size());
}

}  // namespace

int main(int argc, char** argv) {
  for (const std::string size : {"S", "M", "L", "XL"}) {
    benchmark::RegisterBenchmark(("assign/" + size + "/peerkit").c_str(), assign_peerkit, size)
        ->Unit(benchmark::kMillisecond);
    benchmark::RegisterBenchmark(("assign/" + size + "/lemon").c_str(), assign_lemon, size)
        ->Unit(benchmark::kMillisecond);
  }
  for (const int n : {20, 200, 1000, 4000}) {
    benchmark::RegisterBenchmark(("duos/" + std::to_string(n) + "/peerkit").c_str(), duos_peerkit,
                                 n)
        ->Unit(benchmark::kMillisecond);
    benchmark::RegisterBenchmark(("duos/" + std::to_string(n) + "/lemon").c_str(), duos_lemon, n)
        ->Unit(benchmark::kMillisecond);
  }
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
