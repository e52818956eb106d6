#pragma once
// The exact core of the capacitated assignment: shortest augmenting paths in the manner of
// Jonker and Volgenant, one unit of demand at a time, with Dijkstra's algorithm on reduced
// costs over an implicit residual graph. Four stages, all keeping the invariants below:
//   1. greedy start: every unit takes a tight arc to a target with room;
//   2. row reduction: free units bid for their best target (an auction with exact prices);
//   3. tight sweeps: with heavy ties, units are served along zero-cost paths together;
//   4. one search per unit left, each ending in a price update and a flipped path; when
//      the searches grow large, a global price update now and then guides the next ones.
// From stage 2 on, a row is sorted heaviest first the first time a bid or a search reads
// it, so that both can stop reading at the first arc that cannot beat what they know.
//
// Sources have a demand and targets a capacity; one of the two sides has unit values (a
// supportee is paired once), which is what the dual updates rely on. Every unit of demand
// may also stay unserved through a private exit worth `exit_weight`: 0 for the plain
// maximum weight, a large negative number when cardinality comes first.
//
// Invariants between searches (weights as gains, prices u on targets, v on sources):
//   u[t] + v[s] >= w(s,t) on every arc, with equality on matched arcs;
//   u[t] >= 0, and u[t] == 0 while t has room;
//   v[s] >= exit_weight, with equality while s has a unit on its exit.
// Units not yet served put no condition on their source, so each search starts from a
// source whose price is simply set to its best gain. At the end these are the optimal
// dual prices of the linear programme, which is what makes the result checkable.

#include <algorithm>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <memory>
#include <numeric>
#include <utility>
#include <vector>

#include <peerkit/config.hpp>

namespace peerkit::detail {

/// An allocator whose resize() leaves new elements uninitialised (default-initialised):
/// the arc arrays are written in full right after they are sized, and zeroing them first
/// would cost a pass over memory as large as the problem (12% of a dense solve).
template <class T>
struct overwrite_allocator : std::allocator<T> {
  overwrite_allocator() = default;
  template <class U>
  overwrite_allocator(const overwrite_allocator<U>&) noexcept {}  // converts, as std::allocator
  template <class U>
  void construct(U* p) noexcept {
    ::new (static_cast<void*>(p)) U;
  }
};
template <class T>
using overwrite_vector = std::vector<T, overwrite_allocator<T>>;

/// Asks the processor to start loading the cache line at `p`: a hint, nothing where the
/// compiler has no builtin for it.
inline void prefetch(const void* p) {
#if defined(__GNUC__)
  __builtin_prefetch(p);
#else
  (void)p;
#endif
}

/// An arc's target and weight. 32-bit weights (scores are at most 10^9; a cardinality
/// bonus stays out of them, in the exit) keep a row in two thirds of the memory, which the
/// searches read again and again.
struct arc_head {
  int target;
  std::int32_t weight;
};

/// Arcs of an assignment problem grouped by source (compressed rows).
struct assignment_arcs {
  std::vector<int> begin;  ///< source s owns arcs [begin[s], begin[s+1])
  /// Per arc, side by side: a search reads both, and the head of a sorted row is then
  /// one cache line.
  overwrite_vector<arc_head> head;
  overwrite_vector<int> id;  ///< per arc, the caller's name for it; empty: its index
};

/// Monotone priority queue of targets keyed by distance, for Dijkstra's algorithm (no key
/// pushed is below the last one popped). Lowering a key pushes the target again; the
/// entry left behind goes stale and is skipped when it comes up, which `live(t, key)`
/// tells. Equal keys come out first in, first out, so a search crosses a plateau of equal
/// distances breadth first: of the shortest augmenting paths it finds one with the fewest
/// arcs, which moves the fewest pairs and leaves later searches less to undo (with scores
/// 0..100 and 30,000 supportees the searches look at 40% fewer arcs). Keys below
/// `bucket_count` (reduced costs of small integer weights stay small) have one bucket
/// each; larger keys go to a radix heap: an entry sits in the bucket of the highest bit in
/// which its key differs from the last key popped, so a pop only ever moves entries to
/// lower buckets, O(log of the key range) moves per entry at most.
class distance_queue {
 public:
  static constexpr std::int64_t bucket_count = 1024;

  void push(int t, std::int64_t key) {
    PEERKIT_ASSERT(key >= cur_, "distance_queue: keys must not fall below the last one popped");
    if (key < bucket_count) {
      small_[static_cast<std::size_t>(key)].push_back(t);
      top_ = std::max(top_, key);
    } else {
      radix_[radix_slot(key)].push_back({key, t});
    }
  }

  /// Removes a live target of the smallest key; -1 when there is none.
  template <class Live>
  int pop(std::int64_t& key, Live&& live) {
    for (; cur_ <= top_; ++cur_) {
      auto& bucket = small_[static_cast<std::size_t>(cur_)];
      auto& h = head_[static_cast<std::size_t>(cur_)];
      while (h < bucket.size()) {
        const int t = bucket[h++];
        if (live(t, cur_)) {
          key = cur_;
          return t;
        }
      }
      bucket.clear();  // read through: no key below the next one comes again
      h = 0;
    }
    for (;;) {
      auto& lowest = radix_[0];
      while (lowest_head_ < lowest.size()) {
        const entry e = lowest[lowest_head_++];
        if (live(e.target, e.key)) {
          key = e.key;
          return e.target;
        }
      }
      lowest.clear();
      lowest_head_ = 0;
      // The first non-empty bucket holds the smallest key: it becomes the reference, and
      // every entry of that bucket moves below.
      std::size_t b = 1;
      while (b < radix_.size() && radix_[b].empty()) ++b;
      if (b == radix_.size()) return -1;
      std::vector<entry> moving;
      moving.swap(radix_[b]);
      last_ = moving.front().key;
      for (const entry& e : moving) last_ = std::min(last_, e.key);
      cur_ = std::max(cur_, last_);
      for (const entry& e : moving) radix_[radix_slot(e.key)].push_back(e);
      moving.clear();
      moving.swap(radix_[b]);  // keeps the capacity for the next time
    }
  }

  /// Empties the queue.
  void clear() {
    for (std::int64_t k = 0; k <= top_ && k < bucket_count; ++k) {
      small_[static_cast<std::size_t>(k)].clear();
      head_[static_cast<std::size_t>(k)] = 0;
    }
    for (auto& bucket : radix_) bucket.clear();
    lowest_head_ = 0;
    cur_ = 0;
    top_ = -1;
    last_ = bucket_count;
  }

 private:
  struct entry {
    std::int64_t key;
    int target;
  };
  [[nodiscard]] std::size_t radix_slot(std::int64_t key) const {
    const auto diff = static_cast<std::uint64_t>(key ^ last_);
    return diff == 0 ? 0 : static_cast<std::size_t>(std::bit_width(diff));
  }

