#include <algorithm>
#include <limits>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include <peerkit/calendar/holiday_reader.hpp>
#include <peerkit/calendar/icalendar.hpp>
#include <peerkit/calendar/programme_schedule.hpp>

using namespace peerkit;
using boost::gregorian::date;
using k = programme_event_kind;

namespace {
const std::vector<holiday_period>& shipped() {
  static const auto all = read_holidays_file(std::string(PEERKIT_SOURCE_DIR) +
                                             "/examples/data/school_holidays_nl.csv");
  return all;
}
school_calendar calendar_for(holiday_region r) { return {r, shipped(), {}}; }

std::vector<scheduled_role> three_roles() {
  return {scheduled_role_of<peer_leader>(16, 2), scheduled_role_of<peer_buddy>(15, 3),
          scheduled_role_of<newcomer_buddy>(14, 2)};
}

std::vector<programme_event> of(const programme_year& y, k kind,
                                std::optional<supporter_role> role = std::nullopt, int group = 0) {
  std::vector<programme_event> out;
  for (const auto& e : y.events)
    if (e.kind == kind && (!role || e.role == role) && (group == 0 || e.group == group))
      out.push_back(e);
  return out;
}

/// Index of the teaching week holding `d`.
int week_index(const teaching_year& t, date d) {
  for (std::size_t i = 0; i < t.weeks.size(); ++i)
    if (std::find(t.weeks[i].days.begin(), t.weeks[i].days.end(), d) != t.weeks[i].days.end())
      return static_cast<int>(i);
  FAIL("not a teaching day: " << to_iso_extended_string(d));
  return -1;
}
}  // namespace

TEST_CASE(
    "calendar: a programme year places nothing on a holiday or public holiday, in every region") {
  for (const auto region : all_holiday_regions) {
    CAPTURE(key_of(region));
    const auto cal = calendar_for(region);
    const auto year = schedule_programme_year(cal, school_year{2025}, three_roles());
    REQUIRE(year.outcome == schedule_outcome::scheduled);
    REQUIRE(year.events.size() > 200);
    for (const auto& e : year.events) {
      CAPTURE(event_id(year.year, e), to_iso_extended_string(e.day));
      for (int d = 0; d < e.days; ++d)
        REQUIRE(is_teaching_day(cal, e.day + boost::gregorian::days(d)));
    }
    CHECK(std::is_sorted(
        year.events.begin(), year.events.end(),
        [](const programme_event& a, const programme_event& b) { return a.day < b.day; }));
    std::set<std::string> ids;
    for (const auto& e : year.events) REQUIRE(ids.insert(event_id(year.year, e)).second);
  }
}

TEST_CASE(
    "calendar: training comes before the first meeting round, which comes before weekly meetings") {
  const auto cal = calendar_for(holiday_region::zuid);
  const auto year = schedule_programme_year(cal, school_year{2025}, three_roles());
  for (const auto& r : three_roles()) {
    const auto role = r.role.kind;
    CAPTURE(key_of(role));
    auto trainings = of(year, k::training, role);
    const auto joint = of(year, k::joint_training, role);
    trainings.insert(trainings.end(), joint.begin(), joint.end());
    REQUIRE(static_cast<int>(trainings.size()) == r.role.parameters.training.sessions);
    const auto rounds = of(year, k::first_meeting_round, role);
    REQUIRE(rounds.size() == 1);
    const auto meetings = of(year, k::pair_meeting, role);
    REQUIRE_FALSE(meetings.empty());
    for (const auto& t : trainings) {
      CHECK(t.day < rounds[0].day);
      CHECK(t.duration ==
            boost::posix_time::minutes(r.role.parameters.training.minutes_per_session));
    }
    CHECK(rounds[0].day < meetings.front().day);
    for (const auto& i : of(year, k::intervision, role)) CHECK(i.day > rounds[0].day);
  }
  // Newcomer buddies: three half-days; the newcomers are prepared in the same weeks and the
  // last half-day is joint.
  const auto nb = supporter_role::newcomer_buddy;
  const auto joint = of(year, k::joint_training, nb);
  REQUIRE(joint.size() == 1);
  REQUIRE(of(year, k::training, nb).size() == 2);
  REQUIRE(of(year, k::newcomer_training, nb).size() == 2);
  for (const auto& e : of(year, k::newcomer_training, nb)) CHECK(e.day < joint[0].day);
  CHECK(joint[0].duration == boost::posix_time::hours(4));
  // The first week of Zuid 2025-2026 starts on 18 August; training is on Wednesdays.
  CHECK(of(year, k::training, supporter_role::peer_buddy).front().day == date(2025, 8, 20));
}

