#include <catch2/catch.hpp>
#include <peerkit/checklist/readiness.hpp>
#include <peerkit/checklist/seven_step_plan.hpp>

#include "sample_programme.hpp"

using namespace peerkit;
using sample::day;

namespace {

const item_progress done_by_anna{item_state::done, date(2025, 9, 1), sample::coordinator,
                                 "minutes"};

std::vector<std::string> keys(const std::vector<report_entry>& entries) {
  std::vector<std::string> k;
  for (const auto& e : entries) k.push_back(e.key);
  return k;
}

const report_entry& entry(const readiness_report& r, std::string_view key) {
  for (const auto* list : {&r.blocking, &r.open, &r.at_risk, &r.done, &r.not_applicable})
    for (const auto& e : *list)
      if (e.key == key) return e;
  FAIL("no entry " << key);
  throw;
}

// Ticks every ticked item of `stage` in checklist order.
void tick_all(progress_book& book, item_stage stage, const derived_results& derived) {
  for (const auto& step : book.definition().steps)
    for (const auto& item : step.items)
      if (!item.is_derived() && item.stage == stage &&
          book.state_of(item.key, derived).state != item_state::not_applicable)
        book.set(item.key, done_by_anna, derived);
}

}  // namespace

TEST_CASE("checklist: the go-live report sorts every item into one list") {
  const auto s = sample::school();
  const auto f = sample::facts();
  progress_book book(definition_of<seven_step_plan>());
  const auto r = make_readiness_report(book, s, f, report_mode::go_live);
  CHECK(r.checklist == "7-step plan");
  CHECK(r.mode == report_mode::go_live);
  CHECK(r.item_count() == 43);
  CHECK(!r.ready_to_go_live());
  // The programme's data decides these; the sample satisfies them all.
  CHECK(keys(r.done) == std::vector<std::string>{"coordinator_appointed", "teacher_coach_appointed",
                                                 "first_year_mentors_involved", "support_period",
                                                 "supporters_ready_before_pairing",
                                                 "intervision_at_cadence", "successors_named",
                                                 "more_teacher_coaches"});
  // The sample runs peer leaders and newcomer buddies, not peer buddies.
  CHECK(keys(r.not_applicable) == std::vector<std::string>{"buddy_goals"});
  CHECK(entry(r, "buddy_goals").evidence == "about peer buddy, which the programme does not run");
  CHECK(entry(r, "buddy_goals").source == state_source::role_not_run);
  CHECK(keys(r.open) == std::vector<std::string>{"supporter_learning_goals", "lesson_support",
                                                 "outcomes_to_mentors"});
  CHECK(keys(r.at_risk) == std::vector<std::string>{"time_in_annual_task_hours",
                                                    "part_of_mentor_task", "keep_communicating",
                                                    "more_staff_involved", "fixed_place_in_plans",
                                                    "study_credits"});
  CHECK(r.blocking.size() == 25);
  CHECK(r.blocking.front().key == "inform_everyone");
  CHECK(r.blocking.front().position == item_position{1, 1});

  const auto& coordinator = entry(r, "coordinator_appointed");
  CHECK(coordinator.source == state_source::derived);
  CHECK(coordinator.evidence == "coordinator: Anna de Vries");
  const auto& kickoff = entry(r, "kickoff_meeting");
  CHECK(kickoff.findings ==
        std::vector<std::string>{"waits for 1.1 Inform all teachers and managers (not started)"});
}

TEST_CASE(
    "checklist: nothing blocks going live once every item needed before the start is settled") {
  const auto s = sample::school();
  const auto f = sample::facts();
  const auto derived = evaluate_derived(s, f);
  progress_book book(definition_of<seven_step_plan>());
  tick_all(book, item_stage::before_start, derived);
  const auto r = make_readiness_report(book, derived, s, report_mode::go_live);
  CHECK(r.ready_to_go_live());
  CHECK(r.blocking.empty());
  CHECK(r.open.size() == 3);
  CHECK(r.at_risk.size() == 6);
  CHECK(entry(r, "inform_everyone").owner_name == "Anna de Vries");
  CHECK(entry(r, "inform_everyone").on == date(2025, 9, 1));
  CHECK(entry(r, "inform_everyone").evidence == "minutes");
}