  std::vector<std::vector<int>> small_ = std::vector<std::vector<int>>(bucket_count);
  std::vector<std::size_t> head_ = std::vector<std::size_t>(bucket_count, 0);  ///< next out
  std::vector<std::vector<entry>> radix_ = std::vector<std::vector<entry>>(65);
  std::size_t lowest_head_ = 0;       ///< next out of radix_[0]
  std::int64_t cur_ = 0;              ///< no live key below it
  std::int64_t top_ = -1;             ///< the largest small key pushed
  std::int64_t last_ = bucket_count;  ///< the radix heap's reference: no key below it
};

/// The vertices one search touched, each at most once, so the room for all of them is
/// made up front and adding one is a plain store (a vector's push_back, which the compiler
/// left out of line in the search's inner loop, cost 2% at `L/popular`).
class touched_list {
 public:
  void reserve(std::size_t vertices) { item_.resize(vertices); }
  void add(int v) {
    PEERKIT_ASSERT(size_ < item_.size(), "touched_list: a vertex was added twice");
    item_[size_++] = v;
  }
  [[nodiscard]] const int* begin() const { return item_.data(); }
  [[nodiscard]] const int* end() const { return item_.data() + size_; }
  [[nodiscard]] std::size_t size() const { return size_; }
  void clear() { size_ = 0; }

 private:
  std::vector<int> item_;
  std::size_t size_ = 0;
};

/// Shortest-augmenting-path solver. `UnitSources`: every source has demand 1 and targets
/// have capacities; otherwise every target has capacity 1 and sources have demands.
template <bool UnitSources>
class assignment_search {
 public:
  /// Unit sources: target t takes up to `capacity[t]` sources, and `indegree[t]` arcs lead
  /// to it (counted by the caller, which reads the arcs anyway).
  assignment_search(int sources, int targets, assignment_arcs arcs, std::vector<int> capacity,
                    const std::vector<int>& indegree, std::int64_t exit_weight)
    requires UnitSources
      : assignment_search(sources, targets, std::move(arcs), exit_weight) {
    cap_ = std::move(capacity);
    int places = 0;
    for (int t = 0; t < nt_; ++t) {
      tgt_[t].first_slot = places;
      places += std::min(cap_[t], indegree[t]);
      tgt_[t].full = cap_[t] == 0;
    }
    slots_.assign(static_cast<std::size_t>(places), -1);
    src_arc_.assign(static_cast<std::size_t>(ns_), -1);
    src_slot_.assign(static_cast<std::size_t>(ns_), -1);
  }

  /// Unit targets: source s serves up to `demand[s]` targets.
  assignment_search(int sources, int targets, assignment_arcs arcs, std::vector<int> demand,
                    std::int64_t exit_weight)
    requires(!UnitSources)
      : assignment_search(sources, targets, std::move(arcs), exit_weight) {
    demand_ = std::move(demand);
    tgt_arc_.assign(static_cast<std::size_t>(nt_), -1);
    holder_.assign(static_cast<std::size_t>(nt_), -1);
    src_slot_begin_.resize(static_cast<std::size_t>(ns_) + 1);
    src_slot_begin_[0] = 0;
    for (int s = 0; s < ns_; ++s)
      src_slot_begin_[s + 1] = src_slot_begin_[s] +
                               std::min(demand_[s], arcs_.begin[s + 1] - arcs_.begin[s]);
    src_slots_.assign(static_cast<std::size_t>(src_slot_begin_[ns_]), -1);
    src_count_.assign(static_cast<std::size_t>(ns_), 0);
  }

  /// Serves every unit of demand: the cheap stages, then one shortest augmenting path per
  /// unit left, sources in index order (a search prices its free root itself). The prices
  /// are updated globally once the searches since the last update have explored
  /// `update_after` times the vertices and the units left promise as much again, or a
  /// quarter as much once an update has run (0: after every search, which tests use).
  void run(std::size_t update_after) {
    greedy_start();
    // From here on a row is sorted heaviest first when it is first bid from or searched.
    sorting_ = true;
    row_sorted_.assign(static_cast<std::size_t>(ns_), 0);
    if (arcs_.id.empty()) {  // the arcs keep their names
      arcs_.id.resize(arcs_.head.size());
      std::iota(arcs_.id.begin(), arcs_.id.end(), 0);
    }
    reduce_rows(3);
    tight_sweeps();
    // What the units left will explore is estimated at the size of the latest searches (a
    // running average: searches grow towards the end).
    const std::size_t enough = update_after * static_cast<std::size_t>(ns_ + nt_);
    std::size_t left = 0;
    for (int s = 0; s < ns_; ++s) left += static_cast<std::size_t>(pending(s));
    std::size_t explored = 0;  // by the searches since the last global update
    std::size_t recent = 0;    // 16 times a running average of the latest searches' sizes
    for (int s = 0; s < ns_; ++s)
      while (pending(s) > 0) {
        const std::size_t size = search(s);
        explored += size;
        recent = recent - recent / 16 + size;
        --left;
        // The first update also groups the arcs by target, so it waits for the whole
        // threshold and promise. Later ones, which settle no farther than the searches
        // since the last one reached, pay already at half the threshold and a quarter of
        // the promise (at XL the last hundred searches explore 8 times the vertices).
        const bool first = col_begin_.empty();
        if (explored > (first ? enough : enough / 2) && left * recent > (first ? 16 : 4) * enough) {
          global_update();
          explored = 0;
          farthest_ = 0;
        }
      }
  }

  /// The stages that set prices only (greedy start, row reduction; the tight sweeps change
  /// who is served, not prices): some units may be left unserved, but all prices are
  /// feasible, those of free sources at their best gain. Row reduction gets 8 passes here:
  /// what it leaves costs more afterwards than a search would (the duos' blossom phase:
  /// 11% less time at 1,000 leaders, 15% at 4,000).
  void price_start() {
    greedy_start();
    reduce_rows(8);
    for (int s = 0; s < ns_; ++s)
      if (holds_nothing(s)) src_[s].v = best_gain(s);
  }

  /// Calls f(source, id) for every matched arc, by its id (a search sorts the rows it
  /// scans, so an arc's place may have changed). Read from the sources' own lists, not by
  /// scanning every arc's flag.
  template <class F>
  void for_each_matched(F&& f) const {
    const auto id = [&](int a) { return arcs_.id.empty() ? a : arcs_.id[a]; };
    for (int s = 0; s < ns_; ++s)
      if constexpr (UnitSources) {
        if (src_arc_[s] >= 0) f(s, id(src_arc_[s]));
      } else {
        for (int k = src_slot_begin_[s]; k < src_slot_begin_[s] + src_count_[s]; ++k)
          f(s, id(src_slots_[k]));
      }
  }
  [[nodiscard]] std::int64_t target_price(int t) const { return tgt_[t].u; }
  [[nodiscard]] std::int64_t source_price(int s) const { return src_[s].v; }

