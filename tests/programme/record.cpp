// The dated record of the year: what adding checks (the sources' rules on who decides,
// the training gate, rematching), that a refused entry changes nothing, and where the
// programme stands on a day.
#include <catch2/catch.hpp>

#include "../problems.hpp"
#include "preset_school.hpp"

using namespace peerkit;
using namespace preset_test;
using boost::gregorian::days;
using peerkit_test::problems_of;

namespace {

constexpr student_id buddy{105}, second_buddy{106}, supportee{201}, other_supportee{203};
constexpr application_id buddy_application{105}, second_application{106};

/// The brochure's programme on the preset school: candidates 101-104 apply as peer
/// leaders, 105-108 as peer buddies, all interviewed and trained by 15 September.
programme year_programme() {
  const programme shape{preset_school()};
  return programme{preset_school(), preset_data(shape.role_entries())};
}

application_step decision(application_id a, date on, staff_id by = preset_test::coordinator) {
  return {a, application_state::accepted, on, by};
}

contact_record contact(std::uint32_t pair, date on) {
  return {pair_id{pair}, on, 60, contact_kind::at_school, {contact_topic::getting_to_know}, false};
}

pairing_started buddy_pair(std::uint32_t id, student_id supporter, student_id who, date on,
                           std::optional<pair_id> replaces = std::nullopt) {
  support_pair p;
  p.id = pair_id{id};
  p.role = supporter_role::peer_buddy;
  p.supporters = {supporter};
  p.supportees = {who};
  p.started = on;
  return {p, replaces};
}

/// Buddy 105 accepted on 5 September and paired with 201 on 1 October.
programme paired_programme() {
  auto p = year_programme();
  p.add(decision(buddy_application, date(2025, 9, 5)));
  p.add(buddy_pair(1, buddy, supportee, date(2025, 10, 1)));
  return p;
}

}  // namespace

TEST_CASE("a selection decision is taken by a staff member whose role may select") {
  // 000 step 4: "Selection is central (coordinator or team leader)".
  auto p = year_programme();
  CHECK(problems_of([&] { p.add(decision(buddy_application, date(2025, 9, 5), mentor_1a)); }) ==
        std::vector<std::string>{
            "record.not_allowed events[0].by: staff member 4 holds no role that may select "
            "supporters"});
  CHECK(p.record().empty());
  p.add(decision(buddy_application, date(2025, 9, 5), preset_test::coordinator));
  CHECK(p.record().state().accepted(buddy, supporter_role::peer_buddy));
  CHECK(p.record().state().accepted_on(buddy, supporter_role::peer_buddy) == date(2025, 9, 5));
}

TEST_CASE("a decision names who decided, and an application moves only as the table allows") {
  auto p = year_programme();
  const application_step unsigned_decision{buddy_application, application_state::accepted,
                                           date(2025, 9, 5), std::nullopt};
  CHECK(problems_of([&] { p.add(unsigned_decision); }) ==
        std::vector<std::string>{"data.missing events[0].by: a selection decision names "
                                 "the staff member who decided"});
  p.add(decision(buddy_application, date(2025, 9, 5)));
  const application_step back_to_reserve{buddy_application, application_state::reserve,
                                         date(2025, 9, 6), preset_test::coordinator};
  CHECK(problems_of([&] { p.add(back_to_reserve); })
            .front()
            .starts_with("selection.illegal_transition events[1].to"));
}

TEST_CASE("a pair starts only on or after the day its supporter's training is complete") {
  // 000 step 6: "Start only after the training was passed, and after pairing".
  auto p = year_programme();
  p.add(decision(buddy_application, date(2025, 9, 5)));
  // The two half-days are on 8 and 15 September.
  CHECK(problems_of([&] { p.add(buddy_pair(1, buddy, supportee, date(2025, 9, 12))); }) ==
        std::vector<std::string>{
            "record.training_incomplete events[1].supporters[0]: student 105 completes the "
            "training on 2025-09-15, after the start 2025-09-12"});
  p.add(buddy_pair(1, buddy, supportee, date(2025, 9, 15)));
  CHECK(p.record().state().records.pairs.size() == 1);
}

TEST_CASE("a supporter is paired only once accepted, on or after the decision") {
  auto p = year_programme();
  CHECK(problems_of([&] { p.add(buddy_pair(1, buddy, supportee, date(2025, 10, 1))); }) ==
        std::vector<std::string>{
            "record.not_accepted events[0].supporters[0]: student 105 is not an accepted "
            "peer_buddy on 2025-10-01"});
  p.add(decision(buddy_application, date(2025, 10, 6)));
  CHECK(problems_of([&] { p.add(buddy_pair(1, buddy, supportee, date(2025, 10, 1))); }) ==
        std::vector<std::string>{
            "record.out_of_order events[1].supporters[0]: student 105 was accepted on 2025-10-06"});
}

