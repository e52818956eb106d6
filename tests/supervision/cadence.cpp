#include <catch2/catch.hpp>

#include <algorithm>

#include "fixture.hpp"

using namespace fixture;

namespace {
std::vector<alert> of_rule(const std::vector<alert>& all, alert_rule rule) {
  std::vector<alert> found;
  std::copy_if(all.begin(), all.end(), std::back_inserter(found),
               [rule](const alert& a) { return a.rule == rule; });
  return found;
}
}  // namespace

TEST_CASE("supervision: school breaks are merged and skipped when counting days") {
  using boost::gregorian::date_period;
  const school_breaks breaks({date_period(d(2025, 10, 18), d(2025, 10, 27)),  // autumn, 18-26 Oct
                              date_period(d(2025, 10, 25), d(2025, 10, 28)),  // overlaps: merged
                              date_period(d(2025, 12, 20), d(2026, 1, 5))});
  REQUIRE(breaks.periods().size() == 2);
  CHECK(breaks.periods()[0].last() == d(2025, 10, 27));
  CHECK(breaks.contains(d(2025, 10, 20)));
  CHECK(!breaks.contains(d(2025, 10, 28)));
  CHECK(breaks.counted_days(d(2025, 10, 13), d(2025, 10, 20)) == 5);
  CHECK(breaks.counted_days(d(2025, 10, 13), d(2025, 11, 3)) == 21 - 10);
  CHECK(breaks.counted_days(d(2025, 11, 3), d(2025, 10, 13)) == 0);
  const date due = breaks.after_counted_days(d(2025, 10, 13), 14);
  CHECK(due == d(2025, 11, 6));
  CHECK(breaks.counted_days(d(2025, 10, 13), due) == 14);
  // Landing exactly on a break's first day skips the break.
  CHECK(breaks.after_counted_days(d(2025, 10, 13), 5) == d(2025, 10, 28));
  // Starting inside a break counts from its end.
  CHECK(breaks.after_counted_days(d(2025, 10, 20), 1) == d(2025, 10, 29));
  CHECK(school_breaks{}.after_counted_days(d(2025, 10, 13), 14) == d(2025, 10, 27));
}

TEST_CASE("supervision: school breaks from a school calendar take its own region") {
  school_calendar cal;
  cal.region = holiday_region::zuid;
  cal.holidays = {
      {school_year{2025}, holiday_kind::autumn, holiday_region::zuid, d(2025, 10, 11),
       d(2025, 10, 19), holiday_status::advisory},
      {school_year{2025}, holiday_kind::autumn, holiday_region::noord, d(2025, 10, 18),
       d(2025, 10, 26), holiday_status::advisory},
  };
  const auto breaks = breaks_of(cal);
  REQUIRE(breaks.periods().size() == 1);
  CHECK(breaks.contains(d(2025, 10, 19)));
  CHECK(!breaks.contains(d(2025, 10, 20)));
}

TEST_CASE("supervision: planned against actual contact per pair, group and programme") {
  const auto s = make_school();
  auto r = make_records();
  r.plans.push_back({pair_2, contact_plan{2, 1, 30}});
  for (int week = 0; week < 4; ++week)
    record_contact(r, s, contact(pair_1, start + days(7 * week), 45));
  record_contact(r, s, contact(pair_2, start + days(1), 30));
  const date to = start + days(28);

  const auto f1 = pair_figures(r, r.pairs[0], start, to);
  CHECK(f1 == contact_figures{4, 4, 240, 180});
  CHECK(f1.meeting_rate() == Approx(1.0));
  CHECK(f1.minute_rate() == Approx(0.75));
  const auto f2 = pair_figures(r, r.pairs[1], start, to);
  CHECK(f2 == contact_figures{8, 1, 240, 30});

  const auto g = group_figures(r, *r.find_group(buddies_group), start, to);
  CHECK(g == contact_figures{12, 5, 480, 210});
  const auto all = programme_figures(r, start, to);
  CHECK(all.planned_meetings == 12 + 4);  // the leader duo serves a class: no pair's plan
  CHECK(all.actual_meetings == 5);
  CHECK(contact_figures{}.meeting_rate() == 1.0);

  SECTION("a pair that ended counts only its active days; breaks are not planned") {
    record_closure(r, pair_1, start + days(14), end_reason::no_click);
    CHECK(pair_figures(r, r.pairs[0], start, to).planned_meetings == 2);
    const school_breaks breaks({boost::gregorian::date_period(start + days(7), start + days(14))});
    CHECK(pair_figures(r, r.pairs[1], start, to, breaks).planned_meetings == 6);
  }
}

