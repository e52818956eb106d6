#include <catch2/catch.hpp>
#include <peerkit/checklist/checklist.hpp>
#include <peerkit/checklist/five_step_plan.hpp>
#include <peerkit/checklist/plan_items.hpp>
#include <peerkit/checklist/seven_step_plan.hpp>

using namespace peerkit;
namespace pi = peerkit::plan_items;

namespace {

// A school's own items, built on item_defaults.
struct mentors_briefed : item_defaults {
  static constexpr std::string_view key = "mentors_briefed";
  static constexpr std::string_view title = "Class mentors are briefed";
  using depends_on = item_list<pi::first_year_mentors_involved>;
};
struct parents_evening : item_defaults {
  static constexpr std::string_view key = "parents_evening";
  static constexpr std::string_view title = "A parents' evening on the programme";
  static constexpr item_stage stage = item_stage::running;
};
// Another type that claims an existing key.
struct inform_everyone_again : item_defaults {
  static constexpr std::string_view key = "inform_everyone";
  static constexpr std::string_view title = "Inform everyone (again)";
};
struct depends_on_itself : item_defaults {
  static constexpr std::string_view key = "self";
  static constexpr std::string_view title = "Depends on itself";
  using depends_on = item_list<depends_on_itself>;
};
struct no_key : item_defaults {
  [[maybe_unused]] static constexpr std::string_view title = "no key";
};
struct empty_key : item_defaults {
  static constexpr std::string_view key = "";
  static constexpr std::string_view title = "empty key";
};
struct deps_not_a_list : item_defaults {
  static constexpr std::string_view key = "deps_not_a_list";
  static constexpr std::string_view title = "depends on a plain type";
  using depends_on = pi::inform_everyone;
};

using our_plan =
    checklist<"Our plan",
              checklist_step<1, "Support base", pi::inform_everyone, pi::working_group_formed,
                             pi::coordinator_appointed, pi::plan_of_approach>,
              checklist_step<2, "Staff", pi::teacher_coach_appointed,
                             pi::first_year_mentors_involved, mentors_briefed>,
              checklist_step<5, "Parents", parents_evening>>;
// Reusing whole steps of the 7-step plan.
using seven_step_subset = checklist<"Subset", seven_step::build_support, seven_step::involve_staff,
                                    seven_step::keep_support>;

using duplicate_step_numbers = checklist<"x", checklist_step<1, "a", pi::inform_everyone>,
                                         checklist_step<1, "b", pi::working_group_formed>>;
using descending_step_numbers = checklist<"x", checklist_step<2, "a", pi::inform_everyone>,
                                          checklist_step<1, "b", pi::working_group_formed>>;
using step_number_zero = checklist<"x", checklist_step<0, "a", pi::inform_everyone>>;
using item_in_two_steps = checklist<"x", checklist_step<1, "a", pi::inform_everyone>,
                                    checklist_step<2, "b", pi::inform_everyone>>;
using item_twice_in_a_step =
    checklist<"x", checklist_step<1, "a", pi::inform_everyone, pi::inform_everyone>>;
using two_types_one_key =
    checklist<"x", checklist_step<1, "a", pi::inform_everyone, inform_everyone_again>>;
using dependency_later_step = checklist<"x", checklist_step<1, "a", pi::kickoff_meeting>,
                                        checklist_step<2, "b", pi::inform_everyone>>;
using dependency_later_in_step =
    checklist<"x", checklist_step<1, "a", pi::kickoff_meeting, pi::inform_everyone>>;
using dependency_on_itself = checklist<"x", checklist_step<1, "a", depends_on_itself>>;
using dependency_missing = checklist<"x", checklist_step<1, "a", pi::kickoff_meeting>>;
using empty_step =
    checklist<"x", checklist_step<1, "a", pi::inform_everyone>, checklist_step<2, "b">>;
using no_steps = checklist<"x">;
using item_without_key = checklist<"x", checklist_step<1, "a", no_key>>;
using item_with_empty_key = checklist<"x", checklist_step<1, "a", empty_key>>;
using dependencies_not_a_list =
    checklist<"x", checklist_step<1, "a", pi::inform_everyone, deps_not_a_list>>;

}  // namespace

TEST_CASE("checklist: shipped items and a school's own items model ChecklistItem") {
  STATIC_REQUIRE(ChecklistItem<pi::inform_everyone>);
  STATIC_REQUIRE(ChecklistItem<pi::coordinator_appointed>);
  STATIC_REQUIRE(ChecklistItem<mentors_briefed>);
  STATIC_REQUIRE(!ChecklistItem<no_key>);
  STATIC_REQUIRE(!ChecklistItem<empty_key>);
  STATIC_REQUIRE(!ChecklistItem<deps_not_a_list>);
  STATIC_REQUIRE(!ChecklistItem<int>);
}

