#include <catch2/catch.hpp>

#include <algorithm>
#include <limits>
#include <string>
#include <vector>

#include "../problems.hpp"

#include <peerkit/calendar/holiday_reader.hpp>
#include <peerkit/io/programme_json.hpp>

using namespace peerkit;

namespace {
const std::string data_dir = std::string(PEERKIT_SOURCE_DIR) + "/examples/data";

std::vector<std::string> problems_of(const std::string& text) {
  return peerkit_test::problems_of(
      [&] { (void)io::read_programme(text, "programme.json", data_dir); });
}
}  // namespace

TEST_CASE("io: the sample programme reads and runs") {
  const auto doc = io::read_programme_file(data_dir + "/sample_programme.json");
  CHECK(doc.school_file == "sample_school.json");
  CHECK(doc.roles.size() == 3);
  CHECK(doc.data.year == school_year{2025});
  CHECK_FALSE(doc.data.applications.empty());
  const auto prog = doc.programme();
  const school_calendar cal{
      doc.the_school.region, read_holidays_file(data_dir + "/school_holidays_nl.csv"), {}};
  const auto run = prog.run(cal);
  CHECK(run.year.outcome == schedule_outcome::scheduled);
  REQUIRE(run.pairing.leaders);
  CHECK_FALSE(run.pairing.pairs.empty());
}

TEST_CASE("io: a programme document written and read back is the same") {
  const auto doc = io::read_programme_file(data_dir + "/sample_programme.json");
  const auto text = io::to_json(doc).dump(1);
  const auto again = io::read_programme(text, "again.json", data_dir);
  CHECK(again.the_school == doc.the_school);
  CHECK(again.data == doc.data);
  CHECK(again.roles == doc.roles);
  CHECK(again.scale == doc.scale);
  CHECK(again.selection_rules == doc.selection_rules);
  CHECK(again.matching == doc.matching);
  CHECK(again.schedule == doc.schedule);
  CHECK(again.checklist_plan == doc.checklist_plan);
  CHECK(io::to_json(again).dump(1) == text);
}

TEST_CASE("io: problems in a programme document are located") {
  CHECK(problems_of(R"({"school": "sample_school.json", "yaer": "2025-2026"})") ==
        std::vector<std::string>{
            "json.unknown_field programme.json: yaer: unknown field 'yaer'; did you mean 'year'?"});
  CHECK(problems_of(R"({"school": "missing.json"})") ==
        std::vector<std::string>{
            "io.cannot_read programme.json: school: cannot read the school document " + data_dir +
            "/missing.json"});
  CHECK(problems_of(R"({"school": "sample_school.json", "roles": [{"role": "buddy"}],
                        "applications": [{"id": 1, "student": 1001, "role": "peer_buddy",
                                          "state": "accepted", "history": ["applied", "rejected"]}]})") ==
        std::vector<std::string>{
            "json.unknown_value programme.json: roles[0].role: 'buddy' is not one of peer_leader, "
            "peer_buddy, "
            "newcomer_buddy, "
            "peer_tutor, peer_mentor, peer_coach, confidant_student, peer_mediator, peer_educator",
            "selection.illegal_transition programme.json: applications[0].state: an application "
            "cannot move from "
            "rejected to "
            "accepted"});
  CHECK(problems_of(R"({"school": {"name": "X", "region": "oost"}})") ==
        std::vector<std::string>{"json.unknown_value programme.json: school.region: 'oost' is not "
                                 "one of noord, midden, zuid"});
  // A problem with the document as a whole is located at its name.
  CHECK(problems_of(R"({"year": "2025-2026"})") ==
        std::vector<std::string>{
            "json.missing_field programme.json: missing required field 'school'"});
  CHECK(problems_of("7") ==
        std::vector<std::string>{
            "json.wrong_type programme.json: expected an object, found an integer"});
}

