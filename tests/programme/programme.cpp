#include <catch2/catch.hpp>

#include "../problems.hpp"

#include <peerkit/calendar/holiday_reader.hpp>
#include <peerkit/programme/presets.hpp>
#include <peerkit/programme/report.hpp>

using namespace peerkit;

namespace {
struct not_a_policy {};

// A first-year class of havo with its mentor, an upper-year class of candidates.
school small_school() {
  school s;
  s.name = "Test";
  s.staff = {
      {staff_id{1}, "Coordinator", {staff_role::coordinator}, staff_id{2}},
      {staff_id{2}, "Coach", {staff_role::teacher_coach, staff_role::class_mentor}, staff_id{1}}};
  s.classes = {{class_id{1}, "1A", 1, school_track::havo, staff_id{2}, ""},
               {class_id{4}, "4H", 4, school_track::havo, staff_id{2}, ""}};
  auto add = [&](std::uint32_t id, class_id c, int year) -> student& {
    student st;
    st.id = student_id{id};
    st.name = "Student " + std::to_string(id);
    st.class_of = c;
    st.year = year;
    st.birth_date = date(2013 - (year - 1), 1, 1);
    st.consent = consent{consent_giver::parent, date(2025, 8, 1), std::nullopt};
    s.students.push_back(st);
    return s.students.back();
  };
  for (std::uint32_t i = 0; i < 4; ++i) {
    auto& c = add(100 + i, class_id{4}, 4);
    c.grades = {{"maths", 7.0}, {"dutch", 7.5}};
    c.traits = {{"takes_initiative", 4},
                {"emotionally_stable", 4},
                {"empathy", 4},
                {"socially_skilled", 4},
                {"outgoing", static_cast<int>(1 + i)}};
    c.interests = {"football"};
  }
  auto& shy = add(10, class_id{1}, 1);
  shy.needs = needs_data{{need::shy_or_insecure, need::bullied}};
  shy.interests = {"football"};
  add(11, class_id{1}, 1);  // no needs: no buddy
  return s;
}

programme_data small_data() {
  programme_data d;
  d.year = school_year{2025};
  d.pairing_date = date(2025, 10, 1);
  std::uint32_t id = 1;
  for (std::uint32_t i = 0; i < 4; ++i) {
    application a;
    a.id = application_id{id++};
    a.applicant = student_id{100 + i};
    a.role = i < 2 ? supporter_role::peer_leader : supporter_role::peer_buddy;
    record_interview(a, interview{interview_format::individual, {}, std::nullopt, date(2025, 9, 1)},
                     default_rating_scale);
    d.applications.push_back(a);
    for (int k = 0; k < 2; ++k)
      d.training.record({student_id{100 + i}, a.role, date(2025, 9, 10 + k), minutes_per_half_day});
  }
  return d;
}

school_calendar calendar_for(holiday_region region) {
  return {
      region,
      read_holidays_file(std::string(PEERKIT_SOURCE_DIR) + "/examples/data/school_holidays_nl.csv"),
      {}};
}
}  // namespace

TEST_CASE("programme: policies are found by family, in any order, with defaults") {
  using p = basic_programme<runtime_matching, role_set<peer_buddy>>;
  STATIC_REQUIRE(std::is_same_v<p::roles_policy, role_set<peer_buddy>>);
  STATIC_REQUIRE(std::is_same_v<p::matching_policy, runtime_matching>);
  STATIC_REQUIRE(std::is_same_v<p::selection_policy, default_selection>);
  STATIC_REQUIRE(std::is_same_v<p::checklist_policy, default_checklist_policy>);
  STATIC_REQUIRE(std::is_same_v<programme::roles_policy, role_set<peer_leader, peer_buddy>>);
  STATIC_REQUIRE(!Policy<not_a_policy>);
  STATIC_REQUIRE(Policy<runtime_roles>);
  STATIC_REQUIRE(RolesPolicy<role_set<peer_leader>>);
  STATIC_REQUIRE(RolesPolicy<runtime_roles>);
  STATIC_REQUIRE(!RolesPolicy<runtime_matching>);
  STATIC_REQUIRE(SchedulePolicy<default_schedule>);
  STATIC_REQUIRE(SchedulePolicy<runtime_schedule>);
  STATIC_REQUIRE(!SchedulePolicy<runtime_roles>);
  STATIC_REQUIRE(one_policy_per_family<runtime_roles, runtime_matching>);
  STATIC_REQUIRE(!one_policy_per_family<runtime_roles, role_set<peer_buddy>>);
}

