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
  explicit progress_book(checklist_definition definition) : definition_(std::move(definition)) {
    validate(definition_);
  }

  /// A book with records read back (from a file, or carried over from another plan).
  /// Checks each record as set() would, except that dependencies on derived items are not
  /// checked (the data deciding them changes over time; the report shows such gaps).
  /// Throws peerkit::error listing every problem.
  static progress_book restore(checklist_definition definition, record_map records) {
    progress_book book(std::move(definition));
    problem_list problems;
    for (const auto& [key, record] : records) {
      const auto where = "progress." + key;
      const auto* item = book.definition_.find(key);
      if (!item) {
        problems.add("checklist.unknown_item", where,
                     key + " is not an item of " + book.definition_.name);
        continue;
      }
      if (item->is_derived()) {
        problems.add("checklist.derived_item", where,
                     key + " is decided by the programme's data; a record cannot set it to " +
                         std::string(key_of(record.state)));
        continue;
      }
      book.check_record(*item, item_state::not_started, record, problems);
      if (record.state != item_state::done) continue;
      for (const auto& dep : item->depends_on) {
        const auto* d = book.definition_.find(dep);
        if (d->is_derived()) continue;
        auto it = records.find(dep);
        const auto dep_state = it == records.end() ? item_state::not_started : it->second.state;
        if (!settled(dep_state))
          problems.add("checklist.blocked", where,
                       key + " is done but depends on " + dep + ", which is " +
                           std::string(key_of(dep_state)));
      }
    }
    problems.throw_if_any();
    for (auto& [key, record] : records)
      if (record.state != item_state::not_started || !record.evidence.empty() || record.owner ||
          record.on)
        book.records_.emplace(key, std::move(record));
    return book;
  }

  [[nodiscard]] const checklist_definition& definition() const noexcept { return definition_; }
  /// The records of the items that were changed, by key.
  [[nodiscard]] const record_map& records() const noexcept { return records_; }

  /// The recorded progress of `key`: not_started when nothing was recorded. Throws
  /// peerkit::error (checklist.unknown_item) for a key that is not in the checklist.
  [[nodiscard]] const item_progress& progress(std::string_view key) const {
    require_item(key);
    static const item_progress untouched{};
    auto it = records_.find(key);
    return it == records_.end() ? untouched : it->second;
  }

  /// The state of `key` as the report sees it: the programme's data for derived items
  /// and for items about roles that are not run, the record otherwise.
  [[nodiscard]] effective_state state_of(std::string_view key,
                                         const derived_results& derived) const {
    return state_of(require_item(key), derived);
  }

  /// Changes the progress of a ticked item. Throws peerkit::error, and leaves the book
  /// unchanged, when the change breaks a rule (see the top of this header). Dependencies
  /// on derived items are judged by `derived`; without it they count as not done.
  void set(std::string_view key, item_progress next, const derived_results& derived = {}) {
    const auto& item = require_item(key);
    const auto where = "progress." + item.key;
    const auto current = progress(key).state;
    problem_list problems;
    if (item.is_derived()) {
      problems.add("checklist.derived_item", where,
                   "cannot go from " + std::string(key_of(state_of(item, derived).state)) + " to " +
                       std::string(key_of(next.state)) + ": " + item.key +
                       " is decided by the programme's data");
      problems.throw_if_any();
    }
    check_record(item, current, next, problems);
    const auto transition = item.key + ": cannot go from " + std::string(key_of(current)) + " to " +
                            std::string(key_of(next.state));
    if (next.state == item_state::done)
      for (const auto& dep : item.depends_on) {
        const auto dep_state = state_of(*definition_.find(dep), derived).state;
        if (!settled(dep_state))
          problems.add("checklist.blocked", where,
                       transition + ": it depends on " + dep + " (" +
                           definition_.position_of(dep)->label() + "), which is " +
                           std::string(key_of(dep_state)));
      }
    if (current == item_state::done && next.state == item_state::in_progress)
      for (const auto& step : definition_.steps)
        for (const auto& other : step.items)
          if (std::find(other.depends_on.begin(), other.depends_on.end(), item.key) !=
                  other.depends_on.end() &&
              state_of(other, derived).state == item_state::done)
            problems.add("checklist.dependant_done", where,
                         transition + ": " + other.key + " (" +
                             definition_.position_of(other.key)->label() +
                             ") depends on it and is done");
    problems.throw_if_any();
    if (next.state == item_state::not_started && !next.owner && !next.on && next.evidence.empty())
      records_.erase(item.key);
    else
      records_.insert_or_assign(item.key, std::move(next));
  }

 private:
  const item_definition& require_item(std::string_view key) const {
    const auto* item = definition_.find(key);
    if (!item)
      throw error("checklist.unknown_item", "progress." + std::string(key),
                  std::string(key) + " is not an item of " + definition_.name);
    return *item;
  }

  effective_state state_of(const item_definition& item, const derived_results& derived) const {
    if (!item.roles.applies_to(derived.roles_run))
      return {item_state::not_applicable, state_source::role_not_run};
    if (item.is_derived()) return {derived.of(item.derived).state, state_source::derived};
    auto it = records_.find(item.key);
    return {it == records_.end() ? item_state::not_started : it->second.state,
            state_source::recorded};
  }

  // The rules that concern one record on its own: the transition and what each state needs.
  static void check_record(const item_definition& item, item_state current,
                           const item_progress& next, problem_list& problems) {
    const auto where = "progress." + item.key;
    const auto transition = item.key + ": cannot go from " + std::string(key_of(current)) + " to " +
                            std::string(key_of(next.state));
    if (current == item_state::done && next.state == item_state::not_started)
      problems.add("checklist.illegal_transition", where,
                   transition + "; reopen it as in_progress");
    const bool needs_owner =
        next.state == item_state::in_progress || next.state == item_state::done;
    const bool needs_date =
        next.state == item_state::done || next.state == item_state::not_applicable;
    if (needs_owner && !next.owner)
      problems.add("checklist.missing_owner", where, transition + " without an owner");
    if (needs_date && (!next.on || next.on->is_special()))
      problems.add("checklist.missing_date", where, transition + " without a date");
    if (next.state == item_state::not_applicable && next.evidence.empty())
      problems.add("checklist.missing_reason", where, transition + " without a note saying why");
  }

  checklist_definition definition_;
  record_map records_;
};

}  // namespace peerkit
