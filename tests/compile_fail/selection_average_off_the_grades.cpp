// This file must FAIL to compile: a minimum average grade lies on the grade scale
// 1.0..10.0, the rule validate() applies to a run-time profile.
#include <peerkit/selection/profile.hpp>

using namespace peerkit;

#ifdef PEERKIT_COMPILE_FAIL_CONTROL
using profile = criteria_profile<max_fail_marks<2>, min_average<10>>;
#else
using profile = criteria_profile<max_fail_marks<2>, min_average<10, 5>>;
#endif
int main() { return profile::gates.min_average->count(); }
