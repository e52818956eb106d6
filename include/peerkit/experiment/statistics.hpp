#pragma once
// Summaries of experiment outcomes across replications: a running mean and variance fed one
// value at a time, Student's t interval of the mean, paired differences between two
// variants run on the same replications, the Wilson interval of a share and sample
// quantiles. The quantiles of the normal and t distributions are computed here, by bisection
// on their distribution functions, so the same input gives the same numbers everywhere
// (no table, no library whose approximation may differ).

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <numbers>
#include <span>

#include <peerkit/config.hpp>

namespace peerkit {

/// Count, mean, sample variance, minimum and maximum of values added one at a time, in a
/// single pass (Welford's update, which stays accurate when the values are large and close
/// together). Adding the same values in the same order gives the same bits.
class running_summary {
 public:
  /// Adds one value; it is finite.
  void add(double value) noexcept {
    PEERKIT_ASSERT(std::isfinite(value), "running_summary::add: the value is finite");
    ++count_;
    const double delta = value - mean_;
    mean_ += delta / static_cast<double>(count_);
    squares_ += delta * (value - mean_);
    min_ = count_ == 1 ? value : std::min(min_, value);
    max_ = count_ == 1 ? value : std::max(max_, value);
  }

  [[nodiscard]] std::size_t count() const noexcept { return count_; }
  /// Requires count() >= 1.
  [[nodiscard]] double mean() const noexcept {
    PEERKIT_ASSERT(count_ >= 1, "running_summary::mean: at least one value");
    return mean_;
  }
  /// The sample variance (divided by count() - 1); requires count() >= 2.
  [[nodiscard]] double variance() const noexcept {
    PEERKIT_ASSERT(count_ >= 2, "running_summary::variance: at least two values");
    return squares_ / static_cast<double>(count_ - 1);
  }
  /// The sample standard deviation; requires count() >= 2.
  [[nodiscard]] double sd() const noexcept { return std::sqrt(variance()); }
  /// Requires count() >= 1.
  [[nodiscard]] double min() const noexcept {
    PEERKIT_ASSERT(count_ >= 1, "running_summary::min: at least one value");
    return min_;
  }
  /// Requires count() >= 1.
  [[nodiscard]] double max() const noexcept {
    PEERKIT_ASSERT(count_ >= 1, "running_summary::max: at least one value");
    return max_;
  }

 private:
  std::size_t count_ = 0;
  double mean_ = 0;
  double squares_ = 0;  // sum of squared deviations from the running mean
  double min_ = 0;
  double max_ = 0;
};

/// The differences a_i - b_i of two variants measured on the same replications (the same
/// seeds), fed pair by pair. Its interval is the paired t interval: common random numbers
/// cancel in the difference, so it is much narrower than comparing two separate intervals.
class paired_difference {
 public:
  void add(double a, double b) noexcept { differences_.add(a - b); }
  [[nodiscard]] const running_summary& differences() const noexcept { return differences_; }