 private:
  static constexpr std::uint8_t labelled = 1;
  static constexpr std::uint8_t final_label = 2;
  static constexpr std::int64_t unreached = std::numeric_limits<std::int64_t>::max();

  [[nodiscard]] bool has_room(int t) const { return !tgt_[t].full; }
  // Units of s still to serve.
  [[nodiscard]] int pending(int s) const {
    if constexpr (UnitSources)
      return src_arc_[s] < 0 && !on_exit_[s] ? 1 : 0;
    else
      return demand_[s] - src_count_[s] - on_exit_[s];
  }
  // Nothing ties the price of such a source: it may be set to its best gain.
  [[nodiscard]] bool holds_nothing(int s) const {
    if constexpr (UnitSources)
      return src_arc_[s] < 0 && !on_exit_[s];
    else
      return src_count_[s] + on_exit_[s] == 0;
  }
  [[nodiscard]] bool held_by(int t, int s) const {
    if constexpr (UnitSources) {
      (void)t;
      (void)s;
      return false;  // a free unit source holds nothing
    } else {
      return tgt_arc_[t] >= arcs_.begin[s] && tgt_arc_[t] < arcs_.begin[s + 1];
    }
  }
  [[nodiscard]] bool tight(int s, int a) const {
    const int t = arcs_.head[a].target;
    return !matched_[a] && !held_by(t, s) && tgt_[t].u + src_[s].v == arcs_.head[a].weight;
  }

  // The best a free source can get: its exit or its best arc at current prices.
  [[nodiscard]] std::int64_t best_gain(int s) const {
    std::int64_t best = exit_;
    for (int a = arcs_.begin[s]; a < arcs_.begin[s + 1]; ++a)
      best = std::max(best, arcs_.head[a].weight - tgt_[arcs_.head[a].target].u);
    return best;
  }

  // Tight arcs to targets with room are taken directly; the rest is left to the searches.
  void greedy_start() {
    if constexpr (UnitSources) {
      for (int s = 0; s < ns_; ++s) {
        // All prices are still 0: the best gain is the heaviest weight, found without
        // reading the targets (a loop gcc vectorises).
        std::int32_t heaviest = std::numeric_limits<std::int32_t>::min();
        for (int a = arcs_.begin[s]; a < arcs_.begin[s + 1]; ++a)
          heaviest = std::max(heaviest, arcs_.head[a].weight);
        const std::int64_t best = arcs_.begin[s] == arcs_.begin[s + 1]
                                      ? exit_
                                      : std::max<std::int64_t>(exit_, heaviest);
        src_[s].v = best;
        for (int a = arcs_.begin[s]; a < arcs_.begin[s + 1]; ++a) {
          const int t = arcs_.head[a].target;
          if (arcs_.head[a].weight == best && has_room(t)) {
            const int slot = next_place(t);
            slots_[slot] = s;
            src_arc_[s] = a;
            src_slot_[s] = slot;
            matched_[a] = 1;
            break;
          }
        }
        if (src_arc_[s] < 0 && arcs_.begin[s] == arcs_.begin[s + 1]) on_exit_[s] = 1;
      }
    } else {
      // A source takes its best arcs, in order of gain, while their targets are free; the
      // gain of the first arc it does not take becomes its price, and the targets it took
      // are priced at what they are worth to it above that.
      std::vector<int> order;
      for (int s = 0; s < ns_; ++s) {
        const int first = arcs_.begin[s];
        const int last = arcs_.begin[s + 1];
        if (demand_[s] == 0) {
          src_[s].v = best_gain(s);
          continue;
        }
        if (first == last) {
          src_[s].v = exit_;
          on_exit_[s] = 1;
          continue;
        }
        order.clear();
        for (int a = first; a < last; ++a) order.push_back(a);
        const auto gain = [&](int a) {
          return arcs_.head[a].weight - tgt_[arcs_.head[a].target].u;
        };
        const auto better = [&](int a, int b) {
          const std::int64_t ga = gain(a);
          const std::int64_t gb = gain(b);
          return ga != gb ? ga > gb : a < b;
        };
        const int want = std::min<int>(demand_[s], last - first);
        const auto upto = order.begin() + std::min<int>(want + 1, last - first);
        std::partial_sort(order.begin(), upto, order.end(), better);
        int taken = 0;
        // Claiming each target as it is taken stops a repeated pair from being taken twice.
        while (taken < want && tgt_arc_[arcs_.head[order[taken]].target] < 0 &&
               gain(order[taken]) >= exit_) {
          set_holder(arcs_.head[order[taken]].target, order[taken], s);
          ++taken;
        }
        std::int64_t price = exit_;
        if (taken < last - first) price = std::max(price, gain(order[taken]));
        src_[s].v = price;
        for (int k = 0; k < taken; ++k) {
          const int a = order[k];
          // The target was free: its price was 0.
          tgt_[arcs_.head[a].target].u = arcs_.head[a].weight - price;
          matched_[a] = 1;
          src_slots_[src_slot_begin_[s] + src_count_[s]++] = a;
        }
      }
    }
  }

  // The best and second best gain of source s over arcs it does not hold; the exit counts
  // as an alternative worth exit_. Returns the best arc, or -1 when the exit is as good.
  struct bid {
    int arc = -1;
    std::int64_t first = 0;
    std::int64_t second = 0;
    int second_arc = -1;
  };
  [[nodiscard]] bid best_two(int s) {
    if (sorting_ && !row_sorted_[s]) sort_row(s);
    const bool sorted = sorting_;
    // Compared by key: twice the gain, plus one for an arc, so that an arc wins a tie with
    // the exit and the earlier of two arcs wins theirs. Updating the two best keys is then
    // two plain comparisons, which compile to conditional moves: the branches they replace
    // went either way (a third fewer mispredictions in the row reduction at `L/popular`).
    // Doubled, keys still fit: the bonus in the exit stays below 2^60 (matching.too_large).
    std::int64_t first = 2 * exit_;
    std::int64_t second = first;
    int first_arc = -1;
    int second_arc = -1;
    for (int a = arcs_.begin[s]; a < arcs_.begin[s + 1]; ++a) {
      const std::int64_t weight = arcs_.head[a].weight;
      // No price is below 0: in a sorted row, once a weight cannot beat the second best
      // gain, no gain after it can.
      if (sorted && 2 * weight + 1 <= second) break;
      // A repeated pair to a target s already holds is no alternative.
      if (matched_[a] || held_by(arcs_.head[a].target, s)) continue;
      const std::int64_t key = 2 * (weight - tgt_[arcs_.head[a].target].u) + 1;
      const bool over_first = key > first;
      const bool over_second = key > second;
      second_arc = over_first ? first_arc : over_second ? a : second_arc;
      second = over_first ? first : over_second ? key : second;
      first_arc = over_first ? a : first_arc;
      first = over_first ? key : first;
    }
    // An arithmetic shift halves a key down to its gain.
    return {first_arc, first >> 1, second >> 1, second_arc};
  }

