// The sample school, paired end to end: its newcomer buddies with the ISK class, its
// leader candidates into duos and the duos into first-year classes.

#include <catch2/catch.hpp>

#include <fstream>
#include <iterator>
#include <sstream>
#include <string>

#include <peerkit/io/school_json.hpp>
#include <peerkit/matching/buddy_pairing.hpp>
#include <peerkit/matching/class_assignment.hpp>
#include <peerkit/matching/dot.hpp>
#include <peerkit/matching/explanation.hpp>
#include <peerkit/matching/leader_duos.hpp>
#include <peerkit/matching/verifier.hpp>

using namespace peerkit;

namespace {

school sample_school() {
  std::ifstream in(std::string(PEERKIT_SOURCE_DIR) + "/examples/data/sample_school.json");
  REQUIRE(in);
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  return io::read_school(text, "sample_school.json");
}

bool contains(const std::string& text, std::string_view part) {
  return text.find(part) != std::string::npos;
}

// Hoofdvaart's way (source 001): buddies from the third-year vmbo classes who are
// interested in other cultures, for the students of the newcomer class.
pairing_request newcomer_round(const school& s) {
  pairing_request r;
  r.on = date{2025, 10, 1};
  for (const auto& st : s.students) {
    if (st.year == 3 && st.rating("intercultural_interest"))
      r.supporters.push_back({st.id, supporter_role::newcomer_buddy, std::nullopt, 1});
    if (st.is_newcomer()) r.supportees.push_back(st.id);
  }
  return r;
}

}  // namespace

TEST_CASE("matching: the sample school's newcomers are paired, explained and verified") {
  const auto s = sample_school();
  const auto request = newcomer_round(s);
  REQUIRE(request.supporters.size() == 25);
  REQUIRE(request.supportees.size() == 15);
  for (auto goal : {objective::most_supported, objective::best_total_score, objective::stable,
                    objective::fairest}) {
    matching_settings settings;
    settings.buddies.goal = goal;
    const pairing_graph g(s, request, settings);
    const auto result = pair_buddies(g);
    const auto report = verify(g, result);
    INFO(key_of(goal) << ": "
                      << (report.ok() ? std::string() : report.problems.front().to_string()));
    REQUIRE(report.ok());
    // Two Syrian students of conflicting groups are never paired.
    CHECK(result.supporter_of(student_id{1117}) != student_id{1101});
    const auto words = describe(explain(g, result), s);
    for (auto secret : {"Syria", "arabic", "syria_group"}) CHECK(!contains(words, secret));
    if (goal == objective::most_supported) {
      CHECK(result.supported == 15);
      CHECK(result.unused_supporters.size() == 10);
      CHECK(contains(words,
                     "supports nobody: every compatible supportee is with a supporter who scores "
                     "at least as high"));
      CHECK(to_support_pairs(request, result, pair_id{1}, request.on).size() == 15);
      const auto dot = to_dot(g, result, {.title = s.name + ": newcomer buddies"});
      CHECK(contains(dot, "newcomer buddy, 1 of 1"));
    }
  }
}

TEST_CASE("matching: the sample school's leader candidates form duos for its first-year classes") {
  const auto s = sample_school();
  duo_request candidates;
  candidates.on = date{2025, 10, 1};
  for (const auto& st : s.students)
    if (st.year == 2 ||
        (st.year == 4 && st.track == school_track::havo && st.rating("likes_working_together")))
      candidates.candidates.push_back(st.id);
  const duo_graph g(s, candidates, matching_settings{});
  const auto duos = form_duos(g);
  CHECK(duos.duos.size() * 2 + duos.reserves.size() == candidates.candidates.size());
  CHECK(duos.reserves.size() == candidates.candidates.size() % 2);
  const auto table = class_table(s, {duos_of(duos), {}, {}, {}, {}, {}, std::nullopt},
                                 matching_settings{});
  CHECK(table.class_count() == 6);
  const auto classes = assign_classes(table);
  CHECK(classes.assignments.size() == std::min<std::size_t>(6, duos.duos.size()));
}
