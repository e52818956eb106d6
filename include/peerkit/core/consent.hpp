#pragma once
// Consent to take part (AVG; domain-facts section 4): below 16 a parent or guardian
// gives it and exercises the student's rights, from 16 the student does. Withdrawal
// ends processing for that student: withdraw_consent (withdrawal.hpp) ends their pairs,
// erases what the programme holds about them, and nothing new is recorded after it.
// consent_state_on is the one place that decides whether a recorded consent holds;
// every reader asks it (or may_process), never the recorded fields, so a consent the
// age rule does not accept is refused everywhere, whoever recorded it and however.

#include <array>
#include <optional>
#include <string_view>

#include <peerkit/core/enum_keys.hpp>
#include <peerkit/core/error.hpp>
#include <peerkit/core/safe_text.hpp>
#include <peerkit/core/student.hpp>

namespace peerkit {

/// From this age the student consents and exercises their rights themselves.
inline constexpr int age_of_consent = 16;

/// Who must consent for `s` on `day`: a parent below 16 or when the age is unknown
/// (the safe side), the student from 16.
[[nodiscard]] inline consent_giver required_giver(const student& s, date day) {
  const auto age = s.age_on(day);
  return age && *age >= age_of_consent ? consent_giver::student : consent_giver::parent;
}

enum class consent_state {
  holds,        ///< given by the right person, not withdrawn
  holds_renew,  ///< a parent's consent for a student now 16 or older: still holds, ask the student
  missing,      ///< never given, or given only after `day`
  wrong_giver,  ///< given by the student below 16, or by a parent from 16: never counted
  withdrawn,
};
template <>
struct enum_keys<consent_state> {
  static constexpr std::array<std::string_view, 5> keys{"holds", "holds_renew", "missing",
                                                        "wrong_giver", "withdrawn"};
};

/// Whether the consent recorded for `s` holds on `day`, and if not, why. A consent
/// counts when it was given by whoever had to consent on the day it was given (judged by
/// the birth date on record now); turning 16 later neither validates a student's consent
/// given at 15 nor ends a parent's consent, which holds until it is withdrawn.
[[nodiscard]] inline consent_state consent_state_on(const student& s, date day) {
  if (!s.consent || s.consent->given_on.is_special() || day < s.consent->given_on)
    return consent_state::missing;
  if (s.consent->given_by != required_giver(s, s.consent->given_on))
    return consent_state::wrong_giver;
  if (s.consent->withdrawn_on && *s.consent->withdrawn_on <= day) return consent_state::withdrawn;
  if (s.consent->given_by == consent_giver::parent &&
      required_giver(s, day) == consent_giver::student)
    return consent_state::holds_renew;
  return consent_state::holds;
}

/// True when the programme may process data of `s` on `day`: their consent holds.
[[nodiscard]] inline bool may_process(const student& s, date day) {
  const auto state = consent_state_on(s, day);
  return state == consent_state::holds || state == consent_state::holds_renew;
}

/// Records consent given by `by` on `on`. Throws peerkit::error when `by` is not who
/// must consent at the student's age that day.
inline void give_consent(student& s, consent_giver by, date on) {
  const auto where = (safe_text{} << "students[id=" << s.id << "].consent").str();
  if (on.is_special()) throw error("data.missing", where, "consent needs the date it was given");
  if (by != required_giver(s, on))
    throw error("privacy.wrong_consent_giver", where,
                (safe_text{} << "on " << on << " consent is given by the " << required_giver(s, on)
                             << " (a parent below " << age_of_consent << ", the student from "
                             << age_of_consent << "), found " << by)
                    .str());
  s.consent = consent{by, on, std::nullopt};
}

}  // namespace peerkit
