#include <catch2/catch.hpp>

#include <peerkit/core/policy.hpp>
#include <peerkit/matching/matching_policy.hpp>

using namespace peerkit;

namespace {
struct no_family {
  [[nodiscard]] matching_settings settings() const { return {}; }
};
struct wrong_family {
  using policy_family = selection_family;
  [[nodiscard]] matching_settings settings() const { return {}; }
};
struct without_settings {
  using policy_family = matching_family;
};
// A school's own policy: settings from wherever the school keeps them.
struct from_database {
  using policy_family = matching_family;
  [[nodiscard]] matching_settings settings() const {
    matching_settings s;
    s.buddies.goal = objective::fairest;
    return s;
  }
};
struct school_traits {
  static std::vector<trait_fit> personality() { return {{"calm", fit_kind::similar}}; }
  static duo_traits duos() { return {{"calm"}, {"planning"}, "teamwork"}; }
};

using fair_and_same_gender =
    fixed_matching<pairing_options{.goal = objective::fairest, .rules = {.same_gender = true}}>;
}  // namespace

TEST_CASE("matching: MatchingPolicy recognises matching policies and nothing else") {
  STATIC_REQUIRE(MatchingPolicy<default_matching>);
  STATIC_REQUIRE(MatchingPolicy<fair_and_same_gender>);
  STATIC_REQUIRE(MatchingPolicy<runtime_matching>);
  STATIC_REQUIRE(MatchingPolicy<from_database>);
  STATIC_REQUIRE(!MatchingPolicy<no_family>);
  STATIC_REQUIRE(!MatchingPolicy<wrong_family>);
  STATIC_REQUIRE(!MatchingPolicy<without_settings>);
  STATIC_REQUIRE(!MatchingPolicy<int>);
  STATIC_REQUIRE(MatchingTraits<shipped_traits>);
  STATIC_REQUIRE(MatchingTraits<school_traits>);
  STATIC_REQUIRE(!MatchingTraits<int>);
}

TEST_CASE("matching: a programme finds its matching policy among its policies") {
  STATIC_REQUIRE(
      std::is_same_v<policy_for<matching_family, default_matching, int, fair_and_same_gender>,
                     fair_and_same_gender>);
  STATIC_REQUIRE(std::is_same_v<policy_for<matching_family, default_matching>, default_matching>);
  STATIC_REQUIRE(!one_policy_per_family<default_matching, runtime_matching>);
}

TEST_CASE("matching: the default policy is most supported, then the best total score") {
  auto s = default_matching::settings();
  CHECK(s.buddies.goal == objective::most_supported);
  CHECK(s.buddies.rules == hard_rules{});
  CHECK(s.buddies.rules.consent);
  CHECK(!s.buddies.rules.same_gender);
  CHECK(s.personality == default_personality_fit());
  CHECK(s.duos.weights.working_together > s.duos.weights.qualities);
  CHECK(s == runtime_matching{}.settings());
}

TEST_CASE("matching: compile-time and run-time policies give the same settings") {
  matching_settings wanted;
  wanted.buddies.goal = objective::fairest;
  wanted.buddies.rules.same_gender = true;
  CHECK(fair_and_same_gender::settings() == runtime_matching(wanted).settings());
  CHECK(fair_and_same_gender::buddies.goal == objective::fairest);
  using own = fixed_matching<pairing_options{}, duo_options{}, class_options{}, school_traits>;
  CHECK(own::settings().personality == std::vector<trait_fit>{{"calm", fit_kind::similar}});
  CHECK(own::settings().duo_trait_names.working_together == "teamwork");
}

TEST_CASE("matching: a run-time policy rejects invalid settings with every problem") {
  matching_settings bad;
  bad.buddies.weights.offers_wants = -1;
  bad.duos.weights.qualities = -2;
  bad.buddies.scale = {5, 5};
  bad.personality.push_back({"", fit_kind::similar});
  try {
    runtime_matching p(bad);
    FAIL("expected peerkit::error");
  } catch (const peerkit::error& e) {
    std::vector<std::string> got;
    for (const auto& p : e.problems()) got.push_back(p.id + " @ " + p.location);
    CHECK(got == std::vector<std::string>{
                     "config.invalid_weight @ matching.buddies.weights.offers_wants",
                     "config.invalid_weight @ matching.duos.weights.qualities",
                     "config.invalid_scale @ matching.buddies.scale",
                     "config.missing_trait @ matching.personality[3].trait",
                 });
    CHECK(e.problems()[0].message == "a weight is 0 or more, found -1");
    CHECK(e.problems()[2].message == "the lowest rating is below the highest, found 5..5");
  }
  matching_settings classes_and_duos;
  classes_and_duos.classes.weights.same_track = -1;
  classes_and_duos.duos.scale = {3, 1};
  classes_and_duos.duo_trait_names.working_together.clear();
  try {
    runtime_matching p(classes_and_duos);
    FAIL("expected peerkit::error");
  } catch (const peerkit::error& e) {
    std::vector<std::string> got;
    for (const auto& p : e.problems()) got.push_back(p.to_string());
    CHECK(got == std::vector<std::string>{
                     "matching.classes.weights: class weights are 0 or more, found 2 and -1",
                     "matching.duos.scale: the lowest rating is below the highest, found 3..1",
                     "matching.duo_traits.working_together: a trait name, found an empty one",
                 });
  }
}

TEST_CASE("matching: a compile-time policy keeps the rules of validate(), one constraint each") {
  constexpr pairing_options fine{};
  constexpr pairing_options negative{.weights = {.personality_fit = -1}};
  constexpr pairing_options empty_scale{.scale = {4, 4}};
  STATIC_REQUIRE(detail::weights_not_negative<fine, duo_options{}, class_options{}>);
  STATIC_REQUIRE(!detail::weights_not_negative<negative, duo_options{}, class_options{}>);
  STATIC_REQUIRE(detail::scales_not_empty<negative, duo_options{}, class_options{}>);
  STATIC_REQUIRE(!detail::scales_not_empty<empty_scale, duo_options{}, class_options{}>);
  STATIC_REQUIRE(
      !detail::weights_not_negative<fine, duo_options{}, class_options{.weights = {.wishes = -1}}>);
  STATIC_REQUIRE(!detail::scales_not_empty<fine, duo_options{.scale = {2, 1}}, class_options{}>);
  // The same values at run time break the same rules.
  matching_settings s;
  s.buddies = negative;
  CHECK_THROWS_AS(validate(s), peerkit::error);
  s.buddies = empty_scale;
  CHECK_THROWS_AS(validate(s), peerkit::error);
}

TEST_CASE("matching: objectives and criteria have stable keys and words") {
  CHECK(key_of(objective::most_supported) == "most_supported");
  CHECK(from_key<objective>("fairest") == objective::fairest);
  CHECK(key_of(proposing_side::supporters) == "supporters");
  CHECK(key_of(criterion::offers_wants) == "offers_wants");
  CHECK(key_of(duo_criterion::working_together) == "working_together");
  for (auto o : {objective::most_supported, objective::best_total_score, objective::stable,
                 objective::fairest})
    CHECK(!describe(o).empty());
}