TEST_CASE("io: dates in a programme document are YYYY-MM-DD and real days") {
  CHECK(
      problems_of(R"({"school": "sample_school.json", "pairing_date": "2025/09/29",
                        "training": [{"student": 1059, "role": "peer_leader", "held_on": "2025-09-17", "minutes": 60},
                                     {"student": 1059, "role": "peer_leader", "held_on": "2025-9-24", "minutes": 60},
                                     {"student": 1060, "role": "peer_buddy", "held_on": "2025-09-31", "minutes": 60}]})") ==
      std::vector<std::string>{
          R"(json.bad_date programme.json: pairing_date: expected a date as YYYY-MM-DD, found "2025/09/29")",
          R"(json.bad_date programme.json: training[1].held_on: expected a date as YYYY-MM-DD, found "2025-9-24")",
          R"(json.bad_date programme.json: training[2].held_on: expected a date as YYYY-MM-DD, found "2025-09-31")"});
  CHECK(problems_of(R"({"school": "sample_school.json", "pairing_date": 20250929})") ==
        std::vector<std::string>{"json.wrong_type programme.json: pairing_date: expected a date as "
                                 "YYYY-MM-DD, found an integer"});
  CHECK(io::read_programme(R"({"school": "sample_school.json", "pairing_date": "2025-09-29"})",
                           "programme.json", data_dir)
            .data.pairing_date == date(2025, 9, 29));
}

TEST_CASE("io: the programme reads whether second supportees come last") {
  const auto on = io::read_programme(R"({"school": "sample_school.json"})", "on.json", data_dir);
  CHECK(on.matching.buddies.second_supportee_last);
  const auto off = io::read_programme(
      R"({"school": "sample_school.json", "matching": {"second_supportee_last": false}})",
      "off.json", data_dir);
  CHECK_FALSE(off.matching.buddies.second_supportee_last);
  CHECK(io::to_json(off)["matching"]["second_supportee_last"] == false);
  CHECK(problems_of(R"({"school": "sample_school.json", "matching": {"second_supportee_last": 2}})")
            .size() == 1);
}

TEST_CASE("io: the supervision settings are read, keep their defaults, and are written back") {
  const auto read = [](const std::string& supervision) {
    return io::read_programme(
               R"({"school": "sample_school.json", "supervision": )" + supervision + "}",
               "programme.json", data_dir)
        .data.supervision;
  };
  CHECK(read("{}") == supervision_settings{});
  const auto s = read(R"({
      "rules": {"min_meeting_rate": 0.5, "follow_up_days": 10},
      "escalation": {"concern": {"route": [{"any_of": ["class_mentor"], "within_days": 3}]}},
      "rematch": {"pause_days": 14, "after_reasons": ["no_click"]},
      "end_reasons": [{"key": "moved_to_other_site", "permits_rematch": true}]})");
  CHECK(s.rules.min_meeting_rate == 0.5);
  CHECK(s.rules.follow_up_days == 10);
  CHECK(s.rules.contact_grace_days == supervision_rules{}.contact_grace_days);
  const auto& concern = s.escalation.route(severity::concern);
  REQUIRE(concern.route().size() == 1);
  CHECK(concern.route()[0] == route_step{{staff_role::class_mentor}, 3});
  CHECK(concern.respond_within_days ==
        escalation_policy{}.route(severity::concern).respond_within_days);
  CHECK(s.escalation.route(severity::safety) == escalation_policy{}.route(severity::safety));
  CHECK(s.rematch.pause_days == 14);
  CHECK(s.rematch.after_reason[static_cast<std::size_t>(end_reason::no_click)]);
  CHECK_FALSE(s.rematch.after_reason[static_cast<std::size_t>(end_reason::supporter_withdrew)]);
  CHECK(s.end_reasons.custom ==
        std::vector<custom_end_reason>{{"moved_to_other_site", closure_kind::unplanned, true}});

  auto doc = io::read_programme_file(data_dir + "/sample_programme.json");
  doc.data.supervision = s;
  const auto text = io::to_json(doc).dump(1);
  const auto again = io::read_programme(text, "again.json", data_dir);
  CHECK(again.data.supervision == s);
  CHECK(io::to_json(again).dump(1) == text);
}

