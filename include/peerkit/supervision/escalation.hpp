#pragma once
// Escalation of serious problems (source 000 step 6). A supporter who meets a serious
// problem encourages the supportee to take it to their class mentor; if the supportee
// refuses, the supporter brings it to the teacher coach and/or the mentor. The supportee
// knows beforehand that the supporter must do so and cannot keep secrets.
//
// peerkit records *that* an escalation happened, its tier, its route and who was told
// when: an append-only audit trail. Its content belongs in the school's own care file,
// so no type here can hold text (every trail entry is trivially copyable).

#include <algorithm>
#include <array>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <span>
#include <string_view>
#include <type_traits>
#include <vector>

#include <boost/date_time/gregorian/gregorian_types.hpp>

#include <peerkit/core/enum_keys.hpp>
#include <peerkit/core/error.hpp>
#include <peerkit/core/school.hpp>
#include <peerkit/core/staff.hpp>
#include <peerkit/core/staff_roles.hpp>
#include <peerkit/core/support_pair.hpp>
#include <peerkit/core/safe_text.hpp>
#include <peerkit/supervision/alerts.hpp>
#include <peerkit/supervision/ids.hpp>
#include <peerkit/supervision/intervision.hpp>

namespace peerkit {

/// How serious a matter is; the tier decides the route and the deadlines.
enum class severity {
  concern,  ///< worrying but not pressing: a persistent problem, bullying that goes on
  urgent,   ///< needs an adult within a day: serious unwellness, substance use
  safety,   ///< someone may be in danger: abuse, self-harm, threats (the Meldcode applies)
};
template <>
struct enum_keys<severity> {
  static constexpr std::array<std::string_view, 3> keys{"concern", "urgent", "safety"};
};
inline constexpr std::array<severity, 3> all_severities{severity::concern, severity::urgent, severity::safety};

/// True for the staff roles whose duties include receiving escalations (staff_roles.hpp).
[[nodiscard]] constexpr bool receives_escalations(staff_role r) noexcept {
  switch (r) {
    case staff_role::coordinator: return staff_role_traits<coordinator>::duties.receives_escalations;
    case staff_role::teacher_coach: return staff_role_traits<teacher_coach>::duties.receives_escalations;
    case staff_role::class_mentor: return staff_role_traits<class_mentor>::duties.receives_escalations;
    case staff_role::confidential_teacher:
      return staff_role_traits<confidential_teacher>::duties.receives_escalations;
    case staff_role::care_coordinator: return staff_role_traits<care_coordinator>::duties.receives_escalations;
    case staff_role::team_leader: return staff_role_traits<team_leader>::duties.receives_escalations;
  }
  return false;
}

/// A set of staff roles, one bit each.
struct staff_role_set {
  std::uint8_t bits = 0;
  constexpr staff_role_set() noexcept = default;
  constexpr staff_role_set(std::initializer_list<staff_role> roles) noexcept {
    for (auto r : roles) bits = static_cast<std::uint8_t>(bits | (1u << static_cast<unsigned>(r)));
  }
  [[nodiscard]] constexpr bool contains(staff_role r) const noexcept {
    return (bits >> static_cast<unsigned>(r)) & 1u;
  }
  [[nodiscard]] constexpr bool empty() const noexcept { return bits == 0; }
  friend constexpr bool operator==(staff_role_set, staff_role_set) = default;
};

/// One step of a route: someone holding one of `any_of` is informed within `within_days`
/// days after the escalation was raised (0: the same day).
struct route_step {
  staff_role_set any_of;
  int within_days = 0;
  friend constexpr bool operator==(const route_step&, const route_step&) = default;
};

inline constexpr std::size_t max_route_steps = 3;

/// How an escalation of one tier travels, and how fast.
struct tier_route {
  std::array<route_step, max_route_steps> steps{};
  int step_count = 0;
  /// Someone on the route has responded (taken the matter up) within this many days.
  int respond_within_days = 0;
  /// The supporter first encourages the supportee to go to their mentor (the source's
  /// guideline). Off for safety: then the supporter goes to an adult at once.
  bool encourage_first = true;

