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
#include <peerkit/core/safe_text.hpp>
#include <peerkit/core/school.hpp>
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
void validate(const retention_policy& p);

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
    auto t = std::find_if(r.totals.begin(), r.totals.end(), [&](const contact_totals& x) {
      return x.pair == c.pair && x.year == year;
    });
    if (t == r.totals.end())
      t = r.totals.insert(r.totals.end(), contact_totals{c.pair, year, 0, 0, 0});
    ++t->meetings;
    t->minutes += c.minutes;
    t->needs_adult += c.needs_adult ? 1 : 0;
  }
  std::erase_if(r.contacts, doomed);
  return deleted;
}

/// Removes the pairs in `gone` and everything recorded about them.
purge_report erase_pairs(programme_records& r, const std::set<pair_id>& gone);

/// Removes student `id` from group memberships and session attendance.
void erase_from_intervision(programme_records& r, student_id id);
}  // namespace detail

/// Deletes contact notes whose pair has ended or whose school year is over, and erases
/// every student whose time ran out (`years_after_leaving` after leaving): their pairs
/// with all that was recorded about them, their answers, their place in intervision,
/// their departure and their entry in the school. Throws when the policy is invalid.
purge_report purge(programme_records& r, school& s, const retention_policy& policy, date today);

/// True when any record, or the school, still refers to student `id`.
[[nodiscard]] bool mentions(const programme_records& r, const school& s, student_id id);

/// True when any record still refers to pair `id`.
[[nodiscard]] bool mentions(const programme_records& r, pair_id id);

}  // namespace peerkit

#ifndef PEERKIT_COMPILED
#include <peerkit/privacy/retention-inl.hpp>
#endif
