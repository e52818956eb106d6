#pragma once
// Definitions of explanation.hpp: inline here in header-only mode, compiled once into
// peerkit::compiled when PEERKIT_COMPILED is defined (see config.hpp).

#include <peerkit/config.hpp>
#include <peerkit/matching/explanation.hpp>

namespace peerkit {

namespace detail {

PEERKIT_INLINE unpaired_reason summarise(const std::vector<candidate_note>& notes) {
  bool any_taken = false, any_nothing = false, any_ranked_out = false;
  for (const auto& n : notes) {
    switch (n.status) {
      case candidate_status::open: return unpaired_reason::not_optimal;
      case candidate_status::taken:
        if (!n.held_by_better) return unpaired_reason::not_optimal;
        any_taken = true;
        break;
      case candidate_status::adds_nothing: any_nothing = true; break;
      case candidate_status::not_ranked: any_ranked_out = true; break;
      case candidate_status::excluded: break;
    }
  }
  if (any_nothing) return unpaired_reason::no_gain;
  if (any_taken) return unpaired_reason::all_taken;
  if (any_ranked_out) return unpaired_reason::not_acceptable;
  return unpaired_reason::no_compatible_partner;
}

/// Position (1-based) of `x` in `order`, if present.
PEERKIT_INLINE std::optional<std::size_t> place_in(const std::vector<std::size_t>& order,
                                                   std::size_t x) {
  for (std::size_t k = 0; k < order.size(); ++k)
    if (order[k] == x) return k + 1;
  return std::nullopt;
}

class explainer {
 public:
  explainer(const pairing_graph& g, const pairing_result& r) : g_(g), r_(r) {
    mate_.assign(g.supportee_count(), std::nullopt);
    held_.assign(g.supporter_count(), {});
    for (const auto& p : r.pairs) {
      auto i = g.supporter_index(p.supporter);
      auto j = g.supportee_index(p.supportee);
      PEERKIT_ASSERT(i && j, "explain: the result belongs to this pairing graph");
      mate_[*j] = *i;
      held_[*i].push_back(*j);
      if (!p.pinned)
        worst_free_ = worst_free_ ? std::min(*worst_free_, p.score.total) : p.score.total;
    }
    if (r.goal == objective::stable) {
      for (std::size_t i = 0; i < g.supporter_count(); ++i)
        sup_pref_.push_back(g.preferences_of_supporter(i));
      for (std::size_t j = 0; j < g.supportee_count(); ++j)
        see_pref_.push_back(g.preferences_of_supportee(j));
    }
  }

  pairing_explanation run() const {
    pairing_explanation out;
    out.goal = r_.goal;
    out.second_supportee_last = later_places_last();
    for (const auto& p : r_.pairs) {
      pair_explanation e{p.supporter, p.supportee, p.score, p.pinned, std::nullopt, std::nullopt};
      if (stable()) {
        const auto i = *g_.supporter_index(p.supporter);
        const auto j = *g_.supportee_index(p.supportee);
        e.supporter_place = place_in(sup_pref_[i], j);
        e.supportee_place = place_in(see_pref_[j], i);
      }
      out.pairs.push_back(std::move(e));
    }
    for (std::size_t j = 0; j < g_.supportee_count(); ++j)
      if (!mate_[j]) out.unpaired_supportees.push_back(for_unpaired(false, j));
    for (std::size_t i = 0; i < g_.supporter_count(); ++i)
      if (held_[i].empty()) out.unused_supporters.push_back(for_unpaired(true, i));
    return out;
  }

