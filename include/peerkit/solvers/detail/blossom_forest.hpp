#pragma once
// Edmonds' weighted matching (the primal-dual blossom algorithm) on integer weights, with
// an alternating forest that lives across augmentations: every free vertex with a positive
// dual roots a tree, and an augmentation or an unmatched vertex dissolves only the trees
// involved. The next event of each of the four kinds comes from a lazily cleaned heap:
//
//   1. an even vertex's dual reaches 0      -> it becomes the free vertex of its tree
//   2. an edge from an even vertex to a vertex outside the forest becomes tight
//                                           -> the tree grows, or augments to a free vertex
//   3. an edge between two even blossoms becomes tight
//                                           -> augment (two trees) or shrink a blossom (one)
//   4. an odd blossom's dual reaches 0      -> expand it
//
// Events 2 and 3 are kept per vertex: its best candidate edge, a lower bound on its next
// event; a candidate that went stale is replaced by a rescan of the vertex when it comes
// up, so the heaps hold O(V) entries instead of O(E).
// Blossoms are stored as in Galil's description (and van Rantwijk's reference code):
// children in cycle order from the base child, with the connecting endpoints. Duals are
// kept relative to the running total of dual changes, so one change costs O(1).
// Weights arrive multiplied by 4 and every vertex dual starts even, which keeps all duals
// integral (the dual change of event 3 is half a slack). The starting duals come from the
// bipartite double cover (see jump_start), so most vertices start matched, outside trees.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <utility>
#include <vector>

#include <peerkit/config.hpp>
#include <peerkit/solvers/detail/assignment_search.hpp>

namespace peerkit::detail {

class blossom_forest {
 public:
  /// `eu`, `ev`: endpoints of each edge (distinct vertices); `weight`: positive, multiples
  /// of 4.
  blossom_forest(int vertices, std::vector<int> eu, std::vector<int> ev,
                 std::vector<std::int64_t> weight)
      : n_(vertices), eu_(std::move(eu)), ev_(std::move(ev)), w_(std::move(weight)) {
    const int m = static_cast<int>(w_.size());
    adj_begin_.assign(static_cast<std::size_t>(n_) + 1, 0);
    for (int k = 0; k < m; ++k) {
      ++adj_begin_[eu_[k] + 1];
      ++adj_begin_[ev_[k] + 1];
    }
    for (int v = 0; v < n_; ++v) adj_begin_[v + 1] += adj_begin_[v];
    adj_.resize(2 * static_cast<std::size_t>(m));
    {
      std::vector<int> fill(adj_begin_.begin(), adj_begin_.end() - 1);
      for (int k = 0; k < m; ++k) {
        adj_[fill[eu_[k]]++] = 2 * k + 1;  // from eu the remote endpoint is ev
        adj_[fill[ev_[k]]++] = 2 * k;
      }
    }
    const auto nb = 2 * static_cast<std::size_t>(n_);
    mate_.assign(static_cast<std::size_t>(n_), -1);
    top_.resize(static_cast<std::size_t>(n_));
    y_base_.assign(static_cast<std::size_t>(n_), 0);
    mode_.assign(static_cast<std::size_t>(n_), 0);
    parent_.assign(nb, -1);
    children_.resize(nb);
    endps_.resize(nb);
    base_.assign(nb, -1);
    label_.assign(nb, none);
    labelend_.assign(nb, -1);
    tree_.assign(nb, -1);
    z_base_.assign(nb, 0);
    z_mode_.assign(nb, 0);
    mark_.assign(nb, 0);
    best2_.assign(static_cast<std::size_t>(n_), candidate{});
    best3_.assign(static_cast<std::size_t>(n_), candidate{});
    tree_members_.resize(static_cast<std::size_t>(n_));
    for (int b = 2 * n_ - 1; b >= n_; --b) free_ids_.push_back(b);
    for (int v = 0; v < n_; ++v) {
      top_[v] = v;
      base_[v] = v;
    }
  }

