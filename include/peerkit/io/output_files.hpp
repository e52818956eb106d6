#pragma once
// Writing a run's output without losing anything the user has. Output goes to a new (or
// empty) directory or to files the user named; an existing directory that holds files,
// and an existing named file, are written into only when the user forces it; a file the
// run read is never written, forced or not. Everything is checked before the first byte
// is written, and every problem is reported together. Each file is written atomically:
// to a temporary file in the same directory, flushed to disk, then renamed over the
// target, so a reader sees the old file or the whole new one, never a part. A new
// output directory is filled under a temporary name and renamed when complete; the
// temporary directory a killed run left is removed by the next run to the same place.
// Output about students is personal data of minors: with file_access::owner_only no one
// but the user can read it, whatever the umask, the temporary files included.

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstdio>
#include <filesystem>
#include <span>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

#if __has_include(<unistd.h>)
#include <sys/stat.h>  // fchmod
#include <unistd.h>    // fsync, getpid
#include <csignal>     // kill (POSIX): is the process that left a temporary directory alive?
#endif

#include <peerkit/config.hpp>
#include <peerkit/core/error.hpp>

namespace peerkit::io {

/// One file to write: where, and what.
struct output_file {
  std::filesystem::path path;
  std::string content;
};

/// Who may read the files a run writes.
enum class file_access {
  as_umask,   ///< as the process's umask allows (results without personal data)
  owner_only  ///< only their owner: files 0600, new directories 0700 (personal data)
};

/// What a run's output may replace, and who may read it.
struct output_policy {
  /// The files the run read. No output replaces one of them, forced or not.
  std::vector<std::filesystem::path> inputs;
  /// Write into an existing directory that holds files, and replace existing files
  /// there or at named paths (never an input).
  bool force = false;
  file_access access = file_access::as_umask;
};

namespace detail {
inline std::string system_message(int code) {
  return std::error_code(code, std::generic_category()).message();
}

/// True when `a` and `b` are the same file: the same file on disk (through links and
/// other spellings too), or the same normalised path when one does not exist.
inline bool same_file(const std::filesystem::path& a, const std::filesystem::path& b) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (fs::equivalent(a, b, ec)) return true;
  std::error_code ec_a, ec_b;
  const auto full_a = fs::weakly_canonical(fs::absolute(a, ec_a), ec_a);
  const auto full_b = fs::weakly_canonical(fs::absolute(b, ec_b), ec_b);
  return !ec_a && !ec_b && full_a == full_b;
}

/// `dir` without a trailing separator: "out/" is "out".
inline std::filesystem::path without_trailing_separator(std::filesystem::path dir) {
  if (!dir.has_filename() && dir.has_parent_path() && dir != dir.root_path())
    dir = dir.parent_path();
  return dir;
}

inline std::filesystem::path directory_of(const std::filesystem::path& file) {
  return file.has_parent_path() ? file.parent_path() : std::filesystem::path(".");
}

inline long process_id() {
#if __has_include(<unistd.h>)
  return static_cast<long>(::getpid());
#else
  return 0;
#endif
}

/// Removes the temporary directories that runs writing `name` in `parent` left when they
/// were killed (".name.PID.tmp", ".name.PID.N.tmp" of a process that no longer runs): they
/// hold the personal data of an output that never appeared.
inline void remove_abandoned_fills(const std::filesystem::path& parent, const std::string& name) {
#if __has_include(<unistd.h>)
  namespace fs = std::filesystem;
  const std::string prefix = "." + name + ".";
  std::error_code ec;
  std::vector<fs::path> abandoned;
  for (const auto& entry : fs::directory_iterator(parent, ec)) {
    const std::string file = entry.path().filename().string();
    if (!file.starts_with(prefix) || !file.ends_with(".tmp") || !entry.is_directory(ec)) continue;
    const std::string_view middle(file.data() + prefix.size(), file.size() - prefix.size() - 4);
    const auto pid_digits = middle.substr(0, middle.find('.'));
    long pid = 0;
    const auto [end, failed] = std::from_chars(pid_digits.data(),
                                               pid_digits.data() + pid_digits.size(), pid);
    if (failed != std::errc{} || end != pid_digits.data() + pid_digits.size() || pid <= 0) continue;
    if (::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH)
      abandoned.push_back(entry.path());
  }
  for (const auto& dir : abandoned) fs::remove_all(dir, ec);
#else
  (void)parent;
  (void)name;
#endif
}

/// The checks every target gets: not an input, not a directory, named once.
inline void check_target(const std::filesystem::path& target,
                         std::span<const std::filesystem::path> earlier,
                         const output_policy& policy, problem_list& problems) {
  namespace fs = std::filesystem;
  const std::string where = target.string();
  for (const auto& input : policy.inputs)
    if (same_file(target, input)) {
      problems.add("io.output_is_input", where,
                   "expected a file to write, found an input of this run (" + input.string() +
                       "); inputs are never overwritten");
      return;
    }
  for (const auto& other : earlier)
    if (same_file(target, other)) {
      problems.add("io.duplicate_output", where,
                   "expected each output file once, found it a second time");
      return;
    }
  std::error_code ec;
  if (fs::is_directory(target, ec))
    problems.add("io.output_is_directory", where, "expected a file to write, found a directory");
}
}  // namespace detail

