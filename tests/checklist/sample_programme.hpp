#pragma once
// A sample school year 2025-26 whose programme satisfies every derived checklist item:
// peer leaders for two first-year classes and newcomer buddies for an ISK class.
// Tests change one thing at a time and look at the outcome.

#include <peerkit/checklist/programme_facts.hpp>
#include <peerkit/core/school.hpp>
#include <vector>

namespace sample {

using peerkit::date;
namespace greg = boost::gregorian;

inline constexpr peerkit::staff_id coordinator{1}, coach_a{2}, coach_b{3}, mentor_1a{4},
    mentor_1b{5}, care{6}, spare{7};
inline constexpr peerkit::class_id class_1a{1}, class_1b{2}, class_3h{3}, class_3k{4}, class_isk{5};

inline date day(int y, int m, int d) {
  return date(static_cast<unsigned short>(y), static_cast<unsigned short>(m),
              static_cast<unsigned short>(d));
}

inline peerkit::student pupil(std::uint32_t id, int year, peerkit::school_track track,
                              peerkit::class_id c) {
  peerkit::student st;
  st.id = peerkit::student_id{id};
  st.name = "student " + std::to_string(id);
  st.year = year;
  st.track = track;
  st.class_of = c;
  return st;
}

inline peerkit::school school() {
  using peerkit::school_track;
  using peerkit::staff_role;
  peerkit::school s;
  s.name = "Sample College";
  s.staff = {
      {coordinator, "Anna de Vries", {staff_role::coordinator}, spare},
      {coach_a, "Bram Jansen", {staff_role::teacher_coach}, coach_b},
      {coach_b, "Chris Bakker", {staff_role::teacher_coach}, coach_a},
      {mentor_1a, "Dewi Visser", {staff_role::class_mentor}, spare},
      {mentor_1b, "Emre Smit", {staff_role::class_mentor}, spare},
      {care, "Fleur Mulder", {staff_role::care_coordinator}, coordinator},
      {spare, "Gijs de Boer", {}, std::nullopt},
  };
  s.classes = {
      {class_1a, "1A", 1, school_track::havo, mentor_1a, ""},
      {class_1b, "1B", 1, school_track::havo, mentor_1b, ""},
      {class_3h, "3H", 3, school_track::havo, std::nullopt, ""},
      {class_3k, "3K", 3, school_track::vmbo_kader, std::nullopt, ""},
      {class_isk, "ISK-2", 1, school_track::isk, std::nullopt, "ISK building"},
  };
  for (std::uint32_t id = 101; id <= 104; ++id)
    s.students.push_back(pupil(id, 3, school_track::havo, class_3h));
  for (std::uint32_t id = 201; id <= 203; ++id)
    s.students.push_back(pupil(id, 3, school_track::vmbo_kader, class_3k));
  for (std::uint32_t id = 301; id <= 304; ++id)
    s.students.push_back(pupil(id, 1, school_track::isk, class_isk));
  return s;
}

/// Holidays of region midden in 2025-26, as whole weeks with their weekends.
inline std::vector<peerkit::day_range> holidays() {
  return {{day(2025, 10, 18), day(2025, 10, 26)},
          {day(2025, 12, 20), day(2026, 1, 4)},
          {day(2026, 2, 14), day(2026, 2, 22)},
          {day(2026, 4, 25), day(2026, 5, 3)}};
}

inline bool in_holiday_week(date d) {
  for (const auto& h : holidays())
    if (h.contains(d)) return true;
  return false;
}

/// A session every `weeks` school weeks on the weekday of `first`, up to `last`.
inline std::vector<date> every(int weeks, date first, date last) {
  std::vector<date> dates;
  for (date d = first; d <= last;) {
    dates.push_back(d);
    for (int w = 0; w < weeks; ++w) {
      d += greg::days(7);
      while (in_holiday_week(d)) d += greg::days(7);
    }
  }
  return dates;
}

inline peerkit::support_pair leader_duo(std::uint32_t id, std::uint32_t a, std::uint32_t b,
                                        peerkit::class_id c) {
  peerkit::support_pair p;
  p.id = peerkit::pair_id{id};
  p.role = peerkit::supporter_role::peer_leader;
  p.supporters = {peerkit::student_id{a}, peerkit::student_id{b}};
  p.class_served = c;
  p.started = day(2025, 8, 25);
  return p;
}

inline peerkit::support_pair buddy_pair(std::uint32_t id, std::uint32_t buddy,
                                        std::vector<std::uint32_t> newcomers) {
  peerkit::support_pair p;
  p.id = peerkit::pair_id{id};
  p.role = peerkit::supporter_role::newcomer_buddy;
  p.supporters = {peerkit::student_id{buddy}};
  p.started = day(2025, 11, 3);
  for (auto n : newcomers) p.supportees.push_back(peerkit::student_id{n});
  return p;
}

inline peerkit::programme_facts facts() {
  using peerkit::supporter_role;
  peerkit::programme_facts f;
  f.roles = peerkit::runtime_roles::of(
                {supporter_role::peer_leader, supporter_role::newcomer_buddy})
                .roles();
  for (std::uint32_t id = 101; id <= 104; ++id)
    f.supporters.push_back(
        {peerkit::student_id{id}, supporter_role::peer_leader, day(2025, 6, 2), day(2025, 6, 20)});
  for (std::uint32_t id = 201; id <= 203; ++id)
    f.supporters.push_back({peerkit::student_id{id}, supporter_role::newcomer_buddy,
                            day(2025, 10, 6), day(2025, 10, 30)});
  f.pairs = {leader_duo(1, 101, 102, class_1a), leader_duo(2, 103, 104, class_1b),
             buddy_pair(3, 201, {301}), buddy_pair(4, 202, {302}), buddy_pair(5, 203, {303, 304})};
  f.intervision = {
      {supporter_role::peer_leader, 1, every(2, day(2025, 9, 11), day(2026, 6, 26))},
      {supporter_role::newcomer_buddy, 1, every(4, day(2025, 11, 6), day(2026, 6, 26))},
      {supporter_role::newcomer_buddy, 2, every(3, day(2025, 11, 6), day(2026, 6, 26))},
  };
  f.periods = {{supporter_role::peer_leader, {day(2025, 9, 1), day(2026, 6, 26)}},
               {supporter_role::newcomer_buddy, {day(2025, 11, 3), day(2026, 6, 26)}}};
  f.breaks = holidays();
  return f;
}

}  // namespace sample
