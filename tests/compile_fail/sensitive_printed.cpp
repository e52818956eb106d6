// This file must FAIL to compile: special-category data cannot be printed without the
// explicit access step.
#include <iostream>

#include <peerkit/core/student.hpp>

int main() {
  peerkit::student s;
#ifdef PEERKIT_COMPILE_FAIL_CONTROL
  std::cout << s.needs.reveal(peerkit::access_purpose{"care file export"}).size() << '\n';
#else
  std::cout << s.needs << '\n';
#endif
}
