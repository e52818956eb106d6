#pragma once
// The selection as a readable text, for the coordinator who selects (000 step 4) and for
// the command-line tool and examples to print, in English or Dutch. It names students (a
// direct identifier) unless told not to; it never contains special-category data.

#include <algorithm>
#include <array>
#include <string>
#include <utility>

#include <peerkit/core/report_language.hpp>
#include <peerkit/core/school.hpp>
#include <peerkit/selection/choose.hpp>

namespace peerkit {

struct report_options {
  bool names = true;  ///< false: "student 3001" instead of the name, for pseudonymised output
};

/// The words of the selection report in one language.
struct selection_phrases {
  std::string_view title, at;
  std::string_view demand, class_, classes, supportee, supportees, needed, reserve, reserves;
  std::string_view candidates, accepted, reserve_count, rejected;
  std::string_view rank, verdict, student, score, reasons;
  std::array<std::string_view, 3> verdicts;  ///< by enum verdict
  std::string_view withdrawn, application;
  std::string_view place_remains, places_remain, open, of, passed;
  std::string_view person;  ///< before the number of a student without a name
};

inline constexpr selection_phrases selection_english{"Selection of supporters",
                                                     " at ",
                                                     "demand: ",
                                                     "class",
                                                     "classes",
                                                     "supportee",
                                                     "supportees",
                                                     " needed, ",
                                                     "reserve",
                                                     "reserves",
                                                     "candidates: ",
                                                     "; accepted ",
                                                     ", reserve ",
                                                     ", rejected ",
                                                     "rank",
                                                     "verdict",
                                                     "student",
                                                     "score",
                                                     "reasons",
                                                     {"accepted", "reserve", "rejected"},
                                                     "withdrawn: ",
                                                     "application ",
                                                     "place remains",
                                                     "places remain",
                                                     " open: ",
                                                     " of ",
                                                     " needed passed every gate",
                                                     "student "};

inline constexpr selection_phrases selection_dutch{"Selectie van supporters",
                                                   " op ",
                                                   "vraag: ",
                                                   "klas",
                                                   "klassen",
                                                   "supportee",
                                                   "supportees",
                                                   " nodig, ",
                                                   "reserve",
                                                   "reserves",
                                                   "kandidaten: ",
                                                   "; aangenomen ",
                                                   ", reserve ",
                                                   ", afgewezen ",
                                                   "rang",
                                                   "besluit",
                                                   "leerling",
                                                   "score",
                                                   "redenen",
                                                   {"aangenomen", "reserve", "afgewezen"},
                                                   "ingetrokken: ",
                                                   "aanmelding ",
                                                   "plaats blijft",
                                                   "plaatsen blijven",
                                                   " open: ",
                                                   " van de ",
                                                   " nodige supporters voldeden aan elke eis",
                                                   "leerling "};

[[nodiscard]] constexpr const selection_phrases& selection_words(report_language l) noexcept {
  return in_language(l, selection_english, selection_dutch);
}

namespace detail {
inline std::string report_padded(std::string s, std::size_t width, bool right = false) {
  if (s.size() < width) s.insert(right ? std::size_t{0} : s.size(), width - s.size(), ' ');
  return s;
}
inline std::string report_person(const school& s, student_id id, const report_options& options,
                                 const selection_phrases& words = selection_english) {
  const student* st = s.find(id);
  const std::string number = std::to_string(id.value());
  if (!options.names || !st) return std::string(words.person) + number;
  return st->name + " (" + number + ")";
}
inline std::string report_count(int n, std::string_view one, std::string_view many) {
  return std::to_string(n) + " " + std::string(n == 1 ? one : many);
}

/// A trait of the sources in Dutch; a school's own trait by its label.
inline std::string dutch_trait_label(std::string_view key) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 12> labels{{
      {"takes_initiative", "neemt initiatief"},
      {"emotionally_stable", "emotioneel stabiel"},
      {"empathy", "empathie"},
      {"socially_skilled", "sociaal vaardig"},
      {"intercultural_interest", "interesse in andere culturen"},
      {"problem_solving", "probleemoplossend"},
      {"flexible", "flexibel"},
      {"communicative", "communicatief"},
      {"plans_and_organises", "kan plannen en organiseren"},
      {"likes_working_together", "werkt graag samen"},
      {"patient", "geduldig"},
      {"talks_easily", "praat makkelijk"},
  }};
  for (const auto& [k, label] : labels)
    if (k == key) return std::string(label);
  return trait_label(key);
}

/// A grade with a decimal comma, as Dutch writes it: "5,8".
inline std::string dutch_number(std::string text) {
  std::replace(text.begin(), text.end(), '.', ',');
  return text;
}

/// reason::text() in Dutch.
inline std::string dutch_reason(const reason& r) {
  const int f = static_cast<int>(r.found);
  const int l = static_cast<int>(r.limit);
  auto place = "plaats " + std::to_string(f) + ", " + std::to_string(l) + " nodig";
  switch (r.kind) {
    case reason_kind::ranked_within_need: return place;
    case reason_kind::ranked_as_reserve:
      return place + ", reserve " + std::to_string(f - l) + " van " + std::to_string(r.reserves);
    case reason_kind::ranked_beyond_need:
      return place + (r.reserves > 0 ? " en " + report_count(r.reserves, "reserve", "reserves")
                                     : std::string());
    case reason_kind::too_many_fail_marks:
      return report_count(f, "onvoldoende", "onvoldoendes") + ", " +
             (l == 0 ? std::string("geen toegestaan")
                     : "hooguit " + std::to_string(l) + " toegestaan");
    case reason_kind::average_too_low:
      return "gemiddeld cijfer " + dutch_number(r.average->text()) + ", minstens " +
             dutch_number(r.min_average->text()) + " vereist";
    case reason_kind::no_grades:
      return "geen rapportcijfers, een gemiddelde van minstens " +
             dutch_number(r.min_average->text()) + " vereist";
    case reason_kind::no_motivation_letter: return "geen motivatiebrief ontvangen";
    case reason_kind::no_interview: return "geen selectiegesprek gehad";
    case reason_kind::trait_below_minimum:
      return dutch_trait_label(r.trait) + " " + std::to_string(f) + " < " + std::to_string(l);
    case reason_kind::trait_not_rated:
      return dutch_trait_label(r.trait) + " niet beoordeeld, minstens " + std::to_string(l) +
             " vereist";
    case reason_kind::not_eligible: {
      const std::string of = *r.track == school_track::isk ? "de internationale schakelklas (ISK)"
                                                           : std::string(key_of(*r.track));
      if (l == 0) return "in " + of + ", waaruit de rol geen supporters neemt";
      return "leerjaar " + std::to_string(f) + " van " + of +
             ", de rol neemt supporters vanaf leerjaar " + std::to_string(l);
    }
  }
  return {};
}
}  // namespace detail

