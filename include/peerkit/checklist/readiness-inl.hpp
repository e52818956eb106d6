#pragma once
// Definitions of readiness.hpp: inline here in header-only mode, compiled once into
// peerkit::compiled when PEERKIT_COMPILED is defined (see config.hpp).

#include <peerkit/checklist/readiness.hpp>
#include <peerkit/config.hpp>

namespace peerkit {

PEERKIT_INLINE std::string detail::role_mask_text(role_mask roles) {
  std::vector<std::string> names;
  for (auto r : roles.roles()) names.emplace_back(name_of(r));
  return checklist_join(names);
}

PEERKIT_INLINE readiness_report make_readiness_report(const progress_book& book,
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
          e.evidence = "about " + detail::role_mask_text(item.roles) +
                       ", which the programme does not run";
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

PEERKIT_INLINE readiness_report make_readiness_report(const progress_book& book, const school& s,
                                                      const programme_facts& facts,
                                                      report_mode mode) {
  return make_readiness_report(book, evaluate_derived(s, facts), s, mode);
}

PEERKIT_INLINE std::string detail::markdown_text(std::string_view text) {
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

PEERKIT_INLINE std::string detail::markdown_entry(const report_entry& e) {
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

PEERKIT_INLINE std::string detail::markdown_section(std::string_view heading,
                                                    const std::vector<report_entry>& entries) {
  if (entries.empty()) return {};
  std::string text = "\n## " + std::string(heading) + " (" + std::to_string(entries.size()) +
                     ")\n\n";
  for (const auto& e : entries) text += markdown_entry(e);
  return text;
}

PEERKIT_INLINE std::string detail::counted(std::size_t n, std::string_view one,
                                           std::string_view many) {
  return std::to_string(n) + " " + std::string(n == 1 ? one : many);
}

PEERKIT_INLINE std::string to_markdown(const readiness_report& r) {
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
