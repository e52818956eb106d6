#include <catch2/catch.hpp>
#include <peerkit/checklist/plan_items.hpp>
#include <peerkit/checklist/progress.hpp>
#include <peerkit/checklist/seven_step_plan.hpp>

using namespace peerkit;

namespace {

const date sept_1{2025, 9, 1};
const staff_id anna{1};

item_progress done_by_anna(std::string note = "minutes of the staff meeting") {
  return {item_state::done, sept_1, anna, std::move(note)};
}

std::vector<problem> rejected(progress_book& book, std::string_view key, item_progress next,
                              const derived_results& derived = {}) {
  try {
    book.set(key, std::move(next), derived);
  } catch (const error& e) {
    return e.problems();
  }
  return {};
}

derived_results with(derived_check c, item_state s) {
  derived_results r;
  r.outcomes[static_cast<std::size_t>(c)] = {s, "", {}, {}};
  return r;
}

}  // namespace

TEST_CASE("checklist: a new book has every item not started") {
  progress_book book(definition_of<seven_step_plan>());
  CHECK(book.records().empty());
  CHECK(book.progress("inform_everyone") == item_progress{});
  CHECK(book.state_of("inform_everyone", {}) ==
        effective_state{item_state::not_started, state_source::recorded});
  CHECK(book.state_of("coordinator_appointed", {}) ==
        effective_state{item_state::not_started, state_source::derived});
}

TEST_CASE("checklist: a valid change is recorded with its date, owner and evidence") {
  progress_book book(definition_of<seven_step_plan>());
  book.set("inform_everyone",
           {item_state::in_progress, std::nullopt, anna, "first staff meeting held"});
  CHECK(book.progress("inform_everyone").state == item_state::in_progress);
  book.set("inform_everyone", done_by_anna());
  CHECK(book.progress("inform_everyone") == done_by_anna());
  CHECK(book.records().size() == 1);
}

TEST_CASE("checklist: in progress and done need an owner, done a date") {
  progress_book book(definition_of<seven_step_plan>());
  SECTION("in progress without an owner") {
    const auto p = rejected(book, "inform_everyone",
                            {item_state::in_progress, sept_1, std::nullopt, ""});
    REQUIRE(p.size() == 1);
    CHECK(p[0].id == "checklist.missing_owner");
    CHECK(p[0].location == "progress.inform_everyone");
    CHECK(p[0].message ==
          "inform_everyone: cannot go from not_started to in_progress without an owner");
  }
  SECTION("done without owner and date: both problems at once") {
    const auto p = rejected(book, "inform_everyone",
                            {item_state::done, std::nullopt, std::nullopt, "x"});
    REQUIRE(p.size() == 2);
    CHECK(p[0].id == "checklist.missing_owner");
    CHECK(p[1].id == "checklist.missing_date");
    CHECK(p[1].message == "inform_everyone: cannot go from not_started to done without a date");
  }
  SECTION("a date that is not a date") {
    const auto p = rejected(book, "inform_everyone", {item_state::done, date(), anna, ""});
    REQUIRE(p.size() == 1);
    CHECK(p[0].id == "checklist.missing_date");
  }
  CHECK(book.records().empty());  // a rejected change leaves the book as it was
}

TEST_CASE("checklist: not applicable needs a date and a reason") {
  progress_book book(definition_of<seven_step_plan>());
  const auto p = rejected(book, "study_credits",
                          {item_state::not_applicable, sept_1, std::nullopt, ""});
  REQUIRE(p.size() == 1);
  CHECK(p[0].id == "checklist.missing_reason");
  CHECK(p[0].message ==
        "study_credits: cannot go from not_started to not_applicable without a note saying why");
  book.set("study_credits",
           {item_state::not_applicable, sept_1, std::nullopt, "no free-choice space in vmbo"});
  CHECK(book.state_of("study_credits", {}).state == item_state::not_applicable);
}

