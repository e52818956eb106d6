#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <sys/stat.h>  // umask
#include <unistd.h>    // getpid

#include <peerkit/io/output_files.hpp>
#include <peerkit/io/text_file.hpp>

using namespace peerkit;
namespace fs = std::filesystem;

namespace {
// A fresh directory per test case, removed afterwards; mkdtemp makes the name unique, so
// test binaries of several builds can run at the same time.
struct scratch {
  fs::path root;
  scratch() {
    std::string name = (fs::temp_directory_path() / "peerkit-output-XXXXXX").string();
    REQUIRE(::mkdtemp(name.data()) != nullptr);
    root = name;
  }
  ~scratch() {
    std::error_code ec;
    fs::remove_all(root, ec);
  }
  scratch(const scratch&) = delete;
  scratch& operator=(const scratch&) = delete;

  fs::path put(const std::string& name, const std::string& content) const {
    const auto path = root / name;
    fs::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << content;
    return path;
  }
};

// Every entry below `dir`, relative to it, sorted.
std::vector<std::string> listing(const fs::path& dir) {
  std::vector<std::string> out;
  for (const auto& e : fs::recursive_directory_iterator(dir))
    out.push_back(fs::relative(e.path(), dir).generic_string());
  std::sort(out.begin(), out.end());
  return out;
}

template <class Write>
std::vector<std::string> ids_of(Write write) {
  try {
    write();
  } catch (const error& e) {
    std::vector<std::string> out;
    for (const auto& p : e.problems()) out.push_back(p.id);
    return out;
  }
  return {};
}

const std::vector<io::output_file> run_output{
    {"result.json", "{}\n"}, {"report.md", "# Report\n"}, {"graphs/pairs.dot", "graph {}\n"}};
}  // namespace

TEST_CASE("io: output goes into a new directory, complete or not at all") {
  scratch s;
  const auto out = s.root / "runs" / "2025";
  const auto written = io::write_output_directory(out, run_output, {});
  CHECK(written ==
        std::vector<fs::path>{out / "result.json", out / "report.md", out / "graphs/pairs.dot"});
  CHECK(peerkit::io::read_text_file(out / "report.md") == "# Report\n");
  CHECK(peerkit::io::read_text_file(out / "graphs" / "pairs.dot") == "graph {}\n");
  CHECK(listing(out) ==
        std::vector<std::string>{"graphs", "graphs/pairs.dot", "report.md", "result.json"});
  // Nothing temporary is left next to it.
  CHECK(listing(s.root / "runs") == std::vector<std::string>{"2025", "2025/graphs",
                                                             "2025/graphs/pairs.dot",
                                                             "2025/report.md", "2025/result.json"});
  // A trailing separator names the same directory.
  io::write_output_directory((s.root / "other").string() + "/", run_output, {});
  CHECK(fs::is_regular_file(s.root / "other" / "result.json"));
}

TEST_CASE("io: output refuses a directory that holds files unless forced") {
  scratch s;
  const auto out = s.root / "out";
  const auto old = s.put("out/result.json", "old");
  s.put("out/notes.txt", "mine");
  CHECK(ids_of([&] { io::write_output_directory(out, run_output, {}); }) ==
        std::vector<std::string>{"io.directory_not_empty"});
  CHECK(peerkit::io::read_text_file(old) == "old");
  CHECK(listing(out) == std::vector<std::string>{"notes.txt", "result.json"});

  io::write_output_directory(out, run_output, {.inputs = {}, .force = true});
  CHECK(peerkit::io::read_text_file(old) == "{}\n");
  CHECK(peerkit::io::read_text_file(out / "notes.txt") == "mine");

  // An existing empty directory needs no force.
  fs::create_directory(s.root / "empty");
  io::write_output_directory(s.root / "empty", run_output, {});
  CHECK(peerkit::io::read_text_file(s.root / "empty" / "result.json") == "{}\n");

  s.put("file", "x");
  CHECK(ids_of([&] {
          io::write_output_directory(s.root / "file", run_output, {.inputs = {}, .force = true});
        }) == std::vector<std::string>{"io.not_a_directory"});
}

