#include <algorithm>
#include <cstdint>
#include <utility>
#include <vector>

#include <catch2/catch.hpp>

#include <peerkit/solvers/stable_pairing.hpp>

#include "solver_testing.hpp"

using peerkit::blocking_pairs;
using peerkit::stable_pairing;
using peerkit::stable_pairing_problem;
using peerkit::stable_proposer;
using solver_testing::draw;

namespace {

int rank_in(const std::vector<int>& list, int x) {
  const auto it = std::find(list.begin(), list.end(), x);
  return it == list.end() ? -1 : static_cast<int>(it - list.begin());
}

bool acceptable(const stable_pairing_problem& p, int i, int j) {
  return rank_in(p.supporter_ranking[i], j) >= 0 && rank_in(p.supportee_ranking[j], i) >= 0;
}

// Stability straight from the definition, independent of the library's own check.
bool stable(const stable_pairing_problem& p, const std::vector<int>& supporter_of) {
  const auto nl = static_cast<int>(p.capacities.size());
  const auto nr = static_cast<int>(supporter_of.size());
  for (int i = 0; i < nl; ++i)
    for (int j = 0; j < nr; ++j) {
      if (!acceptable(p, i, j) || supporter_of[j] == i) continue;
      const int mine = supporter_of[j];
      if (mine >= 0 && rank_in(p.supportee_ranking[j], mine) < rank_in(p.supportee_ranking[j], i))
        continue;
      int load = 0;
      bool prefers_j = false;
      for (int k = 0; k < nr; ++k)
        if (supporter_of[k] == i) {
          ++load;
          if (rank_in(p.supporter_ranking[i], j) < rank_in(p.supporter_ranking[i], k))
            prefers_j = true;
        }
      if (load < p.capacities[i] || prefers_j) return false;
    }
  return true;
}

// Every pairing on acceptable pairs within the capacities.
void all_pairings(const stable_pairing_problem& p, int j, std::vector<int>& current,
                  std::vector<int>& load, std::vector<std::vector<int>>& out) {
  if (j == static_cast<int>(current.size())) {
    out.push_back(current);
    return;
  }
  current[j] = -1;
  all_pairings(p, j + 1, current, load, out);
  for (int i = 0; i < static_cast<int>(p.capacities.size()); ++i) {
    if (!acceptable(p, i, j) || load[i] == p.capacities[i]) continue;
    ++load[i];
    current[j] = i;
    all_pairings(p, j + 1, current, load, out);
    current[j] = -1;
    --load[i];
  }
}

stable_pairing_problem random_preferences(draw& d, int max_supporters, int max_supportees) {
  stable_pairing_problem p;
  const auto nl = static_cast<int>(d.in(0, max_supporters));
  const auto nr = static_cast<int>(d.in(0, max_supportees));
  for (int i = 0; i < nl; ++i) p.capacities.push_back(static_cast<int>(d.in(0, 3)));
  const auto shuffled = [&](int n, int keep) {
    std::vector<int> v;
    for (int x = 0; x < n; ++x)
      if (d.chance(keep)) v.push_back(x);
    for (std::size_t k = v.size(); k > 1; --k)
      std::swap(v[k - 1], v[static_cast<std::size_t>(d.in(0, static_cast<long long>(k) - 1))]);
    return v;
  };
  const int keep = static_cast<int>(d.in(40, 100));
  for (int i = 0; i < nl; ++i) p.supporter_ranking.push_back(shuffled(nr, keep));
  for (int j = 0; j < nr; ++j) p.supportee_ranking.push_back(shuffled(nl, keep));
  return p;
}

}  // namespace

