#pragma once
// Strict reading of JSON documents into peerkit's plain data. Every value is checked
// against what is expected, unknown fields are errors (with the nearest known name
// suggested), and all problems of a document are collected with their JSON path, e.g.
// `students[12].grades.math: 11 is outside 1..10`. Needs nlohmann/json.

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <initializer_list>
#include <limits>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <boost/date_time/gregorian/gregorian.hpp>
#include <nlohmann/json.hpp>

#include <peerkit/core/cell_text.hpp>
#include <peerkit/core/date_text.hpp>
#include <peerkit/core/enum_keys.hpp>
#include <peerkit/core/error.hpp>
#include <peerkit/core/sensitive.hpp>
#include <peerkit/core/strong_id.hpp>
#include <peerkit/core/student.hpp>

namespace peerkit::io {

/// peerkit writes objects with their fields in a fixed, readable order.
using json = nlohmann::ordered_json;

namespace detail {
inline std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

inline std::string kind_of(const json& j) {
  switch (j.type()) {
    case json::value_t::null: return "null";
    case json::value_t::object: return "an object";
    case json::value_t::array: return "an array";
    case json::value_t::string: return "a string";
    case json::value_t::boolean: return "a boolean";
    case json::value_t::number_integer:
    case json::value_t::number_unsigned: return "an integer";
    case json::value_t::number_float: return "a number";
    default: return "an unsupported value";
  }
}
}  // namespace detail

/// The known name nearest to `unknown`, if it is close enough to be a likely typo.
inline std::optional<std::string_view> nearest_name(std::string_view unknown,
                                                    std::span<const std::string_view> known) {
  std::optional<std::string_view> best;
  std::size_t best_distance = std::max<std::size_t>(2, unknown.size() / 3) + 1;
  for (auto k : known) {
    // The distance is at least the difference in length, so a long name costs nothing.
    if (std::max(unknown.size(), k.size()) - std::min(unknown.size(), k.size()) >= best_distance)
      continue;
    if (auto d = detail::edit_distance(unknown, k); d < best_distance) {
      best = k;
      best_distance = d;
    }
  }
  return best;
}

/// A name from a document as messages and paths show it: at most its first 40 bytes, so
/// that a hostile document cannot make every message as long as itself.
inline std::string shown_name(std::string_view name) {
  constexpr std::size_t shown = 40;
  if (name.size() <= shown) return std::string(name);
  std::size_t end = shown;
  while (end > 0 && (static_cast<unsigned char>(name[end]) & 0xC0) == 0x80) --end;  // whole UTF-8
  return std::string(name.substr(0, end)) + "…";
}

/// A value from a document as messages show it: its JSON text, cut like shown_name().
inline std::string shown_value(const json& j) { return shown_name(j.dump()); }

/// Reads values from one JSON document, collecting every problem with its path.
class json_reader {
 public:
  explicit json_reader(problem_list& problems) : problems_(problems) {}

  void problem(std::string id, const std::string& path, std::string message) {
    problems_.add(std::move(id), path, std::move(message));
  }
  void wrong_kind(const std::string& path, std::string_view expected, const json& found) {
    problem("json.wrong_type", path,
            "expected " + std::string(expected) + ", found " + detail::kind_of(found));
  }

  /// Checks that `j` is an object whose fields are all among `known`.
  bool object(const json& j, const std::string& path,
              std::initializer_list<std::string_view> known) {
    return object(j, path, std::span<const std::string_view>(known.begin(), known.size()));
  }
  bool object(const json& j, const std::string& path, std::span<const std::string_view> known) {
    if (!j.is_object()) {
      wrong_kind(path, "an object", j);
      return false;
    }
    for (const auto& [key, value] : j.items()) {
      if (std::find(known.begin(), known.end(), key) != known.end()) continue;
      std::string message = "unknown field '" + shown_name(key) + "'";
      if (auto near = nearest_name(key, known))
        message += "; did you mean '" + std::string(*near) + "'?";
      problem("json.unknown_field", join(path, shown_name(key)), std::move(message));
    }
    return true;
  }

  /// Reads field `key` of object `obj` into `out`; a missing required field is a problem.
  template <class T>
  void field(const json& obj, const std::string& path, std::string_view key, T& out,
             bool required = true) {
    auto it = obj.find(key);
    if (it == obj.end()) {
      if (required)
        problem("json.missing_field", path, "missing required field '" + std::string(key) + "'");
      return;
    }
    value(*it, join(path, key), out);
  }

