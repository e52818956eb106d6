#pragma once
// Charts of experiment outcomes as SVG 1.1 text, written by peerkit itself so that the same
// input gives the same bytes on every machine: every number has fixed decimals (std::to_chars,
// no locale), every element comes in a fixed order. Colours are the Okabe–Ito palette, which
// stays distinguishable with the common forms of colour blindness; from the ninth series on,
// lines are dashed. Each chart is an image with a <title> and an aria-label for screen
// readers. Names and titles may hold any text (UTF-8): it is escaped for XML.

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstddef>
#include <iterator>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

#include <peerkit/config.hpp>
#include <peerkit/core/xml_text.hpp>
#include <peerkit/experiment/kaplan_meier.hpp>
#include <peerkit/experiment/statistics.hpp>

namespace peerkit {

/// A survival curve and the name it has in the legend.
struct named_curve {
  std::string name;
  survival_curve curve;
};

/// Values of one outcome (finite) and the name of their row.
struct named_values {
  std::string name;
  std::vector<double> values;
};

/// Whether a survival chart shades each curve's confidence interval.
enum class confidence_band { shown, hidden };

namespace detail {

inline constexpr std::array<std::string_view, 8> okabe_ito{
    "#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#F0E442"};

inline std::string_view series_colour(std::size_t i) { return okabe_ito[i % okabe_ito.size()]; }
inline std::string_view series_dash(std::size_t i) {
  return (i / okabe_ito.size()) % 2 == 1 ? R"( stroke-dasharray="6 3")" : "";
}

/// `value` with `decimals` decimals; never "-0.00".
inline std::string fixed(double value, int decimals) {
  std::array<char, 1024> buffer;  // the longest double written in fixed notation fits
  const auto [end, ec] = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value,
                                       std::chars_format::fixed, decimals);
  PEERKIT_ASSERT(ec == std::errc{}, "svg chart: a number fits its buffer");
  std::string text(buffer.data(), end);
  if (text.front() == '-' && text.find_first_not_of("-0.") == std::string::npos) text.erase(0, 1);
  return text;
}

/// A coordinate: hundredths of a pixel are finer than any screen.
inline std::string coordinate(double value) { return fixed(value, 2); }

/// An axis from `low` to `high` with ticks every `step`, a round number (1, 2 or 5 times a
/// power of ten) chosen for about five intervals; labels have the decimals the step needs.
struct axis {
  double low = 0;
  double high = 1;
  double step = 1;
  int decimals = 0;
  std::size_t intervals = 1;

