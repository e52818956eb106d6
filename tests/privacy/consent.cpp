#include <catch2/catch.hpp>

#include <string>

#include <peerkit/matching/rules.hpp>

#include "../supervision/fixture.hpp"

using namespace fixture;

namespace {
/// A student who turns 16 during the 2025-2026 school year, on 14 March 2026.
student turning_16() {
  student s;
  s.id = student_id{1};
  s.birth_date = d(2010, 3, 14);
  return s;
}
}  // namespace

TEST_CASE("privacy: a parent consents below 16, the student from 16") {
  auto s = turning_16();
  CHECK(required_giver(s, d(2026, 3, 13)) == consent_giver::parent);
  CHECK(required_giver(s, d(2026, 3, 14)) == consent_giver::student);
  student unknown_age;
  CHECK(required_giver(unknown_age, d(2026, 1, 1)) == consent_giver::parent);

  CHECK(consent_state_on(s, d(2025, 9, 1)) == consent_state::missing);
  try {
    give_consent(s, consent_giver::student, d(2025, 9, 1));
    FAIL("expected peerkit::error");
  } catch (const peerkit::error& e) {
    CHECK(e.id() == "privacy.wrong_consent_giver");
    CHECK(e.problems()[0].message ==
          "on 2025-09-01 consent is given by the parent (a parent below 16, the student from 16), "
          "found student");
  }
  CHECK_THROWS_AS(give_consent(s, consent_giver::parent, d(2026, 4, 1)), peerkit::error);
  CHECK_THROWS_AS(give_consent(s, consent_giver::parent, date{}), peerkit::error);
  CHECK(!s.consent);
  give_consent(s, consent_giver::student, d(2026, 3, 20));
  CHECK(consent_state_on(s, d(2026, 3, 20)) == consent_state::holds);
  CHECK(may_process(s, d(2026, 3, 20)));
}

TEST_CASE("privacy: a parent's consent given below 16 holds after 16 until it is withdrawn") {
  auto s = turning_16();
  give_consent(s, consent_giver::parent, d(2025, 9, 1));
  CHECK(consent_state_on(s, d(2025, 8, 31)) == consent_state::missing);
  CHECK(consent_state_on(s, d(2025, 9, 1)) == consent_state::holds);
  CHECK(consent_state_on(s, d(2026, 3, 13)) == consent_state::holds);
  // From the birthday the student decides: the parent's consent holds, the school asks theirs.
  CHECK(consent_state_on(s, d(2026, 3, 14)) == consent_state::holds_renew);
  CHECK(may_process(s, d(2026, 3, 14)));
  CHECK(may_process(s, d(2027, 6, 30)));

  SECTION("withdrawn after 16") {
    s.consent->withdrawn_on = d(2026, 5, 1);
    CHECK(consent_state_on(s, d(2026, 4, 30)) == consent_state::holds_renew);
    CHECK(consent_state_on(s, d(2026, 5, 1)) == consent_state::withdrawn);
    CHECK(!may_process(s, d(2026, 5, 1)));
  }
  SECTION("withdrawn before 16") {
    s.consent->withdrawn_on = d(2026, 1, 10);
    CHECK(consent_state_on(s, d(2026, 1, 9)) == consent_state::holds);
    CHECK(consent_state_on(s, d(2026, 1, 10)) == consent_state::withdrawn);
    CHECK(consent_state_on(s, d(2026, 3, 14)) == consent_state::withdrawn);
  }
  SECTION("replaced by the student's own consent") {
    give_consent(s, consent_giver::student, d(2026, 3, 20));
    CHECK(consent_state_on(s, d(2026, 3, 20)) == consent_state::holds);
  }
}

TEST_CASE("privacy: a student's own consent given below 16 never counts, not even from 16") {
  auto s = turning_16();
  // As a school file may carry it: give_consent would have refused it.
  s.consent = consent{consent_giver::student, d(2025, 9, 1), std::nullopt};
  CHECK(consent_state_on(s, d(2025, 9, 1)) == consent_state::wrong_giver);
  CHECK(consent_state_on(s, d(2026, 3, 14)) == consent_state::wrong_giver);
  CHECK(!may_process(s, d(2025, 9, 1)));
  CHECK(!may_process(s, d(2026, 6, 1)));
  s.consent->given_on = d(2026, 3, 13);  // the day before the birthday
  CHECK(consent_state_on(s, d(2026, 3, 14)) == consent_state::wrong_giver);
  s.consent->given_on = d(2026, 3, 14);  // the birthday itself
  CHECK(consent_state_on(s, d(2026, 3, 13)) == consent_state::missing);
  CHECK(consent_state_on(s, d(2026, 3, 14)) == consent_state::holds);
}

