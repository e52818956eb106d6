// Peer leader duos and their first-year classes.

#include <catch2/catch.hpp>

#include <random>

#include <peerkit/matching/class_assignment.hpp>
#include <peerkit/matching/dot.hpp>
#include <peerkit/matching/leader_duos.hpp>

#include "fixtures.hpp"

using namespace peerkit;
using namespace peerkit::test;

namespace {

bool contains(const std::string& text, std::string_view part) {
  return text.find(part) != std::string::npos;
}

student leader(std::uint32_t id, std::string name, int outgoing, int working_together) {
  auto s = person(id, std::move(name));
  s.year = 2;
  s.class_of = second_h;
  s.traits = {{"outgoing", outgoing}, {"likes_working_together", working_together}};
  return s;
}

// Best (duos, total) over every set of disjoint possible duos, pins kept.
std::pair<int, score_points> brute_force_duos(const duo_graph& g) {
  const auto n = g.candidate_count();
  std::vector<char> used(n, 0);
  int pinned_duos = 0;
  score_points pinned_total = 0;
  for (const auto* e : g.edges())
    if (e->pinned) {
      used[e->first] = used[e->second] = 1;
      ++pinned_duos;
      pinned_total += e->score.total;
    }
  std::pair<int, score_points> best{-1, 0};
  auto walk = [&](auto&& self, std::size_t k, int duos, score_points total) -> void {
    while (k < n && used[k]) ++k;
    if (k == n) {
      best = std::max(best, std::pair{duos, total});
      return;
    }
    used[k] = 1;
    self(self, k + 1, duos, total);  // k stays without a duo
    for (std::size_t o = k + 1; o < n; ++o) {
      if (used[o]) continue;
      if (const auto* e = g.find(k, o)) {
        used[o] = 1;
        self(self, k + 1, duos + 1, total + e->score.total);
        used[o] = 0;
      }
    }
    used[k] = 0;
  };
  walk(walk, 0, 0, 0);
  return {best.first + pinned_duos, best.second + pinned_total};
}

}  // namespace

TEST_CASE("matching: a duo scores complementing persons, covered qualities and working together") {
  auto a = leader(1, "Anna", 1, 5);
  auto b = leader(2, "Ben", 5, 3);
  a.traits.push_back({"empathy", 5});
  b.traits.push_back({"empathy", 2});
  b.traits.push_back({"plans_and_organises", 4});
  const duo_options o{};
  const duo_traits t{};
  auto s = score_duo(a, b, o, t, std::nullopt);
  CHECK(s[duo_criterion::complementing_persons].raw == 4);  // shy with outgoing
  CHECK(s[duo_criterion::complementing_persons].because == std::vector<std::string>{"outgoing"});
  CHECK(s[duo_criterion::qualities].raw == (5 - 1) + (4 - 1));  // the stronger of the two counts
  CHECK(s[duo_criterion::working_together].raw == 3 - 1);       // the weaker of the two
  CHECK(s[duo_criterion::working_together].because ==
        std::vector<std::string>{"likes_working_together"});
  CHECK(s.total == 4 * 1 + 7 * 1 + 2 * 3);
  // What the teacher coach saw of the two together replaces what they say of themselves.
  auto seen = score_duo(a, b, o, t, 5);
  CHECK(seen[duo_criterion::working_together].raw == 4);
  CHECK(seen[duo_criterion::working_together].because ==
        std::vector<std::string>{"observed by the teacher coach"});
}

TEST_CASE("matching: a duo seen by the teacher coach is described in Dutch") {
  auto sch = make_school({leader(1, "Anna", 1, 5), leader(2, "Ben", 5, 3)});
  duo_graph g(sch, {ids({1, 2}), pairing_day, {{student_id{1}, student_id{2}, 5}}, {}, {}},
              matching_settings{});
  const auto why = explain(g, form_duos(g));
  CHECK(contains(describe(why, sch),
                 "work together well 4 x 3 = 12 (observed by the teacher coach)."));
  CHECK(contains(describe(why, sch, report_language::dutch),
                 "Anna en Ben vormen een duo (score 16): vullen elkaar aan als persoon 4 x 1 = 4 "
                 "(outgoing); werken goed samen 4 x 3 = 12 (gezien door de docentcoach)."));
}

