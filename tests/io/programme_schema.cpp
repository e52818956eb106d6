#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <peerkit/io/programme_json.hpp>
#include <peerkit/io/text_file.hpp>

#include "json_schema_validator.hpp"

using namespace peerkit;
using io::json;
using namespace peerkit::test;

namespace {
const std::string data_dir = std::string(PEERKIT_SOURCE_DIR) + "/examples/data";

json programme_schema() { return schema_file("programme.schema.json"); }
schema_validator programme_validator() {
  return schema_validator(programme_schema(), {schema_file("school.schema.json")});
}

const access_purpose full_export{"test: every field of the programme"};

// The sample programme with every list filled and every optional field set.
io::programme_document complete_programme() {
  auto doc = io::read_programme_file(data_dir + "/sample_programme.json");
  auto& rule = doc.selection_rules.front();
  rule.capacity = 3;
  rule.profile.welcome.push_back({"humour", 2});
  rule.profile.gates.max_fail_marks = 2;
  rule.profile.gates.min_average = tenths(6.0);
  const student_id a{1059}, b{1060};
  auto& d = doc.data;
  d.training.record({a, supporter_role::peer_leader, date(2025, 9, 17), 120});
  d.support_requests.push_back({b, supporter_role::peer_buddy});
  d.pinned_pairs.push_back({a, b});
  d.forbidden_pairs.push_back({b, a});
  d.rankings.push_back({a, {b}});
  d.observed_duos.push_back({a, b, 4});
  d.pinned_duos.push_back({a, b});
  d.forbidden_duos.push_back({b, a});
  d.class_exclusions.push_back({a, class_id{1}, "sibling in the class"});
  d.class_wishes.push_back({a, class_id{1}, 2});
  d.supervision.end_reasons.custom.push_back(
      {"moved_to_other_site", closure_kind::unplanned, true});
  doc.special_category_revealed = io::special_category_release{"backup", date(2025, 9, 1)};
  return doc;
}

bool has_all(const std::set<std::string>& schema_names, const std::set<std::string>& names) {
  return std::includes(schema_names.begin(), schema_names.end(), names.begin(), names.end());
}

}  // namespace

TEST_CASE("io: programme schema is draft 2020-12, versioned, and refers to the school schema") {
  const auto s = programme_schema();
  CHECK(s.at("$schema") == "https://json-schema.org/draft/2020-12/schema");
  CHECK(std::regex_match(s.at("$id").get<std::string>(),
                         std::regex(R"(urn:peerkit:schema:programme:[0-9]+\.[0-9]+)")));
  const auto school_ref = s.at("properties").at("school").at("anyOf").at(1).at("$ref");
  CHECK(school_ref == schema_file("school.schema.json").at("$id"));
}

TEST_CASE("io: programme schema accepts the sample programme and what peerkit writes") {
  const auto validator = programme_validator();
  CHECK(validator
            .errors(json::parse(peerkit::io::read_text_file(data_dir + "/sample_programme.json")))
            .empty());
  const auto sample = io::read_programme_file(data_dir + "/sample_programme.json");
  CHECK(validator.errors(io::to_json(sample)).empty());
  auto inline_school = complete_programme();
  inline_school.school_file.clear();
  const auto written = io::to_json(inline_school, {full_export});
  REQUIRE(written.at("school").is_object());
  CHECK(validator.errors(written).empty());
  CHECK(validator.errors(io::to_json(complete_programme())).empty());
}

