#pragma once
// A simulation's results written as the runs come, in run order, so that memory stays
// flat however many runs an experiment has and the bytes are the same for any thread
// count: the tables of simulation_tables.hpp as files, and charts:
//
//   runs, points, summary   always
//   pairs    when outputs.pairs
//   weeks    when outputs.weeks
//   survival.svg, outcomes.svg   charts of each point (when outputs.charts), from the
//            first chart_replications replications of each point
//
// A killed run leaves no half file where the results go: everything is written under a
// temporary directory (a new output directory's own temporary name, or ".simulation.tmp"
// inside an existing one) and moved into place only when complete.
//
// That temporary directory also keeps what a later process needs to continue: shard.json
// (which sweep, which runs, which files) and shard.record, one line per committed run
// with what the summary and the charts take from it and where the run's rows end in each
// table, appended and flushed after the rows. A resumed output (output_runs::resume)
// truncates the tables after the last complete line, replays the lines and goes on from
// the next run. A shard (output_runs::shard) holds only a slice of the runs; it keeps
// shard.json and shard.record beside its tables instead of a summary and charts, and
// merge_shards() joins the shards of a sweep into the files one process would write.
//
//   io::simulation_output out("results", doc.experiment, doc.outputs, table_format::csv,
//                             {{"scenario.json"}, false},
//                             {.shard = std::nullopt, .resume = true, .fingerprint = "…"});
//   run_sweep(doc.experiment, plan_for, threads, [&](run_outcome<simulation_run>&& r) {
//     out.add(r);
//   }, no_progress{}, out.remaining());
//   out.finish();

#include <algorithm>
#include <array>
#include <bit>
#include <charconv>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <limits>
#include <memory>
#include <optional>
#include <span>
#include <sstream>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#if __has_include(<unistd.h>)
#include <unistd.h>  // fsync
#endif

#include <peerkit/core/enum_keys.hpp>
#include <peerkit/core/error.hpp>
#include <peerkit/experiment/kaplan_meier.hpp>
#include <peerkit/experiment/ordered_runs.hpp>
#include <peerkit/experiment/statistics.hpp>
#include <peerkit/experiment/svg_charts.hpp>
#include <peerkit/io/output_files.hpp>
#include <peerkit/io/simulation_json.hpp>
#include <peerkit/io/simulation_tables.hpp>
#include <peerkit/io/table_writer.hpp>
#include <peerkit/io/text_file.hpp>
#include <peerkit/simulation/parameters.hpp>
#include <peerkit/simulation/sweep.hpp>
#include <peerkit/simulation/year_simulation.hpp>

namespace peerkit::io {

/// The charts draw the values of this many replications of each point, the first ones:
/// enough for a smooth curve, and memory stays bounded however many replications run.
inline constexpr std::size_t chart_replications = 500;

/// The runs of shard `shard` (0 ≤ shard < shards) of an experiment of `runs` runs:
/// contiguous slices in shard order whose sizes differ by at most one, the first
/// runs % shards of them one run longer. Together the shards hold every run once.
[[nodiscard]] inline run_range shard_runs(std::size_t runs, std::size_t shard, std::size_t shards) {
  PEERKIT_ASSERT(shard < shards, "shard_runs: a shard of 0 .. shards - 1");
  const std::size_t size = runs / shards;
  const std::size_t longer = runs % shards;
  const std::size_t first = shard * size + std::min(shard, longer);
  return {first, first + size + (shard < longer ? 1 : 0)};
}

/// Which runs an output holds and how it starts; by default every run, afresh.
struct output_runs {
  /// Only these runs, written as a shard for merge_shards(): its tables and points, and
  /// shard.json and shard.record instead of a summary and charts.
  std::optional<run_range> shard;
  /// Continue the interrupted output of the same sweep and runs in the directory from
  /// its last complete run; start afresh when there is none.
  bool resume = false;
  /// What identifies the inputs beyond the sweep itself (say, a hash of the documents
  /// the sweep was read from): recorded, and checked when resuming and merging.
  std::string fingerprint;
};

namespace detail {

/// A file written from its start, or continued after the first bytes of an existing one;
/// the bytes written so far are counted.
class output_stream {
 public:
  explicit output_stream(std::filesystem::path path,
                         std::optional<std::uintmax_t> continue_after = std::nullopt)
      : path_(std::move(path)), size_(continue_after.value_or(0)) {
    std::error_code ec;
    if (continue_after) std::filesystem::resize_file(path_, *continue_after, ec);
    if (ec) throw failure("cut it after its last complete run: " + ec.message());
    file_ = std::fopen(path_.string().c_str(), continue_after ? "ab" : "wb");
    if (!file_) throw failure(continue_after ? "open it" : "create it");
  }
  output_stream(const output_stream&) = delete;
  output_stream& operator=(const output_stream&) = delete;
  ~output_stream() {
    if (file_) std::fclose(file_);
  }

