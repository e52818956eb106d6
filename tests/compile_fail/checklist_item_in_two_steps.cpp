// This file must FAIL to compile: every item of a checklist is in exactly one step
// (the coordinator is appointed in step 1 and again in step 2).

#include <peerkit/checklist/checklist.hpp>
#include <peerkit/checklist/plan_items.hpp>

namespace pi = peerkit::plan_items;

using twice = peerkit::checklist<
    "Coordinator twice",
    peerkit::checklist_step<1, "Support base", pi::inform_everyone, pi::coordinator_appointed>,
#ifdef PEERKIT_COMPILE_FAIL_CONTROL
    peerkit::checklist_step<2, "Staff", pi::teacher_coach_appointed>>;
#else
    peerkit::checklist_step<2, "Staff", pi::coordinator_appointed, pi::teacher_coach_appointed>>;
#endif

int main() { return static_cast<int>(peerkit::definition_of<twice>().item_count()); }
