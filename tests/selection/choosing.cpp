#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include <peerkit/core/roles_policy.hpp>
#include <peerkit/selection/choose.hpp>
#include <peerkit/selection/demand.hpp>
#include <peerkit/selection/policy.hpp>
#include <peerkit/selection/report.hpp>

using namespace peerkit;

namespace {
// A small profile keeps the fixtures short: one required trait, one welcome trait, grades.
using test_profile =
    criteria_profile<required<empathy, 3>, welcome<flexible>, max_fail_marks<2>, min_average<6>>;
using test_rules = selection_rules<role_rule<peer_buddy, test_profile>>;
using test_roles = role_set<peer_leader, peer_buddy>;

class fixture {
 public:
  fixture() {
    s.name = "Test College";
    s.classes = {{class_id{1}, "1A", 1, school_track::havo, {}, {}},
                 {class_id{2}, "1B", 1, school_track::havo, {}, {}},
                 {class_id{3}, "1C", 1, school_track::havo, {}, {}},
                 {class_id{4}, "3A", 3, school_track::havo, {}, {}}};
  }
  /// A third-year with these grades and trait ratings in the record.
  void add_student(int id, std::vector<tenths> grades, std::vector<trait_rating> traits) {
    student st;
    st.id = student_id(static_cast<std::uint32_t>(id));
    st.name = "Student " + std::to_string(id);
    st.year = 3;
    st.class_of = class_id{4};
    for (std::size_t i = 0; i < grades.size(); ++i)
      st.grades.push_back({"subject" + std::to_string(i), grades[i]});
    st.traits = std::move(traits);
    s.students.push_back(std::move(st));
  }
  /// An application of student `id` for `role`, numbered in order of arrival.
  application& apply(int id, supporter_role role = supporter_role::peer_buddy) {
    apps.push_back({application_id(static_cast<std::uint32_t>(apps.size() + 1)),
                    student_id(static_cast<std::uint32_t>(id)),
                    role,
                    application_state::applied,
                    {},
                    {}});
    return apps.back();
  }
  /// A student who passes the test profile, with empathy and flexible rated as given.
  void add_candidate(int id, int empathy_rating, int flexible_rating,
                     std::vector<tenths> grades = {7, 7, 7}) {
    add_student(id, std::move(grades),
                {{"empathy", empathy_rating}, {"flexible", flexible_rating}});
    apply(id);
  }
  template <class S = test_rules>
  role_selection buddies(int supportees, const S& rules = {}) {
    auto result = choose(s, apps, test_roles{}, rules, {{supporter_role::peer_buddy, supportees}});
    REQUIRE(result.roles.size() == 1);
    return result.roles.front();
  }

  school s;
  std::vector<application> apps;
};

std::vector<int> ids_of(const role_selection& r, verdict v) {
  std::vector<int> ids;
  for (auto id : r.students(v)) ids.push_back(static_cast<int>(id.value()));
  return ids;
}
}  // namespace

TEST_CASE("selection: the number needed follows from demand") {
  constexpr auto leader = role_traits<peer_leader>::parameters;
  constexpr auto buddy = role_traits<peer_buddy>::parameters;
  // Two leaders per first-year class.
  STATIC_REQUIRE(supporters_needed(leader, 3) == 6);
  STATIC_REQUIRE(supporters_needed(leader, 1) == 2);
  STATIC_REQUIRE(supporters_needed(leader, 0) == 0);
  // Buddies: supportees ÷ capacity, rounded up; one supportee each unless the school says two.
  STATIC_REQUIRE(planning_capacity(buddy) == 1);
  STATIC_REQUIRE(supporters_needed(buddy, 15) == 15);
  STATIC_REQUIRE(supporters_needed(buddy, 15, 2) == 8);
  STATIC_REQUIRE(supporters_needed(buddy, 16, 2) == 8);
  // Group roles plan for a full group.
  constexpr auto coach = role_traits<peer_coach>::parameters;
  STATIC_REQUIRE(supporters_needed(coach, 31) == 3);

  fixture f;
  CHECK(first_year_classes(f.s) == 3);
  CHECK(newcomers(f.s) == 0);
  f.s.students.push_back({});
  f.s.students.back().track = school_track::isk;
  CHECK(newcomers(f.s) == 1);
}

