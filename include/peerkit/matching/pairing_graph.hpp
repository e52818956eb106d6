#pragma once
// The bipartite pairing graph of one pairing round, on Boost.Graph: supporters on one
// side, supportees on the other, an edge for every pair that keeps all hard rules, scored
// criterion by criterion. Supporters have a capacity (their role's maximum, or the
// school's own number for that supporter); a supportee is paired at most once.
//
// The graph keeps a reference to the school: the school must outlive it. Building it
// checks the request and throws peerkit::error listing every problem found.
// Cost: every supporter is checked against every supportee, O(supporters x supportees).

#include <algorithm>
#include <cstddef>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/graph_traits.hpp>

#include <peerkit/core/error.hpp>
#include <peerkit/core/roles.hpp>
#include <peerkit/core/roles_policy.hpp>
#include <peerkit/core/school.hpp>
#include <peerkit/core/student.hpp>
#include <peerkit/matching/matching_policy.hpp>
#include <peerkit/matching/rules.hpp>
#include <peerkit/matching/scores.hpp>

namespace peerkit {

/// A supporter taking part in a pairing round.
struct supporter_entry {
  student_id student;
  supporter_role role = supporter_role::peer_buddy;
  /// The programme's parameters of the role; the shipped defaults of `role` when empty.
  std::optional<role_parameters> parameters{};
  /// The school's own capacity for this supporter; the role's maximum when empty.
  std::optional<int> capacity{};
  friend bool operator==(const supporter_entry&, const supporter_entry&) = default;
};

/// The supporters of one role for a pairing round, e.g. those ready_for_matching() lists,
/// with the parameters the programme runs the role with.
[[nodiscard]] inline std::vector<supporter_entry> as_supporters(
    const std::vector<student_id>& students, const role_entry& role) {
  std::vector<supporter_entry> out;
  out.reserve(students.size());
  for (auto id : students) out.push_back({id, role.kind, role.parameters, std::nullopt});
  return out;
}

/// A supporter and a supportee, named by id.
struct student_pair {
  student_id supporter;
  student_id supportee;
  friend constexpr auto operator<=>(const student_pair&, const student_pair&) = default;
};

/// A student's ranked preferences, best first, for the stable objective. Students without
/// a ranking prefer higher-scoring partners (ties: the order of the request).
struct ranking {
  student_id who;
  std::vector<student_id> best_first{};
  friend bool operator==(const ranking&, const ranking&) = default;
};

/// What a coordinator asks of one pairing round.
struct pairing_request {
  std::vector<supporter_entry> supporters{};
  std::vector<student_id> supportees{};
  date on{};                              ///< the pairing date: consent must hold on it
  std::vector<student_pair> pinned{};     ///< pairs that must be in the result
  std::vector<student_pair> forbidden{};  ///< pairs that must never be in the result
  std::vector<ranking> rankings{};        ///< ranked preferences, used by the stable objective
  friend bool operator==(const pairing_request&, const pairing_request&) = default;
};

/// Which side of the pairing graph a vertex is on.
enum class pairing_side { supporter, supportee };

/// Vertex data: a supporter (index into request.supporters) or a supportee.
struct pairing_vertex {
  pairing_side side = pairing_side::supporter;
  std::size_t index = 0;
  student_id student;
  int capacity = 1;  ///< supportees a supporter can take; 1 for a supportee
};

/// Edge data: a pair that keeps every hard rule, with its score.
struct pairing_edge {
  std::size_t supporter = 0;
  std::size_t supportee = 0;
  score_breakdown score;
  bool pinned = false;
};

class pairing_graph {
 public:
  using graph_type = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS,
                                           pairing_vertex, pairing_edge>;
  using vertex = boost::graph_traits<graph_type>::vertex_descriptor;
  using edge = boost::graph_traits<graph_type>::edge_descriptor;

  /// Builds the graph for `request` under `settings`. Throws peerkit::error for unknown or
  /// repeated students, a student on both sides, invalid capacities or roles, a missing
  /// date, pins that break a rule or exceed a capacity, and invalid settings.
  pairing_graph(const school& sch, pairing_request request, matching_settings settings)
      : school_(&sch), request_(std::move(request)), settings_(std::move(settings)) {
    validate(settings_);
    check_and_index();
    build();
    check_pins();
  }

  [[nodiscard]] const graph_type& graph() const noexcept { return graph_; }
  [[nodiscard]] const school& school_data() const noexcept { return *school_; }
  [[nodiscard]] const pairing_request& request() const noexcept { return request_; }
  [[nodiscard]] const matching_settings& settings() const noexcept { return settings_; }
  [[nodiscard]] const pairing_options& options() const noexcept { return settings_.buddies; }

