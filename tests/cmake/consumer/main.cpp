#include <peerkit/peerkit.hpp>

int main() {
  constexpr auto buddy = peerkit::role_traits<peerkit::peer_buddy>::parameters;
  return buddy.supportees_per_supporter.max == 2 ? 0 : 1;
}
