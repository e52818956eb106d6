#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include <peerkit/io/school_json.hpp>
#include <peerkit/io/student_csv.hpp>

using namespace peerkit;
using io::json;

namespace {
std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}
json schema() { return json::parse(read_file(std::string(PEERKIT_SOURCE_DIR) + "/docs/schema/school.schema.json")); }
std::string sample_text() { return read_file(std::string(PEERKIT_SOURCE_DIR) + "/examples/data/sample_school.json"); }
std::string fixture(const std::string& name) { return read_file(std::string(PEERKIT_TEST_DATA_DIR) + "/csv/" + name); }

const access_purpose full_export{"test: every field of the school"};

// A JSON Schema (draft 2020-12) validator for the keywords the school schema uses. A
// keyword it does not know is an error, so the schema cannot use one that goes unchecked.
class schema_validator {
 public:
  explicit schema_validator(json root) : root_(std::move(root)) {}

  /// Where `instance` breaks the schema, as "path: what"; empty when it is valid.
  [[nodiscard]] std::vector<std::string> errors(const json& instance) const {
    std::vector<std::string> out;
    check(root_, instance, "$", out);
    return out;
  }

 private:
  void check(const json& s, const json& v, const std::string& at, std::vector<std::string>& out) const {
    for (const auto& [key, arg] : s.items()) {
      if (key == "$ref") {
        const auto ref = arg.get<std::string>();
        if (!ref.starts_with("#/")) throw std::logic_error("only local references are supported: " + ref);
        check(root_.at(json::json_pointer(ref.substr(1))), v, at, out);
      } else if (key == "type") {
        bool any = false;
        for (const auto& t : arg.is_array() ? arg : json::array({arg})) any = any || is_type(v, t.get<std::string>());
        if (!any) out.push_back(at + ": not of type " + arg.dump());
      } else if (key == "enum") {
        if (std::find(arg.begin(), arg.end(), v) == arg.end()) out.push_back(at + ": not in the enum");
      } else if (key == "properties") {
        if (v.is_object())
          for (const auto& [name, sub] : arg.items())
            if (v.contains(name)) check(sub, v.at(name), at + "." + name, out);
      } else if (key == "additionalProperties") {
        if (!v.is_object()) continue;
        for (const auto& [name, value] : v.items()) {
          if (s.contains("properties") && s.at("properties").contains(name)) continue;
          if (arg.is_boolean()) {
            if (!arg.get<bool>()) out.push_back(at + ": property '" + name + "' is not allowed");
          } else {
            check(arg, value, at + "." + name, out);
          }
        }
      } else if (key == "required") {
        if (v.is_object())
          for (const auto& name : arg)
            if (!v.contains(name.get<std::string>())) out.push_back(at + ": lacks '" + name.get<std::string>() + "'");
      } else if (key == "items") {
        if (v.is_array())
          for (std::size_t i = 0; i < v.size(); ++i) check(arg, v[i], at + "[" + std::to_string(i) + "]", out);
      } else if (key == "minItems" || key == "maxItems") {
        if (v.is_array() && (key == "minItems" ? v.size() < arg.get<std::size_t>() : v.size() > arg.get<std::size_t>()))
          out.push_back(at + ": breaks " + key);
      } else if (key == "minimum" || key == "maximum") {
        if (v.is_number() &&
            (key == "minimum" ? v.get<double>() < arg.get<double>() : v.get<double>() > arg.get<double>()))
          out.push_back(at + ": breaks " + key);
      } else if (key == "minLength") {
        if (v.is_string() && code_points(v.get<std::string>()) < arg.get<std::size_t>())
          out.push_back(at + ": shorter than " + arg.dump());
      } else if (key == "pattern") {
        if (v.is_string() && !std::regex_search(v.get<std::string>(), std::regex(arg.get<std::string>())))
          out.push_back(at + ": does not match " + arg.dump());
      } else if (key == "anyOf") {
        bool any = false;
        for (const auto& sub : arg) {
          std::vector<std::string> inner;
          check(sub, v, at, inner);
          any = any || inner.empty();
        }
        if (!any) out.push_back(at + ": matches none of anyOf");
      } else if (!annotations.contains(key)) {
        throw std::logic_error("the validator does not know keyword " + key);
      }
    }
  }

