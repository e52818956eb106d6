#pragma once
// A simulated year as the dated record of a real one (programme/year_record.hpp), so that
// every query, check and report that reads a school's record reads a simulated year too:
// status_on, the supervision alerts, the readiness report, the record document.
//
// record_builder watches a simulated year of a school's own programme (events.hpp) and
// writes what a coordinator would have recorded: the selection's decisions of the
// planning run, the pairs as they start (a rematch `replaces` the pair that ended) with
// the secrecy notice of every pair that supports individual students, the intervision
// groups and the sessions held with who came, a contact for every meeting held, the
// escalations with their route, and the closures with their reasons:
//
//   const auto plan = plan_population(programme, calendar, parameters);
//   record_builder builder(programme, programme.run(calendar), plan);
//   const auto years = simulate(plan, {parameters, programme.data().supervision.rematch}, key,
//                               builder);
//   for (const auto& entry : builder.entries()) programme.add(entry);
//
// The entries replay on the programme whose roles and rematch policy the simulation
// followed (scenario_roles, scenario_rematch): the record checks a rematch against the
// school's own policy, so a scenario that rematches more eagerly is recorded for a school
// whose programme document says so.

#include <algorithm>
#include <cstddef>
#include <optional>
#include <utility>
#include <vector>

#include <boost/date_time/gregorian/gregorian.hpp>

#include <peerkit/programme/programme.hpp>
#include <peerkit/simulation/events.hpp>
#include <peerkit/simulation/population.hpp>
#include <peerkit/simulation/year_simulation.hpp>

namespace peerkit {

/// Writes the first simulated year of a school's programme as its record.
class record_builder {
 public:
  /// A late response comes this many days after its deadline.
  static constexpr int late_response_days = 7;

  /// For a simulation of `plan`, the population of `run`, the planning run of `programme`.
  /// The programme (its school) and the plan must outlive the builder.
  template <class... Policies>
  record_builder(const basic_programme<Policies...>& programme, const programme_run& run,
                 const population& plan)
      : school_(programme.school_data()),
        plan_(plan),
        escalation_(programme.data().supervision.escalation),
        year_end_(programme.data().year.last_day()),
        coach_absent_(static_cast<std::size_t>(plan.coaches), false) {
    for (const auto* coach : school_.staff_in(staff_role::teacher_coach))
      coaches_.push_back(coach->id);
    decide(programme, run);
    form_groups(programme.data().pairing_day());
  }

  void on(const year_started_event& e) { recording_ = e.year == 0; }
  void on(const year_ended_event&) { recording_ = false; }

  void on(const pair_started_event& e) {
    if (!recording_) return;
    if (pairs_.size() <= e.pair_index) pairs_.resize(e.pair_index + 1);
    pairs_[e.pair_index] = e.pair;
    std::optional<pair_id> replaces;
    if (e.replaces) replaces = pairs_[*e.replaces].id;
    events_.push_back(pairing_started{e.pair, replaces});
    // The supportee hears before the first meeting that the supporter keeps no secrets.
    if (!e.pair.supportees.empty()) events_.push_back(secrecy_notice{e.pair.id, e.pair.started});
  }

  void on(const meeting_event& e) {
    if (!recording_ || !e.held) return;
    // What the pair talked about is not simulated: the contact names no topic.
    events_.push_back(contact_record{
        pairs_[e.pair_index].id, e.on, contact_plan{}.minutes, contact_kind::at_school, {}, false});
  }

  void on(const intervision_event& e) {
    if (!recording_) return;
    auto& group = groups_[e.group];
    // A supporter who joined the group later (a rematch or a late match) is on its roster.
    for (auto s : e.present)
      if (!group.has_member(s)) group.members.push_back(s);
    events_.push_back(
        intervision_session{group.id, e.on, {e.present.begin(), e.present.end()}, {group.coach}});
  }

  void on(const escalation_raised_event& e) {
    if (!recording_) return;
    const auto& pair = pairs_[e.pair_index];
    const escalation_id id{static_cast<escalation_id::rep>(++escalations_)};
    events_.push_back(escalation_raised{id, pair.id, pair.supporters.front(), e.tier, e.on});
    const auto step = [&](escalation_event_kind kind, date on, std::optional<staff_id> staff = {},
                          std::optional<staff_role> as = {}) {
      events_.push_back(escalation_step{id, {kind, on, staff, as}});
    };
    const auto& route = escalation_.route(e.tier);
    if (route.encourage_first) {
      // The supportee would not go to their mentor: the supporter goes to an adult.
      step(escalation_event_kind::supportee_encouraged, e.on);
      step(escalation_event_kind::supportee_refused, e.on);
    }
    std::optional<staff_id> first_informed;
    for (const auto& on_route : route.route())
      if (const auto to = recipient(on_route, pair)) {
        step(escalation_event_kind::staff_informed, e.on, to->first, to->second);
        if (!first_informed) first_informed = to->first;
      }
    if (!first_informed) return;  // nobody on the route: the escalation stays open
    using boost::gregorian::days;
    const date response = std::min(
        year_end_, e.on + days(route.respond_within_days + (e.on_time ? 0 : late_response_days)));
    step(escalation_event_kind::staff_responded, response, first_informed);
    step(escalation_event_kind::closed, response);
  }

  void on(const pair_ended_event& e) {
    if (!recording_) return;
    events_.push_back(pair_ended{pairs_[e.pair_index].id, e.on, e.reason, std::nullopt});
  }

