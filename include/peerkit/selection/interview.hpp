#pragma once
// An interview with a candidate supporter (000 step 4: "an interview, individual or in a
// group"): who held it, how, and a rating per trait on the school's scale.

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <peerkit/core/enum_keys.hpp>
#include <peerkit/core/error.hpp>
#include <peerkit/core/strong_id.hpp>
#include <peerkit/core/student.hpp>
#include <peerkit/selection/rating_scale.hpp>
#include <peerkit/selection/traits.hpp>

namespace peerkit {

enum class interview_format { individual, group };
template <>
struct enum_keys<interview_format> {
  static constexpr std::array<std::string_view, 2> keys{"individual", "group"};
};

struct interview {
  interview_format format = interview_format::individual;
  std::vector<trait_rating> ratings{};  ///< one per trait rated, on the school's scale
  std::optional<staff_id> interviewer{};
  date held_on{};  ///< not_a_date_time when not recorded

  [[nodiscard]] std::optional<int> rating(std::string_view trait) const noexcept {
    for (const auto& r : ratings)
      if (r.trait == trait) return r.value;
    return std::nullopt;
  }
  friend bool operator==(const interview&, const interview&) = default;
};

namespace detail {
/// Adds a problem for every rating off the scale, every trait rated twice and every bad key.
inline void check_ratings(const std::vector<trait_rating>& ratings, rating_scale scale,
                          const std::string& where, problem_list& problems) {
  for (std::size_t i = 0; i < ratings.size(); ++i) {
    const auto& r = ratings[i];
    if (!valid_trait_key(r.trait)) {
      problems.add("selection.invalid_rating", element_location(where, i),
                   "expected a trait key (one word, no spaces), found \"" + r.trait + "\"");
      continue;
    }
    const auto at = where + "." + r.trait;
    if (!scale.contains(r.value))
      problems.add("selection.rating_out_of_scale", at,
                   "rating " + std::to_string(r.value) + " for " + trait_label(r.trait) +
                       " is outside the school's scale " + scale.to_string());
    for (std::size_t j = 0; j < i; ++j)
      if (ratings[j].trait == r.trait) {
        problems.add("selection.duplicate_rating", at,
                     trait_label(r.trait) + " is rated twice; rate each trait once per interview");
        break;
      }
  }
}
}  // namespace detail

}  // namespace peerkit
