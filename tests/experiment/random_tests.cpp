#include <peerkit/experiment/distributions.hpp>
#include <peerkit/experiment/philox.hpp>
#include <peerkit/experiment/random_stream.hpp>

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <map>
#include <numeric>
#include <span>
#include <string>
#include <vector>

#include "../problems.hpp"

namespace {

using namespace peerkit;

constexpr std::uint64_t test_seed = 0x5eed'2025'1205'0001;

random_stream stream_for(std::uint32_t entity, std::uint32_t purpose = 0) {
  return random_stream(
      {.seed = test_seed, .point = 0, .replication = 0, .entity = entity, .purpose = purpose});
}

/// Words given in advance, to reach the edges of a distribution on purpose.
struct scripted_words {
  std::vector<std::uint32_t> words;
  std::size_t used = 0;
  std::uint32_t next() {
    REQUIRE(used < words.size());
    return words[used++];
  }
};
static_assert(RandomSource<scripted_words>);

struct moments {
  double mean = 0;
  double variance = 0;
};

/// The mean and (sample) variance of n draws.
template <class Draw>
moments moments_of(std::size_t n, Draw draw) {
  double mean = 0;
  double squares = 0;  // Welford's sum of squared deviations
  for (std::size_t i = 1; i <= n; ++i) {
    const double x = draw();
    const double delta = x - mean;
    mean += delta / static_cast<double>(i);
    squares += delta * (x - mean);
  }
  return {mean, squares / static_cast<double>(n - 1)};
}

double chi_square(const std::vector<double>& observed, const std::vector<double>& expected) {
  double sum = 0;
  for (std::size_t i = 0; i < observed.size(); ++i)
    sum += (observed[i] - expected[i]) * (observed[i] - expected[i]) / expected[i];
  return sum;
}

/// Six standard deviations above the mean of a chi-square with `df` degrees of freedom:
/// a fair generator stays below it, a biased one of the kind tested goes far beyond.
double chi_square_bound(std::size_t df) {
  return static_cast<double>(df) + 6 * std::sqrt(2.0 * static_cast<double>(df));
}

constexpr std::size_t draws = 200'000;

}  // namespace

// Random123 1.14's kat_vectors for philox4x32 10 rounds: counter zero, all ones, and the
// digits of pi.
TEST_CASE("philox4x32_10 gives Random123's known answers", "[experiment][random]") {
  static_assert(philox4x32_10({0, 0, 0, 0}, {0, 0}) ==
                philox_counter{0x6627e8d5, 0xe169c58d, 0xbc57ac4c, 0x9b00dbd8});
  CHECK(philox4x32_10({0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff}, {0xffffffff, 0xffffffff}) ==
        philox_counter{0x408f276d, 0x41c83b0e, 0xa20bc7c6, 0x6d5451fd});
  CHECK(philox4x32_10({0x243f6a88, 0x85a308d3, 0x13198a2e, 0x03707344}, {0xa4093822, 0x299f31d0}) ==
        philox_counter{0xd16cfe09, 0x94fdcceb, 0x5001e420, 0x24126ea1});
}

TEST_CASE("a stream gives the Philox blocks of its key, block after block",
          "[experiment][random]") {
  const stream_key key{.seed = 0x0123456789abcdef,
                       .point = 0xabcdef,
                       .replication = 7,
                       .entity = 42,
                       .purpose = 0x9c};
  random_stream stream(key);
  const philox_key philox{0x89abcdef, 0x01234567};
  for (std::uint32_t block = 0; block < 3; ++block) {
    const auto words = philox4x32_10({block, 42, 7, 0x9cabcdef}, philox);
    for (const auto word : words) CHECK(stream.next() == word);
  }
  random_stream words(key);
  const std::uint64_t high = words.next();
  const std::uint64_t low = words.next();
  CHECK(random_stream(key).next64() == (high << 32 | low));
}

