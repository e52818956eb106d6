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

/// LEMON's three minimum cost flow algorithms.
enum class min_cost_flow { network_simplex, cost_scaling, capacity_scaling };

/// Capacitated assignment as a minimum cost flow: most supportees paired, then the largest
/// total weight. A source supplies one unit per supportee, and every supportee demands
/// one. A unit reaches its supportee through a supporter (source arc with the supporter's
/// capacity, then the pair arc, cost -(weight + bonus)) or through the supportee's own
/// "unpaired" arc from the source (cost 0). `bonus` must exceed any difference in total
/// weight between pairings, so that one more pair always pays.
outcome assignment(min_cost_flow algorithm, int supporters, const int* capacity, int supportees,
                   int edges, const int* edge_supporter, const int* edge_supportee,
                   const std::int64_t* weight, std::int64_t bonus);

/// Maximum weight matching by MaxWeightedMatching.
outcome max_weight_matching(int vertices, int edges, const int* edge_u, const int* edge_v,
                            const std::int64_t* weight);

}  // namespace lemon_reference
