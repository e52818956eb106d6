#pragma once
// Definitions of programme_schedule.hpp: inline here in header-only mode, compiled once
// into peerkit::compiled when PEERKIT_COMPILED is defined (see config.hpp).

#include <peerkit/calendar/programme_schedule.hpp>
#include <peerkit/config.hpp>

namespace peerkit {

PEERKIT_INLINE std::string event_id(school_year year, const programme_event& e) {
  std::string id = year.to_string() + '/';
  if (e.role) id += std::string(key_of(*e.role)) + '/';
  id += key_of(e.kind);
  if (e.group > 0) id += '/' + std::to_string(e.group);
  return id + '/' + std::to_string(e.sequence);
}

namespace detail {

PEERKIT_INLINE void check_programme_input(school_year year,
                                          const std::vector<scheduled_role>& roles,
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
PEERKIT_INLINE std::optional<date> slot_day(const school_calendar& cal, const teaching_week& week,
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
PEERKIT_INLINE std::vector<int> group_sizes(int members, int groups) {
  std::vector<int> sizes(static_cast<std::size_t>(groups), members / groups);
  for (int i = 0; i < members % groups; ++i) ++sizes[static_cast<std::size_t>(i)];
  return sizes;
}

PEERKIT_INLINE std::string of_total(int n, int total) {
  return " (" + std::to_string(n) + " of " + std::to_string(total) + ")";
}

/// The teaching weeks a programme year uses, as indices into the teaching year's weeks.
struct programme_window {
  int first = 0;        ///< the first week with a teaching day on or after the start
  int last = 0;         ///< the year's last teaching week
  int first_round = 0;  ///< the week of every role's first meeting round
  int final_week = 0;   ///< the week of the final evaluation
};

/// Training decides when the programme starts: every role trains from the first week, and
/// the programme pairs all its roles on one day, so every role's first meeting round is in
/// the week after the last training session of any role: nobody is paired before being
/// trained. The programme's shared events hang on that round.
PEERKIT_INLINE programme_window window_of(const std::vector<teaching_week>& weeks, date start,
                                          const std::vector<scheduled_role>& roles,
                                          const programme_options& o) {
  programme_window w;
  const auto first = std::find_if(weeks.begin(), weeks.end(), [&](const teaching_week& t) {
    return !t.days.empty() && t.days.back() >= start;
  });
  w.first = static_cast<int>(first - weeks.begin());
  w.last = static_cast<int>(weeks.size()) - 1;
  int sessions = 0;
  for (const auto& r : roles) sessions = std::max(sessions, r.role.parameters.training.sessions);
  // Training beyond the year's end leaves no room; counted in 64 bits, it cannot overflow.
  w.first_round = static_cast<int>(
      std::min<std::int64_t>(std::int64_t{w.first} + sessions, std::int64_t{w.last} + 1));
  w.final_week = w.last - o.final_evaluation_weeks_before_end;
  return w;
}

/// Whether the training, the meetings and the evaluations fit in the window.
PEERKIT_INLINE bool year_fits(const programme_window& w) {
  return w.first <= w.last && w.first_round < w.final_week;
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
PEERKIT_INLINE void schedule_training(event_list& events, const role_entry& role, int first_week,
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
PEERKIT_INLINE void schedule_meetings(event_list& events, const role_entry& role, int round,
                                      int last, const programme_options& o) {
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
PEERKIT_INLINE std::vector<intervision_group> intervision_groups(const scheduled_role& r,
                                                                 const programme_options& o) {
  const auto& p = r.role.parameters;
  const auto role = r.role.kind;
  std::vector<intervision_group> groups;
  if (p.form == support_form::duo_for_class) {
    groups.push_back({role, false, 1, 1, r.supporters});
  } else {
    const int count = static_cast<int>(std::max<std::int64_t>(
        1, (std::int64_t{r.supporters} + o.intervision_group_size / 2) / o.intervision_group_size));
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
PEERKIT_INLINE void schedule_intervision(event_list& events, const scheduled_role& r,
                                         const std::vector<intervision_group>& groups, int round,
                                         int last, const programme_options& o) {
  using k = programme_event_kind;
  const auto& c = r.role.parameters.intervision;
  const int regular = o.cadence == cadence_choice::most_often ? c.interval_weeks.min
                                                              : c.interval_weeks.max;
  // Coaches are numbered from 1 and take the groups in turn: no more coaches than groups.
  std::vector<int> groups_of_coach(
      std::min(static_cast<std::size_t>(r.teacher_coaches), groups.size()) + 1, 0);
  for (const auto& g : groups) {
    // A coach's second group meets right after the first, and so on: never two at once.
    const weekly_slot slot{
        o.intervision.weekday,
        o.intervision.start +
            o.intervision.duration * groups_of_coach[static_cast<std::size_t>(g.coach)]++,
        o.intervision.duration};
    int week = round;
    for (int n = 1;; ++n) {
      const int interval = n <= c.initial_sessions ? c.initial_interval_weeks : regular;
      if (interval > last - week) break;  // compared so that no interval overflows
      week += interval;
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

/// Bonding activities in the first weeks after the first meeting round.
PEERKIT_INLINE void schedule_bonding(event_list& events, const programme_window& w,
                                     const programme_options& o) {
  const int total = o.bonding_weeks / o.bonding_interval_weeks +
                    (o.bonding_weeks % o.bonding_interval_weeks != 0 ? 1 : 0);
  for (int n = 1; n <= total; ++n) {
    // In 64 bits: no count of weeks overflows.
    const std::int64_t week = std::int64_t{w.first_round} + 1 +
                              std::int64_t{n - 1} * o.bonding_interval_weeks;
    if (week > w.last) break;
    events.add(programme_event_kind::bonding_activity, std::nullopt, 0, n, static_cast<int>(week),
               o.bonding_activity, "Bonding activity" + of_total(n, total),
               "A shared activity in the first months, for pairs who find contact hard to make "
               "on their own.");
  }
}

/// A project week every so many teaching weeks, with its shared half-day. A project week
/// needs a full teaching week: when the tenth week has a day off, the project week is the
/// next full week, and the count of ten starts again from there.
PEERKIT_INLINE void schedule_project_weeks(event_list& events,
                                           const std::vector<teaching_week>& weeks,
                                           const programme_window& w, const programme_options& o) {
  using k = programme_event_kind;
  if (o.project_week_interval <= 0 || o.project_week_interval - 1 > w.last - w.first) return;
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
    if (o.project_week_interval > w.last - week) break;  // compared so that no week overflows
    week += o.project_week_interval;
  }
}

/// The interim evaluation halfway between the first meeting round and the final
/// evaluation, and the final evaluation near the end.
PEERKIT_INLINE void schedule_evaluations(event_list& events, const programme_window& w,
                                         const programme_options& o) {
  using k = programme_event_kind;
  events.add(k::interim_evaluation, std::nullopt, 0, 1, (w.first_round + w.final_week) / 2,
             o.evaluation, "Interim evaluation",
             "Ask everyone involved what goes well and what can improve.");
  events.add(k::final_evaluation, std::nullopt, 0, 1, w.final_week, o.evaluation,
             "Final evaluation",
             "Ask everyone involved what went well and what can improve next year.");
}

}  // namespace detail

PEERKIT_INLINE programme_year schedule_programme_year(const school_calendar& cal, school_year year,
                                                      const std::vector<scheduled_role>& roles,
                                                      const programme_options& options) {
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
  if (!detail::year_fits(window)) {
    out.outcome = schedule_outcome::year_too_short;
    return out;
  }

  detail::event_list events(cal, teaching.weeks, start);
  for (const auto& r : roles) {
    detail::schedule_training(events, r.role, window.first, options);
    detail::schedule_meetings(events, r.role, window.first_round, window.last, options);
    if (r.supporters == 0) continue;
    const auto groups = detail::intervision_groups(r, options);
    detail::schedule_intervision(events, r, groups, window.first_round, window.last, options);
    out.groups.insert(out.groups.end(), groups.begin(), groups.end());
  }
  detail::schedule_bonding(events, window, options);
  detail::schedule_project_weeks(events, teaching.weeks, window, options);
  detail::schedule_evaluations(events, window, options);
  out.events = std::move(events).in_order();
  return out;
}

PEERKIT_INLINE std::optional<support_days> support_days_of(const programme_year& year,
                                                           supporter_role role) {
  std::optional<support_days> out;
  for (const auto& e : year.events) {
    if (e.role != role) continue;
    if (e.kind == programme_event_kind::first_meeting_round && !out)
      out = support_days{e.day, e.day};
    else if (e.kind == programme_event_kind::pair_meeting && out)
      out->last = e.day;
  }
  return out;
}

PEERKIT_INLINE std::vector<calendar_event> to_calendar_events(const programme_year& year) {
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
