// The command-line tool driven as a user drives it: commands, files, exit codes.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>
#include <peerkit/io/text_file.hpp>

#include "tool_runner.hpp"

namespace fs = std::filesystem;
using json = nlohmann::ordered_json;

namespace {

void write(const fs::path& p, const std::string& text) {
  std::ofstream(p, std::ios::binary) << text;
}

/// A fresh directory holding copies of the sample programme and school.
struct workspace : scratch_dir {
  explicit workspace(const std::string& name) : scratch_dir("cli-" + name) {
    for (const char* f : {"sample_programme.json", "sample_school.json", "school_holidays_nl.csv"})
      fs::copy_file(sample_dir / f, dir / f);
  }
  json load(const std::string& f) const {
    return json::parse(peerkit::io::read_text_file(dir / f));
  }
  void save(const std::string& f, const json& j) const { write(dir / f, j.dump(1)); }
};

}  // namespace

TEST_CASE("cli: demo runs the sample school and reads as a report") {
  const auto o = tool("demo");
  CHECK(o.code == 0);
  CHECK(o.out.rfind("# Peer support 2025-2026 at Het Voorbeeld College", 0) == 0);
  for (const char* section :
       {"## Selection", "## Pairing", "## The year", "## Readiness to go live"})
    CHECK(o.out.find(section) != std::string::npos);
}

TEST_CASE("cli: help for the tool and every command, usage errors") {
  CHECK(tool("help").code == 0);
  for (const char* c :
       {"validate", "select", "pair", "plan", "readiness", "run", "demo", "record", "status"}) {
    const auto o = tool(std::string(c) + " --help");
    CHECK(o.code == 0);
    CHECK(o.out.find(std::string("usage: peerkit ") + c) != std::string::npos);
  }
  const auto unknown = tool("pairs x.json");
  CHECK(unknown.code == 1);
  CHECK(unknown.out.find("unknown command 'pairs'") != std::string::npos);
  CHECK(tool("run").code == 1);
  CHECK(tool("run a.json --colour").code == 1);
}

TEST_CASE("cli: every stage runs on its own") {
  const workspace w("stages");
  CHECK(tool("validate sample_programme.json", w.dir).out.find("valid: 131 students") !=
        std::string::npos);
  CHECK(tool("select sample_programme.json", w.dir).out.find("ranked 1st of 12 needed") !=
        std::string::npos);
  CHECK(tool("pair sample_programme.json", w.dir).out.find("form a duo") != std::string::npos);
  CHECK(tool("plan sample_programme.json", w.dir).out.find("| intervision (peer buddy) |") !=
        std::string::npos);
  CHECK(tool("readiness sample_programme.json", w.dir)
            .out.find("# Readiness to go live: 7-step plan") != std::string::npos);
}

TEST_CASE("cli: run writes every result, and the written state runs to the same result") {
  const workspace w("run");
  const auto o = tool("run sample_programme.json --output out", w.dir);
  REQUIRE(o.code == 0);
  for (const char* f : {"report.md", "result.json", "programme.json", "pairing-peer_buddy.dot",
                        "pairing-peer_buddy.svg", "pairing-newcomer_buddy.dot",
                        "pairing-newcomer_buddy.svg", "year.ics"})
    CHECK(fs::exists(w.dir / "out" / f));
  const auto result = json::parse(peerkit::io::read_text_file(w.dir / "out" / "result.json"));
  CHECK(result["feasible"] == true);
  CHECK(peerkit::io::read_text_file(w.dir / "out" / "year.ics")
            .find("DTSTAMP:20250901T000000Z\r\n") != std::string::npos);

  // The written state holds everything (special-category data only with the access step),
  // and running it again gives the same result and the same state.
  REQUIRE(tool("run sample_programme.json --output full --reveal-special-category 'state backup'",
               w.dir)
              .code == 0);
  REQUIRE(
      tool("run full/programme.json --output again --reveal-special-category 'state backup'", w.dir)
          .code == 0);
  CHECK(peerkit::io::read_text_file(w.dir / "again" / "result.json") ==
        peerkit::io::read_text_file(w.dir / "full" / "result.json"));
  CHECK(peerkit::io::read_text_file(w.dir / "again" / "programme.json") ==
        peerkit::io::read_text_file(w.dir / "full" / "programme.json"));
  CHECK(peerkit::io::read_text_file(w.dir / "full" / "result.json") ==
        peerkit::io::read_text_file(w.dir / "out" / "result.json"));
}

