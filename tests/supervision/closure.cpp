#include <catch2/catch.hpp>

#include "fixture.hpp"

using namespace fixture;

TEST_CASE("supervision: a pair ends planned or unplanned, with the school's own reasons") {
  auto r = make_records();
  r.end_reasons.custom = {{"moved_to_other_site", closure_kind::unplanned, true},
                          {"programme_shortened", closure_kind::planned, false}};

  const auto& planned = record_closure(r, pair_1, d(2026, 6, 30), end_reason::period_completed);
  CHECK(kind_of(planned, r.end_reasons) == closure_kind::planned);
  CHECK(r.find_pair(pair_1)->ended == d(2026, 6, 30));
  CHECK(r.find_pair(pair_1)->ended_because == end_reason::period_completed);
  CHECK(!r.find_pair(pair_1)->active_on(d(2026, 6, 30)));
  CHECK(r.find_pair(pair_1)->active_on(d(2026, 6, 29)));

  CHECK(kind_of(record_closure(r, pair_2, start + days(40), end_reason::no_click), r.end_reasons) ==
        closure_kind::unplanned);
  CHECK(kind_of(record_closure(r, newcomer_pair, start + days(40), end_reason::other, 0),
                r.end_reasons) == closure_kind::unplanned);
  CHECK(kind_of(record_closure(r, duo_pair, start + days(40), end_reason::other, 1),
                r.end_reasons) == closure_kind::planned);
  CHECK(r.closures.size() == 4);

  SECTION("closing twice, before the start, or with an unknown school reason is refused") {
    auto fresh = make_records();
    fresh.end_reasons = r.end_reasons;
    try {
      (void)record_closure(r, pair_1, d(2026, 7, 1), end_reason::no_click);
      FAIL("expected peerkit::error");
    } catch (const peerkit::error& e) {
      CHECK(e.id() == "closure.already_ended");
    }
    CHECK_THROWS_AS(record_closure(fresh, pair_1, start, end_reason::no_click), peerkit::error);
    CHECK_THROWS_WITH(record_closure(fresh, pair_1, start + days(1), end_reason::other, 5),
                      Catch::Contains("one of the school's 2 reasons"));
    CHECK_THROWS_WITH(record_closure(fresh, pair_1, start + days(1), end_reason::no_click, 0),
                      Catch::Contains("with end_reason other only"));
    CHECK_THROWS_AS(record_closure(fresh, pair_id{42}, start + days(1), end_reason::no_click),
                    peerkit::error);
    CHECK(!fresh.find_pair(pair_1)->ended);
  }
}

TEST_CASE("supervision: rematching is conservative") {
  const rematch_policy policy;
  const date year_end = d(2026, 7, 31);
  const pair_closure supporter_left{pair_1, d(2025, 12, 1), end_reason::supporter_left_school,
                                    std::nullopt};

  SECTION("after the supporter left: a pause first, then one new supporter") {
    const auto during_pause = decide_rematch(policy, supporter_left, 0, d(2025, 12, 10), year_end);
    CHECK(during_pause.verdict == rematch_verdict::pause_not_over);
    CHECK(during_pause.earliest == d(2025, 12, 29));
    const auto after = decide_rematch(policy, supporter_left, 0, d(2026, 1, 5), year_end);
    CHECK(after.allowed());
    CHECK(after.earliest == d(2026, 1, 5));
    CHECK(decide_rematch(policy, supporter_left, 1, d(2026, 1, 5), year_end).verdict ==
          rematch_verdict::too_many_rematches);
  }
  SECTION("not after the supportee's own choice, a mismatch or a problem too heavy for a peer") {
    for (auto reason : {end_reason::supportee_withdrew, end_reason::no_click,
                        end_reason::support_too_heavy, end_reason::consent_withdrawn,
                        end_reason::period_completed, end_reason::supportee_left_school}) {
      const pair_closure c{pair_1, d(2025, 12, 1), reason, std::nullopt};
      CHECK(decide_rematch(policy, c, 0, d(2026, 1, 5), year_end).verdict ==
            rematch_verdict::not_after_this_reason);
    }
  }
  SECTION("not when too little of the year is left for a match to do good") {
    const pair_closure late{pair_1, d(2026, 4, 10), end_reason::supporter_withdrew, std::nullopt};
    const auto decision = decide_rematch(policy, late, 0, d(2026, 4, 11), year_end);
    CHECK(decision.verdict == rematch_verdict::too_late_in_year);
    CHECK(decision.earliest.is_special());
    const pair_closure borderline{pair_1, d(2026, 3, 1), end_reason::supporter_withdrew,
                                  std::nullopt};
    CHECK(decide_rematch(policy, borderline, 0, d(2026, 3, 29), year_end).allowed());
    CHECK(decide_rematch(policy, borderline, 0, d(2026, 5, 1), year_end).allowed());
    CHECK(decide_rematch(policy, borderline, 0, d(2026, 5, 2), year_end).verdict ==
          rematch_verdict::too_late_in_year);
  }
  SECTION("a school's own reason decides for itself; a school may switch rematching off") {
    end_reason_list reasons{{{"moved_to_other_site", closure_kind::unplanned, true}}};
    const pair_closure own{pair_1, d(2025, 12, 1), end_reason::other, 0};
    CHECK(decide_rematch(policy, own, 0, d(2026, 1, 5), year_end, reasons).allowed());
    CHECK(decide_rematch(policy, own, 0, d(2026, 1, 5), year_end).verdict ==
          rematch_verdict::not_after_this_reason);
    rematch_policy off = policy;
    off.rematching = false;
    CHECK(decide_rematch(off, supporter_left, 0, d(2026, 1, 5), year_end).verdict ==
          rematch_verdict::rematching_off);
  }
}

TEST_CASE("supervision: both sides of an ended pair give an exit evaluation") {
  const auto s = make_school();
  auto r = make_records();
  const supervision_rules rules;
  const date end = start + days(60);
  (void)record_closure(r, pair_1, end, end_reason::no_click);
  CHECK(exit_evaluation_alerts(r, s, rules, end + days(21)).empty());
  auto alerts = exit_evaluation_alerts(r, s, rules, end + days(22));
  REQUIRE(alerts.size() == 2);
  CHECK(alerts[0].rule == alert_rule::exit_evaluation_missing);
  CHECK(alerts[0].student == buddy_1);
  CHECK(alerts[0].message == "the supporter 101 of pair 1 gave no exit evaluation");
  CHECK(alerts[1].student == supportee_1);

  const auto q = default_questionnaire(stakeholder::supporter);
  record_response(
      r, s,
      {stakeholder::supporter, evaluation_moment::exit, buddy_1, pair_1, end + days(3), {{0, 4}}},
      q);
  alerts = exit_evaluation_alerts(r, s, rules, end + days(22));
  REQUIRE(alerts.size() == 1);
  CHECK(alerts[0].student == supportee_1);
}
