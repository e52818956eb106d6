// Every command of the tool run on a school whose special-category values (origin,
// languages, needs, groups, conflicting groups) and names are markers such as
// "MRKorigin003": no marker may reach standard output, standard error or a file written,
// unless revealed with a purpose; under --pseudonymise no name may either. Bad inputs
// that put markers where a reader stops must not repeat them in their messages.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>
#include <peerkit/io/text_file.hpp>

#include "tool_runner.hpp"

namespace fs = std::filesystem;
using json = nlohmann::ordered_json;

namespace {

void write(const fs::path& p, const std::string& text) {
  std::ofstream(p, std::ios::binary) << text;
}

/// One marker per distinct value of a kind, the same for the same value, so that
/// matching still finds the origins, languages and groups students share.
class marker_set {
 public:
  std::string operator()(const std::string& kind, const std::string& value) {
    auto& given = given_[kind];
    if (const auto it = given.find(value); it != given.end()) return it->second;
    const auto number = std::to_string(1000 + given.size() + 1).substr(1);  // 3 digits
    return given[value] = "MRK" + kind + number;
  }
  std::vector<std::string> of(const std::string& kind) const {
    std::vector<std::string> out;
    if (const auto it = given_.find(kind); it != given_.end())
      for (const auto& [value, marker] : it->second) out.push_back(marker);
    return out;
  }

 private:
  std::map<std::string, std::map<std::string, std::string>> given_;
};

/// What the school's markers and needs are: the texts no output may hold.
struct marked {
  std::vector<std::string> special;  ///< origin, language and group markers, need keys
  std::vector<std::string> names;    ///< student and staff name markers
};

/// The sample school with every name, origin, language and group replaced by a marker,
/// in `dir` as school.json with programme.json, a student CSV of the same students,
/// a key file, a record and a scenario that name them.
marked write_marked_school(const fs::path& dir) {
  auto school = json::parse(peerkit::io::read_text_file(sample_dir / "sample_school.json"));
  marker_set mark;
  std::set<std::string> needs;
  std::string csv = "id;name;gender;year;track;class;languages;origin;needs;groups\n";
  const auto listed = [](const json& list) {
    std::string out;
    for (const auto& v : list) out += (out.empty() ? "" : "|") + v.get<std::string>();
    return out;
  };
  for (auto& s : school["students"]) {
    s["name"] = mark("name", s["name"].get<std::string>());
    if (s.contains("origin")) s["origin"] = mark("origin", s["origin"].get<std::string>());
    for (const char* kind : {"languages", "groups"})
      if (s.contains(kind))
        for (auto& v : s[kind])
          v = mark(kind == std::string("groups") ? "group" : "lang", v.get<std::string>());
    if (s.contains("needs"))
      for (const auto& n : s["needs"]) needs.insert(n.get<std::string>());
    std::string class_name;
    for (const auto& c : school["classes"])
      if (c["id"] == s["class"]) class_name = c["name"].get<std::string>();
    csv += std::to_string(s["id"].get<int>()) + ";" + s["name"].get<std::string>() + ";" +
           s["gender"].get<std::string>() + ";" + std::to_string(s["year"].get<int>()) + ";" +
           s["track"].get<std::string>() + ";" + class_name + ";" +
           listed(s.value("languages", json::array())) + ";" + s.value("origin", "") + ";" +
           listed(s.value("needs", json::array())) + ";" +
           listed(s.value("groups", json::array())) + "\n";
  }
  for (auto& m : school["staff"]) m["name"] = mark("name", m["name"].get<std::string>());
  for (auto& pair : school["conflicting_groups"])
    for (auto& g : pair) g = mark("group", g.get<std::string>());
  write(dir / "school.json", school.dump(1));
  write(dir / "students.csv", csv);

  auto programme = json::parse(peerkit::io::read_text_file(sample_dir / "sample_programme.json"));
  programme["school"] = "school.json";
  write(dir / "programme.json", programme.dump(1));
  write(dir / "key", "a school secret of enough length\n");
  fs::copy_file(sample_dir / "school_holidays_nl.csv", dir / "school_holidays_nl.csv");
  write(dir / "record.json", R"({"peerkit": "record/1", "programme": "programme.json",
 "events": [
  {"event": "application", "on": "2025-09-25", "application": 2, "to": "accepted", "by": 101},
  {"event": "pairing", "on": "2025-10-01", "pair": 1, "role": "peer_buddy",
   "supporters": [1060], "supportees": [1001]},
  {"event": "notice", "on": "2025-10-01", "pair": 1}]})");
  write(dir / "contact.json",
        R"({"event": "contact", "on": "2025-10-08", "pair": 1, "minutes": 45})");
  write(dir / "scenario.json", R"({"peerkit": "scenario/1", "name": "scan",
 "programme": "programme.json", "holidays": "school_holidays_nl.csv", "replications": 2,
 "outputs": {"pairs": true, "weeks": true, "charts": true}})");

  marked m;
  for (const char* kind : {"origin", "lang", "group"})
    for (auto& marker : mark.of(kind)) m.special.push_back(marker);
  for (const auto& need : needs) {
    m.special.push_back(need);
    auto words = need;  // as a report would word it: "shy_or_insecure" as "shy or insecure"
    std::replace(words.begin(), words.end(), '_', ' ');
    if (words != need) m.special.push_back(words);
  }
  m.names = mark.of("name");
  REQUIRE(m.special.size() > 20);  // the sample school has origins, languages, groups, needs
  return m;
}

