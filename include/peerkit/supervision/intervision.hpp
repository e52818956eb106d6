#pragma once
// Intervision (source 000 step 6, 001): supporters meet regularly with their teacher
// coach to bring up difficult situations. All peer leaders meet together, buddies in
// groups of about five; a confidential teacher or care coordinator may join. Afterwards
// the coach discusses the outcomes with the class mentors of the supportees.

#include <algorithm>
#include <vector>

#include <peerkit/core/roles.hpp>
#include <peerkit/core/strong_id.hpp>
#include <peerkit/core/student.hpp>
#include <peerkit/supervision/ids.hpp>

namespace peerkit {

/// A group that meets for intervision under one teacher coach: who is in it, as the
/// programme runs. (calendar/programme_schedule.hpp plans groups by number and size;
/// rosters.hpp fills those plans with people.)
struct intervision_roster {
  intervision_group_id id;
  supporter_role role = supporter_role::peer_buddy;  ///< whose cadence the group follows
  staff_id coach;
  std::vector<student_id> members;  ///< supporters; the newcomers' own group lists newcomers
  date started;                     ///< from here the first session is due
  int number = 0;                   ///< its number within the role in the programme year's schedule
  bool newcomers = false;           ///< the newcomers' own group (source 001)

  [[nodiscard]] bool has_member(student_id s) const noexcept {
    return std::find(members.begin(), members.end(), s) != members.end();
  }
  friend bool operator==(const intervision_roster&, const intervision_roster&) = default;
};

/// One session and who came.
struct intervision_session {
  intervision_group_id group;
  date held_on;
  std::vector<student_id> present;
  std::vector<staff_id>
      staff_present;  ///< the coach, and a confidential teacher or care coordinator who joined

  [[nodiscard]] bool was_present(student_id s) const noexcept {
    return std::find(present.begin(), present.end(), s) != present.end();
  }
  friend bool operator==(const intervision_session&, const intervision_session&) = default;
};

/// The coach discussed a session's outcomes with a supportee's class mentor.
struct mentor_follow_up {
  intervision_group_id group;
  date session_on;  ///< the session discussed
  staff_id coach;
  staff_id mentor;
  date on;
  friend bool operator==(const mentor_follow_up&, const mentor_follow_up&) = default;
};

/// Days allowed before the next session when `sessions_held` sessions have taken place:
/// the initial interval for the first `initial_sessions`, then the longest regular one.
[[nodiscard]] constexpr int intervision_interval_days(const intervision_cadence& c,
                                                      int sessions_held) noexcept {
  return 7 * (sessions_held < c.initial_sessions ? c.initial_interval_weeks : c.interval_weeks.max);
}

}  // namespace peerkit
