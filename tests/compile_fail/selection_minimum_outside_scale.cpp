// This file must FAIL to compile: every minimum rating of a profile in the selection
// rules lies on the school's rating scale.
#include <peerkit/selection/policy.hpp>

using namespace peerkit;

#ifdef PEERKIT_COMPILE_FAIL_CONTROL
using profile = criteria_profile<required<empathy, 5>>;
#else
using profile = criteria_profile<required<empathy, 7>>;
#endif
using rules = selection_rules<scale_of<1, 5>, role_rule<peer_buddy, profile>>;
int main() { return static_cast<int>(rules{}.rules().size()); }
