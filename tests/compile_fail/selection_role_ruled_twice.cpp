// This file must FAIL to compile: the selection rules give each kind of supporter role
// at most one rule, so a school's own buddy role cannot be ruled beside the peer buddy.
#include <peerkit/selection/policy.hpp>

using namespace peerkit;

struct our_buddy {};
template <>
struct peerkit::role_traits<our_buddy> : peerkit::role_traits<peerkit::peer_buddy> {};

#ifdef PEERKIT_COMPILE_FAIL_CONTROL
using rules = selection_rules<role_rule<peer_leader>, role_rule<our_buddy>>;
#else
using rules = selection_rules<role_rule<peer_buddy>, role_rule<our_buddy>>;
#endif
int main() { return static_cast<int>(rules{}.rules().size()); }
