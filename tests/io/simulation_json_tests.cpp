// Scenario and sweep documents: a programme or a population given by counts, every kind
// of design, the schemas, and each problem's id and location in the file.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <peerkit/io/simulation_json.hpp>

#include "../problems.hpp"
#include "json_schema_validator.hpp"

using namespace peerkit;
using io::json;
using peerkit_test::problems_of;
using namespace peerkit::test;
using Catch::Matchers::StartsWith;

namespace {

// Documents are read as if they lay next to the sample data, which their paths name.
const std::string data_dir = std::string(PEERKIT_SOURCE_DIR) + "/examples/data";

io::simulation_document read(const json& doc) {
  return io::read_simulation(doc.dump(), data_dir + "/whatif.json");
}

std::vector<std::string> text_problems(const std::string& text) {
  return problems_of([&] { (void)io::read_simulation(text, data_dir + "/whatif.json"); });
}
std::vector<std::string> problems(const json& doc) { return text_problems(doc.dump()); }

json with_programme() {
  return {{"peerkit", "scenario/1"},
          {"name", "fewer meetings"},
          {"description", "what if pairs meet less often"},
          {"programme", "sample_programme.json"},
          {"holidays", "school_holidays_nl.csv"},
          {"parameters", {{"meeting_attendance", 0.7}, {"coaches", 3}}},
          {"seed", 42},
          {"replications", 200},
          {"years", 3},
          {"common_random_numbers", false},
          {"outputs", {{"pairs", false}, {"weeks", true}}}};
}

json with_population(std::string_view version = "scenario/1") {
  return {{"peerkit", version},
          {"name", "study"},
          {"population",
           {{"role", "peer_buddy"},
            {"pairs", 12},
            {"waiting", 3},
            {"coaches", 2},
            {"interval_weeks", 2},
            {"first_day", "2025-09-01"},
            {"last_day", "2026-06-30"},
            {"region", "zuid"}}},
          {"holidays", "school_holidays_nl.csv"}};
}

json sweep_with(const std::string& design, json spec) {
  auto doc = with_population("sweep/1");
  doc[design] = std::move(spec);
  return doc;
}

}  // namespace

TEST_CASE("simulation: a scenario runs from a programme document", "[simulation]") {
  const auto doc = read(with_programme());
  CHECK(doc.kind == "scenario");
  CHECK(doc.name == "fewer meetings");
  CHECK(doc.description == "what if pairs meet less often");
  REQUIRE(doc.programme);
  CHECK_FALSE(doc.synthetic);
  CHECK(doc.calendar.region == doc.programme->the_school.region);
  CHECK_FALSE(doc.calendar.holidays.empty());

  const auto& s = doc.experiment;
  REQUIRE(s.points.size() == 1);
  CHECK(s.points[0].name == "fewer meetings");
  CHECK(s.points[0].parameters.meeting_attendance == 0.7);
  CHECK(s.points[0].parameters.coaches == 3);
  CHECK(s.seed == 42);
  CHECK(s.replications == 200);
  CHECK(s.years == 3);
  CHECK_FALSE(s.common_random_numbers);
  CHECK(s.weeks);
  CHECK_FALSE(doc.outputs.pairs);
  CHECK(doc.outputs.weeks);
  CHECK(doc.outputs.charts);

  // The rematch parameters start from the school's own policy.
  const auto& policy = doc.programme->data.supervision.rematch;
  CHECK(s.rematch == policy);
  CHECK(s.points[0].parameters.rematch_pause_days == policy.pause_days);
  CHECK(s.points[0].parameters.max_rematches == policy.max_rematches_per_year);

  const auto plan = doc.plan_for(s.points[0].parameters);
  CHECK_FALSE(plan.pairs.empty());
  CHECK(plan.coaches == 3);
}

