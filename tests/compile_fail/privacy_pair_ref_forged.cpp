// This file must FAIL to compile: a pair handle cannot be forged from a pair id; only a
// records_view makes pair_ref values, for the pairs its viewer may see.
// With PEERKIT_COMPILE_FAIL_CONTROL defined the handle comes from the view and the file
// compiles, so it fails for the stated reason only.
#include <peerkit/privacy/views.hpp>

int main() {
  const peerkit::programme_records records;
  const peerkit::school school;
  const peerkit::buddy_view view(records, school, peerkit::student_id{101});
#ifndef PEERKIT_COMPILE_FAIL_CONTROL
  const peerkit::buddy_view::ref forged(peerkit::pair_id{2}, 101u);
  return view.pair(forged) == nullptr ? 0 : 1;
#else
  const auto refs = view.pairs();
  return refs.empty() || view.pair(refs.front()) == nullptr ? 0 : 1;
#endif
}
