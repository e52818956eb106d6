#pragma once
// Scenario and sweep documents: what a researcher writes to run simulations. A scenario
// ("scenario/1") is one design point; a sweep ("sweep/1") adds one design: scenarios given
// as data, a full factorial, a Latin hypercube or a design's own points. Both start from a
// school's programme document or from a population given by counts, set the model's
// numbers by name within the parameter table's bounds, and say how many replications of
// how many years to run from which seed. Read strictly like every peerkit document: an
// unknown field, an unknown parameter or a value out of range is a problem located in the
// file ("whatif.json: parameters.meeting_attendance"). Every count is bounded, so reading
// a hostile document takes bounded work. Format: docs/input-formats.md,
// docs/schema/scenario.schema.json and docs/schema/sweep.schema.json.

#include <algorithm>
#include <array>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <system_error>
#include <tuple>
#include <vector>

#include <peerkit/calendar/school_calendar.hpp>
#include <peerkit/calendar/school_year.hpp>
#include <peerkit/core/cell_text.hpp>
#include <peerkit/core/error.hpp>
#include <peerkit/experiment/design.hpp>
#include <peerkit/io/holiday_json.hpp>
#include <peerkit/io/json_fields.hpp>
#include <peerkit/io/json_reader.hpp>
#include <peerkit/io/programme_json.hpp>
#include <peerkit/io/record_json.hpp>
#include <peerkit/io/text_file.hpp>
#include <peerkit/simulation/parameters.hpp>
#include <peerkit/simulation/population.hpp>
#include <peerkit/simulation/sweep.hpp>

namespace peerkit::io {

/// What a run writes besides its summary.
struct simulation_outputs {
  bool pairs = true;   ///< the outcome of every pair
  bool weeks = false;  ///< every run's weekly series (sweep::weeks)
  bool charts = true;  ///< SVG charts of the summary
};

template <>
struct json_fields<simulation_outputs> {
  static constexpr auto fields = std::tuple{field("pairs", &simulation_outputs::pairs),
                                            field("weeks", &simulation_outputs::weeks),
                                            field("charts", &simulation_outputs::charts)};
};

/// A scenario or sweep document as read.
struct simulation_document {
  std::string kind;  ///< "scenario" or "sweep"
  std::string name;
  std::string description;
  /// The points (a scenario has one, named by the document's name), replications, seed,
  /// common random numbers, years, the rematch policy (the programme's own when a
  /// programme is given) and whether runs keep their weeks (= outputs.weeks).
  sweep experiment;
  std::optional<programme_document> programme;   ///< when "programme" names a document
  std::optional<synthetic_programme> synthetic;  ///< when "population" gives counts
  /// The school's region (or the population's "region") and the holidays of "holidays";
  /// without that field there are none, for the caller to add.
  school_calendar calendar;
  simulation_outputs outputs;

