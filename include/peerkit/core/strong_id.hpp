#pragma once
// Identifiers that cannot be mixed up: a student_id is not a staff_id, although both
// are numbers underneath (the school's own student and staff numbers).

#include <compare>
#include <cstdint>
#include <functional>

namespace peerkit {

/// A number tagged with what it identifies. Conversions are explicit both ways.
template <class Tag, class Rep = std::uint32_t>
class strong_id {
 public:
  using rep = Rep;
  constexpr strong_id() noexcept = default;
  constexpr explicit strong_id(Rep value) noexcept : value_(value) {}
  [[nodiscard]] constexpr Rep value() const noexcept { return value_; }
  friend constexpr auto operator<=>(strong_id, strong_id) noexcept = default;

 private:
  Rep value_{};
};

using student_id = strong_id<struct student_tag>;
using staff_id = strong_id<struct staff_tag>;
using class_id = strong_id<struct class_tag>;
using pair_id = strong_id<struct pair_tag>;

}  // namespace peerkit

template <class Tag, class Rep>
struct std::hash<peerkit::strong_id<Tag, Rep>> {
  std::size_t operator()(peerkit::strong_id<Tag, Rep> id) const noexcept {
    return std::hash<Rep>{}(id.value());
  }
};