  /// Runs to optimality.
  void run() {
    jump_start();
    std::vector<event> first1;
    for (int v = 0; v < n_; ++v) {
      if (mode_[v] == -1) {
        first1.push_back({key1(v), v});
        refresh_even(v);
      } else {
        scan_outside_vertex(v);
      }
    }
    h1_.assign_unordered(std::move(first1));
    while (trees_ > 0) step();
  }

  [[nodiscard]] int mate_of(int v) const { return mate_[v] < 0 ? -1 : endpoint(mate_[v]); }
  [[nodiscard]] int mate_edge(int v) const { return mate_[v] < 0 ? -1 : mate_[v] >> 1; }
  [[nodiscard]] std::int64_t vertex_dual(int v) const { return y(v); }
  /// Calls f(vertices, dual) for every non-trivial blossom with a positive dual.
  template <class F>
  void for_each_blossom(F&& f) const {
    std::vector<int> leaves;
    for (int b = n_; b < 2 * n_; ++b) {
      if (base_[b] < 0) continue;
      const std::int64_t z = z_base_[b] + z_mode_[b] * delta_;
      if (z <= 0) continue;
      leaves.clear();
      collect_leaves(b, leaves);
      std::sort(leaves.begin(), leaves.end());
      f(leaves, z);
    }
  }

 private:
  static constexpr int none = 0;
  static constexpr int even = 1;
  static constexpr int odd = 2;

  // An event is its time (the total dual change at which it happens) and what it is
  // about. While the labels it depends on stay, that time is a constant of the dual bases
  // (key1 to key4 below); an entry whose labels or key no longer match is stale and
  // is dropped when met, so no entry ever needs to be found and removed.
  struct event {
    std::int64_t key;
    int id;  ///< vertex (events 1, 2 and 3) or blossom (event 4)
  };
  /// A vertex's best candidate edge for event 2 or 3: the endpoint at the far end when
  /// the vertex is the tail (event 3) or the endpoint at the vertex (event 2).
  struct candidate {
    std::int64_t key = std::numeric_limits<std::int64_t>::max();
    int endpoint = -1;
  };
  static bool before(const event& a, const event& b) {
    // Without a branch: which way a comparison in the heap goes is anybody's guess.
    return static_cast<bool>(static_cast<int>(a.key < b.key) |
                             (static_cast<int>(a.key == b.key) & static_cast<int>(a.id < b.id)));
  }
  /// A 4-ary min-heap of events: four children share a cache line.
  class event_heap {
   public:
    [[nodiscard]] bool empty() const { return items_.empty(); }
    [[nodiscard]] std::size_t size() const { return items_.size(); }
    [[nodiscard]] const event& top() const { return items_.front(); }
    void push(event e) {
      std::size_t i = items_.size();
      items_.push_back(e);
      while (i > 0) {
        const std::size_t parent = (i - 1) / 4;
        if (!before(e, items_[parent])) break;
        items_[i] = items_[parent];
        i = parent;
      }
      items_[i] = e;
    }
    void pop() {
      const event last = items_.back();
      items_.pop_back();
      if (!items_.empty()) sift_down(0, last);
    }
    /// Keeps the events `keep` accepts and restores the heap order.
    template <class Keep>
    void filter(Keep&& keep) {
      items_.erase(
          std::remove_if(items_.begin(), items_.end(), [&](const event& e) { return !keep(e); }),
          items_.end());
      for (std::size_t i = items_.size() / 4 + 1; i-- > 0;)
        if (i < items_.size()) sift_down(i, items_[i]);
    }
    void assign_unordered(std::vector<event> items) {
      items_ = std::move(items);
      filter([](const event&) { return true; });
    }

   private:
    void sift_down(std::size_t i, event e) {
      const std::size_t n = items_.size();
      for (;;) {
        const std::size_t first = 4 * i + 1;
        if (first >= n) break;
        std::size_t best = first;
        const std::size_t last = std::min(first + 4, n);
        for (std::size_t c = first + 1; c < last; ++c)
          if (before(items_[c], items_[best])) best = c;
        if (!before(items_[best], e)) break;
        items_[i] = items_[best];
        i = best;
      }
      items_[i] = e;
    }
    std::vector<event> items_;
  };

