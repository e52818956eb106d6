#include <catch2/catch.hpp>

#include "../supervision/fixture.hpp"

using namespace fixture;

TEST_CASE("privacy: a retention policy cannot keep data past the legal limit") {
  CHECK_NOTHROW(validate(retention_policy{}));
  CHECK_NOTHROW(validate(retention_policy{1, true, false}));
  try {
    validate(retention_policy{3, false, false});
    FAIL("expected peerkit::error");
  } catch (const peerkit::error& e) {
    REQUIRE(e.problems().size() == 2);
    CHECK(e.id() == "privacy.retention_too_long");
    CHECK(e.problems()[0].message == "expected 0..2 years after leaving, found 3");
  }
}

TEST_CASE("privacy: contact notes are deleted at the end of the pair and of the school year") {
  auto s = make_school();
  auto r = make_records();
  record_contact(r, s, contact(pair_1, start, 60, {contact_topic::bullying}, true));
  record_contact(r, s, contact(pair_1, start + days(7), 30));
  record_contact(r, s, contact(pair_2, start, 45));
  record_contact(r, s, contact(pair_2, d(2026, 7, 1), 50));
  (void)record_closure(r, pair_1, start + days(20), end_reason::no_click);

  SECTION("before the pair ends nothing goes") {
    CHECK(purge(r, s, {}, start + days(19)) == purge_report{});
    CHECK(r.contacts.size() == 4);
  }
  SECTION("at the end of the pair its notes go; their counts stay") {
    const auto rep = purge(r, s, {}, start + days(20));
    CHECK(rep.contacts_deleted == 2);
    CHECK(r.contacts.size() == 2);
    CHECK(r.totals == std::vector<contact_totals>{{pair_1, 2025, 2, 90, 1}});
    CHECK(mentions(r, pair_1));  // the pair itself is kept while its students are at school
  }
  SECTION("at the end of the school year every note of that year goes") {
    const auto rep = purge(r, s, {}, d(2026, 8, 1));
    CHECK(rep.contacts_deleted == 4);
    CHECK(r.contacts.empty());
    CHECK(r.totals ==
          std::vector<contact_totals>{{pair_1, 2025, 2, 90, 1}, {pair_2, 2025, 2, 95, 0}});
  }
  SECTION("a school that keeps notes for the pair's whole life") {
    CHECK(purge(r, s, {2, true, false}, d(2026, 8, 1)).contacts_deleted == 2);
  }
}

TEST_CASE("privacy: a purge removes every trace of a student past the school's limit") {
  auto s = make_school();
  auto r = make_records();
  const auto q = default_questionnaire(stakeholder::supportee);
  record_contact(r, s, contact(pair_1, start));
  record_session(r, s, {buddies_group, start + days(14), {buddy_1, buddy_2}, {coach_a}});
  auto e = raise_escalation(escalation_id{1}, *r.find_pair(pair_1), buddy_1, severity::concern,
                            start + days(3));
  r.escalations.push_back(e);
  record_response(r, s,
                  {stakeholder::supportee,
                   evaluation_moment::final,
                   supportee_1,
                   pair_1,
                   start + days(30),
                   {{0, 3}}},
                  q);
  (void)record_closure(r, pair_1, d(2026, 6, 30), end_reason::period_completed);
  r.departures.push_back({supportee_1, d(2026, 7, 17)});

  SECTION("kept until two years after leaving") {
    const auto rep = purge(r, s, {}, d(2028, 7, 16));
    CHECK(rep.students_erased == 0);
    CHECK(mentions(r, s, supportee_1));
  }
  SECTION("gone from every record and from the school") {
    REQUIRE(mentions(r, s, supportee_1));
    REQUIRE(mentions(r, pair_1));
    const auto rep = purge(r, s, {}, d(2028, 7, 17));
    CHECK(rep.students_erased == 1);
    CHECK(rep.pairs_erased == 1);
    CHECK(rep.escalations_erased == 1);
    CHECK(rep.responses_erased == 1);
    CHECK(!mentions(r, s, supportee_1));
    CHECK(!mentions(r, pair_1));
    CHECK(s.find(supportee_1) == nullptr);
    // Nothing that held their special-category data is left: no student of the school has it.
    for (const auto& st : s.students)
      CHECK(st.needs.reveal(access_purpose{"test: search for the erased needs"}).empty());
    // The supporter, still at school, keeps their own place.
    CHECK(mentions(r, s, buddy_1));
    CHECK(r.find_group(buddies_group)->has_member(buddy_1));
  }
  SECTION("a school with a shorter limit purges sooner") {
    CHECK(purge(r, s, {1, true, true}, d(2027, 7, 17)).students_erased == 1);
    CHECK(!mentions(r, s, supportee_1));
  }
  SECTION("a leaving supporter is removed from intervision too") {
    r.departures.push_back({buddy_2, d(2026, 7, 17)});
    (void)purge(r, s, {}, d(2028, 8, 1));
    CHECK(!mentions(r, s, buddy_2));
    CHECK(!r.find_group(buddies_group)->has_member(buddy_2));
    CHECK(!r.sessions[0].was_present(buddy_2));
    CHECK(!mentions(r, pair_2));
  }
}
