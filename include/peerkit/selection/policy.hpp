#pragma once
// How a programme selects its supporters: the selection policy (family selection_family).
// It gives the school's rating scale, a rule per role (criteria profile, reserves, and the
// supportees one supporter is planned for) and the recommendation of roles from needs.
//
// Available policies:
//   selection_rules<Parts...>  fixed at compile time: every profile is a checked type, and
//                              every minimum is checked against the scale while compiling.
//   runtime_selection          built from values a front end read; validated on construction.
// A role without a rule is selected by its default profile (default_profiles.hpp) with no
// reserves: the default policy is `selection_rules<>`.

#include <algorithm>
#include <array>
#include <concepts>
#include <optional>
#include <ranges>
#include <string>
#include <type_traits>
#include <vector>

#include <peerkit/core/error.hpp>
#include <peerkit/core/policy.hpp>
#include <peerkit/core/roles.hpp>
#include <peerkit/core/student.hpp>
#include <peerkit/selection/default_profiles.hpp>
#include <peerkit/selection/profile.hpp>
#include <peerkit/selection/rating_scale.hpp>
#include <peerkit/selection/recommendation.hpp>

namespace peerkit {

/// How one role is selected.
struct selection_rule {
  supporter_role role = supporter_role::peer_buddy;
  runtime_profile profile{};
  int reserves = 0;  ///< chosen on top of the demand, ready to step in
  /// Supportees (classes, for leader duos) one supporter is planned for when counting the
  /// demand; empty: the role's planning_capacity().
  std::optional<int> capacity{};
  friend bool operator==(const selection_rule&, const selection_rule&) = default;
};

/// A selection policy: a rating scale, a range of selection_rule (each role at most once)
/// and a recommendation of roles from a student's needs.
template <class P>
concept SelectionPolicy = PolicyOf<P, selection_family> && requires(const P& p, const student& s) {
  { p.scale() } -> std::convertible_to<rating_scale>;
  { p.rules() } -> std::ranges::input_range;
  requires std::same_as<std::ranges::range_value_t<decltype(p.rules())>, selection_rule>;
  { p.recommend(s) } -> std::same_as<role_recommendation>;
};

/// The rule a policy gives for `kind`, or the role's default profile with no reserves.
template <SelectionPolicy S>
[[nodiscard]] selection_rule rule_for(const S& policy, supporter_role kind) {
  for (const selection_rule& r : policy.rules())
    if (r.role == kind) return r;
  return {kind, default_profile(kind), 0, std::nullopt};
}

// The parts of a compile-time selection policy.

/// The school's rating scale: scale_of<1, 5>.
template <int Lowest, int Highest>
  requires(rating_scale{Lowest, Highest}.valid())
struct scale_of {
  static constexpr rating_scale value{Lowest, Highest};
};

/// How role `R` is selected: its profile, its reserves and, when not 0, the supportees one
/// supporter is planned for.
template <Role R, CriteriaProfile Profile = default_profile_t<R>, int Reserves = 0,
          int Capacity = 0>
  requires(Reserves >= 0 && Capacity >= 0)
struct role_rule {
  using role = R;
  using profile = Profile;
  static constexpr int reserves = Reserves;
  static constexpr int capacity = Capacity;
};

/// The recommendation policy to use; default-constructed by the selection policy.
template <RecommendationPolicy P>
  requires std::default_initializable<P>
struct recommend_with {
  using type = P;
};

namespace detail {
template <class P>
inline constexpr bool is_scale_part = false;
template <int L, int H>
inline constexpr bool is_scale_part<scale_of<L, H>> = true;

template <class P>
inline constexpr bool is_role_rule = false;
template <class R, class Profile, int Reserves, int Capacity>
inline constexpr bool is_role_rule<role_rule<R, Profile, Reserves, Capacity>> = true;

template <class P>
inline constexpr bool is_recommend_part = false;
template <class P>
inline constexpr bool is_recommend_part<recommend_with<P>> = true;

template <class... Parts>
constexpr rating_scale scale_among() {
  rating_scale scale = default_rating_scale;
  (
      [&] {
        if constexpr (is_scale_part<Parts>) scale = Parts::value;
      }(),
      ...);
  return scale;
}

template <class... Parts>
struct recommender_among {
  using type = source_recommendation;
};
template <class P, class... Parts>
struct recommender_among<P, Parts...> {
  using type =
      typename std::conditional_t<is_recommend_part<P>, P, recommender_among<Parts...>>::type;
};

template <class P>
constexpr bool rule_fits(rating_scale scale) {
  if constexpr (is_role_rule<P>)
    return fits_scale<typename P::profile>(scale);
  else
    return true;
}

template <class P>
constexpr int rule_kind() {
  if constexpr (is_role_rule<P>)
    return static_cast<int>(role_traits<typename P::role>::kind);
  else
    return -1;
}
template <class... Parts>
constexpr bool rule_kinds_distinct() {
  if constexpr (sizeof...(Parts) == 0) {
    return true;
  } else {
    const std::array<int, sizeof...(Parts)> kinds{rule_kind<Parts>()...};
    for (std::size_t i = 0; i < kinds.size(); ++i)
      for (std::size_t j = i + 1; j < kinds.size(); ++j)
        if (kinds[i] >= 0 && kinds[i] == kinds[j]) return false;
    return true;
  }
}

template <class P>
selection_rule to_selection_rule() {
  return {role_traits<typename P::role>::kind, to_runtime_profile<typename P::profile>(),
          P::reserves, P::capacity > 0 ? std::optional<int>(P::capacity) : std::nullopt};
}
}  // namespace detail

/// What selection_rules accepts: scale_of<>, role_rule<>, recommend_with<>.
template <class P>
concept SelectionPart = detail::is_scale_part<P> || detail::is_role_rule<P> ||
                        detail::is_recommend_part<P>;

/// A selection policy fixed at compile time, from parts in any order:
/// `selection_rules<scale_of<1, 5>, role_rule<peer_buddy, our_profile, 2>>`.
template <SelectionPart... Parts>
struct selection_rules {
  static_assert((0 + ... + (detail::is_scale_part<Parts> ? 1 : 0)) <= 1,
                "selection_rules: give the rating scale at most once");
  static_assert((0 + ... + (detail::is_recommend_part<Parts> ? 1 : 0)) <= 1,
                "selection_rules: give the recommendation policy at most once");
  static_assert(detail::rule_kinds_distinct<Parts...>(),
                "selection_rules: give each kind of supporter role at most one rule");
  static_assert((detail::rule_fits<Parts>(detail::scale_among<Parts...>()) && ...),
                "selection_rules: a profile's minimum rating lies outside the rating scale");

