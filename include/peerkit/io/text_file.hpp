#pragma once
// Reading a whole input file, with the one error every reader reports the same way.

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <peerkit/core/error.hpp>

namespace peerkit::io {

/// The bytes of the file at `path`; throws peerkit::error ("io.cannot_read") when it
/// cannot be opened.
[[nodiscard]] inline std::string read_text_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw error("io.cannot_read", path.string(), "cannot read the file");
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace peerkit::io
