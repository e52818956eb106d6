#pragma once
// SVG pictures of a pairing, drawn by peerkit itself so that every front end (the tool, the
// Python module, a browser page) writes the same bytes without Graphviz: a self-contained
// SVG 1.1 document with integer coordinates only, no script, no stylesheet, no external
// reference and the generic sans-serif font, so it looks and reads the same everywhere.
//
// Supporters stand in the left column, supportees in the right one. The chosen pairs come
// first, in the result's order, each supporter beside its supportees so that chosen pairs
// are (nearly) level; the unused supporters and unpaired supportees follow, in request
// order, in dashed boxes marked "unused" and "unpaired". Chosen pairs are bold with their
// scores; the other pairs the rules allow are thin and light, and left out (with a note
// saying how many) when there are more than `svg_options::most_other_pairs`, where they
// would only be a grey smear. Every node and pair has a <title> for screen readers, the
// picture a <title> and an aria-label that sum it up.
// Labels are names or student numbers (dot_label, as in dot.hpp) and scores: no
// special-category data is ever written.

#include <cstddef>
#include <string>

#include <peerkit/matching/dot.hpp>
#include <peerkit/matching/pairing_graph.hpp>
#include <peerkit/matching/pairing_result.hpp>

namespace peerkit {

struct svg_options {
  dot_label label = dot_label::names;
  bool compatible_pairs = true;  ///< also draw compatible pairs that were not chosen...
  /// ...when there are at most this many of them; above it none are, and a note says so.
  /// A school's round of a few dozen students stays below it; one of hundreds of students
  /// has tens of thousands of compatible pairs, which would hide the chosen ones.
  std::size_t most_other_pairs = 600;
  bool scores = true;   ///< write the score on each chosen pair and in each pair's title
  std::string title{};  ///< a heading; the accessible name is "Pairing" when empty
};

/// The pairing `result` of the round `g` as an SVG document.
[[nodiscard]] std::string to_svg(const pairing_graph& g, const pairing_result& result,
                                 const svg_options& options = {});

}  // namespace peerkit

#ifndef PEERKIT_COMPILED
#include <peerkit/matching/svg-inl.hpp>
#endif