 private:
  bool stable() const noexcept { return r_.goal == objective::stable; }
  bool later_places_last() const noexcept {
    return !stable() && g_.options().second_supportee_last;
  }
  score_points score(std::size_t i, std::size_t j) const { return g_.find(i, j)->score.total; }
  // Supporter i would rather keep h than take j (stable: by its order; else by score).
  bool prefers_supportee(std::size_t i, std::size_t h, std::size_t j) const {
    if (!stable()) return score(i, h) >= score(i, j);
    const auto ph = place_in(sup_pref_[i], h);
    return ph && *ph < place_in(sup_pref_[i], j).value_or(static_cast<std::size_t>(-1));
  }
  // Supportee j would rather keep k than take i.
  bool prefers_supporter(std::size_t j, std::size_t k, std::size_t i) const {
    if (!stable()) return score(k, j) >= score(i, j);
    const auto pk = place_in(see_pref_[j], k);
    return pk && *pk < place_in(see_pref_[j], i).value_or(static_cast<std::size_t>(-1));
  }
  // With second supportees last: moving j from k, who has others, to the unused i frees a
  // second place, which most_supported ranks above any score. best_total_score ranks the
  // total first, fairest the worst pair; only a loss there keeps j with k.
  bool stays_with_holder(std::size_t k, std::size_t i, std::size_t j) const {
    switch (r_.goal) {
      case objective::best_total_score: return score(k, j) > score(i, j);
      case objective::fairest: return worst_free_ && score(i, j) < *worst_free_;
      case objective::most_supported:
      case objective::stable: return false;
    }
    return false;
  }
  bool ranked(std::size_t i, std::size_t j) const {
    return place_in(sup_pref_[i], j).has_value() && place_in(see_pref_[j], i).has_value();
  }

  // Why the student at `index` on one side stays without a partner: a note on each
  // student of the other side.
  unpaired_explanation for_unpaired(bool supporter_side, std::size_t index) const {
    const auto others = supporter_side ? g_.supportee_count() : g_.supporter_count();
    unpaired_explanation u{supporter_side ? g_.supporter(index).id : g_.supportee(index).id,
                           unpaired_reason::no_compatible_partner,
                           {}};
    for (std::size_t other = 0; other < others; ++other) {
      const std::size_t i = supporter_side ? index : other, j = supporter_side ? other : index;
      candidate_note n{supporter_side ? g_.supportee(j).id : g_.supporter(i).id,
                       candidate_status::excluded,
                       {},
                       std::nullopt,
                       {},
                       false,
                       false};
      const auto* e = g_.find(i, j);
      if (!e) {
        n.rules = g_.excluded_by(i, j);
      } else {
        n.score = e->score.total;
        if (stable() && !ranked(i, j)) {
          n.status = candidate_status::not_ranked;
        } else if (supporter_side ? supportee_taken(i, j, n) : supporter_full(i, j, n)) {
          n.status = candidate_status::taken;
        } else {
          n.status = (r_.goal == objective::best_total_score && e->score.total == 0)
                         ? candidate_status::adds_nothing
                         : candidate_status::open;
        }
      }
      u.candidates.push_back(std::move(n));
    }
    u.reason = summarise(u.candidates);
    return u;
  }
  // True when supporter i has no place left for supportee j; notes whom i holds and
  // whether i would rather keep them.
  bool supporter_full(std::size_t i, std::size_t j, candidate_note& n) const {
    if (static_cast<int>(held_[i].size()) < g_.capacity(i)) return false;
    n.held_by_better = true;
    for (auto h : held_[i]) {
      const bool pin = g_.find(i, h)->pinned;
      n.held_by.push_back({g_.supporter(i).id, g_.supportee(h).id, score(i, h), pin});
      n.held_by_better = n.held_by_better && (pin || prefers_supportee(i, h, j));
    }
    return true;
  }
  // True when supportee j is with another supporter than the unused i; notes with whom
  // and whether j stays there.
  bool supportee_taken(std::size_t i, std::size_t j, candidate_note& n) const {
    if (!mate_[j]) return false;
    const auto k = *mate_[j];
    const bool pin = g_.find(k, j)->pinned;
    n.held_by.push_back({g_.supporter(k).id, g_.supportee(j).id, score(k, j), pin});
    n.holder_has_others = later_places_last() && !pin && held_[k].size() >= 2;
    n.held_by_better = pin || (n.holder_has_others ? stays_with_holder(k, i, j)
                                                   : prefers_supporter(j, k, i));
    return true;
  }

