#pragma once
// Generated benchmark instances, the same for every solver in one run: seeded
// std::mt19937 with explicit draws (std distributions differ between standard libraries),
// scores 0..100, supporters' capacities 1 or 2.

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

/// Buddies and supportees: each supportee has `per_supportee` distinct candidate
/// supporters (uniformly chosen), each pair a score in 0..100.
struct assignment_instance {
  std::string name;
  std::vector<int> capacity;  ///< per supporter, 1 or 2
  int supportees = 0;
  std::vector<int> supporter;  ///< per edge
  std::vector<int> supportee;  ///< per edge
  std::vector<std::int64_t> weight;
};

inline assignment_instance make_assignment(std::string name, int supporters, int supportees,
                                           int per_supportee, std::uint32_t seed) {
  draw d(seed);
  assignment_instance inst;
  inst.name = std::move(name);
  inst.supportees = supportees;
  for (int i = 0; i < supporters; ++i) inst.capacity.push_back(d.in(1, 2));
  std::vector<int> pool(static_cast<std::size_t>(supporters));
  for (int i = 0; i < supporters; ++i) pool[i] = i;
  for (int j = 0; j < supportees; ++j) {
    // A partial shuffle draws per_supportee distinct supporters.
    for (int k = 0; k < per_supportee; ++k) {
      std::swap(pool[k], pool[d.in(k, supporters - 1)]);
      inst.supporter.push_back(pool[k]);
      inst.supportee.push_back(j);
      inst.weight.push_back(d.in(0, 100));
    }
  }
  return inst;
}

/// Peer leaders: every leader names `picks` distinct others (fewer when there are not
/// enough), a pair named twice is one edge; so about 2 * picks neighbours each.
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
  for (int x = 0; x < vertices; ++x) {
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
