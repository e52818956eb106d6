// The simulated year: reproducible from its key, common random numbers across design
// points, the same results on any thread count, the plan's calendar obeyed, the processes
// replaceable at compile time, and observers that see what the figures count.

#include <catch2/catch.hpp>

#include <algorithm>
#include <set>

#include <peerkit/calendar/holiday_reader.hpp>
#include <peerkit/io/programme_json.hpp>
#include <peerkit/simulation/sweep.hpp>
#include <peerkit/simulation/year_simulation.hpp>

#include "../problems.hpp"

using namespace peerkit;

namespace {

const io::programme_document& sample() {
  static const auto doc = io::read_programme_file(PEERKIT_SOURCE_DIR
                                                  "/examples/data/sample_programme.json");
  return doc;
}

const school_calendar& calendar() {
  static const school_calendar cal{
      sample().the_school.region,
      read_holidays_file(PEERKIT_SOURCE_DIR "/examples/data/school_holidays_nl.csv"),
      {}};
  return cal;
}

const population& sample_plan() {
  static const auto plan = plan_population(sample().programme(), calendar(), {});
  return plan;
}

stream_key key(std::uint32_t replication, std::uint64_t seed = 11) {
  return {seed, 0, replication, 0, 0};
}

// The first problem `call` throws has this id and location.
template <class Call>
void check_problem(Call call, const std::string& id, const std::string& where) {
  const auto found = peerkit_test::problems_of(call);
  REQUIRE_FALSE(found.empty());
  CHECK(found[0].rfind(id + " " + where + ":", 0) == 0);
}

simulation_settings with(std::initializer_list<std::pair<const char*, double>> values) {
  simulation_settings s;
  for (const auto& [name, value] : values) set_parameter(s.parameters, name, value, name);
  return s;
}

}  // namespace

TEST_CASE("the sample school's plan: every pair in a group, meetings on teaching days",
          "[simulation]") {
  const auto& plan = sample_plan();
  CHECK(plan.pairs.size() == 31);
  CHECK(plan.coaches == 3);
  for (const auto& p : plan.pairs) CHECK(p.group != no_group);
  for (const auto& r : plan.roles) {
    REQUIRE_FALSE(r.meetings.empty());
    CHECK(std::is_sorted(r.meetings.begin(), r.meetings.end()));
    for (auto d : r.meetings) CHECK(is_teaching_day(calendar(), d));
  }
}

TEST_CASE("a run is a function of its key", "[simulation]") {
  const simulation_settings settings;
  const auto a = simulate(sample_plan(), settings, key(3));
  CHECK(a == simulate(sample_plan(), settings, key(3)));
  CHECK(a != simulate(sample_plan(), settings, key(4)));
  CHECK(a != simulate(sample_plan(), settings, key(3, 12)));
}

TEST_CASE("meetings happen only on planned days, holidays pause them", "[simulation]") {
  struct meeting_days {
    std::set<date> days;
    int held = 0;
    void on(const meeting_event& e) {
      days.insert(e.on);
      held += e.held;
    }
  } seen;
  const auto years = simulate(sample_plan(), {}, key(1), seen);
  std::set<date> planned;
  for (const auto& r : sample_plan().roles) planned.insert(r.meetings.begin(), r.meetings.end());
  for (auto d : seen.days) {
    CHECK(planned.count(d) == 1);
    CHECK(is_teaching_day(calendar(), d));
  }
  CHECK(seen.held == years[0].summary.meetings_held);
  CHECK(years[0].summary.meetings_held > 0);
}

TEST_CASE("common random numbers: equal points give equal runs, without, they differ",
          "[simulation]") {
  sweep s{{{"a", {}}, {"b", {}}}, 3, 5};
  std::vector<std::vector<year_outcome>> runs;
  const auto plan_for = [](const model_parameters& p) {
    return plan_population(sample().programme(), calendar(), p);
  };
  run_sweep(s, plan_for, 1, [&](run_outcome<simulation_run>&& r) {
    REQUIRE(r.result);
    runs.push_back(r.result->years);
  });
  REQUIRE(runs.size() == 6);
  for (int rep = 0; rep < 3; ++rep) CHECK(runs[rep] == runs[3 + rep]);
  CHECK(runs[0] != runs[1]);

  s.common_random_numbers = false;
  runs.clear();
  run_sweep(s, plan_for, 1,
            [&](run_outcome<simulation_run>&& r) { runs.push_back(r.result->years); });
  CHECK(runs[0] != runs[3]);
}

