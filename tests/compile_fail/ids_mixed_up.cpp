// This file must FAIL to compile: a staff id cannot be used to look up a student.
#include <peerkit/core/school.hpp>

int main() {
  peerkit::school s;
#ifdef PEERKIT_COMPILE_FAIL_CONTROL
  const peerkit::student* found = s.find(peerkit::student_id{7});
#else
  const peerkit::student* found = s.find(peerkit::staff_id{7});
#endif
  return found == nullptr ? 0 : 1;
}
