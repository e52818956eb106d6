// This file must FAIL to compile: a sensitive<> value (here a student's support needs,
// health data) cannot go into a research export without the explicit access step.
// With PEERKIT_COMPILE_FAIL_CONTROL defined the value passes through reveal() first and
// the file compiles, so it fails for the stated reason only.
#include <peerkit/privacy/research_export.hpp>

int main() {
  peerkit::student s;
#ifndef PEERKIT_COMPILE_FAIL_CONTROL
  const peerkit::export_cell cell(s.needs);
#else
  const peerkit::export_cell cell(
      s.needs.reveal(peerkit::access_purpose{"control: the access step"}).size());
#endif
  return cell.empty() ? 1 : 0;
}
