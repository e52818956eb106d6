// This file must FAIL to compile: a checklist's step numbers are unique and ascending
// (two steps numbered 2).

#include <peerkit/checklist/checklist.hpp>
#include <peerkit/checklist/plan_items.hpp>

namespace pi = peerkit::plan_items;

#ifdef PEERKIT_COMPILE_FAIL_CONTROL
constexpr int training_step = 3;
#else
constexpr int training_step = 2;
#endif

using two_twos =
    peerkit::checklist<"Two step twos",
                       peerkit::checklist_step<1, "Support base", pi::inform_everyone>,
                       peerkit::checklist_step<2, "Staff", pi::teacher_coach_appointed>,
                       peerkit::checklist_step<training_step, "Training", pi::training_route>>;

int main() { return static_cast<int>(peerkit::definition_of<two_twos>().item_count()); }
