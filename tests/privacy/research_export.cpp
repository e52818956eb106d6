#include <catch2/catch.hpp>

#include <string>

#include "../supervision/fixture.hpp"

using namespace fixture;

namespace {
const pseudonymiser& keyed() {
  static const pseudonymiser ps("research key of the 2025 evaluation");
  return ps;
}

programme_records busy_records(const school& s) {
  auto r = make_records();
  record_contact(r, s, contact(pair_1, start, 60, {contact_topic::bullying}, true));
  record_contact(r, s, contact(pair_1, start + days(7), 45));
  record_contact(r, s,
                 contact(newcomer_pair, start + days(1), 90, {contact_topic::dutch_language}));
  auto e = raise_escalation(escalation_id{1}, *r.find_pair(pair_1), buddy_1, severity::urgent,
                            start + days(8));
  r.escalations.push_back(e);
  (void)record_closure(r, pair_2, start + days(30), end_reason::no_click);
  const auto q = default_questionnaire(stakeholder::supportee);
  record_response(r, s,
                  {stakeholder::supportee,
                   evaluation_moment::interim,
                   supportee_1,
                   pair_1,
                   start + days(20),
                   {{0, 4}, {12, 1}}},
                  q);
  record_response(r, s,
                  {stakeholder::teacher_or_mentor,
                   evaluation_moment::interim,
                   mentor_1a,
                   std::nullopt,
                   start + days(20),
                   {{0, 5}}},
                  default_questionnaire(stakeholder::teacher_or_mentor));
  return r;
}

std::string all_csv(const research_export& ex) {
  return to_csv(ex.students) + to_csv(ex.pairs) + to_csv(ex.pair_members) + to_csv(ex.answers);
}
}  // namespace

TEST_CASE("privacy: an export cell takes no sensitive value, name or raw id") {
  STATIC_REQUIRE(std::is_constructible_v<export_cell, int>);
  STATIC_REQUIRE(std::is_constructible_v<export_cell, double>);
  STATIC_REQUIRE(std::is_constructible_v<export_cell, bool>);
  STATIC_REQUIRE(std::is_constructible_v<export_cell, school_track>);
  STATIC_REQUIRE(std::is_constructible_v<export_cell, pseudonym>);
  STATIC_REQUIRE(std::is_constructible_v<export_cell, question_key>);
  STATIC_REQUIRE(!std::is_constructible_v<export_cell, needs_data>);
  STATIC_REQUIRE(!std::is_constructible_v<export_cell, origin_data>);
  STATIC_REQUIRE(!std::is_constructible_v<export_cell, language_data>);
  STATIC_REQUIRE(!std::is_constructible_v<export_cell, group_data>);
  STATIC_REQUIRE(!std::is_constructible_v<export_cell, conflict_data>);
  STATIC_REQUIRE(!std::is_constructible_v<export_cell, std::string>);  // names
  STATIC_REQUIRE(!std::is_constructible_v<export_cell, const char*>);
  STATIC_REQUIRE(!std::is_constructible_v<export_cell, std::string_view>);
  STATIC_REQUIRE(!std::is_constructible_v<export_cell, char>);
  STATIC_REQUIRE(!std::is_constructible_v<export_cell, student_id>);  // pseudonymise first
  STATIC_REQUIRE(!std::is_constructible_v<export_cell, staff_id>);
  STATIC_REQUIRE(!std::is_constructible_v<export_cell, date>);  // dates of birth identify
  // After the access step a single category value is an enumeration key: allowed, and visible in
  // review.
  STATIC_REQUIRE(std::is_constructible_v<export_cell, need>);
}