  void on(const coach_left_event& e) {
    if (recording_) coach_absent_[static_cast<std::size_t>(e.coach)] = true;
  }
  void on(const coach_succeeded_event& e) {
    if (recording_) coach_absent_[static_cast<std::size_t>(e.coach)] = false;
  }

  /// The record: the selection's decisions, then everything else in day order, in the
  /// order it happened within a day; each group is formed on the day of its first pair or
  /// session, with everyone who came to its sessions.
  [[nodiscard]] std::vector<year_entry> entries() const {
    std::vector<year_entry> out(decisions_.begin(), decisions_.end());
    std::vector<year_entry> dated(groups_.begin(), groups_.end());
    dated.insert(dated.end(), events_.begin(), events_.end());
    std::stable_sort(dated.begin(), dated.end(), [](const year_entry& a, const year_entry& b) {
      return day_of(a) < day_of(b);
    });
    out.insert(out.end(), dated.begin(), dated.end());
    return out;
  }

 private:
  /// The selection's decisions, taken by the first staff member whose role may select, on
  /// the day of the year's first planned event (its first training session), at the latest
  /// on the pairing day.
  template <class... Policies>
  void decide(const basic_programme<Policies...>& programme, const programme_run& run) {
    decided_on_ = programme.data().pairing_day();
    if (!run.year.events.empty()) decided_on_ = std::min(decided_on_, run.year.events.front().day);
    std::optional<staff_id> by;
    for (const auto& m : school_.staff)
      if (!by && std::any_of(m.roles.begin(), m.roles.end(), may_select_supporters)) by = m.id;
    const auto& recorded = programme.record().state();
    for (const auto& role : run.selection.roles)
      for (const auto& c : role.candidates) {
        const auto* a = recorded.find_application(c.application);
        if (a && a->state != state_of(c.decision))
          decisions_.push_back({c.application, state_of(c.decision), decided_on_, by});
      }
  }

  /// One roster per simulated group, led by the school's teacher coach of its number, with
  /// the supporters of its planned pairs.
  void form_groups(date pairing_day) {
    std::vector<int> per_role(plan_.roles.size(), 0);
    for (std::size_t g = 0; g < plan_.groups.size(); ++g) {
      const auto& planned = plan_.groups[g];
      intervision_roster roster;
      roster.id = intervision_group_id{static_cast<intervision_group_id::rep>(g + 1)};
      roster.role = plan_.roles[planned.role].role;
      roster.coach = coach_of(planned.coach);
      roster.number = ++per_role[planned.role];
      std::optional<date> first;
      if (!planned.sessions.empty()) first = planned.sessions.front();
      for (const auto& p : plan_.pairs) {
        if (p.group != g) continue;
        for (auto s : p.pair.supporters)
          if (!roster.has_member(s)) roster.members.push_back(s);
        if (!first || p.pair.started < *first) first = p.pair.started;
      }
      roster.started = std::max(decided_on_, first.value_or(pairing_day));
      groups_.push_back(std::move(roster));
    }
  }

  [[nodiscard]] staff_id coach_of(int coach) const {
    if (coaches_.empty()) return staff_id{};  // the record refuses a group without its coach
    return coaches_[static_cast<std::size_t>(coach) % coaches_.size()];
  }

  /// True while `id` is a teacher coach of the plan who has left.
  [[nodiscard]] bool gone(staff_id id) const {
    for (std::size_t k = 0; k < coach_absent_.size(); ++k)
      if (coach_absent_[k] && coach_of(static_cast<int>(k)) == id) return true;
    return false;
  }

  /// Whom the supporter tells for one step of the route, and in which role: their group's
  /// teacher coach while the coach is there, else the class mentor of the supportee (or of
  /// the class served), else the first staff member in a role of the step who is there.
  [[nodiscard]] std::optional<std::pair<staff_id, staff_role>> recipient(
      const route_step& step, const support_pair& pair) const {
    if (step.any_of.contains(staff_role::teacher_coach))
      for (const auto& g : groups_)
        if (g.has_member(pair.supporters.front()) && !gone(g.coach))
          return std::pair{g.coach, staff_role::teacher_coach};
    if (step.any_of.contains(staff_role::class_mentor)) {
      std::optional<class_id> served = pair.class_served;
      if (!pair.supportees.empty())
        if (const auto* st = school_.find(pair.supportees.front())) served = st->class_of;
      if (const auto* c = served ? school_.find(*served) : nullptr; c && c->mentor)
        if (const auto* m = school_.find(*c->mentor);
            m && m->holds(staff_role::class_mentor) && !gone(m->id))
          return std::pair{m->id, staff_role::class_mentor};
    }
    for (const auto& m : school_.staff)
      for (auto r : m.roles)
        if (step.any_of.contains(r) && receives_escalations(r) && !gone(m.id))
          return std::pair{m.id, r};
    return std::nullopt;
  }

  const school& school_;
  const population& plan_;
  escalation_policy escalation_;
  date year_end_;
  date decided_on_;
  std::vector<staff_id> coaches_;   ///< the school's teacher coaches, in input order
  std::vector<bool> coach_absent_;  ///< per coach of the plan: left, no successor yet
  std::vector<application_step> decisions_;
  std::vector<intervision_roster> groups_;  ///< per group of the plan
  std::vector<support_pair> pairs_;         ///< per pair index, as started
  std::vector<year_entry> events_;          ///< in the order the simulation told them
  int escalations_ = 0;
  bool recording_ = false;
};

}  // namespace peerkit
