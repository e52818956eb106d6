#pragma once
// A school as JSON: read strictly (every problem with its path, then the checks of
// validate()), written with special-category values left out unless the caller names
// an access purpose for them. Format: docs/schema/school.schema.json.

#include <array>
#include <optional>
#include <string>
#include <string_view>

#include <peerkit/core/school.hpp>
#include <peerkit/io/json_reader.hpp>

namespace peerkit::io {

/// What an export may contain beyond ordinary personal data.
struct export_access {
  /// Set to write special-category values (origin, languages, needs, groups). Without
  /// it they are left out of the document entirely.
  std::optional<access_purpose> special_category;
};

namespace detail {
inline void read_grades(json_reader& r, const json& j, const std::string& path, std::vector<grade>& out) {
  if (!j.is_object()) return r.wrong_kind(path, "an object of subject: grade", j);
  for (const auto& [subject, value] : j.items()) {
    grade g{subject, 0};
    r.value(value, json_reader::join(path, subject), g.value);
    out.push_back(std::move(g));
  }
}
inline void read_traits(json_reader& r, const json& j, const std::string& path,
                        std::vector<trait_rating>& out) {
  if (!j.is_object()) return r.wrong_kind(path, "an object of trait: rating", j);
  for (const auto& [trait, value] : j.items()) {
    trait_rating t{trait, 0};
    r.value(value, json_reader::join(path, trait), t.value);
    out.push_back(std::move(t));
  }
}

inline class_group read_class(json_reader& r, const json& j, const std::string& path) {
  class_group c;
  if (!r.object(j, path, {"id", "name", "year", "track", "mentor", "site"})) return c;
  r.field(j, path, "id", c.id);
  r.field(j, path, "name", c.name);
  r.field(j, path, "year", c.year);
  r.field(j, path, "track", c.track);
  r.field(j, path, "mentor", c.mentor, false);
  r.field(j, path, "site", c.site, false);
  return c;
}

inline staff_member read_staff(json_reader& r, const json& j, const std::string& path) {
  staff_member m;
  if (!r.object(j, path, {"id", "name", "roles", "successor"})) return m;
  r.field(j, path, "id", m.id);
  r.field(j, path, "name", m.name);
  r.field(j, path, "roles", m.roles, false);
  r.field(j, path, "successor", m.successor, false);
  return m;
}

inline student read_student(json_reader& r, const json& j, const std::string& path) {
  student s;
  if (!r.object(j, path,
                {"id", "name", "gender", "birth_date", "year", "track", "class", "grades", "traits",
                 "interests", "offers", "wants", "available", "consent", "languages", "origin",
                 "needs", "groups"}))
    return s;
  r.field(j, path, "id", s.id);
  r.field(j, path, "name", s.name);
  r.field(j, path, "gender", s.gender, false);
  r.field(j, path, "birth_date", s.birth_date, false);
  r.field(j, path, "year", s.year);
  r.field(j, path, "track", s.track);
  r.field(j, path, "class", s.class_of);
  if (auto it = j.find("grades"); it != j.end()) read_grades(r, *it, path + ".grades", s.grades);
  if (auto it = j.find("traits"); it != j.end()) read_traits(r, *it, path + ".traits", s.traits);
  r.field(j, path, "interests", s.interests, false);
  r.field(j, path, "offers", s.offers, false);
  r.field(j, path, "wants", s.wants, false);
  if (auto it = j.find("available"); it != j.end() && r.object(*it, path + ".available", {"school_hours", "after_school"})) {
    r.field(*it, path + ".available", "school_hours", s.available.school_hours, false);
    r.field(*it, path + ".available", "after_school", s.available.after_school, false);
  }
  if (auto it = j.find("consent"); it != j.end() && !it->is_null() &&
      r.object(*it, path + ".consent", {"given_by", "given_on", "withdrawn_on"})) {
    peerkit::consent c;
    r.field(*it, path + ".consent", "given_by", c.given_by);
    r.field(*it, path + ".consent", "given_on", c.given_on);
    r.field(*it, path + ".consent", "withdrawn_on", c.withdrawn_on, false);
    s.consent = c;
  }
  r.field(j, path, "languages", s.languages, false);
  r.field(j, path, "origin", s.origin, false);
  r.field(j, path, "needs", s.needs, false);
  r.field(j, path, "groups", s.groups, false);
  return s;
}

template <class T, class Read>
void read_list(json_reader& r, const json& doc, std::string_view key, std::vector<T>& out, Read read) {
  auto it = doc.find(key);
  if (it == doc.end()) return;
  const std::string path(key);
  if (!it->is_array()) return r.wrong_kind(path, "an array", *it);
  for (std::size_t i = 0; i < it->size(); ++i)
    out.push_back(read(r, (*it)[i], path + "[" + std::to_string(i) + "]"));
}
}  // namespace detail

/// The school's fields, for documents that hold a school among other things.
inline constexpr std::array<std::string_view, 6> school_fields{
    "name", "region", "classes", "staff", "students", "conflicting_groups"};

/// Reads the school fields of object `doc` into `out`, adding problems to `r`.
inline void read_school_fields(json_reader& r, const json& doc, school& out) {
  r.field(doc, "", "name", out.name);
  r.field(doc, "", "region", out.region);
  detail::read_list(r, doc, "classes", out.classes, detail::read_class);
  detail::read_list(r, doc, "staff", out.staff, detail::read_staff);
  detail::read_list(r, doc, "students", out.students, detail::read_student);
  if (auto it = doc.find("conflicting_groups"); it != doc.end()) {
    std::vector<std::vector<std::string>> pairs;
    r.value(*it, "conflicting_groups", pairs);
    std::vector<std::pair<std::string, std::string>> conflicts;
    for (std::size_t i = 0; i < pairs.size(); ++i) {
      if (pairs[i].size() == 2) conflicts.emplace_back(pairs[i][0], pairs[i][1]);
      else r.problem("json.wrong_type", "conflicting_groups[" + std::to_string(i) + "]",
                     "expected a pair of two group names, found " + std::to_string(pairs[i].size()));
    }
    out.conflicting_groups = conflict_data{std::move(conflicts)};
  }
}

/// Reads a school document; throws peerkit::error with every problem found.
inline school read_school(std::string_view text, const std::string& source_name = "school.json") {
  problem_list problems;
  school s;
  if (auto doc = parse_json(text, source_name, problems)) {
    json_reader r(problems);
    if (r.object(*doc, "", school_fields)) read_school_fields(r, *doc, s);
  }
  problems.throw_if_any();
  validate(s);
  return s;
}

namespace detail {
template <class T, special_category C>
void put_sensitive(json& j, std::string_view key, const sensitive<T, C>& v, const export_access& access) {
  if (access.special_category) j[std::string(key)] = v.reveal(*access.special_category);
}
inline std::string date_text(date d) { return boost::gregorian::to_iso_extended_string(d); }
}  // namespace detail

inline json to_json(const student& s, const export_access& access = {}) {
  json j;
  j["id"] = s.id.value();
  j["name"] = s.name;
  j["gender"] = key_of(s.gender);
  if (!s.birth_date.is_special()) j["birth_date"] = detail::date_text(s.birth_date);
  j["year"] = s.year;
  j["track"] = key_of(s.track);
  j["class"] = s.class_of.value();
  json grades = json::object();
  for (const auto& g : s.grades) grades[g.subject] = g.value;
  j["grades"] = grades;
  json traits = json::object();
  for (const auto& t : s.traits) traits[t.trait] = t.value;
  j["traits"] = traits;
  j["interests"] = s.interests;
  j["offers"] = s.offers;
  j["wants"] = s.wants;
  j["available"] = {{"school_hours", s.available.school_hours}, {"after_school", s.available.after_school}};
  if (s.consent) {
    json c{{"given_by", key_of(s.consent->given_by)}, {"given_on", detail::date_text(s.consent->given_on)}};
    if (s.consent->withdrawn_on) c["withdrawn_on"] = detail::date_text(*s.consent->withdrawn_on);
    j["consent"] = c;
  }
  detail::put_sensitive(j, "languages", s.languages, access);
  if (access.special_category) {
    const auto& origin = s.origin.reveal(*access.special_category);
    j["origin"] = origin ? json(*origin) : json(nullptr);
  }
  if (access.special_category) {
    json needs = json::array();
    for (auto n : s.needs.reveal(*access.special_category)) needs.push_back(key_of(n));
    j["needs"] = needs;
  }
  detail::put_sensitive(j, "groups", s.groups, access);
  return j;
}

/// The school as a JSON document that read_school() reads back to an equal school
/// (special-category values included only with an access purpose).
inline json to_json(const school& s, const export_access& access = {}) {
  json j;
  j["name"] = s.name;
  j["region"] = key_of(s.region);
  j["classes"] = json::array();
  for (const auto& c : s.classes) {
    json cj{{"id", c.id.value()}, {"name", c.name}, {"year", c.year}, {"track", key_of(c.track)}};
    if (c.mentor) cj["mentor"] = c.mentor->value();
    if (!c.site.empty()) cj["site"] = c.site;
    j["classes"].push_back(cj);
  }
  j["staff"] = json::array();
  for (const auto& m : s.staff) {
    json mj{{"id", m.id.value()}, {"name", m.name}, {"roles", json::array()}};
    for (auto r : m.roles) mj["roles"].push_back(key_of(r));
    if (m.successor) mj["successor"] = m.successor->value();
    j["staff"].push_back(mj);
  }
  j["students"] = json::array();
  for (const auto& st : s.students) j["students"].push_back(to_json(st, access));
  if (access.special_category) {
    json conflicts = json::array();
    for (const auto& [a, b] : s.conflicting_groups.reveal(*access.special_category))
      conflicts.push_back({a, b});
    j["conflicting_groups"] = conflicts;
  }
  return j;
}

}  // namespace peerkit::io
