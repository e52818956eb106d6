// This file must FAIL to compile: a student's number cannot go into a research export as
// it is; it goes in only as a keyed pseudonym.
// With PEERKIT_COMPILE_FAIL_CONTROL defined the pseudonym goes in and the file compiles,
// so it fails for the stated reason only.
#include <peerkit/privacy/research_export.hpp>

int main() {
  const peerkit::student_id id{1042};
#ifndef PEERKIT_COMPILE_FAIL_CONTROL
  const peerkit::export_cell cell(id);
#else
  const peerkit::pseudonymiser keys("a key of sixteen bytes or more");
  const peerkit::export_cell cell(keys.of(id));
#endif
  return cell.empty() ? 1 : 0;
}
