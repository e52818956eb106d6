#include <algorithm>
#include <cstdint>
#include <limits>
#include <string>
#include <tuple>
#include <vector>

#include <catch2/catch.hpp>

#include <peerkit/solvers/assignment_solver.hpp>

#include "solver_testing.hpp"

using peerkit::assignment_edge;
using peerkit::assignment_objective;
using peerkit::assignment_problem;
using peerkit::assignment_result;
using peerkit::solve_assignment;
using solver_testing::assignment_certificate_fault;
using solver_testing::draw;

namespace {

constexpr assignment_objective all_objectives[] = {
    assignment_objective::max_cardinality_then_weight, assignment_objective::max_weight,
    assignment_objective::max_min_then_weight};

// The value an objective ranks pairings by, compared lexicographically.
using value = std::tuple<long long, long long, long long>;

value value_of(assignment_objective o, int pairs, std::int64_t total, std::int64_t worst) {
  switch (o) {
    case assignment_objective::max_cardinality_then_weight: return {pairs, total, 0};
    case assignment_objective::max_weight: return {total, 0, 0};
    case assignment_objective::max_min_then_weight: return {pairs, pairs > 0 ? worst : 0, total};
  }
  return {};
}

// Every pairing, depth first over the supportees.
struct brute_force {
  const assignment_problem& p;
  assignment_objective o;
  std::vector<std::vector<int>> by_supportee;
  std::vector<int> load;
  value best{std::numeric_limits<long long>::min(), 0, 0};

  brute_force(const assignment_problem& problem, assignment_objective objective)
      : p(problem),
        o(objective),
        by_supportee(static_cast<std::size_t>(problem.supportee_count)),
        load(problem.capacities.size(), 0) {
    for (std::size_t k = 0; k < p.edges.size(); ++k)
      by_supportee[p.edges[k].supportee].push_back(static_cast<int>(k));
    walk(0, 0, 0, std::numeric_limits<std::int64_t>::max());
  }
  void walk(int j, int pairs, std::int64_t total, std::int64_t worst) {
    if (j == p.supportee_count) {
      best = std::max(best, value_of(o, pairs, total, worst));
      return;
    }
    walk(j + 1, pairs, total, worst);
    for (const int k : by_supportee[j]) {
      const auto& e = p.edges[k];
      if (load[e.supporter] == p.capacities[e.supporter]) continue;
      ++load[e.supporter];
      walk(j + 1, pairs + 1, total + e.weight, std::min(worst, e.weight));
      --load[e.supporter];
    }
  }
};

assignment_problem random_problem(draw& d, int max_supporters, int max_supportees, int density,
                                  long long min_w, long long max_w) {
  assignment_problem p;
  const auto nl = static_cast<int>(d.in(0, max_supporters));
  p.supportee_count = static_cast<int>(d.in(0, max_supportees));
  for (int i = 0; i < nl; ++i)
    p.capacities.push_back(d.chance(10) ? 0 : static_cast<int>(d.in(1, 3)));
  for (int i = 0; i < nl; ++i)
    for (int j = 0; j < p.supportee_count; ++j)
      if (d.chance(density)) {
        p.edges.push_back({i, j, d.in(min_w, max_w)});
        if (d.chance(3)) p.edges.push_back({i, j, d.in(min_w, max_w)});  // a repeated pair
      }
  // Edges in an arbitrary order, as a caller may list them.
  for (std::size_t k = p.edges.size(); k > 1; --k)
    std::swap(p.edges[k - 1],
              p.edges[static_cast<std::size_t>(d.in(0, static_cast<long long>(k) - 1))]);
  return p;
}

void require_optimal(const assignment_problem& p, assignment_objective o,
                     const assignment_result& r) {
  const auto fault = assignment_certificate_fault(p, r, o);
  INFO("certificate: " << fault.value_or("ok"));
  REQUIRE_FALSE(fault.has_value());
}

}  // namespace