TEST_CASE("selection: leaders are chosen two per first-year class") {
  fixture f;
  for (int id = 1; id <= 8; ++id) {
    f.add_student(id, {7, 7},
                  {{"takes_initiative", 4},
                   {"emotionally_stable", 4},
                   {"empathy", 4},
                   {"socially_skilled", 4},
                   {"flexible", 1 + id % 5}});
    auto& a = f.apply(id, supporter_role::peer_leader);
    record_interview(a, {interview_format::group, {}, {}, {}}, default_rating_scale);
  }
  const auto result = choose(f.s, f.apps, test_roles{}, default_selection{},
                             {{supporter_role::peer_leader, first_year_classes(f.s)}});
  const auto& leaders = result.roles.at(0);
  CHECK(leaders.role_name == "peer leader");
  CHECK(leaders.serves_classes);
  CHECK(leaders.units == 3);
  CHECK(leaders.needed == 6);
  CHECK(leaders.count(verdict::accepted) == 6);
  CHECK(leaders.count(verdict::rejected) == 2);
  // Flexible 5, 4, 3, 2, 1 (ids 4, 3|8, 2|7, 1|6, 5): ties broken by application order.
  CHECK(ids_of(leaders, verdict::accepted) == std::vector<int>{4, 3, 8, 2, 7, 1});
  CHECK(ids_of(leaders, verdict::rejected) == std::vector<int>{6, 5});
}

TEST_CASE("selection: the fail-mark gate") {
  fixture f;
  f.add_candidate(1, 4, 4, {5, 5, 5, 8, 9, 9});  // 3 fail marks, average 6.83
  f.add_candidate(2, 4, 4, {5, 5, 8, 8});        // 2 fail marks: passes
  const auto r = f.buddies(2);
  const auto* c = r.find(application_id{1});
  REQUIRE(c);
  CHECK(c->decision == verdict::rejected);
  CHECK_FALSE(c->rank);
  CHECK(c->fail_marks == 3);
  REQUIRE(c->reasons.size() == 1);
  CHECK(c->reasons[0] == reason{reason_kind::too_many_fail_marks, "", 3, 2, 0});
  CHECK(c->reasons_text() == "3 fail marks, at most 2 allowed");
  CHECK(r.find(application_id{2})->decision == verdict::accepted);
  CHECK((reason{reason_kind::too_many_fail_marks, "", 1, 0, 0}.text() ==
         "1 fail mark, none allowed"));
}

TEST_CASE("selection: the average-grade gate, with and without grades") {
  fixture f;
  f.add_candidate(1, 4, 4, {6, 6, 5.5});  // average 5.83
  f.add_candidate(2, 4, 4, {});           // no grades
  f.add_candidate(3, 4, 4, {6, 6, 6});    // exactly 6.0 passes
  f.add_candidate(4, 4, 4,
                  {6.7, 5.0, 5.1, 7.2});  // exactly 6.0 too, though doubles in this order sum below
  const auto r = f.buddies(4);
  CHECK(r.find(application_id{1})->reasons_text() == "average grade 5.83, at least 6.0 required");
  CHECK(r.find(application_id{1})->reasons[0].kind == reason_kind::average_too_low);
  CHECK(r.find(application_id{2})->reasons_text() ==
        "no report grades, an average of at least 6.0 required");
  CHECK(r.find(application_id{2})->reasons[0].kind == reason_kind::no_grades);
  CHECK(r.find(application_id{3})->decision == verdict::accepted);
  CHECK(r.find(application_id{4})->decision == verdict::accepted);
  CHECK(r.find(application_id{4})->average == tenths(6.0));
  CHECK(r.find(application_id{1})->reasons[0].average == grade_average(tenths::from_count(175), 3));
  CHECK(r.find(application_id{1})->reasons[0].min_average == tenths(6.0));
  // A value just below the limit never prints as the limit.
  const reason just_below{.kind = reason_kind::average_too_low,
                          .average = grade_average(tenths::from_count(1799), 30),
                          .min_average = tenths(6.0)};
  CHECK(just_below.text() == "average grade 5.99, at least 6.0 required");
}

