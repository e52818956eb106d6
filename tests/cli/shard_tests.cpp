// `peerkit simulate --shard`, `--resume` and `peerkit merge`, each run as its own process:
// shards merged and killed runs resumed give the bytes of one uninterrupted process, and
// shards that do not make one sweep are refused.
#include <catch2/catch.hpp>

#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>
#include <peerkit/io/text_file.hpp>

#include "tool_runner.hpp"

namespace fs = std::filesystem;
using json = nlohmann::ordered_json;

namespace {

/// A scratch directory that saves sweeps.
struct scratch : scratch_dir {
  explicit scratch(const std::string& name) : scratch_dir("shard-" + name) {}

  /// Saves a sweep of the sample school, intervision every two or four weeks, as `file`.
  std::string sweep(const std::string& file, int replications, int seed = 11) const {
    const json doc{
        {"peerkit", "sweep/1"},
        {"name", "shards"},
        {"programme", (sample_dir / "sample_programme.json").string()},
        {"holidays", (sample_dir / "school_holidays_nl.csv").string()},
        {"seed", seed},
        {"replications", replications},
        {"outputs", {{"pairs", true}, {"weeks", true}, {"charts", true}}},
        {"scenarios",
         {{{"name", "every 2 weeks"}, {"parameters", {{"intervision_interval_weeks", 2}}}},
          {{"name", "every 4 weeks"}, {"parameters", {{"intervision_interval_weeks", 4}}}}}}};
    std::ofstream(dir / file, std::ios::binary) << doc.dump(1);
    return (dir / file).string();
  }
  [[nodiscard]] std::string operator/(const std::string& name) const {
    return (dir / name).string();
  }
};

/// Every file of a directory, hidden ones too, by name, with its bytes.
std::map<std::string, std::string> files_of(const fs::path& dir) {
  std::map<std::string, std::string> out;
  for (const auto& entry : fs::directory_iterator(dir))
    out[entry.path().filename().string()] = entry.is_directory()
                                                ? ""
                                                : peerkit::io::read_text_file(entry.path());
  return out;
}

std::size_t lines_in(const fs::path& file) {
  std::error_code ec;
  if (!fs::exists(file, ec)) return 0;
  const auto text = peerkit::io::read_text_file(file);
  return static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
}

/// Runs the tool with `args`, allowed to write files of `bytes` bytes at most: the system
/// kills it (SIGXFSZ) in the write that would pass that size, at the same point on every
/// machine however fast. True when it was killed so.
bool killed_at_size(const std::vector<std::string>& args, rlim_t bytes) {
  std::vector<std::string> words{PEERKIT_TOOL};
  words.insert(words.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& w : words) argv.push_back(w.data());
  argv.push_back(nullptr);
  const pid_t pid = fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    const rlimit size{bytes, bytes};
    const rlimit no_core{0, 0};
    if (setrlimit(RLIMIT_FSIZE, &size) == 0 && setrlimit(RLIMIT_CORE, &no_core) == 0)
      execv(PEERKIT_TOOL, argv.data());
    _exit(127);
  }
  int status = 0;
  REQUIRE(waitpid(pid, &status, 0) == pid);
  return WIFSIGNALED(status) && WTERMSIG(status) == SIGXFSZ;
}

/// Cuts the last line of `file` in half, as a process killed while writing it leaves it.
void cut_last_line(const fs::path& file) {
  const auto text = peerkit::io::read_text_file(file);
  REQUIRE(text.ends_with('\n'));
  const auto start = text.rfind('\n', text.size() - 2) + 1;  // npos + 1: the first line
  fs::resize_file(file, start + (text.size() - start) / 2);
}

}  // namespace

TEST_CASE("one process, two threads and three merged shards write the same files") {
  const scratch s("same");
  const auto sweep = s.sweep("sweep.json", 25);  // 50 runs: shards of 17, 17 and 16
  for (const std::string format : {"csv", "jsonl"}) {
    INFO(format);
    const auto as = " --format " + format + " --output ";
    REQUIRE(tool("simulate '" + sweep + "'" + as + "'" + s / (format + "-one") + "'").code == 0);
    REQUIRE(tool("simulate '" + sweep + "' --threads 2" + as + "'" + s / (format + "-two") + "'")
                .code == 0);
    std::string shards;
    for (const auto* k : {"2", "0", "1"}) {
      const auto shard = s / (format + "-shard" + k);
      const auto r = tool("simulate '" + sweep + "' --shard " + k + "/3" + as + "'" + shard + "'");
      REQUIRE(r.code == 0);
      shards += " '" + shard + "'";
    }
    CHECK(tool("simulate '" + sweep + "' --shard 1/3" + as + "'" + s / "x" + "'").out ==
          "wrote 6 files to " + s / "x" + ": runs 17 to 33 of 50 (shard 1/3)\n");
    fs::remove_all(s / "x");
    CHECK(files_of(s / (format + "-shard1")).count("shard.record") == 1);
    const auto merged = tool("merge" + shards + " --output '" + s / (format + "-merged") + "'");
    REQUIRE(merged.code == 0);
    CHECK(merged.out ==
          "wrote 7 files to " + s / (format + "-merged") + ": 50 runs of 2 points from 3 shards\n");
    const auto one = files_of(s / (format + "-one"));
    CHECK(one.size() == 7);
    CHECK(files_of(s / (format + "-two")) == one);
    CHECK(files_of(s / (format + "-merged")) == one);
  }
}

