// peerkit's exact pairing solvers against LEMON on the same generated instances.
//
//   assign/<instance>/<side>  capacitated assignment, most pairs then total weight; side is
//                             peerkit, lemon_ns (NetworkSimplex), lemon_cs (CostScaling),
//                             lemon_caps (CapacityScaling) or floor (read the input, build
//                             the arrays, one greedy scan: no solver can be faster)
//   duos/<instance>/<side>    maximum weight matching of peer leaders: peerkit or lemon
//
// Each benchmark times graph build + solve. Before timing, it solves once more to record
// the optimum and the peak heap use (heap_MB, measured by counting operator new); all
// exact sides of an instance must reach the same optimum, and peerkit's optimality
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

void* counted(void* p) {
  if (p == nullptr) throw std::bad_alloc();
  heap_now += malloc_usable_size(p);
  if (heap_now > heap_peak) heap_peak = heap_now;
  return p;
}
}  // namespace

#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wmismatched-new-delete"
#endif

void* operator new(std::size_t size) { return counted(std::malloc(size == 0 ? 1 : size)); }
void operator delete(void* p) noexcept {
  if (p == nullptr) return;
  heap_now -= malloc_usable_size(p);
  std::free(p);
}
void operator delete(void* p, std::size_t) noexcept { operator delete(p); }
// Over-aligned types (such as a 32-byte search record) come through these.
void* operator new(std::size_t size, std::align_val_t align) {
  const auto a = static_cast<std::size_t>(align);
  // aligned_alloc takes a size that is a multiple of the alignment, and at least one.
  return counted(std::aligned_alloc(a, size == 0 ? a : (size + a - 1) / a * a));
}
void operator delete(void* p, std::align_val_t) noexcept { operator delete(p); }
void operator delete(void* p, std::size_t, std::align_val_t) noexcept { operator delete(p); }

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

