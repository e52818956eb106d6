#include <catch2/catch.hpp>

#include <peerkit/matching/scores.hpp>

#include "fixtures.hpp"

using namespace peerkit;
using namespace peerkit::test;

TEST_CASE("matching: the score is a sum of weighted criteria with the reasons behind each") {
  auto a = person(1, "Anna");
  a.interests = {"music", "football", "reading", "music"};
  a.offers = {"homework", "making friends"};
  a.languages = language_data{{"dutch", "arabic"}};
  a.traits = {{"patient", 4}, {"talks_easily", 2}, {"outgoing", 5}};
  auto b = newcomer(2, "Bilal");
  b.interests = {"football", "music", "chess"};
  b.wants = {"making friends", "school rules"};
  b.languages = language_data{{"arabic", "english"}};
  b.origin = origin_data{"Syria"};
  b.traits = {{"outgoing", 1}};

  const score_weights w{};
  auto s = score_pair(a, b, meeting_place::at_school, w, default_personality_fit(), trait_scale{});
  CHECK(s[criterion::shared_interests].raw == 2);
  CHECK(s[criterion::shared_interests].because == std::vector<std::string>{"music", "football"});
  CHECK(s[criterion::shared_interests].points == 2 * w.shared_interests);
  CHECK(s[criterion::offers_wants].raw == 1);
  CHECK(s[criterion::offers_wants].because == std::vector<std::string>{"making friends"});
  CHECK(s[criterion::common_language].raw == 1);
  CHECK(s[criterion::common_language].because.empty());  // never the language itself
  CHECK(s[criterion::origin_knowledge].raw == 0);
  // patient 4 -> 3, talks_easily 2 -> 1, outgoing |5 - 1| = 4
  CHECK(s[criterion::personality_fit].raw == 8);
  score_points sum = 0;
  for (const auto& c : s.criteria) {
    CHECK(c.points == static_cast<score_points>(c.raw) * c.weight);
    sum += c.points;
  }
  CHECK(s.total == sum);
  CHECK(s[criterion::can_meet].raw == 1);  // both free in school hours
  CHECK(s.total == 2 * 2 + 1 * 3 + 1 * 2 + 0 + 8 * 1 + 1 * 3);
}

TEST_CASE("matching: a supporter knows the country of origin by coming from it or listing it") {
  auto a = person(1, "Anna");
  auto b = newcomer(2, "Bilal");
  b.origin = origin_data{"Eritrea"};
  const score_weights w{};
  CHECK(score_pair(a, b, meeting_place::at_school, w, {}, {})[criterion::origin_knowledge].raw ==
        0);
  a.interests = {"Eritrea"};
  CHECK(score_pair(a, b, meeting_place::at_school, w, {}, {})[criterion::origin_knowledge].raw ==
        1);
  a.interests.clear();
  a.origin = origin_data{"Eritrea"};
  CHECK(score_pair(a, b, meeting_place::at_school, w, {}, {})[criterion::origin_knowledge].raw ==
        1);
  b.origin = origin_data{};
  CHECK(score_pair(a, b, meeting_place::at_school, w, {}, {})[criterion::origin_knowledge].raw ==
        0);
}

TEST_CASE("matching: personality fit counts alike, complementary and supporter strengths") {
  auto a = person(1, "Anna");
  auto b = first_year(2, "Bas");
  a.traits = {{"calm", 4}, {"outgoing", 5}, {"patient", 5}};
  b.traits = {{"calm", 3}, {"outgoing", 2}};
  const std::vector<trait_fit> fits{{"calm", fit_kind::similar},
                                    {"outgoing", fit_kind::complementary},
                                    {"patient", fit_kind::supporter_strength},
                                    {"unrated", fit_kind::similar}};
  auto s = score_pair(a, b, meeting_place::at_school, score_weights{.personality_fit = 2}, fits,
                      trait_scale{1, 5});
  CHECK(s[criterion::personality_fit].raw == (4 - 1) + 3 + 4);
  CHECK(s[criterion::personality_fit].points == 20);
}

TEST_CASE("matching: zero weights switch a criterion off") {
  auto a = person(1, "Anna");
  auto b = first_year(2, "Bas");
  a.interests = b.interests = {"music"};
  auto s = score_pair(a, b, meeting_place::at_school, score_weights{.shared_interests = 0}, {}, {});
  CHECK(s[criterion::shared_interests].raw == 1);
  CHECK(s[criterion::shared_interests].points == 0);
  CHECK(s.total == s[criterion::can_meet].points);
}

// 000: meetings of a newcomer buddy and an ISK student "are often after school hours and
// outside school"; 001: at Hoofdvaart they meet "at the moment mostly in the long break".
// Often and mostly: when a role meets is a preference that scores, not a rule.
TEST_CASE("matching: being free when the role meets scores, and says when that is") {
  auto a = person(1, "Anna");     // free in school hours only
  auto b = newcomer(2, "Bilal");  // free in and after school hours
  const score_weights w{};
  const auto after = score_pair(a, b, meeting_place::outside_school_after_hours, w, {}, {});
  CHECK(after[criterion::can_meet].raw == 0);
  CHECK(after[criterion::can_meet].because == std::vector<std::string>{"after school"});
  CHECK(after.total == 0);
  const auto break_time = score_pair(a, b, meeting_place::at_school, w, {}, {});
  CHECK(break_time[criterion::can_meet].raw == 1);
  CHECK(break_time[criterion::can_meet].because == std::vector<std::string>{"in school hours"});
  CHECK(break_time.total == w.can_meet);
  CHECK(score_pair(a, b, meeting_place::at_or_outside_school, w, {}, {})[criterion::can_meet].raw ==
        1);
  a.available = {false, false};
  CHECK(score_pair(a, b, meeting_place::at_or_outside_school, w, {}, {})[criterion::can_meet].raw ==
        0);
  CHECK(score_pair(a, b, meeting_place::at_school, score_weights{.can_meet = 0}, {}, {}).total ==
        0);
}
