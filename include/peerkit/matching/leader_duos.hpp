#pragma once
// Peer leaders work in duos, one duo per first-year class (source 000 step 4): the two
// should complement each other as persons (shy with outgoing) and in qualities, and above
// all work together well. Duos are formed by an exact maximum-weight matching in the
// general graph of candidates: as many duos as possible, then the best total duo score.
// With an odd number of candidates one becomes the reserve, and the explanation says so.
//
// Duo score, per pair of candidates (weights in duo_options, trait names in duo_traits):
//   complementing_persons - sum over `complementing` traits of |a - b| (both rated)
//   qualities             - sum over `qualities` of the stronger rating - scale.min
//   working_together      - the teacher coach's observed rating of the two - scale.min,
//                           else the weaker `working_together` rating - scale.min
// Hard rules: consent on both sides, never two of conflicting groups (each switchable in
// duo_rules), and the coordinator's forbidden pairs; pinned duos are kept.

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdlib>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/graph_traits.hpp>

#include <peerkit/core/error.hpp>
#include <peerkit/core/school.hpp>
#include <peerkit/matching/matching_policy.hpp>
#include <peerkit/matching/rules.hpp>
#include <peerkit/matching/scores.hpp>
#include <peerkit/solvers/weighted_matching.hpp>

namespace peerkit {

/// Two leaders, in no particular order.
struct leader_pair {
  student_id first;
  student_id second;
  /// The same pair with the smaller id first.
  [[nodiscard]] constexpr leader_pair normalised() const noexcept {
    return first <= second ? *this : leader_pair{second, first};
  }
  [[nodiscard]] constexpr bool involves(student_id s) const noexcept { return first == s || second == s; }
  friend constexpr bool operator==(const leader_pair&, const leader_pair&) = default;
  friend constexpr auto operator<=>(const leader_pair&, const leader_pair&) = default;
};

/// How well two candidates worked together when the teacher coach saw them (in training),
/// on the duo scale.
struct observed_pair {
  student_id first;
  student_id second;
  int rating = 0;
  friend bool operator==(const observed_pair&, const observed_pair&) = default;
};

/// What a coordinator asks of duo formation.
struct duo_request {
  std::vector<student_id> candidates{};
  date on{};                              ///< consent must hold on this date
  std::vector<observed_pair> observed{};  ///< the teacher coach's observations
  std::vector<leader_pair> pinned{};      ///< duos that must be formed
  std::vector<leader_pair> forbidden{};   ///< duos that must never be formed
  friend bool operator==(const duo_request&, const duo_request&) = default;
};

struct duo_criterion_score {
  duo_criterion what = duo_criterion::complementing_persons;
  int raw = 0;
  int weight = 0;
  score_points points = 0;
  std::vector<std::string> because;  ///< the traits behind raw
  friend bool operator==(const duo_criterion_score&, const duo_criterion_score&) = default;
};

struct duo_score {
  std::array<duo_criterion_score, 3> criteria{};  ///< in the order of all_duo_criteria
  score_points total = 0;
  [[nodiscard]] const duo_criterion_score& operator[](duo_criterion c) const noexcept {
    return criteria[static_cast<std::size_t>(c)];
  }
  friend bool operator==(const duo_score&, const duo_score&) = default;
};

/// The score of `a` and `b` as a duo; `observed` is the teacher coach's rating, if any.
[[nodiscard]] inline duo_score score_duo(const student& a, const student& b, const duo_options& o,
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
    qualities += std::max(0, std::max(x.value_or(o.scale.min), y.value_or(o.scale.min)) - o.scale.min);
    if (x != y) covered.push_back(t);  // one of the two brings more of it
  }
  set(duo_criterion::qualities, qualities, std::move(covered));
  int together = 0;
  std::vector<std::string> source;
  if (observed) {
    together = std::max(0, *observed - o.scale.min);
    source.emplace_back("observed by the teacher coach");
  } else if (auto x = a.rating(traits.working_together), y = b.rating(traits.working_together); x && y) {
    together = std::max(0, std::min(*x, *y) - o.scale.min);
    source.push_back(traits.working_together);
  }
  set(duo_criterion::working_together, together, std::move(source));
  return d;
}

