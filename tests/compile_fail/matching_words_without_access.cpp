// This file must FAIL to compile: the words of a pairing explanation show special-category
// details (languages, country of origin, conflicting groups) only through an explicit
// access step; a bare string is not one.
#include <string>

#include <peerkit/matching/explanation.hpp>

int main() {
  peerkit::school sch;
  peerkit::pairing_explanation why;
#ifdef PEERKIT_COMPILE_FAIL_CONTROL
  std::string words = peerkit::describe(why, sch,
                                        peerkit::access_purpose{"coordinator reviews the pairing"});
#else
  std::string words = peerkit::describe(why, sch, {"coordinator reviews the pairing"});
#endif
  return static_cast<int>(words.size());
}
