#pragma once
// Definitions of choose.hpp: inline here in header-only mode, compiled once into
// peerkit::compiled when PEERKIT_COMPILED is defined (see config.hpp).

#include <peerkit/config.hpp>
#include <peerkit/selection/choose.hpp>

namespace peerkit {

namespace detail {

/// 1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st, ...
PEERKIT_INLINE std::string rank_ordinal(int n) {
  const int last_two = n % 100;
  const int last = n % 10;
  const char* suffix = (last_two >= 11 && last_two <= 13) ? "th"
                       : last == 1                        ? "st"
                       : last == 2                        ? "nd"
                       : last == 3                        ? "rd"
                                                          : "th";
  return std::to_string(n) + suffix;
}

PEERKIT_INLINE std::optional<int> candidate_rating(const application& a, const student& s,
                                                   std::string_view trait) {
  if (auto r = a.interview_rating(trait)) return r;
  return s.rating(trait);
}

PEERKIT_INLINE candidate evaluate_candidate(const application& a, const student& s,
                                            const supporter_eligibility& eligible,
                                            const runtime_profile& p) {
  candidate c{a.id, a.applicant,    verdict::rejected, std::nullopt,
              0,    s.fail_marks(), s.average_grade(), {}};
  if (!eligible.admits(s.track, s.year))
    c.reasons.push_back({.kind = reason_kind::not_eligible,
                         .found = double(s.year),
                         .limit = double(eligible.first_year(s.track).value_or(0)),
                         .track = s.track});
  const auto& g = p.gates;
  if (g.max_fail_marks && c.fail_marks > *g.max_fail_marks)
    c.reasons.push_back(
        {reason_kind::too_many_fail_marks, {}, double(c.fail_marks), double(*g.max_fail_marks)});
  if (g.min_average) {
    if (!c.average)
      c.reasons.push_back({.kind = reason_kind::no_grades, .min_average = g.min_average});
    else if (*c.average < *g.min_average)
      c.reasons.push_back({.kind = reason_kind::average_too_low,
                           .average = c.average,
                           .min_average = g.min_average});
  }
  if (g.motivation_letter && !a.letter_received())
    c.reasons.push_back({reason_kind::no_motivation_letter, {}, 0, 0});
  if (g.interview && !a.interviewed()) c.reasons.push_back({reason_kind::no_interview, {}, 0, 0});
  for (const auto& r : p.required) {
    const auto rating = candidate_rating(a, s, r.trait);
    if (!rating)
      c.reasons.push_back({reason_kind::trait_not_rated, r.trait, 0, double(r.minimum)});
    else if (*rating < r.minimum)
      c.reasons.push_back(
          {reason_kind::trait_below_minimum, r.trait, double(*rating), double(r.minimum)});
    c.score += r.weight * rating.value_or(0);
  }
  for (const auto& w : p.welcome) c.score += w.weight * candidate_rating(a, s, w.trait).value_or(0);
  return c;
}

/// The tie rule (see the top of choose.hpp): true when `a` ranks before `b`.
PEERKIT_INLINE bool ranks_before(const candidate& a, const candidate& b) noexcept {
  if (a.score != b.score) return a.score > b.score;
  if (a.fail_marks != b.fail_marks) return a.fail_marks < b.fail_marks;
  if (a.average.has_value() != b.average.has_value()) return a.average.has_value();
  if (a.average && *a.average != *b.average) return *a.average > *b.average;
  return a.application < b.application;
}

PEERKIT_INLINE std::size_t student_index(const school& s, student_id id) {
  return static_cast<std::size_t>(std::find_if(s.students.begin(), s.students.end(),
                                               [id](const student& st) { return st.id == id; }) -
                                  s.students.begin());
}

/// Gives each ranked candidate, best first, their rank and verdict: the first `needed` are
/// accepted, the next `reserves` become reserves, the rest are rejected.
PEERKIT_INLINE void decide_by_rank(std::vector<candidate>& ranked, int needed, int reserves) {
  for (std::size_t i = 0; i < ranked.size(); ++i) {
    auto& c = ranked[i];
    const int rank = static_cast<int>(i) + 1;
    c.rank = rank;
    reason why{reason_kind::ranked_within_need, {}, double(rank), double(needed), reserves};
    if (rank <= needed) {
      c.decision = verdict::accepted;
    } else if (rank <= needed + reserves) {
      c.decision = verdict::reserve;
      why.kind = reason_kind::ranked_as_reserve;
    } else {
      c.decision = verdict::rejected;
      why.kind = reason_kind::ranked_beyond_need;
    }
    c.reasons.push_back(std::move(why));
  }
}

PEERKIT_INLINE const planned_role* planned_for(const std::vector<planned_role>& plan,
                                               supporter_role r) {
  const auto it = std::find_if(plan.begin(), plan.end(),
                               [r](const planned_role& p) { return p.entry.kind == r; });
  return it == plan.end() ? nullptr : &*it;
}

PEERKIT_INLINE void check_record_ratings(const school& s, const student& st, const application& a,
                                         const runtime_profile& profile, rating_scale scale,
                                         std::set<std::pair<std::size_t, std::string>>& reported,
                                         problem_list& problems) {
  const auto check = [&](std::string_view trait) {
    const auto value = st.rating(trait);
    if (!value || scale.contains(*value) || a.interview_rating(trait)) return;
    const auto index = student_index(s, st.id);
    if (reported.emplace(index, std::string(trait)).second)
      problems.add("selection.rating_out_of_scale",
                   element_location("students", index) + ".traits." + std::string(trait),
                   "rating " + std::to_string(*value) + " for " + trait_label(trait) +
                       " is outside the school's scale " + scale.to_string());
  };
  for (const auto& r : profile.required) check(r.trait);
  for (const auto& w : profile.welcome) check(w.trait);
}

PEERKIT_INLINE role_selection select_role(const school& s,
                                          const std::vector<application>& applications,
                                          const planned_role& p) {
  role_selection out;
  out.role = p.entry.kind;
  out.role_name = p.entry.name;
  out.units = p.units;
  out.serves_classes = p.entry.parameters.form == support_form::duo_for_class;
  out.needed = supporters_needed(p.entry.parameters, p.units, p.rule.capacity);
  out.reserves = p.rule.reserves;

  std::vector<candidate> ranked;
  std::vector<candidate> failed;
  for (const auto& a : applications) {
    if (a.role != p.entry.kind) continue;
    if (a.state == application_state::withdrawn) {
      out.withdrawn.push_back(a.id);
      continue;
    }
    auto c = evaluate_candidate(a, *s.find(a.applicant), p.entry.parameters.eligible_supporters,
                                p.rule.profile);
    (c.reasons.empty() ? ranked : failed).push_back(std::move(c));
  }
  std::sort(ranked.begin(), ranked.end(), ranks_before);
  std::sort(failed.begin(), failed.end(),
            [](const candidate& a, const candidate& b) { return a.application < b.application; });
  std::sort(out.withdrawn.begin(), out.withdrawn.end());

  decide_by_rank(ranked, out.needed, out.reserves);
  out.candidates = std::move(ranked);
  out.candidates.insert(out.candidates.end(), std::make_move_iterator(failed.begin()),
                        std::make_move_iterator(failed.end()));
  return out;
}

}  // namespace detail

PEERKIT_INLINE std::string reason::text() const {
  const int f = static_cast<int>(found);
  const int l = static_cast<int>(limit);
  switch (kind) {
    case reason_kind::ranked_within_need:
      return "ranked " + detail::rank_ordinal(f) + " of " + std::to_string(l) + " needed";
    case reason_kind::ranked_as_reserve:
      return "ranked " + detail::rank_ordinal(f) + " of " + std::to_string(l) +
             " needed, reserve " + std::to_string(f - l) + " of " + std::to_string(reserves);
    case reason_kind::ranked_beyond_need:
      return "ranked " + detail::rank_ordinal(f) + " of " + std::to_string(l) + " needed" +
             (reserves > 0
                  ? " and " + std::to_string(reserves) + (reserves == 1 ? " reserve" : " reserves")
                  : std::string());
    case reason_kind::too_many_fail_marks:
      return std::to_string(f) + (f == 1 ? " fail mark" : " fail marks") + ", " +
             (l == 0 ? std::string("none allowed") : "at most " + std::to_string(l) + " allowed");
    case reason_kind::average_too_low:
      return "average grade " + average->text() + ", at least " + min_average->text() + " required";
    case reason_kind::no_grades:
      return "no report grades, an average of at least " + min_average->text() + " required";
    case reason_kind::no_motivation_letter: return "no motivation letter received";
    case reason_kind::no_interview: return "not interviewed";
    case reason_kind::trait_below_minimum:
      return trait_label(trait) + " " + std::to_string(f) + " < " + std::to_string(l);
    case reason_kind::trait_not_rated:
      return trait_label(trait) + " not rated, at least " + std::to_string(l) + " required";
    case reason_kind::not_eligible: {
      const std::string of = *track == school_track::isk ? "the newcomer class"
                                                         : std::string(key_of(*track));
      if (l == 0) return "in " + of + ", from which the role takes no supporters";
      return "year " + std::to_string(f) + " of " + of + ", the role takes supporters from year " +
             std::to_string(l) + " on";
    }
  }
  return {};
}

PEERKIT_INLINE std::string candidate::reasons_text() const {
  std::string text;
  for (const auto& r : reasons) text += (text.empty() ? "" : "; ") + r.text();
  return text;
}

PEERKIT_INLINE std::vector<student_id> role_selection::students(verdict v) const {
  std::vector<student_id> out;
  for (const auto& c : candidates)
    if (c.decision == v) out.push_back(c.student);
  return out;
}

PEERKIT_INLINE void record_decisions(std::vector<application>& applications,
                                     const selection_result& result) {
  problem_list problems;
  std::vector<std::pair<std::size_t, application_state>> moves;
  for (const auto& role : result.roles)
    for (const auto& c : role.candidates) {
      auto it = std::find_if(applications.begin(), applications.end(),
                             [&](const application& a) { return a.id == c.application; });
      if (it == applications.end()) {
        problems.add("selection.unknown_application", "result." + std::string(key_of(role.role)),
                     "application " + std::to_string(c.application.value()) +
                         " is not among the applications");
        continue;
      }
      const auto to = state_of(c.decision);
      if (it->state == to) continue;
      const auto i = static_cast<std::size_t>(it - applications.begin());
      if (!can_move(it->state, to))
        problems.add("selection.illegal_transition", element_location("applications", i),
                     detail::illegal_move_message(*it, to));
      else
        moves.emplace_back(i, to);
    }
  problems.throw_if_any();
  for (const auto& [i, to] : moves) applications[i].move_to(to);
}

PEERKIT_INLINE std::optional<application_id> next_reserve(
    const role_selection& chosen, const std::vector<application>& applications) {
  for (const auto& c : chosen.candidates) {
    if (c.decision != verdict::reserve) continue;
    auto it = std::find_if(applications.begin(), applications.end(),
                           [&](const application& a) { return a.id == c.application; });
    if (it != applications.end() && it->state == application_state::reserve) return c.application;
  }
  return std::nullopt;
}

}  // namespace peerkit