  using policy_family = selection_family;
  using recommendation_type = typename detail::recommender_among<Parts...>::type;
  static constexpr rating_scale rating_scale_value = detail::scale_among<Parts...>();

  [[nodiscard]] constexpr rating_scale scale() const noexcept { return rating_scale_value; }
  [[nodiscard]] std::vector<selection_rule> rules() const {
    std::vector<selection_rule> out;
    (
        [&] {
          if constexpr (detail::is_role_rule<Parts>)
            out.push_back(detail::to_selection_rule<Parts>());
        }(),
        ...);
    return out;
  }
  [[nodiscard]] role_recommendation recommend(const student& s) const {
    return recommendation_type{}.recommend(s);
  }
};

/// The selection policy a programme gets unless it names one.
using default_selection = selection_rules<>;

/// A selection policy chosen at run time from settings a front end read.
class runtime_selection {
 public:
  using policy_family = selection_family;

  /// The defaults: scale 1..5, each role's default profile, the sources' recommendation.
  runtime_selection() = default;
  /// Throws peerkit::error listing every problem: an invalid scale, a profile that is
  /// invalid or off the scale, a role given twice, negative reserves, a capacity below 1.
  explicit runtime_selection(rating_scale scale, std::vector<selection_rule> rules = {},
                             needs_table recommendation = {})
      : scale_(scale), rules_(std::move(rules)), recommendation_(std::move(recommendation)) {
    problem_list problems;
    if (!scale_.valid())
      problems.add("selection.invalid_scale", "selection.scale",
                   "expected a lowest rating below the highest, found " + scale_.to_string());
    for (std::size_t i = 0; i < rules_.size(); ++i) {
      const auto& r = rules_[i];
      const auto where = element_location("selection.rules", i);
      if (scale_.valid()) detail::check_profile(r.profile, scale_, where + ".profile", problems);
      if (r.reserves < 0)
        problems.add("selection.invalid_rule", where + ".reserves",
                     "expected 0 or more reserves, found " + std::to_string(r.reserves));
      if (r.capacity && *r.capacity < 1)
        problems.add("selection.invalid_rule", where + ".capacity",
                     "expected a capacity of 1 or more, found " + std::to_string(*r.capacity));
      for (std::size_t j = 0; j < i; ++j)
        if (rules_[j].role == r.role)
          problems.add("selection.duplicate_rule", where + ".role",
                       std::string(key_of(r.role)) + " already has a rule at " +
                           element_location("selection.rules", j));
    }
    problems.throw_if_any();
  }

  [[nodiscard]] rating_scale scale() const noexcept { return scale_; }
  [[nodiscard]] const std::vector<selection_rule>& rules() const noexcept { return rules_; }
  [[nodiscard]] const needs_table& recommendation() const noexcept { return recommendation_; }
  [[nodiscard]] role_recommendation recommend(const student& s) const {
    return recommendation_.recommend(s);
  }

 private:
  rating_scale scale_ = default_rating_scale;
  std::vector<selection_rule> rules_{};
  needs_table recommendation_{};
};

}  // namespace peerkit