  const pairing_graph& g_;
  const pairing_result& r_;
  std::vector<std::optional<std::size_t>> mate_;
  std::vector<std::vector<std::size_t>> held_;
  std::vector<std::vector<std::size_t>> sup_pref_, see_pref_;
  std::optional<score_points> worst_free_;  // the worst pair not pinned
};

PEERKIT_INLINE std::string name_of(const school& sch, student_id id, const explanation_phrases& w) {
  const auto* s = sch.find(id);
  return s ? s->name : fill(w.student, {std::to_string(id.value())});
}

PEERKIT_INLINE std::string ordinal(std::size_t n, report_language language) {
  if (language == report_language::dutch) return std::to_string(n) + "e";
  const auto tens = n % 100;
  const char* suffix = (tens >= 11 && tens <= 13) ? "th"
                       : n % 10 == 1              ? "st"
                       : n % 10 == 2              ? "nd"
                       : n % 10 == 3              ? "rd"
                                                  : "th";
  return std::to_string(n) + suffix;
}

PEERKIT_INLINE std::string join(const std::vector<std::string>& items,
                                std::string_view sep = ", ") {
  std::string out;
  for (const auto& s : items) {
    if (!out.empty()) out += sep;
    out += s;
  }
  return out;
}

/// Words the scores carry from a lower layer (when a role meets, as describe(meeting_place)
/// gives it) in the words of `w`; anything else (interests, wishes) is the school's own.
PEERKIT_INLINE std::string carried_words(const std::string& because, const explanation_phrases& w) {
  for (std::size_t m = 0; m < w.meeting_times.size(); ++m)
    if (because == explanation_english.meeting_times[m]) return std::string(w.meeting_times[m]);
  return because;
}

PEERKIT_INLINE std::string rules_words(rule_set rules, bool with_access,
                                       const explanation_phrases& w) {
  std::vector<std::string> words;
  for (auto r : rules.list())
    words.emplace_back(!with_access && reads_special_category(r)
                           ? w.rule_without_access
                           : w.rules[static_cast<std::size_t>(r)]);
  return join(words, "; ");
}

// The criteria that count, in words. Without the access step the special-category criteria
// are one part, their sum, in the place of the first: which of them applied is itself
// special-category data.
PEERKIT_INLINE std::vector<std::string> criteria_words(const score_breakdown& score,
                                                       bool with_access,
                                                       const explanation_phrases& w) {
  std::vector<std::string> parts;
  std::optional<std::size_t> special;  // the place of the combined part
  score_points special_points = 0;
  for (const auto& c : score.criteria) {
    if (c.raw == 0) continue;
    if (!with_access && reads_special_category(c.what)) {
      if (!special) {
        special = parts.size();
        parts.emplace_back();
      }
      special_points += c.points;
      continue;
    }
    auto part = fill(w.criterion_points,
                     {w.criteria[static_cast<std::size_t>(c.what)], std::to_string(c.raw),
                      std::to_string(c.weight), std::to_string(c.points)});
    if (!c.because.empty()) {
      std::vector<std::string> because;
      for (const auto& b : c.because) because.push_back(carried_words(b, w));
      part += " (" + join(because) + ")";
    }
    parts.push_back(std::move(part));
  }
  if (special) parts[*special] = fill(w.special_criteria, {std::to_string(special_points)});
  return parts;
}

// The sensitive details of a pair, for describe() with an access step.
PEERKIT_INLINE std::string pair_details(const school& sch, student_id supporter,
                                        student_id supportee, access_purpose why,
                                        const explanation_phrases& w) {
  const auto* a = sch.find(supporter);
  const auto* b = sch.find(supportee);
  if (!a || !b) return {};
  std::vector<std::string> parts;
  const auto& la = a->languages.reveal(why);
  const auto& lb = b->languages.reveal(why);
  std::vector<std::string> common;
  for (const auto& l : la)
    if (std::find(lb.begin(), lb.end(), l) != lb.end()) common.push_back(l);
  if (!common.empty()) parts.push_back(fill(w.language_in_common, {join(common)}));
  const auto& country = b->origin.reveal(why);
  if (country && !country->empty()) {
    const auto& own = a->origin.reveal(why);
    if (own && *own == *country)
      parts.push_back(fill(w.both_from, {*country}));
    else if (std::find(a->interests.begin(), a->interests.end(), *country) != a->interests.end())
      parts.push_back(fill(w.knows, {a->name, *country}));
  }
  return join(parts, "; ");
}

PEERKIT_INLINE std::string group_details(const school& sch, student_id x, student_id y,
                                         access_purpose why, const explanation_phrases& w) {
  const auto* a = sch.find(x);
  const auto* b = sch.find(y);
  if (!a || !b) return {};
  const auto& ga = a->groups.reveal(why);
  const auto& gb = b->groups.reveal(why);
  for (const auto& [g1, g2] : sch.conflicting_groups.reveal(why)) {
    auto has = [](const std::vector<std::string>& gs, const std::string& g) {
      return std::find(gs.begin(), gs.end(), g) != gs.end();
    };
    if (has(ga, g1) && has(gb, g2)) return fill(w.groups, {g1, g2});
    if (has(ga, g2) && has(gb, g1)) return fill(w.groups, {g2, g1});
  }
  return {};
}

PEERKIT_INLINE std::string words(const pair_explanation& p, const school& sch,
                                 std::optional<access_purpose> why, report_language language) {
  const auto& w = explanation_words(language);
  const auto a = name_of(sch, p.supporter, w);
  const auto b = name_of(sch, p.supportee, w);
  std::string s = fill(w.pair, {a, b, std::to_string(p.score.total)});
  const auto parts = criteria_words(p.score, why.has_value(), w);
  s += parts.empty() ? std::string(w.nothing_in_common) : ": " + join(parts, "; ");
  s += ".";
  // A preference the pair misses: they were paired for the rest, and must find a time.
  if (const auto& meet = p.score[criterion::can_meet]; meet.raw == 0 && !meet.because.empty())
    s += fill(w.not_both_free, {carried_words(meet.because.front(), w)});
  if (p.pinned) s += w.pinned_by_coordinator;
  if (p.supporter_place && p.supportee_place)
    s += fill(w.choices,
              {a, b, ordinal(*p.supportee_place, language), ordinal(*p.supporter_place, language)});
  if (why) {
    if (auto d = pair_details(sch, p.supporter, p.supportee, *why, w); !d.empty())
      s += fill(w.details, {d});
  }
  return s;
}

PEERKIT_INLINE std::string words(const unpaired_explanation& u, bool supporter_side, objective goal,
                                 bool later_places_last, const school& sch,
                                 std::optional<access_purpose> why, report_language language) {
  const auto& w = explanation_words(language);
  const auto who = name_of(sch, u.who, w);
  const bool stable = goal == objective::stable;
  std::vector<std::string> excluded, ranked_out, taken, nothing, open;
  bool any_holder_has_others = false;
  for (const auto& n : u.candidates) {
    const auto other = name_of(sch, n.other, w);
    switch (n.status) {
      case candidate_status::excluded: {
        auto item = fill(w.excluded_by, {other, rules_words(n.rules, why.has_value(), w)});
        if (why && n.rules.contains(pairing_rule::conflicting_groups))
          if (auto d = group_details(sch, u.who, n.other, *why, w); !d.empty()) item += ": " + d;
        excluded.push_back(item + ")");
        break;
      }
      case candidate_status::not_ranked: ranked_out.push_back(other); break;
      case candidate_status::taken: {
        std::vector<std::string> holders;
        for (const auto& h : n.held_by)
          holders.push_back(
              fill(w.held_by, {name_of(sch, supporter_side ? h.supporter : h.supportee, w),
                               std::to_string(h.score), h.pinned ? w.pinned : ""}));
        taken.push_back(fill(supporter_side ? w.taken_from_supporter : w.taken_from_supportee,
                             {other, std::to_string(*n.score), who}) +
                        join(holders, w.and_) +
                        std::string(n.holder_has_others ? w.among_others : "") +
                        (!n.held_by_better ? std::string(stable ? w.not_preferred : w.scoring_less)
                         : !n.holder_has_others       ? std::string()
                         : goal == objective::fairest ? fill(w.below_worst_pair, {who})
                                                      : std::string(w.scoring_more)));
        if (n.holder_has_others && n.held_by_better) any_holder_has_others = true;
        break;
      }
      case candidate_status::adds_nothing: nothing.push_back(other); break;
      case candidate_status::open:
        open.push_back(other + " (" + std::to_string(*n.score) + ")");
        break;
    }
  }
  std::string s = fill(supporter_side ? w.supports_nobody : w.not_paired, {who});
  const auto partners = supporter_side ? w.supportee : w.supporter;
  switch (u.reason) {
    case unpaired_reason::no_compatible_partner:
      s += fill(w.no_partner, {partners, who}) + (who.ends_with('.') ? "" : ".");  // "Lucas R."
      break;
    case unpaired_reason::not_acceptable: s += fill(w.none_ranked, {partners, who}); break;
    case unpaired_reason::all_taken:
      s += supporter_side ? (stable ? w.all_with_preferred : w.all_with_as_high)
                          : (stable ? w.all_full_preferred : w.all_full_as_high);
      s += join(taken, "; ") + ".";
      if (supporter_side && later_places_last && !any_holder_has_others)
        s += w.frees_no_second_place;
      break;
    case unpaired_reason::no_gain:
      s += fill(w.no_gain, {join(nothing, w.or_)});
      if (!taken.empty()) s += fill(w.taken, {join(taken, "; ")});
      break;
    case unpaired_reason::not_optimal:
      s += fill(w.not_optimal, {join(open, ", ")});
      if (!taken.empty()) s += fill(w.also_taken, {join(taken, "; ")});
      s += ".";
      break;
  }
  if (!ranked_out.empty() && u.reason != unpaired_reason::not_acceptable)
    s += fill(w.not_ranked, {join(ranked_out)});
  if (!excluded.empty()) s += fill(w.excluded, {join(excluded, "; ")});
  return s;
}

PEERKIT_INLINE std::string words(const pairing_explanation& e, const school& sch,
                                 std::optional<access_purpose> why, report_language language) {
  const auto& w = explanation_words(language);
  std::string s = fill(w.objective, {w.objectives[static_cast<std::size_t>(e.goal)]}) + "\n";
  for (const auto& p : e.pairs) s += words(p, sch, why, language) + "\n";
  for (const auto& u : e.unpaired_supportees)
    s += words(u, false, e.goal, e.second_supportee_last, sch, why, language) + "\n";
  for (const auto& u : e.unused_supporters)
    s += words(u, true, e.goal, e.second_supportee_last, sch, why, language) + "\n";
  return s;
}

}  // namespace detail

PEERKIT_INLINE pairing_explanation explain(const pairing_graph& g, const pairing_result& result) {
  return detail::explainer(g, result).run();
}

PEERKIT_INLINE std::string describe(const pairing_explanation& e, const school& sch,
                                    report_language language) {
  return detail::words(e, sch, std::nullopt, language);
}

PEERKIT_INLINE std::string describe(const pairing_explanation& e, const school& sch,
                                    access_purpose why, report_language language) {
  return detail::words(e, sch, why, language);
}

PEERKIT_INLINE std::string describe(const pair_explanation& p, const school& sch,
                                    report_language language) {
  return detail::words(p, sch, std::nullopt, language);
}

}  // namespace peerkit
