#pragma once
// How a programme plans its year: the schedule policy (family schedule_family) gives the
// options of the year planner (calendar/programme_schedule.hpp).
//
// Available policies:
//   default_schedule   the documented defaults of programme_options (docs/calendar.md)
//   runtime_schedule   options a front end read from settings
// A school with fixed habits writes its own: a type of schedule_family whose options()
// returns its programme_options.

#include <concepts>

#include <peerkit/calendar/programme_schedule.hpp>
#include <peerkit/core/policy.hpp>

namespace peerkit {

/// A schedule policy: of schedule_family, and gives the year planner's options.
template <class P>
concept SchedulePolicy = PolicyOf<P, schedule_family> && requires(const P& p) {
  { p.options() } -> std::convertible_to<programme_options>;
};

struct default_schedule {
  using policy_family = schedule_family;
  [[nodiscard]] static programme_options options() { return {}; }
};

class runtime_schedule {
 public:
  using policy_family = schedule_family;
  runtime_schedule() = default;
  explicit runtime_schedule(programme_options options) : options_(std::move(options)) {}
  [[nodiscard]] const programme_options& options() const noexcept { return options_; }

 private:
  programme_options options_{};
};

}  // namespace peerkit
