// This file must FAIL to compile: a welcome trait weighs at least 1 in the score; a trait
// that counts for nothing does not belong in the profile.
#include <peerkit/selection/profile.hpp>

using namespace peerkit;

#ifdef PEERKIT_COMPILE_FAIL_CONTROL
using profile = criteria_profile<required<empathy, 3>, welcome<flexible, 1>>;
#else
using profile = criteria_profile<required<empathy, 3>, welcome<flexible, 0>>;
#endif
int main() { return static_cast<int>(profile::welcome.size()); }