 private:
  running_summary differences_;
};

/// A two-sided interval [low, high].
struct interval {
  double low = 0;
  double high = 0;
  friend bool operator==(const interval&, const interval&) = default;
};

namespace detail {

// The x >= 0 where the decreasing two-sided tail P(|X| > x) of a symmetric distribution
// falls to `target` (0 < target < 1), by bisection: no starting guess to go wrong, and it
// stops only when no double lies between the ends, so the answer is as exact as `tail` is.
template <class Tail>
double symmetric_quantile(Tail tail, double target) {
  double low = 0;
  double high = 1;
  while (tail(high) > target) {
    low = high;
    high *= 2;
  }
  for (double mid = low + (high - low) / 2; mid > low && mid < high; mid = low + (high - low) / 2)
    (tail(mid) > target ? low : high) = mid;
  return high;
}

// P(|T| <= t) for Student's t with `df` >= 1 degrees of freedom, from the finite sums of
// Abramowitz and Stegun 26.7.3 and 26.7.4 (exact for whole degrees of freedom; all terms
// are positive, so nothing cancels). Cost O(df).
inline double student_t_central(double t, std::size_t df) {
  const double nu = static_cast<double>(df);
  const double theta = std::atan2(t, std::sqrt(nu));
  const double sin_theta = std::sin(theta);
  const double cos2 = nu / (nu + t * t);
  double sum = 1;
  double term = 1;
  if (df % 2 == 0) {
    for (std::size_t k = 1; 2 * k < df; ++k) {
      term *= cos2 * static_cast<double>(2 * k - 1) / static_cast<double>(2 * k);
      sum += term;
    }
    return sin_theta * sum;
  }
  if (df == 1) return 2 * theta / std::numbers::pi;
  for (std::size_t k = 1; 2 * k + 1 < df; ++k) {
    term *= cos2 * static_cast<double>(2 * k) / static_cast<double>(2 * k + 1);
    sum += term;
  }
  return 2 * (theta + sin_theta * std::cos(theta) * sum) / std::numbers::pi;
}

}  // namespace detail

/// The p-quantile of the standard normal distribution, 0 < p < 1.
[[nodiscard]] inline double normal_quantile(double p) noexcept {
  PEERKIT_ASSERT(p > 0 && p < 1, "normal_quantile: 0 < p < 1");
  if (p == 0.5) return 0;
  // The tail through erfc keeps its digits far out, where 1 - erf would lose them.
  const double x = detail::symmetric_quantile(
      [](double z) { return std::erfc(z / std::numbers::sqrt2); }, 2 * std::min(p, 1 - p));
  return p < 0.5 ? -x : x;
}

/// The p-quantile of Student's t distribution with `df` >= 1 degrees of freedom, 0 < p < 1:
/// t(0.975, 1) = 12.706, t(0.975, 5) = 2.571, t(0.975, 30) = 2.042. Exact to rounding for
/// the usual levels; a tail min(p, 1 - p) below about 1e-8 keeps fewer digits (the tail is
/// 1 minus a sum near 1). Cost O(df) per step of a bisection of about 60 steps.
[[nodiscard]] inline double student_t_quantile(double p, std::size_t df) noexcept {
  PEERKIT_ASSERT(p > 0 && p < 1, "student_t_quantile: 0 < p < 1");
  PEERKIT_ASSERT(df >= 1, "student_t_quantile: at least one degree of freedom");
  if (p == 0.5) return 0;
  const double t = detail::symmetric_quantile(
      [df](double x) { return 1 - detail::student_t_central(x, df); }, 2 * std::min(p, 1 - p));
  return p < 0.5 ? -t : t;
}

/// Student's t interval of the mean at `level` (0 < level < 1): mean ± t · sd / sqrt(n),
/// with n - 1 degrees of freedom. Requires summary.count() >= 2.
[[nodiscard]] inline interval confidence_interval(const running_summary& summary,
                                                  double level = 0.95) noexcept {
  PEERKIT_ASSERT(level > 0 && level < 1, "confidence_interval: 0 < level < 1");
  const auto n = summary.count();
  const double half = student_t_quantile((1 + level) / 2, n - 1) * summary.sd() /
                      std::sqrt(static_cast<double>(n));
  return {summary.mean() - half, summary.mean() + half};
}

/// The Wilson score interval of a share, `successes` of `trials` (trials >= 1), at `level`.
/// Unlike the textbook p ± z·sqrt(p(1-p)/n) it stays inside [0, 1] and does not collapse to
/// a point at 0 of n or n of n: 0 of 20 gives [0, 0.161] at 95%.
[[nodiscard]] inline interval proportion_interval(std::size_t successes, std::size_t trials,
                                                  double level = 0.95) noexcept {
  PEERKIT_ASSERT(trials >= 1 && successes <= trials,
                 "proportion_interval: at least one trial, and no more successes than trials");
  PEERKIT_ASSERT(level > 0 && level < 1, "proportion_interval: 0 < level < 1");
  const double n = static_cast<double>(trials);
  const double share = static_cast<double>(successes) / n;
  const double z = normal_quantile((1 + level) / 2);
  const double z2n = z * z / n;
  const double centre = (share + z2n / 2) / (1 + z2n);
  const double half = z / (1 + z2n) * std::sqrt(share * (1 - share) / n + z2n / (4 * n));
  // At 0 and n successes the bound is exactly 0 or 1; computed, it would be off by rounding.
  return {successes == 0 ? 0.0 : std::max(0.0, centre - half),
          successes == trials ? 1.0 : std::min(1.0, centre + half)};
}

/// The p-quantile (0 <= p <= 1) of values sorted ascending (not empty), interpolating
/// linearly between order statistics: position p · (n - 1), counted from 0 (Hyndman and
/// Fan's type 7, the default of R and NumPy).
[[nodiscard]] inline double quantile(std::span<const double> sorted, double p) noexcept {
  PEERKIT_ASSERT(!sorted.empty(), "quantile: at least one value");
  PEERKIT_ASSERT(p >= 0 && p <= 1, "quantile: 0 <= p <= 1");
  PEERKIT_ASSERT(std::is_sorted(sorted.begin(), sorted.end()), "quantile: the values are sorted");
  const double position = p * static_cast<double>(sorted.size() - 1);
  const auto below = static_cast<std::size_t>(position);
  if (below + 1 >= sorted.size()) return sorted.back();
  return sorted[below] +
         (position - static_cast<double>(below)) * (sorted[below + 1] - sorted[below]);
}

}  // namespace peerkit
