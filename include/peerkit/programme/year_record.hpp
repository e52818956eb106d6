#pragma once
// The programme year as it happens: one dated record of everything that happened, in the
// order it was recorded. Each entry carries its day and, where the sources say who
// decides, who did: a selection decision by a staff member whose role may select, an
// intervision session led by the group's teacher coach with only staff whose role may
// join, an escalation told to staff whose role receives escalations.
//
// Entries are only ever added. Adding checks the entry against everything recorded
// before it (references, dates in order, consent on the day, the duties of staff roles,
// the training gate, the rematch rules) and takes it whole or refuses it with located
// problems; nothing recorded changes. Replaying the entries dated up to a day gives the
// programme's state on that day (year_state), which supervision's checks, the status and
// the checklist read.

#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include <peerkit/checklist/progress.hpp>
#include <peerkit/core/roles.hpp>
#include <peerkit/core/school.hpp>
#include <peerkit/core/support_pair.hpp>
#include <peerkit/programme/programme_data.hpp>
#include <peerkit/selection/application.hpp>
#include <peerkit/selection/training.hpp>
#include <peerkit/supervision/closure.hpp>
#include <peerkit/supervision/escalation.hpp>
#include <peerkit/supervision/records.hpp>

namespace peerkit {

/// An application moved on (000 step 4): the letter came in, an interview was held, the
/// selection decided, or the student withdrew. `applied` dates the application itself.
/// A decision needs `by`, a staff member whose role may select supporters.
struct application_step {
  application_id application;
  application_state to = application_state::applied;
  date on;
  std::optional<staff_id> by;  ///< the interviewer, or who decided
  friend bool operator==(const application_step&, const application_step&) = default;
};

/// A pair, triple or leader duo starts on the day of its first meeting (000 step 6: support
/// starts after the training was passed and the pairing). `replaces`: the pair that ended
/// and whose supportee this pairing rematches.
struct pairing_started {
  support_pair pair;
  std::optional<pair_id> replaces;
  friend bool operator==(const pairing_started&, const pairing_started&) = default;
};

/// A supporter met a serious problem and raised it (escalation.hpp).
struct escalation_raised {
  escalation_id id;
  pair_id pair;
  student_id raised_by;
  severity tier = severity::concern;
  date on;
  friend bool operator==(const escalation_raised&, const escalation_raised&) = default;
};

/// A later step of an escalation's audit trail: encouraged, accepted, refused, informed,
/// responded or closed.
struct escalation_step {
  escalation_id escalation;
  escalation_event event;
  friend bool operator==(const escalation_step&, const escalation_step&) = default;
};

/// A pair ended, with its reason (closure.hpp).
struct pair_ended {
  pair_id pair;
  date on;
  end_reason reason = end_reason::period_completed;
  std::optional<std::size_t> custom_reason;  ///< into the school's end reasons, with `other`
  friend bool operator==(const pair_ended&, const pair_ended&) = default;
};

/// Progress on an item of the implementation checklist; its day is `progress.on`.
struct checklist_progressed {
  std::string item;
  item_progress progress;
  friend bool operator==(const checklist_progressed&, const checklist_progressed&) = default;
};

/// One entry of the record. Groups are formed with their roster (intervision_roster,
/// dated by `started`).
using year_entry = std::variant<application_step, training_session, pairing_started, secrecy_notice,
                                intervision_roster, intervision_session, mentor_follow_up,
                                contact_record, escalation_raised, escalation_step, pair_ended,
                                departure, evaluation_response, checklist_progressed>;

/// The kind of an entry as files name it: "application", "training", "pairing", "notice",
/// "group", "intervision", "follow_up", "contact", "escalation", "escalation_step",
/// "closure", "departure", "evaluation", "checklist".
[[nodiscard]] std::string_view kind_of(const year_entry& e) noexcept;

/// The day an entry happened.
[[nodiscard]] date day_of(const year_entry& e);

/// That `replacement` rematched the supportee of the pair `ended`.
struct rematch_link {
  pair_id ended;
  pair_id replacement;
  friend bool operator==(const rematch_link&, const rematch_link&) = default;
};

/// The programme on one day: the programme document's data with every entry up to that
/// day applied.
struct year_state {
  std::vector<application> applications;  ///< with their recorded steps
  std::vector<application_step> steps;    ///< the recorded steps, in the order recorded
  training_log training;
  programme_records records;
  std::vector<rematch_link> rematches;
  progress_book::record_map checklist;

  [[nodiscard]] const application* find_application(application_id id) const noexcept;
  /// The day of the last recorded step of the application, if any.
  [[nodiscard]] std::optional<date> last_step_on(application_id id) const noexcept;
  /// The day the selection accepted `student` for `role`, if that decision was recorded.
  [[nodiscard]] std::optional<date> accepted_on(student_id student, supporter_role role) const;
  /// True when `student` holds an accepted application for `role`.
  [[nodiscard]] bool accepted(student_id student, supporter_role role) const noexcept;
  /// The new supporters `supportee` got this year through a rematch.
  [[nodiscard]] int rematches_of(student_id supportee) const;
  friend bool operator==(const year_state&, const year_state&) = default;
};

/// What adding to the record is checked against: the school, the programme's own data,
/// the roles it runs and its checklist.
struct record_context {
  const school& the_school;
  const programme_data& data;
  std::vector<role_entry> roles;
  const checklist_definition& checklist;
};

/// The record of the year: its entries in the order recorded. Built by add(), which
/// checks every entry, so a record always replays.
class year_record {
 public:
  /// A record of the programme's own data, without entries yet.
  explicit year_record(const record_context& context);

  [[nodiscard]] const std::vector<year_entry>& entries() const noexcept { return entries_; }
  [[nodiscard]] bool empty() const noexcept { return entries_.empty(); }
  [[nodiscard]] std::size_t size() const noexcept { return entries_.size(); }

  /// The state after every entry.
  [[nodiscard]] const year_state& state() const noexcept { return state_; }

  /// The state on `day`: every entry dated on or before it.
  [[nodiscard]] year_state state_on(const record_context& context, date day) const;

  /// Adds `entry`. Throws peerkit::error listing every problem, located at
  /// "events[N]" (N: the entry's place in the record), and then changes nothing.
  void add(const record_context& context, const year_entry& entry);

  friend bool operator==(const year_record&, const year_record&) = default;

 private:
  std::vector<year_entry> entries_;
  year_state state_;
};

/// Applies `entry` to `state`, checking it on the way; problems are located under `where`.
/// Throws peerkit::error, leaving `state` as it was.
void apply(year_state& state, const record_context& context, const year_entry& entry,
           const std::string& where);

/// The state of the programme document before anything was recorded.
[[nodiscard]] year_state initial_state(const record_context& context);

}  // namespace peerkit

#ifndef PEERKIT_COMPILED
#include <peerkit/programme/year_record-inl.hpp>
#endif
