#pragma once
// Definitions of indicators.hpp: inline here in header-only mode, compiled once into
// peerkit::compiled when PEERKIT_COMPILED is defined (see config.hpp).

#include <peerkit/config.hpp>
#include <peerkit/supervision/indicators.hpp>

namespace peerkit {

PEERKIT_INLINE programme_indicators compute_indicators(
    const programme_records& r, date from, date to, const school_breaks& breaks,
    const escalation_policy& policy, const std::array<questionnaire, 4>& questionnaires,
    std::span<const role_entry> roles) {
  programme_indicators ind;
  const date last_day = to - boost::gregorian::days(1);
  for (const auto& p : r.pairs) {
    if (p.started.is_special() || !(p.started < to) || (p.ended && !(from < *p.ended))) continue;
    ++ind.pairs;
    if (p.active_on(last_day)) ++ind.pairs_active;
    if (supports_individuals(p.role, roles))
      ind.contact += pair_figures(r, p, from, to, breaks, roles);
  }
  for (const auto& e : r.escalations) {
    const date raised = e.raised_on();
    if (raised.is_special() || raised < from || !(raised < to)) continue;
    ++ind.escalations_by_tier[static_cast<std::size_t>(e.tier)];
    const auto s = status_of(e, policy, last_day);
    bool missed = s.response == deadline_status::late || s.response == deadline_status::overdue;
    for (int i = 0; i < s.step_count; ++i)
      missed = missed || s.steps[static_cast<std::size_t>(i)] == deadline_status::late ||
               s.steps[static_cast<std::size_t>(i)] == deadline_status::overdue;
    if (missed) ++ind.escalations_with_missed_deadline;
  }
  for (const auto& c : r.closures) {
    if (c.on < from || !(c.on < to)) continue;
    (kind_of(c, r.end_reasons) == closure_kind::planned ? ind.closures_planned
                                                        : ind.closures_unplanned)++;
    ++ind.closures_by_reason[static_cast<std::size_t>(c.reason)];
  }
  int expected = 0;
  int present = 0;
  for (const auto& s : r.sessions) {
    if (s.held_on < from || !(s.held_on < to)) continue;
    ++ind.intervision_sessions;
    if (const auto* g = r.find_group(s.group)) {
      expected += static_cast<int>(g->members.size());
      for (auto m : g->members) present += s.was_present(m) ? 1 : 0;
    }
  }
  ind.intervision_attendance = expected == 0 ? 1.0 : static_cast<double>(present) / expected;

  std::array<std::array<int, outcome_theme_count>, 4> count{};
  std::array<std::array<int, outcome_theme_count>, 4> sum{};
  for (const auto& resp : r.responses) {
    if (resp.on < from || !(resp.on < to)) continue;
    const auto who = static_cast<std::size_t>(resp.who);
    const auto& q = questionnaires[who];
    for (const auto& a : resp.answers) {
      if (a.question >= q.questions.size()) continue;
      const auto& question = q.questions[a.question];
      if (question.scale != answer_scale::agree_5) continue;
      const auto t = static_cast<std::size_t>(question.theme);
      ++count[who][t];
      sum[who][t] += a.value;
    }
  }
  for (std::size_t who = 0; who < 4; ++who)
    for (std::size_t t = 0; t < outcome_theme_count; ++t)
      if (count[who][t] > 0)
        ind.outcomes[who].push_back({static_cast<outcome_theme>(t), count[who][t],
                                     static_cast<double>(sum[who][t]) / count[who][t]});
  return ind;
}

}  // namespace peerkit