TEST_CASE("cli: SOURCE_DATE_EPOCH is whole seconds since 1970, or the run stops with a reason") {
  const workspace w("epoch");
  for (const char* bad : {"abc", "''", "-1", "1e9", "99999999999999999999", "253402300800"}) {
    INFO(bad);
    const auto o = tool("run sample_programme.json --output out", w.dir, bad);
    CHECK(o.code == 2);
    CHECK(o.out ==
          "peerkit: SOURCE_DATE_EPOCH: expected whole seconds since 1970 from 0 to 253402300799 "
          "[data.out_of_range]\n");
    CHECK_FALSE(fs::exists(w.dir / "out"));
  }
  CHECK(tool("run sample_programme.json --output out", w.dir, "253402300799").code == 0);
}

TEST_CASE("cli: output never overwrites what the user gave") {
  const workspace w("output");
  REQUIRE(tool("run sample_programme.json -o out", w.dir).code == 0);
  const auto again = tool("run sample_programme.json -o out", w.dir);
  CHECK(again.code == 4);
  CHECK(again.out.find("[io.directory_not_empty]") != std::string::npos);
  CHECK(tool("run sample_programme.json -o out --force --reveal-special-category 'state backup'",
             w.dir)
            .code == 0);
  // out/programme.json is the input now: not even --force writes over it
  const auto before = peerkit::io::read_text_file(w.dir / "out" / "programme.json");
  const auto onto_input = tool("run out/programme.json -o out --force", w.dir);
  CHECK(onto_input.code == 4);
  CHECK(onto_input.out.find("[io.output_is_input]") != std::string::npos);
  CHECK(peerkit::io::read_text_file(w.dir / "out" / "programme.json") == before);
}

TEST_CASE("cli: no file the run read is overwritten, the key and the replaced school too") {
  const workspace w("read");
  fs::create_directory(w.dir / "out");
  write(w.dir / "out" / "report.md", "a school secret of enough length");
  const auto onto_key = tool(
      "run sample_programme.json --pseudonymise out/report.md -o out --force", w.dir);
  CHECK(onto_key.code == 4);
  CHECK(onto_key.out.find("out/report.md: expected a file to write, found an input") !=
        std::string::npos);
  CHECK(peerkit::io::read_text_file(w.dir / "out" / "report.md") ==
        "a school secret of enough length");

  // The school document is read even when the school is written inline, pseudonymised.
  auto programme = w.load("sample_programme.json");
  programme["school"] = "out/result.json";
  w.save("programme.json", programme);
  fs::copy_file(w.dir / "sample_school.json", w.dir / "out" / "result.json");
  write(w.dir / "key", "a school secret of enough length");
  const auto onto_school = tool("run programme.json --pseudonymise key -o out --force", w.dir);
  CHECK(onto_school.out.find("out/result.json: expected a file to write, found an input") !=
        std::string::npos);
  CHECK(peerkit::io::read_text_file(w.dir / "out" / "result.json") ==
        peerkit::io::read_text_file(w.dir / "sample_school.json"));
}

