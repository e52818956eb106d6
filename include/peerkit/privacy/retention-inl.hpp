#pragma once
// Definitions of retention.hpp: inline here in header-only mode, compiled once into
// peerkit::compiled when PEERKIT_COMPILED is defined (see config.hpp).

#include <peerkit/config.hpp>
#include <peerkit/privacy/retention.hpp>

namespace peerkit {

PEERKIT_INLINE void validate(const retention_policy& p) {
  problem_list problems;
  if (p.years_after_leaving < 0 || p.years_after_leaving > max_years_after_leaving)
    problems.add("privacy.retention_too_long", "retention.years_after_leaving",
                 (safe_text{} << "expected 0.." << max_years_after_leaving
                              << " years after leaving, found " << p.years_after_leaving)
                     .str());
  if (!p.notes_end_with_pair && !p.notes_end_with_year)
    problems.add("privacy.retention_too_long", "retention.notes",
                 "contact notes end with the pair, the school year, or both");
  problems.throw_if_any();
}

PEERKIT_INLINE purge_report detail::erase_pairs(programme_records& r,
                                                const std::set<pair_id>& gone) {
  purge_report rep;
  auto in = [&gone](pair_id id) { return gone.count(id) > 0; };
  rep.pairs_erased = static_cast<int>(
      std::erase_if(r.pairs, [&](const support_pair& p) { return in(p.id); }));
  std::erase_if(r.plans, [&](const pair_plan& p) { return in(p.pair); });
  rep.contacts_deleted = static_cast<int>(
      std::erase_if(r.contacts, [&](const contact_record& c) { return in(c.pair); }));
  std::erase_if(r.totals, [&](const contact_totals& t) { return in(t.pair); });
  std::erase_if(r.notices, [&](const secrecy_notice& n) { return in(n.pair); });
  rep.escalations_erased = static_cast<int>(
      std::erase_if(r.escalations, [&](const escalation& e) { return in(e.pair); }));
  std::erase_if(r.closures, [&](const pair_closure& c) { return in(c.pair); });
  rep.responses_erased = static_cast<int>(std::erase_if(
      r.responses, [&](const evaluation_response& e) { return e.pair && in(*e.pair); }));
  return rep;
}

PEERKIT_INLINE void detail::erase_from_intervision(programme_records& r, student_id id) {
  for (auto& g : r.groups) std::erase(g.members, id);
  for (auto& s : r.sessions) std::erase(s.present, id);
}

PEERKIT_INLINE purge_report purge(programme_records& r, school& s, const retention_policy& policy,
                                  date today) {
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
    if (!d.left_on.is_special() &&
        d.left_on + boost::gregorian::years(policy.years_after_leaving) <= today)
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
    rep.escalations_erased += static_cast<int>(
        std::erase_if(r.escalations, [id](const escalation& e) { return e.raised_by == id; }));
    rep.responses_erased += static_cast<int>(std::erase_if(
        r.responses, [id](const evaluation_response& e) { return e.student() == id; }));
    detail::erase_from_intervision(r, id);
    std::erase_if(r.departures, [id](const departure& d) { return d.student == id; });
    rep.students_erased += static_cast<int>(
        std::erase_if(s.students, [id](const student& st) { return st.id == id; }));
  }
  return rep;
}

PEERKIT_INLINE bool mentions(const programme_records& r, const school& s, student_id id) {
  auto any = [](const auto& range, auto pred) {
    return std::any_of(range.begin(), range.end(), pred);
  };
  return any(s.students, [id](const student& st) { return st.id == id; }) ||
         any(r.pairs, [id](const support_pair& p) { return p.involves(id); }) ||
         any(r.groups, [id](const intervision_roster& g) { return g.has_member(id); }) ||
         any(r.sessions, [id](const intervision_session& x) { return x.was_present(id); }) ||
         any(r.escalations, [id](const escalation& e) { return e.raised_by == id; }) ||
         any(r.responses, [id](const evaluation_response& e) { return e.student() == id; }) ||
         any(r.departures, [id](const departure& d) { return d.student == id; });
}

PEERKIT_INLINE bool mentions(const programme_records& r, pair_id id) {
  auto any = [](const auto& range, auto pred) {
    return std::any_of(range.begin(), range.end(), pred);
  };
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
