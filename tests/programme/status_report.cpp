// The status page on a small record written entry by entry: what it says on a day, and
// what it never says.
#include <catch2/catch.hpp>

#include <peerkit/io/status_json.hpp>
#include <peerkit/programme/status_report.hpp>

#include "../io/json_schema_validator.hpp"
#include "preset_school.hpp"

using namespace peerkit;
using namespace preset_test;

namespace {

bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

/// Peer buddies 105-108 of the preset school, interviewed; the buddies' training is
/// complete for 105 and 106 and half done for 108. The record accepts 105, 106 and 108,
/// starts pair 1 (105 with 201) and pair 2 (106 with 203) on 1 October, tells pair 1 the
/// supporter cannot keep secrets and logs its first meeting, ends pair 2 on 8 October
/// because its supporter withdrew, and raises an escalation on pair 1 on 14 October.
programme recorded_programme() {
  const programme plain(preset_school());
  auto data = preset_data(plain.role_entries());
  const auto buddy = plain.role_entries()[1];
  REQUIRE(buddy.kind == supporter_role::peer_buddy);
  const int minutes = buddy.parameters.training.minutes_per_session;
  data.training = {};
  for (std::uint32_t id : {105u, 106u})
    for (int k = 0; k < buddy.parameters.training.sessions; ++k)
      data.training.record(
          {student_id{id}, buddy.kind, date(2025, 9, 8) + boost::gregorian::weeks(k), minutes});
  data.training.record({student_id{108}, buddy.kind, date(2025, 9, 8), minutes});
  programme prog(preset_school(), data);

  for (std::uint32_t id : {105u, 106u, 108u})
    prog.add(application_step{application_id{id}, application_state::accepted, date(2025, 9, 25),
                              preset_test::coordinator});
  const auto pair = [&](std::uint32_t id, std::uint32_t supporter, std::uint32_t supportee) {
    support_pair p;
    p.id = pair_id{id};
    p.role = supporter_role::peer_buddy;
    p.supporters = {student_id{supporter}};
    p.supportees = {student_id{supportee}};
    p.started = date(2025, 10, 1);
    return pairing_started{p, std::nullopt};
  };
  prog.add(pair(1, 105, 201));
  prog.add(pair(2, 106, 203));
  prog.add(secrecy_notice{pair_id{1}, date(2025, 10, 1)});
  contact_record met;
  met.pair = pair_id{1};
  met.on = date(2025, 10, 1);
  met.minutes = 60;
  prog.add(met);
  prog.add(pair_ended{pair_id{2}, date(2025, 10, 8), end_reason::supporter_withdrew, std::nullopt});
  prog.add(escalation_raised{escalation_id{1}, pair_id{1}, student_id{105}, severity::concern,
                             date(2025, 10, 14)});
  return prog;
}

}  // namespace

TEST_CASE("status report: the pairs, training, overdue items, escalations and rematches of a day") {
  const auto prog = recorded_programme();
  const auto status = prog.status_on(date(2025, 10, 17), preset_calendar());
  const auto text = status_report(prog, status);
  INFO(text);
  CHECK(text.rfind("# Peer support 2025-2026 at Preset College on 2025-10-17\n", 0) == 0);
  CHECK(has(text, "## Active pairs (1)\n"));
  CHECK(has(text,
            "### peer buddy\n\n- Student 105 supports Student 201 since 2025-10-01 (pair 1)\n"));
  CHECK(!has(text, "Student 106 supports"));  // pair 2 ended the day before
  CHECK(has(text, "### peer leader\n\nNo active pairs.\n"));

  // 108 has half the training: what is missing is said in minutes and sessions.
  REQUIRE(status.in_training.size() == 1);
  const auto& t = status.in_training.front();
  CHECK(has(text, "## Still in training\n\n- Student 108 (peer buddy): " + t.text() + "; " +
                      std::to_string(t.required.total_minutes() - t.minutes_attended) +
                      " minutes and " + std::to_string(t.required.sessions - t.sessions_attended) +
                      " session"));

  // Every alert of the day, in words with its due date and its safe message.
  REQUIRE(!status.overdue.empty());
  for (const auto& a : status.overdue) {
    auto rule = std::string(key_of(a.rule));
    std::replace(rule.begin(), rule.end(), '_', ' ');
    CHECK(has(text,
              "- " + rule + ", due " + to_iso_extended_string(a.due) + ": " + a.message + "\n"));
  }
  CHECK(std::any_of(status.overdue.begin(), status.overdue.end(),
                    [](const alert& a) { return a.rule == alert_rule::contact_overdue; }));

  REQUIRE(status.open_escalations.size() == 1);
  const auto& e = status.open_escalations.front();
  REQUIRE(e.next_deadline);
  CHECK(has(text,
            "## Open escalations\n\n- escalation 1 (concern) for pair 1, raised 2025-10-14: "
            "next deadline " +
                to_iso_extended_string(*e.next_deadline) + "\n"));

  // The supportee of pair 2 waits out the pause after the end.
  REQUIRE(status.rematches.size() == 1);
  const auto& r = status.rematches.front();
  CHECK(r.decision.verdict == rematch_verdict::pause_not_over);
  CHECK(has(text, "## Rematches\n\n- Student 203 (pair 2 ended): may get a new supporter from " +
                      to_iso_extended_string(r.decision.earliest) + "\n"));

  CHECK(has(text, "\n## Readiness to go live: "));
  CHECK(!has(text, "\n### Done"));  // the summary, not the item lists
}

