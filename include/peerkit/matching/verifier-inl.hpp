#pragma once
// Definitions of verifier.hpp: inline here in header-only mode, compiled once into
// peerkit::compiled when PEERKIT_COMPILED is defined (see config.hpp).

#include <peerkit/config.hpp>
#include <peerkit/matching/verifier.hpp>

namespace peerkit {

namespace detail {

/// A cost compared lexicographically: `major`, then `middle`, then `minor`.
struct lex_cost {
  std::int64_t major = 0;
  std::int64_t middle = 0;
  std::int64_t minor = 0;
  friend constexpr lex_cost operator+(lex_cost a, lex_cost b) noexcept {
    return {a.major + b.major, a.middle + b.middle, a.minor + b.minor};
  }
  friend constexpr lex_cost operator-(lex_cost a) noexcept {
    return {-a.major, -a.middle, -a.minor};
  }
  friend constexpr lex_cost operator*(std::int64_t k, lex_cost a) noexcept {
    return {k * a.major, k * a.middle, k * a.minor};
  }
  friend constexpr auto operator<=>(lex_cost, lex_cost) noexcept = default;
};

/// What a pairing gains, lexicographically, per pair, per point of a pair's score, and
/// per place used beyond a supporter's first (a negative gain when those come last).
struct lex_unit {
  lex_cost per_pair{};
  lex_cost per_point{};
  lex_cost per_later_place{};
  [[nodiscard]] constexpr lex_cost of_pair(std::int64_t score) const noexcept {
    return per_pair + score * per_point;
  }
};

/// The verifier's own view of a round: students, capacities left after pins, and for
/// every compatible pair its recomputed score.
class pairing_checker {
 public:
  pairing_checker(const school& sch, const pairing_request& req, const matching_settings& s)
      : school_(sch), request_(req), settings_(s) {
    for (const auto& e : req.supporters) {
      const auto* st = sch.find(e.student);
      PEERKIT_ASSERT(st, "verify: the request names students of the school");
      auto params = e.parameters.value_or(default_parameters(e.role));
      sup_at_.emplace(e.student, sup_.size());
      sup_.push_back(st);
      role_.push_back(params);
      cap_.push_back(e.capacity.value_or(params.supportees_per_supporter.max));
    }
    for (auto id : req.supportees) {
      const auto* st = sch.find(id);
      PEERKIT_ASSERT(st, "verify: the request names students of the school");
      see_at_.emplace(id, see_.size());
      see_.push_back(st);
    }
    for (const auto& f : req.forbidden) forbidden_.insert(index_of(f));
    free_cap_ = cap_;
    pinned_see_.assign(see_.size(), 0);
    for (const auto& p : req.pinned) {
      auto [i, j] = index_of(p);
      pinned_.insert({i, j});
      --free_cap_[i];
      pinned_see_[j] = 1;
    }
    adj_.resize(sup_.size());
    for (std::size_t i = 0; i < sup_.size(); ++i)
      for (std::size_t j = 0; j < see_.size(); ++j)
        if (rules_broken(i, j).empty())
          adj_[i].push_back({j, score_pair(*sup_[i], *see_[j], role_[i].meets, s.buddies.weights,
                                           s.personality, s.buddies.scale)});
    for (const auto& r : req.rankings) {
      auto& m = rank_[r.who];
      for (std::size_t k = 0; k < r.best_first.size(); ++k) m.emplace(r.best_first[k], k);
    }
  }

  verification_report run(const pairing_result& result) {
    report_ = {};
    if (!check_pairs(result)) return report_;
    check_totals(result);
    if (!report_.ok()) return report_;
    const bool later_last = settings_.buddies.second_supportee_last;
    switch (settings_.buddies.goal) {
      case objective::most_supported:
        check_optimal({{1, 0, 0}, {0, 0, 1}, {0, later_last ? -1 : 0, 0}}, std::nullopt);
        break;
      case objective::best_total_score:
        check_optimal({{}, {1, 0, 0}, {0, later_last ? -1 : 0, 0}}, std::nullopt);
        break;
      case objective::fairest: check_fairest(); break;
      case objective::stable: check_stable(); break;
    }
    if (result.certificate && settings_.buddies.goal != objective::stable)
      check_certificate(*result.certificate);
    return report_;
  }