TEST_CASE("calendar: the first pairing comes after the programme's last training session") {
  // Source 000 step 6: "Hebben de peer leaders en peer buddy's eenmaal met goed gevolg hun
  // training doorlopen, dan kunnen ze aan de slag. Dat wil zeggen: na een koppeling aan een
  // mede-peer en brugklas resp. aan een individuele leerling." Source 001: after the
  // training "volgde een kennismakingsronde ... en koppelden". The programme pairs all its
  // roles on one day, so every role's round follows the newcomer buddies' third half-day.
  programme_options options;
  options.start = date(2025, 9, 15);
  for (const auto region : all_holiday_regions) {
    CAPTURE(key_of(region));
    const auto year = schedule_programme_year(calendar_for(region), school_year{2025},
                                              three_roles(), options);
    date last_training = of(year, k::training).front().day;
    for (const auto kind : {k::training, k::newcomer_training, k::joint_training})
      for (const auto& e : of(year, kind)) last_training = std::max(last_training, e.day);
    const auto rounds = of(year, k::first_meeting_round);
    REQUIRE(rounds.size() == 3);
    for (const auto& r : rounds) {
      CHECK(r.day > last_training);
      CHECK(r.day == rounds[0].day);
    }
    // Support, and the intervision cadence with it, starts at the round.
    for (const auto& r : three_roles()) {
      const auto days = support_days_of(year, r.role.kind);
      REQUIRE(days);
      CHECK(days->first == rounds[0].day);
      CHECK(days->last == of(year, k::pair_meeting, r.role.kind).back().day);
      CHECK(of(year, k::intervision, r.role.kind).front().day > days->first);
    }
  }
  // Midden: training on 17 and 24 September and 1 October, the round on Tuesday 7 October.
  const auto midden = schedule_programme_year(calendar_for(holiday_region::midden),
                                              school_year{2025}, three_roles(), options);
  CHECK(of(midden, k::joint_training).front().day == date(2025, 10, 1));
  CHECK(of(midden, k::first_meeting_round).front().day == date(2025, 10, 7));
  CHECK_FALSE(support_days_of(midden, supporter_role::peer_tutor));
}

TEST_CASE("calendar: weekly meetings are held in every teaching week after the first round") {
  const auto cal = calendar_for(holiday_region::midden);
  const auto year = schedule_programme_year(cal, school_year{2025}, three_roles());
  const auto t = teaching_time(cal, school_year{2025});
  const auto meetings = of(year, k::pair_meeting, supporter_role::peer_buddy);
  const int round = week_index(t,
                               of(year, k::first_meeting_round, supporter_role::peer_buddy)[0].day);
  REQUIRE(static_cast<int>(meetings.size()) == t.week_count() - 1 - round);
  for (std::size_t i = 0; i < meetings.size(); ++i)
    CHECK(week_index(t, meetings[i].day) == round + 1 + static_cast<int>(i));
  // Tuesday 5 May 2026 is Liberation Day: the meeting moves to Wednesday 6 May.
  CHECK(std::any_of(meetings.begin(), meetings.end(),
                    [](const programme_event& e) { return e.day == date(2026, 5, 6); }));
  // Newcomer buddies meet after school hours.
  CHECK(of(year, k::pair_meeting, supporter_role::newcomer_buddy).front().start ==
        boost::posix_time::hours(15) + boost::posix_time::minutes(30));
}