  void value(const json& j, const std::string& path, bool& out) {
    if (j.is_boolean())
      out = j.get<bool>();
    else
      wrong_kind(path, "true or false", j);
  }
  /// A whole number beyond an int says the range; a field's own bounds are narrower
  /// (json_field::within).
  void value(const json& j, const std::string& path, int& out) {
    using limits = std::numeric_limits<int>;
    if (!j.is_number_integer()) return wrong_kind(path, "a whole number", j);
    if (j.is_number_unsigned() ? j.get<std::uint64_t>() <= limits::max()
                               : j.get<std::int64_t>() >= limits::min())
      out = j.get<int>();
    else
      problem("data.out_of_range", path,
              j.dump() + " is outside " + std::to_string(limits::min()) + ".." +
                  std::to_string(limits::max()));
  }
  /// A grade: a number with one decimal at most, such as 6.5.
  void value(const json& j, const std::string& path, tenths& out) {
    if (!j.is_number()) return wrong_kind(path, "a grade such as 6.5", j);
    if (auto t = tenths::from_decimal(j.get<double>()))
      out = *t;
    else
      problem("json.wrong_type", path,
              "expected a grade with one decimal at most, such as 6.5, found " + j.dump());
  }
  void value(const json& j, const std::string& path, std::string& out) {
    if (j.is_string())
      out = j.get<std::string>();
    else
      wrong_kind(path, "a string", j);
  }
  void value(const json& j, const std::string& path, date& out) {
    if (!j.is_string()) return wrong_kind(path, expected_date(), j);
    const auto& text = j.get_ref<const std::string&>();
    if (auto d = read_date(text))
      out = *d;
    else
      problem("json.bad_date", path, "expected " + expected_date() + ", found " + in_quotes(text));
  }
  template <class Tag, class Rep>
  void value(const json& j, const std::string& path, strong_id<Tag, Rep>& out) {
    if (!j.is_number_integer()) return wrong_kind(path, "an id (a whole number from 0)", j);
    if (!j.is_number_unsigned())
      problem("data.out_of_range", path, j.dump() + " is below the smallest id, 0");
    else if (j.get<std::uint64_t>() > std::numeric_limits<Rep>::max())
      problem("data.out_of_range", path,
              j.dump() + " is above the largest id, " +
                  std::to_string(std::numeric_limits<Rep>::max()));
    else
      out = strong_id<Tag, Rep>{j.get<Rep>()};
  }
  template <KeyedEnum E>
  void value(const json& j, const std::string& path, E& out) {
    if (!j.is_string()) return wrong_kind(path, "one of " + key_choices<E>(), j);
    if (auto e = from_key<E>(j.get<std::string>()))
      out = *e;
    else
      problem("json.unknown_value", path,
              "'" + shown_name(j.get<std::string>()) + "' is not one of " + key_choices<E>());
  }
  template <class T>
  void value(const json& j, const std::string& path, std::optional<T>& out) {
    if (j.is_null()) return out.reset();
    T v{};
    value(j, path, v);
    out = std::move(v);
  }
  template <class T>
  void value(const json& j, const std::string& path, std::vector<T>& out) {
    if (!j.is_array()) return wrong_kind(path, "an array", j);
    out.clear();
    out.reserve(j.size());
    for (std::size_t i = 0; i < j.size(); ++i) {
      T v{};
      value(j[i], element_location(path, i), v);
      out.push_back(std::move(v));
    }
  }
  /// Special-category values come in like any other, but a problem with one never
  /// repeats the value: error messages end up in logs.
  template <class T, special_category C>
  void value(const json& j, const std::string& path, sensitive<T, C>& out) {
    problem_list own;
    json_reader inner(own);
    T v{};
    inner.value(j, path, v);
    for (const auto& p : own.problems())
      problem(p.id, p.location,
              "not a valid value here (special-category data is not repeated in messages)");
    out = sensitive<T, C>{std::move(v)};
  }

  static std::string join(const std::string& path, std::string_view key) {
    return path.empty() ? std::string(key) : path + "." + std::string(key);
  }

 private:
  problem_list& problems_;
};

/// How deep arrays and objects may nest in a document read. peerkit's own documents nest
/// fewer than ten levels; the limit keeps every recursive walk over a value (comparing,
/// writing it into a message) far from the end of the stack.
inline constexpr std::size_t max_json_depth = 100;

namespace detail {
/// Finds keys given twice in one object, which nlohmann/json's parser lets the last win,
/// and stops at a document nested deeper than max_json_depth.
class duplicate_key_finder : public nlohmann::json_sax<json> {
 public:
  explicit duplicate_key_finder(json_reader& r) : r_(r) {}

