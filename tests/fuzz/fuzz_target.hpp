#pragma once
// The contract every reader keeps, whatever bytes it is given: it reads them, or it throws
// peerkit::error whose problems each say what (id), where (location) and why (message).
// Anything else escaping, a crash, a hang or a sanitizer report is a finding.

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string_view>

#include <peerkit/core/error.hpp>

namespace peerkit::fuzz {

/// The folder of the files a fuzzed document names by a relative path (a programme's
/// school, a record's programme, a scenario's holidays).
inline const std::filesystem::path named_files = PEERKIT_FUZZ_FILES;

/// Runs `read` over the input as text; a peerkit::error must describe every problem fully.
template <class Read>
int check_reader(const std::uint8_t* data, std::size_t size, Read read) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    read(text);
  } catch (const error& e) {
    for (const auto& p : e.problems())
      if (p.id.empty() || p.location.empty() || p.message.empty()) {
        std::fprintf(stderr, "incomplete problem: id '%s', location '%s', message '%s'\n",
                     p.id.c_str(), p.location.c_str(), p.message.c_str());
        std::abort();
      }
  }
  return 0;
}

}  // namespace peerkit::fuzz
