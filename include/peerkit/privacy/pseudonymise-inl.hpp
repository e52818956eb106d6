#pragma once
// Definitions of pseudonymise.hpp: inline here in header-only mode, compiled once into
// peerkit::compiled when PEERKIT_COMPILED is defined (see config.hpp).

#include <peerkit/config.hpp>
#include <peerkit/privacy/pseudonymise.hpp>

namespace peerkit {

namespace detail {
/// Numbers for ids of one kind: the pseudonym's first 31 bits, the next free number on
/// the rare clash (ids handled in pseudonym order, so the outcome is the same every run).
template <class Id>
std::map<Id, std::pair<Id, std::string>> pseudonymous_ids(const std::vector<Id>& ids,
                                                          const pseudonymiser& p,
                                                          std::string_view label) {
  std::vector<std::pair<std::string, Id>> ordered;
  for (auto id : ids) ordered.emplace_back(p.of(id).to_string(), id);
  std::sort(ordered.begin(), ordered.end());
  std::map<Id, std::pair<Id, std::string>> out;
  std::set<std::uint32_t> used;
  for (const auto& [text, id] : ordered) {
    auto number = static_cast<std::uint32_t>(std::stoul(text.substr(0, 8), nullptr, 16) &
                                             0x7fffffffU);
    while (!used.insert(number).second) number = (number + 1) & 0x7fffffffU;
    out.emplace(id, std::pair{Id{number}, std::string(label) + " " + text.substr(0, 12)});
  }
  return out;
}
}  // namespace detail

namespace detail {
/// The birth date goes; what the consent rule reads of it stays: whether the student was 16
/// on the day the consent was given. A stand-in exactly 16 years before that day keeps an
/// own consent valid (and a parent's at 16 invalid); a student who was younger keeps no
/// birth date, which the rule reads as below 16. Every pair therefore stays as it was.
inline date consent_age_stand_in(const student& st) {
  if (!st.consent || st.consent->given_on.is_special() ||
      required_giver(st, st.consent->given_on) == consent_giver::parent)
    return date(boost::gregorian::not_a_date_time);
  return st.consent->given_on - boost::gregorian::years(16);
}
}  // namespace detail

PEERKIT_INLINE std::pair<school, programme_data> pseudonymise(school s, programme_data d,
                                                              const pseudonymiser& p) {
  std::vector<student_id> student_ids;
  for (const auto& st : s.students) student_ids.push_back(st.id);
  std::vector<staff_id> staff_ids;
  for (const auto& m : s.staff) staff_ids.push_back(m.id);
  const auto students = detail::pseudonymous_ids(student_ids, p, "student");
  const auto staff = detail::pseudonymous_ids(staff_ids, p, "staff");
  // Ids the school does not know stay as they are: validation reports them as before.
  const auto sid = [&](student_id id) {
    auto it = students.find(id);
    return it == students.end() ? id : it->second.first;
  };
  const auto tid = [&](staff_id id) {
    auto it = staff.find(id);
    return it == staff.end() ? id : it->second.first;
  };

  for (auto& st : s.students) {
    st.name = students.at(st.id).second;
    st.id = sid(st.id);
    st.birth_date = detail::consent_age_stand_in(st);
  }
  for (auto& m : s.staff) {
    m.name = staff.at(m.id).second;
    m.id = tid(m.id);
    if (m.successor) m.successor = tid(*m.successor);
  }
  for (auto& c : s.classes)
    if (c.mentor) c.mentor = tid(*c.mentor);

  for (auto& a : d.applications) {
    a.applicant = sid(a.applicant);
    for (auto& iv : a.interviews)
      if (iv.interviewer) iv.interviewer = tid(*iv.interviewer);
  }
  training_log training;
  for (auto session : d.training.sessions()) {
    session.supporter = sid(session.supporter);
    training.record(session);
  }
  d.training = std::move(training);
  for (auto& r : d.support_requests) r.student = sid(r.student);
  for (auto* pairs : {&d.pinned_pairs, &d.forbidden_pairs})
    for (auto& x : *pairs) x = {sid(x.supporter), sid(x.supportee)};
  for (auto& r : d.rankings) {
    r.who = sid(r.who);
    for (auto& o : r.best_first) o = sid(o);
  }
  for (auto& o : d.observed_duos) o = {sid(o.first), sid(o.second), o.rating};
  for (auto* duos : {&d.pinned_duos, &d.forbidden_duos})
    for (auto& x : *duos) x = {sid(x.first), sid(x.second)};
  for (auto& x : d.class_exclusions) x = {sid(x.leader), x.excluded, "a school rule"};
  for (auto& w : d.class_wishes) w.leader = sid(w.leader);
  for (auto& [key, record] : d.checklist_progress) {
    if (record.owner) record.owner = tid(*record.owner);
    record.evidence.clear();
  }
  return {std::move(s), std::move(d)};
}

}  // namespace peerkit
