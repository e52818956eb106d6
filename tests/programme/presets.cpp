// Every shipped preset, through one test body: its policies model their concepts, a whole
// year on a school suited to it keeps the rules, and its run-time (or compile-time) twin
// gives the same year.

#include <algorithm>
#include <fstream>
#include <iterator>
#include <map>
#include <regex>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>

#include <catch2/catch.hpp>

#include <peerkit/core/consent.hpp>
#include <peerkit/matching/verifier.hpp>
#include <peerkit/programme/presets.hpp>

#include "preset_school.hpp"

using namespace peerkit;
using namespace preset_test;

namespace {

/// The brochure's programme, with every policy given at run time.
runtime_programme brochure_at_run_time(school s, programme_data d) {
  return {std::move(s),
          std::move(d),
          runtime_roles::of({supporter_role::peer_leader, supporter_role::peer_buddy}),
          runtime_selection{},
          runtime_matching{},
          runtime_schedule{},
          runtime_checklist{definition_of<seven_step_plan>()}};
}

/// Makes a compile-time preset with default-constructed policies.
template <class P>
struct made_with_defaults {
  static P make(school s, programme_data d) { return P(std::move(s), std::move(d)); }
};

/// How the test makes each shipped preset, and its twin: the same programme with its
/// policies in the other form. A preset added to shipped_presets needs one of these.
template <class P>
struct preset;

template <>
struct preset<programme> : made_with_defaults<programme> {
  static constexpr std::string_view name = "programme";
  static runtime_programme twin(school s, programme_data d) {
    return brochure_at_run_time(std::move(s), std::move(d));
  }
};

template <>
struct preset<brochure_programme> : made_with_defaults<brochure_programme> {
  static constexpr std::string_view name = "brochure_programme";
  static runtime_programme twin(school s, programme_data d) {
    return brochure_at_run_time(std::move(s), std::move(d));
  }
};

template <>
struct preset<newcomer_programme> : made_with_defaults<newcomer_programme> {
  static constexpr std::string_view name = "newcomer_programme";
  // Hoofdvaart's settings as a front end would give them: the newcomer buddy trained in
  // 2 × 4 hours with its intervision cadence, and the newcomer buddy's profile with
  // social, patient and talks easily required and at most two fail marks.
  static runtime_programme twin(school s, programme_data d) {
    const auto parameters = default_parameters(supporter_role::newcomer_buddy)
                                .with_training({2, 4 * 60})
                                .with_intervision({4, 2, {4, 4}})
                                .with_meeting_place(meeting_place::at_school);
    runtime_profile hoofdvaart;
    hoofdvaart.required = {{"socially_skilled", 3, 1}, {"patient", 3, 1}, {"talks_easily", 3, 1}};
    hoofdvaart.gates.max_fail_marks = 2;
    return {
        std::move(s),
        std::move(d),
        runtime_roles({{"newcomer buddy", supporter_role::newcomer_buddy, parameters}}),
        runtime_selection(default_rating_scale,
                          {{supporter_role::newcomer_buddy,
                            extended(default_profile(supporter_role::newcomer_buddy), hoofdvaart),
                            0, std::nullopt}}),
        runtime_matching{},
        runtime_schedule{},
        runtime_checklist{definition_of<five_step_plan>()}};
  }
};

// The run-time preset configured as a school running all three roles of the sources with
// the fairest pairing, and its twin fixed at compile time.
using three_roles_fairest =
    basic_programme<role_set<peer_leader, peer_buddy, newcomer_buddy>,
                    fixed_matching<pairing_options{.goal = objective::fairest}>>;

template <>
struct preset<runtime_programme> {
  static constexpr std::string_view name = "runtime_programme";
  static runtime_programme make(school s, programme_data d) {
    matching_settings fairest;
    fairest.buddies.goal = objective::fairest;
    return {std::move(s),
            std::move(d),
            runtime_roles::of({supporter_role::peer_leader, supporter_role::peer_buddy,
                               supporter_role::newcomer_buddy}),
            runtime_selection{},
            runtime_matching{fairest},
            runtime_schedule{},
            runtime_checklist{definition_of<seven_step_plan>()}};
  }
  static three_roles_fairest twin(school s, programme_data d) {
    return three_roles_fairest(std::move(s), std::move(d));
  }
};

/// Preset P on the preset school, with four candidates applying for each role it runs.
template <class P>
P make_preset() {
  const auto roles = preset<P>::make(preset_school(), {}).role_entries();
  return preset<P>::make(preset_school(), preset_data(roles));
}

template <class... P>
std::set<std::string> names_of(std::tuple<P...>*) {
  return {std::string(preset<P>::name)...};
}

std::string text_of(const std::string& path) {
  std::ifstream in(path);
  REQUIRE(in);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace

TEST_CASE("programme: shipped_presets lists every programme the headers define") {
  std::set<std::string> defined;
  const std::regex alias(R"(using\s+(\w+)\s*=\s*basic_programme<)");
  for (const char* header : {"programme.hpp", "presets.hpp"}) {
    const auto text = text_of(std::string(PEERKIT_SOURCE_DIR) + "/include/peerkit/programme/" +
                              header);
    for (auto it = std::sregex_iterator(text.begin(), text.end(), alias);
         it != std::sregex_iterator(); ++it)
      defined.insert((*it)[1].str());
  }
  const auto listed = names_of(static_cast<shipped_presets*>(nullptr));
  CHECK(defined == listed);
  const auto docs = text_of(std::string(PEERKIT_SOURCE_DIR) + "/docs/architecture.md");
  for (const auto& name : listed) {
    CAPTURE(name);
    CHECK(docs.find('`' + name + '`') != std::string::npos);
  }
}

TEMPLATE_LIST_TEST_CASE("programme: every shipped preset runs a whole year that keeps the rules",
                        "[presets]", shipped_presets) {
  using P = TestType;
  INFO("preset " << preset<P>::name);
  STATIC_REQUIRE(RolesPolicy<typename P::roles_policy>);
  STATIC_REQUIRE(SelectionPolicy<typename P::selection_policy>);
  STATIC_REQUIRE(MatchingPolicy<typename P::matching_policy>);
  STATIC_REQUIRE(SchedulePolicy<typename P::schedule_policy>);
  STATIC_REQUIRE(ChecklistPolicy<typename P::checklist_policy>);

  const P prog = make_preset<P>();
  const auto& sch = prog.school_data();
  const date day = prog.data().pairing_day();
  const auto run = prog.run(preset_calendar());
  const auto entries = prog.role_entries();

  // Every role chose its supporters from the candidates, with no place left open.
  REQUIRE(run.selection.roles.size() == entries.size());
  for (const auto& chosen : run.selection.roles) {
    CAPTURE(chosen.role_name);
    CHECK(chosen.needed > 0);
    CHECK(chosen.shortfall() == 0);
  }

  // Each one-to-one role paired its supportees, every pair keeping every hard rule, with
  // supporters who were accepted and trained and supportees who asked for the role.
  for (const auto& rp : run.pairing.roles) {
    CAPTURE(rp.role.name);
    CHECK(rp.result.supported > 0);
    CHECK(rp.in_training.empty());
    const auto report = verify(sch, rp.request, prog.matching().settings(), rp.result);
    std::string problems;
    for (const auto& p : report.problems)
      problems += p.id + " at " + p.location + ": " + p.message + "\n";
    CAPTURE(problems);
    CHECK(report.ok());
    for (const auto& p : rp.result.pairs) {
      const auto accepted = run.selection.find(rp.role.kind)->students(verdict::accepted);
      CHECK(std::find(accepted.begin(), accepted.end(), p.supporter) != accepted.end());
      CHECK(std::find(run.requests.begin(), run.requests.end(),
                      support_request{p.supportee, rp.role.kind}) != run.requests.end());
      if (rp.role.parameters.newcomers_only) CHECK(sch.find(p.supportee)->is_newcomer());
    }
  }

  // Leader duos of two consenting accepted leaders, one duo for each first-year class.
  const bool runs_leaders = std::any_of(entries.begin(), entries.end(), [](const role_entry& e) {
    return e.parameters.form == support_form::duo_for_class;
  });
  REQUIRE(run.pairing.leaders.has_value() == runs_leaders);
  if (runs_leaders) {
    const auto& leaders = *run.pairing.leaders;
    const auto accepted = run.selection.find(leaders.role.kind)->students(verdict::accepted);
    std::set<student_id> in_a_duo;
    for (const auto& duo : leaders.duos.duos)
      for (const auto id : {duo.first, duo.second}) {
        CHECK(std::find(accepted.begin(), accepted.end(), id) != accepted.end());
        CHECK(may_process(*sch.find(id), day));
        CHECK(in_a_duo.insert(id).second);
      }
    std::set<class_id> covered;
    for (const auto& a : leaders.classes.assignments) {
      CHECK(std::any_of(leaders.duos.duos.begin(), leaders.duos.duos.end(),
                        [&](const leader_duo& d) { return d.pair() == a.duo; }));
      CHECK(sch.find(a.for_class)->is_first_year());
      CHECK(covered.insert(a.for_class).second);
    }
    CHECK(static_cast<int>(covered.size()) == first_year_classes(sch));
  }

  // The year is planned inside the school year, with training for every role.
  CHECK(run.year.outcome == schedule_outcome::scheduled);
  REQUIRE_FALSE(run.year.events.empty());
  for (const auto& e : run.year.events) {
    CAPTURE(event_id(run.year.year, e));
    CHECK(prog.data().year.contains(e.day));
    CHECK(prog.data().year.contains(e.day + boost::gregorian::days(e.days - 1)));
  }
  for (const auto& e : entries)
    CHECK(
        std::any_of(run.year.events.begin(), run.year.events.end(), [&](const programme_event& ev) {
          return ev.role == e.kind && ev.kind == programme_event_kind::first_meeting_round;
        }));

  // Readiness is reported on every item of the preset's checklist; nothing is short.
  CHECK(run.readiness.checklist == prog.checklist().definition().name);
  CHECK(run.readiness.item_count() == prog.checklist().definition().item_count());
  CHECK(run.shortfalls.empty());
  CHECK(run.feasible());
}

TEMPLATE_LIST_TEST_CASE("programme: every shipped preset explains what it is short of", "[presets]",
                        shipped_presets) {
  using P = TestType;
  INFO("preset " << preset<P>::name);
  auto data = make_preset<P>().data();
  data.applications.clear();  // nobody applied
  const P prog = preset<P>::make(preset_school(), data);
  const auto run = prog.run(preset_calendar());

  std::map<supporter_role, int> waiting;
  for (const auto& r : run.requests) ++waiting[r.role];
  const auto entries = prog.role_entries();
  for (const auto& e : entries) {
    CAPTURE(e.name);
    const bool for_class = e.parameters.form == support_form::duo_for_class;
    const int missing = for_class ? first_year_classes(prog.school_data()) : waiting[e.kind];
    REQUIRE(missing > 0);
    const auto it = std::find_if(run.shortfalls.begin(), run.shortfalls.end(),
                                 [&](const shortfall& s) { return s.role == e.kind; });
    REQUIRE(it != run.shortfalls.end());
    CHECK(it->missing == missing);
    CHECK(it->what == (for_class ? "classes without a duo" : "supportees without a supporter"));
    CHECK(it->text.find(std::to_string(missing)) == 0);
    if (!for_class) CHECK(it->text.find(e.name) != std::string::npos);
  }
  CHECK(run.shortfalls.size() == entries.size());
  CHECK_FALSE(run.feasible());
}

TEMPLATE_LIST_TEST_CASE(
    "programme: every shipped preset gives the same year as its twin in the other form",
    "[presets]", shipped_presets) {
  using P = TestType;
  INFO("preset " << preset<P>::name);
  const P prog = make_preset<P>();
  const auto twin = preset<P>::twin(prog.school_data(), prog.data());
  STATIC_REQUIRE_FALSE(std::is_same_v<std::remove_const_t<decltype(twin)>, P>);
  const auto cal = preset_calendar();
  const auto a = prog.run(cal);
  const auto b = twin.run(cal);
  CHECK(a.requests == b.requests);
  CHECK(a.selection == b.selection);
  CHECK(a.applications == b.applications);
  CHECK(a.pairing == b.pairing);
  CHECK(a.year == b.year);
  CHECK(a.facts == b.facts);
  CHECK(a.readiness == b.readiness);
  CHECK(a.shortfalls == b.shortfalls);
}
