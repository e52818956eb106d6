#pragma once
// A small school running peer buddies, newcomer buddies and peer leaders in 2025-2026,
// shared by the supervision and privacy tests.

#include <string>
#include <vector>

#include <peerkit/calendar/school_calendar.hpp>
#include <peerkit/core/consent.hpp>
#include <peerkit/core/safe_text.hpp>
#include <peerkit/core/school.hpp>
#include <peerkit/privacy/access_policy.hpp>
#include <peerkit/privacy/pseudonym.hpp>
#include <peerkit/privacy/research_export.hpp>
#include <peerkit/privacy/retention.hpp>
#include <peerkit/privacy/views.hpp>
#include <peerkit/privacy/withdrawal.hpp>
#include <peerkit/supervision/cadence.hpp>
#include <peerkit/supervision/closure.hpp>
#include <peerkit/supervision/contact_log.hpp>
#include <peerkit/supervision/escalation.hpp>
#include <peerkit/supervision/evaluation.hpp>
#include <peerkit/supervision/indicators.hpp>
#include <peerkit/supervision/intervision.hpp>
#include <peerkit/supervision/limits.hpp>
#include <peerkit/supervision/records.hpp>
#include <peerkit/supervision/rosters.hpp>
#include <peerkit/supervision/school_breaks.hpp>