TEST_CASE("cli: run's files are the coordinator's only, and no path reaches a shell") {
  const workspace w("private");
  // A directory name that would run a command if it were ever put in a shell's command line,
  // and a `dot` first on the PATH that would tell if the tool ran a program to draw.
  const std::string name = "x';touch INJECTED;'";
  fs::create_directories(w.dir / "bin");
  write(w.dir / "bin" / "dot", "#!/bin/sh\ntouch '" + (w.dir / "RAN").string() + "'\n");
  fs::permissions(w.dir / "bin" / "dot", fs::perms::owner_all);
  REQUIRE(tool("run sample_programme.json -o \"" + name + "\"", w.dir, "1756684800",
               "export PATH=\"$PWD/bin:$PATH\"")
              .code == 0);
  CHECK_FALSE(fs::exists(w.dir / "INJECTED"));
  CHECK_FALSE(fs::exists(w.dir / name / "INJECTED"));
  CHECK_FALSE(fs::exists(w.dir / "RAN"));
  CHECK(fs::status(w.dir / name).permissions() == fs::perms::owner_all);
  for (const auto& f : fs::directory_iterator(w.dir / name))
    CHECK(f.status().permissions() == (fs::perms::owner_read | fs::perms::owner_write));
  // Each pairing graph's picture is drawn by peerkit itself: the same with no program on the
  // PATH at all.
  REQUIRE(tool("run sample_programme.json -o plain", w.dir, "1756684800", "export PATH=/nowhere")
              .code == 0);
  for (const char* picture : {"pairing-peer_buddy.svg", "pairing-newcomer_buddy.svg"}) {
    const auto svg = peerkit::io::read_text_file(w.dir / name / picture);
    CHECK(svg.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg "));
    CHECK(svg.find("role=\"img\" aria-label=\"Pairing: ") != std::string::npos);
    CHECK(peerkit::io::read_text_file(w.dir / "plain" / picture) == svg);
  }
}

TEST_CASE("cli: bad input is reported with file, path and every problem") {
  const workspace w("bad");
  auto school = w.load("sample_school.json");
  school["students"][12]["grades"]["maths"] = 11;
  school["students"][3]["nmae"] = "x";
  w.save("sample_school.json", school);
  const auto o = tool("validate sample_programme.json", w.dir);
  CHECK(o.code == 2);
  CHECK(o.out.find(
            "sample_school.json: students[3].nmae: unknown field 'nmae'; did you mean 'name'?") !=
        std::string::npos);
  w.save("sample_school.json", [&] {
    auto s = w.load("sample_school.json");
    s["students"][3].erase("nmae");
    return s;
  }());
  const auto range = tool("run sample_programme.json", w.dir);
  CHECK(range.code == 2);
  CHECK(range.out.find("sample_school.json: students[12].grades.maths: 11 is outside 1..10 "
                       "[data.out_of_range]") != std::string::npos);
  // duplicate ids and references to unknown ids, reported together
  auto twice = school;
  twice["students"][12]["grades"]["maths"] = 7;
  twice["students"][3].erase("nmae");
  twice["students"][5]["id"] = twice["students"][4]["id"];
  w.save("sample_school.json", twice);
  auto prog = w.load("sample_programme.json");
  prog["applications"][0]["student"] = 99999;
  w.save("sample_programme.json", prog);
  const auto refs = tool("run sample_programme.json", w.dir);
  CHECK(refs.code == 2);
  CHECK(refs.out.find("sample_school.json: students[5].id: id") != std::string::npos);
  CHECK(refs.out.find("[data.duplicate_id]") != std::string::npos);
  twice["students"][5]["id"] = 5555;
  w.save("sample_school.json", twice);
  const auto unknown = tool("run sample_programme.json", w.dir);
  CHECK(unknown.code == 2);
  CHECK(unknown.out.find(
            "applications[0].student: no student has id 99999 [data.unknown_reference]") !=
        std::string::npos);
  write(w.dir / "broken.json", "{\"school\": \"sample_school.json\",\n \"year\": }");
  const auto syntax = tool("validate broken.json", w.dir);
  CHECK(syntax.code == 2);
  CHECK(syntax.out.find("broken.json:2:10: syntax error") != std::string::npos);
}

TEST_CASE("cli: an infeasible programme says what is short and by how much") {
  const workspace w("short");
  auto prog = w.load("sample_programme.json");
  json kept = json::array();
  for (const auto& a : prog["applications"])
    if (a["role"] != "peer_buddy") kept.push_back(a);
  prog["applications"] = kept;
  w.save("sample_programme.json", prog);
  const auto o = tool("run sample_programme.json", w.dir);
  CHECK(o.code == 3);
  CHECK(o.out.find("13 of 13 students waiting for a peer buddy have none") != std::string::npos);
}

TEST_CASE("cli: student lists come in as CSV exports") {
  const workspace w("csv");
  // the sample school's students as a student-information system exports them
  std::string csv = "\xEF\xBB\xBFid;name;gender;year;track;class;interests\r\n";
  const auto school = w.load("sample_school.json");
  for (const auto& s : school["students"]) {
    std::string interests;
    for (const auto& i : s["interests"])
      interests += (interests.empty() ? "" : "|") + i.get<std::string>();
    csv += std::to_string(s["id"].get<int>()) + ";\"" + s["name"].get<std::string>() + "\";" +
           s["gender"].get<std::string>() + ";" + std::to_string(s["year"].get<int>()) + ";" +
           s["track"].get<std::string>() + ";" + std::to_string(s["class"].get<int>()) + ";" +
           interests + "\r\n";
  }
  write(w.dir / "students.csv", csv);
  const auto ok = tool("validate sample_programme.json --students students.csv", w.dir);
  CHECK(ok.code == 0);
  CHECK(ok.out.find("valid: 131 students") != std::string::npos);
  CHECK(tool("select sample_programme.json --students students.csv --separator semicolon", w.dir)
            .code == 0);
  CHECK(tool("select sample_programme.json --students students.csv --separator tab", w.dir).code ==
        1);

  write(w.dir / "bad.csv",
        "id,name,year,track,class\n1001,Test A.,9,havo,1A\n1002,Test B.,1,hvo,1A\n");
  const auto bad = tool("validate sample_programme.json --students bad.csv", w.dir);
  CHECK(bad.code == 2);
  CHECK(bad.out.find("bad.csv:3:4") != std::string::npos);  // line 3, the track column
  CHECK(bad.out.find("bad.csv:2:3") != std::string::npos);  // line 2, the year column
}

TEST_CASE("cli: pseudonymised output has no identity left in it") {
  const workspace w("pseudonyms");
  write(w.dir / "key", "a school secret of enough length");
  REQUIRE(tool("run sample_programme.json --pseudonymise key -o out", w.dir).code == 0);
  const auto school = w.load("sample_school.json");
  std::string everything;
  for (const auto& f : fs::directory_iterator(w.dir / "out"))
    everything += peerkit::io::read_text_file(f.path());
  for (const auto& s : school["students"]) {
    CHECK(everything.find(s["name"].get<std::string>()) == std::string::npos);
    CHECK(everything.find("\"student\": " + std::to_string(s["id"].get<int>()) + ",") ==
          std::string::npos);
  }
  for (const auto& m : school["staff"])
    CHECK(everything.find(m["name"].get<std::string>()) == std::string::npos);
  // the same key gives the same pseudonyms
  REQUIRE(tool("run sample_programme.json --pseudonymise key -o again", w.dir).code == 0);
  CHECK(peerkit::io::read_text_file(w.dir / "again" / "result.json") ==
        peerkit::io::read_text_file(w.dir / "out" / "result.json"));
}

TEST_CASE("cli: special-category values are written only when asked for, with a purpose") {
  const workspace w("sensitive");
  REQUIRE(tool("run sample_programme.json -o plain", w.dir).code == 0);
  REQUIRE(
      tool("run sample_programme.json -o full --reveal-special-category 'backup of the care file'",
           w.dir)
          .code == 0);
  std::string plain;
  for (const auto& f : fs::directory_iterator(w.dir / "plain"))
    plain += peerkit::io::read_text_file(f.path());
  for (const char* v :
       {"\"origin\"", "\"needs\"", "\"languages\"", "Eritrea", "tigrinya", "syria_group_a"})
    CHECK(plain.find(v) == std::string::npos);
  CHECK(peerkit::io::read_text_file(w.dir / "full" / "programme.json").find("\"origin\"") !=
        std::string::npos);
}

namespace {
/// A record of the sample programme: two buddies accepted, pair 1 started and told the
/// supporter cannot keep secrets.
const std::string sample_record = R"({"peerkit": "record/1", "programme": "sample_programme.json",
 "events": [
  {"event": "application", "on": "2025-09-25", "application": 2, "to": "accepted", "by": 101},
  {"event": "application", "on": "2025-09-25", "application": 4, "to": "accepted", "by": 101},
  {"event": "pairing", "on": "2025-10-01", "pair": 1, "role": "peer_buddy",
   "supporters": [1060], "supportees": [1001]},
  {"event": "notice", "on": "2025-10-01", "pair": 1}
 ]})";
}  // namespace