  /// The population a point starts from: the programme planned again with the point's
  /// parameters, or the counts' population (the reader refuses parameters that would
  /// change its plan). Throws what planning throws.
  [[nodiscard]] population plan_for(const model_parameters& p) const {
    if (programme) return plan_population(programme->programme(), calendar, p);
    return synthetic_population(*synthetic, calendar);
  }
};

namespace detail {

inline constexpr std::string_view scenario_format = "scenario/1";
inline constexpr std::string_view sweep_format = "sweep/1";

inline constexpr std::array<std::string_view, 12> scenario_fields{"peerkit",
                                                                  "name",
                                                                  "description",
                                                                  "programme",
                                                                  "population",
                                                                  "holidays",
                                                                  "parameters",
                                                                  "seed",
                                                                  "replications",
                                                                  "years",
                                                                  "common_random_numbers",
                                                                  "outputs"};
inline constexpr std::array<std::string_view, 4> design_fields{"scenarios", "factorial",
                                                               "latin_hypercube", "design"};
inline constexpr auto sweep_fields = [] {
  std::array<std::string_view, scenario_fields.size() + design_fields.size()> all{};
  std::copy(design_fields.begin(), design_fields.end(),
            std::copy(scenario_fields.begin(), scenario_fields.end(), all.begin()));
  return all;
}();

/// The most design points a document may give.
inline constexpr std::int64_t max_design_points = 100'000;
/// Seeds are whole numbers a double holds exactly, so that every JSON tool keeps them.
inline constexpr std::int64_t max_seed = std::int64_t{1} << 53;

/// A parameter that changes the plan, and what a population given by counts (which is
/// not planned again) has instead.
struct plan_parameter {
  std::string_view name;
  std::string_view instead;
};
inline constexpr std::array<plan_parameter, 4> plan_parameters{{
    {"training_half_days", "set population.training_sessions instead"},
    {"intervision_interval_weeks", "set population.interval_weeks instead"},
    {"buddy_supportees_max", "its pairs have one supportee each"},
    {"coaches", "set population.coaches instead"},
}};

/// A count of a population given by counts, with its bounds.
struct population_count {
  std::string_view name;
  int synthetic_programme::* field;
  int low;
  int high;
};
inline constexpr std::array<population_count, 6> population_counts{{
    {"pairs", &synthetic_programme::pairs, 0, 1'000'000},
    {"waiting", &synthetic_programme::waiting, 0, 1'000'000},
    {"reserves", &synthetic_programme::reserves, 0, 1'000'000},
    {"coaches", &synthetic_programme::coaches, 1, 1000},
    {"interval_weeks", &synthetic_programme::interval_weeks, 1, 52},
    {"training_sessions", &synthetic_programme::training_sessions, 0, 10},
}};

/// Reads one scenario or sweep document, collecting every problem with its path.
class simulation_reader {
 public:
  simulation_reader(json_reader& r, problem_list& problems, std::filesystem::path folder)
      : r_(r), problems_(problems), folder_(std::move(folder)) {}

  simulation_document document(const json& j) {
    simulation_document doc;
    if (!j.is_object()) {
      r_.wrong_kind("", "an object", j);
      return doc;
    }
    doc.kind = kind(j);
    if (doc.kind.empty()) return doc;  // without a known version, its fields are unknown
    if (doc.kind == "sweep")
      r_.object(j, "", sweep_fields);
    else
      r_.object(j, "", scenario_fields);
    r_.field(j, "", "name", doc.name);
    if (j.contains("name") && doc.name.empty())
      r_.problem("data.missing", "name", "a scenario or sweep needs a name");
    r_.field(j, "", "description", doc.description, false);

    const bool from_programme = j.contains("programme");
    const bool from_counts = j.contains("population");
    counts_given_ = from_counts && !from_programme;
    if (from_programme && from_counts)
      r_.problem("data.inconsistent", "population",
                 "give either a programme or a population, not both");
    else if (!from_programme && !from_counts)
      r_.problem("json.missing_field", "", "missing required field 'programme' or 'population'");
    else if (from_programme)
      programme(j.at("programme"), doc);
    else
      counts(j.at("population"), doc);
    if (const auto it = j.find("holidays"); it != j.end()) holidays(*it, doc.calendar);

    auto& s = doc.experiment;
    if (const auto it = j.find("parameters"); it != j.end()) parameters(*it, "parameters", base_);
    if (const auto it = j.find("seed"); it != j.end())
      if (const auto seed = whole_number(*it, "seed", 0, max_seed))
        s.seed = static_cast<std::uint64_t>(*seed);
    for (auto [key, out, high] : {std::tuple{"replications", &s.replications, 1'000'000},
                                  std::tuple{"years", &s.years, 50}})
      if (const auto it = j.find(key); it != j.end())
        if (const auto n = whole_number(*it, key, 1, high)) *out = static_cast<int>(*n);
    r_.field(j, "", "common_random_numbers", s.common_random_numbers, false);
    if (const auto it = j.find("outputs"); it != j.end())
      read_value(r_, *it, "outputs", doc.outputs);
    s.weeks = doc.outputs.weeks;

    if (doc.kind == "scenario")
      s.points = {sweep_point{doc.name, base_}};
    else
      s.points = points(j, s.seed);
    return doc;
  }