 private:
  struct scored {
    std::size_t j;
    score_breakdown score;
  };

  std::pair<std::size_t, std::size_t> index_of(const student_pair& p) const {
    return {sup_at_.at(p.supporter), see_at_.at(p.supportee)};
  }
  rule_set rules_broken(std::size_t i, std::size_t j) const {
    auto broken = broken_rules(school_, *sup_[i], role_[i], *see_[j], settings_.buddies.rules,
                               request_.on);
    if (forbidden_.count({i, j}) != 0) broken.add(pairing_rule::coordinator_forbids);
    return broken;
  }
  const score_breakdown* score_of(std::size_t i, std::size_t j) const {
    for (const auto& a : adj_[i])
      if (a.j == j) return &a.score;
    return nullptr;
  }
  std::string name_pair(std::size_t i, std::size_t j) const {
    return sup_[i]->name + " with " + see_[j]->name;
  }
  void fail(std::string id, std::string where, std::string message) {
    report_.problems.push_back({std::move(id), std::move(where), std::move(message)});
  }

  // Rules, capacities, pins and reported scores. False when the pairs are unusable.
  bool check_pairs(const pairing_result& result) {
    match_.assign(sup_.size(), {});
    mate_.assign(see_.size(), std::nullopt);
    bool usable = true;
    for (std::size_t k = 0; k < result.pairs.size(); ++k) {
      const auto& p = result.pairs[k];
      const auto where = "pairs[" + std::to_string(k) + "]";
      auto si = sup_at_.find(p.supporter);
      auto sj = see_at_.find(p.supportee);
      if (si == sup_at_.end() || sj == see_at_.end()) {
        fail("pairing.unknown_student", where, "a supporter and a supportee of this round");
        usable = false;
        continue;
      }
      const auto i = si->second;
      const auto j = sj->second;
      if (auto broken = rules_broken(i, j); !broken.empty()) {
        std::string rules;
        for (auto r : broken.list())
          rules += (rules.empty() ? "" : "; ") + std::string(describe(r));
        fail("pairing.rule_broken", where, name_pair(i, j) + " breaks: " + rules);
        usable = false;
        continue;
      }
      if (mate_[j]) {
        fail("pairing.supportee_twice", where, see_[j]->name + " is paired more than once");
        usable = false;
        continue;
      }
      mate_[j] = i;
      match_[i].push_back(j);
      if (p.score != *score_of(i, j))
        fail("pairing.wrong_score", where,
             "the score of " + name_pair(i, j) + " is " + std::to_string(score_of(i, j)->total) +
                 ", reported " + std::to_string(p.score.total));
      if (p.pinned != (pinned_.count({i, j}) != 0))
        fail("pairing.inconsistent", where + ".pinned",
             std::string("the pair is ") + (p.pinned ? "not " : "") + "pinned by the coordinator");
    }
    for (std::size_t i = 0; i < sup_.size(); ++i)
      if (static_cast<int>(match_[i].size()) > cap_[i]) {
        fail("pairing.over_capacity", element_location("supporters", i),
             sup_[i]->name + " supports " + std::to_string(match_[i].size()) + ", capacity " +
                 std::to_string(cap_[i]));
        usable = false;
      }
    for (std::size_t k = 0; k < request_.pinned.size(); ++k) {
      auto [i, j] = index_of(request_.pinned[k]);
      if (mate_[j] != i)
        fail("pairing.pin_missing", "pinned[" + std::to_string(k) + "]",
             "the pinned pair " + name_pair(i, j) + " is missing");
    }
    if (usable) report_.proof.push_back("every pair keeps every rule and no capacity is exceeded");
    return usable;
  }

