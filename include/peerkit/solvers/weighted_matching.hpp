#pragma once
// Exact maximum weight matching in a general graph (peer leaders forming duos): Edmonds'
// blossom algorithm on integer weights, with the dual solution as a certificate.
//
//   max_weight                  - the largest total weight; an edge of weight <= 0 is never
//                                 chosen, since it cannot raise the total
//   max_cardinality_then_weight - as many pairs as possible, then the largest total weight
//
// Plain data in, plain data out: vertices are 0 .. vertex_count - 1, edges are listed with
// their weights. docs/solvers.md describes the algorithm, its complexity and the tie rules.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <string>
#include <utility>
#include <vector>

#include <peerkit/config.hpp>
#include <peerkit/core/error.hpp>
#include <peerkit/solvers/assignment_solver.hpp>

namespace peerkit {

/// An allowed pair of distinct vertices with its weight (|weight| <= max_pair_weight).
/// A pair listed twice is allowed; at most one copy is chosen.
struct weighted_matching_edge {
  int u = 0;
  int v = 0;
  std::int64_t weight = 0;
  friend bool operator==(const weighted_matching_edge&, const weighted_matching_edge&) = default;
};

/// A weighted graph: vertices 0 .. vertex_count - 1 and the allowed pairs.
struct weighted_matching_problem {
  int vertex_count = 0;
  std::vector<weighted_matching_edge> edges;
  friend bool operator==(const weighted_matching_problem&,
                         const weighted_matching_problem&) = default;
};

/// What solve_matching optimises.
enum class matching_objective {
  max_weight,                   ///< the largest total weight; edges of weight <= 0 never chosen
  max_cardinality_then_weight,  ///< most pairs, then the largest total weight
};

/// An odd set of vertices with its dual value.
struct blossom_dual {
  std::vector<int> vertices;  ///< ascending; an odd number, at least 3
  std::int64_t dual = 0;      ///< > 0, in the certificate's scale
  friend bool operator==(const blossom_dual&, const blossom_dual&) = default;
};

/// Optimality evidence: a solution of the dual of Edmonds' linear programme for the
/// weights (w_e + pair_bonus) * dual_scale. The matching is optimal exactly when
///   vertex_dual[u] + vertex_dual[v] + (sum of the duals of the blossoms holding both u
///   and v) >= (w_e + pair_bonus) * dual_scale   for every edge e = (u, v),
/// with equality on chosen edges; every dual is >= 0; a vertex with a positive dual is
/// matched; and a blossom (listed only when its dual is positive) of 2k + 1 vertices holds
/// k chosen edges. pair_bonus is 0 for max_weight; for max_cardinality_then_weight it
/// exceeds (vertex_count / 2) * (max(0, largest weight) + max(0, -smallest weight)), so the
/// certified matching has the most pairs and, among those, the largest weight.
struct matching_certificate {
  std::int64_t dual_scale = 4;
  std::int64_t pair_bonus = 0;
  std::vector<std::int64_t> vertex_dual;  ///< per vertex
  std::vector<blossom_dual> blossoms;     ///< a laminar family, sorted by vertex lists
  friend bool operator==(const matching_certificate&, const matching_certificate&) = default;
};

/// An optimal matching with its evidence.
struct weighted_matching_result {
  std::vector<int> chosen;  ///< indices into problem.edges, ascending
  std::vector<int> mate;    ///< per vertex: its partner, or -1
  int pair_count = 0;
  std::int64_t total_weight = 0;
  matching_certificate certificate;
  friend bool operator==(const weighted_matching_result&,
                         const weighted_matching_result&) = default;
};

namespace detail {

void validate_matching(const weighted_matching_problem& p);

}  // namespace detail

/// Solves `problem` exactly for `objective`.
///
/// Throws peerkit::error (ids matching.negative_count, matching.unknown_vertex,
/// matching.self_pair, matching.weight_out_of_range, matching.too_large) for invalid
/// input, naming every problem found.
///
/// Ties: among optimal matchings the result is fixed by the input alone (vertex and edge
/// order), identical on every platform; see docs/solvers.md.
/// Cost: O(V E log V) at worst; far less on sparse random graphs.
[[nodiscard]] weighted_matching_result solve_matching(
    const weighted_matching_problem& problem,
    matching_objective objective = matching_objective::max_weight);

}  // namespace peerkit

#ifndef PEERKIT_COMPILED
#include <peerkit/solvers/weighted_matching-inl.hpp>
#endif
