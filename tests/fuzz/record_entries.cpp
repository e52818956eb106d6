// New entries for a record (`record --add`): one event object or an array of them, read
// with the end reasons of the named programme.

#include <peerkit/io/programme_json.hpp>
#include <peerkit/io/record_json.hpp>

#include "fuzz_target.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const auto reasons = peerkit::io::read_programme_file(peerkit::fuzz::named_files /
                                                               "programme.json")
                                  .data.supervision.end_reasons;
  return peerkit::fuzz::check_reader(data, size, [](std::string_view text) {
    (void)peerkit::io::read_entries(text, reasons, "add.json");
  });
}