TEST_CASE("io: problems in the supervision settings are located") {
  CHECK(problems_of(R"({"school": "sample_school.json", "supervision": {
          "rules": {"min_meeting_rate": 1.5, "follow_up_days": -1},
          "escalation": {"urgent": {"route": []}, "safety": {"route": [{"any_of": ["team_leader"], "within_days": 0}]}},
          "rematch": {"after_reasons": ["bored"]},
          "end_reasons": [{"key": "moved"}, {"key": "moved"}], "rematchs": {}}})") ==
        std::vector<std::string>{
            "json.unknown_field programme.json: supervision.rematchs: unknown field 'rematchs'; "
            "did you mean "
            "'rematch'?",
            "json.wrong_type programme.json: supervision.rules.min_meeting_rate: expected a share "
            "from 0 to 1, "
            "found a number",
            "data.out_of_range programme.json: supervision.rules.follow_up_days: -1 is outside "
            "0..365",
            "data.out_of_range programme.json: supervision.escalation.urgent.route: expected 1..3 "
            "steps, found 0",
            "data.out_of_range programme.json: supervision.escalation.safety: a route tells staff "
            "whose roles "
            "receive escalations, within 0 or more days, and expects a response within 0 or "
            "more days",
            "json.unknown_value programme.json: supervision.rematch.after_reasons[0]: 'bored' is "
            "not one of "
            "period_completed, supportee_withdrew, supporter_withdrew, no_click, "
            "supporter_left_school, supportee_left_school, support_too_heavy, "
            "consent_withdrawn, other",
            "data.duplicate programme.json: supervision.end_reasons[1].key: the end reason "
            "\"moved\" is given "
            "twice"});
}

TEST_CASE(
    "io: a role's eligible supporters are read, keep the role's defaults, and are written back") {
  const auto roles = [](const std::string& list) {
    return io::read_programme(R"({"school": "sample_school.json", "roles": )" + list + "}",
                              "programme.json", data_dir)
        .roles;
  };
  const auto newcomer = default_parameters(supporter_role::newcomer_buddy).eligible_supporters;
  CHECK(roles(R"([{"role": "newcomer_buddy"}])").at(0).parameters.eligible_supporters == newcomer);
  CHECK(roles(R"([{"role": "newcomer_buddy", "eligible_supporters": {}}])")
            .at(0)
            .parameters.eligible_supporters == newcomer);
  const auto read = roles(R"([
      {"role": "newcomer_buddy", "eligible_supporters": {"min_year": 3, "min_newcomer_year": 1}},
      {"role": "peer_buddy", "eligible_supporters": {"upper_years_only": true, "newcomers": true}}])");
  REQUIRE(read.size() == 2);
  CHECK(read[0].parameters.eligible_supporters ==
        supporter_eligibility{
            .min_year = 3, .upper_years_only = true, .newcomers = true, .min_newcomer_year = 1});
  CHECK(read[1].parameters.eligible_supporters ==
        supporter_eligibility{
            .min_year = 2, .upper_years_only = true, .newcomers = true, .min_newcomer_year = 2});
  CHECK(read[0].parameters.meets == default_parameters(supporter_role::newcomer_buddy).meets);

  auto doc = io::read_programme_file(data_dir + "/sample_programme.json");
  doc.roles = read;
  const auto written = io::to_json(doc);
  CHECK(written["roles"][0]["eligible_supporters"] == io::json{{"min_year", 3},
                                                               {"upper_years_only", true},
                                                               {"newcomers", true},
                                                               {"min_newcomer_year", 1}});
  const auto again = io::read_programme(written.dump(1), "again.json", data_dir);
  CHECK(again.roles == read);
  CHECK(io::to_json(again) == written);
}