  [[nodiscard]] int endpoint(int p) const { return (p & 1) ? ev_[p >> 1] : eu_[p >> 1]; }
  [[nodiscard]] std::int64_t y(int v) const { return y_base_[v] + mode_[v] * delta_; }
  [[nodiscard]] std::int64_t z(int b) const { return z_base_[b] + z_mode_[b] * delta_; }
  // Slack of edge k between vertices in different top-level blossoms.
  [[nodiscard]] std::int64_t slack(int k) const { return y(eu_[k]) + y(ev_[k]) - w_[k]; }

  // Event times from the dual bases: an even vertex's dual falls and an odd blossom's
  // dual falls twice as fast as the total dual change grows.
  [[nodiscard]] std::int64_t key1(int v) const { return y_base_[v]; }
  [[nodiscard]] std::int64_t key2(int k) const {
    return y_base_[eu_[k]] + y_base_[ev_[k]] - w_[k];  // one even end, one outside
  }
  [[nodiscard]] std::int64_t key3(int k) const {
    return (y_base_[eu_[k]] + y_base_[ev_[k]] - w_[k]) / 2;  // two even ends
  }
  [[nodiscard]] std::int64_t key4(int b) const { return z_base_[b] / 2; }

  template <class F>
  void for_each_leaf(int b, F&& f) const {
    if (b < n_) {
      f(b);
      return;
    }
    std::vector<int>& stack = leaf_stack_;
    const std::size_t bottom = stack.size();
    stack.push_back(b);
    while (stack.size() > bottom) {
      const int c = stack.back();
      stack.pop_back();
      if (c < n_)
        f(c);
      else
        for (const int s : children_[c]) stack.push_back(s);
    }
  }
  void collect_leaves(int b, std::vector<int>& out) const {
    for_each_leaf(b, [&](int v) { out.push_back(v); });
  }

  void set_mode(int v, int mode) {
    const std::int64_t now = y(v);
    mode_[v] = static_cast<std::int8_t>(mode);
    y_base_[v] = now - mode * delta_;
  }
  void set_z_mode(int b, int mode) {
    if (b < n_) return;
    const std::int64_t now = z(b);
    z_mode_[b] = static_cast<std::int8_t>(mode);
    z_base_[b] = now - mode * delta_;
  }

  // Vertex v has just become even: queue its dual, offer its edges to the candidates of
  // its neighbours (even ones elsewhere, ones outside the forest) and find its own.
  void scan_even_vertex(int v) {
    h1_.push({key1(v), v});
    const int bv = top_[v];
    candidate best;
    for (int i = adj_begin_[v]; i < adj_begin_[v + 1]; ++i) {
      const int p = adj_[i];
      const int w = endpoint(p);
      const int bw = top_[w];
      if (bw == bv) continue;
      const int k = p >> 1;
      if (label_[bw] == even) {
        PEERKIT_ASSERT(slack(k) >= 0 && slack(k) % 2 == 0,
                       "blossom_forest: even-even slack must be even");
        const std::int64_t key = key3(k);
        if (key < best.key) best = {key, p};
        if (key < best3_[w].key) {
          best3_[w] = {key, p ^ 1};
          h3_.push({key, w});
        }
      } else if (label_[bw] == none) {
        const std::int64_t key = key2(k);
        if (key < best2_[w].key) {
          best2_[w] = {key, p};
          h2_.push({key, w});
        }
      }
    }
    best3_[v] = best;
    if (best.endpoint >= 0) h3_.push({best.key, v});
  }
  // The best edge from v (even) to an even vertex of another blossom, queued.
  void refresh_even(int v) {
    const int bv = top_[v];
    candidate best;
    for (int i = adj_begin_[v]; i < adj_begin_[v + 1]; ++i) {
      const int p = adj_[i];
      const int w = endpoint(p);
      if (mode_[w] != -1 || top_[w] == bv) continue;
      const std::int64_t key = key3(p >> 1);
      if (key < best.key) best = {key, p};
    }
    best3_[v] = best;
    if (best.endpoint >= 0) h3_.push({best.key, v});
  }
  // The best edge from an even vertex to v (outside the forest), queued.
  void scan_outside_vertex(int v) {
    candidate best;
    for (int i = adj_begin_[v]; i < adj_begin_[v + 1]; ++i) {
      const int p = adj_[i];  // endpoint at the neighbour
      if (mode_[endpoint(p)] != -1) continue;
      const std::int64_t key = key2(p >> 1);
      if (key < best.key) best = {key, p ^ 1};
    }
    best2_[v] = best;
    if (best.endpoint >= 0) h2_.push({best.key, v});
  }

