// This file must FAIL to compile: a buddy's view has no escalation trail; under the
// access policy a supporter sees their own pairs, log and attendance, nothing more.
// With PEERKIT_COMPILE_FAIL_CONTROL defined a teacher coach's view asks instead and the
// file compiles, so it fails for the stated reason only.
#include <peerkit/privacy/views.hpp>

int main() {
  const peerkit::programme_records records;
  const peerkit::school school;
#ifndef PEERKIT_COMPILE_FAIL_CONTROL
  const peerkit::buddy_view view(records, school, peerkit::student_id{101});
#else
  const peerkit::coach_view view(records, school, peerkit::staff_id{20});
#endif
  return static_cast<int>(view.escalations().size());
}