  [[nodiscard]] constexpr std::span<const route_step> route() const noexcept {
    return {steps.data(), static_cast<std::size_t>(step_count)};
  }
  [[nodiscard]] constexpr bool valid() const noexcept {
    if (step_count < 1 || step_count > static_cast<int>(max_route_steps) || respond_within_days < 0) return false;
    for (int i = 0; i < step_count; ++i) {
      const auto& s = steps[static_cast<std::size_t>(i)];
      if (s.any_of.empty() || s.within_days < 0) return false;
      for (unsigned r = 0; r < enum_keys<staff_role>::keys.size(); ++r)
        if (s.any_of.contains(static_cast<staff_role>(r)) && !receives_escalations(static_cast<staff_role>(r)))
          return false;
    }
    return true;
  }
  friend constexpr bool operator==(const tier_route&, const tier_route&) = default;
};

/// Routes and deadlines per tier. The defaults follow the source's route (supporter →
/// teacher coach / mentor → confidential teacher / care coordinator); the deadlines are
/// peerkit's choice where the sources are silent (docs/supervision.md):
/// - concern: coach or mentor within 7 days, a response within 14 (by the next
///   intervision at the usual two-weekly cadence);
/// - urgent: coach or mentor within a day, confidential teacher or care coordinator
///   within 2 days, a response within 2;
/// - safety: coach or mentor and the second line the same day, a response the same day;
///   under the Meldcode the decision lies with second-line staff, never with a peer.
struct escalation_policy {
  std::array<tier_route, 3> tiers{
      tier_route{{route_step{{staff_role::teacher_coach, staff_role::class_mentor}, 7}}, 1, 14, true},
      tier_route{{route_step{{staff_role::teacher_coach, staff_role::class_mentor}, 1},
                  route_step{{staff_role::confidential_teacher, staff_role::care_coordinator}, 2}},
                 2, 2, true},
      tier_route{{route_step{{staff_role::teacher_coach, staff_role::class_mentor}, 0},
                  route_step{{staff_role::confidential_teacher, staff_role::care_coordinator}, 0}},
                 2, 0, false},
  };

  [[nodiscard]] constexpr const tier_route& route(severity s) const noexcept {
    return tiers[static_cast<std::size_t>(s)];
  }
  [[nodiscard]] constexpr bool valid() const noexcept {
    return std::all_of(tiers.begin(), tiers.end(), [](const tier_route& t) { return t.valid(); });
  }
  friend constexpr bool operator==(const escalation_policy&, const escalation_policy&) = default;
};

/// What happened to an escalation, in order.
enum class escalation_event_kind {
  raised,                ///< the supporter met a serious problem
  supportee_encouraged,  ///< the supporter encouraged the supportee to go to their mentor
  supportee_accepted,    ///< the supportee agreed to take it to their mentor
  supportee_refused,     ///< the supportee would not: the supporter takes it to an adult
  staff_informed,        ///< a member of staff was told, in one of their roles
  staff_responded,       ///< an informed member of staff took the matter up
  closed,
};
template <>
struct enum_keys<escalation_event_kind> {
  static constexpr std::array<std::string_view, 7> keys{
      "raised",         "supportee_encouraged", "supportee_accepted", "supportee_refused",
      "staff_informed", "staff_responded",      "closed"};
};

/// One entry of the audit trail: who was involved and when, never what about.
struct escalation_event {
  escalation_event_kind kind = escalation_event_kind::raised;
  date on;
  std::optional<staff_id> staff;  ///< for staff_informed and staff_responded
  std::optional<staff_role> role; ///< the role in which the staff member was informed
  friend bool operator==(const escalation_event&, const escalation_event&) = default;
};
static_assert(std::is_trivially_copyable_v<escalation_event>,
              "the audit trail holds no text: the content of an escalation belongs in the care file");

/// An escalation and its audit trail. Build it with raise_escalation and the record_*
/// functions, which keep the trail in order.
struct escalation {
  escalation_id id;
  pair_id pair;
  student_id raised_by;  ///< the supporter
  severity tier = severity::concern;
  std::vector<escalation_event> trail;