TEST_CASE("checklist: a dependency that is not settled blocks done, naming both states") {
  progress_book book(definition_of<seven_step_plan>());
  book.set("inform_everyone", {item_state::in_progress, std::nullopt, anna, ""});
  auto p = rejected(book, "kickoff_meeting", done_by_anna());
  REQUIRE(p.size() == 1);
  CHECK(p[0].id == "checklist.blocked");
  CHECK(p[0].location == "progress.kickoff_meeting");
  CHECK(p[0].message ==
        "kickoff_meeting: cannot go from not_started to done: it depends on inform_everyone (1.1), "
        "which is in_progress");
  // Working on it while the dependency is open is fine; finishing it is not.
  CHECK_NOTHROW(book.set("kickoff_meeting", {item_state::in_progress, std::nullopt, anna, ""}));
  book.set("inform_everyone", done_by_anna());
  CHECK_NOTHROW(book.set("kickoff_meeting", done_by_anna("kick-off on 1 September")));
}

TEST_CASE("checklist: a dependency that does not apply does not block") {
  progress_book book(definition_of<seven_step_plan>());
  book.set("escalation_guideline",
           {item_state::not_applicable, sept_1, std::nullopt, "covered by the care plan"});
  CHECK_NOTHROW(book.set("no_secrets_rule_known", done_by_anna()));
}

TEST_CASE("checklist: derived dependencies are judged by the programme's data") {
  progress_book book(definition_of<seven_step_plan>());
  book.set("working_group_formed", done_by_anna());
  auto p = rejected(book, "plan_of_approach", done_by_anna());  // nothing evaluated
  REQUIRE(p.size() == 1);
  CHECK(p[0].message ==
        "plan_of_approach: cannot go from not_started to done: it depends on coordinator_appointed "
        "(1.5), which is not_started");
  p = rejected(book, "plan_of_approach", done_by_anna(),
               with(derived_check::coordinator_appointed, item_state::in_progress));
  REQUIRE(p.size() == 1);
  CHECK(p[0].id == "checklist.blocked");
  CHECK_NOTHROW(book.set("plan_of_approach", done_by_anna(),
                         with(derived_check::coordinator_appointed, item_state::done)));
}

TEST_CASE("checklist: derived items cannot be set by hand") {
  progress_book book(definition_of<seven_step_plan>());
  const auto p = rejected(book, "successors_named", done_by_anna());
  REQUIRE(p.size() == 1);
  CHECK(p[0].id == "checklist.derived_item");
  CHECK(p[0].message ==
        "cannot go from not_started to done: successors_named is decided by the programme's data");
}

TEST_CASE("checklist: done cannot go back to not started, reopening goes through in progress") {
  progress_book book(definition_of<seven_step_plan>());
  book.set("inform_everyone", done_by_anna());
  auto p = rejected(book, "inform_everyone", {});
  REQUIRE(p.size() == 1);
  CHECK(p[0].id == "checklist.illegal_transition");
  CHECK(p[0].message ==
        "inform_everyone: cannot go from done to not_started; reopen it as in_progress");
  book.set("inform_everyone",
           {item_state::in_progress, std::nullopt, anna, "new teachers arrived"});
  CHECK(book.progress("inform_everyone").state == item_state::in_progress);
  book.set("inform_everyone", {});  // back to untouched: the record goes
  CHECK(book.records().empty());
}

TEST_CASE("checklist: an item cannot be reopened while a done item depends on it") {
  progress_book book(definition_of<seven_step_plan>());
  book.set("inform_everyone", done_by_anna());
  book.set("kickoff_meeting", done_by_anna());
  const auto p = rejected(book, "inform_everyone",
                          {item_state::in_progress, std::nullopt, anna, ""});
  REQUIRE(p.size() == 1);
  CHECK(p[0].id == "checklist.dependant_done");
  CHECK(p[0].message ==
        "inform_everyone: cannot go from done to in_progress: kickoff_meeting (1.2) depends on it "
        "and is done");
}

