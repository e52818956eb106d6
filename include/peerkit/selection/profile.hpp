#pragma once
// Criteria profiles: what a school asks of the supporters of a role (source 000 step 4).
// A profile has required traits (a minimum rating, and a weight in the score), welcome
// traits (a weight only: they can be learned on the job) and gates (at most N fail marks,
// a minimum average grade, a motivation letter, an interview).
//
// Written as a type, a profile is checked when it is compiled:
//
//   using our_buddy_profile = peerkit::criteria_profile<
//       peerkit::required<peerkit::empathy, 3, 2>, peerkit::welcome<peerkit::flexible>,
//       peerkit::max_fail_marks<2>, peerkit::interview_required>;
//
// One profile extends another: `extend<buddy_profile, required<intercultural_interest, 3>>`.
// The same profile built from values at run time is a runtime_profile, checked by validate().
// Both forms run the same rules (detail::check_profile_rules):
//   - every trait key is one word;
//   - each trait is listed once, as required or as welcome;
//   - a required trait weighs 0 or more, a welcome trait 1 or more;
//   - at most N fail marks takes an N of 0 or more; a minimum average lies within 1.0..10.0;
//   - every minimum rating lies on the school's rating scale, where the scale is known (the
//     selection policy and validate() know it; a profile type alone does not).

#include <algorithm>
#include <array>
#include <concepts>
#include <cstddef>
#include <optional>
#include <ranges>
#include <string>
#include <string_view>
#include <vector>

#include <peerkit/core/error.hpp>
#include <peerkit/core/student.hpp>
#include <peerkit/selection/rating_scale.hpp>
#include <peerkit/selection/traits.hpp>

namespace peerkit {

/// A required trait as a compile-time profile states it.
struct trait_minimum {
  std::string_view trait{};
  int minimum = 0;  ///< a lower rating rejects the candidate
  int weight = 1;   ///< weight × rating is added to the score; 0 makes it a pure gate
  friend constexpr bool operator==(const trait_minimum&, const trait_minimum&) = default;
};

/// A welcome trait as a compile-time profile states it.
struct trait_weight {
  std::string_view trait{};
  int weight = 1;  ///< weight × rating is added to the score
  friend constexpr bool operator==(const trait_weight&, const trait_weight&) = default;
};

/// The conditions besides traits that every candidate must meet.
struct selection_gates {
  std::optional<int> max_fail_marks{};  ///< more fail marks (grades below 5.5) reject
  std::optional<tenths> min_average{};  ///< a lower average grade, or no grades, rejects
  bool motivation_letter = false;       ///< the application must have reached letter_received
  bool interview = false;               ///< the candidate must have been interviewed

