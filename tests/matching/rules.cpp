#include <catch2/catch.hpp>

#include <peerkit/matching/pairing_graph.hpp>
#include <peerkit/matching/rules.hpp>

#include "fixtures.hpp"

using namespace peerkit;
using namespace peerkit::test;

namespace {
const role_parameters buddy_role = default_parameters(supporter_role::peer_buddy);
const role_parameters newcomer_role = default_parameters(supporter_role::newcomer_buddy);
}  // namespace

TEST_CASE("matching: a pair of consenting, available students breaks no rule") {
  auto s = make_school({person(1, "Anna"), first_year(2, "Bas")});
  CHECK(
      broken_rules(s, s.students[0], buddy_role, s.students[1], hard_rules{}, pairing_day).empty());
}

TEST_CASE("matching: consent must hold on both sides on the pairing date") {
  auto a = person(1, "Anna");
  auto b = first_year(2, "Bas");
  SECTION("missing consent") { b.consent.reset(); }
  SECTION("consent given after the pairing date") { a.consent->given_on = date{2025, 10, 2}; }
  SECTION("consent withdrawn before the pairing date") {
    b.consent->withdrawn_on = date{2025, 9, 30};
  }
  auto s = make_school({a, b});
  auto broken = broken_rules(s, s.students[0], buddy_role, s.students[1], hard_rules{},
                             pairing_day);
  CHECK(broken == rule_set{pairing_rule::consent});
  CHECK(broken_rules(s, s.students[0], buddy_role, s.students[1], hard_rules{.consent = false},
                     pairing_day)
            .empty());
}

TEST_CASE("matching: never two students of conflicting groups, read through the access step") {
  auto a = person(1, "Anna");
  auto b = newcomer(2, "Bilal");
  a.groups = group_data{{"group_a"}};
  b.groups = group_data{{"group_b", "chess club"}};
  auto s = make_school({a, b});
  CHECK(
      broken_rules(s, s.students[0], buddy_role, s.students[1], hard_rules{}, pairing_day).empty());
  s.conflicting_groups = conflict_data{{{"group_b", "group_a"}}};
  CHECK(broken_rules(s, s.students[0], buddy_role, s.students[1], hard_rules{}, pairing_day) ==
        rule_set{pairing_rule::conflicting_groups});
  CHECK(broken_rules(s, s.students[0], buddy_role, s.students[1],
                     hard_rules{.conflicting_groups = false}, pairing_day)
            .empty());
  // The same group is not in conflict with itself unless the school says so.
  s.students[1].groups = group_data{{"group_a"}};
  CHECK(
      broken_rules(s, s.students[0], buddy_role, s.students[1], hard_rules{}, pairing_day).empty());
}

TEST_CASE("matching: newcomer buddies only with newcomer-class students") {
  auto a = person(1, "Anna");
  a.available.after_school = true;
  auto s = make_school({a, first_year(2, "Bas"), newcomer(3, "Bilal")});
  CHECK(broken_rules(s, s.students[0], newcomer_role, s.students[1], hard_rules{}, pairing_day) ==
        rule_set{pairing_rule::newcomer_class});
  CHECK(broken_rules(s, s.students[0], newcomer_role, s.students[1],
                     hard_rules{.availability = true}, pairing_day) ==
        rule_set{pairing_rule::newcomer_class, pairing_rule::availability});
  CHECK(broken_rules(s, s.students[0], newcomer_role, s.students[2], hard_rules{}, pairing_day)
            .empty());
  // A peer buddy may support a newcomer.
  CHECK(
      broken_rules(s, s.students[0], buddy_role, s.students[2], hard_rules{}, pairing_day).empty());
  CHECK(broken_rules(s, s.students[0], newcomer_role, s.students[1],
                     hard_rules{.newcomer_class = false}, pairing_day)
            .empty());
}

TEST_CASE("matching: the same-gender rule is off unless chosen, and needs a known gender") {
  auto a = person(1, "Anna");
  auto b = first_year(2, "Bas");
  b.gender = gender_identity::male;
  auto s = make_school({a, b});
  const hard_rules same{.same_gender = true};
  CHECK(
      broken_rules(s, s.students[0], buddy_role, s.students[1], hard_rules{}, pairing_day).empty());
  CHECK(broken_rules(s, s.students[0], buddy_role, s.students[1], same, pairing_day) ==
        rule_set{pairing_rule::same_gender});
  s.students[1].gender = gender_identity::female;
  CHECK(broken_rules(s, s.students[0], buddy_role, s.students[1], same, pairing_day).empty());
  s.students[0].gender = s.students[1].gender = gender_identity::unspecified;
  CHECK(broken_rules(s, s.students[0], buddy_role, s.students[1], same, pairing_day) ==
        rule_set{pairing_rule::same_gender});
}

