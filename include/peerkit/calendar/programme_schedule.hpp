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
#include <peerkit/core/region.hpp>
#include <peerkit/calendar/school_calendar.hpp>
#include <peerkit/calendar/school_year.hpp>
#include <peerkit/calendar/teaching_time.hpp>
#include <peerkit/config.hpp>
#include <peerkit/core/enum_keys.hpp>
#include <peerkit/core/error.hpp>
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
  static constexpr std::array<std::string_view, 3> keys{"scheduled", "data_missing", "year_too_short"};
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
    const std::string at = "roles[" + std::to_string(i) + "]";
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

}  // namespace detail

/// Schedules a programme year on the school's calendar. Throws peerkit::error for
/// invalid roles or options (schedule.no_roles, schedule.invalid_role,
/// schedule.duplicate_role, schedule.out_of_range); a year that cannot be scheduled is
/// returned with the reason in `outcome` and no events.
[[nodiscard]] inline programme_year schedule_programme_year(
    const school_calendar& cal, school_year year, const std::vector<scheduled_role>& roles,
    const programme_options& options = {}) {
  using boost::posix_time::minutes;
  using k = programme_event_kind;
  detail::check_programme_input(year, roles, options);

  programme_year out{year, cal.region, schedule_outcome::scheduled, {}, {}, {}};
  const teaching_year teaching = teaching_time(cal, year);
  if (!teaching.complete()) {
    out.outcome = schedule_outcome::data_missing;
    out.missing = teaching.missing;
    return out;
  }
  const auto& weeks = teaching.weeks;
  const date start = options.start.value_or(year.first_day());
  const auto first_week = std::find_if(weeks.begin(), weeks.end(), [&](const teaching_week& w) {
    return !w.days.empty() && w.days.back() >= start;
  });
  const int w0 = static_cast<int>(first_week - weeks.begin());
  const int last = static_cast<int>(weeks.size()) - 1;

  // Training and the first meeting round decide when each role starts; the programme's
  // shared events hang on the earliest first round.
  int earliest_round = last + 1;
  for (const auto& r : roles)
    earliest_round = std::min(earliest_round, w0 + r.role.parameters.training.sessions);
  const int final_week = last - options.final_evaluation_weeks_before_end;
  bool fits = w0 <= last && final_week > earliest_round;
  for (const auto& r : roles) fits = fits && w0 + r.role.parameters.training.sessions < final_week;
  if (!fits) {
    out.outcome = schedule_outcome::year_too_short;
    return out;
  }

  std::vector<programme_event> events;
  const auto add = [&](k kind, std::optional<supporter_role> role, int group, int sequence,
                       int week, boost::date_time::weekdays weekday,
                       std::optional<boost::posix_time::time_duration> at,
                       boost::posix_time::time_duration length, std::string title,
                       std::string description) {
    // Every week from the first holds a teaching day on or after `start`.
    const auto day = detail::slot_day(cal, weeks[static_cast<std::size_t>(week)], weekday, start);
    PEERKIT_ASSERT(day.has_value(), "a programme week without a teaching day");
    events.push_back({kind, role, group, sequence, *day, 1, at, length, std::move(title),
                      std::move(description)});
  };

  for (const auto& r : roles) {
    const auto& p = r.role.parameters;
    const auto role = r.role.kind;
    const std::string& name = r.role.name;
    const bool newcomers = p.newcomers_only;
    const bool for_class = p.form == support_form::duo_for_class;
    const int sessions = p.training.sessions;
    const auto length = minutes(p.training.minutes_per_session);

    for (int s = 1; s <= sessions; ++s) {
      const int week = w0 + s - 1;
      if (newcomers && s == sessions) {
        add(k::joint_training, role, 0, 1, week, options.training_day, options.training_start,
            length, "Joint training: " + name + " and newcomers" + detail::of_total(s, sessions),
            "The last training session, supporters and newcomers together for a half-day.");
        continue;
      }
      add(k::training, role, 0, s, week, options.training_day, options.training_start, length,
          "Training " + name + detail::of_total(s, sessions),
          "Before pairing: the role's tasks, the limits of support and when to refer on to "
          "professional help.");
      if (newcomers)
        add(k::newcomer_training, role, 0, s, week, options.training_day, options.training_start,
            length, "Preparation of the newcomers" + detail::of_total(s, sessions),
            "The newcomers prepare for meeting their buddy.");
    }

    const int round = w0 + sessions;
    const auto& meet = p.meets == meeting_place::outside_school_after_hours
                           ? options.after_school_meeting
                           : options.meeting;
    const std::string whom = for_class   ? "their class"
                             : newcomers ? "the newcomers"
                                         : "their supportees";
    add(k::first_meeting_round, role, 0, 1, round, meet.weekday, meet.start, meet.duration,
        "First meeting round: " + name + " and " + whom,
        "Supporters and supportees meet for the first time, after matching.");
    for (int week = round + 1, n = 1; week <= last; ++week, ++n)
      add(k::pair_meeting, role, 0, n, week, meet.weekday, meet.start, meet.duration,
          "Weekly meeting: " + name + " and " + whom,
          p.meets == meeting_place::outside_school_after_hours
              ? "At least an hour, often after school and outside it."
              : "At least an hour, at school.");

    if (r.supporters == 0) continue;
    std::vector<intervision_group> groups;
    if (for_class) {
      groups.push_back({role, false, 1, 1, r.supporters});
    } else {
      const int count = std::max(
          1, (r.supporters + options.intervision_group_size / 2) / options.intervision_group_size);
      const auto sizes = detail::group_sizes(r.supporters, count);
      for (int g = 0; g < count; ++g)
        groups.push_back(
            {role, false, g + 1, g % r.teacher_coaches + 1, sizes[static_cast<std::size_t>(g)]});
    }
    if (newcomers) {
      const int number = static_cast<int>(groups.size()) + 1;
      groups.push_back({role, true, number, (number - 1) % r.teacher_coaches + 1, 0});
    }

    const auto& c = p.intervision;
    const int regular =
        options.cadence == cadence_choice::most_often ? c.interval_weeks.min : c.interval_weeks.max;
    std::vector<int> groups_of_coach(static_cast<std::size_t>(r.teacher_coaches) + 1, 0);
    for (const auto& g : groups) {
      // A coach's second group meets right after the first, and so on: never two at once.
      const auto at =
          options.intervision.start +
          options.intervision.duration * groups_of_coach[static_cast<std::size_t>(g.coach)]++;
      int week = round;
      for (int n = 1;; ++n) {
        week += n <= c.initial_sessions ? c.initial_interval_weeks : regular;
        if (week > last) break;
        const std::string title =
            g.newcomers ? "Intervision: newcomers (teacher coach " + std::to_string(g.coach) + ")"
                        : "Intervision: " + name + ", group " + std::to_string(g.number) +
                              " (teacher coach " + std::to_string(g.coach) + ")";
        add(g.newcomers ? k::newcomer_intervision : k::intervision, role, g.number, n, week,
            options.intervision.weekday, at, options.intervision.duration, title,
            "Led by the teacher coach; a confidential teacher or care coordinator may join.");
      }
    }
    out.groups.insert(out.groups.end(), groups.begin(), groups.end());
  }

  const int bonding_total =
      (options.bonding_weeks + options.bonding_interval_weeks - 1) / options.bonding_interval_weeks;
  for (int n = 1; n <= bonding_total; ++n) {
    const int week = earliest_round + 1 + (n - 1) * options.bonding_interval_weeks;
    if (week > last) break;
    add(k::bonding_activity, std::nullopt, 0, n, week, options.bonding_activity.weekday,
        options.bonding_activity.start, options.bonding_activity.duration,
        "Bonding activity" + detail::of_total(n, bonding_total),
        "A shared activity in the first months, for pairs who find contact hard to make on their "
        "own.");
  }

  // A project week needs a full teaching week: when the tenth week has a day off, the
  // project week is the next full week, and the count of ten starts again from there.
  if (options.project_week_interval > 0) {
    int n = 0;
    for (int week = w0 + options.project_week_interval - 1; week <= last;) {
      while (week <= last && weeks[static_cast<std::size_t>(week)].days.size() < 5) ++week;
      if (week > last) break;
      ++n;
      const auto& w = weeks[static_cast<std::size_t>(week)];
      events.push_back({k::project_week,
                        std::nullopt,
                        0,
                        n,
                        w.days.front(),
                        5,
                        std::nullopt,
                        {},
                        "Project week",
                        "The school-wide project week."});
      add(k::shared_half_day, std::nullopt, 0, n, week, options.shared_half_day.weekday,
          options.shared_half_day.start, options.shared_half_day.duration,
          "Project week: shared half-day",
          "Supporters and supportees together: activities to strengthen the bond.");
      week += options.project_week_interval;
    }
  }

  const auto& ev = options.evaluation;
  add(k::interim_evaluation, std::nullopt, 0, 1, (earliest_round + final_week) / 2, ev.weekday,
      ev.start, ev.duration, "Interim evaluation",
      "Ask everyone involved what goes well and what can improve.");
  add(k::final_evaluation, std::nullopt, 0, 1, final_week, ev.weekday, ev.start, ev.duration,
      "Final evaluation", "Ask everyone involved what went well and what can improve next year.");

  std::stable_sort(
      events.begin(), events.end(), [](const programme_event& a, const programme_event& b) {
        const auto key = [](const programme_event& e) {
          return std::make_tuple(e.start.has_value(),
                                 e.start.value_or(boost::posix_time::time_duration{}), e.kind,
                                 e.role.has_value(), e.role.value_or(supporter_role::peer_leader),
                                 e.group, e.sequence);
        };
        if (a.day != b.day) return a.day < b.day;
        return key(a) < key(b);
      });
  out.events = std::move(events);
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