  /// Lays `over` on these gates: a limit it sets replaces ours, a requirement it sets is added.
  constexpr void merge(const selection_gates& over) noexcept {
    if (over.max_fail_marks) max_fail_marks = over.max_fail_marks;
    if (over.min_average) min_average = over.min_average;
    motivation_letter = motivation_letter || over.motivation_letter;
    interview = interview || over.interview;
  }
  friend constexpr bool operator==(const selection_gates&, const selection_gates&) = default;
};

namespace detail {
enum class profile_fault {
  trait_key,           ///< a trait key that is empty or not one word
  minimum_off_scale,   ///< a required trait's minimum outside the rating scale
  required_weight,     ///< a required trait weighing below 0
  welcome_weight,      ///< a welcome trait weighing below 1
  listed_twice,        ///< a trait listed before, as required or as welcome
  fail_marks,          ///< a fail-mark limit below 0
  average_off_grades,  ///< a minimum average outside the grade scale
};

enum class profile_list { required, welcome, gates };

struct profile_finding {
  profile_fault fault{};
  profile_list list = profile_list::gates;  ///< where: a required or welcome entry, or the gates
  std::size_t index = 0;                    ///< the entry's index in its list
  profile_list first_list = profile_list::gates;  ///< listed_twice: where the trait came first
  std::size_t first_index = 0;
};

// The one implementation of a profile's rules. `required` is a range of entries with
// `.trait`, `.minimum` and `.weight`, `welcome` one of entries with `.trait` and `.weight`.
// Minimums are checked against `scale` when it is given. Runs in constant evaluation for
// CriteriaProfile and criteria_profile, and at run time for validate().
template <class Required, class Welcome, class Sink>
constexpr void check_profile_rules(const Required& required, const Welcome& welcome,
                                   const selection_gates& gates, std::optional<rating_scale> scale,
                                   Sink&& sink) {
  auto first_in = [](const auto& list, std::string_view trait, std::size_t before) {
    std::size_t i = 0;
    for (const auto& e : list) {
      if (i == before) break;
      if (std::string_view(e.trait) == trait) return i;
      ++i;
    }
    return before;
  };
  std::size_t i = 0;
  for (const auto& r : required) {
    if (!valid_trait_key(r.trait))
      sink(profile_finding{profile_fault::trait_key, profile_list::required, i});
    if (scale && !scale->contains(r.minimum))
      sink(profile_finding{profile_fault::minimum_off_scale, profile_list::required, i});
    if (r.weight < 0)
      sink(profile_finding{profile_fault::required_weight, profile_list::required, i});
    if (auto j = first_in(required, r.trait, i); j < i)
      sink(profile_finding{profile_fault::listed_twice, profile_list::required, i,
                           profile_list::required, j});
    ++i;
  }
  i = 0;
  for (const auto& w : welcome) {
    if (!valid_trait_key(w.trait))
      sink(profile_finding{profile_fault::trait_key, profile_list::welcome, i});
    if (w.weight < 1)
      sink(profile_finding{profile_fault::welcome_weight, profile_list::welcome, i});
    if (auto j = first_in(welcome, w.trait, i); j < i)
      sink(profile_finding{profile_fault::listed_twice, profile_list::welcome, i,
                           profile_list::welcome, j});
    const auto required_count = static_cast<std::size_t>(
        std::distance(std::begin(required), std::end(required)));
    if (auto j = first_in(required, w.trait, required_count); j < required_count)
      sink(profile_finding{profile_fault::listed_twice, profile_list::welcome, i,
                           profile_list::required, j});
    ++i;
  }
  if (gates.max_fail_marks && *gates.max_fail_marks < 0)
    sink(profile_finding{profile_fault::fail_marks});
  if (gates.min_average && !on_grade_scale(*gates.min_average))
    sink(profile_finding{profile_fault::average_off_grades});
}

/// How many findings of `fault` the rules make.
template <class Required, class Welcome>
constexpr int count_profile_faults(const Required& required, const Welcome& welcome,
                                   const selection_gates& gates, profile_fault fault,
                                   std::optional<rating_scale> scale = std::nullopt) {
  int n = 0;
  check_profile_rules(required, welcome, gates, scale,
                      [&](const profile_finding& f) { n += f.fault == fault ? 1 : 0; });
  return n;
}
template <class P>
constexpr int profile_faults(profile_fault fault,
                             std::optional<rating_scale> scale = std::nullopt) {
  return count_profile_faults(P::required, P::welcome, selection_gates{P::gates}, fault, scale);
}

template <class P>
concept ProfileShape = requires {
  { P::gates } -> std::convertible_to<selection_gates>;
  requires std::ranges::forward_range<decltype(P::required)>;
  requires std::ranges::forward_range<decltype(P::welcome)>;
  requires std::same_as<std::ranges::range_value_t<decltype(P::required)>, trait_minimum>;
  requires std::same_as<std::ranges::range_value_t<decltype(P::welcome)>, trait_weight>;
};

// Each rule is a separate constraint, so a compiler names the one that failed.
template <class P>
concept trait_keys_are_words = profile_faults<P>(profile_fault::trait_key) == 0;
template <class P>
concept each_trait_listed_once = profile_faults<P>(profile_fault::listed_twice) == 0;
template <class P>
concept weights_in_range = profile_faults<P>(profile_fault::required_weight) == 0 &&
                           profile_faults<P>(profile_fault::welcome_weight) == 0;
template <class P>
concept gates_in_range = profile_faults<P>(profile_fault::fail_marks) == 0 &&
                         profile_faults<P>(profile_fault::average_off_grades) == 0;
}  // namespace detail

/// A criteria profile known at compile time: constant `required` (trait_minimum) and
/// `welcome` (trait_weight) ranges and `gates`, keeping the rules at the top of this header.
template <class P>
concept CriteriaProfile = detail::ProfileShape<P> && detail::trait_keys_are_words<P> &&
                          detail::each_trait_listed_once<P> && detail::weights_in_range<P> &&
                          detail::gates_in_range<P>;

// The parts a profile is composed of.

/// A trait the candidate must have rated at least `Minimum`; adds `Weight` × rating to the score.
template <Trait T, int Minimum, int Weight = 1>
struct required {
  static constexpr trait_minimum entry{T::key, Minimum, Weight};
};

/// A trait that counts in the score (`Weight` × rating) but rejects nobody.
template <Trait T, int Weight = 1>
struct welcome {
  static constexpr trait_weight entry{T::key, Weight};
};

/// Gate: at most `N` fail marks on the last report.
template <int N>
struct max_fail_marks {
  static constexpr std::string_view gate = "max_fail_marks";
  static constexpr void apply(selection_gates& g) noexcept { g.max_fail_marks = N; }
};

/// Gate: an average report grade of at least `Whole`.`Tenths` (min_average<5, 5> is 5.5).
template <int Whole, int Tenths = 0>
  requires(Tenths >= 0 && Tenths <= 9)
struct min_average {
  static constexpr std::string_view gate = "min_average";
  static constexpr void apply(selection_gates& g) noexcept {
    g.min_average = tenths::from_count(Whole * 10 + Tenths);
  }
};

/// Gate: the candidate handed in a motivation letter.
struct motivation_letter_required {
  static constexpr std::string_view gate = "motivation_letter";
  static constexpr void apply(selection_gates& g) noexcept { g.motivation_letter = true; }
};

/// Gate: the candidate was interviewed, individually or in a group.
struct interview_required {
  static constexpr std::string_view gate = "interview";
  static constexpr void apply(selection_gates& g) noexcept { g.interview = true; }
};

namespace detail {
template <class P>
inline constexpr bool is_required_part = false;
template <class T, int M, int W>
inline constexpr bool is_required_part<required<T, M, W>> = true;

template <class P>
inline constexpr bool is_welcome_part = false;
template <class T, int W>
inline constexpr bool is_welcome_part<welcome<T, W>> = true;

template <class P>
concept GatePart = requires(selection_gates& g) {
  { P::gate } -> std::convertible_to<std::string_view>;
  P::apply(g);
};
}  // namespace detail

/// What criteria_profile accepts: required<>, welcome<>, a gate, or a profile to extend.
template <class P>
concept ProfilePart = detail::is_required_part<P> || detail::is_welcome_part<P> ||
                      detail::GatePart<P> || CriteriaProfile<P>;

namespace detail {
template <std::size_t R, std::size_t W>
struct profile_buffer {
  std::array<trait_minimum, R> required{};
  std::size_t required_count = 0;
  std::array<trait_weight, W> welcome{};
  std::size_t welcome_count = 0;
  selection_gates gates{};

