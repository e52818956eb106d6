#pragma once
// What a buddy pairing round produces: the chosen pairs with their scores, who stays
// unpaired and which supporters stay unused, and the totals the objective looked at.
// Plain values, by student id: a result outlives the graph it came from.

#include <optional>
#include <vector>

#include <peerkit/core/strong_id.hpp>
#include <peerkit/matching/matching_policy.hpp>
#include <peerkit/matching/scores.hpp>
#include <peerkit/solvers/assignment_solver.hpp>

namespace peerkit {

/// One supporter with one supportee. A supporter with two supportees (a triple) appears
/// in two chosen pairs.
struct chosen_pair {
  student_id supporter;
  student_id supportee;
  score_breakdown score;
  bool pinned = false;  ///< the coordinator pinned this pair
  friend bool operator==(const chosen_pair&, const chosen_pair&) = default;
};

struct pairing_result {
  objective goal = objective::most_supported;
  std::vector<chosen_pair> pairs;               ///< by supporter, then supportee, in request order
  std::vector<student_id> unpaired_supportees;  ///< in request order
  std::vector<student_id> unused_supporters;  ///< supporters without a supportee, in request order
  int supported = 0;                          ///< supportees paired
  score_points total_score = 0;
  std::optional<score_points> worst_score;  ///< the lowest pair score; none without pairs
  /// The solver's optimality evidence for most_supported, best_total_score and fairest,
  /// indexed by supporter and supportee in request order, over the students left after
  /// the pinned pairs. The verifier checks it; it never relies on it. Absent when second
  /// supportees came last and a supporter had room for two (its prices would be per place).
  std::optional<assignment_certificate> certificate;

  /// The supportees of `supporter`, in request order.
  [[nodiscard]] std::vector<student_id> supportees_of(student_id supporter) const {
    std::vector<student_id> out;
    for (const auto& p : pairs)
      if (p.supporter == supporter) out.push_back(p.supportee);
    return out;
  }
  /// The supporter of `supportee`, if paired.
  [[nodiscard]] std::optional<student_id> supporter_of(student_id supportee) const {
    for (const auto& p : pairs)
      if (p.supportee == supportee) return p.supporter;
    return std::nullopt;
  }
  friend bool operator==(const pairing_result&, const pairing_result&) = default;
};

}  // namespace peerkit
