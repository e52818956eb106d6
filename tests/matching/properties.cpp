// Property tests: thousands of random small rounds, each paired for every objective through
// the domain API and compared with brute force over every possible pairing; the verifier
// must accept every result and reject every tampered one.

#include <catch2/catch.hpp>

#include <algorithm>
#include <limits>
#include <optional>
#include <random>
#include <tuple>
#include <vector>

#include <peerkit/matching/buddy_pairing.hpp>
#include <peerkit/matching/explanation.hpp>
#include <peerkit/matching/verifier.hpp>

#include "fixtures.hpp"

using namespace peerkit;
using namespace peerkit::test;

namespace {

constexpr std::array<objective, 4> objectives{
    objective::most_supported, objective::best_total_score, objective::stable, objective::fairest};

using value = std::tuple<long long, long long, long long, long long>;
using assignment = std::vector<std::optional<std::size_t>>;  // per supportee: its supporter

// Every pairing of the free students of a round, with what each objective sees in it.
class brute_force {
 public:
  struct leaf {
    assignment mate;
    int pairs = 0;
    score_points total = 0;
    score_points worst = 0;
    bool stable = false;
    long long later = 0;  // places used beyond supporters' first, pinned supportees included
  };

  explicit brute_force(const pairing_graph& g) : g_(g), room_(g.supporter_count()) {
    pinned_.assign(g.supportee_count(), 0);
    for (std::size_t i = 0; i < g.supporter_count(); ++i) room_[i] = g.capacity(i);
    for (const auto& p : g.request().pinned) {
      --room_[*g.supporter_index(p.supporter)];
      pinned_[*g.supportee_index(p.supportee)] = 1;
    }
    for (std::size_t i = 0; i < g.supporter_count(); ++i)
      sup_pref_.push_back(g.preferences_of_supporter(i));
    for (std::size_t j = 0; j < g.supportee_count(); ++j)
      see_pref_.push_back(g.preferences_of_supportee(j));
    assignment mate(g.supportee_count());
    std::vector<int> load(g.supporter_count(), 0);
    walk(0, mate, load);
  }

  [[nodiscard]] const std::vector<leaf>& leaves() const noexcept { return leaves_; }

  // What objective `o` maximises, lexicographically; with `later_last` (second
  // supportees last) fewer later places rank right after the leading criteria.
  static value value_of(objective o, const leaf& l, bool later_last) {
    const long long fewer = later_last ? -l.later : 0;
    switch (o) {
      case objective::most_supported: return {l.pairs, fewer, l.total, 0};
      case objective::best_total_score: return {l.total, fewer, 0, 0};
      case objective::fairest: return {l.pairs, l.pairs > 0 ? l.worst : 0, fewer, l.total};
      case objective::stable: return {l.stable ? 1 : 0, 0, 0, 0};
    }
    return {};
  }
  [[nodiscard]] value best(objective o, bool later_last) const {
    value v{-1, std::numeric_limits<long long>::min(), std::numeric_limits<long long>::min(), -1};
    for (const auto& l : leaves_) v = std::max(v, value_of(o, l, later_last));
    return v;
  }
  // The free part of a result as a leaf.
  [[nodiscard]] leaf of(const pairing_result& r) const {
    assignment mate(g_.supportee_count());
    for (const auto& p : r.pairs)
      if (!p.pinned) mate[*g_.supportee_index(p.supportee)] = *g_.supporter_index(p.supporter);
    return evaluate(mate);
  }
  // Rank of supporter i in supportee j's order (smaller is better; unpaired is worst).
  [[nodiscard]] std::size_t supportee_rank(std::size_t j, std::optional<std::size_t> i) const {
    if (!i) return see_pref_[j].size() + 1;
    auto it = std::find(see_pref_[j].begin(), see_pref_[j].end(), *i);
    return static_cast<std::size_t>(it - see_pref_[j].begin());
  }
  [[nodiscard]] bool is_pinned(std::size_t j) const { return pinned_[j] != 0; }

 private:
  void walk(std::size_t j, assignment& mate, std::vector<int>& load) {
    if (j == g_.supportee_count()) {
      leaves_.push_back(evaluate(mate));
      return;
    }
    mate[j].reset();
    walk(j + 1, mate, load);
    if (pinned_[j]) return;
    for (const auto* e : g_.edges_of_supportee(j)) {
      if (load[e->supporter] >= room_[e->supporter]) continue;
      ++load[e->supporter];
      mate[j] = e->supporter;
      walk(j + 1, mate, load);
      --load[e->supporter];
    }
    mate[j].reset();
  }