TEST_CASE("checklist: a derived item that is not satisfied blocks going live") {
  auto s = sample::school();
  auto f = sample::facts();
  f.supporters[4].trained_on = day(2025, 11, 10);
  const auto derived = evaluate_derived(s, f);
  progress_book book(definition_of<seven_step_plan>());
  tick_all(book, item_stage::before_start, derived);
  const auto r = make_readiness_report(book, derived, s, report_mode::go_live);
  REQUIRE(keys(r.blocking) == std::vector<std::string>{"supporters_ready_before_pairing"});
  CHECK(r.blocking[0].state == item_state::in_progress);
  CHECK(r.blocking[0].findings ==
        std::vector<std::string>{"student #201 (newcomer buddy, paired 2025-11-03) completed "
                                 "training only on 2025-11-10"});
}

TEST_CASE(
    "checklist: step 7 risks - one teacher coach, no successors, no time in annual task hours") {
  auto s = sample::school();
  s.staff[2].roles.clear();  // Chris Bakker stops as teacher coach
  s.staff[1].successor.reset();
  const auto f = sample::facts();
  progress_book book(definition_of<seven_step_plan>());
  const auto r = make_readiness_report(book, s, f, report_mode::go_live);
  CHECK(keys(r.at_risk) ==
        std::vector<std::string>{"time_in_annual_task_hours", "part_of_mentor_task",
                                 "keep_communicating", "successors_named", "more_staff_involved",
                                 "more_teacher_coaches", "fixed_place_in_plans", "study_credits"});
  CHECK(entry(r, "more_teacher_coaches").findings ==
        std::vector<std::string>{
            "only one teacher coach (Bram Jansen): training and supervision depend on one person"});
  CHECK(entry(r, "successors_named").findings ==
        std::vector<std::string>{"Bram Jansen (teacher coach) has no successor"});
  CHECK(entry(r, "successors_named").evidence ==
        "4 of 5 staff members in a programme role have a successor");
  CHECK(entry(r, "time_in_annual_task_hours").state == item_state::not_started);
}

TEST_CASE("checklist: the audit mode reports gaps instead of what blocks going live") {
  const auto s = sample::school();
  const auto f = sample::facts();
  const auto derived = evaluate_derived(s, f);
  progress_book book(definition_of<seven_step_plan>());
  tick_all(book, item_stage::before_start, derived);
  book.set("intervision_groups",
           {item_state::in_progress, std::nullopt, sample::coach_a, "regrouping"}, derived);
  book.set("time_in_annual_task_hours", done_by_anna, derived);
  const auto r = make_readiness_report(book, derived, s, report_mode::audit);
  CHECK(r.mode == report_mode::audit);
  CHECK(r.blocking.empty());
  CHECK(!r.ready_to_go_live());
  CHECK(keys(r.open) == std::vector<std::string>{"supporter_learning_goals", "intervision_groups",
                                                 "lesson_support", "outcomes_to_mentors"});
  CHECK(entry(r, "intervision_groups").owner_name == "Bram Jansen");
  CHECK(r.at_risk.size() == 5);
  CHECK(r.done.size() + r.not_applicable.size() == 43 - 4 - 5);
}

TEST_CASE("checklist: a done item whose derived dependency lapsed is flagged") {
  auto s = sample::school();
  const auto f = sample::facts();
  progress_book book(definition_of<seven_step_plan>());
  book.set("working_group_formed", done_by_anna);
  book.set("plan_of_approach", done_by_anna, evaluate_derived(s, f));
  s.staff[0].roles.clear();  // the coordinator left the role
  const auto r = make_readiness_report(book, s, f, report_mode::audit);
  CHECK(entry(r, "plan_of_approach").state == item_state::done);
  CHECK(entry(r, "plan_of_approach").findings ==
        std::vector<std::string>{
            "depends on 1.5 A peer-support coordinator is appointed (not started)"});
  CHECK(entry(r, "coordinator_appointed").state == item_state::not_started);
}

