// `peerkit simulate`: the shipped scenarios, the same bytes on any thread count, the
// tables it writes and the errors it reports.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>
#include <peerkit/io/text_file.hpp>
#include <peerkit/simulation/parameters.hpp>
#include <peerkit/simulation/sweep.hpp>

#include "tool_runner.hpp"

namespace fs = std::filesystem;
using json = nlohmann::ordered_json;

namespace {

const fs::path scenario_dir = fs::path(PEERKIT_SOURCE_DIR) / "examples" / "scenarios";

/// A scratch directory that saves documents.
struct scratch : scratch_dir {
  explicit scratch(const std::string& name) : scratch_dir("simulate-" + name) {}
  void save(const std::string& file, const json& j) const {
    std::ofstream(dir / file, std::ios::binary) << j.dump(1);
  }
};

/// A small sweep on the sample school: intervision every two or four weeks.
json small_sweep(int replications) {
  return {{"peerkit", "sweep/1"},
          {"name", "small"},
          {"description", "intervision every two or four weeks"},
          {"programme", (sample_dir / "sample_programme.json").string()},
          {"holidays", (sample_dir / "school_holidays_nl.csv").string()},
          {"seed", 11},
          {"replications", replications},
          {"outputs", {{"pairs", true}, {"weeks", true}, {"charts", true}}},
          {"scenarios",
           {{{"name", "every 2 weeks"}, {"parameters", {{"intervision_interval_weeks", 2}}}},
            {{"name", "every 4 weeks"}, {"parameters", {{"intervision_interval_weeks", 4}}}}}}};
}

/// The rows of a CSV file without quoted fields, the header first.
std::vector<std::vector<std::string>> csv_rows(const fs::path& file) {
  std::vector<std::vector<std::string>> rows;
  std::istringstream lines(peerkit::io::read_text_file(file));
  for (std::string line; std::getline(lines, line);) {
    REQUIRE(line.ends_with('\r'));
    line.pop_back();
    std::vector<std::string> cells;
    std::istringstream fields(line);
    for (std::string cell; std::getline(fields, cell, ',');) cells.push_back(cell);
    if (line.ends_with(',')) cells.emplace_back();
    rows.push_back(std::move(cells));
  }
  return rows;
}

/// Every file of a directory, by name, with its bytes.
std::map<std::string, std::string> files_of(const fs::path& dir) {
  std::map<std::string, std::string> out;
  for (const auto& entry : fs::directory_iterator(dir))
    out[entry.path().filename().string()] = peerkit::io::read_text_file(entry.path());
  return out;
}

}  // namespace

TEST_CASE("simulate: every shipped scenario runs") {
  const scratch s("shipped");
  std::size_t scenarios = 0;
  for (const auto& entry : fs::directory_iterator(scenario_dir)) {
    if (entry.path().extension() != ".json") continue;
    ++scenarios;
    const auto name = entry.path().stem().string();
    INFO(name);
    const auto o = tool("simulate '" + entry.path().string() + "' --threads 2 --output " + name,
                        s.dir);
    REQUIRE(o.code == 0);
    CHECK(o.out.rfind("wrote 6 files to " + name + ": ", 0) == 0);
    for (const char* f :
         {"runs.csv", "pairs.csv", "points.csv", "summary.csv", "survival.svg", "outcomes.svg"})
      CHECK(fs::exists(s.dir / name / f));
    // One row per run (of one year), none failed.
    const auto doc = json::parse(peerkit::io::read_text_file(entry.path()));
    const auto points = doc.contains("scenarios") ? doc["scenarios"].size() : 1;
    const auto runs = csv_rows(s.dir / name / "runs.csv");
    CHECK(runs.size() == 1 + points * doc["replications"].get<std::size_t>());
    const auto error = runs[0].size() - 1;
    for (std::size_t i = 1; i < runs.size(); ++i) CHECK(runs[i][error].empty());
  }
  CHECK(scenarios == 6);
}

