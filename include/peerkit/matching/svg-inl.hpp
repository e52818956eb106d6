#pragma once
// Definitions of svg.hpp: inline here in header-only mode, compiled once into
// peerkit::compiled when PEERKIT_COMPILED is defined (see config.hpp).

#include <algorithm>
#include <string_view>
#include <utility>
#include <vector>

#include <peerkit/config.hpp>
#include <peerkit/core/xml_text.hpp>
#include <peerkit/matching/svg.hpp>

namespace peerkit {

namespace detail {

/// `text` cut to at most `characters` UTF-8 characters, ending in "…" when cut: a long
/// label keeps its box narrow, and its full text is in the node's <title>.
PEERKIT_INLINE std::string svg_shortened(std::string_view text, std::size_t characters) {
  if (character_count(text) <= characters) return std::string(text);
  std::size_t kept = 0;
  std::size_t end = 0;
  // Stop at the first byte of the last character that fits, to make room for the "…".
  for (; end < text.size(); ++end)
    if ((static_cast<unsigned char>(text[end]) & 0xC0) != 0x80 && ++kept == characters) break;
  return std::string(text.substr(0, end)) + "\xE2\x80\xA6";
}

/// The width `text` takes at `font_size` pixels, about: 0.6 em a character in a sans-serif
/// font. Only boxes and the picture's size depend on it, never where a pair's line ends.
PEERKIT_INLINE int svg_text_width(std::string_view text, int font_size) {
  return static_cast<int>(character_count(text)) * font_size * 3 / 5;
}

/// "1 pair", "2 pairs".
PEERKIT_INLINE std::string svg_counted(std::size_t n, std::string_view noun) {
  return std::to_string(n) + " " + std::string(noun) + (n == 1 ? "" : "s");
}

PEERKIT_INLINE void add_svg_text(std::string& svg, int x, int y, std::string_view content,
                                 std::string_view attributes = {}) {
  svg += "<text x=\"" + std::to_string(x) + "\" y=\"" + std::to_string(y) + '"';
  svg += attributes;
  svg += '>' + xml_escaped(content) + "</text>\n";
}

PEERKIT_INLINE void add_svg_rect(std::string& svg, int x, int y, int width, int height,
                                 std::string_view attributes) {
  svg += "<rect x=\"" + std::to_string(x) + "\" y=\"" + std::to_string(y) + "\" width=\"" +
         std::to_string(width) + "\" height=\"" + std::to_string(height) + '"';
  svg += attributes;
  svg += "/>\n";
}

PEERKIT_INLINE void add_svg_line(std::string& svg, std::string_view kind, int x1, int y1, int x2,
                                 int y2, std::string_view attributes, std::string_view title) {
  svg += "<line class=\"";
  svg += kind;
  svg += "\" x1=\"" + std::to_string(x1) + "\" y1=\"" + std::to_string(y1) + "\" x2=\"" +
         std::to_string(x2) + "\" y2=\"" + std::to_string(y2) + '"';
  svg += attributes;
  svg += "><title>" + xml_escaped(title) + "</title></line>\n";
}

}  // namespace detail

PEERKIT_INLINE std::string to_svg(const pairing_graph& g, const pairing_result& result,
                                  const svg_options& options) {
  using detail::add_svg_line;
  using detail::add_svg_rect;
  using detail::add_svg_text;
  using detail::svg_counted;
  using detail::svg_text_width;
  using detail::xml_escaped;
  // Pixels: rows of boxes, the room between the columns for the pairs' lines, and the room
  // beside each column for the "unused" and "unpaired" marks.
  constexpr int margin = 16, row = 40, box = 32, between = 240, mark = 72, least_box = 112;
  constexpr std::size_t longest_label = 32;  // characters shown in a box
  const auto marks = detail::marks_of(g, result);

  // Each student's label in full (for titles) and as shown in the box.
  std::vector<std::string> supporter_name, supporter_shown, load, supportee_name, supportee_shown;
  for (std::size_t i = 0; i < g.supporter_count(); ++i) {
    supporter_name.push_back(detail::dot_name(g.supporter(i), options.label));
    supporter_shown.push_back(detail::svg_shortened(supporter_name.back(), longest_label));
    load.push_back(detail::role_and_load(g, i, marks.used[i]));
  }
  for (std::size_t j = 0; j < g.supportee_count(); ++j) {
    supportee_name.push_back(detail::dot_name(g.supportee(j), options.label));
    supportee_shown.push_back(detail::svg_shortened(supportee_name.back(), longest_label));
  }

  // Rows, in half rows so that a supporter of two stands level with the middle of its
  // supportees: first every chosen pair, then the unused and the unpaired side by side.
  std::vector<std::vector<std::size_t>> partners(g.supporter_count());
  std::vector<std::size_t> left, right;  // in drawing order
  for (const auto& [i, j] : marks.pairs) {
    if (partners[i].empty()) left.push_back(i);
    partners[i].push_back(j);
  }
  std::vector<std::size_t> supporter_half(g.supporter_count()), supportee_half(g.supportee_count());
  for (const auto i : left) {
    supporter_half[i] = 2 * right.size() + partners[i].size() - 1;
    for (const auto j : partners[i]) {
      supportee_half[j] = 2 * right.size();
      right.push_back(j);
    }
  }
  const std::size_t paired_rows = right.size();
  std::size_t unused = 0, unpaired = 0;
  for (std::size_t i = 0; i < g.supporter_count(); ++i)
    if (marks.used[i] == 0) {
      supporter_half[i] = 2 * (paired_rows + unused++);
      left.push_back(i);
    }
  for (std::size_t j = 0; j < g.supportee_count(); ++j)
    if (!marks.paired[j]) {
      supportee_half[j] = 2 * (paired_rows + unpaired++);
      right.push_back(j);
    }
  const std::size_t rows = paired_rows + std::max(unused, unpaired);

  std::size_t other_pairs = 0;
  for (const auto* e : g.edges())
    other_pairs += marks.chosen.count({e->supporter, e->supportee}) == 0;
  const bool draw_others = options.compatible_pairs && other_pairs <= options.most_other_pairs;

  std::vector<std::string> notes;
  if (g.supporter_count() + g.supportee_count() == 0) notes.push_back("Nobody to pair.");
  if (options.compatible_pairs && !draw_others)
    notes.push_back(svg_counted(other_pairs, "other pair") + " the rules allow " +
                    (other_pairs == 1 ? "is" : "are") + " not drawn: more than " +
                    std::to_string(options.most_other_pairs) + ".");
  if (!marks.pairs.empty())
    notes.push_back(std::string("Bold: a chosen pair") +
                    (options.scores ? ", with its score." : "."));
  if (draw_others && other_pairs > 0)
    notes.push_back("Thin and grey: another pair the rules allow.");
  if (unused + unpaired > 0)
    notes.push_back("Dashed: a supporter left unused or a supportee left unpaired.");

  // Columns as wide as their longest label, the picture as wide as all it says.
  int left_width = least_box, right_width = least_box;
  for (std::size_t i = 0; i < g.supporter_count(); ++i)
    left_width = std::max({left_width, svg_text_width(supporter_shown[i], 12) + 20,
                           svg_text_width(load[i], 10) + 20});
  for (std::size_t j = 0; j < g.supportee_count(); ++j)
    right_width = std::max(right_width, svg_text_width(supportee_shown[j], 12) + 20);
  const int left_x = margin + mark;
  const int right_x = left_x + left_width + between;
  int width = right_x + right_width + mark + margin;
  width = std::max(width, 2 * margin + svg_text_width(options.title, 16) * 7 / 6);  // bold
  for (const auto& n : notes) width = std::max(width, 2 * margin + svg_text_width(n, 12));
  const int heading = options.title.empty() ? 0 : 28;
  const int top = margin + heading + 24;  // below the heading and the column captions
  const int rows_end = top + static_cast<int>(rows) * row;
  const int height = rows_end + 18 * static_cast<int>(notes.size()) + margin;
  const auto y_of = [&](std::size_t half) {
    return top + static_cast<int>(half) * row / 2 + row / 2;
  };

  const std::string summary = (options.title.empty() ? std::string("Pairing") : options.title) +
                              ": " + svg_counted(marks.pairs.size(), "pair") + " of " +
                              svg_counted(g.supporter_count(), "supporter") + " and " +
                              svg_counted(g.supportee_count(), "supportee") + ", " +
                              svg_counted(unused, "supporter") + " unused, " +
                              svg_counted(unpaired, "supportee") + " unpaired";
  const auto w = std::to_string(width);
  const auto h = std::to_string(height);
  std::string s = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  s += "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"" + w + "\" height=\"" +
       h + "\" viewBox=\"0 0 " + w + ' ' + h + "\" role=\"img\" aria-label=\"" +
       xml_escaped(summary) + "\" font-family=\"sans-serif\" font-size=\"12\">\n";
  s += "<title>" + xml_escaped(summary) + "</title>\n";
  s += "<rect width=\"" + w + "\" height=\"" + h + "\" fill=\"#ffffff\"/>\n";
  if (!options.title.empty())
    add_svg_text(s, margin, margin + 16, options.title, R"( font-size="16" font-weight="bold")");
  add_svg_text(s, left_x, top - 12, "supporters", R"( font-weight="bold")");
  add_svg_text(s, right_x, top - 12, "supportees", R"( font-weight="bold")");

  // Lines under the boxes, the chosen pairs over the others.
  const int line_from = left_x + left_width;
  const auto score_words = [&](const pairing_edge& e) {
    return options.scores ? ", score " + std::to_string(e.score.total) : std::string();
  };
  if (draw_others)
    for (const auto* e : g.edges())
      if (marks.chosen.count({e->supporter, e->supportee}) == 0)
        add_svg_line(s, "possible", line_from, y_of(supporter_half[e->supporter]), right_x,
                     y_of(supportee_half[e->supportee]), R"( stroke="#cccccc" stroke-width="1")",
                     supporter_name[e->supporter] + " could support " +
                         supportee_name[e->supportee] + score_words(*e));
  std::string pair_labels;
  for (const auto& [i, j] : marks.pairs) {
    const auto* e = g.find(i, j);
    PEERKIT_ASSERT(e, "a chosen pair keeps every rule");
    const int y1 = y_of(supporter_half[i]), y2 = y_of(supportee_half[j]);
    add_svg_line(s, "chosen", line_from, y1, right_x, y2, R"( stroke="#1b7837" stroke-width="3")",
                 supporter_name[i] + " supports " + supportee_name[j] + score_words(*e) +
                     (e->pinned ? ", pinned" : ""));
    // The note halfway, on a white patch so that lines under it do not cross it.
    const auto note = detail::pair_note(*e, options.scores);
    if (note.empty()) continue;
    const int x = (line_from + right_x) / 2, y = (y1 + y2) / 2 - 5;
    const int patch = svg_text_width(note, 11) + 6;
    add_svg_rect(pair_labels, x - patch / 2, y - 11, patch, 14, R"( fill="#ffffff")");
    add_svg_text(pair_labels, x, y, note, R"( text-anchor="middle" font-size="11" fill="#1b7837")");
  }
  s += pair_labels;

  for (const auto i : left) {
    const bool idle = marks.used[i] == 0;
    const int y = y_of(supporter_half[i]);
    s += idle ? "<g class=\"supporter unused\">" : "<g class=\"supporter\">";
    s += "<title>" + xml_escaped(supporter_name[i] + ": " + load[i] + (idle ? ", unused" : "")) +
         "</title>\n";
    add_svg_rect(s, left_x, y - box / 2, left_width, box,
                 idle ? R"( rx="6" fill="#eeeeee" stroke="#777777" stroke-dasharray="4 3")"
                      : R"( rx="6" fill="#ffffff" stroke="#333333")");
    add_svg_text(s, left_x + 10, y - 3, supporter_shown[i]);
    add_svg_text(s, left_x + 10, y + 11, load[i], R"( font-size="10" fill="#555555")");
    if (idle)
      add_svg_text(s, left_x - 6, y + 4, "unused",
                   R"( text-anchor="end" font-style="italic" fill="#555555")");
    s += "</g>\n";
  }
  std::vector<const std::string*> supporter_of(g.supportee_count(), nullptr);
  for (const auto& [i, j] : marks.pairs) supporter_of[j] = &supporter_name[i];
  for (const auto j : right) {
    const bool alone = !marks.paired[j];
    const int y = y_of(supportee_half[j]);
    s += alone ? "<g class=\"supportee unpaired\">" : "<g class=\"supportee\">";
    s += "<title>" +
         xml_escaped(supportee_name[j] +
                     (alone ? std::string(": unpaired") : ": supported by " + *supporter_of[j])) +
         "</title>\n";
    add_svg_rect(s, right_x, y - box / 2, right_width, box,
                 alone ? R"( rx="6" fill="#fde0dd" stroke="#c51b7d" stroke-dasharray="4 3")"
                       : R"( rx="6" fill="#ffffff" stroke="#333333")");
    add_svg_text(s, right_x + 10, y + 4, supportee_shown[j]);
    if (alone)
      add_svg_text(s, right_x + right_width + 6, y + 4, "unpaired",
                   R"( font-style="italic" fill="#c51b7d")");
    s += "</g>\n";
  }

  for (std::size_t k = 0; k < notes.size(); ++k)
    add_svg_text(s, margin, rows_end + 14 + 18 * static_cast<int>(k), notes[k],
                 R"( fill="#555555")");
  return s + "</svg>\n";
}

}  // namespace peerkit
