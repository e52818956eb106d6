#pragma once
// The year of a programme as a report a school coordinator reads: what was decided and
// why, what is short, the year's key dates and the readiness on the checklist. Markdown,
// so it reads as plain text and renders as a page. Names come from the school: run a
// pseudonymised programme (pseudonymise.hpp) for a report without identities. English or
// Dutch: the phrases of each language are in one table below (report_phrases).

#include <array>
#include <map>
#include <string>

#include <boost/date_time/gregorian/gregorian.hpp>
#include <boost/date_time/posix_time/posix_time.hpp>

#include <peerkit/core/report_language.hpp>
#include <peerkit/matching/class_assignment.hpp>
#include <peerkit/programme/programme.hpp>
#include <peerkit/selection/report.hpp>

namespace peerkit {

/// The words of the coordinator's report and the status page in one language; {0}, {1},
/// ... are names, dates and counts. Words that come with the data of a lower layer in
/// English (training status, event kinds, role kinds) have their Dutch here.
struct report_phrases {
  std::string_view title;  ///< {0} the school year, {1} the school
  std::string_view pairing_on, everyone_supported, short_of;
  std::string_view supportees_short, classes_short, class_short;  ///< shortfalls; {0} n
  std::string_view roles_table, duos_with_class, pairs;
  std::string_view selection, pairing, not_paired_yet, duos_heading, not_in_duo_yet;
  std::string_view the_year, planned, no_holiday_data, too_few_weeks, dates_table;
  std::array<std::string_view, 12> events;  ///< by enum programme_event_kind
  std::array<std::string_view, 9> roles;    ///< by enum supporter_role
  std::string_view training, training_by;   ///< training_status::text()
  // The status page (status_report.hpp).
  std::string_view status_title, active_pairs, no_active_pairs, serves_class, serve_class, supports,
      support, since, and_, student;
  std::string_view in_training, all_trained, minutes_to_go, sessions_also, session, sessions;
  std::string_view overdue, nothing_overdue, due;
  std::string_view open_escalations, no_escalation, escalation, next_deadline, deadline_missed,
      waiting_to_close;
  std::string_view rematches, no_rematch_waiting, rematch_entry, new_supporter_from, no_rematch;
  // Keys and messages supervision gives in English (empty here: they are used as given).
  std::array<std::string_view, 10> alert_rules;  ///< by enum alert_rule
  /// An alert's message by enum alert_rule, from its ids: {0} pair, {1} student, {2} group,
  /// {3} escalation, {4} staff member.
  std::array<std::string_view, 10> alert_messages;
  std::array<std::string_view, 3> severities;  ///< by enum severity
  std::array<std::string_view, 6> verdicts;    ///< by enum rematch_verdict
};

inline constexpr report_phrases report_english{
    "# Peer support {0} at {1}\n\n",
    "Pairing on {0}. ",
    "**Every student who asked for support has a supporter, and every first-year class has a "
    "leader duo.**\n\n",
    "**The programme is short:**\n\n",
    "",
    "",
    "",
    "| role | needed | accepted | reserves | in pairs |\n|---|---|---|---|---|\n",
    " duos with a class",
    " pairs",
    "\n## Selection\n\n",
    "\n## Pairing\n",
    "- {0} is not paired yet: {1}\n",
    "\n### {0} duos and their classes\n\n",
    "- {0} is not in a duo yet: {1}\n",
    "\n## The year\n\n",
    "Region {0}: nothing is planned in a school holiday or on a public holiday.\n\n",
    "The year could not be planned: the holiday data does not cover it. Missing:\n",
    "The year could not be planned: the teaching weeks after the start are too few.\n",
    "| what | how often | first | last |\n|---|---|---|---|\n",
    {},
    {},
    "",
    "",
    "# Peer support {0} at {1} on {2}\n",
    "\n## Active pairs ({0})\n",
    "No active pairs.",
    " serves class ",
    " serve class ",
    " supports ",
    " support ",
    " since {0} (pair {1})",
    " and ",
    "student {0}",
    "\n## Still in training\n\n",
    "Every accepted supporter is trained.",
    "{0} minutes{1} to go",
    " and {0}",
    "session",
    "sessions",
    "\n## Overdue\n\n",
    "Nothing is overdue.",
    "{0}, due {1}: {2}",
    "\n## Open escalations\n\n",
    "No escalation is open.",
    "escalation {0} ({1}) for pair {2}, raised {3}: {4}",
    "next deadline {0}",
    "deadline missed on {0}",
    "every step done, waiting to be closed",
    "\n## Rematches\n\n",
    "No supportee is waiting for a new supporter.",
    "{0} (pair {1} ended): {2}",
    "may get a new supporter from {0}",
    "no rematch: {0}",
    {},
    {},
    {},
    {}};

inline constexpr report_phrases report_dutch{
    "# Peer support {0} op {1}\n\n",
    "Koppeling op {0}. ",
    "**Elke leerling die om steun vroeg heeft een supporter, en elke brugklas heeft een duo "
    "peerleiders.**\n\n",
    "**Het programma komt tekort:**\n\n",
    "{0} van de {1} leerlingen die op een {2} wachten hebben er geen",
    "{0} brugklassen zonder duo peerleiders",
    "{0} brugklas zonder duo peerleiders",
    "| rol | nodig | aangenomen | reserves | gekoppeld |\n|---|---|---|---|---|\n",
    " duo's met een klas",
    " koppels",
    "\n## Selectie\n\n",
    "\n## Koppeling\n",
    "- {0} is nog niet gekoppeld: {1}\n",
    "\n### {0}: duo's en hun klassen\n\n",
    "- {0} zit nog niet in een duo: {1}\n",
    "\n## Het jaar\n\n",
    "Regio {0}: niets is gepland in een schoolvakantie of op een feestdag.\n\n",
    "Het jaar kon niet worden gepland: de vakantiegegevens dekken het niet. Ontbrekend:\n",
    "Het jaar kon niet worden gepland: er zijn te weinig lesweken na de start.\n",
    "| wat | hoe vaak | eerste | laatste |\n|---|---|---|---|\n",
    {"training", "training nieuwkomers", "gezamenlijke training", "eerste kennismakingsronde",
     "afspraak van het koppel", "intervisie", "intervisie nieuwkomers", "teambuildingactiviteit",
     "projectweek", "gezamenlijk dagdeel", "tussentijdse evaluatie", "eindevaluatie"},
    dutch_supporter_roles,
    "training {0} van {1} minuten ({2} van {3} {4})",
    " tot {0}, compleet op {1}",
    "# Peer support {0} op {1} op {2}\n",
    "\n## Lopende koppels ({0})\n",
    "Geen lopende koppels.",
    " begeleidt klas ",
    " begeleiden klas ",
    " ondersteunt ",
    " ondersteunen ",
    " sinds {0} (koppel {1})",
    " en ",
    "leerling {0}",
    "\n## Nog in training\n\n",
    "Elke aangenomen supporter is getraind.",
    "nog {0} minuten{1} te gaan",
    " en {0}",
    "sessie",
    "sessies",
    "\n## Te laat\n\n",
    "Niets is te laat.",
    "{0}, uiterlijk {1}: {2}",
    "\n## Open escalaties\n\n",
    "Er staat geen escalatie open.",
    "escalatie {0} ({1}) voor koppel {2}, gemeld op {3}: {4}",
    "volgende termijn {0}",
    "termijn verstreken op {0}",
    "elke stap gedaan, wacht op afsluiting",
    "\n## Nieuwe koppelingen\n\n",
    "Geen supportee wacht op een nieuwe supporter.",
    "{0} (koppel {1} beëindigd): {2}",
    "kan vanaf {0} een nieuwe supporter krijgen",
    "geen nieuwe koppeling: {0}",
    {"contact te laat", "minder contact dan gepland", "eerste afspraak zonder uitleg over geheimen",
     "intervisie te laat", "intervisie gemist", "terugkoppeling aan de mentor ontbreekt",
     "escalatiestap te laat", "reactie op escalatie te laat", "doorverwijzing overgeslagen",
     "eindevaluatie ontbreekt"},
    {"koppel {0} heeft te lang geen contact gehad", "koppel {0} spreekt minder vaak af dan gepland",
     "koppel {0} sprak voor het eerst af voordat de supportee hoorde dat de supporter geen "
     "geheimen kan bewaren",
     "groep {2} heeft te lang geen intervisie gehad",
     "leerling {1} miste de laatste intervisies van groep {2}",
     "een intervisie van groep {2} is niet met mentor {4} besproken",
     "een stap van escalatie {3} is niet op tijd gezet",
     "niemand reageerde op tijd op escalatie {3}",
     "bij escalatie {3} werden medewerkers ingelicht voordat de supportee werd aangemoedigd naar "
     "de mentor te gaan",
     "leerling {1} van koppel {0} gaf geen eindevaluatie"},
    {"zorg", "dringend", "veiligheid"},
    {"toegestaan", "de school koppelt niet opnieuw", "niet na deze reden van beëindigen",
     "al te vaak opnieuw gekoppeld", "de pauze is nog niet voorbij", "te laat in het schooljaar"}};

[[nodiscard]] constexpr const report_phrases& report_words(report_language language) noexcept {
  return in_language(language, report_english, report_dutch);
}

namespace detail {
/// The name of a kind of role as peerkit names it.
inline std::string role_words(supporter_role role, const report_phrases& w) {
  return w.roles[0].empty() ? std::string(name_of(role))
                            : std::string(w.roles[static_cast<std::size_t>(role)]);
}
/// training_status::text() in the words of `w`.
inline std::string training_words(const training_status& t, const report_phrases& w) {
  if (w.training.empty()) return t.text();
  std::string out = fill(
      w.training, {std::to_string(t.minutes_attended), std::to_string(t.required.total_minutes()),
                   std::to_string(t.sessions_attended), std::to_string(t.required.sessions),
                   t.required.sessions == 1 ? w.session : w.sessions});
  if (t.by && t.completes_on)
    out += fill(w.training_by,
                {to_iso_extended_string(*t.by), to_iso_extended_string(*t.completes_on)});
  return out;
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

/// The words of a kind of event: in English its key in words ("pair meeting").
inline std::string event_words(programme_event_kind kind, const report_phrases& w) {
  const auto words = w.events[static_cast<std::size_t>(kind)];
  return words.empty() ? in_words(key_of(kind)) : std::string(words);
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
inline std::string key_dates(const programme_year& year,
                             report_language language = report_language::english) {
  const auto& w = report_words(language);
  struct span {
    date first, last;
    int count = 0;
    std::string title;
  };
  std::map<std::pair<int, std::string>, span>
      spans;  // by kind, then role: the year's order of things
  for (const auto& e : year.events) {
    const std::string role = e.role ? role_words(*e.role, w) : "";
    auto [it, fresh] = spans.try_emplace({static_cast<int>(e.kind), role},
                                         span{e.day, e.day, 0, ""});
    auto& s = it->second;
    if (fresh) {
      s.title = event_words(e.kind, w);
      if (!role.empty()) s.title += " (" + role + ")";
    }
    s.first = std::min(s.first, e.day);
    s.last = std::max(s.last, e.day);
    ++s.count;
  }
  std::string out(w.dates_table);
  for (const auto& [key, s] : spans)
    out += "| " + s.title + " | " + std::to_string(s.count) + " | " + long_date(s.first, language) +
           " | " + long_date(s.last, language) + " |\n";
  return out;
}

/// A shortfall in words: its own text in English.
inline std::string shortfall_words(const shortfall& s, const programme_run& run,
                                   const report_phrases& w) {
  if (w.supportees_short.empty()) return s.text;
  const auto n = std::to_string(s.missing);
  if (run.pairing.leaders && run.pairing.leaders->role.kind == s.role)
    return fill(s.missing == 1 ? w.class_short : w.classes_short, {n});
  for (const auto& rp : run.pairing.roles)
    if (rp.role.kind == s.role)
      return fill(w.supportees_short,
                  {n, std::to_string(rp.request.supportees.size()), rp.role.name});
  return s.text;
}
}  // namespace detail

/// The run as a Markdown report, in English unless told otherwise.
template <class... Policies>
[[nodiscard]] std::string markdown_report(const basic_programme<Policies...>& prog,
                                          const programme_run& run,
                                          report_language language = report_language::english) {
  const auto& w = report_words(language);
  const school& sch = prog.school_data();
  std::string text = fill(w.title, {prog.data().year.to_string(), sch.name});
  text += fill(w.pairing_on, {long_date(prog.data().pairing_day(), language)});
  if (run.feasible()) {
    text += w.everyone_supported;
  } else {
    text += w.short_of;
    for (const auto& s : run.shortfalls) text += "- " + detail::shortfall_words(s, run, w) + "\n";
    text += "\n";
  }
  text += w.roles_table;
  for (const auto& role : run.selection.roles) {
    const auto in_pairs = std::count_if(run.pairing.pairs.begin(), run.pairing.pairs.end(),
                                        [&](const support_pair& p) { return p.role == role.role; });
    text += "| " + role.role_name + " | " + std::to_string(role.needed) + " | " +
            std::to_string(role.count(verdict::accepted)) + " | " +
            std::to_string(role.count(verdict::reserve)) + " | " + std::to_string(in_pairs) +
            std::string(role.serves_classes ? w.duos_with_class : w.pairs) + " |\n";
  }

  text += std::string(w.selection) + "```\n" + selection_report(run.selection, sch, {}, language) +
          "```\n";

  text += w.pairing;
  for (const auto& rp : run.pairing.roles) {
    text += "\n### " + rp.role.name + "\n\n" +
            detail::as_list(describe(rp.explanation, sch, language));
    for (const auto& t : rp.in_training)
      text += fill(w.not_paired_yet, {sch.find(t.supporter)->name, detail::training_words(t, w)});
  }
  if (const auto& leaders = run.pairing.leaders) {
    text += fill(w.duos_heading, {leaders->role.name}) +
            detail::as_list(describe(leaders->duo_reasons, sch, language));
    const class_table table(sch, leaders->class_input, prog.matching().settings());
    text += detail::as_list(describe(leaders->class_reasons, table, language));
    for (const auto& t : leaders->in_training)
      text += fill(w.not_in_duo_yet, {sch.find(t.supporter)->name, detail::training_words(t, w)});
  }

  text += w.the_year;
  if (run.year.outcome == schedule_outcome::scheduled) {
    text += fill(w.planned, {key_of(run.year.region)}) + detail::key_dates(run.year, language);
  } else {
    text += run.year.outcome == schedule_outcome::data_missing ? w.no_holiday_data
                                                               : w.too_few_weeks;
    for (const auto& m : run.year.missing)
      text += "- " + std::string(key_of(m.kind)) + " " + m.year.to_string() + " (" +
              std::string(key_of(m.region)) + ")\n";
  }

  // The readiness report is a document of its own; here its headings sit one level down.
  return text + "\n" + detail::nested(to_markdown(run.readiness, language));
}

}  // namespace peerkit