TEST_CASE("checklist: the shipped plans and a school's own plan model Checklist") {
  STATIC_REQUIRE(Checklist<seven_step_plan>);
  STATIC_REQUIRE(Checklist<five_step_plan>);
  STATIC_REQUIRE(Checklist<our_plan>);
  STATIC_REQUIRE(Checklist<seven_step_subset>);
}

TEST_CASE("checklist: the Checklist concept rejects broken structures") {
  STATIC_REQUIRE(!Checklist<int>);
  STATIC_REQUIRE(!Checklist<no_steps>);
  STATIC_REQUIRE(!Checklist<duplicate_step_numbers>);
  STATIC_REQUIRE(!Checklist<descending_step_numbers>);
  STATIC_REQUIRE(!Checklist<step_number_zero>);
  STATIC_REQUIRE(!Checklist<item_in_two_steps>);
  STATIC_REQUIRE(!Checklist<item_twice_in_a_step>);
  STATIC_REQUIRE(!Checklist<two_types_one_key>);
  STATIC_REQUIRE(!Checklist<dependency_later_step>);
  STATIC_REQUIRE(!Checklist<dependency_later_in_step>);
  STATIC_REQUIRE(!Checklist<dependency_on_itself>);
  STATIC_REQUIRE(!Checklist<dependency_missing>);
  STATIC_REQUIRE(!Checklist<empty_step>);
  STATIC_REQUIRE(!Checklist<item_without_key>);
  STATIC_REQUIRE(!Checklist<item_with_empty_key>);
  STATIC_REQUIRE(!Checklist<dependencies_not_a_list>);
}

TEST_CASE("checklist: each structural rule is a constraint of its own") {
  STATIC_REQUIRE(!detail::step_numbers_unique_and_ascending<duplicate_step_numbers>);
  STATIC_REQUIRE(detail::every_item_in_exactly_one_step<duplicate_step_numbers>);
  STATIC_REQUIRE(!detail::every_item_in_exactly_one_step<item_in_two_steps>);
  STATIC_REQUIRE(!detail::every_item_in_exactly_one_step<dependency_missing>);
  STATIC_REQUIRE(detail::dependencies_point_backwards<dependency_missing>);
  STATIC_REQUIRE(!detail::dependencies_point_backwards<dependency_later_step>);
  STATIC_REQUIRE(detail::every_item_in_exactly_one_step<dependency_later_step>);
  STATIC_REQUIRE(!detail::no_empty_steps<empty_step>);
}

TEST_CASE("checklist: a checklist type becomes a definition with every part") {
  const auto def = definition_of<our_plan>();
  CHECK(def.name == "Our plan");
  REQUIRE(def.steps.size() == 3);
  CHECK(def.steps[2].number == 5);
  CHECK(def.steps[2].title == "Parents");
  CHECK(def.item_count() == 8);
  const auto* briefed = def.find("mentors_briefed");
  REQUIRE(briefed);
  CHECK(briefed->depends_on == std::vector<std::string>{"first_year_mentors_involved"});
  CHECK(!briefed->is_derived());
  CHECK(def.find("coordinator_appointed")->derived == derived_check::coordinator_appointed);
  CHECK(def.position_of("mentors_briefed") == item_position{2, 3});
  CHECK(def.position_of("mentors_briefed")->label() == "2.3");
  CHECK(!def.position_of("study_credits"));
  CHECK(def.step(5)->items.front().stage == item_stage::running);
  CHECK(def.step(3) == nullptr);
  CHECK_NOTHROW(validate(def));
}

namespace {
std::vector<problem> problems_of(const checklist_definition& def) {
  try {
    validate(def);
  } catch (const error& e) {
    return e.problems();
  }
  return {};
}
item_definition manual(std::string key, std::vector<std::string> deps = {}) {
  return item_definition{key, "title of " + key, "", std::move(deps)};
}
}  // namespace

