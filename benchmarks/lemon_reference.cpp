// Graph build and solve with LEMON, timed as a whole by the benchmark.

#include "lemon_reference.hpp"

#include <vector>

#include <lemon/capacity_scaling.h>
#include <lemon/cost_scaling.h>
#include <lemon/matching.h>
#include <lemon/network_simplex.h>
#include <lemon/smart_graph.h>

namespace lemon_reference {

namespace {

template <class Solver, class ArcMap, class NodeMap>
bool solve(Solver& solver, const ArcMap& upper, const ArcMap& cost, const NodeMap& supply) {
  solver.upperMap(upper).costMap(cost).supplyMap(supply);
  return solver.run() == Solver::OPTIMAL;
}

}  // namespace

outcome assignment(min_cost_flow algorithm, int supporters, const int* capacity, int supportees,
                   int edges, const int* edge_supporter, const int* edge_supportee,
                   const std::int64_t* weight, std::int64_t bonus) {
  using graph = lemon::SmartDigraph;
  graph g;
  g.reserveNode(supporters + supportees + 1);
  g.reserveArc(edges + supporters + supportees);
  const graph::Node source = g.addNode();
  // LEMON's handles are not initialised by default, so the vectors are filled, not sized.
  std::vector<graph::Node> left;
  std::vector<graph::Node> right;
  left.reserve(static_cast<std::size_t>(supporters));
  right.reserve(static_cast<std::size_t>(supportees));
  for (int i = 0; i < supporters; ++i) left.push_back(g.addNode());
  for (int j = 0; j < supportees; ++j) right.push_back(g.addNode());
  graph::NodeMap<long long> supply(g, 0);
  graph::ArcMap<long long> upper(g);
  graph::ArcMap<long long> cost(g);
  std::vector<graph::Arc> pair_arcs;
  pair_arcs.reserve(static_cast<std::size_t>(edges));
  const auto arc = [&](graph::Node from, graph::Node to, long long cap, long long c) {
    const graph::Arc a = g.addArc(from, to);
    upper[a] = cap;
    cost[a] = c;
    return a;
  };
  supply[source] = supportees;
  for (int i = 0; i < supporters; ++i) arc(source, left[i], capacity[i], 0);
  for (int k = 0; k < edges; ++k)
    pair_arcs.push_back(
        arc(left[edge_supporter[k]], right[edge_supportee[k]], 1, -(weight[k] + bonus)));
  for (int j = 0; j < supportees; ++j) {
    supply[right[j]] = -1;
    arc(source, right[j], 1, 0);  // unpaired
  }

  outcome out;
  const auto read = [&](const auto& solver) {
    for (int k = 0; k < edges; ++k)
      if (solver.flow(pair_arcs[k]) > 0) {
        ++out.pairs;
        out.total_weight += weight[k];
      }
  };
  bool optimal = false;
  switch (algorithm) {
    case min_cost_flow::network_simplex: {
      lemon::NetworkSimplex<graph, long long, long long> solver(g);
      optimal = solve(solver, upper, cost, supply);
      if (optimal) read(solver);
      break;
    }
    case min_cost_flow::cost_scaling: {
      lemon::CostScaling<graph, long long, long long> solver(g);
      optimal = solve(solver, upper, cost, supply);
      if (optimal) read(solver);
      break;
    }
    case min_cost_flow::capacity_scaling: {
      lemon::CapacityScaling<graph, long long, long long> solver(g);
      optimal = solve(solver, upper, cost, supply);
      if (optimal) read(solver);
      break;
    }
  }
  if (!optimal) out.pairs = -1;
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