TEST_CASE("matching: with an odd number of candidates one becomes the reserve, and is told so") {
  auto sch = make_school({leader(1, "Anna", 1, 5), leader(2, "Ben", 5, 5), leader(3, "Carla", 2, 4),
                          leader(4, "Dirk", 4, 4), leader(5, "Eline", 3, 2)});
  duo_graph g(sch, {ids({1, 2, 3, 4, 5}), pairing_day, {}, {}, {}}, matching_settings{});
  const auto r = form_duos(g);
  CHECK(r.duos.size() == 2);
  REQUIRE(r.reserves.size() == 1);
  CHECK(brute_force_duos(g) == std::pair<int, score_points>{2, r.total_score});
  const auto why = explain(g, r);
  REQUIRE(why.reserves.size() == 1);
  CHECK(why.reserves[0].reason == reserve_reason::odd_count);
  const auto words = describe(why, sch);
  INFO(words);
  CHECK(contains(words, " is a reserve: with 5 candidates one is left over"));
  CHECK(contains(words, "form a duo (score "));
  CHECK(describe(why, sch, report_language::english) == words);

  const auto dutch = describe(why, sch, report_language::dutch);
  INFO(dutch);
  CHECK(contains(dutch, " is reserve: met 5 kandidaten blijft er één over, en zonder "));
  CHECK(contains(dutch, "vormen een duo (score "));
  CHECK(contains(dutch, "werken goed samen "));
  CHECK(!contains(dutch, "form a duo"));
  CHECK(!contains(dutch, "work together"));
}

TEST_CASE("matching: duo rules, forbidden and pinned duos") {
  auto no_consent = leader(3, "Carla", 2, 4);
  no_consent.consent.reset();
  auto a = leader(1, "Anna", 1, 5);
  a.groups = group_data{{"group_a"}};
  auto b = leader(2, "Ben", 5, 5);
  b.groups = group_data{{"group_b"}};
  auto sch = make_school({a, b, no_consent, leader(4, "Dirk", 4, 4)});
  sch.conflicting_groups = conflict_data{{{"group_a", "group_b"}}};
  duo_request req{ids({1, 2, 3, 4}), pairing_day, {}, {}, {{student_id{1}, student_id{4}}}};
  duo_graph g(sch, req, matching_settings{});
  CHECK(g.excluded_by(0, 1) == rule_set{pairing_rule::conflicting_groups});
  CHECK(g.excluded_by(0, 2) == rule_set{pairing_rule::consent});
  CHECK(g.excluded_by(0, 3) == rule_set{pairing_rule::coordinator_forbids});
  const auto r = form_duos(g);
  REQUIRE(r.duos.size() == 1);
  CHECK(r.duos[0].pair() == leader_pair{student_id{2}, student_id{4}});
  const auto why = explain(g, r);
  REQUIRE(why.reserves.size() == 2);
  CHECK(why.reserves[0].reason == reserve_reason::no_compatible_partner);  // Anna
  CHECK(why.reserves[1].reason == reserve_reason::no_compatible_partner);  // Carla
  const auto words = describe(why, sch);
  CHECK(contains(
      words,
      "Anna is a reserve: no other candidate can form a duo with Anna. Excluded by a rule: "
      "Ben (a rule on special-category data); Carla (consent on both sides); "
      "Dirk (forbidden by the coordinator)."));
  CHECK(!contains(words, "group_a"));
  CHECK(!contains(words, "conflicting group"));
  CHECK(contains(describe(why, sch, report_language::dutch),
                 "Anna is reserve: geen andere kandidaat kan met Anna een duo vormen. Uitgesloten "
                 "door een regel: Ben (een regel over bijzondere persoonsgegevens); Carla "
                 "(toestemming van beide kanten); Dirk (verboden door de coördinator)."));

  duo_request pinned{ids({1, 2, 4}), pairing_day, {}, {{student_id{4}, student_id{2}}}, {}};
  pinned.candidates.push_back(student_id{3});
  auto with_pin = form_duos(duo_graph(sch, pinned, matching_settings{}));
  REQUIRE(with_pin.duos.size() == 1);
  CHECK(with_pin.duos[0].pinned);

  duo_request bad{ids({1, 2, 9}),
                  date{},
                  {{student_id{1}, student_id{2}, 7}},
                  {{student_id{1}, student_id{1}}},
                  {}};
  try {
    duo_graph broken(sch, bad, matching_settings{});
    FAIL("expected peerkit::error");
  } catch (const peerkit::error& e) {
    std::vector<std::string> got;
    for (const auto& p : e.problems()) got.push_back(p.id + " @ " + p.location);
    CHECK(got == std::vector<std::string>{"matching.missing_date @ on",
                                          "matching.unknown_student @ candidates[2]",
                                          "matching.out_of_scale @ observed[0].rating",
                                          "matching.same_student @ pinned[0]"});
  }
}

