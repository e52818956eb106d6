#pragma once
// Why a pairing is what it is, as data and in words:
//   - for each pair, its score criterion by criterion (and for the stable objective, what
//     place each gave the other), and when the two are not both free when their role
//     meets, that preference missed;
//   - for each unpaired supportee, what stands between them and every supporter: a rule
//     (which), or the supporter is full with pairs that score at least as high (stable:
//     with supportees the supporter prefers), or the objective gains nothing;
//   - for each unused supporter, the same from the supporter's side; with second
//     supportees last, also whether taking a supportee over would free a holder's
//     second place.
// Explanations never contain special-category data, nor facts derived from it: without an
// access_purpose the words give the special-category criteria only as their sum and a rule
// that reads such data only as one. describe() with an access_purpose names them and adds
// the details (languages in common, the country, the conflicting groups): that is the
// explicit access step, for the coordinator's eyes only. The words are English or Dutch.

#include <algorithm>
#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <peerkit/core/report_language.hpp>
#include <peerkit/core/school.hpp>
#include <peerkit/core/sensitive.hpp>
#include <peerkit/matching/pairing_graph.hpp>
#include <peerkit/matching/pairing_result.hpp>
#include <peerkit/matching/rules.hpp>
#include <peerkit/matching/scores.hpp>