  void write(std::string_view text) {
    if (std::fwrite(text.data(), 1, text.size(), file_) != text.size()) throw failure("write it");
    size_ += text.size();
  }

  /// Hands what was written to the system, so that it outlives the process being killed.
  void flush() {
    if (std::fflush(file_) != 0) throw failure("write it");
  }

  /// Flushes to disk and closes the file.
  void close() {
    bool done = std::fflush(file_) == 0;
#if __has_include(<unistd.h>)
    done = done && ::fsync(::fileno(file_)) == 0;
#endif
    done = std::fclose(file_) == 0 && done;
    file_ = nullptr;
    if (!done) throw failure("write it");
  }

  [[nodiscard]] std::uint64_t size() const noexcept { return size_; }
  [[nodiscard]] const std::filesystem::path& path() const noexcept { return path_; }

 private:
  [[nodiscard]] error failure(const std::string& what) const {
    return error("io.write_failed", path_.string(),
                 "expected to write the file, failed to " + what);
  }

  std::filesystem::path path_;
  std::FILE* file_ = nullptr;
  std::uint64_t size_;
};

/// A table streamed to a file: rows are built in memory and handed to the file after each
/// run, so only one run's rows are held at a time. Continued after `continue_after`
/// bytes of an existing file, it writes no header.
class streamed_table {
 public:
  streamed_table(std::filesystem::path path, table_format format, std::vector<std::string> columns,
                 std::optional<std::uintmax_t> continue_after = std::nullopt)
      : file_(std::move(path), continue_after), writer_(text_, format, std::move(columns)) {
    if (continue_after) text_.str({});
  }

  void write_row(std::span<const table_cell> cells) { writer_.write_row(cells); }
  void write_row(std::initializer_list<table_cell> cells) { writer_.write_row(cells); }

  /// Hands the rows written so far to the file.
  void drain() {
    file_.write(text_.view());
    text_.str({});
  }

  /// Drains, then writes `rows`: whole rows of this table, as text.
  void append(std::string_view rows) {
    drain();
    file_.write(rows);
  }

  void flush() { file_.flush(); }

  /// Drains, flushes to disk and closes the file.
  void close() {
    drain();
    file_.close();
  }

  /// The bytes of the file once drained.
  [[nodiscard]] std::uint64_t size() const noexcept { return file_.size(); }

 private:
  output_stream file_;
  std::ostringstream text_;
  table_writer writer_;
};

/// What the summary and the charts take from one run, and where the run's rows end in
/// the runs, pairs and weeks tables: a line of shard.record.
struct run_record {
  std::size_t run = 0;
  std::array<std::uint64_t, 3> table_ends{};
  bool failed = false;
  std::vector<year_summary> years;
  std::vector<survival_time> survival;  ///< its pairs', when charted
  std::vector<double> effects;          ///< its supportees', when charted
};

/// Calls `f` with every field of year_summary, in its order.
template <class Summary, class F>
void for_each_field(Summary& s, F&& f) {
  f(s.year);
  f(s.supporters);
  f(s.supportees);
  f(s.pairs);
  f(s.early_endings);
  f(s.rematches);
  f(s.late_matches);
  f(s.never_matched);
  f(s.meetings_planned);
  f(s.meetings_held);
  f(s.meetings_per_month);
  f(s.months_supported);
  f(s.early_share);
  f(s.escalations);
  f(s.escalations_late);
  f(s.sessions_planned);
  f(s.sessions_held);
  f(s.coaches_left);
  f(s.mean_effect);
  f(s.support);
}

/// A line of shard.record: words separated by a space, whole numbers in decimal and
/// doubles as the hexadecimal bits of their value, so that they read back exactly on
/// any machine and in any locale.
class record_writer {
 public:
  void put(std::integral auto v) { word(v, 10); }
  void put(double v) { word(std::bit_cast<std::uint64_t>(v), 16); }
  std::string line() && {
    line_ += '\n';
    return std::move(line_);
  }

 private:
  template <class Int>
  void word(Int v, int base) {
    std::array<char, 24> text{};
    const auto end = std::to_chars(text.data(), text.data() + text.size(), v, base).ptr;
    if (!line_.empty()) line_ += ' ';
    line_.append(text.data(), end);
  }
  std::string line_;
};

/// Reads the words of a line of shard.record; false once a word is missing or wrong.
class record_reader {
 public:
  explicit record_reader(std::string_view line) : rest_(line) {}
  bool get(std::integral auto& v) { return word(v, 10); }
  bool get(double& v) {
    std::uint64_t bits = 0;
    if (!word(bits, 16)) return false;
    v = std::bit_cast<double>(bits);
    return true;
  }
  bool get(bool& v) {
    int flag = 0;
    if (!word(flag, 10) || (flag != 0 && flag != 1)) return false;
    v = flag == 1;
    return true;
  }
  [[nodiscard]] bool at_end() const noexcept { return rest_.empty(); }