TEST_CASE("checklist: validate() applies the same rules to a definition and locates each problem") {
  SECTION("step numbers") {
    checklist_definition def{
        "x", {{1, "a", {manual("a")}}, {1, "b", {manual("b")}}, {0, "c", {manual("c")}}}};
    const auto p = problems_of(def);
    REQUIRE(p.size() == 2);
    CHECK(p[0].id == "checklist.step_number");
    CHECK(p[0].location == "steps[1].number");
    CHECK(p[0].message == "step numbers must be at least 1, unique and ascending; found 1 after 1");
    CHECK(p[1].location == "steps[2].number");
  }
  SECTION("an item in two steps") {
    checklist_definition def{"x", {{1, "a", {manual("a")}}, {2, "b", {manual("b"), manual("a")}}}};
    const auto p = problems_of(def);
    REQUIRE(p.size() == 1);
    CHECK(p[0].id == "checklist.duplicate_item");
    CHECK(p[0].location == "steps[1].items[1].key");
    CHECK(p[0].message ==
          "a is already in step 1 (steps[0].items[0]); an item belongs to exactly one step");
  }
  SECTION("a dependency on an item in no step") {
    checklist_definition def{"x", {{1, "a", {manual("a", {"ghost"})}}}};
    const auto p = problems_of(def);
    REQUIRE(p.size() == 1);
    CHECK(p[0].id == "checklist.unknown_dependency");
    CHECK(p[0].location == "steps[0].items[0].depends_on[0]");
    CHECK(p[0].message == "a depends on ghost, which is in no step of the checklist");
  }
  SECTION("dependencies pointing forward or at the item itself") {
    checklist_definition def{
        "x", {{1, "a", {manual("a", {"b"}), manual("self", {"self"})}}, {2, "b", {manual("b")}}}};
    const auto p = problems_of(def);
    REQUIRE(p.size() == 2);
    CHECK(p[0].id == "checklist.forward_dependency");
    CHECK(p[0].message ==
          "a depends on b (step 2), which does not come before it; dependencies must point "
          "backwards");
    CHECK(p[1].id == "checklist.forward_dependency");
    CHECK(p[1].location == "steps[0].items[1].depends_on[0]");
  }
  SECTION("missing names, titles and items") {
    checklist_definition def{"", {{1, "", {}}, {2, "b", {item_definition{"", "", "", {}}}}}};
    const auto p = problems_of(def);
    REQUIRE(p.size() == 4);
    CHECK(p[0].id == "checklist.missing");
    CHECK(p[0].location == "name");
    CHECK(p[1].id == "checklist.empty_step");
    CHECK(p[1].location == "steps[0].items");
    CHECK(p[2].location == "steps[1].items[0]");
    CHECK(p[3].location == "steps[0].title");
  }
  SECTION("no steps") {
    const auto p = problems_of(checklist_definition{"x", {}});
    REQUIRE(p.size() == 1);
    CHECK(p[0].id == "checklist.empty");
  }
}

TEST_CASE("checklist: role masks say which programmes an item concerns") {
  constexpr auto leaders = role_mask::of({supporter_role::peer_leader});
  constexpr std::array<supporter_role, 1> buddies_run{supporter_role::peer_buddy};
  constexpr std::array<supporter_role, 2> both{supporter_role::peer_buddy,
                                               supporter_role::peer_leader};
  STATIC_REQUIRE(leaders.contains(supporter_role::peer_leader));
  STATIC_REQUIRE(!leaders.contains(supporter_role::peer_buddy));
  STATIC_REQUIRE(!leaders.applies_to(buddies_run));
  STATIC_REQUIRE(leaders.applies_to(both));
  STATIC_REQUIRE(leaders.applies_to({}));  // roles not known yet: nothing ruled out
  STATIC_REQUIRE(role_mask{}.every_role());
  STATIC_REQUIRE(role_mask{}.applies_to(buddies_run));
  CHECK(plan_items::buddies_only.roles() ==
        std::vector<supporter_role>{supporter_role::peer_buddy, supporter_role::newcomer_buddy});
  CHECK(role_mask{}.roles().empty());
}

TEST_CASE("checklist: enumerations have keys for files and words for people") {
  CHECK(key_of(item_state::not_applicable) == "not_applicable");
  CHECK(from_key<item_state>("in_progress") == item_state::in_progress);
  CHECK(words_for(item_state::not_started) == "not started");
  CHECK(key_of(item_stage::sustaining) == "sustaining");
  CHECK(key_of(derived_check::support_period_six_months) == "support_period_six_months");
  CHECK(from_key<derived_check>("successors_named") == derived_check::successors_named);
  CHECK(enum_keys<derived_check>::keys.size() == derived_check_count);
  CHECK(settled(item_state::done));
  CHECK(settled(item_state::not_applicable));
  CHECK(!settled(item_state::in_progress));
}
