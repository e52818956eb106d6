// The architecture page's table of layers is the include graph of include/peerkit/: every
// area includes only areas of lower layers, and exactly the ones the page lists.

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>

namespace {

namespace fs = std::filesystem;
const fs::path source_dir = PEERKIT_SOURCE_DIR;

struct area_row {
  int layer = 0;
  std::set<std::string> includes;
};

std::string read_all(const fs::path& p) {
  std::ifstream in(p);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// The rows between the page's layer markers: `| 2 | `matching` | `core`, `solvers` |`.
std::map<std::string, area_row> documented_layers() {
  const auto page = read_all(source_dir / "docs/architecture.md");
  const auto begin = page.find("<!-- layers -->");
  const auto end = page.find("<!-- /layers -->");
  REQUIRE(begin != std::string::npos);
  REQUIRE(end != std::string::npos);
  std::map<std::string, area_row> rows;
  std::istringstream table(page.substr(begin, end - begin));
  const std::regex row(R"(^\| (\d+) \| `([a-z_]+)/` \| (.*) \|$)");
  const std::regex name("`([a-z_]+)`");
  for (std::string line; std::getline(table, line);) {
    std::smatch m;
    if (!std::regex_match(line, m, row)) continue;
    auto& r = rows[m[2]];
    r.layer = std::stoi(m[1]);
    const std::string deps = m[3];
    for (std::sregex_iterator i(deps.begin(), deps.end(), name), e; i != e; ++i)
      r.includes.insert((*i)[1]);
  }
  return rows;
}

// The area of a header path below include/peerkit/; config.hpp belongs to core.
std::string area_of(const std::string& relative) {
  const auto slash = relative.find('/');
  return slash == std::string::npos ? "core" : relative.substr(0, slash);
}

struct include_edge {
  std::string from_file, to_header;
};

std::map<std::pair<std::string, std::string>, include_edge> actual_area_includes() {
  const auto root = source_dir / "include/peerkit";
  const std::regex include_line(R"(#include <peerkit/([^>]+)>)");
  std::map<std::pair<std::string, std::string>, include_edge> edges;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    if (!entry.is_regular_file() || entry.path().extension() != ".hpp") continue;
    const auto relative = fs::relative(entry.path(), root).generic_string();
    // The umbrellas include everything of their part.
    if (relative == "peerkit.hpp" || relative == "simulation.hpp") continue;
    const auto from = area_of(relative);
    const auto text = read_all(entry.path());
    for (std::sregex_iterator i(text.begin(), text.end(), include_line), e; i != e; ++i) {
      const auto to = area_of((*i)[1]);
      if (to != from) edges.try_emplace({from, to}, include_edge{relative, (*i)[1]});
    }
  }
  return edges;
}

}  // namespace

TEST_CASE("no header includes one of its own or a higher layer") {
  const auto layers = documented_layers();
  REQUIRE(layers.size() >= 9);
  for (const auto& [areas, edge] : actual_area_includes()) {
    const auto& [from, to] = areas;
    INFO(edge.from_file << " includes peerkit/" << edge.to_header);
    REQUIRE(layers.count(from) == 1);
    REQUIRE(layers.count(to) == 1);
    CHECK(layers.at(to).layer < layers.at(from).layer);
  }
}

TEST_CASE("the architecture page lists exactly the areas each area includes") {
  std::map<std::string, std::set<std::string>> actual;
  for (const auto& [areas, edge] : actual_area_includes()) actual[areas.first].insert(areas.second);
  for (const auto& [area, row] : documented_layers()) {
    INFO("docs/architecture.md, the row of " << area << "/");
    CHECK(row.includes == actual[area]);
  }
}

TEST_CASE("every area of include/peerkit/ has a row on the architecture page") {
  const auto layers = documented_layers();
  for (const auto& entry : fs::directory_iterator(source_dir / "include/peerkit")) {
    if (!entry.is_directory()) continue;
    INFO(entry.path().filename().string() << "/ has no row in docs/architecture.md");
    CHECK(layers.count(entry.path().filename().string()) == 1);
  }
}
