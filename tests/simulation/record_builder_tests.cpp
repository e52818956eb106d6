#include <peerkit/calendar/holiday_reader.hpp>
#include <peerkit/io/programme_json.hpp>
#include <peerkit/simulation/record_builder.hpp>

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdint>
#include <set>
#include <string>
#include <vector>

namespace {

using namespace peerkit;
using boost::gregorian::days;

const std::string data_dir = std::string(PEERKIT_SOURCE_DIR) + "/examples/data";

struct sample {
  io::programme_document doc = io::read_programme_file(data_dir + "/sample_programme.json");
  school_calendar calendar{
      doc.the_school.region, read_holidays_file(data_dir + "/school_holidays_nl.csv"), {}};
};

const sample& shipped() {
  static const sample s;
  return s;
}

/// The sample programme with the rematch policy a scenario follows.
runtime_programme programme_for(const model_parameters& p) {
  auto doc = shipped().doc;
  doc.data.supervision.rematch = scenario_rematch(doc.data.supervision.rematch, p);
  return doc.programme();
}

struct simulated_year {
  year_outcome outcome;
  std::vector<year_entry> entries;
};

simulated_year simulate_sample(const runtime_programme& programme, const model_parameters& p,
                               std::uint64_t seed) {
  const auto& calendar = shipped().calendar;
  const auto plan = plan_population(programme, calendar, p);
  record_builder builder(programme, programme.run(calendar), plan);
  const simulation_settings settings{p, programme.data().supervision.rematch, 1};
  auto years = simulate(plan, settings, stream_key{.seed = seed}, builder);
  return {years.front(), builder.entries()};
}

/// Adds every entry, failing with the record's problems at the first it refuses.
void replay(runtime_programme& programme, const std::vector<year_entry>& entries) {
  for (const auto& entry : entries) {
    try {
      programme.add(entry);
    } catch (const error& e) {
      std::string problems;
      for (const auto& p : e.problems())
        problems += p.id + " " + p.location + ": " + p.message + "\n";
      FAIL(std::string(kind_of(entry)) << " on " << day_of(entry) << " refused:\n" << problems);
    }
  }
}

/// The record agrees with the simulation's figures and pairs.
void check_agreement(const runtime_programme& programme, const year_outcome& outcome) {
  const auto& state = programme.record().state();
  const auto& records = state.records;
  const auto& summary = outcome.summary;
  REQUIRE(records.pairs.size() == outcome.pairs.size());
  CHECK(static_cast<int>(records.pairs.size()) == summary.pairs);
  int early = 0;
  int rematches = 0;
  for (const auto& o : outcome.pairs) {
    INFO("pair " << o.id.value());
    const auto* p = records.find_pair(o.id);
    REQUIRE(p);
    CHECK(p->role == o.role);
    CHECK(p->started == o.started);
    REQUIRE(p->ended);
    CHECK(*p->ended == o.ended);
    CHECK(p->ended_because == o.reason);
    CHECK(o.early == (o.reason != end_reason::period_completed));
    early += o.early;
    const bool rematched = std::any_of(
        state.rematches.begin(), state.rematches.end(),
        [&](const rematch_link& l) { return l.replacement == o.id; });
    CHECK(rematched == o.rematch);
    rematches += rematched;
    CHECK(std::count_if(records.contacts.begin(), records.contacts.end(),
                        [&](const contact_record& c) { return c.pair == o.id; }) ==
          o.meetings_held);
    if (!p->supportees.empty()) CHECK(records.notice_for(o.id) == o.started);
  }
  CHECK(early == summary.early_endings);
  CHECK(rematches == summary.rematches);
  CHECK(static_cast<int>(records.closures.size()) == summary.pairs);
  CHECK(static_cast<int>(records.contacts.size()) == summary.meetings_held);
  CHECK(static_cast<int>(records.sessions.size()) == summary.sessions_held);
  CHECK(static_cast<int>(records.escalations.size()) == summary.escalations);
  const auto& policy = programme.data().supervision.escalation;
  const date year_end = programme.data().year.last_day();
  CHECK(std::count_if(records.escalations.begin(), records.escalations.end(),
                      [&](const escalation& e) {
                        return status_of(e, policy, year_end).response == deadline_status::late;
                      }) == summary.escalations_late);
}

/// The ids of the pairs the simulation had active on `day`, in order.
std::vector<pair_id::rep> active_in(const year_outcome& outcome, date day) {
  std::set<pair_id::rep> out;
  for (const auto& o : outcome.pairs)
    if (o.started <= day && day < o.ended) out.insert(o.id.value());
  return {out.begin(), out.end()};
}

/// status_on agrees with the simulation on every fourth week of the year and on the days
/// pairs ended.
void check_status(const runtime_programme& programme, const year_outcome& outcome) {
  const auto& year = programme.data().year;
  std::vector<date> probes;
  for (date d = year.first_day(); d <= year.last_day(); d += days(28)) probes.push_back(d);
  for (const auto& o : outcome.pairs)
    if (o.early) probes.push_back(o.ended);
  for (const auto day : probes) {
    INFO("on " << day);
    const auto status = programme.status_on(day, shipped().calendar);
    std::set<pair_id::rep> active;
    for (const auto& p : status.active_pairs) active.insert(p.id.value());
    CHECK(std::vector<pair_id::rep>(active.begin(), active.end()) == active_in(outcome, day));
  }
}

/// On the day after its deadline, an escalation answered late is open and its response
/// overdue.
void check_late_responses(const runtime_programme& programme) {
  const auto& policy = programme.data().supervision.escalation;
  const date year_end = programme.data().year.last_day();
  for (const auto& e : programme.record().state().records.escalations) {
    const auto route = status_of(e, policy, year_end);
    const date after = route.response_due + days(1);
    if (route.response != deadline_status::late || after > year_end) continue;
    INFO("escalation " << e.id.value());
    const auto status = programme.status_on(after, shipped().calendar);
    CHECK(std::any_of(status.open_escalations.begin(), status.open_escalations.end(),
                      [&](const open_escalation& o) { return o.id == e.id; }));
    CHECK(std::any_of(status.overdue.begin(), status.overdue.end(), [&](const alert& a) {
      return a.rule == alert_rule::escalation_response_overdue && a.escalation == e.id;
    }));
  }
}

}  // namespace

