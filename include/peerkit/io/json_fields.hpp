#pragma once
// One table of fields per JSON object type. The strict reader, the writer and the check
// for unknown fields all take the names from it, so a field's name is spelled once and
// the three cannot drift apart. Fields are read and written in the table's order.
//
//   template <> struct json_fields<class_group> {
//     static constexpr auto fields = std::tuple{
//         field("id", &class_group::id, presence::required),
//         field("mentor", &class_group::mentor, presence::when_set)};
//   };
//
// A field of whole numbers says which ones make sense with within(): reading a value
// outside them is a data.out_of_range problem at its path that states the range, e.g.
// `schedule.bonding_weeks: 900 is outside 0..52`.
//
//   field("reserves", &selection_rule::reserves).within({0, 100})
//
// A value that is not an object of fields (a range written as [lowest, highest], an
// object keyed by subject) gets a json_value<T> with its own read() and write().

#include <array>
#include <concepts>
#include <cstddef>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

#include <peerkit/io/json_reader.hpp>

namespace peerkit::io {

/// What an export may contain beyond ordinary personal data.
struct export_access {
  /// Set to write special-category values (origin, languages, needs, groups). Without
  /// it they are left out of the document entirely.
  std::optional<access_purpose> special_category;
};

/// The privacy.no_purpose problem at `location` when `purpose` says nothing (empty or
/// blank); none otherwise. Revealing and reading a reveal's record refuse the same.
[[nodiscard]] inline std::optional<problem> blank_purpose(std::string_view purpose,
                                                          std::string location) {
  if (purpose.find_first_not_of(" \t\r\n") != std::string_view::npos) return std::nullopt;
  return problem{"privacy.no_purpose", std::move(location),
                 "expected why the special-category values are revealed, found nothing"};
}

/// The access that writes special-category values for `purpose`; it refers to `purpose`,
/// which must outlive it. A purpose that says nothing throws privacy.no_purpose.
[[nodiscard]] inline export_access revealing_special_category(std::string_view purpose) {
  if (auto p = blank_purpose(purpose, "purpose")) throw error(p->id, p->location, p->message);
  return {access_purpose{purpose}};
}

/// Whether a field must be in a document, and when it is written.
enum class presence {
  required,  ///< missing is a problem; always written
  optional,  ///< may be missing; always written
  when_set,  ///< may be missing; written only when set (not empty, not an unknown date,
             ///< not null from write_with)
};

/// The whole numbers a field may hold, both ends included.
struct whole_range {
  int low = 0;
  int high = 0;
  [[nodiscard]] constexpr bool contains(int n) const noexcept { return low <= n && n <= high; }
  /// "0..52", for messages.
  [[nodiscard]] std::string to_string() const {
    return std::to_string(low) + ".." + std::to_string(high);
  }
};

/// One field of a JSON object: its name and how its value is reached from the object
/// (a data member pointer, or a function of the object returning the value). A field
/// whose reading or writing involves more than its value says so with read_with() or
/// write_with(); a field of whole numbers gives their bounds with within().
template <class Get, class Read = std::nullptr_t, class Write = std::nullptr_t,
          class Bounds = std::nullptr_t>
struct json_field {
  std::string_view name;
  Get get;
  presence use = presence::optional;
  /// Reads the field instead of reading its value: read(reader, value, path, object).
  Read read{};
  /// Writes the field instead of writing its value: write(object, access) -> json.
  Write write{};
  /// The whole_range every number of the value read must lie in.
  Bounds bounds{};

