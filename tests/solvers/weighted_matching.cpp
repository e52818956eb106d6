#include <algorithm>
#include <cstdint>
#include <limits>
#include <utility>
#include <vector>

#include <catch2/catch.hpp>

#include <peerkit/solvers/weighted_matching.hpp>

#include "solver_testing.hpp"

using peerkit::matching_objective;
using peerkit::solve_matching;
using peerkit::weighted_matching_problem;
using peerkit::weighted_matching_result;
using solver_testing::draw;
using solver_testing::matching_certificate_fault;

namespace {

constexpr matching_objective both_objectives[] = {matching_objective::max_weight,
                                                  matching_objective::max_cardinality_then_weight};

// The best (pairs, weight) of every matching, depth first over the lowest free vertex.
struct brute_force {
  const weighted_matching_problem& p;
  std::vector<std::vector<int>> at;
  std::vector<char> used;
  std::pair<long long, long long> best_cardinality{-1, 0};
  long long best_weight = std::numeric_limits<long long>::min();

  explicit brute_force(const weighted_matching_problem& problem)
      : p(problem),
        at(static_cast<std::size_t>(problem.vertex_count)),
        used(static_cast<std::size_t>(problem.vertex_count), 0) {
    for (std::size_t k = 0; k < p.edges.size(); ++k) {
      at[p.edges[k].u].push_back(static_cast<int>(k));
      at[p.edges[k].v].push_back(static_cast<int>(k));
    }
    walk(0, 0, 0);
  }
  void walk(int from, long long pairs, long long weight) {
    while (from < p.vertex_count && used[from]) ++from;
    if (from == p.vertex_count) {
      best_cardinality = std::max(best_cardinality, {pairs, weight});
      best_weight = std::max(best_weight, weight);
      return;
    }
    used[from] = 1;
    walk(from + 1, pairs, weight);
    for (const int k : at[from]) {
      const int other = p.edges[k].u == from ? p.edges[k].v : p.edges[k].u;
      if (used[other]) continue;
      used[other] = 1;
      walk(from + 1, pairs + 1, weight + p.edges[k].weight);
      used[other] = 0;
    }
    used[from] = 0;
  }
};

weighted_matching_problem random_graph(draw& d, int max_vertices, int density, long long lo,
                                       long long hi) {
  weighted_matching_problem p;
  p.vertex_count = static_cast<int>(d.in(0, max_vertices));
  for (int u = 0; u < p.vertex_count; ++u)
    for (int v = u + 1; v < p.vertex_count; ++v)
      if (d.chance(density)) {
        if (d.chance(50))
          p.edges.push_back({u, v, d.in(lo, hi)});
        else
          p.edges.push_back({v, u, d.in(lo, hi)});
        if (d.chance(3)) p.edges.push_back({u, v, d.in(lo, hi)});  // a repeated pair
      }
  for (std::size_t k = p.edges.size(); k > 1; --k)
    std::swap(p.edges[k - 1],
              p.edges[static_cast<std::size_t>(d.in(0, static_cast<long long>(k) - 1))]);
  return p;
}

void require_optimal(const weighted_matching_problem& p, matching_objective o,
                     const weighted_matching_result& r) {
  const auto fault = matching_certificate_fault(p, r, o);
  INFO("certificate: " << fault.value_or("ok"));
  REQUIRE_FALSE(fault.has_value());
}

}  // namespace

TEST_CASE("solvers: weighted matching agrees with brute force on random small graphs") {
  for (std::uint32_t seed = 1; seed <= 3000; ++seed) {
    draw d(seed);
    const int density = static_cast<int>(d.in(15, 90));
    const bool small_weights = d.chance(50);
    const auto p = random_graph(d, 9, density, small_weights ? -2 : -30, small_weights ? 4 : 100);
    const brute_force best(p);
    for (const auto o : both_objectives) {
      INFO("seed " << seed << " objective " << static_cast<int>(o));
      const auto r = solve_matching(p, o);
      require_optimal(p, o, r);
      if (o == matching_objective::max_weight) {
        REQUIRE(r.total_weight == std::max(0LL, best.best_weight));
      } else {
        REQUIRE(std::pair<long long, long long>{r.pair_count, r.total_weight} ==
                best.best_cardinality);
      }
    }
  }
}

