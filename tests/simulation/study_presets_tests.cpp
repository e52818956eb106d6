#include <peerkit/simulation/study_presets.hpp>

#include <catch2/catch.hpp>

#include <string>

#include <peerkit/calendar/holiday_reader.hpp>
#include <peerkit/experiment/statistics.hpp>
#include <peerkit/simulation/year_simulation.hpp>

namespace {

using namespace peerkit;

school_calendar calendar_of(const study_preset& s) {
  static const auto holidays = read_holidays_file(std::string(PEERKIT_SOURCE_DIR) +
                                                  "/examples/data/school_holidays_nl.csv");
  return {s.region, holidays, {}};
}

/// The figures of `replications` years of a preset, averaged.
struct preset_run {
  double meetings_per_month = 0;
  double months_supported = 0;
  double never_matched = 0;
  double early_share = 0;
};

preset_run run(const study_preset& s, std::uint32_t replications) {
  const auto plan = synthetic_population(s.programme, calendar_of(s));
  running_summary meetings, months, never, early;
  for (std::uint32_t r = 0; r < replications; ++r) {
    const auto y = simulate(plan, {s.parameters, {}, 1}, stream_key{7, 0, r, 0, 0}).front().summary;
    meetings.add(y.meetings_per_month);
    months.add(y.months_supported);
    never.add(double(y.never_matched) / y.supportees);
    early.add(y.early_share);
  }
  return {meetings.mean(), months.mean(), never.mean(), early.mean()};
}

}  // namespace

TEST_CASE("study presets: every number within its parameter's bounds") {
  for (const auto& s : study_presets()) {
    INFO(s.name);
    for (const auto& row : parameter_table()) {
      INFO(row.name);
      auto p = model_parameters{};
      CHECK_NOTHROW(set_parameter(p, row.name, s.parameters.*(row.field), std::string(s.name)));
    }
  }
}

TEST_CASE("study presets: a year of weekly meetings on teaching days of 2025-2026") {
  for (const auto& s : study_presets()) {
    INFO(s.name);
    const auto calendar = calendar_of(s);
    const auto plan = synthetic_population(s.programme, calendar);
    CHECK(plan.year.start_year == 2025);
    REQUIRE(plan.roles.size() == 1);
    CHECK(plan.roles[0].role == s.programme.role);
    CHECK(plan.pairs.size() == static_cast<std::size_t>(s.programme.pairs));
    const auto& meetings = plan.roles[0].meetings;
    REQUIRE(meetings.size() >= 20);
    CHECK(meetings.front() >= s.programme.first_day);
    CHECK(meetings.back() <= s.programme.last_day);
    for (auto d : meetings) CHECK(is_teaching_day(calendar, d));
    // The Christmas holiday pauses every programme.
    for (auto d : meetings) CHECK_FALSE((d >= date(2025, 12, 20) && d <= date(2026, 1, 4)));
  }
}

TEST_CASE("study presets: Hoofdvaart runs the model's defaults on its 14 pairs") {
  const auto s = hoofdvaart_preset();
  CHECK(s.parameters == model_parameters{});
  CHECK(s.programme.role == supporter_role::newcomer_buddy);
  CHECK(s.programme.pairs == 14);
  CHECK(s.region == holiday_region::noord);
}

TEST_CASE("study presets: plausible years") {
  const auto us = run(us_school_mentoring_preset(), 20);
  const auto smile = run(smile_preset(), 20);
  const auto hoofdvaart = run(hoofdvaart_preset(), 20);
  // A weekly plan holds at most one meeting in each teaching week: 30.44 / 7 a month.
  for (const auto& r : {us, smile, hoofdvaart}) {
    CHECK(r.meetings_per_month > 0);
    CHECK(r.meetings_per_month <= 30.436875 / 7 + 1e-9);
    CHECK(r.early_share >= 0);
    CHECK(r.early_share <= 1);
  }
  // Only the US trial leaves students waiting, and no more than those it planned to.
  CHECK(us.never_matched > 0);
  CHECK(us.never_matched <= 20.0 / 100);
  CHECK(smile.never_matched == 0);
  CHECK(hoofdvaart.never_matched == 0);
  // SMILE is the pessimistic case: fewer meetings a month and shorter support.
  CHECK(smile.meetings_per_month < us.meetings_per_month);
  CHECK(smile.months_supported < us.months_supported);
  CHECK(smile.early_share > hoofdvaart.early_share);
  // Nobody is supported longer than the programme's year lasts.
  const auto us_year = us_school_mentoring_preset().programme;
  CHECK(us.months_supported <= (us_year.last_day - us_year.first_day).days() / 30.436875);
}
