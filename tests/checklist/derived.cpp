#include <catch2/catch.hpp>
#include <peerkit/checklist/derived_checks.hpp>

#include "sample_programme.hpp"

using namespace peerkit;
using sample::day;

namespace {

derived_outcome check(derived_check c, const school& s, const programme_facts& f) {
  validate(s);
  validate(f, s);
  return evaluate(c, s, f);
}

staff_member& staff(school& s, staff_id id) {
  return *std::find_if(s.staff.begin(), s.staff.end(),
                       [&](const staff_member& m) { return m.id == id; });
}

intervision_series& series(programme_facts& f, supporter_role r, int group) {
  return *std::find_if(
      f.intervision.begin(), f.intervision.end(),
      [&](const intervision_series& x) { return x.role == r && x.group == group; });
}

}  // namespace

TEST_CASE("checklist: the sample programme satisfies every derived check") {
  const auto s = sample::school();
  const auto f = sample::facts();
  const auto results = evaluate_derived(s, f);
  CHECK(results.roles_run ==
        std::vector<supporter_role>{supporter_role::peer_leader, supporter_role::newcomer_buddy});
  for (std::size_t i = 1; i < derived_check_count; ++i) {
    const auto c = static_cast<derived_check>(i);
    INFO(key_of(c));
    CHECK(results.of(c).state == item_state::done);
    CHECK(results.of(c).findings.empty());
  }
}

TEST_CASE("checklist: derived check - a coordinator is appointed") {
  auto s = sample::school();
  const auto f = sample::facts();
  auto o = check(derived_check::coordinator_appointed, s, f);
  CHECK(o.state == item_state::done);
  CHECK(o.evidence == "coordinator: Anna de Vries");
  staff(s, sample::coordinator).roles.clear();
  o = check(derived_check::coordinator_appointed, s, f);
  CHECK(o.state == item_state::not_started);
  CHECK(o.findings == std::vector<std::string>{"no staff member holds the coordinator role"});
}

TEST_CASE("checklist: derived check - at least one teacher coach, and the advice of more") {
  auto s = sample::school();
  const auto f = sample::facts();
  CHECK(check(derived_check::teacher_coach_appointed, s, f).evidence ==
        "teacher coach: Bram Jansen, Chris Bakker");
  auto more = check(derived_check::more_teacher_coaches, s, f);
  CHECK(more.state == item_state::done);
  CHECK(more.evidence == "2 teacher coaches: Bram Jansen, Chris Bakker");

  staff(s, sample::coach_b).roles.clear();
  CHECK(check(derived_check::teacher_coach_appointed, s, f).state == item_state::done);
  more = check(derived_check::more_teacher_coaches, s, f);
  CHECK(more.state == item_state::in_progress);
  CHECK(more.findings ==
        std::vector<std::string>{
            "only one teacher coach (Bram Jansen): training and supervision depend on one person"});

  staff(s, sample::coach_a).roles.clear();
  CHECK(check(derived_check::teacher_coach_appointed, s, f).state == item_state::not_started);
  CHECK(check(derived_check::more_teacher_coaches, s, f).state == item_state::not_started);
}

