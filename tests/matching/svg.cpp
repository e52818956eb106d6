#include <catch2/catch.hpp>

#include <cstddef>
#include <regex>
#include <string>
#include <string_view>
#include <vector>

#include <peerkit/matching/buddy_pairing.hpp>
#include <peerkit/matching/svg.hpp>

#include "fixtures.hpp"

using namespace peerkit;
using namespace peerkit::test;

namespace {

bool contains(const std::string& text, std::string_view part) {
  return text.find(part) != std::string::npos;
}

std::size_t occurrences(const std::string& text, std::string_view part) {
  std::size_t n = 0;
  for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++n;
  return n;
}

// Every & starts one of XML's five entities, and no < or > stands in text or a value.
std::string entity_problem(std::string_view text) {
  for (std::size_t at = text.find_first_of("&<>"); at != std::string_view::npos;
       at = text.find_first_of("&<>", at + 1)) {
    if (text[at] != '&') return "a raw " + std::string(1, text[at]);
    const auto rest = text.substr(at);
    if (!rest.starts_with("&amp;") && !rest.starts_with("&lt;") && !rest.starts_with("&gt;") &&
        !rest.starts_with("&quot;") && !rest.starts_with("&apos;"))
      return "a raw &";
  }
  return {};
}

// What keeps `xml` from being well-formed, as far as the pictures go (no comments, CDATA or
// doctype): the declaration first, one root element, every element closed in order, every
// attribute value quoted, text and values escaped. Empty when nothing does.
std::string xml_problem(std::string_view xml) {
  constexpr std::string_view declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  if (!xml.starts_with(declaration)) return "no XML declaration";
  xml.remove_prefix(declaration.size());
  static const std::regex element(R"(([a-z]+)(?: [A-Za-z][A-Za-z0-9:-]*="[^"]*")*)");
  std::vector<std::string> open;
  bool had_root = false;
  for (std::size_t at = 0; at < xml.size();) {
    const auto lt = std::min(xml.find('<', at), xml.size());
    const auto text = xml.substr(at, lt - at);
    if (auto p = entity_problem(text); !p.empty()) return p + " in text: " + std::string(text);
    if (open.empty() && text.find_first_not_of(" \n") != std::string_view::npos)
      return "text outside the root: " + std::string(text);
    if (lt == xml.size()) break;
    const auto gt = xml.find('>', lt);
    if (gt == std::string_view::npos) return "a tag left open";
    std::string tag(xml.substr(lt + 1, gt - lt - 1));
    at = gt + 1;
    if (tag.starts_with("/")) {
      if (open.empty() || open.back() != tag.substr(1))
        return "</" + tag.substr(1) + "> closes nothing";
      open.pop_back();
      continue;
    }
    const bool empty = tag.ends_with("/");
    if (empty) tag.pop_back();
    std::smatch m;
    if (!std::regex_match(tag, m, element)) return "a malformed tag: <" + tag + ">";
    if (auto p = entity_problem(std::regex_replace(tag, std::regex("\"|="), " ")); !p.empty())
      return p + " in a value: <" + tag + ">";
    if (open.empty() && had_root) return "a second root: <" + tag + ">";
    had_root = true;
    if (!empty) open.push_back(m[1]);
  }
  if (!had_root) return "no root element";
  return open.empty() ? std::string() : "<" + open.back() + "> not closed";
}

struct drawn_line {
  int x1, y1, x2, y2;
};

std::vector<drawn_line> lines_of(const std::string& svg, std::string_view kind) {
  const std::regex line("<line class=\"" + std::string(kind) +
                        R"re(" x1="(\d+)" y1="(\d+)" x2="(\d+)" y2="(\d+)")re");
  std::vector<drawn_line> out;
  for (std::sregex_iterator i(svg.begin(), svg.end(), line), e; i != e; ++i)
    out.push_back({std::stoi((*i)[1]), std::stoi((*i)[2]), std::stoi((*i)[3]), std::stoi((*i)[4])});
  return out;
}

int attribute_of_root(const std::string& svg, const std::string& name) {
  std::smatch m;
  REQUIRE(std::regex_search(svg, m, std::regex("<svg [^>]* " + name + "=\"(\\d+)\"")));
  return std::stoi(m[1]);
}

// Anna and Carla are peer buddies, Ben a newcomer buddy (capacity 2). Bilal is a newcomer,
// Daan a first-year who wants homework help, Eva a first-year without consent. Anna, Bilal
// and Eva carry special-category data that no picture may show.
school small_school() {
  auto anna = person(1, "Anna");
  anna.interests = {"music", "football"};
  anna.offers = {"homework"};
  anna.groups = group_data{{"group_a"}};
  auto ben = person(2, "Ben");
  ben.available = {true, true};
  ben.interests = {"football"};
  ben.languages = language_data{{"arabic", "dutch"}};
  auto carla = person(3, "Carla");
  carla.interests = {"chess"};
  auto bilal = newcomer(10, "Bilal");
  bilal.languages = language_data{{"arabic"}};
  bilal.origin = origin_data{"Syria"};
  auto daan = first_year(11, "Daan");
  daan.interests = {"music", "football", "chess"};
  daan.wants = {"homework"};
  auto eva = first_year(12, "Eva");
  eva.consent.reset();
  eva.groups = group_data{{"group_b"}};
  auto s = make_school({anna, ben, carla, bilal, daan, eva});
  s.conflicting_groups = conflict_data{{{"group_a", "group_b"}}};
  return s;
}

pairing_request small_request() {
  return {
      {buddy(1), newcomer_buddy_entry(2), buddy(3)}, ids({10, 11, 12}), pairing_day, {}, {}, {}};
}

}  // namespace

