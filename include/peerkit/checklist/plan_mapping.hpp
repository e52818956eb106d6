#pragma once
// How two checklists correspond. The 7-step plan and the Peer2Peer 5-step plan describe
// the same life cycle at a different grain: a school follows one. The mapping links
// steps (7-step step 4 "select peers" lies in 5-step step 3 "recruitment, selection and
// training"); items both plans name are the same type, so their progress carries over.
//
//   corresponding_steps<seven_step_plan, five_step_plan>(3)  // {2}
//   carry_over<five_step_plan, seven_step_plan>(book)        // a 7-step progress book

#include <algorithm>
#include <array>
#include <cstddef>
#include <optional>
#include <peerkit/checklist/checklist.hpp>
#include <peerkit/checklist/five_step_plan.hpp>
#include <peerkit/checklist/progress.hpp>
#include <peerkit/checklist/seven_step_plan.hpp>
#include <peerkit/config.hpp>
#include <string>
#include <vector>

namespace peerkit {

/// Step `from` of one checklist covers (part of) step `to` of another.
struct step_link {
  int from = 0;
  int to = 0;
  friend constexpr bool operator==(step_link, step_link) = default;
};

/// The links from checklist From to checklist To: specialise with
/// `static constexpr std::array<step_link, N> links`.
template <class From, class To>
struct step_mapping;

namespace detail {
template <std::size_t N>
constexpr std::array<step_link, N> inverted_links(std::array<step_link, N> links) {
  for (auto& l : links) l = {l.to, l.from};
  std::sort(links.begin(), links.end(), [](step_link a, step_link b) {
    return a.from != b.from ? a.from < b.from : a.to < b.to;
  });
  return links;
}
}  // namespace detail

/// 7-step plan to 5-step plan. Building support (1) spans orientation (1) and the plan of
/// approach (2); involving staff (2) is planned (2) and recruited (3); goals and content
/// (3) are written into the plan (2); selection (4) and training (5) are step 3;
/// supervision and quality (6) are execution (4) and evaluation (5); keeping support (7)
/// is evaluation and updating (5).
template <>
struct step_mapping<seven_step_plan, five_step_plan> {
  static constexpr std::array<step_link, 10> links{{
      {1, 1},
      {1, 2},
      {2, 2},
      {2, 3},
      {3, 2},
      {4, 3},
      {5, 3},
      {6, 4},
      {6, 5},
      {7, 5},
  }};
};

/// 5-step plan to 7-step plan: the same links, read the other way.
template <>
struct step_mapping<five_step_plan, seven_step_plan> {
  static constexpr auto links = detail::inverted_links(
      step_mapping<seven_step_plan, five_step_plan>::links);
};

namespace detail {
template <class C>
constexpr bool checklist_has_step(int number) {
  for (const auto& s : step_view_array<typename C::steps>::value)
    if (s.number == number) return true;
  return false;
}

template <class C>
constexpr std::optional<int> step_holding_key(std::string_view key) {
  for (const auto& s : step_view_array<typename C::steps>::value)
    for (const auto& i : s.items)
      if (i.key == key) return s.number;
  return std::nullopt;
}

template <class Links>
constexpr bool steps_linked(const Links& links, int from, int to) {
  for (const auto& l : links)
    if (l.from == from && l.to == to) return true;
  return false;
}

// Links name existing steps; every step of both checklists is linked; an item in both
// checklists sits in steps that are linked to each other.
template <class From, class To>
constexpr bool mapping_sound() {
  constexpr const auto& links = step_mapping<From, To>::links;
  for (const auto& l : links)
    if (!checklist_has_step<From>(l.from) || !checklist_has_step<To>(l.to)) return false;
  for (const auto& s : step_view_array<typename From::steps>::value)
    if (std::none_of(links.begin(), links.end(),
                     [&](const step_link& l) { return l.from == s.number; }))
      return false;
  for (const auto& s : step_view_array<typename To::steps>::value)
    if (std::none_of(links.begin(), links.end(),
                     [&](const step_link& l) { return l.to == s.number; }))
      return false;
  for (const auto& s : step_view_array<typename From::steps>::value)
    for (const auto& i : s.items)
      if (auto there = step_holding_key<To>(i.key); there && !steps_linked(links, s.number, *there))
        return false;
  return true;
}
}  // namespace detail

/// A sound mapping between two checklists (see detail::mapping_sound).
template <class From, class To>
concept StepMapping = Checklist<From> && Checklist<To> && requires {
  { step_mapping<From, To>::links.size() } -> std::convertible_to<std::size_t>;
  { step_mapping<From, To>::links[0] } -> std::convertible_to<step_link>;
} && detail::mapping_sound<From, To>();

/// The steps of To that step `from_step` of From corresponds to, ascending.
template <class From, class To>
  requires StepMapping<From, To>
[[nodiscard]] std::vector<int> corresponding_steps(int from_step) {
  std::vector<int> steps;
  for (const auto& l : step_mapping<From, To>::links)
    if (l.from == from_step) steps.push_back(l.to);
  std::sort(steps.begin(), steps.end());
  return steps;
}

/// Where an item of one checklist lands in another.
struct item_counterpart {
  std::string key;
  item_position from;
  std::optional<item_position> same_item;  ///< where the same item sits in the other checklist
  std::vector<int> steps;                  ///< the steps its step corresponds to
  friend bool operator==(const item_counterpart&, const item_counterpart&) = default;
};

/// Every item of From, in order, with its place in To.
template <class From, class To>
  requires StepMapping<From, To>
[[nodiscard]] std::vector<item_counterpart> map_items() {
  const auto from = definition_of<From>();
  const auto to = definition_of<To>();
  std::vector<item_counterpart> mapped;
  for (const auto& step : from.steps)
    for (const auto& item : step.items)
      mapped.push_back({item.key, *from.position_of(item.key), to.position_of(item.key),
                        corresponding_steps<From, To>(step.number)});
  return mapped;
}

/// A progress book for To holding the records of `book` (kept for From) whose items To
/// also has. Records of items only From has are left behind: map_items says where
/// their work lies in To.
template <class From, class To>
  requires StepMapping<From, To>
[[nodiscard]] progress_book carry_over(const progress_book& book) {
  PEERKIT_ASSERT(book.definition() == definition_of<From>(),
                 "carry_over: the book is not kept for From");
  auto to = definition_of<To>();
  progress_book::record_map records;
  for (const auto& [key, record] : book.records())
    if (to.find(key)) records.emplace(key, record);
  return progress_book::restore(std::move(to), std::move(records));
}

}  // namespace peerkit
