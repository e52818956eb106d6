#pragma once
// Definitions of leader_duos.hpp: inline here in header-only mode, compiled once into
// peerkit::compiled when PEERKIT_COMPILED is defined (see config.hpp).

#include <peerkit/config.hpp>
#include <peerkit/matching/explanation.hpp>
#include <peerkit/matching/leader_duos.hpp>

namespace peerkit {

PEERKIT_INLINE duo_score score_duo(const student& a, const student& b, const duo_options& o,
                                   const duo_traits& traits, std::optional<int> observed) {
  duo_score d;
  auto set = [&](duo_criterion c, int raw, std::vector<std::string> because) {
    auto& cs = d.criteria[static_cast<std::size_t>(c)];
    cs.what = c;
    cs.raw = raw;
    cs.weight = o.weights.of(c);
    cs.points = static_cast<score_points>(raw) * cs.weight;
    cs.because = std::move(because);
    d.total += cs.points;
  };
  int persons = 0;
  std::vector<std::string> differ;
  for (const auto& t : traits.complementing) {
    auto x = a.rating(t);
    auto y = b.rating(t);
    if (!x || !y || *x == *y) continue;
    persons += std::abs(*x - *y);
    differ.push_back(t);
  }
  set(duo_criterion::complementing_persons, persons, std::move(differ));
  int qualities = 0;
  std::vector<std::string> covered;
  for (const auto& t : traits.qualities) {
    auto x = a.rating(t);
    auto y = b.rating(t);
    if (!x && !y) continue;
    qualities += std::max(0,
                          std::max(x.value_or(o.scale.min), y.value_or(o.scale.min)) - o.scale.min);
    if (x != y) covered.push_back(t);  // one of the two brings more of it
  }
  set(duo_criterion::qualities, qualities, std::move(covered));
  int together = 0;
  std::vector<std::string> source;
  if (observed) {
    together = std::max(0, *observed - o.scale.min);
    source.emplace_back(duo_english.observed);
  } else if (auto x = a.rating(traits.working_together), y = b.rating(traits.working_together);
             x && y) {
    together = std::max(0, std::min(*x, *y) - o.scale.min);
    source.push_back(traits.working_together);
  }
  set(duo_criterion::working_together, together, std::move(source));
  return d;
}

PEERKIT_INLINE duo_graph::duo_graph(const school& sch, duo_request request,
                                    matching_settings settings)
    : school_(&sch), request_(std::move(request)), settings_(std::move(settings)) {
  validate(settings_);
  check_and_index();
  build();
}

PEERKIT_INLINE std::optional<std::size_t> duo_graph::index_of(student_id id) const {
  auto it = at_.find(id);
  return it == at_.end() ? std::nullopt : std::optional<std::size_t>(it->second);
}

PEERKIT_INLINE const duo_edge* duo_graph::find(std::size_t a, std::size_t b) const {
  auto [e, found] = boost::edge(a, b, graph_);
  return found ? &graph_[e] : nullptr;
}

PEERKIT_INLINE rule_set duo_graph::excluded_by(std::size_t a, std::size_t b) const {
  rule_set broken;
  const auto& r = settings_.duos.rules;
  if (r.consent &&
      !(may_process(candidate(a), request_.on) && may_process(candidate(b), request_.on)))
    broken.add(pairing_rule::consent);
  if (r.conflicting_groups && detail::in_conflicting_groups(*school_, candidate(a), candidate(b)))
    broken.add(pairing_rule::conflicting_groups);
  if (forbidden_.count(ordered(a, b)) != 0) broken.add(pairing_rule::coordinator_forbids);
  return broken;
}

PEERKIT_INLINE std::vector<const duo_edge*> duo_graph::edges() const {
  std::vector<const duo_edge*> out;
  for (auto e : boost::make_iterator_range(boost::edges(graph_))) out.push_back(&graph_[e]);
  std::sort(out.begin(), out.end(), [](const duo_edge* x, const duo_edge* y) {
    return std::pair(x->first, x->second) < std::pair(y->first, y->second);
  });
  return out;
}

PEERKIT_INLINE std::pair<std::size_t, std::size_t> duo_graph::ordered(std::size_t a,
                                                                      std::size_t b) {
  return a < b ? std::pair(a, b) : std::pair(b, a);
}

PEERKIT_INLINE void duo_graph::check_and_index() {
  problem_list problems;
  if (settings_.duos.rules.consent && request_.on.is_special())
    problems.add("matching.missing_date", "on", "the date on which consent must hold; found none");
  for (std::size_t k = 0; k < request_.candidates.size(); ++k) {
    const auto id = request_.candidates[k];
    const auto* st = school_->find(id);
    if (!st) {
      problems.add("matching.unknown_student", element_location("candidates", k),
                   "no student has id " + std::to_string(id.value()));
      continue;
    }
    if (!at_.emplace(id, candidates_.size()).second) {
      problems.add("matching.duplicate_student", element_location("candidates", k),
                   "student " + std::to_string(id.value()) + " is already a candidate");
      continue;
    }
    candidates_.push_back(st);
  }
  auto check_pair = [&](student_id a, student_id b, const std::string& at) {
    bool ok = true;
    for (auto [id, field] : {std::pair{a, "first"}, std::pair{b, "second"}})
      if (at_.count(id) == 0) {
        problems.add("matching.unknown_student", at + "." + field,
                     "a candidate, found id " + std::to_string(id.value()));
        ok = false;
      }
    if (ok && a == b) {
      problems.add("matching.same_student", at, "two different candidates, found one twice");
      ok = false;
    }
    return ok;
  };
  for (std::size_t k = 0; k < request_.forbidden.size(); ++k)
    if (check_pair(request_.forbidden[k].first, request_.forbidden[k].second,
                   element_location("forbidden", k)))
      forbidden_.insert(
          ordered(at_.at(request_.forbidden[k].first), at_.at(request_.forbidden[k].second)));
  for (std::size_t k = 0; k < request_.observed.size(); ++k) {
    const auto& o = request_.observed[k];
    if (!check_pair(o.first, o.second, element_location("observed", k))) continue;
    const auto sc = settings_.duos.scale;
    if (o.rating < sc.min || o.rating > sc.max)
      problems.add("matching.out_of_scale", element_location("observed", k, "rating"),
                   "a rating in " + std::to_string(sc.min) + ".." + std::to_string(sc.max) +
                       ", found " + std::to_string(o.rating));
    else
      observed_[ordered(at_.at(o.first), at_.at(o.second))] = o.rating;
  }
  pinned_.assign(candidates_.size(), 0);
  for (std::size_t k = 0; k < request_.pinned.size(); ++k) {
    const auto& p = request_.pinned[k];
    if (!check_pair(p.first, p.second, element_location("pinned", k))) continue;
    const auto a = at_.at(p.first), b = at_.at(p.second);
    if (auto broken = excluded_by(a, b); !broken.empty()) {
      std::string rules;
      for (auto r : broken.list()) rules += (rules.empty() ? "" : "; ") + std::string(describe(r));
      problems.add("matching.pin_breaks_rule", element_location("pinned", k),
                   "a duo that keeps every rule; this one breaks: " + rules);
      continue;
    }
    if (pinned_[a] || pinned_[b]) {
      problems.add("matching.pin_conflict", element_location("pinned", k),
                   "each candidate in one pinned duo at most");
      continue;
    }
    pinned_[a] = pinned_[b] = 1;
    pinned_pairs_.insert(ordered(a, b));
  }
  problems.throw_if_any();
}

PEERKIT_INLINE void duo_graph::build() {
  graph_ = graph_type(candidates_.size());
  for (std::size_t k = 0; k < candidates_.size(); ++k) graph_[k] = {k, candidates_[k]->id};
  for (std::size_t a = 0; a < candidates_.size(); ++a)
    for (std::size_t b = a + 1; b < candidates_.size(); ++b) {
      if (!excluded_by(a, b).empty()) continue;
      auto obs = observed_.find({a, b});
      duo_edge e{
          a, b,
          score_duo(*candidates_[a], *candidates_[b], settings_.duos, settings_.duo_trait_names,
                    obs == observed_.end() ? std::nullopt : std::optional<int>(obs->second)),
          pinned_pairs_.count({a, b}) != 0};
      boost::add_edge(a, b, e, graph_);
    }
}

PEERKIT_INLINE duo_result
detail::assemble_duos(const duo_graph& g, std::vector<std::pair<std::size_t, std::size_t>> chosen) {
  for (const auto* e : g.edges())
    if (e->pinned) chosen.emplace_back(e->first, e->second);
  for (auto& c : chosen)
    if (c.first > c.second) std::swap(c.first, c.second);
  std::sort(chosen.begin(), chosen.end());
  duo_result r;
  std::vector<char> in_duo(g.candidate_count(), 0);
  for (auto [a, b] : chosen) {
    const auto* e = g.find(a, b);
    PEERKIT_ASSERT(e, "assemble_duos: only possible duos are chosen");
    r.duos.push_back({g.candidate(a).id, g.candidate(b).id, e->score, e->pinned});
    r.total_score += e->score.total;
    in_duo[a] = in_duo[b] = 1;
  }
  for (std::size_t k = 0; k < g.candidate_count(); ++k)
    if (!in_duo[k]) r.reserves.push_back(g.candidate(k).id);
  return r;
}

PEERKIT_INLINE duo_result form_duos(const duo_graph& g) {
  weighted_matching_problem problem;
  problem.vertex_count = static_cast<int>(g.candidate_count());
  for (const auto* e : g.edges())
    if (!g.pinned(e->first) && !g.pinned(e->second))
      problem.edges.push_back(
          {static_cast<int>(e->first), static_cast<int>(e->second), e->score.total});
  auto solved = solve_matching(problem, matching_objective::max_cardinality_then_weight);
  std::vector<std::pair<std::size_t, std::size_t>> chosen;
  for (int k : solved.chosen)
    chosen.emplace_back(static_cast<std::size_t>(problem.edges[k].u),
                        static_cast<std::size_t>(problem.edges[k].v));
  auto r = detail::assemble_duos(g, std::move(chosen));
  r.certificate = std::move(solved.certificate);
  return r;
}

PEERKIT_INLINE duo_explanation explain(const duo_graph& g, const duo_result& r) {
  duo_explanation out{g.candidate_count(), r.duos, {}};
  std::map<student_id, const leader_duo*> duo_of;
  for (const auto& d : r.duos) duo_of[d.first] = duo_of[d.second] = &d;
  for (auto who : r.reserves) {
    const auto k = *g.index_of(who);
    reserve_explanation e{who, reserve_reason::partners_taken, {}};
    bool any_possible = false;
    for (std::size_t o = 0; o < g.candidate_count(); ++o) {
      if (o == k) continue;
      duo_note n{g.candidate(o).id, {}, std::nullopt, std::nullopt};
      if (const auto* edge = g.find(k, o)) {
        n.score = edge->score.total;
        any_possible = true;
      } else {
        n.rules = g.excluded_by(k, o);
      }
      if (auto it = duo_of.find(n.other); it != duo_of.end()) n.other_duo = *it->second;
      e.others.push_back(std::move(n));
    }
    if (!any_possible)
      e.reason = reserve_reason::no_compatible_partner;
    else if (r.reserves.size() == 1 && g.candidate_count() % 2 == 1)
      e.reason = reserve_reason::odd_count;
    out.reserves.push_back(std::move(e));
  }
  return out;
}

PEERKIT_INLINE std::string describe(const duo_explanation& e, const school& sch,
                                    report_language language) {
  const auto& w = duo_words(language);
  const auto& shared = explanation_words(language);
  auto name = [&](student_id id) {
    const auto* s = sch.find(id);
    return s ? s->name : fill(shared.student, {std::to_string(id.value())});
  };
  std::string s;
  for (const auto& d : e.duos) {
    s += fill(w.duo, {name(d.first), name(d.second), std::to_string(d.score.total)});
    std::string parts;
    for (const auto& c : d.score.criteria) {
      if (c.raw == 0) continue;
      if (!parts.empty()) parts += "; ";
      parts += fill(shared.criterion_points,
                    {w.criteria[static_cast<std::size_t>(c.what)], std::to_string(c.raw),
                     std::to_string(c.weight), std::to_string(c.points)});
      if (!c.because.empty()) {
        parts += " (";
        for (std::size_t k = 0; k < c.because.size(); ++k)
          parts += (k ? ", " : "") +
                   (c.because[k] == duo_english.observed ? std::string(w.observed) : c.because[k]);
        parts += ")";
      }
    }
    s += parts.empty() ? "." : ": " + parts + ".";
    if (d.pinned) s += shared.pinned_by_coordinator;
    s += "\n";
  }
  for (const auto& r : e.reserves) {
    s += fill(w.reserve, {name(r.who)});
    switch (r.reason) {
      case reserve_reason::odd_count:
        s += fill(w.odd_count, {std::to_string(e.candidates), name(r.who)});
        break;
      case reserve_reason::no_compatible_partner:
        s += fill(w.no_compatible_partner, {name(r.who)});
        break;
      case reserve_reason::partners_taken: s += w.partners_taken; break;
    }
    std::string excluded;
    for (const auto& n : r.others)
      if (!n.rules.empty()) {
        std::string rules;
        for (auto rule : n.rules.list())
          rules += (rules.empty() ? "" : "; ") +
                   std::string(reads_special_category(rule)
                                   ? shared.rule_without_access
                                   : shared.rules[static_cast<std::size_t>(rule)]);
        excluded += (excluded.empty() ? "" : "; ") +
                    fill(shared.excluded_by, {name(n.other), rules}) + ")";
      }
    if (!excluded.empty()) s += fill(shared.excluded, {excluded});
    s += "\n";
  }
  return s;
}

}  // namespace peerkit
