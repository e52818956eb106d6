#pragma once
// Each leader duo is tied to one first-year class (source 000 step 4): exactly one duo per
// class, never against the school's rules (e.g. not the class of a sibling), and optimal
// for the policy's score: as many classes with a duo as possible, then the best total.
//
// Class score of a duo (weights in class_options):
//   wishes      - the wish points both leaders gave this class (class_request::wishes)
//   same_track  - leaders of the class's track (a havo leader for a havo class)
// Rules: the school's exclusions (a leader and a class, with the school's reason), the
// optional same-track-only rule, and the coordinator's forbidden duo-class pairs.

#include <algorithm>
#include <cstddef>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include <peerkit/core/error.hpp>
#include <peerkit/core/report_language.hpp>
#include <peerkit/core/school.hpp>
#include <peerkit/core/support_pair.hpp>
#include <peerkit/matching/leader_duos.hpp>
#include <peerkit/matching/matching_policy.hpp>
#include <peerkit/matching/rules.hpp>
#include <peerkit/solvers/assignment_solver.hpp>

namespace peerkit {

/// A school rule: this leader never serves this class, and why (e.g. "sibling in 1B").
struct class_exclusion {
  student_id leader;
  class_id excluded;
  std::string reason{};
  friend bool operator==(const class_exclusion&, const class_exclusion&) = default;
};

/// A leader's (or the class mentor's) wish for a class, in points.
struct class_wish {
  student_id leader;
  class_id wanted;
  int points = 1;
  friend bool operator==(const class_wish&, const class_wish&) = default;
};

/// A duo with a class, named by ids.
struct duo_class {
  leader_pair duo;
  class_id for_class;
  friend bool operator==(const duo_class&, const duo_class&) = default;
};

struct class_request {
  std::vector<leader_pair> duos{};
  std::vector<class_id>
      classes{};  ///< empty: every first-year class of the school, in school order
  std::vector<class_exclusion> exclusions{};
  std::vector<class_wish> wishes{};
  std::vector<duo_class> pinned{};
  std::vector<duo_class> forbidden{};
  /// The peer leader role's parameters: classes per duo is supportees_per_supporter.max.
  std::optional<role_parameters> leader_role{};
  friend bool operator==(const class_request&, const class_request&) = default;
};

/// A duo's score for a class.
struct class_score {
  int wish_points = 0;
  int same_track = 0;  ///< leaders of the class's track, 0 to 2
  score_points total = 0;
  friend bool operator==(const class_score&, const class_score&) = default;
};

struct duo_for_class {
  leader_pair duo;
  class_id for_class;
  class_score score;
  bool pinned = false;
  friend bool operator==(const duo_for_class&, const duo_for_class&) = default;
};

struct class_result {
  std::vector<duo_for_class> assignments;  ///< in class order
  std::vector<class_id> uncovered;         ///< classes without a duo, in class order
  std::vector<leader_pair> spare_duos;     ///< duos without a class, in request order
  score_points total_score = 0;
  friend bool operator==(const class_result&, const class_result&) = default;
};

/// One duo and one class: possible (with a score) or excluded (with the reasons).
struct duo_class_option {
  std::size_t duo = 0;
  std::size_t cls = 0;
  rule_set rules;                    ///< empty when allowed
  std::vector<std::string> reasons;  ///< the school's reasons for class_rule
  class_score score;
};

/// The duos, the classes and every duo-class option of a request, checked. Keeps a
/// reference to the school, which must outlive it. Throws peerkit::error when invalid.
class class_table {
 public:
  class_table(const school& sch, class_request request, matching_settings settings);

  [[nodiscard]] const school& school_data() const noexcept { return *school_; }
  [[nodiscard]] const class_request& request() const noexcept { return request_; }
  [[nodiscard]] std::size_t duo_count() const noexcept { return request_.duos.size(); }
  [[nodiscard]] std::size_t class_count() const noexcept { return classes_.size(); }
  [[nodiscard]] const leader_pair& duo(std::size_t d) const { return request_.duos.at(d); }
  [[nodiscard]] const class_group& class_at(std::size_t c) const { return *classes_.at(c); }
  [[nodiscard]] int classes_per_duo() const noexcept { return per_duo_; }
  [[nodiscard]] const duo_class_option& option(std::size_t d, std::size_t c) const {
    return options_.at(d * classes_.size() + c);
  }
  [[nodiscard]] bool pinned(std::size_t d, std::size_t c) const;
  [[nodiscard]] std::optional<std::size_t> duo_index(leader_pair p) const;
  [[nodiscard]] std::optional<std::size_t> class_index(class_id id) const;