TEST_CASE("a refused entry leaves the record as it was") {
  auto p = paired_programme();
  const auto before = p.record();
  // Pair 1 is recorded, and its supporter and supportee are already paired.
  CHECK(problems_of([&] { p.add(buddy_pair(1, buddy, supportee, date(2025, 10, 2))); }) ==
        std::vector<std::string>{
            "data.duplicate events[2].pair: pair 1 is already recorded",
            "record.already_paired events[2].supporters[0]: student 105 is in pair 1 on "
            "2025-10-02",
            "record.already_paired events[2].supportees[0]: student 201 is in pair 1 on "
            "2025-10-02"});
  CHECK(p.record() == before);
  CHECK_THROWS_AS(p.add(contact(1, date(2026, 8, 3))), error);
  CHECK(problems_of([&] { p.add(contact(1, date(2026, 8, 3))); }) ==
        std::vector<std::string>{
            "data.out_of_range events[2].on: 2026-08-03 is outside the school year "
            "2025-08-01..2026-07-31"});
  CHECK(p.record() == before);
}

TEST_CASE("contacts belong to the days a pair is active, also when recorded late") {
  auto p = paired_programme();
  p.add(pair_ended{pair_id{1}, date(2025, 11, 3), end_reason::no_click, std::nullopt});
  p.add(contact(1, date(2025, 10, 20)));  // recorded after the end
  CHECK(problems_of([&] { p.add(contact(1, date(2025, 11, 5))); }) ==
        std::vector<std::string>{
            "supervision.pair_not_active events[4].on: pair 1 is not active on 2025-11-05"});
  // An entry dated before others must fit the state of its own day.
  CHECK(problems_of([&] { p.add(contact(1, date(2025, 9, 20))); }).front() ==
        "supervision.pair_not_active events[4].on: pair 1 is not active on 2025-09-20");
}

TEST_CASE("a rematch follows the closure's rematch policy") {
  // Research finds rematched youth do worse; by default a new supporter only after the
  // supporter dropped out, after a pause, and with enough of the year left.
  auto p = paired_programme();
  p.add(decision(second_application, date(2025, 9, 5)));
  SECTION("not after the two did not get along") {
    p.add(pair_ended{pair_id{1}, date(2025, 11, 3), end_reason::no_click, std::nullopt});
    CHECK(problems_of([&] {
            p.add(buddy_pair(2, second_buddy, supportee, date(2025, 12, 8), pair_id{1}));
          }) == std::vector<std::string>{"record.rematch_refused events[4].replaces: no new "
                                         "supporter for student 201 on 2025-12-08: "
                                         "not_after_this_reason"});
  }
  SECTION("after the supporter withdrew, once the pause is over") {
    p.add(pair_ended{pair_id{1}, date(2025, 11, 3), end_reason::supporter_withdrew, std::nullopt});
    CHECK(problems_of([&] {
            p.add(buddy_pair(2, second_buddy, supportee, date(2025, 11, 10), pair_id{1}));
          }) == std::vector<std::string>{"record.rematch_refused events[4].replaces: no new "
                                         "supporter for student 201 on 2025-11-10: "
                                         "pause_not_over (from 2025-12-01)"});
    const auto status = p.status_on(date(2025, 11, 10), preset_calendar());
    REQUIRE(status.rematches.size() == 1);
    CHECK(status.rematches[0].supportee == supportee);
    CHECK(status.rematches[0].decision.verdict == rematch_verdict::pause_not_over);
    CHECK(status.rematches[0].decision.earliest == date(2025, 12, 1));
    p.add(buddy_pair(2, second_buddy, supportee, date(2025, 12, 1), pair_id{1}));
    CHECK(p.status_on(date(2025, 12, 1), preset_calendar()).rematches.empty());
    CHECK(p.record().state().rematches_of(supportee) == 1);
  }
  SECTION("a rematch serves a supportee of the pair that ended") {
    p.add(pair_ended{pair_id{1}, date(2025, 11, 3), end_reason::supporter_withdrew, std::nullopt});
    CHECK(problems_of([&] {
            p.add(buddy_pair(2, second_buddy, other_supportee, date(2025, 12, 1), pair_id{1}));
          }) == std::vector<std::string>{"record.rematch_refused events[4].replaces: a rematch "
                                         "gives a supportee of pair 1 a new peer_buddy"});
  }
}

TEST_CASE("intervision is led by a staff member whose role leads it, others join by role") {
  // 000 step 6: buddies meet with the teacher coach; a confidential teacher or care
  // coordinator can join.
  auto p = paired_programme();
  p.add(intervision_roster{intervision_group_id{1},
                           supporter_role::peer_buddy,
                           coach_a,
                           {buddy},
                           date(2025, 10, 1),
                           1,
                           false});
  const intervision_session without_coach{
      intervision_group_id{1}, date(2025, 10, 15), {buddy}, {mentor_1a}};
  CHECK(problems_of([&] { p.add(without_coach); }) ==
        std::vector<std::string>{
            "record.not_allowed events[3].staff[0]: staff member 4 holds no role that "
            "leads or may join intervision",
            "record.not_allowed events[3].staff: a session is led by a staff member whose "
            "role leads intervision"});
  p.add(intervision_session{intervision_group_id{1}, date(2025, 10, 15), {buddy}, {coach_a}});
  const intervision_roster led_by_mentor{intervision_group_id{2},
                                         supporter_role::peer_buddy,
                                         mentor_1a,
                                         {buddy},
                                         date(2025, 10, 1),
                                         2,
                                         false};
  CHECK(problems_of([&] { p.add(led_by_mentor); }) ==
        std::vector<std::string>{
            "record.not_allowed events[4].coach: staff member 4 holds no role that leads "
            "intervision"});
}