  void make_even(int b, int labelend, int tree) {
    label_[b] = even;
    labelend_[b] = labelend;
    tree_[b] = tree;
    tree_members_[tree].push_back(b);
    set_z_mode(b, 2);
    for_each_leaf(b, [&](int v) { set_mode(v, -1); });
    for_each_leaf(b, [&](int v) { scan_even_vertex(v); });
  }
  void make_odd(int b, int labelend, int tree) {
    label_[b] = odd;
    labelend_[b] = labelend;
    tree_[b] = tree;
    tree_members_[tree].push_back(b);
    set_z_mode(b, -2);
    for_each_leaf(b, [&](int v) { set_mode(v, 1); });
    if (b >= n_) h4_.push({key4(b), b});
  }

  // --- the jump start ---------------------------------------------------------------

  // Good starting duals come from the bipartite double cover (u on the left to v on the
  // right, and v to u, both worth w), whose optimum is twice the optimal fractional
  // matching: the price stages of the assignment search leave feasible prices there, and
  // half the sum of a vertex's two prices is a feasible dual of the general problem (times
  // 4: twice the sum, an even number). Pairs the cover matched both ways are matched when
  // tight, then further tight edges greedily; every other vertex with a positive dual roots
  // a tree, and one with dual 0 is simply free.
  void jump_start() {
    // The weights (with the cardinality bonus) span at most 2 * 10^9: shifted by the
    // middle of their range they fit in 32 bits. The exit, worth 0, shifts with them, and
    // so do the cover's unit prices; its stages compare gains only with one another and
    // with the exit, so the prices are the same.
    std::int64_t lo = std::numeric_limits<std::int64_t>::max();
    std::int64_t hi = 0;
    for (const std::int64_t w : w_) {
      lo = std::min(lo, w / 4);
      hi = std::max(hi, w / 4);
    }
    const std::int64_t mid = w_.empty() ? 0 : lo + (hi - lo) / 2;
    assignment_arcs arcs;
    arcs.begin.assign(adj_begin_.begin(), adj_begin_.end());
    arcs.head.resize(adj_.size());
    for (std::size_t i = 0; i < adj_.size(); ++i)
      arcs.head[i] = {endpoint(adj_[i]), static_cast<std::int32_t>(w_[adj_[i] >> 1] / 4 - mid)};
    std::vector<int> degree(static_cast<std::size_t>(n_));  // as many arcs lead to v as leave it
    for (int u = 0; u < n_; ++u) degree[u] = adj_begin_[u + 1] - adj_begin_[u];
    assignment_search<true> cover(n_, n_, std::move(arcs),
                                  std::vector<int>(static_cast<std::size_t>(n_), 1), degree, -mid);
    cover.price_start();
    std::vector<int> image(static_cast<std::size_t>(n_), -1);  // endpoint at u's image
    for (int u = 0; u < n_; ++u)
      y_base_[u] = 2 * (cover.source_price(u) + mid + cover.target_price(u));
    cover.for_each_matched([&](int u, int i) { image[u] = adj_[i]; });
    const auto match = [&](int p) {  // p: endpoint at the far end, seen from its tail
      mate_[endpoint(p ^ 1)] = p;
      mate_[endpoint(p)] = p ^ 1;
    };
    for (int u = 0; u < n_; ++u) {
      if (mate_[u] >= 0 || image[u] < 0) continue;
      const int v = endpoint(image[u]);
      if (mate_[v] < 0 && image[v] >= 0 && endpoint(image[v]) == u && slack(image[u] >> 1) == 0)
        match(image[u]);
    }
    for (int u = 0; u < n_; ++u) {
      if (mate_[u] >= 0) continue;
      for (int i = adj_begin_[u]; i < adj_begin_[u + 1]; ++i)
        if (mate_[endpoint(adj_[i])] < 0 && slack(adj_[i] >> 1) == 0) {
          match(adj_[i]);
          break;
        }
    }
    for (int u = 0; u < n_; ++u) {
      if (mate_[u] >= 0 || y_base_[u] == 0) continue;
      ++trees_;
      label_[u] = even;
      tree_[u] = u;
      tree_members_[u].push_back(u);
      set_mode(u, -1);
    }
  }