TEST_CASE("checklist: derived check - every first-year class has a mentor involved") {
  auto s = sample::school();
  auto f = sample::facts();
  auto o = check(derived_check::first_year_mentors_involved, s, f);
  CHECK(o.state == item_state::done);
  CHECK(o.evidence == "all 2 first-year classes have a mentor in the programme");

  SECTION("a class without a mentor") {
    s.classes[1].mentor.reset();
    o = check(derived_check::first_year_mentors_involved, s, f);
    CHECK(o.state == item_state::in_progress);
    CHECK(o.evidence == "1 of 2 first-year classes have a mentor in the programme");
    CHECK(o.findings == std::vector<std::string>{"class 1B has no mentor"});
  }
  SECTION("a mentor who holds no programme role") {
    staff(s, sample::mentor_1a).roles.clear();
    s.classes[1].mentor.reset();
    o = check(derived_check::first_year_mentors_involved, s, f);
    CHECK(o.state == item_state::not_started);
    CHECK(o.findings ==
          std::vector<std::string>{
              "class 1A: mentor Dewi Visser does not hold the class mentor role in the programme",
              "class 1B has no mentor"});
  }
  SECTION("a mentor missing from the staff list") {
    s.classes[0].mentor = staff_id{99};
    o = evaluate(derived_check::first_year_mentors_involved, s, f);
    CHECK(o.findings == std::vector<std::string>{"class 1A: mentor #99 is not on the staff list"});
  }
  SECTION("no first-year classes") {
    s.classes.erase(s.classes.begin(), s.classes.begin() + 2);
    o = evaluate(derived_check::first_year_mentors_involved, s, f);
    CHECK(o.state == item_state::not_applicable);
    CHECK(o.evidence == "the school has no first-year classes");
  }
  SECTION("a programme for newcomers only") {
    f.roles = runtime_roles::of({supporter_role::newcomer_buddy}).roles();
    s.classes[1].mentor.reset();
    o = check(derived_check::first_year_mentors_involved, s, f);
    CHECK(o.state == item_state::not_applicable);
  }
}

TEST_CASE(
    "checklist: derived check - every supporter passed selection and training before being "
    "paired") {
  const auto s = sample::school();
  auto f = sample::facts();
  auto o = check(derived_check::supporters_ready_before_pairing, s, f);
  CHECK(o.state == item_state::done);
  CHECK(o.evidence == "all 7 paired supporters passed selection and training first");

  SECTION("trained after pairing") {
    f.supporters[4].trained_on = day(2025, 11, 10);  // student 201
    o = check(derived_check::supporters_ready_before_pairing, s, f);
    CHECK(o.state == item_state::in_progress);
    CHECK(o.findings == std::vector<std::string>{"student #201 (newcomer buddy, paired 2025-11-03) "
                                                 "completed training only on 2025-11-10"});
  }
  SECTION("not selected, not trained, no record") {
    f.supporters[0].selected_on.reset();
    f.supporters[0].trained_on.reset();
    f.supporters[5].selected_on = day(2025, 12, 1);
    f.supporters.erase(f.supporters.begin() + 6);  // student 203
    o = check(derived_check::supporters_ready_before_pairing, s, f);
    CHECK(o.evidence == "4 of 7 paired supporters passed selection and training first");
    CHECK(
        o.findings ==
        std::vector<std::string>{
            "student #101 (peer leader, paired 2025-08-25) did not pass selection, has not "
            "completed training",
            "student #202 (newcomer buddy, paired 2025-11-03) passed selection only on 2025-12-01",
            "student #203 (newcomer buddy, paired 2025-11-03) has no selection or training "
            "record"});
  }
  SECTION("selected for another role than the one paired in") {
    f.pairs[2].role = supporter_role::peer_buddy;
    o = evaluate(derived_check::supporters_ready_before_pairing, s, f);
    CHECK(o.findings.size() == 1);
    CHECK(o.findings[0] ==
          "student #201 (peer buddy, paired 2025-11-03) has no selection or training record");
  }
  SECTION("nobody paired yet") {
    f.pairs.clear();
    o = check(derived_check::supporters_ready_before_pairing, s, f);
    CHECK(o.state == item_state::not_started);
    CHECK(o.findings == std::vector<std::string>{"no supporter has been paired yet"});
  }
  SECTION("nobody ready") {
    for (auto& r : f.supporters) r.trained_on.reset();
    CHECK(check(derived_check::supporters_ready_before_pairing, s, f).state ==
          item_state::not_started);
  }
}