TEST_CASE("programme: the presets follow the sources") {
  STATIC_REQUIRE(Role<hoofdvaart_buddy>);
  constexpr auto p = role_traits<hoofdvaart_buddy>::parameters;
  CHECK(p.training.total_minutes() == 2 * 4 * 60);
  CHECK(p.intervision == intervision_cadence{4, 2, {4, 4}});
  CHECK(p.newcomers_only);
  CHECK(newcomer_programme(school{}).checklist().definition().steps.size() == 5);
  CHECK(brochure_programme(school{}).checklist().definition().steps.size() == 7);
  CHECK(brochure_programme(school{}).role_entries().size() == 2);
}

TEST_CASE("programme: a run selects, pairs, plans and reports") {
  const programme prog(small_school(), small_data());
  const auto run = prog.run(calendar_for(holiday_region::midden));

  REQUIRE(run.requests ==
          std::vector<support_request>{{student_id{10}, supporter_role::peer_buddy}});
  REQUIRE(run.selection.roles.size() == 2);
  CHECK(run.selection.roles[0].needed == 2);  // two leaders for the one first-year class
  CHECK(run.selection.roles[1].needed == 1);  // one supportee, one buddy
  std::vector<application_state> states;
  for (const auto& a : run.applications) states.push_back(a.state);
  // the second buddy applicant ranks beyond the one buddy needed
  CHECK(states == std::vector{application_state::accepted, application_state::accepted,
                              application_state::accepted, application_state::rejected});

  REQUIRE(run.pairing.leaders);
  REQUIRE(run.pairing.leaders->duos.duos.size() == 1);
  CHECK(run.pairing.leaders->classes.assignments.size() == 1);
  REQUIRE(run.pairing.roles.size() == 1);
  CHECK(run.pairing.roles[0].result.supported == 1);
  REQUIRE(run.pairing.pairs.size() == 2);
  CHECK(run.pairing.pairs[0].class_served == class_id{1});
  CHECK(run.pairing.pairs[1].supportees == std::vector<student_id>{student_id{10}});
  CHECK(run.pairing.pairs[0].id != run.pairing.pairs[1].id);

  CHECK(run.year.outcome == schedule_outcome::scheduled);
  CHECK_FALSE(run.year.events.empty());
  CHECK(run.facts.supporters.size() == 3);
  CHECK(run.readiness.item_count() == prog.checklist().definition().item_count());
  CHECK(run.feasible());
}

TEST_CASE("programme: what is short is reported, not thrown") {
  auto d = small_data();
  SECTION("a buddy takes a second supportee before anyone is left without one") {
    auto s = small_school();
    auto& another = s.students.emplace_back(s.students[4]);  // a second student who needs a buddy
    another.id = student_id{12};
    d.applications.erase(d.applications.begin() + 3);  // one buddy applicant fewer
    const auto run = programme(s, d).run(calendar_for(holiday_region::noord));
    CHECK(run.selection.roles[1].shortfall() == 1);  // a place stays open in selection
    CHECK(run.pairing.roles[0].result.supported == 2);
    CHECK(run.feasible());
  }
  SECTION("students without a supporter and classes without a duo are shortfalls") {
    d.applications.erase(d.applications.begin() + 1, d.applications.end());  // one leader, no buddy
    const auto run = programme(small_school(), d).run(calendar_for(holiday_region::noord));
    REQUIRE_FALSE(run.feasible());
    REQUIRE(run.shortfalls.size() == 2);
    CHECK(run.shortfalls[0].text == "1 of 1 students waiting for a peer buddy have none");
    CHECK(run.shortfalls[1].text == "1 first-year class without a leader duo");
  }
}

TEST_CASE("programme: invalid school data is refused when the programme is made") {
  auto s = small_school();
  s.students[0].grades.push_back({"history", 0.5});
  CHECK_THROWS_AS(programme(s), error);
}

