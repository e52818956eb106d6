#pragma once
// Definitions of progress.hpp: inline here in header-only mode, compiled once into
// peerkit::compiled when PEERKIT_COMPILED is defined (see config.hpp).

#include <peerkit/checklist/progress.hpp>
#include <peerkit/config.hpp>

namespace peerkit {

PEERKIT_INLINE progress_book::progress_book(checklist_definition definition)
    : definition_(std::move(definition)) {
  validate(definition_);
}

PEERKIT_INLINE progress_book progress_book::restore(checklist_definition definition,
                                                    record_map records) {
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
    check_record(*item, item_state::not_started, record, problems);
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

PEERKIT_INLINE const item_progress& progress_book::progress(std::string_view key) const {
  require_item(key);
  static const item_progress untouched{};
  auto it = records_.find(key);
  return it == records_.end() ? untouched : it->second;
}

PEERKIT_INLINE effective_state progress_book::state_of(std::string_view key,
                                                       const derived_results& derived) const {
  return state_of(require_item(key), derived);
}

PEERKIT_INLINE void progress_book::set(std::string_view key, item_progress next,
                                       const derived_results& derived) {
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

PEERKIT_INLINE const item_definition& progress_book::require_item(std::string_view key) const {
  const auto* item = definition_.find(key);
  if (!item)
    throw error("checklist.unknown_item", "progress." + std::string(key),
                std::string(key) + " is not an item of " + definition_.name);
  return *item;
}

PEERKIT_INLINE effective_state progress_book::state_of(const item_definition& item,
                                                       const derived_results& derived) const {
  if (!item.roles.applies_to(derived.roles_run))
    return {item_state::not_applicable, state_source::role_not_run};
  if (item.is_derived()) return {derived.of(item.derived).state, state_source::derived};
  auto it = records_.find(item.key);
  return {it == records_.end() ? item_state::not_started : it->second.state,
          state_source::recorded};
}

PEERKIT_INLINE void progress_book::check_record(const item_definition& item, item_state current,
                                                const item_progress& next, problem_list& problems) {
  const auto where = "progress." + item.key;
  const auto transition = item.key + ": cannot go from " + std::string(key_of(current)) + " to " +
                          std::string(key_of(next.state));
  if (current == item_state::done && next.state == item_state::not_started)
    problems.add("checklist.illegal_transition", where, transition + "; reopen it as in_progress");
  const bool needs_owner = next.state == item_state::in_progress || next.state == item_state::done;
  const bool needs_date = next.state == item_state::done ||
                          next.state == item_state::not_applicable;
  if (needs_owner && !next.owner)
    problems.add("checklist.missing_owner", where, transition + " without an owner");
  if (needs_date && (!next.on || next.on->is_special()))
    problems.add("checklist.missing_date", where, transition + " without a date");
  if (next.state == item_state::not_applicable && next.evidence.empty())
    problems.add("checklist.missing_reason", where, transition + " without a note saying why");
}

}  // namespace peerkit
