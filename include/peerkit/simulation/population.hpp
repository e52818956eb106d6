#pragma once
// What a simulated year starts from: the pairs as the planning core paired them, who was
// left waiting, who is in reserve, and the plan's dated events — each role's weekly
// meetings, each intervision group's sessions, the bonding activities. The year then runs
// against this plan, so holidays pause meetings exactly as the school calendar says.
//
// A population comes from a school's own programme (population_of a planning run, or
// plan_population, which plans again with the scenario's training, intervision and buddy
// settings) or from counts alone (synthetic_population) for programmes described in
// studies rather than in a school's files.

#include <algorithm>
#include <cstddef>
#include <limits>
#include <map>
#include <vector>

#include <peerkit/calendar/programme_schedule.hpp>
#include <peerkit/calendar/school_calendar.hpp>
#include <peerkit/core/error.hpp>
#include <peerkit/core/roles.hpp>
#include <peerkit/core/support_pair.hpp>
#include <peerkit/programme/presets.hpp>
#include <peerkit/simulation/parameters.hpp>

namespace peerkit {

inline constexpr std::size_t no_group = std::numeric_limits<std::size_t>::max();

/// A role as the year plans it.
struct simulated_role {
  supporter_role role = supporter_role::peer_buddy;
  bool serves_class = false;
  std::vector<date> meetings;        ///< the role's planned weekly meeting days, in order
  int training_sessions = 0;         ///< the sessions its supporters were trained in
  int reference_training = 0;        ///< the sessions the sources give the role
  std::vector<student_id> waiting;   ///< supportees left without a supporter
  std::vector<student_id> reserves;  ///< chosen supporters without a supportee
  friend bool operator==(const simulated_role&, const simulated_role&) = default;
};

/// An intervision group: its role, its coach (0-based among the school's coaches) and its
/// planned sessions.
struct simulated_group {
  std::size_t role = 0;
  int coach = 0;
  std::vector<date> sessions;
  friend bool operator==(const simulated_group&, const simulated_group&) = default;
};

/// A pair as paired, with its role and intervision group (indices into the population).
struct simulated_pair {
  support_pair pair;
  std::size_t role = 0;
  std::size_t group = no_group;
  friend bool operator==(const simulated_pair&, const simulated_pair&) = default;
};

/// Everything a simulated year starts from.
struct population {
  school_year year{};
  date last_day{};  ///< support ends on this day (the last planned meeting)
  std::vector<simulated_role> roles;
  std::vector<simulated_group> groups;
  std::vector<simulated_pair> pairs;
  std::vector<date> bonding;  ///< the programme's bonding activities
  int coaches = 1;

