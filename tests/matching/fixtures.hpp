#pragma once
// Small schools for the matching tests: students made by hand, and random rounds for the
// property tests (seeded, so every run checks the same instances).

#include <cstdint>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include <peerkit/core/school.hpp>
#include <peerkit/core/student.hpp>
#include <peerkit/matching/pairing_graph.hpp>

namespace peerkit::test {

inline const date pairing_day{2025, 10, 1};

/// Class ids of the test school.
inline constexpr class_id upper_havo{1};  // 3H: year 3 havo, where buddies come from
inline constexpr class_id newcomers{2};   // ISK-1
inline constexpr class_id first_a{3};     // 1A havo
inline constexpr class_id first_b{4};     // 1B vwo
inline constexpr class_id first_c{5};     // 1C havo
inline constexpr class_id second_h{6};    // 2H havo, where leaders come from

inline std::vector<class_group> test_classes() {
  return {{upper_havo, "3H", 3, school_track::havo, std::nullopt, ""},
          {newcomers, "ISK-1", 1, school_track::isk, std::nullopt, "Overkant"},
          {first_a, "1A", 1, school_track::havo, std::nullopt, ""},
          {first_b, "1B", 1, school_track::vwo, std::nullopt, ""},
          {first_c, "1C", 1, school_track::havo, std::nullopt, ""},
          {second_h, "2H", 2, school_track::havo, std::nullopt, ""}};
}

/// A consenting student of 3H, available in school hours, with nothing else recorded.
inline student person(std::uint32_t id, std::string name) {
  student s;
  s.id = student_id{id};
  s.name = std::move(name);
  s.gender = gender_identity::female;
  s.year = 3;
  s.track = school_track::havo;
  s.class_of = upper_havo;
  s.available = {true, false};
  s.consent = peerkit::consent{consent_giver::parent, date{2025, 9, 1}, std::nullopt};
  return s;
}

/// A consenting newcomer of ISK-1, available in and after school hours.
inline student newcomer(std::uint32_t id, std::string name) {
  auto s = person(id, std::move(name));
  s.year = 1;
  s.track = school_track::isk;
  s.class_of = newcomers;
  s.available = {true, true};
  return s;
}

/// A consenting first-year of 1A.
inline student first_year(std::uint32_t id, std::string name) {
  auto s = person(id, std::move(name));
  s.year = 1;
  s.class_of = first_a;
  return s;
}

inline school make_school(std::vector<student> students) {
  school s;
  s.name = "Testcollege";
  s.classes = test_classes();
  s.students = std::move(students);
  return s;
}

inline supporter_entry buddy(std::uint32_t id, std::optional<int> capacity = std::nullopt) {
  return {student_id{id}, supporter_role::peer_buddy, std::nullopt, capacity};
}
inline supporter_entry newcomer_buddy_entry(std::uint32_t id,
                                            std::optional<int> capacity = std::nullopt) {
  return {student_id{id}, supporter_role::newcomer_buddy, std::nullopt, capacity};
}

inline std::vector<student_id> ids(std::initializer_list<std::uint32_t> xs) {
  std::vector<student_id> out;
  for (auto x : xs) out.emplace_back(x);
  return out;
}

inline matching_settings with_goal(objective goal) {
  matching_settings s;
  s.buddies.goal = goal;
  return s;
}

// ---------------------------------------------------------------------------------------
// Random rounds for property tests.

struct random_round {
  school sch;
  pairing_request request;
  hard_rules rules{};  ///< the school's switches: availability on in about half the rounds
};

/// A random small round: 1-4 supporters of capacity 1-2 and 1-5 supportees, with random
/// consent, groups, availability, genders, interests, offers, wants, languages, origins and
/// traits, so that every rule and criterion is hit. Some rounds carry rankings, forbidden
/// pairs and (valid) pins; in about half, when the role meets is a hard rule.
inline random_round make_random_round(std::mt19937_64& rng, int max_supporters = 4,
                                      int max_supportees = 5) {
  // Own draws rather than std distributions, whose results differ between libraries.
  auto pick = [&](int lo, int hi) {
    return lo + static_cast<int>(rng() % static_cast<std::uint64_t>(hi - lo + 1));
  };
  auto chance = [&](int percent) { return pick(1, 100) <= percent; };
  const std::vector<std::string> hobbies{"football", "music", "drawing", "gaming", "dance"};
  const std::vector<std::string> help{"homework", "making friends", "planning"};
  const std::vector<std::string> langs{"arabic", "dutch", "polish", "tigrinya"};
  const std::vector<std::string> countries{"Syria", "Poland", "Eritrea"};
  const std::vector<std::string> traits{"patient", "talks_easily", "outgoing"};

  random_round r;
  r.sch.name = "Random";
  r.sch.classes = test_classes();
  r.sch.conflicting_groups = conflict_data{{{"group_a", "group_b"}}};
  auto fill = [&](student& s) {
    s.gender = chance(50)   ? gender_identity::female
               : chance(80) ? gender_identity::male
                            : gender_identity::unspecified;
    if (chance(8))
      s.consent.reset();
    else if (chance(5))
      s.consent->withdrawn_on = date{2025, 9, 20};
    s.available = {!chance(15), chance(60)};
    for (const auto& h : hobbies)
      if (chance(35)) s.interests.push_back(h);
    for (const auto& x : help)
      if (chance(35)) (s.is_newcomer() || s.year == 1 ? s.wants : s.offers).push_back(x);
    std::vector<std::string> ls;
    for (const auto& l : langs)
      if (chance(30)) ls.push_back(l);
    s.languages = language_data{ls};
    if (chance(40)) s.origin = origin_data{countries[static_cast<std::size_t>(pick(0, 2))]};
    if (chance(15)) s.groups = group_data{{chance(50) ? "group_a" : "group_b"}};
    for (const auto& t : traits)
      if (chance(50)) s.traits.push_back({t, pick(1, 5)});
  };
  const int ns = pick(1, max_supporters);
  const int nt = pick(1, max_supportees);
  std::uint32_t next = 1;
  for (int i = 0; i < ns; ++i) {
    auto s = person(next++, "Supporter " + std::to_string(i));
    fill(s);
    if (chance(15)) s.interests.push_back(countries[static_cast<std::size_t>(pick(0, 2))]);
    r.sch.students.push_back(s);
    const bool for_newcomers = chance(30);
    r.request.supporters.push_back(
        {s.id, for_newcomers ? supporter_role::newcomer_buddy : supporter_role::peer_buddy,
         std::nullopt, pick(1, 2)});
  }
  for (int j = 0; j < nt; ++j) {
    auto s = chance(40) ? newcomer(next++, "Supportee " + std::to_string(j))
                        : first_year(next++, "Supportee " + std::to_string(j));
    fill(s);
    r.sch.students.push_back(s);
    r.request.supportees.push_back(s.id);
  }
  r.request.on = pairing_day;
  if (chance(20)) {
    const auto& sp = r.request.supporters[static_cast<std::size_t>(pick(0, ns - 1))];
    r.request.forbidden.push_back(
        {sp.student, r.request.supportees[static_cast<std::size_t>(pick(0, nt - 1))]});
  }
  if (chance(25)) {
    auto rank_of = [&](student_id who, const std::vector<student_id>& others) {
      ranking rk{who, {}};
      for (auto o : others)
        if (chance(75)) rk.best_first.push_back(o);
      for (std::size_t k = rk.best_first.size(); k > 1; --k)
        std::swap(rk.best_first[k - 1],
                  rk.best_first[static_cast<std::size_t>(pick(0, static_cast<int>(k) - 1))]);
      return rk;
    };
    std::vector<student_id> sup_ids;
    for (const auto& e : r.request.supporters) sup_ids.push_back(e.student);
    for (const auto& e : r.request.supporters)
      if (chance(50)) r.request.rankings.push_back(rank_of(e.student, r.request.supportees));
    for (auto t : r.request.supportees)
      if (chance(50)) r.request.rankings.push_back(rank_of(t, sup_ids));
  }
  r.rules.availability = chance(50);
  if (chance(20)) {
    // Pin one compatible pair, found through a graph without pins.
    matching_settings settings;
    settings.buddies.rules = r.rules;
    pairing_graph g(r.sch, r.request, settings);
    auto edges = g.edges();
    if (!edges.empty()) {
      const auto* e = edges[static_cast<std::size_t>(pick(0, static_cast<int>(edges.size()) - 1))];
      r.request.pinned.push_back({g.supporter(e->supporter).id, g.supportee(e->supportee).id});
    }
  }
  return r;
}

}  // namespace peerkit::test
