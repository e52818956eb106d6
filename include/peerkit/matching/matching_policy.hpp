#pragma once
// The matching policy of a programme: how buddies are paired with supportees, how peer
// leaders form duos, and how duos are given to first-year classes.
//
// Available policies:
//   fixed_matching<...>  - settings fixed at compile time, as template arguments; a school
//                          that never changes its rules gets them checked by the compiler
//   runtime_matching     - settings read at run time (a settings file, a front end),
//                          checked when constructed; invalid values throw peerkit::error
// When to use:
//   - fixed_matching<> (the default) for the shipped rules and weights, or a school preset
//     spelled once as an alias;
//   - runtime_matching when a coordinator changes weights or objective without rebuilding.
// Both give the same matching_settings to the pairing functions, so results agree.
//
// The four objectives (docs/pairing.md says what each guarantees):
//   most_supported    - as many supportees supported as possible, then the best total score
//   best_total_score  - the best total score; a pair that adds nothing may be left out
//   stable            - no supporter and supportee would both rather be together (deferred
//                       acceptance with capacities, either side proposing)
//   fairest           - as many supported as possible, then the worst pair's score as high
//                       as possible, then the best total score
// With pairing_options::second_supportee_last (on by default) a supporter's second place
// is used only where the objective needs it (not for stable; docs/pairing.md).

#include <array>
#include <concepts>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <peerkit/core/enum_keys.hpp>
#include <peerkit/core/error.hpp>
#include <peerkit/core/policy.hpp>
#include <peerkit/matching/rules.hpp>
#include <peerkit/matching/scores.hpp>

namespace peerkit {

/// What a pairing optimises; a school chooses it explicitly.
enum class objective {
  most_supported,    ///< (1) most supportees supported, then the best total score (default)
  best_total_score,  ///< (2) the best total score
  stable,            ///< (3) stable pairing from ranked preferences (deferred acceptance)
  fairest,           ///< (4) most supported, then the best worst pair, then the best total
};

template <>
struct enum_keys<objective> {
  static constexpr std::array<std::string_view, 4> keys{"most_supported", "best_total_score",
                                                        "stable", "fairest"};
};

/// What an objective guarantees, in words.
[[nodiscard]] constexpr std::string_view describe(objective o) noexcept {
  switch (o) {
    case objective::most_supported:
      return "as many supportees supported as possible, and among those pairings the best total "
             "score";
    case objective::best_total_score: return "the best total score";
    case objective::stable:
      return "stable: no supporter and supportee would both rather be paired with each other";
    case objective::fairest:
      return "as many supportees supported as possible, then the worst pair's score as high as "
             "possible, then the best total score";
  }
  return "";
}

/// Which side proposes in deferred acceptance; that side gets its best stable partners.
enum class proposing_side { supportees, supporters };

template <>
struct enum_keys<proposing_side> {
  static constexpr std::array<std::string_view, 2> keys{"supportees", "supporters"};
};

/// Buddy pairing settings. Structural, so a compile-time policy can carry them.
struct pairing_options {
  objective goal = objective::most_supported;
  hard_rules rules{};
  score_weights weights{};
  proposing_side proposer = proposing_side::supportees;
  trait_scale scale{};
  /// A supporter gets a second (third, ...) supportee only where needed: for
  /// most_supported and fairest, among the pairings best on the objective's leading
  /// criteria (most supported; for fairest also the best worst pair) the fewest places
  /// beyond supporters' first are used, then the total score decides; for
  /// best_total_score, among the best-scoring pairings the fewest such places. The
  /// stable objective ignores it. On by default: a buddy has one, sometimes two supportees.
  bool second_supportee_last = true;

  friend constexpr bool operator==(const pairing_options&, const pairing_options&) = default;
};

/// A criterion of a leader duo (source 000 step 4: complement each other as persons and in
/// qualities, and above all work together well).
enum class duo_criterion { complementing_persons, qualities, working_together };

template <>
struct enum_keys<duo_criterion> {
  static constexpr std::array<std::string_view, 3> keys{"complementing_persons", "qualities",
                                                        "working_together"};
};

inline constexpr std::array<duo_criterion, 3> all_duo_criteria{duo_criterion::complementing_persons,
                                                               duo_criterion::qualities,
                                                               duo_criterion::working_together};

[[nodiscard]] constexpr std::string_view describe(duo_criterion c) noexcept {
  switch (c) {
    case duo_criterion::complementing_persons: return "complement each other as persons";
    case duo_criterion::qualities: return "together cover the qualities";
    case duo_criterion::working_together: return "work together well";
  }
  return "";
}

/// Weights of the duo criteria; working together weighs most ("above all").
struct duo_weights {
  int complementing_persons = 1;
  int qualities = 1;
  int working_together = 3;