/// A candidate in the duo graph.
struct duo_vertex {
  std::size_t index = 0;
  student_id student;
};

/// A possible duo: both keep every rule.
struct duo_edge {
  std::size_t first = 0;   ///< candidate index, the smaller of the two
  std::size_t second = 0;
  duo_score score;
  bool pinned = false;
};

/// The general graph of leader candidates on Boost.Graph: an edge for every two who may
/// form a duo. Keeps a reference to the school, which must outlive it. Throws
/// peerkit::error for an invalid request.
class duo_graph {
 public:
  using graph_type =
      boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS, duo_vertex, duo_edge>;

  duo_graph(const school& sch, duo_request request, matching_settings settings)
      : school_(&sch), request_(std::move(request)), settings_(std::move(settings)) {
    validate(settings_);
    check_and_index();
    build();
  }

  [[nodiscard]] const graph_type& graph() const noexcept { return graph_; }
  [[nodiscard]] const school& school_data() const noexcept { return *school_; }
  [[nodiscard]] const duo_request& request() const noexcept { return request_; }
  [[nodiscard]] const matching_settings& settings() const noexcept { return settings_; }
  [[nodiscard]] std::size_t candidate_count() const noexcept { return candidates_.size(); }
  [[nodiscard]] const student& candidate(std::size_t k) const { return *candidates_.at(k); }
  [[nodiscard]] std::optional<std::size_t> index_of(student_id id) const {
    auto it = at_.find(id);
    return it == at_.end() ? std::nullopt : std::optional<std::size_t>(it->second);
  }
  [[nodiscard]] const duo_edge* find(std::size_t a, std::size_t b) const {
    auto [e, found] = boost::edge(a, b, graph_);
    return found ? &graph_[e] : nullptr;
  }
  /// Every rule that keeps `a` and `b` from forming a duo; empty when they may.
  [[nodiscard]] rule_set excluded_by(std::size_t a, std::size_t b) const {
    rule_set broken;
    const auto& r = settings_.duos.rules;
    if (r.consent && !(detail::consents_on(candidate(a), request_.on) &&
                       detail::consents_on(candidate(b), request_.on)))
      broken.add(pairing_rule::consent);
    if (r.conflicting_groups && detail::in_conflicting_groups(*school_, candidate(a), candidate(b)))
      broken.add(pairing_rule::conflicting_groups);
    if (forbidden_.count(ordered(a, b)) != 0) broken.add(pairing_rule::coordinator_forbids);
    return broken;
  }
  /// The possible duos, by first candidate, then second, in request order.
  [[nodiscard]] std::vector<const duo_edge*> edges() const {
    std::vector<const duo_edge*> out;
    for (auto e : boost::make_iterator_range(boost::edges(graph_))) out.push_back(&graph_[e]);
    std::sort(out.begin(), out.end(), [](const duo_edge* x, const duo_edge* y) {
      return std::pair(x->first, x->second) < std::pair(y->first, y->second);
    });
    return out;
  }
  /// Whether candidate `k` is in a pinned duo.
  [[nodiscard]] bool pinned(std::size_t k) const { return pinned_.at(k) != 0; }

 private:
  static std::pair<std::size_t, std::size_t> ordered(std::size_t a, std::size_t b) {
    return a < b ? std::pair(a, b) : std::pair(b, a);
  }

