#pragma once
// The command line of the peerkit tool: a subcommand, one input, and options.

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace peerkit_tool {

/// Exit codes, documented in docs/cli.md.
enum exit_code : int {
  ok = 0,
  usage_error = 1,  ///< the command line is wrong
  bad_input = 2,    ///< an input file is invalid: every problem is printed
  infeasible = 3,   ///< the input is valid, but students or classes are left without support
  output_refused =
      4,  ///< output would overwrite an input or an existing file, or cannot be written
};

struct usage_problem {
  std::string message;
};

struct options {
  std::string command;
  std::filesystem::path input;
  std::optional<std::filesystem::path> students_csv;
  std::string separator = "detect";
  std::optional<std::filesystem::path> holidays;
  std::optional<std::filesystem::path> output;
  bool force = false;
  bool help = false;
  std::optional<std::filesystem::path> pseudonym_key;
  std::optional<std::string> reveal_purpose;
  std::string language = "en";                ///< the report's language, as written
  std::optional<std::filesystem::path> add;   ///< record: the events to append
  std::optional<std::string> on;              ///< status: the day, as written
  bool json = false;                          ///< status: JSON instead of the report
  std::string threads = "1";                  ///< simulate: worker threads, as written
  std::string format = "csv";                 ///< simulate: the tables' format, as written
  std::optional<std::string> shard;           ///< simulate: K/N, as written
  bool resume = false;                        ///< simulate: continue an interrupted output
  std::vector<std::filesystem::path> shards;  ///< merge: the shard directories
};

struct option_spec {
  std::string_view name;
  bool takes_value;
  std::string_view help;
};

inline const std::vector<option_spec>& option_specs() {
  static const std::vector<option_spec> specs{
      {"--students", true,
       "FILE.csv  replace the school's students by a CSV export of the student system"},
      {"--separator", true,
       "detect|semicolon|comma  the CSV separator (default: detect from the header)"},
      {"--holidays", true,
       "FILE.csv|FILE.json  school holidays to plan with: peerkit's CSV or the government's "
       "open-data JSON, over the shipped official dates"},
      {"--output", true, "DIR  write the results as files into DIR (new or empty; see --force)"},
      {"-o", true, "DIR  the same as --output"},
      {"--force", false, "write into an existing directory; an input is never overwritten"},
      {"--pseudonymise", true,
       "KEYFILE  replace every identity by a stable pseudonym under the key in KEYFILE"},
      {"--reveal-special-category", true,
       "PURPOSE  include origin, languages, needs and groups in the written state, for PURPOSE"},
      {"--language", true, "en|nl  the language of the report and the status page (default: en)"},
      {"--add", true,
       "EVENT.json|CONTACTS.csv  record: the event (one object, or an array of them), or a "
       "contact list, to append to the record"},
      {"--on", true, "YYYY-MM-DD  status: the day to report on (default: today)"},
      {"--json", false, "status: print the status as JSON (format status/1) instead of the report"},
      {"--threads", true,
       "N  simulate: run on N threads (default 1; 0: one per processor); the output is the "
       "same"},
      {"--format", true, "csv|jsonl  simulate: write the tables as CSV (default) or JSON Lines"},
      {"--shard", true,
       "K/N  simulate: run only shard K (0 to N-1) of N slices of the runs, for merge"},
      {"--resume", false,
       "simulate: continue the output a killed run left in DIR from its last complete run"},
      {"--help", false, "show this help"},
  };
  return specs;
}

/// Parses argv; throws usage_problem.
inline options parse_options(int argc, char** argv) {
  options o;
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty()) throw usage_problem{"a command is needed"};
  o.command = args[0];
  for (std::size_t i = 1; i < args.size(); ++i) {
    const auto& a = args[i];
    if (!a.starts_with("-")) {
      if (o.command == "merge") {
        o.shards.emplace_back(a);
        continue;
      }
      if (!o.input.empty())
        throw usage_problem{"one input file only; found '" + o.input.string() + "' and '" + a +
                            "'"};
      o.input = a;
      continue;
    }
    const auto spec = std::find_if(option_specs().begin(), option_specs().end(),
                                   [&](const option_spec& s) { return s.name == a; });
    if (spec == option_specs().end()) throw usage_problem{"unknown option '" + a + "'"};
    std::string value;
    if (spec->takes_value) {
      if (i + 1 >= args.size()) throw usage_problem{"option " + a + " needs a value"};
      value = args[++i];
    }
    if (a == "--students")
      o.students_csv = value;
    else if (a == "--separator")
      o.separator = value;
    else if (a == "--holidays")
      o.holidays = value;
    else if (a == "--output" || a == "-o")
      o.output = value;
    else if (a == "--force")
      o.force = true;
    else if (a == "--pseudonymise")
      o.pseudonym_key = value;
    else if (a == "--reveal-special-category")
      o.reveal_purpose = value;
    else if (a == "--language")
      o.language = value;
    else if (a == "--add")
      o.add = value;
    else if (a == "--on")
      o.on = value;
    else if (a == "--json")
      o.json = true;
    else if (a == "--threads")
      o.threads = value;
    else if (a == "--format")
      o.format = value;
    else if (a == "--shard")
      o.shard = value;
    else if (a == "--resume")
      o.resume = true;
    else if (a == "--help")
      o.help = true;
  }
  return o;
}

}  // namespace peerkit_tool
