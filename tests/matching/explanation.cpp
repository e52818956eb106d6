#include <catch2/catch.hpp>

#include <peerkit/matching/buddy_pairing.hpp>
#include <peerkit/matching/dot.hpp>
#include <peerkit/matching/explanation.hpp>
#include <peerkit/matching/verifier.hpp>

#include "fixtures.hpp"

using namespace peerkit;
using namespace peerkit::test;

namespace {

bool contains(const std::string& text, std::string_view part) {
  return text.find(part) != std::string::npos;
}

// Anna and Carla are peer buddies (capacity 1), Ben a newcomer buddy (capacity 2).
// Anna and Carla are free in school hours only, Ben also after school.
// Bilal is a newcomer who is free after school only; Daan a first-year who wants homework
// help; Eva a first-year without consent, of a group in conflict with Anna's.
school small_school() {
  auto anna = person(1, "Anna");
  anna.interests = {"music", "football"};
  anna.offers = {"homework"};
  anna.groups = group_data{{"group_a"}};
  auto ben = person(2, "Ben");
  ben.available = {true, true};
  ben.interests = {"football"};
  ben.languages = language_data{{"arabic", "dutch"}};
  auto carla = person(3, "Carla");
  carla.interests = {"chess"};
  auto bilal = newcomer(10, "Bilal");
  bilal.available = {false, true};
  bilal.interests = {"football"};
  bilal.languages = language_data{{"arabic"}};
  bilal.origin = origin_data{"Syria"};
  auto daan = first_year(11, "Daan");
  daan.interests = {"music", "football", "chess"};
  daan.wants = {"homework"};
  auto eva = first_year(12, "Eva");
  eva.consent.reset();
  eva.groups = group_data{{"group_b"}};
  auto s = make_school({anna, ben, carla, bilal, daan, eva});
  s.conflicting_groups = conflict_data{{{"group_a", "group_b"}}};
  return s;
}

pairing_request small_request() {
  return {
      {buddy(1), newcomer_buddy_entry(2), buddy(3)}, ids({10, 11, 12}), pairing_day, {}, {}, {}};
}

}  // namespace

TEST_CASE("matching: explanations give each pair's score and why others stay unpaired") {
  const auto sch = small_school();
  pairing_graph g(sch, small_request(), matching_settings{});
  const auto result = pair_buddies(g);
  REQUIRE(verify(g, result).ok());
  REQUIRE(result.pairs.size() == 2);
  CHECK(result.supporter_of(student_id{10}) == student_id{2});
  CHECK(result.supporter_of(student_id{11}) == student_id{1});
  CHECK(result.unpaired_supportees == ids({12}));
  CHECK(result.unused_supporters == ids({3}));

  const auto why = explain(g, result);
  REQUIRE(why.pairs.size() == 2);
  const auto& anna_daan = why.pairs[0];
  CHECK(anna_daan.supporter == student_id{1});
  CHECK(anna_daan.score.total == 2 * 2 + 1 * 3 + 1 * 3);
  CHECK(anna_daan.score[criterion::offers_wants].because == std::vector<std::string>{"homework"});

  // Eva: no compatible supporter, and the rules that exclude each.
  REQUIRE(why.unpaired_supportees.size() == 1);
  const auto& eva = why.unpaired_supportees[0];
  CHECK(eva.reason == unpaired_reason::no_compatible_partner);
  REQUIRE(eva.candidates.size() == 3);
  CHECK(eva.candidates[0].rules ==
        rule_set{pairing_rule::consent, pairing_rule::conflicting_groups});
  CHECK(eva.candidates[1].rules == rule_set{pairing_rule::consent, pairing_rule::newcomer_class});
  CHECK(eva.candidates[2].rules == rule_set{pairing_rule::consent});

  // Carla: Bilal is with Ben and Daan with Anna, who fit them better; Eva is excluded.
  REQUIRE(why.unused_supporters.size() == 1);
  const auto& carla = why.unused_supporters[0];
  CHECK(carla.who == student_id{3});
  CHECK(carla.reason == unpaired_reason::all_taken);
  CHECK(carla.candidates[0].status == candidate_status::taken);
  CHECK(carla.candidates[0].score == 0);  // not both free in school hours: no points for it
  CHECK(carla.candidates[1].status == candidate_status::taken);
  CHECK(carla.candidates[1].score == 2 + 3);
  CHECK(carla.candidates[1].held_by ==
        std::vector<held_pair>{{student_id{1}, student_id{11}, 10, false}});
  CHECK(carla.candidates[1].held_by_better);

  const auto words = describe(why, sch);
  INFO(words);
  CHECK(contains(words, "Objective: as many supportees supported as possible"));
  CHECK(contains(words,
                 "Anna supports Daan (score 10): shared interests 2 x 2 = 4 (music, football); "
                 "offers what is wanted 1 x 3 = 3 (homework); both free when the role meets 1 x "
                 "3 = 3 (in school hours)."));
  CHECK(contains(words, "Ben supports Bilal (score 7)"));
  CHECK(contains(words, "both free when the role meets 1 x 3 = 3 (after school)"));
  CHECK(contains(words,
                 "Ben supports Bilal (score 7): shared interests 1 x 2 = 2 (football); "
                 "special-category criteria = 2; both free when the role meets 1 x 3 = 3"));
  CHECK(contains(words,
                 "Eva is not paired: no supporter can be paired with Eva. Excluded by a rule: "
                 "Anna (consent on both sides; a rule on special-category data)"));
  CHECK(contains(words,
                 "Carla supports nobody: every compatible supportee is with a supporter who "
                 "scores at least as high: Bilal (0 with Carla) is with Ben (7); Daan (5 with "
                 "Carla) is with Anna (10)."));
  // No special-category value without the access step.
  for (auto secret : {"arabic", "Syria", "group_a", "group_b"}) CHECK(!contains(words, secret));

  const auto detailed = describe(why, sch, access_purpose{"coordinator reviews the pairing"});
  CHECK(contains(detailed, "a language in common 1 x 2 = 2"));
  CHECK(contains(detailed, "Details: language in common: arabic."));
  CHECK(contains(detailed, "never pair students of conflicting groups: group_b and group_a"));
}