TEST_CASE("selection: the motivation-letter and interview gates") {
  using strict =
      criteria_profile<required<empathy, 3>, motivation_letter_required, interview_required>;
  using strict_rules = selection_rules<role_rule<peer_buddy, strict>>;
  fixture f;
  f.add_candidate(1, 4, 4);  // neither
  f.add_candidate(2, 4, 4);  // letter only
  record_letter(f.apps[1]);
  f.add_candidate(3, 4, 4);  // interview only
  record_interview(f.apps[2], {interview_format::individual, {}, {}, {}}, default_rating_scale);
  f.add_candidate(4, 4, 4);  // both
  record_letter(f.apps[3]);
  record_interview(f.apps[3], {interview_format::group, {}, {}, {}}, default_rating_scale);
  const auto r = f.buddies(4, strict_rules{});
  CHECK(r.find(application_id{1})->reasons_text() ==
        "no motivation letter received; not interviewed");
  CHECK(r.find(application_id{2})->reasons_text() == "not interviewed");
  CHECK(r.find(application_id{2})->reasons[0].kind == reason_kind::no_interview);
  CHECK(r.find(application_id{3})->reasons_text() == "no motivation letter received");
  CHECK(r.find(application_id{3})->reasons[0].kind == reason_kind::no_motivation_letter);
  CHECK(r.find(application_id{4})->decision == verdict::accepted);
  CHECK(r.shortfall() == 3);
}

TEST_CASE("selection: required traits, rated in the record or in an interview") {
  fixture f;
  f.add_candidate(1, 2, 5);      // empathy 2 < 3
  f.add_student(2, {7, 7}, {});  // empathy not rated
  f.apply(2);
  f.add_candidate(3, 2, 5);  // record says 2, the interview says 4: the interview counts
  record_interview(f.apps[2], {interview_format::individual, {{"empathy", 4}}, {}, {}},
                   default_rating_scale);
  f.add_candidate(4, 1, 1, {4, 4, 4, 4});  // every failure is listed
  const auto r = f.buddies(4);
  const auto* one = r.find(application_id{1});
  CHECK(one->reasons ==
        std::vector<reason>{{reason_kind::trait_below_minimum, "empathy", 2, 3, 0}});
  CHECK(one->reasons_text() == "empathy 2 < 3");
  CHECK(r.find(application_id{2})->reasons_text() == "empathy not rated, at least 3 required");
  CHECK(r.find(application_id{3})->decision == verdict::accepted);
  CHECK(r.find(application_id{3})->score == 4 + 5);
  CHECK(r.find(application_id{4})->reasons_text() ==
        "4 fail marks, at most 2 allowed; average grade 4.0, at least 6.0 required; empathy 1 < 3");
}

TEST_CASE("selection: ranked 17th of 16 needed") {
  fixture f;
  for (int id = 1; id <= 17; ++id) f.add_candidate(id, 3 + id % 3, 1 + id % 5);
  const auto r = f.buddies(16);
  CHECK(r.needed == 16);
  CHECK(r.count(verdict::accepted) == 16);
  CHECK(r.count(verdict::rejected) == 1);
  const auto& last = r.candidates.back();
  CHECK(last.rank == 17);
  CHECK(last.reasons == std::vector<reason>{{reason_kind::ranked_beyond_need, "", 17, 16, 0}});
  CHECK(last.reasons_text() == "ranked 17th of 16 needed");
  CHECK(r.candidates.front().reasons_text() == "ranked 1st of 16 needed");
  // Ranked candidates come in rank order, scores never rising.
  for (std::size_t i = 1; i < r.candidates.size(); ++i) {
    CHECK(r.candidates[i].rank == static_cast<int>(i) + 1);
    CHECK(r.candidates[i - 1].score >= r.candidates[i].score);
  }
}

