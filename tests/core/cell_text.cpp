#include <catch2/catch.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <peerkit/core/cell_text.hpp>
#include <peerkit/core/region.hpp>

using namespace peerkit;

TEST_CASE("core: cells are trimmed of blanks and line ends") {
  CHECK(trimmed(" \t a b \r\n") == "a b");
  CHECK(trimmed("\n\n").empty());
  CHECK(trimmed("x") == "x");
}

TEST_CASE("core: a whole number cell fits its type") {
  CHECK(whole_number<int>("42") == 42);
  CHECK(whole_number<int>("-3") == -3);
  CHECK(whole_number<std::uint32_t>("4294967295") == 4294967295u);
  for (const std::string text : {"", "+1", " 1", "1 ", "1.0", "1,5", "one", "0x10"}) {
    CAPTURE(text);
    CHECK(whole_number<int>(text) == std::nullopt);
  }
  CHECK(whole_number<std::uint32_t>("4294967296") == std::nullopt);
  CHECK(whole_number<std::uint32_t>("-1") == std::nullopt);
  CHECK(whole_number<int>("2147483648") == std::nullopt);
  CHECK(all_digits("0123"));
  CHECK_FALSE(all_digits(""));
  CHECK_FALSE(all_digits("-1"));
}

TEST_CASE("core: a yes-or-no cell takes English, Dutch and digits in any case") {
  for (const std::string yes : {"yes", "YES", "true", "True", "ja", "Ja", "1"}) {
    CAPTURE(yes);
    CHECK(yes_or_no(yes) == true);
  }
  for (const std::string no : {"no", "No", "false", "FALSE", "nee", "Nee", "0"}) {
    CAPTURE(no);
    CHECK(yes_or_no(no) == false);
  }
  for (const std::string neither : {"", "y", "n", "maybe", "2", " yes"}) {
    CAPTURE(neither);
    CHECK(yes_or_no(neither) == std::nullopt);
  }
}

TEST_CASE("core: a list cell drops blanks around items and empty items") {
  CHECK(list_items("football|music", '|') == std::vector<std::string>{"football", "music"});
  CHECK(list_items(" a | | b |", '|') == std::vector<std::string>{"a", "b"});
  CHECK(list_items("", '|').empty());
  CHECK(list_items("a;b", ';') == std::vector<std::string>{"a", "b"});
}

TEST_CASE("core: messages show cells in quotes, where they are and the keys to choose from") {
  CHECK(in_quotes("nord") == "\"nord\"");
  CHECK(text_location("students.csv", 14, 3) == "students.csv:14:3");
  CHECK(text_location("students.csv", 14) == "students.csv:14");
  CHECK(key_choices<holiday_region>() == "noord, midden, zuid");
}