TEST_CASE("io: problems in a role's eligible supporters are located") {
  CHECK(
      problems_of(R"({"school": "sample_school.json", "roles": [
          {"role": "peer_leader", "eligible_supporters": {"min_year": 0, "min_newcomer_year": 4}},
          {"role": "peer_buddy", "eligible_supporters": {"min_year": 7, "newcomers": "yes"}},
          {"role": "newcomer_buddy", "eligible_supporters": {"min_years": 3}}]})") ==
      std::vector<std::string>{"data.out_of_range programme.json: "
                               "roles[0].eligible_supporters.min_year: 0 is outside 1..6",
                               "data.out_of_range programme.json: "
                               "roles[0].eligible_supporters.min_newcomer_year: 4 is outside 1..3",
                               "data.out_of_range programme.json: "
                               "roles[1].eligible_supporters.min_year: 7 is outside 1..6",
                               "json.wrong_type programme.json: "
                               "roles[1].eligible_supporters.newcomers: expected true or false, "
                               "found a string",
                               "json.unknown_field programme.json: "
                               "roles[2].eligible_supporters.min_years: unknown field "
                               "'min_years'; did you mean 'min_year'?"});
}

TEST_CASE("io: the matching weights read can_meet, and availability is a preference by default") {
  const auto defaults = io::read_programme(R"({"school": "sample_school.json"})", "programme.json",
                                           data_dir);
  CHECK(defaults.matching.buddies.weights.can_meet == 3);
  CHECK_FALSE(defaults.matching.buddies.rules.availability);
  const auto set = io::read_programme(
      R"({"school": "sample_school.json",
          "matching": {"rules": {"availability": true}, "weights": {"can_meet": 5}}})",
      "programme.json", data_dir);
  CHECK(set.matching.buddies.weights.can_meet == 5);
  CHECK(set.matching.buddies.weights.shared_interests == score_weights{}.shared_interests);
  CHECK(set.matching.buddies.rules.availability);
  const auto written = io::to_json(set);
  CHECK(written["matching"]["weights"]["can_meet"] == 5);
  CHECK(written["matching"]["rules"]["availability"] == true);
  CHECK(io::read_programme(written.dump(1), "again.json", data_dir).matching == set.matching);
  CHECK(
      problems_of(
          R"({"school": "sample_school.json", "matching": {"weights": {"can_meet": "often"}}})") ==
      std::vector<std::string>{"json.wrong_type programme.json: matching.weights.can_meet: "
                               "expected a whole number, found a string"});
}

namespace {
/// A whole number of a programme document: the fields around it, with `%` where the
/// number goes (a range gives it twice), its path and its bounds.
struct bounded_field {
  std::string fields;
  std::string path;
  int low;
  int high;
};

std::string with_number(std::string fields, long long n) {
  for (auto at = fields.find('%'); at != std::string::npos; at = fields.find('%'))
    fields.replace(at, 1, std::to_string(n));
  return R"({"school": "sample_school.json", )" + fields + "}";
}
}  // namespace