TEST_CASE("io: output never replaces an input, forced or not") {
  scratch s;
  const auto input = s.put("out/result.json", "the school");
  const io::output_policy forced{{input}, true};
  CHECK(ids_of([&] { io::write_output_directory(s.root / "out", run_output, forced); }) ==
        std::vector<std::string>{"io.output_is_input"});
  // Another spelling, a symbolic link and a hard link are the same file.
  const io::output_policy spelled{{s.root / "out" / ".." / "out" / "." / "result.json"}, true};
  CHECK(ids_of([&] { io::write_output_directory(s.root / "out", run_output, spelled); }) ==
        std::vector<std::string>{"io.output_is_input"});
  fs::create_symlink(input, s.root / "link.json");
  fs::create_hard_link(input, s.root / "hard.json");
  for (const auto& alias : {s.root / "link.json", s.root / "hard.json"}) {
    CAPTURE(alias);
    CHECK(ids_of([&] {
            io::write_output_directory(s.root / "out", run_output, {{alias}, true});
          }) == std::vector<std::string>{"io.output_is_input"});
    CHECK(ids_of([&] {
            io::write_output_files(std::vector<io::output_file>{{input, "x"}}, {{alias}, true});
          }) == std::vector<std::string>{"io.output_is_input"});
  }
  CHECK(peerkit::io::read_text_file(input) == "the school");
  // A relative input names the same file as an absolute output.
  const auto here = fs::current_path();
  fs::current_path(s.root);
  const auto relative = ids_of([&] {
    io::write_output_files(std::vector<io::output_file>{{s.root / "out" / "result.json", "x"}},
                           {{"out/result.json"}, true});
  });
  fs::current_path(here);
  CHECK(relative == std::vector<std::string>{"io.output_is_input"});
}

TEST_CASE("io: output to named files") {
  scratch s;
  const auto report = s.root / "report.md";
  const auto result = s.root / "result.json";
  std::vector<io::output_file> files{{report, "# Report\n"}, {result, "{}\n"}};
  CHECK(io::write_output_files(files, {}) == std::vector<fs::path>{report, result});
  CHECK(peerkit::io::read_text_file(report) == "# Report\n");

  files[0].content = "# New\n";
  CHECK(ids_of([&] { io::write_output_files(files, {}); }) ==
        std::vector<std::string>{"io.output_exists", "io.output_exists"});
  CHECK(peerkit::io::read_text_file(report) == "# Report\n");
  io::write_output_files(files, {.inputs = {}, .force = true});
  CHECK(peerkit::io::read_text_file(report) == "# New\n");
  CHECK(listing(s.root) == std::vector<std::string>{"report.md", "result.json"});
}

TEST_CASE("io: output problems are all reported before anything is written") {
  scratch s;
  const auto input = s.put("school.json", "{}");
  fs::create_directory(s.root / "a_directory");
  const std::vector<io::output_file> files{
      {s.root / "new.md", "x"},
      {s.root / "missing" / "result.json", "x"},
      {input, "x"},
      {s.root / "a_directory", "x"},
      {s.root / "." / "new.md", "x"},
  };
  try {
    io::write_output_files(files, {{input}, true});
    FAIL("expected an error");
  } catch (const error& e) {
    REQUIRE(e.problems().size() == 4);
    CHECK(e.problems()[0].id == "io.no_such_directory");
    CHECK(e.problems()[0].location == (s.root / "missing" / "result.json").string());
    CHECK(e.problems()[0].message ==
          "expected an existing directory to write the file in, found none");
    CHECK(e.problems()[1].id == "io.output_is_input");
    CHECK(e.problems()[1].message == "expected a file to write, found an input of this run (" +
                                         input.string() + "); inputs are never overwritten");
    CHECK(e.problems()[2].id == "io.output_is_directory");
    CHECK(e.problems()[3].id == "io.duplicate_output");
  }
  CHECK_FALSE(fs::exists(s.root / "new.md"));
  CHECK(peerkit::io::read_text_file(input) == "{}");
}

