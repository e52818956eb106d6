// This file must FAIL to compile: a student's name, or any other text made at run time,
// cannot be written into a log line or alert; logs name students by id only.
// With PEERKIT_COMPILE_FAIL_CONTROL defined the id is written and the file compiles, so
// it fails for the stated reason only.
#include <peerkit/core/safe_text.hpp>
#include <peerkit/core/student.hpp>

int main() {
  peerkit::student s;
  s.name = "Sam";
  peerkit::safe_text line;
#ifndef PEERKIT_COMPILE_FAIL_CONTROL
  line << "student " << s.name << " missed intervision";
#else
  line << "student " << s.id << " missed intervision";
#endif
  return line.str().empty() ? 1 : 0;
}
