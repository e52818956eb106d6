#pragma once
// Withdrawing consent ends processing for that student (AVG art. 7(3)): from that day
// nothing new is recorded about them (record_* refuse it), their pairs end, and what the
// programme holds about them goes: their answers, their place in intervision, the
// contact notes of the pairs that end, and their special-category data.

#include <algorithm>
#include <set>

#include <peerkit/core/error.hpp>
#include <peerkit/core/safe_text.hpp>
#include <peerkit/core/school.hpp>
#include <peerkit/core/sensitive.hpp>
#include <peerkit/privacy/retention.hpp>
#include <peerkit/supervision/records.hpp>

namespace peerkit {

struct withdrawal_report {
  int pairs_ended = 0;       ///< pairs closed with end_reason::consent_withdrawn
  int pairs_left = 0;        ///< pairs that go on with their other supportees
  int pairs_erased = 0;      ///< pairs that had not started yet
  int contacts_deleted = 0;  ///< notes of the pairs that ended
  int responses_erased = 0;
  friend bool operator==(const withdrawal_report&, const withdrawal_report&) = default;
};

/// Records that consent for student `id` was withdrawn on `on` and ends processing for
/// them. Throws peerkit::error when the student is unknown or never gave consent.
inline withdrawal_report withdraw_consent(programme_records& r, school& s, student_id id, date on) {
  const auto where = (safe_text{} << "students[id=" << id << "]").str();
  auto it = std::find_if(s.students.begin(), s.students.end(),
                         [id](const student& st) { return st.id == id; });
  if (it == s.students.end())
    throw error("data.unknown_reference", where, "no student has this id");
  if (!it->consent)
    throw error("privacy.no_consent", where + ".consent", "there is no consent to withdraw");
  if (on.is_special())
    throw error("data.missing", where + ".consent", "a withdrawal needs its date");
  student& st = *it;
  // A later withdrawal must not reopen the days after an earlier one.
  if (!st.consent->withdrawn_on || on < *st.consent->withdrawn_on) st.consent->withdrawn_on = on;

  withdrawal_report rep;
  std::set<pair_id> ended;
  std::set<pair_id> not_started;
  for (auto& p : r.pairs) {
    if (!p.involves(id) || (p.ended && *p.ended <= on)) continue;
    const bool supporter = std::find(p.supporters.begin(), p.supporters.end(), id) !=
                           p.supporters.end();
    if (!supporter && p.supportees.size() > 1) {
      std::erase(p.supportees, id);  // a triple goes on as a pair
      ++rep.pairs_left;
    } else if (!p.started.is_special() && on <= p.started) {
      not_started.insert(p.id);
    } else {
      r.closures.push_back(
          close_pair(p, on, end_reason::consent_withdrawn, std::nullopt, r.end_reasons));
      ended.insert(p.id);
      ++rep.pairs_ended;
    }
  }
  rep.pairs_erased = detail::erase_pairs(r, not_started).pairs_erased;
  rep.contacts_deleted = detail::delete_contacts(
      r, [&](const contact_record& c) { return ended.count(c.pair) > 0; });
  rep.responses_erased = static_cast<int>(
      std::erase_if(r.responses, [id](const evaluation_response& e) { return e.student() == id; }));
  detail::erase_from_intervision(r, id);

  const access_purpose purpose{"consent withdrawn: erase the student's special-category data"};
  st.languages.reveal_for_update(purpose).clear();
  st.origin.reveal_for_update(purpose).reset();
  st.needs.reveal_for_update(purpose).clear();
  st.groups.reveal_for_update(purpose).clear();
  return rep;
}

}  // namespace peerkit