  void check_totals(const pairing_result& result) {
    if (result.goal != settings_.buddies.goal)
      fail("pairing.inconsistent", "goal",
           "the objective is " + std::string(key_of(settings_.buddies.goal)) + ", reported " +
               std::string(key_of(result.goal)));
    std::vector<student_id> unpaired, unused;
    for (std::size_t j = 0; j < see_.size(); ++j)
      if (!mate_[j]) unpaired.push_back(see_[j]->id);
    for (std::size_t i = 0; i < sup_.size(); ++i)
      if (match_[i].empty()) unused.push_back(sup_[i]->id);
    if (unpaired != result.unpaired_supportees)
      fail("pairing.inconsistent", "unpaired_supportees", "the list differs from the pairs");
    if (unused != result.unused_supporters)
      fail("pairing.inconsistent", "unused_supporters", "the list differs from the pairs");
    score_points total = 0;
    std::optional<score_points> worst;
    int supported = 0;
    for (std::size_t i = 0; i < sup_.size(); ++i)
      for (auto j : match_[i]) {
        const auto s = score_of(i, j)->total;
        total += s;
        worst = worst ? std::min(*worst, s) : s;
        ++supported;
      }
    if (supported != result.supported || total != result.total_score || worst != result.worst_score)
      fail("pairing.inconsistent", "totals",
           "recomputed " + std::to_string(supported) + " supported, total score " +
               std::to_string(total) + "; reported " + std::to_string(result.supported) + " and " +
               std::to_string(result.total_score));
  }

  // Capacities left after pins, and whether a supportee is pinned.
  int free_capacity(std::size_t i) const { return free_cap_[i]; }
  bool pinned_supportee(std::size_t j) const { return pinned_see_[j] != 0; }
  bool free_pair(std::size_t i, std::size_t j) const { return pinned_.count({i, j}) == 0; }

  struct arc {
    std::size_t from, to;
    lex_cost cost;
    std::optional<std::pair<std::size_t, std::size_t>> pair;  // a pair added or removed
    bool adds = false;
  };

  // Negative cycle in the residual graph of the free students: an improving alternating
  // path or cycle. `unit` weighs each pair, its score, and each place beyond a supporter's
  // first (pinned supportees hold places too); edges below `floor` are left out. A
  // supporter's places cost nothing, then per_later_place each: a convex cost, so the
  // cheapest place to add and the dearest to give up are the only ones that matter.
  std::optional<improvement> improving(lex_unit unit, std::optional<score_points> floor) const {
    const std::size_t ns = sup_.size(), nt = see_.size();
    const std::size_t src = ns + nt, snk = src + 1, n = snk + 1;
    std::vector<arc> arcs;
    for (std::size_t i = 0; i < ns; ++i) {
      int used = 0;
      for (auto j : match_[i]) used += free_pair(i, j) ? 1 : 0;
      const auto load = match_[i].size();
      const lex_cost add_place = load >= 1 ? -unit.per_later_place : lex_cost{};
      const lex_cost drop_place = load >= 2 ? unit.per_later_place : lex_cost{};
      if (used < free_capacity(i)) arcs.push_back({src, i, add_place, std::nullopt});
      if (used > 0) arcs.push_back({i, src, drop_place, std::nullopt});
      for (const auto& a : adj_[i]) {
        if (pinned_supportee(a.j) || !free_pair(i, a.j)) continue;
        if (floor && a.score.total < *floor) continue;
        const lex_cost gain = unit.of_pair(a.score.total);
        if (mate_[a.j] == i)
          arcs.push_back({ns + a.j, i, gain, std::pair{i, a.j}, false});
        else
          arcs.push_back({i, ns + a.j, -gain, std::pair{i, a.j}, true});
      }
    }
    for (std::size_t j = 0; j < nt; ++j) {
      if (pinned_supportee(j)) continue;
      if (mate_[j])
        arcs.push_back({snk, ns + j, {}, std::nullopt});
      else
        arcs.push_back({ns + j, snk, {}, std::nullopt});
    }
    arcs.push_back({snk, src, {}, std::nullopt});
    arcs.push_back({src, snk, {}, std::nullopt});

    std::vector<lex_cost> dist(n);
    std::vector<std::optional<std::size_t>> pred(n);
    std::optional<std::size_t> last;
    for (std::size_t round = 0; round < n; ++round) {
      last.reset();
      for (std::size_t a = 0; a < arcs.size(); ++a) {
        const auto& x = arcs[a];
        if (dist[x.from] + x.cost < dist[x.to]) {
          dist[x.to] = dist[x.from] + x.cost;
          pred[x.to] = a;
          last = x.to;
        }
      }
      if (!last) return std::nullopt;
    }
    auto v = *last;
    for (std::size_t k = 0; k < n; ++k) v = arcs[*pred[v]].from;
    improvement better;
    auto u = v;
    do {
      const auto& x = arcs[*pred[u]];
      if (x.pair) {
        student_pair sp{sup_[x.pair->first]->id, see_[x.pair->second]->id};
        (x.adds ? better.add : better.remove).push_back(sp);
      }
      u = x.from;
    } while (u != v);
    std::sort(better.add.begin(), better.add.end());
    std::sort(better.remove.begin(), better.remove.end());
    return better;
  }