TEST_CASE("io: every whole number of a programme document lies within a school's bounds") {
  const std::vector<bounded_field> fields{
      {R"("roles": [{"role": "peer_buddy", "supportees_per_supporter": [%, %]}])",
       "roles[0].supportees_per_supporter", 0, 40},
      {R"("roles": [{"role": "peer_buddy", "supporters_per_unit": [%, %]}])",
       "roles[0].supporters_per_unit", 1, 10},
      {R"("roles": [{"role": "peer_buddy", "eligible_supporters": {"min_year": %}}])",
       "roles[0].eligible_supporters.min_year", 1, 6},
      {R"("roles": [{"role": "peer_buddy", "training": {"sessions": %}}])",
       "roles[0].training.sessions", 0, 10},
      {R"("roles": [{"role": "peer_buddy", "training": {"minutes_per_session": %}}])",
       "roles[0].training.minutes_per_session", 1, 480},
      {R"("roles": [{"role": "peer_buddy", "intervision": {"initial_sessions": %}}])",
       "roles[0].intervision.initial_sessions", 0, 52},
      {R"("roles": [{"role": "peer_buddy", "intervision": {"initial_interval_weeks": %}}])",
       "roles[0].intervision.initial_interval_weeks", 0, 52},
      {R"("roles": [{"role": "peer_buddy", "intervision": {"interval_weeks": [%, %]}}])",
       "roles[0].intervision.interval_weeks", 1, 52},
      {R"("selection": {"scale": [%, %]})", "selection.scale", 0, 100},
      {R"("selection": {"rules": [{"role": "peer_buddy", "reserves": %}]})",
       "selection.rules[0].reserves", 0, 100},
      {R"("selection": {"rules": [{"role": "peer_buddy", "capacity": %}]})",
       "selection.rules[0].capacity", 1, 40},
      {R"("selection": {"rules": [{"role": "peer_buddy", "profile": {"required": {"calm": {"minimum": %}}}}]})",
       "selection.rules[0].profile.required.calm.minimum", 0, 100},
      {R"("selection": {"rules": [{"role": "peer_buddy", "profile": {"required": {"calm": {"minimum": 3, "weight": %}}}}]})",
       "selection.rules[0].profile.required.calm.weight", 0, 100},
      {R"("selection": {"rules": [{"role": "peer_buddy", "profile": {"welcome": {"kind": %}}}]})",
       "selection.rules[0].profile.welcome.kind", 0, 100},
      {R"("selection": {"rules": [{"role": "peer_buddy", "profile": {"gates": {"max_fail_marks": %}}}]})",
       "selection.rules[0].profile.gates.max_fail_marks", 0, 30},
      {R"("matching": {"weights": {"offers_wants": %}})", "matching.weights.offers_wants", 0, 100},
      {R"("schedule": {"intervision_group_size": %})", "schedule.intervision_group_size", 1, 30},
      {R"("schedule": {"bonding_weeks": %})", "schedule.bonding_weeks", 0, 52},
      {R"("schedule": {"project_week_interval": %})", "schedule.project_week_interval", 0, 52},
      {R"("applications": [{"id": 1, "student": 1059, "role": "peer_buddy", "interviews": [{"ratings": {"calm": %}}]}])",
       "applications[0].interviews[0].ratings.calm", 0, 100},
      {R"("training": [{"student": 1059, "role": "peer_buddy", "minutes": %}])",
       "training[0].minutes", 1, 480},
      {R"("observed_duos": [{"first": 1059, "second": 1060, "rating": %}])",
       "observed_duos[0].rating", 0, 100},
      {R"("class_wishes": [{"leader": 1059, "class": 1, "points": %}])", "class_wishes[0].points",
       0, 100},
      {R"("supervision": {"rules": {"rate_after_days": %}})", "supervision.rules.rate_after_days",
       0, 365},
      {R"("supervision": {"rules": {"max_missed_sessions": %}})",
       "supervision.rules.max_missed_sessions", 0, 52},
      {R"("supervision": {"escalation": {"concern": {"route": [{"any_of": ["class_mentor"], "within_days": %}]}}})",
       "supervision.escalation.concern.route[0].within_days", 0, 365},
      {R"("supervision": {"rematch": {"max_rematches_per_year": %}})",
       "supervision.rematch.max_rematches_per_year", 0, 10},
      {R"("supervision": {"rematch": {"pause_days": %}})", "supervision.rematch.pause_days", 0,
       365},
  };
  for (const auto& f : fields) {
    CAPTURE(f.path);
    const auto numbers = std::count(f.fields.begin(), f.fields.end(), '%');
    const auto refused = [&](long long n) {
      const auto found = problems_of(with_number(f.fields, n));
      const std::string expected = "data.out_of_range programme.json: " + f.path + ": " +
                                   std::to_string(n) + " is outside " + std::to_string(f.low) +
                                   ".." + std::to_string(f.high);
      CAPTURE(n, found);
      CHECK(std::count(found.begin(), found.end(), expected) == numbers);
    };
    CHECK(problems_of(with_number(f.fields, f.low)).empty());
    CHECK(problems_of(with_number(f.fields, f.high)).empty());
    refused(f.low - 1);
    refused(f.high + 1);
    refused(std::numeric_limits<int>::max());
  }
}

