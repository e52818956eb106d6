#pragma once
// The items and plans of peerkit's checklists in Dutch, the language of the sources
// (000, 001), for the Dutch readiness report. A checklist of the school's own keeps the
// titles it was given.

#include <array>
#include <string_view>
#include <utility>

namespace peerkit {

namespace detail {
inline constexpr std::array<std::pair<std::string_view, std::string_view>, 64> dutch_titles{{
    // Checklists
    {"7-step plan", "7-stappenplan"},
    {"Peer2Peer 5-step plan", "Peer2Peer-5-stappenplan"},
    // 7-step plan (000)
    {"inform_everyone", "Informeer alle docenten en leidinggevenden"},
    {"kickoff_meeting", "Startbijeenkomst: past peer support en is het haalbaar?"},
    {"line_managers_back", "Elke lijnmanager staat achter het concept"},
    {"working_group_formed", "Er is een werkgroep gevormd"},
    {"coordinator_appointed", "Er is een coördinator peer support aangesteld"},
    {"plan_of_approach", "De werkgroep stelt een plan van aanpak op"},
    {"teacher_coach_appointed", "Er is minstens één docentcoach aangesteld"},
    {"coach_reachable", "De docentcoach is tussen de bijeenkomsten bereikbaar"},
    {"first_year_mentors_involved", "Elke brugklasmentor heeft een duidelijke rol"},
    {"coach_mentor_alignment", "Docentcoach en mentoren stemmen af"},
    {"core_goals_set", "Een kerndoel voor elke rol"},
    {"leader_content", "Inhoud voor peerleiders"},
    {"buddy_goals", "Doelen voor de supportees van peer-buddy's"},
    {"newcomer_goals", "Doelen voor nieuwkomers en hun buddy's"},
    {"supporter_learning_goals", "Eigen leerdoelen van de supporters"},
    {"support_period", "De buddyperiode duurt minstens zes maanden"},
    {"supporter_profile", "Een profiel voor supporters"},
    {"selection_procedure", "Een vrijwillige selectieprocedure"},
    {"grades_checked", "De rapportcijfers van de kandidaten zijn gecontroleerd"},
    {"leader_duos_matched", "Peerleiders in een duo vullen elkaar aan"},
    {"buddy_matching",
     "Buddy en supportee kunnen het goed samen vinden; de koppeling is vrijwillig"},
    {"newcomer_matching", "Koppelingen met nieuwkomers houden rekening met het land van herkomst"},
    {"training_route", "De trainingsroute is gekozen"},
    {"coaches_trained", "Docentcoaches en de coördinator zijn getraind"},
    {"role_training", "Elke rol heeft een eigen training"},
    {"leader_training", "Training voor peerleiders"},
    {"buddy_training", "Training voor peer-buddy's"},
    {"newcomer_buddy_training", "Training voor nieuwkomersbuddy's"},
    {"supporters_ready_before_pairing",
     "Elke supporter had selectie en training achter de rug vóór de koppeling"},
    {"intervision_at_cadence", "Intervisie is gepland in het ritme van elke rol"},
    {"intervision_groups", "De intervisiegroepen staan vast"},
    {"lesson_support", "Peerleiders krijgen hulp bij lessen en feedback"},
    {"outcomes_to_mentors", "De docentcoach bespreekt de uitkomsten van intervisie met mentoren"},
    {"escalation_guideline", "Een richtlijn voor ernstige problemen"},
    {"no_secrets_rule_known", "Supportees weten dat een buddy geen geheimen kan bewaren"},
    {"time_in_annual_task_hours", "Tijd in de normjaartaak van de docenten"},
    {"part_of_mentor_task", "Peer support hoort bij de mentortaak"},
    {"keep_communicating", "Blijf de waarde uitdragen, ook aan nieuwe docenten"},
    {"successors_named", "Voor elke betrokken collega staat een opvolger klaar"},
    {"more_staff_involved", "Meer docenten en mentoren zijn betrokken"},
    {"more_teacher_coaches", "Meer dan één docentcoach"},
    {"fixed_place_in_plans", "Een vaste plaats in curriculum, leerplannen en het meerjarenplan"},
    {"study_credits", "Peers worden beloond met studiepunten"},
    // Peer2Peer 5-step plan (001)
    {"orientation_talk", "Oriënterend gesprek met de Peer2Peer-werkgroep"},
    {"broad_support_base", "Breed draagvlak bij schoolleiding, docenten, leerlingen en ouders"},
    {"communication_plan", "Het plan zegt welke communicatie wanneer naar wie gaat"},
    {"recruitment_target", "Het plan zegt welke leerlingen worden geworven"},
    {"buddy_tasks", "Het plan legt de taken van de buddy's vast"},
    {"lesson_exemption",
     "Het plan zegt of buddy's voor activiteiten vrijstelling van lessen krijgen"},
    {"responsibilities_assigned", "De verantwoordelijkheden zijn duidelijk belegd"},
    {"fits_care_system", "Peer support is een vast onderdeel van de zorgstructuur"},
    {"newcomers_prepared", "Nieuwkomers zijn voorbereid op een buddy"},
    {"joint_training_half_day", "Buddy's en nieuwkomers delen een dagdeel in de laatste training"},
    {"first_meeting_round", "Een eerste kennismakingsronde na de koppeling"},
    {"weekly_meetings_agreed", "Koppels spreken af minstens een uur per week af te spreken"},
    {"bonding_activities", "Kennismakingsactiviteiten in de eerste een à twee maanden"},
    {"newcomer_intervision", "Ook nieuwkomers komen samen in intervisie"},
    {"interim_evaluation", "Tussentijdse evaluatie met alle betrokkenen"},
    {"final_evaluation", "Evaluatie aan het eind van de begeleidingsperiode"},
    {"lasting_facilities", "Blijvende voorzieningen in geld en tijd"},
    {"plan_updated", "Het plan wordt bijgewerkt met wat er geleerd is"},
}};
}  // namespace detail

/// The Dutch title of the checklist item with `key` (or of the checklist named `key`);
/// `title` for one peerkit does not ship.
[[nodiscard]] constexpr std::string_view dutch_title(std::string_view key,
                                                     std::string_view title) noexcept {
  for (const auto& [k, dutch] : detail::dutch_titles)
    if (k == key) return dutch;
  return title;
}

}  // namespace peerkit
