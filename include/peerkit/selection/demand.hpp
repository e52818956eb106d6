#pragma once
// How many supporters a role needs follows from demand (000 step 4; 001): two peer leaders
// per first-year class; for a buddy role, the supportees divided by how many students one
// buddy takes on. The school adds reserves on top (its selection policy says how many).

#include <algorithm>
#include <optional>

#include <peerkit/config.hpp>
#include <peerkit/core/roles.hpp>
#include <peerkit/core/school.hpp>

namespace peerkit {

/// What a role must cover this year.
struct role_demand {
  supporter_role role = supporter_role::peer_buddy;
  /// For a role that serves whole classes (leader duos): the classes to serve, usually the
  /// first-year classes. For every other role: the supportees to support.
  int units = 0;
  friend bool operator==(const role_demand&, const role_demand&) = default;
};

/// The supportees (or classes, for leader duos) one supporter is planned for, unless the
/// school says otherwise: for one-to-one roles the usual case, the minimum ("one, sometimes
/// two" plans one, and keeps the second for matching); for group roles the maximum.
[[nodiscard]] constexpr int planning_capacity(const role_parameters& p) noexcept {
  return p.form == support_form::one_to_one ? p.supportees_per_supporter.min
                                            : p.supportees_per_supporter.max;
}

/// Supporters needed for `units` of demand: for a role that serves classes, the units
/// served per team (`capacity`) rounded up, times the team size (two leaders per class);
/// otherwise units ÷ capacity rounded up, times the supporters per unit.
[[nodiscard]] constexpr int supporters_needed(const role_parameters& p, int units,
                                              std::optional<int> capacity = std::nullopt) noexcept {
  const int per = capacity.value_or(planning_capacity(p));
  PEERKIT_ASSERT(per >= 1, "supporters_needed: a supporter takes on at least one unit");
  if (units <= 0) return 0;
  const int teams = (units + per - 1) / per;
  return teams * (p.form == support_form::duo_for_class ? p.supporters_per_unit.max
                                                        : p.supporters_per_unit.min);
}

/// The first-year classes of a school: what its peer leaders serve.
[[nodiscard]] inline int first_year_classes(const school& s) {
  return static_cast<int>(std::count_if(s.classes.begin(), s.classes.end(),
                                        [](const class_group& c) { return c.is_first_year(); }));
}

/// The students of a school's newcomer (ISK) classes.
[[nodiscard]] inline int newcomers(const school& s) {
  return static_cast<int>(std::count_if(s.students.begin(), s.students.end(),
                                        [](const student& st) { return st.is_newcomer(); }));
}

}  // namespace peerkit
