// This file must FAIL to compile: a contact record has no field for text; a supporter
// cannot write what a meeting was about beyond the fixed topics and the needs-adult flag.
// With PEERKIT_COMPILE_FAIL_CONTROL defined the record uses a topic and the flag and the
// file compiles, so it fails for the stated reason only.
#include <peerkit/supervision/contact_log.hpp>

int main() {
  peerkit::contact_record r;
#ifndef PEERKIT_COMPILE_FAIL_CONTROL
  r.note = "talked about problems at home";
#else
  r.topics = r.topics.with(peerkit::contact_topic::homework_planning);
  r.needs_adult = true;
#endif
  return r.needs_adult ? 0 : 1;
}
