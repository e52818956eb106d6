// The government's open-data school holidays.

#include <peerkit/io/holiday_json.hpp>

#include "fuzz_target.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return peerkit::fuzz::check_reader(data, size, [](std::string_view text) {
    (void)peerkit::io::read_holiday_json(text, "schoolholidays.json");
  });
}
