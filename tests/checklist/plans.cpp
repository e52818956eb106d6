#include <catch2/catch.hpp>
#include <peerkit/checklist/five_step_plan.hpp>
#include <peerkit/checklist/plan_mapping.hpp>
#include <peerkit/checklist/progress.hpp>
#include <peerkit/checklist/seven_step_plan.hpp>

using namespace peerkit;

namespace {

enum class for_roles { all, leaders, buddies, peer_buddies, newcomer_buddies };

struct expected_item {
  std::string_view key;
  std::string_view position;
  std::string_view source;  ///< the passage of the source the item comes from
  item_stage stage;
  derived_check derived;
  for_roles roles;
  std::vector<std::string> depends_on;
};

constexpr auto before = item_stage::before_start;
constexpr auto running = item_stage::running;
constexpr auto sustain = item_stage::sustaining;
constexpr auto ticked = derived_check::none;

role_mask mask(for_roles r) {
  switch (r) {
    case for_roles::all: return {};
    case for_roles::leaders: return plan_items::leaders_only;
    case for_roles::buddies: return plan_items::buddies_only;
    case for_roles::peer_buddies: return plan_items::peer_buddies_only;
    case for_roles::newcomer_buddies: return plan_items::newcomer_buddies_only;
  }
  return {};
}

// clang-format off
// Source 000, part II, bullet by bullet.
const std::vector<expected_item> seven_step_items{
    {"inform_everyone", "1.1", "Iedereen informeren",
     before, ticked, for_roles::all, {}},
    {"kickoff_meeting", "1.2", "Passend en haalbaar? startbijeenkomst",
     before, ticked, for_roles::all, {"inform_everyone"}},
    {"line_managers_back", "1.3", "pas invoering als alle lijnmanagers achter het concept staan",
     before, ticked, for_roles::all, {"kickoff_meeting"}},
    {"working_group_formed", "1.4", "Plan van aanpak: stel een werkgroep samen",
     before, ticked, for_roles::all, {}},
    {"coordinator_appointed", "1.5", "benoem een coordinator peer support",
     before, derived_check::coordinator_appointed, for_roles::all, {}},
    {"plan_of_approach", "1.6", "onder diens leiding een plan van aanpak",
     before, ticked, for_roles::all, {"working_group_formed", "coordinator_appointed"}},
    {"teacher_coach_appointed", "2.1", "De docentcoach",
     before, derived_check::teacher_coach_appointed, for_roles::all, {}},
    {"coach_reachable", "2.2", "docentcoach ook tussendoor bereikbaar",
     before, ticked, for_roles::all, {"teacher_coach_appointed"}},
    {"first_year_mentors_involved", "2.3", "De brugklasmentor",
     before, derived_check::first_year_mentors_involved, for_roles::all, {}},
    {"coach_mentor_alignment", "2.4", "Goede afstemming",
     before, ticked, for_roles::all, {"teacher_coach_appointed", "first_year_mentors_involved"}},
    {"core_goals_set", "3.1", "kerndoel per rol",
     before, ticked, for_roles::all, {}},
    {"leader_content", "3.2", "Leren leren en lesgeven",
     before, ticked, for_roles::leaders, {"core_goals_set"}},
    {"buddy_goals", "3.3", "Plannen en snel wennen (peer buddy)",
     before, ticked, for_roles::peer_buddies, {"core_goals_set"}},
    {"newcomer_goals", "3.4", "Plannen en snel wennen (nieuwkomers)",
     before, ticked, for_roles::newcomer_buddies, {"core_goals_set"}},
    {"supporter_learning_goals", "3.5", "Eigen leerdoelen",
     running, ticked, for_roles::all, {}},
    {"support_period", "3.6", "source 001: minimaal 6 maanden",
     before, derived_check::support_period_six_months, for_roles::buddies, {}},
    {"supporter_profile", "4.1", "Profiel van peer supporters",
     before, ticked, for_roles::all, {}},
    {"selection_procedure", "4.2", "Op vrijwillige basis",
     before, ticked, for_roles::all, {"coordinator_appointed", "supporter_profile"}},
    {"grades_checked", "4.3", "eerst gekeken of de rapportcijfers voldoende zijn",
     before, ticked, for_roles::all, {"selection_procedure"}},
    {"leader_duos_matched", "4.4", "Goed met elkaar overweg (duo's)",
     before, ticked, for_roles::leaders, {"selection_procedure"}},
    {"buddy_matching", "4.5", "Goed met elkaar overweg (buddy, altijd vrijwillig)",
     before, ticked, for_roles::buddies, {"selection_procedure"}},
    {"newcomer_matching", "4.6", "matchen met een nieuwkomer",
     before, ticked, for_roles::newcomer_buddies, {"buddy_matching"}},
    {"training_route", "5.1", "training buitenshuis of train-de-trainer",
     before, ticked, for_roles::all, {}},
    {"coaches_trained", "5.2", "Vaardigheid in (bege)leiden",
     before, ticked, for_roles::all,
     {"coordinator_appointed", "teacher_coach_appointed", "training_route"}},
    {"role_training", "5.3", "Gericht op specifieke taken",
     before, ticked, for_roles::all, {"training_route"}},
    {"leader_training", "5.4", "Voor de peer leaders",
     before, ticked, for_roles::leaders, {"role_training"}},
    {"buddy_training", "5.5", "Voor de peer buddy's",
     before, ticked, for_roles::buddies, {"role_training"}},
    {"newcomer_buddy_training", "5.6", "peer buddy nieuwkomer",
     before, ticked, for_roles::newcomer_buddies, {"buddy_training"}},
    {"supporters_ready_before_pairing", "6.1", "met goed gevolg training doorlopen; koppeling",
     before, derived_check::supporters_ready_before_pairing, for_roles::all, {}},
    {"intervision_at_cadence", "6.2", "Intervisie: hoe gaat alles? (eens per twee weken)",
     before, derived_check::intervision_at_cadence, for_roles::all, {"teacher_coach_appointed"}},
    {"intervision_groups", "6.3", "alle peer leaders bijeen; zo'n vijf peer buddy's",
     before, ticked, for_roles::all, {"teacher_coach_appointed"}},
    {"lesson_support", "6.4", "hulp bij voorbereiden van een les, feedback achteraf",
     running, ticked, for_roles::leaders, {"teacher_coach_appointed"}},
    {"outcomes_to_mentors", "6.5", "uitkomsten van de intervisie met de mentoren",
     running, ticked, for_roles::all, {"coach_mentor_alignment", "intervision_at_cadence"}},
    {"escalation_guideline", "6.6", "Bij ernstige problemen",
     before, ticked, for_roles::all, {}},
    {"no_secrets_rule_known", "6.7", "geen geheimen kan bewaren",
     before, ticked, for_roles::buddies, {"escalation_guideline"}},
    {"time_in_annual_task_hours", "7.1", "facilitering in de normjaartaak",
     sustain, ticked, for_roles::all, {}},
    {"part_of_mentor_task", "7.2", "peer support in de mentortaak",
     sustain, ticked, for_roles::all, {}},
    {"keep_communicating", "7.3", "Blijf erover communiceren",
     sustain, ticked, for_roles::all, {}},
    {"successors_named", "7.4", "altijd een opvolger klaarstaan",
     sustain, derived_check::successors_named, for_roles::all, {}},
    {"more_staff_involved", "7.5", "meer docenten en mentoren erbij",
     sustain, ticked, for_roles::all, {}},
    {"more_teacher_coaches", "7.6", "meer docentcoaches aan",
     sustain, derived_check::more_teacher_coaches, for_roles::all, {"teacher_coach_appointed"}},
    {"fixed_place_in_plans", "7.7", "Geef het een volwaardige plaats",
     sustain, ticked, for_roles::all, {}},
    {"study_credits", "7.8", "Beloon peers met studiepunten",
     sustain, ticked, for_roles::all, {}},
};

// Source 001: the 5-step plan and what the article names for each step.
const std::vector<expected_item> five_step_items{
    {"orientation_talk", "1.1", "in gesprek met de werkgroep P2P",
     before, ticked, for_roles::all, {}},
    {"inform_everyone", "1.2", "shared with the 7-step plan",
     before, ticked, for_roles::all, {}},
    {"broad_support_base", "1.3", "breed draagvlak bij docenten, ouders en leerlingen",
     before, ticked, for_roles::all, {"inform_everyone"}},
    {"working_group_formed", "1.4", "in een kleine werkgroep",
     before, ticked, for_roles::all, {}},
    {"coordinator_appointed", "2.1", "Peer2Peer-coordinator",
     before, derived_check::coordinator_appointed, for_roles::all, {}},
    {"plan_of_approach", "2.2", "Plan van Aanpak",
     before, ticked, for_roles::all, {"working_group_formed", "coordinator_appointed"}},
    {"communication_plan", "2.3", "welke communicatie wanneer en naar wie",
     before, ticked, for_roles::all, {"plan_of_approach"}},
    {"recruitment_target", "2.4", "welke leerlingen geworven",
     before, ticked, for_roles::all, {"plan_of_approach"}},
    {"buddy_tasks", "2.5", "de taken van de buddy's",
     before, ticked, for_roles::buddies, {"plan_of_approach"}},
    {"lesson_exemption", "2.6", "vrijstelling voor vakken",
     before, ticked, for_roles::buddies, {"plan_of_approach"}},
    {"support_period", "2.7", "hoe lang de begeleidingsperiode",
     before, derived_check::support_period_six_months, for_roles::buddies, {}},
    {"responsibilities_assigned", "2.8", "verantwoordelijkheden goed belegd",
     before, ticked, for_roles::all, {"plan_of_approach"}},
    {"fits_care_system", "2.9", "passen in het zorgsysteem",
     before, ticked, for_roles::all, {"plan_of_approach"}},
    {"teacher_coach_appointed", "3.1", "werving van docenten (Docentcoach)",
     before, derived_check::teacher_coach_appointed, for_roles::all, {}},
    {"training_route", "3.2", "train-de-trainer aanpak",
     before, ticked, for_roles::all, {}},
    {"coaches_trained", "3.3", "groep docenten opleiden",
     before, ticked, for_roles::all,
     {"coordinator_appointed", "teacher_coach_appointed", "training_route"}},
    {"supporter_profile", "3.4", "persoonlijkheid (sociaal, geduldig)",
     before, ticked, for_roles::all, {}},
    {"selection_procedure", "3.5", "klassen langs; zich opgeven",
     before, ticked, for_roles::all, {"coordinator_appointed", "supporter_profile"}},
    {"grades_checked", "3.6", "schoolcijfers",
     before, ticked, for_roles::all, {"selection_procedure"}},
    {"buddy_matching", "3.7", "op grond daarvan maakten we koppels",
     before, ticked, for_roles::buddies, {"selection_procedure"}},
    {"newcomer_matching", "3.8", "korte tekst, individueel gesprek",
     before, ticked, for_roles::newcomer_buddies, {"buddy_matching"}},
    {"role_training", "3.9", "training reguliere leerlingen en hun taken",
     before, ticked, for_roles::all, {"training_route"}},
    {"buddy_training", "3.10", "twee keer vier uur; stellingen en casussen",
     before, ticked, for_roles::buddies, {"role_training"}},
    {"newcomer_buddy_training", "3.11", "drie dagdelen, interculturele vaardigheden",
     before, ticked, for_roles::newcomer_buddies, {"buddy_training"}},
    {"newcomers_prepared", "3.12", "Training nieuwkomers: 3 dagdelen",
     before, ticked, for_roles::newcomer_buddies, {}},
    {"joint_training_half_day", "3.13", "een dagdeel bij elkaar in de laatste training",
     before, ticked, for_roles::newcomer_buddies,
     {"newcomer_buddy_training", "newcomers_prepared"}},
    {"supporters_ready_before_pairing", "4.1", "geworven, geselecteerd en opgeleid",
     before, derived_check::supporters_ready_before_pairing, for_roles::all, {}},
    {"first_meeting_round", "4.2", "kennismakingsronde",
     before, ticked, for_roles::newcomer_buddies, {"newcomer_matching"}},
    {"weekly_meetings_agreed", "4.3", "minimaal een uur per week",
     before, ticked, for_roles::buddies, {"buddy_matching"}},
    {"bonding_activities", "4.4", "eerste 1 a 2 maanden gerichte activiteiten",
     running, ticked, for_roles::buddies, {"buddy_matching"}},
    {"intervision_at_cadence", "4.5", "een keer in de 3 a 4 weken intervisie",
     before, derived_check::intervision_at_cadence, for_roles::all, {"teacher_coach_appointed"}},
    {"newcomer_intervision", "4.6", "ook de nieuwkomers komen periodiek bijeen",
     before, ticked, for_roles::newcomer_buddies, {}},
    {"escalation_guideline", "4.7", "wat doe je als je hoort over heftige ervaringen",
     before, ticked, for_roles::all, {}},
    {"interim_evaluation", "5.1", "tussentijds betrokkenen bevragen",
     running, ticked, for_roles::all, {}},
    {"final_evaluation", "5.2", "aan het eind van de begeleidingsperiode",
     running, ticked, for_roles::all, {"interim_evaluation"}},
    {"plan_updated", "5.3", "actualisering; verbeterpunten",
     running, ticked, for_roles::all, {"final_evaluation"}},
    {"keep_communicating", "5.4", "meer bekendheid geven aan het project",
     sustain, ticked, for_roles::all, {}},
    {"lasting_facilities", "5.5", "continue faciliteit, in geld en tijd",
     sustain, ticked, for_roles::all, {}},
};
// clang-format on

void check_items(const checklist_definition& def, const std::vector<expected_item>& expected) {
  REQUIRE(def.item_count() == expected.size());
  std::size_t n = 0;
  for (const auto& step : def.steps)
    for (const auto& item : step.items) {
      const auto& want = expected[n++];
      INFO(want.key << " (" << want.source << ")");
      CHECK(item.key == want.key);
      CHECK(def.position_of(item.key)->label() == want.position);
      CHECK(item.stage == want.stage);
      CHECK(item.derived == want.derived);
      CHECK(item.roles == mask(want.roles));
      CHECK(item.depends_on == want.depends_on);
      CHECK(!item.title.empty());
    }
}

derived_results everything_derived_done() {
  derived_results all;
  for (auto& o : all.outcomes) o = {item_state::done, "", {}, {}};
  return all;
}

// Every ticked item is blocked while a dependency is open and can be done once all
// items before it are done.
void check_every_item_can_be_done_in_order(const checklist_definition& def) {
  const auto derived = everything_derived_done();
  const item_progress done{item_state::done, date(2025, 9, 1), staff_id{1}, "minutes"};
  std::vector<std::string> before;
  for (const auto& step : def.steps)
    for (const auto& item : step.items) {
      INFO(item.key);
      if (!item.is_derived()) {
        if (!item.depends_on.empty()) {
          progress_book fresh(def);
          CHECK_THROWS_WITH(fresh.set(item.key, done), Catch::Contains("checklist.blocked"));
        }
        progress_book book(def);
        for (const auto& k : before) book.set(k, done, derived);
        CHECK_NOTHROW(book.set(item.key, done, derived));
        CHECK(book.state_of(item.key, derived).state == item_state::done);
        before.push_back(item.key);
      }
    }
}

}  // namespace