TEST_CASE("matching: duos agree with brute force on random candidate groups") {
  std::mt19937_64 rng(31337);
  auto pick = [&](int lo, int hi) {
    return lo + static_cast<int>(rng() % static_cast<std::uint64_t>(hi - lo + 1));
  };
  int odd_groups = 0;
  for (int round = 0; round < 600; ++round) {
    const int n = pick(1, 8);
    std::vector<student> people;
    duo_request req;
    req.on = pairing_day;
    for (int k = 0; k < n; ++k) {
      auto s = leader(static_cast<std::uint32_t>(k + 1), "L" + std::to_string(k), pick(1, 5),
                      pick(1, 5));
      if (pick(1, 100) <= 10) s.consent.reset();
      for (auto q : {"takes_initiative", "empathy", "communicative"})
        if (pick(0, 1)) s.traits.push_back({q, pick(1, 5)});
      people.push_back(s);
      req.candidates.push_back(s.id);
    }
    for (int k = 0; k < n; ++k)
      for (int o = k + 1; o < n; ++o) {
        if (pick(1, 100) <= 15)
          req.observed.push_back({student_id{static_cast<std::uint32_t>(k + 1)},
                                  student_id{static_cast<std::uint32_t>(o + 1)}, pick(1, 5)});
        if (pick(1, 100) <= 10)
          req.forbidden.push_back({student_id{static_cast<std::uint32_t>(k + 1)},
                                   student_id{static_cast<std::uint32_t>(o + 1)}});
      }
    const auto sch = make_school(people);
    if (n >= 2 && pick(1, 100) <= 20) {
      duo_graph plain(sch, req, matching_settings{});
      if (auto edges = plain.edges(); !edges.empty())
        req.pinned.push_back(
            {plain.candidate(edges.front()->first).id, plain.candidate(edges.front()->second).id});
    }
    duo_graph g(sch, req, matching_settings{});
    const auto r = form_duos(g);
    INFO("round " << round);
    REQUIRE(brute_force_duos(g) ==
            std::pair<int, score_points>{static_cast<int>(r.duos.size()), r.total_score});
    REQUIRE(r.duos.size() * 2 + r.reserves.size() == static_cast<std::size_t>(n));
    const auto why = explain(g, r);
    if (n % 2 == 1 && r.reserves.size() == 1 && why.reserves[0].reason == reserve_reason::odd_count)
      ++odd_groups;
  }
  CHECK(odd_groups > 50);
}