TEST_CASE("cli: record appends checked events, and leaves the record as it was when refused") {
  const workspace w("record");
  write(w.dir / "record.json", sample_record);
  write(w.dir / "contact.json",
        R"({"event": "contact", "on": "2025-10-08", "pair": 1, "minutes": 45})");
  const auto added = tool("record record.json --add contact.json", w.dir);
  CHECK(added.code == 0);
  CHECK(added.out == "record.json: recorded 1 event, 5 in the record\n");
  const auto record = w.load("record.json");
  CHECK(record["peerkit"] == "record/1");
  CHECK(record["programme"] == "sample_programme.json");
  REQUIRE(record["events"].size() == 5);
  CHECK(record["events"][4] == json::parse(R"({"event": "contact", "on": "2025-10-08", "pair": 1,
                                                "minutes": 45, "kind": "at_school",
                                                "topics": [], "needs_adult": false})"));

  // One good and one bad event: neither is recorded, the bad one is located in its file.
  const auto before = peerkit::io::read_text_file(w.dir / "record.json");
  write(w.dir / "bad.json",
        R"([{"event": "contact", "on": "2025-10-09", "pair": 1, "minutes": 30},
            {"event": "contact", "on": "2025-10-10", "pair": 9, "minutes": 30}])");
  const auto refused = tool("record record.json --add bad.json", w.dir);
  CHECK(refused.code == 2);
  CHECK(refused.out == "peerkit: bad.json: [1].pair: no pair has id 9 [data.unknown_reference]\n");
  // A meeting dated before the pair started is checked against the record of its day.
  write(w.dir / "early.json",
        R"({"event": "contact", "on": "2025-09-30", "pair": 1, "minutes": 30})");
  const auto early = tool("record record.json --add early.json", w.dir);
  CHECK(early.code == 2);
  CHECK(early.out ==
        "peerkit: early.json: on: pair 1 is not active on 2025-09-30 "
        "[supervision.pair_not_active]\n");
  write(w.dir / "broken.json", R"({"event": "contact", "on": )");
  CHECK(tool("record record.json --add broken.json", w.dir).code == 2);
  CHECK(peerkit::io::read_text_file(w.dir / "record.json") == before);
  for (const auto& f : fs::directory_iterator(w.dir))  // no temporary file left behind
    CHECK(f.path().extension() != ".tmp");

  CHECK(tool("record record.json", w.dir).code == 1);  // --add is needed
  CHECK(tool("record --add contact.json", w.dir).code == 1);
}

