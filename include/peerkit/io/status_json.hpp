#pragma once
// Where the programme stands on a day (programme/status.hpp) as JSON for front ends,
// format "status/1" (docs/schema/status.schema.json). Like the run's result, students,
// staff, pairs, groups and escalations appear by id: a front end has the school for
// names, special-category values are never in it, and of an escalation only its ids,
// tier and dates are, since what it is about is never recorded in peerkit.

#include <algorithm>

#include <peerkit/io/run_json.hpp>
#include <peerkit/programme/status.hpp>

namespace peerkit::io {

namespace detail {
inline json alert_json(const alert& a) {
  json j{{"rule", key_of(a.rule)}, {"due", date_text(a.due)}};
  if (a.pair) j["pair"] = a.pair->value();
  if (a.student) j["student"] = a.student->value();
  if (a.group) j["group"] = a.group->value();
  if (a.escalation) j["escalation"] = a.escalation->value();
  if (a.staff) j["staff"] = a.staff->value();
  j["message"] = a.message;
  return j;
}

inline json escalation_json(const open_escalation& e) {
  json steps = json::array();
  for (std::size_t i = 0; i < static_cast<std::size_t>(e.route.step_count); ++i)
    steps.push_back(
        {{"due", date_text(e.route.step_due[i])}, {"status", key_of(e.route.steps[i])}});
  json j{{"id", e.id.value()},
         {"pair", e.pair.value()},
         {"tier", key_of(e.tier)},
         {"raised_on", date_text(e.raised_on)},
         {"steps", steps},
         {"response",
          {{"due", date_text(e.route.response_due)}, {"status", key_of(e.route.response)}}}};
  if (e.next_deadline) j["next_deadline"] = date_text(*e.next_deadline);
  return j;
}

inline json training_json(const training_status& t) {
  json j{
      {"student", t.supporter.value()},           {"role", key_of(t.role)},
      {"sessions_attended", t.sessions_attended}, {"sessions_required", t.required.sessions},
      {"minutes_attended", t.minutes_attended},   {"minutes_required", t.required.total_minutes()}};
  if (t.completes_on) j["completes_on"] = date_text(*t.completes_on);
  return j;
}

inline json rematch_json(const rematch_option& r) {
  json j{{"ended_pair", r.ended.value()},
         {"supportee", r.supportee.value()},
         {"verdict", key_of(r.decision.verdict)}};
  if (!r.decision.earliest.is_special()) j["earliest"] = date_text(r.decision.earliest);
  return j;
}
}  // namespace detail

/// The status as JSON: the active pairs by id, every other list in the status's order.
inline json to_json(const programme_status& s) {
  auto pairs = s.active_pairs;
  std::sort(pairs.begin(), pairs.end(),
            [](const support_pair& a, const support_pair& b) { return a.id < b.id; });
  json j;
  j["peerkit"] = "status/1";
  j["on"] = detail::date_text(s.on);
  j["active_pairs"] = json::array();
  for (const auto& p : pairs) j["active_pairs"].push_back(detail::pair_json(p));
  j["in_training"] = json::array();
  for (const auto& t : s.in_training) j["in_training"].push_back(detail::training_json(t));
  j["overdue"] = json::array();
  for (const auto& a : s.overdue) j["overdue"].push_back(detail::alert_json(a));
  j["open_escalations"] = json::array();
  for (const auto& e : s.open_escalations)
    j["open_escalations"].push_back(detail::escalation_json(e));
  j["rematches"] = json::array();
  for (const auto& r : s.rematches) j["rematches"].push_back(detail::rematch_json(r));
  j["readiness"] = detail::readiness_json(s.readiness);
  return j;
}

}  // namespace peerkit::io
