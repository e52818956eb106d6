#pragma once
// How a pair ends, and whether its supportee gets a new supporter. A pair ends planned
// (its agreed period is over) or unplanned, with a reason from core's end_reason, which
// a school extends with reasons of its own. Each side is asked the exit questions
// (evaluation.hpp). Rematching is conservative: research finds that rematched youth do
// worse than youth whose match simply ended (docs/supervision.md).

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <boost/date_time/gregorian/gregorian_types.hpp>

#include <peerkit/core/enum_keys.hpp>
#include <peerkit/core/error.hpp>
#include <peerkit/core/safe_text.hpp>
#include <peerkit/core/support_pair.hpp>

namespace peerkit {

enum class closure_kind { planned, unplanned };
template <>
struct enum_keys<closure_kind> {
  static constexpr std::array<std::string_view, 2> keys{"planned", "unplanned"};
};

/// A reason of the school's own, recorded as end_reason::other. Its key is the school's
/// vocabulary, chosen by staff ("moved_to_other_site"), never text about a student.
struct custom_end_reason {
  std::string key;
  closure_kind kind = closure_kind::unplanned;
  bool permits_rematch = false;
  friend bool operator==(const custom_end_reason&, const custom_end_reason&) = default;
};

/// The school's extension of the fixed list of end reasons.
struct end_reason_list {
  std::vector<custom_end_reason> custom;
  friend bool operator==(const end_reason_list&, const end_reason_list&) = default;
};

/// The record of a pair's end.
struct pair_closure {
  pair_id pair;
  date on;
  end_reason reason = end_reason::period_completed;
  std::optional<std::size_t>
      custom_reason;  ///< index into end_reason_list::custom, with end_reason::other
  friend bool operator==(const pair_closure&, const pair_closure&) = default;
};

/// Planned for period_completed, unplanned for the other fixed reasons; a school reason
/// says itself.
[[nodiscard]] inline closure_kind kind_of(const pair_closure& c,
                                          const end_reason_list& reasons = {}) {
  if (c.reason == end_reason::other && c.custom_reason && *c.custom_reason < reasons.custom.size())
    return reasons.custom[*c.custom_reason].kind;
  return c.reason == end_reason::period_completed ? closure_kind::planned : closure_kind::unplanned;
}

/// Ends `pair` on `on` (its last day is the day before) and returns the closure record.
/// Throws peerkit::error when the pair already ended, `on` is not after its start, or a
/// school reason is missing or unknown.
inline pair_closure close_pair(support_pair& pair, date on, end_reason reason,
                               std::optional<std::size_t> custom_reason = std::nullopt,
                               const end_reason_list& reasons = {}) {
  const auto where = (safe_text{} << "pairs[id=" << pair.id << "]").str();
  problem_list problems;
  if (pair.ended)
    problems.add("closure.already_ended", where,
                 (safe_text{} << "the pair ended on " << *pair.ended).str());
  if (on.is_special() || pair.started.is_special() || on <= pair.started)
    problems.add(
        "data.out_of_range", where + ".ended",
        (safe_text{} << "a pair ends after its start " << pair.started << ", found " << on).str());
  if (reason == end_reason::other) {
    if (!custom_reason || *custom_reason >= reasons.custom.size())
      problems.add("closure.unknown_reason", where + ".reason",
                   (safe_text{} << "end_reason other needs one of the school's "
                                << reasons.custom.size() << " reasons")
                       .str());
  } else if (custom_reason) {
    problems.add("closure.unknown_reason", where + ".reason",
                 "a school reason goes with end_reason other only");
  }
  problems.throw_if_any();
  pair.ended = on;
  pair.ended_because = reason;
  return {pair.id, on, reason, custom_reason};
}

/// When a supportee whose pair ended early may get a new supporter.
struct rematch_policy {
  bool rematching = true;
  /// New supporters per supportee in one school year.
  int max_rematches_per_year = 1;
  /// Days between the end and a new match: time to close well, hold the exit
  /// evaluation and ask the supportee whether they want another supporter.
  int pause_days = 28;
  /// A new match needs this much of the school year left: matches shorter than about
  /// three months show no effect or harm (Grossman & Rhodes 2002).
  int min_days_left = 91;
  /// Reasons after which a new match is offered, indexed by end_reason. By default only
  /// when the supporter dropped out; not after no_click (the supportee may apply again),
  /// support_too_heavy (professional help instead), or the supportee's own leaving.
  std::array<bool, enum_keys<end_reason>::keys.size()> after_reason{
      false,  // period_completed
      false,  // supportee_withdrew
      true,   // supporter_withdrew
      false,  // no_click
      true,   // supporter_left_school
      false,  // supportee_left_school
      false,  // support_too_heavy
      false,  // consent_withdrawn
      false,  // other: the school's reason decides
  };
  friend bool operator==(const rematch_policy&, const rematch_policy&) = default;
};

enum class rematch_verdict {
  allowed,
  rematching_off,
  not_after_this_reason,
  too_many_rematches,
  pause_not_over,
  too_late_in_year,
};
template <>
struct enum_keys<rematch_verdict> {
  static constexpr std::array<std::string_view, 6> keys{
      "allowed",        "rematching_off",  "not_after_this_reason", "too_many_rematches",
      "pause_not_over", "too_late_in_year"};
};

struct rematch_decision {
  rematch_verdict verdict = rematch_verdict::allowed;
  /// The first day a new match may start; not-a-date when none will be allowed this year.
  date earliest;
  [[nodiscard]] bool allowed() const noexcept { return verdict == rematch_verdict::allowed; }
  friend bool operator==(const rematch_decision&, const rematch_decision&) = default;
};

/// Whether the supportee of a pair closed by `closure` may get a new supporter on
/// `today`, having had `rematches_this_year` new supporters already; `year_end` is the
/// last day of the school year.
[[nodiscard]] inline rematch_decision decide_rematch(const rematch_policy& policy,
                                                     const pair_closure& closure,
                                                     int rematches_this_year, date today,
                                                     date year_end,
                                                     const end_reason_list& reasons = {}) {
  using boost::gregorian::days;
  if (!policy.rematching) return {rematch_verdict::rematching_off, {}};
  const bool reason_permits = closure.reason == end_reason::other
                                  ? (closure.custom_reason &&
                                     *closure.custom_reason < reasons.custom.size() &&
                                     reasons.custom[*closure.custom_reason].permits_rematch)
                                  : policy.after_reason[static_cast<std::size_t>(closure.reason)];
  if (!reason_permits) return {rematch_verdict::not_after_this_reason, {}};
  if (rematches_this_year >= policy.max_rematches_per_year)
    return {rematch_verdict::too_many_rematches, {}};
  const date earliest = closure.on + days(policy.pause_days);
  const date last_start = year_end - days(policy.min_days_left);
  if (earliest > last_start) return {rematch_verdict::too_late_in_year, {}};
  if (today < earliest) return {rematch_verdict::pause_not_over, earliest};
  if (today > last_start) return {rematch_verdict::too_late_in_year, {}};
  return {rematch_verdict::allowed, today};
}

}  // namespace peerkit
