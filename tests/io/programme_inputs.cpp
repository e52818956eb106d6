// The files a programme run reads, as every front end reads them: the programme with its
// school, a student list in place of the school's students, the shipped holidays updated.

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <unistd.h>  // getpid

#include <peerkit/io/programme_inputs.hpp>

#include "../problems.hpp"

using namespace peerkit;
namespace fs = std::filesystem;

namespace {

const fs::path data_dir = fs::path(PEERKIT_SOURCE_DIR) / "examples/data";

/// A folder with the sample programme and school, and a student list of `csv`; one per
/// process, as test runs of several builds may overlap.
fs::path folder_with_students(const std::string& csv) {
  const auto dir = fs::temp_directory_path() /
                   ("peerkit-io-programme-inputs-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  for (const char* f : {"sample_programme.json", "sample_school.json"})
    fs::copy_file(data_dir / f, dir / f);
  std::ofstream(dir / "students.csv", std::ios::binary) << csv;
  return dir;
}

}  // namespace

TEST_CASE("programme_inputs: the programme with its school, or with a student list") {
  const auto dir = folder_with_students("id;name;year;track;class\n5001;Test A.;1;havo;1A\n");
  const auto own = io::programme_inputs{dir / "sample_programme.json"}.read();
  CHECK(own.school_file == "sample_school.json");
  CHECK(own.the_school.students.size() == 131);

  const auto listed = io::programme_inputs{dir / "sample_programme.json", dir / "students.csv",
                                           io::csv_separator::semicolon}
                          .read();
  REQUIRE(listed.the_school.students.size() == 1);  // the list replaces the school's students
  CHECK(listed.the_school.students[0].name == "Test A.");
  CHECK(listed.the_school.classes == own.the_school.classes);
  CHECK(listed.school_file.empty());  // the school is no longer the file's
  fs::remove_all(dir);
}

TEST_CASE("programme_inputs: a student list's problems are located in it") {
  const auto dir = folder_with_students("id,name,year,track,class\n5001,Test A.,9,havo,1A\n");
  const auto listed = io::programme_inputs{dir / "sample_programme.json", dir / "students.csv",
                                           io::csv_separator::detect};
  const auto problems = peerkit_test::problems_of([&] { (void)listed.read(); });
  CHECK(problems == std::vector<std::string>{
                        "data.out_of_range students.csv:2:3: year: 9 is outside 1..5 for havo",
                        "data.inconsistent students.csv:2:5: class: expected a class of year 9 "
                        "havo as the student, found class 1A of year 1 havo"});
  fs::remove_all(dir);
}

TEST_CASE("programme_inputs: the calendar is the shipped holidays, updated") {
  const io::programme_inputs shipped{.shipped_holidays = data_dir / "school_holidays_nl.csv"};
  const auto cal = shipped.calendar(holiday_region::noord);
  CHECK(cal.region == holiday_region::noord);
  CHECK(cal.holidays == read_holidays_file(data_dir / "school_holidays_nl.csv"));

  auto updated = shipped;
  updated.holidays = fs::path(PEERKIT_SOURCE_DIR) / "tests/data/schoolholidays_2025-2026.json";
  CHECK(updated.calendar(holiday_region::noord).holidays ==
        merge_holidays(cal.holidays, io::read_holiday_file(*updated.holidays)));
}
