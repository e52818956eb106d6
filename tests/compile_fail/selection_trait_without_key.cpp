// This file must FAIL to compile: a trait is a tag type with a key (one word), which is
// what student records and interview ratings use.
#include <string_view>

#include <peerkit/selection/profile.hpp>

using namespace peerkit;

#ifdef PEERKIT_COMPILE_FAIL_CONTROL
struct punctual {
  static constexpr std::string_view key = "punctual";
};
#else
struct punctual {};
#endif
using profile = criteria_profile<required<punctual, 3>>;
int main() { return static_cast<int>(profile::required.size()); }
