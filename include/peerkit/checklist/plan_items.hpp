#pragma once
// The parts both shipped checklists are assembled from, and that a school assembles its
// own checklist from. Items that the 7-step plan (source 000, part II) and the Peer2Peer
// 5-step plan (source 001) both name are one type, so progress recorded under one plan
// carries over to the other. Titles and details paraphrase the sources; docs/checklist.md
// lists each item with the passage it comes from.

#include <peerkit/checklist/item.hpp>
#include <string_view>

namespace peerkit::plan_items {

inline constexpr role_mask leaders_only = role_mask::of({supporter_role::peer_leader});
inline constexpr role_mask buddies_only = role_mask::of(
    {supporter_role::peer_buddy, supporter_role::newcomer_buddy});
inline constexpr role_mask peer_buddies_only = role_mask::of({supporter_role::peer_buddy});
inline constexpr role_mask newcomer_buddies_only = role_mask::of({supporter_role::newcomer_buddy});

// --- 7-step plan, step 1: build support from the start -----------------------------

struct inform_everyone : item_defaults {
  static constexpr std::string_view key = "inform_everyone";
  static constexpr std::string_view title = "Inform all teachers and managers";
  static constexpr std::string_view detail =
      "Take the time to tell every teacher and manager how peer support is set up and what it "
      "brings, before it is introduced.";
};

struct kickoff_meeting : item_defaults {
  static constexpr std::string_view key = "kickoff_meeting";
  static constexpr std::string_view title = "Kick-off: does peer support fit and is it feasible?";
  static constexpr std::string_view detail =
      "A start meeting with a broad group of teachers and managers explores whether peer "
      "support fits the school and can be done.";
  using depends_on = item_list<inform_everyone>;
};

struct line_managers_back : item_defaults {
  static constexpr std::string_view key = "line_managers_back";
  static constexpr std::string_view title = "Every line manager backs the concept";
  static constexpr std::string_view detail =
      "Decide to introduce peer support only when all line managers stand behind it.";
  using depends_on = item_list<kickoff_meeting>;
};

struct working_group_formed : item_defaults {
  static constexpr std::string_view key = "working_group_formed";
  static constexpr std::string_view title = "A working group is formed";
  static constexpr std::string_view detail =
      "A (small) working group of staff works out how the school goes on from here.";
};

struct coordinator_appointed : item_defaults {
  static constexpr std::string_view key = "coordinator_appointed";
  static constexpr std::string_view title = "A peer-support coordinator is appointed";
  static constexpr std::string_view detail =
      "Someone drafts the plan of approach and coordinates the process (a Peer2Peer "
      "coordinator when the Peer2Peer method is followed). Decided from the staff roles.";
  static constexpr derived_check derived = derived_check::coordinator_appointed;
};

struct plan_of_approach : item_defaults {
  static constexpr std::string_view key = "plan_of_approach";
  static constexpr std::string_view title = "The working group draws up a plan of approach";
  static constexpr std::string_view detail =
      "Led by the coordinator, the working group writes down how the programme is introduced.";
  using depends_on = item_list<working_group_formed, coordinator_appointed>;
};

// --- 7-step plan, step 2: involve the right staff ----------------------------------

struct teacher_coach_appointed : item_defaults {
  static constexpr std::string_view key = "teacher_coach_appointed";
  static constexpr std::string_view title = "At least one teacher coach is appointed";
  static constexpr std::string_view detail =
      "A teacher coach trains and supervises the peers, gives them feedback and organises "
      "intervision. Decided from the staff roles.";
  static constexpr derived_check derived = derived_check::teacher_coach_appointed;
};

struct coach_reachable : item_defaults {
  static constexpr std::string_view key = "coach_reachable";
  static constexpr std::string_view title = "The teacher coach is reachable between meetings";
  static constexpr std::string_view detail =
      "Peers know how to reach the coach in between, for support and advice, and the coach "
      "steps in when a situation is difficult.";
  using depends_on = item_list<teacher_coach_appointed>;
};

struct first_year_mentors_involved : item_defaults {
  static constexpr std::string_view key = "first_year_mentors_involved";
  static constexpr std::string_view title = "Every first-year class mentor has an explicit role";
  static constexpr std::string_view detail =
      "First-year mentors help prepare and run the lessons peer leaders give in their class and "
      "matter for individual support by buddies. Decided from the classes and staff roles.";
  static constexpr derived_check derived = derived_check::first_year_mentors_involved;
};

struct coach_mentor_alignment : item_defaults {
  static constexpr std::string_view key = "coach_mentor_alignment";
  static constexpr std::string_view title = "Coach and mentors are aligned";
  static constexpr std::string_view detail =
      "The coach hears from the mentors how the peers function and discusses that feedback and "
      "the peers' own experiences in intervision.";
  using depends_on = item_list<teacher_coach_appointed, first_year_mentors_involved>;
};

// --- 7-step plan, step 3: set goals and content ------------------------------------

struct core_goals_set : item_defaults {
  static constexpr std::string_view key = "core_goals_set";
  static constexpr std::string_view title = "A core goal for every role";
  static constexpr std::string_view detail =
      "Peer leaders ease the move from primary school; peer buddies give individual extra "
      "support; newcomer buddies help newcomers feel at home in the Netherlands fast.";
};

struct leader_content : item_defaults {
  static constexpr std::string_view key = "leader_content";
  static constexpr std::string_view title = "Content for peer leaders";
  static constexpr std::string_view detail =
      "Making contacts, finding the way in school (Magister, the timetable), countering "
      "bullying, learning to learn, planning homework; through social activities and theme "
      "lessons such as cyberbullying.";
  static constexpr role_mask roles = leaders_only;
  using depends_on = item_list<core_goals_set>;
};

struct buddy_goals : item_defaults {
  static constexpr std::string_view key = "buddy_goals";
  static constexpr std::string_view title = "Goals for the supportees of peer buddies";
  static constexpr std::string_view detail =
      "For example planning better, more discipline with homework, making contacts, resolving "
      "conflicts, standing up for yourself and resilience against bullying.";
  static constexpr role_mask roles = peer_buddies_only;
  using depends_on = item_list<core_goals_set>;
};

struct newcomer_goals : item_defaults {
  static constexpr std::string_view key = "newcomer_goals";
  static constexpr std::string_view title = "Goals for newcomers and their buddies";
  static constexpr std::string_view detail =
      "Settling in fast through help with Dutch and joint activities; for both, dealing with "
      "cultural differences and empathy.";
  static constexpr role_mask roles = newcomer_buddies_only;
  using depends_on = item_list<core_goals_set>;
};

struct supporter_learning_goals : item_defaults {
  static constexpr std::string_view key = "supporter_learning_goals";
  static constexpr std::string_view title = "Supporters' own learning goals";
  static constexpr std::string_view detail =
      "What supporters want to learn: leaders try out teaching, buddies learn to help others "
      "through talks, newcomer buddies want to mean something for migrant youth.";
  static constexpr item_stage stage = item_stage::running;
};

struct support_period : item_defaults {
  static constexpr std::string_view key = "support_period";
  static constexpr std::string_view title = "The buddy period lasts at least six months";
  static constexpr std::string_view detail =
      "Buddies stay buddies for at least six months up to a whole school year (source 001). "
      "Decided from the programme's support periods.";
  static constexpr derived_check derived = derived_check::support_period_six_months;
  static constexpr role_mask roles = buddies_only;
};

// --- 7-step plan, step 4: select peers and match carefully -------------------------

struct supporter_profile : item_defaults {
  static constexpr std::string_view key = "supporter_profile";
  static constexpr std::string_view title = "A profile for supporters";
  static constexpr std::string_view detail =
      "Required: takes initiative, emotionally stable, empathy, socially skilled; newcomer "
      "buddies also an interest in other countries and cultures. Welcome: problem solving, "
      "flexible, communicative, planning and organising, working together.";
};

struct selection_procedure : item_defaults {
  static constexpr std::string_view key = "selection_procedure";
  static constexpr std::string_view title = "A voluntary selection procedure";
  static constexpr std::string_view detail =
      "Students apply themselves, with or without a motivation letter, followed by an "
      "interview, individual or in a group; selection is central, by the coordinator or a "
      "team leader.";
  using depends_on = item_list<coordinator_appointed, supporter_profile>;
};

struct grades_checked : item_defaults {
  static constexpr std::string_view key = "grades_checked";
  static constexpr std::string_view title = "Candidates' report grades are checked";
  static constexpr std::string_view detail =
      "A supporter sometimes misses lessons, so grades must be sufficient; students with many "
      "fail marks need their time for themselves.";
  using depends_on = item_list<selection_procedure>;
};

struct leader_duos_matched : item_defaults {
  static constexpr std::string_view key = "leader_duos_matched";
  static constexpr std::string_view title = "Leader duos complement each other";
  static constexpr std::string_view detail =
      "The two leaders of a first-year class complement each other as persons and in "
      "qualities, and above all work together well.";
  static constexpr role_mask roles = leaders_only;
  using depends_on = item_list<selection_procedure>;
};

struct buddy_matching : item_defaults {
  static constexpr std::string_view key = "buddy_matching";
  static constexpr std::string_view title = "Buddy and supportee get along; pairing is voluntary";
  static constexpr std::string_view detail =
      "One-to-one contact is intensive, so the two must get along; sensitive issues need "
      "extra care.";
  static constexpr role_mask roles = buddies_only;
  using depends_on = item_list<selection_procedure>;
};

struct newcomer_matching : item_defaults {
  static constexpr std::string_view key = "newcomer_matching";
  static constexpr std::string_view title = "Newcomer matches take origin into account";
  static constexpr std::string_view detail =
      "A buddy who knows something of the country of origin helps; a buddy from the same "
      "country only when the two do not belong to conflicting groups.";
  static constexpr role_mask roles = newcomer_buddies_only;
  using depends_on = item_list<buddy_matching>;
};

// --- 7-step plan, step 5: train teacher coaches and candidate peers ----------------

struct training_route : item_defaults {
  static constexpr std::string_view key = "training_route";
  static constexpr std::string_view title = "The training route is chosen";
  static constexpr std::string_view detail =
      "External training (Peer2Peer offers it) or train-the-trainer, where the school's own "
      "teachers or coaches train the students.";
};

struct coaches_trained : item_defaults {
  static constexpr std::string_view key = "coaches_trained";
  static constexpr std::string_view title = "Teacher coaches and the coordinator are trained";
  static constexpr std::string_view detail =
      "At least coaching skills, leading intervision meetings and their role as ambassador of "
      "peer support in the school.";
  using depends_on = item_list<coordinator_appointed, teacher_coach_appointed, training_route>;
};

struct role_training : item_defaults {
  static constexpr std::string_view key = "role_training";
  static constexpr std::string_view title = "Each role has a training of its own";
  static constexpr std::string_view detail =
      "Focused on the role's tasks, activities and topics (bullying, study skills), and on the "
      "limits of support: what a peer can handle and when professional help is needed.";
  using depends_on = item_list<training_route>;
};

struct leader_training : item_defaults {
  static constexpr std::string_view key = "leader_training";
  static constexpr std::string_view title = "Peer leader training";
  static constexpr std::string_view detail =
      "Presentation techniques, unexpected situations, bullying and exclusion, when to refer "
      "to the mentor; exercises in social skills, giving feedback, asking on, not judging.";
  static constexpr role_mask roles = leaders_only;
  using depends_on = item_list<role_training>;
};

struct buddy_training : item_defaults {
  static constexpr std::string_view key = "buddy_training";
  static constexpr std::string_view title = "Peer buddy training";
  static constexpr std::string_view detail =
      "Partly as for leaders; also students with complicated problems, and whom to turn to "
      "with questions or in difficult situations.";
  static constexpr role_mask roles = buddies_only;
  using depends_on = item_list<role_training>;
};

struct newcomer_buddy_training : item_defaults {
  static constexpr std::string_view key = "newcomer_buddy_training";
  static constexpr std::string_view title = "Newcomer buddy training";
  static constexpr std::string_view detail =
      "Also recognising emotions and dealing with a language barrier, cultural differences and "
      "shyness (Peer2Peer: three half-days of social, communicative and intercultural skills).";
  static constexpr role_mask roles = newcomer_buddies_only;
  using depends_on = item_list<buddy_training>;
};

// --- 7-step plan, step 6: provide supervision and guard quality --------------------

struct supporters_ready_before_pairing : item_defaults {
  static constexpr std::string_view key = "supporters_ready_before_pairing";
  static constexpr std::string_view title =
      "Every supporter passed selection and training before being paired";
  static constexpr std::string_view detail =
      "Peers start only after completing their training, paired with a co-peer and a class or "
      "with an individual student. Decided from selection, training and pairing records.";
  static constexpr derived_check derived = derived_check::supporters_ready_before_pairing;
};

struct intervision_at_cadence : item_defaults {
  static constexpr std::string_view key = "intervision_at_cadence";
  static constexpr std::string_view title = "Intervision is scheduled at each role's cadence";
  static constexpr std::string_view detail =
      "Regular intervision with the teacher coach (for example every two weeks) where peers "
      "bring difficult situations. Decided from the intervision dates.";
  static constexpr derived_check derived = derived_check::intervision_at_cadence;
  using depends_on = item_list<teacher_coach_appointed>;
};

struct intervision_groups : item_defaults {
  static constexpr std::string_view key = "intervision_groups";
  static constexpr std::string_view title = "Intervision groups are set";
  static constexpr std::string_view detail =
      "All leaders meet together under the coach; buddies in groups of about five; a "
      "confidential teacher or care coordinator joins when needed.";
  using depends_on = item_list<teacher_coach_appointed>;
};

struct lesson_support : item_defaults {
  static constexpr std::string_view key = "lesson_support";
  static constexpr std::string_view title = "Peer leaders get help with lessons and feedback";
  static constexpr std::string_view detail =
      "Help to think up and prepare a lesson, and feedback afterwards: what went well, what "
      "can be better, and how.";
  static constexpr item_stage stage = item_stage::running;
  static constexpr role_mask roles = leaders_only;
  using depends_on = item_list<teacher_coach_appointed>;
};

struct outcomes_to_mentors : item_defaults {
  static constexpr std::string_view key = "outcomes_to_mentors";
  static constexpr std::string_view title = "The coach discusses intervision outcomes with mentors";
  static constexpr std::string_view detail =
      "With the mentors of the students whom the leaders and buddies support.";
  static constexpr item_stage stage = item_stage::running;
  using depends_on = item_list<coach_mentor_alignment, intervision_at_cadence>;
};

struct escalation_guideline : item_defaults {
  static constexpr std::string_view key = "escalation_guideline";
  static constexpr std::string_view title = "A guideline for serious problems";
  static constexpr std::string_view detail =
      "A supportee's problems must not be too heavy for a peer; the buddy encourages the "
      "supportee to take a serious problem to the mentor, and if the supportee will not, takes "
      "it to the teacher coach or mentor.";
};

struct no_secrets_rule_known : item_defaults {
  static constexpr std::string_view key = "no_secrets_rule_known";
  static constexpr std::string_view title = "Supportees know a buddy cannot keep secrets";
  static constexpr std::string_view detail =
      "Supportees are told beforehand that their buddy must pass on a serious problem.";
  static constexpr role_mask roles = buddies_only;
  using depends_on = item_list<escalation_guideline>;
};

// --- 7-step plan, step 7: keep working on support ----------------------------------

struct time_in_annual_task_hours : item_defaults {
  static constexpr std::string_view key = "time_in_annual_task_hours";
  static constexpr std::string_view title = "Time in the teachers' annual task hours";
  static constexpr std::string_view detail =
      "Peer support is facilitated in the normjaartaak, so those involved have time for it.";
  static constexpr item_stage stage = item_stage::sustaining;
};

struct part_of_mentor_task : item_defaults {
  static constexpr std::string_view key = "part_of_mentor_task";
  static constexpr std::string_view title = "Peer support is part of the mentor task";
  static constexpr item_stage stage = item_stage::sustaining;
};

struct keep_communicating : item_defaults {
  static constexpr std::string_view key = "keep_communicating";
  static constexpr std::string_view title = "Keep communicating the value, also to new teachers";
  static constexpr std::string_view detail =
      "Not only to those already involved: new teachers arrive who do not know peer support "
      "yet and may want to join.";
  static constexpr item_stage stage = item_stage::sustaining;
};

struct successors_named : item_defaults {
  static constexpr std::string_view key = "successors_named";
  static constexpr std::string_view title = "A successor is ready for every involved colleague";
  static constexpr std::string_view detail =
      "When a colleague involved in peer support leaves, someone takes over. Decided from the "
      "staff's successors.";
  static constexpr item_stage stage = item_stage::sustaining;
  static constexpr derived_check derived = derived_check::successors_named;
};

struct more_staff_involved : item_defaults {
  static constexpr std::string_view key = "more_staff_involved";
  static constexpr std::string_view title = "More teachers and mentors are involved";
  static constexpr std::string_view detail =
      "So that the programme does not depend on a few enthusiasts.";
  static constexpr item_stage stage = item_stage::sustaining;
};

struct more_teacher_coaches : item_defaults {
  static constexpr std::string_view key = "more_teacher_coaches";
  static constexpr std::string_view title = "More than one teacher coach";
  static constexpr std::string_view detail =
      "Several people can train and supervise the peers. Decided from the staff roles.";
  static constexpr item_stage stage = item_stage::sustaining;
  static constexpr derived_check derived = derived_check::more_teacher_coaches;
  using depends_on = item_list<teacher_coach_appointed>;
};

struct fixed_place_in_plans : item_defaults {
  static constexpr std::string_view key = "fixed_place_in_plans";
  static constexpr std::string_view title =
      "A fixed place in curriculum, learning plans and the multi-year plan";
  static constexpr std::string_view detail =
      "With the staffing room (formatieruimte) that goes with it, so trained staff stay.";
  static constexpr item_stage stage = item_stage::sustaining;
};

struct study_credits : item_defaults {
  static constexpr std::string_view key = "study_credits";
  static constexpr std::string_view title = "Peers are rewarded with study credits";
  static constexpr std::string_view detail =
      "For example through the free-choice space; one school gives peer leaders a free-choice "
      "hour (KWT).";
  static constexpr item_stage stage = item_stage::sustaining;
};

// --- Items only the Peer2Peer 5-step plan names (source 001) -----------------------

struct orientation_talk : item_defaults {
  static constexpr std::string_view key = "orientation_talk";
  static constexpr std::string_view title = "Orientation talk with the Peer2Peer working group";
};

struct broad_support_base : item_defaults {
  static constexpr std::string_view key = "broad_support_base";
  static constexpr std::string_view title =
      "Broad support among school leaders, teachers, students and parents";
  static constexpr std::string_view detail =
      "Built before training starts: the whole organisation, directly and indirectly involved, "
      "stands behind the programme.";
  using depends_on = item_list<inform_everyone>;
};

struct communication_plan : item_defaults {
  static constexpr std::string_view key = "communication_plan";
  static constexpr std::string_view title = "The plan says which communication goes to whom, when";
  using depends_on = item_list<plan_of_approach>;
};

struct recruitment_target : item_defaults {
  static constexpr std::string_view key = "recruitment_target";
  static constexpr std::string_view title = "The plan says which students are recruited";
  using depends_on = item_list<plan_of_approach>;
};

struct buddy_tasks : item_defaults {
  static constexpr std::string_view key = "buddy_tasks";
  static constexpr std::string_view title = "The plan sets the buddies' tasks";
  static constexpr role_mask roles = buddies_only;
  using depends_on = item_list<plan_of_approach>;
};

struct lesson_exemption : item_defaults {
  static constexpr std::string_view key = "lesson_exemption";
  static constexpr std::string_view title =
      "The plan says whether buddies are excused from lessons for activities";
  static constexpr role_mask roles = buddies_only;
  using depends_on = item_list<plan_of_approach>;
};

struct responsibilities_assigned : item_defaults {
  static constexpr std::string_view key = "responsibilities_assigned";
  static constexpr std::string_view title = "Responsibilities are clearly assigned";
  using depends_on = item_list<plan_of_approach>;
};

struct fits_care_system : item_defaults {
  static constexpr std::string_view key = "fits_care_system";
  static constexpr std::string_view title = "Peer support is a structural part of the care system";
  static constexpr std::string_view detail =
      "It fits the school's care system (zorgsysteem) instead of running beside it.";
  using depends_on = item_list<plan_of_approach>;
};

struct newcomers_prepared : item_defaults {
  static constexpr std::string_view key = "newcomers_prepared";
  static constexpr std::string_view title = "Newcomers are prepared for having a buddy";
  static constexpr std::string_view detail =
      "In three half-days newcomers learn what to expect and what they can bring to their buddy.";
  static constexpr role_mask roles = newcomer_buddies_only;
};

struct joint_training_half_day : item_defaults {
  static constexpr std::string_view key = "joint_training_half_day";
  static constexpr std::string_view title =
      "Buddies and newcomers share a half-day in the last training";
  static constexpr role_mask roles = newcomer_buddies_only;
  using depends_on = item_list<newcomer_buddy_training, newcomers_prepared>;
};

struct first_meeting_round : item_defaults {
  static constexpr std::string_view key = "first_meeting_round";
  static constexpr std::string_view title = "A first meeting round after matching";
  static constexpr std::string_view detail =
      "The buddies visit the newcomers' class and the pairs get room to get to know each other.";
  static constexpr role_mask roles = newcomer_buddies_only;
  using depends_on = item_list<newcomer_matching>;
};

struct weekly_meetings_agreed : item_defaults {
  static constexpr std::string_view key = "weekly_meetings_agreed";
  static constexpr std::string_view title = "Pairs agree to meet at least one hour a week";
  static constexpr role_mask roles = buddies_only;
  using depends_on = item_list<buddy_matching>;
};

struct bonding_activities : item_defaults {
  static constexpr std::string_view key = "bonding_activities";
  static constexpr std::string_view title = "Bonding activities in the first one to two months";
  static constexpr std::string_view detail =
      "Some students find it hard to make contact on their own; targeted activities help the "
      "pairs bond and keep meeting.";
  static constexpr item_stage stage = item_stage::running;
  static constexpr role_mask roles = buddies_only;
  using depends_on = item_list<buddy_matching>;
};

struct newcomer_intervision : item_defaults {
  static constexpr std::string_view key = "newcomer_intervision";
  static constexpr std::string_view title = "Newcomers also meet in intervision";
  static constexpr std::string_view detail =
      "Periodically, on personal development and the dilemmas buddy and newcomer meet.";
  static constexpr role_mask roles = newcomer_buddies_only;
};

struct interim_evaluation : item_defaults {
  static constexpr std::string_view key = "interim_evaluation";
  static constexpr std::string_view title = "Interim evaluation with everyone involved";
  static constexpr std::string_view detail = "What goes well and what can be better.";
  static constexpr item_stage stage = item_stage::running;
};

struct final_evaluation : item_defaults {
  static constexpr std::string_view key = "final_evaluation";
  static constexpr std::string_view title = "Evaluation at the end of the support period";
  static constexpr item_stage stage = item_stage::running;
  using depends_on = item_list<interim_evaluation>;
};

struct plan_updated : item_defaults {
  static constexpr std::string_view key = "plan_updated";
  static constexpr std::string_view title = "The plan is updated with what was learned";
  static constexpr item_stage stage = item_stage::running;
  using depends_on = item_list<final_evaluation>;
};

struct lasting_facilities : item_defaults {
  static constexpr std::string_view key = "lasting_facilities";
  static constexpr std::string_view title = "Lasting facilities in money and time";
  static constexpr std::string_view detail =
      "The programme is anchored, not a burst of energy that drains away.";
  static constexpr item_stage stage = item_stage::sustaining;
};

/// Every shipped item, 7-step plan first, each once.
using all_items = item_list<
    inform_everyone, kickoff_meeting, line_managers_back, working_group_formed,
    coordinator_appointed, plan_of_approach, teacher_coach_appointed, coach_reachable,
    first_year_mentors_involved, coach_mentor_alignment, core_goals_set, leader_content,
    buddy_goals, newcomer_goals, supporter_learning_goals, support_period, supporter_profile,
    selection_procedure, grades_checked, leader_duos_matched, buddy_matching, newcomer_matching,
    training_route, coaches_trained, role_training, leader_training, buddy_training,
    newcomer_buddy_training, supporters_ready_before_pairing, intervision_at_cadence,
    intervision_groups, lesson_support, outcomes_to_mentors, escalation_guideline,
    no_secrets_rule_known, time_in_annual_task_hours, part_of_mentor_task, keep_communicating,
    successors_named, more_staff_involved, more_teacher_coaches, fixed_place_in_plans,
    study_credits, orientation_talk, broad_support_base, communication_plan, recruitment_target,
    buddy_tasks, lesson_exemption, responsibilities_assigned, fits_care_system, newcomers_prepared,
    joint_training_half_day, first_meeting_round, weekly_meetings_agreed, bonding_activities,
    newcomer_intervision, interim_evaluation, final_evaluation, plan_updated, lasting_facilities>;

}  // namespace peerkit::plan_items
