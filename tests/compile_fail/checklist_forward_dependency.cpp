// This file must FAIL to compile: a checklist's dependencies point backwards only (the
// plan of approach needs the working group and the coordinator of a later step).

#include <peerkit/checklist/checklist_policy.hpp>
#include <peerkit/checklist/plan_items.hpp>

namespace pi = peerkit::plan_items;

#ifdef PEERKIT_COMPILE_FAIL_CONTROL
using plan_first = peerkit::checklist<
    "Plan last",
    peerkit::checklist_step<1, "People", pi::working_group_formed, pi::coordinator_appointed>,
    peerkit::checklist_step<2, "Plan", pi::plan_of_approach>>;
#else
using plan_first = peerkit::checklist<
    "Plan first", peerkit::checklist_step<1, "Plan", pi::plan_of_approach>,
    peerkit::checklist_step<2, "People", pi::working_group_formed, pi::coordinator_appointed>>;
#endif

int main() {
  const peerkit::static_checklist<plan_first> policy;
  return static_cast<int>(policy.definition().item_count());
}
