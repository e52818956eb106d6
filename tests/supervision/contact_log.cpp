#include <catch2/catch.hpp>

#include <type_traits>

#include "fixture.hpp"

using namespace fixture;

TEST_CASE("supervision: a contact record is structured data without text") {
  STATIC_REQUIRE(std::is_trivially_copyable_v<contact_record>);
  STATIC_REQUIRE(sizeof(topic_set) == 2);
  constexpr topic_set t{contact_topic::bullying, contact_topic::homework_planning};
  STATIC_REQUIRE(t.contains(contact_topic::bullying));
  STATIC_REQUIRE(!t.contains(contact_topic::conflict));
  STATIC_REQUIRE(t.size() == 2);
  STATIC_REQUIRE(t.with(contact_topic::conflict).size() == 3);
  STATIC_REQUIRE(t.subset_of(t.with(contact_topic::conflict)));
  STATIC_REQUIRE(t.valid());
  STATIC_REQUIRE(enum_keys<contact_topic>::keys.size() == contact_topic_count);
  CHECK(key_of(contact_kind::online) == "online");
  CHECK(from_key<contact_topic>("customs_and_culture") == contact_topic::customs_and_culture);
  // No topic for health, family, religion or love life: those go to an adult.
  for (auto k : enum_keys<contact_topic>::keys) {
    CHECK(k.find("health") == std::string_view::npos);
    CHECK(k.find("family") == std::string_view::npos);
    CHECK(k.find("relig") == std::string_view::npos);
  }
}

TEST_CASE("supervision: a contact plan gives meetings and the gap between them") {
  constexpr contact_plan weekly{};
  STATIC_REQUIRE(weekly.valid());
  STATIC_REQUIRE(weekly.interval_days() == 7);
  STATIC_REQUIRE(weekly.meetings_in(28) == 4);
  STATIC_REQUIRE(weekly.meetings_in(27) == 3);
  constexpr contact_plan twice_a_week{2, 1, 30};
  STATIC_REQUIRE(twice_a_week.interval_days() == 4);
  STATIC_REQUIRE(twice_a_week.meetings_in(14) == 4);
  constexpr contact_plan fortnightly{1, 2, 60};
  STATIC_REQUIRE(fortnightly.interval_days() == 14);
  STATIC_REQUIRE(!contact_plan{0, 1, 60}.valid());
  STATIC_REQUIRE(!contact_plan{1, 1, max_contact_minutes + 1}.valid());
}

TEST_CASE("supervision: recording a contact checks the record, the pair and consent") {
  auto s = make_school();
  auto r = make_records();

  record_contact(r, s, contact(pair_1, start));
  REQUIRE(r.contacts.size() == 1);

  SECTION("malformed records are refused with every problem") {
    contact_record bad = contact(pair_1, start, 0);
    bad.topics.bits = 0xFFFF;
    try {
      record_contact(r, s, bad);
      FAIL("expected peerkit::error");
    } catch (const peerkit::error& e) {
      REQUIRE(e.problems().size() == 2);
      CHECK(e.problems()[0].id == "data.out_of_range");
      CHECK(e.problems()[0].location == "contacts[1].minutes");
      CHECK(e.problems()[1].location == "contacts[1].topics");
    }
    CHECK(r.contacts.size() == 1);
  }
  SECTION("an unknown pair, or a day the pair is not active") {
    CHECK_THROWS_WITH(record_contact(r, s, contact(pair_id{99}, start)),
                      Catch::Contains("no pair has id 99"));
    try {
      record_contact(r, s, contact(pair_1, start - days(1)));
      FAIL("expected peerkit::error");
    } catch (const peerkit::error& e) {
      CHECK(e.id() == "supervision.pair_not_active");
    }
  }
  SECTION("a student of the pair without consent") {
    s.students[5].consent.reset();  // supportee_1
    try {
      record_contact(r, s, contact(pair_1, start + days(7)));
      FAIL("expected peerkit::error");
    } catch (const peerkit::error& e) {
      CHECK(e.id() == "privacy.no_consent");
      CHECK(e.problems()[0].message.find("201") != std::string::npos);
      CHECK(e.problems()[0].message.find("Sam") == std::string::npos);
    }
  }
}

TEST_CASE("supervision: the limits of peer support per role") {
  STATIC_REQUIRE(limits_of(supporter_role::peer_buddy).handles.contains(contact_topic::bullying));
  STATIC_REQUIRE(!limits_of(supporter_role::peer_tutor).handles.contains(contact_topic::bullying));
  STATIC_REQUIRE(
      limits_of(supporter_role::newcomer_buddy).handles.contains(contact_topic::dutch_language));
  STATIC_REQUIRE(limits_of(supporter_role::peer_buddy).refers_first_to == staff_role::class_mentor);
  STATIC_REQUIRE(limits_of(supporter_role::newcomer_buddy).refers_first_to ==
                 staff_role::teacher_coach);
  STATIC_REQUIRE(limits_of(supporter_role::confidant_student).refers_first_to ==
                 staff_role::confidential_teacher);
  constexpr topic_set asked{contact_topic::lesson_content, contact_topic::conflict};
  STATIC_REQUIRE(beyond_limits(supporter_role::peer_tutor, asked) ==
                 topic_set{contact_topic::conflict});
  STATIC_REQUIRE(beyond_limits(supporter_role::peer_buddy, asked).empty());

  STATIC_REQUIRE(tier_for(referral_signal::unsafe_at_home) == severity::safety);
  STATIC_REQUIRE(tier_for(referral_signal::self_harm) == severity::safety);
  STATIC_REQUIRE(tier_for(referral_signal::substance_use) == severity::urgent);
  STATIC_REQUIRE(tier_for(referral_signal::persistent_bullying) == severity::concern);
  for (auto role : all_supporter_roles) {
    CHECK(!limits_of(role).handles.empty());
    CHECK(receives_escalations(limits_of(role).refers_first_to));
  }
}