/// A text the tool gave: a command's standard output and error, or a file it wrote.
struct output {
  std::string command;
  std::string where;  ///< "stdout+stderr" or the file's path in the workspace
  std::string text;
  bool revealed = false;  ///< written with --reveal-special-category
  bool pseudonymised = false;
};

/// Every command of the tool that reads a programme or a record, run once on the marked
/// school, with what each printed and wrote.
struct scanned_run : scratch_dir {
  marked markers;
  std::vector<output> outputs;

  scanned_run() : scratch_dir("cli-privacy-scan") {
    markers = write_marked_school(dir);
    struct command {
      std::string args;
      std::string written;  ///< the directory or file it writes, if any
      int code;
    };
    // The student list has no consent column: its students are left unpaired (code 3).
    // The written state without the values is refused as an input (code 2).
    const std::vector<command> commands{
        {"validate programme.json", "", 0},
        {"validate programme.json --students students.csv", "", 0},
        {"select programme.json", "", 0},
        {"pair programme.json", "", 0},
        {"pair programme.json --students students.csv", "", 3},
        {"plan programme.json", "", 0},
        {"readiness programme.json", "", 0},
        {"run programme.json", "", 0},
        {"run programme.json --output out", "out", 0},
        {"run programme.json --students students.csv --output out-csv", "out-csv", 3},
        {"run out/programme.json --output again", "", 2},
        {"run programme.json --pseudonymise key", "", 0},
        {"run programme.json --pseudonymise key --output pseudonymised", "pseudonymised", 0},
        {"run programme.json --reveal-special-category 'care file backup' --output revealed",
         "revealed", 0},
        {"run revealed/programme.json --reveal-special-category 'care file backup' --output "
         "again",
         "again", 0},
        {"record record.json --add contact.json", "record.json", 0},
        {"status record.json --on 2025-11-20", "", 0},
        {"status record.json --on 2025-11-20 --json", "", 0},
        {"simulate scenario.json --output sim", "sim", 0},
    };
    for (const auto& c : commands) {
      const auto o = tool(c.args, dir);
      INFO(c.args << "\n" << o.out);
      CHECK(o.code == c.code);
      const bool revealed = c.args.find("--reveal") != std::string::npos;
      const bool pseudonymised = c.args.find("--pseudonymise") != std::string::npos;
      outputs.push_back({c.args, "stdout+stderr", o.out, revealed, pseudonymised});
      if (c.written.empty()) continue;
      const auto written = dir / c.written;
      REQUIRE(fs::exists(written));
      std::vector<fs::path> files{written};
      if (fs::is_directory(written))
        files.assign(fs::directory_iterator(written), fs::directory_iterator());
      for (const auto& f : files)
        outputs.push_back({c.args, fs::relative(f, dir).string(), peerkit::io::read_text_file(f),
                           revealed, pseudonymised});
    }
  }
};

const scanned_run& the_run() {
  static const scanned_run run;
  return run;
}

/// Fails once for each of `texts` found in `o`, naming the command, the place and the text.
void check_none_in(const output& o, const std::vector<std::string>& texts) {
  for (const auto& t : texts)
    if (o.text.find(t) != std::string::npos)
      FAIL_CHECK("peerkit " << o.command << ": " << o.where << " holds '" << t << "'");
}

}  // namespace

TEST_CASE("cli: no special-category value leaves any command unless revealed with a purpose") {
  const auto& run = the_run();
  for (const auto& o : run.outputs)
    if (!o.revealed || !o.where.ends_with("programme.json")) check_none_in(o, run.markers.special);

  // The control: revealed, every value is in the written state, so the scan can fail.
  const auto state = std::find_if(run.outputs.begin(), run.outputs.end(), [](const output& o) {
    return o.where == "revealed/programme.json";
  });
  REQUIRE(state != run.outputs.end());
  for (const auto& m : run.markers.special)
    if (m.find(' ') == std::string::npos) {  // the keys, not a report's wording of them
      INFO(m);
      CHECK(state->text.find(m) != std::string::npos);
    }
}

