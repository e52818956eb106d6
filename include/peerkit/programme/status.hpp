#pragma once
// Where the programme stands on a day, from its record (year_record.hpp): the pairs that
// are active, who is still in training, what is overdue, the escalations still open and
// their next deadline, whether a supportee whose pair ended may get a new supporter and
// from when, and the readiness on the checklist as of that day. Built by
// basic_programme::status_on; every fact comes from what was recorded up to the day.

#include <optional>
#include <vector>

#include <peerkit/checklist/readiness.hpp>
#include <peerkit/core/support_pair.hpp>
#include <peerkit/programme/year_record.hpp>
#include <peerkit/selection/training.hpp>
#include <peerkit/supervision/alerts.hpp>
#include <peerkit/supervision/closure.hpp>
#include <peerkit/supervision/escalation.hpp>

namespace peerkit {

/// An escalation that is not closed, with the next deadline on its route.
struct open_escalation {
  escalation_id id;
  pair_id pair;
  severity tier = severity::concern;
  date raised_on;
  escalation_status route;
  std::optional<date> next_deadline;  ///< the earliest step or response still pending
  friend bool operator==(const open_escalation&, const open_escalation&) = default;
};

/// Whether the supportee of an ended pair may get a new supporter, and from when.
struct rematch_option {
  pair_id ended;
  student_id supportee;
  rematch_decision decision;
  friend bool operator==(const rematch_option&, const rematch_option&) = default;
};

/// Where the programme stands on `on`.
struct programme_status {
  date on;
  std::vector<support_pair> active_pairs;
  std::vector<training_status> in_training;  ///< accepted, training not complete on the day
  std::vector<alert> overdue;                ///< every supervision rule that fired by the day
  std::vector<open_escalation> open_escalations;
  std::vector<rematch_option> rematches;  ///< supportees of ended pairs not rematched yet
  readiness_report readiness;
  friend bool operator==(const programme_status&, const programme_status&) = default;
};

/// The open escalations of `records` on `day`.
[[nodiscard]] std::vector<open_escalation> open_escalations_on(const programme_records& records,
                                                               const escalation_policy& policy,
                                                               date day);

/// For each supportee of a pair that ended by `day` and got no new supporter since,
/// whether a rematch is allowed on `day` under `policy`.
[[nodiscard]] std::vector<rematch_option> rematch_options_on(const year_state& state,
                                                             const rematch_policy& policy, date day,
                                                             date year_end);

}  // namespace peerkit

#ifndef PEERKIT_COMPILED
#include <peerkit/programme/status-inl.hpp>
#endif