  template <class Entry, std::size_t N>
  static constexpr void drop(std::array<Entry, N>& list, std::size_t& count, std::string_view key) {
    for (std::size_t i = 0; i < count; ++i)
      if (list[i].trait == key) {
        for (std::size_t j = i + 1; j < count; ++j) list[j - 1] = list[j];
        --count;
        return;
      }
  }
  template <class Entry, std::size_t N>
  static constexpr void put(std::array<Entry, N>& list, std::size_t& count, Entry e) {
    for (std::size_t i = 0; i < count; ++i)
      if (list[i].trait == e.trait) {
        list[i] = e;
        return;
      }
    list[count++] = e;
  }
  constexpr void add(trait_minimum r) {
    drop(welcome, welcome_count, r.trait);
    put(required, required_count, r);
  }
  constexpr void add(trait_weight w) {
    drop(required, required_count, w.trait);
    put(welcome, welcome_count, w);
  }
};

template <class P>
constexpr std::size_t required_room() {
  if constexpr (is_required_part<P>)
    return 1;
  else if constexpr (CriteriaProfile<P>)
    return std::ranges::size(P::required);
  else
    return 0;
}
template <class P>
constexpr std::size_t welcome_room() {
  if constexpr (is_welcome_part<P>)
    return 1;
  else if constexpr (CriteriaProfile<P>)
    return std::ranges::size(P::welcome);
  else
    return 0;
}

template <class P, class Buffer>
constexpr void apply_base(Buffer& b) {
  if constexpr (CriteriaProfile<P>) {
    for (const trait_minimum& r : P::required) b.add(r);
    for (const trait_weight& w : P::welcome) b.add(w);
    b.gates.merge(P::gates);
  }
}
template <class P, class Buffer>
constexpr void apply_own(Buffer& b) {
  if constexpr (is_required_part<P> || is_welcome_part<P>)
    b.add(P::entry);
  else if constexpr (GatePart<P>)
    P::apply(b.gates);
}

// Bases first, then the profile's own parts, so that its own parts override its bases
// wherever they are listed.
template <class... Parts>
constexpr auto merge_parts() {
  profile_buffer<(std::size_t{0} + ... + required_room<Parts>()),
                 (std::size_t{0} + ... + welcome_room<Parts>())>
      b{};
  (apply_base<Parts>(b), ...);
  (apply_own<Parts>(b), ...);
  return b;
}

// The identity of a profile's own part: its trait key (required or welcome alike), or the
// gate's name; empty for a base profile. Two own parts with the same identity clash.
template <class P>
constexpr std::string_view own_part_identity() {
  if constexpr (is_required_part<P> || is_welcome_part<P>)
    return P::entry.trait;
  else if constexpr (GatePart<P>)
    return P::gate;
  else
    return {};
}
template <class... Parts>
constexpr bool own_parts_distinct() {
  constexpr std::size_t n = sizeof...(Parts);
  if constexpr (n == 0) {
    return true;
  } else {
    const std::array<std::string_view, n> ids{own_part_identity<Parts>()...};
    const std::array<bool, n> gate{GatePart<Parts>...};
    for (std::size_t i = 0; i < n; ++i)
      for (std::size_t j = i + 1; j < n; ++j)
        if (!ids[i].empty() && ids[i] == ids[j] && gate[i] == gate[j]) return false;
    return true;
  }
}

template <std::size_t N, class Entry, std::size_t Room>
constexpr std::array<Entry, N> profile_take(const std::array<Entry, Room>& list) {
  std::array<Entry, N> out{};
  for (std::size_t i = 0; i < N; ++i) out[i] = list[i];
  return out;
}
}  // namespace detail

/// A profile composed at compile time from required<>, welcome<>, gates and base profiles.
/// Each trait and gate is listed at most once among the profile's own parts; the profile's
/// own parts override its bases (a trait it requires is no longer merely welcome, a limit
/// it sets replaces the base's).
template <ProfilePart... Parts>
struct criteria_profile {
  static_assert(detail::own_parts_distinct<Parts...>(),
                "criteria_profile: a trait or a gate is listed twice; list each once "
                "(a profile that extends another may override what its base says)");

