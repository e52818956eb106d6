#pragma once
// The training gate (000 step 5 and 6; 001): a chosen supporter starts, and becomes
// available for matching, only after completing the training the role requires
// (role_parameters::training: sessions of so many minutes; a half-day is 240 minutes).
// Attendance is recorded per session. Training counts as complete when the minutes
// attended reach the role's total, however the school split them into sessions. The
// gate is kept by date: on the pairing day only the sessions held by then count, so a
// supporter whose training completes later is still in training on it.

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include <boost/date_time/gregorian/formatters.hpp>

#include <peerkit/core/error.hpp>
#include <peerkit/core/roles.hpp>
#include <peerkit/core/roles_policy.hpp>
#include <peerkit/core/strong_id.hpp>
#include <peerkit/core/student.hpp>
#include <peerkit/selection/application.hpp>

namespace peerkit {

/// One training session a supporter attended.
struct training_session {
  student_id supporter{};
  supporter_role role = supporter_role::peer_buddy;  ///< the role trained for
  date held_on{};                                    ///< not_a_date_time when not recorded
  int minutes = minutes_per_half_day;
  friend bool operator==(const training_session&, const training_session&) = default;
};

/// The sessions attended, in the order recorded.
class training_log {
 public:
  /// Throws peerkit::error ("selection.invalid_session") for a session of less than a minute.
  void record(training_session s) {
    if (s.minutes < 1)
      throw error("selection.invalid_session",
                  "training.sessions[" + std::to_string(sessions_.size()) + "]",
                  "expected a session of at least 1 minute, found " + std::to_string(s.minutes));
    sessions_.push_back(s);
  }
  [[nodiscard]] const std::vector<training_session>& sessions() const noexcept { return sessions_; }
  /// Minutes attended for `role`; with `by`, only sessions held on or before that day (a
  /// session without a date counts: when it was held was not recorded).
  [[nodiscard]] int minutes(student_id supporter, supporter_role role,
                            std::optional<date> by = std::nullopt) const noexcept {
    int total = 0;
    for (const auto& s : sessions_)
      if (counts(s, supporter, role, by)) total += s.minutes;
    return total;
  }
  /// The day the sessions recorded for `role` first add up to its training; empty while
  /// they do not (or a session that completes it has no date).
  [[nodiscard]] std::optional<date> completed_on(student_id supporter,
                                                 const role_entry& role) const {
    const int needed = role.parameters.training.total_minutes();
    std::vector<const training_session*> mine;
    for (const auto& s : sessions_)
      if (s.supporter == supporter && s.role == role.kind) mine.push_back(&s);
    std::stable_sort(mine.begin(), mine.end(),
                     [](const training_session* a, const training_session* b) {
                       return a->held_on < b->held_on;
                     });
    int total = 0;
    for (const auto* s : mine)
      if ((total += s->minutes) >= needed)
        return s->held_on.is_special() ? std::nullopt : std::optional(s->held_on);
    return std::nullopt;
  }
  /// Sessions attended for `role`; with `by`, as minutes() counts them.
  [[nodiscard]] int sessions_attended(student_id supporter, supporter_role role,
                                      std::optional<date> by = std::nullopt) const noexcept {
    return static_cast<int>(
        std::count_if(sessions_.begin(), sessions_.end(),
                      [&](const training_session& s) { return counts(s, supporter, role, by); }));
  }

 private:
  static bool counts(const training_session& s, student_id supporter, supporter_role role,
                     std::optional<date> by) noexcept {
    return s.supporter == supporter && s.role == role &&
           (!by || s.held_on.is_special() || s.held_on <= *by);
  }
  std::vector<training_session> sessions_{};
  friend bool operator==(const training_log&, const training_log&) = default;
};

/// How far one supporter is with the training of a role, on a day or over every session
/// recorded.
struct training_status {
  student_id supporter{};
  supporter_role role = supporter_role::peer_buddy;
  int sessions_attended = 0;
  int minutes_attended = 0;
  training_requirement required{};
  std::optional<date> by{};            ///< the day the status is taken; empty: all sessions
  std::optional<date> completes_on{};  ///< incomplete by then, but sessions after it complete it

  [[nodiscard]] bool complete() const noexcept {
    return minutes_attended >= required.total_minutes();
  }
  /// "training 240 of 480 minutes (1 of 2 sessions)", and when later sessions complete it
  /// "training 480 of 720 minutes (2 of 3 sessions) by 2025-09-29, complete on 2025-10-01".
  [[nodiscard]] std::string text() const {
    std::string out = "training " + std::to_string(minutes_attended) + " of " +
                      std::to_string(required.total_minutes()) + " minutes (" +
                      std::to_string(sessions_attended) + " of " +
                      std::to_string(required.sessions) +
                      (required.sessions == 1 ? " session)" : " sessions)");
    if (by && completes_on)
      out += " by " + to_iso_extended_string(*by) + ", complete on " +
             to_iso_extended_string(*completes_on);
    return out;
  }
  friend bool operator==(const training_status&, const training_status&) = default;
};

/// The training status of `supporter` in a role as the programme runs it: on day `by`
/// when given (sessions held later do not count yet), else over every session recorded.
[[nodiscard]] inline training_status training_of(const training_log& log, student_id supporter,
                                                 const role_entry& role,
                                                 std::optional<date> by = std::nullopt) {
  training_status status{supporter,
                         role.kind,
                         log.sessions_attended(supporter, role.kind, by),
                         log.minutes(supporter, role.kind, by),
                         role.parameters.training,
                         by,
                         std::nullopt};
  if (by && !status.complete())
    if (const auto done = log.completed_on(supporter, role); done && *done > *by)
      status.completes_on = done;
  return status;
}

/// The training status of `supporter` in role `R` (role_traits<R>::parameters.training).
template <Role R>
[[nodiscard]] training_status training_of(const training_log& log, student_id supporter,
                                          std::optional<date> by = std::nullopt) {
  return training_of(log, supporter,
                     role_entry{std::string(role_traits<R>::name), role_traits<R>::kind,
                                role_traits<R>::parameters},
                     by);
}

/// Who of the accepted supporters of a role may be matched on a day, and who is still in
/// training on it.
struct matching_readiness {
  std::vector<student_id> available{};  ///< accepted and trained by the day, by application id
  std::vector<training_status> in_training{};  ///< accepted, training not complete on the day
  friend bool operator==(const matching_readiness&, const matching_readiness&) = default;
};

/// Sorts the accepted applications for `role` (reserves that moved up included, those who
/// withdrew left out) by whether their training is complete on `pairing_day`: a supporter
/// is paired only on or after the day the training is complete.
[[nodiscard]] inline matching_readiness ready_for_matching(
    const std::vector<application>& applications, const training_log& log, const role_entry& role,
    date pairing_day) {
  std::vector<const application*> accepted;
  for (const auto& a : applications)
    if (a.role == role.kind && a.state == application_state::accepted) accepted.push_back(&a);
  std::sort(accepted.begin(), accepted.end(),
            [](const application* x, const application* y) { return x->id < y->id; });
  matching_readiness out;
  for (const application* a : accepted) {
    auto status = training_of(log, a->applicant, role, pairing_day);
    if (status.complete())
      out.available.push_back(a->applicant);
    else
      out.in_training.push_back(status);
  }
  return out;
}

}  // namespace peerkit
