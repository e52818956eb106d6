// This file must FAIL to compile: a policy of a family that basic_programme does not have
// (a school's own "rewards" family) is refused, not silently ignored.
#include <peerkit/programme/programme.hpp>

struct rewards_family {};
struct badges_for_buddies {
  using policy_family = rewards_family;
};

int main() {
#ifdef PEERKIT_COMPILE_FAIL_CONTROL
  using school_programme = peerkit::basic_programme<peerkit::default_matching>;
#else
  using school_programme = peerkit::basic_programme<peerkit::default_matching, badges_for_buddies>;
#endif
  return sizeof(school_programme) == 0;
}
