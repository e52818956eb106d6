#include <peerkit/io/csv.hpp>
#include <peerkit/io/table_writer.hpp>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <cstdint>
#include <limits>
#include <sstream>
#include <streambuf>
#include <string>
#include <vector>

namespace {

using peerkit::io::table_cell;
using peerkit::io::table_format;
using peerkit::io::table_writer;

const double nan = std::numeric_limits<double>::quiet_NaN();
const double inf = std::numeric_limits<double>::infinity();

/// Rows with everything that needs care: separators, quotes, line ends, blanks, UTF-8,
/// control characters, a byte that is not UTF-8, extreme and negative numbers, numbers
/// that are not finite and missing cells.
void write_sample(table_writer& out) {
  out.write_row({0, "plain", 0.1, {}});
  out.write_row({-42, "a,b", 1e-300, "say \"hi\""});
  out.write_row({std::numeric_limits<std::int64_t>::min(), "line\nbreak", nan, "ünï 😀"});
  out.write_row({std::size_t{7}, " padded", -inf, "semi;colon"});
  out.write_row({-1, "tab\tand\x01 bell\x07", -0.0, ""});
  out.write_row({3u, "\r", 1e21, "bad \xFF byte"});
  out.write_row({{}, "back\\slash\b\f", -2.5e-8, "\x1F"});
}

std::string written(table_format format) {
  std::ostringstream text;
  table_writer out(text, format, {"run", "name", "mean, 95%", "note"});
  write_sample(out);
  return text.str();
}

/// A stream buffer that counts how often it is asked to flush.
struct counting_buffer : std::stringbuf {
  int syncs = 0;
  int sync() override {
    ++syncs;
    return std::stringbuf::sync();
  }
};

}  // namespace

TEST_CASE("table_writer writes CSV as RFC 4180 with a header row", "[io][table_writer]") {
  CHECK(written(table_format::csv) ==
        "run,name,\"mean, 95%\",note\r\n"
        "0,plain,0.1,\r\n"
        "-42,\"a,b\",1e-300,\"say \"\"hi\"\"\"\r\n"
        "-9223372036854775808,\"line\nbreak\",,ünï 😀\r\n"
        "7,\" padded\",,\"semi;colon\"\r\n"
        "-1,tab\tand\x01 bell\x07,-0,\r\n"
        "3,\"\r\",1e+21,bad \xEF\xBF\xBD byte\r\n"
        ",back\\slash\b\f,-2.5e-08,\x1F\r\n");
}

TEST_CASE("table_writer writes JSON Lines with keys in column order", "[io][table_writer]") {
  CHECK(written(table_format::json_lines) ==
        "{\"run\":0,\"name\":\"plain\",\"mean, 95%\":0.1,\"note\":null}\n"
        "{\"run\":-42,\"name\":\"a,b\",\"mean, 95%\":1e-300,\"note\":\"say \\\"hi\\\"\"}\n"
        "{\"run\":-9223372036854775808,\"name\":\"line\\nbreak\",\"mean, 95%\":null,"
        "\"note\":\"ünï 😀\"}\n"
        "{\"run\":7,\"name\":\" padded\",\"mean, 95%\":null,\"note\":\"semi;colon\"}\n"
        "{\"run\":-1,\"name\":\"tab\\tand\\u0001 bell\\u0007\",\"mean, 95%\":-0,\"note\":\"\"}\n"
        "{\"run\":3,\"name\":\"\\r\",\"mean, 95%\":1e+21,\"note\":\"bad \xEF\xBF\xBD byte\"}\n"
        "{\"run\":null,\"name\":\"back\\\\slash\\b\\f\",\"mean, 95%\":-2.5e-08,"
        "\"note\":\"\\u001f\"}\n");
}

TEST_CASE("table_writer output reads back as written", "[io][table_writer]") {
  SECTION("each JSON line is a JSON object with the values exactly") {
    std::istringstream lines(written(table_format::json_lines));
    std::vector<nlohmann::json> rows;
    for (std::string line; std::getline(lines, line);) rows.push_back(nlohmann::json::parse(line));
    REQUIRE(rows.size() == 7);
    CHECK(rows[0]["mean, 95%"].get<double>() == 0.1);
    CHECK(rows[1]["mean, 95%"].get<double>() == 1e-300);
    CHECK(rows[1]["note"] == "say \"hi\"");
    CHECK(rows[2]["run"].get<std::int64_t>() == std::numeric_limits<std::int64_t>::min());
    CHECK(rows[2]["name"] == "line\nbreak");
    CHECK(rows[2]["note"] == "ünï 😀");
    CHECK(rows[4]["name"] == "tab\tand\x01 bell\x07");
    CHECK(rows[6]["name"] == "back\\slash\b\f");
    CHECK(rows[6]["mean, 95%"].get<double>() == -2.5e-8);
    CHECK(rows[6]["run"].is_null());
  }
  SECTION("peerkit's CSV reader gives back every field") {
    const auto table = peerkit::io::parse_csv(written(table_format::csv), "table.csv");
    CHECK(table.separator == ',');
    REQUIRE(table.rows.size() == 7);
    CHECK(table.header[2].text == "mean, 95%");
    CHECK(table.rows[1][3].text == "say \"hi\"");
    CHECK(table.rows[2][1].text == "line\nbreak");
    CHECK(table.rows[2][3].text == "ünï 😀");
    CHECK(table.rows[3][1].text == " padded");
    CHECK(table.rows[3][3].text == "semi;colon");
  }
}

TEST_CASE("table_writer flushes only when asked", "[io][table_writer]") {
  counting_buffer buffer;
  std::ostream stream(&buffer);
  table_writer out(stream, table_format::json_lines, {"run"});
  for (int run = 0; run < 100; ++run) out.write_row({run});
  CHECK(buffer.syncs == 0);
  CHECK(buffer.str().size() == 100 * std::string("{\"run\":0}\n").size() + 90);
  out.flush();
  CHECK(buffer.syncs == 1);
}

TEST_CASE("table_format_for knows a table file by its extension", "[io][table_writer]") {
  CHECK(peerkit::io::table_format_for("runs.csv") == table_format::csv);
  CHECK(peerkit::io::table_format_for("out/runs.JSONL") == table_format::json_lines);
  CHECK(peerkit::io::table_format_for("runs.json") == std::nullopt);
  CHECK(peerkit::io::table_format_for("runs") == std::nullopt);
}