 private:
  /// "scenario" or "sweep" after the document's version; empty (and a problem) otherwise.
  std::string kind(const json& j) {
    const auto it = j.find("peerkit");
    if (it == j.end()) {
      r_.problem("json.missing_field", "", "missing required field 'peerkit'");
      return {};
    }
    if (*it == scenario_format) return "scenario";
    if (*it == sweep_format) return "sweep";
    r_.problem("json.unknown_value", "peerkit",
               "expected \"" + std::string(scenario_format) + "\" or \"" +
                   std::string(sweep_format) + "\", found " + shown_value(*it));
    return {};
  }

  /// The file a field names, relative to the document's folder; empty (and a problem)
  /// when it cannot be read.
  std::optional<std::filesystem::path> file(const json& j, const std::string& path,
                                            std::string_view what) {
    std::string name;
    r_.value(j, path, name);
    if (!j.is_string()) return std::nullopt;
    const auto found = folder_ / name;
    std::error_code unreadable;  // a name too long for the file system, too
    if (!name.empty() && std::filesystem::is_regular_file(found, unreadable)) return found;
    r_.problem("io.cannot_read", path,
               "cannot read the " + std::string(what) + " " + in_quotes(shown_name(name)));
    return std::nullopt;
  }

  /// The problems of another file, located in it.
  void add_from(const error& e, const std::filesystem::path& path) {
    add_located(problems_, e.problems(), path.filename().string());
  }

  void programme(const json& j, simulation_document& doc) {
    const auto path = file(j, "programme", "programme document");
    if (!path) return;
    try {
      doc.programme = read_programme_file(*path);
    } catch (const error& e) {
      return add_from(e, *path);
    }
    doc.calendar.region = doc.programme->the_school.region;
    // The rematch parameters start from the school's policy, which they then adjust.
    const auto& policy = doc.programme->data.supervision.rematch;
    doc.experiment.rematch = policy;
    for (const auto& [name, value] :
         {std::pair<std::string_view, double>{"rematching", policy.rematching ? 1 : 0},
          {"rematch_pause_days", policy.pause_days},
          {"rematch_min_days_left", policy.min_days_left},
          {"max_rematches", policy.max_rematches_per_year}})
      set(base_, name, value, "programme");
  }

  void counts(const json& j, simulation_document& doc) {
    const std::string path = "population";
    std::vector<std::string_view> known{"role", "first_day", "last_day", "region"};
    for (const auto& c : population_counts) known.push_back(c.name);
    if (!r_.object(j, path, known)) return;
    synthetic_programme s;
    r_.field(j, path, "role", s.role, false);
    if (!j.contains("pairs"))
      r_.problem("json.missing_field", path, "missing required field 'pairs'");
    for (const auto& c : population_counts)
      if (const auto it = j.find(c.name); it != j.end())
        if (const auto n = whole_number(*it, json_reader::join(path, c.name), c.low, c.high))
          s.*(c.field) = static_cast<int>(*n);
    r_.field(j, path, "first_day", s.first_day);
    r_.field(j, path, "last_day", s.last_day);
    r_.field(j, path, "region", doc.calendar.region);
    if (!s.first_day.is_special() && !s.last_day.is_special() &&
        (s.last_day < s.first_day ||
         school_year_of(s.first_day).start_year != school_year_of(s.last_day).start_year))
      r_.problem("data.out_of_range", "population.last_day",
                 "expected a day from first_day to the end of its school year, found " +
                     to_iso_extended_string(s.last_day));
    doc.synthetic = s;
  }

  void holidays(const json& j, school_calendar& calendar) {
    const auto path = file(j, "holidays", "holiday file");
    if (!path) return;
    try {
      calendar.holidays = read_holiday_file(*path);
    } catch (const error& e) {
      add_from(e, *path);
    }
  }

