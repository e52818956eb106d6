#pragma once
// Filling the intervision groups a programme year scheduled (calendar/programme_schedule.hpp
// plans them by number, planned size and coach number) with the actual supporters and
// coaches, so supervision can follow attendance group by group.

#include <algorithm>
#include <span>
#include <vector>

#include <peerkit/calendar/programme_schedule.hpp>
#include <peerkit/core/error.hpp>
#include <peerkit/core/roles.hpp>
#include <peerkit/core/safe_text.hpp>
#include <peerkit/core/strong_id.hpp>
#include <peerkit/supervision/intervision.hpp>

namespace peerkit {

/// Rosters for the groups `year` scheduled for `role`, in the schedule's order.
/// Supporters fill the regular groups in order, each up to its planned size; any beyond
/// the plan join the groups in turn. Newcomers fill the newcomers' own group. Coach
/// number n is `coaches[n - 1]`; ids count up from `first_id`; a roster starts on the
/// role's first meeting round. Throws peerkit::error when the year has no first meeting
/// round for the role or fewer coaches are given than it plans.
[[nodiscard]] std::vector<intervision_roster> rosters_from_schedule(
    const programme_year& year, supporter_role role, std::span<const student_id> supporters,
    std::span<const student_id> newcomers, std::span<const staff_id> coaches,
    intervision_group_id first_id);

}  // namespace peerkit

#ifndef PEERKIT_COMPILED
#include <peerkit/supervision/rosters-inl.hpp>
#endif