TEST_CASE("calendar: intervision groups: all leaders together, buddies by about five per coach") {
  const auto year = schedule_programme_year(calendar_for(holiday_region::midden), school_year{2025},
                                            three_roles());
  const auto leaders = supporter_role::peer_leader;
  const auto buddies = supporter_role::peer_buddy;
  const auto nb = supporter_role::newcomer_buddy;
  CHECK(year.groups == std::vector<intervision_group>{
                           {leaders, false, 1, 1, 16},
                           {buddies, false, 1, 1, 5},
                           {buddies, false, 2, 2, 5},
                           {buddies, false, 3, 3, 5},
                           {nb, false, 1, 1, 5},
                           {nb, false, 2, 2, 5},
                           {nb, false, 3, 1, 4},
                           {nb, true, 4, 2, 0},
                       });
  // A coach never has two groups at once.
  for (const auto& day_events : [&] {
         std::map<date, std::vector<programme_event>> by_day;
         for (const auto& e : year.events)
           if (e.kind == k::intervision || e.kind == k::newcomer_intervision)
             by_day[e.day].push_back(e);
         return by_day;
       }()) {
    std::map<std::pair<supporter_role, int>, std::vector<boost::posix_time::time_duration>> starts;
    for (const auto& e : day_events.second) {
      const auto g = std::find_if(
          year.groups.begin(), year.groups.end(),
          [&](const intervision_group& x) { return x.role == *e.role && x.number == e.group; });
      REQUIRE(g != year.groups.end());
      auto& list = starts[{g->role, g->coach}];
      for (const auto s : list) CHECK((*e.start >= s + e.duration || *e.start + e.duration <= s));
      list.push_back(*e.start);
    }
  }
  // Group sizes round to the nearest number of groups of five.
  const auto sizes = [](int n) {
    const auto y = schedule_programme_year(calendar_for(holiday_region::noord), school_year{2025},
                                           {scheduled_role_of<peer_buddy>(n, 2)});
    std::vector<int> out;
    for (const auto& g : y.groups) out.push_back(g.members);
    return out;
  };
  CHECK(sizes(0).empty());
  CHECK(sizes(3) == std::vector<int>{3});
  CHECK(sizes(7) == std::vector<int>{7});
  CHECK(sizes(8) == std::vector<int>{4, 4});
  CHECK(sizes(12) == std::vector<int>{6, 6});
  CHECK(sizes(13) == std::vector<int>{5, 4, 4});
}

TEST_CASE("calendar: intervision keeps each role's cadence in teaching weeks") {
  const auto cal = calendar_for(holiday_region::noord);
  const auto t = teaching_time(cal, school_year{2025});
  const auto gaps = [&](const programme_year& y, supporter_role role, int group) {
    std::vector<int> out;
    int previous = week_index(t, of(y, k::first_meeting_round, role)[0].day);
    for (const auto& e : of(y, k::intervision, role, group)) {
      const int w = week_index(t, e.day);
      out.push_back(w - previous);
      previous = w;
    }
    return out;
  };
  const auto all = [](const std::vector<int>& v, int n) {
    return !v.empty() && std::all_of(v.begin(), v.end(), [n](int x) { return x == n; });
  };

  const auto year = schedule_programme_year(cal, school_year{2025}, three_roles());
  CHECK(all(gaps(year, supporter_role::peer_leader, 1), 2));  // every two weeks
  CHECK(all(gaps(year, supporter_role::peer_buddy, 3), 2));
  CHECK(all(gaps(year, supporter_role::newcomer_buddy, 1), 3));  // every 3-4 weeks: most often
  const auto newcomers = of(year, k::newcomer_intervision, supporter_role::newcomer_buddy);
  CHECK(newcomers.size() == of(year, k::intervision, supporter_role::newcomer_buddy, 1).size());

  programme_options seldom;
  seldom.cadence = cadence_choice::least_often;
  CHECK(all(gaps(schedule_programme_year(cal, school_year{2025}, three_roles(), seldom),
                 supporter_role::newcomer_buddy, 2),
            4));

  // Hoofdvaart: four times every two weeks, then monthly.
  auto hoofdvaart = scheduled_role_of<newcomer_buddy>(14, 1);
  hoofdvaart.role.parameters = hoofdvaart.role.parameters.with_intervision({4, 2, {4, 4}});
  const auto g = gaps(schedule_programme_year(cal, school_year{2025}, {hoofdvaart}),
                      supporter_role::newcomer_buddy, 1);
  REQUIRE(g.size() > 6);
  CHECK(std::vector<int>(g.begin(), g.begin() + 4) == std::vector<int>{2, 2, 2, 2});
  CHECK(all(std::vector<int>(g.begin() + 4, g.end()), 4));
}

