#pragma once
// The readiness report: what blocks going live, what is still open, what is at risk for
// keeping support (step 7, draagvlak), what is done and what does not apply; as data and
// as Markdown text.
//
// Two modes. go_live serves a school preparing to start: open items needed before the
// start block it. audit serves a school that already runs peer support (the source
// offers the plan as a checklist for them too): going live is not assessed, and every
// open item is a gap.

#include <array>
#include <boost/date_time/gregorian/formatters.hpp>
#include <optional>
#include <peerkit/checklist/checklist.hpp>
#include <peerkit/checklist/derived_checks.hpp>
#include <peerkit/checklist/item.hpp>
#include <peerkit/checklist/programme_facts.hpp>
#include <peerkit/checklist/progress.hpp>
#include <peerkit/core/school.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace peerkit {

enum class report_mode {
  go_live,  ///< preparing to start: items needed before the start block it
  audit,    ///< already running: going live is not assessed; open items are gaps
};

template <>
struct enum_keys<report_mode> {
  static constexpr std::array<std::string_view, 2> keys{"go_live", "audit"};
};

/// One item in the report.
struct report_entry {
  std::string key;
  std::string title;
  item_position position;
  item_stage stage = item_stage::before_start;
  item_state state = item_state::not_started;
  state_source source = state_source::recorded;
  std::optional<staff_id> owner;
  std::string owner_name;  ///< empty when the owner is not on the staff list
  std::optional<date> on;
  std::string evidence;               ///< the record's note, or what the data shows
  std::vector<std::string> findings;  ///< what is missing: derived findings, unsettled dependencies
  friend bool operator==(const report_entry&, const report_entry&) = default;
};

/// The readiness of a programme against its checklist. Every item is in exactly one list,
/// each list in checklist order.
struct readiness_report {
  std::string checklist;
  report_mode mode = report_mode::go_live;
  std::vector<report_entry> blocking;  ///< go_live: open items needed before the start
  std::vector<report_entry> open;      ///< go_live: open items for once it runs; audit: gaps
  std::vector<report_entry> at_risk;   ///< open sustaining items (step 7, draagvlak)
  std::vector<report_entry> done;
  std::vector<report_entry> not_applicable;

  /// go_live: nothing blocks the start. audit: always false (going live is not assessed).
  [[nodiscard]] bool ready_to_go_live() const noexcept {
    return mode == report_mode::go_live && blocking.empty();
  }
  [[nodiscard]] std::size_t item_count() const noexcept {
    return blocking.size() + open.size() + at_risk.size() + done.size() + not_applicable.size();
  }
  friend bool operator==(const readiness_report&, const readiness_report&) = default;
};

namespace detail {
inline std::string role_mask_text(role_mask roles) {
  std::vector<std::string> names;
  for (auto r : roles.roles()) names.emplace_back(name_of(r));
  return checklist_join(names);
}
}  // namespace detail

/// The report for `book`, with derived items and role applicability from `derived` and
/// owners' names from `s`.
[[nodiscard]] inline readiness_report make_readiness_report(const progress_book& book,
                                                            const derived_results& derived,
                                                            const school& s, report_mode mode) {
  const auto& def = book.definition();
  readiness_report report;
  report.checklist = def.name;
  report.mode = mode;
  for (const auto& step : def.steps) {
    for (std::size_t i = 0; i < step.items.size(); ++i) {
      const auto& item = step.items[i];
      const auto effective = book.state_of(item.key, derived);
      report_entry e;
      e.key = item.key;
      e.title = item.title;
      e.position = {step.number, static_cast<int>(i) + 1};
      e.stage = item.stage;
      e.state = effective.state;
      e.source = effective.source;
      switch (effective.source) {
        case state_source::role_not_run:
          e.evidence =
              "about " + detail::role_mask_text(item.roles) + ", which the programme does not run";
          break;
        case state_source::derived:
          e.evidence = derived.of(item.derived).evidence;
          e.findings = derived.of(item.derived).findings;
          break;
        case state_source::recorded: {
          const auto& record = book.progress(item.key);
          e.owner = record.owner;
          e.on = record.on;
          e.evidence = record.evidence;
          if (record.owner) {
            if (const auto* m = s.find(*record.owner))
              e.owner_name = m->name;
            else
              e.findings.push_back("owner #" + std::to_string(record.owner->value()) +
                                   " is not on the staff list");
          }
          break;
        }
      }
      if (effective.source != state_source::role_not_run)
        for (const auto& dep : item.depends_on) {
          const auto dep_state = book.state_of(dep, derived).state;
          if (settled(dep_state)) continue;
          const auto& d = *def.find(dep);
          e.findings.push_back((e.state == item_state::done ? "depends on " : "waits for ") +
                               def.position_of(dep)->label() + " " + d.title + " (" +
                               std::string(words_for(dep_state)) + ")");
        }
      if (e.state == item_state::done)
        report.done.push_back(std::move(e));
      else if (e.state == item_state::not_applicable)
        report.not_applicable.push_back(std::move(e));
      else if (item.stage == item_stage::sustaining)
        report.at_risk.push_back(std::move(e));
      else if (mode == report_mode::go_live && item.stage == item_stage::before_start)
        report.blocking.push_back(std::move(e));
      else
        report.open.push_back(std::move(e));
    }
  }
  return report;
}

