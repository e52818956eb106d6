#pragma once
// Peer leaders work in duos, one duo per first-year class (source 000 step 4): the two
// should complement each other as persons (shy with outgoing) and in qualities, and above
// all work together well. Duos are formed by an exact maximum-weight matching in the
// general graph of candidates: as many duos as possible, then the best total duo score.
// With an odd number of candidates one becomes the reserve, and the explanation says so.
//
// Duo score, per pair of candidates (weights in duo_options, trait names in duo_traits):
//   complementing_persons - sum over `complementing` traits of |a - b| (both rated)
//   qualities             - sum over `qualities` of the stronger rating - scale.min
//   working_together      - the teacher coach's observed rating of the two - scale.min,
//                           else the weaker `working_together` rating - scale.min
// Hard rules: consent on both sides, never two of conflicting groups (each switchable in
// duo_rules), and the coordinator's forbidden pairs; pinned duos are kept.

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdlib>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/graph_traits.hpp>

#include <peerkit/core/consent.hpp>
#include <peerkit/core/error.hpp>
#include <peerkit/core/report_language.hpp>
#include <peerkit/core/school.hpp>
#include <peerkit/matching/matching_policy.hpp>
#include <peerkit/matching/rules.hpp>
#include <peerkit/matching/scores.hpp>
#include <peerkit/solvers/weighted_matching.hpp>

namespace peerkit {

/// Two leaders, in no particular order.
struct leader_pair {
  student_id first;
  student_id second;
  /// The same pair with the smaller id first.
  [[nodiscard]] constexpr leader_pair normalised() const noexcept {
    return first <= second ? *this : leader_pair{second, first};
  }
  [[nodiscard]] constexpr bool involves(student_id s) const noexcept {
    return first == s || second == s;
  }
  friend constexpr bool operator==(const leader_pair&, const leader_pair&) = default;
  friend constexpr auto operator<=>(const leader_pair&, const leader_pair&) = default;
};

/// How well two candidates worked together when the teacher coach saw them (in training),
/// on the duo scale.
struct observed_pair {
  student_id first;
  student_id second;
  int rating = 0;
  friend bool operator==(const observed_pair&, const observed_pair&) = default;
};

/// What a coordinator asks of duo formation.
struct duo_request {
  std::vector<student_id> candidates{};
  date on{};                              ///< consent must hold on this date
  std::vector<observed_pair> observed{};  ///< the teacher coach's observations
  std::vector<leader_pair> pinned{};      ///< duos that must be formed
  std::vector<leader_pair> forbidden{};   ///< duos that must never be formed
  friend bool operator==(const duo_request&, const duo_request&) = default;
};

struct duo_criterion_score {
  duo_criterion what = duo_criterion::complementing_persons;
  int raw = 0;
  int weight = 0;
  score_points points = 0;
  std::vector<std::string> because;  ///< the traits behind raw
  friend bool operator==(const duo_criterion_score&, const duo_criterion_score&) = default;
};

struct duo_score {
  std::array<duo_criterion_score, 3> criteria{};  ///< in the order of all_duo_criteria
  score_points total = 0;
  [[nodiscard]] const duo_criterion_score& operator[](duo_criterion c) const noexcept {
    return criteria[static_cast<std::size_t>(c)];
  }
  friend bool operator==(const duo_score&, const duo_score&) = default;
};

/// The score of `a` and `b` as a duo; `observed` is the teacher coach's rating, if any.
[[nodiscard]] duo_score score_duo(const student& a, const student& b, const duo_options& o,
                                  const duo_traits& traits, std::optional<int> observed);

/// A candidate in the duo graph.
struct duo_vertex {
  std::size_t index = 0;
  student_id student;
};

/// A possible duo: both keep every rule.
struct duo_edge {
  std::size_t first = 0;  ///< candidate index, the smaller of the two
  std::size_t second = 0;
  duo_score score;
  bool pinned = false;
};

/// The general graph of leader candidates on Boost.Graph: an edge for every two who may
/// form a duo. Keeps a reference to the school, which must outlive it. Throws
/// peerkit::error for an invalid request.
class duo_graph {
 public:
  using graph_type =
      boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS, duo_vertex, duo_edge>;

  duo_graph(const school& sch, duo_request request, matching_settings settings);

  [[nodiscard]] const graph_type& graph() const noexcept { return graph_; }
  [[nodiscard]] const school& school_data() const noexcept { return *school_; }
  [[nodiscard]] const duo_request& request() const noexcept { return request_; }
  [[nodiscard]] const matching_settings& settings() const noexcept { return settings_; }
  [[nodiscard]] std::size_t candidate_count() const noexcept { return candidates_.size(); }
  [[nodiscard]] const student& candidate(std::size_t k) const { return *candidates_.at(k); }
  [[nodiscard]] std::optional<std::size_t> index_of(student_id id) const;
  [[nodiscard]] const duo_edge* find(std::size_t a, std::size_t b) const;
  /// Every rule that keeps `a` and `b` from forming a duo; empty when they may.
  [[nodiscard]] rule_set excluded_by(std::size_t a, std::size_t b) const;
  /// The possible duos, by first candidate, then second, in request order.
  [[nodiscard]] std::vector<const duo_edge*> edges() const;
  /// Whether candidate `k` is in a pinned duo.
  [[nodiscard]] bool pinned(std::size_t k) const { return pinned_.at(k) != 0; }

 private:
  static std::pair<std::size_t, std::size_t> ordered(std::size_t a, std::size_t b);

  void check_and_index();

  void build();