namespace fixture {

using namespace peerkit;
using boost::gregorian::date;
using boost::gregorian::days;

inline date d(int y, int m, int day) { return date(y, m, day); }

/// The day the pairs start: Monday 6 October 2025.
inline const date start = d(2025, 10, 6);

inline constexpr staff_id coordinator_id{10};
inline constexpr staff_id mentor_1a{11};
inline constexpr staff_id mentor_1b{12};
inline constexpr staff_id mentor_3c{13};
inline constexpr staff_id mentor_isk{14};
inline constexpr staff_id coach_a{20};
inline constexpr staff_id coach_b{21};
inline constexpr staff_id care_coordinator_id{30};
inline constexpr staff_id confidential_id{31};

inline constexpr student_id buddy_1{101};
inline constexpr student_id buddy_2{102};
inline constexpr student_id isk_buddy{103};
inline constexpr student_id leader_1{104};
inline constexpr student_id leader_2{105};
inline constexpr student_id supportee_1{201};
inline constexpr student_id supportee_2{202};
inline constexpr student_id newcomer_1{204};
inline constexpr student_id newcomer_2{205};

inline constexpr pair_id pair_1{1};         // buddy_1 -> supportee_1 (class 1A)
inline constexpr pair_id pair_2{2};         // buddy_2 -> supportee_2 (class 1B)
inline constexpr pair_id newcomer_pair{3};  // isk_buddy -> newcomer_1, newcomer_2 (a triple)
inline constexpr pair_id duo_pair{4};       // leader_1 + leader_2 -> class 1B

inline constexpr intervision_group_id buddies_group{1};   // coach_a: buddy_1, buddy_2
inline constexpr intervision_group_id newcomer_group{2};  // coach_b: isk_buddy
inline constexpr intervision_group_id leaders_group{3};   // coach_a: leader_1, leader_2

inline student make_student(student_id id, std::string name, class_id cls, int year,
                            school_track track, date born) {
  student s;
  s.id = id;
  s.name = std::move(name);
  s.class_of = cls;
  s.year = year;
  s.track = track;
  s.birth_date = born;
  give_consent(s, required_giver(s, d(2025, 9, 1)), d(2025, 9, 1));
  return s;
}

inline school make_school() {
  school s;
  s.name = "Hoofdvaart test school";
  s.classes = {
      {class_id{1}, "1A", 1, school_track::havo, mentor_1a, ""},
      {class_id{2}, "1B", 1, school_track::havo, mentor_1b, ""},
      {class_id{3}, "3C", 3, school_track::vmbo_kader, mentor_3c, ""},
      {class_id{4}, "ISK-2", 1, school_track::isk, mentor_isk, "ISK building"},
  };
  s.staff = {
      {coordinator_id, "Ivanna Quax", {staff_role::coordinator}, std::nullopt},
      {mentor_1a, "Mentor Een", {staff_role::class_mentor}, std::nullopt},
      {mentor_1b, "Mentor Twee", {staff_role::class_mentor}, std::nullopt},
      {mentor_3c, "Mentor Drie", {staff_role::class_mentor}, std::nullopt},
      {mentor_isk, "Astrid van Dijk", {staff_role::class_mentor}, std::nullopt},
      {coach_a, "Coach Annemiek", {staff_role::teacher_coach}, std::nullopt},
      {coach_b, "Coach Bram", {staff_role::teacher_coach, staff_role::class_mentor}, std::nullopt},
      {care_coordinator_id, "Zorg Coordinator", {staff_role::care_coordinator}, std::nullopt},
      {confidential_id, "Vertrouwens Docent", {staff_role::confidential_teacher}, std::nullopt},
  };
  s.students = {
      make_student(buddy_1, "Brenda Buddy", class_id{3}, 3, school_track::vmbo_kader,
                   d(2010, 3, 14)),
      make_student(buddy_2, "Bas Buddy", class_id{3}, 3, school_track::vmbo_kader, d(2009, 8, 2)),
      make_student(isk_buddy, "Nina Nieuwkomersbuddy", class_id{3}, 3, school_track::vmbo_kader,
                   d(2010, 1, 20)),
      make_student(leader_1, "Lars Leader", class_id{3}, 3, school_track::vmbo_kader,
                   d(2010, 5, 5)),
      make_student(leader_2, "Lotte Leader", class_id{3}, 3, school_track::vmbo_kader,
                   d(2010, 6, 6)),
      make_student(supportee_1, "Sam Supportee", class_id{1}, 1, school_track::havo, d(2013, 4, 1)),
      make_student(supportee_2, "Sara Supportee", class_id{2}, 1, school_track::havo,
                   d(2013, 9, 9)),
      make_student(newcomer_1, "Zeinab Newcomer", class_id{4}, 1, school_track::isk, d(2011, 2, 2)),
      make_student(newcomer_2, "Omar Newcomer", class_id{4}, 1, school_track::isk, d(2011, 7, 7)),
  };
  // Special-category data the programme must never leak.
  auto& sam = s.students[5];
  sam.needs = needs_data{{need::autism, need::bullied}};
  auto& zeinab = s.students[7];
  zeinab.origin = origin_data{std::string("Syria")};
  zeinab.languages = language_data{{"Arabic", "Kurdish"}};
  zeinab.groups = group_data{{"Yazidi"}};
  return s;
}

inline support_pair make_support_pair(pair_id id, supporter_role role,
                                      std::vector<student_id> supporters,
                                      std::vector<student_id> supportees,
                                      std::optional<class_id> served = std::nullopt) {
  support_pair p;
  p.id = id;
  p.role = role;
  p.supporters = std::move(supporters);
  p.supportees = std::move(supportees);
  p.class_served = served;
  p.started = start;
  return p;
}

inline programme_records make_records() {
  programme_records r;
  r.pairs = {
      make_support_pair(pair_1, supporter_role::peer_buddy, {buddy_1}, {supportee_1}),
      make_support_pair(pair_2, supporter_role::peer_buddy, {buddy_2}, {supportee_2}),
      make_support_pair(newcomer_pair, supporter_role::newcomer_buddy, {isk_buddy},
                        {newcomer_1, newcomer_2}),
      make_support_pair(duo_pair, supporter_role::peer_leader, {leader_1, leader_2}, {},
                        class_id{2}),
  };
  r.groups = {
      {buddies_group, supporter_role::peer_buddy, coach_a, {buddy_1, buddy_2}, start, 1, false},
      {newcomer_group, supporter_role::newcomer_buddy, coach_b, {isk_buddy}, start, 1, false},
      {leaders_group, supporter_role::peer_leader, coach_a, {leader_1, leader_2}, start, 1, false},
  };
  for (const auto& p : r.pairs) r.notices.push_back({p.id, start});
  return r;
}

inline contact_record contact(pair_id p, date on, int minutes = 60,
                              topic_set topics = {contact_topic::homework_planning},
                              bool needs_adult = false,
                              contact_kind kind = contact_kind::at_school) {
  return {p, on, minutes, kind, topics, needs_adult};
}

inline const staff_member& staff(const school& s, staff_id id) { return *s.find(id); }

/// Names and special-category values of the fixture that no output may contain.
inline std::vector<std::string> secrets() {
  return {"Brenda",  "Bas",    "Nina",   "Lars",    "Lotte",    "Sam",   "Sara",
          "Zeinab",  "Omar",   "Quax",   "Astrid",  "Annemiek", "Syria", "Arabic",
          "Kurdish", "Yazidi", "autism", "bullied", "1A",       "ISK-2"};
}

}  // namespace fixture
