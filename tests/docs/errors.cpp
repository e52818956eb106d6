// Error ids live in one table, peerkit::error_ids. The code uses only ids of that table, the
// table holds no id that the code does not use, and docs/errors.md lists the same ids with
// the same meanings.

#include <peerkit/core/error_ids.hpp>

#include <catch2/catch.hpp>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace {

namespace fs = std::filesystem;
const fs::path source_dir = PEERKIT_SOURCE_DIR;

std::string read_all(const fs::path& p) {
  std::ifstream in(p);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

struct string_literal {
  std::string text;
  std::string code_before;  ///< the code just before it, comments left out
  int line = 0;
};

bool is_identifier_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

// The plain string literals of a C++ source. Comments, character literals and raw strings
// are stepped over, so that an id in a comment or a quote in '"' does not count.
std::vector<string_literal> string_literals(const std::string& s) {
  constexpr std::size_t context = 120;
  std::vector<string_literal> found;
  std::string code;
  int line = 1;
  auto copy = [&](std::size_t from, std::size_t to) {
    for (std::size_t k = from; k < to && k < s.size(); ++k) line += s[k] == '\n';
    code.append(s, from, to - from);
  };
  // The index just past the quote that closes a literal opened at `i`.
  auto end_of_quoted = [&](std::size_t i, char quote) {
    std::size_t k = i + 1;
    while (k < s.size() && s[k] != quote) k += s[k] == '\\' ? 2 : 1;
    return k + 1;
  };
  for (std::size_t i = 0; i < s.size();) {
    if (s.compare(i, 2, "//") == 0) {
      i = s.find('\n', i);
      if (i == std::string::npos) break;
      code += ' ';
    } else if (s.compare(i, 2, "/*") == 0) {
      const auto end = s.find("*/", i + 2);
      for (std::size_t k = i; k < end && k < s.size(); ++k) line += s[k] == '\n';
      i = end == std::string::npos ? s.size() : end + 2;
      code += ' ';
    } else if (s.compare(i, 2, "R\"") == 0 && (i == 0 || !is_identifier_char(s[i - 1]))) {
      const auto open = s.find('(', i);
      const auto close = s.find(")" + s.substr(i + 2, open - i - 2) + "\"", open);
      const auto end = close == std::string::npos ? s.size() : close + (open - i);  // past )delim"
      copy(i, end);
      i = end;
    } else if (s[i] == '"') {
      const auto end = end_of_quoted(i, '"');
      found.push_back({s.substr(i + 1, end - i - 2),
                       code.substr(code.size() - std::min(code.size(), context)), line});
      copy(i, end);
      i = end;
    } else if (s[i] == '\'' && (i == 0 || !std::isxdigit(static_cast<unsigned char>(s[i - 1])))) {
      const auto end = end_of_quoted(i, '\'');
      copy(i, end);
      i = end;
    } else {
      copy(i, i + 1);
      ++i;
    }
  }
  return found;
}

std::string family_of(std::string_view id) { return std::string(id.substr(0, id.find('.'))); }

std::set<std::string> registered_families() {
  std::set<std::string> families;
  for (const auto& e : peerkit::error_ids) families.insert(family_of(e.id));
  return families;
}

// Whether a literal is an error id: a `family.name` that is the first argument of add, error,
// problem or fail, or whose family is one of the table's, but not a location: the argument
// after an id (`"selection.invalid_scale", "selection.scale"`) or the list of an
// element_location (`element_location("selection.rules", i)`).
bool is_id_use(const string_literal& l, const std::set<std::string>& families) {
  static const std::regex id_shape(R"([a-z_][a-z0-9_]*\.[a-z0-9_]+)");
  static const std::regex first_argument(R"(\b(add|error|problem|fail)\s*\(\s*$)");
  static const std::regex location_after_id(R"("[a-z_][a-z0-9_]*\.[a-z0-9_]+"\s*,[^,;"]*$)");
  static const std::regex list_of_location(R"(\belement_location\s*\(\s*$)");
  if (!std::regex_match(l.text, id_shape) || std::regex_search(l.code_before, location_after_id) ||
      std::regex_search(l.code_before, list_of_location))
    return false;
  return std::regex_search(l.code_before, first_argument) || families.contains(family_of(l.text));
}