 private:
  template <class Int>
  bool word(Int& v, int base) {
    const auto size = std::min(rest_.find(' '), rest_.size());
    const auto [end, failed] = std::from_chars(rest_.data(), rest_.data() + size, v, base);
    if (size == 0 || failed != std::errc{} || end != rest_.data() + size) return false;
    rest_.remove_prefix(std::min(size + 1, rest_.size()));
    return true;
  }
  std::string_view rest_;
};

inline std::string line_of(const run_record& r) {
  record_writer w;
  w.put(r.run);
  for (const auto end : r.table_ends) w.put(end);
  w.put(int{r.failed});
  w.put(r.years.size());
  for (const auto& y : r.years) for_each_field(y, [&](auto v) { w.put(v); });
  w.put(r.survival.size());
  for (const auto& s : r.survival) {
    w.put(s.time);
    w.put(int{s.ended});
  }
  w.put(r.effects.size());
  for (const double e : r.effects) w.put(e);
  return std::move(w).line();
}

/// The record a line (without its end) holds; none when it is not one.
inline std::optional<run_record> record_of(std::string_view line) {
  record_reader in(line);
  run_record r;
  std::size_t count = 0;
  const auto get_all = [&](auto& values, auto&& get_one) {
    if (!in.get(count) || count > line.size()) return false;
    values.resize(count);
    return std::all_of(values.begin(), values.end(), get_one);
  };
  bool ok = in.get(r.run) && in.get(r.table_ends[0]) && in.get(r.table_ends[1]) &&
            in.get(r.table_ends[2]) && in.get(r.failed) &&
            get_all(r.years,
                    [&](year_summary& y) {
                      bool all = true;
                      for_each_field(y, [&](auto& v) { all = all && in.get(v); });
                      return all;
                    }) &&
            get_all(r.survival,
                    [&](survival_time& s) { return in.get(s.time) && in.get(s.ended); }) &&
            get_all(r.effects, [&](double& e) { return in.get(e); }) && in.at_end();
  if (!ok) return std::nullopt;
  return r;
}

/// Calls `f(record)` for each line of the shard.record `file` in turn, up to the first
/// that is not a complete record (the end of a line the process was killed in); returns
/// the bytes of the lines read. Throws io.cannot_read.
template <class F>
std::uint64_t for_each_record(const std::filesystem::path& file, F&& f) {
  std::ifstream in(file, std::ios::binary);
  if (!in)
    throw error("io.cannot_read", file.string(), "expected to read the file, failed to open it");
  std::uint64_t size = 0;
  for (std::string line; std::getline(in, line) && !in.eof();) {
    auto record = record_of(line);
    if (!record) break;
    f(*record);
    size += line.size() + 1;
  }
  return size;
}

}  // namespace detail

/// Writes the results of the sweep `s` into directory `dir` as the runs come: add() each
/// run of remaining() in run order, then finish(). Checks the output before the first
/// run, as write_output_directory() does: `dir` is new or empty (unless `policy.force`)
/// and no file written is an input. `runs` makes it a shard, or continues an interrupted
/// output (see the top of this file). Throws peerkit::error (io.not_a_directory,
/// io.directory_not_empty, io.output_is_input, io.output_is_directory, io.write_failed;
/// data.inconsistent when the interrupted output to continue is of another sweep or
/// other runs). Destroyed before finish(), it removes what it wrote and leaves `dir` as it
/// was; a killed process leaves its temporary directory for a resumed one. `s` must
/// outlive it.
class simulation_output {
 public:
  simulation_output(const std::filesystem::path& dir, const sweep& s, simulation_outputs outputs,
                    table_format format, const output_policy& policy, output_runs runs = {})
      : sweep_(s),
        outputs_(outputs),
        format_(format),
        out_(detail::without_trailing_separator(dir)),
        shard_(runs.shard.has_value()),
        fingerprint_(std::move(runs.fingerprint)),
        range_(runs.shard.value_or(run_range{0, run_count()})),
        next_(range_.first),
        summary_(s),
        survival_(s.points.size()),
        effects_(s.points.size()) {
    namespace fs = std::filesystem;
    PEERKIT_ASSERT(range_.first <= range_.last && range_.last <= run_count(),
                   "simulation_output: a shard holds runs of the sweep");
    std::error_code ec;
    exists_ = fs::exists(out_, ec);
    if (runs.resume) fill_ = interrupted_directory();
    problem_list problems;
    const auto holds_files = [&] {
      for (const auto& entry : fs::directory_iterator(out_, ec))
        if (entry.path() != fill_) return true;
      return false;
    };
    if (exists_ && !fs::is_directory(out_, ec))
      problems.add("io.not_a_directory", out_.string(),
                   "expected a directory for the output, found a file");
    else if (exists_ && !policy.force && holds_files())
      problems.add("io.directory_not_empty", out_.string(),
                   "expected a new or empty directory for the output, found one that holds "
                   "files; name another directory or allow writing into it (force)");
    std::vector<fs::path> targets;
    for (const auto& name : file_names()) {
      const auto target = out_ / name;
      detail::check_target(target, targets, policy, problems);
      targets.push_back(target);
    }
    problems.throw_if_any();

    // Resuming: the summary and the charts fed again from the records of the runs done,
    // each table cut after the rows of the last of them.
    std::optional<std::uint64_t> record_size;
    std::array<std::uint64_t, 3> ends{};
    if (fill_.empty()) {
      create_fill_directory();
      write_file_atomically(fill_ / shard_description_file, shard_description());
    } else {
      const auto file = fill_ / shard_record_file;
      record_size = fs::exists(file, ec)  // none when killed before it was made
                        ? detail::for_each_record(file,
                                                  [&](const detail::run_record& r) {
                                                    expect_next(r, file);
                                                    account(r);
                                                    ends = r.table_ends;
                                                  })
                        : 0;
    }
    const bool continued = record_size && *record_size > 0;
    if (continued) check_table_ends(fill_, ends, false);
    const auto table = [&](std::string_view name, std::vector<std::string> columns,
                           std::size_t index) {
      return std::make_unique<detail::streamed_table>(
          fill_ / file_name(name), format_, std::move(columns),
          continued ? std::optional<std::uintmax_t>(ends[index]) : std::nullopt);
    };
    runs_ = table("runs", runs_columns(), 0);
    if (outputs_.pairs) pairs_ = table("pairs", pairs_columns(), 1);
    if (outputs_.weeks) weeks_ = table("weeks", weeks_columns(), 2);
    record_ = std::make_unique<detail::output_stream>(fill_ / shard_record_file, record_size);
  }