 private:
  static constexpr auto merged_ = detail::merge_parts<Parts...>();

 public:
  static constexpr auto required = detail::profile_take<merged_.required_count>(merged_.required);
  static constexpr auto welcome = detail::profile_take<merged_.welcome_count>(merged_.welcome);
  static constexpr selection_gates gates = merged_.gates;

  // The parts cannot list a trait twice or without a key; the other rules hold here.
  static_assert(detail::count_profile_faults(required, welcome, gates,
                                             detail::profile_fault::required_weight) == 0,
                "criteria_profile: a required trait weighs 0 or more");
  static_assert(detail::count_profile_faults(required, welcome, gates,
                                             detail::profile_fault::welcome_weight) == 0,
                "criteria_profile: a welcome trait weighs 1 or more; one that counts for nothing "
                "does not belong in the profile");
  static_assert(detail::count_profile_faults(required, welcome, gates,
                                             detail::profile_fault::fail_marks) == 0,
                "criteria_profile: max_fail_marks<N> takes an N of 0 or more");
  static_assert(detail::count_profile_faults(required, welcome, gates,
                                             detail::profile_fault::average_off_grades) == 0,
                "criteria_profile: a minimum average lies within 1.0..10.0");
};

/// `Base` with more parts: `extend<buddy_profile, required<intercultural_interest, 3>>`.
template <CriteriaProfile Base, ProfilePart... Parts>
using extend = criteria_profile<Base, Parts...>;

/// True when every minimum of `P` lies on `scale`.
template <CriteriaProfile P>
[[nodiscard]] constexpr bool fits_scale(rating_scale scale) noexcept {
  return detail::profile_faults<P>(detail::profile_fault::minimum_off_scale, scale) == 0;
}

// The same profile at run time.

/// A required trait of a run-time profile.
struct required_trait {
  std::string trait{};
  int minimum = 0;
  int weight = 1;
  friend bool operator==(const required_trait&, const required_trait&) = default;
};

/// A welcome trait of a run-time profile.
struct welcome_trait {
  std::string trait{};
  int weight = 1;
  friend bool operator==(const welcome_trait&, const welcome_trait&) = default;
};

/// A criteria profile built from values (a front end's settings); see validate().
struct runtime_profile {
  std::vector<required_trait> required{};
  std::vector<welcome_trait> welcome{};
  selection_gates gates{};

