#pragma once
// The limits of peer support (source 000 step 5): what a peer in each role handles, and
// when professional help is needed. Training and the escalation protocol refer to this
// data; the signals themselves are never stored with a pair (they are care content),
// they only decide the tier an escalation is raised with.

#include <array>
#include <string_view>

#include <peerkit/core/enum_keys.hpp>
#include <peerkit/core/roles.hpp>
#include <peerkit/core/staff_roles.hpp>
#include <peerkit/supervision/contact_log.hpp>
#include <peerkit/supervision/escalation.hpp>

namespace peerkit {

/// Signs that a matter is beyond a peer and goes to an adult, whatever the role.
enum class referral_signal {
  unsafe_at_home,         ///< abuse, domestic violence, neglect (Meldcode)
  self_harm,              ///< thoughts of suicide or self-harm
  honour_related_threat,  ///< named in source 004
  serious_unwellness,     ///< lasting sadness, anxiety, not eating
  substance_use,
  pregnancy,              ///< named in source 004
  persistent_bullying,    ///< bullying that goes on despite the supporter's help
  falling_far_behind,     ///< many fail marks or much absence
  conflict_beyond_peers,  ///< a conflict the peer cannot mediate, e.g. with a teacher
  asks_for_an_adult,      ///< the supportee asks for an adult
  too_heavy_for_peer,     ///< the supporter feels it is too much to carry
};
template <>
struct enum_keys<referral_signal> {
  static constexpr std::array<std::string_view, 11> keys{
      "unsafe_at_home",        "self_harm",         "honour_related_threat", "serious_unwellness",
      "substance_use",         "pregnancy",         "persistent_bullying",   "falling_far_behind",
      "conflict_beyond_peers", "asks_for_an_adult", "too_heavy_for_peer"};
};

/// The tier an escalation for `signal` is raised with.
[[nodiscard]] constexpr severity tier_for(referral_signal signal) noexcept {
  switch (signal) {
    case referral_signal::unsafe_at_home:
    case referral_signal::self_harm:
    case referral_signal::honour_related_threat: return severity::safety;
    case referral_signal::serious_unwellness:
    case referral_signal::substance_use:
    case referral_signal::pregnancy: return severity::urgent;
    default: return severity::concern;
  }
}

/// What a peer in one role handles on their own, and to whom a matter goes first when it
/// is beyond them. A topic outside `handles` is passed on, like every referral signal.
struct support_limits {
  topic_set handles;
  staff_role refers_first_to = staff_role::class_mentor;
  friend constexpr bool operator==(const support_limits&, const support_limits&) = default;
};

/// The shipped limits per role, from the tasks the sources give each role. Peer buddies
/// refer through the supportee's class mentor (the source's protocol); newcomer buddies,
/// who work at another site, and group roles go to their teacher coach; the confidant
/// student refers on to the confidential teacher.
[[nodiscard]] constexpr support_limits limits_of(supporter_role role) noexcept {
  using t = contact_topic;
  switch (role) {
    case supporter_role::peer_leader:
      return {{t::getting_to_know, t::finding_the_way, t::homework_planning, t::making_contacts,
               t::confidence, t::bullying, t::conflict, t::joint_activity, t::class_activity},
              staff_role::class_mentor};
    case supporter_role::peer_buddy:
      return {{t::getting_to_know, t::finding_the_way, t::homework_planning, t::lesson_content,
               t::making_contacts, t::confidence, t::bullying, t::conflict, t::joint_activity},
              staff_role::class_mentor};
    case supporter_role::newcomer_buddy:
      return {{t::getting_to_know, t::finding_the_way, t::homework_planning, t::lesson_content,
               t::making_contacts, t::confidence, t::dutch_language, t::customs_and_culture,
               t::joint_activity},
              staff_role::teacher_coach};
    case supporter_role::peer_tutor:
      return {{t::getting_to_know, t::homework_planning, t::lesson_content},
              staff_role::class_mentor};
    case supporter_role::peer_mentor:
      return {{t::getting_to_know, t::finding_the_way, t::homework_planning, t::making_contacts,
               t::confidence, t::study_choice},
              staff_role::class_mentor};
    case supporter_role::peer_coach:
      return {{t::getting_to_know, t::joint_activity, t::class_activity, t::study_choice},
              staff_role::teacher_coach};
    case supporter_role::confidant_student:
      return {{t::getting_to_know, t::making_contacts, t::confidence, t::bullying, t::conflict},
              staff_role::confidential_teacher};
    case supporter_role::peer_mediator:
      return {{t::getting_to_know, t::conflict}, staff_role::teacher_coach};
    case supporter_role::peer_educator:
      return {{t::class_activity, t::bullying}, staff_role::teacher_coach};
  }
  return {};
}

/// The topics of `topics` that a peer in `role` does not handle on their own.
[[nodiscard]] constexpr topic_set beyond_limits(supporter_role role, topic_set topics) noexcept {
  topic_set outside;
  outside.bits = static_cast<std::uint16_t>(topics.bits & ~limits_of(role).handles.bits);
  return outside;
}

}  // namespace peerkit
