#pragma once
// The soft score of a buddy pair: how well a supporter and a supportee fit, as a sum of
// criteria, each a raw count times the school's weight. The breakdown keeps every
// criterion, so an explanation can say why a pair scores what it scores.
//
// Criteria (sources 000 step 4 and 001, Hoofdvaart: hobbies, what the buddy wants to offer,
// the country of origin):
//   shared_interests  - interests and hobbies both listed (same spelling)
//   offers_wants      - what the supporter offers that the supportee wants ("homework")
//   common_language   - 1 when the two share a language (special-category data)
//   origin_knowledge  - 1 when the supporter knows the supportee's country of origin: they
//                       come from it, or list it among their interests (special-category)
//   personality_fit   - per configured trait: similar, complementary, or a supporter's strength
//   can_meet          - 1 when both are free when the role meets (in school hours, after
//                       school); a preference unless the school makes it a hard rule
//                       (hard_rules::availability)
//
// Only non-sensitive items (interests, offers) are kept as the reasons behind a count;
// languages and countries are counted, never copied.

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include <peerkit/core/enum_keys.hpp>
#include <peerkit/core/roles.hpp>
#include <peerkit/core/student.hpp>

namespace peerkit {

/// Points of a score. Integers, so optima are exact.
using score_points = std::int64_t;

/// A soft criterion of a buddy pair.
enum class criterion {
  shared_interests,
  offers_wants,
  common_language,
  origin_knowledge,
  personality_fit,
  can_meet,
};

template <>
struct enum_keys<criterion> {
  static constexpr std::array<std::string_view, 6> keys{"shared_interests", "offers_wants",
                                                        "common_language",  "origin_knowledge",
                                                        "personality_fit",  "can_meet"};
};

inline constexpr std::array<criterion, 6> all_criteria{
    criterion::shared_interests, criterion::offers_wants,    criterion::common_language,
    criterion::origin_knowledge, criterion::personality_fit, criterion::can_meet};

/// The criterion in words.
[[nodiscard]] constexpr std::string_view describe(criterion c) noexcept {
  switch (c) {
    case criterion::shared_interests: return "shared interests";
    case criterion::offers_wants: return "offers what is wanted";
    case criterion::common_language: return "a language in common";
    case criterion::origin_knowledge: return "knows the country of origin";
    case criterion::personality_fit: return "personality fit";
    case criterion::can_meet: return "both free when the role meets";
  }
  return "";
}

/// True for the criteria that count special-category data (languages, country of origin).
/// A fact derived from such data is as sensitive as the data: words and documents read
/// without the access step show these criteria only together, as their sum.
[[nodiscard]] constexpr bool reads_special_category(criterion c) noexcept {
  return c == criterion::common_language || c == criterion::origin_knowledge;
}

/// Weight of each criterion; never negative (matching_policy.hpp checks). Structural, for
/// compile-time policies.
struct score_weights {
  int shared_interests = 2;
  int offers_wants = 3;
  int common_language = 2;
  int origin_knowledge = 2;
  int personality_fit = 1;
  int can_meet = 3;

  [[nodiscard]] constexpr int of(criterion c) const noexcept {
    switch (c) {
      case criterion::shared_interests: return shared_interests;
      case criterion::offers_wants: return offers_wants;
      case criterion::common_language: return common_language;
      case criterion::origin_knowledge: return origin_knowledge;
      case criterion::personality_fit: return personality_fit;
      case criterion::can_meet: return can_meet;
    }
    return 0;
  }
  friend constexpr bool operator==(const score_weights&, const score_weights&) = default;
};

/// The scale of trait ratings (the sample school rates 1 to 5).
struct trait_scale {
  int min = 1;
  int max = 5;
  [[nodiscard]] constexpr bool valid() const noexcept { return min < max; }
  [[nodiscard]] constexpr int span() const noexcept { return max - min; }
  friend constexpr bool operator==(trait_scale, trait_scale) = default;
};

/// How a trait counts towards personality fit.
enum class fit_kind {
  similar,             ///< both rated: span - |a - b| (alike)
  complementary,       ///< both rated: |a - b| (shy with outgoing)
  supporter_strength,  ///< the supporter's rating - scale.min (patient, talks easily)
};

template <>
struct enum_keys<fit_kind> {
  static constexpr std::array<std::string_view, 3> keys{"similar", "complementary",
                                                        "supporter_strength"};
};

struct trait_fit {
  std::string trait;
  fit_kind kind = fit_kind::similar;
  friend bool operator==(const trait_fit&, const trait_fit&) = default;
};

/// The shipped personality fit for buddies: Hoofdvaart chose buddies who are patient and
/// talk easily (001); an outgoing buddy complements a shy supportee.
[[nodiscard]] inline std::vector<trait_fit> default_personality_fit() {
  return {{"patient", fit_kind::supporter_strength},
          {"talks_easily", fit_kind::supporter_strength},
          {"outgoing", fit_kind::complementary}};
}

/// One criterion of one pair.
struct criterion_score {
  criterion what = criterion::shared_interests;
  int raw = 0;              ///< the count found
  int weight = 0;           ///< the school's weight
  score_points points = 0;  ///< raw * weight
  /// Non-sensitive items behind raw (interests, offers); for can_meet, when the role meets.
  std::vector<std::string> because;
  friend bool operator==(const criterion_score&, const criterion_score&) = default;
};

/// Every criterion of one pair and their sum.
struct score_breakdown {
  std::array<criterion_score, all_criteria.size()> criteria{};  ///< in the order of all_criteria
  score_points total = 0;