TEST_CASE("matching: duos get first-year classes, one per class, never against a school rule") {
  auto sch = make_school({leader(1, "Anna", 1, 5), leader(2, "Ben", 5, 5), leader(3, "Carla", 2, 4),
                          leader(4, "Dirk", 4, 4), leader(5, "Eline", 3, 2),
                          leader(6, "Femke", 3, 3)});
  sch.students[2].track = school_track::vwo;  // Carla
  const std::vector<leader_pair> duos{{student_id{1}, student_id{2}},
                                      {student_id{3}, student_id{4}},
                                      {student_id{5}, student_id{6}}};
  class_request req{duos,
                    {},
                    {{student_id{1}, first_a, "sibling in 1A"}},
                    {{student_id{5}, first_a, 3}},
                    {},
                    {},
                    std::nullopt};
  class_table t(sch, req, matching_settings{});
  REQUIRE(t.class_count() == 3);  // 1A, 1B, 1C: the first-year classes, not ISK-1
  CHECK(t.option(0, 0).rules == rule_set{pairing_rule::class_rule});
  const auto r = assign_classes(t);
  REQUIRE(r.assignments.size() == 3);
  CHECK(r.uncovered.empty());
  CHECK(r.spare_duos.empty());
  for (const auto& a : r.assignments) CHECK(!(a.duo == duos[0] && a.for_class == first_a));
  // Eline wished for 1A; Carla is the vwo leader for 1B.
  CHECK(r.assignments[0].duo == duos[2]);
  CHECK(r.assignments[1].duo == duos[1]);
  CHECK(r.assignments[1].for_class == first_b);
  const auto pairs = to_support_pairs(r, pair_id{7}, pairing_day);
  REQUIRE(pairs.size() == 3);
  CHECK(pairs[0].role == supporter_role::peer_leader);
  CHECK(pairs[0].supporters == ids({5, 6}));
  CHECK(pairs[0].class_served == first_a);
  CHECK(pairs[0].supportees.empty());

  // Two duos, three classes: one class stays without a duo, and why.
  class_request fewer{
      {duos[0], duos[1]},
      {},
      {{student_id{1}, first_a, "sibling in 1A"}, {student_id{3}, first_a, "sibling in 1A"}},
      {},
      {},
      {},
      std::nullopt};
  class_table t2(sch, fewer, matching_settings{});
  const auto r2 = assign_classes(t2);
  CHECK(r2.uncovered == std::vector<class_id>{first_a});
  const auto why = explain(t2, r2);
  REQUIRE(why.uncovered.size() == 1);
  CHECK(why.uncovered[0].no_allowed_duo);
  const auto words = describe(why, t2);
  INFO(words);
  CHECK(contains(words,
                 "1A has no duo: every duo is excluded by a rule: Anna and Ben (sibling in 1A); "
                 "Carla and Dirk (sibling in 1A)."));
  // In Dutch too; the school's reason stays as the school wrote it.
  CHECK(contains(describe(why, t2, report_language::dutch),
                 "1A heeft geen duo: elk duo is uitgesloten door een regel: Anna en Ben (sibling "
                 "in 1A); Carla en Dirk (sibling in 1A)."));
  CHECK(contains(describe(explain(t, r), t, report_language::dutch),
                 "Eline en Femke begeleiden 1A (score "));

  SECTION("the same-track rule") {
    matching_settings s;
    s.classes.same_track_only = true;
    class_table strict(sch, req, s);
    CHECK(strict.option(1, 0).rules ==
          rule_set{pairing_rule::class_rule});  // Carla is vwo, 1A havo
    CHECK(strict.option(1, 0).reasons ==
          std::vector<std::string>{"only leaders of the class's track"});
    // peerkit's reason in Dutch, next to the school's own.
    class_table strict_fewer(sch, fewer, s);
    const auto dutch = describe(explain(strict_fewer, assign_classes(strict_fewer)), strict_fewer,
                                report_language::dutch);
    INFO(dutch);
    CHECK(contains(dutch,
                   "1A heeft geen duo: elk duo is uitgesloten door een regel: Anna en Ben "
                   "(sibling in 1A); Carla en Dirk (sibling in 1A, alleen peerleiders van "
                   "het niveau van de klas)."));
  }
}