TEST_CASE("io: every default lies within the bounds of a programme document") {
  auto doc = io::read_programme_file(data_dir + "/sample_programme.json");
  doc.roles.clear();
  for (std::size_t i = 0; i < enum_keys<supporter_role>::keys.size(); ++i) {
    const auto kind = static_cast<supporter_role>(i);
    doc.roles.push_back({std::string(name_of(kind)), kind, default_parameters(kind)});
  }
  doc.selection_rules = {{supporter_role::peer_buddy, default_profile(supporter_role::peer_buddy)}};
  doc.schedule = {};
  doc.data.supervision = {};
  CHECK(problems_of(io::to_json(doc).dump()).empty());
}

TEST_CASE("io: the schedule's problems are located at the document's own paths") {
  CHECK(
      problems_of(with_number(R"("schedule": {"intervision_group_size": %})", 0)) ==
      std::vector<std::string>{
          "data.out_of_range programme.json: schedule.intervision_group_size: 0 is outside 1..30"});
  CHECK(problems_of(R"({"school": "sample_school.json", "year": "2025-2026",
                        "schedule": {"start": "2024-09-01"}})") ==
        std::vector<std::string>{
            "schedule.out_of_range programme.json: schedule.start: expected a day within "
            "school year 2025-2026, found 2024-09-01"});
  // What the document accepts, the year planner accepts too.
  const auto doc = io::read_programme(
      with_number(R"("year": "2025-2026", "schedule": {"intervision_group_size": 1,
                    "bonding_weeks": %, "project_week_interval": %})",
                  52),
      "programme.json", data_dir);
  const school_calendar cal{
      doc.the_school.region, read_holidays_file(data_dir + "/school_holidays_nl.csv"), {}};
  CHECK(doc.programme().plan_year(cal, doc.data.applications).outcome ==
        schedule_outcome::scheduled);
}

TEST_CASE("io: a number beyond its kind says the range") {
  CHECK(
      problems_of(
          R"({"school": "sample_school.json", "applications": [{"id": 4294967296, "student": -1, "role": "peer_buddy"}]})") ==
      std::vector<std::string>{"data.out_of_range programme.json: applications[0].id: 4294967296 "
                               "is above the largest id, "
                               "4294967295",
                               "data.out_of_range programme.json: applications[0].student: -1 is "
                               "below the smallest id, 0"});
  CHECK(problems_of(with_number(R"("schedule": {"bonding_weeks": %})", 2147483648LL)) ==
        std::vector<std::string>{
            "data.out_of_range programme.json: schedule.bonding_weeks: 2147483648 is outside "
            "-2147483648..2147483647"});
  CHECK(problems_of(with_number(R"("schedule": {"bonding_weeks": %})", -2147483649LL)) ==
        std::vector<std::string>{
            "data.out_of_range programme.json: schedule.bonding_weeks: -2147483649 is outside "
            "-2147483648..2147483647"});
}

TEST_CASE("io: a wrong format is shown cut short") {
  const auto found = problems_of(R"({"school": "sample_school.json", "peerkit": ")" +
                                 std::string(60'000, 'x') + "\"}");
  REQUIRE(found.size() == 1);
  CHECK(found[0] ==
        "json.unknown_value programme.json: peerkit: expected \"programme/1\", found \"" +
            std::string(39, 'x') + "…");
}

TEST_CASE("io: a programme written without its special-category values reads but does not run") {
  auto doc = io::read_programme_file(data_dir + "/sample_programme.json");
  doc.school_file.clear();  // inline, as a run's output writes it
  const auto left_out = io::read_programme(io::to_json(doc).dump(), "programme.json", data_dir);
  CHECK(left_out.the_school.special_category_left_out);
  CHECK(left_out.data == doc.data);
  CHECK(peerkit_test::problems_of([&] { (void)left_out.programme(); }) ==
        std::vector<std::string>{
            "privacy.values_left_out programme.json: school: the school was written without its "
            "special-category values; run the original document or one written with "
            "--reveal-special-category"});
  const access_purpose rerun{"test: a run of the written programme"};
  const auto revealed = io::read_programme(io::to_json(doc, {rerun}).dump(), "programme.json",
                                           data_dir);
  CHECK(revealed.the_school == doc.the_school);
  CHECK_NOTHROW(revealed.programme());
}
