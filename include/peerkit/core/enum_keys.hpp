#pragma once
// The spelling of enumerators in files (JSON, CSV, settings): one table per enum, read
// both ways. An enum opts in by specialising enum_keys with its keys in enumerator order.

#include <array>
#include <concepts>
#include <cstddef>
#include <optional>
#include <string_view>
#include <type_traits>

namespace peerkit {

template <class E>
struct enum_keys;

/// An enumeration whose enumerators 0..N-1 have keys for files.
template <class E>
concept KeyedEnum = std::is_enum_v<E> && requires {
  { enum_keys<E>::keys[0] } -> std::convertible_to<std::string_view>;
};

/// "peer_buddy" for supporter_role::peer_buddy.
template <KeyedEnum E>
[[nodiscard]] constexpr std::string_view key_of(E e) noexcept {
  return enum_keys<E>::keys[static_cast<std::size_t>(e)];
}

/// The enumerator spelled `key`, if there is one.
template <KeyedEnum E>
[[nodiscard]] constexpr std::optional<E> from_key(std::string_view key) noexcept {
  for (std::size_t i = 0; i < enum_keys<E>::keys.size(); ++i)
    if (enum_keys<E>::keys[i] == key) return static_cast<E>(i);
  return std::nullopt;
}

}  // namespace peerkit
