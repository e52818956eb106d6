#include <catch2/catch.hpp>

#include "../problems.hpp"

#include <fstream>
#include <sstream>

#include <peerkit/io/school_json.hpp>
#include <peerkit/io/text_file.hpp>

using namespace peerkit;

namespace {
std::string sample_text() {
  return peerkit::io::read_text_file(std::string(PEERKIT_SOURCE_DIR) +
                                     "/examples/data/sample_school.json");
}

const access_purpose round_trip{"test: full state round trip"};

// The problems a document produces, as "id location" lines.
std::vector<std::string> problems_of(const std::string& text) {
  return peerkit_test::problems_of([&] { (void)io::read_school(text); });
}

std::string minimal(const std::string& student_fields) {
  return R"({"name": "X", "region": "noord",
    "classes": [{"id": 1, "name": "1A", "year": 1, "track": "havo"}],
    "students": [{"id": 5, "name": "A", "year": 1, "track": "havo", "class": 1)" +
         student_fields + "}]}";
}
}  // namespace

TEST_CASE("io: the sample school reads and is rich enough for a programme") {
  const auto s = io::read_school(sample_text());
  CHECK(s.region == holiday_region::midden);
  int first_year_classes = 0, newcomers = 0;
  for (const auto& c : s.classes) first_year_classes += c.is_first_year() ? 1 : 0;
  for (const auto& st : s.students) newcomers += st.is_newcomer() ? 1 : 0;
  CHECK(first_year_classes >= 4);
  CHECK(newcomers >= 12);
  for (auto r :
       {staff_role::coordinator, staff_role::teacher_coach, staff_role::class_mentor,
        staff_role::confidential_teacher, staff_role::care_coordinator, staff_role::team_leader})
    CHECK_FALSE(s.staff_in(r).empty());
}

TEST_CASE("io: a school written with access reads back equal") {
  const auto s = io::read_school(sample_text());
  const auto text = io::to_json(s, {round_trip}).dump(1);
  CHECK(io::read_school(text) == s);
}

TEST_CASE("io: special-category values are left out without an access purpose") {
  const auto s = io::read_school(sample_text());
  const auto plain = io::to_json(s).dump();
  for (const char* field :
       {"\"languages\"", "\"origin\"", "\"needs\"", "\"groups\"", "\"conflicting_groups\""})
    CHECK(plain.find(field) == std::string::npos);
  for (const char* value : {"Syria", "Eritrea", "autism", "syria_group_a", "tigrinya"})
    CHECK(plain.find(value) == std::string::npos);
  CHECK(io::to_json(s, {round_trip}).dump().find("Syria") != std::string::npos);
}

TEST_CASE("io: a bad grade is reported with its path") {
  CHECK(problems_of(minimal(R"(, "grades": {"maths": 11})")) ==
        std::vector<std::string>{
            "data.out_of_range school.json: students[0].grades.maths: 11 is outside 1..10"});
}

TEST_CASE("io: unknown fields are errors with the nearest known name") {
  CHECK(problems_of(minimal(R"(, "nmae": "B")")) ==
        std::vector<std::string>{"json.unknown_field school.json: students[0].nmae: unknown field "
                                 "'nmae'; did you mean 'name'?"});
  CHECK(problems_of(minimal(R"(, "zzzzzz": 1)")) ==
        std::vector<std::string>{
            "json.unknown_field school.json: students[0].zzzzzz: unknown field 'zzzzzz'"});
}

TEST_CASE("io: several problems are reported together") {
  const auto problems = problems_of(
      minimal(R"(, "gender": "f", "birth_date": "2013-13-01", "needs": ["shy"])"));
  REQUIRE(problems.size() == 3);
  CHECK(problems[0] ==
        "json.unknown_value school.json: students[0].gender: 'f' is not one of female, male, "
        "other, unspecified");
  CHECK(problems[1] ==
        "json.bad_date school.json: students[0].birth_date: expected a date as YYYY-MM-DD, found "
        "\"2013-13-01\"");
  CHECK(problems[2] ==
        "json.unknown_value school.json: students[0].needs[0]: not a valid value here "
        "(special-category data is not repeated in messages)");
}

TEST_CASE("io: a date in a school document is YYYY-MM-DD and a real day") {
  for (const std::string text : {"2013/09/07", "2013-9-7", "20130907", "07-09-2013", " 2013-09-07",
                                 "2013-09-07 ", "2013-02-30", "2013-09-07T00:00"}) {
    CAPTURE(text);
    CHECK(problems_of(minimal(R"(, "birth_date": ")" + text + "\"")) ==
          std::vector<std::string>{"json.bad_date school.json: students[0].birth_date: expected a "
                                   "date as YYYY-MM-DD, found \"" +
                                   text + "\""});
  }
  CHECK(problems_of(minimal(R"(, "birth_date": 2013)")) ==
        std::vector<std::string>{"json.wrong_type school.json: students[0].birth_date: expected a "
                                 "date as YYYY-MM-DD, found an "
                                 "integer"});
  CHECK(io::read_school(minimal(R"(, "birth_date": "2012-02-29")")).students[0].birth_date ==
        date(2012, 2, 29));
}