TEST_CASE("checklist: the 7-step plan has seven steps with every item the source names") {
  const auto def = definition_of<seven_step_plan>();
  CHECK(def.name == "7-step plan");
  REQUIRE(def.steps.size() == 7);
  const std::vector<std::string> titles{"Build support from the start",
                                        "Involve the right staff",
                                        "Set goals and content",
                                        "Select peers and match carefully",
                                        "Train teacher coaches and candidate peers",
                                        "Provide supervision and guard quality",
                                        "Keep working on support"};
  for (std::size_t i = 0; i < 7; ++i) {
    CHECK(def.steps[i].number == static_cast<int>(i) + 1);
    CHECK(def.steps[i].title == titles[i]);
  }
  check_items(def, seven_step_items);
}

TEST_CASE(
    "checklist: every item of the 7-step plan is blocked by open dependencies and can be done") {
  check_every_item_can_be_done_in_order(definition_of<seven_step_plan>());
}

TEST_CASE("checklist: step 7 of the 7-step plan holds the sustaining items only") {
  const auto def = definition_of<seven_step_plan>();
  for (const auto& step : def.steps)
    for (const auto& item : step.items) {
      INFO(item.key);
      CHECK((step.number == 7) == (item.stage == item_stage::sustaining));
    }
}

TEST_CASE("checklist: the Peer2Peer 5-step plan has five steps with the items of source 001") {
  const auto def = definition_of<five_step_plan>();
  CHECK(def.name == "Peer2Peer 5-step plan");
  REQUIRE(def.steps.size() == 5);
  CHECK(def.steps[0].title == "Orientation and support base");
  CHECK(def.steps[1].title == "Working out the plan of approach");
  CHECK(def.steps[2].title == "Recruitment, selection and training of teachers and students");
  CHECK(def.steps[3].title == "Execution and supervision");
  CHECK(def.steps[4].title == "Evaluation and updating");
  check_items(def, five_step_items);
}

