#pragma once
// What happens in a simulated year, as events an observer may watch. An observer is any
// object with `on(const E&)` for the events it cares about; the simulation calls only
// those that exist, so every event has a no-op default and an observer costs nothing for
// what it ignores:
//
//   struct meetings_in_december {
//     int held = 0;
//     void on(const meeting_event& e) { held += e.held && e.on.month() == 12; }
//   };
//
// Events carry indices into the simulated year's pairs and groups (pair_index: the
// population's pairs first, then pairs made by rematching and late matching, in the
// order they start).

#include <cstddef>
#include <optional>
#include <span>

#include <peerkit/core/student.hpp>
#include <peerkit/core/support_pair.hpp>
#include <peerkit/supervision/escalation.hpp>

namespace peerkit {

struct population;

/// A simulated year begins (`year`: 0 for the first of a multi-year run).
struct year_started_event {
  int year = 0;
  const population& plan;
};

/// A pair starts, on its first meeting day; `replaces`: the ended pair whose supportee it
/// rematches.
struct pair_started_event {
  std::size_t pair_index = 0;
  const support_pair& pair;
  std::optional<std::size_t> replaces;
};

/// A planned meeting was held or missed.
struct meeting_event {
  std::size_t pair_index = 0;
  date on;
  bool held = false;
};

/// An intervision session was held; `present`: the supporters who came.
struct intervision_event {
  std::size_t group = 0;
  date on;
  std::span<const student_id> present;
};

/// A planned session was not held: its group had no teacher coach.
struct intervision_missed_event {
  std::size_t group = 0;
  date on;
};

/// A supporter raised a problem; `on_time`: staff responded within the deadline.
struct escalation_raised_event {
  std::size_t pair_index = 0;
  date on;
  severity tier = severity::concern;
  bool on_time = true;
};

/// A pair ended, early or at the end of the year (end_reason::period_completed).
struct pair_ended_event {
  std::size_t pair_index = 0;
  date on;
  end_reason reason = end_reason::period_completed;
};

/// A teacher coach left (`coach`: 0-based), or a successor took over.
struct coach_left_event {
  int coach = 0;
  date on;
};
struct coach_succeeded_event {
  int coach = 0;
  date on;
};

/// A week ended (`monday`: its first day).
struct week_ended_event {
  date monday;
  int active_pairs = 0;
  int meetings_held = 0;
  double mean_closeness = 0;
};

/// Calls `observer.on(e)` when the observer watches events of that kind.
template <class Observer, class Event>
constexpr void notify(Observer& observer, const Event& e) {
  if constexpr (requires { observer.on(e); }) observer.on(e);
}

/// Watches nothing.
struct no_observer {};

}  // namespace peerkit
