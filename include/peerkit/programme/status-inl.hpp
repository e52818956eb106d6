#pragma once
// Definitions of status.hpp: inline here in header-only mode, compiled once into
// peerkit::compiled when PEERKIT_COMPILED is defined (see config.hpp).

#include <algorithm>

#include <peerkit/config.hpp>
#include <peerkit/programme/status.hpp>

namespace peerkit {

PEERKIT_INLINE std::vector<open_escalation> open_escalations_on(const programme_records& records,
                                                                const escalation_policy& policy,
                                                                date day) {
  std::vector<open_escalation> out;
  for (const auto& e : records.escalations) {
    if (e.first(escalation_event_kind::closed)) continue;
    open_escalation o{e.id, e.pair, e.tier, e.raised_on(), status_of(e, policy, day), {}};
    const auto consider = [&](deadline_status s, date due) {
      if (s == deadline_status::pending && (!o.next_deadline || due < *o.next_deadline))
        o.next_deadline = due;
    };
    for (int i = 0; i < o.route.step_count; ++i)
      consider(o.route.steps[static_cast<std::size_t>(i)],
               o.route.step_due[static_cast<std::size_t>(i)]);
    consider(o.route.response, o.route.response_due);
    out.push_back(o);
  }
  return out;
}

PEERKIT_INLINE std::vector<rematch_option> rematch_options_on(const year_state& state,
                                                              const rematch_policy& policy,
                                                              date day, date year_end) {
  std::vector<rematch_option> out;
  for (const auto& closure : state.records.closures) {
    const auto* pair = state.records.find_pair(closure.pair);
    if (!pair) continue;
    for (auto supportee : pair->supportees) {
      const bool supported_again = std::any_of(
          state.records.pairs.begin(), state.records.pairs.end(), [&](const support_pair& p) {
            return p.started >= closure.on &&
                   std::count(p.supportees.begin(), p.supportees.end(), supportee);
          });
      if (supported_again) continue;
      out.push_back({pair->id, supportee,
                     decide_rematch(policy, closure, state.rematches_of(supportee), day, year_end,
                                    state.records.end_reasons)});
    }
  }
  return out;
}

}  // namespace peerkit
