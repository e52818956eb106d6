#include <catch2/catch.hpp>
#include <peerkit/checklist/checklist_policy.hpp>
#include <peerkit/checklist/five_step_plan.hpp>
#include <peerkit/checklist/progress.hpp>
#include <peerkit/core/roles_policy.hpp>

using namespace peerkit;

namespace {
struct claims_the_family_only {
  using policy_family = checklist_family;
};
struct wrong_family {
  using policy_family = roles_family;
  [[nodiscard]] const checklist_definition& definition() const;
};

// How a programme holds its checklist policy: found by family in its pack of policies.
template <class... Policies>
struct programme_sketch {
  static_assert(one_policy_per_family<Policies...>);
  policy_for<checklist_family, default_checklist_policy, Policies...> checklist;
};
}  // namespace

TEST_CASE("checklist: checklist policies model ChecklistPolicy") {
  STATIC_REQUIRE(ChecklistPolicy<default_checklist_policy>);
  STATIC_REQUIRE(ChecklistPolicy<static_checklist<five_step_plan>>);
  STATIC_REQUIRE(ChecklistPolicy<runtime_checklist>);
  STATIC_REQUIRE(!ChecklistPolicy<claims_the_family_only>);
  STATIC_REQUIRE(!ChecklistPolicy<wrong_family>);
  STATIC_REQUIRE(!ChecklistPolicy<runtime_roles>);
  STATIC_REQUIRE(!ChecklistPolicy<int>);
  STATIC_REQUIRE(std::is_same_v<static_checklist<five_step_plan>::checklist_type, five_step_plan>);
}

TEST_CASE(
    "checklist: a programme finds its checklist policy by family, the 7-step plan by default") {
  STATIC_REQUIRE(std::is_same_v<decltype(programme_sketch<runtime_roles>{}.checklist),
                                default_checklist_policy>);
  STATIC_REQUIRE(
      std::is_same_v<
          decltype(programme_sketch<static_checklist<five_step_plan>, runtime_roles>{}.checklist),
          static_checklist<five_step_plan>>);
  STATIC_REQUIRE(!one_policy_per_family<runtime_checklist, default_checklist_policy>);
  const programme_sketch<> programme;
  CHECK(programme.checklist.definition().name == "7-step plan");
  CHECK(&programme.checklist.definition() ==
        &default_checklist_policy{}.definition());  // built once
  progress_book book(programme.checklist.definition());
  CHECK(book.definition().item_count() == 43);
}

TEST_CASE("checklist: the item catalogue holds every shipped item once") {
  const auto& all = item_catalogue();
  CHECK(all.size() == 61);
  CHECK(all.front().key == "inform_everyone");
  for (const auto& def : {definition_of<seven_step_plan>(), definition_of<five_step_plan>()})
    for (const auto& step : def.steps)
      for (const auto& item : step.items) CHECK(std::count(all.begin(), all.end(), item) == 1);
}

TEST_CASE("checklist: a run-time checklist chooses shipped items by key") {
  const auto chosen = runtime_checklist::choose(
      "Newcomer buddies, first year",
      {{1,
        "Support base",
        {"inform_everyone", "working_group_formed", "coordinator_appointed", "plan_of_approach"}},
       {2, "People", {"teacher_coach_appointed", "intervision_at_cadence"}},
       {3, "Keep it going", {"successors_named", "more_teacher_coaches"}}});
  const auto& def = chosen.definition();
  CHECK(def.name == "Newcomer buddies, first year");
  CHECK(def.item_count() == 8);
  CHECK(def.find("intervision_at_cadence")->derived == derived_check::intervision_at_cadence);

  using same =
      checklist<"Newcomer buddies, first year",
                checklist_step<1, "Support base", plan_items::inform_everyone,
                               plan_items::working_group_formed, plan_items::coordinator_appointed,
                               plan_items::plan_of_approach>,
                checklist_step<2, "People", plan_items::teacher_coach_appointed,
                               plan_items::intervision_at_cadence>,
                checklist_step<3, "Keep it going", plan_items::successors_named,
                               plan_items::more_teacher_coaches>>;
  CHECK(def == static_checklist<same>{}.definition());  // both forms give the same view
}

TEST_CASE("checklist: a run-time checklist is checked by the same rules") {
  SECTION("an unknown key") {
    try {
      (void)runtime_checklist::choose("x", {{1, "a", {"inform_everyone", "free_lunch"}}});
      FAIL("accepted an unknown item");
    } catch (const error& e) {
      REQUIRE(e.problems().size() == 1);
      CHECK(e.problems()[0].id == "checklist.unknown_item");
      CHECK(e.problems()[0].location == "steps[0].items[1]");
      CHECK(e.problems()[0].message == "free_lunch is not a shipped checklist item");
    }
  }
  SECTION("a dependency that points forward") {
    CHECK_THROWS_WITH(runtime_checklist::choose(
                          "x", {{1, "a", {"kickoff_meeting"}}, {2, "b", {"inform_everyone"}}}),
                      Catch::Contains("checklist.forward_dependency"));
  }
  SECTION("a dependency that is missing") {
    CHECK_THROWS_WITH(runtime_checklist::choose("x", {{1, "a", {"kickoff_meeting"}}}),
                      Catch::Contains("checklist.unknown_dependency"));
  }
  SECTION("the same item twice") {
    CHECK_THROWS_WITH(runtime_checklist::choose(
                          "x", {{1, "a", {"inform_everyone"}}, {2, "b", {"inform_everyone"}}}),
                      Catch::Contains("checklist.duplicate_item"));
  }
  SECTION("step numbers twice") {
    CHECK_THROWS_WITH(runtime_checklist::choose(
                          "x", {{1, "a", {"inform_everyone"}}, {1, "b", {"study_credits"}}}),
                      Catch::Contains("checklist.step_number"));
  }
}

TEST_CASE("checklist: a run-time checklist can hold a school's own items") {
  auto def = definition_of<five_step_plan>();
  def.name = "Peer2Peer 5-step plan, our version";
  def.steps[4].items.push_back(item_definition{"alumni_evening",
                                               "An evening for former buddies",
                                               "",
                                               {"final_evaluation"},
                                               item_stage::sustaining,
                                               derived_check::none,
                                               plan_items::buddies_only});
  const runtime_checklist ours(def);
  CHECK(ours.definition().item_count() == 39);
  def.steps[0].items.push_back(item_definition{"too_early", "Too early", "", {"final_evaluation"}});
  CHECK_THROWS_WITH(runtime_checklist(def), Catch::Contains("checklist.forward_dependency"));
}
