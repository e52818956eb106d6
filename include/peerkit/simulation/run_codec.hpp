#pragma once
// A simulation run as bytes and back, exactly: every field of the run, its years (summary,
// pairs, effects) and its weeks, so that a run computed in one process and written by
// another gives the same output bytes. Integers are written little-endian in their own
// width (std::size_t as 64 bits), a double as the 64-bit pattern of its bits, a date as the
// days since 1970-01-01, an enum as its 32-bit value; lists start with their length. The
// layout is the same on every machine, whatever its byte order.
//
//   const auto bytes = encode_run(run);         // std::vector<std::byte>
//   const simulation_run back = decode_run(bytes);
//
// Decoding checks everything it reads: bytes that end early, a list longer than the bytes
// left, an enum or a flag out of range, a date outside the calendar or bytes left over
// throw peerkit::error (simulation.run_bytes) located at the byte offset; garbage never
// reads out of bounds.

#include <bit>
#include <concepts>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <span>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include <peerkit/core/enum_keys.hpp>
#include <peerkit/core/error.hpp>
#include <peerkit/core/strong_id.hpp>
#include <peerkit/simulation/sweep.hpp>
#include <peerkit/simulation/year_simulation.hpp>

namespace peerkit {

namespace detail {

/// The first bytes of an encoded run ("pkr" and the layout's version), so that bytes of
/// something else are refused at once.
inline constexpr std::uint32_t run_bytes_tag = 0x01'72'6b'70;

inline const date run_bytes_epoch{1970, 1, 1};

// Each struct's fields, listed once for both directions: `f` is a run_writer or a
// run_reader, `x` const or not.
template <class Key, class F>
void stream_key_fields(Key& x, F& f) {
  f(x.seed), f(x.point), f(x.replication), f(x.entity), f(x.purpose);
}

template <class Summary, class F>
void year_summary_fields(Summary& x, F& f) {
  f(x.year), f(x.supporters), f(x.supportees), f(x.pairs), f(x.early_endings), f(x.rematches);
  f(x.late_matches), f(x.never_matched), f(x.meetings_planned), f(x.meetings_held);
  f(x.meetings_per_month), f(x.months_supported), f(x.early_share), f(x.escalations);
  f(x.escalations_late), f(x.sessions_planned), f(x.sessions_held), f(x.coaches_left);
  f(x.mean_effect), f(x.support);
}

template <class Pair, class F>
void pair_outcome_fields(Pair& x, F& f) {
  f(x.pair_index), f(x.id), f(x.role), f(x.started), f(x.ended), f(x.reason), f(x.early);
  f(x.rematch), f(x.meetings_planned), f(x.meetings_held), f(x.closeness);
}

template <class Week, class F>
void week_fields(Week& x, F& f) {
  f(x.monday), f(x.active_pairs), f(x.meetings_held), f(x.mean_closeness);
}

template <class Year, class F>
void year_outcome_fields(Year& x, F& f) {
  year_summary_fields(x.summary, f);
  f(x.pairs), f(x.effects);
}

template <class Run, class F>
void run_fields(Run& x, F& f) {
  f(x.run), f(x.point), f(x.replication);
  stream_key_fields(x.key, f);
  f(x.years), f(x.weeks);
}

/// The unsigned integer of T's width on the wire.
template <class T>
using wire_word = std::conditional_t<
    sizeof(T) == 8, std::uint64_t,
    std::conditional_t<sizeof(T) == 4, std::uint32_t,
                       std::conditional_t<sizeof(T) == 2, std::uint16_t, std::uint8_t>>>;

class run_writer {
 public:
  std::vector<std::byte> bytes;

  template <class T>
  void operator()(const T& v) {
    if constexpr (std::is_same_v<T, bool>) {
      word(std::uint8_t{v});
    } else if constexpr (std::is_same_v<T, std::size_t>) {
      word(std::uint64_t{v});
    } else if constexpr (std::is_enum_v<T>) {
      word(static_cast<std::uint32_t>(v));
    } else if constexpr (std::integral<T>) {
      word(static_cast<wire_word<T>>(v));
    } else if constexpr (std::is_same_v<T, double>) {
      word(std::bit_cast<std::uint64_t>(v));
    } else if constexpr (std::is_same_v<T, date>) {
      word(static_cast<std::uint64_t>(std::int64_t{(v - run_bytes_epoch).days()}));
    } else if constexpr (std::is_same_v<T, pair_id>) {
      word(v.value());
    } else if constexpr (std::is_same_v<T, year_outcome>) {
      year_outcome_fields(v, *this);
    } else if constexpr (std::is_same_v<T, pair_outcome>) {
      pair_outcome_fields(v, *this);
    } else if constexpr (std::is_same_v<T, week_ended_event>) {
      week_fields(v, *this);
    } else {
      word(std::uint64_t{v.size()});  // a std::vector
      for (const auto& e : v) (*this)(e);
    }
  }