namespace peerkit {

/// What stands between two students who are not paired with each other.
enum class candidate_status {
  excluded,      ///< a hard rule excludes the pair; `rules` says which
  not_ranked,    ///< stable objective: one of the two does not rank the other
  taken,         ///< the supporter is full, or the supportee is paired elsewhere
  adds_nothing,  ///< best_total_score: the pair scores 0, the total would not change
  open,          ///< nothing: the pairing is not optimal for its objective
};

template <>
struct enum_keys<candidate_status> {
  static constexpr std::array<std::string_view, 5> keys{"excluded", "not_ranked", "taken",
                                                        "adds_nothing", "open"};
};

/// A pair that holds a place, with its score.
struct held_pair {
  student_id supporter;
  student_id supportee;
  score_points score = 0;
  bool pinned = false;  ///< pinned by the coordinator: holds the place whatever it scores
  friend bool operator==(const held_pair&, const held_pair&) = default;
};

/// One possible partner and what stands in the way.
struct candidate_note {
  student_id other;
  candidate_status status = candidate_status::excluded;
  rule_set rules;                     ///< for excluded
  std::optional<score_points> score;  ///< the score the two would have, when compatible
  std::vector<held_pair> held_by;     ///< for taken: the pairs holding the place
  /// For taken: every holding pair scores at least as high (stable: is preferred). Always
  /// true for an optimal result; the explanation states it rather than assumes it.
  bool held_by_better = false;
  /// For taken, from an unused supporter's side, with second supportees last
  /// (pairing_options::second_supportee_last): the holder also supports others, so moving
  /// the supportee over would free a second place. It stays only when moving costs more
  /// than that place: best_total_score, the holder scores higher; fairest, the pair would
  /// score below the worst pair.
  bool holder_has_others = false;
  friend bool operator==(const candidate_note&, const candidate_note&) = default;
};

/// Why a pair was chosen.
struct pair_explanation {
  student_id supporter;
  student_id supportee;
  score_breakdown score;
  bool pinned = false;
  std::optional<std::size_t>
      supporter_place;  ///< stable: place of the supportee in the supporter's order, 1 = first
  std::optional<std::size_t>
      supportee_place;  ///< stable: place of the supporter in the supportee's order
  friend bool operator==(const pair_explanation&, const pair_explanation&) = default;
};

/// The gist of why a student stays without a partner.
enum class unpaired_reason {
  no_compatible_partner,  ///< every possible partner is excluded by a rule
  not_acceptable,         ///< stable: no compatible partner ranks, or is ranked by, them
  all_taken,              ///< every compatible partner is taken by pairs at least as good
  no_gain,                ///< best_total_score: the only free partners would add 0
  not_optimal,            ///< a partner is open: the result is not optimal
};

template <>
struct enum_keys<unpaired_reason> {
  static constexpr std::array<std::string_view, 5> keys{"no_compatible_partner", "not_acceptable",
                                                        "all_taken", "no_gain", "not_optimal"};
};

/// Why a supportee is not paired, or a supporter not used; one note per student on the
/// other side, in request order.
struct unpaired_explanation {
  student_id who;
  unpaired_reason reason = unpaired_reason::no_compatible_partner;
  std::vector<candidate_note> candidates;
  friend bool operator==(const unpaired_explanation&, const unpaired_explanation&) = default;
};

struct pairing_explanation {
  objective goal = objective::most_supported;
  /// Second supportees came last (pairing_options::second_supportee_last, not stable).
  bool second_supportee_last = false;
  std::vector<pair_explanation> pairs;
  std::vector<unpaired_explanation> unpaired_supportees;
  std::vector<unpaired_explanation> unused_supporters;
  friend bool operator==(const pairing_explanation&, const pairing_explanation&) = default;
};

/// Why `result` is what it is, for the round of `g`.
[[nodiscard]] pairing_explanation explain(const pairing_graph& g, const pairing_result& result);

/// The words of explanations in one language. Placeholders {0}, {1}, ... stand for names,
/// scores and lists, so each language keeps its own word order.
struct explanation_phrases {
  std::string_view objective;                     ///< {0}: the objective in words
  std::array<std::string_view, 4> objectives;     ///< by enum objective
  std::array<std::string_view, 6> criteria;       ///< by enum criterion
  std::array<std::string_view, 7> rules;          ///< by enum pairing_rule
  std::array<std::string_view, 3> meeting_times;  ///< by enum meeting_place
  std::string_view rule_without_access, special_criteria;
  std::string_view criterion_points;  ///< {0} name, {1} raw, {2} weight, {3} points
  std::string_view student;           ///< {0}: the number of a student not in the school
  std::string_view pair;              ///< {0} supporter, {1} supportee, {2} score
  std::string_view nothing_in_common, not_both_free, pinned_by_coordinator, choices;
  std::string_view details, language_in_common, both_from, knows, groups;
  std::string_view excluded_by, held_by, pinned;
  std::string_view taken_from_supporter, taken_from_supportee, and_, or_, among_others;
  std::string_view not_preferred, scoring_less, below_worst_pair, scoring_more;
  std::string_view supports_nobody, not_paired, supporter, supportee;
  std::string_view no_partner, none_ranked;
  std::string_view all_with_preferred, all_with_as_high, all_full_preferred, all_full_as_high;
  std::string_view frees_no_second_place, no_gain, taken, not_optimal, also_taken;
  std::string_view not_ranked, excluded;
};

inline constexpr explanation_phrases explanation_english{
    "Objective: {0}.",
    {describe(objective::most_supported), describe(objective::best_total_score),
     describe(objective::stable), describe(objective::fairest)},
    {describe(criterion::shared_interests), describe(criterion::offers_wants),
     describe(criterion::common_language), describe(criterion::origin_knowledge),
     describe(criterion::personality_fit), describe(criterion::can_meet)},
    {describe(pairing_rule::consent), describe(pairing_rule::conflicting_groups),
     describe(pairing_rule::newcomer_class), describe(pairing_rule::same_gender),
     describe(pairing_rule::availability), describe(pairing_rule::coordinator_forbids),
     describe(pairing_rule::class_rule)},
    {describe(meeting_place::at_school), describe(meeting_place::outside_school_after_hours),
     describe(meeting_place::at_or_outside_school)},
    describe_without_access(pairing_rule::conflicting_groups),
    "special-category criteria = {0}",
    "{0} {1} x {2} = {3}",
    "student {0}",
    "{0} supports {1} (score {2})",
    ": nothing in common was recorded",
    " Not both free {0}, when the role meets.",
    " Pinned by the coordinator.",
    " {0} is {1}'s {2} choice; {1} is {0}'s {3} choice.",
    " Details: {0}.",
    "language in common: {0}",
    "both from {0}",
    "{0} knows {1}",
    "{0} and {1}",
    "{0} ({1}",
    "{0} ({1}{2})",
    ", pinned",
    "{0} ({1} with {2}) is with ",
    "{0} ({1} with {2}) supports ",
    " and ",
    " or ",
    " among others",
    ", not preferred",
    ", scoring less",
    ", and with {0} would score below the worst pair",
    ", scoring more",
    "{0} supports nobody",
    "{0} is not paired",
    "supporter",
    "supportee",
    ": no {0} can be paired with {1}",
    ": no compatible {0} and {1} both rank each other.",
    ": every compatible supportee is with a supporter they prefer: ",
    ": every compatible supportee is with a supporter who scores at least as high: ",
    ": every compatible supporter is full with supportees they prefer: ",
    ": every compatible supporter is full with pairs that score at least as high: ",
    " Moving any of them that is not pinned over frees no second place.",
    ": pairing with {0} would score 0 and add nothing to the total score, which is all this "
    "objective counts.",
    " Taken: {0}.",
    ": the pairing is not optimal; still open: {0}",
    "; taken: {0}",
    " Not ranked by one of the two: {0}.",
    " Excluded by a rule: {0}."};

inline constexpr explanation_phrases explanation_dutch{
    "Doel: {0}.",
    {"zo veel mogelijk supportees ondersteund, en van die koppelingen de hoogste totaalscore",
     "de hoogste totaalscore",
     "stabiel: geen supporter en supportee zouden allebei liever met elkaar gekoppeld zijn",
     "zo veel mogelijk supportees ondersteund, dan de score van het zwakste paar zo hoog "
     "mogelijk, dan de hoogste totaalscore"},
    {"gedeelde interesses", "biedt wat gevraagd wordt", "een gemeenschappelijke taal",
     "kent het land van herkomst", "klik in persoonlijkheid", "allebei vrij als de rol afspreekt"},
    {"toestemming van beide kanten", "nooit leerlingen van conflicterende groepen koppelen",
     "nieuwkomersbuddy's alleen met leerlingen van de ISK", "hetzelfde gender",
     "allebei beschikbaar als de rol afspreekt", "verboden door de coördinator",
     "een schoolregel voor deze klas"},
    {"onder schooltijd", "na schooltijd", "onder of na schooltijd"},
    "een regel over bijzondere persoonsgegevens",
    "criteria met bijzondere persoonsgegevens = {0}",
    "{0} {1} x {2} = {3}",
    "leerling {0}",
    "{0} ondersteunt {1} (score {2})",
    ": er is niets gemeenschappelijks vastgelegd",
    " Niet allebei vrij {0}, als de rol afspreekt.",
    " Vastgezet door de coördinator.",
    " {0} is de {2} keuze van {1}; {1} is de {3} keuze van {0}.",
    " Details: {0}.",
    "gemeenschappelijke taal: {0}",
    "allebei uit {0}",
    "{0} kent {1}",
    "{0} en {1}",
    "{0} ({1}",
    "{0} ({1}{2})",
    ", vastgezet",
    "{0} ({1} met {2}) is gekoppeld aan ",
    "{0} ({1} met {2}) ondersteunt ",
    " en ",
    " of ",
    " naast anderen",
    ", geen voorkeur",
    ", met een lagere score",
    ", en met {0} zou de score onder die van het zwakste paar liggen",
    ", met een hogere score",
    "{0} ondersteunt niemand",
    "{0} is niet gekoppeld",
    "supporter",
    "supportee",
    ": geen {0} kan met {1} gekoppeld worden",
    ": geen passende {0} en {1} rangschikken elkaar allebei.",
    ": elke passende supportee zit bij een supporter die de voorkeur heeft: ",
    ": elke passende supportee zit bij een supporter die minstens zo hoog scoort: ",
    ": elke passende supporter is vol met supportees die de voorkeur hebben: ",
    ": elke passende supporter is vol met paren die minstens zo hoog scoren: ",
    " Wie niet vastgezet is overplaatsen maakt geen tweede plaats vrij.",
    ": een koppeling met {0} zou 0 scoren en niets toevoegen aan de totaalscore, en alleen die "
    "telt voor dit doel.",
    " Bezet: {0}.",
    ": de koppeling is niet optimaal; nog open: {0}",
    "; bezet: {0}",
    " Niet gerangschikt door een van beiden: {0}.",
    " Uitgesloten door een regel: {0}."};

[[nodiscard]] constexpr const explanation_phrases& explanation_words(
    report_language language) noexcept {
  return in_language(language, explanation_english, explanation_dutch);
}

/// The explanation in words, one line per pair, unpaired supportee and unused supporter.
/// Names come from the school; no special-category data appears, nor which special-category
/// criterion scored ("special-category criteria = 4") or which such rule excluded a pair.
[[nodiscard]] std::string describe(const pairing_explanation& e, const school& sch,
                                   report_language language = report_language::english);
/// The same, with the special-category details behind the scores and exclusions
/// (languages in common, the country of origin, the conflicting groups), read for `why`.
[[nodiscard]] std::string describe(const pairing_explanation& e, const school& sch,
                                   access_purpose why,
                                   report_language language = report_language::english);

/// One pair in words, as in the explanation without the access step.
[[nodiscard]] std::string describe(const pair_explanation& p, const school& sch,
                                   report_language language = report_language::english);

}  // namespace peerkit

#ifndef PEERKIT_COMPILED
#include <peerkit/matching/explanation-inl.hpp>
#endif
