#pragma once
// The reference side of the solver benchmarks: LEMON 1.3.1, which does not compile as
// C++20, built on its own as C++17. Plain arrays in, plain numbers out; no peerkit here.

#include <cstdint>

namespace lemon_reference {

/// The optimum a reference solver reached.
struct outcome {
  long long pairs = 0;
  long long total_weight = 0;
};

/// Capacitated assignment by NetworkSimplex: most supportees paired, then the largest total
/// weight. `bonus` is added to every pair's weight and must exceed any difference in total
/// weight between pairings, so that one more pair always pays.
outcome assignment(int supporters, const int* capacity, int supportees, int edges,
                   const int* edge_supporter, const int* edge_supportee, const std::int64_t* weight,
                   std::int64_t bonus);

/// Maximum weight matching by MaxWeightedMatching.
outcome max_weight_matching(int vertices, int edges, const int* edge_u, const int* edge_v,
                            const std::int64_t* weight);

}  // namespace lemon_reference