TEST_CASE("privacy: the research export holds no names, raw ids or special-category values") {
  const auto s = make_school();
  const auto r = busy_records(s);
  const auto ex = export_for_research(r, s, keyed(), start + days(40));
  const auto csv = all_csv(ex);
  for (const auto& secret : secrets()) CHECK(csv.find(secret) == std::string::npos);
  for (const auto& st : s.students) CHECK(csv.find(st.name) == std::string::npos);
  // People and pairs appear only as 32-hex-digit pseudonyms, never as their numbers.
  auto is_pseudonym = [](const export_cell& c) {
    const auto text = c.to_string();
    return text.size() == 32 && text.find_first_not_of("0123456789abcdef") == std::string::npos;
  };
  for (const auto& row : ex.students.rows) CHECK(is_pseudonym(row[0]));
  for (const auto& row : ex.pair_members.rows)
    CHECK((is_pseudonym(row[0]) && is_pseudonym(row[1])));
  for (const auto& row : ex.pairs.rows) CHECK(is_pseudonym(row[0]));
  for (const auto& row : ex.answers.rows) CHECK(is_pseudonym(row[0]));

  REQUIRE(ex.students.rows.size() == 9);
  REQUIRE(ex.pairs.rows.size() == 4);
  REQUIRE(ex.pair_members.rows.size() == 1 + 1 + 1 + 1 + 1 + 2 + 2);
  REQUIRE(ex.answers.rows.size() == 3);

  const auto p1 = keyed().of(pair_1).to_string();
  CHECK(to_csv(ex.pairs).find(p1 + ",peer_buddy,2025,41,0,,,5,2,105,1,1,0,1,0\r\n") !=
        std::string::npos);
  const auto p2 = keyed().of(pair_2).to_string();
  CHECK(to_csv(ex.pairs).find(p2 + ",peer_buddy,2025,30,1,no_click,unplanned,4,0,0,0,,0,0,0\r\n") !=
        std::string::npos);
  CHECK(
      to_csv(ex.pair_members).find(p1 + "," + keyed().of(supportee_1).to_string() + ",supportee") !=
      std::string::npos);
  CHECK(to_csv(ex.students).find(keyed().of(supportee_1).to_string() + ",havo,1,unspecified,0,1") !=
        std::string::npos);
  CHECK(to_csv(ex.answers)
            .find(keyed().of(staff_id{11}).to_string() +
                  ",teacher_or_mentor,interim,2025,,teacher.lighter_tasks,lighter_tasks,5") !=
        std::string::npos);
  CHECK(to_csv(ex.answers).find("supportee.would_again,programme_should_continue,1") !=
        std::string::npos);
  CHECK(to_csv(ex.students).substr(0, 47) == "student,track,year,gender,supporter,supportee\r\n");
}

TEST_CASE("privacy: the export leaves out students without consent and what involves them") {
  auto s = make_school();
  auto r = busy_records(s);
  (void)withdraw_consent(r, s, supportee_1, start + days(35));
  const auto ex = export_for_research(r, s, keyed(), start + days(40));
  const auto csv = all_csv(ex);
  CHECK(csv.find(keyed().of(supportee_1).to_string()) == std::string::npos);
  CHECK(csv.find(keyed().of(pair_1).to_string()) == std::string::npos);
  CHECK(ex.pairs.rows.size() == 3);
  CHECK(ex.answers.rows.size() == 1);  // the mentor's
  // buddy_1 supports nobody else: not in the export either.
  CHECK(csv.find(keyed().of(buddy_1).to_string()) == std::string::npos);
}

TEST_CASE("privacy: the export counts contacts already folded by retention") {
  auto s = make_school();
  auto r = busy_records(s);
  (void)purge(r, s, {}, d(2026, 8, 1));
  REQUIRE(r.contacts.empty());
  const auto ex = export_for_research(r, s, keyed(), d(2026, 8, 1));
  const auto p1 = keyed().of(pair_1).to_string();
  const auto pairs = to_csv(ex.pairs);
  const auto at = pairs.find(p1);
  REQUIRE(at != std::string::npos);
  const auto line = pairs.substr(at, pairs.find("\r\n", at) - at);
  CHECK(line.find(",2,105,1,,") !=
        std::string::npos);  // meetings, minutes, needs-adult kept; first meeting unknown
}

TEST_CASE("privacy: CSV cells are quoted when they need it") {
  export_table t{
      "t", {"a", "b,c"}, {{export_cell(1), export_cell(2.5)}, {export_cell(), export_cell(true)}}};
  CHECK(to_csv(t) == "a,\"b,c\"\r\n1,2.5\r\n,1\r\n");
}
