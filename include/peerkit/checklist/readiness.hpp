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
#include <peerkit/checklist/dutch_titles.hpp>
#include <peerkit/checklist/item.hpp>
#include <peerkit/checklist/programme_facts.hpp>
#include <peerkit/checklist/progress.hpp>
#include <peerkit/core/report_language.hpp>
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
  dutch_texts dutch;                  ///< evidence and findings in Dutch; a note as written
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
std::string role_mask_text(role_mask roles, report_language language);
}  // namespace detail

/// The report for `book`, with derived items and role applicability from `derived` and
/// owners' names from `s`.
[[nodiscard]] readiness_report make_readiness_report(const progress_book& book,
                                                     const derived_results& derived,
                                                     const school& s, report_mode mode);

/// The report, deciding derived items from the school and the programme's facts first.
/// Throws peerkit::error when the facts do not fit the school.
[[nodiscard]] readiness_report make_readiness_report(const progress_book& book, const school& s,
                                                     const programme_facts& facts,
                                                     report_mode mode);

/// The words of the readiness report in one language; {0}, {1}, ... are counts and lists.
struct readiness_phrases {
  std::string_view audit_title, go_live_title;
  /// {0}: gaps or items blocking, {1}: items at risk
  std::string_view audit_summary, ready_summary, not_ready_summary;
  std::string_view gap, gaps, item, items, item_blocks, items_block;
  std::string_view done_summary;  ///< {0} done, {1} items, {2} not applicable
  std::string_view blocking, gaps_heading, to_do, at_risk, done, not_applicable;
  std::array<std::string_view, 4> states;  ///< by enum item_state
  std::string_view from_data, on, by, staff;
  /// What make_readiness_report adds to an entry: {0} the roles it is about; {0} an owner's
  /// number; {0} the position, {1} the title and {2} the state of an unsettled dependency.
  std::string_view role_not_run, owner_unknown, depends_on, waits_for;
  /// The checklist's name, item titles (dutch_titles.hpp) and the entries' texts in Dutch.
  bool in_dutch;
};

inline constexpr readiness_phrases readiness_english{
    "# Checklist audit: ",
    "# Readiness to go live: ",
    "Audit of a running programme; going live is not assessed. **{0}**, {1} at risk for keeping "
    "support.\n",
    "**Ready to go live: nothing blocks the start.** {1} at risk for keeping support.\n",
    "**Not ready to go live: {0} the start.** {1} at risk for keeping support.\n",
    "gap",
    "gaps",
    "item",
    "items",
    "item blocks",
    "items block",
    "Done: {0} of {1}; {2} not applicable.\n",
    "Blocks going live",
    "Gaps",
    "To do once running",
    "At risk for keeping support (draagvlak)",
    "Done",
    "Not applicable",
    {words_for(item_state::not_started), words_for(item_state::in_progress),
     words_for(item_state::done), words_for(item_state::not_applicable)},
    ", from the programme's data",
    " on ",
    " by ",
    "staff #",
    "about {0}, which the programme does not run",
    "owner #{0} is not on the staff list",
    "depends on {0} {1} ({2})",
    "waits for {0} {1} ({2})",
    false};

inline constexpr readiness_phrases readiness_dutch{
    "# Checklistaudit: ",
    "# Klaar om te starten: ",
    "Audit van een lopend programma; of het kan starten, wordt niet beoordeeld. **{0}**; risico "
    "voor het draagvlak: {1}.\n",
    "**Klaar om te starten: niets houdt de start tegen.** Risico voor het draagvlak: {1}.\n",
    "**Nog niet klaar om te starten: {0} de start tegen.** Risico voor het draagvlak: {1}.\n",
    "lacune",
    "lacunes",
    "punt",
    "punten",
    "punt houdt",
    "punten houden",
    "Klaar: {0} van {1}; {2} niet van toepassing.\n",
    "Houdt de start tegen",
    "Lacunes",
    "Te doen zodra het loopt",
    "Risico voor het draagvlak",
    "Klaar",
    "Niet van toepassing",
    {"niet begonnen", "bezig", "klaar", "niet van toepassing"},
    ", volgens de gegevens van het programma",
    " op ",
    " door ",
    "medewerker #",
    "over {0}, een rol die het programma niet heeft",
    "eigenaar #{0} staat niet op de personeelslijst",
    "hangt af van {0} {1} ({2})",
    "wacht op {0} {1} ({2})",
    true};

[[nodiscard]] constexpr const readiness_phrases& readiness_words(
    report_language language) noexcept {
  return in_language(language, readiness_english, readiness_dutch);
}

namespace detail {
// Free text (notes, names) must not turn into Markdown markup or break the list: the
// characters of emphasis, links, code and HTML are escaped, and a leading '#' that would
// start a heading inside a list item.
std::string markdown_text(std::string_view text);

std::string markdown_entry(const report_entry& e, const readiness_phrases& words);

std::string markdown_section(std::string_view heading, const std::vector<report_entry>& entries,
                             const readiness_phrases& words);

std::string counted(std::size_t n, std::string_view one, std::string_view many);
}  // namespace detail

/// The report as Markdown: a heading, a summary, then one section per non-empty list.
[[nodiscard]] std::string to_markdown(const readiness_report& r,
                                      report_language language = report_language::english);

}  // namespace peerkit

#ifndef PEERKIT_COMPILED
#include <peerkit/checklist/readiness-inl.hpp>
#endif
