#pragma once
// Definitions of weighted_matching.hpp: inline here in header-only mode, compiled once into
// peerkit::compiled when PEERKIT_COMPILED is defined (see config.hpp).

#include <peerkit/config.hpp>
#include <peerkit/solvers/detail/blossom_forest.hpp>
#include <peerkit/solvers/weighted_matching.hpp>

namespace peerkit {

PEERKIT_INLINE void detail::validate_matching(const weighted_matching_problem& p) {
  problem_list problems;
  if (p.vertex_count < 0)
    problems.add(
        "matching.negative_count", "vertex_count",
        "the number of vertices must be 0 or more; found " + std::to_string(p.vertex_count));
  for (std::size_t k = 0; k < p.edges.size(); ++k) {
    const auto& e = p.edges[k];
    const bool in_range = e.u >= 0 && e.u < p.vertex_count && e.v >= 0 && e.v < p.vertex_count;
    const bool weight_ok = e.weight <= max_pair_weight && e.weight >= -max_pair_weight;
    if (in_range && e.u != e.v && weight_ok) continue;
    const std::string at = "edges[" + std::to_string(k) + "]";
    const std::string range = "expected " + detail::index_range("vertex", p.vertex_count) +
                              "; found ";
    if (e.u < 0 || e.u >= p.vertex_count)
      problems.add("matching.unknown_vertex", at + ".u", range + std::to_string(e.u));
    if (e.v < 0 || e.v >= p.vertex_count)
      problems.add("matching.unknown_vertex", at + ".v", range + std::to_string(e.v));
    if (in_range && e.u == e.v)
      problems.add(
          "matching.self_pair", at,
          "a vertex cannot be paired with itself; found " + std::to_string(e.u) + " on both ends");
    if (!weight_ok)
      problems.add("matching.weight_out_of_range", at + ".weight",
                   "expected a weight between -" + std::to_string(max_pair_weight) + " and " +
                       std::to_string(max_pair_weight) + "; found " + std::to_string(e.weight));
  }
  if (p.edges.size() > static_cast<std::size_t>(std::numeric_limits<int>::max() / 4))
    problems.add("matching.too_large", "edges", "too many edges for one problem");
  problems.throw_if_any();
}

PEERKIT_INLINE weighted_matching_result solve_matching(const weighted_matching_problem& problem,
                                                       matching_objective objective) {
  detail::validate_matching(problem);
  const int n = problem.vertex_count;
  const bool cardinality_first = objective == matching_objective::max_cardinality_then_weight;
  std::int64_t bonus = 0;
  if (cardinality_first) {
    std::int64_t max_w = 0;
    std::int64_t min_w = 0;
    for (const auto& e : problem.edges) {
      max_w = std::max(max_w, e.weight);
      min_w = std::min(min_w, e.weight);
    }
    // Scaled by 4 and summed over two vertices, the duals must stay far from overflow.
    bonus = detail::cardinality_bonus(n / 2, max_w, min_w);
    if (bonus > (std::int64_t{1} << 58))
      throw error("matching.too_large", "edges",
                  "the weights and the number of vertices are too large to rank matchings exactly");
  }
  constexpr std::int64_t scale = 4;
  // An edge of weight <= 0 cannot raise the total; with a bonus every edge is worth more.
  const auto worth = [&](const weighted_matching_edge& e) { return e.weight + bonus; };
  const auto kept = static_cast<std::size_t>(std::count_if(
      problem.edges.begin(), problem.edges.end(), [&](const auto& e) { return worth(e) > 0; }));
  // Sized exactly: growing vectors would hold up to twice the memory while they grow.
  std::vector<int> use(kept);
  std::vector<int> eu(kept);
  std::vector<int> ev(kept);
  std::vector<std::int64_t> w(kept);
  std::size_t at = 0;
  for (std::size_t k = 0; k < problem.edges.size(); ++k) {
    const auto& e = problem.edges[k];
    if (worth(e) <= 0) continue;
    use[at] = static_cast<int>(k);
    eu[at] = e.u;
    ev[at] = e.v;
    w[at] = worth(e) * scale;
    ++at;
  }
  detail::blossom_forest forest(n, std::move(eu), std::move(ev), std::move(w));
  forest.run();

  weighted_matching_result out;
  out.mate.assign(static_cast<std::size_t>(n), -1);
  out.certificate.dual_scale = scale;
  out.certificate.pair_bonus = bonus;
  out.certificate.vertex_dual.resize(static_cast<std::size_t>(n));
  for (int v = 0; v < n; ++v) {
    out.mate[v] = forest.mate_of(v);
    out.certificate.vertex_dual[v] = forest.vertex_dual(v);
    const int k = forest.mate_edge(v);
    if (k >= 0 && v < out.mate[v]) out.chosen.push_back(use[k]);
  }
  std::sort(out.chosen.begin(), out.chosen.end());
  for (const int k : out.chosen) out.total_weight += problem.edges[k].weight;
  out.pair_count = static_cast<int>(out.chosen.size());
  forest.for_each_blossom([&](const std::vector<int>& vertices, std::int64_t z) {
    out.certificate.blossoms.push_back({vertices, z});
  });
  std::sort(out.certificate.blossoms.begin(), out.certificate.blossoms.end(),
            [](const blossom_dual& a, const blossom_dual& b) { return a.vertices < b.vertices; });
  return out;
}

}  // namespace peerkit
