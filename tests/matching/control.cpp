// Coordinator control: pins, forbidden pairs, pairing again after a pair stops, and the
// result handed to the programme as support pairs.

#include <catch2/catch.hpp>

#include <random>

#include <peerkit/matching/buddy_pairing.hpp>
#include <peerkit/matching/verifier.hpp>

#include "fixtures.hpp"

using namespace peerkit;
using namespace peerkit::test;

namespace {

// Four buddies, four first-years; everyone compatible. Scores come from shared interests,
// and the best pairing is unique: Anna-Daan, Ben-Hugo, Carla-Eva and Carla-Femke (12);
// Dirk shares nothing with anyone and stays unused.
school four_first_years() {
  auto a = person(1, "Anna");
  a.interests = {"music", "dance", "drawing"};
  auto b = person(2, "Ben");
  b.interests = {"football", "sailing"};
  auto c = person(3, "Carla");
  c.interests = {"chess", "music"};
  auto dirk = person(4, "Dirk");
  auto d = first_year(11, "Daan");
  d.interests = {"music", "dance", "drawing"};
  auto e = first_year(12, "Eva");
  e.interests = {"football", "music"};
  auto f = first_year(13, "Femke");
  f.interests = {"chess"};
  auto h = first_year(14, "Hugo");
  h.interests = {"sailing"};
  return make_school({a, b, c, dirk, d, e, f, h});
}

pairing_request four_request() {
  return {{buddy(1, 1), buddy(2, 1), buddy(3, 2), buddy(4, 1)},
          ids({11, 12, 13, 14}),
          pairing_day,
          {},
          {},
          {}};
}

// These rounds let Carla take a second supportee wherever it scores more, so Dirk, who
// scores 0 with everyone, stays unused (second_places.cpp covers the default).
matching_settings doubling_allowed() {
  matching_settings s;
  s.buddies.second_supportee_last = false;
  return s;
}

bool has_pair(const pairing_result& r, std::uint32_t supporter, std::uint32_t supportee) {
  return r.supporter_of(student_id{supportee}) == student_id{supporter};
}

}  // namespace

TEST_CASE("matching: forbidden pairs never appear, pinned pairs always do") {
  const auto sch = four_first_years();
  auto req = four_request();
  const auto first = pair_buddies(pairing_graph(sch, req, doubling_allowed()));
  REQUIRE(first.supported == 4);
  REQUIRE(first.total_score == 12 + 4 * 3);  // each pair also free when peer buddies meet
  REQUIRE(has_pair(first, 1, 11));
  REQUIRE(has_pair(first, 2, 14));
  REQUIRE(first.unused_supporters == ids({4}));

  req.forbidden = {{student_id{1}, student_id{11}}};
  for (auto goal : {objective::most_supported, objective::best_total_score, objective::stable,
                    objective::fairest}) {
    pairing_graph g(sch, req, with_goal(goal));
    const auto r = pair_buddies(g);
    CHECK(!has_pair(r, 1, 11));
    CHECK(verify(g, r).ok());
  }

  req.forbidden.clear();
  req.pinned = {{student_id{2}, student_id{11}}, {student_id{3}, student_id{12}}};
  for (auto goal : {objective::most_supported, objective::best_total_score, objective::stable,
                    objective::fairest}) {
    pairing_graph g(sch, req, with_goal(goal));
    const auto r = pair_buddies(g);
    CHECK(has_pair(r, 2, 11));
    CHECK(has_pair(r, 3, 12));
    for (const auto& p : r.pairs)
      CHECK(p.pinned == (p.supportee == student_id{11} || p.supportee == student_id{12}));
    CHECK(verify(g, r).ok());
  }
}

