#pragma once
// The checklist a programme follows, as a policy of checklist_family.
//
// Available policies:
//   static_checklist<C>  the checklist is a type, checked by the Checklist concept at
//                        compile time: static_checklist<seven_step_plan> (the default),
//                        static_checklist<five_step_plan>, or a school's own type.
//   runtime_checklist    the checklist is a value, checked by validate() when built: items
//                        chosen by key from the shipped parts, or a whole definition read
//                        from settings.
// When to use: a school whose plan is fixed in code takes static_checklist; a front end
// that lets a school pick its items takes runtime_checklist. Both give the programme the
// same view, a checklist_definition.

#include <algorithm>
#include <concepts>
#include <peerkit/checklist/checklist.hpp>
#include <peerkit/checklist/plan_items.hpp>
#include <peerkit/checklist/seven_step_plan.hpp>
#include <peerkit/core/error.hpp>
#include <peerkit/core/policy.hpp>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

namespace peerkit {

/// A checklist policy: gives the checklist a programme follows.
template <class P>
concept ChecklistPolicy = PolicyOf<P, checklist_family> && requires(const P& p) {
  { p.definition() } -> std::convertible_to<const checklist_definition&>;
};

/// The checklist of a programme, fixed at compile time.
template <Checklist C>
struct static_checklist {
  using policy_family = checklist_family;
  using checklist_type = C;

  [[nodiscard]] const checklist_definition& definition() const {
    static const checklist_definition built = definition_of<C>();
    return built;
  }
};

/// The checklist a programme follows when it names none: the 7-step plan.
using default_checklist_policy = static_checklist<seven_step_plan>;

/// Every shipped item as a value, in the order of plan_items::all_items.
[[nodiscard]] const std::vector<item_definition>& item_catalogue();

/// A step of a checklist chosen at run time: its number, title and item keys.
struct step_choice {
  int number = 1;
  std::string title;
  std::vector<std::string> items;
  friend bool operator==(const step_choice&, const step_choice&) = default;
};

/// The checklist of a programme, chosen at run time.
class runtime_checklist {
 public:
  using policy_family = checklist_family;

  /// Takes a whole definition (a school's own items included). Throws peerkit::error
  /// when it breaks the checklist rules.
  explicit runtime_checklist(checklist_definition definition);

  /// A checklist of shipped items chosen by key. Throws peerkit::error for unknown keys
  /// (checklist.unknown_item, at `steps[i].items[j]`) and for broken checklist rules.
  static runtime_checklist choose(std::string name, const std::vector<step_choice>& steps);

  [[nodiscard]] const checklist_definition& definition() const noexcept { return definition_; }

 private:
  checklist_definition definition_;
};

}  // namespace peerkit

#ifndef PEERKIT_COMPILED
#include <peerkit/checklist/checklist_policy-inl.hpp>
#endif