TEST_CASE("privacy: a parent's consent given from 16 does not count") {
  auto s = turning_16();
  s.consent = consent{consent_giver::parent, d(2026, 3, 14), std::nullopt};
  CHECK(consent_state_on(s, d(2026, 3, 14)) == consent_state::wrong_giver);
  CHECK(!may_process(s, d(2026, 4, 1)));
  s.consent->given_on = d(2026, 3, 13);
  CHECK(consent_state_on(s, d(2026, 3, 13)) == consent_state::holds);
  CHECK(consent_state_on(s, d(2026, 3, 14)) == consent_state::holds_renew);
}

TEST_CASE(
    "privacy: without a birth date a parent must consent, a birth date recorded later decides") {
  student s;
  s.id = student_id{2};
  s.consent = consent{consent_giver::parent, d(2025, 9, 1), std::nullopt};
  CHECK(consent_state_on(s, d(2025, 9, 1)) == consent_state::holds);
  s.consent->given_by = consent_giver::student;
  CHECK(consent_state_on(s, d(2025, 9, 1)) == consent_state::wrong_giver);

  s.birth_date = d(2009, 1, 1);  // 16 on the day the consent was given
  CHECK(consent_state_on(s, d(2025, 9, 1)) == consent_state::holds);
  s.consent->given_by = consent_giver::parent;
  CHECK(consent_state_on(s, d(2025, 9, 1)) == consent_state::wrong_giver);
  s.birth_date = d(2010, 3, 14);  // 15 that day
  CHECK(consent_state_on(s, d(2025, 9, 1)) == consent_state::holds);
}

TEST_CASE("privacy: consent holds only from the day it was given until the day it is withdrawn") {
  auto s = turning_16();
  CHECK(consent_state_on(s, d(2025, 9, 1)) == consent_state::missing);
  s.consent = consent{consent_giver::parent, d(2025, 10, 1), d(2025, 12, 1)};
  CHECK(consent_state_on(s, d(2025, 9, 30)) == consent_state::missing);  // not yet given
  CHECK(consent_state_on(s, d(2025, 10, 1)) == consent_state::holds);
  CHECK(consent_state_on(s, d(2025, 11, 30)) == consent_state::holds);
  CHECK(consent_state_on(s, d(2025, 12, 1)) == consent_state::withdrawn);
  CHECK(consent_state_on(s, d(2026, 2, 1)) == consent_state::withdrawn);
  s.consent->withdrawn_on = d(2025, 8, 1);  // a withdrawal dated before the consent
  CHECK(consent_state_on(s, d(2025, 9, 1)) == consent_state::missing);
  CHECK(consent_state_on(s, d(2025, 10, 1)) == consent_state::withdrawn);
  s.consent->given_on = date{};  // a consent without its date is none
  CHECK(consent_state_on(s, d(2025, 10, 1)) == consent_state::missing);
  // A consent that never counted says so, withdrawn or not.
  s.consent = consent{consent_giver::student, d(2025, 10, 1), d(2025, 12, 1)};
  CHECK(consent_state_on(s, d(2025, 12, 1)) == consent_state::wrong_giver);
}

TEST_CASE(
    "privacy: pairing, records and the research export refuse a consent the student gave at 15") {
  auto s = make_school();
  auto& brenda = s.students[0];  // buddy_1, born 14 March 2010, of pair_1 with Sam
  REQUIRE(brenda.id == buddy_1);
  const auto& sam = *s.find(supportee_1);
  const auto buddy = default_parameters(supporter_role::peer_buddy);
  REQUIRE(broken_rules(s, brenda, buddy, sam, hard_rules{}, start).empty());

  brenda.consent = consent{consent_giver::student, d(2025, 9, 1), std::nullopt};
  CHECK(broken_rules(s, brenda, buddy, sam, hard_rules{}, start) ==
        rule_set{pairing_rule::consent});
  CHECK(broken_rules(s, brenda, buddy, sam, hard_rules{}, d(2026, 4, 1)) ==
        rule_set{pairing_rule::consent});

  auto r = make_records();
  CHECK_THROWS_WITH(record_contact(r, s, contact(pair_1, start)), Catch::Contains("(wrong_giver)"));
  record_contact(r, s, contact(pair_2, start));
  const pseudonymiser ps("research key of the consent tests");
  const auto ex = export_for_research(r, s, ps, start + days(10));
  std::string csv;
  for (const auto* t : {&ex.pairs, &ex.pair_members, &ex.students, &ex.answers}) csv += to_csv(*t);
  CHECK(csv.find(ps.of(buddy_1).to_string()) == std::string::npos);
  CHECK(csv.find(ps.of(pair_1).to_string()) == std::string::npos);
  CHECK(csv.find(ps.of(pair_2).to_string()) != std::string::npos);
}

