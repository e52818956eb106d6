#pragma once
// Programme indicators over a period: pairs still active, planned against actual
// contact, escalations per tier, closures by kind and reason, intervision attendance,
// and the mean answer per outcome theme and stakeholder.

#include <array>
#include <vector>

#include <peerkit/core/support_pair.hpp>
#include <peerkit/supervision/cadence.hpp>
#include <peerkit/supervision/evaluation.hpp>
#include <peerkit/supervision/records.hpp>
#include <peerkit/supervision/school_breaks.hpp>

namespace peerkit {

/// The mean answer to the questions of one theme, over the agree_5 questions only.
struct theme_score {
  outcome_theme theme = outcome_theme::self_confidence;
  int answers = 0;
  double mean = 0;
  friend bool operator==(const theme_score&, const theme_score&) = default;
};

struct programme_indicators {
  int pairs = 0;         ///< pairs active at some day of the period
  int pairs_active = 0;  ///< pairs still active on the period's last day
  contact_figures contact;
  std::array<int, 3> escalations_by_tier{};  ///< raised in the period, by severity
  int escalations_with_missed_deadline = 0;
  int closures_planned = 0;
  int closures_unplanned = 0;
  std::array<int, enum_keys<end_reason>::keys.size()> closures_by_reason{};
  int intervision_sessions = 0;
  double intervision_attendance = 0;  ///< members present as a share of members expected
  /// Per stakeholder (in stakeholder order), the themes answered in the period, in theme order.
  std::array<std::vector<theme_score>, 4> outcomes;

  /// Pairs still active as a share of pairs in the period; 1 without pairs.
  [[nodiscard]] double active_share() const noexcept {
    return pairs == 0 ? 1.0 : static_cast<double>(pairs_active) / pairs;
  }
  friend bool operator==(const programme_indicators&, const programme_indicators&) = default;
};

/// The indicators of the period from `from` up to, not including, `to`. Answers are
/// matched to questions through `questionnaires` (default: the shipped ones).
[[nodiscard]] inline programme_indicators compute_indicators(
    const programme_records& r, date from, date to, const school_breaks& breaks = {},
    const escalation_policy& policy = {},
    const std::array<questionnaire, 4>& questionnaires = {default_questionnaire(stakeholder::supportee),
                                                          default_questionnaire(stakeholder::supporter),
                                                          default_questionnaire(stakeholder::teacher_or_mentor),
                                                          default_questionnaire(stakeholder::school)}) {
  programme_indicators ind;
  const date last_day = to - boost::gregorian::days(1);
  for (const auto& p : r.pairs) {
    if (p.started.is_special() || !(p.started < to) || (p.ended && !(from < *p.ended))) continue;
    ++ind.pairs;
    if (p.active_on(last_day)) ++ind.pairs_active;
    ind.contact += pair_figures(r, p, from, to, breaks);
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
    (kind_of(c, r.end_reasons) == closure_kind::planned ? ind.closures_planned : ind.closures_unplanned)++;
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
        ind.outcomes[who].push_back(
            {static_cast<outcome_theme>(t), count[who][t], static_cast<double>(sum[who][t]) / count[who][t]});
  return ind;
}

}  // namespace peerkit
