// A scenario or sweep document in the folder of the named files.

#include <peerkit/io/simulation_json.hpp>

#include "fuzz_target.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return peerkit::fuzz::check_reader(data, size, [](std::string_view text) {
    (void)peerkit::io::read_simulation(text, peerkit::fuzz::named_files / "scenario.json");
  });
}