/// Writes `content` to `path` atomically: a temporary file next to it (".name.tmp"),
/// written, flushed to disk and renamed over `path`; with file_access::owner_only it is
/// made readable by its owner only before anything is written to it. Checks no policy:
/// see write_output_files(). Throws peerkit::error io.write_failed, leaving no temporary
/// file.
inline void write_file_atomically(const std::filesystem::path& path, std::string_view content,
                                  file_access access = file_access::as_umask) {
  namespace fs = std::filesystem;
  const fs::path dir = detail::directory_of(path);
  const std::string name = path.filename().string();
  const auto failure = [&](const std::string& what) {
    return error("io.write_failed", path.string(), "expected to write the file, failed to " + what);
  };

  // "x": create a new file only, so a temporary name in use (another writer, or a left
  // over from a crash) is never taken over; the next name is tried instead.
  std::FILE* file = nullptr;
  fs::path temporary;
  int code = 0;
  for (int n = 0; n < 100 && !file; ++n) {
    temporary = dir / ("." + name + (n == 0 ? "" : "." + std::to_string(n)) + ".tmp");
    errno = 0;
    file = std::fopen(temporary.string().c_str(), "wbx");
    code = errno;
    if (!file && code != EEXIST) break;
  }
  if (!file)
    throw failure("create a temporary file in " + dir.string() + ": " +
                  detail::system_message(code));

  bool written = true;
#if __has_include(<unistd.h>)
  if (access == file_access::owner_only) written = ::fchmod(::fileno(file), 0600) == 0;
#endif
  written = written && std::fwrite(content.data(), 1, content.size(), file) == content.size() &&
            std::fflush(file) == 0;
#if __has_include(<unistd.h>)
  written = written && ::fsync(::fileno(file)) == 0;  // on disk before it takes the target's name
#endif
  if (!written) code = errno;
  if (std::fclose(file) != 0 && written) {
    written = false;
    code = errno;
  }
  std::error_code ec;
  if (!written) {
    fs::remove(temporary, ec);
    throw failure("write " + temporary.string() + ": " + detail::system_message(code));
  }
  fs::rename(temporary, path, ec);
  if (ec) {
    const std::string reason = ec.message();
    fs::remove(temporary, ec);
    throw failure("rename " + temporary.string() + " to it: " + reason);
  }
}

/// Writes `files` at the paths the user named, each atomically, after checking them all:
/// the directory of each must exist; an existing file is replaced only with
/// `policy.force`; an input, a directory or a path named twice is never written.
/// Throws peerkit::error with every problem (io.no_such_directory, io.output_exists,
/// io.output_is_input, io.output_is_directory, io.duplicate_output) before writing
/// anything, or io.write_failed. Returns the paths written, in order.
inline std::vector<std::filesystem::path> write_output_files(std::span<const output_file> files,
                                                             const output_policy& policy) {
  namespace fs = std::filesystem;
  problem_list problems;
  std::vector<fs::path> targets;
  for (const auto& f : files) {
    const auto before = problems.problems().size();
    detail::check_target(f.path, targets, policy, problems);
    std::error_code ec;
    if (problems.problems().size() == before) {
      if (!fs::is_directory(detail::directory_of(f.path), ec))
        problems.add("io.no_such_directory", f.path.string(),
                     "expected an existing directory to write the file in, found none");
      else if (!policy.force && fs::exists(f.path, ec))
        problems.add("io.output_exists", f.path.string(),
                     "expected a new file, found an existing one; name another file or allow "
                     "replacing it (force)");
    }
    targets.push_back(f.path);
  }
  problems.throw_if_any();
  for (const auto& f : files) write_file_atomically(f.path, f.content, policy.access);
  return targets;
}