TEST_CASE("matching: without the access step no explanation tells which special category applied") {
  auto sch = small_school();
  for (auto& s : sch.students)
    if (s.id == student_id{2}) s.interests.push_back("Syria");  // Ben knows Bilal's country
  pairing_graph g(sch, small_request(), matching_settings{});
  const auto why = explain(g, pair_buddies(g));
  REQUIRE(why.pairs.size() == 2);
  const auto& ben_bilal = why.pairs[1];
  REQUIRE(ben_bilal.supporter == student_id{2});
  CHECK(ben_bilal.score[criterion::common_language].points == 2);
  CHECK(ben_bilal.score[criterion::origin_knowledge].points == 2);

  const auto words = describe(why, sch);
  INFO(words);
  // Both criteria as one part, their sum, where the first would be.
  CHECK(contains(words,
                 "Ben supports Bilal (score 9): shared interests 1 x 2 = 2 (football); "
                 "special-category criteria = 4; both free when the role meets 1 x 3 = 3 (after "
                 "school)."));
  CHECK(contains(words, describe(ben_bilal, sch)));  // one pair's words are the same
  const auto detailed = describe(why, sch, access_purpose{"coordinator reviews the pairing"});
  INFO(detailed);
  for (auto named : {"language in common", "country of origin", "conflicting group", "arabic",
                     "Syria", "group_a", "group_b"}) {
    CHECK(!contains(words, named));
    CHECK(contains(detailed, named));
  }
  CHECK(
      contains(detailed, "a language in common 1 x 2 = 2; knows the country of origin 1 x 2 = 2"));
  CHECK(contains(detailed, "Details: language in common: arabic; Ben knows Syria."));
}

TEST_CASE("matching: an unpaired supportee is told every compatible supporter is full") {
  auto sch = small_school();
  auto femke = first_year(13, "Femke");
  sch.students.push_back(femke);
  pairing_request req{{buddy(1, 1)}, ids({11, 13}), pairing_day, {}, {}, {}};
  pairing_graph g(sch, req, matching_settings{});
  const auto result = pair_buddies(g);
  const auto why = explain(g, result);
  REQUIRE(why.unpaired_supportees.size() == 1);
  const auto& u = why.unpaired_supportees[0];
  CHECK(u.who == student_id{13});
  CHECK(u.reason == unpaired_reason::all_taken);
  CHECK(u.candidates[0].status == candidate_status::taken);
  CHECK(u.candidates[0].held_by_better);
  CHECK(contains(describe(why, sch),
                 "Femke is not paired: every compatible supporter is full with pairs that score at "
                 "least as high: Anna (3 with Femke) supports Daan (10)."));
}

TEST_CASE("matching: under best total score a pair that adds nothing is left out, and said so") {
  auto sch = small_school();
  auto femke = first_year(13, "Femke");
  femke.available = {false, true};  // not free in school hours, when peer buddies meet
  sch.students.push_back(femke);
  pairing_request req{{buddy(1, 2)}, ids({11, 13}), pairing_day, {}, {}, {}};
  pairing_graph g(sch, req, with_goal(objective::best_total_score));
  const auto result = pair_buddies(g);
  REQUIRE(verify(g, result).ok());
  CHECK(result.unpaired_supportees == ids({13}));
  const auto why = explain(g, result);
  CHECK(why.unpaired_supportees[0].reason == unpaired_reason::no_gain);
  CHECK(why.unpaired_supportees[0].candidates[0].status == candidate_status::adds_nothing);
  CHECK(contains(describe(why, sch), "pairing with Anna would score 0 and add nothing"));
  // The default objective supports her anyway.
  pairing_graph most(sch, req, matching_settings{});
  CHECK(pair_buddies(most).unpaired_supportees.empty());
}

