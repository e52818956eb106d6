#include <catch2/catch.hpp>

#include <type_traits>

#include "fixture.hpp"

using namespace fixture;

namespace {
std::vector<alert_rule> rules_of(const std::vector<alert>& alerts) {
  std::vector<alert_rule> found;
  for (const auto& a : alerts) found.push_back(a.rule);
  return found;
}
}  // namespace

TEST_CASE("supervision: the escalation policy routes each tier by role with a deadline") {
  constexpr escalation_policy policy;
  STATIC_REQUIRE(policy.valid());
  STATIC_REQUIRE(std::is_trivially_copyable_v<escalation_event>);

  const auto& concern = policy.route(severity::concern);
  REQUIRE(concern.route().size() == 1);
  CHECK(concern.route()[0].any_of ==
        staff_role_set{staff_role::teacher_coach, staff_role::class_mentor});
  CHECK(concern.route()[0].within_days == 7);
  CHECK(concern.respond_within_days == 14);
  CHECK(concern.encourage_first);

  const auto& urgent = policy.route(severity::urgent);
  REQUIRE(urgent.route().size() == 2);
  CHECK(urgent.route()[0].within_days == 1);
  CHECK(urgent.route()[1].any_of ==
        staff_role_set{staff_role::confidential_teacher, staff_role::care_coordinator});
  CHECK(urgent.route()[1].within_days == 2);
  CHECK(urgent.respond_within_days == 2);

  const auto& safety = policy.route(severity::safety);
  REQUIRE(safety.route().size() == 2);
  CHECK(safety.route()[0].within_days == 0);
  CHECK(safety.route()[1].within_days == 0);
  CHECK(safety.respond_within_days == 0);
  CHECK(!safety.encourage_first);

  SECTION("a route may only name roles that receive escalations") {
    escalation_policy own = policy;
    own.tiers[0].steps[0].any_of = staff_role_set{staff_role::team_leader};
    CHECK(!own.valid());
    own = policy;
    own.tiers[1].step_count = 0;
    CHECK(!own.valid());
  }
}

TEST_CASE("supervision: a refused referral goes to the teacher coach and/or mentor") {
  const auto s = make_school();
  auto r = make_records();
  const escalation_policy policy;
  const date day = start + days(20);
  auto e = raise_escalation(escalation_id{1}, *r.find_pair(pair_1), buddy_1, severity::concern,
                            day);
  record_encouraged(e, day);
  record_refused(e, day + days(1));
  CHECK(status_of(e, policy, day + days(2)).steps[0] == deadline_status::pending);
  // The supporter brings it to the teacher coach, who takes it up with the mentor.
  record_informed(e, staff(s, coach_a), staff_role::teacher_coach, day + days(2));
  record_informed(e, staff(s, mentor_1a), staff_role::class_mentor, day + days(3));
  record_response(e, staff(s, mentor_1a), day + days(5));
  record_closed(e, day + days(9));

  const auto st = status_of(e, policy, day + days(30));
  CHECK(st.step_count == 1);
  CHECK(st.steps[0] == deadline_status::on_time);
  CHECK(st.step_due[0] == day + days(7));
  CHECK(st.response == deadline_status::on_time);
  CHECK(escalation_alerts(e, policy, day + days(30)).empty());
  CHECK(e.first(escalation_event_kind::supportee_refused) == day + days(1));
  // The audit trail: who was informed when, never what about.
  REQUIRE(e.trail.size() == 7);
  CHECK(e.trail[3].kind == escalation_event_kind::staff_informed);
  CHECK(e.trail[3].staff == coach_a);
  CHECK(e.trail[3].role == staff_role::teacher_coach);
  CHECK(e.trail[3].on == day + days(2));
}

TEST_CASE("supervision: an accepted referral reaches the mentor through the supportee") {
  const auto s = make_school();
  auto r = make_records();
  const date day = start + days(20);
  auto e = raise_escalation(escalation_id{2}, *r.find_pair(pair_2), buddy_2, severity::concern,
                            day);
  record_encouraged(e, day);
  record_accepted(e, day);
  record_informed(e, staff(s, mentor_1b), staff_role::class_mentor, day + days(8));
  const auto alerts = escalation_alerts(e, {}, day + days(8));
  REQUIRE(alerts.size() == 1);  // the mentor heard of it a day late
  CHECK(alerts[0].rule == alert_rule::escalation_step_overdue);
  CHECK(alerts[0].escalation == escalation_id{2});
  CHECK(alerts[0].pair == pair_2);
  CHECK(alerts[0].due == day + days(7));
  CHECK(alerts[0].message == "escalation 2 (concern): step 1 is late, due 2025-11-02");
}

