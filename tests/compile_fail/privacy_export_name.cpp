// This file must FAIL to compile: a student's name, or any other text made at run time,
// cannot go into a research export (a direct identifier).
// With PEERKIT_COMPILE_FAIL_CONTROL defined the student's track goes in instead and the
// file compiles, so it fails for the stated reason only.
#include <peerkit/privacy/research_export.hpp>

int main() {
  peerkit::student s;
  s.name = "Zeinab";
#ifndef PEERKIT_COMPILE_FAIL_CONTROL
  const peerkit::export_cell cell(s.name);
#else
  const peerkit::export_cell cell(s.track);
#endif
  return cell.empty() ? 1 : 0;
}
