#pragma once
// How a programme finds its policies. basic_programme takes its policies as a pack in
// any order; each policy names its family (`using policy_family = selection_family;`),
// and a family that is not given falls back to its default. At most one policy per family.

#include <type_traits>

namespace peerkit {

/// Families of policy points of a programme.
struct roles_family {};
struct selection_family {};
struct matching_family {};
struct schedule_family {};
struct checklist_family {};

template <class P>
concept Policy = requires { typename P::policy_family; };

template <class P, class Family>
concept PolicyOf = Policy<P> && std::is_same_v<typename P::policy_family, Family>;

namespace detail {
template <class Family, class Default, class... Ps>
struct find_policy {
  using type = Default;
};
template <class Family, class Default, class P, class... Ps>
struct find_policy<Family, Default, P, Ps...> {
  using type = std::conditional_t<PolicyOf<P, Family>, P,
                                  typename find_policy<Family, Default, Ps...>::type>;
};

template <class P, class... Ps>
inline constexpr int count_family = (0 + ... + (PolicyOf<Ps, typename P::policy_family> ? 1 : 0));
}  // namespace detail

/// The policy of `Family` among `Ps`, or `Default` when none is given.
template <class Family, class Default, class... Ps>
using policy_for = typename detail::find_policy<Family, Default, Ps...>::type;

/// True when no two of `Ps` belong to the same family, whatever the families are.
template <Policy... Ps>
inline constexpr bool one_policy_per_family = ((detail::count_family<Ps, Ps...> == 1) && ...);

/// True when `P` is a policy of one of `Families`.
template <class P, class... Families>
inline constexpr bool policy_of_any = (PolicyOf<P, Families> || ...);

}  // namespace peerkit
