// peerkit's own holiday file.

#include <sstream>
#include <string>

#include <peerkit/calendar/holiday_reader.hpp>

#include "fuzz_target.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return peerkit::fuzz::check_reader(data, size, [](std::string_view text) {
    std::istringstream in{std::string(text)};
    (void)peerkit::read_holidays(in, "holidays.csv");
  });
}