TEST_CASE("selection: reserves come after the needed, in rank order") {
  using with_reserves = selection_rules<role_rule<peer_buddy, test_profile, 2>>;
  fixture f;
  for (int id = 1; id <= 20; ++id) f.add_candidate(id, 4, 1 + id % 5);
  const auto r = f.buddies(16, with_reserves{});
  CHECK(r.reserves == 2);
  CHECK(r.count(verdict::accepted) == 16);
  CHECK(r.count(verdict::reserve) == 2);
  CHECK(r.count(verdict::rejected) == 2);
  CHECK(r.candidates[16].reasons_text() == "ranked 17th of 16 needed, reserve 1 of 2");
  CHECK(r.candidates[17].reasons_text() == "ranked 18th of 16 needed, reserve 2 of 2");
  CHECK(r.candidates[18].reasons_text() == "ranked 19th of 16 needed and 2 reserves");
  CHECK(r.candidates[16].reasons[0].kind == reason_kind::ranked_as_reserve);
}

TEST_CASE("selection: tie rule 1, the higher score ranks first") {
  fixture f;
  f.add_candidate(1, 3, 1);
  f.add_candidate(2, 5, 5);
  f.add_candidate(3, 4, 2);
  const auto r = f.buddies(3);
  CHECK(ids_of(r, verdict::accepted) == std::vector<int>{2, 3, 1});
  CHECK(r.candidates[0].score == 10);
}

TEST_CASE("selection: tie rule 2, on equal scores fewer fail marks rank first") {
  fixture f;
  f.add_candidate(1, 4, 4, {5, 5, 9, 9, 9});  // 2 fail marks, average 7.4
  f.add_candidate(2, 4, 4, {5, 6, 6, 6});     // 1 fail mark, average 5.75 -> fails the average gate
  f.add_candidate(3, 4, 4, {5, 7, 7, 7});     // 1 fail mark, average 6.5
  const auto r = f.buddies(3);
  CHECK(ids_of(r, verdict::accepted) == std::vector<int>{3, 1});
}

TEST_CASE("selection: tie rule 3, on equal scores and fail marks the higher average ranks first") {
  using no_average = criteria_profile<required<empathy, 3>, welcome<flexible>, max_fail_marks<2>>;
  fixture f;
  f.add_candidate(1, 4, 4, {6, 7});  // average 6.5
  f.add_candidate(2, 4, 4, {8, 7});  // average 7.5
  f.add_candidate(3, 4, 4, {});      // no grades: after those with grades
  f.add_candidate(4, 4, 4, {7, 7});  // average 7.0
  const auto r = f.buddies(4, selection_rules<role_rule<peer_buddy, no_average>>{});
  CHECK(ids_of(r, verdict::accepted) == std::vector<int>{2, 4, 1, 3});
}

TEST_CASE("selection: tie rule 4, otherwise the earlier application ranks first") {
  fixture f;
  f.add_candidate(5, 4, 4);
  f.add_candidate(3, 4, 4);
  f.add_candidate(9, 4, 4);
  const auto r = f.buddies(2);
  CHECK(ids_of(r, verdict::accepted) == std::vector<int>{5, 3});
  CHECK(ids_of(r, verdict::rejected) == std::vector<int>{9});
  CHECK(r.find(application_id{3})->reasons_text() == "ranked 3rd of 2 needed");
}

