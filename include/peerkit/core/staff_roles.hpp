#pragma once
// The staff roles of a programme (source 000 steps 1, 2 and 6; 001) as types with traits.
// A staff member may hold several roles; the enumeration serves values read at run time.

#include <array>
#include <concepts>
#include <string_view>

#include <peerkit/core/enum_keys.hpp>

namespace peerkit {

enum class staff_role {
  coordinator,           ///< writes the plan, runs the process, often selects; a contact
  teacher_coach,         ///< trains and supervises the supporters, leads intervision
  class_mentor,          ///< the teacher responsible for a class
  confidential_teacher,  ///< vertrouwensdocent: may join intervision, receives serious cases
  care_coordinator,      ///< zorgcoördinator: second line of care, receives serious cases
  team_leader,           ///< line manager: must back the programme, may select
};

template <>
struct enum_keys<staff_role> {
  static constexpr std::array<std::string_view, 6> keys{"coordinator",      "teacher_coach",
                                                        "class_mentor",     "confidential_teacher",
                                                        "care_coordinator", "team_leader"};
};

/// What a staff role does in the programme.
struct staff_role_duties {
  bool leads_intervision = false;
  bool may_join_intervision = false;
  bool receives_escalations = false;
  bool may_select_supporters = false;
  /// Supporters can always turn to them between meetings (000 steps 2 and 6).
  bool contact_for_supporters = false;
  friend constexpr bool operator==(const staff_role_duties&, const staff_role_duties&) = default;
};

template <class R>
struct staff_role_traits;

/// A staff role: a tag with a name, its enumerator and its duties.
template <class R>
concept StaffRole = requires {
  { staff_role_traits<R>::name } -> std::convertible_to<std::string_view>;
  { staff_role_traits<R>::kind } -> std::convertible_to<staff_role>;
  { staff_role_traits<R>::duties } -> std::convertible_to<staff_role_duties>;
};

struct coordinator {};
struct teacher_coach {};
struct class_mentor {};
struct confidential_teacher {};
struct care_coordinator {};
struct team_leader {};

/// Selects supporters (000 step 4); a supporter "can always turn to the teacher coach or
/// the Peer2Peer coordinator" (000 step 6), so a serious problem may reach them too.
template <>
struct staff_role_traits<coordinator> {
  static constexpr std::string_view name = "coordinator";
  static constexpr staff_role kind = staff_role::coordinator;
  static constexpr staff_role_duties duties{
      .receives_escalations = true, .may_select_supporters = true, .contact_for_supporters = true};
};
/// Trains, supervises, leads intervision and "is also reachable in between" (000 step 2).
template <>
struct staff_role_traits<teacher_coach> {
  static constexpr std::string_view name = "teacher coach";
  static constexpr staff_role kind = staff_role::teacher_coach;
  static constexpr staff_role_duties duties{.leads_intervision = true,
                                            .may_join_intervision = true,
                                            .receives_escalations = true,
                                            .contact_for_supporters = true};
};
template <>
struct staff_role_traits<class_mentor> {
  static constexpr std::string_view name = "class mentor";
  static constexpr staff_role kind = staff_role::class_mentor;
  static constexpr staff_role_duties duties{.receives_escalations = true};
};
template <>
struct staff_role_traits<confidential_teacher> {
  static constexpr std::string_view name = "confidential teacher";
  static constexpr staff_role kind = staff_role::confidential_teacher;
  static constexpr staff_role_duties duties{.may_join_intervision = true,
                                            .receives_escalations = true};
};
template <>
struct staff_role_traits<care_coordinator> {
  static constexpr std::string_view name = "care coordinator";
  static constexpr staff_role kind = staff_role::care_coordinator;
  static constexpr staff_role_duties duties{.may_join_intervision = true,
                                            .receives_escalations = true};
};
template <>
struct staff_role_traits<team_leader> {
  static constexpr std::string_view name = "team leader";
  static constexpr staff_role kind = staff_role::team_leader;
  static constexpr staff_role_duties duties{.may_select_supporters = true};
};

namespace detail {
template <class F>
constexpr decltype(auto) visit_staff_role(staff_role r, F&& f) {
  switch (r) {
    case staff_role::coordinator: return f(staff_role_traits<coordinator>{});
    case staff_role::teacher_coach: return f(staff_role_traits<teacher_coach>{});
    case staff_role::class_mentor: return f(staff_role_traits<class_mentor>{});
    case staff_role::confidential_teacher: return f(staff_role_traits<confidential_teacher>{});
    case staff_role::care_coordinator: return f(staff_role_traits<care_coordinator>{});
    case staff_role::team_leader: return f(staff_role_traits<team_leader>{});
  }
  return f(staff_role_traits<class_mentor>{});  // unreachable for valid enumerators
}
}  // namespace detail

/// The duties of a staff role chosen at run time.
[[nodiscard]] constexpr staff_role_duties duties_of(staff_role r) noexcept {
  return detail::visit_staff_role(r, [](auto t) { return decltype(t)::duties; });
}
/// True for the roles that lead intervision (the teacher coach).
[[nodiscard]] constexpr bool leads_intervision(staff_role r) noexcept {
  return duties_of(r).leads_intervision;
}
/// True for the roles that may join an intervision meeting.
[[nodiscard]] constexpr bool may_join_intervision(staff_role r) noexcept {
  return duties_of(r).may_join_intervision;
}
/// True for the roles an escalation may be brought to.
[[nodiscard]] constexpr bool receives_escalations(staff_role r) noexcept {
  return duties_of(r).receives_escalations;
}
/// True for the roles that may select supporters (000 step 4: coordinator or team leader).
[[nodiscard]] constexpr bool may_select_supporters(staff_role r) noexcept {
  return duties_of(r).may_select_supporters;
}
/// True for the roles supporters can always turn to.
[[nodiscard]] constexpr bool contact_for_supporters(staff_role r) noexcept {
  return duties_of(r).contact_for_supporters;
}

/// "teacher coach" for staff_role::teacher_coach.
[[nodiscard]] constexpr std::string_view name_of(staff_role r) {
  constexpr std::array<std::string_view, 6> names{
      staff_role_traits<coordinator>::name,      staff_role_traits<teacher_coach>::name,
      staff_role_traits<class_mentor>::name,     staff_role_traits<confidential_teacher>::name,
      staff_role_traits<care_coordinator>::name, staff_role_traits<team_leader>::name};
  return names[static_cast<std::size_t>(r)];
}

}  // namespace peerkit