TEST_CASE("supervision: overdue pairs are flagged by the contact_overdue rule") {
  const auto s = make_school();
  auto r = make_records();
  const supervision_rules rules;

  SECTION("a pair that never met is overdue 14 days after its start (weekly plan, 7 days' grace)") {
    CHECK(of_rule(contact_alerts(r, rules, start + days(14)), alert_rule::contact_overdue).empty());
    const auto alerts = of_rule(contact_alerts(r, rules, start + days(15)),
                                alert_rule::contact_overdue);
    REQUIRE(alerts.size() == 3);  // not the leader duo
    CHECK(alerts[0].pair == pair_1);
    CHECK(alerts[0].due == start + days(14));
    CHECK(alerts[0].message == "pair 1 has not met since it started on 2025-10-06");
  }
  SECTION("the clock restarts at each contact") {
    record_contact(r, s, contact(pair_1, start + days(10)));
    const auto alerts = of_rule(contact_alerts(r, rules, start + days(20)),
                                alert_rule::contact_overdue);
    CHECK(std::none_of(alerts.begin(), alerts.end(),
                       [](const alert& a) { return a.pair == pair_1; }));
    const auto later = of_rule(contact_alerts(r, rules, start + days(25)),
                               alert_rule::contact_overdue);
    REQUIRE(
        std::any_of(later.begin(), later.end(), [](const alert& a) { return a.pair == pair_1; }));
    CHECK(later[0].message == "pair 1 last met on 2025-10-16");
  }
  SECTION("a holiday does not make a pair overdue") {
    const school_breaks autumn({boost::gregorian::date_period(d(2025, 10, 18), d(2025, 10, 27))});
    CHECK(of_rule(contact_alerts(r, rules, d(2025, 10, 25), autumn), alert_rule::contact_overdue)
              .empty());
    // 12 school days before the break and 2 after it: due on 29 October.
    CHECK(of_rule(contact_alerts(r, rules, d(2025, 10, 29), autumn), alert_rule::contact_overdue)
              .empty());
    CHECK(of_rule(contact_alerts(r, rules, d(2025, 10, 30), autumn), alert_rule::contact_overdue)
              .size() == 3);
  }
  SECTION("ended pairs are not followed") {
    for (auto id : {pair_1, pair_2, newcomer_pair, duo_pair})
      record_closure(r, id, start + days(3), end_reason::supporter_withdrew);
    CHECK(contact_alerts(r, rules, start + days(40)).empty());
  }
}

TEST_CASE("supervision: actual contact far below plan fires contact_below_plan") {
  const auto s = make_school();
  auto r = make_records();
  const supervision_rules rules;
  // pair_1 meets every week; pair_2 once in four weeks.
  for (int week = 0; week < 5; ++week)
    record_contact(r, s, contact(pair_1, start + days(7 * week)));
  record_contact(r, s, contact(pair_2, start + days(25)));
  const auto early = of_rule(contact_alerts(r, rules, start + days(20)),
                             alert_rule::contact_below_plan);
  CHECK(early.empty());  // judged only after four weeks
  const auto alerts = of_rule(contact_alerts(r, rules, start + days(28)),
                              alert_rule::contact_below_plan);
  REQUIRE(alerts.size() == 2);  // pair_2, and the newcomer pair that never met
  CHECK(alerts[0].pair == pair_2);
  CHECK(alerts[0].message == "pair 2 met 1 of 4 planned times");
}

TEST_CASE("supervision: a first meeting without the cannot-keep-secrets notice is flagged") {
  const auto s = make_school();
  auto r = make_records();
  r.notices.clear();
  record_notice(r, {pair_1, start});
  record_notice(r, {pair_2, start + days(3)});
  record_contact(r, s, contact(pair_1, start));
  record_contact(r, s, contact(pair_2, start + days(1)));
  record_contact(r, s, contact(newcomer_pair, start + days(2)));
  const auto alerts = notice_alerts(r);
  REQUIRE(alerts.size() == 2);
  CHECK(alerts[0].rule == alert_rule::first_meeting_without_notice);
  CHECK(alerts[0].pair == pair_2);
  CHECK(alerts[0].message == "pair 2 first met on 2025-10-07, the notice followed on 2025-10-09");
  CHECK(alerts[1].pair == newcomer_pair);
  CHECK(alerts[1].due == start + days(2));
  CHECK_THROWS_AS(record_notice(r, {pair_id{77}, start}), peerkit::error);
}

TEST_CASE("supervision: a leader duo serves a whole class, held to no pair's plan or notice") {
  // Source 000: peer leaders "in duo's een hele brugklas begeleiden"; the buddy's notice
  // that they "geen geheimen kan bewaren" (step 6) and the agreement to meet "minimaal
  // één uur per week" (001) are about a buddy and the one student they support.
  CHECK_FALSE(supports_individuals(supporter_role::peer_leader));
  for (auto role : {supporter_role::peer_buddy, supporter_role::newcomer_buddy,
                    supporter_role::peer_tutor, supporter_role::peer_mentor})
    CHECK(supports_individuals(role));

  const auto s = make_school();
  auto r = make_records();
  r.notices.clear();
  const supervision_rules rules;
  for (auto id : {pair_1, pair_2, newcomer_pair}) record_notice(r, {id, start});
  for (int week = 0; week < 6; ++week) {
    record_contact(r, s, contact(pair_1, start + days(7 * week)));
    record_contact(r, s, contact(pair_2, start + days(7 * week)));
    record_contact(r, s, contact(newcomer_pair, start + days(7 * week)));
  }
  // The duo's class activity is logged, once, and without a notice of its own.
  record_contact(r, s, contact(duo_pair, start + days(2), 90, {contact_topic::class_activity}));
  const date today = start + days(40);
  CHECK(contact_alerts(r, rules, today).empty());
  CHECK(notice_alerts(r).empty());

  const auto duo = pair_figures(r, *r.find_pair(duo_pair), start, today);
  CHECK(duo == contact_figures{0, 1, 0, 90});  // logged, nothing planned
  const auto all = programme_figures(r, start, today);
  CHECK(all.actual_meetings == 18);  // the duo's contact is not weighed against a plan
  CHECK(group_figures(r, *r.find_group(leaders_group), start, today) == contact_figures{});

  SECTION("a role that supports individuals is held to both") {
    r.pairs.push_back(
        make_support_pair(pair_id{5}, supporter_role::peer_buddy, {leader_1}, {supportee_1}));
    record_contact(r, s, contact(pair_id{5}, start + days(2)));
    const auto alerts = check_supervision(r, s, today);
    CHECK(of_rule(alerts, alert_rule::first_meeting_without_notice).size() == 1);
    CHECK(of_rule(alerts, alert_rule::contact_overdue).size() == 1);
    CHECK(of_rule(alerts, alert_rule::contact_below_plan).size() == 1);
  }
}