TEST_CASE("a sweep gives the same runs in the same order on any thread count", "[simulation]") {
  const sweep s{points_of(full_factorial({{"intervision_interval_weeks", {2, 4}},
                                          {"monthly_closure_hazard", {0.02, 0.08}}}),
                          {}),
                6, 9};
  const auto collect = [&](unsigned threads) {
    std::vector<std::pair<std::size_t, std::vector<year_outcome>>> out;
    run_sweep(
        s,
        [](const model_parameters& p) {
          return plan_population(sample().programme(), calendar(), p);
        },
        threads,
        [&](run_outcome<simulation_run>&& r) {
          REQUIRE(r.result);
          out.emplace_back(r.run, r.result->years);
        });
    return out;
  };
  const auto one = collect(1);
  REQUIRE(one.size() == 24);
  for (std::size_t i = 0; i < one.size(); ++i) CHECK(one[i].first == i);
  CHECK(collect(2) == one);
  CHECK(collect(3) == one);
}

TEST_CASE("a failing plan fails its runs and the rest go on", "[simulation]") {
  const sweep s{{{"fine", {}}, {"broken", with({{"training_half_days", 9}}).parameters}}, 2, 1};
  std::vector<std::string> errors;
  run_sweep(
      s,
      [](const model_parameters& p) -> population {
        if (p.training_half_days == 9) throw error("data.out_of_range", "plan", "too long");
        return sample_plan();
      },
      2, [&](run_outcome<simulation_run>&& r) { errors.push_back(r.error); });
  REQUIRE(errors.size() == 4);
  CHECK(errors[0].empty());
  CHECK(errors[1].empty());
  CHECK(errors[2].find("too long") != std::string::npos);
  CHECK(errors[3].find("too long") != std::string::npos);
}

TEST_CASE("losing the only teacher coach in January stops intervision", "[simulation]") {
  auto settings = with({{"coaches", 1}, {"coach_loss_month", 1}, {"coach_succession_weeks", 0}});
  const auto plan = plan_population(sample().programme(), calendar(), settings.parameters);
  REQUIRE(plan.coaches == 1);
  struct sessions {
    std::vector<date> held, missed;
    std::vector<date> left;
    void on(const intervision_event& e) { held.push_back(e.on); }
    void on(const intervision_missed_event& e) { missed.push_back(e.on); }
    void on(const coach_left_event& e) { left.push_back(e.on); }
  } seen;
  settings.parameters.coach_weekly_turnover = 0;
  const auto years = simulate(plan, settings, key(2), seen);
  REQUIRE(seen.left.size() == 1);
  CHECK(seen.left[0].month() == 1);
  for (auto d : seen.held) CHECK(d < seen.left[0]);
  CHECK_FALSE(seen.missed.empty());
  for (auto d : seen.missed) CHECK(d >= seen.left[0]);
  CHECK(years[0].summary.coaches_left == 1);
  CHECK(years[0].summary.sessions_held < years[0].summary.sessions_planned);
}

TEST_CASE("rematches start after the pause with a reserve supporter and do harm", "[simulation]") {
  // The sample plus ten spare peer buddies.
  auto plan = sample_plan();
  for (auto& r : plan.roles)
    if (r.role == supporter_role::peer_buddy)
      for (int i = 0; i < 10; ++i)
        r.reserves.push_back(student_id(static_cast<student_id::rep>(9000 + i)));
  const auto settings = with({{"monthly_closure_hazard", 0.3},
                              {"rematch_after_any_reason", 1},
                              {"rematch_pause_days", 7},
                              {"max_rematches", 2}});
  struct starts {
    int rematches = 0;
    void on(const pair_started_event& e) { rematches += e.replaces.has_value(); }
  } seen;
  int total = 0;
  for (std::uint32_t rep = 0; rep < 5; ++rep) {
    const auto y = simulate(plan, settings, key(rep), seen)[0];
    total += y.summary.rematches;
    for (const auto& p : y.pairs)
      if (p.rematch) CHECK(p.role != supporter_role::peer_leader);
  }
  CHECK(total > 0);
  CHECK(seen.rematches == total);
  support_history rematched{30, 35, 0.9, 1, 0, true};
  CHECK(default_processes::effect(settings.parameters, rematched) ==
        settings.parameters.rematch_effect);
}

