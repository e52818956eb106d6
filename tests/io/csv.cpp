#include <catch2/catch.hpp>

#include "../problems.hpp"

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <peerkit/io/csv.hpp>
#include <peerkit/io/school_json.hpp>
#include <peerkit/io/student_csv.hpp>
#include <peerkit/io/text_file.hpp>

using namespace peerkit;

namespace {
std::string fixture(const std::string& name) {
  return peerkit::io::read_text_file(std::string(PEERKIT_TEST_DATA_DIR) + "/csv/" + name);
}
school fixture_school() {
  return io::read_school(fixture("school_classes.json"), "school_classes.json");
}

const access_purpose test_access{"test: check what was read"};

using peerkit_test::problems_of;
std::vector<std::string> student_problems(const std::string& text) {
  return problems_of([&] { (void)io::read_students_csv(text); });
}
std::vector<std::string> table_problems(const std::string& text, io::csv_options options = {}) {
  return problems_of([&] { (void)io::parse_csv(text, "t.csv", options); });
}

// A table written in a dialect: the separator, a byte-order mark or not, the line end.
// Fields that need it are quoted, with quotes doubled.
struct dialect {
  char separator;
  bool bom;
  std::string line_end;
};
std::string render(const std::vector<std::vector<std::string>>& rows, const dialect& d) {
  std::string out = d.bom ? "\xEF\xBB\xBF" : "";
  for (const auto& row : rows) {
    for (std::size_t i = 0; i < row.size(); ++i) {
      if (i > 0) out += d.separator;
      const auto& v = row[i];
      if (v.find_first_of(std::string("\"\r\n") + d.separator) == std::string::npos) {
        out += v;
        continue;
      }
      out += '"';
      for (char c : v) out += c == '"' ? std::string("\"\"") : std::string(1, c);
      out += '"';
    }
    out += d.line_end;
  }
  return out;
}
const std::vector<std::vector<std::string>> sample_rows{
    {"id", "name", "year", "track", "class", "grades.maths", "interests"},
    {"7", "Jansen, Bram", "1", "havo", "1", "6,5", "football|music"},
    {"8", "Anouk \"Noekie\"; de V.", "2", "vwo", "2", "7.25", "line one\nline two"},
    {"9", "Éva Ünal", "1", "isk", "3", "", ""},
};

std::vector<std::string> texts(const io::csv_row& row) {
  std::vector<std::string> out;
  for (const auto& c : row) out.push_back(c.text);
  return out;
}
}  // namespace

TEST_CASE("io: csv reads every dialect to the same table") {
  for (char separator : {';', ','})
    for (bool bom : {false, true})
      for (std::string line_end : {"\n", "\r\n", "\r"}) {
        const dialect d{separator, bom, line_end};
        CAPTURE(separator, bom, line_end.size());
        const auto table = io::parse_csv(render(sample_rows, d), "t.csv");
        CHECK(table.separator == separator);
        CHECK(texts(table.header) == sample_rows[0]);
        REQUIRE(table.rows.size() == 3);
        for (std::size_t r = 0; r < 3; ++r) CHECK(texts(table.rows[r]) == sample_rows[r + 1]);
        // The row after a field with a line end inside starts two lines further on.
        CHECK(table.rows[2].front().line == 5);
        CHECK(table.rows[1][6].line == 3);
        CHECK(table.rows[1][6].column == 7);
      }
}

TEST_CASE("io: csv takes the separator from the header, or as told") {
  CHECK(io::detect_csv_separator("id;name;year\n1,5;a;b") == ';');
  CHECK(io::detect_csv_separator("id,name,year\n1;2;3") == ',');
  CHECK(io::detect_csv_separator("\"a;b\",c\n") == ',');     // a separator in quotes does not count
  CHECK(io::detect_csv_separator(";;;\r\nid,name") == ',');  // an empty row before the header
  CHECK(io::detect_csv_separator("id\n1") == ',');
  CHECK(io::detect_csv_separator("id;name,year") == std::nullopt);
  CHECK(table_problems("id;name,year\n1;2,3\n") ==
        std::vector<std::string>{
            "csv.ambiguous_separator t.csv:1: expected a header row separated by ';' or by "
            "',', found both equally often; name the separator explicitly"});
  const auto told = io::parse_csv("id;name,year\n1;2,3\n", "t.csv", {io::csv_separator::semicolon});
  CHECK(texts(told.header) == std::vector<std::string>{"id", "name,year"});
  const auto comma = io::parse_csv("a;b,c\n", "t.csv", {io::csv_separator::comma});
  CHECK(texts(comma.header) == std::vector<std::string>{"a;b", "c"});
  CHECK(key_of(io::csv_separator::semicolon) == "semicolon");
  CHECK(from_key<io::csv_separator>("comma") == io::csv_separator::comma);
}