  // Augmenting row reduction (Jonker and Volgenant): free units bid for their best target,
  // raising its price by the margin over their second best and taking the place of an
  // occupant, who bids next; a unit displaced without a rise bids again in the next pass.
  // Prices stay exact, so the searches start from them; three passes (for run()) and a
  // budget of 32 bids per unit keep it from turning into a long price war (with scores
  // 0..10^6 a budget of 8 ran out in the first pass and left 261 units of 3,000 to the
  // searches, this one 41: 11% less time at L).
  void reduce_rows(int passes) {
    std::vector<int> todo;
    for (int s = 0; s < ns_; ++s)
      for (int k = 0; k < pending(s); ++k) todo.push_back(s);
    long long budget = 32 * static_cast<long long>(todo.size()) + 16;
    std::vector<int> later;
    for (int pass = 0; pass < passes && !todo.empty(); ++pass) {
      later.clear();
      for (const int first : todo) {
        int s = first;
        while (s >= 0 && budget-- > 0) s = bid_once(s, later);
        if (s >= 0) later.push_back(s);
      }
      todo.swap(later);
    }
  }

  // One bid of a free unit of s. Returns a source to bid next at once (the occupant it
  // displaced after a price rise), or -1; a unit displaced without a rise goes to `later`.
  int bid_once(int s, std::vector<int>& later) {
    if constexpr (UnitSources) {
      const bid b = best_two(s);
      if (b.arc < 0) return -1;  // the exit is as good: left to the search
      const int t = arcs_.head[b.arc].target;
      if (has_room(t)) {
        src_[s].v = b.first;
        take_slot(s, b.arc, next_place(t));
        return -1;
      }
      if (b.first == b.second && b.second_arc >= 0 && has_room(arcs_.head[b.second_arc].target)) {
        const int t2 = arcs_.head[b.second_arc].target;  // a tie: the target with room instead
        src_[s].v = b.second;
        take_slot(s, b.second_arc, next_place(t2));
        return -1;
      }
      // Full: the occupant with the least slack leaves; the price may rise by the bidder's
      // margin, but no more than the slack of every occupant who stays (a lone occupant
      // simply leaves).
      const int first = tgt_[t].first_slot;
      const int last = first + tgt_[t].load;
      int victim_slot = first;
      std::int64_t delta = b.first - b.second;
      if (last - first > 1) {
        victim_slot = -1;
        std::int64_t victim_slack = 0;
        for (int k = first; k < last; ++k) {
          const int y = slots_[k];
          const std::int64_t slack = src_[y].v - best_two(y).first;
          if (victim_slot < 0 || slack < victim_slack) {
            if (victim_slot >= 0) delta = std::min(delta, victim_slack);
            victim_slot = k;
            victim_slack = slack;
          } else {
            delta = std::min(delta, slack);
          }
        }
      }
      const int x = slots_[victim_slot];
      tgt_[t].u += delta;
      for (int k = first; k < last; ++k)
        if (k != victim_slot) src_[slots_[k]].v -= delta;
      matched_[src_arc_[x]] = 0;
      src_arc_[x] = -1;
      src_slot_[x] = -1;
      src_[s].v = b.first - delta;
      take_slot(s, b.arc, victim_slot);
      if (delta > 0) return x;
      later.push_back(x);
      return -1;
    } else {
      if (on_exit_[s] > 0) return -1;  // only sources without arcs are on the exit here
      const bid b = best_two(s);
      if (b.arc < 0) return -1;
      int a = b.arc;
      std::int64_t price = b.second;  // the source's new price: its second best
      const int t1 = arcs_.head[a].target;
      if (b.first == b.second && !has_room(t1) && b.second_arc >= 0 &&
          has_room(arcs_.head[b.second_arc].target))
        a = b.second_arc;  // a tie: take the free target instead of displacing
      const int t = arcs_.head[a].target;
      // Lower the source's price to `price`; the targets it holds stay tight.
      const std::int64_t drop = src_[s].v - price;
      for (int k = src_slot_begin_[s]; k < src_slot_begin_[s] + src_count_[s]; ++k)
        tgt_[arcs_.head[src_slots_[k]].target].u += drop;
      src_[s].v = price;
      const int x = holder_[t];
      const std::int64_t rise = arcs_.head[a].weight - price - tgt_[t].u;
      if (x >= 0) {
        const int old = tgt_arc_[t];
        matched_[old] = 0;
        const int first = src_slot_begin_[x];
        const int last = first + src_count_[x];
        for (int k = first; k < last; ++k)
          if (src_slots_[k] == old) {
            src_slots_[k] = src_slots_[last - 1];
            break;
          }
        --src_count_[x];
      }
      tgt_[t].u = arcs_.head[a].weight - price;
      set_holder(t, a, s);
      matched_[a] = 1;
      src_slots_[src_slot_begin_[s] + src_count_[s]++] = a;
      if (x < 0) return -1;
      if (rise > 0) return x;
      later.push_back(x);
      return -1;
    }
  }

  // The next free place of t, which may fill it (unit sources).
  int next_place(int t) {
    target_state& ts = tgt_[t];
    const int place = ts.first_slot + ts.load++;
    ts.full = ts.load >= cap_[t];
    return place;
  }

  // Target t is held by source s through arc a (-1, -1: free); unit targets.
  void set_holder(int t, int a, int s) {
    tgt_arc_[t] = a;
    holder_[t] = s;
    tgt_[t].full = a >= 0;  // beside the price, which a search reads with it
  }

  void take_slot(int s, int a, int slot) {
    slots_[slot] = s;
    src_arc_[s] = a;
    src_slot_[s] = slot;
    matched_[a] = 1;
  }

  // --- tight sweeps -----------------------------------------------------------------
  //
  // With heavy ties many units can be served along tight paths (reduced cost 0), where a
  // search per unit would explore the same plateau of ties again and again. A sweep tries
  // every unit left by depth-first search over tight arcs, each target visited at most
  // once per sweep (Kuhn's method), and flips the paths found; prices do not change.
  // Sweeps repeat while they serve enough units for their cost; the searches finish.

