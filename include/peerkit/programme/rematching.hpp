#pragma once
// Pairing again after a pair ended early, under one rule set. The closure's rematch policy
// (supervision/closure.hpp: the reason, the pause, the limit per year, the time left in the
// year) decides whether the supportee may get a new supporter; only then is the round
// paired again (matching/buddy_pairing.hpp: every other pair kept, the ended pair never
// again). The outcome says why when no new supporter is offered.
//
//   auto outcome = rematch(school, request, current, {{buddy, supportee}, closure, 0},
//                          today, year_end, policy.rematch, matching.settings());
//   if (!outcome.offered()) std::cout << describe(outcome, school);

#include <optional>
#include <string>

#include <boost/date_time/gregorian/gregorian.hpp>

#include <peerkit/core/school.hpp>
#include <peerkit/matching/buddy_pairing.hpp>
#include <peerkit/matching/matching_policy.hpp>
#include <peerkit/matching/pairing_graph.hpp>
#include <peerkit/matching/pairing_result.hpp>
#include <peerkit/supervision/closure.hpp>

namespace peerkit {

/// A pair of the current pairing that ended early, as its closure records it.
struct ended_pair {
  student_pair pair;            ///< the supporter and the supportee in the pairing
  pair_closure closure;         ///< when and why the pair ended
  int rematches_this_year = 0;  ///< new supporters the supportee already had this school year
  friend bool operator==(const ended_pair&, const ended_pair&) = default;
};

/// What pairing again gave: the policy's verdict and, when it allowed one, the new pairing.
struct rematch_outcome {
  rematch_decision decision{};                ///< the verdict, and the first day it allows
  std::optional<pairing_request> request{};   ///< allowed: the round paired again
  std::optional<pairing_result> pairing{};    ///< allowed: the new pairing, other pairs kept
  std::optional<student_id> new_supporter{};  ///< the supportee's new supporter, if any

  /// A new supporter is offered to the supportee of the ended pair.
  [[nodiscard]] bool offered() const noexcept { return new_supporter.has_value(); }
  friend bool operator==(const rematch_outcome&, const rematch_outcome&) = default;
};

/// Pairs the round of `original` again after `ended`, when `policy` allows a new supporter
/// for its supportee on `today` (`year_end`: the last day of the school year; `reasons`:
/// the school's own end reasons). Every other pair of `current` is kept; consent is
/// checked on `today`. Throws peerkit::error ("matching.unknown_pair") when the ended
/// pair is not in `current`, or when the round cannot be built (pairing_graph).
[[nodiscard]] inline rematch_outcome rematch(const school& sch, const pairing_request& original,
                                             const pairing_result& current, const ended_pair& ended,
                                             date today, date year_end,
                                             const rematch_policy& policy,
                                             const matching_settings& settings,
                                             const end_reason_list& reasons = {}) {
  const stopped_pair stopped{ended.pair.supporter, ended.pair.supportee, ended.closure.reason};
  // Built first, so an ended pair that is not in the pairing is reported whatever the verdict.
  auto request = rematch_request(original, current, stopped, today);
  rematch_outcome out{
      decide_rematch(policy, ended.closure, ended.rematches_this_year, today, year_end, reasons),
      std::nullopt, std::nullopt, std::nullopt};
  if (!out.decision.allowed()) return out;
  auto pairing = pair_buddies(pairing_graph(sch, request, settings));
  if (!who_leaves(stopped.why).supportee)
    out.new_supporter = pairing.supporter_of(stopped.supportee);
  out.request = std::move(request);
  out.pairing = std::move(pairing);
  return out;
}

/// The outcome in words: the new supporter, or why there is none.
[[nodiscard]] inline std::string describe(const rematch_outcome& o, const school& sch) {
  auto name = [&](std::optional<student_id> id) {
    const auto* s = id ? sch.find(*id) : nullptr;
    return s ? s->name : id ? "student " + std::to_string(id->value()) : std::string("nobody");
  };
  if (o.offered()) return "New supporter: " + name(o.new_supporter) + ".";
  std::string none = "No new supporter: ";
  switch (o.decision.verdict) {
    case rematch_verdict::allowed:
      return none +
             "a new supporter is allowed, but no supporter of the round can take the "
             "supportee (the pairing's explanation says why).";
    case rematch_verdict::rematching_off: return none + "the school does not rematch.";
    case rematch_verdict::not_after_this_reason:
      return none + "the school offers none after the reason the pair ended for.";
    case rematch_verdict::too_many_rematches:
      return none + "the supportee already had the new supporters a year allows.";
    case rematch_verdict::pause_not_over:
      return none + "the pause after the end is not over; a new match may start on " +
             boost::gregorian::to_iso_extended_string(o.decision.earliest) + ".";
    case rematch_verdict::too_late_in_year:
      return none + "too little of the school year is left for a new match.";
  }
  return none;
}

}  // namespace peerkit