TEST_CASE("the processes are a compile-time policy", "[simulation]") {
  struct never_ends : default_processes {
    static double closure_chance(const model_parameters&, double, const pair_week&) { return 0; }
    static double escalation_chance(const model_parameters&, const pair_week&) { return 0; }
  };
  static_assert(SimulationProcesses<never_ends>);
  const auto y = simulate<never_ends>(sample_plan(), {}, key(1))[0];
  CHECK(y.summary.early_endings == 0);
  CHECK(y.summary.escalations == 0);
  for (const auto& p : y.pairs) CHECK(p.reason == end_reason::period_completed);
}

TEST_CASE("short matches have no effect, absent supporters harm", "[simulation]") {
  const model_parameters p;
  CHECK(default_processes::effect(p, {5, 35, 0.9, 1, 0, false}) == 0);
  CHECK(default_processes::effect(p, {30, 35, 0.9, 1, 0.5, false}) == p.absent_supporter_effect);
  const double full = default_processes::effect(p, {35, 35, 1, 1, 0, false});
  CHECK(full == Approx(p.effect_supervised));
  CHECK(default_processes::effect(p, {35, 35, 1, 0, 0, false}) == Approx(p.effect_unsupervised));
}

TEST_CASE("years carry over: support decays, and below its floor the programme stops",
          "[simulation]") {
  auto settings = with(
      {{"support_half_life_years", 0.5}, {"support_gain_per_training", 0}, {"support_floor", 0.3}});
  settings.years = 4;
  const auto years = simulate(sample_plan(), settings, key(1));
  REQUIRE(years.size() == 4);
  for (int y = 0; y < 4; ++y) CHECK(years[y].summary.year == y);
  CHECK(years[1].summary.support < years[0].summary.support);
  CHECK(years[3].summary.pairs == 0);
  CHECK(years[3].summary.never_matched == years[3].summary.supportees);
}

TEST_CASE("parameters are set by name within their bounds", "[simulation]") {
  model_parameters p;
  set_parameter(p, "meeting_attendance", 0.5, "parameters.meeting_attendance");
  CHECK(p.meeting_attendance == 0.5);
  CHECK(parameter_value(p, "meeting_attendance") == 0.5);
  CHECK_FALSE(parameter_value(p, "no_such"));
  check_problem([&] { (void)set_parameter(p, "meeting_attendance", 1.5, "x.y"); },
                "data.out_of_range", "x.y");
  check_problem([&] { (void)set_parameter(p, "training_half_days", 1.5, "x"); },
                "data.out_of_range", "x");
  check_problem([&] { (void)set_parameter(p, std::string(100000, 'q'), 1, "x"); },
                "simulation.unknown_parameter", "x");
  CHECK(p.meeting_attendance == 0.5);
  for (const auto& row : parameter_table()) {
    const model_parameters defaults;
    const double v = defaults.*(row.field);
    CHECK((v >= row.low && v <= row.high));
  }
}

TEST_CASE("a synthetic programme meets weekly on teaching days", "[simulation]") {
  synthetic_programme s;
  s.pairs = 12;
  s.first_day = date(2025, 10, 1);
  s.last_day = date(2026, 6, 30);
  const auto plan = synthetic_population(s, calendar());
  REQUIRE(plan.pairs.size() == 12);
  CHECK(plan.groups.size() == 3);
  const auto& m = plan.roles[0].meetings;
  for (std::size_t i = 1; i < m.size(); ++i) CHECK((m[i] - m[i - 1]).days() >= 1);
  for (auto d : m) CHECK(is_teaching_day(calendar(), d));
  s.last_day = date(2027, 6, 30);
  check_problem([&] { (void)synthetic_population(s, calendar()); }, "data.out_of_range",
                "population.first_day");
}
