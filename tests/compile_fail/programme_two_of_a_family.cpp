// This file must FAIL to compile: a programme takes at most one policy of each family;
// here two checklists are given.
#include <peerkit/programme/programme.hpp>

int main() {
#ifdef PEERKIT_COMPILE_FAIL_CONTROL
  using school_programme = peerkit::basic_programme<peerkit::runtime_checklist>;
#else
  using school_programme =
      peerkit::basic_programme<peerkit::runtime_checklist, peerkit::default_checklist_policy>;
#endif
  return sizeof(school_programme) == 0;
}
