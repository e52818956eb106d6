// The record document: reading every event kind, writing it back byte for byte, and
// locating each problem in its file, whether the reader or the programme finds it.
#include <catch2/catch.hpp>

#include <regex>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include <peerkit/io/record_json.hpp>

#include "../problems.hpp"
#include "json_schema_validator.hpp"

using namespace peerkit;
using io::json;
using peerkit_test::problems_of;
using namespace peerkit::test;

namespace {

const std::string record_dir = std::string(PEERKIT_TEST_DATA_DIR) + "/record";

io::record_document fixture() { return io::read_record_file(record_dir + "/year.json"); }

/// The fixture's record with `events` instead of its own.
std::string record_with(const std::string& events) {
  return R"({"peerkit": "record/1", "programme": "programme.json", "events": [)" + events + "]}";
}

std::vector<std::string> record_problems(const std::string& events) {
  return problems_of([&] { (void)io::read_record(record_with(events), record_dir, "year.json"); });
}

std::vector<std::string> replay_problems(const std::string& events) {
  return problems_of([&] {
    (void)io::replay(io::read_record(record_with(events), record_dir, "year.json"), "year.json");
  });
}

/// One entry of every kind, with every optional field set.
std::vector<year_entry> every_kind() {
  support_pair duo;
  duo.id = pair_id{2};
  duo.role = supporter_role::peer_leader;
  duo.supporters = {student_id{1059}, student_id{1061}};
  duo.class_served = class_id{3};
  duo.started = date(2025, 10, 6);
  support_pair rematch;
  rematch.id = pair_id{9};
  rematch.supporters = {student_id{1062}};
  rematch.supportees = {student_id{1001}};
  rematch.started = date(2026, 1, 12);
  item_progress progress{item_state::done, date(2025, 9, 1), staff_id{101}, "signed"};
  return {
      application_step{application_id{3}, application_state::accepted, date(2025, 9, 5),
                       staff_id{101}},
      training_session{student_id{1059}, supporter_role::peer_leader, date(2025, 9, 17), 240},
      pairing_started{duo, std::nullopt},
      pairing_started{rematch, pair_id{1}},
      secrecy_notice{pair_id{1}, date(2025, 10, 6)},
      intervision_roster{intervision_group_id{1},
                         supporter_role::newcomer_buddy,
                         staff_id{104},
                         {student_id{1092}},
                         date(2025, 10, 6),
                         2,
                         true},
      intervision_session{intervision_group_id{1},
                          date(2025, 10, 20),
                          {student_id{1092}},
                          {staff_id{104}, staff_id{107}}},
      mentor_follow_up{intervision_group_id{1}, date(2025, 10, 20), staff_id{104}, staff_id{110},
                       date(2025, 10, 27)},
      contact_record{pair_id{1},
                     date(2025, 10, 8),
                     45,
                     contact_kind::online,
                     {contact_topic::bullying, contact_topic::getting_to_know},
                     true},
      escalation_raised{escalation_id{1}, pair_id{1}, student_id{1060}, severity::urgent,
                        date(2025, 11, 3)},
      escalation_step{escalation_id{1},
                      {escalation_event_kind::staff_informed, date(2025, 11, 4), staff_id{107},
                       staff_role::confidential_teacher}},
      escalation_step{
          escalation_id{1},
          {escalation_event_kind::staff_responded, date(2025, 11, 5), staff_id{107}, std::nullopt}},
      escalation_step{
          escalation_id{1},
          {escalation_event_kind::closed, date(2025, 11, 6), std::nullopt, std::nullopt}},
      pair_ended{pair_id{1}, date(2025, 12, 1), end_reason::no_click, std::nullopt},
      pair_ended{pair_id{1}, date(2025, 12, 1), end_reason::other, std::size_t{1}},
      departure{student_id{1005}, date(2026, 3, 1)},
      evaluation_response{stakeholder::supportee,
                          evaluation_moment::interim,
                          student_id{1001},
                          pair_id{1},
                          date(2026, 1, 20),
                          {{2, 5}, {0, 3}}},
      evaluation_response{stakeholder::teacher_or_mentor,
                          evaluation_moment::final,
                          staff_id{110},
                          std::nullopt,
                          date(2026, 6, 20),
                          {{1, 4}}},
      checklist_progressed{"inform_everyone", progress},
  };
}

}  // namespace

