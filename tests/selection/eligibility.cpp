// Who may be a supporter in each role. Source 000: peer leaders are "older students who
// guide a whole first-year class in duos", and peer buddies are "older students too, but
// they support younger students individually". Source 001: "the role of buddy is taken up
// by regular upper-years students or advanced ISK students".

#include <catch2/catch.hpp>

#include <peerkit/core/roles_policy.hpp>
#include <peerkit/core/school.hpp>
#include <peerkit/selection/choose.hpp>
#include <peerkit/selection/policy.hpp>

using namespace peerkit;

namespace {

struct candidate_student {
  std::uint32_t id;
  const char* name;
  int year;
  school_track track;
  std::uint32_t class_id;
};

// One class per year and track the test needs; every student consents and has good grades.
school eligibility_school() {
  school s;
  s.name = "Eligibility College";
  s.classes = {{class_id{1}, "1H", 1, school_track::havo, {}, {}},
               {class_id{2}, "2H", 2, school_track::havo, {}, {}},
               {class_id{3}, "3H", 3, school_track::havo, {}, {}},
               {class_id{4}, "4H", 4, school_track::havo, {}, {}},
               {class_id{5}, "3K", 3, school_track::vmbo_kader, {}, {}},
               {class_id{6}, "ISK-1", 1, school_track::isk, {}, "Overkant"},
               {class_id{7}, "ISK-2", 2, school_track::isk, {}, "Overkant"}};
  const candidate_student students[] = {
      {1, "Fleur", 1, school_track::havo, 1},      {2, "Gijs", 2, school_track::havo, 2},
      {3, "Hanna", 3, school_track::havo, 3},      {4, "Ilias", 4, school_track::havo, 4},
      {5, "Joep", 3, school_track::vmbo_kader, 5}, {6, "Karim", 1, school_track::isk, 6},
      {7, "Lina", 2, school_track::isk, 7},
  };
  for (const auto& c : students) {
    student st;
    st.id = student_id{c.id};
    st.name = c.name;
    st.year = c.year;
    st.track = c.track;
    st.class_of = class_id{c.class_id};
    st.grades = {{"nederlands", 7.0}, {"wiskunde", 7.0}};
    s.students.push_back(std::move(st));
  }
  return s;
}

std::vector<application> applications_for(supporter_role role) {
  std::vector<application> apps;
  for (std::uint32_t id = 1; id <= 7; ++id)
    apps.push_back({application_id{id}, student_id{id}, role, application_state::applied, {}, {}});
  return apps;
}

// Profiles without gates or traits: only who may support decides.
runtime_selection open_selection() {
  return runtime_selection(default_rating_scale,
                           {{supporter_role::peer_buddy, runtime_profile{}, 0, std::nullopt},
                            {supporter_role::newcomer_buddy, runtime_profile{}, 0, std::nullopt}});
}

std::vector<std::uint32_t> accepted_ids(const role_selection& r) {
  std::vector<std::uint32_t> ids;
  for (auto id : r.students(verdict::accepted)) ids.push_back(id.value());
  std::sort(ids.begin(), ids.end());
  return ids;
}

}  // namespace

TEST_CASE("selection: the sources' defaults of who may support in each role") {
  // 000: peer leaders and buddies are older students ("ouderejaars"), not first-years.
  constexpr auto leaders = role_traits<peer_leader>::parameters.eligible_supporters;
  STATIC_REQUIRE(!leaders.admits(school_track::havo, 1));
  STATIC_REQUIRE(leaders.admits(school_track::havo, 2));
  STATIC_REQUIRE(!leaders.admits(school_track::isk, 2));
  constexpr auto buddies = role_traits<peer_buddy>::parameters.eligible_supporters;
  STATIC_REQUIRE(buddies == leaders);
  // 001: "regular upper-years students or advanced ISK students".
  constexpr auto newcomer = role_traits<newcomer_buddy>::parameters.eligible_supporters;
  STATIC_REQUIRE(!newcomer.admits(school_track::havo, 3));
  STATIC_REQUIRE(newcomer.admits(school_track::havo, 4));
  STATIC_REQUIRE(newcomer.admits(school_track::vmbo_kader, 3));  // Hoofdvaart's third-years
  STATIC_REQUIRE(!newcomer.admits(school_track::isk, 1));
  STATIC_REQUIRE(newcomer.admits(school_track::isk, 2));
  STATIC_REQUIRE(newcomer.first_year(school_track::vwo) == 4);
  // The run-time role entry carries the same trait.
  CHECK(runtime_roles::of({supporter_role::newcomer_buddy})
            .roles()[0]
            .parameters.eligible_supporters == newcomer);
}

TEST_CASE("selection: peer buddies are older students, never first-years or newcomers") {
  const auto s = eligibility_school();
  const auto result = choose(s, applications_for(supporter_role::peer_buddy),
                             runtime_roles::of({supporter_role::peer_buddy}), open_selection(),
                             {{supporter_role::peer_buddy, 7}});
  const auto& buddies = *result.find(supporter_role::peer_buddy);
  CHECK(accepted_ids(buddies) == std::vector<std::uint32_t>{2, 3, 4, 5});
  CHECK(buddies.shortfall() == 3);

  const auto& fleur = *buddies.find(application_id{1});
  CHECK(fleur.decision == verdict::rejected);
  CHECK(!fleur.rank);
  REQUIRE(fleur.reasons.size() == 1);
  CHECK(fleur.reasons[0].kind == reason_kind::not_eligible);
  CHECK(fleur.reasons_text() == "year 1 of havo, the role takes supporters from year 2 on");
  CHECK(buddies.find(application_id{7})->reasons_text() ==
        "in the newcomer class, from which the role takes no supporters");
}

TEST_CASE("selection: newcomer buddies are upper-years students or advanced ISK students") {
  const auto s = eligibility_school();
  const auto result = choose(s, applications_for(supporter_role::newcomer_buddy),
                             runtime_roles::of({supporter_role::newcomer_buddy}), open_selection(),
                             {{supporter_role::newcomer_buddy, 7}});
  const auto& buddies = *result.find(supporter_role::newcomer_buddy);
  // Ilias (4 havo), Joep (3 vmbo) and Lina (second year of the ISK).
  CHECK(accepted_ids(buddies) == std::vector<std::uint32_t>{4, 5, 7});
  CHECK(buddies.find(application_id{3})->reasons_text() ==
        "year 3 of havo, the role takes supporters from year 4 on");
  CHECK(buddies.find(application_id{6})->reasons_text() ==
        "year 1 of the newcomer class, the role takes supporters from year 2 on");
}

TEST_CASE("selection: a school sets who may support in a role of its own") {
  // A school whose buddies come from the third year on, ISK students included from their
  // first year: the trait of a role, changed in one expression.
  const auto own = default_parameters(supporter_role::peer_buddy)
                       .with_eligible_supporters(
                           {.min_year = 3, .newcomers = true, .min_newcomer_year = 1});
  const runtime_roles roles({{"our buddy", supporter_role::peer_buddy, own}});
  const auto result = choose(eligibility_school(), applications_for(supporter_role::peer_buddy),
                             roles, open_selection(), {{supporter_role::peer_buddy, 7}});
  CHECK(accepted_ids(*result.find(supporter_role::peer_buddy)) ==
        std::vector<std::uint32_t>{3, 4, 5, 6, 7});

  auto invalid = own;
  invalid.eligible_supporters.min_year = 0;
  CHECK(!invalid.valid());
  CHECK_THROWS_AS(runtime_roles({{"our buddy", supporter_role::peer_buddy, invalid}}),
                  peerkit::error);
}
