// This file must FAIL to compile: a pair handle made by one viewer role's view (a
// teacher coach's) cannot be used in the view of another role (a buddy's).
// With PEERKIT_COMPILE_FAIL_CONTROL defined the coach's handle goes to the coach's view
// and the file compiles, so it fails for the stated reason only.
#include <peerkit/privacy/views.hpp>

int main() {
  const peerkit::programme_records records;
  const peerkit::school school;
  const peerkit::buddy_view buddy(records, school, peerkit::student_id{101});
  const peerkit::coach_view coach(records, school, peerkit::staff_id{20});
  const auto refs = coach.pairs();
  if (refs.empty()) return 0;
#ifndef PEERKIT_COMPILE_FAIL_CONTROL
  return buddy.pair(refs.front()) == nullptr ? 0 : 1;
#else
  (void)buddy;
  return coach.pair(refs.front()) == nullptr ? 0 : 1;
#endif
}