TEST_CASE("calendar: bonding, project weeks and evaluations of a programme year") {
  const auto cal = calendar_for(holiday_region::midden);
  const auto t = teaching_time(cal, school_year{2025});
  const auto year = schedule_programme_year(cal, school_year{2025}, three_roles());
  const int first_round = week_index(
      t, of(year, k::first_meeting_round, supporter_role::peer_leader)[0].day);

  const auto bonding = of(year, k::bonding_activity);
  REQUIRE(bonding.size() == 4);
  for (const auto& b : bonding) {
    CHECK(week_index(t, b.day) > first_round);
    CHECK(week_index(t, b.day) <= first_round + 8);  // within two months
  }

  const auto weeks = of(year, k::project_week);
  const auto halves = of(year, k::shared_half_day);
  REQUIRE(weeks.size() >= 3);
  REQUIRE(halves.size() == weeks.size());
  int previous = week_index(t, t.weeks.front().days.front()) - 1;
  for (std::size_t i = 0; i < weeks.size(); ++i) {
    const int w = week_index(t, weeks[i].day);
    CHECK(weeks[i].days == 5);
    CHECK(!weeks[i].start.has_value());
    CHECK(weeks[i].day.day_of_week() == boost::gregorian::Monday);
    CHECK(w - previous >=
          10);  // every ten teaching weeks (later when the tenth is not a full week)
    CHECK(week_index(t, halves[i].day) == w);
    previous = w;
  }
  CHECK(weeks[0].day == date(2025, 11, 10));  // the tenth teaching week of Midden

  const auto interim = of(year, k::interim_evaluation);
  const auto final_ = of(year, k::final_evaluation);
  REQUIRE(interim.size() == 1);
  REQUIRE(final_.size() == 1);
  CHECK(week_index(t, final_[0].day) == t.week_count() - 1 - 2);
  CHECK(week_index(t, interim[0].day) > first_round);
  CHECK(interim[0].day < final_[0].day);
}

TEST_CASE("calendar: a programme year reports missing data and a year too short") {
  const auto missing = schedule_programme_year(calendar_for(holiday_region::zuid),
                                               school_year{2026}, three_roles());
  CHECK(missing.outcome == schedule_outcome::data_missing);
  CHECK(missing.events.empty());
  CHECK(missing.missing.size() == 2);

  programme_options late;
  late.start = date(2026, 6, 22);
  const auto short_year = schedule_programme_year(calendar_for(holiday_region::zuid),
                                                  school_year{2025}, three_roles(), late);
  CHECK(short_year.outcome == schedule_outcome::year_too_short);
  CHECK(short_year.events.empty());

  // A later start moves everything after it.
  programme_options october;
  october.start = date(2025, 10, 1);
  const auto y = schedule_programme_year(calendar_for(holiday_region::zuid), school_year{2025},
                                         three_roles(), october);
  REQUIRE(y.outcome == schedule_outcome::scheduled);
  CHECK(y.events.front().day >= date(2025, 10, 1));
}