TEST_CASE("simulation: a scenario runs from a population given by counts", "[simulation]") {
  auto text = with_population();
  text["parameters"] = {{"monthly_closure_hazard", 0.05}};
  const auto doc = read(text);
  REQUIRE(doc.synthetic);
  CHECK_FALSE(doc.programme);
  CHECK(doc.synthetic->role == supporter_role::peer_buddy);
  CHECK(doc.synthetic->pairs == 12);
  CHECK(doc.synthetic->waiting == 3);
  CHECK(doc.synthetic->reserves == 0);
  CHECK(doc.synthetic->interval_weeks == 2);
  CHECK(doc.synthetic->first_day == date(2025, 9, 1));
  CHECK(doc.calendar.region == holiday_region::zuid);
  CHECK(doc.experiment.rematch == rematch_policy{});
  REQUIRE(doc.experiment.points.size() == 1);
  CHECK(doc.experiment.points[0].parameters.monthly_closure_hazard == 0.05);
  // Defaults: one replication of one year from seed 1, every output but the weeks.
  CHECK(doc.experiment.replications == 1);
  CHECK(doc.experiment.years == 1);
  CHECK(doc.experiment.seed == 1);
  CHECK(doc.experiment.common_random_numbers);
  CHECK_FALSE(doc.experiment.weeks);

  const auto plan = doc.plan_for(doc.experiment.points[0].parameters);
  CHECK(plan.pairs.size() == 12);
  CHECK(plan.supportee_count() == 15);
}

TEST_CASE("simulation: a sweep of scenarios adds each one's parameters to the document's",
          "[simulation]") {
  auto text = sweep_with(
      "scenarios",
      json::array({{{"name", "as planned"}},
                   {{"name", "no coach"},
                    {"description", "the coach leaves in October"},
                    {"parameters", {{"coach_loss_month", 2}, {"stressed_share", 0.5}}}}}));
  text["parameters"] = {{"stressed_share", 0.3}};
  const auto doc = read(text);
  CHECK(doc.kind == "sweep");
  const auto& points = doc.experiment.points;
  REQUIRE(points.size() == 2);
  CHECK(points[0].name == "as planned");
  CHECK(points[0].parameters.stressed_share == 0.3);
  CHECK(points[0].parameters.coach_loss_month == 0);
  CHECK(points[1].name == "no coach");
  CHECK(points[1].parameters.stressed_share == 0.5);
  CHECK(points[1].parameters.coach_loss_month == 2);
}

TEST_CASE("simulation: a factorial sweep crosses the levels", "[simulation]") {
  const auto doc = read(sweep_with(
      "factorial", {{"meeting_attendance", {0.6, 0.9}}, {"end_of_year_weeks", {0, 4, 8}}}));
  const auto& points = doc.experiment.points;
  REQUIRE(points.size() == 6);
  CHECK(points[0].name == "meeting_attendance=0.6 end_of_year_weeks=0");
  CHECK(points[5].name == "meeting_attendance=0.9 end_of_year_weeks=8");
  CHECK(points[4].parameters.meeting_attendance == 0.9);
  CHECK(points[4].parameters.end_of_year_weeks == 4);
}

TEST_CASE("simulation: a Latin hypercube sweep samples the ranges from its seed", "[simulation]") {
  auto text = sweep_with(
      "latin_hypercube",
      {{"samples", 8}, {"ranges", {{"stress_hazard", {1, 2}}, {"min_effect_weeks", {4, 20}}}}});
  text["seed"] = 7;
  const auto doc = read(text);
  const auto expected = latin_hypercube(
      {{"stress_hazard", 1, 2, false}, {"min_effect_weeks", 4, 20, true}}, 8, 7);
  const auto& points = doc.experiment.points;
  REQUIRE(points.size() == 8);
  for (std::size_t i = 0; i < points.size(); ++i) {
    CHECK(points[i].parameters.stress_hazard == expected.points[i][0]);
    CHECK(points[i].parameters.min_effect_weeks == expected.points[i][1]);
    CHECK(points[i].parameters.min_effect_weeks == std::floor(expected.points[i][1]));
  }
  // A seed of its own gives another design.
  text["latin_hypercube"]["seed"] = 8;
  CHECK(read(text).experiment.points[0].parameters != points[0].parameters);
}