TEST_CASE("selection: the order of the input does not change the choice") {
  fixture f;
  for (int id = 1; id <= 12; ++id)
    f.add_candidate(id, 3 + id % 2, 1 + id % 3, {tenths::from_count(60 + 10 * (id % 4)), 7});
  f.add_candidate(13, 2, 5);
  const auto first = f.buddies(6);
  std::reverse(f.apps.begin(), f.apps.end());
  std::reverse(f.s.students.begin(), f.s.students.end());
  CHECK(f.buddies(6) == first);
}

TEST_CASE("selection: withdrawn applications are not candidates") {
  fixture f;
  f.add_candidate(1, 4, 4);
  f.add_candidate(2, 5, 5);
  withdraw(f.apps[1]);
  f.add_candidate(3, 3, 3);
  const auto r = f.buddies(1);
  CHECK(r.candidates.size() == 2);
  CHECK(r.withdrawn == std::vector<application_id>{application_id{2}});
  CHECK(ids_of(r, verdict::accepted) == std::vector<int>{1});
}

TEST_CASE("selection: too few good candidates leave places open, as an outcome") {
  fixture f;
  f.add_candidate(1, 4, 4);
  f.add_candidate(2, 1, 4);
  const auto r = f.buddies(4);
  CHECK(r.needed == 4);
  CHECK(r.count(verdict::accepted) == 1);
  CHECK(r.shortfall() == 3);
}

TEST_CASE("selection: only applicants can be chosen, for the role they applied for") {
  fixture f;
  f.add_student(1, {8, 8}, {{"empathy", 5}});  // did not apply
  f.add_candidate(2, 3, 1);
  f.add_student(3, {8, 8}, {{"empathy", 5}});
  f.apply(3, supporter_role::peer_leader);  // applied for another role
  const auto result = choose(f.s, f.apps, test_roles{}, test_rules{},
                             {{supporter_role::peer_buddy, 3}, {supporter_role::peer_leader, 1}});
  const auto& r = *result.find(supporter_role::peer_buddy);
  CHECK(r.candidates.size() == 1);
  CHECK(ids_of(r, verdict::accepted) == std::vector<int>{2});
}

TEST_CASE("selection: invalid input is reported with locations") {
  fixture f;
  f.add_candidate(1, 4, 4);
  f.apply(99);                             // unknown student
  f.apply(1);                              // applied twice for the same role
  f.apply(1, supporter_role::peer_tutor);  // a role the programme does not run
  f.apps.push_back(f.apps[0]);             // a duplicate id
  f.apps.back().applicant = student_id{2};
  f.add_student(2, {7}, {{"flexible", 9}});  // a record rating off the scale
  f.add_student(3, {7}, {{"empathy", 4}});
  auto& bad = f.apply(3);
  bad.interviews.push_back({interview_format::group, {{"empathy", 6}}, {}, {}});  // off the scale
  try {
    (void)choose(f.s, f.apps, test_roles{}, test_rules{},
                 {{supporter_role::peer_buddy, 3},
                  {supporter_role::peer_tutor, 1},
                  {supporter_role::peer_buddy, 2},
                  {supporter_role::peer_leader, -1}});
    FAIL("expected peerkit::error");
  } catch (const error& e) {
    std::vector<std::string> found;
    for (const auto& p : e.problems()) found.push_back(p.id + " @ " + p.location);
    CHECK(found ==
          std::vector<std::string>{
              "selection.role_not_run @ demands[1].role",
              "selection.duplicate_demand @ demands[2].role",
              "selection.invalid_demand @ demands[3].units",
              "selection.unknown_student @ applications[1].applicant",
              "selection.duplicate_application @ applications[2]",
              "selection.role_not_run @ applications[3].role",
              "data.duplicate_id @ applications[4].id",
              "selection.rating_out_of_scale @ students[1].traits.flexible",
              "selection.rating_out_of_scale @ applications[5].interviews[0].ratings.empathy",
          });
  }
  // Applications for a role the programme runs but no demand was given for.
  fixture g;
  g.add_candidate(1, 4, 4);
  g.apply(1, supporter_role::peer_leader);
  try {
    (void)g.buddies(1);
    FAIL("expected peerkit::error");
  } catch (const error& e) {
    CHECK(e.problems().size() == 1);
    CHECK(e.id() == "selection.missing_demand");
    CHECK(e.problems()[0].location == "applications[1].role");
  }
}