TEST_CASE(
    "checklist: every item of the 5-step plan is blocked by open dependencies and can be done") {
  check_every_item_can_be_done_in_order(definition_of<five_step_plan>());
}

TEST_CASE("checklist: plan_items::all_items holds every item of both plans once") {
  std::vector<std::string> keys;
  auto collect = [&]<class... Is>(item_list<Is...>) { (keys.emplace_back(Is::key), ...); };
  collect(plan_items::all_items{});
  auto sorted = keys;
  std::sort(sorted.begin(), sorted.end());
  CHECK(std::adjacent_find(sorted.begin(), sorted.end()) == sorted.end());
  for (const auto& def : {definition_of<seven_step_plan>(), definition_of<five_step_plan>()})
    for (const auto& step : def.steps)
      for (const auto& item : step.items)
        CHECK(std::count(keys.begin(), keys.end(), item.key) == 1);
  CHECK(keys.size() == 61);
}

TEST_CASE("checklist: the mapping between the 7-step and the 5-step plan is sound both ways") {
  STATIC_REQUIRE(StepMapping<seven_step_plan, five_step_plan>);
  STATIC_REQUIRE(StepMapping<five_step_plan, seven_step_plan>);
  STATIC_REQUIRE(!StepMapping<seven_step_plan, seven_step_plan>);  // no links given
  CHECK(corresponding_steps<seven_step_plan, five_step_plan>(1) == std::vector<int>{1, 2});
  CHECK(corresponding_steps<seven_step_plan, five_step_plan>(3) == std::vector<int>{2});
  CHECK(corresponding_steps<seven_step_plan, five_step_plan>(4) == std::vector<int>{3});
  CHECK(corresponding_steps<seven_step_plan, five_step_plan>(6) == std::vector<int>{4, 5});
  CHECK(corresponding_steps<seven_step_plan, five_step_plan>(7) == std::vector<int>{5});
  CHECK(corresponding_steps<five_step_plan, seven_step_plan>(2) == std::vector<int>{1, 2, 3});
  CHECK(corresponding_steps<five_step_plan, seven_step_plan>(3) == std::vector<int>{2, 4, 5});
  CHECK(corresponding_steps<five_step_plan, seven_step_plan>(5) == std::vector<int>{6, 7});
  CHECK(corresponding_steps<seven_step_plan, five_step_plan>(9).empty());
}