  static bool is_type(const json& v, const std::string& t) {
    if (t == "integer") return v.is_number_integer() || (v.is_number_float() && v.get<double>() == std::floor(v.get<double>()));
    if (t == "number") return v.is_number();
    if (t == "string") return v.is_string();
    if (t == "boolean") return v.is_boolean();
    if (t == "object") return v.is_object();
    if (t == "array") return v.is_array();
    if (t == "null") return v.is_null();
    throw std::logic_error("unknown type " + t);
  }
  static std::size_t code_points(const std::string& text) {
    return static_cast<std::size_t>(
        std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
  }

  inline static const std::set<std::string> annotations{"$schema", "$id", "$defs", "title", "description", "format"};
  json root_;
};

std::set<std::string> keys_of(const json& object) {
  std::set<std::string> out;
  for (const auto& [key, value] : object.items()) out.insert(key);
  return out;
}
std::set<std::string> properties_of(const json& s, const std::string& def) {
  return keys_of(def.empty() ? s.at("properties") : s.at("$defs").at(def).at("properties"));
}

// A school with every field set, optional ones included.
school complete_school() {
  school s;
  s.name = "Alles College";
  s.region = holiday_region::zuid;
  s.classes.push_back({class_id{1}, "1A", 1, school_track::havo, staff_id{10}, "Annex"});
  s.staff.push_back({staff_id{10}, "T. Mentor", {staff_role::class_mentor, staff_role::teacher_coach}, staff_id{11}});
  s.staff.push_back({staff_id{11}, "C. Coord", {staff_role::coordinator}, staff_id{10}});
  student st;
  st.id = student_id{100};
  st.name = "S. Tudent";
  st.gender = gender_identity::other;
  st.birth_date = date(2013, 1, 31);
  st.class_of = class_id{1};
  st.grades = {{"maths", 6.5}};
  st.traits = {{"empathy", 4}};
  st.interests = {"chess"};
  st.offers = {"homework"};
  st.wants = {"making friends"};
  st.available = {false, true};
  st.consent = consent{consent_giver::parent, date(2025, 9, 1), date(2026, 3, 1)};
  st.languages = language_data{{"dutch", "arabic"}};
  st.origin = origin_data{"Syria"};
  st.needs = needs_data{{need::autism}};
  st.groups = group_data{{"group_a"}};
  s.students.push_back(st);
  s.conflicting_groups = conflict_data{{{"group_a", "group_b"}}};
  return s;
}

template <KeyedEnum E>
std::vector<std::string> keys_as_strings() {
  return {enum_keys<E>::keys.begin(), enum_keys<E>::keys.end()};
}
std::vector<std::string> schema_enum(const json& s, const std::string& def) {
  return s.at("$defs").at(def).at("enum").get<std::vector<std::string>>();
}
}  // namespace

TEST_CASE("io: schema is draft 2020-12 and versioned") {
  const auto s = schema();
  CHECK(s.at("$schema") == "https://json-schema.org/draft/2020-12/schema");
  CHECK(std::regex_match(s.at("$id").get<std::string>(), std::regex(R"(urn:peerkit:schema:school:[0-9]+\.[0-9]+)")));
}

TEST_CASE("io: schema accepts the sample school, the fixtures and what peerkit writes") {
  const schema_validator validator(schema());
  const auto sample = io::read_school(sample_text());
  CHECK(validator.errors(json::parse(sample_text())).empty());
  CHECK(validator.errors(json::parse(fixture("school_classes.json"))).empty());
  CHECK(validator.errors(io::to_json(sample)).empty());
  CHECK(validator.errors(io::to_json(sample, {full_export})).empty());
  const auto merged = io::merge_students_csv(io::read_school(fixture("school_classes.json")),
                                             fixture("students_semicolon_bom_crlf.csv"));
  CHECK(validator.errors(io::to_json(merged, {full_export})).empty());
  CHECK(validator.errors(io::to_json(complete_school(), {full_export})).empty());
}

