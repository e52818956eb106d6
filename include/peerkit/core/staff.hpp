#pragma once
// A member of staff and the programme roles they hold.

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include <peerkit/core/staff_roles.hpp>
#include <peerkit/core/strong_id.hpp>

namespace peerkit {

struct staff_member {
  staff_id id;
  std::string name;
  std::vector<staff_role> roles;
  /// Who takes over when this person leaves (step 7: a successor always ready).
  std::optional<staff_id> successor;

  [[nodiscard]] bool holds(staff_role r) const noexcept {
    return std::find(roles.begin(), roles.end(), r) != roles.end();
  }
  friend bool operator==(const staff_member&, const staff_member&) = default;
};

}  // namespace peerkit