  void tight_sweeps() {
    std::vector<int> roots;
    for (;;) {
      roots.clear();
      for (int s = 0; s < ns_; ++s)
        if (pending(s) > 0) roots.push_back(s);
      if (roots.empty()) return;
      // A sweep looks at most tight arcs; another one pays only while they serve at least
      // half of the units left, as with heavy ties (three-valued scores: 87%, then 71%;
      // with capacities 1-5 the first sweep serves 31% and a second one 5%, at about the
      // cost of the first).
      if (tight_sweep(roots) * 2 < roots.size()) return;
    }
  }

  // One sweep. Returns the units served.
  std::size_t tight_sweep(const std::vector<int>& roots) {
    seen_t_.assign(static_cast<std::size_t>(nt_), 0);
    seen_s_.assign(static_cast<std::size_t>(ns_), 0);
    std::size_t served = 0;
    std::vector<path_frame>& stack = frames_;
    for (const int r : roots) {
      if (holds_nothing(r)) src_[r].v = best_gain(r);
      seen_s_[r] = 1;
      for (int unit = pending(r); unit > 0; --unit) {
        stack.assign(1, {r, arcs_.begin[r], -1});
        bool found = false;
        while (!stack.empty()) {
          path_frame& f = stack.back();
          // A tight arc weighs at least its source's price (no target's is below 0): in a
          // sorted row the arcs left after a lighter one cannot be tight.
          if (f.a == arcs_.begin[f.s + 1] ||
              (row_sorted_[f.s] && arcs_.head[f.a].weight < src_[f.s].v)) {
            stack.pop_back();
            continue;
          }
          const int t = arcs_.head[f.a].target;
          if (f.k < 0) {
            if (seen_t_[t] || !tight(f.s, f.a)) {
              ++f.a;
              continue;
            }
            seen_t_[t] = 1;
            if (has_room(t)) {
              found = true;
              break;
            }
            f.k = 0;
          }
          const int s2 = source_at(t, f.k);
          if (s2 < 0) {
            ++f.a;
            f.k = -1;
            continue;
          }
          ++f.k;
          if (seen_s_[s2]) continue;
          seen_s_[s2] = 1;
          stack.push_back({s2, arcs_.begin[s2], -1});
        }
        if (!found) break;  // no further unit of r gets through in this sweep
        src_[r].reach_target = -1;
        for (std::size_t i = 0; i < stack.size(); ++i) {
          const int t = arcs_.head[stack[i].a].target;
          tgt_[t].pred = stack[i].a;
          if (i + 1 < stack.size()) src_[stack[i + 1].s].reach_target = t;
        }
        const int end = arcs_.head[stack.back().a].target;
        flip_to_target(end);
        if (has_room(end)) seen_t_[end] = 0;  // it can take another unit
        ++served;
      }
    }
    return served;
  }

  // The source of arc a: arcs are grouped by source, so a binary search over the row
  // starts finds it without an array as long as the arcs.
  [[nodiscard]] int source_of(int a) const {
    const auto row = std::upper_bound(arcs_.begin.begin(), arcs_.begin.end(), a);
    return static_cast<int>(row - arcs_.begin.begin()) - 1;
  }

  // The source in place k of target t (as a matched arc's source), or -1 past the last.
  [[nodiscard]] int source_at(int t, int k) const {
    if constexpr (UnitSources) {
      return k < tgt_[t].load ? slots_[tgt_[t].first_slot + k] : -1;
    } else {
      return k == 0 ? holder_[t] : -1;
    }
  }
  template <class F>
  void for_sources_at(int t, F&& f) const {
    for (int k = 0;; ++k) {
      const int s = source_at(t, k);
      if (s < 0) return;
      f(s);
    }
  }

  // Sorts the row of s heaviest first (ties in row order) the first time a bid or a search
  // reads it, in place: they read only the head of a row, and a sorted head is one or two
  // cache lines where an index into the row would be several.
  void sort_row(int s) {
    row_sorted_[s] = 1;
    const int first = arcs_.begin[s];
    const int n = arcs_.begin[s + 1] - first;
    // The row as it was, copied in bulk: each arc is then written to its place once.
    old_head_.assign(arcs_.head.begin() + first, arcs_.head.begin() + first + n);
    old_id_.assign(arcs_.id.begin() + first, arcs_.id.begin() + first + n);
    const arc_head* head = old_head_.data();
    std::int32_t lightest = std::numeric_limits<std::int32_t>::max();
    std::int32_t heaviest = std::numeric_limits<std::int32_t>::min();
    for (int k = 0; k < n; ++k) {
      lightest = std::min(lightest, head[k].weight);
      heaviest = std::max(heaviest, head[k].weight);
    }
    // Each arc's place in the sorted row.
    place_.resize(static_cast<std::size_t>(n));
    int* place = place_.data();
    if (n > 0 && std::int64_t{heaviest} - lightest < weight_buckets) {
      // Few distinct weights (a school's 0..100): a bucket per weight, heaviest first,
      // each filled in row order. Linear where counting pairs is quadratic: 12% fewer
      // instructions in all at `L/s100`.
      const int buckets = heaviest - lightest + 1;
      int* start = bucket_start_.data();
      std::fill_n(start, buckets, 0);
      for (int k = 0; k < n; ++k) ++start[heaviest - head[k].weight];
      // Where each bucket starts, four buckets a step: their sums do not wait on each
      // other, where a running total would wait on every bucket, empty or not.
      int taken = 0;
      int b = 0;
      for (; b + 4 <= buckets; b += 4) {
        const int c0 = start[b];
        const int c1 = start[b + 1];
        const int c2 = start[b + 2];
        const int c3 = start[b + 3];
        start[b] = taken;
        start[b + 1] = taken + c0;
        start[b + 2] = taken + c0 + c1;
        start[b + 3] = taken + c0 + c1 + c2;
        taken += c0 + c1 + c2 + c3;
      }
      for (; b < buckets; ++b) taken += std::exchange(start[b], taken);
      for (int k = 0; k < n; ++k) place[k] = start[heaviest - head[k].weight]++;
    } else if (n <= short_row && std::int64_t{heaviest} - lightest < key_span) {
      // An arc's place is the number of arcs heavier than it or as heavy and earlier:
      // with the weight above and the place in the row turned around below, the number
      // of larger keys. Counting that over every pair costs no branch and vectorises: on
      // rows of 35 arcs it takes half the time of a comparison sort, whose branches go
      // either way, and a loop of the same length for every arc is predicted (at
      // `XL/s1e6` a third fewer simulated mispredictions than two loops, before and after
      // the arc, and 3% fewer instructions).
      short_keys_.resize(static_cast<std::size_t>(n));
      for (int k = 0; k < n; ++k)
        short_keys_[k] = (head[k].weight - lightest) * short_row + (short_row - 1 - k);
      const std::int32_t* key = short_keys_.data();
      for (int i = 0; i < n; ++i) {
        int at = 0;
        for (int j = 0; j < n; ++j) at += key[j] > key[i];
        place[i] = at;
      }
    } else {
      // One 64-bit key per arc: the weight turned around above, the place in the row below.
      keys_.resize(static_cast<std::size_t>(n));
      for (int k = 0; k < n; ++k) {
        const auto down = static_cast<std::uint32_t>(std::numeric_limits<std::int32_t>::max() -
                                                     static_cast<std::int64_t>(head[k].weight));
        keys_[k] = std::uint64_t{down} << 32 | static_cast<std::uint32_t>(k);
      }
      std::sort(keys_.begin(), keys_.end());
      for (int k = 0; k < n; ++k) place[keys_[k] & 0xffffffffU] = k;
    }
    for (int k = 0; k < n; ++k) {
      arcs_.head[first + place[k]] = head[k];
      arcs_.id[first + place[k]] = old_id_[k];
    }
    // The held arcs moved: their flags and their holders' records follow them.
    std::fill_n(matched_.begin() + first, n, std::uint8_t{0});
    const auto moved = [&](int a) {
      PEERKIT_ASSERT(a >= first && a < first + n,
                     "assignment_search: a held arc is not in its row");
      const int to = first + place[a - first];
      matched_[to] = 1;
      return to;
    };
    if constexpr (UnitSources) {
      if (src_arc_[s] >= 0) src_arc_[s] = moved(src_arc_[s]);
    } else {
      for (int k = src_slot_begin_[s]; k < src_slot_begin_[s] + src_count_[s]; ++k) {
        src_slots_[k] = moved(src_slots_[k]);
        tgt_arc_[arcs_.head[src_slots_[k]].target] = src_slots_[k];
      }
    }
  }

