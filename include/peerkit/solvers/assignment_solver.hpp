#pragma once
// Exact capacitated bipartite assignment: supporters with a capacity on one side,
// supportees paired at most once on the other, a sparse list of allowed pairs with integer
// weights (scores). Three objectives, all exact:
//
//   max_cardinality_then_weight - as many supportees paired as possible, then the largest
//                                 total weight among those pairings (the default)
//   max_weight                  - the largest total weight; a pair of weight <= 0 is never
//                                 chosen, since it cannot raise the total
//   max_min_then_weight         - as many supportees paired as possible, then the worst
//                                 pair as good as possible, then the largest total weight
//
// Every result carries the dual prices of the linear programme it solved, so that an
// independent checker can confirm optimality by complementary slackness (see
// assignment_certificate). Plain data in, plain data out: indices, not ids.
// docs/solvers.md describes the algorithms, their complexity and the tie rules.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <peerkit/config.hpp>
#include <peerkit/core/error.hpp>

namespace peerkit {

/// The largest absolute weight of a pair the exact solvers accept.
inline constexpr std::int64_t max_pair_weight = 1'000'000'000;

/// One allowed pair: a supporter (index into assignment_problem::capacities), a supportee
/// (0 <= supportee < supportee_count) and the pair's weight (its score; may be 0 or
/// negative; |weight| <= max_pair_weight). A pair listed twice is allowed: a supportee is
/// paired at most once, so at most one of the copies is chosen.
struct assignment_edge {
  int supporter = 0;
  int supportee = 0;
  std::int64_t weight = 0;
  friend bool operator==(const assignment_edge&, const assignment_edge&) = default;
};

/// A capacitated assignment problem. Supporter i takes at most capacities[i] supportees
/// (0 allowed); each supportee is paired at most once.
struct assignment_problem {
  std::vector<int> capacities;         ///< per supporter, >= 0
  int supportee_count = 0;             ///< supportees are 0 .. supportee_count - 1
  std::vector<assignment_edge> edges;  ///< the allowed pairs
  friend bool operator==(const assignment_problem&, const assignment_problem&) = default;
};

/// What solve_assignment optimises.
enum class assignment_objective {
  max_cardinality_then_weight,  ///< most supportees paired, then the largest total weight
  max_weight,                   ///< the largest total weight; pairs of weight <= 0 never chosen
  max_min_then_weight,          ///< most paired, then the best worst pair, then the largest total
};

/// Optimality evidence: prices of the linear programme
///
///     maximise  sum_e (w_e + pair_bonus) x_e
///     s.t.      sum of x_e at supporter i <= capacities[i],  sum of x_e at supportee j <= 1,
///               x >= 0,
///
/// over the edges with weight >= weight_floor (all edges when there is no floor). The
/// chosen pairing is optimal for it exactly when, for every such edge e = (i, j),
///
///     supporter_price[i] + supportee_price[j] >= w_e + pair_bonus  (equality if e is chosen),
///
/// every price is >= 0, a supporter with a positive price is full and a supportee with a
/// positive price is paired. When cardinality comes first, pair_bonus exceeds
/// B = S * (max(0, largest weight) + max(0, -smallest weight)), where S bounds the number
/// of pairs (min(supportee_count, sum of capacities)) and the weights are those of the
/// certified edges; a pairing optimal for such a bonus pairs as many supportees as
/// possible and, among those pairings, has the largest total weight.
struct assignment_certificate {
  std::int64_t pair_bonus = 0;                ///< 0 for max_weight
  std::optional<std::int64_t> weight_floor;   ///< max_min_then_weight: the worst pair's weight
  std::vector<std::int64_t> supporter_price;  ///< per supporter, >= 0
  std::vector<std::int64_t> supportee_price;  ///< per supportee, >= 0
  /// max_min_then_weight only: supporters and supportees that together touch every edge
  /// heavier than weight_floor, with capacities (a supportee counts 1) summing to fewer
  /// than the number of pairs chosen. So no pairing of that size avoids the floor: the
  /// worst pair cannot be better. Ascending indices.
  std::vector<int> heavier_cover_supporters;
  std::vector<int> heavier_cover_supportees;
  friend bool operator==(const assignment_certificate&, const assignment_certificate&) = default;
};

/// An optimal pairing with its evidence.
struct assignment_result {
  std::vector<int> chosen;          ///< indices into problem.edges, ascending
  std::vector<int> supportee_edge;  ///< per supportee: the chosen edge, or -1 when unpaired
  int pair_count = 0;
  std::int64_t total_weight = 0;
  std::optional<std::int64_t> worst_weight;  ///< the lowest chosen weight; none without pairs
  assignment_certificate certificate;
  friend bool operator==(const assignment_result&, const assignment_result&) = default;
};

namespace detail {

/// "an index in 0..n-1" for error messages, or why there is none.
std::string index_range(const char* what, long long n);

/// Arc indices are ints, with room to spare.
inline constexpr std::size_t max_edge_count = std::numeric_limits<int>::max() / 2;

/// Whether an edge names a supporter and a supportee that exist and has a weight in range.
/// Given the sizes, which a loop over the edges keeps at hand: read through `p`, they would
/// be read again after every store to an int.
inline bool edge_valid(const assignment_edge& e, std::size_t supporters, int supportees) {
  // Unsigned, one comparison per range: a negative supporter or weight wraps to a large
  // value (the supportee count may itself be out of range here, so that one stays signed).
  return static_cast<unsigned>(e.supporter) < supporters && e.supportee >= 0 &&
         e.supportee < supportees &&
         static_cast<std::uint64_t>(e.weight) + max_pair_weight <= 2 * max_pair_weight;
}
inline bool edge_valid(const assignment_problem& p, const assignment_edge& e) {
  return edge_valid(e, p.capacities.size(), p.supportee_count);
}

/// Whether the supportee count, the capacities and the number of edges are valid.
bool sizes_valid(const assignment_problem& p);

/// Throws peerkit::error naming every problem of `p` with its place, if there is one.
void validate_assignment(const assignment_problem& p);

/// A bonus per pair large enough that pairing one more supportee outweighs any difference
/// in total weight: 1 + pairs_bound * (max(0, max w) + max(0, -min w)).
std::int64_t cardinality_bonus(std::int64_t pairs_bound, std::int64_t max_w, std::int64_t min_w);

/// How much the searches explore, in multiples of the vertices, before a global price
/// update (see docs/solvers.md).
inline constexpr std::size_t default_update_after = 8;

/// The exact pairing over the edges with weight >= floor: most pairs first when
/// `cardinality_first`, else the largest weight (the caller then passes a floor of 1, so
/// that no edge of weight <= 0 takes part). Fills chosen and the certificate's prices and
/// bonus. `update_after` 0 updates prices globally after every search (for tests).
void solve_exact(const assignment_problem& p, std::int64_t floor, bool cardinality_first,
                 assignment_result& out, std::size_t update_after = default_update_after);

/// Maximum cardinality pairing (Hopcroft-Karp with capacities) over the edges with
/// weight >= floor. Returns the number of pairs; `cover`, when given, receives a minimum
/// cover (supporters, supportees) of those edges.
int max_pairs_from(const assignment_problem& p, std::int64_t floor,
                   std::pair<std::vector<int>, std::vector<int>>* cover);

void finish_assignment(const assignment_problem& p, assignment_result& out);

}  // namespace detail

/// Solves `problem` exactly for `objective`.
///
/// Throws peerkit::error (ids matching.negative_capacity, matching.negative_count,
/// matching.unknown_supporter, matching.unknown_supportee, matching.weight_out_of_range,
/// matching.too_large) for invalid input, naming every problem found.
///
/// Ties: among optimal pairings the result is fixed by the input alone (the order of
/// supporters, supportees and edges), identical on every platform; see docs/solvers.md.
/// Cost: one shortest-path search per unit of demand on the smaller side, each
/// O(E log V) at worst and usually far smaller; max_min_then_weight adds
/// O(E sqrt(V) log(distinct weights)) for cardinality checks.
[[nodiscard]] assignment_result solve_assignment(
    const assignment_problem& problem,
    assignment_objective objective = assignment_objective::max_cardinality_then_weight);

}  // namespace peerkit

#ifndef PEERKIT_COMPILED
#include <peerkit/solvers/assignment_solver-inl.hpp>
#endif
