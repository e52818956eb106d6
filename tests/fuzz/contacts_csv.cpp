// A contact list.

#include <peerkit/io/contact_csv.hpp>

#include "fuzz_target.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return peerkit::fuzz::check_reader(data, size, [](std::string_view text) {
    (void)peerkit::io::read_contacts_csv(text, "contacts.csv");
  });
}