TEST_CASE("io: atomic writes replace the file by renaming, never in place") {
  scratch s;
  const auto target = s.put("result.json", "old");
  // A hard link keeps the old file: a write in place would change both names.
  fs::create_hard_link(target, s.root / "kept.json");
  // A temporary file left by a crash is neither used nor removed.
  s.put(".result.json.tmp", "left over");
  io::write_file_atomically(target, "new");
  CHECK(peerkit::io::read_text_file(target) == "new");
  CHECK(peerkit::io::read_text_file(s.root / "kept.json") == "old");
  CHECK(peerkit::io::read_text_file(s.root / ".result.json.tmp") == "left over");
  CHECK(listing(s.root) ==
        std::vector<std::string>{".result.json.tmp", "kept.json", "result.json"});

  const std::string large(1 << 20, 'x');
  io::write_file_atomically(target, large);
  CHECK(peerkit::io::read_text_file(target) == large);
}

TEST_CASE("io: a failed write names the file and leaves nothing behind") {
  scratch s;
  try {
    io::write_file_atomically(s.root / "gone" / "result.json", "x");
    FAIL("expected an error");
  } catch (const error& e) {
    CHECK(e.id() == "io.write_failed");
    CHECK(e.problems()[0].location == (s.root / "gone" / "result.json").string());
    CHECK(e.problems()[0].message.rfind(
              "expected to write the file, failed to create a temporary file in ", 0) == 0);
  }
  // The target is a directory that holds files: the rename fails and the temporary goes.
  s.put("busy/inside.txt", "x");
  CHECK(ids_of([&] { io::write_file_atomically(s.root / "busy", "x"); }) ==
        std::vector<std::string>{"io.write_failed"});
  CHECK(listing(s.root) == std::vector<std::string>{"busy", "busy/inside.txt"});
}

TEST_CASE("io: output about students is readable by its owner only, whatever the umask") {
  scratch s;
  const auto out = s.root / "private";
  const auto before = ::umask(0);  // the loosest umask: every file would be world-readable
  io::write_output_directory(out, run_output,
                             {.inputs = {}, .access = io::file_access::owner_only});
  io::write_output_files(std::vector<io::output_file>{{s.root / "named.md", "# named\n"}},
                         {.inputs = {}, .access = io::file_access::owner_only});
  io::write_output_directory(s.root / "open", run_output, {});
  ::umask(before);
  CHECK(fs::status(out).permissions() == fs::perms::owner_all);
  for (const auto& f : {out / "result.json", out / "graphs" / "pairs.dot", s.root / "named.md"})
    CHECK(fs::status(f).permissions() == (fs::perms::owner_read | fs::perms::owner_write));
  // Without it the umask decides, as for any other program.
  CHECK((fs::status(s.root / "open" / "result.json").permissions() & fs::perms::others_read) ==
        fs::perms::others_read);
}

TEST_CASE("io: a temporary name taken by a file or a live run is passed over") {
  scratch s;
  const auto pid = std::to_string(::getpid());
  s.put(".out." + pid + ".tmp", "a file that happens to have the name");
  fs::create_directory(s.root / (".out." + pid + ".1.tmp"));
  io::write_output_directory(s.root / "out", run_output, {});
  CHECK(peerkit::io::read_text_file(s.root / "out" / "report.md") == "# Report\n");
  // What belongs to others stays; this run's own process is alive, so its names are kept.
  CHECK(fs::is_regular_file(s.root / (".out." + pid + ".tmp")));
  CHECK(fs::is_directory(s.root / (".out." + pid + ".1.tmp")));
}

TEST_CASE("io: the temporary directory of a killed run is removed by the next run") {
  scratch s;
  // Process ids never reach this value, so no process owns the directory any more.
  const auto left = s.put(".out.2147483646.tmp/result.json", "{\"students\": [\"Noor\"]}\n");
  const auto other = s.put(".other.2147483646.tmp/result.json", "{}\n");
  io::write_output_directory(s.root / "out", run_output, {});
  CHECK_FALSE(fs::exists(left.parent_path()));
  CHECK(fs::exists(other));  // another output's leftovers are that output's business
  CHECK(listing(s.root / "out") ==
        std::vector<std::string>{"graphs", "graphs/pairs.dot", "report.md", "result.json"});
}
