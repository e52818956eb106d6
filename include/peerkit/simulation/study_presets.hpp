#pragma once
// Programmes that studies describe, as the model runs them: the programme by counts on a
// holiday region's calendar and the model's numbers for it. They are what the model is
// calibrated against (docs/calibration.md): a preset's numbers are tuned to its study,
// while the defaults of parameters.hpp stay as their sources give them.
//
// The years are placed on the 2025-2026 school year of the shipped Dutch holidays
// (examples/data/school_holidays_nl.csv), so holidays pause meetings as they would in a
// Dutch school today.

#include <array>
#include <string_view>

#include <peerkit/calendar/school_year.hpp>
#include <peerkit/core/region.hpp>
#include <peerkit/core/roles.hpp>
#include <peerkit/simulation/parameters.hpp>
#include <peerkit/simulation/population.hpp>

namespace peerkit {

/// A programme a study describes and the model's numbers for it.
struct study_preset {
  std::string_view name;   ///< a short key
  std::string_view study;  ///< the study it follows
  holiday_region region = holiday_region::midden;
  synthetic_programme programme{};
  model_parameters parameters{};
};

/// The US Department of Education's Student Mentoring Program, evaluated by random
/// assignment (Bernstein et al. 2009; 2,573 students in grades 4–8, 32 grantees).
/// Mentored students met 4.4 times a month for 5.8 months on average, where a whole school
/// year was planned, and 14% of the students assigned a mentor never got one.
///
/// The year: matches start in mid-November, when recruiting, consent, random assignment
/// and matching have taken the first months of the school year (the study gives the mean
/// length, not the start: an assumption), and support ends with the US school year in
/// mid-June. 80 of 100 students are matched at the start; 20 wait, and 14 reserve mentors
/// reach some of them during the year (weekly_late_match) while also serving rematches.
/// Pairs meet nearly every planned week (meeting_attendance 0.97): the study's 4.4 a month
/// is above one a week, which a weekly plan reaches only by holding every meeting.
/// Matches end early more often than the defaults give (monthly_closure_hazard 0.05, about
/// 30% within the year, the low end of the 30–50% that DeWit et al. 2016 summarise).
[[nodiscard]] inline study_preset us_school_mentoring_preset() {
  study_preset s{"us_school_mentoring", "Bernstein et al. 2009", holiday_region::midden, {}, {}};
  s.programme.role = supporter_role::peer_mentor;
  s.programme.pairs = 80;
  s.programme.waiting = 20;
  s.programme.reserves = 14;
  s.programme.coaches = 4;
  s.programme.interval_weeks = 4;
  // 3.4 hours of pre-match training on average.
  s.programme.training_sessions = 1;
  s.programme.first_day = date(2025, 11, 18);
  s.programme.last_day = date(2026, 6, 12);
  s.parameters.meeting_attendance = 0.97;
  s.parameters.monthly_closure_hazard = 0.05;
  s.parameters.weekly_late_match = 0.2;
  return s;
}

/// SMILE, a school-based mentoring programme evaluated by random assignment in 19 schools
/// (Karcher 2008; 516 students). Mentors had a one-hour orientation, retention of mentors
/// was a problem, and matches lasted about three months with about 8 meetings: the
/// pessimistic case.
///
/// The year: matches start in mid-October and are planned to the end of the school year;
/// no intervision after the orientation (one session, then none within the year), about
/// two meetings of three held, and a high closure hazard for mentors who drift away.
/// No rematching: the programme had too few mentors.
[[nodiscard]] inline study_preset smile_preset() {
  study_preset s{"smile", "Karcher 2008", holiday_region::midden, {}, {}};
  s.programme.role = supporter_role::peer_mentor;
  s.programme.pairs = 100;
  s.programme.coaches = 4;
  s.programme.interval_weeks = 52;
  s.programme.training_sessions = 1;
  s.programme.first_day = date(2025, 10, 14);
  s.programme.last_day = date(2026, 6, 12);
  s.parameters.meeting_attendance = 0.7;
  s.parameters.monthly_closure_hazard = 0.18;
  s.parameters.rematching = 0;
  return s;
}

/// Newcomer buddies at Hoofdvaart College (source 001): 15 upper-years students chosen and
/// trained in two sessions of four hours, 14 pairs with students of the newcomer class
/// from the end of November (one chosen buddy not needed), intervision monthly after the
/// first weeks, and one pair of the 14 stopped during the year. The model's numbers are
/// its defaults: Hoofdvaart checks them, it does not tune them. Hoofddorp lies in the
/// holiday region noord; support ends on the last teaching day before the summer.
[[nodiscard]] inline study_preset hoofdvaart_preset() {
  study_preset s{"hoofdvaart", "source 001 (Hoofdvaart College)", holiday_region::noord, {}, {}};
  s.programme.role = supporter_role::newcomer_buddy;
  s.programme.pairs = 14;
  s.programme.reserves = 1;
  s.programme.coaches = 1;
  s.programme.interval_weeks = 4;
  s.programme.training_sessions = 2;
  s.programme.first_day = date(2025, 11, 25);
  s.programme.last_day = date(2026, 7, 3);
  return s;
}

/// Every study preset, in the order docs/calibration.md lists them.
[[nodiscard]] inline std::array<study_preset, 3> study_presets() {
  return {us_school_mentoring_preset(), smile_preset(), hoofdvaart_preset()};
}

}  // namespace peerkit