TEST_CASE("checklist: an owner missing from the staff list is reported") {
  const auto s = sample::school();
  progress_book book(definition_of<seven_step_plan>());
  book.set("inform_everyone", {item_state::in_progress, std::nullopt, staff_id{77}, ""});
  const auto r = make_readiness_report(book, s, sample::facts(), report_mode::go_live);
  CHECK(entry(r, "inform_everyone").owner_name.empty());
  CHECK(entry(r, "inform_everyone").findings ==
        std::vector<std::string>{"owner #77 is not on the staff list"});
}

TEST_CASE("checklist: the report refuses facts that do not fit the school") {
  auto f = sample::facts();
  f.pairs[0].supporters[0] = student_id{12345};
  progress_book book(definition_of<seven_step_plan>());
  CHECK_THROWS_WITH(make_readiness_report(book, sample::school(), f, report_mode::go_live),
                    Catch::Contains("data.unknown_reference"));
}

namespace {
using small_plan = checklist<
    "Small plan",
    checklist_step<1, "Support base", plan_items::inform_everyone, plan_items::working_group_formed,
                   plan_items::coordinator_appointed, plan_items::plan_of_approach>,
    checklist_step<2, "Staff", plan_items::teacher_coach_appointed, plan_items::lesson_support,
                   plan_items::supporter_learning_goals>,
    checklist_step<3, "Keep it going", plan_items::more_teacher_coaches,
                   plan_items::time_in_annual_task_hours>>;

struct small_case {
  school s = sample::school();
  programme_facts f = sample::facts();
  progress_book book{definition_of<small_plan>()};
  small_case() {
    s.staff[2].roles.clear();
    f.roles = runtime_roles::of({supporter_role::newcomer_buddy}).roles();
    f.pairs.erase(f.pairs.begin(), f.pairs.begin() + 2);
    f.intervision.erase(f.intervision.begin());
    f.periods.erase(f.periods.begin());
    book.set("inform_everyone",
             {item_state::done, date(2025, 9, 1), sample::coordinator, "staff meeting *1 Sept*"});
    book.set("working_group_formed",
             {item_state::in_progress, std::nullopt, staff_id{99}, "two of\nfour members"});
  }
};
}  // namespace

TEST_CASE("checklist: the go-live report as Markdown") {
  small_case c;
  const auto text = to_markdown(make_readiness_report(c.book, c.s, c.f, report_mode::go_live));
  CHECK(text ==
        "# Readiness to go live: Small plan\n"
        "\n"
        "**Not ready to go live: 2 items block the start.** 2 items at risk for keeping support.\n"
        "Done: 3 of 9 items; 1 not applicable.\n"
        "\n"
        "## Blocks going live (2)\n"
        "\n"
        "- **1.2 A working group is formed**: in progress by staff #99 (two of four members)\n"
        "  - owner #99 is not on the staff list\n"
        "- **1.4 The working group draws up a plan of approach**: not started\n"
        "  - waits for 1.2 A working group is formed (in progress)\n"
        "\n"
        "## To do once running (1)\n"
        "\n"
        "- **2.3 Supporters' own learning goals**: not started\n"
        "\n"
        "## At risk for keeping support (draagvlak) (2)\n"
        "\n"
        "- **3.1 More than one teacher coach**: in progress, from the programme's data (teacher "
        "coach: Bram Jansen)\n"
        "  - only one teacher coach (Bram Jansen): training and supervision depend on one person\n"
        "- **3.2 Time in the teachers' annual task hours**: not started\n"
        "\n"
        "## Done (3)\n"
        "\n"
        "- **1.1 Inform all teachers and managers**: done on 2025-09-01 by Anna de Vries (staff "
        "meeting \\*1 Sept\\*)\n"
        "- **1.3 A peer-support coordinator is appointed**: done, from the programme's data "
        "(coordinator: Anna de Vries)\n"
        "- **2.1 At least one teacher coach is appointed**: done, from the programme's data "
        "(teacher coach: Bram Jansen)\n"
        "\n"
        "## Not applicable (1)\n"
        "\n"
        "- **2.2 Peer leaders get help with lessons and feedback**: not applicable (about peer "
        "leader, which the "
        "programme does not run)\n");
}