// The programme of the README: a school's policies fixed at compile time.
using readme_programme = basic_programme<
    role_set<peer_leader, peer_buddy>, selection_rules<role_rule<peer_buddy, buddy_profile, 2>>,
    fixed_matching<pairing_options{.goal = objective::fairest}>, static_checklist<seven_step_plan>>;

TEST_CASE("programme: the README's programme runs") {
  const readme_programme prog(small_school(), small_data());
  const auto run = prog.run(calendar_for(holiday_region::midden));
  CHECK(run.feasible());
  CHECK(run.pairing.roles[0].result.goal == objective::fairest);
  CHECK(run.selection.roles[1].reserves == 2);
  CHECK(markdown_report(prog, run).find("# Peer support 2025-2026 at Test") == 0);
}

TEST_CASE("programme: a run reports the problems of every step together") {
  auto d = small_data();
  d.applications[0].interviews[0].ratings = {{"empathy", 9}};  // selection
  d.checklist_progress["no_such_item"] = item_progress{};      // checklist
  programme_options options;
  options.intervision_group_size = 0;  // schedule
  const basic_programme<runtime_schedule> prog(small_school(), d, runtime_schedule(options));
  const auto cal = calendar_for(holiday_region::midden);
  const std::vector<std::string> all{
      "selection.rating_out_of_scale applications[0].interviews[0].ratings.empathy: rating 9 for "
      "empathy is outside the school's scale 1..5",
      "schedule.out_of_range options.intervision_group_size: expected 1 or more, found 0",
      "checklist.unknown_item checklist.progress.no_such_item: no_such_item is not an item of "
      "7-step plan"};
  CHECK(peerkit_test::problems_of([&] { (void)prog.run(cal); }) == all);
  CHECK(peerkit_test::problems_of([&] { prog.check(cal); }) == all);
}

TEST_CASE("programme: check accepts what run runs, short or not") {
  auto d = small_data();
  const auto cal = calendar_for(holiday_region::noord);
  CHECK_NOTHROW(programme(small_school(), d).check(cal));
  d.applications.erase(d.applications.begin() + 1, d.applications.end());
  const programme short_of_supporters(small_school(), d);
  CHECK_FALSE(short_of_supporters.run(cal).feasible());
  CHECK_NOTHROW(short_of_supporters.check(cal));
}

TEST_CASE("programme: data that contradicts itself is refused when the programme is made") {
  auto d = small_data();
  d.pairing_date = date(2030, 1, 1);
  d.rankings = {{student_id{10}, {student_id{102}, student_id{999}}}};
  d.pinned_pairs = {{student_id{102}, student_id{102}}};
  d.forbidden_pairs = {{student_id{10}, student_id{10}}};
  d.pinned_duos = {{student_id{100}, student_id{100}}};
  d.forbidden_duos = {{student_id{101}, student_id{101}}};
  CHECK(peerkit_test::problems_of([&] { programme(small_school(), d); }) ==
        std::vector<std::string>{
            "data.out_of_range pairing_date: expected a day within the school year "
            "2025-08-01..2026-07-31, found 2030-01-01",
            "data.inconsistent pinned_pairs[0].supportee: student 102 cannot be paired with "
            "themselves",
            "data.inconsistent forbidden_pairs[0].supportee: student 10 cannot be paired with "
            "themselves",
            "data.unknown_reference rankings[0].best_first[1]: no student has id 999",
            "data.inconsistent pinned_duos[0].second: student 100 cannot be paired with themselves",
            "data.inconsistent forbidden_duos[0].second: student 101 cannot be paired with "
            "themselves"});
}

TEST_CASE("programme: a school whose special-category values were left out is not run") {
  auto s = small_school();
  s.special_category_left_out = true;
  s.students[0].grades.push_back({"history", 0.5});  // reported with it
  const auto problems = peerkit_test::problems_of([&] { programme(s, small_data()); });
  REQUIRE(problems.size() == 2);
  CHECK(problems[0] ==
        "privacy.values_left_out school: the school was written without its special-category "
        "values; run the original document or one written with --reveal-special-category");
  CHECK(problems[1].starts_with("data.out_of_range students[0].grades.history"));
}