  // --- event selection -------------------------------------------------------------

  bool live1(const event& e) const { return mode_[e.id] == -1 && e.key == key1(e.id); }
  // Events 2 and 3 name a vertex; the entry is current when it carries the vertex's
  // candidate key, and the candidate is still true when its edge still qualifies. A
  // current entry with an untrue candidate makes the vertex look again (a new entry).
  bool live2(const event& e) {
    const int v = e.id;
    if (mode_[v] != 0 || best2_[v].key != e.key) return false;
    const int p = best2_[v].endpoint;
    if (mode_[endpoint(p ^ 1)] == -1 && key2(p >> 1) == e.key) return true;
    scan_outside_vertex(v);
    return false;
  }
  bool live3(const event& e) {
    const int v = e.id;
    if (mode_[v] != -1 || best3_[v].key != e.key) return false;
    const int p = best3_[v].endpoint;
    const int w = endpoint(p);
    if (mode_[w] == -1 && top_[w] != top_[v] && key3(p >> 1) == e.key) return true;
    refresh_even(v);
    return false;
  }
  bool live4(const event& e) const {
    return base_[e.id] >= 0 && parent_[e.id] < 0 && label_[e.id] == odd && e.key == key4(e.id);
  }

  // Drops stale entries from the top. A rescan during the check pushes an entry that is
  // no smaller than the stale one, or equal to it, so the top is still the stale entry.
  template <class Live>
  static const event* first_live(event_heap& h, Live&& live) {
    while (!h.empty() && !live(h.top())) h.pop();
    return h.empty() ? nullptr : &h.top();
  }

  void step() {
    compact_if_needed();
    const event* e3 = first_live(h3_, [&](const event& e) { return live3(e); });
    const event* e2 = first_live(h2_, [&](const event& e) { return live2(e); });
    const event* e4 = first_live(h4_, [&](const event& e) { return live4(e); });
    const event* e1 = first_live(h1_, [&](const event& e) { return live1(e); });
    // Ties: augment, grow or shrink before expanding, expanding before freeing a vertex.
    int kind = 0;
    std::int64_t key = std::numeric_limits<std::int64_t>::max();
    if (e3 && e3->key < key) key = e3->key, kind = 3;
    if (e2 && e2->key < key) key = e2->key, kind = 2;
    if (e4 && e4->key < key) key = e4->key, kind = 4;
    if (e1 && e1->key < key) key = e1->key, kind = 1;
    PEERKIT_ASSERT(kind != 0 && key >= delta_, "blossom_forest: a tree without events");
    delta_ = key;
    switch (kind) {
      case 1: {
        const int v = e1->id;
        h1_.pop();
        free_vertex(v);
        break;
      }
      case 2: {
        const int v = e2->id;
        h2_.pop();
        grow(best2_[v].endpoint);
        // v still outside the forest (it was augmented into): its next candidate.
        if (mode_[v] == 0) scan_outside_vertex(v);
        break;
      }
      case 3: {
        const int v = e3->id;
        h3_.pop();
        const int p = best3_[v].endpoint;
        const int a = top_[endpoint(p ^ 1)];
        const int b = top_[endpoint(p)];
        if (tree_[a] == tree_[b])
          shrink(p);
        else
          augment_between(p);
        if (mode_[v] == -1) refresh_even(v);  // v still even (a shrink): its next candidate
        break;
      }
      default: {
        const int b = e4->id;
        h4_.pop();
        expand(b);
        break;
      }
    }
  }

