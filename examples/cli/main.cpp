// peerkit: run a school's peer-support programme from the command line.
//   peerkit <command> [programme.json | year.json] [options]       peerkit help <command>
// Exit codes: 0 ok, 1 usage, 2 bad input, 3 infeasible programme, 4 output refused.

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cstdlib>
#include <iomanip>
#include <iostream>
#include <sstream>
#include <thread>

#include <unistd.h>  // isatty

#include <peerkit/io/contact_csv.hpp>
#include <peerkit/io/holiday_json.hpp>
#include <peerkit/io/output_files.hpp>
#include <peerkit/io/programme_inputs.hpp>
#include <peerkit/io/programme_json.hpp>
#include <peerkit/io/record_json.hpp>
#include <peerkit/io/result_files.hpp>
#include <peerkit/io/run_json.hpp>
#include <peerkit/io/simulation_output.hpp>
#include <peerkit/io/status_json.hpp>
#include <peerkit/io/student_csv.hpp>
#include <peerkit/io/text_file.hpp>
#include <peerkit/privacy/pseudonymise.hpp>
#include <peerkit/programme/report.hpp>
#include <peerkit/programme/status_report.hpp>

#include "options.hpp"

using namespace peerkit;
using namespace peerkit_tool;
namespace fs = std::filesystem;