  void reach(int s, std::int64_t d, int via) {
    if (!row_sorted_[s]) sort_row(s);
    src_[s].reached = 1;
    src_[s].reach_dist = d;
    src_[s].reach_target = via;
    touched_s_.add(s);
    const std::int64_t base = d + src_[s].v;
    const std::int64_t exit_cost = base - exit_;
    if (exit_cost < best_exit_) {
      best_exit_ = exit_cost;
      exit_source_ = s;
    }
    // Raw pointers: the compiler cannot tell the vectors apart and would reload them.
    const arc_head* head = arcs_.head.data();
    const std::uint8_t* matched = matched_.data();
    target_state* tgt = tgt_.data();
    // Nothing at or beyond a known way out can lead to a cheaper one (a real exit wins a
    // tie with a private one): distances from `limit` on are of no use. In a register,
    // where the two members it stands for would be read again for every arc.
    std::int64_t limit = std::min(best_exit_ + 1, best_room_);
    for (int a = arcs_.begin[s], end = arcs_.begin[s + 1]; a < end; ++a) {
      // No price is below 0 and the row is sorted heaviest first: once an arc cannot beat
      // the best way out even into a target of price 0, none after it can.
      if (base - head[a].weight >= limit) break;
      // A unit source reached through a target holds only that target, which is settled:
      // the label test below skips its matched arc, so only sources with demand look.
      if constexpr (!UnitSources)
        if (matched[a]) continue;
      const int t = head[a].target;
      target_state& ts = tgt[t];
      const std::int64_t nd = base + ts.u - head[a].weight;
      // One branch for every way to pass the arc by: t is settled (its distance is at
      // most d, and no reduced cost is below 0), labelled as near, or nd is beyond the
      // bound. Which of them holds varies from arc to arc, and separate branches were
      // mispredicted more often.
      if (nd >= std::min(ts.dist, limit)) continue;
      if (ts.dist == unreached) {
        touched_t_.add(t);
        prefetch_rows_at(t, ts);
      }
      ts.dist = nd;
      ts.pred = a;
      if (has_room(t)) {
        best_room_ = nd;
        limit = nd;
        // Nothing is nearer than the distance being settled: the search can end here,
        // without settling the rest of the plateau first.
        if (nd == d) room_at_hand_ = t;
      }
      queue_.push(t, nd);
    }
  }

  // Starts loading the heads of the rows of t's sources, which settling t reads next:
  // the rows lie scattered over the arc array, and waiting for a row's first line was a
  // third of a search's time. Early enough, since most targets wait in the queue a while
  // (about 6% less time at `XL/s1e6` and `XL/popular`, 2-5% at L).
  void prefetch_rows_at(int t, const auto& ts) const {
    const auto row_of = [&](int s) {
      const arc_head* row = arcs_.head.data() + arcs_.begin[s];
      prefetch(row);
      prefetch(row + 8);  // a sorted row's head is one or two lines of 8 arcs
    };
    if constexpr (UnitSources) {
      (void)t;
      for (int k = ts.first_slot; k < ts.first_slot + ts.load; ++k) row_of(slots_[k]);
    } else {
      (void)ts;
      if (holder_[t] >= 0) row_of(holder_[t]);
    }
  }

  // One unit of demand of `root`, whose price is feasible: find the cheapest way to serve
  // it, update prices so that the path is tight, and flip the path.
  std::size_t search(int root) {
    if (holds_nothing(root)) src_[root].v = best_gain(root);
    best_exit_ = src_[root].v - exit_;
    exit_source_ = root;
    best_room_ = std::numeric_limits<std::int64_t>::max();
    room_at_hand_ = -1;
    reach(root, 0, -1);
    int exit_target = room_at_hand_;
    std::int64_t dstar = 0;
    const auto live = [&](int t, std::int64_t key) {
      return !tgt_[t].settled && tgt_[t].dist == key;
    };
    while (exit_target < 0) {
      std::int64_t key = 0;
      const int t = queue_.pop(key, live);
      if (t < 0 || key > best_exit_) break;  // a real exit wins a tie with a private one
      tgt_[t].settled = true;
      if (has_room(t)) {
        exit_target = t;
        dstar = key;
        break;
      }
      for_sources_at(t, [&](int s) {
        if (!src_[s].reached && room_at_hand_ < 0) reach(s, key, t);
      });
      if (room_at_hand_ >= 0) {
        exit_target = room_at_hand_;
        dstar = key;
      }
    }
    queue_.clear();
    if (exit_target < 0) dstar = best_exit_;
    farthest_ = std::max(farthest_, dstar);
    update_prices(dstar);
    if (exit_target >= 0)
      flip_to_target(exit_target);
    else
      flip_to_exit(exit_source_);
    for (const int t : touched_t_) {
      tgt_[t].settled = false;
      tgt_[t].dist = unreached;
    }
    for (const int s : touched_s_) src_[s].reached = 0;
    const std::size_t explored = touched_t_.size() + touched_s_.size();
    touched_t_.clear();
    touched_s_.clear();
    return explored;
  }

