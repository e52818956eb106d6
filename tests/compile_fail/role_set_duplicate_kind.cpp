// This file must FAIL to compile: a programme runs each kind of supporter role at most
// once, so a school's own buddy role cannot sit beside the shipped peer buddy.
#include <peerkit/core/roles_policy.hpp>

struct our_buddy {};
template <>
struct peerkit::role_traits<our_buddy> : peerkit::role_traits<peerkit::peer_buddy> {};

#ifdef PEERKIT_COMPILE_FAIL_CONTROL
using roles = peerkit::role_set<peerkit::peer_leader, our_buddy>;
#else
using roles = peerkit::role_set<peerkit::peer_buddy, our_buddy>;
#endif
int main() { return static_cast<int>(roles{}.roles().size()); }