TEST_CASE("solvers: assignment agrees with brute force on random small problems") {
  int checked = 0;
  for (std::uint32_t seed = 1; seed <= 1500; ++seed) {
    draw d(seed);
    const int density = static_cast<int>(d.in(20, 80));
    const bool small_weights = d.chance(50);
    const auto p = random_problem(d, 4, 6, density, small_weights ? -2 : -40,
                                  small_weights ? 3 : 100);
    for (const auto o : all_objectives) {
      INFO("seed " << seed << " objective " << static_cast<int>(o));
      const auto r = solve_assignment(p, o);
      require_optimal(p, o, r);
      const brute_force best(p, o);
      REQUIRE(value_of(o, r.pair_count, r.total_weight, r.worst_weight.value_or(0)) == best.best);
      ++checked;
    }
  }
  CHECK(checked == 4500);
}

TEST_CASE("solvers: assignment brute force with scarce or plentiful capacity") {
  for (std::uint32_t seed = 5000; seed < 5600; ++seed) {
    draw d(seed);
    assignment_problem p;
    const bool scarce = seed % 2 == 0;
    const int nl = scarce ? 2 : 5;
    p.supportee_count = scarce ? 7 : 3;
    for (int i = 0; i < nl; ++i) p.capacities.push_back(static_cast<int>(d.in(0, 2)));
    for (int i = 0; i < nl; ++i)
      for (int j = 0; j < p.supportee_count; ++j)
        if (d.chance(60)) p.edges.push_back({i, j, d.in(-3, 6)});
    for (const auto o : all_objectives) {
      INFO("seed " << seed);
      const auto r = solve_assignment(p, o);
      require_optimal(p, o, r);
      REQUIRE(value_of(o, r.pair_count, r.total_weight, r.worst_weight.value_or(0)) ==
              brute_force(p, o).best);
    }
  }
}

TEST_CASE("solvers: assignment certificates hold on medium random problems") {
  for (std::uint32_t seed = 100; seed < 130; ++seed) {
    draw d(seed);
    assignment_problem p;
    const auto nl = static_cast<int>(d.in(20, 60));
    p.supportee_count = static_cast<int>(d.in(20, 90));
    for (int i = 0; i < nl; ++i) p.capacities.push_back(static_cast<int>(d.in(0, 3)));
    const int per = static_cast<int>(d.in(2, 12));
    for (int j = 0; j < p.supportee_count; ++j)
      for (int k = 0; k < per; ++k)
        p.edges.push_back({static_cast<int>(d.in(0, nl - 1)), j, d.in(-20, 100)});
    for (const auto o : all_objectives) {
      INFO("seed " << seed);
      require_optimal(p, o, solve_assignment(p, o));
    }
  }
}

TEST_CASE("solvers: assignment certificates hold on problems with long rows") {
  // Rows above 64 arcs are sorted by comparison, shorter ones by counting; ties and wide
  // weights on both, with supportees or places on the scarce side.
  for (std::uint32_t seed = 200; seed < 212; ++seed) {
    draw d(seed);
    assignment_problem p;
    const auto nl = static_cast<int>(d.in(100, 160));
    p.supportee_count = static_cast<int>(d.in(40, 200));
    for (int i = 0; i < nl; ++i) p.capacities.push_back(static_cast<int>(d.in(0, 2)));
    const long long top = seed % 2 == 0 ? 3 : 1000000;
    for (int j = 0; j < p.supportee_count; ++j) {
      const auto per = d.in(20, 120);
      for (long long k = 0; k < per; ++k)
        p.edges.push_back({static_cast<int>(d.in(0, nl - 1)), j, d.in(0, top)});
    }
    for (const auto o : all_objectives) {
      INFO("seed " << seed);
      require_optimal(p, o, solve_assignment(p, o));
    }
  }
}