TEST_CASE("simulation: a sweep runs a design given as its points", "[simulation]") {
  const auto doc = read(sweep_with("design", {{"factors", {"urgent_share", "max_rematches"}},
                                              {"points", {{0.1, 0}, {0.4, 2}, {0.2, 1}}}}));
  const auto& points = doc.experiment.points;
  REQUIRE(points.size() == 3);
  CHECK(points[1].name == "urgent_share=0.4 max_rematches=2");
  CHECK(points[1].parameters.urgent_share == 0.4);
  CHECK(points[1].parameters.max_rematches == 2);
}

TEST_CASE("simulation: the schemas accept what peerkit reads and refuse unknown fields",
          "[simulation]") {
  const auto scenario = schema_file("scenario.schema.json");
  const schema_validator scenarios(scenario);
  const schema_validator sweeps(schema_file("sweep.schema.json"), {scenario});
  CHECK(scenarios.errors(with_programme()).empty());
  CHECK(scenarios.errors(with_population()).empty());
  const auto factorial = sweep_with("factorial", {{"meeting_attendance", {0.6, 0.9}}});
  CHECK(sweeps.errors(factorial).empty());
  CHECK(sweeps.errors(sweep_with("scenarios", json::array({{{"name", "a"}}}))).empty());
  CHECK(sweeps
            .errors(sweep_with("latin_hypercube",
                               {{"samples", 4}, {"ranges", {{"stress_hazard", {1, 2}}}}}))
            .empty());
  CHECK(sweeps.errors(sweep_with("design", {{"factors", {"urgent_share"}}, {"points", {{0.1}}}}))
            .empty());

  auto unknown = with_programme();
  unknown["parameters"]["meeting_atendance"] = 0.5;
  CHECK_FALSE(scenarios.errors(unknown).empty());
  auto scenario_with_design = with_population();
  scenario_with_design["factorial"] = factorial["factorial"];
  CHECK_FALSE(scenarios.errors(scenario_with_design).empty());     // a scenario has no design
  CHECK_FALSE(sweeps.errors(with_population("sweep/1")).empty());  // a sweep needs one

  // The schema's parameters are the model's, with the same bounds.
  const auto& properties = scenario.at("$defs").at("parameters").at("properties");
  CHECK(properties.size() == parameter_table().size());
  for (const auto& row : parameter_table()) {
    INFO(row.name);
    REQUIRE(properties.contains(std::string(row.name)));
    const auto& p = properties.at(std::string(row.name));
    CHECK(p.at("minimum").get<double>() == row.low);
    CHECK(p.at("maximum").get<double>() == row.high);
    CHECK(p.at("type") == (row.integer ? "integer" : "number"));
  }
}