TEST_CASE("more shards than runs: the empty shards merge too") {
  const scratch s("empty");
  const auto sweep = s.sweep("sweep.json", 2);  // 4 runs in 6 shards: 1, 1, 1, 1, 0, 0
  REQUIRE(tool("simulate '" + sweep + "' --output '" + s / "one" + "'").code == 0);
  std::string shards;
  for (int k = 0; k < 6; ++k) {
    const auto shard = s / ("shard" + std::to_string(k));
    REQUIRE(tool("simulate '" + sweep + "' --shard " + std::to_string(k) + "/6 --output '" + shard +
                 "'")
                .code == 0);
    shards += " '" + shard + "'";
  }
  CHECK(lines_in(s / "shard5/shard.record") == 0);
  REQUIRE(tool("merge" + shards + " --output '" + s / "merged" + "'").code == 0);
  CHECK(files_of(s / "merged") == files_of(s / "one"));
}

TEST_CASE("a killed sweep resumes from its last complete run and writes the same files") {
  const scratch s("resume");
  const auto sweep = s.sweep("sweep.json", 50);  // 100 runs, about 300 kB of pairs
  REQUIRE(tool("simulate '" + sweep + "' --threads 2 --output '" + s / "one" + "'").code == 0);
  const auto one = files_of(s / "one");

  SECTION("a shard, written to a new directory, then merged") {
    const fs::path fill = s.dir / ".shard0.tmp";  // the new directory's temporary name
    REQUIRE(
        killed_at_size({"simulate", sweep, "--shard", "0/2", "--output", s / "shard0"}, 60'000));
    CHECK(lines_in(fill / "shard.record") > 10);
    CHECK_FALSE(fs::exists(s / "shard0"));
    cut_last_line(fill / "shard.record");
    const auto resumed = tool("simulate '" + sweep + "' --shard 0/2 --resume --output '" +
                              s / "shard0" + "'");
    REQUIRE(resumed.code == 0);
    CHECK(resumed.out.starts_with("resuming at run "));
    CHECK_FALSE(fs::exists(fill));
    REQUIRE(tool("simulate '" + sweep + "' --shard 1/2 --output '" + s / "shard1" + "'").code == 0);
    REQUIRE(
        tool("merge '" + s / "shard1" + "' '" + s / "shard0" + "' --output '" + s / "merged" + "'")
            .code == 0);
    CHECK(files_of(s / "merged") == one);
  }
  SECTION("the whole sweep, written into an existing empty directory, killed twice") {
    fs::create_directory(s / "whole");
    const fs::path fill = s.dir / "whole" / ".simulation.tmp";
    const std::vector<std::string> args{"simulate", sweep, "--resume", "--output", s / "whole"};
    REQUIRE(killed_at_size(args, 40'000));
    const auto first = lines_in(fill / "shard.record");
    CHECK(first > 5);
    REQUIRE(killed_at_size(args, 200'000));
    CHECK(lines_in(fill / "shard.record") > first);
    CHECK(files_of(s / "whole").size() == 1);  // only the temporary directory
    REQUIRE(tool("simulate '" + sweep + "' --resume --output '" + s / "whole" + "'").code == 0);
    CHECK(files_of(s / "whole") == one);
  }
  SECTION("--resume with nothing to resume starts afresh") {
    REQUIRE(tool("simulate '" + sweep + "' --resume --output '" + s / "fresh" + "'").code == 0);
    CHECK(files_of(s / "fresh") == one);
  }
}

TEST_CASE("resume refuses the interrupted output of another sweep, and cut tables") {
  const scratch s("resume-other");
  const auto sweep = s.sweep("sweep.json", 20);
  const auto other = s.sweep("other.json", 20, 12);
  const fs::path fill = s.dir / ".out.tmp";
  REQUIRE(killed_at_size({"simulate", other, "--output", s / "out"}, 30'000));
  const auto r = tool("simulate '" + sweep + "' --resume --output '" + s / "out" + "'");
  CHECK(r.code == 2);
  CHECK(r.out.find(fill.string() + "/shard.json: expected the interrupted output of this sweep") !=
        std::string::npos);
  CHECK(r.out.find("[data.inconsistent]") != std::string::npos);
  CHECK_FALSE(fs::exists(s / "out"));

  // Tables shorter than the record, as a machine that stopped may leave them.
  const fs::path runs = fill / "runs.csv";
  fs::resize_file(runs, 100);
  const auto shorter = tool("simulate '" + other + "' --resume --output '" + s / "out" + "'");
  CHECK(shorter.code == 2);
  CHECK(shorter.out.find(runs.string() + ": expected ") != std::string::npos);
  CHECK(shorter.out.find("found 100; remove " + fill.string() + " to start afresh") !=
        std::string::npos);
}

TEST_CASE("merge refuses shards that do not make one sweep, and writes nothing") {
  const scratch s("refuse");
  const auto sweep = s.sweep("sweep.json", 10);  // 20 runs: shards of 7, 7 and 6
  for (const auto* k : {"0", "1", "2"})
    REQUIRE(tool("simulate '" + sweep + "' --shard " + k + "/3 --output '" +
                 s / ("s" + std::string(k)) + "'")
                .code == 0);
  const auto merge = [&](const std::string& shards) {
    return tool("merge " + shards + " --output '" + s / "merged" + "'");
  };
  const auto q = [&](const std::string& name) { return "'" + s / name + "' "; };

  SECTION("a missing shard") {
    const auto r = merge(q("s0") + q("s2"));
    CHECK(r.code == 2);
    CHECK(r.out ==
          "peerkit: runs 7 to 13: expected every run of the sweep in one of the shards, found "
          "these in none (is a shard missing?) [data.missing]\n");
  }
  SECTION("overlapping shards") {
    REQUIRE(tool("simulate '" + sweep + "' --shard 0/2 --output '" + s / "half" + "'").code == 0);
    const auto r = merge(q("s0") + q("s1") + q("s2") + q("half"));
    CHECK(r.code == 2);
    CHECK(r.out.find("peerkit: " + s / "half" +
                     ": expected each run in one shard, found runs 0 "
                     "to 6 in " +
                     s / "s0" + " too [data.duplicate]") != std::string::npos);
    CHECK(r.out.find("[data.duplicate]") != std::string::npos);
  }
  SECTION("shards of different sweeps") {
    const auto other = s.sweep("other.json", 10, 12);
    REQUIRE(tool("simulate '" + other + "' --shard 1/3 --output '" + s / "other1" + "'").code == 0);
    const auto r = merge(q("s0") + q("other1") + q("s2"));
    CHECK(r.code == 2);
    CHECK(r.out.find(s / "other1" + "/shard.json: seed: expected the sweep of " + s / "s0" +
                     "/shard.json, found another seed") != std::string::npos);
    CHECK(r.out.find("[data.inconsistent]") != std::string::npos);
  }
  SECTION("shards of another format") {
    REQUIRE(tool("simulate '" + sweep + "' --shard 1/3 --format jsonl --output '" + s / "j1" + "'")
                .code == 0);
    const auto r = merge(q("s0") + q("j1") + q("s2"));
    CHECK(r.code == 2);
    CHECK(r.out.find("/shard.json: format: expected the sweep of") != std::string::npos);
  }
  SECTION("a directory that is not a shard") {
    REQUIRE(tool("simulate '" + sweep + "' --output '" + s / "whole" + "'").code == 0);
    const auto r = merge(q("s0") + q("whole"));
    CHECK(r.code == 2);
    CHECK(r.out.find(s / "whole" + "/shard.json") != std::string::npos);
    CHECK(r.out.find("[io.cannot_read]") != std::string::npos);
  }
  SECTION("a shard whose record is cut short") {
    cut_last_line(s / "s1" + "/shard.record");
    const auto r = merge(q("s0") + q("s1") + q("s2"));
    CHECK(r.code == 2);
    CHECK(r.out.find(s / "s1" + "/shard.record: expected the records of runs 7 to 13, found 6 "
                                "complete ones") != std::string::npos);
  }
  SECTION("a shard whose table is cut short") {
    const fs::path pairs = s / "s2" + "/pairs.csv";
    fs::resize_file(pairs, fs::file_size(pairs) - 10);
    const auto r = merge(q("s0") + q("s1") + q("s2"));
    CHECK(r.code == 2);
    CHECK(r.out.find(pairs.string() + ": expected " + std::to_string(fs::file_size(pairs) + 10) +
                     " bytes, the rows of the runs in shard.record, found " +
                     std::to_string(fs::file_size(pairs)) + " [data.inconsistent]") !=
          std::string::npos);
  }
  SECTION("an output that is one of the shards") {
    const auto r = tool("merge " + q("s0") + q("s1") + q("s2") + "--force --output '" + s / "s0" +
                        "'");
    CHECK(r.code == 4);
    CHECK(r.out.find("[io.output_is_input]") != std::string::npos);
    CHECK(files_of(s / "s0").count("summary.csv") == 0);
  }
  CHECK_FALSE(fs::exists(s / "merged"));
}

TEST_CASE("a shard is given as K/N with K from 0 to N - 1") {
  const scratch s("usage");
  const auto sweep = s.sweep("sweep.json", 2);
  for (const auto* shard : {"3/3", "1", "a/2", "1/0", "-1/2", "1/2/3"}) {
    INFO(shard);
    const auto r = tool("simulate '" + sweep + "' --shard " + shard + " --output '" + s / "o" +
                        "'");
    CHECK(r.code == 1);
    CHECK(r.out.starts_with("peerkit: --shard takes K/N, shard K of N counted from 0"));
  }
  CHECK(tool("merge --output '" + s / "o" + "'").code == 1);
  CHECK_FALSE(fs::exists(s / "o"));
}