TEST_CASE("solvers: assignment certificates hold when rows span the edge of the short sort") {
  // A row of up to 64 arcs is sorted by counting on 31-bit keys of weight and place when its
  // weights span less than 2^25, and by comparison otherwise: spans one below, at and one
  // above that edge, from negative and positive lows, with ties, catch a key that overflows.
  constexpr std::int64_t edge = std::int64_t{1} << 25;
  for (std::uint32_t seed = 250; seed < 262; ++seed) {
    draw d(seed);
    assignment_problem p;
    const auto nl = static_cast<int>(d.in(30, 60));
    p.supportee_count = static_cast<int>(d.in(30, 80));
    for (int i = 0; i < nl; ++i) p.capacities.push_back(static_cast<int>(d.in(1, 2)));
    const std::int64_t span = edge + static_cast<std::int64_t>(seed % 3) - 1;
    const std::int64_t low = seed % 2 == 0 ? -span / 2 : 5;
    for (int j = 0; j < p.supportee_count; ++j) {
      const auto per = d.in(2, 40);
      for (long long k = 0; k < per; ++k) {
        // Mostly the two ends of the span, so that heavy and light arcs tie and alternate.
        const auto pick = d.in(0, 3);
        const std::int64_t w = pick == 0 ? low : pick == 1 ? low + span : low + d.in(0, span);
        p.edges.push_back({static_cast<int>(d.in(0, nl - 1)), j, w});
      }
    }
    for (const auto o : all_objectives) {
      INFO("seed " << seed);
      require_optimal(p, o, solve_assignment(p, o));
    }
  }
}

TEST_CASE("solvers: assignment certificates hold with heavy ties and extreme weights") {
  // Scores of three values leave many units to serve along tied paths; weights at the
  // limit check that the bonus and the prices stay within range.
  for (std::uint32_t seed = 300; seed < 312; ++seed) {
    draw d(seed);
    assignment_problem p;
    const auto nl = static_cast<int>(d.in(150, 250));
    p.supportee_count = static_cast<int>(d.in(200, 400));
    for (int i = 0; i < nl; ++i) p.capacities.push_back(static_cast<int>(d.in(1, 2)));
    const bool extreme = seed % 3 == 0;
    for (int j = 0; j < p.supportee_count; ++j)
      for (int k = 0; k < 8; ++k) {
        const auto w = extreme ? d.in(-peerkit::max_pair_weight, peerkit::max_pair_weight)
                               : d.in(0, 2);
        p.edges.push_back({static_cast<int>(d.in(0, nl - 1)), j, w});
      }
    for (const auto o : all_objectives) {
      INFO("seed " << seed);
      require_optimal(p, o, solve_assignment(p, o));
    }
  }
}

TEST_CASE("solvers: assignment stays exact with a global price update after every search") {
  // The solver updates prices globally only on large problems; here it does so after each
  // search, on small problems against brute force and on larger ones by certificate.
  constexpr std::int64_t every_edge = std::numeric_limits<std::int64_t>::min();
  const auto solve_updating = [](const assignment_problem& p, assignment_objective o) {
    assignment_result r;
    if (o == assignment_objective::max_weight)
      peerkit::detail::solve_exact(p, 1, false, r, 0);
    else
      peerkit::detail::solve_exact(p, every_edge, true, r, 0);
    peerkit::detail::finish_assignment(p, r);
    return r;
  };
  constexpr assignment_objective objectives[] = {assignment_objective::max_cardinality_then_weight,
                                                 assignment_objective::max_weight};
  for (std::uint32_t seed = 9000; seed < 9600; ++seed) {
    draw d(seed);
    const auto p = random_problem(d, 4, 6, static_cast<int>(d.in(30, 90)), -5, 20);
    for (const auto o : objectives) {
      INFO("seed " << seed << " objective " << static_cast<int>(o));
      const auto r = solve_updating(p, o);
      require_optimal(p, o, r);
      REQUIRE(value_of(o, r.pair_count, r.total_weight, 0) == brute_force(p, o).best);
    }
  }
  int repriced = 0;  // problems whose prices the updates changed
  for (std::uint32_t seed = 9600; seed < 9660; ++seed) {
    draw d(seed);
    // About as many supportees as places, where the last ones take searches; a few more
    // or fewer, so that either side is the one served.
    assignment_problem p;
    const auto nl = static_cast<int>(d.in(60, 120));
    const int most = seed % 2 == 0 ? 2 : 5;
    for (int i = 0; i < nl; ++i) p.capacities.push_back(static_cast<int>(d.in(1, most)));
    long long places = 0;
    for (const int c : p.capacities) places += c;
    p.supportee_count = static_cast<int>(places + d.in(-3, 3));
    const bool extreme = seed % 5 == 0;
    for (int j = 0; j < p.supportee_count; ++j)
      for (int k = 0; k < 6; ++k) {
        const auto w = extreme ? d.in(-peerkit::max_pair_weight, peerkit::max_pair_weight)
                               : d.in(0, 1000);
        p.edges.push_back({static_cast<int>(d.in(0, nl - 1)), j, w});
      }
    for (const auto o : objectives) {
      INFO("seed " << seed << " objective " << static_cast<int>(o));
      const auto r = solve_updating(p, o);
      require_optimal(p, o, r);
      const auto plain = solve_assignment(p, o);
      REQUIRE(value_of(o, r.pair_count, r.total_weight, 0) ==
              value_of(o, plain.pair_count, plain.total_weight, 0));
      if (r.certificate != plain.certificate) ++repriced;
    }
  }
  CHECK(repriced > 40);  // a third at least: an update settles no farther than the search
}