  simulation_output(const simulation_output&) = delete;
  simulation_output& operator=(const simulation_output&) = delete;

  ~simulation_output() {
    runs_.reset();
    pairs_.reset();
    weeks_.reset();
    record_.reset();
    std::error_code ec;
    if (!finished_ && !fill_.empty()) std::filesystem::remove_all(fill_, ec);
  }

  /// The runs still to add, in order: all the output holds, or for a resumed output
  /// those after its last complete run.
  [[nodiscard]] run_range remaining() const noexcept { return {next_, range_.last}; }

  /// Writes one run; runs come in run order.
  void add(const run_outcome<simulation_run>& r) {
    write_run_rows(sweep_, r, *runs_, pairs_.get(), weeks_.get());
    detail::run_record record{r.run, {}, !r.result, {}, {}, {}};
    if (r.result) {
      const auto replications = static_cast<std::size_t>(std::max(1, sweep_.replications));
      const bool charted = outputs_.charts && r.run % replications < chart_replications;
      for (const auto& y : r.result->years) {
        record.years.push_back(y.summary);
        if (!charted) continue;
        for (const auto& p : y.pairs)
          record.survival.push_back(
              {static_cast<double>((p.ended - p.started).days()) / 7, p.early});
        record.effects.insert(record.effects.end(), y.effects.begin(), y.effects.end());
      }
    }
    commit(std::move(record));
  }

  /// Runs that failed so far.
  [[nodiscard]] std::size_t failed() const noexcept { return failed_; }

  /// Adds the runs `runs` of the finished shard in `dir` (of this sweep and format, its
  /// runs the next ones of remaining()): its rows as written, and its records for the
  /// summary and the charts. Not for a shard. Throws io.cannot_read, data.missing when its
  /// record does not hold exactly its runs, data.inconsistent when they are not the next
  /// or its tables do not end where its record says.
  void add_shard(const std::filesystem::path& dir, run_range runs) {
    PEERKIT_ASSERT(!shard_, "simulation_output::add_shard: a shard has records of its own");
    const auto file = dir / shard_record_file;
    if (runs.first != next_)
      throw error("data.inconsistent", file.string(),
                  "expected the runs from " + std::to_string(next_) + ", found runs from " +
                      std::to_string(runs.first));
    std::error_code ec;
    std::array<std::uint64_t, 3> ends{};
    const auto expected = "expected the records of runs " + std::to_string(runs.first) + " to " +
                          std::to_string(runs.last - 1);
    const auto size = detail::for_each_record(file, [&](const detail::run_record& r) {
      if (r.run >= runs.last)
        throw error("data.inconsistent", file.string(),
                    expected + ", found one of run " + std::to_string(r.run));
      expect_next(r, file);
      account(r);
      ends = r.table_ends;
    });
    if (next_ != runs.last || size != std::filesystem::file_size(file, ec))
      throw error("data.missing", file.string(),
                  expected + ", found " + std::to_string(next_ - runs.first) +
                      " complete ones (is the shard finished?)");
    check_table_ends(dir, ends, true);
    append_rows(*runs_, dir / file_name("runs"));
    if (pairs_) append_rows(*pairs_, dir / file_name("pairs"));
    if (weeks_) append_rows(*weeks_, dir / file_name("weeks"));
  }