TEST_CASE("checklist: unknown items are rejected") {
  progress_book book(definition_of<seven_step_plan>());
  CHECK_THROWS_WITH(book.set("free_lunch", done_by_anna()),
                    Catch::Contains("checklist.unknown_item"));
  CHECK_THROWS_AS(book.progress("free_lunch"), error);
  try {
    (void)book.progress("free_lunch");
  } catch (const error& e) {
    CHECK(e.problems().front().location == "progress.free_lunch");
    CHECK(e.problems().front().message == "free_lunch is not an item of 7-step plan");
  }
}

TEST_CASE("checklist: items about roles the programme does not run do not apply") {
  progress_book book(definition_of<seven_step_plan>());
  derived_results newcomers_only;
  newcomers_only.roles_run = {supporter_role::newcomer_buddy};
  CHECK(book.state_of("leader_training", newcomers_only) ==
        effective_state{item_state::not_applicable, state_source::role_not_run});
  CHECK(book.state_of("newcomer_buddy_training", newcomers_only).source == state_source::recorded);
  CHECK(book.state_of("leader_training", {}).source == state_source::recorded);  // roles not known
}

TEST_CASE("checklist: a dependency about a role that is not run does not block") {
  checklist_definition def{"x",
                           {{1,
                             "a",
                             {item_definition{"leaders_trained",
                                              "Leaders trained",
                                              "",
                                              {},
                                              item_stage::before_start,
                                              derived_check::none,
                                              plan_items::leaders_only},
                              item_definition{"debrief", "Debrief", "", {"leaders_trained"}}}}}};
  progress_book book(def);
  derived_results buddies;
  buddies.roles_run = {supporter_role::peer_buddy};
  CHECK_THROWS_WITH(book.set("debrief", done_by_anna()), Catch::Contains("checklist.blocked"));
  CHECK_NOTHROW(book.set("debrief", done_by_anna(), buddies));
}

TEST_CASE("checklist: a book is restored from records, with every problem reported") {
  const auto def = definition_of<seven_step_plan>();
  SECTION("valid records") {
    const auto book = progress_book::restore(
        def, {{"inform_everyone", done_by_anna()},
              {"kickoff_meeting", done_by_anna()},
              {"plan_of_approach", {item_state::in_progress, std::nullopt, anna, ""}}});
    CHECK(book.records().size() == 3);
    CHECK(book.progress("kickoff_meeting").state == item_state::done);
  }
  SECTION("a done record whose derived dependency is open is accepted") {
    const auto book = progress_book::restore(
        def, {{"working_group_formed", done_by_anna()}, {"plan_of_approach", done_by_anna()}});
    CHECK(book.progress("plan_of_approach").state == item_state::done);
  }
  SECTION("broken records") {
    try {
      (void)progress_book::restore(def,
                                   {{"ghost", done_by_anna()},
                                    {"coordinator_appointed", done_by_anna()},
                                    {"kickoff_meeting", done_by_anna()},
                                    {"study_credits", {item_state::done, std::nullopt, anna, ""}}});
      FAIL("restore accepted broken records");
    } catch (const error& e) {
      const auto& p = e.problems();
      REQUIRE(p.size() == 4);
      CHECK(p[0].id == "checklist.derived_item");  // records come in key order
      CHECK(p[1].id == "checklist.unknown_item");
      CHECK(p[2].id == "checklist.blocked");
      CHECK(p[2].message ==
            "kickoff_meeting is done but depends on inform_everyone, which is not_started");
      CHECK(p[3].id == "checklist.missing_date");
    }
  }
}

TEST_CASE("checklist: a book refuses a broken checklist definition") {
  checklist_definition broken{"x", {{1, "a", {item_definition{"a", "A", "", {"b"}}}}}};
  CHECK_THROWS_WITH(progress_book(broken), Catch::Contains("checklist.unknown_dependency"));
}
