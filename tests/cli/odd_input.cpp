// The tool given what it cannot use: a directory for a file, text in UTF-16 or UTF-32, a
// key file with or without its line ending, a failure no reader foresaw. Each is said in
// a line that names the file, with an exit code; none ends in an abort.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <string>

#include <peerkit/io/text_file.hpp>

#include "tool_runner.hpp"

namespace fs = std::filesystem;

namespace {

void write(const fs::path& p, const std::string& text) {
  std::ofstream(p, std::ios::binary) << text;
}

/// A fresh directory holding copies of the sample programme and school.
struct workspace : scratch_dir {
  workspace() : scratch_dir("cli-odd-input") {
    for (const char* f : {"sample_programme.json", "sample_school.json"})
      fs::copy_file(sample_dir / f, dir / f);
  }
};

/// ASCII `text` in UTF-16 or UTF-32 (`width` 2 or 4 bytes), little- or big-endian.
std::string widened(const std::string& text, std::size_t width, bool big_endian) {
  std::string out;
  for (const char c : text) {
    const std::string zeros(width - 1, '\0');
    out += big_endian ? zeros + c : c + zeros;
  }
  return out;
}

}  // namespace

TEST_CASE("cli: a directory given as a file is said to be one") {
  const workspace w;
  fs::create_directory(w.dir / "school.json");
  const auto input = tool("validate school.json", w.dir);
  CHECK(input.code == 2);
  CHECK(input.out == "peerkit: school.json: is a directory, not a file [io.cannot_read]\n");
  const auto students = tool("validate sample_programme.json --students school.json", w.dir);
  CHECK(students.code == 2);
  CHECK(students.out == "peerkit: school.json: is a directory, not a file [io.cannot_read]\n");
  const auto key = tool("run sample_programme.json --pseudonymise school.json", w.dir);
  CHECK(key.code == 2);
  CHECK(key.out == "peerkit: school.json: is a directory, not a file [io.cannot_read]\n");
}

TEST_CASE("cli: UTF-16 and UTF-32 files are said to be such, UTF-8 with a BOM is read") {
  const workspace w;
  const std::string text = "{\"peerkit\": \"programme/1\"}\n";
  const std::pair<std::string, std::string> saved[] = {
      {"\xFF\xFE" + widened(text, 2, false), "UTF-16"},
      {"\xFE\xFF" + widened(text, 2, true), "UTF-16"},
      {widened(text, 2, false), "UTF-16"},
      {widened(text, 2, true), "UTF-16"},
      {std::string("\xFF\xFE\0\0", 4) + widened(text, 4, false), "UTF-32"},
      {std::string("\0\0\xFE\xFF", 4) + widened(text, 4, true), "UTF-32"},
      {widened(text, 4, false), "UTF-32"},
  };
  for (const auto& [bytes, encoding] : saved) {
    INFO(encoding << ", " << bytes.size() << " bytes");
    write(w.dir / "programme.json", bytes);
    const auto o = tool("validate programme.json", w.dir);
    CHECK(o.code == 2);
    CHECK(o.out ==
          "peerkit: programme.json: is " + encoding + " text; save it as UTF-8 [io.encoding]\n");
  }
  write(w.dir / "students.csv", "\xFF\xFE" + widened("id;name;year;track;class\n", 2, false));
  const auto csv = tool("validate sample_programme.json --students students.csv", w.dir);
  CHECK(csv.code == 2);
  CHECK(csv.out == "peerkit: students.csv: is UTF-16 text; save it as UTF-8 [io.encoding]\n");

  write(w.dir / "programme.json",
        "\xEF\xBB\xBF" + peerkit::io::read_text_file(w.dir / "sample_programme.json"));
  const auto bom = tool("validate programme.json", w.dir);
  CHECK(bom.code == 0);
  CHECK(bom.out.find("valid: 131 students") != std::string::npos);
}

TEST_CASE("cli: a key file gives the same pseudonyms with or without its line ending") {
  const workspace w;
  const std::string key = "a school secret of enough length";
  std::string first;
  for (const auto& ending : {"", "\n", "\r\n"}) {
    INFO("ending of " << std::string(ending).size() << " bytes");
    write(w.dir / "key.txt", key + ending);
    fs::remove_all(w.dir / "out");
    REQUIRE(tool("run sample_programme.json --pseudonymise key.txt -o out", w.dir).code == 0);
    const auto result = peerkit::io::read_text_file(w.dir / "out" / "result.json");
    if (first.empty()) first = result;
    CHECK(result == first);
  }
  write(w.dir / "key.txt", "short\n");
  const auto weak = tool("run sample_programme.json --pseudonymise key.txt", w.dir);
  CHECK(weak.code == 2);
  CHECK(weak.out ==
        "peerkit: key.txt: expected a key of at least 16 bytes, found 5 [privacy.weak_key]\n");
}

TEST_CASE("cli: a failure no reader foresaw is one line and an exit code, not an abort") {
  const workspace w;
  // A document far larger than the memory the process may take: the parser's allocation
  // fails outside every reader's checks.
  {
    std::ofstream huge(w.dir / "huge.json", std::ios::binary);
    huge << "[";
    std::string zeros;
    for (int i = 0; i < 1 << 19; ++i) zeros += "0,";
    for (int mb = 0; mb < 64; ++mb) huge << zeros;
    huge << "0]";
  }
  const auto o = tool("validate huge.json", w.dir, "1756684800", "ulimit -v 262144");
  CHECK(o.code == 2);
  CHECK(o.out == "peerkit: out of memory: an input is too large for this machine\n");
}