TEST_CASE("checklist: items map to the same item or to the corresponding steps") {
  const auto mapped = map_items<seven_step_plan, five_step_plan>();
  REQUIRE(mapped.size() == 43);
  auto find = [&](std::string_view key) {
    return *std::find_if(mapped.begin(), mapped.end(),
                         [&](const item_counterpart& c) { return c.key == key; });
  };
  const auto coordinator = find("coordinator_appointed");
  CHECK(coordinator.from == item_position{1, 5});
  CHECK(coordinator.same_item == item_position{2, 1});
  CHECK(coordinator.steps == std::vector<int>{1, 2});
  const auto successors = find("successors_named");
  CHECK(!successors.same_item);  // the 5-step plan does not name it
  CHECK(successors.steps == std::vector<int>{5});
  std::size_t shared = 0;
  for (const auto& c : mapped)
    if (c.same_item) ++shared;
  CHECK(shared == 20);
  const auto back = map_items<five_step_plan, seven_step_plan>();
  CHECK(std::find_if(back.begin(), back.end(), [](const item_counterpart& c) {
          return c.key == "newcomers_prepared" && !c.same_item &&
                 c.steps == std::vector<int>{2, 4, 5};
        }) != back.end());
}

TEST_CASE("checklist: progress carries over to the other plan for the items both name") {
  progress_book five(definition_of<five_step_plan>());
  const item_progress done{item_state::done, date(2025, 9, 1), staff_id{1}, "done"};
  five.set("orientation_talk", done);
  five.set("inform_everyone", done);
  five.set("working_group_formed", {item_state::in_progress, std::nullopt, staff_id{2}, ""});
  const auto seven = carry_over<five_step_plan, seven_step_plan>(five);
  CHECK(seven.definition().name == "7-step plan");
  CHECK(seven.records().size() == 2);
  CHECK(seven.progress("inform_everyone") == done);
  CHECK(seven.progress("working_group_formed").state == item_state::in_progress);
  const auto again = carry_over<seven_step_plan, five_step_plan>(seven);
  CHECK(again.records().size() == 2);
  CHECK(again.progress("orientation_talk").state == item_state::not_started);
}