TEST_CASE("matching: class assignment agrees with brute force on random rounds") {
  std::mt19937_64 rng(2718);
  auto pick = [&](int lo, int hi) {
    return lo + static_cast<int>(rng() % static_cast<std::uint64_t>(hi - lo + 1));
  };
  const std::vector<class_id> classes{first_a, first_b, first_c};
  for (int round = 0; round < 500; ++round) {
    std::vector<student> people;
    std::vector<leader_pair> duos;
    const int nd = pick(1, 4);
    for (int d = 0; d < nd; ++d) {
      auto a = leader(static_cast<std::uint32_t>(2 * d + 1), "A", 3, 3);
      auto b = leader(static_cast<std::uint32_t>(2 * d + 2), "B", 3, 3);
      if (pick(0, 1)) a.track = school_track::vwo;
      people.push_back(a);
      people.push_back(b);
      duos.push_back({a.id, b.id});
    }
    class_request req{duos, {}, {}, {}, {}, {}, std::nullopt};
    for (const auto& p : people)
      for (auto c : classes) {
        if (pick(1, 100) <= 20) req.exclusions.push_back({p.id, c, "sibling"});
        if (pick(1, 100) <= 30) req.wishes.push_back({p.id, c, pick(0, 3)});
      }
    if (pick(1, 100) <= 20)
      req.forbidden.push_back({duos[0], classes[static_cast<std::size_t>(pick(0, 2))]});
    const auto sch = make_school(people);
    class_table t(sch, req, matching_settings{});
    const auto r = assign_classes(t);
    // Brute force: each class takes one duo or none; a duo at most one class.
    std::pair<int, score_points> best{-1, 0};
    std::vector<int> load(t.duo_count(), 0);
    auto walk = [&](auto&& self, std::size_t c, int covered, score_points total) -> void {
      if (c == t.class_count()) {
        best = std::max(best, std::pair{covered, total});
        return;
      }
      self(self, c + 1, covered, total);
      for (std::size_t d = 0; d < t.duo_count(); ++d)
        if (load[d] < t.classes_per_duo() && t.option(d, c).rules.empty()) {
          ++load[d];
          self(self, c + 1, covered + 1, total + t.option(d, c).score.total);
          --load[d];
        }
    };
    walk(walk, 0, 0, 0);
    INFO("round " << round);
    REQUIRE(best ==
            std::pair<int, score_points>{static_cast<int>(r.assignments.size()), r.total_score});
    for (const auto& a : r.assignments)
      REQUIRE(t.option(*t.duo_index(a.duo), *t.class_index(a.for_class)).rules.empty());
  }
}

TEST_CASE("matching: leaders go from candidates to duos to classes") {
  auto sch = make_school({leader(1, "Anna", 1, 5), leader(2, "Ben", 5, 5), leader(3, "Carla", 2, 4),
                          leader(4, "Dirk", 4, 4), leader(5, "Eline", 3, 2),
                          leader(6, "Femke", 3, 3), leader(7, "Gijs", 2, 2)});
  const auto policy = default_matching{};
  const auto duos = form_duos(sch, duo_request{ids({1, 2, 3, 4, 5, 6, 7}), pairing_day, {}, {}, {}},
                              policy);
  CHECK(duos.duos.size() == 3);
  CHECK(duos.reserves.size() == 1);
  const auto classes = assign_classes(
      sch, class_request{duos_of(duos), {}, {}, {}, {}, {}, std::nullopt}, policy);
  CHECK(classes.assignments.size() == 3);
  CHECK(classes.uncovered.empty());
}

TEST_CASE(
    "matching: duos and classes are drawn as DOT, reserves and classes without a duo marked") {
  auto sch = make_school(
      {leader(1, "Anna", 1, 5), leader(2, "Ben", 5, 5), leader(3, "Carla", 2, 4)});
  duo_graph g(sch, {ids({1, 2, 3}), pairing_day, {}, {}, {}}, matching_settings{});
  const auto duos = form_duos(g);
  const auto dot = to_dot(g, duos);
  INFO(dot);
  CHECK(dot.rfind("graph duos {", 0) == 0);
  CHECK(contains(dot, "penwidth=3"));
  CHECK(contains(dot, "xlabel=\"reserve\""));
  CHECK(!contains(to_dot(g, duos, {.label = dot_label::student_ids}), "Anna"));

  class_table t(sch, {duos_of(duos), {}, {}, {}, {}, {}, std::nullopt}, matching_settings{});
  const auto classes = assign_classes(t);
  const auto picture = to_dot(t, classes, {.title = "Duos 2025"});
  INFO(picture);
  CHECK(picture.rfind("graph classes {", 0) == 0);
  CHECK(contains(picture, "k0 [label=\"1A\""));
  CHECK(contains(picture, "xlabel=\"no duo\""));  // three classes, one duo
  CHECK(contains(picture, "d0 -- k"));
}
