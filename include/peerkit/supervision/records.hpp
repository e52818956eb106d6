#pragma once
// Everything a programme records while it runs, as one plain aggregate: the pairs and
// their plans, the contact log, intervision, escalations, closures, evaluations. The
// record_* functions check what they add (structure, references, consent) and throw
// peerkit::error for data that may not be recorded; privacy/ reads these records through
// per-role views, purges them on retention and exports them pseudonymised.

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include <peerkit/core/consent.hpp>
#include <peerkit/core/error.hpp>
#include <peerkit/core/safe_text.hpp>
#include <peerkit/core/school.hpp>
#include <peerkit/core/support_pair.hpp>
#include <peerkit/supervision/closure.hpp>
#include <peerkit/supervision/contact_log.hpp>
#include <peerkit/supervision/escalation.hpp>
#include <peerkit/supervision/evaluation.hpp>
#include <peerkit/supervision/intervision.hpp>

namespace peerkit {

/// Contacts of a pair in one school year, kept as counts once the contact notes are
/// deleted (retention.hpp): attendance-like figures, no topics.
struct contact_totals {
  pair_id pair;
  int year = 0;  ///< the school year, named by the calendar year of its 1 August
  int meetings = 0;
  int minutes = 0;
  int needs_adult = 0;
  friend bool operator==(const contact_totals&, const contact_totals&) = default;
};

/// The day a student left the school; retention counts from it.
struct departure {
  student_id student;
  date left_on;
  friend bool operator==(const departure&, const departure&) = default;
};

/// What a programme records while it runs.
struct programme_records {
  std::vector<support_pair> pairs;
  std::vector<pair_plan> plans;  ///< pairs without an entry follow contact_plan{}
  std::vector<contact_record> contacts;
  std::vector<contact_totals> totals;
  std::vector<secrecy_notice> notices;
  std::vector<intervision_roster> groups;
  std::vector<intervision_session> sessions;
  std::vector<mentor_follow_up> follow_ups;
  std::vector<escalation> escalations;
  std::vector<pair_closure> closures;
  end_reason_list end_reasons;
  std::vector<evaluation_response> responses;
  std::vector<departure> departures;

  [[nodiscard]] const support_pair* find_pair(pair_id id) const noexcept {
    return find_in(pairs, id);
  }
  [[nodiscard]] support_pair* find_pair(pair_id id) noexcept { return find_in(pairs, id); }
  [[nodiscard]] const intervision_roster* find_group(intervision_group_id id) const noexcept {
    return find_in(groups, id);
  }
  [[nodiscard]] escalation* find_escalation(escalation_id id) noexcept {
    return find_in(escalations, id);
  }

  /// The pair's agreed plan, or the default.
  [[nodiscard]] contact_plan plan_for(pair_id id) const noexcept {
    for (const auto& p : plans)
      if (p.pair == id) return p.plan;
    return {};
  }
  [[nodiscard]] std::optional<date> notice_for(pair_id id) const noexcept {
    std::optional<date> told;
    for (const auto& n : notices)
      if (n.pair == id && (!told || n.told_on < *told)) told = n.told_on;
    return told;
  }
  [[nodiscard]] std::optional<date> left_on(student_id s) const noexcept {
    for (const auto& d : departures)
      if (d.student == s) return d.left_on;
    return std::nullopt;
  }

  friend bool operator==(const programme_records&, const programme_records&) = default;