TEST_CASE("status report: a day before anything happened, a missed deadline, a rematch too late") {
  const auto prog = recorded_programme();
  const auto before = status_report(prog, prog.status_on(date(2025, 9, 1), preset_calendar()));
  CHECK(has(before, "## Active pairs (0)\n"));
  CHECK(has(before, "## Overdue\n\nNothing is overdue.\n"));
  CHECK(has(before, "## Open escalations\n\nNo escalation is open.\n"));
  CHECK(has(before, "## Rematches\n\nNo supportee is waiting for a new supporter.\n"));

  const auto missed = prog.status_on(date(2025, 11, 20), preset_calendar());
  REQUIRE(missed.open_escalations.size() == 1);
  const auto& route = missed.open_escalations.front().route;
  REQUIRE(route.steps[0] == deadline_status::overdue);
  CHECK(has(status_report(prog, missed), "raised 2025-10-14: deadline missed on " +
                                             to_iso_extended_string(route.step_due[0]) + "\n"));

  const auto late = prog.status_on(date(2026, 7, 1), preset_calendar());
  REQUIRE(late.rematches.size() == 1);
  CHECK(late.rematches.front().decision.verdict == rematch_verdict::too_late_in_year);
  CHECK(has(status_report(prog, late),
            "- Student 203 (pair 2 ended): no rematch: too_late_in_year\n"));
}

TEST_CASE("status report: names as the school has them, never a special-category value") {
  const auto prog = recorded_programme();
  const auto status = prog.status_on(date(2025, 10, 17), preset_calendar());
  const auto text = status_report(prog, status);
  const auto json = io::to_json(status).dump();
  for (const char* value : {"bullied", "personal_problems", "autism", "arabic", "tigrinya"}) {
    CHECK(!has(text, value));
    CHECK(!has(json, value));
  }
  CHECK(!has(json, "Student 105"));            // JSON names students by id
  CHECK(status_report(prog, status) == text);  // deterministic
}

TEST_CASE("status JSON: status/1 with every list of the day") {
  const auto prog = recorded_programme();
  const auto status = prog.status_on(date(2025, 10, 17), preset_calendar());
  const auto j = io::to_json(status);
  CHECK(j["peerkit"] == "status/1");
  CHECK(j["on"] == "2025-10-17");
  REQUIRE(j["active_pairs"].size() == 1);
  CHECK(j["active_pairs"][0]["id"] == 1);
  CHECK(j["active_pairs"][0]["supporters"] == io::json::array({105}));
  CHECK(j["active_pairs"][0]["supportees"] == io::json::array({201}));
  REQUIRE(j["in_training"].size() == 1);
  CHECK(j["in_training"][0]["student"] == 108);
  CHECK(j["in_training"][0]["minutes_attended"] == status.in_training[0].minutes_attended);
  CHECK(j["overdue"].size() == status.overdue.size());
  CHECK(j["overdue"][0]["rule"] == key_of(status.overdue[0].rule));
  CHECK(j["overdue"][0]["message"] == status.overdue[0].message);
  REQUIRE(j["open_escalations"].size() == 1);
  CHECK(j["open_escalations"][0]["tier"] == "concern");
  CHECK(j["open_escalations"][0]["next_deadline"] ==
        to_iso_extended_string(*status.open_escalations[0].next_deadline));
  REQUIRE(j["rematches"].size() == 1);
  CHECK(j["rematches"][0]["ended_pair"] == 2);
  CHECK(j["rematches"][0]["supportee"] == 203);
  CHECK(j["rematches"][0]["verdict"] == "pause_not_over");
  CHECK(j["readiness"]["ready_to_go_live"] == status.readiness.ready_to_go_live());
}

TEST_CASE("status JSON: what peerkit writes is valid under docs/schema/status.schema.json") {
  using namespace peerkit::test;
  const auto schema = schema_file("status.schema.json");
  CHECK(schema_enum(schema, "supporter_role") == keys_as_strings<supporter_role>());
  CHECK(schema_enum(schema, "alert_rule") == keys_as_strings<alert_rule>());
  CHECK(schema_enum(schema, "severity") == keys_as_strings<severity>());
  CHECK(schema_enum(schema, "deadline_status") == keys_as_strings<deadline_status>());
  CHECK(schema_enum(schema, "rematch_verdict") == keys_as_strings<rematch_verdict>());
  CHECK(schema_enum(schema, "item_state") == keys_as_strings<item_state>());
  CHECK(schema_enum(schema, "report_mode") == keys_as_strings<report_mode>());
  const schema_validator validator(schema);
  const auto prog = recorded_programme();
  for (const auto day :
       {date(2025, 9, 1), date(2025, 10, 17), date(2025, 11, 20), date(2026, 7, 1)}) {
    INFO(day);
    CHECK(validator
              .errors(
                  nlohmann::json::parse(io::to_json(prog.status_on(day, preset_calendar())).dump()))
              .empty());
  }
  auto wrong = io::to_json(prog.status_on(date(2025, 10, 17), preset_calendar()));
  wrong["overdue"][0]["rule"] = "late_again";
  CHECK(!validator.errors(nlohmann::json::parse(wrong.dump())).empty());
}
