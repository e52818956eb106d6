#pragma once
// An independent check of a buddy pairing. It shares no code with the solvers: from the
// school, the request and the settings it recomputes which pairs keep the rules and what
// each scores, then checks the result against them:
//   - every pair keeps every enabled rule and is not forbidden; every pin is present;
//   - no supporter above capacity, no supportee twice; scores, lists and totals as reported;
//   - optimality, for most_supported, best_total_score and fairest: no improving
//     alternating path or cycle exists (Bellman-Ford on the residual graph finds none), and
//     for fairest no pairing as large has a better worst pair (an augmenting-path count);
//     with second_supportee_last, places beyond a supporter's first cost a lexicographic
//     penalty in the residual graph, ranked as the objective ranks them;
//     a dual certificate, when the result carries one, is checked as well;
//   - stability, for stable: no blocking pair.
// Pinned pairs are fixed; optimality and stability concern the students left after them.
// A failed check is an outcome, reported as data, never thrown.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include <peerkit/core/error.hpp>
#include <peerkit/core/school.hpp>
#include <peerkit/matching/matching_policy.hpp>
#include <peerkit/matching/pairing_graph.hpp>
#include <peerkit/matching/pairing_result.hpp>
#include <peerkit/matching/rules.hpp>
#include <peerkit/matching/scores.hpp>
#include <peerkit/solvers/assignment_solver.hpp>

namespace peerkit {

/// A change that would make a pairing better for its objective: the alternating path or
/// cycle the verifier found.
struct improvement {
  std::vector<student_pair> add;
  std::vector<student_pair> remove;
  friend bool operator==(const improvement&, const improvement&) = default;
};

/// The verifier's findings. Problem ids: pairing.unknown_student, pairing.rule_broken,
/// pairing.over_capacity, pairing.supportee_twice, pairing.pin_missing, pairing.wrong_score,
/// pairing.inconsistent, pairing.not_acceptable, pairing.not_optimal, pairing.blocking_pair,
/// pairing.bad_certificate.
struct verification_report {
  std::vector<problem> problems;
  std::vector<std::string> proof;     ///< what was established, in words
  std::optional<improvement> better;  ///< an improving change, when one was found

  [[nodiscard]] bool ok() const noexcept { return problems.empty(); }
  /// True if some problem has this id.
  [[nodiscard]] bool has(std::string_view id) const noexcept {
    return std::any_of(problems.begin(), problems.end(),
                       [&](const problem& p) { return p.id == id; });
  }
};

/// Checks `result` for the round described by `sch`, `request` and `settings`; see the
/// header comment for what is checked. The request must be valid (a pairing_graph was
/// built from it).
[[nodiscard]] verification_report verify(const school& sch, const pairing_request& request,
                                         const matching_settings& settings,
                                         const pairing_result& result);

/// Checks `result` for the round `g` was built from. Only the graph's inputs are used.
[[nodiscard]] verification_report verify(const pairing_graph& g, const pairing_result& result);

}  // namespace peerkit

#ifndef PEERKIT_COMPILED
#include <peerkit/matching/verifier-inl.hpp>
#endif
