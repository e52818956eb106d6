#pragma once
// Numbers of the common distributions, drawn from any RandomSource and computed by peerkit
// itself: the standard library's distributions are not specified to the bit and differ
// between standard libraries. Each function says which words it draws, in which order, so
// that a stream's use stays the same wherever it is read (docs/experiments.md).

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <numbers>
#include <span>
#include <utility>

#include <peerkit/config.hpp>
#include <peerkit/experiment/random_stream.hpp>

namespace peerkit {

/// A number uniform on [0, 1) with 53 random bits: two words, the first one high, of which
/// the top 53 bits count.
template <RandomSource R>
[[nodiscard]] double uniform01(R& r) {
  const std::uint64_t high = r.next();
  const std::uint64_t bits = high << 32 | r.next();
  return static_cast<double>(bits >> 11) * 0x1p-53;
}

/// A whole number uniform on 0..n-1, n >= 1, without bias, by Lemire's multiply-and-reject
/// ("Fast Random Integer Generation in an Interval", 2019): the high word of word × n, where
/// a word whose low product falls in the short last interval is drawn again (fewer than n
/// in 2^32 words are).
template <RandomSource R>
[[nodiscard]] std::uint32_t uniform_below(R& r, std::uint32_t n) {
  PEERKIT_ASSERT(n > 0, "uniform_below: n >= 1");
  std::uint64_t product = std::uint64_t{r.next()} * n;
  if (static_cast<std::uint32_t>(product) < n) {
    const std::uint32_t short_interval = (std::uint32_t{0} - n) % n;  // 2^32 mod n
    while (static_cast<std::uint32_t>(product) < short_interval)
      product = std::uint64_t{r.next()} * n;
  }
  return static_cast<std::uint32_t>(product >> 32);
}

/// True with probability p: uniform01(r) < p. It draws its two words whatever p is, so a
/// stream stays aligned when p changes between design points. p is clamped to [0, 1]: at 0
/// or below never true, at 1 or above always (uniform01 is below 1). p is not NaN.
template <RandomSource R>
[[nodiscard]] bool bernoulli(R& r, double p) {
  PEERKIT_ASSERT(!std::isnan(p), "bernoulli: p is a number");
  return uniform01(r) < p;
}

/// True with probability p at a resolution of 2^-32, from one word: the cheaper form for
/// chances drawn in hot loops (weekly hazards, attendance), where a probability below
/// 2^-32 does not matter. Like bernoulli, it draws its word whatever p is; p clamps to
/// [0, 1].
template <RandomSource R>
[[nodiscard]] bool bernoulli32(R& r, double p) {
  PEERKIT_ASSERT(!std::isnan(p), "bernoulli32: p is a number");
  return static_cast<double>(r.next()) < p * 4294967296.0;
}

/// Exponential with the given rate > 0 (mean 1/rate), by inversion: -log(1 - u) / rate for
/// u = uniform01(r); 1 - u is in (0, 1], so the value is finite.
template <RandomSource R>
[[nodiscard]] double exponential(R& r, double rate) {
  PEERKIT_ASSERT(rate > 0, "exponential: rate > 0");
  return -std::log(1 - uniform01(r)) / rate;
}

/// Normal with the given mean and standard deviation sd >= 0, by Box–Muller: a first
/// uniform01 u gives the radius sqrt(-2 log(1 - u)), a second v the angle 2πv, and the value
/// is mean + sd × radius × cos(angle). The twin value (the sine) is not kept, so a call
/// always draws four words and leaves no state behind.
template <RandomSource R>
[[nodiscard]] double normal(R& r, double mean, double sd) {
  PEERKIT_ASSERT(sd >= 0, "normal: sd >= 0");
  const double radius = std::sqrt(-2 * std::log(1 - uniform01(r)));
  const double angle = 2 * std::numbers::pi * uniform01(r);
  return mean + sd * radius * std::cos(angle);
}

/// The largest mean poisson() takes: beyond it PTRS's acceptance test loses its precision.
inline constexpr double max_poisson_mean = 1e9;

namespace detail {
/// ln k! for a whole number k >= 0: from the factorial itself below 10, from Stirling's
/// series (absolute error below 1e-14) from 10 on.
[[nodiscard]] inline double log_factorial(double k) {
  if (k < 10) {
    double factorial = 1;
    for (double i = 2; i <= k; ++i) factorial *= i;
    return std::log(factorial);
  }
  const double x = k + 1;  // ln k! = ln Γ(k + 1)
  const double w = 1 / (x * x);
  const double series =
      (1.0 / 12 + w * (-1.0 / 360 + w * (1.0 / 1260 + w * (-1.0 / 1680 + w / 1188)))) / x;
  return (x - 0.5) * std::log(x) - x + 0.5 * std::log(2 * std::numbers::pi) + series;
}
}  // namespace detail

/// Poisson with the given mean, 0 <= mean <= max_poisson_mean. Below 10, by inversion of
/// one uniform01 (the count grows with the uniform, so nearby means give nearby counts from
/// the same words). From 10 on, by Hörmann's transformed rejection with squeeze (PTRS: "The
/// transformed rejection method for generating Poisson random variables", 1993): two
/// uniform01 per try, most first tries accepted.
template <RandomSource R>
[[nodiscard]] std::uint64_t poisson(R& r, double mean) {
  PEERKIT_ASSERT(mean >= 0 && mean <= max_poisson_mean, "poisson: 0 <= mean <= 1e9");
  if (mean < 10) {
    const double u = uniform01(r);
    double term = std::exp(-mean);  // P(X = k), from k = 0
    double cumulative = term;
    std::uint64_t k = 0;
    // Rounding may leave the sum a hair below u: the search also stops when terms vanish.
    while (u >= cumulative && term > 0) {
      ++k;
      term *= mean / static_cast<double>(k);
      cumulative += term;
    }
    return k;
  }
  const double log_mean = std::log(mean);
  const double b = 0.931 + 2.53 * std::sqrt(mean);
  const double a = -0.059 + 0.02483 * b;
  const double log_inverse_alpha = std::log(1.1239 + 1.1328 / (b - 3.4));
  const double v_r = 0.9277 - 3.6224 / (b - 2);
  for (;;) {
    const double u = uniform01(r) - 0.5;
    const double v = uniform01(r);
    const double us = 0.5 - std::abs(u);
    const double k = std::floor((2 * a / us + b) * u + mean + 0.43);
    if (us >= 0.07 && v <= v_r) return static_cast<std::uint64_t>(k);  // the squeeze
    if (k < 0 || (us < 0.013 && v > us)) continue;
    if (std::log(v) + log_inverse_alpha - std::log(a / (us * us) + b) <=
        -mean + k * log_mean - detail::log_factorial(k))
      return static_cast<std::uint64_t>(k);
  }
}

/// Puts `items` in a random order, every order equally likely, by Fisher–Yates from the
/// back: for i from the last index down to 1, items[i] swaps with items[uniform_below(r,
/// i + 1)]. At most 2^32 - 1 items.
template <RandomSource R, class T>
void shuffle(R& r, std::span<T> items) {
  PEERKIT_ASSERT(items.size() <= std::numeric_limits<std::uint32_t>::max(),
                 "shuffle: at most 2^32 - 1 items");
  for (std::size_t i = items.size(); i > 1; --i) {
    using std::swap;
    swap(items[i - 1], items[uniform_below(r, static_cast<std::uint32_t>(i))]);
  }
}

}  // namespace peerkit