  /// Writes the points, and the summary and the charts (a shard: its shard.json and
  /// shard.record), and moves every file into place. Returns the paths written, in the
  /// order of the listing above.
  std::vector<std::filesystem::path> finish() {
    namespace fs = std::filesystem;
    runs_->close();
    if (pairs_) pairs_->close();
    if (weeks_) weeks_->close();
    record_->close();
    write_file_atomically(fill_ / file_name("points"), points_table());
    if (shard_) {
      PEERKIT_ASSERT(next_ == range_.last, "simulation_output: a shard is finished with its runs");
    } else {
      write_file_atomically(fill_ / file_name("summary"), summary_table());
      if (outputs_.charts) {
        write_file_atomically(fill_ / "survival.svg", survival_svg());
        write_file_atomically(fill_ / "outcomes.svg", outcomes_svg());
      }
      std::error_code ec;
      fs::remove(fill_ / shard_record_file, ec);
      fs::remove(fill_ / shard_description_file, ec);
    }
    std::vector<fs::path> written;
    std::error_code ec;
    if (!exists_) {
      fs::rename(fill_, out_, ec);
      if (ec)
        throw error("io.write_failed", out_.string(),
                    "expected to move the finished output into place, failed to rename " +
                        fill_.string() + ": " + ec.message());
    } else {
      for (const auto& name : file_names()) {
        fs::rename(fill_ / name, out_ / name, ec);
        if (ec)
          throw error("io.write_failed", (out_ / name).string(),
                      "expected to move the finished file into place, failed: " + ec.message());
      }
      fs::remove(fill_, ec);
    }
    finished_ = true;
    for (const auto& name : file_names()) written.push_back(out_ / name);
    return written;
  }

 private:
  static constexpr std::string_view shard_description_file = "shard.json";
  static constexpr std::string_view shard_record_file = "shard.record";

  [[nodiscard]] std::size_t run_count() const noexcept {
    return sweep_.points.size() * static_cast<std::size_t>(std::max(0, sweep_.replications));
  }

  [[nodiscard]] std::string file_name(std::string_view table) const {
    return std::string(table) + (format_ == table_format::csv ? ".csv" : ".jsonl");
  }

  [[nodiscard]] std::vector<std::string> file_names() const {
    std::vector<std::string> names{file_name("runs")};
    if (outputs_.pairs) names.push_back(file_name("pairs"));
    if (outputs_.weeks) names.push_back(file_name("weeks"));
    names.push_back(file_name("points"));
    if (shard_) {
      names.emplace_back(shard_description_file);
      names.emplace_back(shard_record_file);
    } else {
      names.push_back(file_name("summary"));
      if (outputs_.charts) {
        names.emplace_back("survival.svg");
        names.emplace_back("outcomes.svg");
      }
    }
    return names;
  }

  /// What shard.json holds: everything that makes the files, and which runs they hold.
  [[nodiscard]] std::string shard_description() const {
    json points = json::array();
    for (const auto& p : sweep_.points) {
      json parameters = json::object();
      for (const auto& row : parameter_table())
        parameters[std::string(row.name)] = p.parameters.*(row.field);
      points.push_back({{"name", p.name}, {"parameters", std::move(parameters)}});
    }
    const json description{
        {"peerkit", "shard/1"},
        {"seed", sweep_.seed},
        {"replications", sweep_.replications},
        {"common_random_numbers", sweep_.common_random_numbers},
        {"years", sweep_.years},
        {"points", std::move(points)},
        {"format", format_ == table_format::csv ? "csv" : "jsonl"},
        {"outputs",
         {{"pairs", outputs_.pairs}, {"weeks", outputs_.weeks}, {"charts", outputs_.charts}}},
        {"fingerprint", fingerprint_},  // last: a different field above says more
        {"runs", run_count()},
        {"first", range_.first},
        {"last", range_.last}};
    return description.dump(1) + "\n";
  }

