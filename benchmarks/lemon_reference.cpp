// Graph build and solve with LEMON, timed as a whole by the benchmark.

#include "lemon_reference.hpp"

#include <vector>

#include <lemon/matching.h>
#include <lemon/network_simplex.h>
#include <lemon/smart_graph.h>

namespace lemon_reference {

outcome assignment(int supporters, const int* capacity, int supportees, int edges,
                   const int* edge_supporter, const int* edge_supportee, const std::int64_t* weight,
                   std::int64_t bonus) {
  using graph = lemon::SmartDigraph;
  graph g;
  g.reserveNode(supporters + supportees + 2);
  g.reserveArc(edges + supporters + supportees + 1);
  const graph::Node source = g.addNode();
  const graph::Node sink = g.addNode();
  // LEMON's handles are not initialised by default, so the vectors are filled, not sized.
  std::vector<graph::Node> left;
  std::vector<graph::Node> right;
  left.reserve(static_cast<std::size_t>(supporters));
  right.reserve(static_cast<std::size_t>(supportees));
  for (int i = 0; i < supporters; ++i) left.push_back(g.addNode());
  for (int j = 0; j < supportees; ++j) right.push_back(g.addNode());
  graph::ArcMap<long long> upper(g);
  graph::ArcMap<long long> cost(g);
  std::vector<graph::Arc> pair_arcs;
  pair_arcs.reserve(static_cast<std::size_t>(edges));
  for (int i = 0; i < supporters; ++i) {
    const graph::Arc a = g.addArc(source, left[i]);
    upper[a] = capacity[i];
    cost[a] = 0;
  }
  for (int j = 0; j < supportees; ++j) {
    const graph::Arc a = g.addArc(right[j], sink);
    upper[a] = 1;
    cost[a] = 0;
  }
  for (int k = 0; k < edges; ++k) {
    const graph::Arc a = g.addArc(left[edge_supporter[k]], right[edge_supportee[k]]);
    upper[a] = 1;
    cost[a] = -(weight[k] + bonus);
    pair_arcs.push_back(a);
  }
  // Flow that finds no profitable pair goes straight from source to sink.
  const graph::Arc bypass = g.addArc(source, sink);
  upper[bypass] = supportees;
  cost[bypass] = 0;

  lemon::NetworkSimplex<graph, long long, long long> solver(g);
  solver.upperMap(upper).costMap(cost).stSupply(source, sink, supportees);
  outcome out;
  if (solver.run() != decltype(solver)::OPTIMAL) {
    out.pairs = -1;
    return out;
  }
  for (int k = 0; k < edges; ++k)
    if (solver.flow(pair_arcs[k]) > 0) {
      ++out.pairs;
      out.total_weight += weight[k];
    }
  return out;
}

outcome max_weight_matching(int vertices, int edges, const int* edge_u, const int* edge_v,
                            const std::int64_t* weight) {
  using graph = lemon::SmartGraph;
  graph g;
  g.reserveNode(vertices);
  g.reserveEdge(edges);
  std::vector<graph::Node> node;
  node.reserve(static_cast<std::size_t>(vertices));
  for (int x = 0; x < vertices; ++x) node.push_back(g.addNode());
  graph::EdgeMap<long long> w(g);
  std::vector<graph::Edge> edge;
  edge.reserve(static_cast<std::size_t>(edges));
  for (int k = 0; k < edges; ++k) {
    edge.push_back(g.addEdge(node[edge_u[k]], node[edge_v[k]]));
    w[edge.back()] = weight[k];
  }
  lemon::MaxWeightedMatching<graph, graph::EdgeMap<long long>> solver(g, w);
  solver.run();
  outcome out;
  for (int k = 0; k < edges; ++k)
    if (solver.matching(edge[k])) {
      ++out.pairs;
      out.total_weight += weight[k];
    }
  return out;
}

}  // namespace lemon_reference