  // Stale entries pile up in the heaps; drop them when they outnumber the edges.
  void compact_if_needed() {
    const std::size_t limit = 4 * w_.size() + 4 * static_cast<std::size_t>(n_) + 1024;
    const auto clean = [&](event_heap& h, auto&& live) {
      if (h.size() > limit) h.filter(live);
    };
    clean(h1_, [&](const event& e) { return live1(e); });
    clean(h2_, [&](const event& e) { return mode_[e.id] == 0 && best2_[e.id].key == e.key; });
    clean(h3_, [&](const event& e) { return mode_[e.id] == -1 && best3_[e.id].key == e.key; });
    clean(h4_, [&](const event& e) { return live4(e); });
  }

  // --- the four events ---------------------------------------------------------------

  // Edge (even vertex) -> (vertex outside the forest) is tight.
  void grow(int p) {
    const int from = endpoint(p ^ 1);
    const int to = endpoint(p);
    const int b = top_[to];
    const int tree = tree_[top_[from]];
    const int base = base_[b];
    if (mate_[base] < 0) {
      // A free blossom outside the forest: augment into it.
      flip_up(from, p);
      if (b >= n_) rotate(b, to);
      mate_[to] = p ^ 1;
      destroy_tree(tree);
      --trees_;
      return;
    }
    // Labels name the endpoint in the parent: the even vertex for b, b's base for c.
    make_odd(b, p ^ 1, tree);
    make_even(top_[endpoint(mate_[base])], mate_[base] ^ 1, tree);
  }

  // Tight edge between even blossoms of two trees: augment along root - ... - root.
  void augment_between(int p) {
    const int a = endpoint(p ^ 1);
    const int b = endpoint(p);
    const int ta = tree_[top_[a]];
    const int tb = tree_[top_[b]];
    flip_up(a, p);
    flip_up(b, p ^ 1);
    destroy_tree(ta);
    destroy_tree(tb);
    trees_ -= 2;
  }

  // An even vertex's dual reached 0: it becomes free, the root gets matched.
  void free_vertex(int v) {
    const int tree = tree_[top_[v]];
    flip_up(v, -1);
    destroy_tree(tree);
    --trees_;
  }

  // Makes v (in an even top-level blossom) matched through endpoint p (or free when p is
  // -1) and flips the tree path above it, so that the tree's root becomes matched.
  void flip_up(int v, int p) {
    for (;;) {
      const int bs = top_[v];
      if (bs >= n_) rotate(bs, v);
      mate_[v] = p;
      if (labelend_[bs] < 0) return;
      const int t = endpoint(labelend_[bs]);
      const int bt = top_[t];
      const int s = endpoint(labelend_[bt]);
      const int j = endpoint(labelend_[bt] ^ 1);
      if (bt >= n_) rotate(bt, j);
      mate_[j] = labelend_[bt];
      p = labelend_[bt] ^ 1;
      v = s;
    }
  }

  // Rearranges the matching inside blossom b so that vertex v becomes its base.
  void rotate(int b, int v) {
    int t = v;
    while (parent_[t] != b) t = parent_[t];
    if (t >= n_) rotate(t, v);
    auto& ch = children_[b];
    auto& ep = endps_[b];
    const int len = static_cast<int>(ch.size());
    const int i = static_cast<int>(std::find(ch.begin(), ch.end(), t) - ch.begin());
    int j = i;
    int step = 0;
    int trick = 0;
    if (i & 1) {
      j -= len;
      step = 1;
      trick = 0;
    } else {
      step = -1;
      trick = 1;
    }
    const auto at = [len](int k) { return ((k % len) + len) % len; };
    while (j != 0) {
      j += step;
      int s = ch[at(j)];
      const int p = ep[at(j - trick)] ^ trick;
      if (s >= n_) rotate(s, endpoint(p));
      j += step;
      s = ch[at(j)];
      if (s >= n_) rotate(s, endpoint(p ^ 1));
      mate_[endpoint(p)] = p ^ 1;
      mate_[endpoint(p ^ 1)] = p;
    }
    std::rotate(ch.begin(), ch.begin() + i, ch.end());
    std::rotate(ep.begin(), ep.begin() + i, ep.end());
    base_[b] = base_[ch[0]];
    PEERKIT_ASSERT(base_[b] == v, "blossom_forest: rotation missed the new base");
  }

