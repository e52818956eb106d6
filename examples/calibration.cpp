// The model against the studies its numbers come from. Each study preset
// (simulation/study_presets.hpp) and two runs of the defaults are simulated N times; every
// figure the studies report is compared with the model's mean and its 95% interval across
// the replications, and the tables go to docs/calibration.md.
//
//   calibration [--replications N] [--check] [--output FILE]
//
// --check exits with 1 and names each figure whose model mean left its accepted interval.
// The seeds are fixed, so the same N gives the same bytes.

#include <charconv>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <limits>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <peerkit/calendar/holiday_reader.hpp>
#include <peerkit/experiment/statistics.hpp>
#include <peerkit/simulation/study_presets.hpp>
#include <peerkit/simulation/year_simulation.hpp>

using namespace peerkit;

namespace {

constexpr double days_per_month = 30.436875;
constexpr double unbounded = std::numeric_limits<double>::infinity();

/// The values a study accepts for a figure: low ≤ x ≤ high, or x < high when `open_high`.
struct accepted_range {
  double low = -unbounded;
  double high = unbounded;
  bool open_high = false;

  [[nodiscard]] bool contains(double x) const {
    return low <= x && (open_high ? x < high : x <= high);
  }
};

/// How a figure is written: shares as percentages, the rest with `decimals` digits.
struct number_style {
  bool percent = false;
  int decimals = 2;
};

/// One figure a study reports and the model's values of it, one per replication.
struct figure {
  std::string name;
  std::string source;  ///< the study's value, as the study gives it
  accepted_range accepted;
  number_style style;
  running_summary model{};

  [[nodiscard]] bool within() const {
    return model.count() >= 2 && accepted.contains(model.mean());
  }
};

/// A study's table: its figures and what the model ran.
struct study_table {
  std::string title;
  std::string description;
  std::vector<figure> figures;
};

std::string number(double x, const number_style& style) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*f%s", style.percent ? 1 : style.decimals,
                style.percent ? 100 * x : x, style.percent ? "%" : "");
  return buffer;
}

/// A parameter's value as a reader writes it: the shortest text that reads back the same.
std::string plain(double x) {
  char buffer[32];
  return {buffer, std::to_chars(buffer, buffer + sizeof buffer, x).ptr};
}

std::string range_text(const accepted_range& r, const number_style& style) {
  if (r.low == -unbounded) return (r.open_high ? "< " : "≤ ") + number(r.high, style);
  if (r.high == unbounded) return "≥ " + number(r.low, style);
  return number(r.low, style) + " – " + number(r.high, style);
}

/// The model's numbers that differ from the defaults, as "name value (default d)".
std::string changed_parameters(const model_parameters& p) {
  const model_parameters defaults{};
  std::string out;
  for (const auto& row : parameter_table())
    if (p.*(row.field) != defaults.*(row.field))
      out += (out.empty() ? "" : ", ") + std::string("`") + std::string(row.name) + "` " +
             plain(p.*(row.field)) + " (default " + plain(defaults.*(row.field)) + ")";
  return out.empty() ? "none: the model's defaults" : out;
}

std::string programme_text(const study_preset& s) {
  const auto& p = s.programme;
  return std::to_string(p.pairs) + " " + std::string(key_of(p.role)) + " pairs, " +
         std::to_string(p.waiting) + " waiting, " + std::to_string(p.reserves) +
         " reserves; weekly meetings from " + to_iso_extended_string(p.first_day) + " to " +
         to_iso_extended_string(p.last_day) + " (region " + std::string(key_of(s.region)) +
         "); intervision every " + std::to_string(p.interval_weeks) +
         " teaching weeks; training sessions: " + std::to_string(p.training_sessions);
}

std::string preset_description(const study_preset& s, std::uint64_t seed) {
  return "Programme: " + programme_text(s) +
         ".\nParameters changed: " + changed_parameters(s.parameters) +
         ".\nSeed: " + std::to_string(seed) + ".";
}

/// Runs one year of `preset` in replication `r` of `seed`.
template <class Observer = no_observer>
year_outcome run_year(const population& plan, const study_preset& preset, std::uint64_t seed,
                      std::uint32_t r, Observer&& observer = {}) {
  const simulation_settings settings{preset.parameters, {}, 1};
  return simulate(plan, settings, stream_key{seed, 0, r, 0, 0}, std::forward<Observer>(observer))
      .front();
}

// The studies.