  std::string describe_change(const improvement& b) const {
    auto list = [&](const std::vector<student_pair>& ps) {
      std::string s;
      for (const auto& p : ps) {
        if (!s.empty()) s += ", ";
        s += school_.find(p.supporter)->name + " with " + school_.find(p.supportee)->name;
      }
      return s.empty() ? std::string("nothing") : s;
    };
    return "pair " + list(b.add) + " and unpair " + list(b.remove);
  }

  void check_optimal(lex_unit unit, std::optional<score_points> floor) {
    const bool counts = unit.per_pair != lex_cost{};
    const bool scores = unit.per_point != lex_cost{};
    const bool places = unit.per_later_place != lex_cost{};
    if (auto b = improving(unit, floor)) {
      const std::string gain =
          !scores   ? "more supportees: "
          : !counts ? (places ? "a better total score, or as good with fewer second places: "
                              : "a better total score: ")
                    : (places ? "more supportees, or as many with fewer second places or a better "
                                "total score: "
                              : "more supportees, or as many with a better total score: ");
      fail("pairing.not_optimal", "pairs", gain + describe_change(*b));
      report_.better = std::move(b);
      return;
    }
    report_.proof.push_back(
        !counts   ? (places ? "no improving alternating path or cycle: no pairing scores more, and "
                              "none as good uses fewer second places"
                            : "no improving alternating path or cycle: no pairing scores more")
        : !scores ? "no improving alternating path or cycle: no pairing supports more supportees"
        : places
            ? "no improving alternating path or cycle: no pairing supports more supportees, "
              "none as large uses fewer second places, and none as large with as few scores more"
            : "no improving alternating path or cycle: no pairing supports more supportees, and "
              "none as large scores more");
  }

  // Most free supportees that can be paired using only edges scoring above `above`.
  int most_pairs_above(score_points above) const {
    const std::size_t ns = sup_.size(), nt = see_.size();
    std::vector<std::vector<std::size_t>> by_supportee(nt);
    for (std::size_t i = 0; i < ns; ++i)
      for (const auto& a : adj_[i])
        if (a.score.total > above && !pinned_supportee(a.j)) by_supportee[a.j].push_back(i);
    std::vector<std::vector<std::size_t>> holds(ns);
    std::vector<int> room(ns);
    for (std::size_t i = 0; i < ns; ++i) room[i] = free_capacity(i);
    std::vector<char> seen;
    auto augment = [&](auto&& self, std::size_t j) -> bool {
      for (auto i : by_supportee[j]) {
        if (seen[i]) continue;
        seen[i] = 1;
        if (static_cast<int>(holds[i].size()) < room[i]) {
          holds[i].push_back(j);
          return true;
        }
        for (auto& other : holds[i])
          if (self(self, other)) {
            other = j;
            return true;
          }
      }
      return false;
    };
    int count = 0;
    for (std::size_t j = 0; j < nt; ++j) {
      seen.assign(ns, 0);
      if (augment(augment, j)) ++count;
    }
    return count;
  }

  void check_fairest() {
    check_optimal({{1, 0, 0}, {}, {}}, std::nullopt);
    if (!report_.ok()) return;
    int free_pairs = 0;
    std::optional<score_points> worst;
    for (std::size_t i = 0; i < sup_.size(); ++i)
      for (auto j : match_[i])
        if (free_pair(i, j)) {
          ++free_pairs;
          const auto s = score_of(i, j)->total;
          worst = worst ? std::min(*worst, s) : s;
        }
    if (!worst) return;
    if (most_pairs_above(*worst) >= free_pairs) {
      fail(
          "pairing.not_optimal", "worst_score",
          "a pairing that supports as many has every pair scoring above " + std::to_string(*worst));
      return;
    }
    report_.proof.push_back("no pairing as large has every pair scoring above " +
                            std::to_string(*worst));
    // Among pairings as large with every pair at least the worst: fewest second places
    // (when they come last), then the best total.
    check_optimal({{1, 0, 0}, {0, 0, 1}, {0, settings_.buddies.second_supportee_last ? -1 : 0, 0}},
                  worst);
  }