  bool null() override { return value(); }
  bool boolean(bool) override { return value(); }
  bool number_integer(number_integer_t) override { return value(); }
  bool number_unsigned(number_unsigned_t) override { return value(); }
  bool number_float(number_float_t, const string_t&) override { return value(); }
  bool string(string_t&) override { return value(); }
  bool binary(binary_t&) override { return value(); }
  bool start_object(std::size_t) override { return open(false); }
  bool start_array(std::size_t) override { return open(true); }
  bool end_object() override { return close(); }
  bool end_array() override { return close(); }
  bool key(string_t& k) override {
    auto& top = open_.back();
    if (!top.keys.insert(k).second)
      r_.problem("json.duplicate_key", json_reader::join(path(), shown_name(k)),
                 "the field '" + shown_name(k) + "' is given twice");
    top.key = k;
    return true;
  }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override {
    return false;  // parse_json() reports syntax errors
  }
  [[nodiscard]] bool too_deep() const noexcept { return too_deep_; }

 private:
  struct level {
    bool array = false;
    std::size_t index = 0;       ///< of the array element being read
    std::string key;             ///< of the object field being read
    std::set<std::string> keys;  ///< a set: an object of many fields stays fast
  };
  /// The path of the value being read, up to the innermost object's field.
  std::string path() const {
    std::string p;
    for (std::size_t i = 0; i + 1 < open_.size(); ++i)
      p = open_[i].array ? element_location(p, open_[i].index) : json_reader::join(p, open_[i].key);
    return p;
  }
  bool value() {
    if (!open_.empty() && open_.back().array) ++open_.back().index;
    return true;
  }
  bool open(bool array) {
    if (open_.size() == max_json_depth) {
      too_deep_ = true;
      return false;
    }
    open_.push_back({array, 0, {}, {}});
    return true;
  }
  bool close() {
    open_.pop_back();
    return value();
  }

  json_reader& r_;
  std::vector<level> open_;
  bool too_deep_ = false;
};
}  // namespace detail

/// Parses `text` as JSON; a syntax error becomes a problem with line and column, and so
/// does anything else the parser refuses (a number beyond a double, nesting deeper than
/// max_json_depth). The message never repeats the text read: it may be a value of a
/// sensitive field. A key given twice in an object, which the parser would let the last
/// one win, is a problem at its path.
inline std::optional<json> parse_json(std::string_view text, const std::string& source_name,
                                      problem_list& problems) {
  try {
    // The depth is checked before the document is built; keys given twice count only in a
    // document that parses.
    problem_list duplicates;
    json_reader r(duplicates);
    detail::duplicate_key_finder finder(r);
    (void)json::sax_parse(text.begin(), text.end(), &finder);
    if (finder.too_deep()) {
      problems.add(
          "json.syntax", source_name,
          "arrays and objects are nested more than " + std::to_string(max_json_depth) + " deep");
      return std::nullopt;
    }
    auto parsed = json::parse(text.begin(), text.end());
    for (const auto& p : duplicates.problems()) problems.add(p.id, p.location, p.message);
    return parsed;
  } catch (const json::out_of_range&) {
    problems.add("json.syntax", source_name, "a number is beyond the range of a double");
    return std::nullopt;
  } catch (const json::parse_error& e) {
    std::size_t line = 1, column = 1;
    for (std::size_t i = 0; i + 1 < e.byte && i < text.size(); ++i) {
      if (text[i] == '\n') {
        ++line;
        column = 1;
      } else {
        ++column;
      }
    }
    std::string what = e.what();
    if (auto at = what.find("syntax error"); at != std::string::npos) what = what.substr(at);
    if (auto at = what.find("; last read"); at != std::string::npos) what.erase(at);
    problems.add("json.syntax",
                 source_name + ":" + std::to_string(line) + ":" + std::to_string(column), what);
    return std::nullopt;
  }
}

/// Adds `found` to `out`, each located in the file `name`: a problem with the document as a
/// whole (at the empty path) at its name, one within it at
/// "name: path"; one that names a file already (a syntax error "name:3:7", a problem of a
/// document it refers to) as it is.
inline void add_located(problem_list& out, const std::vector<problem>& found,
                        std::string_view name) {
  for (const auto& p : found) {
    const bool in_file = p.location.starts_with(name) || p.location.find(": ") != std::string::npos;
    out.add(p.id,
            p.location.empty() ? std::string(name)
            : in_file          ? p.location
                               : std::string(name) + ": " + p.location,
            p.message);
  }
}

/// Throws the problems found in the document `source_name`, if any, each located in it
/// (add_located), so that every message says in which file.
inline void throw_document_problems(const problem_list& problems, std::string_view source_name) {
  problem_list located;
  add_located(located, problems.problems(), source_name);
  located.throw_if_any();
}

}  // namespace peerkit::io