// 000: newcomer buddies and ISK students meet "often after school hours and outside
// school" -- often, not always: by default no pair is ruled out for it (it scores, see
// scores.cpp); a school that wants it kept switches the availability rule on.
TEST_CASE("matching: when the role meets rules a pair out only where the school says so") {
  auto a = person(1, "Anna");     // school hours only
  auto b = newcomer(2, "Bilal");  // both
  auto s = make_school({a, b});
  STATIC_REQUIRE(!hard_rules{}.enabled(pairing_rule::availability));
  CHECK(broken_rules(s, s.students[0], newcomer_role, s.students[1], hard_rules{}, pairing_day)
            .empty());
  const hard_rules kept{.availability = true};
  // The newcomer buddy meets after school.
  CHECK(broken_rules(s, s.students[0], newcomer_role, s.students[1], kept, pairing_day) ==
        rule_set{pairing_rule::availability});
  s.students[0].available.after_school = true;
  CHECK(broken_rules(s, s.students[0], newcomer_role, s.students[1], kept, pairing_day).empty());
  // The peer buddy meets at school, in school hours.
  s.students[1].available = {false, true};
  CHECK(broken_rules(s, s.students[0], buddy_role, s.students[1], kept, pairing_day) ==
        rule_set{pairing_rule::availability});
  auto either = buddy_role.with_meeting_place(meeting_place::at_or_outside_school);
  CHECK(broken_rules(s, s.students[0], either, s.students[1], kept, pairing_day).empty());
}

TEST_CASE("matching: rule sets list their rules in a fixed order") {
  rule_set r{pairing_rule::availability, pairing_rule::consent};
  CHECK(r.size() == 2);
  CHECK(r.list() == std::vector<pairing_rule>{pairing_rule::consent, pairing_rule::availability});
  CHECK(key_of(pairing_rule::conflicting_groups) == "conflicting_groups");
  CHECK(from_key<pairing_rule>("coordinator_forbids") == pairing_rule::coordinator_forbids);
  STATIC_REQUIRE(hard_rules{}.enabled(pairing_rule::coordinator_forbids));
  STATIC_REQUIRE(!hard_rules{}.enabled(pairing_rule::same_gender));
}

TEST_CASE("matching: the pairing graph holds exactly the pairs that keep every rule") {
  auto a = person(1, "Anna");
  auto b = person(2, "Ben");
  b.available.after_school = true;
  auto c = newcomer(3, "Bilal");
  auto d = first_year(4, "Daan");
  d.consent.reset();
  auto e = first_year(5, "Eva");
  auto s = make_school({a, b, c, d, e});
  pairing_request req{{buddy(1), newcomer_buddy_entry(2)},
                      ids({3, 4, 5}),
                      pairing_day,
                      {},
                      {{student_id{1}, student_id{5}}},
                      {}};
  pairing_graph g(s, req, matching_settings{});
  CHECK(g.supporter_count() == 2);
  CHECK(g.supportee_count() == 3);
  CHECK(g.edge_count() == 2);  // Anna-Bilal, Ben-Bilal
  CHECK(g.find(0, 0) != nullptr);
  CHECK(g.find(1, 0) != nullptr);
  CHECK(g.excluded_by(0, 1) == rule_set{pairing_rule::consent});
  CHECK(g.excluded_by(0, 2) == rule_set{pairing_rule::coordinator_forbids});
  CHECK(g.excluded_by(1, 2) == rule_set{pairing_rule::newcomer_class});
  CHECK(g.capacity(0) == 2);  // a peer buddy supports 1, sometimes 2
  CHECK(g.graph()[g.supporter_vertex(1)].side == pairing_side::supporter);
  CHECK(boost::out_degree(g.supportee_vertex(0), g.graph()) == 2);
}

