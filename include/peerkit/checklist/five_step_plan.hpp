#pragma once
// The Peer2Peer 5-step plan (5-Stappenplan, source 001), with the items the article names
// for each step: the plan of approach's contents, the training of buddies and newcomers,
// the meetings, intervision and evaluation, and the success factors (the whole
// organisation behind it, clear responsibilities, a structural place in the care system,
// lasting facilities). Items the 7-step plan also names are the same types.

#include <peerkit/checklist/checklist.hpp>
#include <peerkit/checklist/plan_items.hpp>

namespace peerkit {

namespace five_step {
using namespace plan_items;

/// Step 1 (Oriëntatie en draagvlak).
using orientation = checklist_step<1, "Orientation and support base", orientation_talk,
                                   inform_everyone, broad_support_base, working_group_formed>;
/// Step 2 (Uitwerken van het Plan van Aanpak).
using plan =
    checklist_step<2, "Working out the plan of approach", coordinator_appointed, plan_of_approach,
                   communication_plan, recruitment_target, buddy_tasks, lesson_exemption,
                   support_period, responsibilities_assigned, fits_care_system>;
/// Step 3 (De werving, selectie en training van docenten en leerlingen).
using recruit_select_train =
    checklist_step<3, "Recruitment, selection and training of teachers and students",
                   teacher_coach_appointed, training_route, coaches_trained,
                   plan_items::supporter_profile, selection_procedure, grades_checked,
                   buddy_matching, newcomer_matching, role_training, buddy_training,
                   newcomer_buddy_training, newcomers_prepared, joint_training_half_day>;
/// Step 4 (Uitvoering en begeleiding).
using execute_and_supervise =
    checklist_step<4, "Execution and supervision", supporters_ready_before_pairing,
                   first_meeting_round, weekly_meetings_agreed, bonding_activities,
                   intervision_at_cadence, newcomer_intervision, escalation_guideline>;
/// Step 5 (Evaluatie en actualisering).
using evaluate_and_update =
    checklist_step<5, "Evaluation and updating", interim_evaluation, final_evaluation, plan_updated,
                   keep_communicating, lasting_facilities>;
}  // namespace five_step

/// The Peer2Peer 5-step plan.
struct five_step_plan : checklist<"Peer2Peer 5-step plan", five_step::orientation, five_step::plan,
                                  five_step::recruit_select_train, five_step::execute_and_supervise,
                                  five_step::evaluate_and_update> {};

}  // namespace peerkit