TEST_CASE("equal keys give equal streams, a key differing in one field another stream",
          "[experiment][random]") {
  const stream_key base{.seed = 99, .point = 3, .replication = 2, .entity = 17, .purpose = 5};
  const auto first_words = [](const stream_key& key) {
    random_stream stream(key);
    std::vector<std::uint32_t> words(8);
    for (auto& w : words) w = stream.next();
    return words;
  };
  const auto words = first_words(base);
  CHECK(first_words(base) == words);

  std::map<std::string, stream_key> changed;
  changed["seed, low word"] = base;
  changed["seed, low word"].seed ^= 1;
  changed["seed, high word"] = base;
  changed["seed, high word"].seed ^= std::uint64_t{1} << 32;
  changed["point"] = base;
  changed["point"].point = 4;
  changed["replication"] = base;
  changed["replication"].replication = 3;
  changed["entity"] = base;
  changed["entity"].entity = 18;
  changed["purpose"] = base;
  changed["purpose"].purpose = 6;
  for (const auto& [field, key] : changed) {
    INFO("the key differs in its " << field);
    const auto other = first_words(key);
    for (std::size_t i = 0; i < words.size(); ++i) CHECK(other[i] != words[i]);
  }
}

TEST_CASE("a stream key's point and purpose fit their bits of the counter",
          "[experiment][random]") {
  using peerkit_test::problems_of;
  const auto make = [](std::uint32_t point, std::uint32_t purpose) {
    return [=] {
      random_stream({.seed = 1, .point = point, .replication = 0, .entity = 0, .purpose = purpose});
    };
  };
  CHECK(problems_of(make(max_stream_point, max_stream_purpose)).empty());
  CHECK(problems_of(make(max_stream_point + 1, 0)) ==
        std::vector<std::string>{
            "data.out_of_range stream_key.point: 16777216 is outside 0..16777215"});
  CHECK(problems_of(make(0, 256)) ==
        std::vector<std::string>{"data.out_of_range stream_key.purpose: 256 is outside 0..255"});
  CHECK(problems_of(make(0xffffffff, 0xffffffff)).size() == 2);
}

TEST_CASE("uniform01 takes the top 53 bits of two words, the first high", "[experiment][random]") {
  scripted_words zeros{{0, 0}};
  CHECK(uniform01(zeros) == 0.0);
  scripted_words ones{{0xffffffff, 0xffffffff}};
  CHECK(uniform01(ones) == 1 - 0x1p-53);
  scripted_words half{{0x80000000, 0}};
  CHECK(uniform01(half) == 0.5);
  scripted_words lowest_bit{{0, 0x800}};  // bit 11 of the second word is the last one used
  CHECK(uniform01(lowest_bit) == 0x1p-53);
  scripted_words below_it{{0, 0x7ff}};
  CHECK(uniform01(below_it) == 0.0);

  auto stream = stream_for(1);
  const auto m = moments_of(draws, [&] {
    const double u = uniform01(stream);
    REQUIRE(u >= 0);
    REQUIRE(u < 1);
    return u;
  });
  const double standard_error = std::sqrt(1.0 / 12 / draws);
  CHECK(std::abs(m.mean - 0.5) < 5 * standard_error);
  CHECK(std::abs(m.variance - 1.0 / 12) < 0.002);
}

TEST_CASE("uniform_below is unbiased", "[experiment][random]") {
  SECTION("small n: every value equally often") {
    for (std::uint32_t n = 1; n <= 10; ++n) {
      CAPTURE(n);
      auto stream = stream_for(n, 1);
      const std::size_t per_value = 10'000;
      std::vector<double> counts(n, 0);
      for (std::size_t i = 0; i < per_value * n; ++i) {
        const auto v = uniform_below(stream, n);
        REQUIRE(v < n);
        ++counts[v];
      }
      if (n == 1) continue;
      CHECK(chi_square(counts, std::vector<double>(n, per_value)) < chi_square_bound(n - 1));
    }
  }
  SECTION("large n: the words of the short interval are drawn again") {
    // n = 3 × 2^30: word × n / 2^32 = 0.75 × word, so without the rejection the values
    // divisible by 3 would come twice as often as the others.
    const std::uint32_t n = 0xC0000000;
    auto stream = stream_for(2, 1);
    std::vector<double> by_residue(3, 0);
    const std::size_t n_draws = 30'000;
    for (std::size_t i = 0; i < n_draws; ++i) ++by_residue[uniform_below(stream, n) % 3];
    CHECK(chi_square(by_residue, std::vector<double>(3, n_draws / 3.0)) < chi_square_bound(2));
  }
  SECTION("the rejected words are exactly those of the short interval") {
    // n = 3: 2^32 mod 3 = 1, so only word 0 (low product 0) is drawn again.
    scripted_words words{{0, 0xffffffff}};
    CHECK(uniform_below(words, 3) == 2);
    CHECK(words.used == 2);
    scripted_words one{{1}};
    CHECK(uniform_below(one, 3) == 0);
    scripted_words top{{0xffffffff}};
    CHECK(uniform_below(top, 0xffffffff) == 0xfffffffe);
  }
}

