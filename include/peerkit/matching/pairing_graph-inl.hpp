#pragma once
// Definitions of pairing_graph.hpp: inline here in header-only mode, compiled once into
// peerkit::compiled when PEERKIT_COMPILED is defined (see config.hpp).

#include <peerkit/config.hpp>
#include <peerkit/matching/pairing_graph.hpp>

namespace peerkit {

PEERKIT_INLINE std::vector<supporter_entry> as_supporters(const std::vector<student_id>& students,
                                                          const role_entry& role) {
  std::vector<supporter_entry> out;
  out.reserve(students.size());
  for (auto id : students) out.push_back({id, role.kind, role.parameters, std::nullopt});
  return out;
}

PEERKIT_INLINE pairing_graph::pairing_graph(const school& sch, pairing_request request,
                                            matching_settings settings)
    : school_(&sch), request_(std::move(request)), settings_(std::move(settings)) {
  validate(settings_);
  check_and_index();
  build();
  check_pins();
}

PEERKIT_INLINE rule_set pairing_graph::excluded_by(std::size_t i, std::size_t j) const {
  auto broken = broken_rules(*school_, supporter(i), roles_.at(i), supportee(j),
                             settings_.buddies.rules, request_.on);
  if (forbidden_.count({i, j}) != 0) broken.add(pairing_rule::coordinator_forbids);
  return broken;
}

PEERKIT_INLINE std::vector<const pairing_edge*> pairing_graph::edges() const {
  std::vector<const pairing_edge*> out;
  out.reserve(edge_count());
  for (std::size_t i = 0; i < supporter_count(); ++i)
    for (auto e : boost::make_iterator_range(boost::out_edges(supporter_vertex(i), graph_)))
      out.push_back(&graph_[e]);
  return out;
}

PEERKIT_INLINE std::vector<const pairing_edge*> pairing_graph::edges_of_supportee(
    std::size_t j) const {
  std::vector<const pairing_edge*> out;
  for (auto e : boost::make_iterator_range(boost::out_edges(supportee_vertex(j), graph_)))
    out.push_back(&graph_[e]);
  std::sort(out.begin(), out.end(), [](const pairing_edge* a, const pairing_edge* b) {
    return a->supporter < b->supporter;
  });
  return out;
}

PEERKIT_INLINE std::vector<const pairing_edge*> pairing_graph::edges_of_supporter(
    std::size_t i) const {
  std::vector<const pairing_edge*> out;
  for (auto e : boost::make_iterator_range(boost::out_edges(supporter_vertex(i), graph_)))
    out.push_back(&graph_[e]);
  return out;
}

PEERKIT_INLINE void pairing_graph::check_and_index() {
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

PEERKIT_INLINE void pairing_graph::build() {
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
      pairing_edge e{i, j,
                     score_pair(*supporters_[i], *supportees_[j], roles_[i].meets, o.weights,
                                settings_.personality, o.scale),
                     pinned.count({i, j}) != 0};
      boost::add_edge(supporter_vertex(i), supportee_vertex(j), e, graph_);
    }
}

PEERKIT_INLINE void pairing_graph::check_pins() {
  problem_list problems;
  std::map<std::size_t, std::size_t> pinned_supportee;  // supportee -> first pin
  std::vector<int> load(supporters_.size(), 0);
  for (std::size_t k = 0; k < request_.pinned.size(); ++k) {
    const auto i = supporter_at_.at(request_.pinned[k].supporter);
    const auto j = supportee_at_.at(request_.pinned[k].supportee);
    if (auto broken = excluded_by(i, j); !broken.empty()) {
      std::string rules;
      for (auto r : broken.list()) rules += (rules.empty() ? "" : "; ") + std::string(describe(r));
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

PEERKIT_INLINE std::vector<std::size_t> pairing_graph::acceptable(vertex v,
                                                                  bool supporter_side) const {
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

}  // namespace peerkit
