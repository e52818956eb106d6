// A researcher's own measure, taken by an observer of simulated years: how often a pair
// goes three planned meetings in a row without meeting, a warning sign the programme's
// figures do not count. The sample school's year, 200 replications, with intervision every
// two weeks and every four, on the same random numbers.

#include <cstdio>
#include <map>

#include <peerkit/simulation.hpp>

#include "sample.hpp"

// Counts, per pair, the missed meetings in a row and the runs of three or more.
struct missed_streaks {
  std::map<std::size_t, int> in_a_row;
  int streaks = 0;
  int pairs = 0;

  void on(const peerkit::year_started_event&) { in_a_row.clear(); }
  void on(const peerkit::pair_started_event&) { ++pairs; }
  void on(const peerkit::meeting_event& e) {
    int& missed = in_a_row[e.pair_index];
    missed = e.held ? 0 : missed + 1;
    streaks += missed == 3;
  }
};

int main() {
  const auto doc = sample::programme_document();
  const auto programme = doc.programme();
  const auto calendar = sample::calendar(doc.the_school.region);
  for (const double weeks : {2.0, 4.0}) {
    peerkit::simulation_settings settings;
    peerkit::set_parameter(settings.parameters, "intervision_interval_weeks", weeks, "weeks");
    const auto plan = peerkit::plan_population(programme, calendar, settings.parameters);
    missed_streaks seen;
    for (std::uint32_t replication = 0; replication < 200; ++replication)
      (void)peerkit::simulate(plan, settings, {.seed = 2025, .replication = replication}, seen);
    std::printf(
        "intervision every %.0f weeks: %d times three missed meetings in a row, "
        "in %d pairs (%.1f per 100 pairs)\n",
        weeks, seen.streaks, seen.pairs, 100.0 * seen.streaks / seen.pairs);
  }
}