TEST_CASE("io: csv quotes, blanks and empty rows") {
  const auto table = io::parse_csv("a , \"b\" ,c\n\"x\"\"y\",  \"\" , z \n,,\n\n", "t.csv");
  CHECK(texts(table.header) == std::vector<std::string>{"a", "b", "c"});
  REQUIRE(table.rows.size() == 1);
  CHECK(texts(table.rows[0]) == std::vector<std::string>{"x\"y", "", "z"});
  CHECK(table_problems("a,b\n\"1,2\";x,3\n") ==
        std::vector<std::string>{
            "csv.syntax t.csv:2:1: expected ',' or the end of the line after a closing "
            "quote, found more text; double a quote that belongs to the value"});
  // Quoted blanks are kept; a line end inside quotes is read as "\n" whatever the file uses.
  const auto kept = io::parse_csv("a\r\n\"  x\r\ny  \"\r\n", "t.csv");
  CHECK(kept.rows.at(0).at(0).text == "  x\ny  ");
}

TEST_CASE("io: csv syntax errors name line and column") {
  CHECK(table_problems("a,b\n1,\"open\n2,3\n") ==
        std::vector<std::string>{
            "csv.syntax t.csv:2:2: expected a closing quote for the field that starts here, "
            "found the end of the file"});
  CHECK(table_problems("a,b\n1,5\" tall\n") ==
        std::vector<std::string>{
            "csv.syntax t.csv:2:2: expected a field without quotes or a field in quotes, "
            "found a quote inside the field; put the whole field in quotes and double the "
            "quotes inside it"});
  CHECK(table_problems("a;b;c\n1;2\n1;2;3;4\n\"x\ny\";2;3\n1;2;3;;\n") ==
        std::vector<std::string>{
            "csv.field_count t.csv:2:2: expected 3 fields as in the header, found 2",
            "csv.field_count t.csv:3:4: expected 3 fields as in the header, found 4; a value that "
            "holds ';' must "
            "be in quotes",
            "csv.field_count t.csv:6:4: expected 3 fields as in the header, found 5; a value that "
            "holds ';' must "
            "be in quotes"});
}

TEST_CASE("io: csv encodings other than UTF-8 are refused") {
  CHECK(table_problems("") ==
        std::vector<std::string>{"csv.empty t.csv:1: expected a header row, found an empty file"});
  CHECK(table_problems("\xEF\xBB\xBF\r\n;;\r\n") ==
        std::vector<std::string>{"csv.empty t.csv:1: expected a header row, found an empty file"});
  CHECK(table_problems(std::string("\xFF\xFEi\0d\0", 6)) ==
        std::vector<std::string>{
            "csv.encoding t.csv:1: expected UTF-8 text, found UTF-16; save the file as "
            "\"CSV UTF-8\""});
  const std::string not_utf8 =
      "csv.encoding t.csv:2:2: expected UTF-8 text, found bytes that are not UTF-8 text (the file "
      "may be saved "
      "as ANSI, Windows-1252 or UTF-16); save the file as \"CSV UTF-8\"";
  CHECK(table_problems("id;name\n1;Ren\xE9\n2;Zo\xEB\n") ==
        std::vector<std::string>{not_utf8});  // once
  CHECK(table_problems(std::string("id;name\n1;a\0b\n", 14)) == std::vector<std::string>{not_utf8});
  CHECK(table_problems("id;name\n1;\xC0\xAF\n") == std::vector<std::string>{not_utf8});  // overlong
  CHECK(table_problems("id;name\n1;\xED\xA0\x80\n") ==
        std::vector<std::string>{not_utf8});  // surrogate
  CHECK(io::parse_csv("id;name\n1;Zoë 🙂 ﬀ\n", "t.csv").rows.at(0).at(1).text == "Zoë 🙂 ﬀ");
}