TEST_CASE("io: the record fixture reads and replays on its programme") {
  const auto doc = fixture();
  CHECK(doc.programme_file == "programme.json");
  CHECK(doc.entries.size() == 20);
  CHECK(doc.programme.data.supervision.end_reasons.custom.size() == 2);
  const auto programme = io::replay(doc, "year.json");
  const auto& state = programme.record().state();
  CHECK(programme.record().size() == doc.entries.size());
  CHECK(state.records.pairs.size() == 2);
  CHECK(state.records.closures ==
        std::vector<pair_closure>{{pair_id{1}, date(2025, 12, 1), end_reason::other, 0}});
  CHECK(state.rematches == std::vector<rematch_link>{{pair_id{1}, pair_id{9}}});
  CHECK(state.records.contacts.front().topics ==
        topic_set{contact_topic::getting_to_know, contact_topic::finding_the_way});
}

TEST_CASE("io: every entry kind is written and read back the same") {
  const auto entries = every_kind();
  std::set<std::size_t> kinds;
  for (const auto& e : entries) kinds.insert(e.index());
  REQUIRE(kinds.size() == std::variant_size_v<year_entry>);

  const auto reasons = fixture().programme.data.supervision.end_reasons;
  for (const auto& entry : entries) {
    const auto written = io::to_json(entry, reasons);
    CAPTURE(written.dump());
    CHECK(written.at("event") == std::string(kind_of(entry)));
    CHECK(written.at("on") == boost::gregorian::to_iso_extended_string(day_of(entry)));
    CHECK(io::read_entry(written, reasons) == entry);
  }
  CHECK(io::to_json(entries[14], reasons).at("school_reason") == "project_ended");
  CHECK(io::to_json(entries[8], reasons).at("topics") ==
        json::array({"getting_to_know", "bullying"}));
  CHECK(io::to_json(entries[16], reasons).at("answers") ==
        json::parse(R"({"supportee.feeling_safe": 5, "supportee.self_confidence": 3})"));
}

TEST_CASE("io: a record read, written and read again is the same, byte for byte") {
  auto doc = fixture();
  const auto reasons = doc.programme.data.supervision.end_reasons;
  doc.entries = every_kind();
  const auto text = io::to_json(doc).dump(1);
  const auto again = io::read_record(text, record_dir, "year.json");
  CHECK(again.programme_file == "programme.json");
  CHECK(again.entries == doc.entries);
  CHECK(io::to_json(again).dump(1) == text);
  // The fixture as peerkit writes it.
  const auto fixture_text = io::to_json(fixture()).dump(1);
  CHECK(io::to_json(io::read_record(fixture_text, record_dir, "year.json")).dump(1) ==
        fixture_text);
}

