#include <catch2/catch.hpp>

#include <peerkit/core/roles_policy.hpp>
#include <peerkit/selection/training.hpp>

using namespace peerkit;

namespace {
// Hoofdvaart trained its newcomer buddies in two sessions of four hours (001).
struct hoofdvaart_buddy {};

application accepted_for(int app, int student, supporter_role role) {
  return {application_id(static_cast<std::uint32_t>(app)),
          student_id(static_cast<std::uint32_t>(student)),
          role,
          application_state::accepted,
          {application_state::applied},
          {}};
}
}  // namespace

template <>
struct peerkit::role_traits<hoofdvaart_buddy> : role_traits<newcomer_buddy> {
  static constexpr auto parameters = role_traits<newcomer_buddy>::parameters.with_training(
      {2, 4 * 60});
};

TEST_CASE("selection: training completes when the role's minutes are reached") {
  training_log log;
  const student_id anna{1};
  log.record({anna, supporter_role::newcomer_buddy, date(2016, 11, 1), minutes_per_half_day});
  log.record({anna, supporter_role::newcomer_buddy, date(2016, 11, 8), minutes_per_half_day});
  log.record({anna, supporter_role::peer_leader, date(2016, 11, 9),
              minutes_per_half_day});  // another role

  // The newcomer buddy role trains in three half-days (001).
  auto status = training_of<newcomer_buddy>(log, anna);
  CHECK(status.sessions_attended == 2);
  CHECK(status.minutes_attended == 480);
  CHECK(status.required.total_minutes() == 720);
  CHECK_FALSE(status.complete());
  CHECK(status.text() == "training 480 of 720 minutes (2 of 3 sessions)");

  // At Hoofdvaart two times four hours was the whole training.
  CHECK(training_of<hoofdvaart_buddy>(log, anna).complete());

  log.record({anna, supporter_role::newcomer_buddy, date(2016, 11, 15), minutes_per_half_day});
  CHECK(training_of<newcomer_buddy>(log, anna).complete());
  // One long day counts as much as two half-days.
  log.record(
      {student_id{2}, supporter_role::peer_buddy, date(2016, 11, 1), 2 * minutes_per_half_day});
  CHECK(training_of<peer_buddy>(log, student_id{2}).complete());
}

TEST_CASE("selection: a session of no time is refused") {
  training_log log;
  try {
    log.record({student_id{1}, supporter_role::peer_buddy, date(2016, 11, 1), 0});
    FAIL("expected peerkit::error");
  } catch (const error& e) {
    CHECK(e.id() == "selection.invalid_session");
    CHECK(e.problems()[0].location == "training.sessions[0]");
  }
  CHECK(log.sessions().empty());
}

TEST_CASE("selection: only accepted and trained supporters are available for matching") {
  const auto roles = role_set<hoofdvaart_buddy, peer_leader>{}.roles();
  const role_entry& buddy = roles[0];
  std::vector<application> apps{
      accepted_for(1, 11, supporter_role::newcomer_buddy),  // trained
      accepted_for(2, 12, supporter_role::newcomer_buddy),  // half-way
      accepted_for(3, 13, supporter_role::newcomer_buddy),  // trained, then withdrew
      accepted_for(4, 14, supporter_role::newcomer_buddy),  // not started
      accepted_for(5, 15, supporter_role::peer_leader),     // another role
  };
  withdraw(apps[2]);
  apps.push_back({application_id{6},
                  student_id{16},
                  supporter_role::newcomer_buddy,
                  application_state::reserve,
                  {application_state::applied},
                  {}});  // a reserve: not (yet) a supporter
  training_log log;
  for (int s : {11, 13, 16})
    for (int day : {1, 8})
      log.record({student_id(static_cast<std::uint32_t>(s)), supporter_role::newcomer_buddy,
                  date(2016, 11, day), 240});
  log.record({student_id{12}, supporter_role::newcomer_buddy, date(2016, 11, 1), 240});

  const date pairing_day(2016, 11, 14);
  auto ready = ready_for_matching(apps, log, buddy, pairing_day);
  CHECK(ready.available == std::vector<student_id>{student_id{11}});
  REQUIRE(ready.in_training.size() == 2);
  CHECK(ready.in_training[0].supporter == student_id{12});
  CHECK(ready.in_training[0].text() == "training 240 of 480 minutes (1 of 2 sessions)");
  CHECK(ready.in_training[1].supporter == student_id{14});

  // The reserve moves up and is available at once: the training was already done.
  apps[5].move_to(application_state::accepted);
  ready = ready_for_matching(apps, log, buddy, pairing_day);
  CHECK(ready.available == std::vector<student_id>{student_id{11}, student_id{16}});
}

TEST_CASE("selection: a supporter is paired only on or after the day the training is complete") {
  // Source 000 step 6: "Hebben de peer leaders en peer buddy's eenmaal met goed gevolg hun
  // training doorlopen, dan kunnen ze aan de slag. Dat wil zeggen: na een koppeling".
  // Newcomer buddies train in three half-days (001); the third is on 1 October.
  const auto roles = role_set<newcomer_buddy>{}.roles();
  const std::vector<application> apps{accepted_for(1, 21, supporter_role::newcomer_buddy),
                                      accepted_for(2, 22, supporter_role::newcomer_buddy)};
  training_log log;
  for (int day : {17, 24}) {
    log.record({student_id{21}, supporter_role::newcomer_buddy, date(2025, 9, day), 240});
    log.record({student_id{22}, supporter_role::newcomer_buddy, date(2025, 9, day), 240});
  }
  log.record({student_id{21}, supporter_role::newcomer_buddy, date(2025, 10, 1), 240});

  // Two days before the last session both are still in training, each with what is missing.
  auto ready = ready_for_matching(apps, log, roles[0], date(2025, 9, 29));
  CHECK(ready.available.empty());
  REQUIRE(ready.in_training.size() == 2);
  CHECK(ready.in_training[0].text() ==
        "training 480 of 720 minutes (2 of 3 sessions) by 2025-09-29, complete on 2025-10-01");
  CHECK(ready.in_training[0].completes_on == date(2025, 10, 1));
  CHECK(ready.in_training[1].text() == "training 480 of 720 minutes (2 of 3 sessions)");
  CHECK_FALSE(ready.in_training[1].completes_on);

  // On the day of the last session the training is complete: pairing may follow it.
  ready = ready_for_matching(apps, log, roles[0], date(2025, 10, 1));
  CHECK(ready.available == std::vector<student_id>{student_id{21}});
  REQUIRE(ready.in_training.size() == 1);
  CHECK(ready.in_training[0].supporter == student_id{22});

  // Over every session recorded, whatever the day.
  CHECK(training_of<newcomer_buddy>(log, student_id{21}).complete());
  CHECK_FALSE(training_of<newcomer_buddy>(log, student_id{21}, date(2025, 9, 30)).complete());
  // A session whose day was not recorded counts: nothing says it came after the pairing.
  log.record({student_id{22}, supporter_role::newcomer_buddy, date(), 240});
  CHECK(training_of<newcomer_buddy>(log, student_id{22}, date(2025, 9, 29)).complete());
}
