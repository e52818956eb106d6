#pragma once
// A student's application for a supporter role. Applying is voluntary (000 step 4): only
// students who applied for a role can be chosen for it. An application moves through
// states; a move the table below does not allow throws peerkit::error
// ("selection.illegal_transition") naming the application and both states.
//
//   from \ to           letter  interviewed   accepted  reserve  rejected  withdrawn
//   applied               yes   yes (either)    yes       yes      yes       yes
//   letter received        -    yes (either)    yes       yes      yes       yes
//   interviewed in group   -    individually    yes       yes      yes       yes
//   interviewed individ.   -         -          yes       yes      yes       yes
//   reserve                -         -          yes        -       yes       yes
//   accepted               -         -           -         -        -        yes
//   rejected, withdrawn    final
//
// A group round may be followed by an individual talk; a reserve moves up when a chosen
// supporter drops out, or is turned down at the end; a supporter can stop (withdrawn).

#include <algorithm>
#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <peerkit/core/enum_keys.hpp>
#include <peerkit/core/error.hpp>
#include <peerkit/core/roles.hpp>
#include <peerkit/core/strong_id.hpp>
#include <peerkit/selection/interview.hpp>
#include <peerkit/selection/rating_scale.hpp>

namespace peerkit {

/// Identifies an application; schools number them in order of arrival.
using application_id = strong_id<struct application_tag>;

enum class application_state {
  applied,
  letter_received,
  interviewed_individually,
  interviewed_in_group,
  accepted,
  reserve,
  rejected,
  withdrawn,
};
template <>
struct enum_keys<application_state> {
  static constexpr std::array<std::string_view, 8> keys{"applied",
                                                        "letter_received",
                                                        "interviewed_individually",
                                                        "interviewed_in_group",
                                                        "accepted",
                                                        "reserve",
                                                        "rejected",
                                                        "withdrawn"};
};

/// Every state, in the order of the enumeration.
inline constexpr std::array<application_state, 8> all_application_states{
    application_state::applied,
    application_state::letter_received,
    application_state::interviewed_individually,
    application_state::interviewed_in_group,
    application_state::accepted,
    application_state::reserve,
    application_state::rejected,
    application_state::withdrawn,
};

/// "interviewed in a group", for messages and reports.
[[nodiscard]] constexpr std::string_view name_of(application_state s) noexcept {
  switch (s) {
    case application_state::applied: return "applied";
    case application_state::letter_received: return "letter received";
    case application_state::interviewed_individually: return "interviewed individually";
    case application_state::interviewed_in_group: return "interviewed in a group";
    case application_state::accepted: return "accepted";
    case application_state::reserve: return "reserve";
    case application_state::rejected: return "rejected";
    case application_state::withdrawn: return "withdrawn";
  }
  return "unknown";
}

/// True for the states a selection decides: accepted, reserve, rejected.
[[nodiscard]] constexpr bool is_decision(application_state s) noexcept {
  return s == application_state::accepted || s == application_state::reserve ||
         s == application_state::rejected;
}

/// Whether an application may move from `from` to `to` (the table above).
[[nodiscard]] constexpr bool can_move(application_state from, application_state to) noexcept {
  using enum application_state;
  if (from == to) return false;
  switch (from) {
    case applied: return true;
    case letter_received: return to != applied;
    case interviewed_in_group:
      return to != applied && to != letter_received && to != interviewed_in_group;
    case interviewed_individually: return is_decision(to) || to == withdrawn;
    case reserve: return to == accepted || to == rejected || to == withdrawn;
    case accepted: return to == withdrawn;
    case rejected:
    case withdrawn: return false;
  }
  return false;
}

struct application {
  application_id id{};
  student_id applicant{};
  supporter_role role = supporter_role::peer_buddy;
  application_state state = application_state::applied;
  std::vector<application_state> history{};  ///< the states it left, oldest first
  std::vector<interview> interviews{};       ///< in the order held

  /// "application 7 (student 12 for peer buddy)".
  [[nodiscard]] std::string describe() const {
    return "application " + std::to_string(id.value()) + " (student " +
           std::to_string(applicant.value()) + " for " + std::string(name_of(role)) + ")";
  }
  /// The state it is in or was ever in.
  [[nodiscard]] bool has_been(application_state s) const noexcept {
    return state == s || std::find(history.begin(), history.end(), s) != history.end();
  }
  [[nodiscard]] bool letter_received() const noexcept {
    return has_been(application_state::letter_received);
  }
  [[nodiscard]] bool interviewed() const noexcept { return !interviews.empty(); }
  /// The rating of the latest interview that rated `trait`.
  [[nodiscard]] std::optional<int> interview_rating(std::string_view trait) const noexcept {
    for (auto it = interviews.rbegin(); it != interviews.rend(); ++it)
      if (auto r = it->rating(trait)) return r;
    return std::nullopt;
  }

  /// Moves to `to`; throws peerkit::error ("selection.illegal_transition") if the table
  /// does not allow it, leaving the application unchanged.
  void move_to(application_state to);

  friend bool operator==(const application&, const application&) = default;
};

namespace detail {
/// "application 7 (student 12 for peer buddy) cannot move from rejected to accepted; ..."
inline std::string illegal_move_message(const application& a, application_state to) {
  std::string allowed;
  for (auto s : all_application_states)
    if (can_move(a.state, s)) allowed += (allowed.empty() ? "" : ", ") + std::string(name_of(s));
  const std::string from(name_of(a.state));
  return a.describe() + " cannot move from " + from + " to " + std::string(name_of(to)) +
         (allowed.empty() ? "; " + from + " is final"
                          : "; from " + from + " it can move to " + allowed);
}
}  // namespace detail

inline void application::move_to(application_state to) {
  if (!can_move(state, to))
    throw error("selection.illegal_transition", "application " + std::to_string(id.value()),
                detail::illegal_move_message(*this, to));
  history.push_back(state);
  state = to;
}

/// Records an interview and moves the application to interviewed individually or in a
/// group. Throws peerkit::error listing every rating off `scale` ("selection.rating_out_of_scale"),
/// every trait rated twice, or the illegal move; the application is then unchanged.
inline void record_interview(application& a, interview held, rating_scale scale) {
  problem_list problems;
  detail::check_ratings(held.ratings, scale,
                        "application " + std::to_string(a.id.value()) + ".interview.ratings",
                        problems);
  problems.throw_if_any();
  a.move_to(held.format == interview_format::group ? application_state::interviewed_in_group
                                                   : application_state::interviewed_individually);
  a.interviews.push_back(std::move(held));
}

/// Records that the motivation letter came in.
inline void record_letter(application& a) { a.move_to(application_state::letter_received); }

/// Records that the student withdrew the application, at any point before a final state.
inline void withdraw(application& a) { a.move_to(application_state::withdrawn); }

}  // namespace peerkit
