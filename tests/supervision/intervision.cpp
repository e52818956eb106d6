#include <catch2/catch.hpp>

#include <algorithm>

#include "fixture.hpp"

using namespace fixture;

namespace {
std::vector<alert> of_rule(const std::vector<alert>& all, alert_rule rule) {
  std::vector<alert> found;
  std::copy_if(all.begin(), all.end(), std::back_inserter(found),
               [rule](const alert& a) { return a.rule == rule; });
  return found;
}
}  // namespace

TEST_CASE("supervision: the intervision interval follows the role's cadence") {
  STATIC_REQUIRE(intervision_interval_days(
                     default_parameters(supporter_role::peer_buddy).intervision, 0) == 14);
  STATIC_REQUIRE(intervision_interval_days(
                     default_parameters(supporter_role::newcomer_buddy).intervision, 3) == 28);
  constexpr intervision_cadence hoofdvaart{4, 2, {4, 4}};
  STATIC_REQUIRE(intervision_interval_days(hoofdvaart, 0) == 14);
  STATIC_REQUIRE(intervision_interval_days(hoofdvaart, 3) == 14);
  STATIC_REQUIRE(intervision_interval_days(hoofdvaart, 4) == 28);
}

TEST_CASE("supervision: a group without intervision for too long fires intervision_overdue") {
  const auto s = make_school();
  auto r = make_records();
  const supervision_rules rules;

  CHECK(of_rule(intervision_alerts(r, rules, start + days(17)), alert_rule::intervision_overdue)
            .empty());
  auto alerts = of_rule(intervision_alerts(r, rules, start + days(18)),
                        alert_rule::intervision_overdue);
  REQUIRE(alerts.size() == 2);  // buddies and leaders every two weeks; newcomer buddies every 3-4
  CHECK(alerts[0].group == buddies_group);
  CHECK(alerts[0].staff == coach_a);
  CHECK(alerts[0].due == start + days(17));
  CHECK(alerts[0].message == "group 1 has had no intervision since 2025-10-06");
  CHECK(alerts[1].group == leaders_group);

  record_session(r, s, {buddies_group, start + days(14), {buddy_1, buddy_2}, {coach_a}});
  alerts = of_rule(intervision_alerts(r, rules, start + days(30)), alert_rule::intervision_overdue);
  REQUIRE(alerts.size() == 1);
  CHECK(alerts[0].group == leaders_group);
  CHECK(of_rule(intervision_alerts(r, rules, start + days(32)), alert_rule::intervision_overdue)
            .size() == 3);

  SECTION("a school's own cadence: Hoofdvaart's four two-weekly sessions, then monthly") {
    const std::vector<role_entry> roles{
        {"newcomer buddy", supporter_role::newcomer_buddy,
         default_parameters(supporter_role::newcomer_buddy).with_intervision({4, 2, {4, 4}})}};
    auto own = of_rule(intervision_alerts(r, rules, start + days(18), {}, roles),
                       alert_rule::intervision_overdue);
    CHECK(std::any_of(own.begin(), own.end(),
                      [](const alert& a) { return a.group == newcomer_group; }));
  }
}

TEST_CASE("supervision: a supporter who misses sessions in a row fires intervision_missed") {
  const auto s = make_school();
  auto r = make_records();
  record_session(r, s, {buddies_group, start + days(14), {buddy_1, buddy_2}, {coach_a}});
  record_session(r, s, {buddies_group, start + days(28), {buddy_1}, {coach_a}});
  CHECK(
      of_rule(intervision_alerts(r, {}, start + days(30)), alert_rule::intervision_missed).empty());
  record_session(r, s,
                 {buddies_group, start + days(42), {buddy_1}, {coach_a, care_coordinator_id}});
  const auto alerts = of_rule(intervision_alerts(r, {}, start + days(43)),
                              alert_rule::intervision_missed);
  REQUIRE(alerts.size() == 1);
  CHECK(alerts[0].student == buddy_2);
  CHECK(alerts[0].group == buddies_group);
  CHECK(alerts[0].due == start + days(42));
  CHECK(alerts[0].message == "student 102 missed the last 2 sessions of group 1 since 2025-11-03");

  SECTION("recording a session checks membership and consent") {
    CHECK_THROWS_WITH(
        record_session(r, s, {buddies_group, start + days(56), {leader_1}, {coach_a}}),
        Catch::Contains("is not in group 1"));
    CHECK_THROWS_AS(
        record_session(r, s, {intervision_group_id{9}, start + days(56), {}, {coach_a}}),
        peerkit::error);
  }
}

