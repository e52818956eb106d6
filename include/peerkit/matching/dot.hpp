#pragma once
// Graphviz DOT pictures of a pairing: supporters left, supportees right, the chosen pairs
// drawn bold with their scores, the other compatible pairs light and dashed; unpaired
// supportees and unused supporters are marked. Leader duos and their classes are drawn the
// same way. Render with `dot -Tsvg pairing.dot`.
// Labels are names (or student numbers, for a pseudonymised picture) and scores: no
// special-category data is ever written.

#include <algorithm>
#include <cstddef>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <peerkit/matching/class_assignment.hpp>
#include <peerkit/matching/leader_duos.hpp>
#include <peerkit/matching/pairing_graph.hpp>
#include <peerkit/matching/pairing_result.hpp>

namespace peerkit {

/// How students are labelled in a picture.
enum class dot_label {
  names,        ///< the students' names
  student_ids,  ///< student numbers only (pseudonymised)
};

struct dot_options {
  dot_label label = dot_label::names;
  bool compatible_pairs = true;  ///< also draw compatible pairs that were not chosen
  bool scores = true;            ///< write the score on each drawn pair
  std::string title{};           ///< a caption; none when empty
};

namespace detail {

/// A DOT double-quoted string.
std::string dot_quoted(std::string_view text);

/// A student as a picture labels them: name or student number.
std::string dot_name(const student& s, dot_label how);

/// What a picture of a pairing marks: the chosen pairs by graph index (in the result's
/// order, and as a set to look up), how many supportees each supporter has and which
/// supportees are paired.
struct pairing_marks {
  std::vector<std::pair<std::size_t, std::size_t>> pairs;
  std::set<std::pair<std::size_t, std::size_t>> chosen;
  std::vector<int> used;
  std::vector<char> paired;
};
pairing_marks marks_of(const pairing_graph& g, const pairing_result& result);

/// Supporter `i`'s role and how much of its capacity `used` takes: "peer buddy, 1 of 2".
std::string role_and_load(const pairing_graph& g, std::size_t i, int used);

/// What a picture writes on a chosen pair: its score when `scores`, and whether it was
/// pinned; empty when neither.
std::string pair_note(const pairing_edge& e, bool scores);

}  // namespace detail

/// The pairing `result` of the round `g` as a DOT graph.
[[nodiscard]] std::string to_dot(const pairing_graph& g, const pairing_result& result,
                                 const dot_options& options = {});

/// The duos `result` of the candidates of `g` as a DOT graph: duos bold, the other possible
/// duos dashed, reserves marked.
[[nodiscard]] std::string to_dot(const duo_graph& g, const duo_result& result,
                                 const dot_options& options = {});

/// The classes `result` of `t` as a DOT graph: duos left, classes right, each duo's class
/// bold, other allowed duo-class pairs dashed, classes without a duo and spare duos marked.
[[nodiscard]] std::string to_dot(const class_table& t, const class_result& result,
                                 const dot_options& options = {});

}  // namespace peerkit

#ifndef PEERKIT_COMPILED
#include <peerkit/matching/dot-inl.hpp>
#endif