study_table us_school_mentoring(const school_calendar& calendar, std::uint32_t n) {
  const auto preset = us_school_mentoring_preset();
  constexpr std::uint64_t seed = 2009;
  study_table t{
      "US Student Mentoring Program (Bernstein et al. 2009)",
      preset_description(preset, seed) +
          "\nAccepted: 4.4 ± 10%, the study's 5 to 6 months, 14% ± 4 points." +
          "\nA weekly plan holds at most " + number(days_per_month / 7, {false, 2}) +
          " meetings a month; the default meeting_attendance would give " +
          number(model_parameters{}.meeting_attendance * days_per_month / 7, {false, 2}) + ".",
      {{"meetings a month while matched", "4.4", {3.96, 4.84}, {false, 2}},
       {"months with a mentor (mean of the mentored)", "5.8 (between 5 and 6)", {5, 6}, {false, 2}},
       {"share never matched", "14%", {0.10, 0.18}, {true, 1}}}};
  const auto plan = synthetic_population(preset.programme, calendar);
  for (std::uint32_t r = 0; r < n; ++r) {
    const auto y = run_year(plan, preset, seed, r).summary;
    t.figures[0].model.add(y.meetings_per_month);
    t.figures[1].model.add(y.months_supported);
    t.figures[2].model.add(double(y.never_matched) / y.supportees);
  }
  return t;
}

study_table smile(const school_calendar& calendar, std::uint32_t n) {
  const auto preset = smile_preset();
  constexpr std::uint64_t seed = 2008;
  study_table t{"SMILE (Karcher 2008), the pessimistic case",
                preset_description(preset, seed) +
                    "\nAccepted: the study's \"about\" read as 8 ± 2 meetings and 3 ± 0.5 "
                    "months; a match's length runs from its first meeting to its end.",
                {{"meetings held per match", "about 8", {6, 10}, {false, 2}},
                 {"match length in months", "about 3", {2.5, 3.5}, {false, 2}}}};
  const auto plan = synthetic_population(preset.programme, calendar);
  for (std::uint32_t r = 0; r < n; ++r) {
    const auto y = run_year(plan, preset, seed, r);
    double meetings = 0;
    double months = 0;
    for (const auto& p : y.pairs) {
      meetings += p.meetings_held;
      months += (p.ended - p.started).days() / days_per_month;
    }
    const auto pairs = static_cast<double>(y.pairs.size());
    t.figures[0].model.add(meetings / pairs);
    t.figures[1].model.add(months / pairs);
  }
  return t;
}

study_table hoofdvaart(const school_calendar& calendar, std::uint32_t n) {
  const auto preset = hoofdvaart_preset();
  constexpr std::uint64_t seed = 2016;
  const auto wilson = proportion_interval(1, 14);
  study_table t{
      "Hoofdvaart College newcomer buddies (source 001), the model's defaults",
      preset_description(preset, seed) + "\nAccepted: the Wilson 95% interval of 1 of 14.",
      {{"pairs ending early in the year, per pair",
        "1 of 14 (7.1%)",
        {wilson.low, wilson.high},
        {true, 1}}}};
  const auto plan = synthetic_population(preset.programme, calendar);
  for (std::uint32_t r = 0; r < n; ++r)
    t.figures[0].model.add(run_year(plan, preset, seed, r).summary.early_share);
  return t;
}

/// A Dutch programme of a whole school year at the model's defaults: 100 peer mentor
/// pairs from the first Tuesday after the summer to the last teaching day before it.
study_preset whole_year_defaults() {
  study_preset s{"whole_year", "the model's defaults", holiday_region::midden, {}, {}};
  s.programme.pairs = 100;
  s.programme.first_day = date(2025, 9, 2);
  s.programme.last_day = date(2026, 7, 17);
  return s;
}

study_table community_closure(const school_calendar& calendar, std::uint32_t n) {
  const auto preset = whole_year_defaults();
  constexpr std::uint64_t seed = 2017;
  study_table t{"Early closure against community mentoring (STAR, OJJDP 2017)",
                preset_description(preset, seed) +
                    "\nSTAR counts community matches of adult volunteers over 12 months, "
                    "longer than this school year of about 10.5 months: its 31% is an upper "
                    "reference for the defaults, not a target.",
                {{"pairs ending early in the year, per pair",
                  "31% within 12 months",
                  {-unbounded, 0.31},
                  {true, 1}}}};
  const auto plan = synthetic_population(preset.programme, calendar);
  for (std::uint32_t r = 0; r < n; ++r)
    t.figures[0].model.add(run_year(plan, preset, seed, r).summary.early_share);
  return t;
}

/// The supportees who had a new supporter after an early end.
struct rematched_supportees {
  std::set<student_id> who;
  void on(const pair_started_event& e) {
    if (e.replaces)
      for (auto s : e.pair.supportees) who.insert(s);
  }
};