TEST_CASE("supervision: the coach discusses each session with the supportees' mentors") {
  const auto s = make_school();
  auto r = make_records();
  const supervision_rules rules;
  const auto& group = *r.find_group(buddies_group);
  CHECK(mentors_to_inform(r, s, group, start + days(14)) ==
        std::vector<staff_id>{mentor_1a, mentor_1b});
  CHECK(mentors_to_inform(r, s, *r.find_group(leaders_group), start) ==
        std::vector<staff_id>{mentor_1b});

  record_session(r, s, {buddies_group, start + days(14), {buddy_1, buddy_2}, {coach_a}});
  record_follow_up(r, s, {buddies_group, start + days(14), coach_a, mentor_1a, start + days(20)});
  CHECK(follow_up_alerts(r, s, rules, start + days(28)).empty());
  const auto alerts = follow_up_alerts(r, s, rules, start + days(29));
  REQUIRE(alerts.size() == 1);
  CHECK(alerts[0].rule == alert_rule::mentor_follow_up_missing);
  CHECK(alerts[0].staff == mentor_1b);
  CHECK(alerts[0].due == start + days(28));
  CHECK(alerts[0].message ==
        "the session of group 1 on 2025-10-20 was not discussed with mentor 12");

  CHECK_THROWS_WITH(
      record_follow_up(r, s, {buddies_group, start + days(14), coach_a, coach_a, start + days(15)}),
      Catch::Contains("is not a class mentor"));
  CHECK_THROWS_AS(
      record_follow_up(r, s,
                       {buddies_group, start + days(14), coach_a, mentor_1b, start + days(13)}),
      peerkit::error);
}

TEST_CASE("supervision: rosters fill the groups a programme year scheduled") {
  programme_year year;
  year.year = school_year{2025};
  year.groups = {{supporter_role::peer_buddy, false, 1, 1, 2},
                 {supporter_role::peer_buddy, false, 2, 2, 1},
                 {supporter_role::newcomer_buddy, false, 1, 1, 1},
                 {supporter_role::newcomer_buddy, true, 2, 1, 0}};
  year.events = {{.kind = programme_event_kind::first_meeting_round,
                  .role = supporter_role::peer_buddy,
                  .day = start},
                 {.kind = programme_event_kind::first_meeting_round,
                  .role = supporter_role::newcomer_buddy,
                  .day = start + days(1)}};
  const std::vector<staff_id> coaches{coach_a, coach_b};

  const std::vector<student_id> buddies{buddy_1, buddy_2, isk_buddy, leader_1};
  const auto rosters = rosters_from_schedule(year, supporter_role::peer_buddy, buddies, {}, coaches,
                                             intervision_group_id{10});
  REQUIRE(rosters.size() == 2);
  CHECK(rosters[0].id == intervision_group_id{10});
  CHECK(rosters[0].coach == coach_a);
  CHECK(rosters[0].members ==
        std::vector<student_id>{buddy_1, buddy_2, leader_1});  // one beyond the plan
  CHECK(rosters[1].id == intervision_group_id{11});
  CHECK(rosters[1].coach == coach_b);
  CHECK(rosters[1].members == std::vector<student_id>{isk_buddy});
  CHECK(rosters[0].started == start);

  const std::vector<student_id> one{isk_buddy};
  const std::vector<student_id> newcomers{newcomer_1, newcomer_2};
  const auto nb = rosters_from_schedule(year, supporter_role::newcomer_buddy, one, newcomers,
                                        coaches, intervision_group_id{20});
  REQUIRE(nb.size() == 2);
  CHECK(nb[0].members == one);
  CHECK(nb[1].newcomers);
  CHECK(nb[1].members == newcomers);
  CHECK(nb[1].number == 2);
  CHECK(nb[1].started == start + days(1));

  CHECK_THROWS_WITH(rosters_from_schedule(year, supporter_role::peer_buddy, buddies, {},
                                          std::vector<staff_id>{coach_a}, intervision_group_id{1}),
                    Catch::Contains("led by teacher coach 2"));
  CHECK_THROWS_WITH(rosters_from_schedule(year, supporter_role::peer_leader, buddies, {}, coaches,
                                          intervision_group_id{1}),
                    Catch::Contains("no first meeting round for peer_leader"));
}