  /// Reads an object of parameter: number into `p`.
  void parameters(const json& j, const std::string& path, model_parameters& p) {
    if (!j.is_object()) return r_.wrong_kind(path, "an object of parameter: number", j);
    for (const auto& [name, value] : j.items()) {
      const auto where = json_reader::join(path, shown_name(name));
      if (!value.is_number())
        r_.wrong_kind(where, "a number", value);
      else if (may_vary(name, where))
        set(p, name, value.get<double>(), where);
    }
  }

  /// Whether the parameter `name` is one the model has and the population lets vary;
  /// otherwise a problem at `where`.
  bool may_vary(std::string_view name, const std::string& where) {
    if (!find_parameter(name)) {
      r_.problem("simulation.unknown_parameter", where,
                 "the model has no parameter \"" + shown_name(name) +
                     "\" (docs/simulation.md lists them)");
      return false;
    }
    if (!counts_given_) return true;
    for (const auto& plan : plan_parameters)
      if (plan.name == name) {
        r_.problem("simulation.plan_parameter", where,
                   std::string(name) +
                       " changes the plan, which a population given by counts "
                       "does not have; " +
                       std::string(plan.instead));
        return false;
      }
    return true;
  }

  /// Sets a parameter, its problems located at `where`.
  void set(model_parameters& p, std::string_view name, double value, const std::string& where) {
    try {
      set_parameter(p, name, value, where);
    } catch (const error& e) {
      for (const auto& found : e.problems()) r_.problem(found.id, found.location, found.message);
    }
  }

  /// A whole number within low..high; anything else is a problem at `path`.
  std::optional<std::int64_t> whole_number(const json& j, const std::string& path, std::int64_t low,
                                           std::int64_t high) {
    if (!j.is_number_integer()) {
      r_.wrong_kind(path, "a whole number", j);
      return std::nullopt;
    }
    const bool within = j.is_number_unsigned()
                            ? j.get<std::uint64_t>() <= static_cast<std::uint64_t>(high) &&
                                  static_cast<std::int64_t>(j.get<std::uint64_t>()) >= low
                            : j.get<std::int64_t>() >= low && j.get<std::int64_t>() <= high;
    if (within) return j.get<std::int64_t>();
    r_.problem("data.out_of_range", path,
               j.dump() + " is outside " + std::to_string(low) + ".." + std::to_string(high));
    return std::nullopt;
  }

  /// A number; anything else is a problem at `path`.
  std::optional<double> number(const json& j, const std::string& path) {
    if (j.is_number()) return j.get<double>();
    r_.wrong_kind(path, "a number", j);
    return std::nullopt;
  }

  /// A list of at most `most` values; anything else is a problem at `path`.
  bool list(const json& j, const std::string& path, std::string_view what, std::size_t most) {
    if (!j.is_array()) {
      r_.wrong_kind(path, "an array", j);
      return false;
    }
    if (j.empty() || j.size() > most) {
      r_.problem("data.out_of_range", path,
                 "expected 1.." + std::to_string(most) + " " + std::string(what) + ", found " +
                     std::to_string(j.size()));
      return false;
    }
    return true;
  }

  /// The points of a sweep's design.
  std::vector<sweep_point> points(const json& j, std::uint64_t seed) {
    std::vector<std::string_view> given;
    for (auto key : design_fields)
      if (j.contains(key)) given.push_back(key);
    if (given.empty()) {
      r_.problem("json.missing_field", "",
                 "missing a design: one of 'scenarios', 'factorial', 'latin_hypercube' or "
                 "'design'");
      return {};
    }
    if (given.size() > 1) {
      r_.problem("data.inconsistent", std::string(given[1]),
                 "a sweep has one design, and '" + std::string(given[0]) + "' is given too");
      return {};
    }
    const auto& spec = *j.find(given[0]);
    if (given[0] == "scenarios") return scenarios(spec);
    const auto before = problems_.problems().size();
    std::optional<design> d;
    if (given[0] == "factorial")
      d = factorial(spec);
    else if (given[0] == "latin_hypercube")
      d = hypercube(spec, seed);
    else
      d = given_design(spec);
    if (!d || problems_.problems().size() != before) return {};
    try {
      return points_of(*d, base_);
    } catch (const error& e) {
      for (const auto& found : e.problems()) r_.problem(found.id, found.location, found.message);
      return {};
    }
  }

