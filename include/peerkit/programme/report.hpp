#pragma once
// The year of a programme as a report a school coordinator reads: what was decided and
// why, what is short, the year's key dates and the readiness on the checklist. Markdown,
// so it reads as plain text and renders as a page. Names come from the school: run a
// pseudonymised programme (pseudonymise.hpp) for a report without identities.

#include <map>
#include <string>

#include <boost/date_time/gregorian/gregorian.hpp>
#include <boost/date_time/posix_time/posix_time.hpp>

#include <peerkit/matching/class_assignment.hpp>
#include <peerkit/programme/programme.hpp>
#include <peerkit/selection/report.hpp>

namespace peerkit {

namespace detail {
inline std::string long_date(date d) {
  static constexpr std::array<std::string_view, 12> months{
      "January", "February", "March",     "April",   "May",      "June",
      "July",    "August",   "September", "October", "November", "December"};
  return std::to_string(d.day()) + " " + std::string(months[d.month() - 1]) + " " +
         std::to_string(d.year());
}

/// Each line of `text` as a Markdown list item.
inline std::string as_list(const std::string& text) {
  std::string out;
  std::size_t start = 0;
  while (start < text.size()) {
    auto end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    if (end > start) out += "- " + text.substr(start, end - start) + "\n";
    start = end + 1;
  }
  return out;
}

/// A key such as "contact_overdue" in words: "contact overdue".
inline std::string in_words(std::string_view key) {
  std::string out(key);
  std::replace(out.begin(), out.end(), '_', ' ');
  return out;
}

/// A Markdown document with every heading one level down, to sit inside another.
inline std::string nested(const std::string& markdown) {
  std::string out;
  std::size_t start = 0;
  while (start < markdown.size()) {
    auto end = markdown.find('\n', start);
    if (end == std::string::npos) end = markdown.size() - 1;
    const auto line = markdown.substr(start, end - start + 1);
    out += (line.starts_with("#") ? "#" : "") + line;
    start = end + 1;
  }
  return out;
}

/// The first and last day of each kind of event of the year, with how many there are.
inline std::string key_dates(const programme_year& year) {
  struct span {
    date first, last;
    int count = 0;
    std::string title;
  };
  std::map<std::pair<int, std::string>, span>
      spans;  // by kind, then role: the year's order of things
  for (const auto& e : year.events) {
    const std::string role = e.role ? std::string(name_of(*e.role)) : "";
    auto [it, fresh] = spans.try_emplace({static_cast<int>(e.kind), role},
                                         span{e.day, e.day, 0, ""});
    auto& s = it->second;
    if (fresh) {
      s.title = in_words(key_of(e.kind));
      if (!role.empty()) s.title += " (" + role + ")";
    }
    s.first = std::min(s.first, e.day);
    s.last = std::max(s.last, e.day);
    ++s.count;
  }
  std::string out = "| what | how often | first | last |\n|---|---|---|---|\n";
  for (const auto& [key, s] : spans)
    out += "| " + s.title + " | " + std::to_string(s.count) + " | " + long_date(s.first) + " | " +
           long_date(s.last) + " |\n";
  return out;
}
}  // namespace detail

/// The run as a Markdown report.
template <class... Policies>
[[nodiscard]] std::string markdown_report(const basic_programme<Policies...>& prog,
                                          const programme_run& run) {
  const school& sch = prog.school_data();
  std::string text = "# Peer support " + prog.data().year.to_string() + " at " + sch.name + "\n\n";
  text += "Pairing on " + detail::long_date(prog.data().pairing_day()) + ". ";
  if (run.feasible()) {
    text +=
        "**Every student who asked for support has a supporter, and every first-year class has a "
        "leader duo.**\n\n";
  } else {
    text += "**The programme is short:**\n\n";
    for (const auto& s : run.shortfalls) text += "- " + s.text + "\n";
    text += "\n";
  }
  text += "| role | needed | accepted | reserves | in pairs |\n|---|---|---|---|---|\n";
  for (const auto& role : run.selection.roles) {
    const auto in_pairs = std::count_if(run.pairing.pairs.begin(), run.pairing.pairs.end(),
                                        [&](const support_pair& p) { return p.role == role.role; });
    text += "| " + role.role_name + " | " + std::to_string(role.needed) + " | " +
            std::to_string(role.count(verdict::accepted)) + " | " +
            std::to_string(role.count(verdict::reserve)) + " | " + std::to_string(in_pairs) +
            (role.serves_classes ? " duos with a class" : " pairs") + " |\n";
  }

  text += "\n## Selection\n\n```\n" + selection_report(run.selection, sch) + "```\n";

  text += "\n## Pairing\n";
  for (const auto& rp : run.pairing.roles) {
    text += "\n### " + rp.role.name + "\n\n" + detail::as_list(describe(rp.explanation, sch));
    for (const auto& t : rp.in_training)
      text += "- " + sch.find(t.supporter)->name + " is not paired yet: " + t.text() + "\n";
  }
  if (const auto& leaders = run.pairing.leaders) {
    text += "\n### " + leaders->role.name + " duos and their classes\n\n" +
            detail::as_list(describe(leaders->duo_reasons, sch));
    const class_table table(sch, leaders->class_input, prog.matching().settings());
    text += detail::as_list(describe(leaders->class_reasons, table));
    for (const auto& t : leaders->in_training)
      text += "- " + sch.find(t.supporter)->name + " is not in a duo yet: " + t.text() + "\n";
  }

  text += "\n## The year\n\n";
  if (run.year.outcome == schedule_outcome::scheduled) {
    text += "Region " + std::string(key_of(run.year.region)) +
            ": nothing is planned in a school holiday or on a public holiday.\n\n" +
            detail::key_dates(run.year);
  } else {
    text +=
        run.year.outcome == schedule_outcome::data_missing
            ? "The year could not be planned: the holiday data does not cover it. Missing:\n"
            : "The year could not be planned: the teaching weeks after the start are too few.\n";
    for (const auto& m : run.year.missing)
      text += "- " + std::string(key_of(m.kind)) + " " + m.year.to_string() + " (" +
              std::string(key_of(m.region)) + ")\n";
  }

  // The readiness report is a document of its own; here its headings sit one level down.
  return text + "\n" + detail::nested(to_markdown(run.readiness));
}

}  // namespace peerkit
