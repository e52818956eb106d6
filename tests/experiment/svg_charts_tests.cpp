#include <peerkit/experiment/svg_charts.hpp>

#include <catch2/catch.hpp>

#include <algorithm>
#include <cctype>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace {

using peerkit::confidence_band;
using peerkit::distribution_chart;
using peerkit::kaplan_meier;
using peerkit::named_curve;
using peerkit::named_values;
using peerkit::survival_chart;

std::size_t count(std::string_view text, std::string_view part) {
  std::size_t n = 0;
  for (auto at = text.find(part); at != std::string_view::npos; at = text.find(part, at + 1)) ++n;
  return n;
}

/// Why `svg` is not well-formed XML as far as peerkit writes it (elements, attributes in
/// double quotes, text, the five entities), or "" when it is.
std::string malformation(std::string_view svg) {
  std::vector<std::string> open;
  for (std::size_t i = 0; i < svg.size(); ++i) {
    if (svg[i] == '&') {
      const auto rest = svg.substr(i);
      const bool entity = rest.starts_with("&amp;") || rest.starts_with("&lt;") ||
                          rest.starts_with("&gt;") || rest.starts_with("&quot;") ||
                          rest.starts_with("&apos;");
      if (!entity) return "a bare & at " + std::to_string(i);
      continue;
    }
    if (svg[i] == '>') return "a bare > at " + std::to_string(i);
    if (svg[i] != '<') continue;
    // A tag: its end is the first > outside double quotes; inside quotes no < or >.
    std::size_t end = i + 1;
    bool quoted = false;
    for (; end < svg.size() && (quoted || svg[end] != '>'); ++end) {
      if (svg[end] == '"') quoted = !quoted;
      if (quoted && (svg[end] == '<' || svg[end] == '>')) return "< or > in an attribute";
      if (!quoted && svg[end] == '<') return "< inside a tag at " + std::to_string(end);
    }
    if (end == svg.size()) return "an unclosed tag";
    const auto tag = svg.substr(i + 1, end - i - 1);
    i = end;
    if (tag.starts_with('/')) {
      if (open.empty() || open.back() != tag.substr(1))
        return "</" + std::string(tag.substr(1)) + "> closes nothing open";
      open.pop_back();
    } else if (!tag.ends_with('/')) {
      open.emplace_back(tag.substr(0, tag.find_first_of(" \n")));
    }
    if (open.empty() && i + 1 < svg.size() && svg.substr(i + 1) != "\n")
      return "text after the root";
  }
  return open.empty() ? "" : "<" + open.back() + "> is never closed";
}

