#include <catch2/catch.hpp>

#include "../supervision/fixture.hpp"

using namespace fixture;

namespace {
template <class View>
concept SeesPairs = requires(const View& v) { v.pairs(); };
template <class View>
concept SeesContacts = requires(const View& v, typename View::ref r) { v.contacts(r); };
template <class View>
concept SeesFigures = requires(const View& v, date day) { v.figures(day, day); };
template <class View>
concept SeesAttendance = requires(const View& v) { v.attendance(); };
template <class View>
concept SeesEscalations = requires(const View& v) { v.escalations(); };
template <class View>
concept SeesAnswers = requires(const View& v) { v.answers(); };
template <class View>
concept TakesRawPairId = requires(const View& v, pair_id id) { v.contacts(id); };
template <class View, class Ref>
concept TakesRef = requires(const View& v, Ref r) { v.pair(r); };

/// A school that lets coaches see answers about their groups: within a coach's reach.
struct answers_for_coaches {
  static constexpr access_scope scope(viewer_role v, data_kind k) {
    if (v == viewer_role::teacher_coach && k == data_kind::evaluation_answers)
      return access_scope::groups;
    return default_access_policy::scope(v, k);
  }
};
/// A policy that would let a buddy see the whole programme: beyond a buddy's reach.
struct buddies_see_everything {
  static constexpr access_scope scope(viewer_role v, data_kind k) {
    if (v == viewer_role::supporter && k == data_kind::pairs) return access_scope::programme;
    return default_access_policy::scope(v, k);
  }
};
/// A policy that would show care staff the special categories.
struct care_sees_health {
  static constexpr access_scope scope(viewer_role v, data_kind k) {
    if (v == viewer_role::care_staff && k == data_kind::special_category)
      return access_scope::cases;
    return default_access_policy::scope(v, k);
  }
};

std::vector<pair_id> ids(const auto& view) {
  std::vector<pair_id> found;
  for (auto r : view.pairs()) found.push_back(r.id());
  return found;
}
}  // namespace

TEST_CASE("privacy: each view type offers only what its role may see") {
  STATIC_REQUIRE(SeesPairs<buddy_view> && SeesContacts<buddy_view> && SeesFigures<buddy_view> &&
                 SeesAttendance<buddy_view>);
  STATIC_REQUIRE(!SeesEscalations<buddy_view> && !SeesAnswers<buddy_view>);
  STATIC_REQUIRE(SeesContacts<coach_view> && SeesEscalations<coach_view> &&
                 !SeesAnswers<coach_view>);
  STATIC_REQUIRE(SeesFigures<mentor_view> && SeesEscalations<mentor_view> &&
                 !SeesContacts<mentor_view> && !SeesAttendance<mentor_view>);
  STATIC_REQUIRE(SeesEscalations<care_view> && !SeesContacts<care_view> && !SeesFigures<care_view>);
  STATIC_REQUIRE(SeesFigures<coordinator_view> && SeesAnswers<coordinator_view> &&
                 SeesEscalations<coordinator_view>);
  STATIC_REQUIRE(!SeesContacts<coordinator_view>);  // the coordinator sees figures, not the log
  STATIC_REQUIRE(!TakesRawPairId<buddy_view>);
  STATIC_REQUIRE(!TakesRef<buddy_view, coach_view::ref>);
  STATIC_REQUIRE(TakesRef<buddy_view, buddy_view::ref>);
  STATIC_REQUIRE(!std::is_constructible_v<buddy_view::ref, pair_id, std::uint32_t>);

  STATIC_REQUIRE(respects_reach<default_access_policy>());
  STATIC_REQUIRE(respects_reach<answers_for_coaches>());
  STATIC_REQUIRE(SeesAnswers<records_view<viewer_role::teacher_coach, answers_for_coaches>>);
  STATIC_REQUIRE(!respects_reach<buddies_see_everything>());
  STATIC_REQUIRE(!respects_reach<care_sees_health>());
  for (auto v : all_viewer_roles)
    CHECK(default_access_policy::scope(v, data_kind::special_category) == access_scope::none);
}

