#include <peerkit/experiment/design.hpp>

#include <catch2/catch.hpp>

#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "../problems.hpp"

namespace {

using namespace peerkit;
using peerkit_test::problems_of;
using lines = std::vector<std::string>;

/// The stratum of `value` when [low, high] is cut into `samples` equal strata.
std::size_t stratum(double value, double low, double high, std::size_t samples) {
  const auto s = static_cast<std::size_t>(
      std::floor((value - low) / (high - low) * static_cast<double>(samples)));
  return std::min(s, samples - 1);
}

const std::vector<factor_range> three_ranges{
    {.name = "rate", .low = 0, .high = 10, .integer = false},
    {.name = "share", .low = -1, .high = 1, .integer = false},
    {.name = "coaches", .low = 1, .high = 5, .integer = true},
};

}  // namespace

TEST_CASE("a full factorial crosses every level, the last factor fastest", "[experiment][design]") {
  const auto d = full_factorial({{"a", {1, 2}}, {"b", {10, 20, 30}}});
  CHECK(d.factors == std::vector<std::string>{"a", "b"});
  CHECK(d.points ==
        std::vector<std::vector<double>>{{1, 10}, {1, 20}, {1, 30}, {2, 10}, {2, 20}, {2, 30}});

  const auto three = full_factorial({{"x", {0, 1}}, {"y", {5}}, {"z", {7, 8, 9, 10}}});
  CHECK(three.points.size() == 2 * 1 * 4);
  CHECK(three.points[5] == std::vector<double>{1, 5, 8});

  CHECK(full_factorial({}) == design{.factors = {}, .points = {{}}});
  CHECK(full_factorial({{"only", {4}}}).points == std::vector<std::vector<double>>{{4}});
}

TEST_CASE("a full factorial needs named factors with levels", "[experiment][design]") {
  CHECK(problems_of([] { (void)full_factorial({{"a", {1}}, {"", {2}}, {"a", {}}}); }) ==
        lines{"data.missing factors[1].name: a factor needs a name",
              "design.duplicate_factor factors[2].name: the name of factors[0] again",
              "data.missing factors[2].levels: a factor needs at least one level"});
}

TEST_CASE("a Latin hypercube puts one point in each stratum of every factor",
          "[experiment][design]") {
  const std::size_t samples = 50;
  const auto d = latin_hypercube(three_ranges, samples, 2025);
  CHECK(d.factors == std::vector<std::string>{"rate", "share", "coaches"});
  REQUIRE(d.points.size() == samples);
  for (std::size_t j = 0; j < 2; ++j) {
    const auto& r = three_ranges[j];
    CAPTURE(r.name);
    std::vector<int> per_stratum(samples, 0);
    for (const auto& point : d.points) {
      REQUIRE(point.size() == 3);
      CHECK(point[j] >= r.low);
      CHECK(point[j] <= r.high);
      ++per_stratum[stratum(point[j], r.low, r.high, samples)];
    }
    CHECK(per_stratum == std::vector<int>(samples, 1));
  }
  // coaches: [0.5, 5.5) in 50 strata, 10 for each whole number 1..5.
  std::map<double, int> per_value;
  for (const auto& point : d.points) ++per_value[point[2]];
  CHECK(per_value == std::map<double, int>{{1, 10}, {2, 10}, {3, 10}, {4, 10}, {5, 10}});

  // As many samples as whole numbers: each exactly once.
  const auto five = latin_hypercube({{.name = "n", .low = -2, .high = 2, .integer = true}}, 5, 7);
  std::map<double, int> once;
  for (const auto& point : five.points) ++once[point[0]];
  CHECK(once == std::map<double, int>{{-2, 1}, {-1, 1}, {0, 1}, {1, 1}, {2, 1}});

  const auto flat = latin_hypercube({{.name = "c", .low = 3, .high = 3, .integer = false}}, 4, 1);
  CHECK(flat.points == std::vector<std::vector<double>>(4, {3}));
}

TEST_CASE("a Latin hypercube is a function of its seed", "[experiment][design]") {
  const auto d = latin_hypercube(three_ranges, 20, 11);
  CHECK(latin_hypercube(three_ranges, 20, 11) == d);
  const auto other = latin_hypercube(three_ranges, 20, 12);
  REQUIRE(other.points.size() == d.points.size());
  for (std::size_t j = 0; j < 2; ++j) {
    CAPTURE(j);
    std::size_t equal = 0;
    for (std::size_t i = 0; i < d.points.size(); ++i) equal += other.points[i][j] == d.points[i][j];
    CHECK(equal == 0);
  }
  CHECK(other != d);

  // A factor added at the end leaves the others' values as they were.
  auto more = three_ranges;
  more.push_back({.name = "extra", .low = 0, .high = 1, .integer = false});
  const auto wider = latin_hypercube(more, 20, 11);
  for (std::size_t i = 0; i < d.points.size(); ++i) {
    const std::vector<double> first_three(wider.points[i].begin(), wider.points[i].begin() + 3);
    CHECK(first_three == d.points[i]);
  }
}

TEST_CASE("a Latin hypercube checks its ranges and sample count", "[experiment][design]") {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const std::vector<factor_range> ranges{
      {.name = "a", .low = 2, .high = 1, .integer = false},
      {.name = "b", .low = nan, .high = 1, .integer = false},
      {.name = "c", .low = 0.5, .high = 3, .integer = true},
      {.name = "a", .low = 0, .high = 1, .integer = false},
  };
  CHECK(problems_of([&] { (void)latin_hypercube(ranges, 0, 1); }) ==
        lines{"design.duplicate_factor ranges[3].name: the name of ranges[0] again",
              "data.out_of_range ranges[0]: expected finite bounds with low <= high, found low 2 "
              "and high 1",
              "data.out_of_range ranges[1]: expected finite bounds with low <= high, found low "
              "nan and high 1",
              "data.inconsistent ranges[2]: an integer factor's bounds are whole numbers, found "
              "low 0.5 and high 3",
              "data.out_of_range samples: 0 is outside 1..4294967295"});
}

TEST_CASE("a design given as data is checked against the model's factors", "[experiment][design]") {
  constexpr std::array<std::string_view, 3> model{"rate", "share", "coaches"};
  design d{.factors = {"rate", "coaches"}, .points = {{0.1, 2}, {0.2, 3}}};
  CHECK(problems_of([&] { validate(d, model); }).empty());
  CHECK(problems_of([&] { validate(latin_hypercube(three_ranges, 8, 3), model); }).empty());

  d.factors = {"rate", "speed", "rate"};
  d.points = {{1, 2, 3}, {1, std::numeric_limits<double>::infinity(), 3}, {}, {1, 2}};
  CHECK(problems_of([&] { validate(d, model); }) ==
        lines{"design.unknown_factor design.factors[1]: a factor that the model does not have",
              "design.duplicate_factor design.factors[2]: the name of design.factors[0] again",
              "data.out_of_range design.points[1].speed: expected a finite number, found inf",
              "design.point_width design.points[2]: expected 3 values (one per factor), found 0",
              "design.point_width design.points[3]: expected 3 values (one per factor), found 2"});

  CHECK(problems_of([&] { validate(design{.factors = {"rate"}, .points = {}}, model); }) ==
        lines{"data.missing design.points: a design needs a point"});
}