TEST_CASE("cli: record takes a school system's contact list, each contact checked") {
  const workspace w("record-csv");
  write(w.dir / "record.json", sample_record);
  write(w.dir / "contacts.csv",
        "pair;date;minutes;kind;topics\n1;2025-10-08;60;at_school;getting_to_know\n"
        "1;2025-10-15;45;online;\n");
  const auto added = tool("record record.json --add contacts.csv", w.dir);
  CHECK(added.code == 0);
  CHECK(added.out == "record.json: recorded 2 events, 6 in the record\n");
  const auto before = peerkit::io::read_text_file(w.dir / "record.json");
  write(w.dir / "late.csv", "pair,date,minutes\n1,2025-10-22,30\n1,2025-09-30,30\n");
  const auto refused = tool("record record.json --add late.csv", w.dir);
  CHECK(refused.code == 2);
  CHECK(refused.out ==
        "peerkit: late.csv: row 2: on: pair 1 is not active on 2025-09-30 "
        "[supervision.pair_not_active]\n");
  CHECK(peerkit::io::read_text_file(w.dir / "record.json") == before);
}

TEST_CASE("cli: --language writes what people read in Dutch, the data unchanged") {
  const workspace w("language");
  write(w.dir / "record.json", sample_record);
  const auto dutch = tool("status record.json --on 2025-11-20 --language nl", w.dir);
  CHECK(dutch.code == 0);
  CHECK(dutch.out.find("## Lopende koppels (") != std::string::npos);
  CHECK(dutch.out.find("Active pairs") == std::string::npos);
  CHECK(tool("status record.json --on 2025-11-20 --json --language nl", w.dir).out ==
        tool("status record.json --on 2025-11-20 --json", w.dir).out);

  const std::string programme = (sample_dir / "sample_programme.json").string();
  const auto report = tool("run " + programme + " --language nl", w.dir);
  CHECK(report.out.rfind("# Peer support 2025-2026 op Het Voorbeeld College\n", 0) == 0);
  CHECK(tool("run " + programme + " --language nl --output nl", w.dir).code == 0);
  CHECK(tool("run " + programme + " --output en", w.dir).code == 0);
  CHECK(peerkit::io::read_text_file(w.dir / "nl" / "report.md") == report.out);
  for (const char* data : {"result.json", "programme.json", "year.ics"})
    CHECK(peerkit::io::read_text_file(w.dir / "nl" / data) ==
          peerkit::io::read_text_file(w.dir / "en" / data));

  const auto french = tool("run " + programme + " --language fr", w.dir);
  CHECK(french.code == 1);
  CHECK(french.out.rfind("peerkit: --language takes en or nl, not 'fr'\n", 0) == 0);
}