/// The report, deciding derived items from the school and the programme's facts first.
/// Throws peerkit::error when the facts do not fit the school.
[[nodiscard]] inline readiness_report make_readiness_report(const progress_book& book,
                                                            const school& s,
                                                            const programme_facts& facts,
                                                            report_mode mode) {
  return make_readiness_report(book, evaluate_derived(s, facts), s, mode);
}

namespace detail {
// Free text (notes, names) must not turn into Markdown markup or break the list: the
// characters of emphasis, links, code and HTML are escaped, and a leading '#' that would
// start a heading inside a list item.
inline std::string markdown_text(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '\n' || c == '\r') {
      out += ' ';
      continue;
    }
    if (std::string_view("\\`*_[]<>").find(c) != std::string_view::npos ||
        (c == '#' && out.empty()))
      out += '\\';
    out += c;
  }
  return out;
}

inline std::string markdown_entry(const report_entry& e) {
  std::string line = "- **" + e.position.label() + " " + markdown_text(e.title) +
                     "**: " + std::string(words_for(e.state));
  if (e.source == state_source::derived) line += ", from the programme's data";
  if (e.on) line += " on " + to_iso_extended_string(*e.on);
  if (e.owner)
    line += " by " + (e.owner_name.empty() ? "staff #" + std::to_string(e.owner->value())
                                           : markdown_text(e.owner_name));
  if (!e.evidence.empty()) line += " (" + markdown_text(e.evidence) + ")";
  line += '\n';
  for (const auto& f : e.findings) line += "  - " + markdown_text(f) + '\n';
  return line;
}

inline std::string markdown_section(std::string_view heading,
                                    const std::vector<report_entry>& entries) {
  if (entries.empty()) return {};
  std::string text =
      "\n## " + std::string(heading) + " (" + std::to_string(entries.size()) + ")\n\n";
  for (const auto& e : entries) text += markdown_entry(e);
  return text;
}

inline std::string counted(std::size_t n, std::string_view one, std::string_view many) {
  return std::to_string(n) + " " + std::string(n == 1 ? one : many);
}
}  // namespace detail

/// The report as Markdown: a heading, a summary, then one section per non-empty list.
[[nodiscard]] inline std::string to_markdown(const readiness_report& r) {
  using detail::counted;
  const bool audit = r.mode == report_mode::audit;
  std::string text = (audit ? "# Checklist audit: " : "# Readiness to go live: ") +
                     detail::markdown_text(r.checklist) + "\n\n";
  if (audit)
    text += "Audit of a running programme; going live is not assessed. **" +
            counted(r.open.size(), "gap", "gaps") + "**, " +
            counted(r.at_risk.size(), "item", "items") + " at risk for keeping support.\n";
  else if (r.ready_to_go_live())
    text += "**Ready to go live: nothing blocks the start.** " +
            counted(r.at_risk.size(), "item", "items") + " at risk for keeping support.\n";
  else
    text += "**Not ready to go live: " + counted(r.blocking.size(), "item blocks", "items block") +
            " the start.** " + counted(r.at_risk.size(), "item", "items") +
            " at risk for keeping support.\n";
  text += "Done: " + std::to_string(r.done.size()) + " of " +
          counted(r.item_count(), "item", "items") + "; " +
          std::to_string(r.not_applicable.size()) + " not applicable.\n";
  text += detail::markdown_section("Blocks going live", r.blocking);
  text += detail::markdown_section(audit ? "Gaps" : "To do once running", r.open);
  text += detail::markdown_section("At risk for keeping support (draagvlak)", r.at_risk);
  text += detail::markdown_section("Done", r.done);
  text += detail::markdown_section("Not applicable", r.not_applicable);
  return text;
}

}  // namespace peerkit