study_table rematch_harm(const school_calendar& calendar, std::uint32_t n) {
  auto preset = whole_year_defaults();
  preset.programme.reserves = 30;
  preset.parameters.monthly_closure_hazard = 0.1;
  constexpr std::uint64_t seed = 2012;
  study_table t{"Rematch harm (Grossman et al. 2012)",
                preset_description(preset, seed) +
                    "\nThe closure hazard is raised so that rematches happen. Intact: the "
                    "supportees whose first match lasted the year.",
                {{"effect of rematched minus intact (SD)",
                  "rematched below intact matches",
                  {-unbounded, 0, true},
                  {false, 2}},
                 {"effect of rematched supportees (SD)", "negative", {-unbounded, 0}, {false, 2}}}};
  const auto plan = synthetic_population(preset.programme, calendar);
  for (std::uint32_t r = 0; r < n; ++r) {
    rematched_supportees rematched;
    const auto y = run_year(plan, preset, seed, r, rematched);
    // Every supportee of the plan has a pair, so the effects follow the plan's supportees:
    // the supportee of planned pair i is effects[i].
    running_summary intact, harmed;
    for (const auto& p : y.pairs)
      if (p.pair_index < plan.pairs.size() && !p.early) intact.add(y.effects[p.pair_index]);
    for (std::size_t i = 0; i < plan.pairs.size(); ++i)
      if (rematched.who.count(plan.pairs[i].pair.supportees.front())) harmed.add(y.effects[i]);
    if (harmed.count() == 0 || intact.count() == 0) continue;
    t.figures[0].model.add(harmed.mean() - intact.mean());
    t.figures[1].model.add(harmed.mean());
  }
  t.description += "\nReplications with a rematch and an intact match: " +
                   std::to_string(t.figures[0].model.count()) + " of " + std::to_string(n) + ".";
  return t;
}

std::string markdown(const std::vector<study_table>& tables, std::uint32_t n) {
  std::ostringstream out;
  out << "# Calibration\n\n"
      << "Generated from the repository's root by `<build>/examples/calibration --replications "
      << n
      << " --output docs/calibration.md` (examples/calibration.cpp); do not edit by "
         "hand.\n\n"
      << "Each table runs a programme a study describes (the presets of "
         "`peerkit/simulation/study_presets.hpp`) or the model's defaults "
      << n
      << " times, one year each, with stream keys {seed, 0, replication, 0, 0}. A figure is "
         "the mean over the replications, with Student's t 95% interval of that mean; its "
         "verdict is *within* when the mean lies in the accepted interval. The accepted "
         "interval is the study's own range where it gives one, else a stated tolerance. "
         "The CI test reruns this with 60 replications (`calibration --replications 60 "
         "--check`) and fails when a mean leaves its interval.\n";
  for (const auto& t : tables) {
    out << "\n## " << t.title << "\n\n";
    std::istringstream lines(t.description);
    for (std::string line; std::getline(lines, line);) out << "- " << line << "\n";
    out << "\n| figure | source | accepted | model mean | model 95% CI | verdict |\n"
        << "|---|---|---|---|---|---|\n";
    for (const auto& f : t.figures) {
      out << "| " << f.name << " | " << f.source << " | " << range_text(f.accepted, f.style)
          << " | ";
      if (f.model.count() >= 2) {
        const auto ci = confidence_interval(f.model);
        out << number(f.model.mean(), f.style) << " | " << number(ci.low, f.style) << " – "
            << number(ci.high, f.style);
      } else {
        out << "– | –";
      }
      out << " | " << (f.within() ? "within" : "**outside**") << " |\n";
    }
  }
  return out.str();
}

int usage() {
  std::cerr << "usage: calibration [--replications N] [--check] [--output FILE]\n"
               "  N: replications per study, 2 to 1000000 (default 2000)\n";
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  std::uint32_t n = 2000;
  bool check = false;
  std::string output;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "--check") {
      check = true;
    } else if (arg == "--replications" && i + 1 < argc) {
      const std::string_view value = argv[++i];
      const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
      if (ec != std::errc{} || end != value.data() + value.size() || n < 2 || n > 1'000'000)
        return usage();
    } else if (arg == "--output" && i + 1 < argc) {
      output = argv[++i];
    } else {
      return usage();
    }
  }
  try {
    const auto holidays = read_holidays_file(std::string(PEERKIT_SAMPLE_DIR) +
                                             "/school_holidays_nl.csv");
    const auto calendar = [&](holiday_region region) {
      return school_calendar{region, holidays, {}};
    };
    const std::vector<study_table> tables{
        hoofdvaart(calendar(hoofdvaart_preset().region), n),
        us_school_mentoring(calendar(us_school_mentoring_preset().region), n),
        smile(calendar(smile_preset().region), n),
        community_closure(calendar(whole_year_defaults().region), n),
        rematch_harm(calendar(whole_year_defaults().region), n)};
    const auto text = markdown(tables, n);
    if (!output.empty()) {
      std::ofstream file(output, std::ios::binary);
      file << text;
      if (!file.flush()) {
        std::cerr << "calibration: cannot write " << output << "\n";
        return 2;
      }
    } else if (!check) {
      std::cout << text;
    }
    if (!check) return 0;
    int outside = 0;
    int figures = 0;
    for (const auto& t : tables)
      for (const auto& f : t.figures) {
        ++figures;
        if (f.within()) continue;
        ++outside;
        std::cout << "outside: " << t.title << ": " << f.name << ": model mean "
                  << (f.model.count() ? number(f.model.mean(), f.style) : "none") << ", accepted "
                  << range_text(f.accepted, f.style) << "\n";
      }
    if (outside == 0)
      std::cout << "calibration: all " << figures << " figures within their intervals (" << n
                << " replications)\n";
    return outside == 0 ? 0 : 1;
  } catch (const std::exception& e) {
    std::cerr << "calibration: " << e.what() << "\n";
    return 2;
  }
}
