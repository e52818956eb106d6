// This file must FAIL to compile: no access policy can give a buddy more than their own
// pairs; a view under a policy that does is refused.
// With PEERKIT_COMPILE_FAIL_CONTROL defined the policy keeps the buddy to their own
// pairs and the file compiles, so it fails for the stated reason only.
#include <peerkit/privacy/views.hpp>

struct school_policy {
  static constexpr peerkit::access_scope scope(peerkit::viewer_role v, peerkit::data_kind k) {
#ifndef PEERKIT_COMPILE_FAIL_CONTROL
    if (v == peerkit::viewer_role::supporter && k == peerkit::data_kind::pairs)
      return peerkit::access_scope::programme;
#endif
    return peerkit::default_access_policy::scope(v, k);
  }
};

int main() {
  const peerkit::programme_records records;
  const peerkit::school school;
  const peerkit::records_view<peerkit::viewer_role::supporter, school_policy> view(
      records, school, peerkit::student_id{101});
  return static_cast<int>(view.pairs().size());
}