  [[nodiscard]] std::size_t supportee_count() const noexcept {
    std::size_t n = 0;
    for (const auto& p : pairs) n += p.pair.supportees.size();
    for (const auto& r : roles) n += r.waiting.size();
    return n;
  }
};

namespace detail {
inline std::size_t role_index(std::vector<simulated_role>& roles, supporter_role r) {
  for (std::size_t i = 0; i < roles.size(); ++i)
    if (roles[i].role == r) return i;
  roles.push_back({r, serves_whole_class(default_parameters(r).form), {}, 0, 0, {}, {}});
  return roles.size() - 1;
}
}  // namespace detail

/// The population of a planning run: its pairs, the supportees it left waiting and the
/// supporters it did not need, the planned meetings, sessions and bonding activities of
/// its year. Intervision groups take the role's supporters in pair order, as many as the
/// plan gives each group. `coaches`: the school's teacher coaches (at least one).
[[nodiscard]] inline population population_of(const programme_run& run,
                                              const std::vector<role_entry>& roles, int coaches) {
  population out;
  out.year = run.year.year;
  out.coaches = std::max(1, coaches);
  for (const auto& entry : roles) {
    const auto r = detail::role_index(out.roles, entry.kind);
    out.roles[r].training_sessions = entry.parameters.training.sessions;
    out.roles[r].reference_training = default_parameters(entry.kind).training.sessions;
  }
  for (const auto& rp : run.pairing.roles) {
    auto& role = out.roles[detail::role_index(out.roles, rp.role.kind)];
    for (const auto& u : rp.explanation.unpaired_supportees) role.waiting.push_back(u.who);
    for (const auto& u : rp.explanation.unused_supporters) role.reserves.push_back(u.who);
  }
  // Group numbers of each role, as planned, mapped to the population's groups.
  std::map<std::pair<supporter_role, int>, std::size_t> group_of;
  std::map<std::pair<supporter_role, int>, int> planned_size;
  for (const auto& g : run.year.groups) {
    if (g.newcomers) continue;  // the newcomers' own group: no supporters in it
    const auto r = detail::role_index(out.roles, g.role);
    group_of[{g.role, g.number}] = out.groups.size();
    planned_size[{g.role, g.number}] = g.members;
    out.groups.push_back({r, (g.coach - 1) % out.coaches, {}});
  }
  for (const auto& e : run.year.events) {
    // Supporters first meet their supportees at the first meeting round, then weekly.
    if ((e.kind == programme_event_kind::pair_meeting ||
         e.kind == programme_event_kind::first_meeting_round) &&
        e.role)
      out.roles[detail::role_index(out.roles, *e.role)].meetings.push_back(e.day);
    else if (e.kind == programme_event_kind::intervision && e.role)
      if (auto it = group_of.find({*e.role, e.group}); it != group_of.end())
        out.groups[it->second].sessions.push_back(e.day);
    if (e.kind == programme_event_kind::bonding_activity) out.bonding.push_back(e.day);
    if (e.kind == programme_event_kind::pair_meeting &&
        (out.last_day.is_special() || e.day > out.last_day))
      out.last_day = e.day;
  }
  for (auto& r : out.roles) {
    std::sort(r.meetings.begin(), r.meetings.end());
    r.meetings.erase(std::unique(r.meetings.begin(), r.meetings.end()), r.meetings.end());
  }
  std::map<supporter_role, std::pair<int, int>> filling;  // role → (group number, taken)
  for (const auto& p : run.pairing.pairs) {
    simulated_pair sp{p, detail::role_index(out.roles, p.role), no_group};
    auto& [number, taken] = filling.try_emplace(p.role, 1, 0).first->second;
    while (planned_size.count({p.role, number}) && taken >= planned_size[{p.role, number}] &&
           planned_size.count({p.role, number + 1})) {
      ++number;
      taken = 0;
    }
    if (auto it = group_of.find({p.role, number}); it != group_of.end()) sp.group = it->second;
    taken += static_cast<int>(p.supporters.size());
    out.pairs.push_back(std::move(sp));
  }
  return out;
}

/// The roles of `entries` with the scenario's plan applied: intervision every
/// `intervision_interval_weeks` weeks, a buddy supporting at most `buddy_supportees_max`
/// students (0 keeps a role's own).
[[nodiscard]] inline std::vector<role_entry> scenario_roles(std::vector<role_entry> entries,
                                                            const model_parameters& p) {
  for (auto& e : entries) {
    auto& rp = e.parameters;
    if (p.intervision_interval_weeks > 0) {
      const int weeks = static_cast<int>(p.intervision_interval_weeks);
      rp.intervision = {0, 0, {weeks, weeks}};
    }
    if (p.buddy_supportees_max > 0 && rp.form == support_form::one_to_one) {
      rp.supportees_per_supporter.max = static_cast<int>(p.buddy_supportees_max);
      rp.supportees_per_supporter.min = std::min(rp.supportees_per_supporter.min,
                                                 rp.supportees_per_supporter.max);
    }
  }
  return entries;
}

/// Plans `programme`'s year again with the scenario's settings (scenario_roles) and
/// returns the population of that plan, its groups shared among `coaches` teacher coaches
/// and its supporters trained in `training_half_days` sessions when those parameters are
/// set. Throws what planning throws.
[[nodiscard]] inline population plan_population(const runtime_programme& programme,
                                                const school_calendar& calendar,
                                                const model_parameters& p) {
  const auto roles = scenario_roles(programme.roles().roles(), p);
  const runtime_programme planned(programme.school_data(), programme.data(), runtime_roles(roles),
                                  programme.selection(), programme.matching(), programme.schedule(),
                                  programme.checklist());
  const auto coaches =
      p.coaches > 0
          ? static_cast<int>(p.coaches)
          : static_cast<int>(programme.school_data().staff_in(staff_role::teacher_coach).size());
  auto out = population_of(planned.run(calendar), roles, coaches);
  // The training supporters got, against what the sources give their role; the plan and
  // its training gate stay the school's own.
  if (p.training_half_days > 0)
    for (auto& r : out.roles) r.training_sessions = static_cast<int>(p.training_half_days);
  return out;
}

/// A programme described by counts: `pairs` one-to-one pairs of `role` that start on
/// `first_day`, `waiting` supportees without a supporter and `reserves` spare supporters;
/// meetings every teaching Tuesday (or the week's first teaching day after it) up to
/// `last_day`; intervision every `interval_weeks` teaching weeks in groups of five.
struct synthetic_programme {
  supporter_role role = supporter_role::peer_mentor;
  int pairs = 100;
  int waiting = 0;
  int reserves = 0;
  int coaches = 2;
  int interval_weeks = 4;
  int training_sessions = 1;
  date first_day{};
  date last_day{};
};

/// The population of a synthetic programme on `calendar`. Throws peerkit::error
/// (data.out_of_range) for counts or days that make no year.
[[nodiscard]] inline population synthetic_population(const synthetic_programme& s,
                                                     const school_calendar& calendar) {
  problem_list problems;
  if (s.pairs < 0 || s.pairs > 1'000'000)
    problems.add("data.out_of_range", "population.pairs", "pairs must be within 0..1000000");
  if (s.waiting < 0 || s.waiting > 1'000'000 || s.reserves < 0 || s.reserves > 1'000'000)
    problems.add("data.out_of_range", "population", "counts must be within 0..1000000");
  if (s.coaches < 1 || s.coaches > 1000)
    problems.add("data.out_of_range", "population.coaches", "coaches must be within 1..1000");
  if (s.interval_weeks < 1 || s.interval_weeks > 52)
    problems.add("data.out_of_range", "population.interval_weeks",
                 "interval_weeks must be within 1..52");
  if (s.first_day.is_special() || s.last_day.is_special() || s.last_day < s.first_day ||
      school_year_of(s.first_day).start_year != school_year_of(s.last_day).start_year)
    problems.add("data.out_of_range", "population.first_day",
                 "first_day and last_day must be days of one school year, in order");
  problems.throw_if_any();

  population out;
  out.year = school_year_of(s.first_day);
  out.coaches = s.coaches;
  // Students are numbered: supporter and supportee of each pair, then the waiting, then
  // the reserves.
  const auto student = [](int n) { return student_id(static_cast<student_id::rep>(n)); };
  out.roles.push_back({s.role, false, {}, s.training_sessions, s.training_sessions, {}, {}});
  for (int i = 0; i < s.waiting; ++i) out.roles[0].waiting.push_back(student(2 * s.pairs + i + 1));
  for (int i = 0; i < s.reserves; ++i)
    out.roles[0].reserves.push_back(student(2 * s.pairs + s.waiting + i + 1));
  // The first teaching day from each Tuesday on, within its week.
  using boost::gregorian::days;
  date monday = s.first_day - days((s.first_day.day_of_week().as_number() + 6) % 7);
  int teaching_weeks = 0;
  std::vector<date> sessions;
  for (; monday <= s.last_day; monday += days(7))
    for (int d = 1; d < 5; ++d)
      if (const date day = monday + days(d);
          day >= s.first_day && day <= s.last_day && is_teaching_day(calendar, day)) {
        out.roles[0].meetings.push_back(day);
        if (teaching_weeks++ % s.interval_weeks == 0) sessions.push_back(day);
        out.last_day = day;
        break;
      }
  const int groups = std::max(1, (s.pairs + 4) / 5);
  for (int g = 0; g < groups; ++g) out.groups.push_back({0, g % s.coaches, sessions});
  for (int i = 0; i < s.pairs; ++i) {
    support_pair p;
    p.id = pair_id(static_cast<pair_id::rep>(i + 1));
    p.role = s.role;
    p.supporters = {student(2 * i + 1)};
    p.supportees = {student(2 * i + 2)};
    p.started = s.first_day;
    out.pairs.push_back({std::move(p), 0, static_cast<std::size_t>(i / 5)});
  }
  return out;
}

}  // namespace peerkit