  static std::optional<std::size_t> place(const std::vector<std::size_t>& order, std::size_t x) {
    auto it = std::find(order.begin(), order.end(), x);
    if (it == order.end()) return std::nullopt;
    return static_cast<std::size_t>(it - order.begin());
  }

  leaf evaluate(const assignment& mate) const {
    leaf l{mate, 0, 0, 0, true, 0};
    std::vector<std::vector<std::size_t>> held(g_.supporter_count());
    std::vector<int> load(g_.supporter_count());
    for (std::size_t i = 0; i < load.size(); ++i) load[i] = g_.capacity(i) - room_[i];
    for (const auto& m : mate)
      if (m) ++load[*m];
    for (auto n : load) l.later += std::max(0, n - 1);
    for (std::size_t j = 0; j < mate.size(); ++j) {
      if (!mate[j]) continue;
      const auto s = g_.find(*mate[j], j)->score.total;
      l.worst = l.pairs == 0 ? s : std::min(l.worst, s);
      ++l.pairs;
      l.total += s;
      held[*mate[j]].push_back(j);
      if (!place(sup_pref_[*mate[j]], j) || !place(see_pref_[j], *mate[j])) l.stable = false;
    }
    for (std::size_t j = 0; j < mate.size() && l.stable; ++j) {
      if (pinned_[j]) continue;
      for (auto i : see_pref_[j]) {
        if (mate[j] == i) break;  // every later supporter is worse than the current one
        if (!place(sup_pref_[i], j)) continue;
        bool wants = static_cast<int>(held[i].size()) < room_[i];
        for (auto h : held[i])
          if (*place(sup_pref_[i], j) < *place(sup_pref_[i], h)) wants = true;
        if (wants) {
          l.stable = false;
          break;
        }
      }
    }
    return l;
  }

  const pairing_graph& g_;
  std::vector<int> room_;
  std::vector<char> pinned_;
  std::vector<std::vector<std::size_t>> sup_pref_, see_pref_;
  std::vector<leaf> leaves_;
};

// A consistent result for the free assignment `mate` (pins added), without certificate.
pairing_result result_of(const pairing_graph& g, const assignment& mate) {
  std::vector<std::pair<std::size_t, std::size_t>> chosen;
  for (std::size_t j = 0; j < mate.size(); ++j)
    if (mate[j]) chosen.emplace_back(*mate[j], j);
  return detail::assemble(g, chosen);
}

pairing_graph graph_for(const random_round& r, objective goal,
                        proposing_side side = proposing_side::supportees, bool later_last = true) {
  auto s = with_goal(goal);
  s.buddies.rules = r.rules;
  s.buddies.proposer = side;
  s.buddies.second_supportee_last = later_last;
  return pairing_graph(r.sch, r.request, s);
}

}  // namespace

TEST_CASE("matching: every objective agrees with brute force on thousands of random rounds") {
  std::mt19937_64 rng(20251001);
  int checked = 0, stable_both_sides = 0, with_pins = 0;
  for (int round = 0; round < 2000; ++round) {
    const auto r = make_random_round(rng);
    const auto base = graph_for(r, objective::most_supported);
    const brute_force brute(base);
    with_pins += r.request.pinned.empty() ? 0 : 1;
    for (auto goal : objectives)
      for (bool later_last : {true, false}) {
        if (goal == objective::stable && !later_last) continue;  // the option does not apply
        const auto g = graph_for(r, goal, proposing_side::supportees, later_last);
        const auto result = pair_buddies(g);
        INFO("round " << round << ", objective " << key_of(goal) << ", second supportee last "
                      << later_last);
        const auto got = brute.of(result);
        REQUIRE(brute_force::value_of(goal, got, later_last) == brute.best(goal, later_last));
        const auto report = verify(g, result);
        INFO((report.problems.empty() ? std::string() : report.problems.front().to_string()));
        REQUIRE(report.ok());
        const auto why = explain(g, result);
        for (const auto& u : why.unpaired_supportees)
          REQUIRE(u.reason != unpaired_reason::not_optimal);
        for (const auto& u : why.unused_supporters)
          REQUIRE(u.reason != unpaired_reason::not_optimal);
        ++checked;
      }
    // Deferred acceptance: the proposing side gets its best stable partners, the other
    // side its worst (with strict preferences), and every stable pairing pairs the same
    // supportees.
    for (auto side : {proposing_side::supportees, proposing_side::supporters}) {
      const auto g = graph_for(r, objective::stable, side);
      const auto got = brute.of(pair_buddies(g));
      REQUIRE(got.stable);
      for (const auto& l : brute.leaves()) {
        if (!l.stable) continue;
        for (std::size_t j = 0; j < got.mate.size(); ++j) {
          if (brute.is_pinned(j)) continue;
          REQUIRE(l.mate[j].has_value() == got.mate[j].has_value());
          const auto mine = brute.supportee_rank(j, got.mate[j]);
          const auto other = brute.supportee_rank(j, l.mate[j]);
          if (side == proposing_side::supportees)
            REQUIRE(mine <= other);
          else
            REQUIRE(mine >= other);
        }
      }
      ++stable_both_sides;
    }
  }
  CHECK(checked == 7 * 2000);
  CHECK(stable_both_sides == 2 * 2000);
  CHECK(with_pins > 100);
}

