// This file must FAIL to compile: a compile-time matching policy with a negative score
// weight is rejected (a school cannot make shared interests count against a pair).
#include <peerkit/matching/matching_policy.hpp>

#ifdef PEERKIT_COMPILE_FAIL_CONTROL
using school_matching =
    peerkit::fixed_matching<peerkit::pairing_options{.weights = {.shared_interests = 0}}>;
#else
using school_matching =
    peerkit::fixed_matching<peerkit::pairing_options{.weights = {.shared_interests = -1}}>;
#endif

int main() { return static_cast<int>(school_matching::settings().buddies.weights.offers_wants); }