TEST_CASE("supervision: an urgent escalation reaches the second line within two days") {
  const auto s = make_school();
  auto r = make_records();
  const escalation_policy policy;
  const date day = start + days(30);
  auto e = raise_escalation(escalation_id{3}, *r.find_pair(newcomer_pair), isk_buddy,
                            severity::urgent, day);
  record_encouraged(e, day);
  record_refused(e, day);
  record_informed(e, staff(s, coach_b), staff_role::teacher_coach, day + days(1));
  CHECK(status_of(e, policy, day + days(1)).steps[1] == deadline_status::pending);
  CHECK(rules_of(escalation_alerts(e, policy, day + days(2))).empty());
  const auto alerts = escalation_alerts(e, policy, day + days(3));
  CHECK(rules_of(alerts) == std::vector<alert_rule>{alert_rule::escalation_step_overdue,
                                                    alert_rule::escalation_response_overdue});
  CHECK(alerts[0].due == day + days(2));

  record_informed(e, staff(s, care_coordinator_id), staff_role::care_coordinator, day + days(2));
  record_response(e, staff(s, care_coordinator_id), day + days(2));
  CHECK(escalation_alerts(e, policy, day + days(3)).empty());
}

TEST_CASE("supervision: a safety escalation goes to an adult and the second line the same day") {
  const auto s = make_school();
  auto r = make_records();
  const escalation_policy policy;
  const date day = start + days(31);
  auto e = raise_escalation(escalation_id{4}, *r.find_pair(pair_1), buddy_1, severity::safety, day);
  // No encouraging first: the supporter goes to the teacher coach at once.
  record_informed(e, staff(s, coach_a), staff_role::teacher_coach, day);
  CHECK(escalation_alerts(e, policy, day).empty());
  const auto next_day = escalation_alerts(e, policy, day + days(1));
  CHECK(rules_of(next_day) == std::vector<alert_rule>{alert_rule::escalation_step_overdue,
                                                      alert_rule::escalation_response_overdue});
  CHECK(next_day[0].due == day);

  record_informed(e, staff(s, confidential_id), staff_role::confidential_teacher, day);
  record_response(e, staff(s, confidential_id), day);
  record_closed(e, day + days(5));
  CHECK(escalation_alerts(e, policy, day + days(10)).empty());
}

TEST_CASE(
    "supervision: telling staff before encouraging the supportee is flagged for concern and "
    "urgent") {
  const auto s = make_school();
  auto r = make_records();
  const date day = start + days(20);
  auto e = raise_escalation(escalation_id{5}, *r.find_pair(pair_1), buddy_1, severity::concern,
                            day);
  record_informed(e, staff(s, mentor_1a), staff_role::class_mentor, day);
  record_encouraged(e, day);
  const auto alerts = escalation_alerts(e, {}, day);
  REQUIRE(alerts.size() == 1);
  CHECK(alerts[0].rule == alert_rule::escalation_referral_skipped);
  CHECK(alerts[0].due == day);
}

TEST_CASE("supervision: a closed escalation that skipped a step stays overdue") {
  const auto s = make_school();
  auto r = make_records();
  const date day = start + days(20);
  auto e = raise_escalation(escalation_id{6}, *r.find_pair(pair_1), buddy_1, severity::urgent, day);
  record_encouraged(e, day);
  record_refused(e, day);
  record_informed(e, staff(s, mentor_1a), staff_role::class_mentor, day);
  record_response(e, staff(s, mentor_1a), day);
  record_closed(e, day + days(1));
  const auto st = status_of(e, {}, day + days(1));
  CHECK(st.steps[0] == deadline_status::on_time);
  CHECK(st.steps[1] == deadline_status::overdue);
}

TEST_CASE("supervision: the escalation trail is kept in order and addressed to the right roles") {
  const auto s = make_school();
  auto r = make_records();
  const date day = start + days(20);
  const auto& pair = *r.find_pair(pair_1);

  auto expect_error = [](auto&& action, std::string_view id) {
    try {
      action();
      FAIL("expected peerkit::error " << id);
    } catch (const peerkit::error& err) {
      CHECK(err.id() == id);
    }
  };
  expect_error(
      [&] { (void)raise_escalation(escalation_id{7}, pair, supportee_1, severity::concern, day); },
      "escalation.not_a_supporter");
  expect_error(
      [&] {
        (void)raise_escalation(escalation_id{7}, pair, buddy_1, severity::concern, start - days(1));
      },
      "escalation.pair_not_active");

  auto e = raise_escalation(escalation_id{7}, pair, buddy_1, severity::concern, day);
  expect_error([&] { record_refused(e, day); }, "escalation.out_of_order");
  record_encouraged(e, day + days(1));
  expect_error([&] { record_encouraged(e, day + days(1)); }, "escalation.out_of_order");
  expect_error([&] { record_accepted(e, day); },
               "escalation.out_of_order");  // before the last step
  record_accepted(e, day + days(1));
  expect_error([&] { record_refused(e, day + days(1)); }, "escalation.out_of_order");
  expect_error(
      [&] { record_informed(e, staff(s, mentor_1a), staff_role::teacher_coach, day + days(2)); },
      "escalation.wrong_recipient");
  const staff_member team_lead{
      staff_id{99}, "Team Leider", {staff_role::team_leader}, std::nullopt};
  expect_error([&] { record_informed(e, team_lead, staff_role::team_leader, day + days(2)); },
               "escalation.wrong_recipient");
  expect_error([&] { record_response(e, staff(s, mentor_1a), day + days(2)); },
               "escalation.not_informed");
  expect_error([&] { record_closed(e, day + days(2)); }, "escalation.unanswered");
  record_informed(e, staff(s, coach_b), staff_role::class_mentor,
                  day + days(2));  // holds both roles
  record_response(e, staff(s, coach_b), day + days(2));
  record_closed(e, day + days(3));
  expect_error(
      [&] { record_informed(e, staff(s, mentor_1a), staff_role::class_mentor, day + days(4)); },
      "escalation.out_of_order");
  CHECK(e.is_closed());
}

