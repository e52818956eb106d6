// This file must FAIL to compile: a buddy's view cannot reach a pair by a raw pair_id;
// it names pairs only through the pair_ref handles it hands out itself.
// With PEERKIT_COMPILE_FAIL_CONTROL defined the offending call is replaced by the
// permitted one and the file compiles, so it fails for the stated reason only.
#include <peerkit/privacy/views.hpp>

int main() {
  const peerkit::programme_records records;
  const peerkit::school school;
  const peerkit::buddy_view view(records, school, peerkit::student_id{101});
#ifndef PEERKIT_COMPILE_FAIL_CONTROL
  const auto contacts = view.contacts(peerkit::pair_id{2});
#else
  const auto refs = view.pairs();
  const auto contacts = refs.empty() ? std::vector<peerkit::contact_record>{}
                                     : view.contacts(refs.front());
#endif
  return static_cast<int>(contacts.size());
}
