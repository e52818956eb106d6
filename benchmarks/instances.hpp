#pragma once
// Generated benchmark instances, the same for every solver in one run: seeded
// std::mt19937 with explicit draws (std distributions differ between standard libraries).

#include <algorithm>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

namespace bench {

class draw {
 public:
  explicit draw(std::uint32_t seed) : engine_(seed) {}
  int in(int lo, int hi) {
    const auto span = static_cast<std::uint64_t>(hi - lo) + 1;
    const std::uint64_t x = (static_cast<std::uint64_t>(engine_()) << 32) | engine_();
    return lo + static_cast<int>(x % span);
  }

 private:
  std::mt19937 engine_;
};

/// How the scores of an assignment instance are drawn.
enum class scores {
  uniform_100,   ///< uniform in 0..100, a school's percentage
  uniform_1e6,   ///< uniform in 0..10^6, a researcher's fine-grained score
  all_equal,     ///< every pair 50: only the number of pairs matters
  three_valued,  ///< 0, 50 or 100: heavy ties
};

/// The shape of an assignment instance.
struct assignment_shape {
  int supporters = 0;
  int supportees = 0;
  int candidates = 0;    ///< distinct candidate supporters per supportee
  int max_capacity = 2;  ///< capacities uniform in 1..max_capacity
  scores score = scores::uniform_100;
  /// When set, half of each supportee's candidates come from the 5% most popular
  /// supporters (hot spots), the rest from everybody.
  bool popular = false;
};

/// Buddies and supportees: each supportee has `candidates` distinct candidate supporters,
/// each pair a score.
struct assignment_instance {
  std::string name;
  std::vector<int> capacity;  ///< per supporter
  int supportees = 0;
  std::vector<int> supporter;  ///< per edge
  std::vector<int> supportee;  ///< per edge
  std::vector<std::int64_t> weight;
  std::int64_t max_weight = 0;  ///< the largest score the shape can draw
};

inline assignment_instance make_assignment(std::string name, const assignment_shape& shape,
                                           std::uint32_t seed) {
  draw d(seed);
  assignment_instance inst;
  inst.name = std::move(name);
  inst.supportees = shape.supportees;
  const int n = shape.supporters;
  for (int i = 0; i < n; ++i) inst.capacity.push_back(d.in(1, shape.max_capacity));
  const int hot = std::max(1, n / 20);
  const int from_hot = shape.popular ? std::min(hot, shape.candidates / 2) : 0;
  std::vector<char> taken(static_cast<std::size_t>(n), 0);
  std::vector<int> chosen;
  inst.max_weight = shape.score == scores::uniform_1e6 ? 1'000'000 : 100;
  for (int j = 0; j < shape.supportees; ++j) {
    chosen.clear();
    while (static_cast<int>(chosen.size()) < shape.candidates) {
      const bool from_hot_spot = static_cast<int>(chosen.size()) < from_hot;
      const int i = from_hot_spot ? d.in(0, hot - 1) : d.in(0, n - 1);
      if (taken[i]) continue;
      taken[i] = 1;
      chosen.push_back(i);
    }
    for (const int i : chosen) {
      taken[i] = 0;
      std::int64_t w = 50;
      if (shape.score == scores::uniform_100) w = d.in(0, 100);
      if (shape.score == scores::uniform_1e6) w = d.in(0, 1'000'000);
      if (shape.score == scores::three_valued) w = 50 * d.in(0, 2);
      inst.supporter.push_back(i);
      inst.supportee.push_back(j);
      inst.weight.push_back(w);
    }
  }
  return inst;
}

/// Peer leaders: every leader names `picks` distinct others (fewer when there are not
/// enough: then the graph is complete), a pair named twice is one edge; so about 2 * picks
/// neighbours each. Scores 0..100.
struct matching_instance {
  std::string name;
  int vertices = 0;
  std::vector<int> u;
  std::vector<int> v;
  std::vector<std::int64_t> weight;
};

inline matching_instance make_matching(std::string name, int vertices, int picks,
                                       std::uint32_t seed) {
  draw d(seed);
  matching_instance inst;
  inst.name = std::move(name);
  inst.vertices = vertices;
  std::vector<std::pair<int, int>> pairs;
  std::vector<char> named(static_cast<std::size_t>(vertices), 0);
  std::vector<int> chosen;
  const int take = std::min(picks, vertices - 1);
  for (int x = 0; x < vertices && take == vertices - 1; ++x)
    for (int y = x + 1; y < vertices; ++y) pairs.emplace_back(x, y);  // complete: no draws
  for (int x = 0; x < vertices && take < vertices - 1; ++x) {
    chosen.clear();
    while (static_cast<int>(chosen.size()) < take) {
      const int y = d.in(0, vertices - 1);
      if (y == x || named[y]) continue;
      named[y] = 1;
      chosen.push_back(y);
      pairs.emplace_back(std::min(x, y), std::max(x, y));
    }
    for (const int y : chosen) named[y] = 0;
  }
  std::sort(pairs.begin(), pairs.end());
  pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
  for (const auto& [a, b] : pairs) {
    inst.u.push_back(a);
    inst.v.push_back(b);
    inst.weight.push_back(d.in(0, 100));
  }
  return inst;
}

}  // namespace bench