namespace {

struct command {
  std::string_view name;
  std::string_view summary;
  std::string_view input;  ///< the document it reads; empty when it reads none
};

const std::vector<command> commands{
    {"validate", "check a programme document (and a student CSV) and report every problem",
     "programme.json"},
    {"select", "choose supporters from the applications and print the selection with reasons",
     "programme.json"},
    {"pair", "select, then pair supporters and supportees, and print why each pair was made",
     "programme.json"},
    {"plan", "select and pair, then plan the school year (training, meetings, intervision)",
     "programme.json"},
    {"readiness", "run the year and report readiness on the implementation checklist",
     "programme.json"},
    {"run", "all of it: select, pair, plan, check; write every result with --output",
     "programme.json"},
    {"demo", "run the whole programme of the shipped sample school", ""},
    {"record", "append the events of --add to the record of the year, checked against it",
     "year.json"},
    {"status", "where the programme stands on a day (--on): pairs, training, overdue, escalations",
     "year.json"},
    {"simulate", "run a scenario or sweep of the simulation model; write its results to --output",
     "scenario.json"},
    {"merge", "join the shards written by simulate --shard into the output of one run",
     "SHARD_DIR..."},
};

void print_help(std::ostream& out, std::string_view name = {}) {
  const auto it = std::find_if(commands.begin(), commands.end(),
                               [&](const command& c) { return c.name == name; });
  if (it == commands.end()) {
    out << "peerkit: run a school's peer-support programme\n\nusage: peerkit <command> "
           "[programme.json | year.json] [options]\n\ncommands:\n";
    for (const auto& c : commands)
      out << "  " << c.name << std::string(12 - c.name.size(), ' ') << c.summary << "\n";
    out << "\n'peerkit <command> --help' shows the options. Exit codes: 0 ok, 1 usage, 2 bad "
           "input,\n"
           "3 infeasible programme (students or classes left without support), 4 output refused.\n";
    return;
  }
  out << "usage: peerkit " << it->name << (it->input.empty() ? "" : " ") << it->input
      << " [options]\n\n"
      << it->summary << ".\n\noptions:\n";
  for (const auto& s : option_specs()) out << "  " << s.name << " " << s.help << "\n";
}

/// The CSV separator of --separator.
io::csv_separator separator_of(const options& o) {
  const auto separator = from_key<io::csv_separator>(o.separator);
  if (!separator)
    throw usage_problem{"--separator takes detect, semicolon or comma, not '" + o.separator + "'"};
  return *separator;
}

/// The language of --language.
report_language language_of(const options& o) {
  const auto language = from_key<report_language>(o.language);
  if (!language) throw usage_problem{"--language takes en or nl, not '" + o.language + "'"};
  return *language;
}

/// The programme document with the options applied: students from CSV, pseudonyms.
io::programme_document load(const options& o, const fs::path& input) {
  auto doc = io::programme_inputs{input, o.students_csv, separator_of(o)}.read();
  if (o.pseudonym_key) {
    const auto p = pseudonymiser::from_key_file(io::read_text_file(*o.pseudonym_key),
                                                o.pseudonym_key->string());
    std::tie(doc.the_school, doc.data) = pseudonymise(doc.the_school, doc.data, p);
    doc.school_file.clear();
  }
  return doc;
}

fs::path holidays_file(const options& o) {
  return o.holidays.value_or(fs::path(PEERKIT_SAMPLE_DIR) / "school_holidays_nl.csv");
}

/// The files a run read: no output may replace one of them, forced or not.
std::vector<fs::path> files_read(const options& o, const fs::path& input) {
  std::vector<fs::path> read{input, holidays_file(o)};
  // The school document is read even when --students or --pseudonymise replace it inline.
  if (const auto school = io::read_programme_file(input).school_file; !school.empty())
    read.push_back(input.parent_path() / school);
  for (const auto& f : {o.students_csv, o.pseudonym_key})
    if (f) read.push_back(*f);
  return read;
}

/// The school calendar of `region`: the shipped holidays, updated by --holidays.
school_calendar calendar_of(const options& o, holiday_region region) {
  return io::programme_inputs{
      .shipped_holidays = fs::path(PEERKIT_SAMPLE_DIR) / "school_holidays_nl.csv",
      .holidays = o.holidays}
      .calendar(region);
}

/// Throws the problems `e` found in an event read from `file` and added at `where` in
/// the record, located in that file instead: at `place` ("[1]" in an array of events,
/// "row 3: " in a contact list, nothing for a single event), then the field ("[1].pair",
/// "row 3: on", "pair").
void throw_in_events_file(const error& e, const std::string& where, const std::string& place,
                          const std::string& file) {
  problem_list problems;
  for (const auto& p : e.problems()) {
    auto at = p.location.starts_with(where) ? p.location.substr(where.size()) : p.location;
    if ((place.empty() || place.ends_with(' ')) && at.starts_with(".")) at.erase(0, 1);
    at = place + at;
    problems.add(p.id, file + (at.empty() ? "" : ": " + at), p.message);
  }
  problems.throw_if_any();
}

/// record: the record replayed, the new events added after it, and only when every one
/// is accepted the record file replaced as a whole.
int record_command(const options& o) {
  if (!o.add) throw usage_problem{"'record' needs the events to append: --add EVENT.json"};
  const auto name = o.input.filename().string();
  auto doc = io::read_record_file(o.input);
  auto prog = io::replay(doc, name);
  const auto text = io::read_text_file(*o.add);
  const auto file = o.add->filename().string();
  // Contacts come as a CSV export of a school system, other events as JSON.
  const bool contacts = o.add->extension() == ".csv";
  std::vector<year_entry> added;
  if (contacts)
    for (const auto& c : io::read_contacts_csv(text, file, {separator_of(o)})) added.push_back(c);
  else
    added = io::read_entries(text, doc.programme.data.supervision.end_reasons, file);
  const auto first = text.find_first_not_of(" \t\r\n");
  const bool listed = first != std::string::npos && text[first] == '[';
  for (std::size_t i = 0; i < added.size(); ++i) {
    try {
      prog.add(added[i]);
    } catch (const error& e) {
      const auto place = contacts ? "row " + std::to_string(i + 1) + ": "
                         : listed ? "[" + std::to_string(i) + "]"
                                  : std::string();
      throw_in_events_file(e, element_location("events", doc.entries.size() + i), place, file);
    }
  }
  doc.entries.insert(doc.entries.end(), added.begin(), added.end());
  io::write_file_atomically(o.input, io::to_json(doc).dump(1) + "\n");
  std::cout << name << ": recorded " << detail::counted(added.size(), "event", "events") << ", "
            << doc.entries.size() << " in the record\n";
  return ok;
}

/// status: the record replayed and read on the day of --on, or today.
int status_command(const options& o) {
  const auto doc = io::read_record_file(o.input);
  const auto prog = io::replay(doc, o.input.filename().string());
  const auto cal = calendar_of(o, doc.programme.the_school.region);
  require_holidays(cal.holidays, doc.programme.data.year, cal.region);
  std::optional<date> day = boost::gregorian::day_clock::local_day();
  if (o.on) day = read_date(*o.on);
  if (!day) throw usage_problem{"--on takes " + expected_date() + ", not '" + *o.on + "'"};
  const auto status = prog.status_on(*day, cal);
  if (o.json)
    std::cout << io::to_json(status).dump(1) << "\n";
  else
    std::cout << status_report(prog, status, language_of(o));
  return ok;
}

/// The worker threads of --threads: 0 is one per processor.
unsigned threads_of(const options& o) {
  constexpr unsigned most = 1024;
  unsigned n = 0;
  const std::string_view text(o.threads);
  const auto [end, failed] = std::from_chars(text.data(), text.data() + text.size(), n);
  if (text.empty() || failed != std::errc{} || end != text.data() + text.size() || n > most)
    throw usage_problem{"--threads takes a whole number from 0 to " + std::to_string(most) +
                        ", not '" + o.threads + "'"};
  return n > 0 ? n : std::max(1u, std::thread::hardware_concurrency());
}

io::table_format format_of(const options& o) {
  if (o.format == "csv") return io::table_format::csv;
  if (o.format == "jsonl") return io::table_format::json_lines;
  throw usage_problem{"--format takes csv or jsonl, not '" + o.format + "'"};
}

/// A bar of the runs done on standard error, drawn only when that is a terminal, so that
/// logs and pipes get none of it.
class progress_bar {
 public:
  void operator()(std::size_t done, std::size_t total) {
    if (!shown_) return;
    const std::size_t percent = total ? done * 100 / total : 100;
    if (percent == drawn_ && done != total) return;
    drawn_ = percent;
    constexpr std::size_t width = 40;
    const std::size_t filled = percent * width / 100;
    std::cerr << "\r[" << std::string(filled, '#') << std::string(width - filled, ' ') << "] "
              << percent << "% " << done << "/" << total << " runs" << (done == total ? "\n" : "")
              << std::flush;
  }

