#pragma once
// Text inside XML (the SVG pictures and charts peerkit draws itself): escaped for content
// and attribute values alike, and measured in characters to size the boxes it goes in.

#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>

namespace peerkit::detail {

/// Text for XML content and attribute values. Control characters, which XML 1.0 does not
/// allow, become U+FFFD.
inline std::string xml_escaped(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      case '\t':
      case '\n':
      case '\r': out += c; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20)
          out += "\xEF\xBF\xBD";
        else
          out += c;
    }
  }
  return out;
}

/// Characters of UTF-8 text (bytes that do not continue a character), to size labels.
inline std::size_t character_count(std::string_view text) {
  return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

}  // namespace peerkit::detail
