#pragma once
// The scale on which a school rates personal traits: in interviews and in student records.
// The school sets it (1..5 unless it says otherwise); profiles state their minimums on it.

#include <string>

namespace peerkit {

/// An inclusive range of whole ratings, e.g. 1..5.
struct rating_scale {
  int lowest = 1;
  int highest = 5;

  [[nodiscard]] constexpr bool valid() const noexcept { return lowest < highest; }
  [[nodiscard]] constexpr bool contains(int rating) const noexcept {
    return lowest <= rating && rating <= highest;
  }
  /// "1..5", for messages.
  [[nodiscard]] std::string to_string() const {
    return std::to_string(lowest) + ".." + std::to_string(highest);
  }
  friend constexpr bool operator==(rating_scale, rating_scale) = default;
};

/// The scale a school gets unless it sets its own.
inline constexpr rating_scale default_rating_scale{1, 5};

}  // namespace peerkit