  // --- global price update ------------------------------------------------------------
  //
  // Late searches explore much of the graph before they meet one of the few places left.
  // A global update (as in cost-scaling codes) finds each vertex's reduced distance to the
  // nearest place with room, by Dijkstra's algorithm backwards from all of them at once,
  // capped at the largest distance the searches since the last update reached; targets'
  // prices rise by it and sources' fall by it. That is a feasible potential, so the
  // invariants hold, and afterwards the arcs along the cheapest ways to a place have
  // reduced cost 0: the searches that follow run as A* with that distance as their
  // estimate, heading for a place. An update reads up to every arc once, so it runs only
  // when the searches have explored several times the vertices since the last one.

  void global_update() {
    // An exit is a way out too: a source's distance is at most its price above its exit
    // (its slack). Sources with slack 0 start at distance 0, like the places with room;
    // the distances are capped below the smallest other slack, so that no source's price
    // falls below its exit.
    // The search scratch, clean between searches, holds the distances: a settled target
    // is settled at its dist, a source labelled or final_label at its reach_dist. Free
    // sources are marked final from the start: their prices are set when they are served.
    std::int64_t cap = std::numeric_limits<std::int64_t>::max();
    if (col_begin_.empty()) build_columns();
    if constexpr (UnitSources) {
      // The target of each unit source, read for every source settled and every arc
      // relaxed: looked up once here, in order, rather than through its arc each time.
      held_.resize(static_cast<std::size_t>(ns_));
      for (int s = 0; s < ns_; ++s)
        held_[s] = src_arc_[s] >= 0 ? arcs_.head[src_arc_[s]].target : -1;
    }
    for (int s = 0; s < ns_; ++s) {
      source_state& ss = src_[s];
      if (holds_nothing(s)) {
        ss.reached = final_label;
        ss.reach_dist = std::numeric_limits<std::int64_t>::min();  // never relaxed
      } else if (ss.v == exit_) {
        ss.reached = labelled;
        ss.reach_dist = 0;
        queue_.push(s, 0);
      } else {
        ss.reach_dist = unreached;
        cap = std::min(cap, ss.v - exit_);
      }
    }
    // The searches to come hardly look farther than the latest ones did: the update
    // settles no farther, and every vertex beyond moves by that distance (a feasible
    // potential too, since no arc costs below 0), or by the smallest slack if that is less.
    const std::int64_t top = std::min(farthest_, cap);
    const std::int64_t bound = std::min(cap, top + 1);  // distances from here on are of no use
    const auto settle = [&](int t, std::int64_t d) {
      tgt_[t].settled = true;
      tgt_[t].dist = d;
      const std::int64_t base = d + tgt_[t].u;
      for (int k = col_begin_[t]; k < col_begin_[t + 1]; ++k) {
        const int s = col_[k].source;
        source_state& ss = src_[s];
        const std::int64_t nd = base + ss.v - col_[k].weight;
        // As in a search, one comparison passes s by when it is settled (at most d away,
        // free sources below everything), labelled as near, or nd is beyond the bound.
        if (nd >= std::min(ss.reach_dist, bound) || holds(s, t)) continue;
        ss.reached = labelled;
        ss.reach_dist = nd;
        queue_.push(s, nd);
      }
    };
    for (int t = 0; t < nt_; ++t)
      if (has_room(t)) settle(t, 0);
    const auto live = [&](int s, std::int64_t key) {
      return src_[s].reached == labelled && src_[s].reach_dist == key;
    };
    std::int64_t key = 0;
    for (int s = queue_.pop(key, live); s >= 0; s = queue_.pop(key, live)) {
      src_[s].reached = final_label;
      for_targets_of(s, [&](int t) {
        if (!tgt_[t].settled) settle(t, key);
      });
    }
    queue_.clear();
    // A vertex not settled moves by `top`.
    for (int s = 0; s < ns_; ++s) {
      source_state& ss = src_[s];
      // A matched pair stays tight: a unit source moves with its target (the nearer of
      // its holders set the target's distance, and lowering the other's is allowed).
      std::int64_t h = ss.reached == final_label ? ss.reach_dist : top;
      if constexpr (UnitSources) {
        if (held_[s] >= 0) {
          const target_state& ts = tgt_[held_[s]];
          h = ts.settled ? ts.dist : top;
        }
      }
      if (!holds_nothing(s)) ss.v -= h;
      ss.reached = 0;
    }
    for (target_state& ts : tgt_) {
      ts.u += ts.settled ? ts.dist : top;
      ts.settled = false;
      ts.dist = unreached;
    }
  }

  // Whether source s holds target t, for any source (held_by answers for one being
  // served); in a global update.
  [[nodiscard]] bool holds(int s, int t) const {
    if constexpr (UnitSources) {
      return held_[s] == t;
    } else {
      return holder_[t] == s;
    }
  }
  template <class F>
  void for_targets_of(int s, F&& f) const {
    if constexpr (UnitSources) {
      if (held_[s] >= 0) f(held_[s]);
    } else {
      for (int k = src_slot_begin_[s]; k < src_slot_begin_[s] + src_count_[s]; ++k)
        f(arcs_.head[src_slots_[k]].target);
    }
  }

  // The arcs grouped by target, for the global update.
  void build_columns() {
    col_begin_.assign(static_cast<std::size_t>(nt_) + 1, 0);
    for (const auto& h : arcs_.head) ++col_begin_[h.target + 1];
    for (int t = 0; t < nt_; ++t) col_begin_[t + 1] += col_begin_[t];
    col_.resize(arcs_.head.size());
    std::vector<int> fill(col_begin_.begin(), col_begin_.end() - 1);
    for (int s = 0; s < ns_; ++s)
      for (int a = arcs_.begin[s]; a < arcs_.begin[s + 1]; ++a)
        col_[fill[arcs_.head[a].target]++] = {s, arcs_.head[a].weight};
  }

  void update_prices(std::int64_t dstar) {
    if constexpr (UnitSources) {
      // Every settled target below dstar is full; its sources were reached at its distance.
      for (const int t : touched_t_)
        if (tgt_[t].settled) tgt_[t].u += dstar - tgt_[t].dist;
      for (const int s : touched_s_) src_[s].v -= dstar - src_[s].reach_dist;
    } else {
      // Each target has one source; every target of a reached source keeps its arc tight.
      for (const int s : touched_s_) {
        const std::int64_t delta = dstar - src_[s].reach_dist;
        src_[s].v -= delta;
        for (int k = src_slot_begin_[s]; k < src_slot_begin_[s] + src_count_[s]; ++k)
          tgt_[arcs_.head[src_slots_[k]].target].u += delta;
      }
    }
  }

