#include <catch2/catch.hpp>

#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <peerkit/io/school_json.hpp>
#include <peerkit/io/student_csv.hpp>
#include <peerkit/io/text_file.hpp>

#include "json_schema_validator.hpp"

using namespace peerkit;
using io::json;
using namespace peerkit::test;

namespace {
json schema() { return schema_file("school.schema.json"); }
std::string sample_text() {
  return peerkit::io::read_text_file(std::string(PEERKIT_SOURCE_DIR) +
                                     "/examples/data/sample_school.json");
}
std::string fixture(const std::string& name) {
  return peerkit::io::read_text_file(std::string(PEERKIT_TEST_DATA_DIR) + "/csv/" + name);
}

const access_purpose full_export{"test: every field of the school"};

// A school with every field set, optional ones included.
school complete_school() {
  school s;
  s.name = "Alles College";
  s.region = holiday_region::zuid;
  s.classes.push_back({class_id{1}, "1A", 1, school_track::havo, staff_id{10}, "Annex"});
  s.staff.push_back({staff_id{10},
                     "T. Mentor",
                     {staff_role::class_mentor, staff_role::teacher_coach},
                     staff_id{11}});
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
  s.special_category_left_out = true;  // as if read from a document that lacked some
  return s;
}

}  // namespace

TEST_CASE("io: schema is draft 2020-12 and versioned") {
  const auto s = schema();
  CHECK(s.at("$schema") == "https://json-schema.org/draft/2020-12/schema");
  CHECK(std::regex_match(s.at("$id").get<std::string>(),
                         std::regex(R"(urn:peerkit:schema:school:[0-9]+\.[0-9]+)")));
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
  CHECK(properties_of(s, "") ==
        std::set<std::string>(io::school_fields.begin(), io::school_fields.end()));
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
      with_student(
          R"(, "consent": {"given_by": "student", "given_on": "2025-09-01", "withdrawn_on": null})"),
      with_student(
          R"(, "grades": {"maths": 10, "dutch": 1.0}, "traits": {"calm": -3}, "available": {})"),
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