  [[nodiscard]] double tick(std::size_t k) const { return low + static_cast<double>(k) * step; }
  [[nodiscard]] double share(double value) const { return (value - low) / (high - low); }
};

/// The axis around [lo, hi]; a single value gets a little room on each side.
inline axis nice_axis(double lo, double hi) {
  if (lo == hi) {
    const double room = std::max(1.0, std::abs(lo) * 1e-3);
    lo -= room;
    hi += room;
  }
  const double raw = (hi - lo) / 5;
  auto exponent = static_cast<int>(std::floor(std::log10(raw)));
  const double mantissa = raw / std::pow(10.0, exponent);
  // Round to 1, 2, 5 or 10 on a log scale: the thresholds are the geometric midpoints.
  double round = mantissa < std::sqrt(2.0)    ? 1
                 : mantissa < std::sqrt(10.0) ? 2
                 : mantissa < std::sqrt(50.0) ? 5
                                              : 10;
  if (round == 10) {
    round = 1;
    ++exponent;
  }
  axis a;
  a.step = round * std::pow(10.0, exponent);
  a.low = std::floor(lo / a.step) * a.step;
  a.high = std::ceil(hi / a.step) * a.step;
  if (a.low > lo) a.low -= a.step;  // the division may have rounded across a whole step
  if (a.high < hi) a.high += a.step;
  a.intervals = static_cast<std::size_t>(std::llround((a.high - a.low) / a.step));
  a.decimals = std::max(0, -exponent);
  return a;
}

inline void add_text(std::string& svg, double x, double y, std::string_view anchor,
                     std::string_view content, std::string_view attributes = {}) {
  svg += "<text x=\"" + coordinate(x) + "\" y=\"" + coordinate(y) + "\" text-anchor=\"";
  svg += anchor;
  svg += '"';
  svg += attributes;
  svg += '>' + xml_escaped(content) + "</text>\n";
}

inline void add_line(std::string& svg, double x1, double y1, double x2, double y2,
                     std::string_view attributes) {
  svg += "<line x1=\"" + coordinate(x1) + "\" y1=\"" + coordinate(y1) + "\" x2=\"" +
         coordinate(x2) + "\" y2=\"" + coordinate(y2) + '"';
  svg += attributes;
  svg += "/>\n";
}

/// The opening of a chart: the image's size, its accessible name and a white background.
inline std::string open_chart(double width, double height, std::string_view title) {
  const auto w = coordinate(width);
  const auto h = coordinate(height);
  const auto name = xml_escaped(title);
  std::string svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"" + w +
                    "\" height=\"" + h + "\" viewBox=\"0 0 " + w + ' ' + h +
                    "\" role=\"img\" aria-label=\"" + name +
                    "\" font-family=\"sans-serif\" font-size=\"12\">\n";
  svg += "<title>" + name + "</title>\n";
  svg += "<rect width=\"" + w + "\" height=\"" + h + "\" fill=\"#FFFFFF\"/>\n";
  add_text(svg, 16, 28, "start", title, R"( font-size="16" font-weight="bold")");
  return svg;
}

/// A horizontal axis along `baseline` from `left` to `right`, with ticks, their labels, a
/// light grid line up to `grid_top` at each tick, and `label` under it all.
inline void add_x_axis(std::string& svg, const axis& a, double left, double right, double grid_top,
                       double baseline, std::string_view label) {
  for (std::size_t k = 0; k <= a.intervals; ++k) {
    const double x = left + a.share(a.tick(k)) * (right - left);
    add_line(svg, x, grid_top, x, baseline, R"( stroke="#DDDDDD")");
    add_line(svg, x, baseline, x, baseline + 5, R"( stroke="#000000")");
    add_text(svg, x, baseline + 18, "middle", fixed(a.tick(k), a.decimals));
  }
  add_line(svg, left, baseline, right, baseline, R"( stroke="#000000")");
  add_text(svg, (left + right) / 2, baseline + 38, "middle", label);
}

}  // namespace detail

/// A chart of Kaplan–Meier curves: one step line per series (with a tick where subjects were
/// censored), optionally the shaded confidence band of each, axes with ticks and a legend
/// in the order of `series`. The time axis starts at 0 (or at the earliest time, if
/// negative); a curve without steps is drawn as nothing but keeps its legend entry.
[[nodiscard]] inline std::string survival_chart(std::string_view title, std::string_view x_label,
                                                const std::vector<named_curve>& series,
                                                confidence_band band = confidence_band::shown) {
  double lo = 0;
  double hi = 0;
  std::size_t longest_name = 0;
  for (const auto& s : series) {
    for (const auto& step : s.curve.steps) {
      lo = std::min(lo, step.time);
      hi = std::max(hi, step.time);
    }
    longest_name = std::max(longest_name, detail::character_count(s.name));
  }
  if (hi == lo) hi = lo + 1;
  const auto time_axis = detail::nice_axis(lo, hi);
  const auto survival_axis = detail::nice_axis(0, 1);

  constexpr double left = 72, top = 56, plot_width = 480, plot_height = 300;
  constexpr double right = left + plot_width, bottom = top + plot_height;
  const double legend_left = right + 24;
  const double width = legend_left + 40 + 7 * static_cast<double>(longest_name) + 16;
  const double height = std::max(bottom + 56, top + 20 * static_cast<double>(series.size()) + 16);
  const auto x_of = [&](double t) { return left + time_axis.share(t) * plot_width; };
  const auto y_of = [&](double s) { return bottom - s * plot_height; };

  auto svg = detail::open_chart(width, height, title);
  for (std::size_t k = 0; k <= survival_axis.intervals; ++k) {
    const double s = survival_axis.tick(k);
    detail::add_line(svg, left, y_of(s), right, y_of(s), R"( stroke="#DDDDDD")");
    detail::add_line(svg, left - 5, y_of(s), left, y_of(s), R"( stroke="#000000")");
    detail::add_text(svg, left - 8, y_of(s) + 4, "end", detail::fixed(s, survival_axis.decimals));
  }
  detail::add_line(svg, left, top, left, bottom, R"( stroke="#000000")");
  svg += "<text transform=\"translate(20 " + detail::coordinate((top + bottom) / 2) +
         ") rotate(-90)\" text-anchor=\"middle\">survival</text>\n";
  detail::add_x_axis(svg, time_axis, left, right, top, bottom, x_label);

  // The band and the line are step functions: level `before` until each step's time, then
  // the step's own value; S = 1 before the first step, where the band is [1, 1] too.
  const auto step_points = [&](const survival_curve& c, auto value_of) {
    std::vector<std::array<double, 2>> points{{x_of(time_axis.low), y_of(1)}};
    for (const auto& step : c.steps) {
      points.push_back({x_of(step.time), points.back()[1]});
      points.push_back({x_of(step.time), y_of(value_of(step))});
    }
    return points;
  };
  if (band == confidence_band::shown) {
    for (std::size_t i = 0; i < series.size(); ++i) {
      const auto& c = series[i].curve;
      if (c.steps.empty()) continue;
      auto outline = step_points(c, [](const survival_step& s) { return s.upper; });
      const auto lower = step_points(c, [](const survival_step& s) { return s.lower; });
      outline.insert(outline.end(), lower.rbegin(), lower.rend());
      svg += "<polygon points=\"";
      for (std::size_t p = 0; p < outline.size(); ++p)
        svg += (p == 0 ? "" : " ") + detail::coordinate(outline[p][0]) + ',' +
               detail::coordinate(outline[p][1]);
      svg += "\" fill=\"";
      svg += detail::series_colour(i);
      svg += "\" fill-opacity=\"0.2\" stroke=\"none\"/>\n";
    }
  }
  for (std::size_t i = 0; i < series.size(); ++i) {
    const auto& c = series[i].curve;
    const auto points = step_points(c, [](const survival_step& s) { return s.survival; });
    std::string d = 'M' + detail::coordinate(points[0][0]) + ' ' + detail::coordinate(points[0][1]);
    for (std::size_t p = 1; p < points.size(); p += 2)
      d += " H" + detail::coordinate(points[p][0]) + " V" + detail::coordinate(points[p + 1][1]);
    for (const auto& step : c.steps)
      if (step.censored > 0)
        d += " M" + detail::coordinate(x_of(step.time)) + ' ' +
             detail::coordinate(y_of(step.survival) - 4) + " v8";
    svg += "<path d=\"" + d + "\" fill=\"none\" stroke=\"";
    svg += detail::series_colour(i);
    svg += "\" stroke-width=\"2\"";
    svg += detail::series_dash(i);
    svg += "/>\n";
  }
  for (std::size_t i = 0; i < series.size(); ++i) {
    const double y = top + 8 + 20 * static_cast<double>(i);
    std::string attributes = " stroke=\"" + std::string(detail::series_colour(i)) +
                             "\" stroke-width=\"2\"" + std::string(detail::series_dash(i));
    detail::add_line(svg, legend_left, y, legend_left + 28, y, attributes);
    detail::add_text(svg, legend_left + 36, y + 4, "start", series[i].name);
  }
  return svg + "</svg>\n";
}

/// A chart of how values are spread, one row per series in the order given, on one shared
/// axis: a histogram (40 equal bins over the axis, each row scaled to its fullest bin) over
/// a box plot — the box from the first to the third quartile (type 7, see quantile()), a
/// line at the median, whiskers to the furthest values within 1.5 times the box's width of
/// the box, and the values beyond as open circles. The row's label gives the name and the
/// number of values; a row without values says so.
[[nodiscard]] inline std::string distribution_chart(std::string_view title,
                                                    std::string_view x_label,
                                                    const std::vector<named_values>& series) {
  bool any = false;
  double lo = 0;
  double hi = 1;
  std::size_t longest_name = 0;
  for (const auto& s : series) {
    for (const double v : s.values) {
      PEERKIT_ASSERT(std::isfinite(v), "distribution_chart: every value is finite");
      lo = any ? std::min(lo, v) : v;
      hi = any ? std::max(hi, v) : v;
      any = true;
    }
    longest_name = std::max(longest_name, detail::character_count(s.name));
  }
  const auto value_axis = detail::nice_axis(lo, hi);

  constexpr double top = 56, row_height = 64, plot_width = 540;
  constexpr std::size_t bins = 40;
  const double left = 24 + 7 * static_cast<double>(std::max<std::size_t>(longest_name, 8));
  const double right = left + plot_width;
  const double bottom = top + row_height * static_cast<double>(series.size()) + 8;
  const double width = right + 24;
  const double height = bottom + 56;
  const auto x_of = [&](double v) { return left + value_axis.share(v) * plot_width; };

  auto svg = detail::open_chart(width, height, title);
  detail::add_x_axis(svg, value_axis, left, right, top, bottom, x_label);
  for (std::size_t i = 0; i < series.size(); ++i) {
    const double row_top = top + row_height * static_cast<double>(i);
    const double baseline = row_top + 30;  // of the histogram, 24 high
    const double middle = row_top + 44;    // of the box, 16 high
    const auto colour = std::string(detail::series_colour(i));
    auto values = series[i].values;
    detail::add_text(svg, left - 8, middle, "end", series[i].name);
    detail::add_text(svg, left - 8, middle + 14, "end", "n = " + std::to_string(values.size()),
                     R"( font-size="10" fill="#555555")");
    if (values.empty()) {
      detail::add_text(svg, left + 8, middle + 4, "start", "no values", R"( fill="#555555")");
      continue;
    }
    std::sort(values.begin(), values.end());

    std::array<std::size_t, bins> counts{};
    for (const double v : values)
      ++counts[std::min(bins - 1, static_cast<std::size_t>(value_axis.share(v) * bins))];
    const double fullest = static_cast<double>(*std::max_element(counts.begin(), counts.end()));
    std::string d;
    for (std::size_t b = 0; b < bins; ++b) {
      if (counts[b] == 0) continue;
      const double bar_left = left + plot_width * static_cast<double>(b) / bins;
      d += (d.empty() ? "M" : " M") + detail::coordinate(bar_left) + ' ' +
           detail::coordinate(baseline) + " v" +
           detail::coordinate(-24 * static_cast<double>(counts[b]) / fullest) + " h" +
           detail::coordinate(plot_width / bins) + " V" + detail::coordinate(baseline) + " Z";
    }
    svg += "<path d=\"" + d + "\" fill=\"" + colour + "\" fill-opacity=\"0.6\" stroke=\"none\"/>\n";

    const double q1 = quantile(values, 0.25);
    const double median = quantile(values, 0.5);
    const double q3 = quantile(values, 0.75);
    const double reach = 1.5 * (q3 - q1);
    const double whisker_low = *std::lower_bound(values.begin(), values.end(), q1 - reach);
    const double whisker_high = *std::prev(
        std::upper_bound(values.begin(), values.end(), q3 + reach));
    const auto stroke = " stroke=\"" + colour + "\" stroke-width=\"1.5\"";
    detail::add_line(svg, x_of(whisker_low), middle, x_of(q1), middle, stroke);
    detail::add_line(svg, x_of(q3), middle, x_of(whisker_high), middle, stroke);
    detail::add_line(svg, x_of(whisker_low), middle - 5, x_of(whisker_low), middle + 5, stroke);
    detail::add_line(svg, x_of(whisker_high), middle - 5, x_of(whisker_high), middle + 5, stroke);
    svg += "<rect x=\"" + detail::coordinate(x_of(q1)) + "\" y=\"" +
           detail::coordinate(middle - 8) + "\" width=\"" +
           detail::coordinate(x_of(q3) - x_of(q1)) + "\" height=\"16\" fill=\"#FFFFFF\"" + stroke +
           "/>\n";
    detail::add_line(svg, x_of(median), middle - 8, x_of(median), middle + 8,
                     " stroke=\"" + colour + "\" stroke-width=\"3\"");
    for (const double v : values)
      if (v < whisker_low || v > whisker_high)
        svg += "<circle cx=\"" + detail::coordinate(x_of(v)) + "\" cy=\"" +
               detail::coordinate(middle) + "\" r=\"2.5\" fill=\"none\"" + stroke + "/>\n";
  }
  return svg + "</svg>\n";
}

}  // namespace peerkit
