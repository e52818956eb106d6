#pragma once
// Definitions of buddy_pairing.hpp: inline here in header-only mode, compiled once into
// peerkit::compiled when PEERKIT_COMPILED is defined (see config.hpp).

#include <peerkit/config.hpp>
#include <peerkit/matching/buddy_pairing.hpp>

namespace peerkit {

namespace detail {

PEERKIT_INLINE pairing_result assemble(const pairing_graph& g,
                                       std::vector<std::pair<std::size_t, std::size_t>> chosen) {
  pairing_result r;
  r.goal = g.options().goal;
  for (const auto& p : g.request().pinned)
    chosen.emplace_back(*g.supporter_index(p.supporter), *g.supportee_index(p.supportee));
  std::sort(chosen.begin(), chosen.end());
  std::vector<char> paired(g.supportee_count(), 0);
  std::vector<char> used(g.supporter_count(), 0);
  for (auto [i, j] : chosen) {
    const auto* e = g.find(i, j);
    PEERKIT_ASSERT(e, "assemble: only compatible pairs are chosen");
    r.pairs.push_back({g.supporter(i).id, g.supportee(j).id, e->score, e->pinned});
    paired[j] = used[i] = 1;
    ++r.supported;
    r.total_score += e->score.total;
    r.worst_score = r.worst_score ? std::min(*r.worst_score, e->score.total) : e->score.total;
  }
  for (std::size_t j = 0; j < g.supportee_count(); ++j)
    if (!paired[j]) r.unpaired_supportees.push_back(g.supportee(j).id);
  for (std::size_t i = 0; i < g.supporter_count(); ++i)
    if (!used[i]) r.unused_supporters.push_back(g.supporter(i).id);
  return r;
}

/// Capacities left after the pins, and which supportees are pinned.
struct after_pins {
  std::vector<int> capacity;
  std::vector<char> pinned_supportee;
};

PEERKIT_INLINE after_pins left_after_pins(const pairing_graph& g) {
  after_pins a{std::vector<int>(g.supporter_count()), std::vector<char>(g.supportee_count(), 0)};
  for (std::size_t i = 0; i < g.supporter_count(); ++i) a.capacity[i] = g.capacity(i);
  for (const auto& p : g.request().pinned) {
    --a.capacity[*g.supporter_index(p.supporter)];
    a.pinned_supportee[*g.supportee_index(p.supportee)] = 1;
  }
  return a;
}

PEERKIT_INLINE pairing_result solve_by_assignment(const pairing_graph& g,
                                                  assignment_objective how) {
  const auto left = left_after_pins(g);
  assignment_problem problem{left.capacity, static_cast<int>(g.supportee_count()), {}};
  for (const auto* e : g.edges())
    if (!left.pinned_supportee[e->supportee])
      problem.edges.push_back(
          {static_cast<int>(e->supporter), static_cast<int>(e->supportee), e->score.total});
  auto solved = solve_assignment(problem, how);
  std::vector<std::pair<std::size_t, std::size_t>> chosen;
  for (int k : solved.chosen)
    chosen.emplace_back(static_cast<std::size_t>(problem.edges[k].supporter),
                        static_cast<std::size_t>(problem.edges[k].supportee));
  auto r = assemble(g, std::move(chosen));
  r.certificate = std::move(solved.certificate);
  return r;
}

/// True when some supporter has a place beyond its first (pinned supportees included).
PEERKIT_INLINE bool has_second_places(const pairing_graph& g) {
  for (std::size_t i = 0; i < g.supporter_count(); ++i)
    if (g.capacity(i) > 1) return true;
  return false;
}

PEERKIT_INLINE void scores_too_large() {
  throw error("matching.scores_too_large", "matching.weights",
              "pair scores small enough to rank second places exactly (below " +
                  std::to_string(max_pair_weight) + " after scaling); found larger ones");
}

/// weight * scale - penalty, or an error when it leaves the solver's weight range. All
/// arguments are within max_pair_weight in size, so the arithmetic cannot overflow.
PEERKIT_INLINE std::int64_t place_weight(std::int64_t weight, std::int64_t scale,
                                         std::int64_t penalty) {
  if (weight != 0 && (weight > max_pair_weight / scale || weight < -max_pair_weight / scale))
    scores_too_large();
  const auto w = weight * scale - penalty;
  if (w < -max_pair_weight || w > max_pair_weight) scores_too_large();
  return w;
}

/// Solves on places: each supporter's capacity left after the pins is split into places
/// of one supportee. A pair on a supporter's first place weighs score * scale; on a later
/// place (a supporter with a pinned supportee has only later places left) it weighs
/// score * scale - penalty. Pairs scoring below `floor` are left out.
PEERKIT_INLINE std::vector<std::pair<std::size_t, std::size_t>> solve_by_places(
    const pairing_graph& g, const after_pins& left, assignment_objective how, std::int64_t scale,
    std::int64_t penalty, std::optional<score_points> floor) {
  assignment_problem problem{{}, static_cast<int>(g.supportee_count()), {}};
  std::vector<std::size_t> owner;
  std::vector<char> later;
  std::vector<int> first_place(g.supporter_count());
  for (std::size_t i = 0; i < g.supporter_count(); ++i) {
    first_place[i] = static_cast<int>(owner.size());
    const int pinned = g.capacity(i) - left.capacity[i];
    for (int k = 0; k < left.capacity[i]; ++k) {
      owner.push_back(i);
      later.push_back(pinned + k > 0 ? 1 : 0);
      problem.capacities.push_back(1);
    }
  }
  for (const auto* e : g.edges()) {
    if (left.pinned_supportee[e->supportee] || (floor && e->score.total < *floor)) continue;
    for (int k = 0; k < left.capacity[e->supporter]; ++k) {
      const int place = first_place[e->supporter] + k;
      problem.edges.push_back({place, static_cast<int>(e->supportee),
                               place_weight(e->score.total, scale,
                                            later[static_cast<std::size_t>(place)] ? penalty : 0)});
    }
  }
  const auto solved = solve_assignment(problem, how);
  std::vector<std::pair<std::size_t, std::size_t>> chosen;
  for (int k : solved.chosen)
    chosen.emplace_back(owner[static_cast<std::size_t>(problem.edges[k].supporter)],
                        static_cast<std::size_t>(problem.edges[k].supportee));
  return chosen;
}

/// A penalty per later place larger than any difference in total score between two
/// pairings of free pairs scoring at least `floor`: 1 + pairs * (max(0, best) - min(0, worst)).
PEERKIT_INLINE std::int64_t later_place_penalty(const pairing_graph& g, const after_pins& left,
                                                std::optional<score_points> floor) {
  std::int64_t best = 0, worst = 0, room = 0, free_supportees = 0;
  for (const auto* e : g.edges())
    if (!left.pinned_supportee[e->supportee] && (!floor || e->score.total >= *floor)) {
      best = std::max(best, e->score.total);
      worst = std::min(worst, e->score.total);
    }
  if (best > max_pair_weight || worst < -max_pair_weight) scores_too_large();
  for (auto c : left.capacity) room += c;
  for (auto p : left.pinned_supportee) free_supportees += p ? 0 : 1;
  const auto pairs = std::min(room, free_supportees);
  const auto range = best - worst;
  if (range > 0 && pairs > (max_pair_weight - 1) / range) scores_too_large();
  return 1 + pairs * range;
}

/// The objective with later places used only where needed (pairing_options::
/// second_supportee_last). Exact: the solver optimises a weight that ranks pairings in
/// the objective's order. No certificate: its prices would be per place, not per supporter.
PEERKIT_INLINE pairing_result solve_with_later_places_last(const pairing_graph& g) {
  const auto left = left_after_pins(g);
  switch (g.options().goal) {
    case objective::best_total_score: {
      // score * (pairs + 1) - 1 per later place: a better total always wins, and at most
      // `pairs` later places cannot outweigh one point.
      std::int64_t room = 0;
      for (auto c : left.capacity) room += c;
      const auto scale =
          std::min<std::int64_t>(room, static_cast<std::int64_t>(g.supportee_count())) + 1;
      return assemble(
          g, solve_by_places(g, left, assignment_objective::max_weight, scale, 1, std::nullopt));
    }
    case objective::fairest: {
      // The best worst pair among the largest pairings, then the fewest later places and
      // the best total among pairings of pairs at least that good (as large as any).
      auto plain = solve_by_assignment(g, assignment_objective::max_min_then_weight);
      std::optional<score_points> floor;
      for (const auto& p : plain.pairs)
        if (!p.pinned) floor = floor ? std::min(*floor, p.score.total) : p.score.total;
      if (!floor) return plain;
      return assemble(g, solve_by_places(g, left, assignment_objective::max_cardinality_then_weight,
                                         1, later_place_penalty(g, left, floor), floor));
    }
    case objective::most_supported:
    case objective::stable: break;
  }
  return assemble(g, solve_by_places(g, left, assignment_objective::max_cardinality_then_weight, 1,
                                     later_place_penalty(g, left, std::nullopt), std::nullopt));
}

PEERKIT_INLINE pairing_result solve_stable(const pairing_graph& g) {
  const auto left = left_after_pins(g);
  stable_pairing_problem problem;
  problem.capacities = left.capacity;
  problem.supporter_ranking.resize(g.supporter_count());
  problem.supportee_ranking.resize(g.supportee_count());
  for (std::size_t i = 0; i < g.supporter_count(); ++i)
    for (auto j : g.preferences_of_supporter(i))
      if (!left.pinned_supportee[j]) problem.supporter_ranking[i].push_back(static_cast<int>(j));
  for (std::size_t j = 0; j < g.supportee_count(); ++j)
    if (!left.pinned_supportee[j])
      for (auto i : g.preferences_of_supportee(j))
        problem.supportee_ranking[j].push_back(static_cast<int>(i));
  const auto side = g.options().proposer == proposing_side::supportees
                        ? stable_proposer::supportees
                        : stable_proposer::supporters;
  const auto solved = stable_pairing(problem, side);
  std::vector<std::pair<std::size_t, std::size_t>> chosen;
  for (std::size_t j = 0; j < solved.supporter_of.size(); ++j)
    if (solved.supporter_of[j] >= 0)
      chosen.emplace_back(static_cast<std::size_t>(solved.supporter_of[j]), j);
  return assemble(g, std::move(chosen));
}

}  // namespace detail

PEERKIT_INLINE pairing_result pair_buddies(const pairing_graph& g) {
  const auto goal = g.options().goal;
  if (g.options().second_supportee_last && goal != objective::stable &&
      detail::has_second_places(g))
    return detail::solve_with_later_places_last(g);
  switch (goal) {
    case objective::most_supported:
      return detail::solve_by_assignment(g, assignment_objective::max_cardinality_then_weight);
    case objective::best_total_score:
      return detail::solve_by_assignment(g, assignment_objective::max_weight);
    case objective::fairest:
      return detail::solve_by_assignment(g, assignment_objective::max_min_then_weight);
    case objective::stable: return detail::solve_stable(g);
  }
  return detail::assemble(g, {});
}

PEERKIT_INLINE pairing_request rematch_request(const pairing_request& original,
                                               const pairing_result& current,
                                               const stopped_pair& stopped, date on) {
  const bool found = std::any_of(
      current.pairs.begin(), current.pairs.end(), [&](const chosen_pair& p) {
        return p.supporter == stopped.supporter && p.supportee == stopped.supportee;
      });
  if (!found)
    throw error("matching.unknown_pair", "stopped",
                "a pair of the current pairing, found supporter " +
                    std::to_string(stopped.supporter.value()) + " with supportee " +
                    std::to_string(stopped.supportee.value()));
  const auto gone = who_leaves(stopped.why);
  auto left_out = [&](student_id id) {
    return (gone.supporter && id == stopped.supporter) ||
           (gone.supportee && id == stopped.supportee);
  };
  pairing_request next;
  next.on = on;
  for (const auto& s : original.supporters)
    if (!left_out(s.student)) next.supporters.push_back(s);
  for (auto t : original.supportees)
    if (!left_out(t)) next.supportees.push_back(t);
  for (const auto& p : current.pairs)
    if (!(p.supporter == stopped.supporter && p.supportee == stopped.supportee) &&
        !left_out(p.supporter) && !left_out(p.supportee))
      next.pinned.push_back({p.supporter, p.supportee});
  for (const auto& f : original.forbidden)
    if (!left_out(f.supporter) && !left_out(f.supportee)) next.forbidden.push_back(f);
  if (!gone.supporter && !gone.supportee)
    next.forbidden.push_back({stopped.supporter, stopped.supportee});
  for (const auto& r : original.rankings) {
    if (left_out(r.who)) continue;
    ranking kept{r.who, {}};
    for (auto o : r.best_first)
      if (!left_out(o)) kept.best_first.push_back(o);
    next.rankings.push_back(std::move(kept));
  }
  return next;
}

PEERKIT_INLINE std::vector<support_pair> to_support_pairs(const pairing_request& request,
                                                          const pairing_result& result,
                                                          pair_id first, date started) {
  std::vector<support_pair> out;
  auto next = first.value();
  for (const auto& s : request.supporters) {
    auto supportees = result.supportees_of(s.student);
    if (supportees.empty()) continue;
    support_pair p;
    p.id = pair_id{next++};
    p.role = s.role;
    p.supporters = {s.student};
    p.supportees = std::move(supportees);
    p.started = started;
    out.push_back(std::move(p));
  }
  return out;
}

}  // namespace peerkit