  void check_and_index() {
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
      if (check_pair(request_.forbidden[k].first, request_.forbidden[k].second, element_location("forbidden", k)))
        forbidden_.insert(ordered(at_.at(request_.forbidden[k].first), at_.at(request_.forbidden[k].second)));
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
        problems.add("matching.pin_breaks_rule", element_location("pinned", k), "a duo that keeps every rule; this one breaks: " + rules);
        continue;
      }
      if (pinned_[a] || pinned_[b]) {
        problems.add("matching.pin_conflict", element_location("pinned", k), "each candidate in one pinned duo at most");
        continue;
      }
      pinned_[a] = pinned_[b] = 1;
      pinned_pairs_.insert(ordered(a, b));
    }
    problems.throw_if_any();
  }

  void build() {
    graph_ = graph_type(candidates_.size());
    for (std::size_t k = 0; k < candidates_.size(); ++k) graph_[k] = {k, candidates_[k]->id};
    for (std::size_t a = 0; a < candidates_.size(); ++a)
      for (std::size_t b = a + 1; b < candidates_.size(); ++b) {
        if (!excluded_by(a, b).empty()) continue;
        auto obs = observed_.find({a, b});
        duo_edge e{a, b,
                   score_duo(*candidates_[a], *candidates_[b], settings_.duos, settings_.duo_trait_names,
                             obs == observed_.end() ? std::nullopt : std::optional<int>(obs->second)),
                   pinned_pairs_.count({a, b}) != 0};
        boost::add_edge(a, b, std::move(e), graph_);
      }
  }

  const school* school_;
  duo_request request_;
  matching_settings settings_;
  std::vector<const student*> candidates_;
  std::map<student_id, std::size_t> at_;
  std::set<std::pair<std::size_t, std::size_t>> forbidden_;
  std::set<std::pair<std::size_t, std::size_t>> pinned_pairs_;
  std::map<std::pair<std::size_t, std::size_t>, int> observed_;
  std::vector<char> pinned_;
  graph_type graph_;
};

/// A duo of leaders.
struct leader_duo {
  student_id first;   ///< earlier in the request
  student_id second;
  duo_score score;
  bool pinned = false;
  [[nodiscard]] leader_pair pair() const noexcept { return {first, second}; }
  friend bool operator==(const leader_duo&, const leader_duo&) = default;
};

struct duo_result {
  std::vector<leader_duo> duos;      ///< by first candidate in request order
  std::vector<student_id> reserves;  ///< candidates without a duo, in request order
  score_points total_score = 0;
  /// The solver's optimality evidence (Edmonds' dual), over the candidates left after the
  /// pinned duos, vertices in request order.
  std::optional<matching_certificate> certificate;
  friend bool operator==(const duo_result&, const duo_result&) = default;
};