TEST_CASE("io: student lists in two dialects read to the same school") {
  const auto base = fixture_school();
  const auto semicolons = io::merge_students_csv(base, fixture("students_semicolon_bom_crlf.csv"),
                                                 "students_semicolon_bom_crlf.csv");
  const auto commas = io::merge_students_csv(base, fixture("students_comma_lf.csv"),
                                             "students_comma_lf.csv");
  CHECK(semicolons == commas);
  REQUIRE(semicolons.students.size() == 5);
  CHECK(semicolons.students[0] == base.students[0]);

  const student& anouk = semicolons.students[1];
  CHECK(anouk.id == student_id{3001});
  CHECK(anouk.name == "Anouk \"Noekie\" de Vries");
  CHECK(anouk.gender == gender_identity::female);
  CHECK(anouk.birth_date == date(2013, 9, 7));
  CHECK(anouk.class_of == class_id{1});
  CHECK(anouk.grades == std::vector<grade>{{"dutch", 7.5}, {"maths", 6.0}});
  CHECK(anouk.rating("empathy") == 4);
  CHECK(anouk.interests == std::vector<std::string>{"hockey", "music"});
  CHECK(anouk.wants == std::vector<std::string>{"making friends", "homework"});
  CHECK(anouk.available == availability{true, false});
  CHECK(anouk.consent == consent{consent_giver::parent, date(2025, 9, 3), std::nullopt});
  CHECK(anouk.needs.reveal(test_access) == std::vector<need>{need::shy_or_insecure});

  const student& bram = semicolons.students[2];
  CHECK(bram.name == "Jansen, Bram");
  CHECK(bram.interests == std::vector<std::string>{"football", "music"});
  CHECK(bram.available == availability{true, true});
  CHECK_FALSE(bram.consent);

  const student& samir = semicolons.students[3];
  CHECK(samir.birth_date == date(2011, 2, 1));
  CHECK(samir.grades == std::vector<grade>{{"dutch", 5.9}, {"maths", 5.4}});
  CHECK(samir.fail_marks() == 1);
  CHECK(samir.languages.reveal(test_access) == std::vector<std::string>{"arabic", "dutch"});
  CHECK(samir.origin.reveal(test_access) == "Syria");
  CHECK(samir.groups.reveal(test_access) == std::vector<std::string>{"syria_group_a"});

  const student& lidya = semicolons.students[4];
  CHECK(lidya.is_newcomer());
  CHECK(lidya.consent == consent{consent_giver::student, date(2025, 9, 10), date(2026, 1, 15)});
  CHECK(lidya.origin.reveal(test_access) == "Eritrea");
  CHECK(lidya.needs.reveal(test_access).empty());
}

TEST_CASE("io: a merged school round-trips through JSON") {
  const auto merged = io::merge_students_csv(fixture_school(), fixture("students_comma_lf.csv"));
  CHECK_NOTHROW(validate(merged));
  CHECK(io::read_school(io::to_json(merged, {test_access}).dump(1)) == merged);
}

TEST_CASE("io: student lists without a school take class ids only") {
  const auto students = io::read_students_csv(fixture("students_comma_lf.csv"),
                                              "students_comma_lf.csv");
  REQUIRE(students.size() == 4);
  CHECK(students[3].class_of == class_id{4});
  CHECK(student_problems("id,name,year,track,class\n1,A,1,havo,1A\n") ==
        std::vector<std::string>{
            "data.unknown_reference students.csv:2:5: class: expected a class id (class "
            "names need the school's classes), found \"1A\""});
  // Given the classes, names and ids are both checked.
  const auto base = fixture_school();
  const auto by_name = io::read_students_csv("id,name,year,track,class\n1,A,1,havo,1A\n", "s.csv",
                                             base.classes);
  CHECK(by_name.at(0).class_of == class_id{1});
  CHECK(problems_of([&] {
          (void)io::read_students_csv("id,name,year,track,class\n1,A,1,havo,9\n", "s.csv",
                                      base.classes);
        }) == std::vector<std::string>{
                  "data.unknown_reference s.csv:2:5: class: expected the name or id of a class of "
                  "the school, found \"9\""});
}