TEST_CASE("the status on a day reads only what was recorded up to that day") {
  auto p = paired_programme();
  p.add(contact(1, date(2025, 10, 2)));
  p.add(
      escalation_raised{escalation_id{1}, pair_id{1}, buddy, severity::concern, date(2025, 10, 9)});
  p.add(pair_ended{pair_id{1}, date(2025, 12, 1), end_reason::supportee_withdrew, std::nullopt});
  const auto cal = preset_calendar();

  const auto before = p.status_on(date(2025, 9, 30), cal);
  CHECK(before.active_pairs.empty());
  CHECK(before.open_escalations.empty());

  const auto october = p.status_on(date(2025, 10, 10), cal);
  REQUIRE(october.active_pairs.size() == 1);
  CHECK(october.active_pairs[0].id == pair_id{1});
  REQUIRE(october.open_escalations.size() == 1);
  CHECK(october.open_escalations[0].next_deadline == date(2025, 10, 16));  // concern: 7 days

  // Weeks without a contact: overdue; the escalation's first step too.
  const auto november = p.status_on(date(2025, 11, 20), cal);
  const auto fired = [&](alert_rule rule) {
    return std::any_of(november.overdue.begin(), november.overdue.end(),
                       [&](const alert& a) { return a.rule == rule; });
  };
  CHECK(fired(alert_rule::contact_overdue));
  CHECK(fired(alert_rule::escalation_step_overdue));

  const auto december = p.status_on(date(2025, 12, 2), cal);
  CHECK(december.active_pairs.empty());
  REQUIRE(december.rematches.size() == 1);
  CHECK(december.rematches[0].decision.verdict == rematch_verdict::not_after_this_reason);
}

TEST_CASE("the status lists accepted supporters whose training is not complete on the day") {
  auto p = year_programme();
  p.add(decision(buddy_application, date(2025, 9, 5)));
  p.add(training_session{second_buddy, supporter_role::peer_buddy, date(2025, 9, 22), 240});
  const auto cal = preset_calendar();
  // The document's training (8 and 15 September) counts; the record adds its own.
  CHECK(p.status_on(date(2025, 9, 10), cal).in_training.size() >= 1);
  const auto mid = p.status_on(date(2025, 9, 10), cal);
  CHECK(std::any_of(mid.in_training.begin(), mid.in_training.end(),
                    [](const training_status& t) { return t.supporter == buddy; }));
  const auto later = p.status_on(date(2025, 9, 16), cal);
  CHECK(std::none_of(later.in_training.begin(), later.in_training.end(),
                     [](const training_status& t) { return t.supporter == buddy; }));
}

TEST_CASE("the checklist reads the real days from the record") {
  const auto cal = preset_calendar();
  const auto findings = [&](const programme& p, date day) {
    std::vector<std::string> out;
    const auto report = p.status_on(day, cal).readiness;
    for (const auto* list : {&report.blocking, &report.open, &report.at_risk})
      for (const auto& e : *list) out.insert(out.end(), e.findings.begin(), e.findings.end());
    return out;
  };
  const auto about_buddy = [](const std::vector<std::string>& found) {
    return std::count_if(found.begin(), found.end(), [](const std::string& f) {
      return f.find("student #105") != std::string::npos;
    });
  };
  // Selected on 5 September, trained on 15 September, paired on 1 October: nothing to
  // object to for this supporter.
  CHECK(about_buddy(findings(paired_programme(), date(2025, 10, 2))) == 0);
}

TEST_CASE("a training session is for a student with an open application in a role run") {
  auto p = year_programme();
  const training_session not_applied{student_id{201}, supporter_role::peer_buddy, date(2025, 9, 22),
                                     240};
  CHECK(problems_of([&] { p.add(not_applied); }) ==
        std::vector<std::string>{"record.not_accepted events[0].student: student 201 has "
                                 "no open application for peer_buddy"});
  const training_session other_role{buddy, supporter_role::newcomer_buddy, date(2025, 9, 22), 240};
  CHECK(problems_of([&] { p.add(other_role); }).front() ==
        "record.role_not_run events[0].role: the programme does not run the role "
        "newcomer_buddy");
}

TEST_CASE("the status is for a day of the programme's school year") {
  const auto p = paired_programme();
  CHECK(problems_of([&] { (void)p.status_on(date(2026, 8, 1), preset_calendar()); }) ==
        std::vector<std::string>{"data.out_of_range on: 2026-08-01 is outside the school year "
                                 "2025-08-01..2026-07-31"});
}
