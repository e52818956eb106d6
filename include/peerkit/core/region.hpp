#pragma once
// The three Dutch school-holiday regions. Kept tiny: the core school type includes it.

#include <array>
#include <string_view>

#include <peerkit/core/enum_keys.hpp>

namespace peerkit {

/// A school-holiday region (vakantieregio). The school's location decides it; a board
/// may choose the region where more than half of its pupils live.
enum class holiday_region { noord, midden, zuid };

/// Spelled as in the Rijksoverheid data: key_of(r) gives "noord", and
/// from_key<holiday_region>("zuid") reads one back (empty for an unknown word).
template <>
struct enum_keys<holiday_region> {
  static constexpr std::array<std::string_view, 3> keys{"noord", "midden", "zuid"};
};

/// Every region, north to south.
inline constexpr std::array<holiday_region, 3> all_holiday_regions{
    holiday_region::noord, holiday_region::midden, holiday_region::zuid};

}  // namespace peerkit