TEST_CASE("checklist: derived check - intervision is scheduled at the role's cadence") {
  const auto s = sample::school();
  auto f = sample::facts();
  auto o = check(derived_check::intervision_at_cadence, s, f);
  CHECK(o.state == item_state::done);
  CHECK(o.evidence == "intervision follows the cadence for peer leader, newcomer buddy");

  SECTION("a holiday week does not count towards the interval") {
    // Leaders: Thursday 9 October, then 30 October across the autumn holiday week.
    auto& leaders = series(f, supporter_role::peer_leader, 1).dates;
    CHECK(std::find(leaders.begin(), leaders.end(), day(2025, 10, 9)) + 1 ==
          std::find(leaders.begin(), leaders.end(), day(2025, 10, 30)));
    f.breaks.clear();
    o = check(derived_check::intervision_at_cadence, s, f);
    CHECK(o.state == item_state::in_progress);
    CHECK(
        std::find(
            o.findings.begin(), o.findings.end(),
            "peer leader group 1: 3 school weeks between intervision on 2025-10-09 and 2025-10-30; "
            "the cadence allows at most 2") != o.findings.end());
  }
  SECTION("a gap longer than the cadence") {
    auto& buddies = series(f, supporter_role::newcomer_buddy, 2).dates;
    buddies.erase(buddies.begin() + 1);  // 3 weeks + 3 weeks = 6 school weeks
    o = check(derived_check::intervision_at_cadence, s, f);
    CHECK(o.state == item_state::in_progress);
    CHECK(o.evidence == "intervision follows the cadence for peer leader");
    CHECK(o.findings ==
          std::vector<std::string>{
              "newcomer buddy group 2: 6 school weeks between intervision on 2025-11-06 and "
              "2025-12-18; the cadence allows at most 4"});
  }
  SECTION("intervision that stops early") {
    auto& leaders = series(f, supporter_role::peer_leader, 1).dates;
    leaders.erase(leaders.end() - 3, leaders.end());
    o = check(derived_check::intervision_at_cadence, s, f);
    CHECK(o.findings ==
          std::vector<std::string>{"peer leader group 1: intervision stops on 2026-05-14, 6 school "
                                   "weeks before the support "
                                   "period ends on 2026-06-26; the cadence allows at most 2"});
  }
  SECTION("intervision that starts late") {
    auto& leaders = series(f, supporter_role::peer_leader, 1).dates;
    leaders.erase(leaders.begin());
    o = check(derived_check::intervision_at_cadence, s, f);
    CHECK(
        o.findings ==
        std::vector<std::string>{
            "peer leader group 1: the first intervision is on 2025-09-25, 3 school weeks after the "
            "support period starts on 2025-09-01; the cadence allows at most 2"});
  }
  SECTION("a role without intervision") {
    f.intervision.erase(f.intervision.begin());
    o = check(derived_check::intervision_at_cadence, s, f);
    CHECK(o.state == item_state::in_progress);
    CHECK(o.findings == std::vector<std::string>{"no intervision scheduled for peer leader"});
  }
  SECTION("no intervision at all") {
    f.intervision.clear();
    CHECK(check(derived_check::intervision_at_cadence, s, f).state == item_state::not_started);
  }
  SECTION("roles not given") {
    f.roles.clear();
    o = check(derived_check::intervision_at_cadence, s, f);
    CHECK(o.state == item_state::not_started);
    CHECK(o.findings == std::vector<std::string>{"the programme's supporter roles are not given"});
  }
  SECTION("first every two weeks, four times, then monthly (Hoofdvaart)") {
    f.roles[1].parameters.intervision = {4, 2, {4, 4}};
    auto& buddies = series(f, supporter_role::newcomer_buddy, 1).dates;
    buddies = sample::every(2, day(2025, 11, 6), day(2025, 12, 4));  // 6, 20 Nov; 4 Dec (+ 2 weeks)
    buddies.push_back(day(2025, 12, 18));
    const auto monthly = sample::every(4, day(2026, 1, 15), day(2026, 6, 26));
    buddies.insert(buddies.end(), monthly.begin(), monthly.end());
    series(f, supporter_role::newcomer_buddy, 2).dates = buddies;
    o = check(derived_check::intervision_at_cadence, s, f);
    CHECK(o.findings.empty());
    buddies.erase(buddies.begin() + 1);  // the initial series now has a four-week gap
    o = check(derived_check::intervision_at_cadence, s, f);
    CHECK(o.findings ==
          std::vector<std::string>{
              "newcomer buddy group 1: 4 school weeks between intervision on 2025-11-06 and "
              "2025-12-04; the cadence allows at most 2"});
  }
  SECTION("dates in any order, duplicates ignored") {
    auto& leaders = series(f, supporter_role::peer_leader, 1).dates;
    std::reverse(leaders.begin(), leaders.end());
    leaders.push_back(leaders.front());
    CHECK(check(derived_check::intervision_at_cadence, s, f).state == item_state::done);
  }
}

