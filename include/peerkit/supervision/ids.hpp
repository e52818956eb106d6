#pragma once
// Identifiers of what supervision keeps track of, next to the core ids.

#include <peerkit/core/strong_id.hpp>

namespace peerkit {

using intervision_group_id = strong_id<struct intervision_group_tag>;
using escalation_id = strong_id<struct escalation_tag>;

}  // namespace peerkit