TEST_CASE("cli: status reports the day as text and as JSON") {
  const workspace w("status");
  write(w.dir / "record.json", sample_record);
  const auto text = tool("status record.json --on 2025-11-20", w.dir);
  CHECK(text.code == 0);
  CHECK(text.out.rfind("# Peer support 2025-2026 at Het Voorbeeld College on 2025-11-20\n", 0) ==
        0);
  CHECK(text.out.find("### peer buddy\n\n- Bram T. supports Yara E. since 2025-10-01 (pair 1)\n") !=
        std::string::npos);
  CHECK(text.out.find("- contact overdue, due 2025-10-15: pair 1 has not met since it started on "
                      "2025-10-01\n") != std::string::npos);
  CHECK(text.out.find("## Readiness to go live: 7-step plan") != std::string::npos);

  const auto j = json::parse(tool("status record.json --on 2025-11-20 --json", w.dir).out);
  CHECK(j["peerkit"] == "status/1");
  CHECK(j["on"] == "2025-11-20");
  REQUIRE(j["active_pairs"].size() == 1);
  CHECK(j["active_pairs"][0]["supporters"] == json::array({1060}));
  CHECK(j["overdue"][0]["rule"] == "contact_overdue");
  CHECK(j["overdue"][0]["pair"] == 1);

  // Before the pair started nothing is active; a day that is not a date is a usage error.
  CHECK(tool("status record.json --on 2025-09-01", w.dir).out.find("## Active pairs (0)") !=
        std::string::npos);
  CHECK(tool("status record.json --on 1-13-2025", w.dir).code == 1);
  // Without --on the day is today, after this record's school year: refused.
  const auto today = tool("status record.json", w.dir);
  CHECK(today.code == 2);
  CHECK(today.out.find("is outside the school year 2025-08-01..2026-07-31") != std::string::npos);
}