  [[nodiscard]] const criterion_score& operator[](criterion c) const noexcept {
    return criteria[static_cast<std::size_t>(c)];
  }
  friend bool operator==(const score_breakdown&, const score_breakdown&) = default;
};

namespace detail {

/// Items present in both lists, each once, in the order of `a`.
inline std::vector<std::string> common_items(const std::vector<std::string>& a,
                                             const std::vector<std::string>& b) {
  std::vector<std::string> out;
  for (const auto& x : a)
    if (std::find(b.begin(), b.end(), x) != b.end() &&
        std::find(out.begin(), out.end(), x) == out.end())
      out.push_back(x);
  return out;
}

inline bool share_language(const student& a, const student& b) {
  const access_purpose why{"matching: score a language in common"};
  const auto& la = a.languages.reveal(why);
  const auto& lb = b.languages.reveal(why);
  return std::any_of(la.begin(), la.end(), [&](const std::string& l) {
    return std::find(lb.begin(), lb.end(), l) != lb.end();
  });
}

inline bool knows_origin(const student& supporter, const student& supportee) {
  const access_purpose why{"matching: score knowledge of the country of origin"};
  const auto& country = supportee.origin.reveal(why);
  if (!country || country->empty()) return false;
  const auto& own = supporter.origin.reveal(why);
  if (own && *own == *country) return true;
  return std::find(supporter.interests.begin(), supporter.interests.end(), *country) !=
         supporter.interests.end();
}

/// Points of one trait between two rated persons, by kind.
constexpr int trait_points(fit_kind kind, trait_scale scale, int a, int b) noexcept {
  switch (kind) {
    case fit_kind::similar: return std::max(0, scale.span() - std::abs(a - b));
    case fit_kind::complementary: return std::abs(a - b);
    case fit_kind::supporter_strength: return std::max(0, a - scale.min);
  }
  return 0;
}

inline int personality_points(const student& supporter, const student& supportee,
                              const std::vector<trait_fit>& fits, trait_scale scale) {
  int sum = 0;
  for (const auto& f : fits) {
    auto a = supporter.rating(f.trait);
    if (!a) continue;
    if (f.kind == fit_kind::supporter_strength) {
      sum += trait_points(f.kind, scale, *a, 0);
      continue;
    }
    if (auto b = supportee.rating(f.trait)) sum += trait_points(f.kind, scale, *a, *b);
  }
  return sum;
}

}  // namespace detail

/// The score of pairing `supporter` with `supportee` in a role that meets at `meets`,
/// criterion by criterion.
[[nodiscard]] inline score_breakdown score_pair(const student& supporter, const student& supportee,
                                                meeting_place meets, const score_weights& weights,
                                                const std::vector<trait_fit>& personality,
                                                trait_scale scale) {
  score_breakdown b;
  auto set = [&](criterion c, int raw, std::vector<std::string> because = {}) {
    auto& cs = b.criteria[static_cast<std::size_t>(c)];
    cs.what = c;
    cs.raw = raw;
    cs.weight = weights.of(c);
    cs.points = static_cast<score_points>(raw) * cs.weight;
    cs.because = std::move(because);
    b.total += cs.points;
  };
  auto interests = detail::common_items(supporter.interests, supportee.interests);
  const auto n_interests = static_cast<int>(interests.size());
  set(criterion::shared_interests, n_interests, std::move(interests));
  auto offered = detail::common_items(supporter.offers, supportee.wants);
  const auto n_offered = static_cast<int>(offered.size());
  set(criterion::offers_wants, n_offered, std::move(offered));
  set(criterion::common_language, detail::share_language(supporter, supportee) ? 1 : 0);
  set(criterion::origin_knowledge, detail::knows_origin(supporter, supportee) ? 1 : 0);
  set(criterion::personality_fit,
      detail::personality_points(supporter, supportee, personality, scale));
  set(criterion::can_meet, can_meet(meets, supporter.available, supportee.available) ? 1 : 0,
      {std::string(describe(meets))});
  return b;
}

}  // namespace peerkit
