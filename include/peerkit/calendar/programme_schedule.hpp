#pragma once
// A programme year: every session of a peer-support programme on the school's calendar.
//
// For each role the programme runs (its training and intervision cadence come from the
// role's traits):
//   training sessions, one a week from the programme's first teaching week (newcomer
//   roles: the newcomers are prepared in the same weeks, and the last session is one
//   joint half-day for both, as source 001 advises);
//   the first meeting round in the week after the last training session of any role:
//   the programme pairs all its roles on one day, and nobody is paired before being
//   trained (000 step 6); support, and with it the intervision cadence, starts there;
//   weekly meetings of supporters and supportees from the week after, to the end;
//   intervision per group at the role's cadence, from the first meeting round on: all
//   peer leaders (duo roles) in one group, other roles in groups of about five per
//   teacher coach; newcomers meet in a group of their own at the same cadence. A coach
//   with several groups meets them one after the other on the intervision day.
// For the whole programme: bonding activities in the first two months after the first
// meeting round, a project week every ten teaching weeks with a shared half-day, an
// interim evaluation halfway and a final evaluation near the end.
//
// Weeks count teaching weeks (weeks with at least one teaching day): "every two weeks"
// skips holiday weeks rather than losing a session to them. Within a week an event sits
// on its slot's weekday; when that day is not a teaching day it moves by the calendar's
// moving rule to the next teaching day of the same week, or, if none is left, to the
// previous one (docs/calendar.md). Nothing falls in a holiday or on a public holiday.

#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include <boost/date_time/gregorian/formatters.hpp>
#include <boost/date_time/gregorian/gregorian_types.hpp>
#include <boost/date_time/posix_time/posix_time_types.hpp>

#include <peerkit/calendar/icalendar.hpp>
#include <peerkit/calendar/school_calendar.hpp>
#include <peerkit/calendar/school_year.hpp>
#include <peerkit/calendar/teaching_time.hpp>
#include <peerkit/config.hpp>
#include <peerkit/core/enum_keys.hpp>
#include <peerkit/core/error.hpp>
#include <peerkit/core/region.hpp>
#include <peerkit/core/roles.hpp>
#include <peerkit/core/roles_policy.hpp>