TEST_CASE("matching: the verifier rejects every tampered pairing") {
  std::mt19937_64 rng(777);
  int worse_rejected = 0, equal_accepted = 0;
  for (int round = 0; round < 1400; ++round) {
    const auto r = make_random_round(rng);
    const auto goal = objectives[static_cast<std::size_t>(round % 4)];
    const bool later_last = (round / 4) % 2 == 0;
    const auto g = graph_for(r, goal, proposing_side::supportees, later_last);
    const brute_force brute(g);
    const auto result = pair_buddies(g);
    INFO("round " << round << ", objective " << key_of(goal) << ", second supportee last "
                  << later_last);

    // Any other pairing that is worse for the objective is rejected as not optimal (or, for
    // the stable objective, as having a blocking pair); one just as good is accepted.
    const auto best = brute.best(goal, later_last);
    for (std::size_t k = 0; k < brute.leaves().size(); k += 1 + brute.leaves().size() / 7) {
      const auto& l = brute.leaves()[k];
      auto report = verify(g, result_of(g, l.mate));
      if (brute_force::value_of(goal, l, later_last) < best) {
        REQUIRE(!report.ok());
        REQUIRE((report.has("pairing.not_optimal") || report.has("pairing.blocking_pair") ||
                 report.has("pairing.not_acceptable")));
        ++worse_rejected;
      } else {
        REQUIRE(report.ok());
        ++equal_accepted;
      }
    }

    if (!result.pairs.empty()) {
      auto changed = result;
      changed.pairs.front().score.total += 1;
      CHECK(verify(g, changed).has("pairing.wrong_score"));
      changed = result;
      changed.total_score += 1;
      CHECK(verify(g, changed).has("pairing.inconsistent"));
      changed = result;
      changed.pairs.push_back(changed.pairs.front());
      CHECK(!verify(g, changed).ok());
    }
    // A pair that breaks a rule.
    for (std::size_t i = 0; i < g.supporter_count(); ++i)
      for (std::size_t j = 0; j < g.supportee_count(); ++j)
        if (!g.find(i, j) && !result.supporter_of(g.supportee(j).id)) {
          auto changed = result;
          changed.pairs.push_back({g.supporter(i).id, g.supportee(j).id, {}, false});
          auto report = verify(g, changed);
          CHECK(report.has("pairing.rule_broken"));
          i = g.supporter_count();
          break;
        }
    // A supporter above capacity.
    for (std::size_t i = 0; i < g.supporter_count(); ++i) {
      if (static_cast<int>(result.supportees_of(g.supporter(i).id).size()) < g.capacity(i))
        continue;
      for (const auto* e : g.edges_of_supporter(i))
        if (!result.supporter_of(g.supportee(e->supportee).id)) {
          auto changed = result;
          changed.pairs.push_back(
              {g.supporter(i).id, g.supportee(e->supportee).id, e->score, false});
          CHECK(verify(g, changed).has("pairing.over_capacity"));
          break;
        }
    }
    // A missing pin.
    if (!r.request.pinned.empty()) {
      auto changed = detail::assemble(g, {});
      changed.pairs.erase(changed.pairs.begin());
      changed.supported -= 1;
      CHECK(verify(g, changed).has("pairing.pin_missing"));
    }
    // A forged certificate.
    if (result.certificate && !result.pairs.empty()) {
      auto changed = result;
      auto& prices = changed.certificate->supportee_price;
      const auto j = *g.supportee_index(result.pairs.back().supportee);
      if (!result.pairs.back().pinned) {
        prices[j] += 1;
        CHECK(verify(g, changed).has("pairing.bad_certificate"));
      }
    }
  }
  CHECK(worse_rejected > 1000);
  CHECK(equal_accepted > 1000);
}

TEST_CASE("matching: pairing is deterministic") {
  std::mt19937_64 rng(99);
  for (int round = 0; round < 50; ++round) {
    const auto r = make_random_round(rng, 6, 8);
    for (auto goal : objectives) {
      const auto g = graph_for(r, goal);
      CHECK(pair_buddies(g) == pair_buddies(graph_for(r, goal)));
    }
  }
}