  /// The temporary directory of the n-th try: a new directory's temporary name beside
  /// it, or a temporary directory inside an existing one.
  [[nodiscard]] std::filesystem::path fill_candidate(int n) const {
    const auto parent = exists_ ? out_ : detail::directory_of(out_);
    const auto name = exists_ ? std::string(".simulation") : "." + out_.filename().string();
    return parent / (name + (n == 0 ? "" : "." + std::to_string(n)) + ".tmp");
  }

  static constexpr int fill_candidates = 100;

  /// The temporary directory an interrupted output of this sweep and these runs left;
  /// none when there is none. Throws data.inconsistent when only others are there.
  [[nodiscard]] std::filesystem::path interrupted_directory() const {
    namespace fs = std::filesystem;
    const auto ours = shard_description();
    std::optional<fs::path> other;
    for (int n = 0; n < fill_candidates; ++n) {
      const auto candidate = fill_candidate(n);
      std::error_code ec;
      if (!fs::exists(candidate / shard_description_file, ec)) continue;
      if (read_text_file(candidate / shard_description_file) == ours) return candidate;
      other = candidate;
    }
    if (other)
      throw error("data.inconsistent", (*other / shard_description_file).string(),
                  "expected the interrupted output of this sweep and these runs to continue, "
                  "found one of another sweep or other runs; remove " +
                      other->string() + " to start afresh");
    return {};
  }

  void create_fill_directory() {
    namespace fs = std::filesystem;
    std::error_code ec;
    if (!exists_) {
      fs::create_directories(detail::directory_of(out_), ec);
      if (ec)
        throw error("io.write_failed", out_.string(),
                    "expected to create the output directory, failed to create " +
                        detail::directory_of(out_).string() + ": " + ec.message());
    }
    for (int n = 0; n < fill_candidates && fill_.empty(); ++n) {
      const auto candidate = fill_candidate(n);
      if (fs::create_directory(candidate, ec)) fill_ = candidate;
      if (ec) break;
    }
    if (fill_.empty())
      throw error("io.write_failed", out_.string(),
                  "expected to create the output directory, failed to create a temporary "
                  "directory in " +
                      fill_candidate(0).parent_path().string() +
                      (ec ? ": " + ec.message() : std::string()));
  }

  /// Hands the run's rows to the files, then its record: a record on disk always has
  /// its rows there before it.
  void commit(detail::run_record&& record) {
    for (auto* t : {runs_.get(), pairs_.get(), weeks_.get()})
      if (t) t->drain();
    record.table_ends = {runs_->size(), pairs_ ? pairs_->size() : 0, weeks_ ? weeks_->size() : 0};
    for (auto* t : {runs_.get(), pairs_.get(), weeks_.get()})
      if (t) t->flush();
    record_->write(detail::line_of(record));
    record_->flush();
    account(record);
  }

  /// Throws data.inconsistent when a table in `dir` is shorter than shard.record says its
  /// runs' rows end (`exact`: or longer). A resumed output allows more, the rows of a run
  /// the process was killed in; a machine that stopped may have lost any of what the
  /// process handed to it.
  void check_table_ends(const std::filesystem::path& dir, const std::array<std::uint64_t, 3>& ends,
                        bool exact) const {
    const std::array<std::string_view, 3> tables{"runs", "pairs", "weeks"};
    const std::array<bool, 3> kept{true, outputs_.pairs, outputs_.weeks};
    for (std::size_t i = 0; i < tables.size(); ++i) {
      const auto file = dir / file_name(tables[i]);
      std::error_code ec;
      const auto size = std::filesystem::file_size(file, ec);
      if (kept[i] && (ec || size < ends[i] || (exact && size != ends[i])))
        throw error("data.inconsistent", file.string(),
                    "expected " + std::to_string(ends[i]) + " bytes, the rows of the runs in " +
                        std::string(shard_record_file) + ", found " +
                        (ec ? "no file" : std::to_string(size)) +
                        (exact ? "" : "; remove " + fill_.string() + " to start afresh"));
    }
  }

  /// Throws data.inconsistent unless `r`, read from `file`, is the next run.
  void expect_next(const detail::run_record& r, const std::filesystem::path& file) const {
    if (r.run != next_)
      throw error("data.inconsistent", file.string(),
                  "expected the record of run " + std::to_string(next_) + ", found run " +
                      std::to_string(r.run));
  }