  std::vector<sweep_point> scenarios(const json& j) {
    const std::string path = "scenarios";
    if (!list(j, path, "scenarios", max_design_points)) return {};
    std::vector<sweep_point> out;
    std::set<std::string> names;
    for (std::size_t i = 0; i < j.size(); ++i) {
      const auto where = element_location(path, i);
      if (!r_.object(j[i], where, {"name", "description", "parameters"})) continue;
      sweep_point point{{}, base_};
      std::string description;  // for the document's readers
      r_.field(j[i], where, "name", point.name);
      r_.field(j[i], where, "description", description, false);
      if (j[i].contains("name") && point.name.empty())
        r_.problem("data.missing", json_reader::join(where, "name"), "a scenario needs a name");
      else if (!point.name.empty() && !names.insert(point.name).second)
        r_.problem("data.duplicate", json_reader::join(where, "name"),
                   "another scenario has this name");
      if (const auto it = j[i].find("parameters"); it != j[i].end())
        parameters(*it, json_reader::join(where, "parameters"), point.parameters);
      out.push_back(std::move(point));
    }
    return out;
  }

  std::optional<design> factorial(const json& j) {
    const std::string path = "factorial";
    if (!j.is_object()) {
      r_.wrong_kind(path, "an object of parameter: [levels]", j);
      return std::nullopt;
    }
    const auto before = problems_.problems().size();
    if (j.empty()) r_.problem("data.missing", path, "a factorial needs a factor");
    std::vector<factor_levels> factors;
    std::int64_t count = 1;  // points so far, at most max_design_points + 1
    for (const auto& [name, levels] : j.items()) {
      const auto where = json_reader::join(path, shown_name(name));
      if (!may_vary(name, where) ||
          !list(levels, where, "levels", static_cast<std::size_t>(max_design_points)))
        continue;
      auto& f = factors.emplace_back(factor_levels{name, {}});
      for (std::size_t k = 0; k < levels.size(); ++k) {
        const auto at = element_location(where, k);
        if (const auto v = number(levels[k], at)) {
          model_parameters scratch;
          set(scratch, name, *v, at);
          f.levels.push_back(*v);
        }
      }
      count = std::min(count * static_cast<std::int64_t>(levels.size()), max_design_points + 1);
    }
    if (count > max_design_points)
      r_.problem("data.out_of_range", path,
                 "the levels make more than " + std::to_string(max_design_points) + " points");
    if (problems_.problems().size() != before) return std::nullopt;
    return full_factorial(factors);
  }

