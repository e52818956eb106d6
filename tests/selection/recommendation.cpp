#include <catch2/catch.hpp>

#include <peerkit/selection/recommendation.hpp>

using namespace peerkit;

namespace {
student with_needs(std::vector<need> needs, int year = 3,
                   school_track track = school_track::vmbo_kader) {
  student s;
  s.id = student_id{42};
  s.year = year;
  s.track = track;
  s.needs = needs_data(std::move(needs));
  return s;
}
std::vector<supporter_role> roles_of(const role_recommendation& r) {
  std::vector<supporter_role> out;
  for (const auto& a : r.roles) out.push_back(a.role);
  return out;
}
std::vector<need> because(const role_advice& a) {
  return a.because.reveal(access_purpose{"test: check the needs behind a recommendation"});
}
}  // namespace

TEST_CASE("selection: roles recommended from needs follow source 004") {
  const needs_table table;
  auto single = [&](need n) { return roles_of(table.recommend(with_needs({n}))); };
  using enum supporter_role;
  CHECK(single(need::shy_or_insecure) == std::vector{peer_leader});
  CHECK(single(need::falling_behind) == std::vector{peer_tutor});
  CHECK(single(need::conflict_behaviour) == std::vector{peer_buddy});
  CHECK(single(need::personal_problems) == std::vector{peer_buddy});
  CHECK(single(need::autism) == std::vector{peer_buddy});
  CHECK(single(need::bullied) == std::vector{peer_buddy});
  // First-years get a peer leader, newcomers a newcomer buddy, whatever their needs.
  const auto first_year = table.recommend(with_needs({}, 1, school_track::havo));
  REQUIRE(first_year.roles.size() == 1);
  CHECK(first_year.roles[0].role == peer_leader);
  CHECK(first_year.roles[0].first_year);
  CHECK(because(first_year.roles[0]).empty());
  const auto newcomer = table.recommend(with_needs({need::falling_behind}, 1, school_track::isk));
  CHECK(roles_of(newcomer) == std::vector{newcomer_buddy, peer_tutor});
  CHECK(newcomer.recommends(newcomer_buddy));
  CHECK_FALSE(newcomer.recommends(peer_leader));  // an ISK student is not a first-year
  CHECK(table.recommend(with_needs({})).roles.empty());
  // The stateless form used by compile-time rules says the same.
  CHECK(source_recommendation{}.recommend(with_needs({need::autism}, 1, school_track::havo)) ==
        table.recommend(with_needs({need::autism}, 1, school_track::havo)));
}

TEST_CASE("selection: several needs pointing to one role are gathered, and stay sensitive") {
  const auto r = needs_table{}.recommend(
      with_needs({need::bullied, need::autism, need::shy_or_insecure, need::autism}));
  REQUIRE(r.roles.size() == 2);
  CHECK(r.student == student_id{42});
  CHECK(r.roles[0].role == supporter_role::peer_leader);
  CHECK(r.roles[1].role == supporter_role::peer_buddy);
  CHECK(because(r.roles[1]) == std::vector<need>{need::autism, need::bullied});
  STATIC_REQUIRE(is_sensitive_v<decltype(role_advice::because)>);
  STATIC_REQUIRE(decltype(role_advice::because)::category == special_category::health);
}

TEST_CASE("selection: a school changes the mapping") {
  // This school sends students who fall behind to a peer mentor as well, and has no
  // leaders for its first-years.
  std::vector<need_rule> rules(source_need_rules.begin(), source_need_rules.end());
  rules.push_back({need::falling_behind, supporter_role::peer_mentor});
  const needs_table ours(rules, std::nullopt, supporter_role::newcomer_buddy);
  const auto r = ours.recommend(with_needs({need::falling_behind}, 1, school_track::havo));
  CHECK(roles_of(r) == std::vector{supporter_role::peer_tutor, supporter_role::peer_mentor});
  CHECK(ours.for_first_years() == std::nullopt);

  rules.push_back({need::falling_behind, supporter_role::peer_mentor});
  try {
    needs_table twice(rules, std::nullopt, std::nullopt);
    FAIL("expected peerkit::error");
  } catch (const error& e) {
    CHECK(e.id() == "selection.duplicate_need_rule");
    CHECK(e.problems()[0].location == "recommendation.rules[11]");
  }
}