TEST_CASE("io: a list with many problems reports them all with file, line and column") {
  const auto problems = problems_of([] {
    (void)io::merge_students_csv(fixture_school(), fixture("students_with_errors.csv"),
                                 "students_with_errors.csv");
  });
  const std::string f = "students_with_errors.csv:";
  CHECK(problems ==
        std::vector<std::string>{
            "csv.field_count " + f +
                "7:12: expected 11 fields as in the header, found 12; a value that holds ';' "
                "must be in quotes",
            "csv.missing_column " + f + "1: expected a column 'name', found none",
            "csv.unknown_column " + f +
                "1:2: expected a known column, found 'nmae'; did you mean 'name'?",
            "csv.unknown_column " + f +
                "1:6: expected a known column, found 'grade:maths'; did you mean "
                "'grades.maths'?",
            "csv.unknown_value " + f +
                "3:4: track: expected one of praktijkonderwijs, vmbo_basis, vmbo_kader, "
                "vmbo_gemengd, vmbo_theoretisch, havo, vwo, isk, found \"HAVO\"; did you "
                "mean 'havo'?",
            "csv.unknown_value " + f +
                "3:8: gender: expected one of female, male, other, unspecified, found \"f\"",
            "csv.bad_date " + f +
                "3:9: birth_date: expected a date as YYYY-MM-DD or DD-MM-YYYY, found "
                "\"2013-02-30\"",
            "data.duplicate_id " + f +
                "4:1: id: expected a student number used once, found 4001, already used on "
                "line 2",
            "data.out_of_range " + f + "4:3: year: 7 is outside 1..5 for havo",
            "data.unknown_reference " + f +
                "4:5: class: expected the name or id of a class of the school, found "
                "\"1Q\"; did you mean '1A'?",
            "data.out_of_range " + f + "4:7: grades.dutch: 11 is outside 1..10",
            "csv.unknown_value " + f +
                "4:10: needs: expected items from shy_or_insecure, falling_behind, "
                "conflict_behaviour, personal_problems, autism, bullied, social_emotional, "
                "disability, motivation, socially_weaker_background, found another value as "
                "item 1 (special-category data is not repeated in messages)",
            "csv.wrong_type " + f +
                "5:1: id: expected a student number (a whole number from 0), found \"x\"",
            "data.inconsistent " + f +
                "5:5: class: expected a class of year 1 havo as the student, found class 1B "
                "of year 1 vwo",
            "data.inconsistent " + f +
                "6:5: class: expected a class of year 1 havo as the student, found class 3T1 "
                "of year 3 vmbo_theoretisch",
        });
}

TEST_CASE("io: student list header problems") {
  CHECK(student_problems("id;name;year;track;class;name;grades.;traits.\n") ==
        std::vector<std::string>{
            "csv.duplicate_column students.csv:1:6: expected each column once, found 'name' again "
            "(first as column 2)",
            "csv.unknown_column students.csv:1:7: expected a known column, found 'grades.'",
            "csv.unknown_column students.csv:1:8: expected a known column, found 'traits.'"});
  CHECK(student_problems("Id;Name;year;track;klas\n") ==
        std::vector<std::string>{
            "csv.missing_column students.csv:1: expected a column 'id', found none",
            "csv.missing_column students.csv:1: expected a column 'name', found none",
            "csv.missing_column students.csv:1: expected a column 'class', found none",
            "csv.unknown_column students.csv:1:1: expected a known column, found 'Id'; did you "
            "mean 'id'?",
            "csv.unknown_column students.csv:1:2: expected a known column, found 'Name'; did you "
            "mean 'name'?",
            "csv.unknown_column students.csv:1:5: expected a known column, found 'klas'; did you "
            "mean 'class'?"});
  // A column without a name is ignored while it is empty, as spreadsheets add one.
  CHECK(io::read_students_csv("id;name;year;track;class;\n1;A;1;havo;1;\n").size() == 1);
  CHECK(student_problems("id;name;year;track;class;\n1;A;1;havo;1;\n2;B;1;havo;1;x\n") ==
        std::vector<std::string>{
            "csv.unnamed_column students.csv:1:6: expected a column name, found none for a "
            "column that holds values (first on line 3); name the column or remove it"});
}