TEST_CASE("cli: validate refuses what run refuses, with every problem together") {
  const workspace w("validate");
  const auto refused_by_both = [&](const json& prog, const std::string& expected) {
    w.save("changed.json", prog);
    for (const char* command : {"validate", "run"}) {
      const auto o = tool(std::string(command) + " changed.json", w.dir);
      CHECK(o.code == 2);
      CHECK(o.out.find(expected) != std::string::npos);
    }
  };
  const auto sample = w.load("sample_programme.json");
  SECTION("a progress item that is not in the plan") {
    auto prog = sample;
    prog["checklist"]["progress"]["no_such_item"] = {{"state", "not_started"}};
    refused_by_both(prog,
                    "changed.json: checklist.progress.no_such_item: no_such_item is not an item "
                    "of 7-step plan "
                    "[checklist.unknown_item]");
  }
  SECTION("an interview rating outside the scale") {
    auto prog = sample;
    prog["applications"][0]["interviews"][0]["ratings"]["empathy"] = 9;
    refused_by_both(prog,
                    "changed.json: applications[0].interviews[0].ratings.empathy: rating 9 for "
                    "empathy is "
                    "outside the school's scale 1..5 [selection.rating_out_of_scale]");
  }
  SECTION("intervision groups of no one") {
    auto prog = sample;
    prog["schedule"]["intervision_group_size"] = 0;
    refused_by_both(prog, "changed.json: schedule.intervision_group_size: 0 is outside 1..30");
  }
  SECTION("two applications with one id") {
    auto prog = sample;
    prog["applications"][1]["id"] = prog["applications"][0]["id"];
    refused_by_both(prog,
                    "changed.json: applications[1].id: id 1 is already used by applications[0] "
                    "[data.duplicate_id]");
  }
  SECTION("the problems of selection and checklist at once") {
    auto prog = sample;
    prog["checklist"]["progress"]["no_such_item"] = {{"state", "not_started"}};
    prog["applications"][0]["interviews"][0]["ratings"]["empathy"] = 9;
    refused_by_both(
        prog,
        "[selection.rating_out_of_scale]\npeerkit: changed.json: checklist.progress.no_such_item");
  }
  SECTION("a year without the holidays to plan it") {
    auto prog = sample;
    prog["year"] = "2040-2041";
    prog.erase("pairing_date");
    prog["schedule"].erase("start");
    refused_by_both(prog, "[calendar.missing_holidays]");
  }
  SECTION("a pairing date outside the school year") {
    auto prog = sample;
    prog["pairing_date"] = "2030-01-01";
    refused_by_both(prog,
                    "changed.json: pairing_date: expected a day within the school year 2025-08-01.."
                    "2026-07-31, found 2030-01-01 [data.out_of_range]");
  }
}

TEST_CASE("cli: a written programme without its special-category values is not run again") {
  const workspace w("left-out");
  REQUIRE(tool("run sample_programme.json --output out", w.dir).code == 0);
  CHECK(w.load("out/programme.json")["school"]["special_category_left_out"] == true);
  for (const char* command : {"validate", "run"}) {
    const auto o = tool(std::string(command) + " out/programme.json", w.dir);
    CHECK(o.code == 2);
    CHECK(o.out.find("school: the school was written without its special-category values; run "
                     "the original document or one written with --reveal-special-category "
                     "[privacy.values_left_out]") != std::string::npos);
  }
}
