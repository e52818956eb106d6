#include <peerkit/experiment/statistics.hpp>

#include <catch2/catch.hpp>

#include <cmath>
#include <cstddef>
#include <numbers>
#include <vector>

namespace {

using Catch::Detail::Approx;
using peerkit::confidence_interval;
using peerkit::normal_quantile;
using peerkit::paired_difference;
using peerkit::proportion_interval;
using peerkit::quantile;
using peerkit::running_summary;
using peerkit::student_t_quantile;

running_summary summary_of(const std::vector<double>& values) {
  running_summary s;
  for (const double v : values) s.add(v);
  return s;
}

}  // namespace

TEST_CASE("statistics: a running summary has the count, mean, sample variance and range") {
  // 2 4 4 4 5 5 7 9: mean 40 / 8 = 5; squared deviations 9 1 1 1 0 0 4 16 = 32; 32 / 7.
  const auto s = summary_of({2, 4, 4, 4, 5, 5, 7, 9});
  CHECK(s.count() == 8);
  CHECK(s.mean() == 5);
  CHECK(s.variance() == Approx(32.0 / 7).epsilon(1e-15));
  CHECK(s.sd() == Approx(std::sqrt(32.0 / 7)).epsilon(1e-15));
  CHECK(s.min() == 2);
  CHECK(s.max() == 9);

  const auto one = summary_of({-3.5});
  CHECK(one.count() == 1);
  CHECK(one.mean() == -3.5);
  CHECK(one.min() == -3.5);
  CHECK(one.max() == -3.5);
  CHECK(running_summary{}.count() == 0);
}

TEST_CASE("statistics: the running variance stays exact for large values close together") {
  // 1e9 + {4, 7, 13, 16}: mean 1e9 + 10, squared deviations 36 9 9 36 = 90, 90 / 3 = 30.
  // A sum of squares minus the squared sum would lose every digit here.
  const auto s = summary_of({1e9 + 4, 1e9 + 7, 1e9 + 13, 1e9 + 16});
  CHECK(s.mean() == 1e9 + 10);
  CHECK(s.variance() == Approx(30).epsilon(1e-12));
}

TEST_CASE("statistics: Student's t quantiles match the tables") {
  // Published values (to 3 decimals) and R's qt() to 12 digits.
  CHECK(student_t_quantile(0.975, 1) == Approx(12.706204736175).epsilon(1e-12));
  CHECK(student_t_quantile(0.975, 2) == Approx(4.302652729749).epsilon(1e-12));
  CHECK(student_t_quantile(0.975, 5) == Approx(2.570581835636).epsilon(1e-12));
  CHECK(student_t_quantile(0.975, 7) == Approx(2.364624251593).epsilon(1e-12));
  CHECK(student_t_quantile(0.975, 30) == Approx(2.042272456301).epsilon(1e-12));
  CHECK(student_t_quantile(0.995, 1) == Approx(63.656741162872).epsilon(1e-12));
  CHECK(student_t_quantile(0.95, 10) == Approx(1.812461122811).epsilon(1e-12));
  CHECK(student_t_quantile(0.125, 5) == -student_t_quantile(0.875, 5));  // 1 - 0.875 is exact
  CHECK(student_t_quantile(0.5, 9) == 0);
  // With ever more degrees of freedom, t falls towards the normal 1.960.
  CHECK(student_t_quantile(0.975, 1'000'000) > normal_quantile(0.975));
  CHECK(student_t_quantile(0.975, 1'000'000) == Approx(normal_quantile(0.975)).epsilon(1e-5));
  for (std::size_t df = 1; df < 60; ++df)
    CHECK(student_t_quantile(0.975, df) > student_t_quantile(0.975, df + 1));
}

TEST_CASE("statistics: t quantiles with 1 and 2 degrees of freedom have closed forms") {
  // df = 1 is the Cauchy distribution: tan(pi (p - 1/2)); df = 2: (2p - 1) / sqrt(2 p (1 - p)).
  for (const double p : {0.001, 0.1, 0.3, 0.6, 0.9, 0.99, 0.9999}) {
    CAPTURE(p);
    CHECK(student_t_quantile(p, 1) ==
          Approx(std::tan(std::numbers::pi * (p - 0.5))).epsilon(1e-12));
    CHECK(student_t_quantile(p, 2) ==
          Approx((2 * p - 1) / std::sqrt(2 * p * (1 - p))).epsilon(1e-12));
  }
}

TEST_CASE("statistics: normal quantiles") {
  CHECK(normal_quantile(0.975) == Approx(1.959963984540054).epsilon(1e-14));
  CHECK(normal_quantile(0.8413447460685429) == Approx(1).epsilon(1e-14));  // Phi(1)
  CHECK(normal_quantile(0.5) == 0);
  CHECK(normal_quantile(0.05) == Approx(-1.644853626951472).epsilon(1e-14));
  // Far in the tail, where 1 - erf has lost its digits: R's qnorm(1e-10).
  CHECK(normal_quantile(1e-10) == Approx(-6.361340902404056).epsilon(1e-13));
}