TEST_CASE(
    "matching: after a pair stops, the affected students are paired again and every other pair "
    "stays") {
  const auto sch = four_first_years();
  const auto req = four_request();
  const auto settings = doubling_allowed();
  const auto before = pair_buddies(pairing_graph(sch, req, settings));
  REQUIRE(has_pair(before, 1, 11));
  const date later{2026, 1, 12};

  SECTION("the two did not get along: both stay, never together again") {
    const stopped_pair stop{student_id{1}, student_id{11}, end_reason::no_click};
    const auto next_req = rematch_request(req, before, stop, later);
    CHECK(next_req.forbidden == std::vector<student_pair>{{student_id{1}, student_id{11}}});
    CHECK(next_req.pinned.size() == before.pairs.size() - 1);
    const auto after = pair_buddies(pairing_graph(sch, next_req, settings));
    CHECK(!has_pair(after, 1, 11));
    for (const auto& p : before.pairs)
      if (p.supportee != student_id{11}) CHECK(after.supporter_of(p.supportee) == p.supporter);
    CHECK(after.supporter_of(student_id{11}) == student_id{4});  // Dirk has room
    CHECK(verify(sch, next_req, settings, after).ok());
  }
  SECTION("the supporter left school: the supporter's supportees are free again") {
    const stopped_pair stop{student_id{3}, *before.supportees_of(student_id{3}).begin(),
                            end_reason::supporter_left_school};
    const auto next_req = rematch_request(req, before, stop, later);
    CHECK(next_req.supporters.size() == 3);
    CHECK(next_req.forbidden.empty());
    const auto after = pair_buddies(pairing_graph(sch, next_req, settings));
    CHECK(after.supportees_of(student_id{3}).empty());
    CHECK(has_pair(after, 1, 11));
    CHECK(verify(sch, next_req, settings, after).ok());
  }
  SECTION("the supportee needs professional help: the supportee leaves, the buddy stays") {
    const stopped_pair stop{student_id{1}, student_id{11}, end_reason::support_too_heavy};
    const auto next_req = rematch_request(req, before, stop, later);
    CHECK(next_req.supportees.size() == 3);
    CHECK(next_req.supporters.size() == 4);
    const auto after = pair_buddies(pairing_graph(sch, next_req, settings));
    CHECK(!after.supporter_of(student_id{11}).has_value());
  }
  SECTION("a pair that is not in the pairing cannot stop") {
    REQUIRE_THROWS_MATCHES(
        rematch_request(req, before, {student_id{2}, student_id{12}, end_reason::no_click}, later),
        peerkit::error, Catch::Predicate<peerkit::error>([](const peerkit::error& e) {
          return e.id() == "matching.unknown_pair";
        }));
  }
}

TEST_CASE("matching: the rematch request keeps every other pair on random rounds") {
  std::mt19937_64 rng(4242);
  int rematched = 0;
  for (int round = 0; round < 300; ++round) {
    const auto r = make_random_round(rng, 5, 6);
    const auto goal = static_cast<objective>(round % 4);
    auto settings = with_goal(goal);
    settings.buddies.rules = r.rules;
    const auto before = pair_buddies(pairing_graph(r.sch, r.request, settings));
    if (before.pairs.empty()) continue;
    const auto& gone = before.pairs[static_cast<std::size_t>(round) % before.pairs.size()];
    const stopped_pair stop{gone.supporter, gone.supportee, end_reason::no_click};
    const auto next_req = rematch_request(r.request, before, stop, pairing_day);
    const auto after = pair_buddies(pairing_graph(r.sch, next_req, settings));
    for (const auto& p : before.pairs)
      if (!(p.supporter == stop.supporter && p.supportee == stop.supportee))
        REQUIRE(after.supporter_of(p.supportee) == p.supporter);
    REQUIRE(after.supporter_of(stop.supportee) != stop.supporter);
    REQUIRE(verify(r.sch, next_req, settings, after).ok());
    ++rematched;
  }
  CHECK(rematched > 200);
}

TEST_CASE("matching: results become support pairs: a pair, or a triple for a buddy of two") {
  const auto sch = four_first_years();
  const auto req = four_request();
  const auto result = pair_buddies(pairing_graph(sch, req, doubling_allowed()));
  const auto pairs = to_support_pairs(req, result, pair_id{100}, pairing_day);
  REQUIRE(pairs.size() == 3);
  CHECK(pairs[0].id == pair_id{100});
  CHECK(pairs[2].id == pair_id{102});
  CHECK(pairs[2].supporters == ids({3}));
  CHECK(pairs[2].supportees.size() == 2);  // Carla supports two: a triple
  for (const auto& p : pairs) {
    CHECK(p.role == supporter_role::peer_buddy);
    CHECK(p.started == pairing_day);
    CHECK(p.active_on(pairing_day));
    CHECK(!p.class_served);
  }
}

TEST_CASE("matching: the verifier says what it proved, and the improvement it found") {
  const auto sch = four_first_years();
  // With doubling allowed the solver's dual certificate is per supporter.
  const pairing_graph g(sch, four_request(), doubling_allowed());
  const auto result = pair_buddies(g);
  const auto report = verify(g, result);
  REQUIRE(report.ok());
  CHECK(!report.better);
  CHECK(
      std::find(report.proof.begin(), report.proof.end(),
                "no improving alternating path or cycle: no pairing supports more supportees, and "
                "none as large scores more") != report.proof.end());
  CHECK(std::find(report.proof.begin(), report.proof.end(),
                  "the solver's dual certificate checks out") != report.proof.end());

  // Without Ben and Hugo's pair the pairing supports one fewer: an augmenting path exists.
  std::vector<std::pair<std::size_t, std::size_t>> kept;
  for (const auto& p : result.pairs)
    if (p.supporter != student_id{2})
      kept.emplace_back(*g.supporter_index(p.supporter), *g.supportee_index(p.supportee));
  const auto worse = verify(g, detail::assemble(g, kept));
  CHECK(worse.has("pairing.not_optimal"));
  REQUIRE(worse.better);
  CHECK(worse.better->add.size() == worse.better->remove.size() + 1);
  CHECK(worse.problems.front().message.rfind(
            "more supportees, or as many with a better total score: pair ", 0) == 0);
}