TEST_CASE("bernoulli is uniform01 < p: clamped outside 0..1, two words always",
          "[experiment][random]") {
  for (const double p : {-1.0, 0.0}) {
    scripted_words zeros{{0, 0}};
    CHECK_FALSE(bernoulli(zeros, p));  // the smallest uniform, 0, is not below 0
  }
  for (const double p : {1.0, 2.0}) {
    scripted_words ones{{0xffffffff, 0xffffffff}};
    CHECK(bernoulli(ones, p));  // the largest uniform is below 1
  }
  for (const double p : {-0.5, 0.0, 0.3, 1.0, 7.0}) {
    CAPTURE(p);
    auto stream = stream_for(3);
    auto words = stream;
    (void)bernoulli(stream, p);
    (void)words.next();
    (void)words.next();
    CHECK(stream.next() == words.next());
  }
  auto stream = stream_for(4);
  const auto m = moments_of(draws, [&] { return bernoulli(stream, 0.3) ? 1.0 : 0.0; });
  CHECK(std::abs(m.mean - 0.3) < 5 * std::sqrt(0.3 * 0.7 / draws));
  auto never = stream_for(5);
  auto always = stream_for(5);
  for (int i = 0; i < 1000; ++i) {
    CHECK_FALSE(bernoulli(never, 0.0));
    CHECK(bernoulli(always, 1.0));
  }
}

TEST_CASE("exponential has mean and standard deviation 1/rate", "[experiment][random]") {
  scripted_words zeros{{0, 0}};
  CHECK(exponential(zeros, 2.0) == 0.0);
  auto stream = stream_for(6);
  const double rate = 2;
  const auto m = moments_of(draws, [&] {
    const double x = exponential(stream, rate);
    REQUIRE(x >= 0);
    return x;
  });
  CHECK(std::abs(m.mean - 1 / rate) < 5 * (1 / rate) / std::sqrt(draws));
  CHECK(std::abs(std::sqrt(m.variance) - 1 / rate) < 0.01);
}

TEST_CASE("normal has its mean and sd, and its shape, four words a value", "[experiment][random]") {
  auto stream = stream_for(7);
  std::size_t within_one_sd = 0;
  const auto m = moments_of(draws, [&] {
    const double x = normal(stream, 3, 2);
    within_one_sd += std::abs(x - 3) < 2;
    return x;
  });
  CHECK(std::abs(m.mean - 3) < 5 * 2 / std::sqrt(draws));
  CHECK(std::abs(std::sqrt(m.variance) - 2) < 5 * 2 / std::sqrt(2.0 * draws));
  const double inside = 0.682689492137086;  // P(|Z| < 1)
  CHECK(std::abs(static_cast<double>(within_one_sd) / draws - inside) <
        5 * std::sqrt(inside * (1 - inside) / draws));

  // The radius from the first uniform, the angle from the second: u = 0 gives radius 0.
  scripted_words radius_zero{{0, 0, 0x12345678, 0x9abcdef0}};
  CHECK(normal(radius_zero, 5, 1) == 5.0);
  CHECK(radius_zero.used == 4);
  // u = 1/2 gives the radius sqrt(2 ln 2), and an angle of 0 all of it.
  scripted_words angle_zero{{0x80000000, 0, 0, 0}};
  CHECK(normal(angle_zero, 0, 1) == Approx(std::sqrt(-2 * std::log(0.5))).epsilon(1e-15));
}

