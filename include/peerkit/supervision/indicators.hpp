#pragma once
// Programme indicators over a period: pairs still active, planned against actual
// contact, escalations per tier, closures by kind and reason, intervision attendance,
// and the mean answer per outcome theme and stakeholder.

#include <array>
#include <span>
#include <vector>

#include <peerkit/core/roles_policy.hpp>
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
  int pairs = 0;                             ///< pairs active at some day of the period
  int pairs_active = 0;                      ///< pairs still active on the period's last day
  contact_figures contact;                   ///< of the pairs of roles that support individuals
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
/// matched to questions through `questionnaires` (default: the shipped ones); `roles`
/// overrides the shipped role parameters (whether a role supports individuals).
[[nodiscard]] programme_indicators compute_indicators(
    const programme_records& r, date from, date to, const school_breaks& breaks = {},
    const escalation_policy& policy = {},
    const std::array<questionnaire, 4>& questionnaires =
        {default_questionnaire(stakeholder::supportee),
         default_questionnaire(stakeholder::supporter),
         default_questionnaire(stakeholder::teacher_or_mentor),
         default_questionnaire(stakeholder::school)},
    std::span<const role_entry> roles = {});

}  // namespace peerkit

#ifndef PEERKIT_COMPILED
#include <peerkit/supervision/indicators-inl.hpp>
#endif