  // Every blossom of the tree leaves the forest.
  void destroy_tree(int tree) {
    auto& members = tree_members_[tree];
    std::vector<int>& out = scratch_;
    out.clear();
    for (const int b : members) {
      if (parent_[b] >= 0 || base_[b] < 0 || tree_[b] != tree || label_[b] == none) continue;
      label_[b] = none;
      labelend_[b] = -1;
      tree_[b] = -1;
      set_z_mode(b, 0);
      for_each_leaf(b, [&](int v) {
        set_mode(v, 0);
        out.push_back(v);
      });
    }
    members.clear();
    for (const int v : out) scan_outside_vertex(v);
  }

  // Tight edge between two even blossoms of one tree: the cycle through their nearest
  // common ancestor becomes a new even blossom.
  void shrink(int p) {
    int v = endpoint(p ^ 1);
    int w = endpoint(p);
    // Walk up from both sides alternately until a marked blossom: the common base.
    std::vector<int>& path = scratch_;
    path.clear();
    int base = -1;
    while (v >= 0 || w >= 0) {
      if (v >= 0) {
        const int b = top_[v];
        if (mark_[b]) {
          base = b;
          break;
        }
        mark_[b] = 1;
        path.push_back(b);
        if (labelend_[b] < 0) {
          v = -1;
        } else {
          const int t = endpoint(labelend_[b]);
          v = endpoint(labelend_[top_[t]]);
        }
      }
      if (w >= 0)
        std::swap(v, w);
      else if (v < 0)
        break;
    }
    for (const int b : path) mark_[b] = 0;
    PEERKIT_ASSERT(base >= 0, "blossom_forest: no common ancestor in one tree");

    const int nb = free_ids_.back();
    free_ids_.pop_back();
    const int tree = tree_[base];
    base_[nb] = base_[base];
    parent_[nb] = -1;
    parent_[base] = nb;
    auto& ch = children_[nb];
    auto& ep = endps_[nb];
    ch.clear();
    ep.clear();
    // From v's side back to the base, then reversed; then w's side.
    int bv = top_[endpoint(p ^ 1)];
    while (bv != base) {
      parent_[bv] = nb;
      ch.push_back(bv);
      ep.push_back(labelend_[bv]);
      const int t = endpoint(labelend_[bv]);
      bv = top_[t];
    }
    ch.push_back(base);
    std::reverse(ch.begin(), ch.end());
    std::reverse(ep.begin(), ep.end());
    ep.push_back(p ^ 1);  // the closing edge, from v's side to w's side
    int bw = top_[endpoint(p)];
    while (bw != base) {
      parent_[bw] = nb;
      ch.push_back(bw);
      ep.push_back(labelend_[bw] ^ 1);
      const int t = endpoint(labelend_[bw]);
      bw = top_[t];
    }
    // Layout (van Rantwijk's): endpoint(endps[i]) lies in child i and endpoint(endps[i] ^ 1)
    // in child i + 1, cyclically.
    PEERKIT_ASSERT(ch.size() % 2 == 1 && ch.size() >= 3, "blossom_forest: blossom of even length");

    label_[nb] = even;
    labelend_[nb] = labelend_[base];
    tree_[nb] = tree;
    z_base_[nb] = 0;
    z_mode_[nb] = 0;
    set_z_mode(nb, 2);  // z = 0 now, growing at 2 per unit of dual change
    tree_members_[tree].push_back(nb);
    for (const int c : ch) {
      set_z_mode(c, 0);  // an inner blossom's dual stays fixed
      for_each_leaf(c, [&](int x) { top_[x] = nb; });
    }
    for (const int c : ch) {
      if (label_[c] != odd) {
        label_[c] = none;
        continue;
      }
      label_[c] = none;
      for_each_leaf(c, [&](int x) { set_mode(x, -1); });
      for_each_leaf(c, [&](int x) { scan_even_vertex(x); });
    }
  }

