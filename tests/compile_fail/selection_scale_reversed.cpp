// This file must FAIL to compile: a rating scale runs from a lowest to a higher highest
// rating.
#include <peerkit/selection/policy.hpp>

using namespace peerkit;

#ifdef PEERKIT_COMPILE_FAIL_CONTROL
using rules = selection_rules<scale_of<1, 5>>;
#else
using rules = selection_rules<scale_of<5, 1>>;
#endif
int main() { return rules{}.scale().highest; }