TEST_CASE("matching: capacities come from the role or from the school per supporter") {
  auto s = make_school({person(1, "Anna"), person(2, "Ben"), first_year(3, "Cas")});
  auto tutor = role_parameters{default_parameters(supporter_role::peer_tutor)};
  pairing_request req{
      {buddy(1, 1), {student_id{2}, supporter_role::peer_tutor, tutor, std::nullopt}},
      ids({3}),
      pairing_day,
      {},
      {},
      {}};
  pairing_graph g(s, req, matching_settings{});
  CHECK(g.capacity(0) == 1);
  CHECK(g.capacity(1) == 4);
}

TEST_CASE("matching: an invalid request throws every problem with its location") {
  auto s = make_school({person(1, "Anna"), person(2, "Ben"), first_year(3, "Cas")});
  pairing_request req;
  req.supporters = {buddy(1, 0),
                    buddy(1),
                    buddy(9),
                    {student_id{2}, supporter_role::peer_leader, std::nullopt, std::nullopt}};
  req.supportees = ids({3, 3, 1});
  req.pinned = {{student_id{2}, student_id{8}}};
  try {
    pairing_graph g(s, req, matching_settings{});
    FAIL("expected peerkit::error");
  } catch (const peerkit::error& e) {
    std::vector<std::string> got;
    for (const auto& p : e.problems()) got.push_back(p.id + " @ " + p.location);
    CHECK(got == std::vector<std::string>{
                     "matching.missing_date @ on",
                     "matching.invalid_capacity @ supporters[0].capacity",
                     "matching.duplicate_student @ supporters[1].student",
                     "matching.unknown_student @ supporters[2].student",
                     "matching.role_not_individual @ supporters[3].role",
                     "matching.duplicate_student @ supportees[1]",
                     "matching.both_sides @ supportees[2]",
                     "matching.unknown_student @ pinned[0].supportee",
                 });
  }
}

TEST_CASE("matching: a pin must keep every rule and fit the capacity") {
  auto cas = first_year(3, "Cas");
  cas.consent.reset();
  auto s = make_school(
      {person(1, "Anna"), person(2, "Ben"), cas, first_year(4, "Dirk"), first_year(5, "Eva")});
  pairing_request req{{buddy(1, 1), buddy(2)}, ids({3, 4, 5}), pairing_day, {}, {}, {}};
  SECTION("a pin that breaks a rule") {
    req.pinned = {{student_id{1}, student_id{3}}};
    REQUIRE_THROWS_MATCHES(pairing_graph(s, req, matching_settings{}), peerkit::error,
                           Catch::Predicate<peerkit::error>([](const peerkit::error& e) {
                             return e.id() == "matching.pin_breaks_rule" &&
                                    e.problems()[0].message.find("consent") != std::string::npos;
                           }));
  }
  SECTION("a pin of a forbidden pair") {
    req.pinned = {{student_id{2}, student_id{4}}};
    req.forbidden = {{student_id{2}, student_id{4}}};
    REQUIRE_THROWS_MATCHES(pairing_graph(s, req, matching_settings{}), peerkit::error,
                           Catch::Predicate<peerkit::error>([](const peerkit::error& e) {
                             return e.id() == "matching.pin_breaks_rule";
                           }));
  }
  SECTION("two pins for one supporter of capacity 1") {
    req.pinned = {{student_id{1}, student_id{4}}, {student_id{1}, student_id{5}}};
    REQUIRE_THROWS_MATCHES(pairing_graph(s, req, matching_settings{}), peerkit::error,
                           Catch::Predicate<peerkit::error>([](const peerkit::error& e) {
                             return e.id() == "matching.pin_over_capacity" &&
                                    e.problems()[0].location == "pinned[1].supporter";
                           }));
  }
  SECTION("one supportee pinned twice") {
    req.pinned = {{student_id{1}, student_id{4}}, {student_id{2}, student_id{4}}};
    REQUIRE_THROWS_MATCHES(pairing_graph(s, req, matching_settings{}), peerkit::error,
                           Catch::Predicate<peerkit::error>([](const peerkit::error& e) {
                             return e.id() == "matching.pin_conflict";
                           }));
  }
}

TEST_CASE("matching: the ready supporters of a role join a round with the programme's parameters") {
  const auto role = runtime_roles::of({supporter_role::newcomer_buddy}).roles().front();
  const auto entries = as_supporters(ids({1, 2}), role);
  REQUIRE(entries.size() == 2);
  CHECK(entries[1].student == student_id{2});
  CHECK(entries[1].role == supporter_role::newcomer_buddy);
  CHECK(entries[0].parameters == role.parameters);
  CHECK(!entries[0].capacity);
}