TEST_CASE("record builder: a simulated year of the sample school replays as its record") {
  const model_parameters p{};
  for (const std::uint64_t seed : {1u, 2u, 3u, 20251007u}) {
    INFO("seed " << seed);
    const auto year = simulate_sample(programme_for(p), p, seed);
    auto programme = programme_for(p);
    replay(programme, year.entries);
    REQUIRE(programme.record().size() == year.entries.size());
    CHECK(year.outcome.summary.pairs > 0);
    CHECK(year.outcome.summary.meetings_held > 0);
    CHECK(year.outcome.summary.sessions_held > 0);
    check_agreement(programme, year.outcome);
    check_status(programme, year.outcome);
    check_late_responses(programme);
  }
}

TEST_CASE("record builder: rematches and a coach lost in January are recorded") {
  model_parameters p{};
  p.rematch_after_any_reason = 1;
  p.rematch_pause_days = 7;
  p.coach_loss_month = 1;
  p.coach_succession_weeks = 0;
  p.monthly_closure_hazard = 0.3;
  p.weekly_escalation_rate = 0.05;
  for (const std::uint64_t seed : {7u, 8u}) {
    INFO("seed " << seed);
    const auto year = simulate_sample(programme_for(p), p, seed);
    auto programme = programme_for(p);
    replay(programme, year.entries);
    const auto& summary = year.outcome.summary;
    CHECK(summary.rematches > 0);
    CHECK(summary.early_endings > 0);
    CHECK(summary.coaches_left >= 1);
    CHECK(summary.sessions_held < summary.sessions_planned);
    check_agreement(programme, year.outcome);
    check_status(programme, year.outcome);
    check_late_responses(programme);

    // The first coach leads no session from January on.
    const auto& records = programme.record().state().records;
    const auto first_coach =
        shipped().doc.the_school.staff_in(staff_role::teacher_coach).front()->id;
    const date january = date(programme.data().year.start_year + 1, 1, 1);
    for (const auto& s : records.sessions) {
      const auto* g = records.find_group(s.group);
      REQUIRE(g);
      if (g->coach == first_coach) CHECK(s.held_on < january);
    }
    // Once the coach has gone (on January's first Monday), supporters tell someone else.
    CHECK(summary.escalations_late > 0);
    for (const auto& e : records.escalations)
      if (e.raised_on() >= january + days(7)) CHECK_FALSE(e.was_informed(first_coach));
    // Each rematched supportee waited out the pause the status names.
    for (const auto& link : programme.record().state().rematches) {
      const auto* ended = records.find_pair(link.ended);
      const auto* replacement = records.find_pair(link.replacement);
      REQUIRE(ended);
      REQUIRE(replacement);
      const auto waiting = programme.status_on(*ended->ended, shipped().calendar).rematches;
      const auto option = std::find_if(
          waiting.begin(), waiting.end(),
          [&](const rematch_option& o) { return o.ended == link.ended; });
      REQUIRE(option != waiting.end());
      CHECK(option->decision.verdict == rematch_verdict::pause_not_over);
      CHECK(option->decision.earliest == *ended->ended + days(7));
      CHECK(option->decision.earliest <= replacement->started);
    }
  }
}
