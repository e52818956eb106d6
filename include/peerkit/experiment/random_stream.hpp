#pragma once
// Streams of random words named by what they are for. A stream is Philox4x32-10 keyed by
// the experiment's seed, its counter holding the stream's name (entity, replication,
// purpose, point) and the block number; so a stream's numbers depend on its name only,
// never on which thread draws them or on what other streams drew before.

#include <concepts>
#include <cstddef>
#include <cstdint>
#include <string>

#include <peerkit/config.hpp>
#include <peerkit/core/error.hpp>
#include <peerkit/experiment/philox.hpp>

namespace peerkit {

/// Anything that gives uniformly distributed 32-bit words, one per next(): random_stream,
/// or a fixed sequence in a test. The distributions draw from any of them.
template <class R>
concept RandomSource = requires(R& r) {
  { r.next() } -> std::same_as<std::uint32_t>;
};

/// The largest point and purpose a stream key may name: they share the counter's last word,
/// the point in its low 24 bits and the purpose in its high 8.
inline constexpr std::uint32_t max_stream_point = (std::uint32_t{1} << 24) - 1;
inline constexpr std::uint32_t max_stream_purpose = 255;

/// The name of a stream. By default the streams of replication r are the same in every
/// design point (common random numbers): a key names its point only where points must differ.
struct stream_key {
  std::uint64_t seed = 0;         ///< the experiment's master seed: the Philox key
  std::uint32_t point = 0;        ///< the design point, at most max_stream_point
  std::uint32_t replication = 0;  ///< the replication
  std::uint32_t entity = 0;       ///< the pair, student or other thing the numbers are for
  std::uint32_t purpose = 0;      ///< what the numbers decide, at most max_stream_purpose

  friend bool operator==(const stream_key&, const stream_key&) = default;
};

/// The words of one stream, in order: the four words of block 0, then of block 1, ... where
/// block b is philox4x32_10({b, entity, replication, purpose << 24 | point}, {seed's low
/// word, seed's high word}). A stream holds 2^34 words. Small (a few words) and cheap to
/// make: one stream per entity and purpose is the intended use.
class random_stream {
 public:
  /// Throws peerkit::error (data.out_of_range) if the key's point or purpose is too large.
  explicit random_stream(const stream_key& key)
      : key_{static_cast<std::uint32_t>(key.seed), static_cast<std::uint32_t>(key.seed >> 32)},
        counter_{0, key.entity, key.replication, key.purpose << 24 | key.point} {
    if (key.point > max_stream_point || key.purpose > max_stream_purpose) [[unlikely]]
      throw_out_of_range(key);
  }

  /// The next word of the stream. Blocks are drawn when first needed, so a stream that is
  /// made and never used costs nothing.
  [[nodiscard]] std::uint32_t next() {
    if (used_ == block_.size()) [[unlikely]] {
      // After the first block, a block number of 0 means it wrapped round: the stream
      // would repeat from its start.
      PEERKIT_ASSERT(!drawn_ || counter_[0] != 0,
                     "random_stream: a stream holds at most 2^34 words");
      draw_block();
    }
    return block_[used_++];
  }

  /// The next two words as one number, the first word high.
  [[nodiscard]] std::uint64_t next64() {
    const std::uint64_t high = next();
    return high << 32 | next();
  }

 private:
  void draw_block() {
    block_ = philox4x32_10(counter_, key_);
    ++counter_[0];
    used_ = 0;
    drawn_ = true;
  }

  [[noreturn]] static void throw_out_of_range(const stream_key& key) {
    problem_list problems;
    if (key.point > max_stream_point)
      problems.add(
          "data.out_of_range", "stream_key.point",
          std::to_string(key.point) + " is outside 0.." + std::to_string(max_stream_point));
    if (key.purpose > max_stream_purpose)
      problems.add(
          "data.out_of_range", "stream_key.purpose",
          std::to_string(key.purpose) + " is outside 0.." + std::to_string(max_stream_purpose));
    throw error(problems.problems());
  }

  philox_key key_;
  philox_counter counter_;  ///< counter_[0]: the number of the next block
  philox_counter block_{};  ///< the words of the current block
  std::size_t used_ = 4;    ///< how many of them next() has given; all before the first
  bool drawn_ = false;      ///< a block was drawn
};

static_assert(RandomSource<random_stream>);

}  // namespace peerkit
