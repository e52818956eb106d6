#pragma once
// Definitions of school_year.hpp: inline here in header-only mode, compiled once into
// peerkit::compiled when PEERKIT_COMPILED is defined (see config.hpp).

#include <peerkit/calendar/school_year.hpp>
#include <peerkit/config.hpp>

namespace peerkit {

PEERKIT_INLINE date detail::make_date(int year, int month, int day) {
  return date(static_cast<unsigned short>(year), static_cast<unsigned short>(month),
              static_cast<unsigned short>(day));
}

PEERKIT_INLINE std::string school_year::to_string() const {
  return std::to_string(start_year) + '-' + std::to_string(start_year + 1);
}

PEERKIT_INLINE school_year school_year_of(date d) {
  const int y = d.year();
  return {d.month() >= boost::gregorian::Aug ? y : y - 1};
}

}  // namespace peerkit