  // The solver's dual prices: feasible on every free edge it certifies, tight on chosen
  // ones, positive only on full supporters and paired supportees, and with a pair bonus
  // large enough to put the number of pairs first where the objective does.
  void check_certificate(const assignment_certificate& c) {
    auto bad = [&](std::string what) {
      fail("pairing.bad_certificate", "certificate", std::move(what));
    };
    const auto goal = settings_.buddies.goal;
    if (c.supporter_price.size() != sup_.size() || c.supportee_price.size() != see_.size())
      return bad("one price per supporter and supportee");
    std::optional<score_points> worst;
    int pairs = 0;
    std::vector<int> load(sup_.size(), 0);
    for (std::size_t i = 0; i < sup_.size(); ++i)
      for (auto j : match_[i])
        if (free_pair(i, j)) {
          ++pairs;
          ++load[i];
          const auto s = score_of(i, j)->total;
          worst = worst ? std::min(*worst, s) : s;
        }
    if (goal == objective::fairest && pairs > 0 && c.weight_floor != worst)
      return bad("the floor is not the worst pair's score");
    const auto floor = goal == objective::fairest ? c.weight_floor : std::nullopt;
    score_points max_w = 0, min_w = 0;
    long long room = 0, free_supportees = 0;
    for (std::size_t i = 0; i < sup_.size(); ++i) {
      room += free_capacity(i);
      for (const auto& a : adj_[i])
        if (!pinned_supportee(a.j) && (!floor || a.score.total >= *floor)) {
          max_w = std::max(max_w, a.score.total);
          min_w = std::min(min_w, a.score.total);
        }
    }
    for (std::size_t j = 0; j < see_.size(); ++j) free_supportees += pinned_supportee(j) ? 0 : 1;
    const score_points bound = std::min(room, free_supportees) * (max_w - min_w);
    if (goal == objective::best_total_score ? c.pair_bonus != 0 : c.pair_bonus <= bound)
      return bad("the pair bonus does not rank pairings as the objective does");
    for (std::size_t i = 0; i < sup_.size(); ++i) {
      if (c.supporter_price[i] < 0) return bad("a negative price");
      if (c.supporter_price[i] > 0 && load[i] < free_capacity(i))
        return bad("a priced supporter with room: " + sup_[i]->name);
      for (const auto& a : adj_[i]) {
        if (pinned_supportee(a.j) || (floor && a.score.total < *floor)) continue;
        const auto need = a.score.total + c.pair_bonus;
        const auto have = c.supporter_price[i] + c.supportee_price[a.j];
        if (have < need) return bad("prices below the pair " + name_pair(i, a.j));
        if (mate_[a.j] == i && have != need)
          return bad("prices above the chosen pair " + name_pair(i, a.j));
      }
    }
    for (std::size_t j = 0; j < see_.size(); ++j) {
      if (c.supportee_price[j] < 0) return bad("a negative price");
      if (c.supportee_price[j] > 0 && !pinned_supportee(j) && !mate_[j])
        return bad("a priced supportee who is unpaired: " + see_[j]->name);
    }
    if (goal == objective::fairest && pairs > 0) {
      // The cover proves no pairing as large avoids the floor.
      std::vector<char> covered_sup(sup_.size(), 0), covered_see(see_.size(), 0);
      long long size = 0;
      for (int i : c.heavier_cover_supporters) {
        if (i < 0 || static_cast<std::size_t>(i) >= sup_.size())
          return bad("a cover outside the round");
        covered_sup[static_cast<std::size_t>(i)] = 1;
        size += std::max(0, free_capacity(static_cast<std::size_t>(i)));
      }
      for (int j : c.heavier_cover_supportees) {
        if (j < 0 || static_cast<std::size_t>(j) >= see_.size())
          return bad("a cover outside the round");
        covered_see[static_cast<std::size_t>(j)] = 1;
        ++size;
      }
      if (size >= pairs)
        return bad("the cover of the better pairs is not smaller than the pairing");
      for (std::size_t i = 0; i < sup_.size(); ++i)
        for (const auto& a : adj_[i])
          if (!pinned_supportee(a.j) && free_capacity(i) > 0 && a.score.total > *worst &&
              !covered_sup[i] && !covered_see[a.j])
            return bad("the cover misses the pair " + name_pair(i, a.j));
    }
    report_.proof.push_back("the solver's dual certificate checks out");
  }

