// This file must FAIL to compile: a grade is held exactly in tenths, so a literal grade
// has one decimal at most.
#include <peerkit/core/student.hpp>

#ifdef PEERKIT_COMPILE_FAIL_CONTROL
const peerkit::grade maths{"maths", 6.5};
#else
const peerkit::grade maths{"maths", 6.55};
#endif
int main() { return maths.value.count(); }