TEST_CASE("io: wrong types, missing fields and syntax errors name where") {
  CHECK(problems_of(R"({"name": "X", "region": "noord", "students": [{"id": "five"}]})") ==
        std::vector<std::string>{
            "json.wrong_type school.json: students[0].id: expected an id (a whole number from 0), "
            "found a string",
            "json.missing_field school.json: students[0]: missing required field 'name'",
            "json.missing_field school.json: students[0]: missing required field 'year'",
            "json.missing_field school.json: students[0]: missing required field 'track'",
            "json.missing_field school.json: students[0]: missing required field 'class'"});
  const auto syntax = problems_of("{\"name\": \"X\",\n \"region\": }");
  REQUIRE(syntax.size() == 1);
  CHECK(syntax[0].rfind("json.syntax school.json:2:12: syntax error", 0) == 0);
}

TEST_CASE("io: a document the parser refuses never repeats the text it read") {
  // What was read may be the value of a sensitive field: the message says where, not what.
  const auto broken = problems_of("{\"name\": \"X\", \"origin\": Eritrea}");
  REQUIRE(broken.size() == 1);
  CHECK(broken[0].rfind("json.syntax school.json:1:", 0) == 0);
  CHECK(broken[0].find("Eritrea") == std::string::npos);
  CHECK(broken[0].find("Eri") == std::string::npos);
  // A field given twice is refused, not silently the last one.
  CHECK(problems_of(minimal(R"(, "name": "B")")) ==
        std::vector<std::string>{
            "json.duplicate_key school.json: students[0].name: the field 'name' is given twice"});
  // A number beyond a double is refused like a syntax error, not thrown past the reader.
  CHECK(problems_of("{\"name\": \"X\", \"region\": 1e309}") ==
        std::vector<std::string>{
            "json.syntax school.json: a number is beyond the range of a double"});
}

TEST_CASE("io: a problem with the whole school document is located at its name") {
  CHECK(
      problems_of(R"({"name": "X"})") ==
      std::vector<std::string>{"json.missing_field school.json: missing required field 'region'"});
  CHECK(
      problems_of("[]") ==
      std::vector<std::string>{"json.wrong_type school.json: expected an object, found an array"});
}

TEST_CASE("io: a document nested deeper than any of peerkit's is refused before it is built") {
  // Deep enough to overflow the stack of any recursive walk over the value read.
  const auto nested = [](std::size_t depth) {
    return R"({"name": "X", "region": "noord", "staff": )" + std::string(depth, '[') +
           std::string(depth, ']') + "}";
  };
  const std::vector<std::string> too_deep{
      "json.syntax school.json: arrays and objects are nested more than 100 deep"};
  CHECK(problems_of(nested(io::max_json_depth)) == too_deep);
  CHECK(problems_of(nested(100'000)) == too_deep);
  std::string objects;
  for (int i = 0; i < 100'000; ++i) objects += R"({"a": )";
  CHECK(problems_of(objects + "1" + std::string(100'000, '}')) == too_deep);
  CHECK(problems_of(nested(io::max_json_depth - 1)) ==
        std::vector<std::string>{
            "json.wrong_type school.json: staff[0]: expected an object, found an array"});
}

TEST_CASE("io: duplicate ids and unknown references are errors") {
  const auto problems = problems_of(R"({"name": "X", "region": "zuid",
    "classes": [{"id": 1, "name": "1A", "year": 1, "track": "havo", "mentor": 9}],
    "students": [{"id": 5, "name": "A", "year": 1, "track": "havo", "class": 1},
                 {"id": 5, "name": "B", "year": 1, "track": "havo", "class": 2}]})");
  CHECK(problems ==
        std::vector<std::string>{
            "data.duplicate_id school.json: students[1].id: id 5 is already used by students[0]",
            "data.unknown_reference school.json: classes[0].mentor: no staff member has id 9",
            "data.unknown_reference school.json: students[1].class: no class has id 2"});
}

TEST_CASE("io: consent withdrawn before it was given is an error at its withdrawal") {
  const auto withdrawn_on = [](const std::string& day) {
    return minimal(R"(, "consent": {"given_by": "parent", "given_on": "2025-09-01", )"
                   R"("withdrawn_on": ")" +
                   day + "\"}");
  };
  CHECK(problems_of(withdrawn_on("2025-08-31")) ==
        std::vector<std::string>{"data.out_of_range school.json: students[0].consent.withdrawn_on: "
                                 "consent is withdrawn on "
                                 "2025-08-31, before it was given on 2025-09-01"});
  CHECK(problems_of(withdrawn_on("2025-09-01")).empty());
}

TEST_CASE("io: a school written without its special-category values says so") {
  const auto s = io::read_school(sample_text());
  CHECK_FALSE(s.special_category_left_out);
  const auto plain = io::to_json(s);
  CHECK(plain.at("special_category_left_out") == true);
  CHECK_FALSE(io::to_json(s, {round_trip}).contains("special_category_left_out"));
  // Read back, the school knows, and keeps saying so even when written with access.
  const auto read_back = io::read_school(plain.dump());
  CHECK(read_back.special_category_left_out);
  CHECK(io::to_json(read_back, {round_trip}).at("special_category_left_out") == true);
  // A school without such values loses nothing and says nothing.
  const auto none = io::read_school(minimal(""));
  CHECK_FALSE(io::to_json(none).contains("special_category_left_out"));
}
