#pragma once
// A programme year: every session of a peer-support programme on the school's calendar.
//
// For each role the programme runs (its training and intervision cadence come from the
// role's traits):
//   training sessions, one a week from the programme's first teaching week (newcomer
//   roles: the newcomers are prepared in the same weeks, and the last session is one
//   joint half-day for both, as source 001 advises);
//   the first meeting round in the week after the last training, so nobody is paired
//   before being trained;
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

/// The stable id of an event within its year, e.g. "2025-2026/peer_buddy/intervision/2/5".
[[nodiscard]] inline std::string event_id(school_year year, const programme_event& e) {
  std::string id = year.to_string() + '/';
  if (e.role) id += std::string(key_of(*e.role)) + '/';
  id += key_of(e.kind);
  if (e.group > 0) id += '/' + std::to_string(e.group);
  return id + '/' + std::to_string(e.sequence);
}

namespace detail {

inline void check_programme_input(school_year year, const std::vector<scheduled_role>& roles,
                                  const programme_options& o) {
  problem_list problems;
  if (roles.empty())
    problems.add("schedule.no_roles", "roles", "expected at least one role, found none");
  for (std::size_t i = 0; i < roles.size(); ++i) {
    const auto& r = roles[i];
    const std::string at = element_location("roles", i);
    if (!r.role.parameters.valid())
      problems.add("schedule.invalid_role", at + ".role",
                   "expected consistent parameters for " + r.role.name +
                       " (each minimum within its maximum)");
    if (r.supporters < 0)
      problems.add("schedule.out_of_range", at + ".supporters",
                   "expected 0 or more supporters, found " + std::to_string(r.supporters));
    if (r.teacher_coaches < 1)
      problems.add("schedule.out_of_range", at + ".teacher_coaches",
                   "expected at least 1 teacher coach, found " + std::to_string(r.teacher_coaches));
    for (std::size_t j = 0; j < i; ++j)
      if (roles[j].role.kind == r.role.kind)
        problems.add("schedule.duplicate_role", at + ".role",
                     "expected each role once, found " + std::string(key_of(r.role.kind)) +
                         " again (first at roles[" + std::to_string(j) + "])");
  }
  const auto at_least = [&](int value, int minimum, const char* name) {
    if (value < minimum)
      problems.add(
          "schedule.out_of_range", std::string("options.") + name,
          "expected " + std::to_string(minimum) + " or more, found " + std::to_string(value));
  };
  at_least(o.intervision_group_size, 1, "intervision_group_size");
  at_least(o.bonding_weeks, 0, "bonding_weeks");
  at_least(o.bonding_interval_weeks, 1, "bonding_interval_weeks");
  at_least(o.project_week_interval, 0, "project_week_interval");
  at_least(o.final_evaluation_weeks_before_end, 0, "final_evaluation_weeks_before_end");
  if (o.start && !year.contains(*o.start))
    problems.add("schedule.out_of_range", "options.start",
                 "expected a day within school year " + year.to_string() + ", found " +
                     to_iso_extended_string(*o.start));
  problems.throw_if_any();
}

/// The teaching day of `week` for `weekday`, not before `lower`: the slot's day, moved by
/// the moving rule within the week (later first, then earlier). Empty when the week has
/// no teaching day on or after `lower`.
inline std::optional<date> slot_day(const school_calendar& cal, const teaching_week& week,
                                    boost::date_time::weekdays weekday, date lower) {
  const date first = std::max(week.monday, lower);
  const date sunday = week.monday + boost::gregorian::days(6);
  if (first > sunday) return std::nullopt;
  const date planned = std::max(first, week.monday + boost::gregorian::days((weekday + 6) % 7));
  if (const auto later = move_to_teaching_day(cal, planned, move_direction::later, sunday))
    return later;
  return move_to_teaching_day(cal, planned, move_direction::earlier, first);
}

/// Sizes of `groups` groups for `members` people, differing by at most one.
inline std::vector<int> group_sizes(int members, int groups) {
  std::vector<int> sizes(static_cast<std::size_t>(groups), members / groups);
  for (int i = 0; i < members % groups; ++i) ++sizes[static_cast<std::size_t>(i)];
  return sizes;
}

inline std::string of_total(int n, int total) {
  return " (" + std::to_string(n) + " of " + std::to_string(total) + ")";
}

/// The teaching weeks a programme year uses, as indices into the teaching year's weeks.
struct programme_window {
  int first = 0;           ///< the first week with a teaching day on or after the start
  int last = 0;            ///< the year's last teaching week
  int earliest_round = 0;  ///< the earliest first meeting round of any role
  int final_week = 0;      ///< the week of the final evaluation

