#pragma once
// Progress on a checklist: per ticked item its state, the date, the owner (a staff
// member) and a short evidence note. Every change is validated:
//   - in_progress needs an owner; done needs an owner and a date;
//     not_applicable needs a date and a note saying why;
//   - done needs every dependency settled (done or not applicable); a dependency that is
//     not blocks it;
//   - a done item cannot go back to not_started (reopen it as in_progress), and cannot be
//     reopened while an item that depends on it is done;
//   - derived items are decided by the programme's data and cannot be set by hand.
// A rejected change throws peerkit::error naming the item and both states.

#include <algorithm>
#include <array>
#include <map>
#include <optional>
#include <peerkit/checklist/checklist.hpp>
#include <peerkit/checklist/derived_checks.hpp>
#include <peerkit/checklist/item.hpp>
#include <peerkit/core/error.hpp>
#include <peerkit/core/strong_id.hpp>
#include <peerkit/core/student.hpp>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace peerkit {

/// The progress of one ticked item.
struct item_progress {
  item_state state = item_state::not_started;
  std::optional<date> on;         ///< when it reached this state
  std::optional<staff_id> owner;  ///< who is responsible
  std::string evidence;           ///< a short note: what shows it, or why it does not apply
  friend bool operator==(const item_progress&, const item_progress&) = default;
};

/// Where an item's effective state comes from.
enum class state_source {
  recorded,      ///< ticked by people in the progress book
  derived,       ///< decided by the programme's data
  role_not_run,  ///< the item is about roles the programme does not run
};

template <>
struct enum_keys<state_source> {
  static constexpr std::array<std::string_view, 3> keys{"recorded", "derived", "role_not_run"};
};

/// An item's state as the report sees it.
struct effective_state {
  item_state state = item_state::not_started;
  state_source source = state_source::recorded;
  friend bool operator==(const effective_state&, const effective_state&) = default;
};

/// The progress on one checklist. Holds the checklist's definition and a record per
/// ticked item that has left not_started.
class progress_book {
 public:
  using record_map = std::map<std::string, item_progress, std::less<>>;

  /// An empty book. Throws peerkit::error when the definition breaks the checklist rules.
  explicit progress_book(checklist_definition definition);

  /// A book with records read back (from a file, or carried over from another plan).
  /// Checks each record as set() would, except that dependencies on derived items are not
  /// checked (the data deciding them changes over time; the report shows such gaps).
  /// Throws peerkit::error listing every problem.
  static progress_book restore(checklist_definition definition, record_map records);

  [[nodiscard]] const checklist_definition& definition() const noexcept { return definition_; }
  /// The records of the items that were changed, by key.
  [[nodiscard]] const record_map& records() const noexcept { return records_; }

  /// The recorded progress of `key`: not_started when nothing was recorded. Throws
  /// peerkit::error (checklist.unknown_item) for a key that is not in the checklist.
  [[nodiscard]] const item_progress& progress(std::string_view key) const;

  /// The state of `key` as the report sees it: the programme's data for derived items
  /// and for items about roles that are not run, the record otherwise.
  [[nodiscard]] effective_state state_of(std::string_view key,
                                         const derived_results& derived) const;

  /// Changes the progress of a ticked item. Throws peerkit::error, and leaves the book
  /// unchanged, when the change breaks a rule (see the top of this header). Dependencies
  /// on derived items are judged by `derived`; without it they count as not done.
  void set(std::string_view key, item_progress next, const derived_results& derived = {});

 private:
  const item_definition& require_item(std::string_view key) const;

  effective_state state_of(const item_definition& item, const derived_results& derived) const;

  // The rules that concern one record on its own: the transition and what each state needs.
  static void check_record(const item_definition& item, item_state current,
                           const item_progress& next, problem_list& problems);

  checklist_definition definition_;
  record_map records_;
};

}  // namespace peerkit

#ifndef PEERKIT_COMPILED
#include <peerkit/checklist/progress-inl.hpp>
#endif
