// A broken precondition is a programmer's mistake: PEERKIT_ASSERT fires. Here it throws
// peerkit_test::precondition_failed (throwing_assert.hpp), so each case checks that a
// broken precondition fires and that the same call, kept, does not.

#include <peerkit/calendar/icalendar.hpp>
#include <peerkit/core/error.hpp>
#include <peerkit/io/output_files.hpp>
#include <peerkit/solvers/stable_pairing.hpp>

#include <catch2/catch.hpp>

#include <filesystem>
#include <vector>

using peerkit_test::precondition_failed;

TEST_CASE("an error id that is not in error_ids fires") {
  peerkit::problem_list problems;
  CHECK_THROWS_AS(problems.add("csv.no_such_id", "students.csv:2:1", "a message"),
                  precondition_failed);
  CHECK_THROWS_AS(peerkit::error("no_such_family.empty", "", "a message"), precondition_failed);
  CHECK_THROWS_AS(peerkit::error({{"csv.empty", "", "listed"}, {"csv.emptied", "", "not listed"}}),
                  precondition_failed);

  CHECK_NOTHROW(
      problems.add("csv.empty", "students.csv:1:1", "expected a header row, found an empty file"));
  CHECK_THROWS_AS(problems.throw_if_any(), peerkit::error);
}

TEST_CASE("blocking_pairs fires for a pairing that does not fit the problem") {
  // Two supporters of capacity 1; both supportees rank supporter 0 first.
  const peerkit::stable_pairing_problem problem{{1, 1}, {{0, 1}, {0, 1}}, {{0, 1}, {0, 1}}};
  CHECK_THROWS_AS(peerkit::blocking_pairs(problem, {0}), precondition_failed);  // one entry short
  CHECK_THROWS_AS(peerkit::blocking_pairs(problem, {0, 2}), precondition_failed);  // no supporter 2

  CHECK(peerkit::blocking_pairs(problem, {0, 1}).empty());
  CHECK(peerkit::blocking_pairs(problem, {1, 0}) == std::vector<std::pair<int, int>>{{0, 0}});
}

TEST_CASE("to_icalendar fires without a file time or for an event without a day") {
  const peerkit::calendar_event event{
      .id = "kick-off", .summary = "Kick-off", .day = peerkit::date(2025, 9, 1)};
  const peerkit::icalendar_options stamped{
      .dtstamp = boost::posix_time::ptime(peerkit::date(2025, 8, 1))};
  CHECK_THROWS_AS(peerkit::to_icalendar({event}, peerkit::icalendar_options{}),
                  precondition_failed);
  auto undated = event;
  undated.day = peerkit::date();
  CHECK_THROWS_AS(peerkit::to_icalendar({undated}, stamped), precondition_failed);

  CHECK(peerkit::to_icalendar({event}, stamped).find("SUMMARY:Kick-off") != std::string::npos);
}

TEST_CASE("write_output_directory fires for a file outside the directory, before writing") {
  const auto dir = std::filesystem::temp_directory_path() / "peerkit_assert_output_never_made";
  std::filesystem::remove_all(dir);
  const std::vector<peerkit::io::output_file> escaping{{"../escaped.txt", "text"}};
  const std::vector<peerkit::io::output_file> absolute{{dir / "absolute.txt", "text"}};
  CHECK_THROWS_AS(peerkit::io::write_output_directory(dir, escaping, {}), precondition_failed);
  CHECK_THROWS_AS(peerkit::io::write_output_directory(dir, absolute, {}), precondition_failed);
  CHECK_FALSE(std::filesystem::exists(dir));
}
