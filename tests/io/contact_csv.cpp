// Contacts from a school system's CSV export: both separators, the default of each
// optional column, and every problem located by file, line and column.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include <peerkit/io/contact_csv.hpp>

#include "../problems.hpp"

using namespace peerkit;
using peerkit_test::problems_of;

namespace {
const std::string csv_dir = std::string(PEERKIT_TEST_DATA_DIR) + "/csv";

std::vector<std::string> problems_in(const std::string& text) {
  return problems_of([&] { (void)io::read_contacts_csv(text); });
}
}  // namespace

TEST_CASE("io: a semicolon contact list with a Windows line end reads every column") {
  const auto contacts = io::read_contacts_csv_file(csv_dir + "/contacts_semicolon.csv");
  CHECK(contacts == std::vector<contact_record>{
                        {pair_id{1},
                         date(2025, 10, 8),
                         60,
                         contact_kind::at_school,
                         {contact_topic::getting_to_know, contact_topic::finding_the_way},
                         false},
                        {pair_id{1}, date(2025, 10, 15), 45, contact_kind::online, {}, false},
                        {pair_id{9},
                         date(2025, 10, 22),
                         90,
                         contact_kind::outside_school,
                         {contact_topic::joint_activity, contact_topic::bullying},
                         true}});
}

TEST_CASE("io: a comma contact list may leave out the optional columns, in any order") {
  const auto contacts = io::read_contacts_csv_file(csv_dir + "/contacts_comma.csv");
  CHECK(contacts == std::vector<contact_record>{
                        {pair_id{1},
                         date(2025, 10, 8),
                         60,
                         contact_kind::at_school,
                         {contact_topic::getting_to_know},
                         false},
                        {pair_id{2}, date(2025, 10, 15), 30, contact_kind::at_school, {}, false}});
}

TEST_CASE("io: problems in a contact list are located by line and column") {
  CHECK(problems_of(
            [] { (void)io::read_contacts_csv_file(csv_dir + "/contacts_with_errors.csv"); }) ==
        std::vector<std::string>{
            "csv.unknown_column contacts_with_errors.csv:1:7: expected a known column, found "
            "'comment'",
            "csv.wrong_type contacts_with_errors.csv:3:1: pair: expected a pair id (a whole "
            "number from 0), found \"x\"",
            "csv.bad_date contacts_with_errors.csv:3:2: date: expected a date as YYYY-MM-DD or "
            "DD-MM-YYYY, found \"2025-10-32\"",
            "data.out_of_range contacts_with_errors.csv:3:3: minutes: expected 1..480 minutes, "
            "found 600",
            "csv.unknown_value contacts_with_errors.csv:3:4: kind: expected one of at_school, "
            "outside_school, online, found \"at school\"; did you mean 'at_school'?",
            "csv.unknown_value contacts_with_errors.csv:3:5: topics: expected items from "
            "getting_to_know, finding_the_way, homework_planning, lesson_content, "
            "making_contacts, confidence, bullying, conflict, dutch_language, "
            "customs_and_culture, joint_activity, class_activity, study_choice, found "
            "\"gossip\" as item 1",
            "csv.wrong_type contacts_with_errors.csv:3:6: needs_adult: expected yes or no (also "
            "true/false, ja/nee, 1/0), found \"maybe\"",
            "csv.missing_value contacts_with_errors.csv:4:1: pair: expected a value, found none",
            "csv.wrong_type contacts_with_errors.csv:4:3: minutes: expected a whole number of "
            "minutes, found \"abc\""});
}

TEST_CASE("io: a contact list needs its columns, each once") {
  CHECK(problems_in("pair;Date;minutes;pair\n1;2025-10-08;60;1\n") ==
        std::vector<std::string>{
            "csv.unknown_column contacts.csv:1:2: expected a known column, found 'Date'; did "
            "you mean 'date'?",
            "csv.duplicate_column contacts.csv:1:4: expected each column once, found 'pair' "
            "again (first as column 1)",
            "csv.missing_column contacts.csv:1: expected a column 'date', found none"});
  CHECK(problems_in("").front().starts_with("csv.empty contacts.csv:1"));
  CHECK(problems_in("pair;date;minutes\n1;2025-10-08\n")
            .front()
            .starts_with("csv.field_count contacts.csv:2"));
  CHECK(io::read_contacts_csv("pair;date;minutes\n").empty());
}
