#include <catch2/catch.hpp>

#include <set>

#include "fixture.hpp"

using namespace fixture;

TEST_CASE("supervision: a questionnaire per stakeholder with the sources' outcome themes") {
  std::set<outcome_theme> covered;
  std::set<std::string_view> keys;
  for (auto who : all_stakeholders) {
    const auto q = default_questionnaire(who);
    CHECK(q.who == who);
    REQUIRE(!q.questions.empty());
    for (const auto& question : q.questions) {
      covered.insert(question.theme);
      CHECK(keys.insert(question.key.text).second);  // keys are unique across questionnaires
      CHECK(question.key.text.substr(0, question.key.text.find('.')) ==
            (who == stakeholder::teacher_or_mentor ? "teacher" : key_of(who)));
      CHECK(!question.statement.empty());
    }
  }
  CHECK(covered.size() == outcome_theme_count);  // every theme is asked somewhere
  const auto supportee = default_questionnaire(stakeholder::supportee);
  CHECK(supportee.index_of({"supportee.dutch_friendships"}).has_value());
  CHECK(!supportee.index_of({"supporter.social_skills"}).has_value());
}

TEST_CASE("supervision: answers are data checked against their questionnaire") {
  const auto s = make_school();
  auto r = make_records();
  const auto q = default_questionnaire(stakeholder::supportee);
  const date on = start + days(90);
  record_response(r, s,
                  {stakeholder::supportee,
                   evaluation_moment::interim,
                   supportee_1,
                   pair_1,
                   on,
                   {{0, 5}, {12, 1}}},
                  q);
  REQUIRE(r.responses.size() == 1);

  try {
    record_response(r, s,
                    {stakeholder::supportee,
                     evaluation_moment::interim,
                     staff_id{11},
                     pair_1,
                     on,
                     {{0, 6}, {12, 2}, {0, 3}, {99, 1}}},
                    q);
    FAIL("expected peerkit::error");
  } catch (const peerkit::error& e) {
    std::vector<std::string> ids;
    for (const auto& p : e.problems()) ids.push_back(p.id);
    CHECK(ids == std::vector<std::string>{"evaluation.wrong_respondent", "data.out_of_range",
                                          "data.out_of_range", "evaluation.duplicate_answer",
                                          "data.unknown_reference"});
    CHECK(e.problems()[1].location == "responses[1].answers[0]");
    CHECK(e.problems()[1].message == "expected 1..5 on agree_5, found 6");
  }
  CHECK_THROWS_WITH(
      record_response(
          r, s, {stakeholder::supporter, evaluation_moment::final, buddy_1, pair_1, on, {}}, q),
      Catch::Contains("the questionnaire is for supportee, the response from supporter"));
  auto no_consent = s;
  no_consent.students[5].consent->withdrawn_on = on;
  CHECK_THROWS_WITH(
      record_response(
          r, no_consent,
          {stakeholder::supportee, evaluation_moment::final, supportee_1, pair_1, on, {}}, q),
      Catch::Contains("has no consent"));
  CHECK(r.responses.size() == 1);
}

TEST_CASE("supervision: programme indicators over a period") {
  const auto s = make_school();
  auto r = make_records();
  const date from = start;
  const date to = start + days(28);
  for (int week = 0; week < 4; ++week)
    record_contact(r, s, contact(pair_1, start + days(7 * week)));
  record_contact(r, s, contact(pair_2, start + days(3)));
  (void)record_closure(r, pair_2, start + days(14), end_reason::supporter_withdrew);
  (void)record_closure(r, duo_pair, start + days(14), end_reason::period_completed);

  auto e1 = raise_escalation(escalation_id{1}, *r.find_pair(pair_1), buddy_1, severity::concern,
                             start + days(5));
  record_encouraged(e1, start + days(5));
  record_refused(e1, start + days(5));
  record_informed(e1, staff(s, coach_a), staff_role::teacher_coach, start + days(6));
  record_response(e1, staff(s, coach_a), start + days(6));
  r.escalations.push_back(e1);
  r.escalations.push_back(raise_escalation(escalation_id{2}, *r.find_pair(newcomer_pair), isk_buddy,
                                           severity::safety, start + days(8)));

  record_session(r, s, {buddies_group, start + days(14), {buddy_1, buddy_2}, {coach_a}});
  record_session(r, s, {leaders_group, start + days(14), {leader_1}, {coach_a}});

  const auto supportee_q = default_questionnaire(stakeholder::supportee);
  const auto teacher_q = default_questionnaire(stakeholder::teacher_or_mentor);
  record_response(r, s,
                  {stakeholder::supportee,
                   evaluation_moment::interim,
                   supportee_1,
                   pair_1,
                   start + days(20),
                   {{0, 4}, {1, 2}, {12, 1}}},
                  supportee_q);
  record_response(r, s,
                  {stakeholder::supportee,
                   evaluation_moment::interim,
                   supportee_2,
                   pair_2,
                   start + days(13),
                   {{0, 5}}},
                  supportee_q);
  record_response(r, s,
                  {stakeholder::teacher_or_mentor,
                   evaluation_moment::interim,
                   mentor_1a,
                   std::nullopt,
                   start + days(20),
                   {{0, 3}}},
                  teacher_q);

  const auto ind = compute_indicators(r, from, to);
  CHECK(ind.pairs == 4);
  CHECK(ind.pairs_active == 2);
  CHECK(ind.active_share() == Approx(0.5));
  CHECK(ind.contact.planned_meetings == 4 + 2 + 4);  // the leader duo keeps no pair's plan
  CHECK(ind.contact.actual_meetings == 5);
  CHECK(ind.escalations_by_tier == std::array<int, 3>{1, 0, 1});
  CHECK(ind.escalations_with_missed_deadline == 1);  // the safety escalation told nobody
  CHECK(ind.closures_planned == 1);
  CHECK(ind.closures_unplanned == 1);
  CHECK(ind.closures_by_reason[static_cast<std::size_t>(end_reason::supporter_withdrew)] == 1);
  CHECK(ind.intervision_sessions == 2);
  CHECK(ind.intervision_attendance == Approx(0.75));
  const auto& supportees = ind.outcomes[static_cast<std::size_t>(stakeholder::supportee)];
  REQUIRE(supportees.size() == 2);  // the yes/no question does not enter a mean
  CHECK(supportees[0] == theme_score{outcome_theme::self_confidence, 2, 4.5});
  CHECK(supportees[1] == theme_score{outcome_theme::social_contacts, 1, 2.0});
  CHECK(ind.outcomes[static_cast<std::size_t>(stakeholder::teacher_or_mentor)] ==
        std::vector<theme_score>{{outcome_theme::lighter_tasks, 1, 3.0}});
  CHECK(ind.outcomes[static_cast<std::size_t>(stakeholder::school)].empty());

  const auto later = compute_indicators(r, to, to + days(28));
  CHECK(later.pairs == 2);
  CHECK(later.escalations_by_tier == std::array<int, 3>{0, 0, 0});
}