  // Source s moves from arc `from` (at src_[s].reach_target) to arc `to`.
  void move_source(int s, int from, int to) {
    if constexpr (UnitSources) {
      src_arc_[s] = to;
      (void)from;
    } else {
      for (int k = src_slot_begin_[s]; k < src_slot_begin_[s] + src_count_[s]; ++k)
        if (src_slots_[k] == from) {
          src_slots_[k] = to;
          return;
        }
      PEERKIT_ASSERT(false, "assignment_search: a reached source lost its arc");
    }
  }

  // Walks the predecessor chain from target t, whose free place is taken by its pred, up
  // to the root (the source reached from no target). In the unit-source case `slot` is
  // that place in slots_.
  void hand_on(int t, int slot) {
    for (;;) {
      const int a = tgt_[t].pred;
      const int s = source_of(a);
      matched_[a] = 1;
      if constexpr (UnitSources)
        slots_[slot] = s;
      else
        set_holder(t, a, s);
      if (src_[s].reach_target < 0) {
        if constexpr (UnitSources) {
          src_arc_[s] = a;
          src_slot_[s] = slot;
        } else {
          src_slots_[src_slot_begin_[s] + src_count_[s]++] = a;
        }
        return;
      }
      const int prev = src_[s].reach_target;
      int old_arc = -1;
      int old_slot = -1;
      if constexpr (UnitSources) {
        old_arc = src_arc_[s];
        old_slot = src_slot_[s];
        src_slot_[s] = slot;
      } else {
        old_arc = tgt_arc_[prev];
      }
      matched_[old_arc] = 0;
      move_source(s, old_arc, a);
      t = prev;
      slot = old_slot;
    }
  }

  void flip_to_target(int t) {
    int slot = -1;
    if constexpr (UnitSources) slot = next_place(t);
    hand_on(t, slot);
  }

  void flip_to_exit(int s) {
    ++on_exit_[s];
    if (src_[s].reach_target < 0) return;
    const int prev = src_[s].reach_target;
    int slot = -1;
    if constexpr (UnitSources) {
      matched_[src_arc_[s]] = 0;
      slot = src_slot_[s];
      src_arc_[s] = -1;
      src_slot_[s] = -1;
    } else {
      const int old_arc = tgt_arc_[prev];
      matched_[old_arc] = 0;
      const int first = src_slot_begin_[s];
      const int last = first + src_count_[s];
      for (int k = first; k < last; ++k)
        if (src_slots_[k] == old_arc) {
          src_slots_[k] = src_slots_[last - 1];
          break;
        }
      --src_count_[s];
      set_holder(prev, -1, -1);
    }
    hand_on(prev, slot);
  }

  // What both kinds share.
  assignment_search(int sources, int targets, assignment_arcs arcs, std::int64_t exit_weight)
      : ns_(sources), nt_(targets), arcs_(std::move(arcs)), exit_(exit_weight) {
    matched_.assign(arcs_.head.size(), 0);
    tgt_.assign(static_cast<std::size_t>(nt_), target_state{});
    src_.assign(static_cast<std::size_t>(ns_), source_state{});
    on_exit_.assign(static_cast<std::size_t>(ns_), 0);
    touched_t_.reserve(static_cast<std::size_t>(nt_));
    touched_s_.reserve(static_cast<std::size_t>(ns_));
  }

  int ns_ = 0;
  int nt_ = 0;
  assignment_arcs arcs_;
  std::int64_t exit_ = 0;
  std::vector<std::uint8_t> matched_;
  // Per target, what one relaxation reads together: price and search distance.
  // With unit sources also where its occupants are listed, which a settled target reads
  // next. 32 bytes, aligned: no record straddles two cache lines.
  struct alignas(32) target_state {
    std::int64_t u = 0;             ///< price
    std::int64_t dist = unreached;  ///< search distance; unreached: not labelled
    int pred = -1;                  ///< arc that labelled it
    int first_slot = 0;             ///< its places in slots_ (unit sources)
    int load = 0;                   ///< places taken (unit sources)
    bool settled = false;           ///< its distance is final
    bool full = false;              ///< no room left
  };
  std::vector<target_state> tgt_;
  // Per source, what a search reads and writes together: price and search state.
  struct source_state {
    std::int64_t v = 0;           ///< price
    std::int64_t reach_dist = 0;  ///< distance at which the search reached it
    int reach_target = -1;        ///< the target it was reached through, -1: the root
    int reached = 0;              ///< reached in this search
  };
  std::vector<source_state> src_;
  std::vector<int> on_exit_;

  // unit sources, capacitated targets
  std::vector<int> cap_;
  std::vector<int> slots_;  ///< the sources in each target's places (their arcs: src_arc_)
  std::vector<int> src_arc_;
  std::vector<int> src_slot_;

  // unit targets, sources with demand
  std::vector<int> demand_;
  std::vector<int> tgt_arc_;
  std::vector<int> holder_;  ///< the source of tgt_arc_, -1: none
  std::vector<int> src_slot_begin_;
  std::vector<int> src_slots_;
  std::vector<int> src_count_;

  // search scratch, reset after each search through the touched lists
  touched_list touched_t_;
  touched_list touched_s_;
  distance_queue queue_;
  std::int64_t farthest_ = 0;  ///< the largest distance of a search since the last update
  std::int64_t best_exit_ = 0;
  std::int64_t best_room_ = 0;
  int room_at_hand_ = -1;  ///< a room labelled at the distance being settled
  // tight sweep scratch
  std::vector<std::uint8_t> seen_t_;
  std::vector<std::uint8_t> seen_s_;
  struct path_frame {
    int s;  ///< source
    int a;  ///< its arc being tried
    int k;  ///< next place to try at the target of arc a, -1 before the first
  };
  std::vector<path_frame> frames_;
  int exit_source_ = -1;
  // global update: the arcs grouped by target
  struct column_arc {
    int source;
    std::int32_t weight;
  };
  std::vector<int> col_begin_;
  overwrite_vector<column_arc> col_;
  std::vector<int> held_;  ///< per unit source, the target it holds (-1: none)
  // rows sorted for the bids and searches of run()
  bool sorting_ = false;
  std::vector<std::uint8_t> row_sorted_;  ///< per source
  std::vector<std::uint64_t> keys_;
  std::vector<std::int32_t> short_keys_;
  std::vector<int> place_;
  std::vector<arc_head> old_head_;
  std::vector<int> old_id_;
  /// Rows up to `short_row` arcs whose weights span less than `key_span` are sorted by
  /// counting: a key of weight and place then fits in 31 bits.
  static constexpr int short_row = 64;
  static constexpr std::int64_t key_span = (std::int64_t{1} << 31) / short_row;
  static constexpr int weight_buckets = 256;  ///< rows of a narrower span: a bucket per weight
  std::vector<int> bucket_start_ = std::vector<int>(weight_buckets);
};

}  // namespace peerkit::detail