 private:
  template <std::unsigned_integral U>
  void word(U w) {
    for (std::size_t i = 0; i < sizeof(U); ++i)
      bytes.push_back(static_cast<std::byte>(w >> (8 * i) & 0xff));
  }
};

class run_reader {
 public:
  explicit run_reader(std::span<const std::byte> bytes) : bytes_(bytes) {}

  template <class T>
  void operator()(T& v) {
    if constexpr (std::is_same_v<T, bool>) {
      const auto b = word<std::uint8_t>();
      if (b > 1) refuse(1, "a flag (0 or 1), found " + std::to_string(b));
      v = b == 1;
    } else if constexpr (std::is_same_v<T, std::size_t>) {
      const auto w = word<std::uint64_t>();
      if constexpr (sizeof(std::size_t) < sizeof(w))
        if (w > std::numeric_limits<std::size_t>::max()) refuse(8, "a count this machine holds");
      v = static_cast<std::size_t>(w);
    } else if constexpr (std::is_enum_v<T>) {
      const auto w = word<std::uint32_t>();
      if (w >= enum_keys<T>::keys.size()) refuse(4, "an enum value, found " + std::to_string(w));
      v = static_cast<T>(w);
    } else if constexpr (std::integral<T>) {
      v = static_cast<T>(word<wire_word<T>>());
    } else if constexpr (std::is_same_v<T, double>) {
      v = std::bit_cast<double>(word<std::uint64_t>());
    } else if constexpr (std::is_same_v<T, date>) {
      static const auto first = (date{1400, 1, 1} - run_bytes_epoch).days();
      static const auto last = (date{9999, 12, 31} - run_bytes_epoch).days();
      const auto days = static_cast<std::int64_t>(word<std::uint64_t>());
      if (days < first || days > last) refuse(8, "a date from 1400 to 9999");
      v = run_bytes_epoch + boost::gregorian::days(static_cast<long>(days));
    } else if constexpr (std::is_same_v<T, pair_id>) {
      v = pair_id{word<std::uint32_t>()};
    } else if constexpr (std::is_same_v<T, year_outcome>) {
      year_outcome_fields(v, *this);
    } else if constexpr (std::is_same_v<T, pair_outcome>) {
      pair_outcome_fields(v, *this);
    } else if constexpr (std::is_same_v<T, week_ended_event>) {
      week_fields(v, *this);
    } else {
      // A std::vector: every element takes at least one byte, so a length beyond the bytes
      // left is refused before anything is allocated.
      const auto n = word<std::uint64_t>();
      if (n > bytes_.size() - at_) refuse(8, "a list length within the bytes left");
      v.clear();
      v.reserve(static_cast<std::size_t>(n));
      for (std::uint64_t i = 0; i < n; ++i) (*this)(v.emplace_back());
    }
  }

  template <std::unsigned_integral U>
  U word() {
    if (bytes_.size() - at_ < sizeof(U))
      throw error("simulation.run_bytes", "byte " + std::to_string(at_),
                  "expected " + std::to_string(sizeof(U)) + " more bytes of a run, found " +
                      std::to_string(bytes_.size() - at_));
    U w = 0;
    for (std::size_t i = 0; i < sizeof(U); ++i)
      w |= static_cast<U>(static_cast<U>(bytes_[at_ + i]) << (8 * i));
    at_ += sizeof(U);
    return w;
  }

  void finish() const {
    if (at_ != bytes_.size())
      throw error("simulation.run_bytes", "byte " + std::to_string(at_),
                  "expected the end of a run, found " + std::to_string(bytes_.size() - at_) +
                      " more bytes");
  }

 private:
  /// Refuses the value of `width` bytes just read.
  [[noreturn]] void refuse(std::size_t width, const std::string& expected) const {
    throw error("simulation.run_bytes", "byte " + std::to_string(at_ - width),
                "expected " + expected + " in the bytes of a run");
  }

  std::span<const std::byte> bytes_;
  std::size_t at_ = 0;
};

}  // namespace detail

/// The bytes of run `r`: decode_run() gives it back equal, every double to the bit.
[[nodiscard]] inline std::vector<std::byte> encode_run(const simulation_run& r) {
  detail::run_writer w;
  w(detail::run_bytes_tag);
  detail::run_fields(r, w);
  return std::move(w.bytes);
}

/// The run whose bytes encode_run() gave. Throws peerkit::error (simulation.run_bytes) for
/// bytes that are not exactly one encoded run.
[[nodiscard]] inline simulation_run decode_run(std::span<const std::byte> bytes) {
  detail::run_reader r(bytes);
  if (r.word<std::uint32_t>() != detail::run_bytes_tag)
    throw error("simulation.run_bytes", "byte 0",
                "expected the bytes of a simulation run (they start with \"pkr\" and 1), found "
                "something else");
  simulation_run run;
  detail::run_fields(run, r);
  r.finish();
  return run;
}

}  // namespace peerkit