  /// The week of a role's first meeting round: the week after its last training session,
  /// so nobody is paired before being trained.
  [[nodiscard]] int first_round(const role_parameters& p) const noexcept {
    return first + p.training.sessions;
  }
};

/// Training and the first meeting round decide when each role starts; the programme's
/// shared events hang on the earliest first round.
inline programme_window window_of(const std::vector<teaching_week>& weeks, date start,
                                  const std::vector<scheduled_role>& roles,
                                  const programme_options& o) {
  programme_window w;
  const auto first = std::find_if(weeks.begin(), weeks.end(), [&](const teaching_week& t) {
    return !t.days.empty() && t.days.back() >= start;
  });
  w.first = static_cast<int>(first - weeks.begin());
  w.last = static_cast<int>(weeks.size()) - 1;
  w.earliest_round = w.last + 1;
  for (const auto& r : roles)
    w.earliest_round = std::min(w.earliest_round, w.first_round(r.role.parameters));
  w.final_week = w.last - o.final_evaluation_weeks_before_end;
  return w;
}

/// Whether every role's training, its meetings and the evaluations fit in the window.
inline bool year_fits(const programme_window& w, const std::vector<scheduled_role>& roles) {
  return w.first <= w.last && w.final_week > w.earliest_round &&
         std::all_of(roles.begin(), roles.end(), [&](const scheduled_role& r) {
           return w.first_round(r.role.parameters) < w.final_week;
         });
}

/// The events of a year as they are placed, each on its slot's day of a teaching week.
class event_list {
 public:
  event_list(const school_calendar& cal, const std::vector<teaching_week>& weeks, date start)
      : cal_(cal), weeks_(weeks), start_(start) {}

  /// An event at `slot` in teaching week `week`.
  void add(programme_event_kind kind, std::optional<supporter_role> role, int group, int sequence,
           int week, const weekly_slot& slot, std::string title, std::string description) {
    // Every week from the first holds a teaching day on or after `start`.
    const auto day = slot_day(cal_, weeks_[static_cast<std::size_t>(week)], slot.weekday, start_);
    PEERKIT_ASSERT(day.has_value(), "a programme week without a teaching day");
    events_.push_back({kind, role, group, sequence, *day, 1, slot.start, slot.duration,
                       std::move(title), std::move(description)});
  }
  /// An event placed by the caller (an all-day event).
  void add(programme_event e) { events_.push_back(std::move(e)); }

  /// The events in date and time order.
  [[nodiscard]] std::vector<programme_event> in_order() && {
    std::stable_sort(
        events_.begin(), events_.end(), [](const programme_event& a, const programme_event& b) {
          const auto key = [](const programme_event& e) {
            return std::make_tuple(e.start.has_value(),
                                   e.start.value_or(boost::posix_time::time_duration{}), e.kind,
                                   e.role.has_value(), e.role.value_or(supporter_role::peer_leader),
                                   e.group, e.sequence);
          };
          if (a.day != b.day) return a.day < b.day;
          return key(a) < key(b);
        });
    return std::move(events_);
  }

