#pragma once
// Shared by the solver tests: a seeded generator whose draws are the same with every
// standard library (std distributions are not), and independent checkers of the
// optimality evidence the solvers return.

#include <cstdint>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include <peerkit/solvers/assignment_solver.hpp>
#include <peerkit/solvers/weighted_matching.hpp>

namespace solver_testing {

/// Draws from std::mt19937 (its output is fixed by the standard) without std distributions.
class draw {
 public:
  explicit draw(std::uint32_t seed) : engine_(seed) {}
  /// Uniform in [lo, hi] (modulo bias is irrelevant here, the sequence is what matters).
  long long in(long long lo, long long hi) {
    const auto span = static_cast<std::uint64_t>(hi - lo) + 1;
    const std::uint64_t x = (static_cast<std::uint64_t>(engine_()) << 32) | engine_();
    return lo + static_cast<long long>(x % span);
  }
  bool chance(int percent) { return in(0, 99) < percent; }

 private:
  std::mt19937 engine_;
};

/// Why the certificate of `r` does not prove it optimal for `objective`, or nothing.
inline std::optional<std::string> assignment_certificate_fault(
    const peerkit::assignment_problem& p, const peerkit::assignment_result& r,
    peerkit::assignment_objective objective) {
  using peerkit::assignment_objective;
  const auto& c = r.certificate;
  const auto nl = p.capacities.size();
  const auto nr = static_cast<std::size_t>(p.supportee_count);
  if (c.supporter_price.size() != nl || c.supportee_price.size() != nr) return "price vector sizes";
  std::vector<int> load(nl, 0);
  std::vector<int> paired(nr, 0);
  std::vector<char> chosen(p.edges.size(), 0);
  for (const int k : r.chosen) {
    if (k < 0 || static_cast<std::size_t>(k) >= p.edges.size()) return "chosen index out of range";
    if (chosen[k]) return "edge chosen twice";
    chosen[k] = 1;
    ++load[p.edges[k].supporter];
    ++paired[p.edges[k].supportee];
  }
  for (std::size_t i = 0; i < nl; ++i)
    if (load[i] > p.capacities[i]) return "capacity exceeded at supporter " + std::to_string(i);
  for (std::size_t j = 0; j < nr; ++j)
    if (paired[j] > 1) return "supportee paired twice: " + std::to_string(j);
  const bool floored = objective == assignment_objective::max_min_then_weight;
  if (floored != c.weight_floor.has_value() && r.pair_count > 0) return "weight floor presence";
  const std::int64_t floor = c.weight_floor.value_or(INT64_MIN);
  for (std::size_t i = 0; i < nl; ++i) {
    if (c.supporter_price[i] < 0) return "negative supporter price";
    if (c.supporter_price[i] > 0 && load[i] < p.capacities[i])
      return "priced supporter with room: " + std::to_string(i);
  }
  for (std::size_t j = 0; j < nr; ++j) {
    if (c.supportee_price[j] < 0) return "negative supportee price";
    if (c.supportee_price[j] > 0 && paired[j] == 0)
      return "priced unpaired supportee: " + std::to_string(j);
  }
  std::int64_t max_w = 0;
  std::int64_t min_w = 0;
  long long capacity_sum = 0;
  for (const int cap : p.capacities) capacity_sum += cap;
  for (std::size_t k = 0; k < p.edges.size(); ++k) {
    const auto& e = p.edges[k];
    if (e.weight < floor) {
      if (chosen[k]) return "chosen edge below the floor";
      continue;
    }
    max_w = std::max(max_w, e.weight);
    min_w = std::min(min_w, e.weight);
    const std::int64_t sum = c.supporter_price[e.supporter] + c.supportee_price[e.supportee];
    if (sum < e.weight + c.pair_bonus)
      return "edge " + std::to_string(k) + " not covered by prices";
    if (chosen[k] && sum != e.weight + c.pair_bonus)
      return "chosen edge " + std::to_string(k) + " not tight";
  }
  if (objective == assignment_objective::max_weight) {
    if (c.pair_bonus != 0) return "bonus for max_weight";
    for (const int k : r.chosen)
      if (p.edges[k].weight <= 0) return "max_weight chose a pair of weight <= 0";
  } else {
    const long long bound = std::min<long long>(p.supportee_count, capacity_sum);
    if (c.pair_bonus <= bound * (max_w - min_w)) return "bonus too small to rank cardinality first";
  }
  if (floored && r.pair_count > 0) {
    if (r.worst_weight != c.weight_floor) return "worst weight differs from floor";
    std::vector<char> in_l(nl, 0);
    std::vector<char> in_r(nr, 0);
    long long value = 0;
    for (const int i : c.heavier_cover_supporters) {
      in_l[i] = 1;
      value += p.capacities[i];
    }
    for (const int j : c.heavier_cover_supportees) {
      in_r[j] = 1;
      ++value;
    }
    if (value >= r.pair_count) return "heavier cover too large";
    for (const auto& e : p.edges)
      if (e.weight > floor && !in_l[e.supporter] && !in_r[e.supportee])
        return "heavier edge uncovered";
  }
  std::int64_t total = 0;
  for (const int k : r.chosen) total += p.edges[k].weight;
  if (total != r.total_weight || static_cast<int>(r.chosen.size()) != r.pair_count) return "totals";
  for (std::size_t j = 0; j < nr; ++j) {
    const int k = r.supportee_edge[j];
    if ((k >= 0) != (paired[j] == 1)) return "supportee_edge disagrees with chosen";
    if (k >= 0 && (!chosen[k] || p.edges[k].supportee != static_cast<int>(j)))
      return "supportee_edge wrong";
  }
  return std::nullopt;
}

/// Why the certificate of `r` does not prove it a maximum weight matching, or nothing.
inline std::optional<std::string> matching_certificate_fault(
    const peerkit::weighted_matching_problem& p, const peerkit::weighted_matching_result& r,
    peerkit::matching_objective objective) {
  const auto n = static_cast<std::size_t>(p.vertex_count);
  const auto& c = r.certificate;
  if (c.vertex_dual.size() != n || r.mate.size() != n) return "sizes";
  std::vector<char> chosen(p.edges.size(), 0);
  std::vector<int> degree(n, 0);
  std::int64_t total = 0;
  for (const int k : r.chosen) {
    if (chosen[k]) return "edge chosen twice";
    chosen[k] = 1;
    const auto& e = p.edges[k];
    ++degree[e.u];
    ++degree[e.v];
    if (r.mate[e.u] != e.v || r.mate[e.v] != e.u) return "mate disagrees with chosen";
    total += e.weight;
  }
  for (std::size_t v = 0; v < n; ++v) {
    if (degree[v] > 1) return "vertex matched twice";
    if (degree[v] == 0 && r.mate[v] != -1) return "mate without edge";
    if (c.vertex_dual[v] < 0) return "negative vertex dual";
    if (c.vertex_dual[v] > 0 && degree[v] == 0) return "free vertex with positive dual";
  }
  if (total != r.total_weight || static_cast<int>(r.chosen.size()) != r.pair_count) return "totals";
  // Blossom duals: odd sets, positive values, full.
  std::vector<std::vector<char>> member;
  for (const auto& b : c.blossoms) {
    if (b.vertices.size() % 2 == 0 || b.vertices.size() < 3) return "blossom not an odd set";
    if (b.dual <= 0) return "blossom dual not positive";
    std::vector<char> in(n, 0);
    for (const int v : b.vertices) in[v] = 1;
    int inside = 0;
    for (const int k : r.chosen)
      if (in[p.edges[k].u] && in[p.edges[k].v]) ++inside;
    if (2 * inside + 1 != static_cast<int>(b.vertices.size()))
      return "blossom with positive dual not full";
    member.push_back(std::move(in));
  }
  std::int64_t max_w = 0;
  std::int64_t min_w = 0;
  for (std::size_t k = 0; k < p.edges.size(); ++k) {
    const auto& e = p.edges[k];
    max_w = std::max(max_w, e.weight);
    min_w = std::min(min_w, e.weight);
    std::int64_t sum = c.vertex_dual[e.u] + c.vertex_dual[e.v];
    for (std::size_t b = 0; b < member.size(); ++b)
      if (member[b][e.u] && member[b][e.v]) sum += c.blossoms[b].dual;
    const std::int64_t need = c.dual_scale * (e.weight + c.pair_bonus);
    if (sum < need) return "edge " + std::to_string(k) + " not covered by duals";
    if (chosen[k] && sum != need) return "chosen edge " + std::to_string(k) + " not tight";
  }
  if (objective == peerkit::matching_objective::max_weight) {
    if (c.pair_bonus != 0) return "bonus for max_weight";
    for (const int k : r.chosen)
      if (p.edges[k].weight <= 0) return "max_weight chose an edge of weight <= 0";
  } else if (c.pair_bonus <= static_cast<std::int64_t>(n / 2) * (max_w - min_w)) {
    return "bonus too small to rank cardinality first";
  }
  return std::nullopt;
}

}  // namespace solver_testing