 private:
  bool shown_ = ::isatty(STDERR_FILENO) != 0;
  std::size_t drawn_ = 101;  // no share drawn yet
};

/// The runs of --shard K/N: K from 0 to N - 1.
run_range shard_of(const std::string& text, std::size_t runs) {
  const auto slash = text.find('/');
  const auto number = [&](std::string_view part) {
    std::size_t n = 0;
    const auto [end, failed] = std::from_chars(part.data(), part.data() + part.size(), n);
    return !part.empty() && failed == std::errc{} && end == part.data() + part.size()
               ? std::optional(n)
               : std::nullopt;
  };
  const auto k = number(std::string_view(text).substr(0, slash));
  const auto n = slash == std::string::npos ? std::nullopt
                                            : number(std::string_view(text).substr(slash + 1));
  if (!k || !n || *k >= *n)
    throw usage_problem{"--shard takes K/N, shard K of N counted from 0 (0/3, 1/3, 2/3), not '" +
                        text + "'"};
  return io::shard_runs(runs, *k, *n);
}

/// FNV-1a, 64 bits: a fingerprint of the inputs that shards and resumed runs must share.
std::uint64_t fnv1a(std::string_view text, std::uint64_t hash = 14695981039346656037u) {
  for (const unsigned char c : text) hash = (hash ^ c) * 1099511628211u;
  return hash;
}

/// The fingerprint of a simulation's inputs: the document, the --holidays file and the
/// programme the document names, as peerkit reads it.
std::string fingerprint_of(const options& o, const io::simulation_document& doc) {
  auto hash = fnv1a(io::read_text_file(o.input));
  if (o.holidays) hash = fnv1a(io::read_text_file(*o.holidays), hash);
  if (doc.programme) hash = fnv1a(io::to_json(*doc.programme).dump(), hash);
  std::ostringstream text;
  text << std::hex << std::setw(16) << std::setfill('0') << hash;
  return "fnv1a64:" + text.str();
}

/// simulate: every run of the document's experiment (or of --shard), its results written
/// as they come.
int simulate_command(const options& o) {
  if (o.input.empty())
    throw usage_problem{"'simulate' needs a scenario or sweep document (scenario.json)"};
  if (!o.output) throw usage_problem{"'simulate' needs --output DIR for its results"};
  const unsigned threads = threads_of(o);
  const auto format = format_of(o);
  auto doc = io::read_simulation_file(o.input);
  const auto runs = doc.experiment.points.size() *
                    static_cast<std::size_t>(doc.experiment.replications);
  const auto shard = o.shard ? std::optional(shard_of(*o.shard, runs)) : std::nullopt;
  // The shipped holidays (and --holidays), updated by the document's own.
  auto& cal = doc.calendar;
  cal.holidays = merge_holidays(calendar_of(o, cal.region).holidays, cal.holidays);
  require_holidays(
      cal.holidays,
      doc.programme ? doc.programme->data.year : school_year_of(doc.synthetic->first_day),
      cal.region);
  io::simulation_output out(*o.output, doc.experiment, doc.outputs, format,
                            {{o.input, holidays_file(o)}, o.force},
                            {shard, o.resume, fingerprint_of(o, doc)});
  const auto todo = out.remaining();
  const auto held = shard.value_or(run_range{0, runs});
  if (todo.first > held.first)
    std::cout << "resuming at run " << todo.first << ": "
              << detail::counted(todo.first - held.first, "run", "runs") << " done before\n";
  std::string first_error;
  progress_bar progress;
  run_sweep(
      doc.experiment, [&](const model_parameters& p) { return doc.plan_for(p); }, threads,
      [&](run_outcome<simulation_run>&& r) {
        if (!r.result && first_error.empty()) first_error = r.error;
        out.add(r);
      },
      progress, todo);
  const auto written = out.finish();
  std::cout << "wrote " << written.size() << " files to " << o.output->string() << ": ";
  if (shard)
    std::cout << (shard->first < shard->last ? "runs " + std::to_string(shard->first) + " to " +
                                                   std::to_string(shard->last - 1)
                                             : std::string("no runs"))
              << " of " << runs << " (shard " << *o.shard << ")\n";
  else
    std::cout << detail::counted(runs, "run", "runs") << " of "
              << detail::counted(doc.experiment.points.size(), "point", "points") << "\n";
  if (out.failed() == 0) return ok;
  std::cerr << "peerkit: " << out.failed() << " of " << held.last - held.first
            << " runs failed (each with its error in the runs table); the first"
            << (first_error.empty() ? " is in the runs table" : ": " + first_error) << "\n";
  return bad_input;
}

/// merge: the shards of a sweep joined into the output one process would have written.
int merge_command(const options& o) {
  if (o.shards.empty())
    throw usage_problem{"'merge' needs the shard directories that simulate --shard wrote"};
  if (!o.output) throw usage_problem{"'merge' needs --output DIR for the joined results"};
  const auto merged = io::merge_shards(o.shards, *o.output, {{}, o.force});
  std::cout << "wrote " << merged.written.size() << " files to " << o.output->string() << ": "
            << detail::counted(merged.runs, "run", "runs") << " of "
            << detail::counted(merged.points, "point", "points") << " from "
            << detail::counted(o.shards.size(), "shard", "shards") << "\n";
  if (merged.failed == 0) return ok;
  std::cerr << "peerkit: " << merged.failed << " of " << merged.runs
            << " runs failed (each with its error in the runs table)\n";
  return bad_input;
}

int run_command(const options& o) {
  if (o.command == "simulate") return simulate_command(o);
  if (o.command == "merge") return merge_command(o);
  if (o.command == "record" || o.command == "status") {
    if (o.input.empty())
      throw usage_problem{"'" + o.command + "' needs a record document (year.json)"};
    return o.command == "record" ? record_command(o) : status_command(o);
  }
  const fs::path input = o.command == "demo"
                             ? fs::path(PEERKIT_SAMPLE_DIR) / "sample_programme.json"
                             : o.input;
  if (input.empty())
    throw usage_problem{"'" + o.command + "' needs a programme document (programme.json)"};
  const auto doc = load(o, input);
  const auto prog = doc.programme();
  if (o.command == "validate") {
    // Valid is what `run` accepts: the holidays it plans with and every step of the year.
    io::check_run(doc, prog, calendar_of(o, doc.the_school.region));
    std::cout << input.string() << ": " << io::validity_summary(doc) << "\n";
    return ok;
  }
  const auto cal = calendar_of(o, doc.the_school.region);
  if (o.command != "select" && o.command != "pair")  // the others plan the year
    require_holidays(cal.holidays, doc.data.year, cal.region);
  const auto run = doc.in_document([&] { return prog.run(cal); });
  const school& sch = prog.school_data();
  if (o.command == "select") {
    std::cout << selection_report(run.selection, sch, {}, language_of(o));
    return ok;
  }
  if (o.command == "pair") {
    for (const auto& rp : run.pairing.roles)
      std::cout << "## " << rp.role.name << "\n"
                << describe(rp.explanation, sch, language_of(o)) << "\n";
    if (run.pairing.leaders)
      std::cout << "## leader duos\n"
                << describe(run.pairing.leaders->duo_reasons, sch, language_of(o));
  } else if (o.command == "plan") {
    std::cout << detail::key_dates(run.year, language_of(o));
  } else if (o.command == "readiness") {
    std::cout << to_markdown(run.readiness, language_of(o));
  } else {
    if (o.output) {
      const auto files = io::result_files(
          doc, prog, run,
          {io::creation_time(), o.reveal_purpose, o.pseudonym_key.has_value(), language_of(o)});
      // The files are about students: readable by the coordinator only.
      const auto written = io::write_output_directory(
          *o.output, files, {files_read(o, input), o.force, io::file_access::owner_only});
      std::cout << "wrote " << written.size() << " files to " << o.output->string() << "\n";
    } else {
      std::cout << markdown_report(prog, run, language_of(o));
    }
  }
  if (!run.feasible()) {
    std::cerr << "peerkit: the programme is short:\n";
    for (const auto& s : run.shortfalls) std::cerr << "  " << s.text << "\n";
    return infeasible;
  }
  return ok;
}

}  // namespace