  const school* school_;
  duo_request request_;
  matching_settings settings_;
  std::vector<const student*> candidates_;
  std::map<student_id, std::size_t> at_;
  std::set<std::pair<std::size_t, std::size_t>> forbidden_;
  std::set<std::pair<std::size_t, std::size_t>> pinned_pairs_;
  std::map<std::pair<std::size_t, std::size_t>, int> observed_;
  std::vector<char> pinned_;
  graph_type graph_;
};

/// A duo of leaders.
struct leader_duo {
  student_id first;  ///< earlier in the request
  student_id second;
  duo_score score;
  bool pinned = false;
  [[nodiscard]] leader_pair pair() const noexcept { return {first, second}; }
  friend bool operator==(const leader_duo&, const leader_duo&) = default;
};

struct duo_result {
  std::vector<leader_duo> duos;      ///< by first candidate in request order
  std::vector<student_id> reserves;  ///< candidates without a duo, in request order
  score_points total_score = 0;
  /// The solver's optimality evidence (Edmonds' dual), over the candidates left after the
  /// pinned duos, vertices in request order.
  std::optional<matching_certificate> certificate;
  friend bool operator==(const duo_result&, const duo_result&) = default;
};

namespace detail {

duo_result assemble_duos(const duo_graph& g,
                         std::vector<std::pair<std::size_t, std::size_t>> chosen);

}  // namespace detail

/// Forms the duos of `g`: as many as possible, then the best total duo score, pinned duos
/// kept. Exact and deterministic.
[[nodiscard]] duo_result form_duos(const duo_graph& g);

/// Builds the duo graph for `request` under `policy` and forms the duos.
template <MatchingPolicy P>
[[nodiscard]] duo_result form_duos(const school& sch, const duo_request& request, const P& policy) {
  return form_duos(duo_graph(sch, request, policy.settings()));
}

/// Why a candidate has no duo.
enum class reserve_reason {
  odd_count,              ///< an odd number of candidates, everyone else in a duo: one is left over
  no_compatible_partner,  ///< every other candidate is excluded by a rule
  partners_taken,  ///< every possible partner is in a duo; re-forming gives no more or better duos
};

template <>
struct enum_keys<reserve_reason> {
  static constexpr std::array<std::string_view, 3> keys{"odd_count", "no_compatible_partner",
                                                        "partners_taken"};
};

/// Another candidate and what keeps the two apart.
struct duo_note {
  student_id other;
  rule_set rules;                       ///< non-empty when a rule excludes the duo
  std::optional<score_points> score;    ///< the two as a duo, when possible
  std::optional<leader_duo> other_duo;  ///< the duo the other is in, if any
  friend bool operator==(const duo_note&, const duo_note&) = default;
};

struct reserve_explanation {
  student_id who;
  reserve_reason reason = reserve_reason::odd_count;
  std::vector<duo_note> others;  ///< every other candidate, in request order
  friend bool operator==(const reserve_explanation&, const reserve_explanation&) = default;
};

struct duo_explanation {
  std::size_t candidates = 0;
  std::vector<leader_duo> duos;  ///< with their score breakdowns
  std::vector<reserve_explanation> reserves;
  friend bool operator==(const duo_explanation&, const duo_explanation&) = default;
};

/// Why the duos are what they are, and why each reserve is one.
[[nodiscard]] duo_explanation explain(const duo_graph& g, const duo_result& r);

/// The words of the duo explanation in one language; {0}, {1}, ... are names and numbers.
/// The words it shares with the pair explanation (rules, "student {0}") are in
/// explanation_phrases (explanation.hpp).
struct duo_phrases {
  std::array<std::string_view, 3> criteria;  ///< by enum duo_criterion
  std::string_view observed;                 ///< a working_together rating seen by the coach
  std::string_view duo;                      ///< {0} and {1} the leaders, {2} the score
  std::string_view reserve;                  ///< {0} the reserve
  std::string_view odd_count;                ///< {0} the number of candidates, {1} the reserve
  std::string_view no_compatible_partner, partners_taken;  ///< {0} the reserve
};

inline constexpr duo_phrases duo_english{
    {describe(duo_criterion::complementing_persons), describe(duo_criterion::qualities),
     describe(duo_criterion::working_together)},
    "observed by the teacher coach",
    "{0} and {1} form a duo (score {2})",
    "{0} is a reserve: ",
    "with {0} candidates one is left over, and leaving out {1} gives the most duos with the best "
    "total score.",
    "no other candidate can form a duo with {0}.",
    "every possible partner is in a duo, and re-forming the duos gives no more duos and no "
    "better total."};

inline constexpr duo_phrases duo_dutch{
    {"vullen elkaar aan als persoon", "dekken samen de kwaliteiten", "werken goed samen"},
    "gezien door de docentcoach",
    "{0} en {1} vormen een duo (score {2})",
    "{0} is reserve: ",
    "met {0} kandidaten blijft er één over, en zonder {1} ontstaan de meeste duo's met de beste "
    "totaalscore.",
    "geen andere kandidaat kan met {0} een duo vormen.",
    "elke mogelijke partner zit in een duo, en de duo's opnieuw vormen geeft niet meer duo's en "
    "geen betere totaalscore."};

[[nodiscard]] constexpr const duo_phrases& duo_words(report_language language) noexcept {
  return in_language(language, duo_english, duo_dutch);
}

/// The duo explanation in words: one line per duo and per reserve. No special-category data.
[[nodiscard]] std::string describe(const duo_explanation& e, const school& sch,
                                   report_language language = report_language::english);

}  // namespace peerkit

#ifndef PEERKIT_COMPILED
#include <peerkit/matching/leader_duos-inl.hpp>
#endif
