#pragma once
// What matching produces and supervision follows through the year: a supporter (or a
// duo of leaders) and whom they support. A buddy with one supportee is a pair, with two
// a triple (Hoofdvaart: 13 pairs and one triple); a leader duo supports a whole class.

#include <algorithm>
#include <array>
#include <optional>
#include <string_view>
#include <vector>

#include <peerkit/core/enum_keys.hpp>
#include <peerkit/core/roles.hpp>
#include <peerkit/core/strong_id.hpp>
#include <peerkit/core/student.hpp>

namespace peerkit {

/// How a pair ended, from a fixed list; `other` covers a school's own reasons, which
/// supervision's pair_closure records by name from the school's end_reason_list.
enum class end_reason {
  period_completed,  ///< planned: the agreed period (at least six months) is over
  supportee_withdrew,
  supporter_withdrew,
  no_click,  ///< the two did not get along
  supporter_left_school,
  supportee_left_school,
  support_too_heavy,  ///< the supportee needs professional help instead
  consent_withdrawn,
  other,
};
template <>
struct enum_keys<end_reason> {
  static constexpr std::array<std::string_view, 9> keys{
      "period_completed",  "supportee_withdrew",    "supporter_withdrew",
      "no_click",          "supporter_left_school", "supportee_left_school",
      "support_too_heavy", "consent_withdrawn",     "other"};
};

struct support_pair {
  pair_id id;
  supporter_role role = supporter_role::peer_buddy;
  std::vector<student_id> supporters;  ///< one, or two for a leader duo
  std::vector<student_id> supportees;  ///< empty when the pair serves a class
  std::optional<class_id> class_served;
  date started;
  std::optional<date> ended;
  std::optional<end_reason> ended_because;

  [[nodiscard]] bool active_on(date day) const {
    return !started.is_special() && started <= day && (!ended || day < *ended);
  }
  [[nodiscard]] bool involves(student_id s) const noexcept {
    return std::find(supporters.begin(), supporters.end(), s) != supporters.end() ||
           std::find(supportees.begin(), supportees.end(), s) != supportees.end();
  }
  friend bool operator==(const support_pair&, const support_pair&) = default;
};

}  // namespace peerkit