  [[nodiscard]] date raised_on() const { return trail.empty() ? date{} : trail.front().on; }
  [[nodiscard]] std::optional<date> first(escalation_event_kind k) const {
    for (const auto& e : trail)
      if (e.kind == k) return e.on;
    return std::nullopt;
  }
  [[nodiscard]] bool is_closed() const noexcept {
    return !trail.empty() && trail.back().kind == escalation_event_kind::closed;
  }
  /// The first day someone in one of `roles` was informed.
  [[nodiscard]] std::optional<date> informed_on(staff_role_set roles) const {
    for (const auto& e : trail)
      if (e.kind == escalation_event_kind::staff_informed && e.role && roles.contains(*e.role)) return e.on;
    return std::nullopt;
  }
  [[nodiscard]] bool was_informed(staff_id s) const noexcept {
    return std::any_of(trail.begin(), trail.end(), [s](const escalation_event& e) {
      return e.kind == escalation_event_kind::staff_informed && e.staff == s;
    });
  }
  friend bool operator==(const escalation&, const escalation&) = default;
};

/// That the supportee was told, before the first meeting, that the supporter cannot keep
/// secrets and must bring a serious problem to an adult.
struct secrecy_notice {
  pair_id pair;
  date told_on;
  friend bool operator==(const secrecy_notice&, const secrecy_notice&) = default;
};

namespace detail {
inline std::string escalation_where(const escalation& e) {
  return (safe_text{} << "escalations[id=" << e.id << "]").str();
}
inline void append_event(escalation& e, escalation_event ev) {
  const auto where = escalation_where(e);
  if (ev.on.is_special()) throw error("data.missing", where, "an escalation step needs a date");
  if (e.is_closed())
    throw error("escalation.out_of_order", where,
                (safe_text{} << "the escalation is closed; found " << ev.kind << " after it").str());
  if (!e.trail.empty() && ev.on < e.trail.back().on)
    throw error("escalation.out_of_order", where,
                (safe_text{} << ev.kind << " on " << ev.on << " comes before the last step on "
                             << e.trail.back().on)
                    .str());
  e.trail.push_back(ev);
}
}  // namespace detail

/// Opens an escalation for `pair`, raised by one of its supporters on `on`. Throws
/// peerkit::error when `supporter` is not a supporter of the pair or the pair is not
/// active that day.
[[nodiscard]] inline escalation raise_escalation(escalation_id id, const support_pair& pair, student_id supporter,
                                                 severity tier, date on) {
  escalation e{id, pair.id, supporter, tier, {}};
  const auto where = detail::escalation_where(e);
  if (std::find(pair.supporters.begin(), pair.supporters.end(), supporter) == pair.supporters.end())
    throw error("escalation.not_a_supporter", where + ".raised_by",
                (safe_text{} << "student " << supporter << " is not a supporter of pair " << pair.id).str());
  if (on.is_special() || !pair.active_on(on))
    throw error("escalation.pair_not_active", where,
                (safe_text{} << "pair " << pair.id << " is not active on " << on).str());
  detail::append_event(e, {escalation_event_kind::raised, on, std::nullopt, std::nullopt});
  return e;
}

/// The supporter encouraged the supportee to take the matter to their mentor.
inline void record_encouraged(escalation& e, date on) {
  if (e.first(escalation_event_kind::supportee_encouraged))
    throw error("escalation.out_of_order", detail::escalation_where(e), "the supportee was already encouraged");
  detail::append_event(e, {escalation_event_kind::supportee_encouraged, on, std::nullopt, std::nullopt});
}

namespace detail {
inline void record_answer(escalation& e, escalation_event_kind k, date on) {
  if (!e.first(escalation_event_kind::supportee_encouraged))
    throw error("escalation.out_of_order", escalation_where(e),
                (safe_text{} << k << " needs the supportee to have been encouraged first").str());
  if (e.first(escalation_event_kind::supportee_accepted) || e.first(escalation_event_kind::supportee_refused))
    throw error("escalation.out_of_order", escalation_where(e), "the supportee already answered");
  append_event(e, {k, on, std::nullopt, std::nullopt});
}
}  // namespace detail

/// The supportee agreed to take the matter to their mentor.
inline void record_accepted(escalation& e, date on) {
  detail::record_answer(e, escalation_event_kind::supportee_accepted, on);
}
/// The supportee refused: the supporter now brings it to the teacher coach and/or mentor.
inline void record_refused(escalation& e, date on) {
  detail::record_answer(e, escalation_event_kind::supportee_refused, on);
}

/// `member` was informed in role `as`. Throws when they do not hold that role or the
/// role does not receive escalations.
inline void record_informed(escalation& e, const staff_member& member, staff_role as, date on) {
  const auto where = detail::escalation_where(e);
  if (!member.holds(as))
    throw error("escalation.wrong_recipient", where,
                (safe_text{} << "staff member " << member.id << " does not hold the role " << as).str());
  if (!receives_escalations(as))
    throw error("escalation.wrong_recipient", where,
                (safe_text{} << "the role " << as << " does not receive escalations").str());
  detail::append_event(e, {escalation_event_kind::staff_informed, on, member.id, as});
}

/// An informed member of staff took the matter up.
inline void record_response(escalation& e, const staff_member& member, date on) {
  if (!e.was_informed(member.id))
    throw error("escalation.not_informed", detail::escalation_where(e),
                (safe_text{} << "staff member " << member.id << " responded without having been informed")
                    .str());
  detail::append_event(e, {escalation_event_kind::staff_responded, on, member.id, std::nullopt});
}

/// Closes the escalation; someone on the route must have responded.
inline void record_closed(escalation& e, date on) {
  if (!e.first(escalation_event_kind::staff_responded))
    throw error("escalation.unanswered", detail::escalation_where(e),
                "an escalation is closed only after a member of staff responded");
  detail::append_event(e, {escalation_event_kind::closed, on, std::nullopt, std::nullopt});
}

/// Where a step or the response stands on a given day.
enum class deadline_status {
  pending,  ///< not yet done, the deadline has not passed
  on_time,  ///< done by the deadline
  late,     ///< done, after the deadline
  overdue,  ///< not done, the deadline has passed (or the escalation was closed without it)
};
template <>
struct enum_keys<deadline_status> {
  static constexpr std::array<std::string_view, 4> keys{"pending", "on_time", "late", "overdue"};
};

struct escalation_status {
  std::array<deadline_status, max_route_steps> steps{};
  std::array<date, max_route_steps> step_due{};
  int step_count = 0;
  deadline_status response = deadline_status::pending;
  date response_due;
  friend bool operator==(const escalation_status&, const escalation_status&) = default;
};

namespace detail {
inline deadline_status deadline_of(std::optional<date> done, date due, date today, bool closed) {
  if (done) return *done <= due ? deadline_status::on_time : deadline_status::late;
  return (today > due || closed) ? deadline_status::overdue : deadline_status::pending;
}
}  // namespace detail

/// Where each step of the route and the response stand on `today`.
[[nodiscard]] inline escalation_status status_of(const escalation& e, const escalation_policy& policy, date today) {
  const auto& route = policy.route(e.tier);
  const date raised = e.raised_on();
  escalation_status s;
  s.step_count = route.step_count;
  for (std::size_t i = 0; i < route.route().size(); ++i) {
    const auto& step = route.route()[i];
    s.step_due[i] = raised + boost::gregorian::days(step.within_days);
    s.steps[i] = detail::deadline_of(e.informed_on(step.any_of), s.step_due[i], today, e.is_closed());
  }
  s.response_due = raised + boost::gregorian::days(route.respond_within_days);
  s.response = detail::deadline_of(e.first(escalation_event_kind::staff_responded), s.response_due, today,
                                    e.is_closed());
  return s;
}

/// The alerts of one escalation on `today`: steps informed late or not at all, a late or
/// missing response, and staff told before the supportee was encouraged to go themselves.
[[nodiscard]] inline std::vector<alert> escalation_alerts(const escalation& e, const escalation_policy& policy,
                                                          date today) {
  std::vector<alert> alerts;
  const auto s = status_of(e, policy, today);
  auto make = [&](alert_rule rule, date due, safe_text text) {
    alerts.push_back({rule, due, e.pair, std::nullopt, std::nullopt, e.id, std::nullopt, std::move(text).str()});
  };
  for (std::size_t i = 0; i < static_cast<std::size_t>(s.step_count); ++i)
    if (s.steps[i] == deadline_status::late || s.steps[i] == deadline_status::overdue)
      make(alert_rule::escalation_step_overdue, s.step_due[i],
           safe_text{} << "escalation " << e.id << " (" << e.tier << "): step " << (i + 1) << " is "
                       << s.steps[i] << ", due " << s.step_due[i]);
  if (s.response == deadline_status::late || s.response == deadline_status::overdue)
    make(alert_rule::escalation_response_overdue, s.response_due,
         safe_text{} << "escalation " << e.id << " (" << e.tier << "): response is " << s.response << ", due "
                     << s.response_due);
  if (policy.route(e.tier).encourage_first) {
    const auto informed = e.first(escalation_event_kind::staff_informed);
    const auto encouraged = e.first(escalation_event_kind::supportee_encouraged);
    // The trail is in order, so an informing that comes before any encouragement is
    // found by position, also when both fall on the same day.
    const auto first_informed = std::find_if(e.trail.begin(), e.trail.end(), [](const escalation_event& ev) {
      return ev.kind == escalation_event_kind::staff_informed;
    });
    const auto first_encouraged = std::find_if(e.trail.begin(), e.trail.end(), [](const escalation_event& ev) {
      return ev.kind == escalation_event_kind::supportee_encouraged;
    });
    if (informed && (!encouraged || first_informed < first_encouraged))
      make(alert_rule::escalation_referral_skipped, *informed,
           safe_text{} << "escalation " << e.id << " (" << e.tier
                       << "): staff were informed before the supportee was encouraged to go to their mentor");
  }
  return alerts;
}

/// Whom to inform for one step of the route: the class mentors of the pair's supportees
/// (or of the class it serves), the teacher coaches of the raising supporter's
/// intervision groups, and the school's confidential teachers and care coordinators, in
/// that order and each once.
[[nodiscard]] inline std::vector<staff_id> recipients(const route_step& step, const escalation& e,
                                                      const school& s, std::span<const support_pair> pairs,
                                                      std::span<const intervision_roster> groups) {
  std::vector<staff_id> found;
  auto add = [&found](staff_id id) {
    if (std::find(found.begin(), found.end(), id) == found.end()) found.push_back(id);
  };
  const auto pair = std::find_if(pairs.begin(), pairs.end(), [&](const support_pair& p) { return p.id == e.pair; });
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
  for (auto r : {staff_role::confidential_teacher, staff_role::care_coordinator})
    if (step.any_of.contains(r))
      for (const auto* m : s.staff_in(r)) add(m->id);
  return found;
}

}  // namespace peerkit
