// This file must FAIL to compile: no access policy can let a viewer see special-category
// data (origin, health, belief, group membership) through a view, not even care staff.
// With PEERKIT_COMPILE_FAIL_CONTROL defined the policy withholds it and the file
// compiles, so it fails for the stated reason only.
#include <peerkit/privacy/views.hpp>

struct school_policy {
  static constexpr peerkit::access_scope scope(peerkit::viewer_role v, peerkit::data_kind k) {
#ifndef PEERKIT_COMPILE_FAIL_CONTROL
    if (v == peerkit::viewer_role::care_staff && k == peerkit::data_kind::special_category)
      return peerkit::access_scope::cases;
#endif
    return peerkit::default_access_policy::scope(v, k);
  }
};

int main() {
  const peerkit::programme_records records;
  const peerkit::school school;
  const peerkit::records_view<peerkit::viewer_role::care_staff, school_policy> view(
      records, school, peerkit::staff_id{30});
  return static_cast<int>(view.escalations().size());
}
