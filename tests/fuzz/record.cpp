// A record document, its programme named by a path into the named files, replayed.

#include <peerkit/io/record_json.hpp>

#include "fuzz_target.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return peerkit::fuzz::check_reader(data, size, [](std::string_view text) {
    const auto doc = peerkit::io::read_record(text, peerkit::fuzz::named_files, "record.json");
    (void)peerkit::io::replay(doc, "record.json");
  });
}