TEST_CASE("statistics: the t interval of a mean") {
  // n = 8, mean 5, sd sqrt(32 / 7); se = sd / sqrt(8); t(0.975, 7) = 2.364624251593.
  const auto s = summary_of({2, 4, 4, 4, 5, 5, 7, 9});
  const double se = std::sqrt(32.0 / 7) / std::sqrt(8.0);
  const auto ci = confidence_interval(s);
  CHECK(ci.low == Approx(5 - 2.364624251593 * se).epsilon(1e-12));
  CHECK(ci.high == Approx(5 + 2.364624251593 * se).epsilon(1e-12));
  CHECK(ci.low == Approx(3.2125).epsilon(1e-4));
  CHECK(ci.high == Approx(6.7875).epsilon(1e-4));
  // A lower level is narrower: t(0.95, 7) = 1.894578605.
  const auto ninety = confidence_interval(s, 0.9);
  CHECK(ninety.high - ninety.low == Approx(2 * 1.894578605 * se).epsilon(1e-9));
  // Values all alike: a point.
  const auto flat = confidence_interval(summary_of({3, 3, 3}));
  CHECK(flat.low == 3);
  CHECK(flat.high == 3);
}

TEST_CASE("statistics: a paired difference summarises a - b pair by pair") {
  // a 10 12 9 11, b 8 11 9 8: differences 2 1 0 3, mean 1.5, variance (.25+.25+2.25+2.25)/3.
  paired_difference pd;
  const std::vector<double> a{10, 12, 9, 11};
  const std::vector<double> b{8, 11, 9, 8};
  for (std::size_t i = 0; i < a.size(); ++i) pd.add(a[i], b[i]);
  const auto& d = pd.differences();
  CHECK(d.count() == 4);
  CHECK(d.mean() == 1.5);
  CHECK(d.variance() == Approx(5.0 / 3).epsilon(1e-15));
  CHECK(d.min() == 0);
  CHECK(d.max() == 3);
  const auto ci = confidence_interval(d);  // t(0.975, 3) = 3.182446305284
  const double half = 3.182446305284 * std::sqrt(5.0 / 3) / 2;
  CHECK(ci.low == Approx(1.5 - half).epsilon(1e-12));
  CHECK(ci.high == Approx(1.5 + half).epsilon(1e-12));
}

TEST_CASE("statistics: the Wilson interval of a share") {
  const double z = normal_quantile(0.975);
  const double z2 = z * z;
  // 0 of n: the centre and the half width are both z²/(2n) / (1 + z²/n), so the interval is
  // [0, z² / (n + z²)]; n of n is its mirror image [n / (n + z²), 1].
  const auto none = proportion_interval(0, 20);
  CHECK(none.low == 0);
  CHECK(none.high == Approx(z2 / (20 + z2)).epsilon(1e-14));
  CHECK(none.high == Approx(0.1611252).epsilon(1e-6));
  const auto all = proportion_interval(20, 20);
  CHECK(all.low == Approx(20 / (20 + z2)).epsilon(1e-14));
  CHECK(all.high == 1);
  const auto single = proportion_interval(1, 1);
  CHECK(single.low == Approx(1 / (1 + z2)).epsilon(1e-14));
  CHECK(single.high == 1);
  // 7 of 20: R's prop.test(7, 20, correct = FALSE) gives 0.1811918 0.5671457.
  const auto some = proportion_interval(7, 20);
  CHECK(some.low == Approx(0.1811918).epsilon(1e-6));
  CHECK(some.high == Approx(0.5671457).epsilon(1e-6));
  // Symmetric: k of n mirrors n - k of n.
  const auto mirror = proportion_interval(13, 20);
  CHECK(mirror.low == Approx(1 - some.high).epsilon(1e-14));
  CHECK(mirror.high == Approx(1 - some.low).epsilon(1e-14));
  // A higher level is wider.
  const auto wide = proportion_interval(7, 20, 0.99);
  CHECK(wide.low < some.low);
  CHECK(wide.high > some.high);
}

TEST_CASE("statistics: sample quantiles interpolate between order statistics") {
  const std::vector<double> v{1, 2, 3, 4};
  CHECK(quantile(v, 0) == 1);
  CHECK(quantile(v, 0.25) == 1.75);  // position 0.75
  CHECK(quantile(v, 0.5) == 2.5);
  CHECK(quantile(v, 0.75) == 3.25);
  CHECK(quantile(v, 1) == 4);
  const std::vector<double> one{7};
  CHECK(quantile(one, 0.3) == 7);
}