  [[nodiscard]] const required_trait* find_required(std::string_view trait) const noexcept {
    auto it = std::find_if(required.begin(), required.end(),
                           [trait](const required_trait& r) { return r.trait == trait; });
    return it == required.end() ? nullptr : &*it;
  }
  [[nodiscard]] const welcome_trait* find_welcome(std::string_view trait) const noexcept {
    auto it = std::find_if(welcome.begin(), welcome.end(),
                           [trait](const welcome_trait& w) { return w.trait == trait; });
    return it == welcome.end() ? nullptr : &*it;
  }
  friend bool operator==(const runtime_profile&, const runtime_profile&) = default;
};

/// The run-time form of a compile-time profile.
template <CriteriaProfile P>
[[nodiscard]] runtime_profile to_runtime_profile() {
  runtime_profile p;
  for (const trait_minimum& r : P::required)
    p.required.push_back({std::string(r.trait), r.minimum, r.weight});
  for (const trait_weight& w : P::welcome) p.welcome.push_back({std::string(w.trait), w.weight});
  p.gates = P::gates;
  return p;
}

/// `base` with `additions` laid over it, by the rule of extend<>: an added trait replaces
/// the base's entry for it, a limit replaces the base's, a required letter or interview is added.
[[nodiscard]] inline runtime_profile extended(runtime_profile base,
                                              const runtime_profile& additions) {
  auto drop = [](auto& list, std::string_view trait) {
    std::erase_if(list, [trait](const auto& e) { return e.trait == trait; });
  };
  auto put = [](auto& list, const auto& entry) {
    for (auto& e : list)
      if (e.trait == entry.trait) {
        e = entry;
        return;
      }
    list.push_back(entry);
  };
  for (const auto& r : additions.required) {
    drop(base.welcome, r.trait);
    put(base.required, r);
  }
  for (const auto& w : additions.welcome) {
    drop(base.required, w.trait);
    put(base.welcome, w);
  }
  base.gates.merge(additions.gates);
  return base;
}

namespace detail {
/// Adds every problem of `p` to `problems`, at locations below `where`.
inline void check_profile(const runtime_profile& p, rating_scale scale, const std::string& where,
                          problem_list& problems) {
  auto entry = [](profile_list list, std::size_t i) {
    return element_location(list == profile_list::required ? "required" : "welcome", i);
  };
  auto trait_of = [&](profile_list list, std::size_t i) -> const std::string& {
    return list == profile_list::required ? p.required[i].trait : p.welcome[i].trait;
  };
  check_profile_rules(p.required, p.welcome, p.gates, scale, [&](const profile_finding& f) {
    const auto at = where + "." + entry(f.list, f.index);
    switch (f.fault) {
      case profile_fault::trait_key:
        problems.add("selection.invalid_profile", at + ".trait",
                     "expected a trait key (one word, no spaces), found \"" +
                         trait_of(f.list, f.index) + "\"");
        break;
      case profile_fault::minimum_off_scale: {
        const auto& r = p.required[f.index];
        problems.add("selection.profile_outside_scale", at + ".minimum",
                     "minimum " + std::to_string(r.minimum) + " for " + trait_label(r.trait) +
                         " is outside the rating scale " + scale.to_string());
        break;
      }
      case profile_fault::required_weight:
        problems.add(
            "selection.invalid_profile", at + ".weight",
            "expected a weight of 0 or more, found " + std::to_string(p.required[f.index].weight));
        break;
      case profile_fault::welcome_weight:
        problems.add("selection.invalid_profile", at + ".weight",
                     "expected a weight of 1 or more for a welcome trait, found " +
                         std::to_string(p.welcome[f.index].weight));
        break;
      case profile_fault::listed_twice:
        problems.add("selection.invalid_profile", at,
                     "trait " + trait_of(f.list, f.index) + " is already listed at " +
                         entry(f.first_list, f.first_index));
        break;
      case profile_fault::fail_marks:
        problems.add(
            "selection.invalid_profile", where + ".gates.max_fail_marks",
            "expected 0 or more fail marks, found " + std::to_string(*p.gates.max_fail_marks));
        break;
      case profile_fault::average_off_grades:
        problems.add(
            "selection.invalid_profile", where + ".gates.min_average",
            "expected an average grade within 1..10, found " + p.gates.min_average->text());
        break;
    }
  });
}
}  // namespace detail

/// Checks a run-time profile against the school's rating scale: trait keys, weights, each
/// trait once, minimums on the scale, gates within range. Throws peerkit::error listing
/// every problem, located below `where`.
inline void validate(const runtime_profile& p, rating_scale scale,
                     const std::string& where = "profile") {
  problem_list problems;
  detail::check_profile(p, scale, where, problems);
  problems.throw_if_any();
}

}  // namespace peerkit
