#pragma once
// The shipped sample school and its programme, for the examples.

#include <string>

#include <peerkit/calendar/holiday_reader.hpp>
#include <peerkit/io/programme_json.hpp>

namespace sample {

inline const std::string data_dir = PEERKIT_SAMPLE_DIR;

inline peerkit::io::programme_document programme_document() {
  return peerkit::io::read_programme_file(data_dir + "/sample_programme.json");
}

inline peerkit::school_calendar calendar(peerkit::holiday_region region) {
  return {region, peerkit::read_holidays_file(data_dir + "/school_holidays_nl.csv"), {}};
}

}  // namespace sample