 private:
  const school_calendar& cal_;
  const std::vector<teaching_week>& weeks_;
  date start_;
  std::vector<programme_event> events_;
};

/// A role's training, one session a week from `first_week`. Newcomer roles prepare the
/// newcomers in the same weeks and make the last session one joint half-day (source 001).
inline void schedule_training(event_list& events, const role_entry& role, int first_week,
                              const programme_options& o) {
  using k = programme_event_kind;
  const auto& p = role.parameters;
  const bool newcomers = p.newcomers_only;
  const int sessions = p.training.sessions;
  const weekly_slot slot{o.training_day, o.training_start,
                         boost::posix_time::minutes(p.training.minutes_per_session)};
  for (int s = 1; s <= sessions; ++s) {
    const int week = first_week + s - 1;
    if (newcomers && s == sessions) {
      events.add(k::joint_training, role.kind, 0, 1, week, slot,
                 "Joint training: " + role.name + " and newcomers" + of_total(s, sessions),
                 "The last training session, supporters and newcomers together for a half-day.");
      continue;
    }
    events.add(k::training, role.kind, 0, s, week, slot,
               "Training " + role.name + of_total(s, sessions),
               "Before pairing: the role's tasks, the limits of support and when to refer on to "
               "professional help.");
    if (newcomers)
      events.add(k::newcomer_training, role.kind, 0, s, week, slot,
                 "Preparation of the newcomers" + of_total(s, sessions),
                 "The newcomers prepare for meeting their buddy.");
  }
}

/// A role's first meeting round in week `round`, then a meeting every week to `last`.
inline void schedule_meetings(event_list& events, const role_entry& role, int round, int last,
                              const programme_options& o) {
  using k = programme_event_kind;
  const auto& p = role.parameters;
  const bool after_hours = p.meets == meeting_place::outside_school_after_hours;
  const auto& meet = after_hours ? o.after_school_meeting : o.meeting;
  const std::string whom = p.form == support_form::duo_for_class ? "their class"
                           : p.newcomers_only                    ? "the newcomers"
                                                                 : "their supportees";
  events.add(k::first_meeting_round, role.kind, 0, 1, round, meet,
             "First meeting round: " + role.name + " and " + whom,
             "Supporters and supportees meet for the first time, after matching.");
  for (int week = round + 1, n = 1; week <= last; ++week, ++n)
    events.add(k::pair_meeting, role.kind, 0, n, week, meet,
               "Weekly meeting: " + role.name + " and " + whom,
               after_hours ? "At least an hour, often after school and outside it."
                           : "At least an hour, at school.");
}

/// A role's intervision groups: all peer leaders (duo roles) in one group, other roles in
/// groups of about the group size spread over the coaches, and the newcomers of a newcomer
/// role in a group of their own.
inline std::vector<intervision_group> intervision_groups(const scheduled_role& r,
                                                         const programme_options& o) {
  const auto& p = r.role.parameters;
  const auto role = r.role.kind;
  std::vector<intervision_group> groups;
  if (p.form == support_form::duo_for_class) {
    groups.push_back({role, false, 1, 1, r.supporters});
  } else {
    const int count = std::max(
        1, (r.supporters + o.intervision_group_size / 2) / o.intervision_group_size);
    const auto sizes = group_sizes(r.supporters, count);
    for (int g = 0; g < count; ++g)
      groups.push_back(
          {role, false, g + 1, g % r.teacher_coaches + 1, sizes[static_cast<std::size_t>(g)]});
  }
  if (p.newcomers_only) {
    const int number = static_cast<int>(groups.size()) + 1;
    groups.push_back({role, true, number, (number - 1) % r.teacher_coaches + 1, 0});
  }
  return groups;
}

/// Each group's intervision at the role's cadence, counted from the first meeting round in
/// week `round`, to `last`.
inline void schedule_intervision(event_list& events, const scheduled_role& r,
                                 const std::vector<intervision_group>& groups, int round, int last,
                                 const programme_options& o) {
  using k = programme_event_kind;
  const auto& c = r.role.parameters.intervision;
  const int regular = o.cadence == cadence_choice::most_often ? c.interval_weeks.min
                                                              : c.interval_weeks.max;
  std::vector<int> groups_of_coach(static_cast<std::size_t>(r.teacher_coaches) + 1, 0);
  for (const auto& g : groups) {
    // A coach's second group meets right after the first, and so on: never two at once.
    const weekly_slot slot{
        o.intervision.weekday,
        o.intervision.start +
            o.intervision.duration * groups_of_coach[static_cast<std::size_t>(g.coach)]++,
        o.intervision.duration};
    int week = round;
    for (int n = 1;; ++n) {
      week += n <= c.initial_sessions ? c.initial_interval_weeks : regular;
      if (week > last) break;
      const std::string title =
          g.newcomers ? "Intervision: newcomers (teacher coach " + std::to_string(g.coach) + ")"
                      : "Intervision: " + r.role.name + ", group " + std::to_string(g.number) +
                            " (teacher coach " + std::to_string(g.coach) + ")";
      events.add(g.newcomers ? k::newcomer_intervision : k::intervision, r.role.kind, g.number, n,
                 week, slot, title,
                 "Led by the teacher coach; a confidential teacher or care coordinator may join.");
    }
  }
}

/// Bonding activities in the first weeks after the earliest first meeting round.
inline void schedule_bonding(event_list& events, const programme_window& w,
                             const programme_options& o) {
  const int total = (o.bonding_weeks + o.bonding_interval_weeks - 1) / o.bonding_interval_weeks;
  for (int n = 1; n <= total; ++n) {
    const int week = w.earliest_round + 1 + (n - 1) * o.bonding_interval_weeks;
    if (week > w.last) break;
    events.add(programme_event_kind::bonding_activity, std::nullopt, 0, n, week, o.bonding_activity,
               "Bonding activity" + of_total(n, total),
               "A shared activity in the first months, for pairs who find contact hard to make "
               "on their own.");
  }
}

/// A project week every so many teaching weeks, with its shared half-day. A project week
/// needs a full teaching week: when the tenth week has a day off, the project week is the
/// next full week, and the count of ten starts again from there.
inline void schedule_project_weeks(event_list& events, const std::vector<teaching_week>& weeks,
                                   const programme_window& w, const programme_options& o) {
  using k = programme_event_kind;
  if (o.project_week_interval <= 0) return;
  int n = 0;
  for (int week = w.first + o.project_week_interval - 1; week <= w.last;) {
    while (week <= w.last && weeks[static_cast<std::size_t>(week)].days.size() < 5) ++week;
    if (week > w.last) break;
    ++n;
    events.add({k::project_week,
                std::nullopt,
                0,
                n,
                weeks[static_cast<std::size_t>(week)].days.front(),
                5,
                std::nullopt,
                {},
                "Project week",
                "The school-wide project week."});
    events.add(k::shared_half_day, std::nullopt, 0, n, week, o.shared_half_day,
               "Project week: shared half-day",
               "Supporters and supportees together: activities to strengthen the bond.");
    week += o.project_week_interval;
  }
}

/// The interim evaluation halfway between the earliest first round and the final
/// evaluation, and the final evaluation near the end.
inline void schedule_evaluations(event_list& events, const programme_window& w,
                                 const programme_options& o) {
  using k = programme_event_kind;
  events.add(k::interim_evaluation, std::nullopt, 0, 1, (w.earliest_round + w.final_week) / 2,
             o.evaluation, "Interim evaluation",
             "Ask everyone involved what goes well and what can improve.");
  events.add(k::final_evaluation, std::nullopt, 0, 1, w.final_week, o.evaluation,
             "Final evaluation",
             "Ask everyone involved what went well and what can improve next year.");
}

}  // namespace detail

