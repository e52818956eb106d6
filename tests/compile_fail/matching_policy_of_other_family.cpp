// This file must FAIL to compile: buddies are paired only under a matching policy; a
// policy of another family (here a selection policy) is not a MatchingPolicy.
#include <peerkit/matching/buddy_pairing.hpp>

struct selects_on_grades {
  using policy_family = peerkit::selection_family;
  [[nodiscard]] peerkit::matching_settings settings() const { return {}; }
};

struct pairs_by_score {
  using policy_family = peerkit::matching_family;
  [[nodiscard]] peerkit::matching_settings settings() const { return {}; }
};

int main() {
  peerkit::school sch;
  peerkit::pairing_request request;
  request.on = peerkit::date{2025, 10, 1};
#ifdef PEERKIT_COMPILE_FAIL_CONTROL
  auto result = peerkit::pair_buddies(sch, request, pairs_by_score{});
#else
  auto result = peerkit::pair_buddies(sch, request, selects_on_grades{});
#endif
  return result.supported;
}