/// Nothing that a failed computation would print: nan, inf, -0.00.
bool has_bad_number(std::string svg) {
  std::transform(svg.begin(), svg.end(), svg.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return svg.find("nan") != std::string::npos || svg.find("inf") != std::string::npos ||
         svg.find("\"-0.00") != std::string::npos;
}

void check_chart(const std::string& svg) {
  CHECK(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
  CHECK(svg.ends_with("</svg>\n"));
  INFO(malformation(svg));
  CHECK(malformation(svg).empty());
  CHECK_FALSE(has_bad_number(svg));
  CHECK(count(svg, "role=\"img\"") == 1);
  CHECK(count(svg, "<title>") == 1);
}

const std::vector<peerkit::survival_time> six_mp{
    {6, true},   {6, true},   {6, true},   {6, false},  {7, true},   {9, false},  {10, true},
    {10, false}, {11, false}, {13, true},  {16, true},  {17, false}, {19, false}, {20, false},
    {22, true},  {23, true},  {25, false}, {32, false}, {32, false}, {34, false}, {35, false}};

const std::vector<peerkit::survival_time> control{{1, true}, {2, true},  {3, false}, {4, true},
                                                  {5, true}, {6, false}, {8, true}};

}  // namespace

TEST_CASE("svg charts: a survival chart has a line per series, bands, axes and a legend") {
  const auto svg = survival_chart(
      "Pairs still open", "weeks",
      {{"6-MP", kaplan_meier(six_mp)}, {"control", kaplan_meier(control)}});
  check_chart(svg);
  CHECK(svg.find("aria-label=\"Pairs still open\"") != std::string::npos);
  CHECK(svg.find("<title>Pairs still open</title>") != std::string::npos);
  CHECK(count(svg, "<path ") == 2);
  CHECK(count(svg, "<polygon ") == 2);
  CHECK(svg.find(">6-MP</text>") != std::string::npos);
  CHECK(svg.find(">control</text>") != std::string::npos);
  CHECK(svg.find(">weeks</text>") != std::string::npos);
  // The first two colours of the palette, in the order of the series.
  CHECK(svg.find("#0072B2") < svg.find("#D55E00"));
  // Times 1..35 on a 0..35 axis in steps of 5; survival 0.0..1.0 in steps of 0.2.
  for (const auto* label :
       {">0</text>", ">5</text>", ">35</text>", ">0.0</text>", ">0.2</text>", ">1.0</text>"})
    CHECK(count(svg, label) == 1);
  CHECK(svg.find(">40</text>") == std::string::npos);
  // Censored subjects are marked on the line: 6-MP has censorings at 11 distinct times, the
  // control at 2.
  CHECK(count(svg, " v8") == 13);

  const auto plain = survival_chart(
      "Pairs still open", "weeks",
      {{"6-MP", kaplan_meier(six_mp)}, {"control", kaplan_meier(control)}},
      confidence_band::hidden);
  check_chart(plain);
  CHECK(count(plain, "<path ") == 2);
  CHECK(count(plain, "<polygon ") == 0);
}

TEST_CASE("svg charts: the step line follows the curve") {
  // Two events: S = 1/2 from 1, 0 from 2. The plot spans x 72..552 over times 0..2 and
  // y 356..56 over S 0..1.
  const auto svg = survival_chart("t", "x", {{"a", kaplan_meier({{1, true}, {2, true}})}},
                                  confidence_band::hidden);
  CHECK(svg.find("<path d=\"M72.00 56.00 H312.00 V206.00 H552.00 V356.00\"") != std::string::npos);
}

TEST_CASE("svg charts: names and titles are escaped for XML") {
  const std::string name = "A & B <c> \"d\" 'e'\x01";
  const std::string escaped = "A &amp; B &lt;c&gt; &quot;d&quot; &apos;e&apos;\xEF\xBF\xBD";
  const auto survival = survival_chart(name, name, {{name, kaplan_meier(control)}});
  check_chart(survival);
  CHECK(count(survival, escaped) == 5);  // aria-label, <title>, heading, axis label, legend
  CHECK(survival.find("<c>") == std::string::npos);
  const auto spread = distribution_chart(name, name, {{name, {1, 2, 3}}});
  check_chart(spread);
  CHECK(count(spread, escaped) == 5);  // aria-label, <title>, heading, axis label, row label
}

TEST_CASE("svg charts: the same input gives the same bytes") {
  auto shuffled = six_mp;
  std::reverse(shuffled.begin(), shuffled.end());
  CHECK(survival_chart("s", "t", {{"a", kaplan_meier(six_mp)}}) ==
        survival_chart("s", "t", {{"a", kaplan_meier(shuffled)}}));
  const std::vector<named_values> values{{"a", {0.5, 0.25, 0.75, 3}}, {"b", {-1, 2}}};
  CHECK(distribution_chart("d", "v", values) == distribution_chart("d", "v", values));
}

TEST_CASE("svg charts: a distribution chart has a box per series with values") {
  const auto svg = distribution_chart(
      "Share closed", "share",
      {{"one", {1, 2, 3, 4, 100}}, {"none", {}}, {"two", {5, 6, 7, 8, 9, 10}}});
  check_chart(svg);
  CHECK(count(svg, "<rect x=") == 2);  // boxes; the background has no x
  CHECK(count(svg, "<path ") == 2);    // histograms
  CHECK(count(svg, "<circle ") == 1);  // 100 lies beyond 4 + 1.5 * (4 - 2)
  CHECK(count(svg, ">no values</text>") == 1);
  CHECK(svg.find(">n = 5</text>") != std::string::npos);
  CHECK(svg.find(">n = 0</text>") != std::string::npos);
  CHECK(svg.find(">n = 6</text>") != std::string::npos);
  // The three rows take the first three colours.
  CHECK(count(svg, "#0072B2") > 0);
  CHECK(count(svg, "#D55E00") == 0);  // the empty row draws nothing in its colour
  CHECK(count(svg, "#009E73") > 0);
}

TEST_CASE("svg charts: degenerate input still gives a finite, well-formed chart") {
  for (const auto band : {confidence_band::shown, confidence_band::hidden}) {
    check_chart(survival_chart("none", "t", {}, band));
    check_chart(survival_chart("empty", "t", {{"a", kaplan_meier({})}}, band));
    check_chart(survival_chart("one", "t", {{"a", kaplan_meier({{3, true}})}}, band));
    check_chart(
        survival_chart("at zero", "t", {{"a", kaplan_meier({{0, true}, {0, false}})}}, band));
    check_chart(
        survival_chart("censored", "t", {{"a", kaplan_meier({{1, false}, {4, false}})}}, band));
    check_chart(
        survival_chart("negative", "t", {{"a", kaplan_meier({{-2, true}, {5, false}})}}, band));
  }
  check_chart(distribution_chart("none", "v", {}));
  check_chart(distribution_chart("empty", "v", {{"a", {}}}));
  check_chart(distribution_chart("one", "v", {{"a", {0}}}));
  check_chart(distribution_chart("alike", "v", {{"a", {1e6, 1e6, 1e6}}}));
  check_chart(distribution_chart("tiny", "v", {{"a", {1e-9, 2e-9}}, {"b", {-3e-9}}}));
  check_chart(distribution_chart("huge", "v", {{"a", {-1e12, 1e12}}}));
}

TEST_CASE("svg charts: series beyond the palette are dashed") {
  std::vector<named_curve> many;
  for (int i = 0; i < 10; ++i)
    many.push_back({"s" + std::to_string(i), kaplan_meier({{1.0 + i, true}})});
  const auto svg = survival_chart("many", "t", many, confidence_band::hidden);
  check_chart(svg);
  CHECK(count(svg, "<path ") == 10);
  CHECK(count(svg, "stroke-dasharray") == 4);  // two lines and two legend entries
}