TEST_CASE("io: a record's structure problems are located in its file") {
  CHECK(record_problems(R"({"event": "notice", "on": "2025-10-06", "pear": 1})") ==
        std::vector<std::string>{
            "json.unknown_field year.json: events[0].pear: unknown field 'pear'; did you mean "
            "'pair'?",
            "json.missing_field year.json: events[0]: missing required field 'pair'"});
  CHECK(record_problems(R"({"event": "notise", "on": "2025-10-06", "pair": 1})") ==
        std::vector<std::string>{"json.unknown_value year.json: events[0].event: \"notise\" is "
                                 "not an event kind; did you mean 'notice'?"});
  CHECK(record_problems(R"({"on": "2025-10-06", "pair": 1}, 7)") ==
        std::vector<std::string>{
            "json.missing_field year.json: events[0]: missing required field 'event'",
            "json.wrong_type year.json: events[1]: expected an event object, found an integer"});
  CHECK(
      record_problems(
          R"({"event": "contact", "on": "2025-10-08", "pair": 1, "minutes": 60, "topics": ["gossip"]})") ==
      std::vector<std::string>{
          "json.unknown_value year.json: events[0].topics[0]: 'gossip' is not one of "
          "getting_to_know, finding_the_way, homework_planning, lesson_content, "
          "making_contacts, confidence, bullying, conflict, dutch_language, "
          "customs_and_culture, joint_activity, class_activity, study_choice"});
  CHECK(
      record_problems(
          R"({"event": "closure", "on": "2025-12-01", "pair": 1, "reason": "other", "school_reason": "moved_to_other_sites"})") ==
      std::vector<std::string>{
          "closure.unknown_reason year.json: events[0].school_reason: "
          "\"moved_to_other_sites\" is not one of the school's end reasons; did you mean "
          "'moved_to_other_site'?"});
  CHECK(record_problems(
            R"({"event": "escalation_step", "on": "2025-11-03", "escalation": 1, "step": "raised"},
               {"event": "escalation_step", "on": "2025-11-03", "escalation": 1, "step": "staff_informed", "staff": 104},
               {"event": "escalation_step", "on": "2025-11-03", "escalation": 1, "step": "closed", "as": "coordinator"})") ==
        std::vector<std::string>{
            "json.unknown_value year.json: events[0].step: 'raised' is not a step: an "
            "escalation is raised by an escalation entry",
            "json.missing_field year.json: events[1]: missing required field 'as'",
            "json.unknown_field year.json: events[2].as: only staff_informed tells a role"});
  CHECK(
      record_problems(
          R"({"event": "evaluation", "on": "2026-01-20", "stakeholder": "supportee", "moment": "interim",
                "student": 1001, "staff": 104, "answers": {"supportee.self_confidense": 4, "supportee.feeling_safe": 400}})") ==
      std::vector<std::string>{
          "json.unknown_field year.json: events[0].answers.supportee.self_confidense: unknown "
          "question 'supportee.self_confidense' for a supportee; did you mean "
          "'supportee.self_confidence'?",
          "data.out_of_range year.json: events[0].answers.supportee.feeling_safe: 400 is outside "
          "-128..127",
          "json.missing_field year.json: events[0]: an evaluation names one respondent: "
          "student or staff"});
}

TEST_CASE("io: a record's top level and its programme are checked") {
  const auto read = [](const std::string& text) {
    return problems_of([&] { (void)io::read_record(text, record_dir, "year.json"); });
  };
  CHECK(read(R"({"peerkit": "record/2", "programme": "programme.json", "event": []})") ==
        std::vector<std::string>{
            "json.unknown_field year.json: event: unknown field 'event'; did you mean 'events'?",
            "json.unknown_value year.json: peerkit: expected \"record/1\", found \"record/2\""});
  CHECK(
      read(R"({"peerkit": "record/1", "events": []})") ==
      std::vector<std::string>{"json.missing_field year.json: missing required field 'programme'"});
  CHECK(read(R"({"peerkit": "record/1", "programme": "nowhere.json"})")
            .front()
            .starts_with("io.cannot_read "));
  CHECK(read(R"({"peerkit": "record/1", "programme": "programme.json", "events": [)") ==
        std::vector<std::string>{
            "json.syntax year.json:1:67: syntax error while parsing value - unexpected end of "
            "input; expected '[', '{', or a literal"});
}