/// A reason for a selection decision in words: reason::text() in English.
[[nodiscard]] inline std::string reason_text(const reason& r, report_language language) {
  return language == report_language::dutch ? detail::dutch_reason(r) : r.text();
}

/// The reasons of `c` in words, joined by "; ": candidate::reasons_text() in English.
[[nodiscard]] inline std::string reasons_text(const candidate& c, report_language language) {
  std::string text;
  for (const auto& r : c.reasons) text += (text.empty() ? "" : "; ") + reason_text(r, language);
  return text;
}

/// The selection of every role: demand, counts, then one line per candidate (rank,
/// verdict, student, score, reasons in words), the withdrawn applications and any
/// places left open.
[[nodiscard]] inline std::string selection_report(
    const selection_result& result, const school& s, const report_options& options = {},
    report_language language = report_language::english) {
  using detail::report_count;
  using detail::report_padded;
  const auto& w = selection_words(language);
  const auto person = [&](student_id id) { return detail::report_person(s, id, options, w); };
  std::size_t verdict_width = 0;
  for (const auto v : w.verdicts) verdict_width = std::max(verdict_width, v.size());
  std::string text = std::string(w.title) +
                     (s.name.empty() ? std::string() : std::string(w.at) + s.name) + "\n";
  for (const auto& role : result.roles) {
    text += "\n" + role.role_name + "\n";
    text += "  " + std::string(w.demand) +
            (role.serves_classes ? report_count(role.units, w.class_, w.classes)
                                 : report_count(role.units, w.supportee, w.supportees)) +
            ", " + std::to_string(role.needed) + std::string(w.needed) +
            report_count(role.reserves, w.reserve, w.reserves) + "\n";
    text += "  " + std::string(w.candidates) + std::to_string(role.candidates.size()) +
            std::string(w.accepted) + std::to_string(role.count(verdict::accepted)) +
            std::string(w.reserve_count) + std::to_string(role.count(verdict::reserve)) +
            std::string(w.rejected) + std::to_string(role.count(verdict::rejected)) + "\n";
    std::size_t name_width = w.student.size();
    for (const auto& c : role.candidates)
      name_width = std::max(name_width, person(c.student).size());
    if (!role.candidates.empty())
      text += "  " + report_padded(std::string(w.rank), 4, true) + "  " +
              report_padded(std::string(w.verdict), verdict_width) + "  " +
              report_padded(std::string(w.student), name_width) + "  " +
              report_padded(std::string(w.score), 5, true) + "  " + std::string(w.reasons) + "\n";
    for (const auto& c : role.candidates)
      text += "  " + report_padded(c.rank ? std::to_string(*c.rank) : "-", 4, true) + "  " +
              report_padded(std::string(w.verdicts[static_cast<std::size_t>(c.decision)]),
                            verdict_width) +
              "  " + report_padded(person(c.student), name_width) + "  " +
              report_padded(std::to_string(c.score), 5, true) + "  " + reasons_text(c, language) +
              "\n";
    if (!role.withdrawn.empty()) {
      text += "  " + std::string(w.withdrawn);
      for (std::size_t i = 0; i < role.withdrawn.size(); ++i)
        text += (i ? ", " : "") + std::string(w.application) +
                std::to_string(role.withdrawn[i].value());
      text += "\n";
    }
    if (role.shortfall() > 0)
      text += "  " + report_count(role.shortfall(), w.place_remains, w.places_remain) +
              std::string(w.open) + std::to_string(role.count(verdict::accepted)) +
              std::string(w.of) + std::to_string(role.needed) + std::string(w.passed) + "\n";
  }
  return text;
}

}  // namespace peerkit
