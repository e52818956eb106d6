#pragma once
// Definitions of rosters.hpp: inline here in header-only mode, compiled once into
// peerkit::compiled when PEERKIT_COMPILED is defined (see config.hpp).

#include <peerkit/config.hpp>
#include <peerkit/supervision/rosters.hpp>

namespace peerkit {

PEERKIT_INLINE std::vector<intervision_roster> rosters_from_schedule(
    const programme_year& year, supporter_role role, std::span<const student_id> supporters,
    std::span<const student_id> newcomers, std::span<const staff_id> coaches,
    intervision_group_id first_id) {
  const auto round = std::find_if(
      year.events.begin(), year.events.end(), [role](const programme_event& e) {
        return e.kind == programme_event_kind::first_meeting_round && e.role == role;
      });
  if (round == year.events.end())
    throw error("supervision.not_scheduled", "programme_year.events",
                (safe_text{} << "the year has no first meeting round for " << role).str());

  std::vector<intervision_roster> rosters;
  std::vector<int> planned;
  for (const auto& g : year.groups) {
    if (g.role != role) continue;
    if (g.coach < 1 || static_cast<std::size_t>(g.coach) > coaches.size())
      throw error(
          "supervision.missing_coach", "coaches",
          (safe_text{} << "group " << g.number << " of " << role << " is led by teacher coach "
                       << g.coach << ", " << coaches.size() << " coaches were given")
              .str());
    intervision_roster r;
    r.id = intervision_group_id(first_id.value() + static_cast<std::uint32_t>(rosters.size()));
    r.role = role;
    r.coach = coaches[static_cast<std::size_t>(g.coach - 1)];
    r.started = round->day;
    r.number = g.number;
    r.newcomers = g.newcomers;
    if (g.newcomers) r.members.assign(newcomers.begin(), newcomers.end());
    rosters.push_back(std::move(r));
    planned.push_back(g.newcomers ? 0 : g.members);
  }

  if (!supporters.empty() && std::none_of(rosters.begin(), rosters.end(),
                                          [](const intervision_roster& r) { return !r.newcomers; }))
    throw error("supervision.not_scheduled", "programme_year.groups",
                (safe_text{} << "the year plans no intervision group for " << role << "'s "
                             << supporters.size() << " supporters")
                    .str());
  std::size_t next = 0;
  for (std::size_t i = 0; i < rosters.size(); ++i)
    for (int n = 0; n < planned[i] && next < supporters.size(); ++n)
      rosters[i].members.push_back(supporters[next++]);
  std::vector<std::size_t> regular;
  for (std::size_t i = 0; i < rosters.size(); ++i)
    if (!rosters[i].newcomers) regular.push_back(i);
  for (std::size_t turn = 0; next < supporters.size() && !regular.empty(); ++turn)
    rosters[regular[turn % regular.size()]].members.push_back(supporters[next++]);
  return rosters;
}

}  // namespace peerkit