  template <class R>
  [[nodiscard]] constexpr json_field<Get, R, Write, Bounds> read_with(R r) const {
    return {name, get, use, r, write, bounds};
  }
  template <class W>
  [[nodiscard]] constexpr json_field<Get, Read, W, Bounds> write_with(W w) const {
    return {name, get, use, read, w, bounds};
  }
  [[nodiscard]] constexpr json_field<Get, Read, Write, whole_range> within(
      whole_range range) const {
    return {name, get, use, read, write, range};
  }
};

template <class Get>
[[nodiscard]] constexpr json_field<Get> field(std::string_view name, Get get,
                                              presence use = presence::optional) {
  return {name, get, use};
}

/// A nested object whose fields belong to the enclosing object itself.
template <class... Fields>
struct json_section {
  std::string_view name;
  std::tuple<Fields...> fields;
};

template <class... Fields>
[[nodiscard]] constexpr json_section<Fields...> section(std::string_view name, Fields... fields) {
  return {name, {fields...}};
}

/// The table of `T`'s fields: specialise with `static constexpr auto fields = std::tuple{...}`,
/// and optionally `static void check(json_reader&, const std::string& path, const T&)`
/// for rules between fields, run after they are read.
template <class T>
struct json_fields;

/// How a value that is not an object of fields is read and written: specialise with
/// `static void read(json_reader&, const json&, const std::string& path, T&)` and
/// `static json write(const T&, const export_access&)`.
template <class T>
struct json_value;

/// A type with a table of fields.
template <class T>
concept JsonObject = requires { json_fields<T>::fields; };

/// A type with its own json_value.
template <class T>
concept CustomJsonValue = requires { &json_value<T>::read; };

namespace detail {
template <class T>
struct is_sensitive : std::false_type {};
template <class T, special_category C>
struct is_sensitive<sensitive<T, C>> : std::true_type {};

template <class T>
struct is_optional : std::false_type {};
template <class T>
struct is_optional<std::optional<T>> : std::true_type {};

template <class T>
struct is_vector : std::false_type {};
template <class T>
struct is_vector<std::vector<T>> : std::true_type {};

inline std::string date_text(date d) { return boost::gregorian::to_iso_extended_string(d); }

template <class Fields>
constexpr auto names_of(const Fields& fields) {
  return std::apply(
      [](const auto&... f) { return std::array<std::string_view, sizeof...(f)>{f.name...}; },
      fields);
}

/// A value that can be unset: left out of a document when its field is `when_set`.
template <class T>
concept Settable = is_optional<T>::value || std::same_as<T, date> ||
                   requires(const T& v) { v.empty(); };

template <Settable T>
bool is_set(const T& v) {
  if constexpr (is_optional<T>::value)
    return v.has_value();
  else if constexpr (std::same_as<T, date>)
    return !v.is_special();
  else
    return !v.empty();
}

/// The whole numbers of a value, for its bounds: a number, an optional one, or those a
/// json_value<T> lists with `static auto numbers(const T&)`.
template <class T>
std::vector<int> numbers_of(const T& v) {
  if constexpr (std::same_as<T, int>)
    return {v};
  else if constexpr (std::same_as<T, std::optional<int>>)
    return v ? std::vector<int>{*v} : std::vector<int>{};
  else {
    const auto numbers = json_value<T>::numbers(v);
    return {numbers.begin(), numbers.end()};
  }
}
}  // namespace detail

/// Adds a data.out_of_range problem at `path` for each number of `value` outside `range`.
template <class T>
void check_within(json_reader& r, const std::string& path, const T& value, whole_range range) {
  for (int n : detail::numbers_of(value))
    if (!range.contains(n))
      r.problem("data.out_of_range", path, std::to_string(n) + " is outside " + range.to_string());
}

/// The names of `T`'s fields, in the table's order.
template <JsonObject T>
inline constexpr auto field_names = detail::names_of(json_fields<T>::fields);

template <class T>
void read_value(json_reader& r, const json& j, const std::string& path, T& out);
template <class T>
json write_value(const T& v, const export_access& access);

namespace detail {
template <class Owner, class Get, class Read, class Write, class Bounds>
void read_field(json_reader& r, const json& obj, const std::string& path, Owner& out,
                const json_field<Get, Read, Write, Bounds>& f) {
  auto it = obj.find(f.name);
  if (it == obj.end()) {
    if (f.use == presence::required)
      r.problem("json.missing_field", path, "missing required field '" + std::string(f.name) + "'");
    return;
  }
  const auto where = json_reader::join(path, f.name);
  if constexpr (std::is_null_pointer_v<Read>)
    read_value(r, *it, where, std::invoke(f.get, out));
  else
    f.read(r, *it, where, out);
  if constexpr (!std::is_null_pointer_v<Bounds>)
    check_within(r, where, std::invoke(f.get, out), f.bounds);
}

template <class Owner, class... Fields>
void read_field(json_reader& r, const json& obj, const std::string& path, Owner& out,
                const json_section<Fields...>& s) {
  auto it = obj.find(s.name);
  if (it == obj.end()) return;
  const auto where = json_reader::join(path, s.name);
  if (!r.object(*it, where, names_of(s.fields))) return;
  std::apply([&](const auto&... f) { (read_field(r, *it, where, out, f), ...); }, s.fields);
}

template <class Owner, class Get, class Read, class Write, class Bounds>
void write_field(json& out, const Owner& owner, const json_field<Get, Read, Write, Bounds>& f,
                 const export_access& access) {
  if constexpr (!std::is_null_pointer_v<Write>) {
    auto value = f.write(owner, access);
    if (f.use == presence::when_set && value.is_null()) return;
    out[std::string(f.name)] = std::move(value);
  } else {
    const auto& v = std::invoke(f.get, owner);
    using V = std::remove_cvref_t<decltype(v)>;
    if constexpr (is_sensitive<V>::value)
      if (!access.special_category) return;
    if constexpr (Settable<V>)
      if (f.use == presence::when_set && !is_set(v)) return;
    out[std::string(f.name)] = write_value(v, access);
  }
}

template <class Owner, class... Fields>
void write_field(json& out, const Owner& owner, const json_section<Fields...>& s,
                 const export_access& access) {
  json inner = json::object();
  std::apply([&](const auto&... f) { (write_field(inner, owner, f, access), ...); }, s.fields);
  out[std::string(s.name)] = std::move(inner);
}
}  // namespace detail

/// Reads the fields of `T` from object `j` (already checked to be one) into `out`.
template <JsonObject T>
void read_fields(json_reader& r, const json& j, const std::string& path, T& out) {
  std::apply([&](const auto&... f) { (detail::read_field(r, j, path, out, f), ...); },
             json_fields<T>::fields);
  if constexpr (requires { json_fields<T>::check(r, path, out); })
    json_fields<T>::check(r, path, out);
}

/// Reads `j` as any value peerkit writes: an object of fields, a json_value, a list or
/// null for an absent optional value of those, or a plain value.
template <class T>
void read_value(json_reader& r, const json& j, const std::string& path, T& out) {
  if constexpr (CustomJsonValue<T>) {
    json_value<T>::read(r, j, path, out);
  } else if constexpr (JsonObject<T>) {
    if (r.object(j, path, field_names<T>)) read_fields(r, j, path, out);
  } else if constexpr (detail::is_vector<T>::value) {
    if (!j.is_array()) return r.wrong_kind(path, "an array", j);
    out.clear();
    out.reserve(j.size());
    for (std::size_t i = 0; i < j.size(); ++i)
      read_value(r, j[i], element_location(path, i), out.emplace_back());
  } else if constexpr (detail::is_optional<T>::value) {
    if (j.is_null()) return out.reset();
    typename T::value_type v{};
    read_value(r, j, path, v);
    out = std::move(v);
  } else {
    r.value(j, path, out);
  }
}

/// Writes `v` the way read_value() reads it; special-category values only with access.
template <class T>
json write_value(const T& v, const export_access& access) {
  if constexpr (CustomJsonValue<T>) {
    return json_value<T>::write(v, access);
  } else if constexpr (JsonObject<T>) {
    json out = json::object();
    std::apply([&](const auto&... f) { (detail::write_field(out, v, f, access), ...); },
               json_fields<T>::fields);
    return out;
  } else if constexpr (detail::is_vector<T>::value) {
    json out = json::array();
    for (const auto& e : v) out.push_back(write_value(e, access));
    return out;
  } else if constexpr (detail::is_optional<T>::value) {
    return v ? write_value(*v, access) : json(nullptr);
  } else if constexpr (detail::is_sensitive<T>::value) {
    return write_value(v.reveal(*access.special_category), access);
  } else if constexpr (KeyedEnum<T>) {
    return key_of(v);
  } else if constexpr (requires { v.value(); }) {
    return v.value();  // an id
  } else if constexpr (std::same_as<T, date>) {
    return detail::date_text(v);
  } else if constexpr (requires { v.to_double(); }) {
    return v.to_double();  // a grade, exact in tenths
  } else {
    return v;
  }
}

/// Reads an object whose keys are names the school chooses (subjects, traits, items),
/// each value through `each(key, value, path)`.
template <class Each>
void read_keyed(json_reader& r, const json& j, const std::string& path, std::string_view expected,
                Each each) {
  if (!j.is_object()) return r.wrong_kind(path, expected, j);
  for (const auto& [key, value] : j.items()) each(key, value, json_reader::join(path, key));
}

}  // namespace peerkit::io
