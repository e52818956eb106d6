// docs/simulation.md lists every parameter of the model with its default, bounds and basis,
// in the order of parameter_table(): the page is what researchers read, so it must not
// drift from the code.

#include <peerkit/simulation/parameters.hpp>

#include <catch2/catch.hpp>

#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

TEST_CASE("docs/simulation.md lists every parameter as the code has it") {
  std::ifstream in(PEERKIT_SOURCE_DIR "/docs/simulation.md");
  std::stringstream page;
  page << in.rdbuf();
  const std::string text = page.str();
  const std::regex row(R"(\| `([a-z_]+)` \| ([^|]+) \| ([^|]+)\.\.([^|]+) \| [^|]+ \| ([^|]+) \|)");
  std::vector<std::smatch> rows;
  for (auto it = std::sregex_iterator(text.begin(), text.end(), row); it != std::sregex_iterator();
       ++it)
    rows.push_back(*it);
  const auto& table = peerkit::parameter_table();
  REQUIRE(rows.size() == table.size());
  const peerkit::model_parameters defaults;
  for (std::size_t i = 0; i < table.size(); ++i) {
    INFO(table[i].name);
    CHECK(rows[i][1] == std::string(table[i].name));
    CHECK(std::stod(rows[i][2]) == defaults.*(table[i].field));
    CHECK(std::stod(rows[i][3]) == table[i].low);
    CHECK(std::stod(rows[i][4]) == table[i].high);
    const bool assumption = table[i].basis == peerkit::parameter_basis::assumption;
    CHECK((rows[i][5].str().find("assumption") != std::string::npos) == assumption);
  }
}