TEST_CASE("selection: decisions are recorded on the applications") {
  using with_reserve = selection_rules<role_rule<peer_buddy, test_profile, 1>>;
  fixture f;
  f.add_candidate(1, 5, 5);
  f.add_candidate(2, 4, 4);
  f.add_candidate(3, 3, 3);
  f.add_candidate(4, 1, 1);
  const auto result = choose(f.s, f.apps, test_roles{}, with_reserve{},
                             {{supporter_role::peer_buddy, 1}});
  record_decisions(f.apps, result);
  CHECK(f.apps[0].state == application_state::accepted);
  CHECK(f.apps[1].state == application_state::reserve);
  CHECK(f.apps[2].state == application_state::rejected);
  CHECK(f.apps[3].state == application_state::rejected);
  record_decisions(f.apps, result);  // already recorded: nothing moves
  CHECK(f.apps[0].history.size() == 1);

  // When the chosen buddy drops out, the best reserve steps in.
  const auto& buddies = result.roles[0];
  withdraw(f.apps[0]);
  REQUIRE(next_reserve(buddies, f.apps) == application_id{2});
  f.apps[1].move_to(application_state::accepted);
  CHECK_FALSE(next_reserve(buddies, f.apps));

  // A choice that would undo a final state is refused, and nothing moves.
  auto before = f.apps;
  auto again = result;
  again.roles[0].candidates[2].decision = verdict::accepted;  // application 3 was rejected
  CHECK_THROWS_AS(record_decisions(f.apps, again), error);
  CHECK(f.apps == before);
}

TEST_CASE("selection: the report lists every candidate with the reasons in words") {
  using with_reserve = selection_rules<role_rule<peer_buddy, test_profile, 1>>;
  fixture f;
  f.add_candidate(1, 5, 5);
  f.add_candidate(2, 4, 4);
  f.add_candidate(3, 4, 3);
  f.add_candidate(4, 2, 5, {5, 5, 5, 8});
  f.add_candidate(5, 4, 2);
  f.add_candidate(6, 4, 4);
  withdraw(f.apps[5]);
  const auto result = choose(f.s, f.apps, test_roles{}, with_reserve{},
                             {{supporter_role::peer_buddy, 2}});
  CHECK(selection_report(result, f.s) ==
        "Selection of supporters at Test College\n"
        "\n"
        "peer buddy\n"
        "  demand: 2 supportees, 2 needed, 1 reserve\n"
        "  candidates: 5; accepted 2, reserve 1, rejected 2\n"
        "  rank  verdict   student        score  reasons\n"
        "     1  accepted  Student 1 (1)     10  ranked 1st of 2 needed\n"
        "     2  accepted  Student 2 (2)      8  ranked 2nd of 2 needed\n"
        "     3  reserve   Student 3 (3)      7  ranked 3rd of 2 needed, reserve 1 of 1\n"
        "     4  rejected  Student 5 (5)      6  ranked 4th of 2 needed and 1 reserve\n"
        "     -  rejected  Student 4 (4)      7  3 fail marks, at most 2 allowed; average grade "
        "5.75, at "
        "least 6.0 required; empathy 2 < 3\n"
        "  withdrawn: application 6\n");
  const auto pseudonymised = selection_report(result, f.s, {.names = false});
  CHECK(pseudonymised.find("Student 1") == std::string::npos);
  CHECK(pseudonymised.find("student 1 ") != std::string::npos);
}