  [[nodiscard]] constexpr int of(duo_criterion c) const noexcept {
    switch (c) {
      case duo_criterion::complementing_persons: return complementing_persons;
      case duo_criterion::qualities: return qualities;
      case duo_criterion::working_together: return working_together;
    }
    return 0;
  }
  friend constexpr bool operator==(const duo_weights&, const duo_weights&) = default;
};

/// Switchable rules for two leaders forming a duo.
struct duo_rules {
  bool consent = true;
  bool conflicting_groups = true;
  friend constexpr bool operator==(const duo_rules&, const duo_rules&) = default;
};

struct duo_options {
  duo_weights weights{};
  duo_rules rules{};
  trait_scale scale{};
  friend constexpr bool operator==(const duo_options&, const duo_options&) = default;
};

/// The traits the duo criteria read, by name on the school's scale.
struct duo_traits {
  /// Persons complement each other when they differ (shy with outgoing).
  std::vector<std::string> complementing{"outgoing"};
  /// Qualities the duo covers together: the stronger of the two counts.
  std::vector<std::string> qualities{"takes_initiative",    "empathy",       "socially_skilled",
                                     "plans_and_organises", "communicative", "problem_solving"};
  /// Liking to work together; the weaker of the two counts, unless the teacher coach has
  /// observed the two together (duo_request::observed).
  std::string working_together = "likes_working_together";
  friend bool operator==(const duo_traits&, const duo_traits&) = default;
};

/// Weights of a duo for a first-year class.
struct class_weights {
  int wishes = 2;      ///< per wish point of either leader for this class
  int same_track = 1;  ///< per leader of the class's track (a havo leader for a havo class)
  friend constexpr bool operator==(const class_weights&, const class_weights&) = default;
};

struct class_options {
  class_weights weights{};
  bool same_track_only = false;  ///< a duo serves only classes of both leaders' track
  friend constexpr bool operator==(const class_options&, const class_options&) = default;
};

/// Everything a matching policy decides, as values.
struct matching_settings {
  pairing_options buddies{};
  std::vector<trait_fit> personality = default_personality_fit();
  duo_options duos{};
  duo_traits duo_trait_names{};
  class_options classes{};
  friend bool operator==(const matching_settings&, const matching_settings&) = default;
};

namespace detail {
enum class settings_fault {
  negative_weight,  ///< a weight below 0
  empty_scale,      ///< a trait scale whose lowest rating is not below its highest
};

struct settings_finding {
  settings_fault fault{};
  std::string_view part{};   ///< below "matching.": "buddies.weights", "duos.scale", ...
  std::string_view field{};  ///< the criterion of a weight, or empty
  int found = 0;             ///< the weight, or the scale's lowest rating
  int other = 0;             ///< the scale's highest rating, or the second class weight
};

// The one implementation of the rules of the settings a compile-time policy carries:
// weights are 0 or more, a trait scale's lowest rating lies below its highest. Runs in
// constant evaluation for fixed_matching and at run time for validate().
template <class Sink>
constexpr void check_settings_rules(const pairing_options& buddies, const duo_options& duos,
                                    const class_options& classes, Sink&& sink) {
  for (auto c : all_criteria)
    if (buddies.weights.of(c) < 0)
      sink(settings_finding{settings_fault::negative_weight, "buddies.weights", key_of(c),
                            buddies.weights.of(c)});
  for (auto c : all_duo_criteria)
    if (duos.weights.of(c) < 0)
      sink(settings_finding{settings_fault::negative_weight, "duos.weights", key_of(c),
                            duos.weights.of(c)});
  if (classes.weights.wishes < 0 || classes.weights.same_track < 0)
    sink(settings_finding{settings_fault::negative_weight,
                          "classes.weights",
                          {},
                          classes.weights.wishes,
                          classes.weights.same_track});
  auto check_scale = [&](trait_scale scale, std::string_view part) {
    if (!scale.valid())
      sink(settings_finding{settings_fault::empty_scale, part, {}, scale.min, scale.max});
  };
  check_scale(buddies.scale, "buddies.scale");
  check_scale(duos.scale, "duos.scale");
}

constexpr int count_settings_faults(const pairing_options& buddies, const duo_options& duos,
                                    const class_options& classes, settings_fault fault) {
  int n = 0;
  check_settings_rules(buddies, duos, classes,
                       [&](const settings_finding& f) { n += f.fault == fault ? 1 : 0; });
  return n;
}

// Each rule is a separate constraint, so a compiler names the one that failed.
template <pairing_options Buddies, duo_options Duos, class_options Classes>
concept weights_not_negative = count_settings_faults(Buddies, Duos, Classes,
                                                     settings_fault::negative_weight) == 0;
template <pairing_options Buddies, duo_options Duos, class_options Classes>
concept scales_not_empty = count_settings_faults(Buddies, Duos, Classes,
                                                 settings_fault::empty_scale) == 0;
}  // namespace detail

/// Checks settings; throws peerkit::error listing every problem ("config.invalid_weight",
/// "config.invalid_scale", "config.missing_trait").
inline void validate(const matching_settings& s) {
  problem_list problems;
  detail::check_settings_rules(
      s.buddies, s.duos, s.classes, [&](const detail::settings_finding& f) {
        const auto where = "matching." + std::string(f.part) +
                           (f.field.empty() ? "" : "." + std::string(f.field));
        switch (f.fault) {
          case detail::settings_fault::negative_weight:
            problems.add("config.invalid_weight", where,
                         f.field.empty()
                             ? "class weights are 0 or more, found " + std::to_string(f.found) +
                                   " and " + std::to_string(f.other)
                             : "a weight is 0 or more, found " + std::to_string(f.found));
            break;
          case detail::settings_fault::empty_scale:
            problems.add("config.invalid_scale", where,
                         "the lowest rating is below the highest, found " +
                             std::to_string(f.found) + ".." + std::to_string(f.other));
            break;
        }
      });
  // Trait names are not part of a compile-time policy's settings: checked here only.
  for (std::size_t i = 0; i < s.personality.size(); ++i)
    if (s.personality[i].trait.empty())
      problems.add("config.missing_trait", element_location("matching.personality", i, "trait"),
                   "a trait name, found an empty one");
  if (s.duo_trait_names.working_together.empty())
    problems.add("config.missing_trait", "matching.duo_traits.working_together",
                 "a trait name, found an empty one");
  problems.throw_if_any();
}

/// A matching policy: of the matching family, and gives the settings the pairing
/// functions use. Why each clause: the family lets a programme find the policy among its
/// others; settings() is the one thing the pairing functions read, so a school's own
/// policy (computed from a database, say) only has to provide it.
template <class P>
concept MatchingPolicy = PolicyOf<P, matching_family> && requires(const P& p) {
  { p.settings() } -> std::convertible_to<matching_settings>;
};

/// The trait names a compile-time policy uses: the shipped ones. A school's own traits
/// type provides the same two static functions.
struct shipped_traits {
  [[nodiscard]] static std::vector<trait_fit> personality() { return default_personality_fit(); }
  [[nodiscard]] static duo_traits duos() { return {}; }
};

/// A traits type for fixed_matching.
template <class T>
concept MatchingTraits = requires {
  { T::personality() } -> std::convertible_to<std::vector<trait_fit>>;
  { T::duos() } -> std::convertible_to<duo_traits>;
};

/// Settings fixed at compile time:
/// `fixed_matching<pairing_options{.goal = objective::fairest, .rules = {.same_gender = true}}>`.
/// Negative weights or an empty scale do not compile (the rules of validate()).
template <pairing_options Buddies = pairing_options{}, duo_options Duos = duo_options{},
          class_options Classes = class_options{}, MatchingTraits Traits = shipped_traits>
  requires detail::weights_not_negative<Buddies, Duos, Classes> &&
           detail::scales_not_empty<Buddies, Duos, Classes>
struct fixed_matching {
  using policy_family = matching_family;
  static constexpr pairing_options buddies = Buddies;
  static constexpr duo_options duos = Duos;
  static constexpr class_options classes = Classes;

  [[nodiscard]] static matching_settings settings() {
    return {Buddies, Traits::personality(), Duos, Traits::duos(), Classes};
  }
};

/// Settings chosen at run time; checked on construction.
class runtime_matching {
 public:
  using policy_family = matching_family;

  runtime_matching() = default;
  /// Throws peerkit::error when a setting is invalid (see validate()).
  explicit runtime_matching(matching_settings s) : settings_(std::move(s)) { validate(settings_); }

  [[nodiscard]] const matching_settings& settings() const noexcept { return settings_; }

 private:
  matching_settings settings_{};
};

/// The matching policy a programme uses when it is given none.
using default_matching = fixed_matching<>;

}  // namespace peerkit