TEST_CASE("matching: stable pairings explain places in each other's order") {
  auto sch = small_school();
  sch.students.push_back(first_year(13, "Femke"));
  pairing_request req{{buddy(1), buddy(3)},
                      ids({11, 13}),
                      pairing_day,
                      {},
                      {},
                      {{student_id{13}, ids({3})}, {student_id{1}, ids({13, 11})}}};
  pairing_graph g(sch, req, with_goal(objective::stable));
  const auto result = pair_buddies(g);
  REQUIRE(verify(g, result).ok());
  const auto why = explain(g, result);
  REQUIRE(why.pairs.size() == 2);
  CHECK(why.pairs[0].supporter == student_id{1});
  CHECK(why.pairs[0].supportee == student_id{11});
  CHECK(why.pairs[0].supporter_place ==
        1u);  // Femke does not rank Anna: Daan is Anna's first acceptable
  CHECK(why.pairs[0].supportee_place == 1u);
  const auto words = describe(why, sch);
  CHECK(contains(words, "Anna is Daan's 1st choice; Daan is Anna's 1st choice."));
}

TEST_CASE("matching: a pairing is drawn as DOT with chosen pairs bold and the unpaired marked") {
  const auto sch = small_school();
  pairing_graph g(sch, small_request(), matching_settings{});
  const auto result = pair_buddies(g);
  const auto dot = to_dot(g, result, {.title = "Testcollege 2025"});
  INFO(dot);
  CHECK(dot.rfind("graph pairing {", 0) == 0);
  CHECK(contains(dot, "label=\"Testcollege 2025\""));
  CHECK(contains(
      dot, "subgraph supporters {\n    rank=same;\n    s0 [label=\"Anna\\npeer buddy, 1 of 2\"]"));
  CHECK(contains(dot, "s2 [label=\"Carla\\npeer buddy, 0 of 2\", fillcolor=\"#eeeeee\""));
  CHECK(contains(dot, "xlabel=\"unused\""));
  CHECK(contains(dot, "t2 [label=\"Eva\", fillcolor=\"#fde0dd\""));
  CHECK(contains(dot, "xlabel=\"unpaired\""));
  CHECK(contains(dot, "s0 -- t1 [penwidth=3, color=\"#1b7837\", xlabel=\"10\"]"));
  CHECK(contains(dot, "s2 -- t1 [style=dashed, color=\"#cccccc\", constraint=false]"));
  for (auto secret : {"arabic", "Syria", "group_a"}) CHECK(!contains(dot, secret));

  const auto pseudonymous = to_dot(
      g, result,
      {.label = dot_label::student_ids, .compatible_pairs = false, .scores = false, .title = {}});
  CHECK(!contains(pseudonymous, "Anna"));
  CHECK(contains(pseudonymous, "#1\\npeer buddy"));
  CHECK(!contains(pseudonymous, "style=dashed"));
  CHECK(contains(pseudonymous, "s0 -- t1 [penwidth=3, color=\"#1b7837\"]"));

  auto pinned_request = small_request();
  pinned_request.pinned = {{student_id{3}, student_id{11}}};
  pairing_graph pinned(sch, pinned_request, matching_settings{});
  CHECK(contains(to_dot(pinned, pair_buddies(pinned)),
                 "s2 -- t1 [penwidth=3, color=\"#1b7837\", xlabel=\"5 (pinned)\"]"));
}

// 000: newcomer buddies and ISK students meet "often after school hours and outside school";
// often is not always, so a buddy free in school hours only is still paired, and told that
// the two must find a time. A school that wants the time kept makes it a hard rule.
TEST_CASE("matching: a pair not both free when the role meets is formed, and told so") {
  const auto sch = small_school();
  const pairing_request req{{newcomer_buddy_entry(3)}, ids({10}), pairing_day, {}, {}, {}};
  pairing_graph g(sch, req, matching_settings{});
  const auto result = pair_buddies(g);
  CHECK(result.supporter_of(student_id{10}) == student_id{3});
  CHECK(contains(describe(explain(g, result), sch),
                 "Carla supports Bilal (score 0): nothing in common was recorded. Not both free "
                 "after school, when the role meets."));

  matching_settings kept;
  kept.buddies.rules.availability = true;
  pairing_graph hard(sch, req, kept);
  const auto none = pair_buddies(hard);
  CHECK(none.unpaired_supportees == ids({10}));
  CHECK(contains(describe(explain(hard, none), sch),
                 "Excluded by a rule: Carla (both available when the role meets)."));
}

TEST_CASE("matching: DOT labels are escaped") {
  auto sch = small_school();
  sch.students[0].name = "Anna \"the buddy\" \\ L.";
  pairing_graph g(sch, small_request(), matching_settings{});
  const auto dot = to_dot(g, pair_buddies(g));
  CHECK(contains(dot, "label=\"Anna \\\"the buddy\\\" \\\\ L.\\npeer buddy"));
}