  [[nodiscard]] std::size_t supporter_count() const noexcept { return supporters_.size(); }
  [[nodiscard]] std::size_t supportee_count() const noexcept { return supportees_.size(); }
  [[nodiscard]] std::size_t edge_count() const noexcept { return boost::num_edges(graph_); }

  [[nodiscard]] const student& supporter(std::size_t i) const { return *supporters_.at(i); }
  [[nodiscard]] const student& supportee(std::size_t j) const { return *supportees_.at(j); }
  [[nodiscard]] int capacity(std::size_t i) const { return graph_[supporter_vertex(i)].capacity; }
  [[nodiscard]] supporter_role role(std::size_t i) const { return request_.supporters.at(i).role; }
  [[nodiscard]] const role_parameters& role_parameters_of(std::size_t i) const {
    return roles_.at(i);
  }

  [[nodiscard]] vertex supporter_vertex(std::size_t i) const noexcept { return i; }
  [[nodiscard]] vertex supportee_vertex(std::size_t j) const noexcept {
    return supporters_.size() + j;
  }

  [[nodiscard]] std::optional<std::size_t> supporter_index(student_id id) const {
    auto it = supporter_at_.find(id);
    return it == supporter_at_.end() ? std::nullopt : std::optional<std::size_t>(it->second);
  }
  [[nodiscard]] std::optional<std::size_t> supportee_index(student_id id) const {
    auto it = supportee_at_.find(id);
    return it == supportee_at_.end() ? std::nullopt : std::optional<std::size_t>(it->second);
  }

  /// The edge of a compatible pair, or nullptr when a rule excludes the pair.
  [[nodiscard]] const pairing_edge* find(std::size_t i, std::size_t j) const {
    auto [e, found] = boost::edge(supporter_vertex(i), supportee_vertex(j), graph_);
    return found ? &graph_[e] : nullptr;
  }
  /// Every rule that excludes the pair; empty when the two are compatible.
  [[nodiscard]] rule_set excluded_by(std::size_t i, std::size_t j) const {
    auto broken = broken_rules(*school_, supporter(i), roles_.at(i), supportee(j),
                               settings_.buddies.rules, request_.on);
    if (forbidden_.count({i, j}) != 0) broken.add(pairing_rule::coordinator_forbids);
    return broken;
  }
  /// The compatible edges, supporter by supporter, then by supportee, in request order.
  [[nodiscard]] std::vector<const pairing_edge*> edges() const {
    std::vector<const pairing_edge*> out;
    out.reserve(edge_count());
    for (std::size_t i = 0; i < supporter_count(); ++i)
      for (auto e : boost::make_iterator_range(boost::out_edges(supporter_vertex(i), graph_)))
        out.push_back(&graph_[e]);
    return out;
  }
  /// The compatible edges at supportee `j`, in supporter order.
  [[nodiscard]] std::vector<const pairing_edge*> edges_of_supportee(std::size_t j) const {
    std::vector<const pairing_edge*> out;
    for (auto e : boost::make_iterator_range(boost::out_edges(supportee_vertex(j), graph_)))
      out.push_back(&graph_[e]);
    std::sort(out.begin(), out.end(), [](const pairing_edge* a, const pairing_edge* b) {
      return a->supporter < b->supporter;
    });
    return out;
  }
  /// The compatible edges at supporter `i`, in supportee order.
  [[nodiscard]] std::vector<const pairing_edge*> edges_of_supporter(std::size_t i) const {
    std::vector<const pairing_edge*> out;
    for (auto e : boost::make_iterator_range(boost::out_edges(supporter_vertex(i), graph_)))
      out.push_back(&graph_[e]);
    return out;
  }

  /// Supportees supporter `i` accepts, best first (its ranking, else by score).
  [[nodiscard]] std::vector<std::size_t> preferences_of_supporter(std::size_t i) const {
    return acceptable(supporter_vertex(i), true);
  }
  /// Supporters supportee `j` accepts, best first (its ranking, else by score).
  [[nodiscard]] std::vector<std::size_t> preferences_of_supportee(std::size_t j) const {
    return acceptable(supportee_vertex(j), false);
  }