TEST_CASE("io: programme schema has every field the reader knows") {
  const auto s = programme_schema();
  CHECK(properties_of(s, "") ==
        std::set<std::string>(io::programme_fields.begin(), io::programme_fields.end()));
  // What peerkit writes of a document with every optional field set names every field
  // the reader takes; the schema has each of them.
  auto doc = complete_programme();
  const auto j = io::to_json(doc);
  CHECK(properties_of(s, "") == keys_of(j));
  CHECK(properties_of(s, "special_category_release") == keys_of(j.at("special_category_revealed")));
  CHECK(has_all(properties_of(s, "role"), keys_of(j.at("roles").at(0))));
  CHECK(has_all(properties_of(s, "training_requirement"),
                keys_of(j.at("roles").at(0).at("training"))));
  CHECK(has_all(properties_of(s, "intervision"), keys_of(j.at("roles").at(0).at("intervision"))));
  CHECK(properties_of(s, "supporter_eligibility") ==
        keys_of(j.at("roles").at(0).at("eligible_supporters")));
  CHECK(has_all(properties_of(s, "selection"), keys_of(j.at("selection"))));
  const auto& rule = j.at("selection").at("rules").at(0);
  CHECK(has_all(properties_of(s, "selection_rule"), keys_of(rule)));
  CHECK(has_all(properties_of(s, "profile"), keys_of(rule.at("profile"))));
  CHECK(has_all(properties_of(s, "gates"), keys_of(rule.at("profile").at("gates"))));
  CHECK(has_all(properties_of(s, "required_trait"),
                keys_of(rule.at("profile").at("required").begin().value())));
  CHECK(has_all(properties_of(s, "matching"), keys_of(j.at("matching"))));
  CHECK(properties_of(s, "matching").contains("second_supportee_last"));
  CHECK(has_all(properties_of(s, "pairing_rules"), keys_of(j.at("matching").at("rules"))));
  CHECK(properties_of(s, "weights") == keys_of(j.at("matching").at("weights")));
  CHECK(has_all(properties_of(s, "schedule"), keys_of(j.at("schedule"))));
  CHECK(has_all(properties_of(s, "checklist"), keys_of(j.at("checklist"))));
  CHECK(has_all(properties_of(s, "item_progress"),
                keys_of(j.at("checklist").at("progress").at("inform_everyone"))));
  CHECK(has_all(properties_of(s, "application"), keys_of(j.at("applications").at(0))));
  CHECK(has_all(properties_of(s, "interview"),
                keys_of(j.at("applications").at(0).at("interviews").at(0))));
  CHECK(has_all(properties_of(s, "training_session"), keys_of(j.at("training").at(0))));
  CHECK(has_all(properties_of(s, "support_request"), keys_of(j.at("support_requests").at(0))));
  CHECK(has_all(properties_of(s, "student_pair"), keys_of(j.at("pinned_pairs").at(0))));
  CHECK(has_all(properties_of(s, "student_pair"), keys_of(j.at("forbidden_pairs").at(0))));
  CHECK(has_all(properties_of(s, "ranking"), keys_of(j.at("rankings").at(0))));
  CHECK(has_all(properties_of(s, "observed_duo"), keys_of(j.at("observed_duos").at(0))));
  CHECK(has_all(properties_of(s, "leader_pair"), keys_of(j.at("pinned_duos").at(0))));
  CHECK(has_all(properties_of(s, "leader_pair"), keys_of(j.at("forbidden_duos").at(0))));
  CHECK(has_all(properties_of(s, "class_exclusion"), keys_of(j.at("class_exclusions").at(0))));
  CHECK(has_all(properties_of(s, "class_wish"), keys_of(j.at("class_wishes").at(0))));
  const auto& sv = j.at("supervision");
  CHECK(has_all(properties_of(s, "supervision"), keys_of(sv)));
  CHECK(has_all(properties_of(s, "supervision_rules"), keys_of(sv.at("rules"))));
  CHECK(has_all(properties_of(s, "escalation_policy"), keys_of(sv.at("escalation"))));
  CHECK(has_all(properties_of(s, "tier_route"), keys_of(sv.at("escalation").at("urgent"))));
  CHECK(has_all(properties_of(s, "route_step"),
                keys_of(sv.at("escalation").at("urgent").at("route").at(0))));
  CHECK(has_all(properties_of(s, "rematch_policy"), keys_of(sv.at("rematch"))));
  CHECK(has_all(properties_of(s, "custom_end_reason"), keys_of(sv.at("end_reasons").at(0))));
}

TEST_CASE("io: programme schema enums are the enum keys") {
  const auto s = programme_schema();
  CHECK(schema_enum(s, "supporter_role") == keys_as_strings<supporter_role>());
  CHECK(schema_enum(s, "meeting_place") == keys_as_strings<meeting_place>());
  CHECK(schema_enum(s, "objective") == keys_as_strings<objective>());
  CHECK(schema_enum(s, "proposing_side") == keys_as_strings<proposing_side>());
  CHECK(schema_enum(s, "cadence_choice") == keys_as_strings<cadence_choice>());
  CHECK(schema_enum(s, "item_state") == keys_as_strings<item_state>());
  CHECK(schema_enum(s, "report_mode") == keys_as_strings<report_mode>());
  CHECK(schema_enum(s, "application_state") == keys_as_strings<application_state>());
  CHECK(schema_enum(s, "interview_format") == keys_as_strings<interview_format>());
  CHECK(schema_enum(s, "staff_role") == keys_as_strings<staff_role>());
  CHECK(schema_enum(s, "end_reason") == keys_as_strings<end_reason>());
  CHECK(schema_enum(s, "closure_kind") == keys_as_strings<closure_kind>());
  CHECK(schema_enum(s, "checklist_plan") == std::vector<std::string>{"seven_step", "five_step"});
}

