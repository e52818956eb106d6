#pragma once
// Who may see what: a policy per viewer role, fixed at compile time so that a view type
// (views.hpp) offers only what its viewer may see. Each role also has a reach that no
// policy can widen: a buddy sees only their own pairs, a teacher coach their groups, a
// class mentor their classes, care staff the cases they were told of, the coordinator
// the programme. No viewer sees special-category data, and care content is not stored
// at all (escalation.hpp).

#include <array>
#include <concepts>
#include <string_view>

#include <peerkit/core/enum_keys.hpp>

namespace peerkit {

/// Who looks at the records.
enum class viewer_role {
  supporter,  ///< a buddy or leader: a minor
  teacher_coach,
  class_mentor,
  care_staff,  ///< confidential teacher, care coordinator
  coordinator,
  researcher,  ///< sees the pseudonymised export only
};
template <>
struct enum_keys<viewer_role> {
  static constexpr std::array<std::string_view, 6> keys{
      "supporter", "teacher_coach", "class_mentor", "care_staff", "coordinator", "researcher"};
};

/// What is looked at.
enum class data_kind {
  pairs,            ///< who supports whom
  contact_records,  ///< the contact log: dates, kinds, topics, needs-adult flags
  contact_figures,  ///< planned against actual contact
  intervision_attendance,
  escalation_trail,    ///< that an escalation happened, its tier, who was told when
  evaluation_answers,  ///< individual answers to the questionnaires
  special_category,    ///< origin, health, belief, group membership
};
template <>
struct enum_keys<data_kind> {
  static constexpr std::array<std::string_view, 7> keys{"pairs",
                                                        "contact_records",
                                                        "contact_figures",
                                                        "intervision_attendance",
                                                        "escalation_trail",
                                                        "evaluation_answers",
                                                        "special_category"};
};
inline constexpr std::array<data_kind, 7> all_data_kinds{data_kind::pairs,
                                                         data_kind::contact_records,
                                                         data_kind::contact_figures,
                                                         data_kind::intervision_attendance,
                                                         data_kind::escalation_trail,
                                                         data_kind::evaluation_answers,
                                                         data_kind::special_category};
inline constexpr std::array<viewer_role, 6> all_viewer_roles{
    viewer_role::supporter,  viewer_role::teacher_coach, viewer_role::class_mentor,
    viewer_role::care_staff, viewer_role::coordinator,   viewer_role::researcher};

/// Whose records a viewer sees.
enum class access_scope {
  none,
  own,        ///< the supporter's own pairs
  groups,     ///< pairs of the supporters in the intervision groups the coach leads
  classes,    ///< pairs whose supportees are in (or whose class served is) a class the mentor leads
  cases,      ///< pairs with an escalation the member of care staff was informed of
  programme,  ///< every pair
};
template <>
struct enum_keys<access_scope> {
  static constexpr std::array<std::string_view, 6> keys{"none",    "own",   "groups",
                                                        "classes", "cases", "programme"};
};

/// The widest scope a role can have under any policy.
[[nodiscard]] constexpr access_scope reach_of(viewer_role v) noexcept {
  switch (v) {
    case viewer_role::supporter: return access_scope::own;
    case viewer_role::teacher_coach: return access_scope::groups;
    case viewer_role::class_mentor: return access_scope::classes;
    case viewer_role::care_staff: return access_scope::cases;
    case viewer_role::coordinator: return access_scope::programme;
    case viewer_role::researcher: return access_scope::none;
  }
  return access_scope::none;
}

/// A policy: `P::scope(viewer, kind)` is a constant expression giving the scope.
template <class P>
concept AccessPolicy = requires {
  { P::scope(viewer_role::supporter, data_kind::pairs) } -> std::same_as<access_scope>;
};

/// True when a policy gives each role either nothing or its reach, and no role the
/// special categories: what views.hpp checks before it builds a view.
template <AccessPolicy P>
[[nodiscard]] constexpr bool respects_reach() noexcept {
  for (auto v : all_viewer_roles)
    for (auto k : all_data_kinds) {
      const access_scope s = P::scope(v, k);
      if (s != access_scope::none && s != reach_of(v)) return false;
      if (k == data_kind::special_category && s != access_scope::none) return false;
    }
  return true;
}

/// peerkit's default: data minimisation. The coordinator sees the figures, attendance,
/// escalation trails and answers of the programme, but not the contact log itself; a
/// class mentor sees the pairs and figures of their classes and the escalations about
/// them; care staff see the cases they were told of; a buddy sees their own pairs, their
/// log and their own attendance.
struct default_access_policy {
  [[nodiscard]] static constexpr access_scope scope(viewer_role v, data_kind k) noexcept {
    using enum data_kind;
    switch (v) {
      case viewer_role::supporter:
        return k == pairs || k == contact_records || k == contact_figures ||
                       k == intervision_attendance
                   ? access_scope::own
                   : access_scope::none;
      case viewer_role::teacher_coach:
        return k == special_category || k == evaluation_answers ? access_scope::none
                                                                : access_scope::groups;
      case viewer_role::class_mentor:
        return k == pairs || k == contact_figures || k == escalation_trail ? access_scope::classes
                                                                           : access_scope::none;
      case viewer_role::care_staff:
        return k == pairs || k == escalation_trail ? access_scope::cases : access_scope::none;
      case viewer_role::coordinator:
        return k == special_category || k == contact_records ? access_scope::none
                                                             : access_scope::programme;
      case viewer_role::researcher: return access_scope::none;
    }
    return access_scope::none;
  }
};
static_assert(respects_reach<default_access_policy>());

}  // namespace peerkit
