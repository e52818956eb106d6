#pragma once
// Special-category personal data (GDPR art. 9: origin, health, belief, membership of a
// group) of minors. A value of such a kind is wrapped in sensitive<>, which has no
// stream operator, no conversion and no serialisation: the only way in is the explicit,
// grep-able reveal() with a stated purpose, so every use can be found and audited.

#include <iosfwd>
#include <string_view>
#include <utility>

namespace peerkit {

/// The GDPR special categories peerkit stores.
enum class special_category {
  origin,            ///< racial or ethnic origin, country of origin, languages that reveal it
  health,            ///< physical and mental health, support needs, diagnoses such as autism
  belief,            ///< religion or belief
  group_membership,  ///< membership of groups that may be in conflict with each other
};

/// Why special-category data is being read. Constructed explicitly at every access site.
class access_purpose {
 public:
  constexpr explicit access_purpose(std::string_view why) noexcept : why_(why) {}
  [[nodiscard]] constexpr std::string_view why() const noexcept { return why_; }

 private:
  std::string_view why_;
};

/// A special-category value. Copyable and comparable (comparing reveals nothing outside
/// the program), readable only through reveal().
template <class T, special_category Category>
class sensitive {
 public:
  using value_type = T;
  static constexpr special_category category = Category;

  sensitive() = default;
  explicit sensitive(T value) : value_(std::move(value)) {}

  /// The one access step: `reveal(access_purpose{"matching: languages in common"})`.
  [[nodiscard]] const T& reveal(access_purpose) const& noexcept { return value_; }
  /// Mutable access for the code that records the value (input, corrections, purge).
  [[nodiscard]] T& reveal_for_update(access_purpose) & noexcept { return value_; }

  friend bool operator==(const sensitive&, const sensitive&) = default;

 private:
  T value_{};
};

template <class T, special_category C>
std::ostream& operator<<(std::ostream&, const sensitive<T, C>&) = delete;

/// True for sensitive<> types: output and export code checks it to refuse them.
template <class T>
inline constexpr bool is_sensitive_v = false;
template <class T, special_category C>
inline constexpr bool is_sensitive_v<sensitive<T, C>> = true;

}  // namespace peerkit