// Every id the code uses, with the first place it is used (file:line).
std::map<std::string, std::string> ids_used_in_code() {
  const auto families = registered_families();
  std::map<std::string, std::string> used;
  for (const auto* dir : {"include", "examples/cli"}) {
    for (const auto& entry : fs::recursive_directory_iterator(source_dir / dir)) {
      const auto ext = entry.path().extension();
      if (!entry.is_regular_file() || (ext != ".hpp" && ext != ".cpp")) continue;
      const auto file = fs::relative(entry.path(), source_dir).generic_string();
      if (file == "include/peerkit/core/error_ids.hpp") continue;  // the table is no use of an id
      for (const auto& l : string_literals(read_all(entry.path())))
        if (is_id_use(l, families)) used.try_emplace(l.text, file + ":" + std::to_string(l.line));
    }
  }
  return used;
}

// The rows `| `csv.empty` | the file has no header row |` of docs/errors.md.
std::map<std::string, std::string> documented_ids() {
  std::istringstream page(read_all(source_dir / "docs/errors.md"));
  static const std::regex row(R"(^\| `([a-z_][a-z0-9_]*\.[a-z0-9_]+)` \| (.+) \|$)");
  std::map<std::string, std::string> ids;
  for (std::string line; std::getline(page, line);) {
    std::smatch m;
    if (std::regex_match(line, m, row)) {
      INFO("docs/errors.md lists " << m[1] << " twice");
      CHECK(ids.emplace(m[1], m[2]).second);
    }
  }
  return ids;
}

}  // namespace

TEST_CASE("the scan of the code steps over comments, character literals and raw strings") {
  const auto literals = string_literals(
      "// \"csv.empty\" in a comment\n"
      "problems.add(\"csv.syntax\", where, message); char quote = '\"';\n"
      "/* \"csv.encoding\" */ bad(cell, \"a.b\", 1'000, R\"(x\"y)\");\n");
  REQUIRE(literals.size() == 2);
  CHECK(literals[0].text == "csv.syntax");
  CHECK(literals[0].line == 2);
  CHECK(literals[0].code_before.ends_with("problems.add("));
  CHECK(literals[1].text == "a.b");
  CHECK(literals[1].line == 3);
}

TEST_CASE("the scan of the code tells ids from locations and other names") {
  const auto literals = string_literals(
      "throw error(\"new.id\", \"selection.scale\", m);\n"
      "check(r, \"matching.unknown_supportee\", k); column(\"consent.given_by\");\n"
      "add(\"config.missing_trait\", element_location(\"matching.personality\", i), m);\n");
  REQUIRE(literals.size() == 6);
  const std::set<std::string> families{"matching", "selection"};
  CHECK(is_id_use(literals[0], families));        // first argument of error()
  CHECK_FALSE(is_id_use(literals[1], families));  // the location after an id
  CHECK(is_id_use(literals[2], families));        // an id of a known family, passed on
  CHECK_FALSE(is_id_use(literals[3], families));  // a column name
  CHECK(is_id_use(literals[4], families));        // first argument of add()
  CHECK_FALSE(is_id_use(literals[5], families));  // a location built from a name
}

TEST_CASE("every error id the code uses is in peerkit::error_ids") {
  const auto used = ids_used_in_code();
  REQUIRE(used.size() >= 100);
  for (const auto& [id, where] : used) {
    INFO(where << " uses " << id << ", which is not in include/peerkit/core/error_ids.hpp");
    CHECK(peerkit::is_error_id(id));
  }
}

TEST_CASE("every id in peerkit::error_ids is used by the code") {
  const auto used = ids_used_in_code();
  for (const auto& e : peerkit::error_ids) {
    INFO(e.id << " is in include/peerkit/core/error_ids.hpp but no code uses it");
    CHECK(used.contains(std::string(e.id)));
  }
}

TEST_CASE("docs/errors.md lists exactly the ids of peerkit::error_ids, with their meanings") {
  const auto documented = documented_ids();
  for (const auto& e : peerkit::error_ids) {
    const auto it = documented.find(std::string(e.id));
    if (it == documented.end()) {
      FAIL_CHECK(e.id << " is in include/peerkit/core/error_ids.hpp but not in docs/errors.md");
      continue;
    }
    INFO("docs/errors.md gives " << e.id << " another meaning than error_ids.hpp");
    CHECK(it->second == e.meaning);
  }
  for (const auto& [id, meaning] : documented) {
    INFO(id << " is in docs/errors.md but not in include/peerkit/core/error_ids.hpp");
    CHECK(peerkit::is_error_id(id));
  }
}
