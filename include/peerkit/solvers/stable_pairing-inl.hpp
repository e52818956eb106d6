#pragma once
// Definitions of stable_pairing.hpp: inline here in header-only mode, compiled once into
// peerkit::compiled when PEERKIT_COMPILED is defined (see config.hpp).

#include <peerkit/config.hpp>
#include <peerkit/solvers/stable_pairing.hpp>

namespace peerkit {

namespace detail {

/// Ranks as lookups: rank of supportee j in supporter i's list and the other way round,
/// -1 when unlisted. Kept sparse: (other, rank) sorted by other, per list.
class stable_ranks {
 public:
  explicit stable_ranks(const stable_pairing_problem& p)
      : by_supporter_(build(p.supporter_ranking)), by_supportee_(build(p.supportee_ranking)) {}

  [[nodiscard]] int supportee_rank(int i, int j) const { return find(by_supporter_[i], j); }
  [[nodiscard]] int supporter_rank(int j, int i) const { return find(by_supportee_[j], i); }
  [[nodiscard]] bool acceptable(int i, int j) const {
    return supportee_rank(i, j) >= 0 && supporter_rank(j, i) >= 0;
  }

 private:
  using list = std::vector<std::pair<int, int>>;
  static std::vector<list> build(const std::vector<std::vector<int>>& rankings) {
    std::vector<list> out(rankings.size());
    for (std::size_t a = 0; a < rankings.size(); ++a) {
      for (std::size_t k = 0; k < rankings[a].size(); ++k)
        out[a].emplace_back(rankings[a][k], static_cast<int>(k));
      std::sort(out[a].begin(), out[a].end());
    }
    return out;
  }
  static int find(const list& l, int x) {
    const auto it = std::lower_bound(l.begin(), l.end(), std::pair<int, int>{x, -1});
    return it != l.end() && it->first == x ? it->second : -1;
  }
  std::vector<list> by_supporter_;
  std::vector<list> by_supportee_;
};

}  // namespace detail

PEERKIT_INLINE void detail::validate_stable(const stable_pairing_problem& p) {
  problem_list problems;
  const auto nl = static_cast<int>(p.capacities.size());
  const auto nr = static_cast<int>(p.supportee_ranking.size());
  for (int i = 0; i < nl; ++i)
    if (p.capacities[i] < 0)
      problems.add("matching.negative_capacity",
                   element_location("capacities", static_cast<std::size_t>(i)),
                   "a capacity must be 0 or more; found " + std::to_string(p.capacities[i]));
  if (static_cast<int>(p.supporter_ranking.size()) != nl)
    problems.add("matching.size_mismatch", "supporter_ranking",
                 "expected one ranking per supporter (" + std::to_string(nl) + "); found " +
                     std::to_string(p.supporter_ranking.size()));
  const auto check = [&](const std::vector<std::vector<int>>& rankings, int others,
                         const char* name, const char* unknown, const char* kind) {
    std::vector<int> seen_in(static_cast<std::size_t>(others), -1);
    for (std::size_t a = 0; a < rankings.size(); ++a)
      for (std::size_t k = 0; k < rankings[a].size(); ++k) {
        const int x = rankings[a][k];
        const std::string at = element_location(name, a) + "[" + std::to_string(k) + "]";
        if (x < 0 || x >= others) {
          const std::string expected = others > 0
                                           ? "an index in 0.." + std::to_string(others - 1)
                                           : std::string("no index (there are no ") + kind + "s)";
          problems.add(unknown, at, "expected " + expected + "; found " + std::to_string(x));
        } else if (seen_in[x] == static_cast<int>(a)) {
          problems.add("matching.repeated_choice", at, std::to_string(x) + " is ranked twice");
        } else {
          seen_in[x] = static_cast<int>(a);
        }
      }
  };
  check(p.supporter_ranking, nr, "supporter_ranking", "matching.unknown_supportee", "supportee");
  check(p.supportee_ranking, nl, "supportee_ranking", "matching.unknown_supporter", "supporter");
  problems.throw_if_any();
}

PEERKIT_INLINE stable_pairing_result stable_pairing(const stable_pairing_problem& problem,
                                                    stable_proposer proposer) {
  detail::validate_stable(problem);
  const auto nl = static_cast<int>(problem.capacities.size());
  const auto nr = static_cast<int>(problem.supportee_ranking.size());
  const detail::stable_ranks ranks(problem);
  stable_pairing_result out;
  out.supporter_of.assign(static_cast<std::size_t>(nr), -1);
  out.supportees_of.assign(static_cast<std::size_t>(nl), {});

  if (proposer == stable_proposer::supportees) {
    // Supporters hold their best proposals so far, worst on top of a heap by rank.
    const auto worse = [&](int i) {
      return [&ranks, i](int a, int b) {
        return ranks.supportee_rank(i, a) < ranks.supportee_rank(i, b);
      };
    };
    std::vector<std::size_t> next(static_cast<std::size_t>(nr), 0);
    std::vector<int> queue;
    for (int j = nr - 1; j >= 0; --j) queue.push_back(j);
    while (!queue.empty()) {
      const int j = queue.back();
      queue.pop_back();
      const auto& list = problem.supportee_ranking[j];
      while (next[j] < list.size()) {
        const int i = list[next[j]++];
        const int rank = ranks.supportee_rank(i, j);
        if (rank < 0 || problem.capacities[i] == 0) continue;
        auto& held = out.supportees_of[i];
        if (static_cast<int>(held.size()) < problem.capacities[i]) {
          held.push_back(j);
          std::push_heap(held.begin(), held.end(), worse(i));
          out.supporter_of[j] = i;
          break;
        }
        const int worst = held.front();
        if (ranks.supportee_rank(i, worst) < rank) continue;  // i keeps what it has
        std::pop_heap(held.begin(), held.end(), worse(i));
        held.back() = j;
        std::push_heap(held.begin(), held.end(), worse(i));
        out.supporter_of[j] = i;
        out.supporter_of[worst] = -1;
        queue.push_back(worst);
        break;
      }
    }
  } else {
    // Supportees hold their best proposal so far.
    std::vector<std::size_t> next(static_cast<std::size_t>(nl), 0);
    std::vector<int> room(problem.capacities);
    std::vector<int> queue;
    for (int i = nl - 1; i >= 0; --i) queue.push_back(i);
    while (!queue.empty()) {
      const int i = queue.back();
      queue.pop_back();
      const auto& list = problem.supporter_ranking[i];
      while (room[i] > 0 && next[i] < list.size()) {
        const int j = list[next[i]++];
        const int rank = ranks.supporter_rank(j, i);
        if (rank < 0) continue;
        const int current = out.supporter_of[j];
        if (current >= 0 && ranks.supporter_rank(j, current) < rank) continue;
        out.supporter_of[j] = i;
        --room[i];
        if (current >= 0) {
          if (room[current]++ == 0) queue.push_back(current);
        }
      }
    }
    for (int j = 0; j < nr; ++j)
      if (out.supporter_of[j] >= 0) out.supportees_of[out.supporter_of[j]].push_back(j);
  }
  for (int i = 0; i < nl; ++i) {
    auto& held = out.supportees_of[i];
    std::sort(held.begin(), held.end(), [&](int a, int b) {
      return ranks.supportee_rank(i, a) < ranks.supportee_rank(i, b);
    });
    out.pair_count += static_cast<int>(held.size());
  }
  return out;
}

PEERKIT_INLINE std::vector<std::pair<int, int>> blocking_pairs(
    const stable_pairing_problem& problem, const std::vector<int>& supporter_of) {
  detail::validate_stable(problem);
  const auto nl = static_cast<int>(problem.capacities.size());
  PEERKIT_ASSERT(supporter_of.size() == problem.supportee_ranking.size(),
                 "blocking_pairs: one entry per supportee");
  const detail::stable_ranks ranks(problem);
  // The worst rank each supporter holds, and how many it holds.
  std::vector<int> worst(static_cast<std::size_t>(nl), -1);
  std::vector<int> load(static_cast<std::size_t>(nl), 0);
  for (std::size_t j = 0; j < supporter_of.size(); ++j) {
    const int i = supporter_of[j];
    if (i < 0) continue;
    PEERKIT_ASSERT(i < nl, "blocking_pairs: supporter index out of range");
    ++load[i];
    worst[i] = std::max(worst[i], ranks.supportee_rank(i, static_cast<int>(j)));
  }
  std::vector<std::pair<int, int>> out;
  for (int i = 0; i < nl; ++i)
    for (const int j : problem.supporter_ranking[i]) {
      if (!ranks.acceptable(i, j) || supporter_of[j] == i) continue;
      const int mine = supporter_of[j];
      const bool supportee_wants = mine < 0 ||
                                   ranks.supporter_rank(j, i) < ranks.supporter_rank(j, mine);
      const bool supporter_wants = load[i] < problem.capacities[i] ||
                                   ranks.supportee_rank(i, j) < worst[i];
      if (supportee_wants && supporter_wants) out.emplace_back(i, j);
    }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace peerkit
