#pragma once
// Definitions of escalation.hpp: inline here in header-only mode, compiled once into
// peerkit::compiled when PEERKIT_COMPILED is defined (see config.hpp).

#include <peerkit/config.hpp>
#include <peerkit/supervision/escalation.hpp>

namespace peerkit {

PEERKIT_INLINE std::string detail::escalation_where(const escalation& e) {
  return (safe_text{} << "escalations[id=" << e.id << "]").str();
}

PEERKIT_INLINE void detail::append_event(escalation& e, escalation_event ev) {
  const auto where = escalation_where(e);
  if (ev.on.is_special()) throw error("data.missing", where, "an escalation step needs a date");
  if (e.is_closed())
    throw error(
        "escalation.out_of_order", where,
        (safe_text{} << "the escalation is closed; found " << ev.kind << " after it").str());
  if (!e.trail.empty() && ev.on < e.trail.back().on)
    throw error("escalation.out_of_order", where,
                (safe_text{} << ev.kind << " on " << ev.on << " comes before the last step on "
                             << e.trail.back().on)
                    .str());
  e.trail.push_back(ev);
}

PEERKIT_INLINE escalation raise_escalation(escalation_id id, const support_pair& pair,
                                           student_id supporter, severity tier, date on) {
  escalation e{id, pair.id, supporter, tier, {}};
  const auto where = detail::escalation_where(e);
  if (std::find(pair.supporters.begin(), pair.supporters.end(), supporter) == pair.supporters.end())
    throw error(
        "escalation.not_a_supporter", where + ".raised_by",
        (safe_text{} << "student " << supporter << " is not a supporter of pair " << pair.id)
            .str());
  if (on.is_special() || !pair.active_on(on))
    throw error("escalation.pair_not_active", where,
                (safe_text{} << "pair " << pair.id << " is not active on " << on).str());
  detail::append_event(e, {escalation_event_kind::raised, on, std::nullopt, std::nullopt});
  return e;
}

PEERKIT_INLINE void record_encouraged(escalation& e, date on) {
  if (e.first(escalation_event_kind::supportee_encouraged))
    throw error("escalation.out_of_order", detail::escalation_where(e),
                "the supportee was already encouraged");
  detail::append_event(
      e, {escalation_event_kind::supportee_encouraged, on, std::nullopt, std::nullopt});
}

PEERKIT_INLINE void detail::record_answer(escalation& e, escalation_event_kind k, date on) {
  if (!e.first(escalation_event_kind::supportee_encouraged))
    throw error("escalation.out_of_order", escalation_where(e),
                (safe_text{} << k << " needs the supportee to have been encouraged first").str());
  if (e.first(escalation_event_kind::supportee_accepted) ||
      e.first(escalation_event_kind::supportee_refused))
    throw error("escalation.out_of_order", escalation_where(e), "the supportee already answered");
  append_event(e, {k, on, std::nullopt, std::nullopt});
}

PEERKIT_INLINE void record_accepted(escalation& e, date on) {
  detail::record_answer(e, escalation_event_kind::supportee_accepted, on);
}

PEERKIT_INLINE void record_refused(escalation& e, date on) {
  detail::record_answer(e, escalation_event_kind::supportee_refused, on);
}

PEERKIT_INLINE void record_informed(escalation& e, const staff_member& member, staff_role as,
                                    date on) {
  const auto where = detail::escalation_where(e);
  if (!member.holds(as))
    throw error(
        "escalation.wrong_recipient", where,
        (safe_text{} << "staff member " << member.id << " does not hold the role " << as).str());
  if (!receives_escalations(as))
    throw error("escalation.wrong_recipient", where,
                (safe_text{} << "the role " << as << " does not receive escalations").str());
  detail::append_event(e, {escalation_event_kind::staff_informed, on, member.id, as});
}

PEERKIT_INLINE void record_response(escalation& e, const staff_member& member, date on) {
  if (!e.was_informed(member.id))
    throw error(
        "escalation.not_informed", detail::escalation_where(e),
        (safe_text{} << "staff member " << member.id << " responded without having been informed")
            .str());
  detail::append_event(e, {escalation_event_kind::staff_responded, on, member.id, std::nullopt});
}

PEERKIT_INLINE void record_closed(escalation& e, date on) {
  if (!e.first(escalation_event_kind::staff_responded))
    throw error("escalation.unanswered", detail::escalation_where(e),
                "an escalation is closed only after a member of staff responded");
  detail::append_event(e, {escalation_event_kind::closed, on, std::nullopt, std::nullopt});
}

PEERKIT_INLINE deadline_status detail::deadline_of(std::optional<date> done, date due, date today,
                                                   bool closed) {
  if (done) return *done <= due ? deadline_status::on_time : deadline_status::late;
  return (today > due || closed) ? deadline_status::overdue : deadline_status::pending;
}

PEERKIT_INLINE escalation_status status_of(const escalation& e, const escalation_policy& policy,
                                           date today) {
  const auto& route = policy.route(e.tier);
  const date raised = e.raised_on();
  escalation_status s;
  s.step_count = route.step_count;
  for (std::size_t i = 0; i < route.route().size(); ++i) {
    const auto& step = route.route()[i];
    s.step_due[i] = raised + boost::gregorian::days(step.within_days);
    s.steps[i] = detail::deadline_of(e.informed_on(step.any_of), s.step_due[i], today,
                                     e.is_closed());
  }
  s.response_due = raised + boost::gregorian::days(route.respond_within_days);
  s.response = detail::deadline_of(e.first(escalation_event_kind::staff_responded), s.response_due,
                                   today, e.is_closed());
  return s;
}

PEERKIT_INLINE std::vector<alert> escalation_alerts(const escalation& e,
                                                    const escalation_policy& policy, date today) {
  std::vector<alert> alerts;
  const auto s = status_of(e, policy, today);
  auto make = [&](alert_rule rule, date due, safe_text text) {
    alerts.push_back(
        {rule, due, e.pair, std::nullopt, std::nullopt, e.id, std::nullopt, std::move(text).str()});
  };
  for (std::size_t i = 0; i < static_cast<std::size_t>(s.step_count); ++i)
    if (s.steps[i] == deadline_status::late || s.steps[i] == deadline_status::overdue)
      make(alert_rule::escalation_step_overdue, s.step_due[i],
           safe_text{} << "escalation " << e.id << " (" << e.tier << "): step " << (i + 1) << " is "
                       << s.steps[i] << ", due " << s.step_due[i]);
  if (s.response == deadline_status::late || s.response == deadline_status::overdue)
    make(alert_rule::escalation_response_overdue, s.response_due,
         safe_text{} << "escalation " << e.id << " (" << e.tier << "): response is " << s.response
                     << ", due " << s.response_due);
  if (policy.route(e.tier).encourage_first) {
    const auto informed = e.first(escalation_event_kind::staff_informed);
    const auto encouraged = e.first(escalation_event_kind::supportee_encouraged);
    // The trail is in order, so an informing that comes before any encouragement is
    // found by position, also when both fall on the same day.
    const auto first_informed = std::find_if(
        e.trail.begin(), e.trail.end(), [](const escalation_event& ev) {
          return ev.kind == escalation_event_kind::staff_informed;
        });
    const auto first_encouraged = std::find_if(
        e.trail.begin(), e.trail.end(), [](const escalation_event& ev) {
          return ev.kind == escalation_event_kind::supportee_encouraged;
        });
    if (informed && (!encouraged || first_informed < first_encouraged))
      make(alert_rule::escalation_referral_skipped, *informed,
           safe_text{} << "escalation " << e.id << " (" << e.tier
                       << "): staff were informed before the supportee was encouraged to go to "
                          "their mentor");
  }
  return alerts;
}

PEERKIT_INLINE std::vector<staff_id> recipients(const route_step& step, const escalation& e,
                                                const school& s,
                                                std::span<const support_pair> pairs,
                                                std::span<const intervision_roster> groups) {
  std::vector<staff_id> found;
  auto add = [&found](staff_id id) {
    if (std::find(found.begin(), found.end(), id) == found.end()) found.push_back(id);
  };
  const auto pair = std::find_if(pairs.begin(), pairs.end(),
                                 [&](const support_pair& p) { return p.id == e.pair; });
  if (step.any_of.contains(staff_role::class_mentor) && pair != pairs.end()) {
    auto add_mentor_of = [&](class_id c) {
      if (const auto* cls = s.find(c); cls && cls->mentor) add(*cls->mentor);
    };
    for (auto st : pair->supportees)
      if (const auto* stu = s.find(st)) add_mentor_of(stu->class_of);
    if (pair->class_served) add_mentor_of(*pair->class_served);
  }
  if (step.any_of.contains(staff_role::teacher_coach))
    for (const auto& g : groups)
      if (g.has_member(e.raised_by)) add(g.coach);
  for (auto r :
       {staff_role::coordinator, staff_role::confidential_teacher, staff_role::care_coordinator})
    if (step.any_of.contains(r))
      for (const auto* m : s.staff_in(r)) add(m->id);
  return found;
}

}  // namespace peerkit