TEST_CASE("io: a key given twice in one object is a problem") {
  CHECK(record_problems(R"({"event": "notice", "on": "2025-10-06", "pair": 1, "pair": 2},
                           {"event": "departure", "on": "2026-03-01", "student": 1005})") ==
        std::vector<std::string>{
            "json.duplicate_key year.json: events[0].pair: the field 'pair' is given twice"});
  CHECK(problems_of([] {
          (void)io::read_record(
              R"({"peerkit": "record/1", "programme": "programme.json", "events": [
                   {"event": "evaluation", "on": "2026-01-20", "stakeholder": "supportee",
                    "moment": "interim", "student": 1001, "answers": {"supportee.feeling_safe": 4,
                    "supportee.feeling_safe": 5}}], "programme": "programme.json"})",
              record_dir, "year.json");
        }) == std::vector<std::string>{
                  "json.duplicate_key year.json: events[0].answers.supportee.feeling_safe: the "
                  "field 'supportee.feeling_safe' is given twice",
                  "json.duplicate_key year.json: programme: the field 'programme' is given twice"});
}

TEST_CASE("io: what the programme refuses in a record is located in the record's file") {
  CHECK(replay_problems(R"({"event": "notice", "on": "2025-10-06", "pair": 9})") ==
        std::vector<std::string>{
            "data.unknown_reference year.json: events[0].pair: no pair has id 9"});
  CHECK(replay_problems(
            R"({"event": "departure", "on": "2026-03-01", "student": 1005},
               {"event": "application", "on": "2025-09-25", "application": 2, "to": "accepted", "by": 104})") ==
        std::vector<std::string>{"record.not_allowed year.json: events[1].by: staff member 104 "
                                 "holds no role that may select supporters"});
}

TEST_CASE("io: new entries come one event object or an array of them") {
  const auto reasons = fixture().programme.data.supervision.end_reasons;
  CHECK(io::read_entries(R"({"event": "departure", "on": "2026-03-01", "student": 1005})", reasons,
                         "add.json") ==
        std::vector<year_entry>{departure{student_id{1005}, date(2026, 3, 1)}});
  CHECK(io::read_entries(R"([{"event": "notice", "on": "2025-10-06", "pair": 1},
                             {"event": "departure", "on": "2026-03-01", "student": 1005}])",
                         reasons, "add.json")
            .size() == 2);
  CHECK(problems_of([&] {
          (void)io::read_entries(R"([{"event": "notice", "on": "2025-10-32", "pair": 1}])", reasons,
                                 "add.json");
        }) == std::vector<std::string>{"json.bad_date add.json: [0].on: expected a date as "
                                       "YYYY-MM-DD, found \"2025-10-32\""});
  CHECK(problems_of([&] {
          (void)io::read_entries(R"({"event": "notice", "on": "2025-10-06"})", reasons, "add.json");
        }) ==
        std::vector<std::string>{"json.missing_field add.json: missing required field 'pair'"});
}

namespace {
/// The fields each kind's table reads, by kind.
template <std::size_t... I>
std::vector<std::pair<std::string, std::set<std::string>>> event_fields(std::index_sequence<I...>) {
  const auto names = [](const auto& fields) {
    return std::set<std::string>(fields.begin(), fields.end());
  };
  return {{std::string(kind_of(year_entry(std::in_place_index<I>))),
           names(io::field_names<io::record_event<std::variant_alternative_t<I, year_entry>>>)}...};
}
}  // namespace