TEST_CASE("io: schema has exactly the fields the reader knows") {
  const auto s = schema();
  const auto school = complete_school();
  const auto doc = io::to_json(school, {full_export});
  // The reader takes every field of this document (it refuses unknown ones) and gets the
  // school back; the document has every field of the schema and no other.
  CHECK(io::read_school(doc.dump()) == school);
  CHECK(properties_of(s, "") == std::set<std::string>(io::school_fields.begin(), io::school_fields.end()));
  CHECK(properties_of(s, "") == keys_of(doc));
  CHECK(properties_of(s, "class") == keys_of(doc.at("classes").at(0)));
  CHECK(properties_of(s, "staff_member") == keys_of(doc.at("staff").at(0)));
  CHECK(properties_of(s, "student") == keys_of(doc.at("students").at(0)));
  CHECK(properties_of(s, "availability") == keys_of(doc.at("students").at(0).at("available")));
  CHECK(properties_of(s, "consent") == keys_of(doc.at("students").at(0).at("consent")));
  // The CSV columns are the student fields, with grades and traits one column each.
  std::set<std::string> columns;
  for (auto c : io::student_columns) columns.insert(std::string(c.substr(0, c.find('.'))));
  columns.insert("grades");
  columns.insert("traits");
  CHECK(columns == properties_of(s, "student"));
}

TEST_CASE("io: schema enums are the enum keys") {
  const auto s = schema();
  CHECK(schema_enum(s, "holiday_region") == keys_as_strings<holiday_region>());
  CHECK(schema_enum(s, "school_track") == keys_as_strings<school_track>());
  CHECK(schema_enum(s, "gender_identity") == keys_as_strings<gender_identity>());
  CHECK(schema_enum(s, "need") == keys_as_strings<need>());
  CHECK(schema_enum(s, "staff_role") == keys_as_strings<staff_role>());
  CHECK(schema_enum(s, "consent_giver") == keys_as_strings<consent_giver>());
}

TEST_CASE("io: schema and reader agree on documents at the edges") {
  const schema_validator validator(schema());
  const auto with_student = [](const std::string& fields) {
    return R"({"name": "X", "region": "noord",
      "classes": [{"id": 1, "name": "1A", "year": 1, "track": "havo", "mentor": null}],
      "staff": [{"id": 2, "name": "S", "successor": null}],
      "students": [{"id": 5, "name": "A", "year": 1, "track": "havo", "class": 1)" +
           fields + "}]}";
  };
  const std::vector<std::string> accepted{
      with_student(""),
      with_student(R"(, "consent": null, "origin": null)"),
      with_student(R"(, "consent": {"given_by": "student", "given_on": "2025-09-01", "withdrawn_on": null})"),
      with_student(R"(, "grades": {"maths": 10, "dutch": 1.0}, "traits": {"calm": -3}, "available": {})"),
      R"({"name": "", "region": "zuid", "conflicting_groups": []})",
  };
  for (const auto& text : accepted) {
    CAPTURE(text);
    CHECK_NOTHROW(io::read_school(text));
    CHECK(validator.errors(json::parse(text)).empty());
  }
  const std::vector<std::string> refused{
      R"({"name": "X"})",
      R"({"name": "X", "region": "oost"})",
      R"({"name": "X", "region": "noord", "colour": "blue"})",
      R"({"name": "X", "region": "noord", "conflicting_groups": [["a", "b", "c"]]})",
      R"({"name": "X", "region": "noord", "classes": [{"id": 1, "name": "", "year": 1, "track": "havo"}]})",
      R"({"name": "X", "region": "noord", "classes": [{"id": -1, "name": "1A", "year": 1, "track": "havo"}]})",
      R"({"name": "X", "region": "noord", "staff": [{"id": 2, "name": "S", "roles": ["janitor"]}]})",
      R"({"name": "X", "region": "noord", "staff": [{"id": 2, "name": "S", "rolls": []}]})",
      with_student(R"(, "grades": {"maths": 11})"),
      with_student(R"(, "grades": {"maths": "7"})"),
      with_student(R"(, "year": 0)"),
      with_student(R"(, "gender": "f")"),
      with_student(R"(, "birth_date": "07-09-2013")"),
      with_student(R"(, "needs": ["shy"])"),
      with_student(R"(, "available": {"evenings": true})"),
      with_student(R"(, "consent": {"given_by": "parent"})"),
      with_student(R"(, "traits": {"calm": 2.5})"),
      with_student(R"(, "nmae": "B")"),
  };
  for (const auto& text : refused) {
    CAPTURE(text);
    CHECK_THROWS_AS(io::read_school(text), error);
    CHECK_FALSE(validator.errors(json::parse(text)).empty());
  }
}
