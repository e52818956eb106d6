#pragma once
// A programme document: the school (inline, or the path of a school document), the
// policies chosen at run time, and what the coordinator recorded (applications,
// interviews, training, requests, coordinator choices, checklist progress). Read
// strictly, every problem with its path; written so that reading it back gives the same
// document. Format: docs/input-formats.md and docs/schema/programme.schema.json.

#include <filesystem>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <peerkit/checklist/five_step_plan.hpp>
#include <peerkit/checklist/seven_step_plan.hpp>
#include <peerkit/io/json_reader.hpp>
#include <peerkit/io/school_json.hpp>
#include <peerkit/io/text_file.hpp>
#include <peerkit/programme/presets.hpp>

namespace peerkit::io {

/// Everything a programme document holds, with each policy in its run-time form.
struct programme_document {
  school the_school;
  /// The school document's path as written in the programme document; empty when inline.
  std::string school_file;
  programme_data data;
  std::vector<role_entry> roles;
  rating_scale scale = default_rating_scale;
  std::vector<selection_rule> selection_rules;
  matching_settings matching;
  programme_options schedule;
  /// "seven_step" (the brochure's 7-step plan) or "five_step" (Peer2Peer's 5-step plan).
  std::string checklist_plan = "seven_step";

  /// The programme this document describes. Throws peerkit::error for invalid settings.
  [[nodiscard]] runtime_programme programme() const {
    return runtime_programme(the_school, data, runtime_roles(roles), runtime_selection(scale, selection_rules),
                             runtime_matching(matching), runtime_schedule(schedule),
                             runtime_checklist(checklist_plan == "five_step" ? definition_of<five_step_plan>()
                                                                              : definition_of<seven_step_plan>()));
  }
};

namespace detail {

/// Reads a JSON array at `doc[key]`, each element through `read(element, path)`.
template <class Read>
void each(json_reader& r, const json& doc, std::string_view key, Read read) {
  auto it = doc.find(key);
  if (it == doc.end()) return;
  const std::string path(key);
  if (!it->is_array()) return r.wrong_kind(path, "an array", *it);
  for (std::size_t i = 0; i < it->size(); ++i) read((*it)[i], element_location(path, i));
}

inline void read_range(json_reader& r, const json& j, const std::string& path, count_range& out) {
  std::vector<int> v;
  r.value(j, path, v);
  if (v.size() == 2) out = {v[0], v[1]};
  else if (j.is_array()) r.problem("json.wrong_type", path, "expected [lowest, highest], found " + std::to_string(v.size()) + " numbers");
}

inline role_entry read_role(json_reader& r, const json& j, const std::string& path) {
  role_entry e;
  if (!r.object(j, path, {"role", "name", "supportees_per_supporter", "supporters_per_unit", "meets", "training", "intervision"}))
    return e;
  r.field(j, path, "role", e.kind);
  e.name = std::string(name_of(e.kind));
  e.parameters = default_parameters(e.kind);
  r.field(j, path, "name", e.name, false);
  auto& p = e.parameters;
  if (auto it = j.find("supportees_per_supporter"); it != j.end())
    read_range(r, *it, path + ".supportees_per_supporter", p.supportees_per_supporter);
  if (auto it = j.find("supporters_per_unit"); it != j.end())
    read_range(r, *it, path + ".supporters_per_unit", p.supporters_per_unit);
  r.field(j, path, "meets", p.meets, false);
  if (auto it = j.find("training"); it != j.end() && r.object(*it, path + ".training", {"sessions", "minutes_per_session"})) {
    r.field(*it, path + ".training", "sessions", p.training.sessions, false);
    r.field(*it, path + ".training", "minutes_per_session", p.training.minutes_per_session, false);
  }
  if (auto it = j.find("intervision");
      it != j.end() && r.object(*it, path + ".intervision", {"initial_sessions", "initial_interval_weeks", "interval_weeks"})) {
    const auto where = path + ".intervision";
    r.field(*it, where, "initial_sessions", p.intervision.initial_sessions, false);
    r.field(*it, where, "initial_interval_weeks", p.intervision.initial_interval_weeks, false);
    if (auto w = it->find("interval_weeks"); w != it->end()) read_range(r, *w, where + ".interval_weeks", p.intervision.interval_weeks);
  }
  return e;
}

inline runtime_profile read_profile(json_reader& r, const json& j, const std::string& path) {
  runtime_profile p;
  if (!r.object(j, path, {"required", "welcome", "gates"})) return p;
  if (auto it = j.find("required"); it != j.end()) {
    if (!it->is_object()) r.wrong_kind(path + ".required", "an object of trait: {minimum, weight}", *it);
    else
      for (const auto& [trait, spec] : it->items()) {
        const auto where = path + ".required." + trait;
        required_trait t{trait, 0, 1};
        if (r.object(spec, where, {"minimum", "weight"})) {
          r.field(spec, where, "minimum", t.minimum);
          r.field(spec, where, "weight", t.weight, false);
        }
        p.required.push_back(std::move(t));
      }
  }
  if (auto it = j.find("welcome"); it != j.end()) {
    if (!it->is_object()) r.wrong_kind(path + ".welcome", "an object of trait: weight", *it);
    else
      for (const auto& [trait, weight] : it->items()) {
        welcome_trait t{trait, 1};
        r.value(weight, path + ".welcome." + trait, t.weight);
        p.welcome.push_back(std::move(t));
      }
  }
  if (auto it = j.find("gates");
      it != j.end() && r.object(*it, path + ".gates", {"max_fail_marks", "min_average", "motivation_letter", "interview"})) {
    const auto where = path + ".gates";
    r.field(*it, where, "max_fail_marks", p.gates.max_fail_marks, false);
    r.field(*it, where, "min_average", p.gates.min_average, false);
    r.field(*it, where, "motivation_letter", p.gates.motivation_letter, false);
    r.field(*it, where, "interview", p.gates.interview, false);
  }
  return p;
}

inline void read_selection(json_reader& r, const json& j, programme_document& doc) {
  const std::string path = "selection";
  if (!r.object(j, path, {"scale", "rules"})) return;
  if (auto it = j.find("scale"); it != j.end()) {
    count_range scale{doc.scale.lowest, doc.scale.highest};
    read_range(r, *it, path + ".scale", scale);
    doc.scale = {scale.min, scale.max};
  }
  each(r, j, "rules", [&](const json& rule, const std::string& at_path) {
    const auto where = path + "." + at_path;
    selection_rule out;
    if (!r.object(rule, where, {"role", "reserves", "capacity", "profile"})) return;
    r.field(rule, where, "role", out.role);
    r.field(rule, where, "reserves", out.reserves, false);
    r.field(rule, where, "capacity", out.capacity, false);
    out.profile = default_profile(out.role);
    // A school's profile adds to (and overrides parts of) the role's default profile.
    if (auto p = rule.find("profile"); p != rule.end()) out.profile = extended(out.profile, read_profile(r, *p, where + ".profile"));
    doc.selection_rules.push_back(std::move(out));
  });
}

inline void read_matching(json_reader& r, const json& j, matching_settings& m) {
  const std::string path = "matching";
  if (!r.object(j, path, {"objective", "proposer", "second_supportee_last", "rules", "weights"})) return;
  r.field(j, path, "objective", m.buddies.goal, false);
  r.field(j, path, "proposer", m.buddies.proposer, false);
  r.field(j, path, "second_supportee_last", m.buddies.second_supportee_last, false);
  if (auto it = j.find("rules");
      it != j.end() && r.object(*it, path + ".rules", {"consent", "conflicting_groups", "newcomer_class", "same_gender", "availability"})) {
    const auto where = path + ".rules";
    auto& h = m.buddies.rules;
    r.field(*it, where, "consent", h.consent, false);
    r.field(*it, where, "conflicting_groups", h.conflicting_groups, false);
    r.field(*it, where, "newcomer_class", h.newcomer_class, false);
    r.field(*it, where, "same_gender", h.same_gender, false);
    r.field(*it, where, "availability", h.availability, false);
  }
  if (auto it = j.find("weights");
      it != j.end() && r.object(*it, path + ".weights", {"shared_interests", "offers_wants", "common_language", "origin_knowledge", "personality_fit"})) {
    const auto where = path + ".weights";
    auto& w = m.buddies.weights;
    r.field(*it, where, "shared_interests", w.shared_interests, false);
    r.field(*it, where, "offers_wants", w.offers_wants, false);
    r.field(*it, where, "common_language", w.common_language, false);
    r.field(*it, where, "origin_knowledge", w.origin_knowledge, false);
    r.field(*it, where, "personality_fit", w.personality_fit, false);
  }
}

inline void read_schedule(json_reader& r, const json& j, programme_options& o) {
  const std::string path = "schedule";
  if (!r.object(j, path, {"start", "intervision_group_size", "cadence", "bonding_weeks", "project_week_interval"})) return;
  r.field(j, path, "start", o.start, false);
  r.field(j, path, "intervision_group_size", o.intervision_group_size, false);
  r.field(j, path, "cadence", o.cadence, false);
  r.field(j, path, "bonding_weeks", o.bonding_weeks, false);
  r.field(j, path, "project_week_interval", o.project_week_interval, false);
}

inline void read_checklist(json_reader& r, const json& j, programme_document& doc) {
  const std::string path = "checklist";
  if (!r.object(j, path, {"plan", "mode", "progress"})) return;
  r.field(j, path, "plan", doc.checklist_plan, false);
  if (doc.checklist_plan != "seven_step" && doc.checklist_plan != "five_step")
    r.problem("json.unknown_value", path + ".plan", "'" + doc.checklist_plan + "' is not one of seven_step, five_step");
  r.field(j, path, "mode", doc.data.checklist_mode, false);
  auto it = j.find("progress");
  if (it == j.end()) return;
  if (!it->is_object()) return r.wrong_kind(path + ".progress", "an object of item: progress", *it);
  for (const auto& [key, spec] : it->items()) {
    const auto where = path + ".progress." + key;
    item_progress p;
    if (!r.object(spec, where, {"state", "on", "owner", "evidence"})) continue;
    r.field(spec, where, "state", p.state);
    r.field(spec, where, "on", p.on, false);
    r.field(spec, where, "owner", p.owner, false);
    r.field(spec, where, "evidence", p.evidence, false);
    doc.data.checklist_progress.emplace(key, std::move(p));
  }
}

inline application read_application(json_reader& r, const json& j, const std::string& path) {
  application a;
  if (!r.object(j, path, {"id", "student", "role", "state", "history", "interviews"})) return a;
  r.field(j, path, "id", a.id);
  r.field(j, path, "student", a.applicant);
  r.field(j, path, "role", a.role);
  r.field(j, path, "state", a.state, false);
  r.field(j, path, "history", a.history, false);
  // The states must follow the application's rules, as if recorded one by one.
  std::vector<application_state> path_taken = a.history;
  path_taken.push_back(a.state);
  if (path_taken.front() != application_state::applied)
    r.problem("selection.illegal_transition", path + ".history", "an application starts as applied");
  for (std::size_t i = 1; i < path_taken.size(); ++i)
    if (!can_move(path_taken[i - 1], path_taken[i]))
      r.problem("selection.illegal_transition", path + ".state",
                "an application cannot move from " + std::string(name_of(path_taken[i - 1])) + " to " +
                    std::string(name_of(path_taken[i])));
  each(r, j, "interviews", [&](const json& iv, const std::string& at_path) {
    const auto where = path + "." + at_path;
    interview held;
    if (!r.object(iv, where, {"format", "held_on", "interviewer", "ratings"})) return;
    r.field(iv, where, "format", held.format, false);
    r.field(iv, where, "held_on", held.held_on, false);
    r.field(iv, where, "interviewer", held.interviewer, false);
    if (auto rt = iv.find("ratings"); rt != iv.end()) {
      if (!rt->is_object()) r.wrong_kind(where + ".ratings", "an object of trait: rating", *rt);
      else
        for (const auto& [trait, value] : rt->items()) {
          trait_rating tr{trait, 0};
          r.value(value, where + ".ratings." + trait, tr.value);
          held.ratings.push_back(std::move(tr));
        }
    }
    a.interviews.push_back(std::move(held));
  });
  return a;  // ratings are checked against the programme's scale when choosing
}

template <class Pair>
void read_pairs(json_reader& r, const json& doc, std::string_view key, std::string_view a, std::string_view b,
                std::vector<Pair>& out) {
  each(r, doc, key, [&](const json& j, const std::string& path) {
    Pair p{};
    if (!r.object(j, path, {a, b})) return;
    auto& [first, second] = p;
    r.field(j, path, a, first);
    r.field(j, path, b, second);
    out.push_back(p);
  });
}
}  // namespace detail

inline constexpr std::array<std::string_view, 20> programme_fields{
    "school",          "year",          "pairing_date",   "roles",          "selection",
    "matching",        "schedule",      "checklist",      "applications",   "training",
    "support_requests", "pinned_pairs", "forbidden_pairs", "rankings",      "observed_duos",
    "pinned_duos",     "forbidden_duos", "class_exclusions", "class_wishes", "peerkit"};

/// Reads a programme document. A school given as a path is read relative to
/// `base_directory`. Throws peerkit::error with every problem found (the school's own
/// problems are located in its file).
inline programme_document read_programme(std::string_view text, const std::string& source_name = "programme.json",
                                         const std::filesystem::path& base_directory = ".") {
  problem_list problems;
  programme_document doc;
  auto parsed = parse_json(text, source_name, problems);
  if (!parsed) problems.throw_if_any();
  const json& j = *parsed;
  json_reader r(problems);
  if (!r.object(j, "", programme_fields)) problems.throw_if_any();
  if (auto it = j.find("peerkit"); it != j.end() && *it != "programme/1")
    r.problem("json.unknown_value", "peerkit", "expected \"programme/1\", found " + it->dump());

  if (auto it = j.find("school"); it == j.end()) {
    r.problem("json.missing_field", "", "missing required field 'school'");
  } else if (it->is_string()) {
    doc.school_file = it->get<std::string>();
    const auto path = base_directory / doc.school_file;
    if (!std::filesystem::is_regular_file(path)) {
      r.problem("io.cannot_read", "school", "cannot read the school document " + path.string());
    } else {
      try {
        doc.the_school = read_school(read_text_file(path), path.filename().string());
      } catch (const error& e) {
        for (const auto& p : e.problems())
          r.problem(p.id, path.filename().string() + (p.location.empty() ? "" : ": " + p.location), p.message);
      }
    }
  } else if (r.object(*it, "school", school_fields)) {
    problem_list school_problems;
    json_reader sr(school_problems);
    read_school_fields(sr, *it, doc.the_school);
    for (const auto& p : school_problems.problems()) r.problem(p.id, json_reader::join("school", p.location), p.message);
    if (school_problems.empty()) try {
        validate(doc.the_school);
      } catch (const error& e) {
        for (const auto& p : e.problems()) r.problem(p.id, json_reader::join("school", p.location), p.message);
      }
  }

  if (auto it = j.find("year"); it != j.end()) {
    std::string text_year;
    r.value(*it, "year", text_year);
    if (auto y = parse_school_year(text_year)) doc.data.year = *y;
    else if (it->is_string()) r.problem("json.unknown_value", "year", "expected a school year such as \"2025-2026\", found \"" + text_year + "\"");
  }
  r.field(j, "", "pairing_date", doc.data.pairing_date, false);
  if (auto it = j.find("roles"); it != j.end()) {
    detail::each(r, j, "roles", [&](const json& e, const std::string& path) { doc.roles.push_back(detail::read_role(r, e, path)); });
  } else {
    doc.roles = runtime_roles::of({supporter_role::peer_leader, supporter_role::peer_buddy}).roles();
  }
  if (auto it = j.find("selection"); it != j.end()) detail::read_selection(r, *it, doc);
  if (auto it = j.find("matching"); it != j.end()) detail::read_matching(r, *it, doc.matching);
  if (auto it = j.find("schedule"); it != j.end()) detail::read_schedule(r, *it, doc.schedule);
  if (auto it = j.find("checklist"); it != j.end()) detail::read_checklist(r, *it, doc);
  detail::each(r, j, "applications", [&](const json& a, const std::string& path) {
    doc.data.applications.push_back(detail::read_application(r, a, path));
  });
  detail::each(r, j, "training", [&](const json& t, const std::string& path) {
    training_session s;
    if (!r.object(t, path, {"student", "role", "held_on", "minutes"})) return;
    r.field(t, path, "student", s.supporter);
    r.field(t, path, "role", s.role);
    r.field(t, path, "held_on", s.held_on, false);
    r.field(t, path, "minutes", s.minutes, false);
    if (s.minutes < 1) return r.problem("selection.invalid_session", path + ".minutes", "expected at least 1 minute, found " + std::to_string(s.minutes));
    doc.data.training.record(s);
  });
  detail::read_pairs(r, j, "support_requests", "student", "role", doc.data.support_requests);
  detail::read_pairs(r, j, "pinned_pairs", "supporter", "supportee", doc.data.pinned_pairs);
  detail::read_pairs(r, j, "forbidden_pairs", "supporter", "supportee", doc.data.forbidden_pairs);
  detail::read_pairs(r, j, "pinned_duos", "first", "second", doc.data.pinned_duos);
  detail::read_pairs(r, j, "forbidden_duos", "first", "second", doc.data.forbidden_duos);
  detail::each(r, j, "rankings", [&](const json& k, const std::string& path) {
    ranking rk;
    if (!r.object(k, path, {"student", "best_first"})) return;
    r.field(k, path, "student", rk.who);
    r.field(k, path, "best_first", rk.best_first);
    doc.data.rankings.push_back(std::move(rk));
  });
  detail::each(r, j, "observed_duos", [&](const json& k, const std::string& path) {
    observed_pair o;
    if (!r.object(k, path, {"first", "second", "rating"})) return;
    r.field(k, path, "first", o.first);
    r.field(k, path, "second", o.second);
    r.field(k, path, "rating", o.rating);
    doc.data.observed_duos.push_back(o);
  });
  detail::each(r, j, "class_exclusions", [&](const json& k, const std::string& path) {
    class_exclusion x;
    if (!r.object(k, path, {"leader", "class", "reason"})) return;
    r.field(k, path, "leader", x.leader);
    r.field(k, path, "class", x.excluded);
    r.field(k, path, "reason", x.reason, false);
    doc.data.class_exclusions.push_back(std::move(x));
  });
  detail::each(r, j, "class_wishes", [&](const json& k, const std::string& path) {
    class_wish w;
    if (!r.object(k, path, {"leader", "class", "points"})) return;
    r.field(k, path, "leader", w.leader);
    r.field(k, path, "class", w.wanted);
    r.field(k, path, "points", w.points, false);
    doc.data.class_wishes.push_back(w);
  });
  problems.throw_if_any();
  return doc;
}

/// Reads the programme document at `path` (a school path in it is relative to its folder).
inline programme_document read_programme_file(const std::filesystem::path& path) {
  return read_programme(read_text_file(path), path.filename().string(),
                        path.parent_path().empty() ? "." : path.parent_path());
}

namespace detail {
inline json range_json(count_range r) { return json::array({r.min, r.max}); }
template <class T>
json ids(const std::vector<T>& v) {
  json out = json::array();
  for (const auto& x : v) out.push_back(x.value());
  return out;
}
}  // namespace detail

/// The document as JSON; reading it back gives an equal document. The school is written
/// inline unless it came from a file, whose path is written instead (with `access` for
/// the special-category values of an inline school).
inline json to_json(const programme_document& doc, const export_access& access = {}) {
  json j;
  j["peerkit"] = "programme/1";
  j["school"] = doc.school_file.empty() ? to_json(doc.the_school, access) : json(doc.school_file);
  j["year"] = doc.data.year.to_string();
  if (doc.data.pairing_date) j["pairing_date"] = detail::date_text(*doc.data.pairing_date);
  j["roles"] = json::array();
  for (const auto& e : doc.roles) {
    const auto& p = e.parameters;
    j["roles"].push_back({{"role", key_of(e.kind)},
                          {"name", e.name},
                          {"supportees_per_supporter", detail::range_json(p.supportees_per_supporter)},
                          {"supporters_per_unit", detail::range_json(p.supporters_per_unit)},
                          {"meets", key_of(p.meets)},
                          {"training", {{"sessions", p.training.sessions}, {"minutes_per_session", p.training.minutes_per_session}}},
                          {"intervision",
                           {{"initial_sessions", p.intervision.initial_sessions},
                            {"initial_interval_weeks", p.intervision.initial_interval_weeks},
                            {"interval_weeks", detail::range_json(p.intervision.interval_weeks)}}}});
  }
  json rules = json::array();
  for (const auto& rule : doc.selection_rules) {
    json profile{{"required", json::object()}, {"welcome", json::object()}};
    for (const auto& t : rule.profile.required) profile["required"][t.trait] = {{"minimum", t.minimum}, {"weight", t.weight}};
    for (const auto& t : rule.profile.welcome) profile["welcome"][t.trait] = t.weight;
    const auto& g = rule.profile.gates;
    json gates{{"motivation_letter", g.motivation_letter}, {"interview", g.interview}};
    if (g.max_fail_marks) gates["max_fail_marks"] = *g.max_fail_marks;
    if (g.min_average) gates["min_average"] = *g.min_average;
    profile["gates"] = gates;
    json r{{"role", key_of(rule.role)}, {"reserves", rule.reserves}, {"profile", profile}};
    if (rule.capacity) r["capacity"] = *rule.capacity;
    rules.push_back(r);
  }
  j["selection"] = {{"scale", json::array({doc.scale.lowest, doc.scale.highest})}, {"rules", rules}};
  const auto& b = doc.matching.buddies;
  j["matching"] = {{"objective", key_of(b.goal)},
                   {"proposer", key_of(b.proposer)},
                   {"second_supportee_last", b.second_supportee_last},
                   {"rules",
                    {{"consent", b.rules.consent},
                     {"conflicting_groups", b.rules.conflicting_groups},
                     {"newcomer_class", b.rules.newcomer_class},
                     {"same_gender", b.rules.same_gender},
                     {"availability", b.rules.availability}}},
                   {"weights",
                    {{"shared_interests", b.weights.shared_interests},
                     {"offers_wants", b.weights.offers_wants},
                     {"common_language", b.weights.common_language},
                     {"origin_knowledge", b.weights.origin_knowledge},
                     {"personality_fit", b.weights.personality_fit}}}};
  const auto& s = doc.schedule;
  j["schedule"] = {{"intervision_group_size", s.intervision_group_size},
                   {"cadence", key_of(s.cadence)},
                   {"bonding_weeks", s.bonding_weeks},
                   {"project_week_interval", s.project_week_interval}};
  if (s.start) j["schedule"]["start"] = detail::date_text(*s.start);
  json progress = json::object();
  for (const auto& [key, p] : doc.data.checklist_progress) {
    json item{{"state", key_of(p.state)}};
    if (p.on) item["on"] = detail::date_text(*p.on);
    if (p.owner) item["owner"] = p.owner->value();
    if (!p.evidence.empty()) item["evidence"] = p.evidence;
    progress[key] = item;
  }
  j["checklist"] = {{"plan", doc.checklist_plan}, {"mode", key_of(doc.data.checklist_mode)}, {"progress", progress}};
  j["applications"] = json::array();
  for (const auto& a : doc.data.applications) {
    json history = json::array();
    for (auto h : a.history) history.push_back(key_of(h));
    json interviews = json::array();
    for (const auto& iv : a.interviews) {
      json ratings = json::object();
      for (const auto& r : iv.ratings) ratings[r.trait] = r.value;
      json ij{{"format", key_of(iv.format)}, {"ratings", ratings}};
      if (!iv.held_on.is_special()) ij["held_on"] = detail::date_text(iv.held_on);
      if (iv.interviewer) ij["interviewer"] = iv.interviewer->value();
      interviews.push_back(ij);
    }
    j["applications"].push_back({{"id", a.id.value()},
                                 {"student", a.applicant.value()},
                                 {"role", key_of(a.role)},
                                 {"state", key_of(a.state)},
                                 {"history", history},
                                 {"interviews", interviews}});
  }
  j["training"] = json::array();
  for (const auto& t : doc.data.training.sessions()) {
    json tj{{"student", t.supporter.value()}, {"role", key_of(t.role)}, {"minutes", t.minutes}};
    if (!t.held_on.is_special()) tj["held_on"] = detail::date_text(t.held_on);
    j["training"].push_back(tj);
  }
  const auto id_or_key = [](const auto& v) -> json {
    if constexpr (requires { v.value(); }) return v.value();
    else return key_of(v);
  };
  auto pairs = [&](std::string_view key, std::string_view a, std::string_view b, const auto& list) {
    json out = json::array();
    for (const auto& [x, y] : list) out.push_back({{std::string(a), id_or_key(x)}, {std::string(b), id_or_key(y)}});
    j[std::string(key)] = out;
  };
  pairs("support_requests", "student", "role", doc.data.support_requests);
  pairs("pinned_pairs", "supporter", "supportee", doc.data.pinned_pairs);
  pairs("forbidden_pairs", "supporter", "supportee", doc.data.forbidden_pairs);
  pairs("pinned_duos", "first", "second", doc.data.pinned_duos);
  pairs("forbidden_duos", "first", "second", doc.data.forbidden_duos);
  j["rankings"] = json::array();
  for (const auto& r : doc.data.rankings) j["rankings"].push_back({{"student", r.who.value()}, {"best_first", detail::ids(r.best_first)}});
  j["observed_duos"] = json::array();
  for (const auto& o : doc.data.observed_duos)
    j["observed_duos"].push_back({{"first", o.first.value()}, {"second", o.second.value()}, {"rating", o.rating}});
  j["class_exclusions"] = json::array();
  for (const auto& x : doc.data.class_exclusions)
    j["class_exclusions"].push_back({{"leader", x.leader.value()}, {"class", x.excluded.value()}, {"reason", x.reason}});
  j["class_wishes"] = json::array();
  for (const auto& w : doc.data.class_wishes)
    j["class_wishes"].push_back({{"leader", w.leader.value()}, {"class", w.wanted.value()}, {"points", w.points}});
  return j;
}

}  // namespace peerkit::io
