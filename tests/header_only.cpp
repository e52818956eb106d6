// Built without PEERKIT_COMPILED beside odr.cpp: the umbrella header compiles in
// header-only mode, its definitions link once per program, and they run.
#include <catch2/catch.hpp>
#include <peerkit/peerkit.hpp>

#ifdef PEERKIT_COMPILED
#error "test_header_only checks header-only mode"
#endif

TEST_CASE("header-only mode: definitions come from the headers") {
  const peerkit::weighted_matching_problem problem{3, {{0, 1, 5}, {1, 2, 7}}};
  const auto result = peerkit::solve_matching(problem);
  CHECK(result.chosen == std::vector<int>{1});
  CHECK(result.total_weight == 7);
}