TEST_CASE("io: record schema is draft 2020-12, versioned, and has every field the reader knows") {
  const auto s = schema_file("record.schema.json");
  CHECK(s.at("$schema") == "https://json-schema.org/draft/2020-12/schema");
  CHECK(std::regex_match(s.at("$id").get<std::string>(),
                         std::regex(R"(urn:peerkit:schema:record:[0-9]+\.[0-9]+)")));
  CHECK(s.at("properties").at("peerkit").at("enum") == json::array({"record/1"}));
  CHECK(properties_of(s, "") == std::set<std::string>{"peerkit", "programme", "events"});
  const auto kinds = event_fields(std::make_index_sequence<std::variant_size_v<year_entry>>{});
  CHECK(s.at("$defs").at("event").at("anyOf").size() == kinds.size());
  for (const auto& [kind, fields] : kinds) {
    CAPTURE(kind);
    CHECK(properties_of(s, kind + "_event") == fields);
    CHECK(s.at("$defs").at(kind + "_event").at("properties").at("event").at("enum") ==
          json::array({kind}));
  }
  CHECK(schema_enum(s, "supporter_role") == keys_as_strings<supporter_role>());
  CHECK(schema_enum(s, "application_state") == keys_as_strings<application_state>());
  CHECK(schema_enum(s, "staff_role") == keys_as_strings<staff_role>());
  CHECK(schema_enum(s, "end_reason") == keys_as_strings<end_reason>());
  CHECK(schema_enum(s, "contact_topic") == keys_as_strings<contact_topic>());
  CHECK(schema_enum(s, "item_state") == keys_as_strings<item_state>());
  auto steps = keys_as_strings<escalation_event_kind>();
  steps.erase(steps.begin());  // raised is an escalation entry of its own
  CHECK(schema_enum(s, "escalation_step") == steps);
}

TEST_CASE("io: record schema accepts the fixture and what peerkit writes, and refuses the rest") {
  const schema_validator validator(schema_file("record.schema.json"));
  CHECK(validator.errors(json::parse(io::read_text_file(record_dir + "/year.json"))).empty());
  auto doc = fixture();
  doc.entries = every_kind();
  CHECK(validator.errors(io::to_json(doc)).empty());
  const std::vector<std::string> refused{
      R"({"event": "notice", "on": "2025-10-06", "pear": 1})",
      R"({"event": "notise", "on": "2025-10-06", "pair": 1})",
      R"({"event": "notice", "pair": 1})",
      R"({"event": "contact", "on": "2025-10-08", "pair": 1, "minutes": 60, "topics": ["gossip"]})",
      R"({"event": "escalation_step", "on": "2025-11-03", "escalation": 1, "step": "raised"})",
      R"({"event": "evaluation", "on": "2026-01-20", "stakeholder": "supportee", "moment": "interim",
          "student": 1001, "answers": {"supportee.feeling_safe": 400}})",
  };
  for (const auto& event : refused) {
    CAPTURE(event);
    CHECK_FALSE(record_problems(event).empty());
    CHECK_FALSE(validator.errors(json::parse(record_with(event))).empty());
  }
}

TEST_CASE("io: a record's whole numbers lie within a school's bounds") {
  CHECK(record_problems(R"({"event": "contact", "on": "2025-10-08", "pair": 1, "minutes": 480},
                           {"event": "contact", "on": "2025-10-08", "pair": 1, "minutes": 481},
                           {"event": "contact", "on": "2025-10-08", "pair": 1, "minutes": 2147483647},
                           {"event": "training", "on": "2025-09-17", "student": 1001, "role": "peer_buddy", "minutes": 0},
                           {"event": "group", "on": "2025-10-01", "group": 1, "role": "peer_buddy", "coach": 104,
                            "members": [1001], "number": 1001},
                           {"event": "notice", "on": "2025-10-06", "pair": 4294967296})") ==
        std::vector<std::string>{
            "data.out_of_range year.json: events[1].minutes: 481 is outside 1..480",
            "data.out_of_range year.json: events[2].minutes: 2147483647 is outside 1..480",
            "data.out_of_range year.json: events[3].minutes: 0 is outside 1..480",
            "data.out_of_range year.json: events[4].number: 1001 is outside 0..1000",
            "data.out_of_range year.json: events[5].pair: 4294967296 is above the largest id, "
            "4294967295"});
}

TEST_CASE("io: a record's wrong format is shown cut short") {
  const auto found = problems_of([&] {
    (void)io::read_record(
        R"({"peerkit": ")" + std::string(60'000, 'x') + R"(", "programme": "programme.json"})",
        record_dir, "year.json");
  });
  REQUIRE(found.size() == 1);
  CHECK(found[0] == "json.unknown_value year.json: peerkit: expected \"record/1\", found \"" +
                        std::string(39, 'x') + "…");
}
