#include <catch2/catch.hpp>

#include <peerkit/selection/default_profiles.hpp>
#include <peerkit/selection/profile.hpp>
#include <peerkit/selection/traits.hpp>

using namespace peerkit;

namespace {
// A school's own trait, added without touching peerkit.
struct punctual {
  static constexpr std::string_view key = "punctual";
};
struct no_key {};
struct spaced_key {
  static constexpr std::string_view key = "two words";
};

using school_profile = extend<buddy_profile, welcome<punctual, 2>>;

// Hand-written profiles: one that models the concept, two that break a rule.
struct handwritten_profile {
  static constexpr std::array<trait_minimum, 1> required{{{"empathy", 3, 1}}};
  static constexpr std::array<trait_weight, 0> welcome{};
  static constexpr selection_gates gates{};
};
struct trait_both_required_and_welcome {
  static constexpr std::array<trait_minimum, 1> required{{{"empathy", 3, 1}}};
  static constexpr std::array<trait_weight, 1> welcome{{{"empathy", 1}}};
  static constexpr selection_gates gates{};
};
struct welcome_weight_zero {
  static constexpr std::array<trait_minimum, 0> required{};
  static constexpr std::array<trait_weight, 1> welcome{{{"flexible", 0}}};
  static constexpr selection_gates gates{};
};
struct average_off_the_grades {
  static constexpr std::array<trait_minimum, 0> required{};
  static constexpr std::array<trait_weight, 0> welcome{};
  static constexpr selection_gates gates{std::nullopt, tenths(11.0), false, false};
};

// A profile type's values, also for types that break a rule (to_runtime_profile takes
// only those that keep them).
template <class P>
runtime_profile values_of() {
  runtime_profile p;
  for (const auto& r : P::required)
    p.required.push_back({std::string(r.trait), r.minimum, r.weight});
  for (const auto& w : P::welcome) p.welcome.push_back({std::string(w.trait), w.weight});
  p.gates = P::gates;
  return p;
}

template <class P>
std::vector<std::string_view> required_keys() {
  std::vector<std::string_view> keys;
  for (const auto& r : P::required) keys.push_back(r.trait);
  return keys;
}
template <class P>
std::vector<std::string_view> welcome_keys() {
  std::vector<std::string_view> keys;
  for (const auto& w : P::welcome) keys.push_back(w.trait);
  return keys;
}
}  // namespace

TEST_CASE("selection: traits are tags with a key, and a school adds its own") {
  STATIC_REQUIRE(Trait<empathy>);
  STATIC_REQUIRE(Trait<intercultural_interest>);
  STATIC_REQUIRE(Trait<talks_easily>);
  STATIC_REQUIRE(Trait<punctual>);
  STATIC_REQUIRE(!Trait<no_key>);
  STATIC_REQUIRE(!Trait<spaced_key>);
  STATIC_REQUIRE(!Trait<int>);
  CHECK(source_trait_keys.size() == 12);
  CHECK(trait_label("takes_initiative") == "takes initiative");
  CHECK(trait_label("empathy") == "empathy");
}