TEST_CASE("matching: a pairing is drawn as SVG with chosen pairs bold and the unpaired marked") {
  const auto sch = small_school();
  const pairing_graph g(sch, small_request(), matching_settings{});
  const auto result = pair_buddies(g);
  REQUIRE(result.pairs.size() == 2);  // Anna with Daan, Ben with Bilal; Carla unused, Eva not
  const auto svg = to_svg(g, result, {.title = "Testcollege 2025"});
  INFO(svg);
  CHECK(xml_problem(svg) == "");
  CHECK(contains(svg, "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" "));
  const std::string summary =
      "Testcollege 2025: 2 pairs of 3 supporters and 3 supportees, 1 supporter unused, "
      "1 supportee unpaired";
  CHECK(contains(svg, "role=\"img\" aria-label=\"" + summary + "\""));
  CHECK(contains(svg, "<title>" + summary + "</title>"));
  CHECK(contains(svg, ">Testcollege 2025</text>"));
  // Nothing to run or to fetch: no script, no link, no stylesheet, no font.
  for (auto outside : {"<script", "href", "<style", "@import", "url(", "<image", "<foreignObject"})
    CHECK_FALSE(contains(svg, outside));

  // Chosen pairs bold and level, each with its score; the other pairs thin.
  const auto chosen = lines_of(svg, "chosen");
  CHECK(chosen.size() == result.pairs.size());
  for (const auto& l : chosen) CHECK(l.y1 == l.y2);
  CHECK(occurrences(svg, "stroke=\"#1b7837\" stroke-width=\"3\"") == 2);
  CHECK(contains(svg, "<title>Anna supports Daan, score 10</title>"));
  CHECK(contains(svg, ">10</text>"));
  const auto others = lines_of(svg, "possible");
  CHECK(others.size() == g.edge_count() - result.pairs.size());
  CHECK(occurrences(svg, "stroke=\"#cccccc\" stroke-width=\"1\"") == others.size());
  CHECK(contains(svg, "<title>Carla could support Daan, score 5</title>"));

  // Unused supporters and unpaired supportees in dashed boxes, marked in words.
  CHECK(contains(svg, "<g class=\"supporter unused\"><title>Carla: peer buddy, 0 of 2, unused"));
  CHECK(contains(svg, "<g class=\"supportee unpaired\"><title>Eva: unpaired</title>"));
  CHECK(contains(svg, "<g class=\"supportee\"><title>Daan: supported by Anna</title>"));
  CHECK(contains(svg, "<g class=\"supporter\"><title>Ben: newcomer buddy, 1 of 2</title>"));
  CHECK(occurrences(svg, "stroke-dasharray=\"4 3\"") == 2);
  CHECK(contains(svg, ">unused</text>"));
  CHECK(contains(svg, ">unpaired</text>"));

  // The chosen pairs come first, the unused and unpaired after them.
  CHECK(svg.find(">Anna</text>") < svg.find(">Ben</text>"));
  CHECK(svg.find(">Ben</text>") < svg.find(">Carla</text>"));
  CHECK(svg.find(">Daan</text>") < svg.find(">Bilal</text>"));
  CHECK(svg.find(">Bilal</text>") < svg.find(">Eva</text>"));

  // No special-category value, whatever the options.
  for (const auto& picture : {svg, to_svg(g, result, {.label = dot_label::student_ids})})
    for (auto secret : {"arabic", "Syria", "group_a", "group_b", "origin", "language"})
      CHECK_FALSE(contains(picture, secret));
}

TEST_CASE("matching: an SVG picture is the same bytes every time") {
  const auto sch = small_school();
  const pairing_graph g(sch, small_request(), matching_settings{});
  const auto result = pair_buddies(g);
  const auto svg = to_svg(g, result);
  CHECK(to_svg(g, result) == svg);
  const pairing_graph again(sch, small_request(), matching_settings{});
  CHECK(to_svg(again, pair_buddies(again)) == svg);
  CHECK(contains(svg, "aria-label=\"Pairing: 2 pairs"));  // no title: a plain name
  CHECK_FALSE(contains(svg, "font-size=\"16\""));
  // Integer coordinates only: no decimal point in a number but the versions of XML and SVG.
  CHECK_FALSE(std::regex_search(std::regex_replace(svg, std::regex(R"( version="1\.[01]")"), ""),
                                std::regex(R"(\d\.\d)")));
}

TEST_CASE("matching: an SVG picture labels by student number and leaves out what is asked") {
  const auto sch = small_school();
  const pairing_graph g(sch, small_request(), matching_settings{});
  const auto result = pair_buddies(g);

  const auto numbered = to_svg(g, result, {.label = dot_label::student_ids});
  CHECK(xml_problem(numbered) == "");
  for (auto name : {"Anna", "Ben", "Carla", "Bilal", "Daan", "Eva"})
    CHECK_FALSE(contains(numbered, name));
  CHECK(contains(numbered, "<title>#1 supports #11, score 10</title>"));
  CHECK(contains(numbered, ">#12</text>"));

  const auto bare = to_svg(g, result, {.compatible_pairs = false, .scores = false});
  CHECK(xml_problem(bare) == "");
  CHECK(lines_of(bare, "possible").empty());
  CHECK(lines_of(bare, "chosen").size() == 2);
  CHECK_FALSE(contains(bare, "score"));
  CHECK_FALSE(contains(bare, ">10</text>"));
  CHECK_FALSE(contains(bare, "Thin and grey"));

  // Too many other pairs: none drawn, and the picture says how many.
  const auto crowded = to_svg(g, result, {.most_other_pairs = 2});
  CHECK(lines_of(crowded, "possible").empty());
  CHECK(contains(crowded, ">" + std::to_string(g.edge_count() - 2) +
                              " other pairs the rules allow are not drawn: more than 2.</text>"));
  CHECK(lines_of(to_svg(g, result, {.most_other_pairs = g.edge_count() - 2}), "possible").size() ==
        g.edge_count() - 2);

  auto pinned_request = small_request();
  pinned_request.pinned = {{student_id{3}, student_id{11}}};
  const pairing_graph pinned(sch, pinned_request, matching_settings{});
  const auto with_pin = to_svg(pinned, pair_buddies(pinned));
  CHECK(contains(with_pin, "<title>Carla supports Daan, score 5, pinned</title>"));
  CHECK(contains(with_pin, ">5 (pinned)</text>"));
  CHECK(contains(to_svg(pinned, pair_buddies(pinned), {.scores = false}), ">pinned</text>"));
}

TEST_CASE("matching: SVG labels escape XML and long names are shortened") {
  auto sch = small_school();
  sch.students[0].name = "Anna <b>&amp; \"the buddy\" 'L.'";
  sch.students[4].name = std::string(40, 'x') + "\xC3\xA9";
  const pairing_graph g(sch, small_request(), matching_settings{});
  const auto svg = to_svg(g, pair_buddies(g), {.title = "<Testcollege & co>"});
  INFO(svg);
  CHECK(xml_problem(svg) == "");
  CHECK(contains(svg, ">Anna &lt;b&gt;&amp;amp; &quot;the buddy&quot; &apos;L.&apos;</text>"));
  CHECK_FALSE(contains(svg, "<b>"));
  CHECK(contains(svg, "aria-label=\"&lt;Testcollege &amp; co&gt;: "));
  // 31 characters and an ellipsis in the box, the whole name in its title.
  CHECK(contains(svg, ">" + std::string(31, 'x') + "\xE2\x80\xA6</text>"));
  CHECK(contains(svg, "<title>" + std::string(40, 'x') + "\xC3\xA9: supported by"));
}

TEST_CASE("matching: an empty pairing is a picture too") {
  const auto sch = small_school();
  const pairing_graph g(sch, {{}, {}, pairing_day, {}, {}, {}}, matching_settings{});
  const auto svg = to_svg(g, pair_buddies(g));
  INFO(svg);
  CHECK(xml_problem(svg) == "");
  CHECK(contains(svg,
                 "aria-label=\"Pairing: 0 pairs of 0 supporters and 0 supportees, "
                 "0 supporters unused, 0 supportees unpaired\""));
  CHECK(contains(svg, ">Nobody to pair.</text>"));
  CHECK(lines_of(svg, "chosen").empty());
  CHECK(attribute_of_root(svg, "width") > 0);
  CHECK(attribute_of_root(svg, "height") > 0);

  // Supporters and nobody to support: every supporter unused.
  const pairing_graph idle(sch, {{buddy(1), buddy(3)}, {}, pairing_day, {}, {}, {}},
                           matching_settings{});
  const auto unused = to_svg(idle, pair_buddies(idle));
  CHECK(xml_problem(unused) == "");
  CHECK(occurrences(unused, "<g class=\"supporter unused\">") == 2);
}

TEST_CASE("matching: an SVG picture of hundreds of students grows with them") {
  std::vector<student> students;
  pairing_request request;
  request.on = pairing_day;
  constexpr std::uint32_t n = 250;
  for (std::uint32_t k = 1; k <= n; ++k) {
    students.push_back(person(k, "Buddy " + std::to_string(k)));
    request.supporters.push_back(buddy(k, 1));
  }
  for (std::uint32_t k = 1; k <= n + 20; ++k) {
    students.push_back(first_year(1000 + k, "Pupil " + std::to_string(k)));
    request.supportees.push_back(student_id{1000 + k});
  }
  const auto sch = make_school(std::move(students));
  const pairing_graph g(sch, request, matching_settings{});
  const auto result = pair_buddies(g);
  REQUIRE(result.pairs.size() == n);
  const auto svg = to_svg(g, result);
  CHECK(xml_problem(svg) == "");
  CHECK(lines_of(svg, "chosen").size() == n);
  CHECK(lines_of(svg, "possible").empty());  // tens of thousands: a note instead
  CHECK(contains(svg, std::to_string(g.edge_count() - n) + " other pairs the rules allow"));
  CHECK(occurrences(svg, "<g class=\"supportee unpaired\">") == 20);
  CHECK(attribute_of_root(svg, "height") > 40 * static_cast<int>(n + 20));
  for (const auto& l : lines_of(svg, "chosen")) CHECK(l.y1 == l.y2);
}