  // Acceptable partners in order, as the stable objective defines them.
  bool accepts(student_id who, student_id other) const {
    auto it = rank_.find(who);
    return it == rank_.end() || it->second.count(other) != 0;
  }
  // True if `who` prefers `a` to `b` (both acceptable); `scores` are their scores with who.
  bool prefers(student_id who, student_id a, score_points sa, std::size_t ia, student_id b,
               score_points sb, std::size_t ib) const {
    if (auto it = rank_.find(who); it != rank_.end()) return it->second.at(a) < it->second.at(b);
    if (sa != sb) return sa > sb;
    return ia < ib;
  }

  void check_stable() {
    for (std::size_t i = 0; i < sup_.size(); ++i)
      for (auto j : match_[i])
        if (free_pair(i, j) &&
            !(accepts(sup_[i]->id, see_[j]->id) && accepts(see_[j]->id, sup_[i]->id)))
          fail("pairing.not_acceptable", "pairs",
               name_pair(i, j) + ": one of the two does not rank the other");
    if (!report_.ok()) return;
    for (std::size_t i = 0; i < sup_.size(); ++i) {
      std::vector<std::size_t> held;
      for (auto j : match_[i])
        if (free_pair(i, j)) held.push_back(j);
      const bool room = static_cast<int>(held.size()) < free_capacity(i);
      for (const auto& a : adj_[i]) {
        const auto j = a.j;
        if (pinned_supportee(j) || mate_[j] == i) continue;
        if (!accepts(sup_[i]->id, see_[j]->id) || !accepts(see_[j]->id, sup_[i]->id)) continue;
        bool supportee_wants = !mate_[j];
        if (mate_[j]) {
          const auto k = *mate_[j];
          supportee_wants = prefers(see_[j]->id, sup_[i]->id, a.score.total, i, sup_[k]->id,
                                    score_of(k, j)->total, k);
        }
        if (!supportee_wants) continue;
        bool supporter_wants = room;
        for (auto h : held)
          if (prefers(sup_[i]->id, see_[j]->id, a.score.total, j, see_[h]->id,
                      score_of(i, h)->total, h))
            supporter_wants = true;
        if (supporter_wants) {
          fail("pairing.blocking_pair", "pairs",
               name_pair(i, j) + " would both rather be together");
          report_.better = improvement{{{sup_[i]->id, see_[j]->id}}, {}};
          return;
        }
      }
    }
    report_.proof.push_back(
        "no blocking pair: no supporter and supportee would both rather be together");
  }

  const school& school_;
  const pairing_request& request_;
  const matching_settings& settings_;
  std::vector<const student*> sup_, see_;
  std::vector<role_parameters> role_;
  std::vector<int> cap_, free_cap_;
  std::vector<char> pinned_see_;
  std::map<student_id, std::size_t> sup_at_, see_at_;
  std::set<std::pair<std::size_t, std::size_t>> forbidden_, pinned_;
  std::vector<std::vector<scored>> adj_;
  std::map<student_id, std::map<student_id, std::size_t>> rank_;
  std::vector<std::vector<std::size_t>> match_;
  std::vector<std::optional<std::size_t>> mate_;
  verification_report report_;
};

}  // namespace detail

PEERKIT_INLINE verification_report verify(const school& sch, const pairing_request& request,
                                          const matching_settings& settings,
                                          const pairing_result& result) {
  detail::pairing_checker checker(sch, request, settings);
  return checker.run(result);
}

PEERKIT_INLINE verification_report verify(const pairing_graph& g, const pairing_result& result) {
  return verify(g.school_data(), g.request(), g.settings(), result);
}

}  // namespace peerkit