TEST_CASE("checklist: the go-live report as Markdown in Dutch") {
  small_case c;
  const auto report = make_readiness_report(c.book, c.s, c.f, report_mode::go_live);
  const auto text = to_markdown(report, report_language::dutch);
  INFO(text);
  // The plan's items and what peerkit found in Dutch; the school's own notes and names as
  // written. The English texts stay what result.json carries.
  for (const auto* line :
       {"- **1.2 Er is een werkgroep gevormd**: bezig door medewerker #99 (two of four "
        "members)\n"
        "  - eigenaar #99 staat niet op de personeelslijst\n",
        "- **1.4 De werkgroep stelt een plan van aanpak op**: niet begonnen\n"
        "  - wacht op 1.2 Er is een werkgroep gevormd (bezig)\n",
        "- **3.1 Meer dan één docentcoach**: bezig, volgens de gegevens van het programma "
        "(docentcoach: Bram Jansen)\n"
        "  - maar één docentcoach (Bram Jansen): training en begeleiding hangen van één "
        "persoon af\n",
        "- **1.3 Er is een coördinator peer support aangesteld**: klaar, volgens de gegevens "
        "van het programma (coördinator: Anna de Vries)\n",
        "(over peerleider, een rol die het programma niet heeft)\n"})
    CHECK(text.find(line) != std::string::npos);
  const auto& blocked = report.blocking.back();
  CHECK(blocked.findings ==
        std::vector<std::string>{"waits for 1.2 A working group is formed (in progress)"});
  CHECK(blocked.dutch.findings ==
        std::vector<std::string>{"wacht op 1.2 Er is een werkgroep gevormd (bezig)"});
}

TEST_CASE("checklist: the audit report as Markdown") {
  small_case c;
  const auto text = to_markdown(make_readiness_report(c.book, c.s, c.f, report_mode::audit));
  CHECK(text.rfind("# Checklist audit: Small plan\n\n"
                   "Audit of a running programme; going live is not assessed. **3 gaps**, 2 items "
                   "at risk for "
                   "keeping support.\n"
                   "Done: 3 of 9 items; 1 not applicable.\n\n"
                   "## Gaps (3)\n\n"
                   "- **1.2 A working group is formed**",
                   0) == 0);
  CHECK(text.find("Blocks going live") == std::string::npos);
}

TEST_CASE("checklist: a ready report as Markdown says so") {
  small_case c;
  const auto derived = evaluate_derived(c.s, c.f);
  c.book.set("working_group_formed", done_by_anna, derived);
  c.book.set("plan_of_approach", done_by_anna, derived);
  const auto text = to_markdown(make_readiness_report(c.book, derived, c.s, report_mode::go_live));
  CHECK(text.find("**Ready to go live: nothing blocks the start.** 2 items at risk for keeping "
                  "support.\n") != std::string::npos);
  CHECK(text.find("## Blocks going live") == std::string::npos);
}

TEST_CASE("checklist: Markdown escapes free text") {
  CHECK(detail::markdown_text("a *b* _c_ [d](e) <f> #g `h` |i| \\j\nk") ==
        "a \\*b\\* \\_c\\_ \\[d\\](e) \\<f\\> #g \\`h\\` |i| \\\\j k");
  CHECK(detail::markdown_text("#1 class") == "\\#1 class");
}
