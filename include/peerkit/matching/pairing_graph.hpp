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
[[nodiscard]] std::vector<supporter_entry> as_supporters(const std::vector<student_id>& students,
                                                         const role_entry& role);

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
  pairing_graph(const school& sch, pairing_request request, matching_settings settings);

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
  [[nodiscard]] rule_set excluded_by(std::size_t i, std::size_t j) const;
  /// The compatible edges, supporter by supporter, then by supportee, in request order.
  [[nodiscard]] std::vector<const pairing_edge*> edges() const;
  /// The compatible edges at supportee `j`, in supporter order.
  [[nodiscard]] std::vector<const pairing_edge*> edges_of_supportee(std::size_t j) const;
  /// The compatible edges at supporter `i`, in supportee order.
  [[nodiscard]] std::vector<const pairing_edge*> edges_of_supporter(std::size_t i) const;

  /// Supportees supporter `i` accepts, best first (its ranking, else by score).
  [[nodiscard]] std::vector<std::size_t> preferences_of_supporter(std::size_t i) const {
    return acceptable(supporter_vertex(i), true);
  }
  /// Supporters supportee `j` accepts, best first (its ranking, else by score).
  [[nodiscard]] std::vector<std::size_t> preferences_of_supportee(std::size_t j) const {
    return acceptable(supportee_vertex(j), false);
  }

 private:
  void check_and_index();
  void build();
  void check_pins();

  // Acceptable partners of vertex v, best first: in the student's ranking order when they
  // gave one (others are unacceptable), else by score, ties by request order.
  std::vector<std::size_t> acceptable(vertex v, bool supporter_side) const;
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

#ifndef PEERKIT_COMPILED
#include <peerkit/matching/pairing_graph-inl.hpp>
#endif
