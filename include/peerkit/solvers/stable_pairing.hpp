#pragma once
// Stable pairing of supporters (with capacities) and supportees (one supporter each) from
// ranked preferences: deferred acceptance (Gale and Shapley; the hospitals/residents form),
// either side proposing. The proposing side gets the best partners it can have in any
// stable pairing; the other side the worst.
//
// A pair is acceptable only when each lists the other; unlisted partners are never paired.
// Stable means no blocking pair: an acceptable supporter and supportee who are not paired
// together, where the supportee is unpaired or prefers the supporter to its own, and the
// supporter has room or prefers the supportee to one of its own.
// Plain data in, plain data out: indices, best first. docs/solvers.md has the details.

#include <algorithm>
#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include <peerkit/config.hpp>
#include <peerkit/core/error.hpp>

namespace peerkit {

/// Ranked preferences. Supporter i takes at most capacities[i] supportees and ranks
/// supporter_ranking[i] (supportee indices, best first); supportee j ranks
/// supportee_ranking[j] (supporter indices, best first). No index twice in one ranking.
struct stable_pairing_problem {
  std::vector<int> capacities;                      ///< per supporter, >= 0
  std::vector<std::vector<int>> supporter_ranking;  ///< per supporter
  std::vector<std::vector<int>> supportee_ranking;  ///< per supportee
  friend bool operator==(const stable_pairing_problem&, const stable_pairing_problem&) = default;
};

/// Which side proposes; it gets its best stable partners.
enum class stable_proposer { supportees, supporters };

/// A stable pairing.
struct stable_pairing_result {
  std::vector<int> supporter_of;                ///< per supportee: its supporter, or -1
  std::vector<std::vector<int>> supportees_of;  ///< per supporter: its supportees, best first
  int pair_count = 0;
  friend bool operator==(const stable_pairing_result&, const stable_pairing_result&) = default;
};

namespace detail {

void validate_stable(const stable_pairing_problem& p);

}  // namespace detail

/// The stable pairing best for the proposing side (deferred acceptance).
///
/// Throws peerkit::error (ids matching.negative_capacity, matching.size_mismatch,
/// matching.unknown_supporter, matching.unknown_supportee, matching.repeated_choice) for
/// invalid input, naming every problem found.
/// Cost: O(L log L) for L listed preferences. The result depends on the preferences alone,
/// not on the order in which proposals are made.
[[nodiscard]] stable_pairing_result stable_pairing(
    const stable_pairing_problem& problem, stable_proposer proposer = stable_proposer::supportees);

/// The blocking pairs (supporter, supportee) of a pairing given as the supporter of each
/// supportee (-1 when unpaired), ascending; empty exactly when the pairing is stable.
/// Assumes the pairing respects the capacities and uses acceptable pairs only.
[[nodiscard]] std::vector<std::pair<int, int>> blocking_pairs(const stable_pairing_problem& problem,
                                                              const std::vector<int>& supporter_of);

}  // namespace peerkit

#ifndef PEERKIT_COMPILED
#include <peerkit/solvers/stable_pairing-inl.hpp>
#endif
