#pragma once
// Definitions of item.hpp: inline here in header-only mode, compiled once into
// peerkit::compiled when PEERKIT_COMPILED is defined (see config.hpp).

#include <peerkit/checklist/item.hpp>
#include <peerkit/config.hpp>

namespace peerkit {

PEERKIT_INLINE std::vector<supporter_role> role_mask::roles() const {
  std::vector<supporter_role> found;
  if (every_role()) return found;
  for (auto r : all_supporter_roles)
    if (contains(r)) found.push_back(r);
  return found;
}

}  // namespace peerkit