 private:
  template <class Range, class Id>
  static auto find_in(Range& range, Id id) noexcept -> decltype(&*range.begin()) {
    auto it = std::find_if(range.begin(), range.end(), [id](const auto& x) { return x.id == id; });
    return it == range.end() ? nullptr : &*it;
  }
};

namespace detail {
inline void check_may_process(const school& s, student_id id, date day, const std::string& where,
                              problem_list& problems) {
  const auto* st = s.find(id);
  if (!st) {
    problems.add("data.unknown_reference", where,
                 (safe_text{} << "no student has id " << id).str());
    return;
  }
  if (!may_process(*st, day))
    problems.add("privacy.no_consent", where,
                 (safe_text{} << "student " << id << " has no consent on " << day << " ("
                              << consent_state_on(*st, day) << ")")
                     .str());
}
}  // namespace detail

/// Adds a contact to the log. Throws peerkit::error when the record is malformed, its
/// pair is unknown or not active that day, or a student of the pair has no consent;
/// problems are located under `where`.
inline void record_contact(programme_records& r, const school& s, const contact_record& c,
                           const std::string& where) {
  problem_list problems;
  check_contact(c, where, problems);
  const auto* pair = r.find_pair(c.pair);
  if (!pair) {
    problems.add("data.unknown_reference", where + ".pair",
                 (safe_text{} << "no pair has id " << c.pair).str());
  } else if (!c.on.is_special()) {
    if (!pair->active_on(c.on))
      problems.add("supervision.pair_not_active", where + ".on",
                   (safe_text{} << "pair " << c.pair << " is not active on " << c.on).str());
    for (auto id : pair->supporters)
      detail::check_may_process(s, id, c.on, where + ".pair", problems);
    for (auto id : pair->supportees)
      detail::check_may_process(s, id, c.on, where + ".pair", problems);
  }
  problems.throw_if_any();
  r.contacts.push_back(c);
}
inline void record_contact(programme_records& r, const school& s, const contact_record& c) {
  record_contact(r, s, c, element_location("contacts", r.contacts.size()));
}

/// Records that the pair's supportee was told the supporter cannot keep secrets.
inline void record_notice(programme_records& r, const secrecy_notice& n, const std::string& where) {
  if (!r.find_pair(n.pair))
    throw error("data.unknown_reference", where + ".pair",
                (safe_text{} << "no pair has id " << n.pair).str());
  if (n.told_on.is_special())
    throw error("data.missing", where + ".told_on", "a notice needs the date it was told");
  r.notices.push_back(n);
}
inline void record_notice(programme_records& r, const secrecy_notice& n) {
  record_notice(r, n, element_location("notices", r.notices.size()));
}

/// Adds an intervision session. Throws when the group is unknown, someone present is not
/// a member, or a member present has no consent that day.
inline void record_session(programme_records& r, const school& s,
                           const intervision_session& session, const std::string& where) {
  problem_list problems;
  const auto* g = r.find_group(session.group);
  if (!g)
    problems.add("data.unknown_reference", where + ".group",
                 (safe_text{} << "no group has id " << session.group).str());
  if (session.held_on.is_special())
    problems.add("data.missing", where + ".held_on", "a session needs its date");
  if (g && !session.held_on.is_special())
    for (std::size_t i = 0; i < session.present.size(); ++i) {
      const auto at = element_location(where + ".present", i);
      if (!g->has_member(session.present[i]))
        problems.add(
            "data.unknown_reference", at,
            (safe_text{} << "student " << session.present[i] << " is not in group " << g->id)
                .str());
      else
        detail::check_may_process(s, session.present[i], session.held_on, at, problems);
    }
  problems.throw_if_any();
  r.sessions.push_back(session);
}
inline void record_session(programme_records& r, const school& s,
                           const intervision_session& session) {
  record_session(r, s, session, element_location("sessions", r.sessions.size()));
}

/// Records that the coach discussed a session with a class mentor.
inline void record_follow_up(programme_records& r, const school& s, const mentor_follow_up& f,
                             const std::string& where) {
  problem_list problems;
  if (!r.find_group(f.group))
    problems.add("data.unknown_reference", where + ".group",
                 (safe_text{} << "no group has id " << f.group).str());
  const auto* mentor = s.find(f.mentor);
  if (!mentor || !mentor->holds(staff_role::class_mentor))
    problems.add("data.unknown_reference", where + ".mentor",
                 (safe_text{} << "staff member " << f.mentor << " is not a class mentor").str());
  if (f.on.is_special() || f.session_on.is_special() || f.on < f.session_on)
    problems.add("data.out_of_range", where + ".on",
                 (safe_text{} << "a follow-up comes on or after its session " << f.session_on
                              << ", found " << f.on)
                     .str());
  problems.throw_if_any();
  r.follow_ups.push_back(f);
}
inline void record_follow_up(programme_records& r, const school& s, const mentor_follow_up& f) {
  record_follow_up(r, s, f, element_location("follow_ups", r.follow_ups.size()));
}

/// Adds a filled-in questionnaire. Throws when it does not fit the questionnaire, or a
/// student respondent has no consent that day.
inline void record_response(programme_records& r, const school& s,
                            const evaluation_response& response, const questionnaire& q,
                            const std::string& where) {
  problem_list problems;
  check_response(response, q, where, problems);
  if (const auto st = response.student(); st && !response.on.is_special())
    detail::check_may_process(s, *st, response.on, where + ".by", problems);
  if (response.pair && !r.find_pair(*response.pair))
    problems.add("data.unknown_reference", where + ".pair",
                 (safe_text{} << "no pair has id " << *response.pair).str());
  problems.throw_if_any();
  r.responses.push_back(response);
}
inline void record_response(programme_records& r, const school& s,
                            const evaluation_response& response, const questionnaire& q) {
  record_response(r, s, response, q, element_location("responses", r.responses.size()));
}

/// Ends a pair (closure.hpp), keeps the closure record and returns a copy of it.
inline pair_closure record_closure(programme_records& r, pair_id id, date on, end_reason reason,
                                   std::optional<std::size_t> custom_reason = std::nullopt) {
  auto* pair = r.find_pair(id);
  if (!pair)
    throw error("data.unknown_reference", "closures",
                (safe_text{} << "no pair has id " << id).str());
  r.closures.push_back(close_pair(*pair, on, reason, custom_reason, r.end_reasons));
  return r.closures.back();
}

}  // namespace peerkit