TEST_CASE("simulation: every problem is located in the document", "[simulation]") {
  SECTION("an unknown field, with the name it was likely meant to be") {
    auto doc = with_programme();
    doc["replicatoins"] = 3;
    CHECK(problems(doc) ==
          std::vector<std::string>{"json.unknown_field whatif.json: replicatoins: unknown field "
                                   "'replicatoins'; did you mean 'replications'?"});
  }
  SECTION("a design in a scenario") {
    auto doc = with_programme();
    doc["factorial"] = {{"meeting_attendance", {0.5}}};
    const auto found = problems(doc);
    REQUIRE(found.size() == 1);
    CHECK_THAT(found[0], StartsWith("json.unknown_field whatif.json: factorial: "));
  }
  SECTION("an unknown parameter") {
    auto doc = with_programme();
    doc["parameters"]["meeting_atendance"] = 0.5;
    const auto found = problems(doc);
    REQUIRE(found.size() == 1);
    CHECK_THAT(found[0], StartsWith("simulation.unknown_parameter whatif.json: "
                                    "parameters.meeting_atendance: "));
  }
  SECTION("a value outside the parameter's bounds") {
    auto doc = with_programme();
    doc["parameters"]["meeting_attendance"] = 1.5;
    CHECK(problems(doc) ==
          std::vector<std::string>{"data.out_of_range whatif.json: parameters.meeting_attendance: "
                                   "meeting_attendance must be within 0..1, found 1.5"});
  }
  SECTION("a parameter that is not a number") {
    auto doc = with_programme();
    doc["parameters"]["meeting_attendance"] = "high";
    CHECK_THAT(problems(doc).at(0),
               StartsWith("json.wrong_type whatif.json: parameters.meeting_attendance: "));
  }
  SECTION("both a programme and a population") {
    auto doc = with_programme();
    doc["population"] = with_population()["population"];
    const auto found = problems(doc);
    REQUIRE(found.size() == 1);
    CHECK_THAT(found[0], StartsWith("data.inconsistent whatif.json: population: "));
  }
  SECTION("neither a programme nor a population") {
    auto doc = with_programme();
    doc.erase("programme");
    CHECK(problems(doc) ==
          std::vector<std::string>{"json.missing_field whatif.json: missing required field "
                                   "'programme' or 'population'"});
  }
  SECTION("a programme document that is not there") {
    auto doc = with_programme();
    doc["programme"] = "no_such_programme.json";
    const auto found = problems(doc);
    REQUIRE(found.size() == 1);
    CHECK_THAT(found[0], StartsWith("io.cannot_read whatif.json: programme: "));
  }
  SECTION("a version peerkit does not read") {
    for (const auto& version : {json("scenario/2"), json("programme/1"), json(1)}) {
      auto doc = with_programme();
      doc["peerkit"] = version;
      const auto found = problems(doc);
      REQUIRE(found.size() == 1);
      CHECK_THAT(found[0], StartsWith("json.unknown_value whatif.json: peerkit: expected "
                                      "\"scenario/1\" or \"sweep/1\""));
    }
    auto doc = with_programme();
    doc["peerkit"] = std::string(60'000, 'x');
    CHECK(problems(doc) == std::vector<std::string>{
                               "json.unknown_value whatif.json: peerkit: expected \"scenario/1\" "
                               "or \"sweep/1\", found \"" +
                               std::string(39, 'x') + "…"});
    doc.erase("peerkit");
    CHECK_THAT(problems(doc).at(0), StartsWith("json.missing_field whatif.json: "));
  }
  SECTION("a parameter that changes the plan, with a population given by counts") {
    auto scenario = with_population();
    scenario["parameters"] = {{"training_half_days", 3}};
    CHECK(problems(scenario) ==
          std::vector<std::string>{
              "simulation.plan_parameter whatif.json: parameters.training_half_days: "
              "training_half_days changes the plan, which a population given by counts does "
              "not have; set population.training_sessions instead"});
    const auto located = [](const json& doc) {
      const auto found = problems(doc);
      REQUIRE(found.size() == 1);
      CHECK_THAT(found[0], StartsWith("simulation.plan_parameter whatif.json: "));
      return found[0].substr(0, found[0].find(": ", found[0].find(": ") + 2));
    };
    CHECK(located(sweep_with("factorial", {{"coaches", {1, 2}}})) ==
          "simulation.plan_parameter whatif.json: factorial.coaches");
    CHECK(
        located(
            sweep_with("latin_hypercube",
                       {{"samples", 3}, {"ranges", {{"intervision_interval_weeks", {2, 6}}}}})) ==
        "simulation.plan_parameter whatif.json: latin_hypercube.ranges.intervision_interval_weeks");
    CHECK(located(sweep_with("design", {{"factors", {"urgent_share", "buddy_supportees_max"}},
                                        {"points", {{0.1, 2}}}})) ==
          "simulation.plan_parameter whatif.json: design.factors[1]");
    CHECK(located(sweep_with("scenarios",
                             json::array({{{"name", "a"}, {"parameters", {{"coaches", 4}}}}}))) ==
          "simulation.plan_parameter whatif.json: scenarios[0].parameters.coaches");
    // The same parameters are fine with a programme, which is planned again.
    auto programme = with_programme();
    programme["parameters"]["training_half_days"] = 3;
    CHECK(problems(programme).empty());
  }
  SECTION("counts that are negative, huge or not whole") {
    const auto first = [](const json& doc) {
      const auto found = problems(doc);
      REQUIRE(found.size() == 1);
      return found[0];
    };
    auto doc = with_population();
    doc["replications"] = -1;
    CHECK(first(doc) == "data.out_of_range whatif.json: replications: -1 is outside 1..1000000");
    doc = with_population();
    doc["replications"] = 1'000'000'000'000;
    CHECK_THAT(first(doc), StartsWith("data.out_of_range whatif.json: replications: "));
    doc = with_population();
    doc["years"] = 51;
    CHECK_THAT(first(doc), StartsWith("data.out_of_range whatif.json: years: "));
    doc = with_population();
    doc["years"] = 2.5;
    CHECK_THAT(first(doc), StartsWith("json.wrong_type whatif.json: years: "));
    doc = with_population();
    doc["seed"] = std::uint64_t{1} << 60;
    CHECK_THAT(first(doc), StartsWith("data.out_of_range whatif.json: seed: "));
    doc = with_population();
    doc["seed"] = -3;
    CHECK_THAT(first(doc), StartsWith("data.out_of_range whatif.json: seed: "));
    doc = with_population();
    doc["population"]["pairs"] = -5;
    CHECK(first(doc) ==
          "data.out_of_range whatif.json: population.pairs: -5 is outside 0..1000000");
    doc["population"]["pairs"] = 1'000'001;
    CHECK(first(doc) ==
          "data.out_of_range whatif.json: population.pairs: 1000001 is outside 0..1000000");
    doc["population"]["pairs"] = 1'000'000;
    doc["population"]["coaches"] = 1001;
    CHECK(first(doc) ==
          "data.out_of_range whatif.json: population.coaches: 1001 is outside 1..1000");
    doc = with_population();
    doc["population"]["waiting"] = std::uint64_t{1} << 63;
    CHECK_THAT(first(doc), StartsWith("data.out_of_range whatif.json: population.waiting: "));
    doc = with_population();
    doc["population"]["coaches"] = 0;
    CHECK_THAT(first(doc), StartsWith("data.out_of_range whatif.json: population.coaches: "));
    doc = with_population();
    doc["population"]["last_day"] = "2026-09-01";
    CHECK_THAT(first(doc), StartsWith("data.out_of_range whatif.json: population.last_day: "));
    doc = with_population();
    doc["population"].erase("region");
    CHECK_THAT(first(doc), StartsWith("json.missing_field whatif.json: population: "));
    CHECK_THAT(first(sweep_with("latin_hypercube",
                                {{"samples", 100'001}, {"ranges", {{"stress_hazard", {1, 2}}}}})),
               StartsWith("data.out_of_range whatif.json: latin_hypercube.samples: "));
    // Ten factors of ten levels would be 10^10 points: refused before any is made.
    json levels = json::object();
    for (const auto* name : {"meeting_attendance", "initial_closeness", "closeness_gain",
                             "closeness_loss", "bonding_gain", "stressed_share", "urgent_share",
                             "safety_share", "response_on_time", "support_floor"})
      levels[name] = {0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9};
    CHECK(first(sweep_with("factorial", levels)) ==
          "data.out_of_range whatif.json: factorial: the levels make more than 100000 points");
  }
  SECTION("the designs' own problems") {
    CHECK_THAT(problems(with_population("sweep/1")).at(0),
               StartsWith("json.missing_field whatif.json: missing a design"));
    auto two = sweep_with("factorial", {{"meeting_attendance", {0.5}}});
    two["scenarios"] = json::array({{{"name", "a"}}});
    CHECK_THAT(problems(two).at(0), StartsWith("data.inconsistent whatif.json: factorial: "));
    CHECK_THAT(problems(sweep_with("factorial", {{"meeting_attendance", {0.5, 2}}})).at(0),
               StartsWith("data.out_of_range whatif.json: factorial.meeting_attendance[1]: "));
    CHECK_THAT(problems(sweep_with("factorial", {{"meeting_attendance", json::array()}})).at(0),
               StartsWith("data.out_of_range whatif.json: factorial.meeting_attendance: "));
    CHECK_THAT(problems(sweep_with("latin_hypercube",
                                   {{"samples", 3}, {"ranges", {{"stress_hazard", {2, 1}}}}}))
                   .at(0),
               StartsWith("data.out_of_range whatif.json: latin_hypercube.ranges.stress_hazard: "));
    CHECK_THAT(problems(sweep_with("latin_hypercube",
                                   {{"samples", 3}, {"ranges", {{"min_effect_weeks", {1.5, 9}}}}}))
                   .at(0),
               StartsWith("data.out_of_range whatif.json: "
                          "latin_hypercube.ranges.min_effect_weeks[0]: "));
    CHECK(problems(sweep_with("design", {{"factors", {"urgent_share", "no_such_parameter"}},
                                         {"points", {{0.1, 2}}}})) ==
          std::vector<std::string>{"design.unknown_factor whatif.json: design.factors[1]: a "
                                   "factor that the model does not have"});
    CHECK_THAT(problems(sweep_with("design", {{"factors", {"urgent_share"}},
                                              {"points", {{0.1}, {0.2, 0.3}}}}))
                   .at(0),
               StartsWith("design.point_width whatif.json: design.points[1]: "));
    CHECK_THAT(
        problems(sweep_with("design", {{"factors", {"urgent_share"}}, {"points", {{0.1}, {1.2}}}}))
            .at(0),
        StartsWith("data.out_of_range whatif.json: design.points[1].urgent_share: "));
    const auto same_names = sweep_with("scenarios",
                                       json::array({{{"name", "a"}}, {{"name", "a"}}}));
    CHECK(problems(same_names) ==
          std::vector<std::string>{"data.duplicate whatif.json: scenarios[1].name: another "
                                   "scenario has this name"});
  }
  SECTION("a key given twice") {
    CHECK_THAT(text_problems(R"({"peerkit": "scenario/1", "name": "a", "name": "b",
                             "population": {}})")
                   .at(0),
               StartsWith("json.duplicate_key whatif.json: name: "));
  }
  SECTION("a hostile key is not echoed whole") {
    auto doc = with_programme();
    doc[std::string(1'000'000, 'x')] = 1;
    doc["parameters"][std::string(1'000'000, 'y')] = 1;
    const auto found = problems(doc);
    REQUIRE(found.size() == 2);
    for (const auto& line : found) CHECK(line.size() < 300);  // not a million
    CHECK_THAT(found[0], StartsWith("json.unknown_field whatif.json: xxxx"));
    CHECK_THAT(found[1], StartsWith("simulation.unknown_parameter whatif.json: parameters.yyyy"));
  }
}

TEST_CASE("simulation: a scenario file is read from its folder", "[simulation]") {
  namespace fs = std::filesystem;
  const auto folder = fs::temp_directory_path() / "peerkit_simulation_json_tests";
  fs::create_directories(folder);
  const auto write = [&](const std::string& name, const json& doc) {
    std::ofstream(folder / name) << doc.dump();
    return folder / name;
  };
  auto doc = with_programme();
  doc["programme"] = "programme.json";
  doc.erase("holidays");
  auto programme = json::parse(io::read_text_file(data_dir + "/sample_programme.json"));
  programme["school"] = data_dir + "/sample_school.json";  // an absolute path stays as it is
  write("programme.json", programme);
  const auto read_back = io::read_simulation_file(write("whatif.json", doc));
  CHECK(read_back.programme);
  CHECK(read_back.calendar.holidays.empty());  // for the caller to add

  // The programme's own problems are located in its file.
  programme["colour"] = "blue";
  write("programme.json", programme);
  CHECK(problems_of([&] { (void)io::read_simulation_file(folder / "whatif.json"); }) ==
        std::vector<std::string>{
            "json.unknown_field programme.json: colour: unknown field 'colour'"});
  fs::remove_all(folder);
  CHECK_THAT(problems_of([&] { (void)io::read_simulation_file(folder / "whatif.json"); }).at(0),
             StartsWith("io.cannot_read "));
}
