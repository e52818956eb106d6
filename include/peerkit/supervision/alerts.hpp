#pragma once
// What supervision reports: an alert names the rule that fired, what it is about (ids
// only) and the deadline that passed. Its message is built with safe_text, so it never
// carries a name, a note or special-category data.

#include <array>
#include <optional>
#include <string>
#include <string_view>

#include <peerkit/core/enum_keys.hpp>
#include <peerkit/core/strong_id.hpp>
#include <peerkit/core/student.hpp>
#include <peerkit/supervision/ids.hpp>

namespace peerkit {

/// The supervision rules; each alert names the one that fired. The first three hold for
/// pairs of roles that support individual students, not for a duo serving a whole class.
enum class alert_rule {
  contact_overdue,               ///< no contact for longer than the pair's plan allows
  contact_below_plan,            ///< actual meetings below the minimum share of planned ones
  first_meeting_without_notice,  ///< met before being told the supporter cannot keep secrets
  intervision_overdue,           ///< a group had no session for longer than its cadence allows
  intervision_missed,            ///< a supporter missed several sessions in a row
  mentor_follow_up_missing,      ///< the coach did not discuss a session with a mentor in time
  escalation_step_overdue,       ///< a step of an escalation route was not informed in time
  escalation_response_overdue,   ///< nobody on the route responded within the tier's deadline
  escalation_referral_skipped,   ///< staff were told before the supportee was encouraged to go
  exit_evaluation_missing,       ///< a side of an ended pair was not asked the exit questions
};
template <>
struct enum_keys<alert_rule> {
  static constexpr std::array<std::string_view, 10> keys{
      "contact_overdue",         "contact_below_plan",          "first_meeting_without_notice",
      "intervision_overdue",     "intervision_missed",          "mentor_follow_up_missing",
      "escalation_step_overdue", "escalation_response_overdue", "escalation_referral_skipped",
      "exit_evaluation_missing"};
};

struct alert {
  alert_rule rule = alert_rule::contact_overdue;
  date due;  ///< the deadline that passed, or the day a rule was broken
  std::optional<pair_id> pair;
  std::optional<student_id> student;
  std::optional<intervision_group_id> group;
  std::optional<escalation_id> escalation;
  std::optional<staff_id> staff;
  std::string message;  ///< ids, numbers, dates and keys only (safe_text)
  friend bool operator==(const alert&, const alert&) = default;
};

}  // namespace peerkit
