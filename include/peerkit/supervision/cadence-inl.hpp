#pragma once
// Definitions of cadence.hpp: inline here in header-only mode, compiled once into
// peerkit::compiled when PEERKIT_COMPILED is defined (see config.hpp).

#include <peerkit/config.hpp>
#include <peerkit/supervision/cadence.hpp>

namespace peerkit {

namespace detail {
/// The parameters of `role` as the programme runs it: from `roles`, else the shipped ones.
PEERKIT_INLINE role_parameters parameters_for(supporter_role role,
                                              std::span<const role_entry> roles) {
  for (const auto& e : roles)
    if (e.kind == role) return e.parameters;
  return default_parameters(role);
}
}  // namespace detail

PEERKIT_INLINE bool supports_individuals(supporter_role role, std::span<const role_entry> roles) {
  return !serves_whole_class(detail::parameters_for(role, roles).form);
}

PEERKIT_INLINE contact_figures pair_figures(const programme_records& r, const support_pair& pair,
                                            date from, date to, const school_breaks& breaks,
                                            std::span<const role_entry> roles) {
  contact_figures f;
  if (pair.started.is_special()) return f;
  if (supports_individuals(pair.role, roles)) {
    const date begin = std::max(from, pair.started);
    const date end = pair.ended ? std::min(to, *pair.ended) : to;
    const auto plan = r.plan_for(pair.id);
    f.planned_meetings = plan.meetings_in(breaks.counted_days(begin, end));
    f.planned_minutes = f.planned_meetings * plan.minutes;
  }
  for (const auto& c : r.contacts)
    if (c.pair == pair.id && from <= c.on && c.on < to) {
      ++f.actual_meetings;
      f.actual_minutes += c.minutes;
    }
  return f;
}

PEERKIT_INLINE contact_figures group_figures(const programme_records& r,
                                             const intervision_roster& g, date from, date to,
                                             const school_breaks& breaks,
                                             std::span<const role_entry> roles) {
  contact_figures f;
  for (const auto& p : r.pairs)
    if (supports_individuals(p.role, roles) &&
        std::any_of(p.supporters.begin(), p.supporters.end(),
                    [&](student_id s) { return g.has_member(s); }))
      f += pair_figures(r, p, from, to, breaks, roles);
  return f;
}

PEERKIT_INLINE contact_figures programme_figures(const programme_records& r, date from, date to,
                                                 const school_breaks& breaks,
                                                 std::span<const role_entry> roles) {
  contact_figures f;
  for (const auto& p : r.pairs)
    if (supports_individuals(p.role, roles)) f += pair_figures(r, p, from, to, breaks, roles);
  return f;
}

namespace detail {
PEERKIT_INLINE alert make_alert(alert_rule rule, date due, safe_text text) {
  alert a;
  a.rule = rule;
  a.due = due;
  a.message = std::move(text).str();
  return a;
}
PEERKIT_INLINE std::optional<date> last_contact(const programme_records& r, pair_id id,
                                                date before) {
  std::optional<date> last;
  for (const auto& c : r.contacts)
    if (c.pair == id && c.on < before && (!last || *last < c.on)) last = c.on;
  return last;
}
/// A member is expected at the group's sessions until they leave the school, or until
/// every pair they had in the group's role (as a supporter; in the newcomers' own group,
/// as a supportee) has ended. A member without a pair yet is expected.
PEERKIT_INLINE bool still_in_group(const programme_records& r, const intervision_roster& g,
                                   student_id member, date day) {
  if (const auto left = r.left_on(member); left && *left <= day) return false;
  bool had_pair = false;
  for (const auto& p : r.pairs) {
    if (p.role != g.role) continue;
    const auto& side = g.newcomers ? p.supportees : p.supporters;
    if (std::find(side.begin(), side.end(), member) == side.end()) continue;
    had_pair = true;
    if (!p.ended || day < *p.ended) return true;
  }
  return !had_pair;
}
}  // namespace detail

PEERKIT_INLINE std::vector<alert> contact_alerts(const programme_records& r,
                                                 const supervision_rules& rules, date today,
                                                 const school_breaks& breaks,
                                                 std::span<const role_entry> roles) {
  std::vector<alert> alerts;
  for (const auto& p : r.pairs) {
    if (!p.active_on(today) || !supports_individuals(p.role, roles)) continue;
    const auto plan = r.plan_for(p.id);
    const auto last = detail::last_contact(r, p.id, today + boost::gregorian::days(1));
    const date from = last ? *last : p.started;
    const date due = breaks.after_counted_days(from,
                                               plan.interval_days() + rules.contact_grace_days);
    if (today > due) {
      auto a = detail::make_alert(
          alert_rule::contact_overdue, due,
          last ? (safe_text{} << "pair " << p.id << " last met on " << *last)
               : (safe_text{} << "pair " << p.id << " has not met since it started on "
                              << p.started));
      a.pair = p.id;
      alerts.push_back(std::move(a));
    }
    const date end = today + boost::gregorian::days(1);
    if (breaks.counted_days(p.started, end) >= rules.rate_after_days) {
      const auto f = pair_figures(r, p, p.started, end, breaks, roles);
      if (f.meeting_rate() < rules.min_meeting_rate) {
        auto a = detail::make_alert(alert_rule::contact_below_plan, today,
                                    safe_text{} << "pair " << p.id << " met " << f.actual_meetings
                                                << " of " << f.planned_meetings
                                                << " planned times");
        a.pair = p.id;
        alerts.push_back(std::move(a));
      }
    }
  }
  return alerts;
}

PEERKIT_INLINE std::vector<alert> notice_alerts(const programme_records& r,
                                                std::span<const role_entry> roles) {
  std::vector<alert> alerts;
  for (const auto& p : r.pairs) {
    if (!supports_individuals(p.role, roles)) continue;
    std::optional<date> first;
    for (const auto& c : r.contacts)
      if (c.pair == p.id && (!first || c.on < *first)) first = c.on;
    if (!first) continue;
    const auto told = r.notice_for(p.id);
    if (!told || *told > *first) {
      auto a = detail::make_alert(
          alert_rule::first_meeting_without_notice, *first,
          told ? (safe_text{} << "pair " << p.id << " first met on " << *first
                              << ", the notice followed on " << *told)
               : (safe_text{} << "pair " << p.id << " first met on " << *first
                              << " without the notice that the supporter cannot keep secrets"));
      a.pair = p.id;
      alerts.push_back(std::move(a));
    }
  }
  return alerts;
}

PEERKIT_INLINE std::vector<alert> intervision_alerts(const programme_records& r,
                                                     const supervision_rules& rules, date today,
                                                     const school_breaks& breaks,
                                                     std::span<const role_entry> roles) {
  std::vector<alert> alerts;
  for (const auto& g : r.groups) {
    if (g.started.is_special() || today < g.started) continue;
    std::vector<const intervision_session*> held;
    for (const auto& s : r.sessions)
      if (s.group == g.id && s.held_on <= today) held.push_back(&s);
    std::stable_sort(held.begin(), held.end(),
                     [](const auto* a, const auto* b) { return a->held_on < b->held_on; });
    const auto cadence = detail::parameters_for(g.role, roles).intervision;
    const date last = held.empty() ? g.started : held.back()->held_on;
    const date due = breaks.after_counted_days(
        last, intervision_interval_days(cadence, static_cast<int>(held.size())) +
                  rules.intervision_grace_days);
    if (today > due) {
      auto a = detail::make_alert(
          alert_rule::intervision_overdue, due,
          safe_text{} << "group " << g.id << " has had no intervision since " << last);
      a.group = g.id;
      a.staff = g.coach;
      alerts.push_back(std::move(a));
    }
    for (auto member : g.members) {
      if (held.empty() || !detail::still_in_group(r, g, member, held.back()->held_on)) continue;
      int missed = 0;
      for (auto it = held.rbegin(); it != held.rend() && !(*it)->was_present(member); ++it)
        ++missed;
      if (missed > 0 && missed >= rules.max_missed_sessions) {
        const auto* first_missed = held[held.size() - static_cast<std::size_t>(missed)];
        auto a = detail::make_alert(alert_rule::intervision_missed, held.back()->held_on,
                                    safe_text{} << "student " << member << " missed the last "
                                                << missed << " sessions of group " << g.id
                                                << " since " << first_missed->held_on);
        a.group = g.id;
        a.student = member;
        alerts.push_back(std::move(a));
      }
    }
  }
  return alerts;
}

PEERKIT_INLINE std::vector<staff_id> mentors_to_inform(const programme_records& r, const school& s,
                                                       const intervision_roster& g, date day) {
  std::vector<staff_id> mentors;
  auto add_mentor_of = [&](class_id c) {
    if (const auto* cls = s.find(c);
        cls && cls->mentor &&
        std::find(mentors.begin(), mentors.end(), *cls->mentor) == mentors.end())
      mentors.push_back(*cls->mentor);
  };
  for (const auto& p : r.pairs) {
    if (!p.active_on(day) || std::none_of(p.supporters.begin(), p.supporters.end(),
                                          [&](student_id st) { return g.has_member(st); }))
      continue;
    for (auto st : p.supportees)
      if (const auto* stu = s.find(st)) add_mentor_of(stu->class_of);
    if (p.class_served) add_mentor_of(*p.class_served);
  }
  // A coach who is also a supportee's mentor was at the session: nobody to inform.
  std::erase(mentors, g.coach);
  return mentors;
}

PEERKIT_INLINE std::vector<alert> follow_up_alerts(const programme_records& r, const school& s,
                                                   const supervision_rules& rules, date today) {
  std::vector<alert> alerts;
  for (const auto& session : r.sessions) {
    const auto* g = r.find_group(session.group);
    if (!g || session.held_on > today) continue;
    const date due = session.held_on + boost::gregorian::days(rules.follow_up_days);
    for (auto mentor : mentors_to_inform(r, s, *g, session.held_on)) {
      const auto done = std::find_if(r.follow_ups.begin(), r.follow_ups.end(),
                                     [&](const mentor_follow_up& f) {
                                       return f.group == g->id && f.mentor == mentor &&
                                              f.session_on == session.held_on && f.on <= due;
                                     });
      if (done == r.follow_ups.end() && today > due) {
        auto a = detail::make_alert(alert_rule::mentor_follow_up_missing, due,
                                    safe_text{} << "the session of group " << g->id << " on "
                                                << session.held_on
                                                << " was not discussed with mentor " << mentor);
        a.group = g->id;
        a.staff = mentor;
        alerts.push_back(std::move(a));
      }
    }
  }
  return alerts;
}

PEERKIT_INLINE std::vector<alert> exit_evaluation_alerts(const programme_records& r,
                                                         const school& s,
                                                         const supervision_rules& rules,
                                                         date today) {
  std::vector<alert> alerts;
  for (const auto& p : r.pairs) {
    if (!p.ended) continue;
    const date due = *p.ended + boost::gregorian::days(rules.exit_evaluation_days);
    if (today <= due) continue;
    auto check_side = [&](student_id st, stakeholder side) {
      const auto* stu = s.find(st);
      if (!stu || !may_process(*stu, due)) return;
      const bool answered = std::any_of(
          r.responses.begin(), r.responses.end(), [&](const evaluation_response& e) {
            return e.when == evaluation_moment::exit && e.who == side && e.pair == p.id &&
                   e.student() == st;
          });
      if (answered) return;
      auto a = detail::make_alert(alert_rule::exit_evaluation_missing, due,
                                  safe_text{} << "the " << side << " " << st << " of pair " << p.id
                                              << " gave no exit evaluation");
      a.pair = p.id;
      a.student = st;
      alerts.push_back(std::move(a));
    };
    for (auto st : p.supporters) check_side(st, stakeholder::supporter);
    for (auto st : p.supportees) check_side(st, stakeholder::supportee);
  }
  return alerts;
}

PEERKIT_INLINE std::vector<alert> check_supervision(const programme_records& r, const school& s,
                                                    date today, const supervision_rules& rules,
                                                    const escalation_policy& policy,
                                                    const school_breaks& breaks,
                                                    std::span<const role_entry> roles) {
  std::vector<alert> all;
  auto append = [&all](std::vector<alert> more) {
    all.insert(all.end(), std::make_move_iterator(more.begin()),
               std::make_move_iterator(more.end()));
  };
  append(contact_alerts(r, rules, today, breaks, roles));
  append(notice_alerts(r, roles));
  append(intervision_alerts(r, rules, today, breaks, roles));
  append(follow_up_alerts(r, s, rules, today));
  for (const auto& e : r.escalations) append(escalation_alerts(e, policy, today));
  append(exit_evaluation_alerts(r, s, rules, today));
  std::stable_sort(all.begin(), all.end(),
                   [](const alert& a, const alert& b) { return a.rule < b.rule; });
  return all;
}

}  // namespace peerkit