// The assignment instances by name: <size>/<variant>. L and XL come in every variant;
// cap5 has a third as many supporters, so that places and supportees stay balanced.
std::map<std::string, bench::assignment_shape> assignment_shapes() {
  using bench::scores;
  std::map<std::string, bench::assignment_shape> shapes;
  shapes["S/s100"] = {15, 14, 13, 2, scores::uniform_100, false};
  shapes["dense/s100"] = {2'000, 2'000, 1'000, 2, scores::uniform_100, false};
  for (const auto& [size, supportees] : {std::pair<std::string, int>{"L", 3'000}, {"XL", 30'000}}) {
    const int supporters = supportees * 2 / 3;
    shapes[size + "/s100"] = {supporters, supportees, 35, 2, scores::uniform_100, false};
    shapes[size + "/s1e6"] = {supporters, supportees, 35, 2, scores::uniform_1e6, false};
    shapes[size + "/equal"] = {supporters, supportees, 35, 2, scores::all_equal, false};
    shapes[size + "/three"] = {supporters, supportees, 35, 2, scores::three_valued, false};
    shapes[size + "/popular"] = {supporters, supportees, 35, 2, scores::uniform_100, true};
    shapes[size + "/cap5"] = {supportees / 3, supportees, 35, 5, scores::uniform_100, false};
  }
  return shapes;
}

const bench::assignment_instance& assignment_of(const std::string& name) {
  static std::map<std::string, bench::assignment_instance> cache;
  auto it = cache.find(name);
  if (it != cache.end()) return it->second;
  return cache.emplace(name, bench::make_assignment(name, assignment_shapes().at(name), 20240901))
      .first->second;
}

// The duos instances by name: <n> (every leader names 25 others), dense/<n> (a quarter of
// the others) and complete/<n>.
const bench::matching_instance& matching_of(const std::string& name) {
  static std::map<std::string, bench::matching_instance> cache;
  auto it = cache.find(name);
  if (it != cache.end()) return it->second;
  const auto slash = name.find('/');
  const int n = std::stoi(slash == std::string::npos ? name : name.substr(slash + 1));
  int picks = 25;
  if (name.rfind("dense/", 0) == 0) picks = n / 4;
  if (name.rfind("complete/", 0) == 0) picks = n;
  return cache.emplace(name, bench::make_matching(name, n, picks, 20240902)).first->second;
}

peerkit::assignment_result peerkit_assignment(const bench::assignment_instance& inst) {
  peerkit::assignment_problem p;
  p.capacities = inst.capacity;
  p.supportee_count = inst.supportees;
  p.edges.reserve(inst.weight.size());  // each edge written once, not zeroed first
  for (std::size_t k = 0; k < inst.weight.size(); ++k)
    p.edges.push_back({inst.supporter[k], inst.supportee[k], inst.weight[k]});
  return peerkit::solve_assignment(p);
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

void assign_peerkit(benchmark::State& state, const std::string& name) {
  const auto& inst = assignment_of(name);
  peerkit::assignment_result kept;
  const optimum got = measured_once(state, [&] {
    kept = peerkit_assignment(inst);
    return optimum{kept.pair_count, kept.total_weight};
  });
  check_assignment_certificate(inst, kept);
  agree("assign/" + name, "peerkit", got);
  for (auto _ : state) benchmark::DoNotOptimize(peerkit_assignment(inst));
  state.counters["edges"] = static_cast<double>(inst.weight.size());
}

// The floor: what any solver must do at least. Reads the input into arrays grouped by
// supportee and lets each supportee, in order, take its best supporter with room.
optimum floor_assignment(const bench::assignment_instance& inst) {
  const int nr = inst.supportees;
  const std::size_t m = inst.weight.size();
  std::vector<int> begin(static_cast<std::size_t>(nr) + 1, 0);
  for (std::size_t k = 0; k < m; ++k) ++begin[inst.supportee[k] + 1];
  for (int j = 0; j < nr; ++j) begin[j + 1] += begin[j];
  std::vector<int> target(m);
  std::vector<std::int64_t> weight(m);
  std::vector<int> fill(begin.begin(), begin.end() - 1);
  for (std::size_t k = 0; k < m; ++k) {
    const int a = fill[inst.supportee[k]]++;
    target[a] = inst.supporter[k];
    weight[a] = inst.weight[k];
  }
  std::vector<int> room = inst.capacity;
  optimum got;
  for (int j = 0; j < nr; ++j) {
    int best = -1;
    for (int a = begin[j]; a < begin[j + 1]; ++a)
      if (room[target[a]] > 0 && (best < 0 || weight[a] > weight[best])) best = a;
    if (best < 0) continue;
    --room[target[best]];
    ++got.pairs;
    got.total_weight += weight[best];
  }
  return got;
}

void assign_floor(benchmark::State& state, const std::string& name) {
  const auto& inst = assignment_of(name);
  measured_once(state, [&] { return floor_assignment(inst); });
  for (auto _ : state) benchmark::DoNotOptimize(floor_assignment(inst));
  state.counters["edges"] = static_cast<double>(inst.weight.size());
}

optimum lemon_assignment(const bench::assignment_instance& inst,
                         lemon_reference::min_cost_flow algorithm) {
  long long capacity_sum = 0;
  for (const int c : inst.capacity) capacity_sum += c;
  const std::int64_t bonus = 1 +
                             std::min<long long>(inst.supportees, capacity_sum) * inst.max_weight;
  const auto out = lemon_reference::assignment(
      algorithm, static_cast<int>(inst.capacity.size()), inst.capacity.data(), inst.supportees,
      static_cast<int>(inst.weight.size()), inst.supporter.data(), inst.supportee.data(),
      inst.weight.data(), bonus);
  return {out.pairs, out.total_weight};
}

void assign_lemon(benchmark::State& state, const std::string& name, const std::string& side,
                  lemon_reference::min_cost_flow algorithm) {
  const auto& inst = assignment_of(name);
  agree("assign/" + name, side.c_str(),
        measured_once(state, [&] { return lemon_assignment(inst, algorithm); }));
  for (auto _ : state) benchmark::DoNotOptimize(lemon_assignment(inst, algorithm));
  state.counters["edges"] = static_cast<double>(inst.weight.size());
}

peerkit::weighted_matching_result peerkit_matching(const bench::matching_instance& inst) {
  peerkit::weighted_matching_problem p;
  p.vertex_count = inst.vertices;
  p.edges.reserve(inst.weight.size());  // each edge written once, not zeroed first
  for (std::size_t k = 0; k < inst.weight.size(); ++k)
    p.edges.push_back({inst.u[k], inst.v[k], inst.weight[k]});
  return peerkit::solve_matching(p);
}

void duos_peerkit(benchmark::State& state, const std::string& name) {
  const auto& inst = matching_of(name);
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
    fail("duos/" + name + "/peerkit: certificate does not hold: " + *fault);
  // LEMON may add pairs of weight 0; only the weight is compared.
  agree("duos/" + name, "peerkit", {0, got.total_weight});
  for (auto _ : state) benchmark::DoNotOptimize(peerkit_matching(inst));
  state.counters["edges"] = static_cast<double>(inst.weight.size());
}

optimum lemon_matching(const bench::matching_instance& inst) {
  const auto out = lemon_reference::max_weight_matching(
      inst.vertices, static_cast<int>(inst.weight.size()), inst.u.data(), inst.v.data(),
      inst.weight.data());
  return {out.pairs, out.total_weight};
}

void duos_lemon(benchmark::State& state, const std::string& name) {
  const auto& inst = matching_of(name);
  const optimum got = measured_once(state, [&] { return lemon_matching(inst); });
  agree("duos/" + name, "lemon", {0, got.total_weight});
  for (auto _ : state) benchmark::DoNotOptimize(lemon_matching(inst));
  state.counters["edges"] = static_cast<double>(inst.weight.size());
}

}  // namespace

int main(int argc, char** argv) {
  using lemon_reference::min_cost_flow;
  const auto ms = [](benchmark::internal::Benchmark* b) { b->Unit(benchmark::kMillisecond); };
  for (const auto& [name, shape] : assignment_shapes()) {
    const std::string at = "assign/" + name + "/";
    ms(benchmark::RegisterBenchmark((at + "peerkit").c_str(), assign_peerkit, name));
    ms(benchmark::RegisterBenchmark((at + "floor").c_str(), assign_floor, name));
    for (const auto& [side, algorithm] :
         {std::pair<std::string, min_cost_flow>{"lemon_ns", min_cost_flow::network_simplex},
          {"lemon_cs", min_cost_flow::cost_scaling},
          {"lemon_caps", min_cost_flow::capacity_scaling}})
      ms(benchmark::RegisterBenchmark((at + side).c_str(), assign_lemon, name, side, algorithm));
  }
  for (const std::string name : {"20", "200", "1000", "4000", "dense/1000", "complete/2000"}) {
    ms(benchmark::RegisterBenchmark(("duos/" + name + "/peerkit").c_str(), duos_peerkit, name));
    ms(benchmark::RegisterBenchmark(("duos/" + name + "/lemon").c_str(), duos_lemon, name));
  }
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
