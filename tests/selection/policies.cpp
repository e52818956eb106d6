#include <catch2/catch.hpp>

#include <peerkit/core/policy.hpp>
#include <peerkit/core/roles_policy.hpp>
#include <peerkit/selection/choose.hpp>
#include <peerkit/selection/policy.hpp>

using namespace peerkit;

namespace {
struct school_buddy {};

using ten_point_profile =
    criteria_profile<required<empathy, 6, 2>, required<patient, 6, 2>, welcome<talks_easily>,
                     max_fail_marks<1>, interview_required>;
using ten_point_rules =
    selection_rules<scale_of<1, 10>, role_rule<peer_buddy, ten_point_profile, 2, 2>,
                    role_rule<peer_leader>>;

// Types that are not selection policies.
struct no_family {
  rating_scale scale() const { return {}; }
  std::vector<selection_rule> rules() const { return {}; }
  role_recommendation recommend(const student&) const { return {}; }
};
struct wrong_rules {
  using policy_family = selection_family;
  rating_scale scale() const { return {}; }
  std::vector<int> rules() const { return {}; }
  role_recommendation recommend(const student&) const { return {}; }
};
struct no_recommendation {
  using policy_family = selection_family;
  rating_scale scale() const { return {}; }
  std::vector<selection_rule> rules() const { return {}; }
};
// A school's own recommendation policy: every student gets a peer mentor.
struct mentor_for_all {
  role_recommendation recommend(const student& s) const {
    return {s.id, {role_advice{supporter_role::peer_mentor, {}, false, false}}};
  }
};
}  // namespace

template <>
struct peerkit::role_traits<school_buddy> : role_traits<peer_buddy> {
  static constexpr auto parameters =
      role_traits<peer_buddy>::parameters.with_supportees_per_supporter({1, 3});
};

TEST_CASE("selection: SelectionPolicy, both ways") {
  STATIC_REQUIRE(SelectionPolicy<default_selection>);
  STATIC_REQUIRE(SelectionPolicy<ten_point_rules>);
  STATIC_REQUIRE(SelectionPolicy<selection_rules<recommend_with<mentor_for_all>>>);
  STATIC_REQUIRE(SelectionPolicy<runtime_selection>);
  STATIC_REQUIRE(!SelectionPolicy<int>);
  STATIC_REQUIRE(!SelectionPolicy<role_set<peer_buddy>>);  // a policy of another family
  STATIC_REQUIRE(!SelectionPolicy<no_family>);
  STATIC_REQUIRE(!SelectionPolicy<wrong_rules>);
  STATIC_REQUIRE(!SelectionPolicy<no_recommendation>);
  STATIC_REQUIRE(RecommendationPolicy<needs_table>);
  STATIC_REQUIRE(RecommendationPolicy<source_recommendation>);
  STATIC_REQUIRE(RecommendationPolicy<mentor_for_all>);
  STATIC_REQUIRE(!RecommendationPolicy<int>);
  STATIC_REQUIRE(!RecommendationPolicy<no_recommendation>);
  STATIC_REQUIRE(SelectionPart<scale_of<0, 4>>);
  STATIC_REQUIRE(!SelectionPart<buddy_profile>);
}

TEST_CASE("selection: a programme finds its selection policy among its policies") {
  using given =
      policy_for<selection_family, default_selection, role_set<peer_buddy>, ten_point_rules>;
  STATIC_REQUIRE(std::is_same_v<given, ten_point_rules>);
  using defaulted = policy_for<selection_family, default_selection, role_set<peer_buddy>>;
  STATIC_REQUIRE(std::is_same_v<defaulted, default_selection>);
  STATIC_REQUIRE(one_policy_per_family<role_set<peer_buddy>, runtime_selection>);
  STATIC_REQUIRE(!one_policy_per_family<default_selection, runtime_selection>);
}