TEST_CASE("privacy: withdrawing consent ends processing for that student") {
  auto s = make_school();
  auto r = make_records();
  const auto q = default_questionnaire(stakeholder::supportee);
  record_contact(r, s, contact(pair_1, start, 60, {contact_topic::bullying}, true));
  record_contact(r, s, contact(pair_1, start + days(7)));
  record_contact(r, s, contact(newcomer_pair, start + days(2)));
  record_response(r, s,
                  {stakeholder::supportee,
                   evaluation_moment::interim,
                   supportee_1,
                   pair_1,
                   start + days(8),
                   {{0, 4}}},
                  q);
  const date on = start + days(10);

  SECTION("a supportee: the pair ends, notes and answers go, special-category data is erased") {
    const auto rep = withdraw_consent(r, s, supportee_1, on);
    CHECK(rep == withdrawal_report{1, 0, 0, 2, 1});
    const auto& pair = *r.find_pair(pair_1);
    CHECK(pair.ended == on);
    CHECK(pair.ended_because == end_reason::consent_withdrawn);
    REQUIRE(r.closures.size() == 1);
    CHECK(r.closures[0] == pair_closure{pair_1, on, end_reason::consent_withdrawn, std::nullopt});
    CHECK(std::none_of(r.contacts.begin(), r.contacts.end(),
                       [](const contact_record& c) { return c.pair == pair_1; }));
    CHECK(r.totals == std::vector<contact_totals>{{pair_1, 2025, 2, 120, 1}});  // counts only
    CHECK(r.responses.empty());
    const auto& sam = *s.find(supportee_1);
    CHECK(sam.needs.reveal(access_purpose{"test: the needs are gone"}).empty());
    CHECK(!may_process(sam, on));
    // Nothing new is recorded about them.
    CHECK_THROWS_WITH(
        record_response(
            r, s,
            {stakeholder::supportee, evaluation_moment::final, supportee_1, std::nullopt, on, {}},
            q),
        Catch::Contains("has no consent"));
    // The other pairs go on.
    CHECK(r.find_pair(pair_2)->active_on(on));
  }
  SECTION("one newcomer of a triple: the pair goes on with the other") {
    const auto rep = withdraw_consent(r, s, newcomer_1, on);
    CHECK(rep.pairs_left == 1);
    CHECK(rep.pairs_ended == 0);
    const auto& pair = *r.find_pair(newcomer_pair);
    CHECK(pair.supportees == std::vector<student_id>{newcomer_2});
    CHECK(pair.active_on(on));
    const auto& zeinab = *s.find(newcomer_1);
    CHECK(!zeinab.origin.reveal(access_purpose{"test: origin erased"}).has_value());
    CHECK(zeinab.languages.reveal(access_purpose{"test: languages erased"}).empty());
    CHECK(zeinab.groups.reveal(access_purpose{"test: groups erased"}).empty());
    record_contact(
        r, s, contact(newcomer_pair, on + days(1)));  // the pair with newcomer_2 is still followed
  }
  SECTION("a supporter: their pair ends and they leave their intervision group") {
    record_session(r, s, {buddies_group, start + days(7), {buddy_1, buddy_2}, {coach_a}});
    const auto rep = withdraw_consent(r, s, buddy_1, on);
    CHECK(rep.pairs_ended == 1);
    CHECK(!r.find_group(buddies_group)->has_member(buddy_1));
    CHECK(!r.sessions[0].was_present(buddy_1));
    CHECK(r.sessions[0].was_present(buddy_2));
    CHECK_THROWS_WITH(record_contact(r, s, contact(pair_1, on)), Catch::Contains("not active"));
  }
  SECTION("a pair that had not started yet is removed") {
    r.find_pair(pair_2)->started = on + days(5);
    const auto rep = withdraw_consent(r, s, supportee_2, on);
    CHECK(rep.pairs_erased == 1);
    CHECK(!mentions(r, pair_2));
  }
  SECTION("withdrawing again keeps the first day of withdrawal") {
    (void)withdraw_consent(r, s, supportee_1, on);
    (void)withdraw_consent(r, s, supportee_1, on + days(20));
    const auto& sam = *s.find(supportee_1);
    CHECK(sam.consent->withdrawn_on == on);
    CHECK(consent_state_on(sam, on + days(5)) == consent_state::withdrawn);
  }
  SECTION("withdrawing without consent, or for an unknown student, is refused") {
    s.students[1].consent.reset();
    CHECK_THROWS_WITH(withdraw_consent(r, s, buddy_2, on),
                      Catch::Contains("no consent to withdraw"));
    CHECK_THROWS_AS(withdraw_consent(r, s, student_id{999}, on), peerkit::error);
  }
}