  /// Appends the rows of the table `file` of a shard, after its header.
  void append_rows(detail::streamed_table& table, const std::filesystem::path& file) const {
    std::ifstream in(file, std::ios::binary);
    if (!in)
      throw error("io.cannot_read", file.string(), "expected to read the file, failed to open it");
    if (format_ == table_format::csv) in.ignore(std::numeric_limits<std::streamsize>::max(), '\n');
    std::string chunk(std::size_t{1} << 20, '\0');
    while (in.read(chunk.data(), static_cast<std::streamsize>(chunk.size())) || in.gcount() > 0)
      table.append({chunk.data(), static_cast<std::size_t>(in.gcount())});
  }

  /// Feeds the summary and the charts, the same from a run and from its record.
  void account(const detail::run_record& record) {
    next_ = record.run + 1;
    if (record.failed) {
      ++failed_;
      summary_.add(run_outcome<simulation_run>{record.run, std::nullopt, {}});
      return;
    }
    const auto replications = static_cast<std::size_t>(std::max(1, sweep_.replications));
    simulation_run run{record.run, record.run / replications, record.run % replications, {}, {},
                       {}};
    for (const auto& y : record.years) run.years.push_back({y, {}, {}});
    summary_.add(run_outcome<simulation_run>{record.run, std::move(run), {}});
    const auto point = record.run / replications;
    survival_[point].insert(survival_[point].end(), record.survival.begin(), record.survival.end());
    effects_[point].insert(effects_[point].end(), record.effects.begin(), record.effects.end());
  }

  [[nodiscard]] std::string points_table() const {
    std::ostringstream text;
    table_writer writer(text, format_, points_columns());
    write_points(sweep_, writer);
    return std::move(text).str();
  }

  [[nodiscard]] std::string summary_table() const {
    std::ostringstream text;
    table_writer writer(text, format_, summary_columns());
    write_summary(sweep_, summary_, writer);
    return std::move(text).str();
  }

  [[nodiscard]] std::string survival_svg() const {
    std::vector<named_curve> curves;
    for (std::size_t i = 0; i < sweep_.points.size(); ++i)
      curves.push_back({sweep_.points[i].name, kaplan_meier(survival_[i])});
    return survival_chart("Pairs still running (early end = event)", "weeks since the pair started",
                          curves);
  }

  [[nodiscard]] std::string outcomes_svg() const {
    std::vector<named_values> rows;
    for (std::size_t i = 0; i < sweep_.points.size(); ++i)
      rows.push_back({sweep_.points[i].name, effects_[i]});
    return distribution_chart("Effect per supportee", "effect (standard deviations)", rows);
  }

