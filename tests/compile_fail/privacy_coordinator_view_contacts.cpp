// This file must FAIL to compile: the coordinator's view offers planned-against-actual
// figures of the programme, not the pairs' contact log (data minimisation).
// With PEERKIT_COMPILE_FAIL_CONTROL defined it asks for the figures and the file
// compiles, so it fails for the stated reason only.
#include <peerkit/privacy/views.hpp>

int main() {
  const peerkit::programme_records records;
  const peerkit::school school;
  const peerkit::coordinator_view view(records, school, peerkit::staff_id{10});
  const auto refs = view.pairs();
  if (refs.empty()) return 0;
#ifndef PEERKIT_COMPILE_FAIL_CONTROL
  return static_cast<int>(view.contacts(refs.front()).size());
#else
  const peerkit::date day(2025, 10, 6);
  return view.figures(refs.front(), day, day).actual_meetings;
#endif
}
