// This file must FAIL to compile: the needs behind a role recommendation stay
// special-category data and cannot be printed without the explicit access step.
#include <iostream>

#include <peerkit/selection/recommendation.hpp>

int main() {
  peerkit::student s;
  s.year = 1;
  const auto advice = peerkit::needs_table{}.recommend(s);
  for (const auto& a : advice.roles) {
#ifdef PEERKIT_COMPILE_FAIL_CONTROL
    std::cout << peerkit::key_of(a.role) << '\n';
#else
    std::cout << peerkit::key_of(a.role) << ": " << a.because << '\n';
#endif
  }
}