TEST_CASE("calendar: a programme year rejects invalid roles and options") {
  auto bad = scheduled_role_of<peer_buddy>(-1, 0);
  bad.role.parameters.supportees_per_supporter = {3, 1};
  programme_options options;
  options.intervision_group_size = 0;
  options.start = date(2024, 9, 1);
  try {
    (void)schedule_programme_year(calendar_for(holiday_region::zuid), school_year{2025},
                                  {bad, scheduled_role_of<peer_buddy>(5)}, options);
    FAIL("expected peerkit::error");
  } catch (const error& e) {
    std::vector<std::string> got;
    for (const auto& p : e.problems()) got.push_back(p.id + " @ " + p.location);
    CHECK(got == std::vector<std::string>{"schedule.invalid_role @ roles[0].role",
                                          "schedule.out_of_range @ roles[0].supporters",
                                          "schedule.out_of_range @ roles[0].teacher_coaches",
                                          "schedule.duplicate_role @ roles[1].role",
                                          "schedule.out_of_range @ options.intervision_group_size",
                                          "schedule.out_of_range @ options.start"});
  }
  CHECK_THROWS_AS(
      schedule_programme_year(calendar_for(holiday_region::zuid), school_year{2025}, {}), error);
}

TEST_CASE("calendar: a programme year counts weeks without overflow at the largest settings") {
  constexpr int most = std::numeric_limits<int>::max();
  const auto cal = calendar_for(holiday_region::midden);
  programme_options options;
  options.intervision_group_size = most;
  options.bonding_weeks = most;
  options.project_week_interval = most;
  options.final_evaluation_weeks_before_end = 0;
  auto rare = scheduled_role_of<peer_buddy>(most, most);
  rare.role.parameters.intervision = {most, most, {most, most}};
  const auto year = schedule_programme_year(cal, school_year{2025}, {rare}, options);
  REQUIRE(year.outcome == schedule_outcome::scheduled);
  CHECK(year.groups.size() == 1);
  CHECK(of(year, k::intervision).empty());
  CHECK(of(year, k::project_week).empty());
  CHECK_FALSE(of(year, k::bonding_activity).empty());

  options.bonding_interval_weeks = most - 1;
  CHECK(of(schedule_programme_year(cal, school_year{2025}, {rare}, options), k::bonding_activity)
            .size() == 1);

  auto long_training = scheduled_role_of<peer_buddy>(5);
  long_training.role.parameters.training.sessions = most;
  CHECK(schedule_programme_year(cal, school_year{2025}, {long_training}).outcome ==
        schedule_outcome::year_too_short);
}

TEST_CASE("calendar: a programme year exports to iCalendar with one event each and stable UIDs") {
  const auto year = schedule_programme_year(calendar_for(holiday_region::noord), school_year{2025},
                                            three_roles());
  const auto events = to_calendar_events(year);
  REQUIRE(events.size() == year.events.size());
  const icalendar_options options{.dtstamp = boost::posix_time::ptime(date(2025, 8, 1)),
                                  .uid_namespace = "school.example"};
  const std::string text = to_icalendar(events, options);
  std::size_t count = 0;
  for (std::size_t at = text.find("BEGIN:VEVENT\r\n"); at != std::string::npos;
       at = text.find("BEGIN:VEVENT\r\n", at + 1))
    ++count;
  CHECK(count == year.events.size());
  CHECK(text ==
        to_icalendar(to_calendar_events(schedule_programme_year(calendar_for(holiday_region::noord),
                                                                school_year{2025}, three_roles())),
                     options));
  const auto project = std::find_if(events.begin(), events.end(),
                                    [](const calendar_event& e) { return e.days == 5; });
  REQUIRE(project != events.end());
  CHECK_FALSE(project->start.has_value());
  CHECK(project->categories == std::vector<std::string>{"project_week"});
  CHECK(events.front().id == "2025-2026/peer_leader/training/1");
  CHECK(events.front().categories == std::vector<std::string>{"training", "peer_leader"});
}
