#pragma once
// Shipped school presets: the two programmes the sources describe, and the programme
// whose every policy is chosen at run time.
//
//   brochure_programme   peer leaders in duos for each first-year class and peer buddies
//                        for one or two students, as in the Peer2Peer brochure (000)
//   newcomer_programme   newcomer buddies as at Hoofdvaart College (001): trained in
//                        2 × 4 hours, intervision every two weeks four times, then monthly;
//                        meeting mostly in the long break, at school;
//                        selected on social, patient and talks easily and on grades
//   runtime_programme    roles, selection, matching, schedule and checklist from settings
//   shipped_presets      the default `programme` and every preset above, as one type list

#include <tuple>

#include <peerkit/checklist/checklist_policy.hpp>
#include <peerkit/checklist/five_step_plan.hpp>
#include <peerkit/programme/programme.hpp>
#include <peerkit/selection/policy.hpp>
#include <peerkit/selection/profile.hpp>

namespace peerkit {

using brochure_programme =
    basic_programme<role_set<peer_leader, peer_buddy>, static_checklist<seven_step_plan>>;

/// The newcomer buddy as Hoofdvaart College runs it: the pairs meet at least an hour a
/// week, "at the moment mostly in the long break" (001), so at school in school hours.
struct hoofdvaart_buddy {};

template <>
struct role_traits<hoofdvaart_buddy> : role_traits<newcomer_buddy> {
  static constexpr auto parameters = role_traits<newcomer_buddy>::parameters
                                         .with_training({2, 4 * 60})
                                         .with_intervision({4, 2, {4, 4}})
                                         .with_meeting_place(meeting_place::at_school);
};

/// Hoofdvaart's selection (001): personality (social, patient, talks easily) and grades —
/// students with many fail marks need their time for themselves.
using hoofdvaart_profile =
    extend<newcomer_buddy_profile, required<socially_skilled, 3>, required<patient, 3>,
           required<talks_easily, 3>, max_fail_marks<2>>;

using newcomer_programme =
    basic_programme<role_set<hoofdvaart_buddy>,
                    selection_rules<role_rule<hoofdvaart_buddy, hoofdvaart_profile>>,
                    static_checklist<five_step_plan>>;

using runtime_programme = basic_programme<runtime_roles, runtime_selection, runtime_matching,
                                          runtime_schedule, runtime_checklist>;

/// Every shipped programme, for what must hold for each of them.
using shipped_presets =
    std::tuple<programme, brochure_programme, newcomer_programme, runtime_programme>;

}  // namespace peerkit
