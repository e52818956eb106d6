#pragma once
// Definitions of assignment_solver.hpp: inline here in header-only mode, compiled once into
// peerkit::compiled when PEERKIT_COMPILED is defined (see config.hpp).

#include <type_traits>

#include <peerkit/config.hpp>
#include <peerkit/solvers/assignment_solver.hpp>
#include <peerkit/solvers/detail/assignment_search.hpp>

namespace peerkit {

PEERKIT_INLINE std::string detail::index_range(const char* what, long long n) {
  if (n <= 0) return std::string("no ") + what + " index (there are none)";
  return std::string("a ") + what + " index in 0.." + std::to_string(n - 1);
}

PEERKIT_INLINE bool detail::sizes_valid(const assignment_problem& p) {
  return p.supportee_count >= 0 && p.edges.size() <= max_edge_count &&
         std::none_of(p.capacities.begin(), p.capacities.end(), [](int c) { return c < 0; });
}

PEERKIT_INLINE void detail::validate_assignment(const assignment_problem& p) {
  problem_list problems;
  for (std::size_t i = 0; i < p.capacities.size(); ++i)
    if (p.capacities[i] < 0)
      problems.add("matching.negative_capacity", element_location("capacities", i),
                   "a capacity must be 0 or more; found " + std::to_string(p.capacities[i]));
  if (p.supportee_count < 0)
    problems.add(
        "matching.negative_count", "supportee_count",
        "the number of supportees must be 0 or more; found " + std::to_string(p.supportee_count));
  const auto supporters = static_cast<long long>(p.capacities.size());
  for (std::size_t k = 0; k < p.edges.size(); ++k) {
    const auto& e = p.edges[k];
    if (edge_valid(p, e)) continue;
    const bool weight_ok = e.weight <= max_pair_weight && e.weight >= -max_pair_weight;
    const std::string at = "edges[" + std::to_string(k) + "]";
    if (e.supporter < 0 || e.supporter >= supporters)
      problems.add("matching.unknown_supporter", at + ".supporter",
                   "expected " + index_range("supporter", supporters) + "; found " +
                       std::to_string(e.supporter));
    if (e.supportee < 0 || e.supportee >= p.supportee_count)
      problems.add("matching.unknown_supportee", at + ".supportee",
                   "expected " + index_range("supportee", p.supportee_count) + "; found " +
                       std::to_string(e.supportee));
    if (!weight_ok)
      problems.add("matching.weight_out_of_range", at + ".weight",
                   "expected a weight between -" + std::to_string(max_pair_weight) + " and " +
                       std::to_string(max_pair_weight) + "; found " + std::to_string(e.weight));
  }
  if (p.edges.size() > max_edge_count)
    problems.add("matching.too_large", "edges", "too many edges for one problem");
  problems.throw_if_any();
}

PEERKIT_INLINE std::int64_t detail::cardinality_bonus(std::int64_t pairs_bound, std::int64_t max_w,
                                                      std::int64_t min_w) {
  const std::int64_t spread = std::max<std::int64_t>(0, max_w) + std::max<std::int64_t>(0, -min_w);
  constexpr std::int64_t limit = std::int64_t{1} << 60;  // leaves room for path lengths
  if (spread > 0 && pairs_bound > (limit - 1) / spread)
    throw error("matching.too_large", "edges",
                "the weights and the number of pairs are too large to rank pairings exactly");
  return 1 + pairs_bound * spread;
}

PEERKIT_INLINE void detail::solve_exact(const assignment_problem& p, std::int64_t floor,
                                        bool cardinality_first, assignment_result& out,
                                        std::size_t update_after) {
  const int nl = static_cast<int>(p.capacities.size());
  const int nr = p.supportee_count;
  // One pass over the input: the weight range of the certified edges (weight >= floor)
  // and the degrees in the graph the search sees, where supporters without room take no
  // part (their prices are set afterwards).
  std::vector<int> left_degree(static_cast<std::size_t>(nl), 0);
  std::vector<int> right_degree(static_cast<std::size_t>(nr), 0);
  std::int64_t max_w = 0;
  std::int64_t min_w = 0;
  bool closed_supporter = false;
  bool every_edge = true;  // no edge left out of the graph
  // Raw pointers and sizes at hand: the counts are ints, and a store to one could change
  // any int the loop reads through `p` as far as the compiler can tell.
  const std::size_t supporters = p.capacities.size();
  const int* capacity = p.capacities.data();
  int* left = left_degree.data();
  int* right = right_degree.data();
  for (const auto& e : p.edges) {
    // The edges are checked in this pass, which reads them anyway; the full check, which
    // names every problem and its place, runs only when one is wrong (and throws).
    if (!edge_valid(e, supporters, nr)) validate_assignment(p);
    if (e.weight < floor) {
      every_edge = false;
      continue;
    }
    max_w = std::max(max_w, e.weight);
    min_w = std::min(min_w, e.weight);
    if (capacity[e.supporter] == 0) {
      closed_supporter = true;
      every_edge = false;
      continue;
    }
    ++left[e.supporter];
    ++right[e.supportee];
  }
  long long left_units = 0;
  long long right_units = 0;
  long long capacity_sum = 0;
  for (int i = 0; i < nl; ++i) {
    left_units += std::min(p.capacities[i], left_degree[i]);
    capacity_sum += p.capacities[i];
  }
  for (int j = 0; j < nr; ++j) right_units += right_degree[j] > 0 ? 1 : 0;

  std::int64_t bonus = 0;
  if (cardinality_first) {
    const std::int64_t bound = std::min<long long>(nr, capacity_sum);
    bonus = cardinality_bonus(bound, max_w, min_w);
  }
  const std::int64_t exit_weight = -bonus;

  out.certificate.pair_bonus = bonus;
  out.certificate.supporter_price.assign(static_cast<std::size_t>(nl), 0);
  out.certificate.supportee_price.assign(static_cast<std::size_t>(nr), 0);
  out.chosen.clear();

  // Serve the side with fewer units one unit at a time: when capacity is short the
  // supporters' places are the units, so only places that stay empty need a full search.
  const bool supportees_are_sources = right_units <= left_units;
  const int ns = supportees_are_sources ? nr : nl;
  const int nt = supportees_are_sources ? nl : nr;
  const std::vector<int>& source_degree = supportees_are_sources ? right_degree : left_degree;
  static_assert(max_pair_weight <= std::numeric_limits<std::int32_t>::max());
  assignment_arcs arcs;  // validated weights fit in 32 bits
  arcs.begin.resize(static_cast<std::size_t>(ns) + 1);
  arcs.begin[0] = 0;
  for (int s = 0; s < ns; ++s) arcs.begin[s + 1] = arcs.begin[s] + source_degree[s];
  const auto arc_count = static_cast<std::size_t>(arcs.begin[ns]);
  arcs.head.resize(arc_count);
  arcs.id.resize(arc_count);  // the edge index
  {
    std::vector<int> fill(arcs.begin.begin(), arcs.begin.end() - 1);
    // The common case, every edge in the graph, is a loop without the tests.
    // Edges often come grouped by one side (a supportee's candidates together): the next
    // place in the row being filled is kept in a register, where counting up in memory
    // made each edge wait for the store of the one before.
    const auto place_edges = [&](auto filter) {
      int row = -1;
      int next = 0;
      for (std::size_t k = 0; k < p.edges.size(); ++k) {
        const auto& e = p.edges[k];
        if constexpr (filter)
          if (e.weight < floor || p.capacities[e.supporter] == 0) continue;
        const int s = supportees_are_sources ? e.supportee : e.supporter;
        if (s != row) {
          if (row >= 0) fill[row] = next;
          row = s;
          next = fill[s];
        }
        const int a = next++;
        arcs.head[a] = {supportees_are_sources ? e.supporter : e.supportee,
                        static_cast<std::int32_t>(e.weight)};
        arcs.id[a] = static_cast<int>(k);
      }
    };
    if (every_edge)
      place_edges(std::false_type{});
    else
      place_edges(std::true_type{});
  }

  const auto collect = [&](const auto& engine) {
    engine.for_each_matched([&](int, int edge) { out.chosen.push_back(edge); });
    for (int s = 0; s < ns; ++s) {
      const std::int64_t price = engine.source_price(s) - exit_weight;
      if (supportees_are_sources)
        out.certificate.supportee_price[s] = price;
      else
        out.certificate.supporter_price[s] = price;
    }
    for (int t = 0; t < nt; ++t) {
      if (supportees_are_sources)
        out.certificate.supporter_price[t] = engine.target_price(t);
      else
        out.certificate.supportee_price[t] = engine.target_price(t);
    }
  };
  if (supportees_are_sources) {
    assignment_search<true> engine(ns, nt, std::move(arcs), p.capacities, left_degree, exit_weight);
    engine.run(update_after);
    collect(engine);
  } else {
    std::vector<int> demand(static_cast<std::size_t>(nl));
    // One unit beyond the degree lets a supporter with spare room settle at price 0.
    for (int i = 0; i < nl; ++i) demand[i] = std::min(p.capacities[i], left_degree[i] + 1);
    assignment_search<false> engine(ns, nt, std::move(arcs), std::move(demand), exit_weight);
    engine.run(update_after);
    collect(engine);
  }
  std::sort(out.chosen.begin(), out.chosen.end());

  // A supporter without room is always full, so any price >= 0 is allowed: the smallest
  // that covers its edges.
  if (!closed_supporter) return;
  for (const auto& e : p.edges) {
    if (e.weight < floor || p.capacities[e.supporter] > 0) continue;
    auto& price = out.certificate.supporter_price[e.supporter];
    price = std::max(price, e.weight + bonus - out.certificate.supportee_price[e.supportee]);
  }
}

PEERKIT_INLINE int detail::max_pairs_from(const assignment_problem& p, std::int64_t floor,
                                          std::pair<std::vector<int>, std::vector<int>>* cover) {
  const int nl = static_cast<int>(p.capacities.size());
  const int nr = p.supportee_count;
  std::vector<int> begin(static_cast<std::size_t>(nr) + 1, 0);
  for (const auto& e : p.edges)
    if (e.weight >= floor && p.capacities[e.supporter] > 0) ++begin[e.supportee + 1];
  for (int j = 0; j < nr; ++j) begin[j + 1] += begin[j];
  std::vector<int> adj(static_cast<std::size_t>(begin[nr]));
  {
    std::vector<int> fill(begin.begin(), begin.end() - 1);
    for (const auto& e : p.edges)
      if (e.weight >= floor && p.capacities[e.supporter] > 0)
        adj[fill[e.supportee]++] = e.supporter;
  }
  std::vector<int> slot_begin(static_cast<std::size_t>(nl) + 1, 0);
  {
    std::vector<int> degree(static_cast<std::size_t>(nl), 0);
    for (const int i : adj) ++degree[i];
    for (int i = 0; i < nl; ++i)
      slot_begin[i + 1] = slot_begin[i] + std::min(p.capacities[i], degree[i]);
  }
  std::vector<int> slots(static_cast<std::size_t>(slot_begin[nl]), -1);
  std::vector<int> load(static_cast<std::size_t>(nl), 0);
  std::vector<int> slot_of(static_cast<std::size_t>(nr), -1);  // position in slots, -1: unpaired
  const auto has_room = [&](int i) { return slot_begin[i] + load[i] < slot_begin[i + 1]; };

  constexpr int unreached = std::numeric_limits<int>::max();
  std::vector<int> dist(static_cast<std::size_t>(nr));
  std::vector<int> queue;
  std::vector<int> edge_it(static_cast<std::size_t>(nr));
  std::vector<int> slot_it(static_cast<std::size_t>(nr));
  std::vector<int> stack;
  int pairs = 0;
  for (;;) {
    // Layers of supportees from the unpaired ones; `found` is the layer that reaches room.
    queue.clear();
    for (int j = 0; j < nr; ++j) {
      dist[j] = slot_of[j] < 0 && begin[j] < begin[j + 1] ? 0 : unreached;
      if (dist[j] == 0) queue.push_back(j);
    }
    int found = unreached;
    for (std::size_t q = 0; q < queue.size(); ++q) {
      const int j = queue[q];
      if (dist[j] >= found) break;
      for (int a = begin[j]; a < begin[j + 1]; ++a) {
        const int i = adj[a];
        if (has_room(i)) {
          found = std::min(found, dist[j] + 1);
          continue;
        }
        for (int k = slot_begin[i]; k < slot_begin[i] + load[i]; ++k) {
          const int j2 = slots[k];
          if (dist[j2] == unreached) {
            dist[j2] = dist[j] + 1;
            queue.push_back(j2);
          }
        }
      }
    }
    if (found == unreached) break;
    // Vertex-disjoint shortest augmenting paths, depth first without recursion.
    for (int j = 0; j < nr; ++j) {
      edge_it[j] = begin[j];
      slot_it[j] = -1;
    }
    for (int root = 0; root < nr; ++root) {
      if (slot_of[root] >= 0 || dist[root] != 0) continue;
      stack.assign(1, root);
      bool augmented = false;
      while (!stack.empty() && !augmented) {
        const int j = stack.back();
        bool descended = false;
        for (; edge_it[j] < begin[j + 1]; ++edge_it[j], slot_it[j] = -1) {
          const int i = adj[edge_it[j]];
          if (has_room(i)) {
            if (dist[j] + 1 != found) continue;
            augmented = true;
            break;
          }
          if (slot_it[j] < 0) slot_it[j] = slot_begin[i];
          for (; slot_it[j] < slot_begin[i] + load[i]; ++slot_it[j]) {
            const int j2 = slots[slot_it[j]];
            if (dist[j2] == dist[j] + 1) {
              stack.push_back(j2);
              descended = true;
              break;
            }
          }
          if (descended) break;
        }
        if (augmented || descended) continue;
        dist[j] = unreached;  // dead end for the rest of the phase
        stack.pop_back();
        if (!stack.empty()) ++slot_it[stack.back()];
      }
      if (!augmented) continue;
      // The top supportee takes the supporter with room; every supportee below takes the
      // place the one above it leaves.
      int j = stack.back();
      int i = adj[edge_it[j]];
      int place = slot_begin[i] + load[i]++;
      for (;;) {
        const int old = slot_of[j];
        slots[place] = j;
        slot_of[j] = place;
        stack.pop_back();
        if (stack.empty()) break;
        j = stack.back();
        place = old;
        PEERKIT_ASSERT(old == slot_it[j], "max_pairs_from: augmenting path lost its place");
      }
      ++pairs;
    }
  }
  if (cover) {
    // Koenig: Z = everything reachable from unpaired supportees along alternating paths;
    // the cover is the supporters in Z and the supportees outside it.
    std::vector<std::uint8_t> in_z_left(static_cast<std::size_t>(nl), 0);
    std::vector<std::uint8_t> in_z_right(static_cast<std::size_t>(nr), 0);
    queue.clear();
    for (int j = 0; j < nr; ++j)
      if (slot_of[j] < 0) {
        in_z_right[j] = 1;
        queue.push_back(j);
      }
    for (std::size_t q = 0; q < queue.size(); ++q) {
      const int j = queue[q];
      for (int a = begin[j]; a < begin[j + 1]; ++a) {
        const int i = adj[a];
        if (in_z_left[i]) continue;
        in_z_left[i] = 1;
        for (int k = slot_begin[i]; k < slot_begin[i] + load[i]; ++k)
          if (!in_z_right[slots[k]]) {
            in_z_right[slots[k]] = 1;
            queue.push_back(slots[k]);
          }
      }
    }
    // Supporters without room cover their own edges at no cost.
    for (const auto& e : p.edges)
      if (e.weight >= floor && p.capacities[e.supporter] == 0) in_z_left[e.supporter] = 1;
    cover->first.clear();
    cover->second.clear();
    for (int i = 0; i < nl; ++i)
      if (in_z_left[i]) cover->first.push_back(i);
    for (int j = 0; j < nr; ++j)
      if (!in_z_right[j]) cover->second.push_back(j);
  }
  return pairs;
}

PEERKIT_INLINE void detail::finish_assignment(const assignment_problem& p, assignment_result& out) {
  out.supportee_edge.assign(static_cast<std::size_t>(p.supportee_count), -1);
  out.pair_count = static_cast<int>(out.chosen.size());
  out.total_weight = 0;
  out.worst_weight.reset();
  for (const int k : out.chosen) {
    const auto& e = p.edges[k];
    out.supportee_edge[e.supportee] = k;
    out.total_weight += e.weight;
    if (!out.worst_weight || e.weight < *out.worst_weight) out.worst_weight = e.weight;
  }
}

PEERKIT_INLINE assignment_result solve_assignment(const assignment_problem& problem,
                                                  assignment_objective objective) {
  // The edges are checked by the first pass over them: solve_exact's, or here for the
  // fairest objective, whose cardinality checks come first.
  if (!detail::sizes_valid(problem) || objective == assignment_objective::max_min_then_weight)
    detail::validate_assignment(problem);
  assignment_result out;
  constexpr std::int64_t every_edge = std::numeric_limits<std::int64_t>::min();
  switch (objective) {
    case assignment_objective::max_cardinality_then_weight:
      detail::solve_exact(problem, every_edge, true, out);
      break;
    case assignment_objective::max_weight:
      detail::solve_exact(problem, 1, false, out);  // weights are integers: > 0 is >= 1
      break;
    case assignment_objective::max_min_then_weight: {
      // The best floor keeps the maximum number of pairs: binary search over the distinct
      // weights, each step a cardinality check.
      std::vector<std::int64_t> weights;
      weights.reserve(problem.edges.size());
      for (const auto& e : problem.edges) weights.push_back(e.weight);
      std::sort(weights.begin(), weights.end());
      weights.erase(std::unique(weights.begin(), weights.end()), weights.end());
      const int most = weights.empty() ? 0 : detail::max_pairs_from(problem, every_edge, nullptr);
      std::size_t lo = 0;  // weights[lo] keeps `most` pairs
      std::size_t hi = weights.size();
      while (most > 0 && hi - lo > 1) {
        const std::size_t mid = lo + (hi - lo) / 2;
        if (detail::max_pairs_from(problem, weights[mid], nullptr) == most)
          lo = mid;
        else
          hi = mid;
      }
      if (most > 0) {
        const std::int64_t floor = weights[lo];
        out.certificate.weight_floor = floor;
        detail::solve_exact(problem, floor, true, out);
        std::pair<std::vector<int>, std::vector<int>> cover;
        const std::int64_t heavier = lo + 1 < weights.size()
                                         ? weights[lo + 1]
                                         : std::numeric_limits<std::int64_t>::max();
        detail::max_pairs_from(problem, heavier, &cover);
        out.certificate.heavier_cover_supporters = std::move(cover.first);
        out.certificate.heavier_cover_supportees = std::move(cover.second);
      } else {
        // Nobody can be paired: the empty pairing, certified over every edge.
        detail::solve_exact(problem, every_edge, true, out);
      }
      break;
    }
  }
  detail::finish_assignment(problem, out);
  return out;
}

}  // namespace peerkit
