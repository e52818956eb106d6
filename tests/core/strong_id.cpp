#include <catch2/catch.hpp>

#include <type_traits>
#include <unordered_set>

#include <peerkit/core/strong_id.hpp>

using namespace peerkit;

TEST_CASE("core: ids of different kinds cannot be mixed up") {
  STATIC_REQUIRE(!std::is_convertible_v<student_id, staff_id>);
  STATIC_REQUIRE(!std::is_convertible_v<staff_id, student_id>);
  STATIC_REQUIRE(!std::is_convertible_v<std::uint32_t, student_id>);
  STATIC_REQUIRE(!std::is_convertible_v<student_id, std::uint32_t>);
  STATIC_REQUIRE(std::is_trivially_copyable_v<student_id>);
}

TEST_CASE("core: ids compare and hash by value") {
  CHECK(student_id{3} == student_id{3});
  CHECK(student_id{3} < student_id{4});
  CHECK(student_id{} == student_id{0});
  std::unordered_set<student_id> seen{student_id{1}, student_id{2}, student_id{1}};
  CHECK(seen.size() == 2);
}