TEST_CASE("selection: profiles model CriteriaProfile, broken ones do not") {
  STATIC_REQUIRE(CriteriaProfile<supporter_profile>);
  STATIC_REQUIRE(CriteriaProfile<leader_profile>);
  STATIC_REQUIRE(CriteriaProfile<buddy_profile>);
  STATIC_REQUIRE(CriteriaProfile<newcomer_buddy_profile>);
  STATIC_REQUIRE(CriteriaProfile<school_profile>);
  STATIC_REQUIRE(CriteriaProfile<handwritten_profile>);
  STATIC_REQUIRE(CriteriaProfile<criteria_profile<>>);
  STATIC_REQUIRE(!CriteriaProfile<int>);
  STATIC_REQUIRE(!CriteriaProfile<empathy>);
  STATIC_REQUIRE(!CriteriaProfile<trait_both_required_and_welcome>);
  STATIC_REQUIRE(!CriteriaProfile<welcome_weight_zero>);
  STATIC_REQUIRE(!CriteriaProfile<average_off_the_grades>);
  STATIC_REQUIRE(!CriteriaProfile<required<empathy, 3>>);
  // Each rule is its own constraint, and the rules are those validate() runs.
  STATIC_REQUIRE(!detail::each_trait_listed_once<trait_both_required_and_welcome>);
  STATIC_REQUIRE(detail::weights_in_range<trait_both_required_and_welcome>);
  STATIC_REQUIRE(!detail::weights_in_range<welcome_weight_zero>);
  STATIC_REQUIRE(!detail::gates_in_range<average_off_the_grades>);
  STATIC_REQUIRE(detail::trait_keys_are_words<average_off_the_grades>);
  for (const auto& [what, wrong] : std::vector<std::pair<std::string, runtime_profile>>{
           {"listed twice", values_of<trait_both_required_and_welcome>()},
           {"welcome weight 0", values_of<welcome_weight_zero>()},
           {"average 11", values_of<average_off_the_grades>()}}) {
    INFO(what);
    CHECK_THROWS_AS(validate(wrong, rating_scale{1, 5}), error);
  }
}

TEST_CASE("selection: the default profiles follow source 000 step 4") {
  // Required for peer leader and peer buddy.
  CHECK(required_keys<supporter_profile>() ==
        std::vector<std::string_view>{"takes_initiative", "emotionally_stable", "empathy",
                                      "socially_skilled"});
  // Welcome, can be learned on the job.
  CHECK(welcome_keys<supporter_profile>() ==
        std::vector<std::string_view>{"problem_solving", "flexible", "communicative",
                                      "plans_and_organises", "likes_working_together"});
  constexpr auto gates = supporter_profile::gates;
  CHECK(gates.max_fail_marks == 2);
  CHECK(gates.min_average == tenths(6.0));
  CHECK_FALSE(gates.motivation_letter);  // "with or without a motivation letter"
  CHECK(gates.interview);                // "then an interview"
  STATIC_REQUIRE(std::is_same_v<default_profile_t<peer_leader>, supporter_profile>);
  STATIC_REQUIRE(std::is_same_v<default_profile_t<peer_buddy>, supporter_profile>);
  STATIC_REQUIRE(std::is_same_v<default_profile_t<newcomer_buddy>, newcomer_buddy_profile>);
}

TEST_CASE("selection: the newcomer buddy profile extends the buddy profile") {
  auto keys = required_keys<newcomer_buddy_profile>();
  CHECK(keys.size() == 5);
  CHECK(keys.back() == "intercultural_interest");
  CHECK(welcome_keys<newcomer_buddy_profile>() == welcome_keys<buddy_profile>());
  CHECK(newcomer_buddy_profile::gates == buddy_profile::gates);
}

TEST_CASE("selection: an extension overrides its base") {
  // A welcome trait becomes required, a required one merely welcome, a limit is replaced.
  using stricter = extend<buddy_profile, required<flexible, 4>, welcome<empathy, 3>,
                          max_fail_marks<0>, motivation_letter_required>;
  const auto p = to_runtime_profile<stricter>();
  REQUIRE(p.find_required("flexible"));
  CHECK(p.find_required("flexible")->minimum == 4);
  CHECK_FALSE(p.find_welcome("flexible"));
  CHECK_FALSE(p.find_required("empathy"));
  REQUIRE(p.find_welcome("empathy"));
  CHECK(p.find_welcome("empathy")->weight == 3);
  CHECK(p.gates.max_fail_marks == 0);
  CHECK(p.gates.min_average == tenths(6.0));  // kept from the base
  CHECK(p.gates.motivation_letter);
  CHECK(p.gates.interview);
  // A profile's own parts override its bases wherever they are listed.
  using listed_first = criteria_profile<max_fail_marks<0>, buddy_profile>;
  CHECK(listed_first::gates.max_fail_marks == 0);
}

