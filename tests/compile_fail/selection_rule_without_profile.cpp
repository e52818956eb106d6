// This file must FAIL to compile: a role is selected by a criteria profile; a type that
// does not model CriteriaProfile cannot stand in for one.
#include <peerkit/selection/policy.hpp>

using namespace peerkit;

#ifdef PEERKIT_COMPILE_FAIL_CONTROL
using rules = selection_rules<role_rule<peer_buddy, buddy_profile>>;
#else
using rules = selection_rules<role_rule<peer_buddy, empathy>>;
#endif
int main() { return static_cast<int>(rules{}.rules().size()); }
