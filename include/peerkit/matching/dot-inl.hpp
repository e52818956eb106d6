#pragma once
// Definitions of dot.hpp: inline here in header-only mode, compiled once into
// peerkit::compiled when PEERKIT_COMPILED is defined (see config.hpp).

#include <peerkit/config.hpp>
#include <peerkit/matching/dot.hpp>

namespace peerkit {

PEERKIT_INLINE std::string detail::dot_quoted(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out + "\"";
}

PEERKIT_INLINE std::string detail::dot_name(const student& s, dot_label how) {
  return how == dot_label::names ? s.name : "#" + std::to_string(s.id.value());
}

PEERKIT_INLINE detail::pairing_marks detail::marks_of(const pairing_graph& g,
                                                      const pairing_result& result) {
  pairing_marks m{
      {}, {}, std::vector<int>(g.supporter_count(), 0), std::vector<char>(g.supportee_count(), 0)};
  for (const auto& p : result.pairs) {
    auto i = g.supporter_index(p.supporter);
    auto j = g.supportee_index(p.supportee);
    PEERKIT_ASSERT(i && j, "a picture's result belongs to its pairing graph");
    ++m.used[*i];
    m.paired[*j] = 1;
    m.pairs.emplace_back(*i, *j);
    m.chosen.insert({*i, *j});
  }
  return m;
}

PEERKIT_INLINE std::string detail::role_and_load(const pairing_graph& g, std::size_t i, int used) {
  return std::string(name_of(g.role(i))) + ", " + std::to_string(used) + " of " +
         std::to_string(g.capacity(i));
}

PEERKIT_INLINE std::string detail::pair_note(const pairing_edge& e, bool scores) {
  std::string note = scores ? std::to_string(e.score.total) : std::string();
  if (e.pinned) note += note.empty() ? "pinned" : " (pinned)";
  return note;
}

PEERKIT_INLINE std::string to_dot(const pairing_graph& g, const pairing_result& result,
                                  const dot_options& options) {
  using detail::dot_quoted;
  const auto marks = detail::marks_of(g, result);
  std::string s = "graph pairing {\n  rankdir=LR;\n  ranksep=2.5;\n  nodesep=0.15;\n";
  s += "  node [shape=box, style=\"rounded,filled\", fillcolor=\"#ffffff\", "
       "fontname=\"Helvetica\"];\n";
  s += "  edge [fontname=\"Helvetica\", fontsize=10];\n";
  if (!options.title.empty()) s += "  label=" + dot_quoted(options.title) + ";\n  labelloc=t;\n";
  // Supporters in one column, supportees in the next; only chosen pairs shape the layout,
  // and scores are external labels, so the picture stays compact.
  s += "  subgraph supporters {\n    rank=same;\n";
  for (std::size_t i = 0; i < g.supporter_count(); ++i) {
    auto label = detail::dot_name(g.supporter(i), options.label) + "\n" +
                 detail::role_and_load(g, i, marks.used[i]);
    s += "    s" + std::to_string(i) + " [label=" + dot_quoted(label);
    if (marks.used[i] == 0)
      s += ", fillcolor=\"#eeeeee\", style=\"rounded,filled,dashed\", xlabel=\"unused\"";
    s += "];\n";
  }
  s += "  }\n  subgraph supportees {\n    rank=same;\n";
  for (std::size_t j = 0; j < g.supportee_count(); ++j) {
    s += "    t" + std::to_string(j) +
         " [label=" + dot_quoted(detail::dot_name(g.supportee(j), options.label));
    if (!marks.paired[j])
      s += ", fillcolor=\"#fde0dd\", color=\"#c51b7d\", style=\"rounded,filled,dashed\", "
           "xlabel=\"unpaired\"";
    s += "];\n";
  }
  s += "  }\n";
  for (const auto* e : g.edges()) {
    const bool picked = marks.chosen.count({e->supporter, e->supportee}) != 0;
    if (!picked && !options.compatible_pairs) continue;
    s += "  s" + std::to_string(e->supporter) + " -- t" + std::to_string(e->supportee) + " [";
    if (!picked) {
      s += "style=dashed, color=\"#cccccc\", constraint=false];\n";
      continue;
    }
    s += "penwidth=3, color=\"#1b7837\"";
    const auto note = detail::pair_note(*e, options.scores);
    if (!note.empty()) s += ", xlabel=" + dot_quoted(note);
    s += "];\n";
  }
  s += "}\n";
  return s;
}

PEERKIT_INLINE std::string to_dot(const duo_graph& g, const duo_result& result,
                                  const dot_options& options) {
  using detail::dot_quoted;
  std::set<std::pair<std::size_t, std::size_t>> chosen;
  std::vector<char> in_duo(g.candidate_count(), 0);
  for (const auto& d : result.duos) {
    auto a = g.index_of(d.first);
    auto b = g.index_of(d.second);
    PEERKIT_ASSERT(a && b, "to_dot: the duos belong to this duo graph");
    chosen.insert({std::min(*a, *b), std::max(*a, *b)});
    in_duo[*a] = in_duo[*b] = 1;
  }
  std::string s = "graph duos {\n  layout=neato;\n  overlap=false;\n";
  s += "  node [shape=box, style=\"rounded,filled\", fillcolor=\"#ffffff\", "
       "fontname=\"Helvetica\"];\n";
  s += "  edge [fontname=\"Helvetica\", fontsize=10];\n";
  if (!options.title.empty()) s += "  label=" + dot_quoted(options.title) + ";\n  labelloc=t;\n";
  for (std::size_t k = 0; k < g.candidate_count(); ++k) {
    s += "  c" + std::to_string(k) +
         " [label=" + dot_quoted(detail::dot_name(g.candidate(k), options.label));
    if (!in_duo[k])
      s += ", fillcolor=\"#fde0dd\", color=\"#c51b7d\", style=\"rounded,filled,dashed\", "
           "xlabel=\"reserve\"";
    s += "];\n";
  }
  for (const auto* e : g.edges()) {
    const bool picked = chosen.count({e->first, e->second}) != 0;
    if (!picked && !options.compatible_pairs) continue;
    s += "  c" + std::to_string(e->first) + " -- c" + std::to_string(e->second) + " [";
    s += picked ? "penwidth=3, color=\"#1b7837\""
                : "style=dashed, color=\"#bbbbbb\", fontcolor=\"#999999\"";
    if (options.scores) s += ", label=" + dot_quoted(std::to_string(e->score.total));
    s += "];\n";
  }
  return s + "}\n";
}

PEERKIT_INLINE std::string to_dot(const class_table& t, const class_result& result,
                                  const dot_options& options) {
  using detail::dot_quoted;
  std::set<std::pair<std::size_t, std::size_t>> chosen;
  std::vector<char> used(t.duo_count(), 0), covered(t.class_count(), 0);
  for (const auto& a : result.assignments) {
    auto d = t.duo_index(a.duo);
    auto c = t.class_index(a.for_class);
    PEERKIT_ASSERT(d && c, "to_dot: the assignment belongs to this class table");
    chosen.insert({*d, *c});
    used[*d] = covered[*c] = 1;
  }
  const auto& sch = t.school_data();
  std::string s = "graph classes {\n  rankdir=LR;\n  ranksep=2.5;\n  nodesep=0.15;\n";
  s += "  node [shape=box, style=\"rounded,filled\", fillcolor=\"#ffffff\", "
       "fontname=\"Helvetica\"];\n";
  s += "  edge [fontname=\"Helvetica\", fontsize=10];\n";
  if (!options.title.empty()) s += "  label=" + dot_quoted(options.title) + ";\n  labelloc=t;\n";
  s += "  subgraph duos {\n    rank=same;\n";
  for (std::size_t d = 0; d < t.duo_count(); ++d) {
    const auto* a = sch.find(t.duo(d).first);
    const auto* b = sch.find(t.duo(d).second);
    s += "    d" + std::to_string(d) + " [label=" +
         dot_quoted(detail::dot_name(*a, options.label) + " & " +
                    detail::dot_name(*b, options.label));
    if (!used[d]) s += ", fillcolor=\"#eeeeee\", style=\"rounded,filled,dashed\", xlabel=\"spare\"";
    s += "];\n";
  }
  s += "  }\n  subgraph classes {\n    rank=same;\n";
  for (std::size_t c = 0; c < t.class_count(); ++c) {
    s += "    k" + std::to_string(c) + " [label=" + dot_quoted(t.class_at(c).name);
    if (!covered[c])
      s += ", fillcolor=\"#fde0dd\", color=\"#c51b7d\", style=\"rounded,filled,dashed\", "
           "xlabel=\"no duo\"";
    s += "];\n";
  }
  s += "  }\n";
  for (std::size_t d = 0; d < t.duo_count(); ++d)
    for (std::size_t c = 0; c < t.class_count(); ++c) {
      const auto& o = t.option(d, c);
      if (!o.rules.empty()) continue;
      const bool picked = chosen.count({d, c}) != 0;
      if (!picked && !options.compatible_pairs) continue;
      s += "  d" + std::to_string(d) + " -- k" + std::to_string(c) + " [";
      if (!picked) {
        s += "style=dashed, color=\"#cccccc\", constraint=false];\n";
        continue;
      }
      s += "penwidth=3, color=\"#1b7837\"";
      if (options.scores) s += ", xlabel=" + dot_quoted(std::to_string(o.score.total));
      s += "];\n";
    }
  return s + "}\n";
}

}  // namespace peerkit