/// Schedules a programme year on the school's calendar. Throws peerkit::error for
/// invalid roles or options (schedule.no_roles, schedule.invalid_role,
/// schedule.duplicate_role, schedule.out_of_range); a year that cannot be scheduled is
/// returned with the reason in `outcome` and no events.
[[nodiscard]] inline programme_year schedule_programme_year(
    const school_calendar& cal, school_year year, const std::vector<scheduled_role>& roles,
    const programme_options& options = {}) {
  detail::check_programme_input(year, roles, options);

  programme_year out{year, cal.region, schedule_outcome::scheduled, {}, {}, {}};
  const teaching_year teaching = teaching_time(cal, year);
  if (!teaching.complete()) {
    out.outcome = schedule_outcome::data_missing;
    out.missing = teaching.missing;
    return out;
  }
  const date start = options.start.value_or(year.first_day());
  const auto window = detail::window_of(teaching.weeks, start, roles, options);
  if (!detail::year_fits(window, roles)) {
    out.outcome = schedule_outcome::year_too_short;
    return out;
  }

  detail::event_list events(cal, teaching.weeks, start);
  for (const auto& r : roles) {
    const int round = window.first_round(r.role.parameters);
    detail::schedule_training(events, r.role, window.first, options);
    detail::schedule_meetings(events, r.role, round, window.last, options);
    if (r.supporters == 0) continue;
    const auto groups = detail::intervision_groups(r, options);
    detail::schedule_intervision(events, r, groups, round, window.last, options);
    out.groups.insert(out.groups.end(), groups.begin(), groups.end());
  }
  detail::schedule_bonding(events, window, options);
  detail::schedule_project_weeks(events, teaching.weeks, window, options);
  detail::schedule_evaluations(events, window, options);
  out.events = std::move(events).in_order();
  return out;
}

/// The events as calendar entries for to_icalendar, with stable ids from event_id and
/// the event kind and role as categories.
[[nodiscard]] inline std::vector<calendar_event> to_calendar_events(const programme_year& year) {
  std::vector<calendar_event> out;
  out.reserve(year.events.size());
  for (const auto& e : year.events) {
    std::vector<std::string> categories{std::string(key_of(e.kind))};
    if (e.role) categories.emplace_back(key_of(*e.role));
    out.push_back({event_id(year.year, e),
                   e.title,
                   e.description,
                   {},
                   std::move(categories),
                   e.day,
                   e.days,
                   e.start,
                   e.duration});
  }
  return out;
}

}  // namespace peerkit