TEST_CASE("selection: gates as types") {
  using p = criteria_profile<max_fail_marks<1>, min_average<5, 5>, motivation_letter_required,
                             interview_required>;
  CHECK(p::required.empty());
  CHECK(p::welcome.empty());
  CHECK(p::gates == selection_gates{1, tenths(5.5), true, true});
}

TEST_CASE("selection: the same profile at compile time and at run time") {
  const runtime_profile by_values{
      .required = {{"takes_initiative", 3, 2},
                   {"emotionally_stable", 3, 2},
                   {"empathy", 3, 2},
                   {"socially_skilled", 3, 2},
                   {"intercultural_interest", 3, 2}},
      .welcome = {{"problem_solving", 1},
                  {"flexible", 1},
                  {"communicative", 1},
                  {"plans_and_organises", 1},
                  {"likes_working_together", 1}},
      .gates = {.max_fail_marks = 2, .min_average = tenths(6.0), .interview = true},
  };
  CHECK(to_runtime_profile<newcomer_buddy_profile>() == by_values);
  CHECK(default_profile(supporter_role::newcomer_buddy) == by_values);
  CHECK(default_profile(supporter_role::peer_tutor) == to_runtime_profile<supporter_profile>());
  // Extension at run time follows the same rule.
  const auto buddy = to_runtime_profile<buddy_profile>();
  CHECK(extended(buddy, {.required = {{"intercultural_interest", 3, 2}}}) == by_values);
  CHECK(extended(buddy, {.required = {{"punctual", 3}}}).find_required("punctual"));
  CHECK(to_runtime_profile<school_profile>().find_welcome("punctual")->weight == 2);
}

TEST_CASE("selection: a run-time profile is validated with located problems") {
  CHECK_NOTHROW(validate(to_runtime_profile<supporter_profile>(), rating_scale{1, 5}));
  const runtime_profile broken{
      .required = {{"empathy", 7, 1}, {"", 3, 1}, {"empathy", 3, -1}},
      .welcome = {{"flexible", 0}, {"empathy", 1}},
      .gates = {.max_fail_marks = -1, .min_average = tenths(0.5)},
  };
  try {
    validate(broken, rating_scale{1, 5}, "rules[0].profile");
    FAIL("expected peerkit::error");
  } catch (const error& e) {
    std::vector<std::string> where;
    for (const auto& p : e.problems()) where.push_back(p.id + " @ " + p.location);
    CHECK(where == std::vector<std::string>{
                       "selection.profile_outside_scale @ rules[0].profile.required[0].minimum",
                       "selection.invalid_profile @ rules[0].profile.required[1].trait",
                       "selection.invalid_profile @ rules[0].profile.required[2].weight",
                       "selection.invalid_profile @ rules[0].profile.required[2]",
                       "selection.invalid_profile @ rules[0].profile.welcome[0].weight",
                       "selection.invalid_profile @ rules[0].profile.welcome[1]",
                       "selection.invalid_profile @ rules[0].profile.gates.max_fail_marks",
                       "selection.invalid_profile @ rules[0].profile.gates.min_average",
                   });
    CHECK(e.problems()[0].message == "minimum 7 for empathy is outside the rating scale 1..5");
    CHECK(e.problems()[3].message == "trait empathy is already listed at required[0]");
    CHECK(e.problems()[5].message == "trait empathy is already listed at required[0]");
    CHECK(e.problems()[7].message == "expected an average grade within 1..10, found 0.5");
  }
  // A minimum that fits 1..10 does not fit 1..3.
  CHECK(fits_scale<supporter_profile>(rating_scale{1, 10}));
  CHECK_FALSE(fits_scale<supporter_profile>(rating_scale{0, 2}));
}
