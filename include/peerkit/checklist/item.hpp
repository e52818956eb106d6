#pragma once
// One item of an implementation checklist, in two forms: a type (the parts a checklist
// is assembled from at compile time) and a value (item_definition, for checklists read
// or chosen at run time). An item is either ticked by people (with a date, an owner and
// evidence) or derived: decided from the programme's own data by a derived_check.
//
//   struct mentors_briefed : peerkit::item_defaults {
//     static constexpr std::string_view key = "mentors_briefed";
//     static constexpr std::string_view title = "Class mentors are briefed";
//     using depends_on = peerkit::item_list<peerkit::plan_items::first_year_mentors_involved>;
//   };

#include <array>
#include <concepts>
#include <cstdint>
#include <initializer_list>
#include <peerkit/core/enum_keys.hpp>
#include <peerkit/core/roles.hpp>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace peerkit {

/// Where an item stands.
enum class item_state { not_started, in_progress, done, not_applicable };

template <>
struct enum_keys<item_state> {
  static constexpr std::array<std::string_view, 4> keys{"not_started", "in_progress", "done",
                                                        "not_applicable"};
};

/// "not started" for item_state::not_started: the words for people.
[[nodiscard]] constexpr std::string_view words_for(item_state s) noexcept {
  constexpr std::array<std::string_view, 4> words{"not started", "in progress", "done",
                                                  "not applicable"};
  return words[static_cast<std::size_t>(s)];
}

/// True for the states that let an item's dependants go ahead: done, or not applicable.
[[nodiscard]] constexpr bool settled(item_state s) noexcept {
  return s == item_state::done || s == item_state::not_applicable;
}

/// When an item matters, which decides how the readiness report treats it when open.
enum class item_stage {
  before_start,  ///< must be done (or not applicable) before supporters start: blocks going live
  running,       ///< done while the programme runs (feedback, evaluation): open, not blocking
  sustaining,    ///< keeps the support base alive (step 7, draagvlak): at risk when open
};

template <>
struct enum_keys<item_stage> {
  static constexpr std::array<std::string_view, 3> keys{"before_start", "running", "sustaining"};
};

/// The checks that decide an item from the programme's data instead of a tick.
enum class derived_check {
  none,                             ///< ticked by people
  coordinator_appointed,            ///< a staff member holds the coordinator role
  teacher_coach_appointed,          ///< at least one staff member is a teacher coach
  more_teacher_coaches,             ///< more than one teacher coach (step 7)
  first_year_mentors_involved,      ///< every first-year class has a mentor in the programme
  supporters_ready_before_pairing,  ///< every paired supporter passed selection and training first
  intervision_at_cadence,           ///< intervision dates follow each role's cadence
  successors_named,                 ///< everyone in a programme role has a successor
  support_period_six_months,        ///< the buddy period lasts at least six months
};

/// Number of enumerators of derived_check, `none` included.
inline constexpr std::size_t derived_check_count = 9;

template <>
struct enum_keys<derived_check> {
  static constexpr std::array<std::string_view, derived_check_count> keys{
      "none",
      "coordinator_appointed",
      "teacher_coach_appointed",
      "more_teacher_coaches",
      "first_year_mentors_involved",
      "supporters_ready_before_pairing",
      "intervision_at_cadence",
      "successors_named",
      "support_period_six_months",
  };
};

/// The supporter roles an item is about; empty means every role. An item about peer
/// leaders only (their training, say) does not apply to a programme without leaders.
struct role_mask {
  std::uint32_t bits = 0;

  [[nodiscard]] static constexpr role_mask of(
      std::initializer_list<supporter_role> roles) noexcept {
    role_mask m;
    for (auto r : roles) m.bits |= bit(r);
    return m;
  }
  [[nodiscard]] constexpr bool every_role() const noexcept { return bits == 0; }
  [[nodiscard]] constexpr bool contains(supporter_role r) const noexcept {
    return every_role() || (bits & bit(r)) != 0;
  }
  /// True when the item applies to a programme running `run`. An empty `run` means the
  /// roles are not known yet, which rules nothing out.
  [[nodiscard]] constexpr bool applies_to(std::span<const supporter_role> run) const noexcept {
    if (every_role() || run.empty()) return true;
    for (auto r : run)
      if (contains(r)) return true;
    return false;
  }
  /// The roles in the mask, in enumeration order (empty for every role).
  [[nodiscard]] std::vector<supporter_role> roles() const;
  friend constexpr bool operator==(role_mask, role_mask) = default;

 private:
  static constexpr std::uint32_t bit(supporter_role r) noexcept {
    return std::uint32_t{1} << static_cast<unsigned>(r);
  }
};

/// The items an item depends on: they must be settled before it can be done.
template <class... Items>
struct item_list {};

/// Defaults for an item type: ticked by people, needed before the start, for every role,
/// no dependencies. An item derives from it and gives at least `key` and `title`.
struct item_defaults {
  using depends_on = item_list<>;
  static constexpr std::string_view detail{};
  static constexpr item_stage stage = item_stage::before_start;
  static constexpr derived_check derived = derived_check::none;
  static constexpr role_mask roles{};
};

namespace detail {
template <class T>
inline constexpr bool is_item_list = false;
template <class... Is>
inline constexpr bool is_item_list<item_list<Is...>> = true;

template <class T>
concept Keyed = requires {
  { T::key } -> std::convertible_to<std::string_view>;
};

template <class T>
inline constexpr bool all_keyed = false;
template <class... Is>
inline constexpr bool all_keyed<item_list<Is...>> = (Keyed<Is> && ...);
}  // namespace detail

/// An item type: a non-empty key and title, a detail, its stage, how it is decided, the
/// roles it is about, and an item_list of items (with keys) that it depends on.
template <class I>
concept ChecklistItem =
    requires {
      { I::key } -> std::convertible_to<std::string_view>;
      { I::title } -> std::convertible_to<std::string_view>;
      { I::detail } -> std::convertible_to<std::string_view>;
      { I::stage } -> std::convertible_to<item_stage>;
      { I::derived } -> std::convertible_to<derived_check>;
      { I::roles } -> std::convertible_to<role_mask>;
      typename I::depends_on;
    } && detail::is_item_list<typename I::depends_on> &&
    detail::all_keyed<typename I::depends_on> && (!std::string_view(I::key).empty()) &&
    (!std::string_view(I::title).empty());

/// An item as a value: what a checklist chosen or read at run time is made of.
struct item_definition {
  std::string key;    ///< stable identifier, used by progress records and files
  std::string title;  ///< short, for people
  std::string detail;
  std::vector<std::string> depends_on;  ///< keys of items in earlier positions
  item_stage stage = item_stage::before_start;
  derived_check derived = derived_check::none;
  role_mask roles{};

  [[nodiscard]] bool is_derived() const noexcept { return derived != derived_check::none; }
  friend bool operator==(const item_definition&, const item_definition&) = default;
};

namespace detail {
template <class... Ds>
std::vector<std::string> dependency_keys(item_list<Ds...>) {
  return {std::string(Ds::key)...};
}
}  // namespace detail

/// The value form of an item type.
template <ChecklistItem I>
[[nodiscard]] item_definition definition_of_item() {
  return item_definition{std::string(I::key),
                         std::string(I::title),
                         std::string(I::detail),
                         detail::dependency_keys(typename I::depends_on{}),
                         I::stage,
                         I::derived,
                         I::roles};
}

}  // namespace peerkit

#ifndef PEERKIT_COMPILED
#include <peerkit/checklist/item-inl.hpp>
#endif