 private:
  void check();

  void build();

  const school* school_;
  class_request request_;
  matching_settings settings_;
  std::vector<const class_group*> classes_;
  std::map<leader_pair, std::size_t> duo_at_;
  std::vector<duo_class_option> options_;
  std::set<std::pair<std::size_t, std::size_t>> pinned_;
  int per_duo_ = 1;
};

/// Gives the duos of `t` their classes: exactly one duo per class, as many classes as
/// possible, then the best total score; pins kept. Exact and deterministic.
[[nodiscard]] class_result assign_classes(const class_table& t);

/// Builds the table for `request` under `policy` and assigns the classes.
template <MatchingPolicy P>
[[nodiscard]] class_result assign_classes(const school& sch, const class_request& request,
                                          const P& policy) {
  return assign_classes(class_table(sch, request, policy.settings()));
}

/// The duos of a duo result, for a class request.
[[nodiscard]] std::vector<leader_pair> duos_of(const duo_result& r);

/// Why a class has no duo, or a duo no class: per duo (or class) on the other side, the
/// rules and the school's reasons that exclude them, or the assignment holding its place.
struct class_note {
  std::size_t other = 0;  ///< index of the duo (for a class) or class (for a duo)
  rule_set rules;
  std::vector<std::string> reasons;
  std::optional<score_points> score;  ///< when allowed
  std::optional<duo_for_class> held_by;
  friend bool operator==(const class_note&, const class_note&) = default;
};

struct uncovered_explanation {
  class_id cls;
  bool no_allowed_duo = false;  ///< every duo is excluded by a rule
  std::vector<class_note> duos;
  friend bool operator==(const uncovered_explanation&, const uncovered_explanation&) = default;
};

struct class_explanation {
  std::vector<duo_for_class> assignments;
  std::vector<uncovered_explanation> uncovered;
  std::vector<leader_pair> spare_duos;
  friend bool operator==(const class_explanation&, const class_explanation&) = default;
};

/// Why each class has the duo it has, and why a class is left without one.
[[nodiscard]] class_explanation explain(const class_table& t, const class_result& r);

/// The words of the class explanation in one language; {0}, {1}, ... are names and
/// numbers. Words it shares with the pair explanation are in explanation_phrases.
struct class_phrases {
  std::string_view excluded_by_school, track_only;  ///< the reasons class_table gives
  std::string_view class_number;  ///< {0}: the number of a class not in the school
  std::string_view lead;    ///< {0} the duo, {1} the class, {2} score, {3} wish points, {4} track
  std::string_view no_duo;  ///< {0} the class
  std::string_view every_duo_excluded, every_duo_elsewhere;
  std::string_view leads_elsewhere;  ///< {0} the score here, {1} the other class, {2} its score
  std::string_view spare, every_class_has_one, none_allows_them;  ///< spare: {0} the duo
};

inline constexpr class_phrases class_english{
    "excluded by the school",
    "only leaders of the class's track",
    "class {0}",
    "{0} lead {1} (score {2}: wish points {3}, leaders of the class's track {4}).",
    "{0} has no duo: ",
    "every duo is excluded by a rule",
    "every allowed duo leads another class",
    " ({0} here) lead {1} ({2})",
    "{0} are a spare duo: ",
    "every class has a duo.",
    "no class without a duo allows them."};

inline constexpr class_phrases class_dutch{
    "uitgesloten door de school",
    "alleen peerleiders van het niveau van de klas",
    "klas {0}",
    "{0} begeleiden {1} (score {2}: wenspunten {3}, peerleiders van het niveau van de klas {4}).",
    "{0} heeft geen duo: ",
    "elk duo is uitgesloten door een regel",
    "elk toegestaan duo begeleidt al een andere klas",
    " ({0} hier) begeleiden {1} ({2})",
    "{0} zijn een reserveduo: ",
    "elke klas heeft een duo.",
    "geen klas zonder duo laat hen toe."};

[[nodiscard]] constexpr const class_phrases& class_words(report_language language) noexcept {
  return in_language(language, class_english, class_dutch);
}

/// The class explanation in words. Names and class names only.
[[nodiscard]] std::string describe(const class_explanation& e, const class_table& t,
                                   report_language language = report_language::english);

/// The class assignment as the programme's support pairs: one per duo and class, in class
/// order, ids from `first` on.
[[nodiscard]] std::vector<support_pair> to_support_pairs(const class_result& r, pair_id first,
                                                         date started);

}  // namespace peerkit

#ifndef PEERKIT_COMPILED
#include <peerkit/matching/class_assignment-inl.hpp>
#endif