namespace peerkit {

/// A role the programme runs this year and who takes part in it.
struct scheduled_role {
  role_entry role{};
  int supporters = 0;       ///< supporters in the role this year
  int teacher_coaches = 1;  ///< teacher coaches who lead the role's intervision groups
};

/// A role given as a tag: `scheduled_role_of<peer_buddy>(15, 3)`.
template <Role R>
[[nodiscard]] scheduled_role scheduled_role_of(int supporters, int teacher_coaches = 1) {
  return {{std::string(role_traits<R>::name), role_traits<R>::kind, role_traits<R>::parameters},
          supporters,
          teacher_coaches};
}

/// A weekly time: a weekday, the local start time and the length.
struct weekly_slot {
  boost::date_time::weekdays weekday = boost::date_time::Tuesday;
  boost::posix_time::time_duration start = boost::posix_time::hours(12);
  boost::posix_time::time_duration duration = boost::posix_time::hours(1);
  friend bool operator==(const weekly_slot&, const weekly_slot&) = default;
};

/// Which end of a cadence range ("every 3-4 weeks") the schedule uses.
enum class cadence_choice { most_often, least_often };
template <>
struct enum_keys<cadence_choice> {
  static constexpr std::array<std::string_view, 2> keys{"most_often", "least_often"};
};

/// Settings of a programme year; every default is documented in docs/calendar.md.
struct programme_options {
  /// The first day of the programme; empty: the first teaching day of the year.
  std::optional<date> start{};
  /// Training: weekday and start; the length comes from the role's training.
  boost::date_time::weekdays training_day = boost::date_time::Wednesday;
  boost::posix_time::time_duration training_start = boost::posix_time::hours(13);
  /// Weekly meetings of roles that meet at school (the long break and around it).
  weekly_slot meeting{boost::date_time::Tuesday, boost::posix_time::hours(12),
                      boost::posix_time::hours(1)};
  /// Weekly meetings of roles that meet after school hours (newcomer buddies).
  weekly_slot after_school_meeting{boost::date_time::Tuesday,
                                   boost::posix_time::hours(15) + boost::posix_time::minutes(30),
                                   boost::posix_time::hours(1)};
  weekly_slot intervision{boost::date_time::Thursday,
                          boost::posix_time::hours(15) + boost::posix_time::minutes(30),
                          boost::posix_time::hours(1)};
  weekly_slot bonding_activity{boost::date_time::Friday, boost::posix_time::hours(13),
                               boost::posix_time::hours(2)};
  weekly_slot shared_half_day{boost::date_time::Wednesday,
                              boost::posix_time::hours(8) + boost::posix_time::minutes(30),
                              boost::posix_time::hours(4)};
  weekly_slot evaluation{boost::date_time::Thursday,
                         boost::posix_time::hours(15) + boost::posix_time::minutes(30),
                         boost::posix_time::minutes(90)};
  int intervision_group_size = 5;  ///< about five buddies a group (source 000)
  cadence_choice cadence = cadence_choice::most_often;
  int bonding_weeks = 8;  ///< the first two months after the first meeting round
  int bonding_interval_weeks = 2;
  int project_week_interval = 10;  ///< a project week every ten teaching weeks; 0: none
  int final_evaluation_weeks_before_end = 2;
  friend bool operator==(const programme_options&, const programme_options&) = default;
};

/// What a scheduled event is.
enum class programme_event_kind {
  training,              ///< a supporters' training session
  newcomer_training,     ///< preparing the newcomers (newcomer roles)
  joint_training,        ///< the last session, supporters and newcomers together
  first_meeting_round,   ///< supporters meet their supportees (or class) for the first time
  pair_meeting,          ///< the weekly meeting of supporter and supportee
  intervision,           ///< supporters of one group with their teacher coach
  newcomer_intervision,  ///< the newcomers' own intervision
  bonding_activity,
  project_week,     ///< the school-wide project week (all-day, Monday to Friday)
  shared_half_day,  ///< the shared half-day of activities in the project week
  interim_evaluation,
  final_evaluation,
};

template <>
struct enum_keys<programme_event_kind> {
  static constexpr std::array<std::string_view, 12> keys{
      "training",     "newcomer_training", "joint_training",       "first_meeting_round",
      "pair_meeting", "intervision",       "newcomer_intervision", "bonding_activity",
      "project_week", "shared_half_day",   "interim_evaluation",   "final_evaluation"};
};

/// An intervision group. Coaches are numbered per role, from 1.
struct intervision_group {
  supporter_role role = supporter_role::peer_buddy;
  bool newcomers = false;  ///< the newcomers' own group (its size is not known here)
  int number = 1;          ///< from 1 within the role
  int coach = 1;
  int members = 0;
  friend bool operator==(const intervision_group&, const intervision_group&) = default;
};

/// One scheduled event.
struct programme_event {
  programme_event_kind kind = programme_event_kind::training;
  std::optional<supporter_role> role{};  ///< empty for events of the whole programme
  int group = 0;                         ///< intervision group number; 0 for other events
  int sequence = 1;                      ///< its place in its series, from 1
  date day{};
  int days = 1;                                             ///< all-day events
  std::optional<boost::posix_time::time_duration> start{};  ///< empty: all-day
  boost::posix_time::time_duration duration{};
  std::string title{};
  std::string description{};
  friend bool operator==(const programme_event&, const programme_event&) = default;
};

/// Whether the year could be scheduled.
enum class schedule_outcome {
  scheduled,
  data_missing,    ///< holidays are missing for the year: see programme_year::missing
  year_too_short,  ///< the teaching weeks after `start` cannot hold training, meetings and
                   ///< evaluation
};
template <>
struct enum_keys<schedule_outcome> {
  static constexpr std::array<std::string_view, 3> keys{"scheduled", "data_missing",
                                                        "year_too_short"};
};

/// A programme year.
struct programme_year {
  school_year year{};
  holiday_region region = holiday_region::midden;
  schedule_outcome outcome = schedule_outcome::scheduled;
  std::vector<missing_holiday> missing{};
  std::vector<intervision_group> groups{};
  std::vector<programme_event> events{};  ///< in date and time order
  friend bool operator==(const programme_year&, const programme_year&) = default;
};

/// The days a role supports its supportees, first and last included.
struct support_days {
  date first{};
  date last{};
  friend bool operator==(const support_days&, const support_days&) = default;
};

/// When `role` supports in `year`: from its first meeting round, where supporters are
/// paired and support starts (000 step 6: after training, with a class or a student), to
/// its last weekly meeting. Empty when the year holds no first meeting round of the role.
[[nodiscard]] std::optional<support_days> support_days_of(const programme_year& year,
                                                          supporter_role role);

/// The stable id of an event within its year, e.g. "2025-2026/peer_buddy/intervision/2/5".
[[nodiscard]] std::string event_id(school_year year, const programme_event& e);

/// Schedules a programme year on the school's calendar. Throws peerkit::error for
/// invalid roles or options (schedule.no_roles, schedule.invalid_role,
/// schedule.duplicate_role, schedule.out_of_range); a year that cannot be scheduled is
/// returned with the reason in `outcome` and no events.
[[nodiscard]] programme_year schedule_programme_year(const school_calendar& cal, school_year year,
                                                     const std::vector<scheduled_role>& roles,
                                                     const programme_options& options = {});

/// The events as calendar entries for to_icalendar, with stable ids from event_id and
/// the event kind and role as categories.
[[nodiscard]] std::vector<calendar_event> to_calendar_events(const programme_year& year);

}  // namespace peerkit

#ifndef PEERKIT_COMPILED
#include <peerkit/calendar/programme_schedule-inl.hpp>
#endif