TEST_CASE("solvers: assignment edge cases") {
  SECTION("empty problem") {
    for (const auto o : all_objectives) {
      const auto r = solve_assignment(assignment_problem{}, o);
      CHECK(r.chosen.empty());
      CHECK(r.pair_count == 0);
      CHECK_FALSE(r.worst_weight.has_value());
    }
  }
  SECTION("no edges") {
    const assignment_problem p{{1, 2}, 3, {}};
    for (const auto o : all_objectives) {
      const auto r = solve_assignment(p, o);
      CHECK(r.chosen.empty());
      CHECK(r.supportee_edge == std::vector<int>{-1, -1, -1});
      require_optimal(p, o, r);
    }
  }
  SECTION("all capacities 0") {
    const assignment_problem p{{0, 0}, 2, {{0, 0, 5}, {1, 1, 7}, {0, 1, -2}}};
    for (const auto o : all_objectives) {
      const auto r = solve_assignment(p, o);
      CHECK(r.chosen.empty());
      require_optimal(p, o, r);
    }
  }
  SECTION("negative weights: max_weight leaves them out, cardinality takes them") {
    const assignment_problem p{{1, 1}, 2, {{0, 0, -3}, {1, 1, -1}, {1, 0, -5}}};
    const auto best = solve_assignment(p, assignment_objective::max_weight);
    CHECK(best.chosen.empty());
    CHECK(best.total_weight == 0);
    require_optimal(p, assignment_objective::max_weight, best);
    const auto most = solve_assignment(p);
    CHECK(most.chosen == std::vector<int>{0, 1});
    CHECK(most.total_weight == -4);
    require_optimal(p, assignment_objective::max_cardinality_then_weight, most);
  }
  SECTION("zero weights are never chosen by max_weight") {
    const assignment_problem p{{2}, 2, {{0, 0, 0}, {0, 1, 4}}};
    CHECK(solve_assignment(p, assignment_objective::max_weight).chosen == std::vector<int>{1});
    CHECK(solve_assignment(p).chosen == std::vector<int>{0, 1});
  }
  SECTION("cardinality before weight, worst pair before total") {
    // Supporter 0 (room 1) and 1 (room 1); supportee 0 likes both, supportee 1 only 0.
    const assignment_problem p{{1, 1}, 2, {{0, 0, 10}, {1, 0, 1}, {0, 1, 2}, {1, 1, 9}}};
    const auto weight = solve_assignment(p, assignment_objective::max_weight);
    CHECK(weight.total_weight == 19);
    const auto fair = solve_assignment(p, assignment_objective::max_min_then_weight);
    CHECK(fair.pair_count == 2);
    CHECK(fair.worst_weight == 9);
    CHECK(fair.certificate.weight_floor == 9);
    const assignment_problem q{{1, 1}, 2, {{0, 0, 10}, {1, 0, 6}, {0, 1, 5}, {1, 1, 1}}};
    const auto total = solve_assignment(q);
    CHECK(total.total_weight == 11);  // 10 + 1 beats 6 + 5
    const auto worst = solve_assignment(q, assignment_objective::max_min_then_weight);
    CHECK(worst.chosen == std::vector<int>{1, 2});  // 6 and 5: the worst pair is 5, not 1
    require_optimal(q, assignment_objective::max_min_then_weight, worst);
  }
  SECTION("isolated vertices and a supporter with more room than candidates") {
    const assignment_problem p{{5, 0, 1}, 4, {{0, 1, 3}, {0, 2, 4}}};
    for (const auto o : all_objectives) {
      const auto r = solve_assignment(p, o);
      CHECK(r.pair_count == 2);
      CHECK(r.supportee_edge == std::vector<int>{-1, 0, 1, -1});
      require_optimal(p, o, r);
    }
  }
  SECTION("the same input gives the same result") {
    draw d(77);
    const auto p = random_problem(d, 30, 40, 30, 0, 5);
    for (const auto o : all_objectives) CHECK(solve_assignment(p, o) == solve_assignment(p, o));
  }
}

