#pragma once
// Stable keyed pseudonyms for research exports. A pseudonym is HMAC-SHA-256 (RFC 2104,
// FIPS 180-4) under a secret key the school keeps, of the text "peerkit/<kind>:<id>"
// (e.g. "peerkit/student:1042"), cut to its first 128 bits and written as 32 hex digits.
// The same key gives the same pseudonym on every run and machine, so exports of several
// years link up; without the key a pseudonym cannot be traced back to a student number
// or recomputed from one. A new key (per research project) gives unlinkable pseudonyms.

#include <algorithm>
#include <array>
#include <bit>
#include <compare>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include <peerkit/core/error.hpp>
#include <peerkit/core/safe_text.hpp>
#include <peerkit/core/strong_id.hpp>

namespace peerkit {

namespace detail {

/// SHA-256 (FIPS 180-4), incremental.
class sha256 {
 public:
  using digest = std::array<std::uint8_t, 32>;

  void update(std::span<const std::uint8_t> data) noexcept;
  void update(std::string_view text) noexcept;

  /// The digest of everything added; the object is spent afterwards.
  [[nodiscard]] digest finish() noexcept;

 private:
  static constexpr std::array<std::uint32_t, 64> k{
      0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4,
      0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe,
      0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f,
      0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7,
      0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc,
      0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b,
      0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116,
      0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
      0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
      0xc67178f2};

  void compress(const std::uint8_t* block) noexcept;

  std::array<std::uint32_t, 8> state_{0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                                      0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
  std::array<std::uint8_t, 64> buffer_{};
  std::size_t buffered_ = 0;
  std::uint64_t length_ = 0;
};

}  // namespace detail

/// HMAC-SHA-256 (RFC 2104). The padded key is hashed once, at construction.
class hmac_sha256 {
 public:
  explicit hmac_sha256(std::span<const std::uint8_t> key) noexcept;

  [[nodiscard]] detail::sha256::digest operator()(
      std::span<const std::uint8_t> message) const noexcept;
  [[nodiscard]] detail::sha256::digest operator()(std::string_view message) const noexcept;

 private:
  detail::sha256 inner_;
  detail::sha256 outer_;
};

/// A research pseudonym: 128 bits, written as 32 lowercase hex digits.
struct pseudonym {
  std::array<std::uint8_t, 16> bytes{};

  [[nodiscard]] std::string to_string() const;
  // Ordered through std::array's operator<: libc++ 14's std::array has no operator<=>.
  friend constexpr bool operator==(const pseudonym&, const pseudonym&) = default;
  friend constexpr bool operator<(const pseudonym& a, const pseudonym& b) {
    return a.bytes < b.bytes;
  }
};

/// Makes pseudonyms under one secret key. The key stays with the school (the
/// controller); it is never written into an export.
class pseudonymiser {
 public:
  /// Shorter keys are refused: 128 bits is the least that resists guessing.
  static constexpr std::size_t min_key_bytes = 16;

  /// Throws peerkit::error ("privacy.weak_key") for a key shorter than min_key_bytes.
  explicit pseudonymiser(std::span<const std::uint8_t> key)
      : mac_(checked(key, "pseudonymiser.key")) {}
  explicit pseudonymiser(std::string_view key) : pseudonymiser(bytes_of(key)) {}

  /// The pseudonymiser under the key a key file holds: `text`, the file's bytes, without
  /// one final line ending ("\n" or "\r\n"), so that a key saved by an editor that ends
  /// its last line gives the same pseudonyms as the key saved without one. A weak key is
  /// located at `file`, the name of the key file.
  [[nodiscard]] static pseudonymiser from_key_file(std::string_view text, const std::string& file);

  [[nodiscard]] pseudonym of(student_id id) const { return make("student", id.value()); }
  [[nodiscard]] pseudonym of(staff_id id) const { return make("staff", id.value()); }
  [[nodiscard]] pseudonym of(pair_id id) const { return make("pair", id.value()); }

 private:
  pseudonymiser(std::span<const std::uint8_t> key, const std::string& location)
      : mac_(checked(key, location)) {}
  static std::span<const std::uint8_t> bytes_of(std::string_view text) noexcept {
    return std::span(reinterpret_cast<const std::uint8_t*>(text.data()), text.size());
  }
  static std::span<const std::uint8_t> checked(std::span<const std::uint8_t> key,
                                               const std::string& location);
  [[nodiscard]] pseudonym make(std::string_view kind, std::uint32_t value) const;

  hmac_sha256 mac_;
};

}  // namespace peerkit

#ifndef PEERKIT_COMPILED
#include <peerkit/privacy/pseudonym-inl.hpp>
#endif
