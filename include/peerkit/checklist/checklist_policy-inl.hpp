#pragma once
// Definitions of checklist_policy.hpp: inline here in header-only mode, compiled once into
// peerkit::compiled when PEERKIT_COMPILED is defined (see config.hpp).

#include <peerkit/checklist/checklist_policy.hpp>
#include <peerkit/config.hpp>

namespace peerkit {

namespace detail {
template <class... Is>
std::vector<item_definition> catalogue_of(item_list<Is...>) {
  return {definition_of_item<Is>()...};
}
}  // namespace detail

PEERKIT_INLINE const std::vector<item_definition>& item_catalogue() {
  static const std::vector<item_definition> items = detail::catalogue_of(plan_items::all_items{});
  return items;
}

PEERKIT_INLINE runtime_checklist::runtime_checklist(checklist_definition definition)
    : definition_(std::move(definition)) {
  validate(definition_);
}

PEERKIT_INLINE runtime_checklist runtime_checklist::choose(std::string name,
                                                           const std::vector<step_choice>& steps) {
  checklist_definition def{std::move(name), {}};
  problem_list problems;
  for (std::size_t s = 0; s < steps.size(); ++s) {
    step_definition step{steps[s].number, steps[s].title, {}};
    for (std::size_t i = 0; i < steps[s].items.size(); ++i) {
      const auto& key = steps[s].items[i];
      auto it = std::find_if(item_catalogue().begin(), item_catalogue().end(),
                             [&](const item_definition& d) { return d.key == key; });
      if (it == item_catalogue().end())
        problems.add("checklist.unknown_item",
                     element_location("steps", s) + "." + element_location("items", i),
                     key + " is not a shipped checklist item");
      else
        step.items.push_back(*it);
    }
    def.steps.push_back(std::move(step));
  }
  problems.throw_if_any();
  return runtime_checklist(std::move(def));
}

}  // namespace peerkit