  const sweep& sweep_;
  simulation_outputs outputs_;
  table_format format_;
  std::filesystem::path out_;
  bool shard_;
  std::string fingerprint_;
  run_range range_;   // the runs the output holds
  std::size_t next_;  // the next run to add
  bool exists_ = false;
  bool finished_ = false;
  std::filesystem::path fill_;
  std::unique_ptr<detail::streamed_table> runs_, pairs_, weeks_;
  std::unique_ptr<detail::output_stream> record_;
  sweep_summary summary_;
  std::size_t failed_ = 0;
  std::vector<std::vector<survival_time>> survival_;  // per point, the charted replications
  std::vector<std::vector<double>> effects_;
};

/// What merge_shards() wrote.
struct merged_output {
  std::vector<std::filesystem::path> written;  ///< the paths, as simulation_output::finish()
  std::size_t runs = 0;
  std::size_t points = 0;
  std::size_t failed = 0;  ///< runs that failed
};

namespace detail {

/// A shard as merge_shards() reads it: its directory, shard.json and runs.
struct shard_found {
  std::filesystem::path dir;
  json description;
  run_range runs;
};

inline std::string run_span(std::size_t first, std::size_t last) {
  return "runs " + std::to_string(first) + " to " + std::to_string(last - 1);
}

/// The sweep a shard.json describes, with its outputs and format.
inline std::tuple<sweep, simulation_outputs, table_format> sweep_of(const json& d) {
  sweep s;
  s.seed = d.at("seed").get<std::uint64_t>();
  s.replications = d.at("replications").get<int>();
  s.common_random_numbers = d.at("common_random_numbers").get<bool>();
  s.years = d.at("years").get<int>();
  for (const auto& p : d.at("points")) {
    sweep_point point{p.at("name").get<std::string>(), {}};
    for (const auto& row : parameter_table())
      point.parameters.*(row.field) = p.at("parameters").at(std::string(row.name)).get<double>();
    s.points.push_back(std::move(point));
  }
  const auto& o = d.at("outputs");
  const simulation_outputs outputs{o.at("pairs").get<bool>(), o.at("weeks").get<bool>(),
                                   o.at("charts").get<bool>()};
  s.weeks = outputs.weeks;
  const auto format = d.at("format").get<std::string>() == "csv" ? table_format::csv
                                                                 : table_format::json_lines;
  return {std::move(s), outputs, format};
}

}  // namespace detail

/// Joins the shards in the directories `shards` (written with output_runs::shard, in any
/// order) into `dir`: the files, with the same bytes, that one simulation_output of every
/// run writes. Checks that the shards are of one sweep (data.inconsistent, at the field of
/// shard.json that differs), that together they hold every run once (data.missing for
/// runs in no shard, data.duplicate for runs in two), that each is complete, and the
/// output as simulation_output does (no shard file is overwritten). Throws peerkit::error
/// and then leaves `dir` as it was.
inline merged_output merge_shards(std::span<const std::filesystem::path> shards,
                                  const std::filesystem::path& dir, const output_policy& policy) {
  namespace fs = std::filesystem;
  std::vector<detail::shard_found> found;
  problem_list problems;
  for (const auto& shard : shards) {
    const auto file = shard / "shard.json";
    try {
      auto d = json::parse(read_text_file(file));
      if (!d.is_object() || d.value("peerkit", "") != "shard/1") {
        problems.add("json.unknown_value", file.string() + ": peerkit",
                     "expected the shard.json of a shard (\"peerkit\": \"shard/1\")");
        continue;
      }
      const run_range runs{d.at("first").get<std::size_t>(), d.at("last").get<std::size_t>()};
      found.push_back({shard, std::move(d), runs});
    } catch (const json::parse_error&) {
      problems.add("json.syntax", file.string(), "expected the JSON of a shard's shard.json");
    } catch (const json::exception& e) {
      problems.add("json.wrong_type", file.string(),
                   std::string("expected the fields of a shard's shard.json: ") + e.what());
    }
  }
  problems.throw_if_any();
  if (found.empty())
    throw error("data.missing", dir.string(), "expected at least one shard to merge");

  // Every shard of the sweep of the first.
  const auto& reference = found.front();
  for (const auto& shard : found)
    for (const auto& [key, value] : reference.description.items()) {
      if (key == "first" || key == "last") continue;
      if (shard.description.contains(key) && shard.description.at(key) == value) continue;
      problems.add("data.inconsistent", (shard.dir / "shard.json").string() + ": " + key,
                   "expected the sweep of " + (reference.dir / "shard.json").string() +
                       ", found another " + key + "; only shards of one sweep merge");
      break;
    }
  problems.throw_if_any();

  // Every run in one shard.
  std::stable_sort(found.begin(), found.end(), [](const auto& a, const auto& b) {
    return std::tie(a.runs.first, a.runs.last) < std::tie(b.runs.first, b.runs.last);
  });
  std::size_t runs = 0;
  try {
    runs = reference.description.at("runs").get<std::size_t>();
  } catch (const json::exception& e) {
    throw error("json.wrong_type", (reference.dir / "shard.json").string(),
                std::string("expected the fields of a shard's shard.json: ") + e.what());
  }
  std::size_t covered = 0;
  const fs::path* covered_by = nullptr;
  for (const auto& shard : found) {
    if (shard.runs.first > covered)
      problems.add("data.missing", detail::run_span(covered, shard.runs.first),
                   "expected every run of the sweep in one of the shards, found these in none "
                   "(is a shard missing?)");
    else if (shard.runs.first < covered && shard.runs.first < shard.runs.last)
      problems.add("data.duplicate", shard.dir.string(),
                   "expected each run in one shard, found " +
                       detail::run_span(shard.runs.first, std::min(covered, shard.runs.last)) +
                       " in " + covered_by->string() + " too");
    if (shard.runs.last > covered) {
      covered = shard.runs.last;
      covered_by = &shard.dir;
    }
  }
  if (covered < runs)
    problems.add("data.missing", detail::run_span(covered, runs),
                 "expected every run of the sweep in one of the shards, found these in none "
                 "(is a shard missing?)");
  problems.throw_if_any();

  auto [s, outputs, format] = [&] {
    try {
      return detail::sweep_of(reference.description);
    } catch (const json::exception& e) {
      throw error("json.wrong_type", (reference.dir / "shard.json").string(),
                  std::string("expected the fields of a shard's shard.json: ") + e.what());
    }
  }();
  // The shards' files are the inputs: the merge never writes over one.
  auto guarded = policy;
  for (const auto& shard : found)
    for (const auto& entry : fs::directory_iterator(shard.dir))
      guarded.inputs.push_back(entry.path());
  simulation_output out(dir, s, outputs, format, guarded,
                        {.shard = std::nullopt,
                         .resume = false,
                         .fingerprint = reference.description.value("fingerprint", "")});
  for (const auto& shard : found)
    if (shard.runs.first < shard.runs.last) out.add_shard(shard.dir, shard.runs);
  return {out.finish(), runs, s.points.size(), out.failed()};
}

}  // namespace peerkit::io
