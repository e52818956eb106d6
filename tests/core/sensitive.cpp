#include <catch2/catch.hpp>

#include <sstream>
#include <type_traits>

#include <peerkit/core/student.hpp>

using namespace peerkit;

namespace {
template <class T>
concept Streamable = requires(std::ostream& os, const T& t) { os << t; };
}  // namespace

TEST_CASE("core: special-category data cannot be printed or converted") {
  STATIC_REQUIRE(!Streamable<origin_data>);
  STATIC_REQUIRE(!Streamable<needs_data>);
  STATIC_REQUIRE(!std::is_convertible_v<origin_data, std::optional<std::string>>);
  STATIC_REQUIRE(!std::is_convertible_v<std::vector<need>, needs_data>);
  STATIC_REQUIRE(is_sensitive_v<language_data>);
  STATIC_REQUIRE(!is_sensitive_v<std::vector<std::string>>);
  STATIC_REQUIRE(origin_data::category == special_category::origin);
  STATIC_REQUIRE(needs_data::category == special_category::health);
}

TEST_CASE("core: special-category data is read through an explicit access step") {
  student s;
  s.needs = needs_data{{need::autism, need::bullied}};
  const auto& needs = s.needs.reveal(access_purpose{"test: read back what was stored"});
  REQUIRE(needs.size() == 2);
  CHECK(needs[0] == need::autism);
  s.needs.reveal_for_update(access_purpose{"test: correction"}).pop_back();
  CHECK(s.needs == needs_data{{need::autism}});
}
