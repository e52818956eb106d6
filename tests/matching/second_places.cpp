// Second supportees last: a buddy supports one student, sometimes two, and a second only
// where it is needed.
#include <catch2/catch.hpp>

#include <map>
#include <string>
#include <vector>

#include <peerkit/core/error.hpp>
#include <peerkit/matching/buddy_pairing.hpp>
#include <peerkit/matching/explanation.hpp>
#include <peerkit/matching/verifier.hpp>
#include "fixtures.hpp"

using namespace peerkit;
using namespace peerkit::test;

namespace {

// 14 buddies of capacity 2 and 15 first-years, every pair compatible. Buddies 1 to 4
// share an interest with every first-year, so doubling up on them scores more.
struct hoofdvaart {
  school sch;
  pairing_request request;
};

hoofdvaart hoofdvaart_round() {
  std::vector<student> students;
  pairing_request req;
  req.on = pairing_day;
  for (std::uint32_t i = 1; i <= 14; ++i) {
    auto s = person(i, "Buddy " + std::to_string(i));
    if (i <= 4) s.interests = {"voetbal"};
    students.push_back(s);
    req.supporters.push_back(buddy(i, 2));
  }
  for (std::uint32_t j = 101; j <= 115; ++j) {
    auto s = first_year(j, "Brugger " + std::to_string(j));
    s.interests = {"voetbal"};
    students.push_back(s);
    req.supportees.emplace_back(j);
  }
  return {make_school(std::move(students)), std::move(req)};
}

std::map<student_id, int> loads(const pairing_result& r) {
  std::map<student_id, int> out;
  for (const auto& p : r.pairs) ++out[p.supporter];
  return out;
}

matching_settings settings_for(objective goal, bool later_last) {
  auto s = with_goal(goal);
  s.buddies.second_supportee_last = later_last;
  return s;
}

}  // namespace

TEST_CASE("matching: Hoofdvaart's 14 buddies and 15 newcomers make 13 pairs and one triple") {
  const auto h = hoofdvaart_round();
  // best_total_score leaves out pairs that score 0, so it is not asked to pair everyone.
  for (auto goal : {objective::most_supported, objective::fairest}) {
    INFO("objective " << key_of(goal));
    const pairing_graph g(h.sch, h.request, settings_for(goal, true));
    REQUIRE(g.edge_count() == 14 * 15);
    const auto result = pair_buddies(g);
    CHECK(result.supported == 15);
    CHECK(result.unused_supporters.empty());
    const auto load = loads(result);
    REQUIRE(load.size() == 14);
    int singles = 0, doubles = 0;
    for (const auto& [who, n] : load) (n == 1 ? singles : doubles) += 1;
    CHECK(singles == 13);
    CHECK(doubles == 1);
    for (const auto& [who, n] : load)
      if (n == 2) CHECK(who.value() <= 4);  // the triple is where it scores most
    CHECK(verify(g, result).ok());
    CHECK(to_support_pairs(h.request, result, pair_id{1}, pairing_day).size() == 14);
  }
}

TEST_CASE("matching: without second supportees last, doubling up may leave buddies unused") {
  const auto h = hoofdvaart_round();
  const pairing_graph off(h.sch, h.request, settings_for(objective::most_supported, false));
  const auto doubled = pair_buddies(off);
  CHECK(doubled.supported == 15);
  CHECK(doubled.unused_supporters.size() >= 3);  // buddies 1 to 4 take two each
  CHECK(verify(off, doubled).ok());
  // The spread pairing scores less, so it is not optimal with the option off...
  const pairing_graph on(h.sch, h.request, settings_for(objective::most_supported, true));
  const auto spread = pair_buddies(on);
  CHECK(spread.total_score < doubled.total_score);
  CHECK(verify(off, spread).has("pairing.not_optimal"));
  // ...and an unneeded second place is not optimal with it on.
  const auto report = verify(on, doubled);
  CHECK(report.has("pairing.not_optimal"));
  REQUIRE(report.better);
  CHECK(report.problems.front().message.find("fewer second places") != std::string::npos);
}

