#pragma once
// A checklist: numbered steps, each holding items. Assembled at compile time from item
// types and checked by the Checklist concept, or held as a value (checklist_definition)
// and checked by validate(); both run the same structural rules:
//   - step numbers are at least 1, unique and ascending;
//   - no step is empty;
//   - every item is in exactly one step (no key twice, no dependency on an absent item);
//   - dependencies point backwards only: to an earlier step, or earlier in the same step.
//
//   using our_plan = peerkit::checklist<"Our plan",
//       peerkit::checklist_step<1, "Support base", plan_items::inform_everyone,
//                               plan_items::coordinator_appointed>,
//       peerkit::checklist_step<2, "Staff", plan_items::teacher_coach_appointed>>;
//   static_assert(peerkit::Checklist<our_plan>);

#include <algorithm>
#include <array>
#include <cstddef>
#include <optional>
#include <peerkit/checklist/item.hpp>
#include <peerkit/core/error.hpp>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace peerkit {

/// A string usable as a template argument: `checklist_step<1, "Build support", ...>`.
template <std::size_t N>
struct fixed_string {
  char chars[N]{};
  constexpr fixed_string(const char (&text)[N]) noexcept {  // NOLINT: implicit by design
    std::copy_n(text, N, chars);
  }
  [[nodiscard]] constexpr std::string_view view() const noexcept { return {chars, N - 1}; }
};

/// A step of a checklist: its number, its title and its items in order.
template <int Number, fixed_string Title, class... Items>
struct checklist_step {
  static constexpr int number = Number;
  static constexpr std::string_view title = Title.view();
  using items = item_list<Items...>;
};

/// The steps of a checklist, in order.
template <class... Steps>
struct step_list {};

/// A checklist assembled from steps. Model of Checklist when its structure is sound.
template <fixed_string Name, class... Steps>
struct checklist {
  static constexpr std::string_view name = Name.view();
  using steps = step_list<Steps...>;
};

/// A step as a value.
struct step_definition {
  int number = 1;
  std::string title;
  std::vector<item_definition> items;
  friend bool operator==(const step_definition&, const step_definition&) = default;
};

/// Where an item sits: step number and 1-based position in the step ("3.2").
struct item_position {
  int step = 0;
  int position = 0;
  [[nodiscard]] std::string label() const;
  friend constexpr bool operator==(item_position, item_position) = default;
};

/// A checklist as a value: what the run-time parts of the library work on.
struct checklist_definition {
  std::string name;
  std::vector<step_definition> steps;

  /// The item with `key`, or nullptr.
  [[nodiscard]] const item_definition* find(std::string_view key) const noexcept {
    for (const auto& s : steps)
      for (const auto& i : s.items)
        if (i.key == key) return &i;
    return nullptr;
  }
  /// Where the item with `key` sits, if it is in the checklist.
  [[nodiscard]] std::optional<item_position> position_of(std::string_view key) const noexcept {
    for (const auto& s : steps)
      for (std::size_t i = 0; i < s.items.size(); ++i)
        if (s.items[i].key == key) return item_position{s.number, static_cast<int>(i) + 1};
    return std::nullopt;
  }
  /// The step numbered `number`, or nullptr.
  [[nodiscard]] const step_definition* step(int number) const noexcept {
    for (const auto& s : steps)
      if (s.number == number) return &s;
    return nullptr;
  }
  [[nodiscard]] std::size_t item_count() const noexcept {
    std::size_t n = 0;
    for (const auto& s : steps) n += s.items.size();
    return n;
  }
  friend bool operator==(const checklist_definition&, const checklist_definition&) = default;
};