TEST_CASE("cli: pseudonymised output names no student or member of staff") {
  const auto& run = the_run();
  std::size_t scanned = 0;
  for (const auto& o : run.outputs)
    if (o.pseudonymised) {
      check_none_in(o, run.markers.names);
      ++scanned;
    }
  CHECK(scanned > 5);
  // The control: without --pseudonymise the report names them.
  const auto report = std::find_if(run.outputs.begin(), run.outputs.end(),
                                   [](const output& o) { return o.where == "out/report.md"; });
  REQUIRE(report != run.outputs.end());
  CHECK(report->text.find(run.markers.names.front()) != std::string::npos);
}

TEST_CASE("cli: a simulation of a school's programme names no student or member of staff") {
  std::size_t scanned = 0;
  for (const auto& o : the_run().outputs)
    if (o.command.starts_with("simulate")) {
      check_none_in(o, the_run().markers.names);
      ++scanned;
    }
  CHECK(scanned > 3);  // the messages and the tables
}

TEST_CASE("cli: no explanation gives a special-category reason without a reveal") {
  for (const auto& o : the_run().outputs)
    if (!o.revealed)
      check_none_in(o, {"language in common", "country of origin", "conflicting group"});
}

TEST_CASE("cli: a file refused for a special-category value does not repeat it") {
  const scanned_run& run = the_run();
  const auto school = peerkit::io::read_text_file(run.dir / "school.json");
  const std::string quoted = "\"MRKorigin001\"";
  const auto at = school.find(quoted);
  REQUIRE(at != std::string::npos);
  const auto after = at + quoted.size();
  // Each school document breaks right at or after a special-category value.
  const std::vector<std::pair<std::string, std::string>> broken_schools{
      {"a literal after an origin",
       school.substr(0, after) + " MRKorigin002" + school.substr(after)},
      {"a string after an origin",
       school.substr(0, after) + " \"MRKorigin002\"" + school.substr(after)},
      {"an origin not closed", school.substr(0, after - 1) + "\n" + school.substr(after - 1)},
      {"an origin given twice",
       school.substr(0, after) + ", \"origin\": \"MRKorigin002\"" + school.substr(after)},
      {"an origin that is a list",
       school.substr(0, at) + "[" + quoted + "]" + school.substr(after)},
      {"languages that are one string",
       school.substr(0, after) + ", \"languages\": \"MRKlang999\"" + school.substr(after)},
      {"a need that peerkit does not know",
       school.substr(0, after) + ", \"needs\": [\"MRKneed001\"]" + school.substr(after)},
      {"a group that is a number list",
       school.substr(0, after) + ", \"groups\": [\"MRKgroup998\", 7]" + school.substr(after)},
  };
  // The markers only: a message may list the need keys as the choices a value must be.
  std::vector<std::string> markers;
  std::copy_if(run.markers.special.begin(), run.markers.special.end(), std::back_inserter(markers),
               [](const std::string& m) { return m.starts_with("MRK"); });
  for (const char* m : {"MRKorigin002", "MRKlang999", "MRKneed001", "MRKgroup998"})
    markers.push_back(m);
  auto programme = json::parse(peerkit::io::read_text_file(run.dir / "programme.json"));
  programme["school"] = "broken_school.json";
  write(run.dir / "broken_programme.json", programme.dump(1));
  for (const auto& [what, text] : broken_schools) {
    write(run.dir / "broken_school.json", text);
    const auto o = tool("validate broken_programme.json", run.dir);
    INFO(what << "\n" << o.out);
    CHECK(o.code == 2);
    check_none_in({"validate (" + what + ")", "stdout+stderr", o.out, false, false}, markers);
  }

  // A student list without its header row: the first row, data, is not taken for names.
  const auto csv = peerkit::io::read_text_file(run.dir / "students.csv");
  const std::vector<std::pair<std::string, std::string>> broken_lists{
      {"no header row", csv.substr(csv.find('\n') + 1)},
      {"a need that peerkit does not know",
       csv + "9001;MRKname999;female;1;havo;1A;MRKlang997;MRKorigin997;MRKneed002;MRKgroup997\n"},
  };
  for (const char* m : {"MRKname999", "MRKlang997", "MRKorigin997", "MRKneed002", "MRKgroup997"})
    markers.push_back(m);
  for (const auto& [what, text] : broken_lists) {
    write(run.dir / "broken.csv", text);
    const auto o = tool("validate programme.json --students broken.csv", run.dir);
    INFO(what << "\n" << o.out);
    CHECK(o.code == 2);
    check_none_in({"validate --students (" + what + ")", "stdout+stderr", o.out, false, false},
                  markers);
  }
}
