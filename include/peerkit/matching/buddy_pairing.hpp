#pragma once
// Pairing buddies with supportees: the objective a school chose, solved exactly on the
// pairing graph, with the coordinator's pins kept and forbidden pairs left out; the request
// that pairs again after a pair stops, keeping every other pair (whether a supportee may
// get a new supporter is the closure's rematch policy: programme/rematching.hpp pairs
// again under it); and the result as support_pair values for the programme.
//
//   pairing_graph g(school, request, policy.settings());
//   auto result = pair_buddies(g);
//   auto why = explain(g, result);             // explanation.hpp
//   auto report = verify(g, result);           // verifier.hpp
//   auto pairs = to_support_pairs(request, result, pair_id{1}, request.on);
//
// Pinned pairs are fixed first; the objective is optimised over the students left.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include <peerkit/core/error.hpp>
#include <peerkit/core/support_pair.hpp>
#include <peerkit/matching/matching_policy.hpp>
#include <peerkit/matching/pairing_graph.hpp>
#include <peerkit/matching/pairing_result.hpp>
#include <peerkit/solvers/assignment_solver.hpp>
#include <peerkit/solvers/stable_pairing.hpp>

namespace peerkit {

namespace detail {
/// The result from the chosen (supporter, supportee) indices of `g`, pins included.
pairing_result assemble(const pairing_graph& g,
                        std::vector<std::pair<std::size_t, std::size_t>> chosen);
}  // namespace detail

/// Pairs the round of `g` for its objective. Exact: the result is an optimum (objectives
/// most_supported, best_total_score, fairest) or a stable pairing optimal for the
/// proposing side (stable). With pairing_options::second_supportee_last, places beyond a
/// supporter's first are used only where the objective needs them. Deterministic: ties
/// are broken by request order.
[[nodiscard]] pairing_result pair_buddies(const pairing_graph& g);

/// Builds the graph for `request` under `policy` and pairs it. Keep the graph (build it
/// yourself) when the result is to be explained or drawn.
template <MatchingPolicy P>
[[nodiscard]] pairing_result pair_buddies(const school& sch, const pairing_request& request,
                                          const P& policy) {
  return pair_buddies(pairing_graph(sch, request, policy.settings()));
}

/// A pair that stopped during the year, and why.
struct stopped_pair {
  student_id supporter;
  student_id supportee;
  end_reason why = end_reason::no_click;
  friend bool operator==(const stopped_pair&, const stopped_pair&) = default;
};

/// Who leaves the round when a pair stops for `why`: the supporter, the supportee, both.
struct leaving {
  bool supporter = false;
  bool supportee = false;
};

/// A supporter who left school or withdrew leaves the round, as does a supportee who left,
/// withdrew, or needs professional help; after a completed period both leave. Otherwise
/// both stay, and only their pair is forbidden.
[[nodiscard]] constexpr leaving who_leaves(end_reason why) noexcept {
  switch (why) {
    case end_reason::supporter_left_school:
    case end_reason::supporter_withdrew: return {true, false};
    case end_reason::supportee_left_school:
    case end_reason::supportee_withdrew:
    case end_reason::support_too_heavy: return {false, true};
    case end_reason::period_completed: return {true, true};
    case end_reason::no_click:
    case end_reason::consent_withdrawn:
    case end_reason::other: return {false, false};
  }
  return {false, false};
}

/// The request that pairs again after `stopped`: every other pair of `current` pinned (so
/// kept as is), the stopped pair forbidden, students who leave (who_leaves) taken out,
/// consent checked on `on`. Throws peerkit::error ("matching.unknown_pair") when the
/// stopped pair is not in `current`. Whether to pair it is the rematch policy's call
/// (programme/rematching.hpp).
[[nodiscard]] pairing_request rematch_request(const pairing_request& original,
                                              const pairing_result& current,
                                              const stopped_pair& stopped, date on);

/// The pairing as the programme's support pairs: one per supporter with supportees (a
/// pair, or a triple for a supporter with two), in request order, with ids from `first`
/// on, started on `started`.
[[nodiscard]] std::vector<support_pair> to_support_pairs(const pairing_request& request,
                                                         const pairing_result& result,
                                                         pair_id first, date started);

}  // namespace peerkit

#ifndef PEERKIT_COMPILED
#include <peerkit/matching/buddy_pairing-inl.hpp>
#endif