TEST_CASE("checklist: derived check - a successor for every staff member in a programme role") {
  auto s = sample::school();
  const auto f = sample::facts();
  auto o = check(derived_check::successors_named, s, f);
  CHECK(o.state == item_state::done);
  CHECK(o.evidence == "all 6 staff members in a programme role have a successor");
  staff(s, sample::coach_b).successor.reset();
  staff(s, sample::care).successor = staff_id{42};
  o = evaluate(derived_check::successors_named, s, f);
  CHECK(o.state == item_state::in_progress);
  CHECK(o.findings ==
        std::vector<std::string>{
            "Chris Bakker (teacher coach) has no successor",
            "Fleur Mulder (care coordinator): successor #42 is not on the staff list"});
  staff(s, sample::coach_a).successor = sample::coach_a;
  o = evaluate(derived_check::successors_named, s, f);
  CHECK(o.findings.front() == "Bram Jansen (teacher coach) is named as their own successor");
  for (auto& m : s.staff) m.successor.reset();
  CHECK(evaluate(derived_check::successors_named, s, f).state == item_state::not_started);
  for (auto& m : s.staff) m.roles.clear();
  o = evaluate(derived_check::successors_named, s, f);
  CHECK(o.state == item_state::not_started);
  CHECK(o.findings == std::vector<std::string>{"no staff member holds a programme role yet"});
}

TEST_CASE("checklist: derived checks say what they found in Dutch too") {
  auto s = sample::school();
  auto f = sample::facts();
  staff(s, sample::coach_b).successor.reset();
  staff(s, sample::care).successor = staff_id{42};
  auto o = evaluate(derived_check::successors_named, s, f);
  CHECK(o.evidence == "4 of 6 staff members in a programme role have a successor");
  CHECK(o.dutch.evidence ==
        "4 van de 6 medewerkers met een rol in het programma hebben een "
        "opvolger");
  CHECK(o.dutch.findings ==
        std::vector<std::string>{
            "Chris Bakker (docentcoach) heeft geen opvolger",
            "Fleur Mulder (zorgcoördinator): opvolger #42 staat niet op de personeelslijst"});

  // A role as the programme names it keeps its name; one without a name gets peerkit's.
  f.periods[1].days.last = day(2026, 5, 1);
  o = evaluate(derived_check::support_period_six_months, s, f);
  CHECK(o.dutch.findings.front().starts_with("de begeleidingsperiode van newcomer buddy loopt"));
  for (auto& r : f.roles) r.name.clear();
  o = evaluate(derived_check::support_period_six_months, s, f);
  CHECK(o.findings.front().starts_with("the support period of newcomer buddy runs"));
  CHECK(o.dutch.findings ==
        std::vector<std::string>{
            "de begeleidingsperiode van nieuwkomersbuddy loopt van 2025-11-03 tot en met "
            "2026-05-01; 6 maanden vragen een laatste dag op of na 2026-05-02"});

  // Every check has its Dutch words wherever it has English ones.
  const auto results = evaluate_derived(s, f);
  for (std::size_t i = 1; i < derived_check_count; ++i) {
    const auto& r = results.of(static_cast<derived_check>(i));
    INFO(key_of(static_cast<derived_check>(i)));
    CHECK(r.evidence.empty() == r.dutch.evidence.empty());
    CHECK(r.findings.size() == r.dutch.findings.size());
  }
  CHECK(derived_results{}.of(derived_check::successors_named).dutch.findings ==
        std::vector<std::string>{"niet beoordeeld: er zijn geen gegevens van het programma"});
}

