#pragma once
// A school as JSON: read strictly (every problem with its path, then the checks of
// validate()), written with special-category values left out (and marked as left out)
// unless the caller names an access purpose for them. Format: docs/schema/school.schema.json.

#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <peerkit/core/school.hpp>
#include <peerkit/io/json_fields.hpp>
#include <peerkit/io/json_reader.hpp>

namespace peerkit::io {

namespace detail {
inline void read_grades(json_reader& r, const json& j, const std::string& path,
                        std::vector<grade>& out) {
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
}  // namespace detail

template <>
struct json_value<std::vector<grade>> {
  static void read(json_reader& r, const json& j, const std::string& path,
                   std::vector<grade>& out) {
    detail::read_grades(r, j, path, out);
  }
  static json write(const std::vector<grade>& grades, const export_access& access) {
    json out = json::object();
    for (const auto& g : grades) out[g.subject] = write_value(g.value, access);
    return out;
  }
};

template <>
struct json_value<std::vector<trait_rating>> {
  static void read(json_reader& r, const json& j, const std::string& path,
                   std::vector<trait_rating>& out) {
    detail::read_traits(r, j, path, out);
  }
  static json write(const std::vector<trait_rating>& traits, const export_access&) {
    json out = json::object();
    for (const auto& t : traits) out[t.trait] = t.value;
    return out;
  }
};

/// Conflicting groups: a list of pairs of group names, each written as [a, b].
template <>
struct json_value<conflict_data> {
  static void read(json_reader& r, const json& j, const std::string& path, conflict_data& out) {
    std::vector<std::vector<std::string>> pairs;
    r.value(j, path, pairs);
    std::vector<std::pair<std::string, std::string>> conflicts;
    for (std::size_t i = 0; i < pairs.size(); ++i) {
      if (pairs[i].size() == 2)
        conflicts.emplace_back(pairs[i][0], pairs[i][1]);
      else
        r.problem("json.wrong_type", element_location(path, i),
                  "expected a pair of two group names, found " + std::to_string(pairs[i].size()));
    }
    out = conflict_data{std::move(conflicts)};
  }
  static json write(const conflict_data& groups, const export_access& access) {
    json out = json::array();
    for (const auto& [a, b] : groups.reveal(*access.special_category)) out.push_back({a, b});
    return out;
  }
};

template <>
struct json_fields<class_group> {
  static constexpr auto fields = std::tuple{
      field("id", &class_group::id, presence::required),
      field("name", &class_group::name, presence::required),
      field("year", &class_group::year, presence::required),
      field("track", &class_group::track, presence::required),
      field("mentor", &class_group::mentor, presence::when_set),
      field("site", &class_group::site, presence::when_set)};
};

template <>
struct json_fields<staff_member> {
  static constexpr auto fields = std::tuple{
      field("id", &staff_member::id, presence::required),
      field("name", &staff_member::name, presence::required), field("roles", &staff_member::roles),
      field("successor", &staff_member::successor, presence::when_set)};
};

template <>
struct json_fields<availability> {
  static constexpr auto fields = std::tuple{field("school_hours", &availability::school_hours),
                                            field("after_school", &availability::after_school)};
};

template <>
struct json_fields<consent> {
  static constexpr auto fields = std::tuple{
      field("given_by", &consent::given_by, presence::required),
      field("given_on", &consent::given_on, presence::required),
      field("withdrawn_on", &consent::withdrawn_on, presence::when_set)};

  static void check(json_reader& r, const std::string& path, const consent& c) {
    if (c.withdrawn_on && !c.given_on.is_special() && *c.withdrawn_on < c.given_on)
      r.problem("data.out_of_range", json_reader::join(path, "withdrawn_on"),
                "consent is withdrawn on " + detail::date_text(*c.withdrawn_on) +
                    ", before it was given on " + detail::date_text(c.given_on));
  }
};

/// Special-category fields (languages, origin, needs, groups) are written only with an
/// access purpose; every other field is always written, or when set.
template <>
struct json_fields<student> {
  static constexpr auto fields = std::tuple{
      field("id", &student::id, presence::required),
      field("name", &student::name, presence::required),
      field("gender", &student::gender),
      field("birth_date", &student::birth_date, presence::when_set),
      field("year", &student::year, presence::required),
      field("track", &student::track, presence::required),
      field("class", &student::class_of, presence::required),
      field("grades", &student::grades),
      field("traits", &student::traits),
      field("interests", &student::interests),
      field("offers", &student::offers),
      field("wants", &student::wants),
      field("available", &student::available),
      field("consent", &student::consent, presence::when_set),
      field("languages", &student::languages),
      field("origin", &student::origin),
      field("needs", &student::needs),
      field("groups", &student::groups)};
};

namespace detail {
/// Whether writing `s` with `access` leaves special-category values out: `s` holds some
/// and `access` has no purpose for them, or they were already left out of the document
/// `s` was read from.
inline bool leaves_out_special_category(const school& s, const export_access& access) {
  if (s.special_category_left_out) return true;
  if (access.special_category) return false;
  const access_purpose purpose{"export: whether special-category values are left out"};
  return !s.conflicting_groups.reveal(purpose).empty() ||
         std::any_of(s.students.begin(), s.students.end(), [&](const student& st) {
           return st.origin.reveal(purpose).has_value() || !st.languages.reveal(purpose).empty() ||
                  !st.needs.reveal(purpose).empty() || !st.groups.reveal(purpose).empty();
         });
}
}  // namespace detail

/// A school written without the special-category values it holds says so
/// (special_category_left_out), so that no programme runs it as if it had none.
template <>
struct json_fields<school> {
  static constexpr auto fields = std::tuple{
      field("name", &school::name, presence::required),
      field("region", &school::region, presence::required),
      field("classes", &school::classes),
      field("staff", &school::staff),
      field("students", &school::students),
      field("conflicting_groups", &school::conflicting_groups),
      field("special_category_left_out", &school::special_category_left_out, presence::when_set)
          .write_with([](const school& s, const export_access& access) {
            return detail::leaves_out_special_category(s, access) ? json(true) : json(nullptr);
          })};
};

/// The school's fields, for documents that hold a school among other things.
inline constexpr auto school_fields = field_names<school>;

/// Reads a school document; throws peerkit::error with every problem found.
inline school read_school(std::string_view text, const std::string& source_name = "school.json") {
  problem_list problems;
  school s;
  if (auto doc = parse_json(text, source_name, problems)) {
    json_reader r(problems);
    read_value(r, *doc, "", s);
  }
  if (problems.empty()) collect_problems(problems, [&] { validate(s); });
  throw_document_problems(problems, source_name);
  return s;
}

inline json to_json(const student& s, const export_access& access = {}) {
  return write_value(s, access);
}

/// The school as a JSON document that read_school() reads back to an equal school
/// (special-category values included only with an access purpose).
inline json to_json(const school& s, const export_access& access = {}) {
  return write_value(s, access);
}

}  // namespace peerkit::io
