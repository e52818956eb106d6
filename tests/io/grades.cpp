// Grades are read exactly, in tenths, and a grade with more than one decimal is a located
// problem, in a school document and in a student list alike.
#include <catch2/catch.hpp>

#include "../problems.hpp"

#include <string>
#include <vector>

#include <peerkit/io/school_json.hpp>
#include <peerkit/io/student_csv.hpp>

using namespace peerkit;

namespace {
using peerkit_test::problems_of;

std::string school_with_grades(const std::string& grades) {
  return R"({"name": "X", "region": "noord",
    "classes": [{"id": 1, "name": "1A", "year": 1, "track": "havo"}],
    "students": [{"id": 5, "name": "A", "year": 1, "track": "havo", "class": 1, "grades": )" +
         grades + "}]}";
}
const std::string csv_header = "id,name,year,track,class,grades.maths,grades.dutch\n";
}  // namespace

TEST_CASE("io: grades in a school document are read exactly, one decimal at most") {
  const auto s = io::read_school(
      school_with_grades(R"({"maths": 5.9, "dutch": 7, "english": 6.50})"));
  CHECK(s.students[0].grades ==
        std::vector<grade>{{"maths", 5.9}, {"dutch", 7.0}, {"english", 6.5}});
  CHECK(s.students[0].grades[0].value.count() == 59);
  CHECK(problems_of([] {
          io::read_school(school_with_grades(R"({"maths": 6.55, "dutch": "7"})"));
        }) == std::vector<std::string>{
                  "json.wrong_type school.json: students[0].grades.maths: expected a grade "
                  "with one decimal at most, such as 6.5, "
                  "found 6.55",
                  "json.wrong_type school.json: students[0].grades.dutch: expected a grade "
                  "such as 6.5, found a string"});
  CHECK(problems_of([] { io::read_school(school_with_grades(R"({"maths": 10.5})")); }) ==
        std::vector<std::string>{
            "data.out_of_range school.json: students[0].grades.maths: 10.5 is outside 1..10"});
  // Written back as the numbers they were read from.
  const auto written = io::to_json(s);
  CHECK(written["students"][0]["grades"]["maths"] == 5.9);
}

TEST_CASE("io: grades in a student list are read exactly, one decimal at most") {
  const auto students = io::read_students_csv(csv_header + "1,A,1,havo,1,\"5,9\",6.50\n");
  REQUIRE(students.size() == 1);
  CHECK(students[0].grades == std::vector<grade>{{"maths", 5.9}, {"dutch", 6.5}});
  CHECK(problems_of([] { (void)io::read_students_csv(csv_header + "1,A,1,havo,1,6.55,10.1\n"); }) ==
        std::vector<std::string>{
            "csv.wrong_type students.csv:2:6: grades.maths: expected a grade such as 6.5 or 6,5, "
            "found \"6.55\"",
            "data.out_of_range students.csv:2:7: grades.dutch: 10.1 is outside 1..10"});
  CHECK(problems_of([] { (void)io::read_students_csv(csv_header + "1,A,1,havo,1,-6,6.\n"); }) ==
        std::vector<std::string>{"csv.wrong_type students.csv:2:6: grades.maths: expected a grade "
                                 "such as 6.5 or 6,5, found \"-6\"",
                                 "csv.wrong_type students.csv:2:7: grades.dutch: expected a grade "
                                 "such as 6.5 or 6,5, found \"6.\""});
}
