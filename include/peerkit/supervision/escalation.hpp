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
#include <peerkit/core/safe_text.hpp>
#include <peerkit/core/school.hpp>
#include <peerkit/core/staff.hpp>
#include <peerkit/core/staff_roles.hpp>
#include <peerkit/core/support_pair.hpp>
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
inline constexpr std::array<severity, 3> all_severities{severity::concern, severity::urgent,
                                                        severity::safety};

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
    if (step_count < 1 || step_count > static_cast<int>(max_route_steps) || respond_within_days < 0)
      return false;
    for (int i = 0; i < step_count; ++i) {
      const auto& s = steps[static_cast<std::size_t>(i)];
      if (s.any_of.empty() || s.within_days < 0) return false;
      for (unsigned r = 0; r < enum_keys<staff_role>::keys.size(); ++r)
        if (s.any_of.contains(static_cast<staff_role>(r)) &&
            !receives_escalations(static_cast<staff_role>(r)))
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
      tier_route{
          {route_step{{staff_role::teacher_coach, staff_role::class_mentor}, 7}}, 1, 14, true},
      tier_route{{route_step{{staff_role::teacher_coach, staff_role::class_mentor}, 1},
                  route_step{{staff_role::confidential_teacher, staff_role::care_coordinator}, 2}},
                 2,
                 2,
                 true},
      tier_route{{route_step{{staff_role::teacher_coach, staff_role::class_mentor}, 0},
                  route_step{{staff_role::confidential_teacher, staff_role::care_coordinator}, 0}},
                 2,
                 0,
                 false},
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
  static constexpr std::array<std::string_view, 7> keys{"raised",
                                                        "supportee_encouraged",
                                                        "supportee_accepted",
                                                        "supportee_refused",
                                                        "staff_informed",
                                                        "staff_responded",
                                                        "closed"};
};

/// One entry of the audit trail: who was involved and when, never what about.
struct escalation_event {
  escalation_event_kind kind = escalation_event_kind::raised;
  date on;
  std::optional<staff_id> staff;   ///< for staff_informed and staff_responded
  std::optional<staff_role> role;  ///< the role in which the staff member was informed
  friend bool operator==(const escalation_event&, const escalation_event&) = default;
};
static_assert(
    std::is_trivially_copyable_v<escalation_event>,
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
      if (e.kind == escalation_event_kind::staff_informed && e.role && roles.contains(*e.role))
        return e.on;
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
std::string escalation_where(const escalation& e);
void append_event(escalation& e, escalation_event ev);
}  // namespace detail

/// Opens an escalation for `pair`, raised by one of its supporters on `on`. Throws
/// peerkit::error when `supporter` is not a supporter of the pair or the pair is not
/// active that day.
[[nodiscard]] escalation raise_escalation(escalation_id id, const support_pair& pair,
                                          student_id supporter, severity tier, date on);

/// The supporter encouraged the supportee to take the matter to their mentor.
void record_encouraged(escalation& e, date on);

namespace detail {
void record_answer(escalation& e, escalation_event_kind k, date on);
}  // namespace detail

/// The supportee agreed to take the matter to their mentor.
void record_accepted(escalation& e, date on);
/// The supportee refused: the supporter now brings it to the teacher coach and/or mentor.
void record_refused(escalation& e, date on);

/// `member` was informed in role `as`. Throws when they do not hold that role or the
/// role does not receive escalations.
void record_informed(escalation& e, const staff_member& member, staff_role as, date on);

/// An informed member of staff took the matter up.
void record_response(escalation& e, const staff_member& member, date on);

/// Closes the escalation; someone on the route must have responded.
void record_closed(escalation& e, date on);

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
deadline_status deadline_of(std::optional<date> done, date due, date today, bool closed);
}  // namespace detail

/// Where each step of the route and the response stand on `today`.
[[nodiscard]] escalation_status status_of(const escalation& e, const escalation_policy& policy,
                                          date today);

/// The alerts of one escalation on `today`: steps informed late or not at all, a late or
/// missing response, and staff told before the supportee was encouraged to go themselves.
[[nodiscard]] std::vector<alert> escalation_alerts(const escalation& e,
                                                   const escalation_policy& policy, date today);

/// Whom to inform for one step of the route: the class mentors of the pair's supportees
/// (or of the class it serves), the teacher coaches of the raising supporter's
/// intervision groups, and the school's coordinators, confidential teachers and care
/// coordinators, in that order and each once.
[[nodiscard]] std::vector<staff_id> recipients(const route_step& step, const escalation& e,
                                               const school& s, std::span<const support_pair> pairs,
                                               std::span<const intervision_roster> groups);

}  // namespace peerkit

#ifndef PEERKIT_COMPILED
#include <peerkit/supervision/escalation-inl.hpp>
#endif