TEST_CASE("solvers: stable pairing is stable and best for the proposing side") {
  for (std::uint32_t seed = 1; seed <= 1200; ++seed) {
    draw d(seed);
    const auto p = random_preferences(d, 4, 5);
    const auto nr = p.supportee_ranking.size();
    std::vector<std::vector<int>> pairings;
    std::vector<int> current(nr, -1);
    std::vector<int> load(p.capacities.size(), 0);
    all_pairings(p, 0, current, load, pairings);
    std::vector<std::vector<int>> stable_ones;
    for (const auto& m : pairings)
      if (stable(p, m)) stable_ones.push_back(m);
    REQUIRE_FALSE(stable_ones.empty());  // deferred acceptance proves one exists

    INFO("seed " << seed);
    const auto by_supportees = stable_pairing(p, stable_proposer::supportees);
    const auto by_supporters = stable_pairing(p, stable_proposer::supporters);
    for (const auto* r : {&by_supportees, &by_supporters}) {
      REQUIRE(stable(p, r->supporter_of));
      REQUIRE(blocking_pairs(p, r->supporter_of).empty());
      int pairs = 0;
      for (std::size_t i = 0; i < p.capacities.size(); ++i) {
        pairs += static_cast<int>(r->supportees_of[i].size());
        for (const int j : r->supportees_of[i]) REQUIRE(r->supporter_of[j] == static_cast<int>(i));
      }
      REQUIRE(pairs == r->pair_count);
    }
    // Rank of a supportee's supporter, unpaired worst; a supporter's ranks, best first.
    const auto supportee_rank = [&](const std::vector<int>& m, std::size_t j) {
      return m[j] < 0 ? 1000 : rank_in(p.supportee_ranking[j], m[j]);
    };
    const auto supporter_ranks = [&](const std::vector<int>& m, std::size_t i) {
      std::vector<int> ranks;
      for (std::size_t j = 0; j < m.size(); ++j)
        if (m[j] == static_cast<int>(i))
          ranks.push_back(rank_in(p.supporter_ranking[i], static_cast<int>(j)));
      std::sort(ranks.begin(), ranks.end());
      return ranks;
    };
    for (const auto& other : stable_ones) {
      for (std::size_t j = 0; j < nr; ++j) {
        REQUIRE(supportee_rank(by_supportees.supporter_of, j) <= supportee_rank(other, j));
        REQUIRE(supportee_rank(by_supporters.supporter_of, j) >= supportee_rank(other, j));
        // The same supportees are paired in every stable pairing.
        REQUIRE((other[j] >= 0) == (by_supportees.supporter_of[j] >= 0));
      }
      for (std::size_t i = 0; i < p.capacities.size(); ++i) {
        const auto best = supporter_ranks(by_supporters.supporter_of, i);
        const auto theirs = supporter_ranks(other, i);
        REQUIRE(best.size() == theirs.size());
        for (std::size_t k = 0; k < best.size(); ++k) REQUIRE(best[k] <= theirs[k]);
      }
    }
  }
}

TEST_CASE("solvers: blocking pairs are reported") {
  // Both supportees prefer supporter 0 (room 1), who prefers supportee 1.
  const stable_pairing_problem p{{1, 1}, {{1, 0}, {0, 1}}, {{0, 1}, {0, 1}}};
  CHECK(blocking_pairs(p, {0, 1}) == std::vector<std::pair<int, int>>{{0, 1}});
  CHECK(blocking_pairs(p, {-1, -1}).size() == 4);
  const auto r = stable_pairing(p);
  CHECK(r.supporter_of == std::vector<int>{1, 0});
  CHECK(r.supportees_of == std::vector<std::vector<int>>{{1}, {0}});
}

TEST_CASE("solvers: stable pairing edge cases") {
  SECTION("nobody") {
    const auto r = stable_pairing({});
    CHECK(r.pair_count == 0);
  }
  SECTION("one-sided lists pair nobody") {
    const stable_pairing_problem p{{2}, {{0, 1}}, {{}, {}}};
    for (const auto side : {stable_proposer::supportees, stable_proposer::supporters})
      CHECK(stable_pairing(p, side).supporter_of == std::vector<int>{-1, -1});
  }
  SECTION("capacity 0 and a capacity of two") {
    const stable_pairing_problem p{{0, 2}, {{0, 1, 2}, {2, 0, 1}}, {{0, 1}, {1, 0}, {0, 1}}};
    for (const auto side : {stable_proposer::supportees, stable_proposer::supporters}) {
      const auto r = stable_pairing(p, side);
      CHECK(r.supportees_of[0].empty());
      CHECK(r.supportees_of[1] == std::vector<int>{2, 0});  // best first by supporter 1's ranking
      CHECK(r.supporter_of == std::vector<int>{1, -1, 1});
    }
  }
  SECTION("the two sides can disagree") {
    // Two by two with opposite tastes: each side proposing gets its favourites.
    const stable_pairing_problem p{{1, 1}, {{0, 1}, {1, 0}}, {{1, 0}, {0, 1}}};
    CHECK(stable_pairing(p, stable_proposer::supporters).supporter_of == std::vector<int>{0, 1});
    CHECK(stable_pairing(p, stable_proposer::supportees).supporter_of == std::vector<int>{1, 0});
  }
}

TEST_CASE("solvers: stable pairing rejects invalid preferences with located errors") {
  const stable_pairing_problem p{{1, -1}, {{0, 0}, {5}, {}}, {{2}}};
  try {
    (void)stable_pairing(p);
    FAIL("expected peerkit::error");
  } catch (const peerkit::error& e) {
    const auto& problems = e.problems();
    REQUIRE(problems.size() == 5);
    CHECK(problems[0].id == "matching.negative_capacity");
    CHECK(problems[0].location == "capacities[1]");
    CHECK(problems[1].id == "matching.size_mismatch");
    CHECK(problems[2].id == "matching.repeated_choice");
    CHECK(problems[2].location == "supporter_ranking[0][1]");
    CHECK(problems[3].id == "matching.unknown_supportee");
    CHECK(problems[3].location == "supporter_ranking[1][0]");
    CHECK(problems[4].id == "matching.unknown_supporter");
    CHECK(problems[4].location == "supportee_ranking[0][0]");
  }
}