TEST_CASE("checklist: derived check - the buddy period lasts at least six months") {
  const auto s = sample::school();
  auto f = sample::facts();
  auto o = check(derived_check::support_period_six_months, s, f);
  CHECK(o.state == item_state::done);
  CHECK(o.evidence == "newcomer buddy: 2025-11-03 to 2026-06-26");

  SECTION("exactly six months") {
    f.periods[1].days = {day(2025, 11, 3), day(2026, 5, 2)};
    CHECK(check(derived_check::support_period_six_months, s, f).state == item_state::done);
    f.periods[1].days.last = day(2026, 5, 1);
    o = check(derived_check::support_period_six_months, s, f);
    CHECK(o.state == item_state::in_progress);
    CHECK(o.findings ==
          std::vector<std::string>{
              "the support period of newcomer buddy runs 2025-11-03 to 2026-05-01; 6 months need a "
              "last day on or after 2026-05-02"});
  }
  SECTION("from the last day of a long month") {
    f.periods[1].days = {day(2025, 8, 31), day(2026, 2, 27)};
    CHECK(check(derived_check::support_period_six_months, s, f).state == item_state::done);
    f.periods[1].days.last = day(2026, 2, 26);
    CHECK(check(derived_check::support_period_six_months, s, f).state == item_state::in_progress);
  }
  SECTION("no period given") {
    f.periods.erase(f.periods.begin() + 1);
    o = check(derived_check::support_period_six_months, s, f);
    CHECK(o.state == item_state::not_started);
    CHECK(o.findings == std::vector<std::string>{"no support period set for newcomer buddy"});
  }
  SECTION("one buddy role fine, the other without a period") {
    f.roles =
        runtime_roles::of({supporter_role::peer_buddy, supporter_role::newcomer_buddy}).roles();
    o = check(derived_check::support_period_six_months, s, f);
    CHECK(o.state == item_state::in_progress);
    CHECK(o.findings == std::vector<std::string>{"no support period set for peer buddy"});
  }
  SECTION("no buddy role") {
    f.roles = runtime_roles::of({supporter_role::peer_leader}).roles();
    o = check(derived_check::support_period_six_months, s, f);
    CHECK(o.state == item_state::not_applicable);
    CHECK(o.evidence == "the programme runs no buddy role");
  }
  SECTION("a school's own name for the role is used") {
    f.roles[1].name = "ISK buddy";
    CHECK(check(derived_check::support_period_six_months, s, f).evidence ==
          "ISK buddy: 2025-11-03 to 2026-06-26");
  }
}

TEST_CASE("checklist: facts that do not fit the school are rejected with their locations") {
  const auto s = sample::school();
  auto f = sample::facts();
  f.roles.push_back(f.roles.front());
  f.supporters.push_back(
      {student_id{999}, supporter_role::peer_leader, day(2025, 6, 1), day(2025, 6, 2)});
  f.supporters.push_back(f.supporters.front());
  f.pairs[0].supporters[1] = student_id{998};
  f.pairs[1].started = date();
  f.intervision.push_back({supporter_role::peer_leader, 1, {date()}});
  f.periods[0].days = {day(2026, 6, 1), day(2025, 9, 1)};
  f.breaks.push_back({date(), day(2025, 9, 1)});
  try {
    (void)evaluate_derived(s, f);
    FAIL("evaluate_derived accepted facts that do not fit");
  } catch (const error& e) {
    std::vector<std::string> where;
    for (const auto& p : e.problems()) where.push_back(p.id + " " + p.location);
    CHECK(where == std::vector<std::string>{
                       "data.duplicate facts.roles[2].kind",
                       "data.unknown_reference facts.supporters[7].student",
                       "data.duplicate facts.supporters[8]",
                       "data.unknown_reference facts.pairs[0].supporters[1]",
                       "data.missing facts.pairs[1].started",
                       "data.missing facts.intervision[3].dates[0]",
                       "data.duplicate facts.intervision[3]",
                       "data.out_of_range facts.periods[0].days",
                       "data.missing facts.breaks[4]",
                   });
    CHECK(e.problems()[7].message == "the last day 2025-09-01 is before the first day 2026-06-01");
  }
}

TEST_CASE("checklist: derived results start unevaluated") {
  const derived_results none;
  CHECK(none.roles_run.empty());
  CHECK(none.of(derived_check::coordinator_appointed).state == item_state::not_started);
  CHECK(none.of(derived_check::coordinator_appointed).findings ==
        std::vector<std::string>{"not evaluated: no programme data given"});
}