TEST_CASE("simulate: the same bytes in every file on one thread and on two") {
  const scratch s("threads");
  for (const auto& entry : fs::directory_iterator(scenario_dir)) {
    if (entry.path().extension() != ".json") continue;
    const auto name = entry.path().stem().string();
    INFO(name);
    // The shipped document with fewer replications, its files found from here.
    auto doc = json::parse(peerkit::io::read_text_file(entry.path()));
    doc["replications"] = 30;
    for (const char* file : {"programme", "holidays"})
      doc[file] = (scenario_dir / doc[file].get<std::string>()).string();
    doc["outputs"] = {{"pairs", true}, {"weeks", true}, {"charts", true}};
    s.save(name + ".json", doc);
    REQUIRE(tool("simulate " + name + ".json --output " + name + "-1", s.dir).code == 0);
    REQUIRE(tool("simulate " + name + ".json --threads 2 --output " + name + "-2", s.dir).code ==
            0);
    const auto one = files_of(s.dir / (name + "-1"));
    const auto two = files_of(s.dir / (name + "-2"));
    CHECK(one.size() == 7);
    CHECK(one.size() == two.size());
    for (const auto& [file, bytes] : one) {
      INFO(file);
      REQUIRE(two.count(file) == 1);
      CHECK(bytes == two.at(file));
    }
  }
}

TEST_CASE("simulate: runs, points and summary record every run, parameter and figure") {
  const scratch s("tables");
  s.save("small.json", small_sweep(20));
  REQUIRE(tool("simulate small.json --output out", s.dir).code == 0);

  const auto points = csv_rows(s.dir / "out" / "points.csv");
  REQUIRE(points.size() == 3);
  std::vector<std::string> header{"point", "name"};
  for (const auto& p : peerkit::parameter_table()) header.emplace_back(p.name);
  CHECK(points[0] == header);
  CHECK(points[1][1] == "every 2 weeks");
  CHECK(points[2][1] == "every 4 weeks");
  const auto interval = static_cast<std::size_t>(
      std::find(header.begin(), header.end(), "intervision_interval_weeks") - header.begin());
  CHECK(points[1][interval] == "2");
  CHECK(points[2][interval] == "4");

  const auto runs = csv_rows(s.dir / "out" / "runs.csv");
  REQUIRE(runs.size() == 41);
  CHECK(std::vector<std::string>(runs[0].begin(), runs[0].begin() + 6) ==
        std::vector<std::string>{"run", "point", "scenario", "replication", "seed", "year"});
  CHECK(runs[0].back() == "error");
  for (std::size_t i = 1; i < runs.size(); ++i) {
    CHECK(runs[i][0] == std::to_string(i - 1));
    CHECK(runs[i][1] == std::to_string((i - 1) / 20));
    CHECK(runs[i][3] == std::to_string((i - 1) % 20));
    CHECK(runs[i][4] == "11");
  }

  // Per point, year and figure; the second point with its paired difference from the first.
  const auto summary = csv_rows(s.dir / "out" / "summary.csv");
  CHECK(summary[0] == std::vector<std::string>{"point", "name", "year", "figure", "n", "mean", "sd",
                                               "ci_low", "ci_high", "difference",
                                               "difference_ci_low", "difference_ci_high"});
  REQUIRE(summary.size() == 1 + 2 * peerkit::summary_figures().size());
  for (std::size_t i = 1; i < summary.size(); ++i) {
    const auto& row = summary[i];
    CHECK(row[4] == "20");
    CHECK(std::stod(row[7]) <= std::stod(row[5]));
    CHECK(std::stod(row[5]) <= std::stod(row[8]));
    if (row[0] == "0") {
      CHECK(row[9].empty());
    } else {
      REQUIRE_FALSE(row[9].empty());
      CHECK(std::stod(row[10]) <= std::stod(row[9]));
      CHECK(std::stod(row[9]) <= std::stod(row[11]));
    }
  }
  // Every four weeks plans fewer sessions than every two, replication by replication.
  const auto planned = static_cast<std::size_t>(
      std::find(runs[0].begin(), runs[0].end(), "sessions_planned") - runs[0].begin());
  REQUIRE(planned < runs[0].size());
  for (std::size_t r = 1; r <= 20; ++r)
    CHECK(std::stoi(runs[r + 20][planned]) < std::stoi(runs[r][planned]));

  const auto weeks = csv_rows(s.dir / "out" / "weeks.csv");
  CHECK(weeks[0] == std::vector<std::string>{"run", "point", "replication", "year", "monday",
                                             "active_pairs", "meetings_held", "mean_closeness"});
  CHECK(weeks.size() > 40);
  const auto pairs = csv_rows(s.dir / "out" / "pairs.csv");
  CHECK(pairs[0][5] == "pair");
  CHECK(pairs.size() > 40);
  const auto survival = peerkit::io::read_text_file(s.dir / "out" / "survival.svg");
  CHECK(survival.find("every 4 weeks") != std::string::npos);
}

