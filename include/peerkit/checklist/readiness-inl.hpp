#pragma once
// Definitions of readiness.hpp: inline here in header-only mode, compiled once into
// peerkit::compiled when PEERKIT_COMPILED is defined (see config.hpp).

#include <peerkit/checklist/readiness.hpp>
#include <peerkit/config.hpp>

namespace peerkit {

PEERKIT_INLINE std::string detail::role_mask_text(role_mask roles, report_language language) {
  std::vector<std::string> names;
  for (auto r : roles.roles()) names.emplace_back(role_name(r, language));
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
          e.evidence = fill(readiness_english.role_not_run,
                            {detail::role_mask_text(item.roles, report_language::english)});
          e.dutch.evidence = fill(readiness_dutch.role_not_run,
                                  {detail::role_mask_text(item.roles, report_language::dutch)});
          break;
        case state_source::derived:
          e.evidence = derived.of(item.derived).evidence;
          e.findings = derived.of(item.derived).findings;
          e.dutch = derived.of(item.derived).dutch;
          break;
        case state_source::recorded: {
          const auto& record = book.progress(item.key);
          e.owner = record.owner;
          e.on = record.on;
          e.evidence = e.dutch.evidence = record.evidence;
          if (record.owner) {
            if (const auto* m = s.find(*record.owner)) {
              e.owner_name = m->name;
            } else {
              const auto number = std::to_string(record.owner->value());
              e.findings.push_back(fill(readiness_english.owner_unknown, {number}));
              e.dutch.findings.push_back(fill(readiness_dutch.owner_unknown, {number}));
            }
          }
          break;
        }
      }
      if (effective.source != state_source::role_not_run)
        for (const auto& dep : item.depends_on) {
          const auto dep_state = book.state_of(dep, derived).state;
          if (settled(dep_state)) continue;
          const auto& d = *def.find(dep);
          const auto position = def.position_of(dep)->label();
          const auto& en = readiness_english;
          const auto& nl = readiness_dutch;
          const bool done = e.state == item_state::done;
          const auto state = static_cast<std::size_t>(dep_state);
          e.findings.push_back(
              fill(done ? en.depends_on : en.waits_for, {position, d.title, en.states[state]}));
          e.dutch.findings.push_back(
              fill(done ? nl.depends_on : nl.waits_for,
                   {position, dutch_title(d.key, d.title), nl.states[state]}));
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

PEERKIT_INLINE std::string detail::markdown_entry(const report_entry& e,
                                                  const readiness_phrases& w) {
  const auto title = w.in_dutch ? dutch_title(e.key, e.title) : std::string_view(e.title);
  const auto& evidence = w.in_dutch ? e.dutch.evidence : e.evidence;
  const auto& findings = w.in_dutch ? e.dutch.findings : e.findings;
  std::string line = "- **" + e.position.label() + " " + markdown_text(title) +
                     "**: " + std::string(w.states[static_cast<std::size_t>(e.state)]);
  if (e.source == state_source::derived) line += w.from_data;
  if (e.on) line += std::string(w.on) + to_iso_extended_string(*e.on);
  if (e.owner)
    line += std::string(w.by) + (e.owner_name.empty()
                                     ? std::string(w.staff) + std::to_string(e.owner->value())
                                     : markdown_text(e.owner_name));
  if (!evidence.empty()) line += " (" + markdown_text(evidence) + ")";
  line += '\n';
  for (const auto& f : findings) line += "  - " + markdown_text(f) + '\n';
  return line;
}

PEERKIT_INLINE std::string detail::markdown_section(std::string_view heading,
                                                    const std::vector<report_entry>& entries,
                                                    const readiness_phrases& w) {
  if (entries.empty()) return {};
  std::string text = "\n## " + std::string(heading) + " (" + std::to_string(entries.size()) +
                     ")\n\n";
  for (const auto& e : entries) text += markdown_entry(e, w);
  return text;
}

PEERKIT_INLINE std::string detail::counted(std::size_t n, std::string_view one,
                                           std::string_view many) {
  return std::to_string(n) + " " + std::string(n == 1 ? one : many);
}

PEERKIT_INLINE std::string to_markdown(const readiness_report& r, report_language language) {
  using detail::counted;
  const auto& w = readiness_words(language);
  const bool audit = r.mode == report_mode::audit;
  const auto name = w.in_dutch ? dutch_title(r.checklist, r.checklist) : r.checklist;
  std::string text = std::string(audit ? w.audit_title : w.go_live_title) +
                     detail::markdown_text(name) + "\n\n";
  const auto at_risk = counted(r.at_risk.size(), w.item, w.items);
  if (audit)
    text += fill(w.audit_summary, {counted(r.open.size(), w.gap, w.gaps), at_risk});
  else if (r.ready_to_go_live())
    text += fill(w.ready_summary, {"", at_risk});
  else
    text += fill(w.not_ready_summary,
                 {counted(r.blocking.size(), w.item_blocks, w.items_block), at_risk});
  text += fill(w.done_summary,
               {std::to_string(r.done.size()), counted(r.item_count(), w.item, w.items),
                std::to_string(r.not_applicable.size())});
  text += detail::markdown_section(w.blocking, r.blocking, w);
  text += detail::markdown_section(audit ? w.gaps_heading : w.to_do, r.open, w);
  text += detail::markdown_section(w.at_risk, r.at_risk, w);
  text += detail::markdown_section(w.done, r.done, w);
  text += detail::markdown_section(w.not_applicable, r.not_applicable, w);
  return text;
}

}  // namespace peerkit
