// Pairing again after a pair ended early, under the closure's rematch policy. Hoofdvaart
// (001): 15 buddies were chosen and 14 paired, so one chosen buddy stayed free; "only one
// couple stopped" during the year. Whether its newcomer gets a new buddy is the rematch
// policy's call (reason, pause, limit per year, time left in the year), and the outcome
// says why when there is none.

#include <catch2/catch.hpp>

#include <peerkit/programme/rematching.hpp>

using namespace peerkit;

namespace {

const date paired_on{2016, 11, 1};
const date year_end{2017, 7, 14};
constexpr class_id third_years{1}, isk{2};

student pupil(std::uint32_t id, std::string name, class_id c, school_track track) {
  student s;
  s.id = student_id{id};
  s.name = std::move(name);
  s.year = track == school_track::isk ? 1 : 3;
  s.track = track;
  s.class_of = c;
  s.available = {true, false};
  s.consent = consent{consent_giver::parent, date{2016, 10, 1}, std::nullopt};
  return s;
}

// Three buddies of capacity one, two newcomers: Sara stays free, as one buddy did.
school hoofdvaart() {
  school s;
  s.name = "Hoofdvaart College";
  s.classes = {{third_years, "3A", 3, school_track::vmbo_kader, {}, {}},
               {isk, "ISK niveau 2", 1, school_track::isk, {}, "ISK building"}};
  s.students = {pupil(1, "Amira", third_years, school_track::vmbo_kader),
                pupil(2, "Bram", third_years, school_track::vmbo_kader),
                pupil(3, "Sara", third_years, school_track::vmbo_kader),
                pupil(11, "Zeinab", isk, school_track::isk),
                pupil(12, "Yonas", isk, school_track::isk)};
  s.students[0].interests = s.students[3].interests = {"football"};
  s.students[1].interests = s.students[4].interests = {"music"};
  return s;
}

pairing_request round_of(std::vector<std::uint32_t> buddies) {
  pairing_request r;
  for (auto b : buddies)
    r.supporters.push_back({student_id{b}, supporter_role::newcomer_buddy, std::nullopt, 1});
  r.supportees = {student_id{11}, student_id{12}};
  r.on = paired_on;
  return r;
}

ended_pair amira_zeinab(end_reason why, date on, int rematches = 0) {
  return {{student_id{1}, student_id{11}}, {pair_id{1}, on, why, std::nullopt}, rematches};
}

}  // namespace

TEST_CASE("programme: a newcomer whose buddy withdrew gets the free buddy after the pause") {
  const auto sch = hoofdvaart();
  const auto request = round_of({1, 2, 3});
  const matching_settings settings;
  const auto current = pair_buddies(pairing_graph(sch, request, settings));
  REQUIRE(current.supporter_of(student_id{11}) == student_id{1});
  REQUIRE(current.supporter_of(student_id{12}) == student_id{2});

  const rematch_policy policy;  // after the supporter dropped out; 28 days' pause
  const date ended{2017, 1, 9};
  const auto outcome = rematch(sch, request, current,
                               amira_zeinab(end_reason::supporter_withdrew, ended),
                               ended + boost::gregorian::days(28), year_end, policy, settings);
  REQUIRE(outcome.decision.allowed());
  REQUIRE(outcome.pairing);
  CHECK(outcome.offered());
  CHECK(outcome.new_supporter == student_id{3});
  CHECK(outcome.pairing->supporter_of(student_id{12}) == student_id{2});  // the other pair stays
  CHECK(outcome.request->supporters.size() == 2);                         // Amira left the round
  CHECK(describe(outcome, sch) == "New supporter: Sara.");
}

TEST_CASE("programme: no new buddy where the rematch policy says no, and why") {
  const auto sch = hoofdvaart();
  const auto request = round_of({1, 2, 3});
  const matching_settings settings;
  const auto current = pair_buddies(pairing_graph(sch, request, settings));
  const rematch_policy policy;
  const date ended{2017, 1, 9};
  const date later = ended + boost::gregorian::days(30);
  auto run = [&](const ended_pair& e, date today, const rematch_policy& p) {
    return rematch(sch, request, current, e, today, year_end, p, settings);
  };

  SECTION("the two did not click: no new buddy after that reason") {
    const auto o = run(amira_zeinab(end_reason::no_click, ended), later, policy);
    CHECK(o.decision.verdict == rematch_verdict::not_after_this_reason);
    CHECK(!o.pairing);
    CHECK(!o.offered());
    CHECK(describe(o, sch) ==
          "No new supporter: the school offers none after the reason the pair ended for.");
  }
  SECTION("the pause after the end is not over") {
    const auto o = run(amira_zeinab(end_reason::supporter_withdrew, ended),
                       ended + boost::gregorian::days(10), policy);
    CHECK(o.decision.verdict == rematch_verdict::pause_not_over);
    CHECK(o.decision.earliest == date{2017, 2, 6});
    CHECK(!o.pairing);
    CHECK(describe(o, sch) ==
          "No new supporter: the pause after the end is not over; a new match may start on "
          "2017-02-06.");
  }
  SECTION("one new buddy a year") {
    const auto o = run(amira_zeinab(end_reason::supporter_withdrew, ended, 1), later, policy);
    CHECK(o.decision.verdict == rematch_verdict::too_many_rematches);
    CHECK(!o.pairing);
  }
  SECTION("too little of the school year left") {
    const date late{2017, 5, 1};
    const auto o = run(amira_zeinab(end_reason::supporter_withdrew, late), late, policy);
    CHECK(o.decision.verdict == rematch_verdict::too_late_in_year);
    CHECK(!o.pairing);
  }
  SECTION("a school that does not rematch") {
    rematch_policy off;
    off.rematching = false;
    const auto o = run(amira_zeinab(end_reason::supporter_withdrew, ended), later, off);
    CHECK(o.decision.verdict == rematch_verdict::rematching_off);
    CHECK(describe(o, sch) == "No new supporter: the school does not rematch.");
  }
  SECTION("a pair that is not in the pairing") {
    const ended_pair stranger{{student_id{3}, student_id{11}},
                              {pair_id{9}, ended, end_reason::no_click, std::nullopt},
                              0};
    CHECK_THROWS_AS(run(stranger, later, policy), peerkit::error);
  }
}

TEST_CASE("programme: a rematch the policy allows still needs a free buddy") {
  const auto sch = hoofdvaart();
  const auto request = round_of({1, 2});  // no buddy left over
  const matching_settings settings;
  const auto current = pair_buddies(pairing_graph(sch, request, settings));
  const date ended{2017, 1, 9};
  const auto o = rematch(sch, request, current,
                         amira_zeinab(end_reason::supporter_left_school, ended),
                         ended + boost::gregorian::days(28), year_end, rematch_policy{}, settings);
  CHECK(o.decision.allowed());
  REQUIRE(o.pairing);
  CHECK(!o.offered());
  CHECK(o.pairing->supporter_of(student_id{12}) == student_id{2});
  CHECK(describe(o, sch) ==
        "No new supporter: a new supporter is allowed, but no supporter of the round can take the "
        "supportee (the pairing's explanation says why).");
}
