#pragma once
// A school that every shipped preset can run a whole year on: two first-year classes for
// peer leaders, first-years whose needs ask for a peer buddy, an international transition
// class (ISK) of newcomers for newcomer buddies, and upper-year candidates who apply for
// whichever roles a programme runs.

#include <cstdint>
#include <string>
#include <vector>

#include <peerkit/calendar/holiday_reader.hpp>
#include <peerkit/programme/programme.hpp>

namespace preset_test {

using namespace peerkit;

inline constexpr staff_id coordinator{1}, coach_a{2}, coach_b{3}, mentor_1a{4}, mentor_1b{5};
inline constexpr class_id class_1a{1}, class_1b{2}, class_4h{3}, class_isk{4};

/// Candidates for each role a programme runs.
inline constexpr std::uint32_t candidates_per_role = 4;

/// Every trait a shipped profile asks for or welcomes.
inline const std::vector<std::string> profile_traits{
    "takes_initiative",       "emotionally_stable",     "empathy",  "socially_skilled",
    "intercultural_interest", "problem_solving",        "flexible", "communicative",
    "plans_and_organises",    "likes_working_together", "patient",  "talks_easily"};

inline student pupil(std::uint32_t id, class_id c, int year, school_track track) {
  student s;
  s.id = student_id{id};
  s.name = "Student " + std::to_string(id);
  s.gender = id % 2 == 0 ? gender_identity::female : gender_identity::male;
  s.birth_date = date(static_cast<unsigned short>(2013 - (year - 1)), 3, 1);
  s.year = year;
  s.track = track;
  s.class_of = c;
  s.available = {true, true};
  s.consent = consent{consent_giver::parent, date(2025, 8, 1), std::nullopt};
  return s;
}

/// Twelve upper-years candidates in 4H (ids 101-112), six first-years in 1A and 1B of whom three
/// need a buddy (ids 201-206), and four newcomers in ISK-1 (ids 301-304).
inline school preset_school() {
  school s;
  s.name = "Preset College";
  s.staff = {{coordinator, "Coordinator", {staff_role::coordinator}, coach_a},
             {coach_a, "Coach A", {staff_role::teacher_coach}, coach_b},
             {coach_b, "Coach B", {staff_role::teacher_coach}, coach_a},
             {mentor_1a, "Mentor 1A", {staff_role::class_mentor}, coordinator},
             {mentor_1b, "Mentor 1B", {staff_role::class_mentor}, coordinator}};
  s.classes = {{class_1a, "1A", 1, school_track::havo, mentor_1a, ""},
               {class_1b, "1B", 1, school_track::havo, mentor_1b, ""},
               {class_4h, "4H", 4, school_track::havo, std::nullopt, ""},
               {class_isk, "ISK-1", 1, school_track::isk, std::nullopt, "ISK building"}};
  for (std::uint32_t i = 0; i < 3 * candidates_per_role; ++i) {
    auto c = pupil(101 + i, class_4h, 4, school_track::havo);
    c.grades = {{"maths", 7.0}, {"dutch", 6.5}, {"english", 7.5}};
    for (const auto& t : profile_traits) c.traits.push_back({t, 4});
    // Outgoing from 2 to 5 within each role's candidates: leaders complement each other.
    c.traits.push_back({"outgoing", static_cast<int>(2 + i % candidates_per_role)});
    c.interests = {i % 2 == 0 ? "football" : "music"};
    c.offers = {"making friends"};
    c.languages = language_data{{"dutch", i % 3 == 0 ? "arabic" : "english"}};
    s.students.push_back(c);
  }
  const std::vector<need> needs_of_first_years{need::bullied, need::personal_problems,
                                               need::autism};
  for (std::uint32_t i = 0; i < 6; ++i) {
    auto f = pupil(201 + i, i < 3 ? class_1a : class_1b, 1, school_track::havo);
    if (i % 2 == 0) f.needs = needs_data{{needs_of_first_years[i / 2]}};
    f.interests = {i % 3 == 0 ? "football" : "music"};
    s.students.push_back(f);
  }
  for (std::uint32_t i = 0; i < 4; ++i) {
    auto n = pupil(301 + i, class_isk, 1, school_track::isk);
    n.languages = language_data{{i % 2 == 0 ? "arabic" : "tigrinya"}};
    n.wants = {"making friends"};
    s.students.push_back(n);
  }
  return s;
}

/// The coordinator's records for a programme that runs `roles`: for each role in turn the
/// next four candidates apply, are interviewed (every profile trait rated 4) and complete
/// the role's training in weekly sessions from 8 September, before the pairing day.
inline programme_data preset_data(const std::vector<role_entry>& roles) {
  programme_data d;
  d.year = school_year{2025};
  d.pairing_date = date(2025, 10, 1);
  std::uint32_t next = 101;
  for (const auto& role : roles)
    for (std::uint32_t k = 0; k < candidates_per_role; ++k, ++next) {
      application a;
      a.id = application_id{next};
      a.applicant = student_id{next};
      a.role = role.kind;
      interview held{interview_format::individual, {}, coach_a, date(2025, 9, 1)};
      for (const auto& t : profile_traits) held.ratings.push_back({t, 4});
      record_interview(a, held, default_rating_scale);
      d.applications.push_back(a);
      for (int session = 0; session < role.parameters.training.sessions; ++session)
        d.training.record({a.applicant, role.kind,
                           date(2025, 9, 8) + boost::gregorian::weeks(session),
                           role.parameters.training.minutes_per_session});
    }
  return d;
}

/// The shipped holidays of region midden.
inline school_calendar preset_calendar() {
  return {
      holiday_region::midden,
      read_holidays_file(std::string(PEERKIT_SOURCE_DIR) + "/examples/data/school_holidays_nl.csv"),
      {}};
}

}  // namespace preset_test
