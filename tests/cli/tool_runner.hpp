#pragma once
// Runs the command-line tool as a user runs it, from the tests of tests/cli/.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <string>
#include <system_error>

namespace {

const std::filesystem::path sample_dir = std::filesystem::path(PEERKIT_SOURCE_DIR) / "examples" /
                                         "data";

/// A fresh, empty directory for one test, removed afterwards. Its name holds the process
/// id, so that test runs of two builds at once do not share it.
struct scratch_dir {
  std::filesystem::path dir;
  explicit scratch_dir(const std::string& name)
      : dir(std::filesystem::temp_directory_path() /
            ("peerkit-" + name + "-" + std::to_string(::getpid()))) {
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
  }
  ~scratch_dir() {
    std::error_code ignored;
    std::filesystem::remove_all(dir, ignored);
  }
  scratch_dir(const scratch_dir&) = delete;
  scratch_dir& operator=(const scratch_dir&) = delete;
};

struct outcome {
  int code = -1;
  std::string out;  ///< standard output and standard error together
};

/// Runs the tool with `args` (a shell-quoted string) in `dir`, with SOURCE_DATE_EPOCH set
/// to `epoch` (shell-quoted), after the shell commands `setup` (such as a ulimit).
outcome tool(const std::string& args,
             const std::filesystem::path& dir = std::filesystem::temp_directory_path(),
             const std::string& epoch = "1756684800", const std::string& setup = "true") {
  const std::string cmd = "cd '" + dir.string() + "' && " + setup +
                          " && SOURCE_DATE_EPOCH=" + epoch + " '" + PEERKIT_TOOL + "' " + args +
                          " 2>&1";
  outcome o;
  FILE* pipe = popen(cmd.c_str(), "r");
  REQUIRE(pipe);
  std::array<char, 4096> buffer{};
  while (std::size_t n = fread(buffer.data(), 1, buffer.size(), pipe))
    o.out.append(buffer.data(), n);
  const int status = pclose(pipe);
  o.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return o;
}

}  // namespace
