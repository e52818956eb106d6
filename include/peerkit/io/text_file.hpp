#pragma once
// Reading a whole input file, with the errors every reader reports the same way.

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <system_error>

#include <peerkit/core/error.hpp>

namespace peerkit::io {

namespace detail {

/// "UTF-16" or "UTF-32" when `text` is Unicode text in one of those encodings, empty
/// otherwise (UTF-8, with or without its byte-order mark, or bytes that are no text).
/// Told by the byte-order mark or, without one, as RFC 4627 (section 3) tells JSON's
/// encodings apart: the first characters of every file peerkit reads ('{', '[', a CSV
/// header, white space) are ASCII, which these encodings write with zero bytes beside them.
[[nodiscard]] constexpr std::string_view wide_unicode_encoding(std::string_view text) noexcept {
  using namespace std::string_view_literals;
  if (text.starts_with("\xFF\xFE\0\0"sv) || text.starts_with("\0\0\xFE\xFF"sv)) return "UTF-32";
  if (text.starts_with("\xFF\xFE"sv) || text.starts_with("\xFE\xFF"sv)) return "UTF-16";
  if (text.size() < 4) return {};
  const auto zero = [&](std::size_t i) { return text[i] == '\0'; };
  if ((zero(0) && zero(1) && zero(2) && !zero(3)) || (!zero(0) && zero(1) && zero(2) && zero(3)))
    return "UTF-32";
  if ((zero(0) && !zero(1) && zero(2) && !zero(3)) || (!zero(0) && zero(1) && !zero(2) && zero(3)))
    return "UTF-16";
  return {};
}

}  // namespace detail

/// The bytes of the file at `path`. Throws peerkit::error "io.cannot_read" when it is a
/// directory or cannot be opened or read, and "io.encoding" when it is UTF-16 or UTF-32
/// text, which a spreadsheet or editor may save: every reader takes UTF-8 only.
[[nodiscard]] inline std::string read_text_file(const std::filesystem::path& path) {
  std::error_code ignored;
  if (std::filesystem::is_directory(path, ignored))
    throw error("io.cannot_read", path.string(), "is a directory, not a file");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw error("io.cannot_read", path.string(), "cannot read the file");
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) throw error("io.cannot_read", path.string(), "cannot read the file");
  auto bytes = text.str();
  if (const auto encoding = detail::wide_unicode_encoding(bytes); !encoding.empty())
    throw error("io.encoding", path.string(),
                "is " + std::string(encoding) + " text; save it as UTF-8");
  return bytes;
}

}  // namespace peerkit::io
