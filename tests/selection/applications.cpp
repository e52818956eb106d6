#include <catch2/catch.hpp>

#include <map>
#include <set>

#include <peerkit/selection/application.hpp>

using namespace peerkit;
using enum application_state;

namespace {
application fresh(application_state state = applied) {
  return {application_id{7}, student_id{12}, supporter_role::peer_buddy, state, {}, {}};
}
interview rated(interview_format format, std::vector<trait_rating> ratings) {
  return {format, std::move(ratings), staff_id{3}, date(2026, 10, 5)};
}
}  // namespace

TEST_CASE("selection: every legal move of an application, and no other") {
  const std::map<application_state, std::set<application_state>> legal{
      {applied,
       {letter_received, interviewed_individually, interviewed_in_group, accepted, reserve,
        rejected, withdrawn}},
      {letter_received,
       {interviewed_individually, interviewed_in_group, accepted, reserve, rejected, withdrawn}},
      {interviewed_in_group, {interviewed_individually, accepted, reserve, rejected, withdrawn}},
      {interviewed_individually, {accepted, reserve, rejected, withdrawn}},
      {reserve, {accepted, rejected, withdrawn}},
      {accepted, {withdrawn}},
      {rejected, {}},
      {withdrawn, {}},
  };
  for (auto from : all_application_states)
    for (auto to : all_application_states) {
      INFO(name_of(from) << " -> " << name_of(to));
      const bool allowed = legal.at(from).count(to) == 1;
      CHECK(can_move(from, to) == allowed);
      auto a = fresh(from);
      if (allowed) {
        a.move_to(to);
        CHECK(a.state == to);
        CHECK(a.history == std::vector<application_state>{from});
      } else {
        CHECK_THROWS_AS(a.move_to(to), error);
        CHECK(a == fresh(from));  // unchanged
      }
    }
}

TEST_CASE("selection: an illegal move names the application and both states") {
  auto a = fresh(rejected);
  try {
    a.move_to(accepted);
    FAIL("expected peerkit::error");
  } catch (const error& e) {
    CHECK(e.id() == "selection.illegal_transition");
    CHECK(e.problems()[0].location == "application 7");
    CHECK(e.problems()[0].message ==
          "application 7 (student 12 for peer buddy) cannot move from rejected to accepted; "
          "rejected is final");
  }
  auto b = fresh(interviewed_individually);
  try {
    b.move_to(letter_received);
    FAIL("expected peerkit::error");
  } catch (const error& e) {
    CHECK(e.problems()[0].message ==
          "application 7 (student 12 for peer buddy) cannot move from interviewed individually to "
          "letter "
          "received; from interviewed individually it can move to accepted, reserve, rejected, "
          "withdrawn");
  }
}

TEST_CASE("selection: the path of an application is kept") {
  auto a = fresh();
  record_letter(a);
  record_interview(a, rated(interview_format::group, {{"empathy", 3}}), rating_scale{1, 5});
  record_interview(a, rated(interview_format::individual, {{"empathy", 4}, {"patient", 5}}),
                   rating_scale{1, 5});
  a.move_to(reserve);
  a.move_to(accepted);
  withdraw(a);
  CHECK(a.state == withdrawn);
  CHECK(a.history == std::vector<application_state>{applied, letter_received, interviewed_in_group,
                                                    interviewed_individually, reserve, accepted});
  CHECK(a.letter_received());
  CHECK(a.has_been(reserve));
  CHECK_FALSE(a.has_been(rejected));
  CHECK(a.interviewed());
  CHECK(a.interview_rating("empathy") == 4);  // the latest interview counts
  CHECK(a.interview_rating("patient") == 5);
  CHECK_FALSE(a.interview_rating("flexible"));
}

TEST_CASE("selection: interviews rate traits on the school's scale") {
  auto a = fresh(letter_received);
  record_interview(a, rated(interview_format::individual, {{"empathy", 1}, {"patient", 10}}),
                   rating_scale{1, 10});
  CHECK(a.state == interviewed_individually);
  CHECK(a.interviews.size() == 1);
  CHECK(a.interviews[0].rating("patient") == 10);
  CHECK(a.interviews[0].interviewer == staff_id{3});

  auto g = fresh();
  record_interview(g, rated(interview_format::group, {}), rating_scale{1, 5});
  CHECK(g.state == interviewed_in_group);
}

TEST_CASE("selection: ratings off the scale are rejected with a clear error") {
  auto a = fresh();
  try {
    record_interview(a,
                     rated(interview_format::individual,
                           {{"empathy", 6}, {"patient", 0}, {"empathy", 3}, {"", 2}}),
                     rating_scale{1, 5});
    FAIL("expected peerkit::error");
  } catch (const error& e) {
    REQUIRE(e.problems().size() == 4);
    CHECK(e.problems()[0] == problem{"selection.rating_out_of_scale",
                                     "application 7.interview.ratings.empathy",
                                     "rating 6 for empathy is outside the school's scale 1..5"});
    CHECK(e.problems()[1] == problem{"selection.rating_out_of_scale",
                                     "application 7.interview.ratings.patient",
                                     "rating 0 for patient is outside the school's scale 1..5"});
    CHECK(e.problems()[2].id == "selection.duplicate_rating");
    CHECK(e.problems()[3].id == "selection.invalid_rating");
  }
  CHECK(a == fresh());  // nothing recorded, nothing moved

  // An interview after a decision is an illegal move, and is not recorded.
  auto done = fresh(accepted);
  CHECK_THROWS_AS(record_interview(done, rated(interview_format::individual, {{"empathy", 3}}),
                                   rating_scale{1, 5}),
                  error);
  CHECK(done.interviews.empty());
}

TEST_CASE("selection: application states have keys and names") {
  CHECK(key_of(interviewed_in_group) == "interviewed_in_group");
  CHECK(from_key<application_state>("reserve") == reserve);
  CHECK(name_of(interviewed_in_group) == "interviewed in a group");
  CHECK(is_decision(accepted));
  CHECK(is_decision(reserve));
  CHECK(is_decision(rejected));
  CHECK_FALSE(is_decision(withdrawn));
  CHECK_FALSE(is_decision(applied));
}