TEST_CASE("io: student list values of each kind are checked") {
  const std::string header =
      "id,name,year,track,class,gender,birth_date,grades.maths,traits.empathy,"
      "available.after_school,consent.given_by,consent.given_on,consent.withdrawn_on\n";
  CHECK(student_problems(header + "1,,1,havo,1,,,,,,,,\n") ==
        std::vector<std::string>{
            "csv.missing_value students.csv:2:2: name: expected a value, found an empty field"});
  CHECK(student_problems(header + "-1,A,one,havo,1,Female,2013-9-7,6.5.1,high,maybe,,,\n") ==
        std::vector<std::string>{"csv.wrong_type students.csv:2:1: id: expected a student number "
                                 "(a whole number from 0), found \"-1\"",
                                 "csv.wrong_type students.csv:2:3: year: expected a school year as "
                                 "a whole number, found \"one\"",
                                 "csv.unknown_value students.csv:2:6: gender: expected one of "
                                 "female, male, other, unspecified, found "
                                 "\"Female\"; did you mean 'female'?",
                                 "csv.bad_date students.csv:2:7: birth_date: expected a date as "
                                 "YYYY-MM-DD or DD-MM-YYYY, found "
                                 "\"2013-9-7\"",
                                 "csv.wrong_type students.csv:2:8: grades.maths: expected a grade "
                                 "such as 6.5 or 6,5, found \"6.5.1\"",
                                 "csv.wrong_type students.csv:2:9: traits.empathy: expected a "
                                 "rating as a whole number, found \"high\"",
                                 "csv.wrong_type students.csv:2:10: available.after_school: "
                                 "expected yes or no (also true/false, "
                                 "ja/nee, 1/0), found \"maybe\""});
  CHECK(student_problems(header + "1,A,1,havo,1,,,0,,,,,2026-01-01\n") ==
        std::vector<std::string>{
            "data.out_of_range students.csv:2:8: grades.maths: 0 is outside 1..10",
            "csv.missing_value students.csv:2:11: consent.given_by: expected who gave the consent "
            "(parent, "
            "student) with a consent, found none",
            "csv.missing_value students.csv:2:12: consent.given_on: expected the day the consent "
            "was given with a "
            "consent, found none"});
  CHECK(student_problems("id,name,year,track,class,consent.given_by\n1,A,1,havo,1,student\n") ==
        std::vector<std::string>{
            "csv.missing_value students.csv:2:6: consent.given_on: expected the day the consent "
            "was given with a consent, found none"});
  CHECK(student_problems(header + "4294967296,A,1,havo,1,,29-02-2013,,,,,,\n") ==
        std::vector<std::string>{"csv.wrong_type students.csv:2:1: id: expected a student number "
                                 "(a whole number from 0), found "
                                 "\"4294967296\"",
                                 "csv.bad_date students.csv:2:7: birth_date: expected a date as "
                                 "YYYY-MM-DD or DD-MM-YYYY, found "
                                 "\"29-02-2013\""});
  const auto fine = io::read_students_csv(
      header + " 4294967295 , A ,1,havo,1, other ,29-02-2012,10,-2,1,,,\n");
  REQUIRE(fine.size() == 1);
  CHECK(fine[0].id == student_id{4294967295u});
  CHECK(fine[0].name == "A");
  CHECK(fine[0].gender == gender_identity::other);
  CHECK(fine[0].birth_date == date(2012, 2, 29));
  CHECK(fine[0].grades == std::vector<grade>{{"maths", 10.0}});
  CHECK(fine[0].rating("empathy") == -2);
  CHECK(fine[0].available.after_school);
  CHECK(fine[0].interests.empty());
}

