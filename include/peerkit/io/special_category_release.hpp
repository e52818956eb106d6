#pragma once
// The note a document carries when its special-category values were revealed: for which
// purpose and on which day, so that whoever holds the file can see why it holds them.

#include <string>
#include <tuple>

#include <peerkit/io/json_fields.hpp>

namespace peerkit::io {

/// Special-category values were written into a document for `purpose`, on `on`.
struct special_category_release {
  std::string purpose;
  date on;
  friend bool operator==(const special_category_release&,
                         const special_category_release&) = default;
};

template <>
struct json_fields<special_category_release> {
  static constexpr auto fields = std::tuple{
      field("purpose", &special_category_release::purpose, presence::required),
      field("on", &special_category_release::on, presence::required)};

  /// A purpose that says nothing is refused here as when revealing.
  static void check(json_reader& r, const std::string& path, const special_category_release& v) {
    if (auto p = blank_purpose(v.purpose, json_reader::join(path, "purpose")))
      r.problem(p->id, p->location, p->message);
  }
};

}  // namespace peerkit::io