TEST_CASE("supervision: whom to inform for each step of a route") {
  const auto s = make_school();
  auto r = make_records();
  const escalation_policy policy;
  const auto e = raise_escalation(escalation_id{8}, *r.find_pair(newcomer_pair), isk_buddy,
                                  severity::urgent, start + days(10));
  const auto& steps = policy.route(severity::urgent).route();
  CHECK(recipients(steps[0], e, s, r.pairs, r.groups) ==
        std::vector<staff_id>{mentor_isk, coach_b});
  CHECK(recipients(steps[1], e, s, r.pairs, r.groups) ==
        std::vector<staff_id>{confidential_id, care_coordinator_id});

  const auto duo = raise_escalation(escalation_id{9}, *r.find_pair(duo_pair), leader_2,
                                    severity::concern, start + days(10));
  CHECK(recipients(policy.route(severity::concern).route()[0], duo, s, r.pairs, r.groups) ==
        std::vector<staff_id>{mentor_1b, coach_a});
}

// 000 step 6: "the student does the task on their own, but can always turn to the teacher
// coach or the Peer2Peer coordinator"; step 2: the teacher coach "is also reachable in
// between". The coordinator is a contact, so a school's route may lead to them.
TEST_CASE(
    "supervision: a supporter can always turn to the coordinator, also with a serious problem") {
  STATIC_REQUIRE(contact_for_supporters(staff_role::coordinator));
  STATIC_REQUIRE(contact_for_supporters(staff_role::teacher_coach));
  STATIC_REQUIRE(!contact_for_supporters(staff_role::class_mentor));
  STATIC_REQUIRE(receives_escalations(staff_role::coordinator));
  STATIC_REQUIRE(!receives_escalations(staff_role::team_leader));
  // 000 step 4: selection is done "by the Peer2Peer coordinator or by a team leader".
  STATIC_REQUIRE(may_select_supporters(staff_role::coordinator));
  STATIC_REQUIRE(may_select_supporters(staff_role::team_leader));
  STATIC_REQUIRE(!may_select_supporters(staff_role::teacher_coach));
  // Intervision is led by the teacher coach; a confidential teacher can join (000 step 6).
  STATIC_REQUIRE(leads_intervision(staff_role::teacher_coach));
  STATIC_REQUIRE(!leads_intervision(staff_role::coordinator));
  STATIC_REQUIRE(may_join_intervision(staff_role::confidential_teacher));
  STATIC_REQUIRE(duties_of(staff_role::coordinator) == staff_role_traits<coordinator>::duties);

  // A school that routes concerns to the teacher coach or the coordinator.
  escalation_policy policy;
  policy.tiers[0] = tier_route{
      {route_step{{staff_role::teacher_coach, staff_role::coordinator}, 7}}, 1, 14, true};
  REQUIRE(policy.valid());

  const auto s = make_school();
  auto r = make_records();
  const date day = start + days(20);
  auto e = raise_escalation(escalation_id{11}, *r.find_pair(pair_1), buddy_1, severity::concern,
                            day);
  CHECK(recipients(policy.route(severity::concern).route()[0], e, s, r.pairs, r.groups) ==
        std::vector<staff_id>{coach_a, coordinator_id});
  record_encouraged(e, day);
  record_refused(e, day + days(1));
  record_informed(e, staff(s, coordinator_id), staff_role::coordinator, day + days(2));
  record_response(e, staff(s, coordinator_id), day + days(3));
  record_closed(e, day + days(6));
  const auto st = status_of(e, policy, day + days(30));
  CHECK(st.steps[0] == deadline_status::on_time);
  CHECK(st.response == deadline_status::on_time);
  CHECK(escalation_alerts(e, policy, day + days(30)).empty());
}
