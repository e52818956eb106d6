#pragma once
// Definitions of class_assignment.hpp: inline here in header-only mode, compiled once into
// peerkit::compiled when PEERKIT_COMPILED is defined (see config.hpp).

#include <peerkit/config.hpp>
#include <peerkit/matching/class_assignment.hpp>
#include <peerkit/matching/explanation.hpp>

namespace peerkit {

PEERKIT_INLINE class_table::class_table(const school& sch, class_request request,
                                        matching_settings settings)
    : school_(&sch), request_(std::move(request)), settings_(std::move(settings)) {
  validate(settings_);
  check();
  build();
}

PEERKIT_INLINE bool class_table::pinned(std::size_t d, std::size_t c) const {
  return pinned_.count({d, c}) != 0;
}

PEERKIT_INLINE std::optional<std::size_t> class_table::duo_index(leader_pair p) const {
  auto it = duo_at_.find(p.normalised());
  return it == duo_at_.end() ? std::nullopt : std::optional<std::size_t>(it->second);
}

PEERKIT_INLINE std::optional<std::size_t> class_table::class_index(class_id id) const {
  for (std::size_t c = 0; c < classes_.size(); ++c)
    if (classes_[c]->id == id) return c;
  return std::nullopt;
}

PEERKIT_INLINE void class_table::check() {
  problem_list problems;
  const auto role = request_.leader_role.value_or(default_parameters(supporter_role::peer_leader));
  per_duo_ = role.supportees_per_supporter.max;
  std::set<student_id> leaders;
  for (std::size_t d = 0; d < request_.duos.size(); ++d) {
    const auto& p = request_.duos[d];
    for (auto [id, field] : {std::pair{p.first, "first"}, std::pair{p.second, "second"}}) {
      if (!school_->find(id))
        problems.add("matching.unknown_student", element_location("duos", d, field),
                     "no student has id " + std::to_string(id.value()));
      else if (!leaders.insert(id).second)
        problems.add("matching.duplicate_student", element_location("duos", d, field),
                     "each leader in one duo, found id " + std::to_string(id.value()) + " again");
    }
    duo_at_.emplace(p.normalised(), d);
  }
  if (request_.classes.empty()) {
    for (const auto& c : school_->classes)
      if (c.is_first_year()) classes_.push_back(&c);
  } else {
    std::set<class_id> seen;
    for (std::size_t c = 0; c < request_.classes.size(); ++c) {
      const auto* cls = school_->find(request_.classes[c]);
      if (!cls)
        problems.add("matching.unknown_class", element_location("classes", c),
                     "no class has id " + std::to_string(request_.classes[c].value()));
      else if (!seen.insert(cls->id).second)
        problems.add("matching.duplicate_class", element_location("classes", c),
                     "each class once, found " + cls->name + " again");
      else
        classes_.push_back(cls);
    }
  }
  auto known_class = [&](class_id id, const std::string& at) {
    if (class_index(id)) return true;
    problems.add("matching.unknown_class", at,
                 "a class of this assignment, found id " + std::to_string(id.value()));
    return false;
  };
  for (std::size_t k = 0; k < request_.exclusions.size(); ++k) {
    if (!leaders.count(request_.exclusions[k].leader))
      problems.add(
          "matching.unknown_student", element_location("exclusions", k, "leader"),
          "a leader of a duo, found id " + std::to_string(request_.exclusions[k].leader.value()));
    known_class(request_.exclusions[k].excluded, element_location("exclusions", k, "excluded"));
  }
  for (std::size_t k = 0; k < request_.wishes.size(); ++k) {
    if (!leaders.count(request_.wishes[k].leader))
      problems.add(
          "matching.unknown_student", element_location("wishes", k, "leader"),
          "a leader of a duo, found id " + std::to_string(request_.wishes[k].leader.value()));
    known_class(request_.wishes[k].wanted, element_location("wishes", k, "wanted"));
    if (request_.wishes[k].points < 0)
      problems.add("matching.invalid_points", element_location("wishes", k, "points"),
                   "0 or more points, found " + std::to_string(request_.wishes[k].points));
  }
  auto check_pairs = [&](const std::vector<duo_class>& list, std::string_view name) {
    for (std::size_t k = 0; k < list.size(); ++k) {
      if (!duo_index(list[k].duo))
        problems.add("matching.unknown_duo", element_location(name, k, "duo"),
                     "a duo of this assignment");
      known_class(list[k].for_class, element_location(name, k, "for_class"));
    }
  };
  check_pairs(request_.pinned, "pinned");
  check_pairs(request_.forbidden, "forbidden");
  problems.throw_if_any();
}

PEERKIT_INLINE void class_table::build() {
  const auto& w = settings_.classes.weights;
  std::set<std::pair<std::size_t, std::size_t>> forbidden;
  for (const auto& f : request_.forbidden)
    forbidden.insert({*duo_index(f.duo), *class_index(f.for_class)});
  options_.resize(duo_count() * classes_.size());
  for (std::size_t d = 0; d < duo_count(); ++d) {
    const auto* a = school_->find(duo(d).first);
    const auto* b = school_->find(duo(d).second);
    for (std::size_t c = 0; c < classes_.size(); ++c) {
      auto& o = options_[d * classes_.size() + c];
      o.duo = d;
      o.cls = c;
      const auto& cls = *classes_[c];
      for (const auto& x : request_.exclusions)
        if (x.excluded == cls.id && (x.leader == a->id || x.leader == b->id)) {
          o.rules.add(pairing_rule::class_rule);
          o.reasons.push_back(x.reason.empty() ? std::string(class_english.excluded_by_school)
                                               : x.reason);
        }
      if (settings_.classes.same_track_only && (a->track != cls.track || b->track != cls.track)) {
        o.rules.add(pairing_rule::class_rule);
        o.reasons.emplace_back(class_english.track_only);
      }
      if (forbidden.count({d, c}) != 0) o.rules.add(pairing_rule::coordinator_forbids);
      for (const auto& x : request_.wishes)
        if (x.wanted == cls.id && (x.leader == a->id || x.leader == b->id))
          o.score.wish_points += x.points;
      o.score.same_track = (a->track == cls.track ? 1 : 0) + (b->track == cls.track ? 1 : 0);
      o.score.total = static_cast<score_points>(o.score.wish_points) * w.wishes +
                      static_cast<score_points>(o.score.same_track) * w.same_track;
    }
  }
  problem_list problems;
  std::vector<int> load(duo_count(), 0);
  std::set<std::size_t> taken;
  for (std::size_t k = 0; k < request_.pinned.size(); ++k) {
    const auto d = *duo_index(request_.pinned[k].duo);
    const auto c = *class_index(request_.pinned[k].for_class);
    if (!option(d, c).rules.empty())
      problems.add("matching.pin_breaks_rule", element_location("pinned", k),
                   "a duo and class that keep every rule");
    else if (!taken.insert(c).second)
      problems.add("matching.pin_conflict", element_location("pinned", k),
                   "one duo per class, found a second pin");
    else if (++load[d] > per_duo_)
      problems.add("matching.pin_over_capacity", element_location("pinned", k),
                   "at most " + std::to_string(per_duo_) + " classes per duo");
    else
      pinned_.insert({d, c});
  }
  problems.throw_if_any();
}

PEERKIT_INLINE class_result assign_classes(const class_table& t) {
  std::vector<int> room(t.duo_count(), t.classes_per_duo());
  std::vector<char> class_pinned(t.class_count(), 0);
  std::vector<std::pair<std::size_t, std::size_t>> chosen;
  for (std::size_t d = 0; d < t.duo_count(); ++d)
    for (std::size_t c = 0; c < t.class_count(); ++c)
      if (t.pinned(d, c)) {
        --room[d];
        class_pinned[c] = 1;
        chosen.emplace_back(d, c);
      }
  assignment_problem problem{room, static_cast<int>(t.class_count()), {}};
  for (std::size_t d = 0; d < t.duo_count(); ++d)
    for (std::size_t c = 0; c < t.class_count(); ++c)
      if (!class_pinned[c] && t.option(d, c).rules.empty())
        problem.edges.push_back(
            {static_cast<int>(d), static_cast<int>(c), t.option(d, c).score.total});
  const auto solved = solve_assignment(problem, assignment_objective::max_cardinality_then_weight);
  for (int k : solved.chosen)
    chosen.emplace_back(static_cast<std::size_t>(problem.edges[k].supporter),
                        static_cast<std::size_t>(problem.edges[k].supportee));
  std::sort(chosen.begin(), chosen.end(), [](auto x, auto y) {
    return std::pair(x.second, x.first) < std::pair(y.second, y.first);
  });
  class_result r;
  std::vector<char> covered(t.class_count(), 0), used(t.duo_count(), 0);
  for (auto [d, c] : chosen) {
    const auto& o = t.option(d, c);
    r.assignments.push_back({t.duo(d), t.class_at(c).id, o.score, t.pinned(d, c)});
    r.total_score += o.score.total;
    covered[c] = used[d] = 1;
  }
  for (std::size_t c = 0; c < t.class_count(); ++c)
    if (!covered[c]) r.uncovered.push_back(t.class_at(c).id);
  for (std::size_t d = 0; d < t.duo_count(); ++d)
    if (!used[d]) r.spare_duos.push_back(t.duo(d));
  return r;
}

PEERKIT_INLINE std::vector<leader_pair> duos_of(const duo_result& r) {
  std::vector<leader_pair> out;
  for (const auto& d : r.duos) out.push_back(d.pair());
  return out;
}

PEERKIT_INLINE class_explanation explain(const class_table& t, const class_result& r) {
  class_explanation out{r.assignments, {}, r.spare_duos};
  std::map<std::size_t, std::vector<duo_for_class>> held;  // duo -> its classes
  for (const auto& a : r.assignments) held[*t.duo_index(a.duo)].push_back(a);
  for (auto id : r.uncovered) {
    const auto c = *t.class_index(id);
    uncovered_explanation u{id, true, {}};
    for (std::size_t d = 0; d < t.duo_count(); ++d) {
      const auto& o = t.option(d, c);
      class_note n{d, o.rules, o.reasons, std::nullopt, std::nullopt};
      if (o.rules.empty()) {
        u.no_allowed_duo = false;
        n.score = o.score.total;
        if (auto it = held.find(d); it != held.end()) n.held_by = it->second.front();
      }
      u.duos.push_back(std::move(n));
    }
    out.uncovered.push_back(std::move(u));
  }
  return out;
}

PEERKIT_INLINE std::string describe(const class_explanation& e, const class_table& t,
                                    report_language language) {
  const auto& w = class_words(language);
  const auto& shared = explanation_words(language);
  const auto& sch = t.school_data();
  auto name = [&](student_id id) {
    const auto* s = sch.find(id);
    return s ? s->name : fill(shared.student, {std::to_string(id.value())});
  };
  auto duo_name = [&](const leader_pair& p) {
    return name(p.first) + std::string(shared.and_) + name(p.second);
  };
  auto class_name = [&](class_id id) {
    const auto* c = sch.find(id);
    return c ? c->name : fill(w.class_number, {std::to_string(id.value())});
  };
  // The reasons the table gives in peerkit's words; a school's own reason stays as written.
  auto reason_words = [&](const std::string& reason) {
    return reason == class_english.excluded_by_school ? std::string(w.excluded_by_school)
           : reason == class_english.track_only       ? std::string(w.track_only)
                                                      : reason;
  };
  std::string s;
  for (const auto& a : e.assignments) {
    s += fill(w.lead, {duo_name(a.duo), class_name(a.for_class), std::to_string(a.score.total),
                       std::to_string(a.score.wish_points), std::to_string(a.score.same_track)});
    if (a.pinned) s += shared.pinned_by_coordinator;
    s += "\n";
  }
  for (const auto& u : e.uncovered) {
    s += fill(w.no_duo, {class_name(u.cls)});
    s += u.no_allowed_duo ? w.every_duo_excluded : w.every_duo_elsewhere;
    std::string notes;
    for (const auto& n : u.duos) {
      notes += notes.empty() ? "" : "; ";
      notes += duo_name(t.duo(n.other));
      if (!n.rules.empty()) {
        std::string why;
        for (const auto& r : n.reasons) why += (why.empty() ? "" : ", ") + reason_words(r);
        if (n.rules.contains(pairing_rule::coordinator_forbids))
          why += std::string(why.empty() ? "" : ", ") +
                 std::string(
                     shared.rules[static_cast<std::size_t>(pairing_rule::coordinator_forbids)]);
        notes += " (" + why + ")";
      } else if (n.held_by) {
        notes += fill(w.leads_elsewhere,
                      {std::to_string(*n.score), class_name(n.held_by->for_class),
                       std::to_string(n.held_by->score.total)});
      }
    }
    s += ": " + notes + ".\n";
  }
  for (const auto& d : e.spare_duos)
    s += fill(w.spare, {duo_name(d)}) +
         std::string(e.uncovered.empty() ? w.every_class_has_one : w.none_allows_them) + "\n";
  return s;
}

PEERKIT_INLINE std::vector<support_pair> to_support_pairs(const class_result& r, pair_id first,
                                                          date started) {
  std::vector<support_pair> out;
  auto next = first.value();
  for (const auto& a : r.assignments) {
    support_pair p;
    p.id = pair_id{next++};
    p.role = supporter_role::peer_leader;
    p.supporters = {a.duo.first, a.duo.second};
    p.class_served = a.for_class;
    p.started = started;
    out.push_back(std::move(p));
  }
  return out;
}

}  // namespace peerkit