TEST_CASE("poisson has mean and variance equal to its mean, small and large",
          "[experiment][random]") {
  auto zero = stream_for(8);
  for (int i = 0; i < 100; ++i) CHECK(poisson(zero, 0.0) == 0);
  std::uint32_t entity = 9;
  for (const double mean : {0.05, 0.5, 3.0, 9.9, 10.0, 17.5, 250.0, 1e6}) {
    CAPTURE(mean);
    auto stream = stream_for(entity++);
    const std::size_t n = 100'000;
    const auto m = moments_of(n, [&] { return static_cast<double>(poisson(stream, mean)); });
    CHECK(std::abs(m.mean - mean) < 5 * std::sqrt(mean / n));
    // The sample variance of a Poisson count has variance about (mean + 2 mean²) / n.
    CHECK(std::abs(m.variance - mean) < 5 * std::sqrt((mean + 2 * mean * mean) / n));
  }
}

TEST_CASE("poisson follows the Poisson probabilities by either method", "[experiment][random]") {
  for (const double mean : {4.5, 15.0, 60.0}) {
    CAPTURE(mean);
    auto stream = stream_for(20, 2);
    // Many draws: a slightly wrong constant in PTRS moves few probabilities by little.
    const std::size_t n = 1'000'000;
    std::map<std::uint64_t, double> counts;
    for (std::size_t i = 0; i < n; ++i) ++counts[poisson(stream, mean)];
    // Bins of at least 20 expected draws; the tails beyond them pooled into the end bins.
    const auto probability = [&](std::uint64_t k) {
      const auto kd = static_cast<double>(k);
      return std::exp(kd * std::log(mean) - mean - std::lgamma(kd + 1));
    };
    std::uint64_t low = 0;
    while (probability(low) * n < 20) ++low;
    auto high = static_cast<std::uint64_t>(mean);
    while (probability(high + 1) * n >= 20) ++high;
    std::vector<double> observed(high - low + 1, 0);
    std::vector<double> expected(high - low + 1, 0);
    double below_low = 0;
    for (std::uint64_t k = 0; k < low; ++k) below_low += probability(k);
    for (std::uint64_t k = low; k <= high; ++k) expected[k - low] = probability(k) * n;
    expected.front() += below_low * n;
    expected.back() = n - std::accumulate(expected.begin(), expected.end() - 1, 0.0);
    for (const auto& [k, c] : counts) observed[std::clamp(k, low, high) - low] += c;
    CHECK(chi_square(observed, expected) < chi_square_bound(observed.size() - 1));
  }
}

TEST_CASE("log_factorial agrees with lgamma", "[experiment][random]") {
  for (double k = 0; k < 200; ++k) {
    CAPTURE(k);
    CHECK(std::abs(detail::log_factorial(k) - std::lgamma(k + 1)) <= 1e-13 * std::max(1.0, k));
  }
  CHECK(detail::log_factorial(1e6) == Approx(std::lgamma(1e6 + 1)).epsilon(1e-14));
}

TEST_CASE("shuffle is Fisher–Yates from the back: a permutation, the same for the same stream",
          "[experiment][random]") {
  std::vector<int> items(50);
  std::iota(items.begin(), items.end(), 0);
  auto a = items;
  auto b = items;
  auto stream = stream_for(30);
  auto same = stream_for(30);
  shuffle(stream, std::span{a});
  shuffle(same, std::span{b});
  CHECK(a == b);
  CHECK(a != items);
  CHECK(std::is_permutation(a.begin(), a.end(), items.begin()));

  auto by_hand = items;
  auto words = stream_for(30);
  for (std::uint32_t i = 50; i > 1; --i)
    std::swap(by_hand[i - 1], by_hand[uniform_below(words, i)]);
  CHECK(a == by_hand);

  auto other = items;
  auto other_stream = stream_for(31);
  shuffle(other_stream, std::span{other});
  CHECK(other != a);

  std::vector<int> empty;
  shuffle(stream, std::span{empty});
  std::vector<int> single{7};
  shuffle(stream, std::span{single});
  CHECK(single == std::vector<int>{7});

  // Each of the 6 orders of three items equally often.
  std::map<std::vector<int>, double> orders;
  auto three_stream = stream_for(32);
  const std::size_t n = 60'000;
  for (std::size_t i = 0; i < n; ++i) {
    std::vector<int> three{0, 1, 2};
    shuffle(three_stream, std::span{three});
    ++orders[three];
  }
  REQUIRE(orders.size() == 6);
  std::vector<double> observed;
  for (const auto& [order, count] : orders) observed.push_back(count);
  CHECK(chi_square(observed, std::vector<double>(6, n / 6.0)) < chi_square_bound(5));
}
