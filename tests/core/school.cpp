#include <catch2/catch.hpp>

#include <algorithm>

#include <peerkit/core/school.hpp>

using namespace peerkit;

namespace {
school small_school() {
  school s;
  s.name = "Test";
  s.staff = {{staff_id{1}, "Coordinator", {staff_role::coordinator}, staff_id{2}},
             {staff_id{2}, "Coach", {staff_role::teacher_coach, staff_role::class_mentor}, {}}};
  s.classes = {{class_id{1}, "1A", 1, school_track::havo, staff_id{2}, ""},
               {class_id{2}, "ISK", 1, school_track::isk, {}, "elsewhere"}};
  student a;
  a.id = student_id{10};
  a.name = "A";
  a.class_of = class_id{1};
  a.grades = {{"maths", 5.0}, {"dutch", 7.0}, {"english", 8.0}};
  s.students.push_back(a);
  return s;
}
std::vector<std::string> problems_of(const school& s) {
  try {
    validate(s);
  } catch (const error& e) {
    std::vector<std::string> out;
    for (const auto& p : e.problems()) out.push_back(p.to_string());
    return out;
  }
  return {};
}
}  // namespace

TEST_CASE("core: a consistent school validates") {
  const auto s = small_school();
  CHECK_NOTHROW(validate(s));
  CHECK(s.find(student_id{10})->name == "A");
  CHECK(s.find(staff_id{2})->holds(staff_role::teacher_coach));
  CHECK(s.find(class_id{2})->is_newcomer_class());
  CHECK_FALSE(s.find(class_id{2})->is_first_year());
  CHECK(s.staff_in(staff_role::class_mentor).size() == 1);
}

TEST_CASE("core: student figures for selection") {
  const auto s = small_school();
  const auto& a = s.students.front();
  CHECK(a.fail_marks() == 1);
  CHECK(a.average_grade() == grade_average(tenths::from_count(200), 3));
  CHECK(a.average_grade()->text() == "6.66");  // cut, not rounded: never shown above what it is
  CHECK_FALSE(student{}.average_grade().has_value());
}

TEST_CASE("core: grades and their average are exact, in any order") {
  // Summed as doubles in this order the mean is 5.999..., below 6.0; in tenths it is 6.0.
  std::vector<grade> grades{{"maths", 6.7}, {"dutch", 5.0}, {"english", 5.1}, {"history", 7.2}};
  std::sort(grades.begin(), grades.end(),
            [](const grade& x, const grade& y) { return x.subject < y.subject; });
  do {
    student s;
    s.grades = grades;
    REQUIRE(s.average_grade());
    CHECK(*s.average_grade() == tenths(6.0));
    CHECK(*s.average_grade() >= tenths(6.0));
    CHECK_FALSE(*s.average_grade() < tenths(6.0));
    CHECK(s.average_grade()->text() == "6.0");
  } while (std::next_permutation(grades.begin(), grades.end(), [](const grade& x, const grade& y) {
    return x.subject < y.subject;
  }));
  CHECK(grade_average(tenths::from_count(179), 3) < tenths(6.0));  // 5.966...
  CHECK(grade_average(tenths::from_count(179), 3).text() == "5.96");
  CHECK(grade_average(tenths::from_count(181), 3) > tenths(6.0));
  CHECK(grade_average(tenths::from_count(120), 2) == grade_average(tenths::from_count(60), 1));
  // Values read at run time: one decimal at most.
  CHECK(tenths::from_decimal(6.5) == tenths(6.5));
  CHECK(tenths::from_decimal(5.9)->count() == 59);
  CHECK(tenths::from_decimal(7)->text() == "7.0");
  CHECK_FALSE(tenths::from_decimal(6.55));
  CHECK_FALSE(tenths::from_decimal(1e300));
  CHECK(on_grade_scale(tenths(1.0)));
  CHECK(on_grade_scale(tenths(10.0)));
  CHECK_FALSE(on_grade_scale(tenths(0.9)));
  CHECK_FALSE(on_grade_scale(tenths(10.1)));
  student marks;
  marks.grades = {{"maths", 5.4}, {"dutch", 5.5}};
  CHECK(marks.fail_marks() == 1);
}

TEST_CASE("core: age on a date") {
  student s;
  s.birth_date = date(2010, 3, 15);
  CHECK(s.age_on(date(2026, 3, 14)) == 15);
  CHECK(s.age_on(date(2026, 3, 15)) == 16);
  CHECK_FALSE(student{}.age_on(date(2026, 1, 1)).has_value());
}

TEST_CASE("core: every problem of a school is reported with its location") {
  auto s = small_school();
  s.students[0].grades.push_back({"history", 11});
  s.students[0].year = 7;
  s.staff[0].successor = staff_id{1};
  s.classes.push_back({class_id{1}, "", 1, school_track::havo, staff_id{9}, ""});
  CHECK(problems_of(s) ==
        std::vector<std::string>{
            "classes[2].id: id 1 is already used by classes[0]",
            "classes[2].name: a class needs a name", "classes[2].mentor: no staff member has id 9",
            "students[0].year: 7 is outside 1..5 for havo",
            "students[0].class: class 1A is year 1 havo, the student is year 7 havo",
            "students[0].grades.history: 11 is outside 1..10",
            "staff[0].successor: a staff member cannot succeed themselves"});
}