namespace detail {

inline duo_result assemble_duos(const duo_graph& g, std::vector<std::pair<std::size_t, std::size_t>> chosen) {
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

}  // namespace detail

/// Forms the duos of `g`: as many as possible, then the best total duo score, pinned duos
/// kept. Exact and deterministic.
[[nodiscard]] inline duo_result form_duos(const duo_graph& g) {
  weighted_matching_problem problem;
  problem.vertex_count = static_cast<int>(g.candidate_count());
  for (const auto* e : g.edges())
    if (!g.pinned(e->first) && !g.pinned(e->second))
      problem.edges.push_back({static_cast<int>(e->first), static_cast<int>(e->second), e->score.total});
  auto solved = solve_matching(problem, matching_objective::max_cardinality_then_weight);
  std::vector<std::pair<std::size_t, std::size_t>> chosen;
  for (int k : solved.chosen)
    chosen.emplace_back(static_cast<std::size_t>(problem.edges[k].u), static_cast<std::size_t>(problem.edges[k].v));
  auto r = detail::assemble_duos(g, std::move(chosen));
  r.certificate = std::move(solved.certificate);
  return r;
}

/// Builds the duo graph for `request` under `policy` and forms the duos.
template <MatchingPolicy P>
[[nodiscard]] duo_result form_duos(const school& sch, const duo_request& request, const P& policy) {
  return form_duos(duo_graph(sch, request, policy.settings()));
}

/// Why a candidate has no duo.
enum class reserve_reason {
  odd_count,              ///< an odd number of candidates, everyone else in a duo: one is left over
  no_compatible_partner,  ///< every other candidate is excluded by a rule
  partners_taken,         ///< every possible partner is in a duo; re-forming gives no more or better duos
};

template <>
struct enum_keys<reserve_reason> {
  static constexpr std::array<std::string_view, 3> keys{"odd_count", "no_compatible_partner",
                                                        "partners_taken"};
};

/// Another candidate and what keeps the two apart.
struct duo_note {
  student_id other;
  rule_set rules;                       ///< non-empty when a rule excludes the duo
  std::optional<score_points> score;    ///< the two as a duo, when possible
  std::optional<leader_duo> other_duo;  ///< the duo the other is in, if any
  friend bool operator==(const duo_note&, const duo_note&) = default;
};

struct reserve_explanation {
  student_id who;
  reserve_reason reason = reserve_reason::odd_count;
  std::vector<duo_note> others;  ///< every other candidate, in request order
  friend bool operator==(const reserve_explanation&, const reserve_explanation&) = default;
};

struct duo_explanation {
  std::size_t candidates = 0;
  std::vector<leader_duo> duos;  ///< with their score breakdowns
  std::vector<reserve_explanation> reserves;
  friend bool operator==(const duo_explanation&, const duo_explanation&) = default;
};

/// Why the duos are what they are, and why each reserve is one.
[[nodiscard]] inline duo_explanation explain(const duo_graph& g, const duo_result& r) {
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
    if (!any_possible) e.reason = reserve_reason::no_compatible_partner;
    else if (r.reserves.size() == 1 && g.candidate_count() % 2 == 1) e.reason = reserve_reason::odd_count;
    out.reserves.push_back(std::move(e));
  }
  return out;
}

/// The duo explanation in words: one line per duo and per reserve. No special-category data.
[[nodiscard]] inline std::string describe(const duo_explanation& e, const school& sch) {
  auto name = [&](student_id id) {
    const auto* s = sch.find(id);
    return s ? s->name : "student " + std::to_string(id.value());
  };
  std::string s;
  for (const auto& d : e.duos) {
    s += name(d.first) + " and " + name(d.second) + " form a duo (score " + std::to_string(d.score.total) + ")";
    std::string parts;
    for (const auto& c : d.score.criteria) {
      if (c.raw == 0) continue;
      if (!parts.empty()) parts += "; ";
      parts += std::string(describe(c.what)) + " " + std::to_string(c.raw) + " x " + std::to_string(c.weight) +
               " = " + std::to_string(c.points);
      if (!c.because.empty()) {
        parts += " (";
        for (std::size_t k = 0; k < c.because.size(); ++k) parts += (k ? ", " : "") + c.because[k];
        parts += ")";
      }
    }
    s += parts.empty() ? "." : ": " + parts + ".";
    if (d.pinned) s += " Pinned by the coordinator.";
    s += "\n";
  }
  for (const auto& r : e.reserves) {
    s += name(r.who) + " is a reserve: ";
    switch (r.reason) {
      case reserve_reason::odd_count:
        s += "with " + std::to_string(e.candidates) +
             " candidates one is left over, and leaving out " + name(r.who) +
             " gives the most duos with the best total score.";
        break;
      case reserve_reason::no_compatible_partner: s += "no other candidate can form a duo with " + name(r.who) + "."; break;
      case reserve_reason::partners_taken:
        s += "every possible partner is in a duo, and re-forming the duos gives no more duos and no better total.";
        break;
    }
    std::string excluded;
    for (const auto& n : r.others)
      if (!n.rules.empty()) {
        std::string rules;
        for (auto rule : n.rules.list()) rules += (rules.empty() ? "" : "; ") + std::string(describe(rule));
        excluded += (excluded.empty() ? "" : "; ") + name(n.other) + " (" + rules + ")";
      }
    if (!excluded.empty()) s += " Excluded by a rule: " + excluded + ".";
    s += "\n";
  }
  return s;
}

}  // namespace peerkit
