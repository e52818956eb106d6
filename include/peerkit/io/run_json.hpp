#pragma once
// The result of a programme run as JSON, for front ends: selection with reasons, pairs
// with score breakdowns and explanations, leader duos and classes, the support pairs,
// the year's events and the readiness report. Students appear by id; names,
// special-category values and the facts derived from them (which special-category
// criterion scored, which such rule excluded a pair) do not (a front end has the school
// for names).

#include <string>

#include <boost/date_time/posix_time/posix_time.hpp>

#include <peerkit/calendar/programme_schedule.hpp>
#include <peerkit/io/json_reader.hpp>
#include <peerkit/io/school_json.hpp>
#include <peerkit/programme/programme.hpp>

namespace peerkit::io {

namespace detail {
inline json lines(const std::string& text) {
  json out = json::array();
  std::size_t start = 0;
  while (start < text.size()) {
    auto end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    if (end > start) out.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return out;
}
inline json id_list(const std::vector<student_id>& v) {
  json out = json::array();
  for (auto id : v) out.push_back(id.value());
  return out;
}
// The special-category criteria are one key, their sum: which of them applied is itself
// special-category data.
inline json score_json(const score_breakdown& s) {
  json criteria = json::object();
  for (const auto& c : s.criteria) {
    const std::string key(reads_special_category(c.what) ? "special_category" : key_of(c.what));
    criteria[key] = criteria.value(key, score_points{0}) + c.points;
  }
  return {{"total", s.total}, {"criteria", criteria}};
}
inline json unpaired_json(const std::vector<unpaired_explanation>& list) {
  json out = json::array();
  for (const auto& u : list)
    out.push_back({{"student", u.who.value()}, {"reason", key_of(u.reason)}});
  return out;
}
inline json entries_json(const std::vector<report_entry>& list) {
  json out = json::array();
  for (const auto& e : list) {
    json item{
        {"key", e.key}, {"title", e.title}, {"step", e.position.step}, {"state", key_of(e.state)}};
    if (!e.findings.empty()) item["findings"] = e.findings;
    out.push_back(item);
  }
  return out;
}
inline json pair_json(const support_pair& p) {
  json pj{{"id", p.id.value()},
          {"role", key_of(p.role)},
          {"supporters", id_list(p.supporters)},
          {"supportees", id_list(p.supportees)},
          {"started", date_text(p.started)}};
  if (p.class_served) pj["class"] = p.class_served->value();
  return pj;
}
inline json readiness_json(const readiness_report& r) {
  return {{"checklist", r.checklist},
          {"mode", key_of(r.mode)},
          {"ready_to_go_live", r.ready_to_go_live()},
          {"blocking", entries_json(r.blocking)},
          {"open", entries_json(r.open)},
          {"at_risk", entries_json(r.at_risk)},
          {"done", entries_json(r.done)},
          {"not_applicable", entries_json(r.not_applicable)}};
}
}  // namespace detail

/// The run as JSON; `sch` is the school the programme ran on (for the explanations).
inline json to_json(const programme_run& run, const school& sch) {
  json j;
  j["peerkit"] = "result/1";
  j["feasible"] = run.feasible();
  j["shortfalls"] = json::array();
  for (const auto& s : run.shortfalls)
    j["shortfalls"].push_back(
        {{"role", key_of(s.role)}, {"what", s.what}, {"missing", s.missing}, {"text", s.text}});

  j["selection"] = json::array();
  for (const auto& role : run.selection.roles) {
    json candidates = json::array();
    for (const auto& c : role.candidates) {
      json cj{{"application", c.application.value()}, {"student", c.student.value()},
              {"verdict", key_of(c.decision)},        {"score", c.score},
              {"fail_marks", c.fail_marks},           {"reasons", c.reasons_text()}};
      if (c.rank) cj["rank"] = *c.rank;
      if (c.average) cj["average"] = c.average->to_double();
      candidates.push_back(cj);
    }
    j["selection"].push_back({{"role", key_of(role.role)},
                              {"units", role.units},
                              {"needed", role.needed},
                              {"reserves", role.reserves},
                              {"open_places", role.shortfall()},
                              {"candidates", candidates}});
  }

  j["pairing"] = json::array();
  for (const auto& rp : run.pairing.roles) {
    json pairs = json::array();
    for (const auto& p : rp.result.pairs)
      pairs.push_back({{"supporter", p.supporter.value()},
                       {"supportee", p.supportee.value()},
                       {"pinned", p.pinned},
                       {"score", detail::score_json(p.score)}});
    j["pairing"].push_back(
        {{"role", key_of(rp.role.kind)},
         {"objective", key_of(rp.result.goal)},
         {"supported", rp.result.supported},
         {"total_score", rp.result.total_score},
         {"pairs", pairs},
         {"unpaired_supportees", detail::unpaired_json(rp.explanation.unpaired_supportees)},
         {"unused_supporters", detail::unpaired_json(rp.explanation.unused_supporters)},
         {"explanation", detail::lines(describe(rp.explanation, sch))}});
  }
  if (const auto& l = run.pairing.leaders) {
    json duos = json::array();
    for (const auto& d : l->duos.duos)
      duos.push_back(
          {{"first", d.first.value()}, {"second", d.second.value()}, {"score", d.score.total}});
    json classes = json::array();
    for (const auto& a : l->classes.assignments)
      classes.push_back({{"class", a.for_class.value()},
                         {"first", a.duo.first.value()},
                         {"second", a.duo.second.value()},
                         {"score", a.score.total}});
    json uncovered = json::array();
    for (auto c : l->classes.uncovered) uncovered.push_back(c.value());
    j["leaders"] = {{"duos", duos},
                    {"reserves", detail::id_list(l->duos.reserves)},
                    {"classes", classes},
                    {"uncovered_classes", uncovered},
                    {"explanation", detail::lines(describe(l->duo_reasons, sch))}};
  }

  j["pairs"] = json::array();
  for (const auto& p : run.pairing.pairs) j["pairs"].push_back(detail::pair_json(p));

  json events = json::array();
  for (const auto& e : run.year.events) {
    json ej{{"id", event_id(run.year.year, e)},
            {"kind", key_of(e.kind)},
            {"day", detail::date_text(e.day)},
            {"title", e.title}};
    if (e.role) ej["role"] = key_of(*e.role);
    if (e.group) ej["group"] = e.group;
    if (e.start) ej["start"] = boost::posix_time::to_simple_string(*e.start).substr(0, 5);
    if (e.start) ej["minutes"] = e.duration.total_seconds() / 60;
    events.push_back(ej);
  }
  j["year"] = {{"school_year", run.year.year.to_string()},
               {"region", key_of(run.year.region)},
               {"outcome", key_of(run.year.outcome)},
               {"events", events}};

  j["readiness"] = detail::readiness_json(run.readiness);
  return j;
}

}  // namespace peerkit::io
