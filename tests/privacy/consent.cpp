#include <catch2/catch.hpp>

#include "../supervision/fixture.hpp"

using namespace fixture;

TEST_CASE("privacy: a parent consents below 16, the student from 16") {
  student s;
  s.id = student_id{1};
  s.birth_date = d(2010, 3, 14);
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
          "on 2025-09-01 consent is given by the parent (a parent below 16, the student from 16), found student");
  }
  CHECK_THROWS_AS(give_consent(s, consent_giver::parent, d(2026, 4, 1)), peerkit::error);
  give_consent(s, consent_giver::parent, d(2025, 9, 1));
  CHECK(consent_state_on(s, d(2025, 8, 31)) == consent_state::missing);
  CHECK(consent_state_on(s, d(2025, 9, 1)) == consent_state::holds);
  CHECK(may_process(s, d(2025, 9, 1)));
  // At 16 the parent's consent still holds, but the student is asked to give their own.
  CHECK(consent_state_on(s, d(2026, 3, 14)) == consent_state::holds_renew);
  CHECK(may_process(s, d(2026, 3, 14)));
  give_consent(s, consent_giver::student, d(2026, 3, 20));
  CHECK(consent_state_on(s, d(2026, 3, 20)) == consent_state::holds);
  s.consent->withdrawn_on = d(2026, 5, 1);
  CHECK(consent_state_on(s, d(2026, 4, 30)) == consent_state::holds);
  CHECK(consent_state_on(s, d(2026, 5, 1)) == consent_state::withdrawn);
  CHECK(!may_process(s, d(2026, 5, 1)));
}

TEST_CASE("privacy: withdrawing consent ends processing for that student") {
  auto s = make_school();
  auto r = make_records();
  const auto q = default_questionnaire(stakeholder::supportee);
  record_contact(r, s, contact(pair_1, start, 60, {contact_topic::bullying}, true));
  record_contact(r, s, contact(pair_1, start + days(7)));
  record_contact(r, s, contact(newcomer_pair, start + days(2)));
  record_response(r, s, {stakeholder::supportee, evaluation_moment::interim, supportee_1, pair_1, start + days(8), {{0, 4}}}, q);
  const date on = start + days(10);

  SECTION("a supportee: the pair ends, notes and answers go, special-category data is erased") {
    const auto rep = withdraw_consent(r, s, supportee_1, on);
    CHECK(rep == withdrawal_report{1, 0, 0, 2, 1});
    const auto& pair = *r.find_pair(pair_1);
    CHECK(pair.ended == on);
    CHECK(pair.ended_because == end_reason::consent_withdrawn);
    REQUIRE(r.closures.size() == 1);
    CHECK(r.closures[0] == pair_closure{pair_1, on, end_reason::consent_withdrawn, std::nullopt});
    CHECK(std::none_of(r.contacts.begin(), r.contacts.end(), [](const contact_record& c) { return c.pair == pair_1; }));
    CHECK(r.totals == std::vector<contact_totals>{{pair_1, 2025, 2, 120, 1}});  // counts only
    CHECK(r.responses.empty());
    const auto& sam = *s.find(supportee_1);
    CHECK(sam.needs.reveal(access_purpose{"test: the needs are gone"}).empty());
    CHECK(!may_process(sam, on));
    // Nothing new is recorded about them.
    CHECK_THROWS_WITH(record_response(r, s, {stakeholder::supportee, evaluation_moment::final, supportee_1,
                                             std::nullopt, on, {}}, q),
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
    record_contact(r, s, contact(newcomer_pair, on + days(1)));  // the pair with newcomer_2 is still followed
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
  SECTION("withdrawing without consent, or for an unknown student, is refused") {
    s.students[1].consent.reset();
    CHECK_THROWS_WITH(withdraw_consent(r, s, buddy_2, on), Catch::Contains("no consent to withdraw"));
    CHECK_THROWS_AS(withdraw_consent(r, s, student_id{999}, on), peerkit::error);
  }
}