namespace detail {

enum class structure_fault {
  step_number,         ///< below 1, or not above the previous step's number
  empty_step,          ///< a step without items
  missing_key,         ///< an item without key or title
  duplicate_item,      ///< a key that an earlier item already has
  unknown_dependency,  ///< a dependency on a key that is in no step
  forward_dependency,  ///< a dependency on the item itself or on a later one
};

inline constexpr std::size_t no_index = static_cast<std::size_t>(-1);

struct structure_finding {
  structure_fault fault{};
  std::size_t step = no_index;        ///< index of the step in declaration order
  std::size_t item = no_index;        ///< index of the item in its step
  std::size_t dependency = no_index;  ///< index in the item's depends_on
  std::size_t other_step = no_index;  ///< the earlier step, or the item referred to
  std::size_t other_item = no_index;
};

// The one implementation of the structural rules. `steps` is an indexable range of
// objects with `.number` and `.items`; items have `.key`, `.title` and `.depends_on`.
// Runs in constant evaluation for the Checklist concept and at run time for validate().
template <class Steps, class Sink>
constexpr void check_structure(const Steps& steps, Sink&& sink) {
  auto key_of_item = [&](std::size_t s, std::size_t i) -> std::string_view {
    return steps[s].items[i].key;
  };
  auto locate = [&](std::string_view key, std::size_t& found_step, std::size_t& found_item) {
    for (std::size_t s = 0; s < std::size(steps); ++s)
      for (std::size_t i = 0; i < std::size(steps[s].items); ++i)
        if (key_of_item(s, i) == key) {
          found_step = s;
          found_item = i;
          return true;
        }
    return false;
  };
  for (std::size_t s = 0; s < std::size(steps); ++s) {
    const auto& st = steps[s];
    if (st.number < 1 || (s > 0 && st.number <= steps[s - 1].number))
      sink(structure_finding{structure_fault::step_number, s, no_index, no_index,
                             s > 0 ? s - 1 : no_index, no_index});
    if (std::size(st.items) == 0) sink(structure_finding{structure_fault::empty_step, s});
    for (std::size_t i = 0; i < std::size(st.items); ++i) {
      const auto& item = st.items[i];
      const std::string_view key = item.key;
      const std::string_view title = item.title;
      if (key.empty() || title.empty()) sink(structure_finding{structure_fault::missing_key, s, i});
      std::size_t fs = 0, fi = 0;
      if (!key.empty() && locate(key, fs, fi) && (fs != s || fi != i))
        sink(structure_finding{structure_fault::duplicate_item, s, i, no_index, fs, fi});
      for (std::size_t d = 0; d < std::size(item.depends_on); ++d) {
        if (!locate(item.depends_on[d], fs, fi))
          sink(structure_finding{structure_fault::unknown_dependency, s, i, d});
        else if (fs > s || (fs == s && fi >= i))
          sink(structure_finding{structure_fault::forward_dependency, s, i, d, fs, fi});
      }
    }
  }
}

// Compile-time views of item and step types, with static storage so spans stay valid.
struct static_item_view {
  std::string_view key;
  std::string_view title;
  std::span<const std::string_view> depends_on;
};
struct static_step_view {
  int number = 0;
  std::span<const static_item_view> items;
};

template <class List>
struct dependency_key_array;
template <class... Ds>
struct dependency_key_array<item_list<Ds...>> {
  static constexpr std::array<std::string_view, sizeof...(Ds)> value{std::string_view(Ds::key)...};
};

template <class Items>
struct item_view_array;
template <class... Is>
struct item_view_array<item_list<Is...>> {
  static constexpr std::array<static_item_view, sizeof...(Is)> value{static_item_view{
      Is::key, Is::title,
      std::span<const std::string_view>(dependency_key_array<typename Is::depends_on>::value)}...};
};

template <class Steps>
struct step_view_array;
template <class... Ss>
struct step_view_array<step_list<Ss...>> {
  static constexpr std::array<static_step_view, sizeof...(Ss)> value{static_step_view{
      Ss::number,
      std::span<const static_item_view>(item_view_array<typename Ss::items>::value)}...};
};

struct structure_counts {
  int step_numbers = 0;
  int empty_steps = 0;
  int missing_keys = 0;
  int duplicate_items = 0;
  int unknown_dependencies = 0;
  int forward_dependencies = 0;
};

template <class C>
constexpr structure_counts count_structure_faults() {
  structure_counts counts;
  check_structure(step_view_array<typename C::steps>::value, [&](const structure_finding& f) {
    switch (f.fault) {
      case structure_fault::step_number: ++counts.step_numbers; break;
      case structure_fault::empty_step: ++counts.empty_steps; break;
      case structure_fault::missing_key: ++counts.missing_keys; break;
      case structure_fault::duplicate_item: ++counts.duplicate_items; break;
      case structure_fault::unknown_dependency: ++counts.unknown_dependencies; break;
      case structure_fault::forward_dependency: ++counts.forward_dependencies; break;
    }
  });
  return counts;
}

template <class T>
concept ChecklistStepShape = requires {
  { T::number } -> std::convertible_to<int>;
  { T::title } -> std::convertible_to<std::string_view>;
  typename T::items;
};

template <class T>
inline constexpr bool step_items_are_items = false;
template <class... Is>
inline constexpr bool step_items_are_items<item_list<Is...>> = (ChecklistItem<Is> && ...);

template <class T>
inline constexpr bool steps_are_steps = false;
template <class... Ss>
inline constexpr bool steps_are_steps<step_list<Ss...>> =
    sizeof...(Ss) >= 1 &&
    ((ChecklistStepShape<Ss> && step_items_are_items<typename Ss::items>) && ...);

template <class C>
concept ChecklistShape = requires {
  { C::name } -> std::convertible_to<std::string_view>;
  typename C::steps;
} && steps_are_steps<typename C::steps>;

// Each rule is a separate constraint, so a compiler names the one that failed.
template <class C>
concept step_numbers_unique_and_ascending = count_structure_faults<C>().step_numbers == 0;
template <class C>
concept no_empty_steps = count_structure_faults<C>().empty_steps == 0;
template <class C>
concept every_item_in_exactly_one_step = count_structure_faults<C>().duplicate_items == 0 &&
                                         count_structure_faults<C>().unknown_dependencies == 0;
template <class C>
concept dependencies_point_backwards = count_structure_faults<C>().forward_dependencies == 0;

template <class Steps>
struct step_definitions;
template <class... Ss>
struct step_definitions<step_list<Ss...>> {
  template <class... Is>
  static std::vector<item_definition> items(item_list<Is...>) {
    return {definition_of_item<Is>()...};
  }
  static std::vector<step_definition> make() {
    return {step_definition{Ss::number, std::string(Ss::title), items(typename Ss::items{})}...};
  }
};
}  // namespace detail

/// A checklist type whose structure is sound: at least one step; step numbers at least
/// 1, unique and ascending; no empty step; every item (dependencies included) in exactly
/// one step; dependencies pointing backwards only.
template <class C>
concept Checklist = detail::ChecklistShape<C> && detail::step_numbers_unique_and_ascending<C> &&
                    detail::no_empty_steps<C> && detail::every_item_in_exactly_one_step<C> &&
                    detail::dependencies_point_backwards<C>;

/// The value form of a checklist type.
template <Checklist C>
[[nodiscard]] checklist_definition definition_of() {
  return checklist_definition{std::string(C::name),
                              detail::step_definitions<typename C::steps>::make()};
}

/// Checks a checklist value with the rules of the Checklist concept. Throws
/// peerkit::error listing every problem, with locations such as `steps[2].items[1]`.
void validate(const checklist_definition& c);

}  // namespace peerkit

#ifndef PEERKIT_COMPILED
#include <peerkit/checklist/checklist-inl.hpp>
#endif
