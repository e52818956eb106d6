#pragma once
// Definitions of checklist.hpp: inline here in header-only mode, compiled once into
// peerkit::compiled when PEERKIT_COMPILED is defined (see config.hpp).

#include <peerkit/checklist/checklist.hpp>
#include <peerkit/config.hpp>

namespace peerkit {

PEERKIT_INLINE std::string item_position::label() const {
  return std::to_string(step) + "." + std::to_string(position);
}

PEERKIT_INLINE void validate(const checklist_definition& c) {
  problem_list problems;
  if (c.name.empty()) problems.add("checklist.missing", "name", "a checklist needs a name");
  if (c.steps.empty())
    problems.add("checklist.empty", "steps", "a checklist needs at least one step");
  auto item_at = [&](std::size_t s, std::size_t i) {
    return element_location("steps", s) + "." + element_location("items", i);
  };
  detail::check_structure(c.steps, [&](const detail::structure_finding& f) {
    using detail::structure_fault;
    switch (f.fault) {
      case structure_fault::step_number:
        problems.add("checklist.step_number", element_location("steps", f.step) + ".number",
                     "step numbers must be at least 1, unique and ascending; found " +
                         std::to_string(c.steps[f.step].number) +
                         (f.other_step == detail::no_index
                              ? std::string()
                              : " after " + std::to_string(c.steps[f.other_step].number)));
        break;
      case structure_fault::empty_step:
        problems.add("checklist.empty_step", element_location("steps", f.step) + ".items",
                     "step " + std::to_string(c.steps[f.step].number) + " has no items");
        break;
      case structure_fault::missing_key:
        problems.add("checklist.missing", item_at(f.step, f.item),
                     "an item needs a key and a title");
        break;
      case structure_fault::duplicate_item:
        problems.add("checklist.duplicate_item", item_at(f.step, f.item) + ".key",
                     c.steps[f.step].items[f.item].key + " is already in step " +
                         std::to_string(c.steps[f.other_step].number) + " (" +
                         item_at(f.other_step, f.other_item) +
                         "); an item belongs to exactly one step");
        break;
      case structure_fault::unknown_dependency:
        problems.add("checklist.unknown_dependency",
                     item_at(f.step, f.item) + "." + element_location("depends_on", f.dependency),
                     c.steps[f.step].items[f.item].key + " depends on " +
                         c.steps[f.step].items[f.item].depends_on[f.dependency] +
                         ", which is in no step of the checklist");
        break;
      case structure_fault::forward_dependency:
        problems.add("checklist.forward_dependency",
                     item_at(f.step, f.item) + "." + element_location("depends_on", f.dependency),
                     c.steps[f.step].items[f.item].key + " depends on " +
                         c.steps[f.step].items[f.item].depends_on[f.dependency] + " (step " +
                         std::to_string(c.steps[f.other_step].number) +
                         "), which does not come before it; dependencies must point backwards");
        break;
    }
  });
  for (std::size_t s = 0; s < c.steps.size(); ++s)
    if (c.steps[s].title.empty())
      problems.add("checklist.missing", element_location("steps", s) + ".title",
                   "a step needs a title");
  problems.throw_if_any();
}

}  // namespace peerkit
