#pragma once
// Each role's default criteria profile, following source 000 step 4 on the default rating
// scale 1..5. Where the sources give no number, the value is a documented default
// (docs/selection.md): a minimum of 3 ("sufficient" on 1..5), required traits weigh twice
// as much as welcome ones, and "report grades sufficient" is read as the usual Dutch
// promotion norm: at most two fail marks and an average of at least 6.0.

#include <peerkit/core/roles.hpp>
#include <peerkit/selection/profile.hpp>
#include <peerkit/selection/traits.hpp>

namespace peerkit {

/// Peer leaders and peer buddies (000 step 4): takes initiative, emotionally stable,
/// empathy and socially skilled are required; problem solving, flexible, communicative,
/// plans and organises and likes working together are welcome. Students apply "with or
/// without a motivation letter" (not required) and then have an interview (required).
using supporter_profile =
    criteria_profile<required<takes_initiative, 3, 2>, required<emotionally_stable, 3, 2>,
                     required<empathy, 3, 2>, required<socially_skilled, 3, 2>,
                     welcome<problem_solving>, welcome<flexible>, welcome<communicative>,
                     welcome<plans_and_organises>, welcome<likes_working_together>,
                     max_fail_marks<2>, min_average<6>, interview_required>;

/// The peer leader's profile (000 step 4).
using leader_profile = supporter_profile;
/// The peer buddy's profile (000 step 4).
using buddy_profile = supporter_profile;
/// The newcomer buddy: the buddy's profile plus interest in students from other countries
/// and cultures (000 step 4).
using newcomer_buddy_profile = extend<buddy_profile, required<intercultural_interest, 3, 2>>;

namespace detail {
// The sources name a profile for leaders, buddies and newcomer buddies only; the other
// roles take the general supporter profile until a school sets its own.
template <supporter_role Kind>
struct default_profile_of {
  using type = supporter_profile;
};
template <>
struct default_profile_of<supporter_role::newcomer_buddy> {
  using type = newcomer_buddy_profile;
};
}  // namespace detail

/// The default profile of a role tag, by the shipped role it is or derives from.
template <Role R>
using default_profile_t = typename detail::default_profile_of<role_traits<R>::kind>::type;

/// The default profile of a role chosen at run time.
[[nodiscard]] inline runtime_profile default_profile(supporter_role kind) {
  return detail::visit_role(kind, [](auto traits) {
    return to_runtime_profile<typename detail::default_profile_of<decltype(traits)::kind>::type>();
  });
}

}  // namespace peerkit