TEST_CASE("matching: an unused buddy is explained truthfully when another has two") {
  // P (capacity 2) can only take s2 and s3; Q and U can only take s1, and Q shares an
  // interest with s1. P needs its second place; U stays unused because s1 is with Q.
  auto p = person(1, "Pim");
  auto q = person(2, "Quinta");
  q.interests = {"schaken"};
  auto u = person(3, "Umar");
  auto s1 = first_year(11, "Sara");
  s1.interests = {"schaken"};
  auto s2 = first_year(12, "Sem");
  auto s3 = first_year(13, "Saar");
  const auto sch = make_school({p, q, u, s1, s2, s3});
  pairing_request req;
  req.on = pairing_day;
  req.supporters = {buddy(1, 2), buddy(2, 2), buddy(3, 2)};
  req.supportees = ids({11, 12, 13});
  req.forbidden = {{student_id{1}, student_id{11}},
                   {student_id{2}, student_id{12}},
                   {student_id{2}, student_id{13}},
                   {student_id{3}, student_id{12}},
                   {student_id{3}, student_id{13}}};
  const pairing_graph g(sch, req, settings_for(objective::most_supported, true));
  const auto result = pair_buddies(g);
  REQUIRE(result.supported == 3);
  REQUIRE(result.unused_supporters == ids({3}));
  CHECK(result.supportees_of(student_id{1}).size() == 2);
  CHECK(verify(g, result).ok());
  const auto why = explain(g, result);
  CHECK(why.second_supportee_last);
  REQUIRE(why.unused_supporters.size() == 1);
  const auto& umar = why.unused_supporters.front();
  CHECK(umar.reason == unpaired_reason::all_taken);
  REQUIRE(umar.candidates.size() == 3);
  CHECK(umar.candidates[0].status == candidate_status::taken);
  CHECK(umar.candidates[0].held_by_better);
  CHECK_FALSE(umar.candidates[0].holder_has_others);
  const auto text = describe(why, sch);
  CHECK(text.find(
            "Umar supports nobody: every compatible supportee is with a supporter who scores at "
            "least as high: Sara") != std::string::npos);
  CHECK(text.find("Moving any of them that is not pinned over frees no second place.") !=
        std::string::npos);
}

TEST_CASE("matching: best total score keeps a second place that scores more, and says so") {
  // P (capacity 2) and U can both take s1; P shares an interest with s1, so the best total
  // puts s1 and s2 with P; most_supported moves s1 to U to spare P's second place.
  auto p = person(1, "Pim");
  p.interests = {"schaken"};
  auto u = person(3, "Umar");
  auto s1 = first_year(11, "Sara");
  s1.interests = {"schaken"};
  auto s2 = first_year(12, "Sem");
  s2.interests = {"schaken"};
  const auto sch = make_school({p, u, s1, s2});
  pairing_request req;
  req.on = pairing_day;
  req.supporters = {buddy(1, 2), buddy(3, 2)};
  req.supportees = ids({11, 12});
  req.forbidden = {{student_id{3}, student_id{12}}};

  const pairing_graph best(sch, req, settings_for(objective::best_total_score, true));
  REQUIRE(best.find(0, 0)->score.total > best.find(1, 0)->score.total);
  const auto r = pair_buddies(best);
  REQUIRE(r.unused_supporters == ids({3}));
  CHECK(verify(best, r).ok());
  const auto why = explain(best, r);
  REQUIRE(why.unused_supporters.size() == 1);
  const auto& note = why.unused_supporters.front().candidates.front();
  CHECK(note.holder_has_others);
  CHECK(note.held_by_better);
  CHECK(why.unused_supporters.front().reason == unpaired_reason::all_taken);
  CHECK(describe(why, sch).find("is with Pim") != std::string::npos);
  CHECK(describe(why, sch).find("among others, scoring more") != std::string::npos);

  const pairing_graph most(sch, req, settings_for(objective::most_supported, true));
  const auto spread = pair_buddies(most);
  CHECK(spread.unused_supporters.empty());
  CHECK(spread.supporter_of(student_id{11}) == student_id{3});
  // The doubled pairing, explained under most_supported, is not optimal.
  const auto doubled = detail::assemble(most, {{0, 0}, {0, 1}});
  CHECK(verify(most, doubled).has("pairing.not_optimal"));
  CHECK(explain(most, doubled).unused_supporters.front().reason == unpaired_reason::not_optimal);
}

TEST_CASE("matching: second places are counted with pinned supportees") {
  // P's pinned supportee holds P's first place, so any other supportee of P is a second.
  auto p = person(1, "Pim");
  p.interests = {"schaken"};
  auto u = person(3, "Umar");
  auto s1 = first_year(11, "Sara");
  s1.interests = {"schaken"};
  auto s2 = first_year(12, "Sem");
  s2.interests = {"schaken"};
  const auto sch = make_school({p, u, s1, s2});
  pairing_request req;
  req.on = pairing_day;
  req.supporters = {buddy(1, 2), buddy(3, 2)};
  req.supportees = ids({11, 12});
  req.pinned = {{student_id{1}, student_id{11}}};
  const pairing_graph g(sch, req, settings_for(objective::most_supported, true));
  const auto r = pair_buddies(g);
  CHECK(r.supporter_of(student_id{12}) == student_id{3});
  CHECK(verify(g, r).ok());
  CHECK(verify(g, detail::assemble(g, {{0, 1}})).has("pairing.not_optimal"));
}