TEST_CASE("solvers: weighted matching certificates hold on larger random graphs") {
  for (std::uint32_t seed = 200; seed < 260; ++seed) {
    draw d(seed);
    weighted_matching_problem p;
    p.vertex_count = static_cast<int>(d.in(30, 120));
    const auto edges = d.in(p.vertex_count, 6 * p.vertex_count);
    const bool ties = seed % 2 == 0;
    for (long long k = 0; k < edges; ++k) {
      const auto u = static_cast<int>(d.in(0, p.vertex_count - 1));
      const auto v = static_cast<int>(d.in(0, p.vertex_count - 1));
      const auto w = seed % 5 == 0 ? d.in(-peerkit::max_pair_weight, peerkit::max_pair_weight)
                     : ties        ? d.in(0, 6)
                                   : d.in(-50, 1000);
      if (u != v) p.edges.push_back({u, v, w});
    }
    for (const auto o : both_objectives) {
      INFO("seed " << seed);
      require_optimal(p, o, solve_matching(p, o));
    }
  }
}

TEST_CASE("solvers: weighted matching edge cases") {
  SECTION("empty graph and isolated vertices") {
    for (const auto o : both_objectives) {
      CHECK(solve_matching({}, o).chosen.empty());
      const auto r = solve_matching({5, {}}, o);
      CHECK(r.mate == std::vector<int>(5, -1));
      require_optimal({5, {}}, o, r);
    }
  }
  SECTION("a triangle: odd, so one vertex stays single") {
    const weighted_matching_problem p{3, {{0, 1, 5}, {1, 2, 6}, {0, 2, 7}}};
    const auto r = solve_matching(p);
    CHECK(r.chosen == std::vector<int>{2});
    CHECK(r.total_weight == 7);
    require_optimal(p, matching_objective::max_weight, r);
  }
  SECTION("negative and zero weights") {
    const weighted_matching_problem p{4, {{0, 1, -3}, {2, 3, 0}, {1, 2, -1}}};
    const auto best = solve_matching(p);
    CHECK(best.chosen.empty());
    require_optimal(p, matching_objective::max_weight, best);
    const auto most = solve_matching(p, matching_objective::max_cardinality_then_weight);
    CHECK(most.chosen == std::vector<int>{0, 1});
    CHECK(most.total_weight == -3);
    require_optimal(p, matching_objective::max_cardinality_then_weight, most);
  }
  SECTION("cardinality before weight") {
    // A path a-b-c-d: the heavy middle edge alone, or the two outer edges.
    const weighted_matching_problem p{4, {{0, 1, 2}, {1, 2, 10}, {2, 3, 2}}};
    CHECK(solve_matching(p).total_weight == 10);
    CHECK(solve_matching(p, matching_objective::max_cardinality_then_weight).total_weight == 4);
  }
  SECTION("nested blossoms") {
    // Two triangles joined through a path, all weights equal, and a pendant: blossoms
    // form and expand on the way.
    const weighted_matching_problem p{8,
                                      {{0, 1, 8},
                                       {1, 2, 8},
                                       {2, 0, 8},
                                       {2, 3, 9},
                                       {3, 4, 8},
                                       {4, 5, 8},
                                       {5, 6, 8},
                                       {6, 4, 8},
                                       {6, 7, 3}}};
    for (const auto o : both_objectives) {
      const auto r = solve_matching(p, o);
      require_optimal(p, o, r);
      CHECK(r.pair_count == 4);
    }
  }
  SECTION("the same input gives the same result") {
    draw d(91);
    const auto p = random_graph(d, 40, 30, 0, 5);
    for (const auto o : both_objectives) CHECK(solve_matching(p, o) == solve_matching(p, o));
  }
}

TEST_CASE("solvers: weighted matching rejects invalid graphs with located errors") {
  const weighted_matching_problem p{3, {{0, 3, 1}, {1, 1, 2}, {0, 2, -2'000'000'000}}};
  try {
    (void)solve_matching(p);
    FAIL("expected peerkit::error");
  } catch (const peerkit::error& e) {
    const auto& problems = e.problems();
    REQUIRE(problems.size() == 3);
    CHECK(problems[0].id == "matching.unknown_vertex");
    CHECK(problems[0].location == "edges[0].v");
    CHECK(problems[1].id == "matching.self_pair");
    CHECK(problems[1].location == "edges[1]");
    CHECK(problems[2].id == "matching.weight_out_of_range");
    CHECK(problems[2].location == "edges[2].weight");
  }
  CHECK_THROWS_AS(solve_matching({-1, {}}), peerkit::error);
}