TEST_CASE("io: student list dates are ISO or day-month-year, as spreadsheets show them") {
  const std::string header = "id;name;year;track;class;birth_date\n";
  const auto birth_date = [&](const std::string& cell) {
    return io::read_students_csv(header + "1;A;1;havo;1;" + cell + "\n").front().birth_date;
  };
  CHECK(birth_date("2013-09-07") == date(2013, 9, 7));
  CHECK(birth_date("07-09-2013") == date(2013, 9, 7));
  CHECK(birth_date("7-9-2013") == date(2013, 9, 7));
  CHECK(birth_date(" 7-9-2013 ") ==
        date(2013, 9, 7));  // blanks around a field are the file's layout
  CHECK(birth_date("\" 2013-09-07\"") == date(2013, 9, 7));
  for (const std::string cell : {"2013/09/07", "07/09/2013", "7.9.2013", "2013-9-7", "20130907",
                                 "07-09-13", "2013-02-30", "31-04-2013"}) {
    CAPTURE(cell);
    CHECK(student_problems(header + "1;A;1;havo;1;" + cell + "\n") ==
          std::vector<std::string>{
              "csv.bad_date students.csv:2:6: birth_date: expected a date as YYYY-MM-DD or "
              "DD-MM-YYYY, found \"" +
              cell + "\""});
  }
}

TEST_CASE("io: student lists are checked against the school") {
  const auto base = fixture_school();
  const auto problems = problems_of([&] {
    (void)io::merge_students_csv(
        base, "id;name;year;track;class\n3000;A;1;vwo;1B\n3001;B;1;vwo;1b\n", "s.csv");
  });
  CHECK(problems == std::vector<std::string>{"data.duplicate_id s.csv:2:1: id: expected a student "
                                             "number new to the school, found 3000, already used "
                                             "by students[0]",
                                             "data.unknown_reference s.csv:3:5: class: expected "
                                             "the name or id of a class of the school, found "
                                             "\"1b\"; did you mean '1B'?"});
  auto twins = base;
  twins.classes.push_back({class_id{9}, "1A", 1, school_track::havo, std::nullopt, "Annex"});
  CHECK(problems_of([&] {
          (void)io::merge_students_csv(twins, "id;name;year;track;class\n5;A;1;havo;1A\n", "s.csv");
        }) ==
        std::vector<std::string>{
            "data.ambiguous_reference s.csv:2:5: class: expected one class named \"1A\", found "
            "2 (ids 1 and 9); give the class id"});
  const auto by_id = io::merge_students_csv(twins, "id;name;year;track;class\n5;A;1;havo;9\n",
                                            "s.csv");
  CHECK(by_id.students.back().class_of == class_id{9});
  // A class name wins over a class id that looks the same.
  auto numbered = base;
  numbered.classes.push_back({class_id{10}, "3", 1, school_track::havo, std::nullopt, ""});
  CHECK(io::merge_students_csv(numbered, "id;name;year;track;class\n5;A;1;havo;3\n")
            .students.back()
            .class_of == class_id{10});
  // The school's own problems come from validate(), after the list's.
  auto broken = base;
  broken.classes[0].mentor = staff_id{999};
  CHECK(problems_of([&] {
          (void)io::merge_students_csv(broken, "id;name;year;track;class\n5;A;1;havo;1A\n");
        }) == std::vector<std::string>{
                  "data.unknown_reference classes[0].mentor: no staff member has id 999"});
}

TEST_CASE("io: special-category values never appear in student list errors") {
  // Secret values in every special-category column, in rows broken in every way.
  const std::string secrets[] = {"SECRETLANG", "SECRETORIGIN", "SECRETNEED", "SECRETGROUP",
                                 "autsim"};
  const std::string text =
      "id;name;year;track;class;languages;origin;needs;groups\n"
      "1;A;1;havo;1;SECRETLANG;SECRETORIGIN;SECRETNEED|autsim;SECRETGROUP\n"
      "2;B;1;havo;1;SECRETLANG;\"SECRETORIGIN\"x;autism;SECRETGROUP\n"
      "3;C;1;havo;1;SECRET\"LANG;SECRETORIGIN;autism;SECRETGROUP;SECRETGROUP\n"
      "4;D;1;havo;1;\xE9SECRETLANG;SECRETORIGIN;autism;SECRETGROUP\n";
  try {
    (void)io::read_students_csv(text);
    FAIL("expected an error");
  } catch (const error& e) {
    CHECK(e.problems().size() == 6);
    const std::string all = e.what();
    for (const auto& secret : secrets) CHECK(all.find(secret) == std::string::npos);
    CHECK(all.find("did you mean 'autism'") == std::string::npos);
  }
}