 private:
  void check_and_index() {
    problem_list problems;
    if (settings_.buddies.rules.consent && request_.on.is_special())
      problems.add("matching.missing_date", "on",
                   "the pairing date, on which consent must hold; found none");
    supporters_.reserve(request_.supporters.size());
    for (std::size_t i = 0; i < request_.supporters.size(); ++i) {
      const auto& e = request_.supporters[i];
      const auto* st = school_->find(e.student);
      if (!st) {
        problems.add("matching.unknown_student", element_location("supporters", i, "student"),
                     "no student has id " + std::to_string(e.student.value()));
        continue;
      }
      auto params = e.parameters.value_or(default_parameters(e.role));
      if (!params.valid())
        problems.add("matching.invalid_role", element_location("supporters", i, "parameters"),
                     "the parameters of the role are inconsistent");
      if (params.form == support_form::duo_for_class)
        problems.add("matching.role_not_individual", element_location("supporters", i, "role"),
                     "a role that supports individual students, found " +
                         std::string(key_of(e.role)) + ", which serves a class as a duo");
      const int cap = e.capacity.value_or(params.supportees_per_supporter.max);
      if (cap < 1)
        problems.add("matching.invalid_capacity", element_location("supporters", i, "capacity"),
                     "a capacity of 1 or more, found " + std::to_string(cap));
      if (!supporter_at_.emplace(e.student, supporters_.size()).second) {
        problems.add("matching.duplicate_student", element_location("supporters", i, "student"),
                     "student " + std::to_string(e.student.value()) + " is already a supporter");
        continue;
      }
      supporters_.push_back(st);
      roles_.push_back(params);
      capacities_.push_back(cap);
    }
    for (std::size_t j = 0; j < request_.supportees.size(); ++j) {
      const auto id = request_.supportees[j];
      const auto* st = school_->find(id);
      if (!st) {
        problems.add("matching.unknown_student", element_location("supportees", j),
                     "no student has id " + std::to_string(id.value()));
        continue;
      }
      if (supporter_at_.count(id) != 0)
        problems.add("matching.both_sides", element_location("supportees", j),
                     "student " + std::to_string(id.value()) + " is also a supporter");
      if (!supportee_at_.emplace(id, supportees_.size()).second) {
        problems.add("matching.duplicate_student", element_location("supportees", j),
                     "student " + std::to_string(id.value()) + " is already a supportee");
        continue;
      }
      supportees_.push_back(st);
    }
    auto check_pair_ids = [&](const std::vector<student_pair>& pairs, std::string_view list) {
      for (std::size_t k = 0; k < pairs.size(); ++k) {
        if (supporter_at_.count(pairs[k].supporter) == 0)
          problems.add(
              "matching.unknown_student", element_location(list, k, "supporter"),
              "a supporter of this round, found id " + std::to_string(pairs[k].supporter.value()));
        if (supportee_at_.count(pairs[k].supportee) == 0)
          problems.add(
              "matching.unknown_student", element_location(list, k, "supportee"),
              "a supportee of this round, found id " + std::to_string(pairs[k].supportee.value()));
      }
    };
    check_pair_ids(request_.pinned, "pinned");
    check_pair_ids(request_.forbidden, "forbidden");
    std::set<student_id> ranked;
    for (std::size_t k = 0; k < request_.rankings.size(); ++k) {
      const auto& r = request_.rankings[k];
      const bool is_supporter = supporter_at_.count(r.who) != 0;
      if (!is_supporter && supportee_at_.count(r.who) == 0) {
        problems.add("matching.unknown_student", element_location("rankings", k, "who"),
                     "a student of this round, found id " + std::to_string(r.who.value()));
        continue;
      }
      if (!ranked.insert(r.who).second)
        problems.add(
            "matching.duplicate_ranking", element_location("rankings", k, "who"),
            "one ranking per student, found a second for id " + std::to_string(r.who.value()));
      const auto& other_side = is_supporter ? supportee_at_ : supporter_at_;
      std::set<student_id> seen;
      for (std::size_t p = 0; p < r.best_first.size(); ++p) {
        if (other_side.count(r.best_first[p]) == 0)
          problems.add("matching.unknown_student",
                       element_location("rankings", k, element_location("best_first", p)),
                       std::string("a ") + (is_supporter ? "supportee" : "supporter") +
                           " of this round, found id " + std::to_string(r.best_first[p].value()));
        if (!seen.insert(r.best_first[p]).second)
          problems.add(
              "matching.duplicate_student",
              element_location("rankings", k, element_location("best_first", p)),
              "each student once, found id " + std::to_string(r.best_first[p].value()) + " again");
      }
    }
    problems.throw_if_any();
    for (const auto& f : request_.forbidden)
      forbidden_.insert({supporter_at_.at(f.supporter), supportee_at_.at(f.supportee)});
    for (const auto& r : request_.rankings) {
      auto& rank = rank_[r.who];
      for (std::size_t p = 0; p < r.best_first.size(); ++p) rank.emplace(r.best_first[p], p);
    }
  }