TEST_CASE("solvers: assignment rejects invalid problems with located errors") {
  const assignment_problem p{{1, -2}, 2, {{0, 0, 1}, {2, 1, 1}, {0, 5, 1}, {1, 1, 2'000'000'000}}};
  try {
    (void)solve_assignment(p);
    FAIL("expected peerkit::error");
  } catch (const peerkit::error& e) {
    const auto& problems = e.problems();
    REQUIRE(problems.size() == 4);
    CHECK(problems[0].id == "matching.negative_capacity");
    CHECK(problems[0].location == "capacities[1]");
    CHECK(problems[1].id == "matching.unknown_supporter");
    CHECK(problems[1].location == "edges[1].supporter");
    CHECK(problems[2].id == "matching.unknown_supportee");
    CHECK(problems[2].location == "edges[2].supportee");
    CHECK(problems[3].id == "matching.weight_out_of_range");
    CHECK(problems[3].location == "edges[3].weight");
  }
  CHECK_THROWS_AS(solve_assignment(assignment_problem{{}, -1, {}}), peerkit::error);
}

TEST_CASE("solvers: assignment edge checks hold at the edges of each range") {
  // The first pass checks each range with one unsigned comparison: the largest weights
  // either way are allowed, one beyond is not, and a negative supporter is unknown.
  const auto m = peerkit::max_pair_weight;
  const assignment_problem ok{{1, 1}, 2, {{0, 0, m}, {1, 1, -m}}};
  for (const auto o : all_objectives) CHECK_NOTHROW((void)solve_assignment(ok, o));
  const auto problem_id = [](const assignment_problem& p) {
    try {
      (void)solve_assignment(p);
    } catch (const peerkit::error& e) {
      return e.problems().size() == 1 ? e.problems()[0].id : std::string("several");
    }
    return std::string("none");
  };
  CHECK(problem_id({{1}, 1, {{0, 0, m + 1}}}) == "matching.weight_out_of_range");
  CHECK(problem_id({{1}, 1, {{0, 0, -m - 1}}}) == "matching.weight_out_of_range");
  CHECK(problem_id({{1}, 1, {{std::numeric_limits<int>::min(), 0, 1}}}) ==
        "matching.unknown_supporter");
  CHECK(problem_id({{1}, 1, {{1, 0, 1}}}) == "matching.unknown_supporter");
  CHECK(problem_id({{1}, 1, {{0, 1, 1}}}) == "matching.unknown_supportee");
  CHECK(problem_id({{1}, 1, {{0, -1, 1}}}) == "matching.unknown_supportee");
}

TEST_CASE("solvers: assignment names every wrong edge when only edges are wrong") {
  // Valid sizes and capacities: the edges are checked in the solver's first pass, which
  // must still report each problem with its place, whatever the objective.
  const assignment_problem p{{1, 2}, 3, {{0, 0, 5}, {1, 3, 1}, {0, 2, 4}, {-1, 1, -2'000'000'000}}};
  for (const auto o : all_objectives) {
    try {
      (void)solve_assignment(p, o);
      FAIL("expected peerkit::error");
    } catch (const peerkit::error& e) {
      const auto& problems = e.problems();
      REQUIRE(problems.size() == 3);
      CHECK(problems[0].id == "matching.unknown_supportee");
      CHECK(problems[0].location == "edges[1].supportee");
      CHECK(problems[1].id == "matching.unknown_supporter");
      CHECK(problems[1].location == "edges[3].supporter");
      CHECK(problems[2].id == "matching.weight_out_of_range");
      CHECK(problems[2].location == "edges[3].weight");
    }
  }
}
