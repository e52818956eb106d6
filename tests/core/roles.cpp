#include <catch2/catch.hpp>

#include <peerkit/core/roles.hpp>
#include <peerkit/core/staff_roles.hpp>

using namespace peerkit;

namespace {
struct not_a_role {};
struct school_buddy {};
struct broken_buddy {};
}  // namespace

// A school's own role, derived from a shipped one with one trait changed.
template <>
struct peerkit::role_traits<school_buddy> : role_traits<peer_buddy> {
  static constexpr auto parameters =
      role_traits<peer_buddy>::parameters.with_supportees_per_supporter({1, 3});
};
// A role whose traits contradict themselves is not a Role.
template <>
struct peerkit::role_traits<broken_buddy> : role_traits<peer_buddy> {
  static constexpr auto parameters =
      role_traits<peer_buddy>::parameters.with_supportees_per_supporter({3, 1});
};

TEST_CASE("core: every shipped supporter role models Role") {
  STATIC_REQUIRE(Role<peer_leader>);
  STATIC_REQUIRE(Role<peer_buddy>);
  STATIC_REQUIRE(Role<newcomer_buddy>);
  STATIC_REQUIRE(Role<peer_tutor>);
  STATIC_REQUIRE(Role<peer_mentor>);
  STATIC_REQUIRE(Role<peer_coach>);
  STATIC_REQUIRE(Role<confidant_student>);
  STATIC_REQUIRE(Role<peer_mediator>);
  STATIC_REQUIRE(Role<peer_educator>);
  STATIC_REQUIRE(Role<school_buddy>);
  STATIC_REQUIRE(!Role<not_a_role>);
  STATIC_REQUIRE(!Role<int>);
  STATIC_REQUIRE(!Role<broken_buddy>);
}

TEST_CASE("core: every shipped staff role models StaffRole") {
  STATIC_REQUIRE(StaffRole<coordinator>);
  STATIC_REQUIRE(StaffRole<teacher_coach>);
  STATIC_REQUIRE(StaffRole<class_mentor>);
  STATIC_REQUIRE(StaffRole<confidential_teacher>);
  STATIC_REQUIRE(StaffRole<care_coordinator>);
  STATIC_REQUIRE(StaffRole<team_leader>);
  STATIC_REQUIRE(!StaffRole<peer_buddy>);
  STATIC_REQUIRE(!StaffRole<int>);
  CHECK(name_of(staff_role::confidential_teacher) == "confidential teacher");
  CHECK(staff_role_traits<teacher_coach>::duties.leads_intervision);
}

TEST_CASE("core: role traits follow the sources") {
  constexpr auto leader = role_traits<peer_leader>::parameters;
  CHECK(leader.form == support_form::duo_for_class);
  CHECK(leader.supporters_per_unit == count_range{2, 2});  // two leaders per first-year class
  CHECK(leader.intervision.interval_weeks == count_range{2, 2});

  constexpr auto buddy = role_traits<peer_buddy>::parameters;
  CHECK(buddy.supportees_per_supporter == count_range{1, 2});  // one, sometimes two
  CHECK(buddy.meets == meeting_place::at_school);

  constexpr auto newcomer = role_traits<newcomer_buddy>::parameters;
  CHECK(newcomer.meets == meeting_place::outside_school_after_hours);
  CHECK(newcomer.newcomers_only);
  CHECK(newcomer.intervision.interval_weeks == count_range{3, 4});  // every 3-4 weeks
  CHECK(newcomer.training.sessions == 3);                           // three half-days
  CHECK(newcomer.training.total_minutes() == 3 * minutes_per_half_day);
}

TEST_CASE("core: a school's own role keeps the traits it does not change") {
  constexpr auto mine = role_traits<school_buddy>::parameters;
  CHECK(mine.supportees_per_supporter == count_range{1, 3});
  CHECK(mine.meets == role_traits<peer_buddy>::parameters.meets);
  CHECK(role_traits<school_buddy>::name == "peer buddy");
}

TEST_CASE("core: run-time role values match the compile-time traits") {
  for (auto r : all_supporter_roles) {
    CHECK(from_key<supporter_role>(key_of(r)) == r);
    CHECK(default_parameters(r).valid());
  }
  CHECK(name_of(supporter_role::newcomer_buddy) == "newcomer buddy");
  CHECK(default_parameters(supporter_role::peer_leader) == role_traits<peer_leader>::parameters);
  CHECK_FALSE(from_key<supporter_role>("buddy").has_value());
}

TEST_CASE("core: the Hoofdvaart intervision cadence is expressible") {
  // every two weeks at first (four times), then monthly
  constexpr intervision_cadence hoofdvaart{4, 2, {4, 4}};
  STATIC_REQUIRE(hoofdvaart.valid());
  STATIC_REQUIRE(!intervision_cadence{2, 0, {2, 2}}.valid());
}