  std::optional<design> hypercube(const json& j, std::uint64_t seed) {
    const std::string path = "latin_hypercube";
    if (!r_.object(j, path, {"samples", "seed", "ranges"})) return std::nullopt;
    const auto before = problems_.problems().size();
    std::int64_t samples = 0;
    if (const auto it = j.find("samples"); it == j.end())
      r_.problem("json.missing_field", path, "missing required field 'samples'");
    else if (const auto n = whole_number(*it, path + ".samples", 1, max_design_points))
      samples = *n;
    if (const auto it = j.find("seed"); it != j.end())
      if (const auto n = whole_number(*it, path + ".seed", 0, max_seed))
        seed = static_cast<std::uint64_t>(*n);
    const auto ranges = j.find("ranges");
    if (ranges == j.end()) {
      r_.problem("json.missing_field", path, "missing required field 'ranges'");
      return std::nullopt;
    }
    const auto at = path + ".ranges";
    if (!ranges->is_object()) {
      r_.wrong_kind(at, "an object of parameter: [low, high]", *ranges);
      return std::nullopt;
    }
    if (ranges->empty()) r_.problem("data.missing", at, "a Latin hypercube needs a range");
    std::vector<factor_range> factors;
    for (const auto& [name, range] : ranges->items()) {
      const auto where = json_reader::join(at, shown_name(name));
      if (!may_vary(name, where)) continue;
      if (!range.is_array() || range.size() != 2 || !range[0].is_number() ||
          !range[1].is_number()) {
        r_.wrong_kind(where, "[low, high]", range);
        continue;
      }
      const double low = range[0].get<double>(), high = range[1].get<double>();
      model_parameters scratch;
      set(scratch, name, low, element_location(where, 0));
      set(scratch, name, high, element_location(where, 1));
      if (low > high)
        r_.problem("data.out_of_range", where,
                   "expected low <= high, found " + peerkit::detail::shortest_number(low) +
                       " and " + peerkit::detail::shortest_number(high));
      factors.push_back({name, low, high, find_parameter(name)->integer});
    }
    if (problems_.problems().size() != before) return std::nullopt;
    return latin_hypercube(factors, static_cast<std::size_t>(samples), seed);
  }

  std::optional<design> given_design(const json& j) {
    const std::string path = "design";
    if (!r_.object(j, path, {"factors", "points"})) return std::nullopt;
    design d;
    const auto factors = j.find("factors");
    const auto points = j.find("points");
    if (factors == j.end() || points == j.end()) {
      r_.problem("json.missing_field", path,
                 std::string("missing required field '") +
                     (factors == j.end() ? "factors" : "points") + "'");
      return std::nullopt;
    }
    if (!list(*factors, path + ".factors", "factors", parameter_table().size()) ||
        !list(*points, path + ".points", "points", max_design_points))
      return std::nullopt;
    r_.value(*factors, path + ".factors", d.factors);
    for (std::size_t f = 0; f < d.factors.size(); ++f)
      if (find_parameter(d.factors[f]))  // validate() reports the others
        may_vary(d.factors[f], element_location(path + ".factors", f));
    for (std::size_t i = 0; i < points->size(); ++i) {
      const auto& point = (*points)[i];
      const auto where = element_location(path + ".points", i);
      auto& values = d.points.emplace_back();
      if (!point.is_array()) {
        r_.wrong_kind(where, "an array of numbers", point);
        continue;
      }
      for (std::size_t k = 0; k < point.size(); ++k)
        if (const auto v = number(point[k], element_location(where, k))) values.push_back(*v);
    }
    std::vector<std::string_view> names;
    for (const auto& row : parameter_table()) names.push_back(row.name);
    try {
      validate(d, names);
    } catch (const error& e) {
      for (const auto& found : e.problems()) r_.problem(found.id, found.location, found.message);
    }
    return d;
  }

  json_reader& r_;
  problem_list& problems_;
  std::filesystem::path folder_;
  model_parameters base_{};  ///< the document's own parameters, before a design's
  bool counts_given_ = false;
};

}  // namespace detail

/// Reads a scenario or sweep document; `file` names it in every problem, and paths in it
/// are relative to its folder. Throws peerkit::error with every problem found, each
/// located in its file ("whatif.json: parameters.meeting_attendance"; a programme's own
/// problems in the programme's file).
[[nodiscard]] inline simulation_document read_simulation(std::string_view text,
                                                         const std::filesystem::path& file) {
  const auto name = file.filename().string();
  problem_list problems;
  const auto parsed = detail::parse_strict_json(text, name, problems);
  json_reader r(problems);
  auto doc = detail::simulation_reader(r, problems,
                                       file.parent_path().empty() ? "." : file.parent_path())
                 .document(parsed);
  throw_document_problems(problems, name);
  return doc;
}

/// Reads the scenario or sweep document at `file`.
[[nodiscard]] inline simulation_document read_simulation_file(const std::filesystem::path& file) {
  return read_simulation(read_text_file(file), file);
}

}  // namespace peerkit::io
