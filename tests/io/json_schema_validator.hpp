#pragma once
// A JSON Schema (draft 2020-12) validator for the keywords peerkit's schemas use. A
// keyword it does not know is an error, so a schema cannot use one that goes unchecked.

#include <algorithm>
#include <cmath>
#include <map>
#include <regex>
#include <set>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include <peerkit/core/enum_keys.hpp>
#include <peerkit/io/text_file.hpp>

namespace peerkit::test {

/// Checks documents against a root schema; references may name other schemas by `$id`.
class schema_validator {
 public:
  /// `root` is the schema documents are checked against; `others` are the schemas its
  /// references may name by their `$id` (the root is named by its own `$id` too).
  explicit schema_validator(nlohmann::json root, std::vector<nlohmann::json> others = {}) {
    root_id_ = root.value("$id", "");
    schemas_.emplace(root_id_, std::move(root));
    for (auto& s : others) {
      const auto id = s.at("$id").get<std::string>();
      schemas_.emplace(id, std::move(s));
    }
  }

  /// Where `instance` breaks the schema, as "path: what"; empty when it is valid.
  [[nodiscard]] std::vector<std::string> errors(const nlohmann::json& instance) const {
    std::vector<std::string> out;
    const auto& root = schemas_.at(root_id_);
    check(root, root, instance, "$", out);
    return out;
  }

 private:
  using json = nlohmann::json;

  // `doc` is the schema document `s` lies in: a reference without a base resolves in it.
  void check(const json& doc, const json& s, const json& v, const std::string& at,
             std::vector<std::string>& out) const {
    for (const auto& [key, arg] : s.items()) {
      if (key == "$ref") {
        const auto ref = arg.get<std::string>();
        const auto hash = ref.find('#');
        const auto base = ref.substr(0, hash);
        const auto fragment = hash == std::string::npos ? std::string() : ref.substr(hash + 1);
        if (!fragment.empty() && !fragment.starts_with("/"))
          throw std::logic_error("only JSON-pointer fragments are supported: " + ref);
        auto it = base.empty() ? schemas_.end() : schemas_.find(base);
        if (!base.empty() && it == schemas_.end())
          throw std::logic_error("no schema with $id " + base);
        const json& target_doc = base.empty() ? doc : it->second;
        check(target_doc, target_doc.at(json::json_pointer(fragment)), v, at, out);
      } else if (key == "type") {
        bool any = false;
        for (const auto& t : arg.is_array() ? arg : json::array({arg}))
          any = any || is_type(v, t.get<std::string>());
        if (!any) out.push_back(at + ": not of type " + arg.dump());
      } else if (key == "enum") {
        if (std::find(arg.begin(), arg.end(), v) == arg.end())
          out.push_back(at + ": not in the enum");
      } else if (key == "properties") {
        if (v.is_object())
          for (const auto& [name, sub] : arg.items())
            if (v.contains(name)) check(doc, sub, v.at(name), at + "." + name, out);
      } else if (key == "additionalProperties") {
        if (!v.is_object()) continue;
        for (const auto& [name, value] : v.items()) {
          if (s.contains("properties") && s.at("properties").contains(name)) continue;
          if (arg.is_boolean()) {
            if (!arg.get<bool>()) out.push_back(at + ": property '" + name + "' is not allowed");
          } else {
            check(doc, arg, value, at + "." + name, out);
          }
        }
      } else if (key == "required") {
        if (v.is_object())
          for (const auto& name : arg)
            if (!v.contains(name.get<std::string>()))
              out.push_back(at + ": lacks '" + name.get<std::string>() + "'");
      } else if (key == "items") {
        if (v.is_array())
          for (std::size_t i = 0; i < v.size(); ++i)
            check(doc, arg, v[i], at + "[" + std::to_string(i) + "]", out);
      } else if (key == "minItems" || key == "maxItems") {
        if (v.is_array() && (key == "minItems" ? v.size() < arg.get<std::size_t>()
                                               : v.size() > arg.get<std::size_t>()))
          out.push_back(at + ": breaks " + key);
      } else if (key == "minimum" || key == "maximum") {
        if (v.is_number() && (key == "minimum" ? v.get<double>() < arg.get<double>()
                                               : v.get<double>() > arg.get<double>()))
          out.push_back(at + ": breaks " + key);
      } else if (key == "minLength") {
        if (v.is_string() && code_points(v.get<std::string>()) < arg.get<std::size_t>())
          out.push_back(at + ": shorter than " + arg.dump());
      } else if (key == "pattern") {
        if (v.is_string() &&
            !std::regex_search(v.get<std::string>(), std::regex(arg.get<std::string>())))
          out.push_back(at + ": does not match " + arg.dump());
      } else if (key == "anyOf") {
        bool any = false;
        for (const auto& sub : arg) {
          std::vector<std::string> inner;
          check(doc, sub, v, at, inner);
          any = any || inner.empty();
        }
        if (!any) out.push_back(at + ": matches none of anyOf");
      } else if (!annotations().contains(key)) {
        throw std::logic_error("the validator does not know keyword " + key);
      }
    }
  }

  static bool is_type(const json& v, const std::string& t) {
    if (t == "integer")
      return v.is_number_integer() ||
             (v.is_number_float() && v.get<double>() == std::floor(v.get<double>()));
    if (t == "number") return v.is_number();
    if (t == "string") return v.is_string();
    if (t == "boolean") return v.is_boolean();
    if (t == "object") return v.is_object();
    if (t == "array") return v.is_array();
    if (t == "null") return v.is_null();
    throw std::logic_error("unknown type " + t);
  }
  static std::size_t code_points(const std::string& text) {
    return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
      return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    }));
  }
  static const std::set<std::string>& annotations() {
    static const std::set<std::string> words{"$schema", "$id",         "$defs",
                                             "title",   "description", "format"};
    return words;
  }

  std::string root_id_;
  std::map<std::string, json> schemas_;
};

/// A schema shipped in docs/schema/.
inline nlohmann::ordered_json schema_file(const std::string& name) {
  return nlohmann::ordered_json::parse(
      peerkit::io::read_text_file(std::string(PEERKIT_SOURCE_DIR) + "/docs/schema/" + name));
}

inline std::set<std::string> keys_of(const nlohmann::ordered_json& object) {
  std::set<std::string> out;
  for (const auto& [key, value] : object.items()) out.insert(key);
  return out;
}
/// The property names of the schema's root (`def` empty) or of one of its $defs.
inline std::set<std::string> properties_of(const nlohmann::ordered_json& s,
                                           const std::string& def) {
  return keys_of(def.empty() ? s.at("properties") : s.at("$defs").at(def).at("properties"));
}

template <KeyedEnum E>
std::vector<std::string> keys_as_strings() {
  return {enum_keys<E>::keys.begin(), enum_keys<E>::keys.end()};
}
inline std::vector<std::string> schema_enum(const nlohmann::ordered_json& s,
                                            const std::string& def) {
  return s.at("$defs").at(def).at("enum").get<std::vector<std::string>>();
}

}  // namespace peerkit::test