/// Writes `files` into directory `dir`, their paths relative to it, after checking them
/// all. A `dir` that does not exist is created (with its parents) under a temporary name
/// and renamed when every file is in it. An existing `dir` must be empty unless
/// `policy.force`; an input is never written. Throws peerkit::error with every problem
/// (io.not_a_directory, io.directory_not_empty, io.output_is_input,
/// io.output_is_directory, io.duplicate_output) before writing anything, or
/// io.write_failed. Returns the paths written, in order.
inline std::vector<std::filesystem::path> write_output_directory(const std::filesystem::path& dir,
                                                                 std::span<const output_file> files,
                                                                 const output_policy& policy) {
  namespace fs = std::filesystem;
  const fs::path out = detail::without_trailing_separator(dir);
  problem_list problems;
  std::error_code ec;
  const bool exists = fs::exists(out, ec);
  if (exists && !fs::is_directory(out, ec))
    problems.add("io.not_a_directory", out.string(),
                 "expected a directory for the output, found a file");
  else if (exists && !policy.force && fs::directory_iterator(out, ec) != fs::directory_iterator())
    problems.add("io.directory_not_empty", out.string(),
                 "expected a new or empty directory for the output, found one that holds files; "
                 "name another "
                 "directory or allow writing into it (force)");
  std::vector<fs::path> targets;
  for (const auto& f : files) {
    PEERKIT_ASSERT(f.path.is_relative() && !f.path.empty(),
                   "output files in a directory have relative paths");
    PEERKIT_ASSERT(
        std::none_of(f.path.begin(), f.path.end(), [](const auto& part) { return part == ".."; }),
        "output files stay inside the directory");
    const fs::path target = out / f.path;
    detail::check_target(target, targets, policy, problems);
    targets.push_back(target);
  }
  problems.throw_if_any();

  fs::path fill = out;  // where the files go first: a temporary directory if `out` is new
  if (!exists) {
    const fs::path parent = detail::directory_of(out);
    fs::create_directories(parent, ec);
    if (ec)
      throw error("io.write_failed", out.string(),
                  "expected to create the output directory, failed to create " + parent.string() +
                      ": " + ec.message());
    const std::string name = out.filename().string();
    detail::remove_abandoned_fills(parent, name);
    // The name carries the process id, so that a later run knows whether its writer is gone.
    const std::string stem = "." + name + "." + std::to_string(detail::process_id());
    bool created = false;
    for (int n = 0; n < 100 && !created; ++n) {
      fill = parent / (stem + (n == 0 ? "" : "." + std::to_string(n)) + ".tmp");
      created = fs::create_directory(fill, ec);  // false when the name is taken, by anything
    }
    if (created && policy.access == file_access::owner_only)
      fs::permissions(fill, fs::perms::owner_all, fs::perm_options::replace, ec);
    if (!created || ec)
      throw error(
          "io.write_failed", out.string(),
          "expected to create the output directory, failed to create a temporary directory in " +
              parent.string() + (ec ? ": " + ec.message() : std::string()));
  }
  const auto discard = [&] {
    if (!exists) fs::remove_all(fill, ec);
  };
  for (const auto& f : files) {
    const fs::path target = fill / f.path;
    ec.clear();
    if (f.path.has_parent_path()) fs::create_directories(target.parent_path(), ec);
    if (ec) {
      const std::string reason = ec.message();
      discard();
      throw error("io.write_failed", (out / f.path).string(),
                  "expected to write the file, failed to create its directory: " + reason);
    }
    try {
      write_file_atomically(target, f.content, policy.access);
    } catch (const error& e) {  // named by where the file ends up, not the temporary directory
      discard();
      throw error("io.write_failed", (out / f.path).string(), e.problems().front().message);
    }
  }
  if (!exists) {
    fs::rename(fill, out, ec);
    if (ec) {
      const std::string reason = ec.message();
      fs::remove_all(fill, ec);
      throw error("io.write_failed", out.string(),
                  "expected to move the finished output into place, failed to rename " +
                      fill.string() + ": " + reason);
    }
  }
  return targets;
}

}  // namespace peerkit::io