TEST_CASE("selection: compile-time rules give the scale, the rules and the defaults") {
  constexpr ten_point_rules rules{};
  STATIC_REQUIRE(rules.scale() == rating_scale{1, 10});
  STATIC_REQUIRE(default_selection{}.scale() == default_rating_scale);
  const auto list = rules.rules();
  REQUIRE(list.size() == 2);
  CHECK(list[0] ==
        selection_rule{supporter_role::peer_buddy, to_runtime_profile<ten_point_profile>(), 2, 2});
  CHECK(list[1] ==
        selection_rule{supporter_role::peer_leader, to_runtime_profile<leader_profile>(), 0, {}});
  // A role without a rule falls back to its default profile.
  CHECK(rule_for(rules, supporter_role::newcomer_buddy) ==
        selection_rule{
            supporter_role::newcomer_buddy, to_runtime_profile<newcomer_buddy_profile>(), 0, {}});
  // A school's role tag is ruled by the kind it derives from.
  using own = selection_rules<role_rule<school_buddy, buddy_profile, 1>>;
  CHECK(rule_for(own{}, supporter_role::peer_buddy).reserves == 1);
}

TEST_CASE("selection: the same policy at compile time and at run time") {
  const runtime_selection by_values(
      rating_scale{1, 10},
      {{supporter_role::peer_buddy,
        {.required = {{"empathy", 6, 2}, {"patient", 6, 2}},
         .welcome = {{"talks_easily", 1}},
         .gates = {.max_fail_marks = 1, .interview = true}},
        2,
        2},
       {supporter_role::peer_leader, default_profile(supporter_role::peer_leader), 0, {}}});
  const ten_point_rules by_type{};
  CHECK(by_values.scale() == by_type.scale());
  CHECK(by_values.rules() == by_type.rules());
  CHECK(runtime_selection{}.rules().empty());
  CHECK(runtime_selection{}.scale() == default_rating_scale);
}

TEST_CASE("selection: a rule's capacity and reserves shape the numbers") {
  school s;
  const auto result = choose(s, {}, role_set<peer_buddy>{}, ten_point_rules{},
                             {{supporter_role::peer_buddy, 15}});
  CHECK(result.roles[0].needed == 8);  // 15 supportees, two per buddy
  CHECK(result.roles[0].reserves == 2);
  // The school's role takes up to three supportees, but plans one each unless told.
  const auto own = choose(s, {}, role_set<school_buddy>{}, default_selection{},
                          {{supporter_role::peer_buddy, 15}});
  CHECK(own.roles[0].needed == 15);
}

TEST_CASE("selection: a run-time policy is validated with located problems") {
  try {
    runtime_selection bad(rating_scale{1, 10},
                          {{supporter_role::peer_buddy, {.required = {{"empathy", 11, 1}}}, -1, 0},
                           {supporter_role::peer_buddy, {}, 0, {}}});
    FAIL("expected peerkit::error");
  } catch (const error& e) {
    std::vector<std::string> found;
    for (const auto& p : e.problems()) found.push_back(p.id + " @ " + p.location);
    CHECK(found ==
          std::vector<std::string>{
              "selection.profile_outside_scale @ selection.rules[0].profile.required[0].minimum",
              "selection.invalid_rule @ selection.rules[0].reserves",
              "selection.invalid_rule @ selection.rules[0].capacity",
              "selection.duplicate_rule @ selection.rules[1].role",
          });
  }
  CHECK_THROWS_AS(runtime_selection(rating_scale{5, 5}), error);
  // The default profiles need a minimum of 3: a scale of 0..2 cannot select with them.
  const runtime_selection tiny(rating_scale{0, 2});
  school s;
  try {
    (void)choose(s, {}, role_set<peer_buddy>{}, tiny, {{supporter_role::peer_buddy, 1}});
    FAIL("expected peerkit::error");
  } catch (const error& e) {
    CHECK(e.id() == "selection.profile_outside_scale");
    CHECK(e.problems()[0].location == "selection.peer_buddy.profile.required[0].minimum");
  }
}

TEST_CASE("selection: the selection policy carries the recommendation") {
  student st;
  st.id = student_id{5};
  st.year = 1;
  CHECK(default_selection{}.recommend(st).recommends(supporter_role::peer_leader));
  CHECK(selection_rules<recommend_with<mentor_for_all>>{}.recommend(st).recommends(
      supporter_role::peer_mentor));
  const runtime_selection no_first_year_rule(default_rating_scale, {},
                                             needs_table({}, std::nullopt, std::nullopt));
  CHECK(no_first_year_rule.recommend(st).roles.empty());
}
