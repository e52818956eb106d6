#pragma once
// Designs of experiments: the factors that vary and the points to run, each point one value
// per factor. A full factorial crosses given levels; a Latin hypercube samples ranges from
// a seed, so the same seed gives the same design; a design given as data is checked
// against the factors a model has.

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <map>
#include <numeric>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <peerkit/core/error.hpp>
#include <peerkit/experiment/distributions.hpp>
#include <peerkit/experiment/random_stream.hpp>

namespace peerkit {

/// The points of an experiment: points[i][j] is the value of factors[j] at point i.
struct design {
  std::vector<std::string> factors;
  std::vector<std::vector<double>> points;

  friend bool operator==(const design&, const design&) = default;
};

/// A factor and the values a full factorial gives it.
struct factor_levels {
  std::string name;
  std::vector<double> levels;
};

/// A factor and the range [low, high] a Latin hypercube samples; an integer factor takes
/// the whole numbers low..high, so both bounds are whole numbers.
struct factor_range {
  std::string name;
  double low = 0;
  double high = 0;
  bool integer = false;
};

/// The stream purpose of latin_hypercube; other users of stream keys leave it to designs.
inline constexpr std::uint32_t design_purpose = max_stream_purpose;

namespace detail {
/// The shortest text that reads back as `v`.
[[nodiscard]] inline std::string shortest_number(double v) {
  char buffer[32];
  return {buffer, std::to_chars(buffer, buffer + sizeof buffer, v).ptr};
}

/// Factor names are given and differ: problems under `list`[i].name.
template <class Factor>
void check_factor_names(const std::vector<Factor>& factors, std::string_view list,
                        problem_list& problems) {
  std::map<std::string_view, std::size_t> first;
  for (std::size_t i = 0; i < factors.size(); ++i) {
    const auto where = element_location(list, i, "name");
    const auto [seen, fresh] = first.emplace(factors[i].name, i);
    if (factors[i].name.empty())
      problems.add("data.missing", where, "a factor needs a name");
    else if (!fresh)
      problems.add("design.duplicate_factor", where,
                   "the name of " + element_location(list, seen->second) + " again");
  }
}
}  // namespace detail

/// Every combination of the factors' levels, the last factor varying fastest: for factors
/// a {1, 2} and b {10, 20, 30} the points are (1, 10), (1, 20), (1, 30), (2, 10), ...
/// No factors give one point without values. Throws peerkit::error for a factor without a
/// name or levels, or a name given twice.
[[nodiscard]] inline design full_factorial(const std::vector<factor_levels>& factors) {
  problem_list problems;
  detail::check_factor_names(factors, "factors", problems);
  for (std::size_t j = 0; j < factors.size(); ++j)
    if (factors[j].levels.empty())
      problems.add("data.missing", element_location("factors", j, "levels"),
                   "a factor needs at least one level");
  problems.throw_if_any();

  design d;
  for (const auto& f : factors) d.factors.push_back(f.name);
  std::vector<std::size_t> level(factors.size(), 0);  // counts like an odometer
  for (;;) {
    auto& point = d.points.emplace_back();
    for (std::size_t j = 0; j < factors.size(); ++j) point.push_back(factors[j].levels[level[j]]);
    std::size_t j = factors.size();
    while (j > 0 && ++level[j - 1] == factors[j - 1].levels.size()) level[--j] = 0;
    if (j == 0) return d;
  }
}

/// A Latin hypercube of `samples` points: each factor's range is cut into `samples` strata
/// of equal width and every stratum holds exactly one point. Factor j draws from the stream
/// {seed, point 0, replication 0, entity j, design_purpose}: first shuffle() of the strata
/// 0..samples-1, giving point i its stratum s_i, then one uniform01 u_i per point, in point
/// order; point i's value is low + (s_i + u_i) / samples × (high - low). An integer factor
/// cuts [low - ½, high + ½) instead and rounds to the nearest whole number, so each whole
/// number is equally likely. The same seed gives the same design, and a factor added at the
/// end leaves the others' values as they were. Throws peerkit::error for a factor without a
/// name or named twice, bounds that are not finite or not in order, an integer factor's
/// bounds that are not whole numbers, or samples outside 1..2^32 - 1.
[[nodiscard]] inline design latin_hypercube(const std::vector<factor_range>& ranges,
                                            std::size_t samples, std::uint64_t seed) {
  problem_list problems;
  detail::check_factor_names(ranges, "ranges", problems);
  for (std::size_t j = 0; j < ranges.size(); ++j) {
    const auto& r = ranges[j];
    const auto where = element_location("ranges", j);
    if (!std::isfinite(r.low) || !std::isfinite(r.high) || r.low > r.high)
      problems.add("data.out_of_range", where,
                   "expected finite bounds with low <= high, found low " +
                       detail::shortest_number(r.low) + " and high " +
                       detail::shortest_number(r.high));
    else if (r.integer && (r.low != std::floor(r.low) || r.high != std::floor(r.high)))
      problems.add("data.inconsistent", where,
                   "an integer factor's bounds are whole numbers, found low " +
                       detail::shortest_number(r.low) + " and high " +
                       detail::shortest_number(r.high));
  }
  if (samples < 1 || samples > std::numeric_limits<std::uint32_t>::max())
    problems.add("data.out_of_range", "samples",
                 std::to_string(samples) + " is outside 1.." +
                     std::to_string(std::numeric_limits<std::uint32_t>::max()));
  problems.throw_if_any();

  design d{.factors = {}, .points = std::vector<std::vector<double>>(samples)};
  std::vector<std::uint32_t> strata(samples);
  for (std::size_t j = 0; j < ranges.size(); ++j) {
    const auto& r = ranges[j];
    d.factors.push_back(r.name);
    random_stream stream({.seed = seed,
                          .point = 0,
                          .replication = 0,
                          .entity = static_cast<std::uint32_t>(j),
                          .purpose = design_purpose});
    std::iota(strata.begin(), strata.end(), std::uint32_t{0});
    shuffle(stream, std::span{strata});
    const double from = r.integer ? r.low - 0.5 : r.low;
    const double width = r.integer ? r.high - r.low + 1 : r.high - r.low;
    for (std::size_t i = 0; i < samples; ++i) {
      const double x = from +
                       (strata[i] + uniform01(stream)) / static_cast<double>(samples) * width;
      // Rounding may carry a value just past high; clamp keeps it in the range.
      d.points[i].push_back(std::clamp(r.integer ? std::floor(x + 0.5) : x, r.low, r.high));
    }
  }
  return d;
}

/// Checks a design given as data against the factors a model has. Throws peerkit::error
/// with every problem: a factor the model does not have (design.unknown_factor) or that is
/// named twice (design.duplicate_factor), at design.factors[j]; no points (data.missing); a
/// point with more or fewer values than factors (design.point_width), at design.points[i];
/// a value that is not finite (data.out_of_range), at design.points[i] and the factor's name.
inline void validate(const design& d, std::span<const std::string_view> model_factors) {
  problem_list problems;
  std::map<std::string_view, std::size_t> first;
  for (std::size_t j = 0; j < d.factors.size(); ++j) {
    const auto& name = d.factors[j];
    const auto where = element_location("design.factors", j);
    if (std::find(model_factors.begin(), model_factors.end(), name) == model_factors.end())
      problems.add("design.unknown_factor", where, "a factor that the model does not have");
    const auto [seen, fresh] = first.emplace(name, j);
    if (!fresh)
      problems.add("design.duplicate_factor", where,
                   "the name of " + element_location("design.factors", seen->second) + " again");
  }
  if (d.points.empty()) problems.add("data.missing", "design.points", "a design needs a point");
  for (std::size_t i = 0; i < d.points.size(); ++i) {
    const auto& point = d.points[i];
    if (point.size() != d.factors.size()) {
      problems.add("design.point_width", element_location("design.points", i),
                   "expected " + std::to_string(d.factors.size()) +
                       " values (one per factor), found " + std::to_string(point.size()));
      continue;
    }
    for (std::size_t j = 0; j < point.size(); ++j)
      if (!std::isfinite(point[j]))
        problems.add("data.out_of_range", element_location("design.points", i, d.factors[j]),
                     "expected a finite number, found " + detail::shortest_number(point[j]));
  }
  problems.throw_if_any();
}

}  // namespace peerkit
