// This file must FAIL to compile: a criteria profile lists each trait once, so a trait
// cannot be both required and welcome in one profile.
#include <peerkit/selection/profile.hpp>

using namespace peerkit;

#ifdef PEERKIT_COMPILE_FAIL_CONTROL
using profile = criteria_profile<required<empathy, 3>, welcome<flexible>>;
#else
using profile = criteria_profile<required<empathy, 3>, welcome<empathy>>;
#endif
int main() { return static_cast<int>(profile::required.size()); }