TEST_CASE("privacy: a buddy sees only their own pairs") {
  const auto s = make_school();
  auto r = make_records();
  record_contact(r, s, contact(pair_1, start));
  record_contact(r, s, contact(pair_2, start));
  record_session(r, s, {buddies_group, start + days(14), {buddy_1, buddy_2}, {coach_a}});

  const buddy_view mine(r, s, buddy_1);
  REQUIRE(ids(mine) == std::vector<pair_id>{pair_1});
  const auto ref = mine.pairs().front();
  CHECK(mine.pair(ref)->supportees == std::vector<student_id>{supportee_1});
  CHECK(mine.contacts(ref).size() == 1);
  CHECK(mine.figures(ref, start, start + days(7)).actual_meetings == 1);
  CHECK(mine.figures(start, start + days(28)) == contact_figures{4, 1, 240, 60});
  const auto sessions = mine.attendance();
  REQUIRE(sessions.size() == 1);
  CHECK(sessions[0].present == std::vector<student_id>{buddy_1});  // not who else came

  SECTION("another buddy's handle yields nothing") {
    const buddy_view other(r, s, buddy_2);
    const auto foreign = other.pairs().front();
    CHECK(mine.pair(foreign) == nullptr);
    CHECK(mine.contacts(foreign).empty());
    CHECK(mine.figures(foreign, start, start + days(7)) == contact_figures{});
  }
  SECTION("a leader of a duo sees the duo") {
    CHECK(ids(buddy_view(r, s, leader_2)) == std::vector<pair_id>{duo_pair});
    CHECK(ids(buddy_view(r, s, supportee_1)).empty());
  }
}

TEST_CASE(
    "privacy: a teacher coach sees their groups, a mentor their classes, care staff their cases") {
  const auto s = make_school();
  auto r = make_records();
  record_session(r, s, {buddies_group, start + days(14), {buddy_1}, {coach_a}});
  record_session(r, s, {newcomer_group, start + days(21), {isk_buddy}, {coach_b}});
  auto e = raise_escalation(escalation_id{1}, *r.find_pair(newcomer_pair), isk_buddy,
                            severity::urgent, start + days(5));
  record_encouraged(e, start + days(5));
  record_refused(e, start + days(5));
  record_informed(e, staff(s, coach_b), staff_role::teacher_coach, start + days(5));
  record_informed(e, staff(s, care_coordinator_id), staff_role::care_coordinator, start + days(6));
  r.escalations.push_back(e);
  r.escalations.push_back(raise_escalation(escalation_id{2}, *r.find_pair(pair_1), buddy_1,
                                           severity::concern, start + days(7)));

  const coach_view a(r, s, coach_a);
  CHECK(ids(a) == std::vector<pair_id>{pair_1, pair_2, duo_pair});
  CHECK(a.attendance().size() == 1);
  CHECK(a.escalations().size() == 1);
  const coach_view b(r, s, coach_b);
  CHECK(ids(b) == std::vector<pair_id>{newcomer_pair});
  CHECK(b.escalations().front().id == escalation_id{1});

  CHECK(ids(mentor_view(r, s, mentor_1a)) == std::vector<pair_id>{pair_1});
  CHECK(ids(mentor_view(r, s, mentor_1b)) ==
        std::vector<pair_id>{pair_2, duo_pair});  // a served class too
  CHECK(ids(mentor_view(r, s, mentor_isk)) == std::vector<pair_id>{newcomer_pair});
  CHECK(mentor_view(r, s, mentor_3c).pairs().empty());  // the supporters' own mentor sees no pairs
  CHECK(mentor_view(r, s, mentor_1a).escalations().size() == 1);

  const care_view care(r, s, care_coordinator_id);
  CHECK(ids(care) == std::vector<pair_id>{newcomer_pair});
  CHECK(care.escalations().size() == 1);
  CHECK(care_view(r, s, confidential_id).escalations().empty());

  const coordinator_view coordinator(r, s, coordinator_id);
  CHECK(ids(coordinator).size() == 4);
  CHECK(coordinator.escalations().size() == 2);
  CHECK(coordinator.attendance().size() == 2);
}

TEST_CASE("privacy: a school may widen a role within its reach") {
  const auto s = make_school();
  auto r = make_records();
  const auto q = default_questionnaire(stakeholder::supportee);
  record_response(r, s,
                  {stakeholder::supportee,
                   evaluation_moment::interim,
                   supportee_1,
                   pair_1,
                   start + days(30),
                   {{0, 4}}},
                  q);
  record_response(r, s,
                  {stakeholder::supportee,
                   evaluation_moment::interim,
                   newcomer_1,
                   newcomer_pair,
                   start + days(30),
                   {{0, 5}}},
                  q);
  const records_view<viewer_role::teacher_coach, answers_for_coaches> a(r, s, coach_a);
  REQUIRE(a.answers().size() == 1);
  CHECK(a.answers()[0].pair == pair_1);
  CHECK(coordinator_view(r, s, coordinator_id).answers().size() == 2);
}
