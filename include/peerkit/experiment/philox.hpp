#pragma once
// Philox4x32-10, the counter-based generator of Salmon, Moraes, Dror and Shaw ("Parallel
// Random Numbers: As Easy as 1, 2, 3", SC11): a keyed bijection of a 128-bit counter. The
// n-th block of a stream is a function of (key, n) alone, so any block can be drawn on any
// thread in any order and still be the same bits.

#include <array>
#include <cstdint>

namespace peerkit {

/// The 128-bit counter and the 64-bit key of Philox4x32, as 32-bit words.
using philox_counter = std::array<std::uint32_t, 4>;
using philox_key = std::array<std::uint32_t, 2>;

/// The block of four words Philox4x32 with 10 rounds gives for `counter` under `key`; the
/// same as Random123's philox4x32 (checked against its known-answer vectors).
[[nodiscard]] constexpr philox_counter philox4x32_10(philox_counter counter,
                                                     philox_key key) noexcept {
  // 64-bit, so that a multiplication gives both halves of the product.
  constexpr std::uint64_t multiplier0 = 0xD2511F53;
  constexpr std::uint64_t multiplier1 = 0xCD9E8D57;
  // The key grows by these Weyl increments (the golden ratio and sqrt(3) - 1) between rounds.
  constexpr std::uint32_t weyl0 = 0x9E3779B9;
  constexpr std::uint32_t weyl1 = 0xBB67AE85;
  for (int round = 0; round < 10; ++round) {
    if (round > 0) {
      key[0] += weyl0;
      key[1] += weyl1;
    }
    const std::uint64_t product0 = multiplier0 * counter[0];
    const std::uint64_t product1 = multiplier1 * counter[2];
    const auto high = [](std::uint64_t p) { return static_cast<std::uint32_t>(p >> 32); };
    const auto low = [](std::uint64_t p) { return static_cast<std::uint32_t>(p); };
    counter = {high(product1) ^ counter[1] ^ key[0], low(product1),
               high(product0) ^ counter[3] ^ key[1], low(product0)};
  }
  return counter;
}

}  // namespace peerkit
