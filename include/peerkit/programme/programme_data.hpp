#pragma once
// What the coordinator records for one programme year beyond the school's own data: the
// applications, training, who is to get a supporter, the coordinator's pins and wishes,
// checklist progress, and the settings supervision follows through the year. Plain data,
// saved and loaded as the programme document (io/programme_json.hpp).

#include <optional>
#include <vector>

#include <peerkit/calendar/school_year.hpp>
#include <peerkit/checklist/progress.hpp>
#include <peerkit/checklist/readiness.hpp>
#include <peerkit/core/roles.hpp>
#include <peerkit/core/student.hpp>
#include <peerkit/matching/class_assignment.hpp>
#include <peerkit/matching/leader_duos.hpp>
#include <peerkit/matching/pairing_graph.hpp>
#include <peerkit/selection/application.hpp>
#include <peerkit/selection/training.hpp>
#include <peerkit/supervision/cadence.hpp>
#include <peerkit/supervision/closure.hpp>
#include <peerkit/supervision/escalation.hpp>

namespace peerkit {

/// How supervision follows the year: the alert thresholds, the escalation routes, when a
/// supportee whose pair ended may get a new supporter, and the school's own end reasons.
struct supervision_settings {
  supervision_rules rules;
  escalation_policy escalation;
  rematch_policy rematch;
  end_reason_list end_reasons;
  friend bool operator==(const supervision_settings&, const supervision_settings&) = default;
};

/// A student who is to get a supporter of a role (asked for by the student, a mentor or
/// the care coordinator; taking part is always voluntary, so consent is checked too).
struct support_request {
  student_id student;
  supporter_role role = supporter_role::peer_buddy;
  friend bool operator==(const support_request&, const support_request&) = default;
};

/// What the coordinator records for one programme year, beyond the school's own data.
struct programme_data {
  school_year year{2025};
  /// The day supporters and supportees are paired: consent must hold on it. Empty: the
  /// first day of the school year.
  std::optional<date> pairing_date;
  std::vector<application> applications;
  training_log training;
  /// Who is to get a supporter. Empty: derived from each consenting student's needs by
  /// the selection policy's recommendation (needs stay inside that step).
  std::vector<support_request> support_requests;
  std::vector<student_pair> pinned_pairs;     ///< coordinator: pairs that must be made
  std::vector<student_pair> forbidden_pairs;  ///< coordinator: pairs that must never be made
  std::vector<ranking> rankings;              ///< ranked preferences, for the stable objective
  std::vector<observed_pair> observed_duos;   ///< the teacher coach's view of leader pairs
  std::vector<leader_pair> pinned_duos;
  std::vector<leader_pair> forbidden_duos;
  std::vector<class_exclusion> class_exclusions;  ///< e.g. not the class of a sibling
  std::vector<class_wish> class_wishes;
  progress_book::record_map checklist_progress;
  report_mode checklist_mode = report_mode::go_live;
  supervision_settings supervision;

  [[nodiscard]] date pairing_day() const { return pairing_date.value_or(year.first_day()); }
  friend bool operator==(const programme_data&, const programme_data&) = default;
};

}  // namespace peerkit
