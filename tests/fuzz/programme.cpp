// A programme document, its school inline or named by a path into the named files.

#include <peerkit/io/programme_json.hpp>

#include "fuzz_target.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return peerkit::fuzz::check_reader(data, size, [](std::string_view text) {
    (void)peerkit::io::read_programme(text, "programme.json", peerkit::fuzz::named_files);
  });
}