/// Every failure ends in lines on standard error and an exit code, never in an abort. What
/// no reader turned into a peerkit::error is said without the exception's own text where
/// that may quote an input, which may hold names and special-category values.
int main(int argc, char** argv) {
  options o;
  try {
    o = parse_options(argc, argv);
    if (o.command == "help" || o.command == "--help" || o.command == "-h") {
      print_help(std::cout, argc > 2 ? std::string_view(argv[2]) : std::string_view{});
      return ok;
    }
    if (std::none_of(commands.begin(), commands.end(),
                     [&](const command& c) { return c.name == o.command; }))
      throw usage_problem{"unknown command '" + o.command + "'"};
    if (o.help) {
      print_help(std::cout, o.command);
      return ok;
    }
    return run_command(o);
  } catch (const usage_problem& u) {
    std::cerr << "peerkit: " << u.message << "\n\n";
    print_help(std::cerr, o.command);
    return usage_error;
  } catch (const error& e) {
    const bool output = std::all_of(e.problems().begin(), e.problems().end(), [](const problem& p) {
      return p.id.starts_with("io.") && p.id != "io.cannot_read" && p.id != "io.encoding";
    });
    for (const auto& p : e.problems())
      std::cerr << "peerkit: " << p.to_string() << " [" << p.id << "]\n";
    return output ? output_refused : bad_input;
  } catch (const std::bad_alloc&) {
    std::cerr << "peerkit: out of memory: an input is too large for this machine\n";
  } catch (const fs::filesystem_error& e) {
    std::cerr << "peerkit: " << e.what() << "\n";  // the operation, the paths and why
  } catch (const io::json::exception& e) {
    std::cerr << "peerkit: stopped by an unexpected JSON error (nlohmann/json error " << e.id
              << "); no input is quoted, as it may hold personal data\n";
  } catch (...) {
    std::cerr << "peerkit: stopped by an unexpected error; no input is quoted, as it may hold "
                 "personal data\n";
  }
  return bad_input;
}
