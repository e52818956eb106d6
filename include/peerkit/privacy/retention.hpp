#pragma once
// Retention (AVG; domain-facts section 4). Contact notes are deleted at the end of the
// pair or of the school year, whichever comes first; what remains of them is a count per
// pair and year (contact_totals). Nothing about a student is kept past the school's
// limit, by default two years after they left (the leerlingdossier's maximum): purge()
// then removes them from every record and from the school, and mentions() lets a test
// or an auditor show that nothing refers to them any more.

#include <algorithm>
#include <set>
#include <vector>

#include <boost/date_time/gregorian/gregorian_types.hpp>

#include <peerkit/calendar/school_year.hpp>
#include <peerkit/core/error.hpp>
#include <peerkit/core/school.hpp>
#include <peerkit/core/safe_text.hpp>
#include <peerkit/supervision/records.hpp>

namespace peerkit {

/// The longest a school may keep a student's programme data after they left: it is part
/// of the student file, which is kept at most two years after leaving.
inline constexpr int max_years_after_leaving = 2;

struct retention_policy {
  int years_after_leaving = max_years_after_leaving;
  bool notes_end_with_pair = true;
  bool notes_end_with_year = true;
  friend bool operator==(const retention_policy&, const retention_policy&) = default;
};

/// Throws peerkit::error when the policy keeps data longer than the law allows, or
/// keeps contact notes beyond both the pair and the year.
inline void validate(const retention_policy& p) {
  problem_list problems;
  if (p.years_after_leaving < 0 || p.years_after_leaving > max_years_after_leaving)
    problems.add("privacy.retention_too_long", "retention.years_after_leaving",
                 (safe_text{} << "expected 0.." << max_years_after_leaving << " years after leaving, found "
                              << p.years_after_leaving)
                     .str());
  if (!p.notes_end_with_pair && !p.notes_end_with_year)
    problems.add("privacy.retention_too_long", "retention.notes",
                 "contact notes end with the pair, the school year, or both");
  problems.throw_if_any();
}

/// What a purge removed.
struct purge_report {
  int contacts_deleted = 0;
  int students_erased = 0;
  int pairs_erased = 0;
  int escalations_erased = 0;
  int responses_erased = 0;
  friend bool operator==(const purge_report&, const purge_report&) = default;
};

namespace detail {
/// Deletes the contacts `doomed` picks, keeping their counts per pair and school year.
template <class Pred>
int delete_contacts(programme_records& r, Pred doomed) {
  int deleted = 0;
  for (const auto& c : r.contacts) {
    if (!doomed(c)) continue;
    ++deleted;
    const int year = school_year_of(c.on).start_year;
    auto t = std::find_if(r.totals.begin(), r.totals.end(),
                          [&](const contact_totals& x) { return x.pair == c.pair && x.year == year; });
    if (t == r.totals.end()) t = r.totals.insert(r.totals.end(), contact_totals{c.pair, year, 0, 0, 0});
    ++t->meetings;
    t->minutes += c.minutes;
    t->needs_adult += c.needs_adult ? 1 : 0;
  }
  std::erase_if(r.contacts, doomed);
  return deleted;
}

/// Removes the pairs in `gone` and everything recorded about them.
inline purge_report erase_pairs(programme_records& r, const std::set<pair_id>& gone) {
  purge_report rep;
  auto in = [&gone](pair_id id) { return gone.count(id) > 0; };
  rep.pairs_erased = static_cast<int>(std::erase_if(r.pairs, [&](const support_pair& p) { return in(p.id); }));
  std::erase_if(r.plans, [&](const pair_plan& p) { return in(p.pair); });
  rep.contacts_deleted = static_cast<int>(std::erase_if(r.contacts, [&](const contact_record& c) { return in(c.pair); }));
  std::erase_if(r.totals, [&](const contact_totals& t) { return in(t.pair); });
  std::erase_if(r.notices, [&](const secrecy_notice& n) { return in(n.pair); });
  rep.escalations_erased =
      static_cast<int>(std::erase_if(r.escalations, [&](const escalation& e) { return in(e.pair); }));
  std::erase_if(r.closures, [&](const pair_closure& c) { return in(c.pair); });
  rep.responses_erased = static_cast<int>(
      std::erase_if(r.responses, [&](const evaluation_response& e) { return e.pair && in(*e.pair); }));
  return rep;
}

/// Removes student `id` from group memberships and session attendance.
inline void erase_from_intervision(programme_records& r, student_id id) {
  for (auto& g : r.groups) std::erase(g.members, id);
  for (auto& s : r.sessions) std::erase(s.present, id);
}
}  // namespace detail

/// Deletes contact notes whose pair has ended or whose school year is over, and erases
/// every student whose time ran out (`years_after_leaving` after leaving): their pairs
/// with all that was recorded about them, their answers, their place in intervision,
/// their departure and their entry in the school. Throws when the policy is invalid.
inline purge_report purge(programme_records& r, school& s, const retention_policy& policy, date today) {
  validate(policy);
  purge_report rep;
  const int this_year = school_year_of(today).start_year;
  rep.contacts_deleted = detail::delete_contacts(r, [&](const contact_record& c) {
    if (policy.notes_end_with_year && school_year_of(c.on).start_year < this_year) return true;
    if (!policy.notes_end_with_pair) return false;
    const auto* p = r.find_pair(c.pair);
    return !p || (p->ended && *p->ended <= today);
  });

  std::set<student_id> expired;
  for (const auto& d : r.departures)
    if (!d.left_on.is_special() && d.left_on + boost::gregorian::years(policy.years_after_leaving) <= today)
      expired.insert(d.student);
  if (expired.empty()) return rep;

  std::set<pair_id> gone;
  for (const auto& p : r.pairs)
    for (auto id : expired)
      if (p.involves(id)) gone.insert(p.id);
  const auto erased = detail::erase_pairs(r, gone);
  rep.pairs_erased = erased.pairs_erased;
  rep.contacts_deleted += erased.contacts_deleted;
  rep.escalations_erased = erased.escalations_erased;
  rep.responses_erased = erased.responses_erased;
  for (auto id : expired) {
    rep.escalations_erased +=
        static_cast<int>(std::erase_if(r.escalations, [id](const escalation& e) { return e.raised_by == id; }));
    rep.responses_erased += static_cast<int>(
        std::erase_if(r.responses, [id](const evaluation_response& e) { return e.student() == id; }));
    detail::erase_from_intervision(r, id);
    std::erase_if(r.departures, [id](const departure& d) { return d.student == id; });
    rep.students_erased +=
        static_cast<int>(std::erase_if(s.students, [id](const student& st) { return st.id == id; }));
  }
  return rep;
}

/// True when any record, or the school, still refers to student `id`.
[[nodiscard]] inline bool mentions(const programme_records& r, const school& s, student_id id) {
  auto any = [](const auto& range, auto pred) { return std::any_of(range.begin(), range.end(), pred); };
  return any(s.students, [id](const student& st) { return st.id == id; }) ||
         any(r.pairs, [id](const support_pair& p) { return p.involves(id); }) ||
         any(r.groups, [id](const intervision_roster& g) { return g.has_member(id); }) ||
         any(r.sessions, [id](const intervision_session& x) { return x.was_present(id); }) ||
         any(r.escalations, [id](const escalation& e) { return e.raised_by == id; }) ||
         any(r.responses, [id](const evaluation_response& e) { return e.student() == id; }) ||
         any(r.departures, [id](const departure& d) { return d.student == id; });
}

/// True when any record still refers to pair `id`.
[[nodiscard]] inline bool mentions(const programme_records& r, pair_id id) {
  auto any = [](const auto& range, auto pred) { return std::any_of(range.begin(), range.end(), pred); };
  return any(r.pairs, [id](const support_pair& p) { return p.id == id; }) ||
         any(r.plans, [id](const pair_plan& p) { return p.pair == id; }) ||
         any(r.contacts, [id](const contact_record& c) { return c.pair == id; }) ||
         any(r.totals, [id](const contact_totals& t) { return t.pair == id; }) ||
         any(r.notices, [id](const secrecy_notice& n) { return n.pair == id; }) ||
         any(r.escalations, [id](const escalation& e) { return e.pair == id; }) ||
         any(r.closures, [id](const pair_closure& c) { return c.pair == id; }) ||
         any(r.responses, [id](const evaluation_response& e) { return e.pair == id; });
}

}  // namespace peerkit
