#pragma once
// The 7-step plan (7-stappenplan) of the brochure by four schools, Peer2Peer and the
// Kohnstamm Instituut (source 000, part II): "not a blueprint; use it as a checklist",
// also for schools that already run peer support. Each step is a type of its own, so a
// school can reuse whole steps in a checklist of its own.

#include <peerkit/checklist/checklist.hpp>
#include <peerkit/checklist/plan_items.hpp>

namespace peerkit {

namespace seven_step {
using namespace plan_items;

/// Step 1 (Bouw van meet af aan draagvlak op).
using build_support = checklist_step<1, "Build support from the start", inform_everyone,
                                     kickoff_meeting, line_managers_back, working_group_formed,
                                     coordinator_appointed, plan_of_approach>;
/// Step 2 (Betrek de juiste functionarissen bij de opzet). The coordinator the step opens
/// with is the one appointed in step 1: one item, in step 1.
using involve_staff =
    checklist_step<2, "Involve the right staff", teacher_coach_appointed, coach_reachable,
                   first_year_mentors_involved, coach_mentor_alignment>;
/// Step 3 (Bepaal doelen en inhoud van de peer support).
using goals_and_content =
    checklist_step<3, "Set goals and content", core_goals_set, leader_content, buddy_goals,
                   newcomer_goals, supporter_learning_goals, support_period>;
/// Step 4 (Selecteer peers en doe aan zorgvuldige matching).
using select_and_match =
    checklist_step<4, "Select peers and match carefully", plan_items::supporter_profile,
                   selection_procedure, grades_checked, leader_duos_matched, buddy_matching,
                   newcomer_matching>;
/// Step 5 (Train de docentcoaches en de kandidaat-peers).
using train =
    checklist_step<5, "Train teacher coaches and candidate peers", training_route, coaches_trained,
                   role_training, leader_training, buddy_training, newcomer_buddy_training>;
/// Step 6 (Draag zorg voor begeleiding en bewaak de kwaliteit).
using supervise =
    checklist_step<6, "Provide supervision and guard quality", supporters_ready_before_pairing,
                   intervision_at_cadence, intervision_groups, lesson_support, outcomes_to_mentors,
                   escalation_guideline, no_secrets_rule_known>;
/// Step 7 (Nogmaals: blijf werken aan het draagvlak).
using keep_support =
    checklist_step<7, "Keep working on support", time_in_annual_task_hours, part_of_mentor_task,
                   keep_communicating, successors_named, more_staff_involved, more_teacher_coaches,
                   fixed_place_in_plans, study_credits>;
}  // namespace seven_step

/// The 7-step plan: seven steps, every item the source names.
struct seven_step_plan
    : checklist<"7-step plan", seven_step::build_support, seven_step::involve_staff,
                seven_step::goals_and_content, seven_step::select_and_match, seven_step::train,
                seven_step::supervise, seven_step::keep_support> {};

}  // namespace peerkit