  // An odd blossom's dual reached 0: its children become top-level; those on the even
  // path from where the tree enters to the base keep the tree alternating, the others
  // leave the forest.
  void expand(int b) {
    const int tree = tree_[b];
    auto ch = children_[b];
    auto ep = endps_[b];
    for (const int s : ch) {
      parent_[s] = -1;
      for_each_leaf(s, [&](int x) { top_[x] = s; });
      label_[s] = none;
    }
    const int len = static_cast<int>(ch.size());
    const auto at = [len](int k) { return ((k % len) + len) % len; };
    const int entry = top_[endpoint(labelend_[b] ^ 1)];
    int j = static_cast<int>(std::find(ch.begin(), ch.end(), entry) - ch.begin());
    int step = 0;
    int trick = 0;
    if (j & 1) {
      j -= len;
      step = 1;
      trick = 0;
    } else {
      step = -1;
      trick = 1;
    }
    std::vector<char> on_path(static_cast<std::size_t>(len), 0);
    int p = labelend_[b];
    while (j != 0) {
      // The child entered through p is odd; its base's mate, the next child, is even.
      const int odd_child = ch[at(j)];
      on_path[at(j)] = 1;
      make_odd(odd_child, p, tree);
      j += step;
      on_path[at(j)] = 1;
      const int mate_end = mate_[base_[odd_child]];
      make_even(top_[endpoint(mate_end)], mate_end ^ 1, tree);
      p = ep[at(j - trick)] ^ trick;
      j += step;
    }
    // The base child is odd; its mate, the even blossom below b in the tree, keeps its label.
    on_path[0] = 1;
    make_odd(ch[0], p, tree);
    std::vector<int>& out = scratch_;
    out.clear();
    for (int k = 0; k < len; ++k) {
      if (on_path[k]) continue;
      const int s = ch[k];
      set_z_mode(s, 0);
      for_each_leaf(s, [&](int x) {
        set_mode(x, 0);
        out.push_back(x);
      });
    }
    for (const int x : out) scan_outside_vertex(x);
    // Retire b.
    children_[b].clear();
    endps_[b].clear();
    base_[b] = -1;
    label_[b] = none;
    labelend_[b] = -1;
    tree_[b] = -1;
    parent_[b] = -1;
    z_base_[b] = 0;
    z_mode_[b] = 0;
    free_ids_.push_back(b);
  }

  int n_;
  std::vector<int> eu_;
  std::vector<int> ev_;
  std::vector<std::int64_t> w_;
  std::vector<int> adj_begin_;
  std::vector<int> adj_;

  std::vector<int> mate_;  ///< endpoint at the mate, -1 when free
  std::vector<int> top_;   ///< top-level blossom of each vertex
  std::vector<std::int64_t> y_base_;
  std::vector<std::int8_t> mode_;  ///< -1 even, +1 odd, 0 outside the forest

  std::vector<int> parent_;
  std::vector<std::vector<int>> children_;
  std::vector<std::vector<int>> endps_;
  std::vector<int> base_;  ///< -1 for an unused blossom id
  std::vector<int> label_;
  std::vector<int> labelend_;
  std::vector<int> tree_;
  std::vector<std::int64_t> z_base_;
  std::vector<std::int8_t> z_mode_;
  std::vector<char> mark_;
  std::vector<candidate> best2_;  ///< per vertex outside the forest: edge from an even vertex
  std::vector<candidate> best3_;  ///< per even vertex: edge to an even vertex elsewhere
  std::vector<int> free_ids_;
  std::vector<std::vector<int>> tree_members_;
  mutable std::vector<int> leaf_stack_;
  std::vector<int> scratch_;

  event_heap h1_;
  event_heap h2_;
  event_heap h3_;
  event_heap h4_;
  std::int64_t delta_ = 0;
  int trees_ = 0;
};

}  // namespace peerkit::detail
