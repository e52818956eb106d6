#pragma once
// Why a pairing is what it is, as data and in words:
//   - for each pair, its score criterion by criterion (and for the stable objective, what
//     place each gave the other), and when the two are not both free when their role
//     meets, that preference missed;
//   - for each unpaired supportee, what stands between them and every supporter: a rule
//     (which), or the supporter is full with pairs that score at least as high (stable:
//     with supportees the supporter prefers), or the objective gains nothing;
//   - for each unused supporter, the same from the supporter's side; with second
//     supportees last, also whether taking a supportee over would free a holder's
//     second place.
// Explanations never contain special-category data, nor facts derived from it: without an
// access_purpose the words give the special-category criteria only as their sum and a rule
// that reads such data only as one. describe() with an access_purpose names them and adds
// the details (languages in common, the country, the conflicting groups): that is the
// explicit access step, for the coordinator's eyes only.

#include <algorithm>
#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <peerkit/core/school.hpp>
#include <peerkit/core/sensitive.hpp>
#include <peerkit/matching/pairing_graph.hpp>
#include <peerkit/matching/pairing_result.hpp>
#include <peerkit/matching/rules.hpp>
#include <peerkit/matching/scores.hpp>

namespace peerkit {

/// What stands between two students who are not paired with each other.
enum class candidate_status {
  excluded,      ///< a hard rule excludes the pair; `rules` says which
  not_ranked,    ///< stable objective: one of the two does not rank the other
  taken,         ///< the supporter is full, or the supportee is paired elsewhere
  adds_nothing,  ///< best_total_score: the pair scores 0, the total would not change
  open,          ///< nothing: the pairing is not optimal for its objective
};

template <>
struct enum_keys<candidate_status> {
  static constexpr std::array<std::string_view, 5> keys{"excluded", "not_ranked", "taken",
                                                        "adds_nothing", "open"};
};

/// A pair that holds a place, with its score.
struct held_pair {
  student_id supporter;
  student_id supportee;
  score_points score = 0;
  bool pinned = false;  ///< pinned by the coordinator: holds the place whatever it scores
  friend bool operator==(const held_pair&, const held_pair&) = default;
};

/// One possible partner and what stands in the way.
struct candidate_note {
  student_id other;
  candidate_status status = candidate_status::excluded;
  rule_set rules;                     ///< for excluded
  std::optional<score_points> score;  ///< the score the two would have, when compatible
  std::vector<held_pair> held_by;     ///< for taken: the pairs holding the place
  /// For taken: every holding pair scores at least as high (stable: is preferred). Always
  /// true for an optimal result; the explanation states it rather than assumes it.
  bool held_by_better = false;
  /// For taken, from an unused supporter's side, with second supportees last
  /// (pairing_options::second_supportee_last): the holder also supports others, so moving
  /// the supportee over would free a second place. It stays only when moving costs more
  /// than that place: best_total_score, the holder scores higher; fairest, the pair would
  /// score below the worst pair.
  bool holder_has_others = false;
  friend bool operator==(const candidate_note&, const candidate_note&) = default;
};

/// Why a pair was chosen.
struct pair_explanation {
  student_id supporter;
  student_id supportee;
  score_breakdown score;
  bool pinned = false;
  std::optional<std::size_t>
      supporter_place;  ///< stable: place of the supportee in the supporter's order, 1 = first
  std::optional<std::size_t>
      supportee_place;  ///< stable: place of the supporter in the supportee's order
  friend bool operator==(const pair_explanation&, const pair_explanation&) = default;
};

/// The gist of why a student stays without a partner.
enum class unpaired_reason {
  no_compatible_partner,  ///< every possible partner is excluded by a rule
  not_acceptable,         ///< stable: no compatible partner ranks, or is ranked by, them
  all_taken,              ///< every compatible partner is taken by pairs at least as good
  no_gain,                ///< best_total_score: the only free partners would add 0
  not_optimal,            ///< a partner is open: the result is not optimal
};

template <>
struct enum_keys<unpaired_reason> {
  static constexpr std::array<std::string_view, 5> keys{"no_compatible_partner", "not_acceptable",
                                                        "all_taken", "no_gain", "not_optimal"};
};

/// Why a supportee is not paired, or a supporter not used; one note per student on the
/// other side, in request order.
struct unpaired_explanation {
  student_id who;
  unpaired_reason reason = unpaired_reason::no_compatible_partner;
  std::vector<candidate_note> candidates;
  friend bool operator==(const unpaired_explanation&, const unpaired_explanation&) = default;
};

struct pairing_explanation {
  objective goal = objective::most_supported;
  /// Second supportees came last (pairing_options::second_supportee_last, not stable).
  bool second_supportee_last = false;
  std::vector<pair_explanation> pairs;
  std::vector<unpaired_explanation> unpaired_supportees;
  std::vector<unpaired_explanation> unused_supporters;
  friend bool operator==(const pairing_explanation&, const pairing_explanation&) = default;
};

/// Why `result` is what it is, for the round of `g`.
[[nodiscard]] pairing_explanation explain(const pairing_graph& g, const pairing_result& result);

/// The explanation in words, one line per pair, unpaired supportee and unused supporter.
/// Names come from the school; no special-category data appears, nor which special-category
/// criterion scored ("special-category criteria = 4") or which such rule excluded a pair.
[[nodiscard]] std::string describe(const pairing_explanation& e, const school& sch);
/// The same, with the special-category details behind the scores and exclusions
/// (languages in common, the country of origin, the conflicting groups), read for `why`.
[[nodiscard]] std::string describe(const pairing_explanation& e, const school& sch,
                                   access_purpose why);

/// One pair in words, as in the explanation without the access step.
[[nodiscard]] std::string describe(const pair_explanation& p, const school& sch);

}  // namespace peerkit

#ifndef PEERKIT_COMPILED
#include <peerkit/matching/explanation-inl.hpp>
#endif