TEST_CASE("io: programme schema and reader agree on documents at the edges") {
  const auto validator = programme_validator();
  const auto with = [](const std::string& fields) {
    return R"({"school": "sample_school.json")" + fields + "}";
  };
  const std::vector<std::string> accepted{
      with(""),
      with(R"(, "peerkit": "programme/1", "year": "2025-2026", "pairing_date": null)"),
      with(R"(, "matching": {"objective": "stable", "proposer": "supporters"})"),
      with(R"(, "selection": {"scale": [1, 10], "rules": [{"role": "peer_buddy", "capacity": null,
              "profile": {"required": {"calm": {"minimum": 2}}, "welcome": {"kind": 2}, "gates": {"min_average": 6.5}}}]})"),
      with(
          R"(, "checklist": {"plan": "five_step", "mode": "audit", "progress": {"x": {"state": "done", "owner": null}}})"),
      with(
          R"(, "roles": [{"role": "peer_tutor", "supportees_per_supporter": [1, 3], "meets": "at_or_outside_school"}])"),
      with(
          R"(, "roles": [{"role": "peer_buddy", "eligible_supporters": {"min_year": 6, "newcomers": true, "min_newcomer_year": 3}}])"),
      with(R"(, "roles": [{"role": "newcomer_buddy", "eligible_supporters": {"min_year": 1}}])"),
      with(R"(, "matching": {"rules": {"availability": true}, "weights": {"can_meet": 0}})"),
      with(
          R"(, "selection": {"rules": [{"role": "peer_buddy", "reserves": 100, "capacity": 40}]})"),
      with(
          R"(, "schedule": {"intervision_group_size": 30, "bonding_weeks": 52, "project_week_interval": 0})"),
      with(
          R"(, "roles": [{"role": "peer_buddy", "supportees_per_supporter": [0, 40], "training": {"sessions": 10, "minutes_per_session": 480}}])"),
      R"({"school": {"name": "X", "region": "midden"}, "applications": []})",
      with(
          R"(, "supervision": {"rules": {"min_meeting_rate": 0.5}, "rematch": {"after_reasons": []},
              "escalation": {"concern": {"route": [{"any_of": ["class_mentor"], "within_days": 3}]}},
              "end_reasons": [{"key": "moved", "kind": "planned"}]})"),
  };
  for (const auto& text : accepted) {
    CAPTURE(text);
    CHECK_NOTHROW(io::read_programme(text, "programme.json", data_dir));
    CHECK(validator.errors(json::parse(text)).empty());
  }
  const std::vector<std::string> refused{
      R"({"year": "2025-2026"})",
      with(R"(, "colour": "blue")"),
      with(R"(, "peerkit": "programme/2")"),
      with(R"(, "year": 2025)"),
      with(R"(, "matching": {"objective": "cheapest"})"),
      with(R"(, "matching": {"second_supportee_last": "yes"})"),
      with(R"(, "matching": {"rules": {"same_gender": true, "same_age": true}})"),
      with(R"(, "matching": {"weights": {"can_meet": 1.5}})"),
      with(R"(, "roles": [{"role": "peer_buddy", "eligible_supporters": {"min_year": 0}}])"),
      with(R"(, "roles": [{"role": "peer_buddy", "eligible_supporters": {"min_year": 7}}])"),
      with(
          R"(, "roles": [{"role": "newcomer_buddy", "eligible_supporters": {"min_newcomer_year": 4}}])"),
      with(R"(, "roles": [{"role": "peer_buddy", "eligible_supporters": {"upper_years": true}}])"),
      with(R"(, "selection": {"scale": [1, 5, 10]})"),
      with(R"(, "checklist": {"plan": "three_step"})"),
      with(R"(, "checklist": {"progress": {"x": {"on": "2025-01-01"}}})"),
      with(R"(, "applications": [{"id": -1, "student": 1059, "role": "peer_buddy"}])"),
      with(
          R"(, "applications": [{"id": 1, "student": 1059, "role": "peer_buddy", "interviews": [{"format": "panel"}]}])"),
      with(R"(, "training": [{"student": 1059, "role": "peer_buddy", "minutes": 0}])"),
      with(R"(, "schedule": {"cadence": "weekly"})"),
      with(R"(, "schedule": {"bonding_weeks": 2.5})"),
      with(R"(, "schedule": {"intervision_group_size": 31})"),
      with(R"(, "selection": {"rules": [{"role": "peer_buddy", "reserves": 2147483647}]})"),
      with(R"(, "selection": {"rules": [{"role": "peer_buddy", "capacity": 0}]})"),
      with(R"(, "roles": [{"role": "peer_buddy", "supportees_per_supporter": [1, 41]}])"),
      with(R"(, "roles": [{"role": "peer_buddy", "intervision": {"interval_weeks": [1, 53]}}])"),
      with(R"(, "supervision": {"rules": {"follow_up_days": 366}})"),
      with(R"(, "pinned_pairs": [{"supporter": 1059}])"),
      with(R"(, "rankings": [{"student": 1059, "best_first": ["1060"]}])"),
      with(R"(, "class_wishes": [{"leader": 1059, "class": 1, "wish": 2}])"),
      R"({"school": {"name": "X", "region": "oost"}})",
      R"({"school": 7})",
      with(R"(, "supervision": {"rules": {"min_meeting_rate": 2}})"),
      with(R"(, "supervision": {"escalation": {"urgent": {"route": []}}})"),
      with(R"(, "supervision": {"rematch": {"pause_days": -1}})"),
      with(R"(, "supervision": {"end_reasons": [{"kind": "planned"}]})"),
  };
  for (const auto& text : refused) {
    CAPTURE(text);
    CHECK_THROWS_AS(io::read_programme(text, "programme.json", data_dir), error);
    CHECK_FALSE(validator.errors(json::parse(text)).empty());
  }
}
