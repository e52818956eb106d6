// This file must FAIL to compile: a sensitive<> value (here a newcomer's origin) cannot
// be written into a log line or alert without the explicit access step.
// With PEERKIT_COMPILE_FAIL_CONTROL defined the log names the student's id only and the
// file compiles, so it fails for the stated reason only.
#include <peerkit/core/safe_text.hpp>
#include <peerkit/core/student.hpp>

int main() {
  peerkit::student s;
  peerkit::safe_text line;
#ifndef PEERKIT_COMPILE_FAIL_CONTROL
  line << "student " << s.id << " from " << s.origin;
#else
  line << "student " << s.id;
#endif
  return line.str().empty() ? 1 : 0;
}