TEST_CASE("simulate: JSON Lines hold the same rows as CSV") {
  const scratch s("jsonl");
  s.save("small.json", small_sweep(5));
  REQUIRE(tool("simulate small.json --output csv", s.dir).code == 0);
  REQUIRE(tool("simulate small.json --output jsonl --format jsonl --threads 2", s.dir).code == 0);
  for (const char* table : {"runs", "pairs", "weeks", "points", "summary"}) {
    INFO(table);
    const auto csv = csv_rows(s.dir / "csv" / (std::string(table) + ".csv"));
    std::istringstream lines(
        peerkit::io::read_text_file(s.dir / "jsonl" / (std::string(table) + ".jsonl")));
    std::size_t n = 0;
    for (std::string line; std::getline(lines, line); ++n) {
      const auto row = json::parse(line);
      REQUIRE(row.size() == csv[0].size());
      std::size_t column = 0;
      for (const auto& [key, value] : row.items()) CHECK(key == csv[0][column++]);
    }
    CHECK(n + 1 == csv.size());
  }
  const auto runs = peerkit::io::read_text_file(s.dir / "jsonl" / "runs.jsonl");
  const auto first = json::parse(runs.substr(0, runs.find('\n')));
  CHECK(first["scenario"] == "every 2 weeks");
  CHECK(first["error"].is_null());
  CHECK(first["seed"] == 11);
}

TEST_CASE("simulate: an error in the document is located, and nothing is written") {
  const scratch s("bad");
  auto doc = small_sweep(5);
  doc["scenarios"][1]["parameters"]["intervision_interval_weeks"] = 40;
  s.save("bad.json", doc);
  const auto o = tool("simulate bad.json --output out", s.dir);
  CHECK(o.code == 2);
  CHECK(o.out.find("bad.json") != std::string::npos);
  CHECK(o.out.find("scenarios[1]") != std::string::npos);
  CHECK(o.out.find("[data.out_of_range]") != std::string::npos);
  CHECK_FALSE(fs::exists(s.dir / "out"));
}

TEST_CASE("simulate: usage errors and refused output") {
  const scratch s("usage");
  s.save("small.json", small_sweep(2));
  CHECK(tool("simulate small.json", s.dir).code == 1);
  CHECK(tool("simulate --output out", s.dir).code == 1);
  for (const char* bad : {"x", "-1", "2000", "''"}) {
    const auto o = tool(std::string("simulate small.json --output out --threads ") + bad, s.dir);
    CHECK(o.code == 1);
    CHECK(o.out.find("--threads takes") != std::string::npos);
  }
  CHECK(tool("simulate small.json --output out --format xml", s.dir).code == 1);
  CHECK(tool("simulate small.json --output out --threads 0", s.dir).code == 0);
  const auto again = tool("simulate small.json --output out", s.dir);
  CHECK(again.code == 4);
  CHECK(again.out.find("[io.directory_not_empty]") != std::string::npos);
  CHECK(tool("simulate small.json --output out --force --format jsonl", s.dir).code == 0);
  CHECK(fs::exists(s.dir / "out" / "runs.jsonl"));
  // Only the results: no temporary file is left behind.
  for (const auto& entry : fs::directory_iterator(s.dir / "out"))
    CHECK(entry.path().filename().string().front() != '.');
}
