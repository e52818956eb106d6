// This file must FAIL to compile: a role whose traits contradict themselves (at least
// three supportees but at most one) is not a Role and cannot be run by a programme.
#include <peerkit/core/roles_policy.hpp>

struct overloaded_buddy {};
template <>
struct peerkit::role_traits<overloaded_buddy> : peerkit::role_traits<peerkit::peer_buddy> {
#ifdef PEERKIT_COMPILE_FAIL_CONTROL
  static constexpr auto parameters =
      role_traits<peer_buddy>::parameters.with_supportees_per_supporter({1, 3});
#else
  static constexpr auto parameters =
      role_traits<peer_buddy>::parameters.with_supportees_per_supporter({3, 1});
#endif
};

int main() { return static_cast<int>(peerkit::role_set<overloaded_buddy>{}.roles().size()); }