  void build() {
    const auto ns = supporters_.size();
    graph_ = graph_type(ns + supportees_.size());
    for (std::size_t i = 0; i < ns; ++i)
      graph_[i] = {pairing_side::supporter, i, supporters_[i]->id, capacities_[i]};
    for (std::size_t j = 0; j < supportees_.size(); ++j)
      graph_[ns + j] = {pairing_side::supportee, j, supportees_[j]->id, 1};
    std::set<std::pair<std::size_t, std::size_t>> pinned;
    for (const auto& p : request_.pinned)
      pinned.insert({supporter_at_.at(p.supporter), supportee_at_.at(p.supportee)});
    const auto& o = settings_.buddies;
    for (std::size_t i = 0; i < ns; ++i)
      for (std::size_t j = 0; j < supportees_.size(); ++j) {
        if (!excluded_by(i, j).empty()) continue;
        pairing_edge e{
            i, j,
            score_pair(*supporters_[i], *supportees_[j], o.weights, settings_.personality, o.scale),
            pinned.count({i, j}) != 0};
        boost::add_edge(supporter_vertex(i), supportee_vertex(j), e, graph_);
      }
  }

  void check_pins() {
    problem_list problems;
    std::map<std::size_t, std::size_t> pinned_supportee;  // supportee -> first pin
    std::vector<int> load(supporters_.size(), 0);
    for (std::size_t k = 0; k < request_.pinned.size(); ++k) {
      const auto i = supporter_at_.at(request_.pinned[k].supporter);
      const auto j = supportee_at_.at(request_.pinned[k].supportee);
      if (auto broken = excluded_by(i, j); !broken.empty()) {
        std::string rules;
        for (auto r : broken.list())
          rules += (rules.empty() ? "" : "; ") + std::string(describe(r));
        problems.add("matching.pin_breaks_rule", element_location("pinned", k),
                     "a pair that keeps every rule; this pair breaks: " + rules);
        continue;
      }
      if (auto [it, fresh] = pinned_supportee.emplace(j, k); !fresh) {
        problems.add("matching.pin_conflict", element_location("pinned", k, "supportee"),
                     "a supportee pinned once, found a second pin after pinned[" +
                         std::to_string(it->second) + "]");
        continue;
      }
      if (++load[i] > capacities_[i])
        problems.add("matching.pin_over_capacity", element_location("pinned", k, "supporter"),
                     "at most " + std::to_string(capacities_[i]) +
                         " pinned supportees for this supporter, found more");
    }
    problems.throw_if_any();
  }

  // Acceptable partners of vertex v, best first: in the student's ranking order when they
  // gave one (others are unacceptable), else by score, ties by request order.
  std::vector<std::size_t> acceptable(vertex v, bool supporter_side) const {
    struct option {
      std::size_t other;
      score_points score;
    };
    std::vector<option> options;
    for (auto e : boost::make_iterator_range(boost::out_edges(v, graph_))) {
      const auto& d = graph_[e];
      const auto other = supporter_side ? d.supportee : d.supporter;
      if (!accepts(other_id(!supporter_side, other), graph_[v].student)) continue;
      if (!accepts(graph_[v].student, other_id(!supporter_side, other))) continue;
      options.push_back({other, d.score.total});
    }
    const auto own = rank_.find(graph_[v].student);
    std::stable_sort(options.begin(), options.end(), [&](const option& a, const option& b) {
      if (own != rank_.end()) {
        const auto ra = own->second.at(other_id(!supporter_side, a.other));
        const auto rb = own->second.at(other_id(!supporter_side, b.other));
        return ra < rb;
      }
      if (a.score != b.score) return a.score > b.score;
      return a.other < b.other;
    });
    std::vector<std::size_t> out;
    out.reserve(options.size());
    for (const auto& o : options) out.push_back(o.other);
    return out;
  }
  student_id other_id(bool supporter_side, std::size_t index) const {
    return supporter_side ? supporters_[index]->id : supportees_[index]->id;
  }
  // `who` accepts `other`: no ranking given, or `other` is in it.
  bool accepts(student_id who, student_id other) const {
    auto it = rank_.find(who);
    return it == rank_.end() || it->second.count(other) != 0;
  }

  const school* school_;
  pairing_request request_;
  matching_settings settings_;
  std::vector<const student*> supporters_;
  std::vector<const student*> supportees_;
  std::vector<role_parameters> roles_;
  std::vector<int> capacities_;
  std::map<student_id, std::size_t> supporter_at_;
  std::map<student_id, std::size_t> supportee_at_;
  std::set<std::pair<std::size_t, std::size_t>> forbidden_;
  std::map<student_id, std::map<student_id, std::size_t>> rank_;
  graph_type graph_;
};

}  // namespace peerkit
