#pragma once
// Cadence compliance. The failure measured in the field is actual contact far below
// plan (Petit et al. 2014), and inconsistent attendance of a young mentor does harm
// (Karcher 2005), so planned against actual contact is a first-class figure per pair,
// per intervision group and per programme, and the rules below raise alerts that name
// the rule that fired. All day counts skip school breaks. A pair's weekly contact plan
// and its secrecy notice hold for roles that support individual students; a leader duo
// serves a whole class (serves_whole_class) and is held to neither.

#include <algorithm>
#include <span>
#include <vector>

#include <boost/date_time/gregorian/gregorian_types.hpp>

#include <peerkit/core/roles.hpp>
#include <peerkit/core/roles_policy.hpp>
#include <peerkit/core/safe_text.hpp>
#include <peerkit/core/school.hpp>
#include <peerkit/supervision/alerts.hpp>
#include <peerkit/supervision/records.hpp>
#include <peerkit/supervision/school_breaks.hpp>

namespace peerkit {

/// Planned against actual contact over a period.
struct contact_figures {
  int planned_meetings = 0;
  int actual_meetings = 0;
  int planned_minutes = 0;
  int actual_minutes = 0;

  /// Actual meetings as a share of planned ones; 1 when nothing was planned yet.
  [[nodiscard]] double meeting_rate() const noexcept {
    return planned_meetings == 0 ? 1.0 : static_cast<double>(actual_meetings) / planned_meetings;
  }
  [[nodiscard]] double minute_rate() const noexcept {
    return planned_minutes == 0 ? 1.0 : static_cast<double>(actual_minutes) / planned_minutes;
  }
  contact_figures& operator+=(const contact_figures& o) noexcept {
    planned_meetings += o.planned_meetings;
    actual_meetings += o.actual_meetings;
    planned_minutes += o.planned_minutes;
    actual_minutes += o.actual_minutes;
    return *this;
  }
  friend bool operator==(const contact_figures&, const contact_figures&) = default;
};

/// The thresholds of the supervision rules; the defaults are explained in docs/supervision.md.
struct supervision_rules {
  /// A pair is overdue this many school days after its planned interval passed (weekly: day 14).
  int contact_grace_days = 7;
  /// Below this share of planned meetings a pair is flagged: missing more than about one
  /// in three planned meetings takes the effect away.
  double min_meeting_rate = 2.0 / 3.0;
  /// The share is judged only after this many school days, so one missed week early on
  /// does not fire.
  int rate_after_days = 28;
  /// School days a session may come later than the cadence asks.
  int intervision_grace_days = 3;
  /// Sessions missed in a row before a supporter is flagged.
  int max_missed_sessions = 2;
  /// Days within which the coach discusses a session with the supportees' mentors.
  int follow_up_days = 14;
  /// Days after a pair's end within which both sides answer the exit questions.
  int exit_evaluation_days = 21;
  friend bool operator==(const supervision_rules&, const supervision_rules&) = default;
};

/// True when `role` supports individual students, so its pairs keep a contact plan and
/// the notice that the supporter cannot keep secrets; false for a form that serves a
/// whole class. `roles` overrides the shipped parameters.
[[nodiscard]] bool supports_individuals(supporter_role role,
                                        std::span<const role_entry> roles = {});

/// Planned against actual contact of `pair` from `from` up to, not including, `to`,
/// limited to the days the pair was active. A pair of a role that does not support
/// individuals has nothing planned; its logged contact still counts as actual.
[[nodiscard]] contact_figures pair_figures(const programme_records& r, const support_pair& pair,
                                           date from, date to, const school_breaks& breaks = {},
                                           std::span<const role_entry> roles = {});

/// The figures of the pairs whose supporters belong to group `g`, of roles that support
/// individuals.
[[nodiscard]] contact_figures group_figures(const programme_records& r, const intervision_roster& g,
                                            date from, date to, const school_breaks& breaks = {},
                                            std::span<const role_entry> roles = {});

/// The figures of the whole programme: its pairs of roles that support individuals.
[[nodiscard]] contact_figures programme_figures(const programme_records& r, date from, date to,
                                                const school_breaks& breaks = {},
                                                std::span<const role_entry> roles = {});

/// Rules contact_overdue and contact_below_plan for the pairs active on `today` of roles
/// that support individuals.
[[nodiscard]] std::vector<alert> contact_alerts(const programme_records& r,
                                                const supervision_rules& rules, date today,
                                                const school_breaks& breaks = {},
                                                std::span<const role_entry> roles = {});

/// Rule first_meeting_without_notice: a pair of a role that supports individuals met
/// before its supportee was told that the supporter cannot keep secrets (or was never told).
[[nodiscard]] std::vector<alert> notice_alerts(const programme_records& r,
                                               std::span<const role_entry> roles = {});

/// Rules intervision_overdue (per group, by its role's cadence) and intervision_missed
/// (per member, the last sessions in a row). `roles` overrides the shipped cadences.
[[nodiscard]] std::vector<alert> intervision_alerts(const programme_records& r,
                                                    const supervision_rules& rules, date today,
                                                    const school_breaks& breaks = {},
                                                    std::span<const role_entry> roles = {});

/// The class mentors of the supportees (or served classes) of pairs active on `day`
/// whose supporters belong to group `g`, each once, in the order found.
[[nodiscard]] std::vector<staff_id> mentors_to_inform(const programme_records& r, const school& s,
                                                      const intervision_roster& g, date day);

/// Rule mentor_follow_up_missing: after each session the coach discusses it with every
/// class mentor of the group's supportees within `follow_up_days`.
[[nodiscard]] std::vector<alert> follow_up_alerts(const programme_records& r, const school& s,
                                                  const supervision_rules& rules, date today);

/// Rule exit_evaluation_missing: each supporter and supportee of an ended pair answers the
/// exit questions within `exit_evaluation_days` of its end. Students without consent on
/// the day are not asked (nothing more is processed about them).
[[nodiscard]] std::vector<alert> exit_evaluation_alerts(const programme_records& r, const school& s,
                                                        const supervision_rules& rules, date today);

/// Every supervision rule on `today`, grouped by rule in the order of alert_rule's
/// declaration and within a rule in the order of the records.
[[nodiscard]] std::vector<alert> check_supervision(const programme_records& r, const school& s,
                                                   date today, const supervision_rules& rules = {},
                                                   const escalation_policy& policy = {},
                                                   const school_breaks& breaks = {},
                                                   std::span<const role_entry> roles = {});

}  // namespace peerkit

#ifndef PEERKIT_COMPILED
#include <peerkit/supervision/cadence-inl.hpp>
#endif
