#pragma once
// The hard rules of pairing. A pair that breaks an enabled rule is never formed, by any
// objective; each rule is a switch a school can turn on or off (hard_rules). The
// coordinator's own "never these two" list is a rule too, one that cannot be switched off.
// When a role meets is a preference by default (it scores, scores.hpp): newcomer buddies
// meet "often" after school (000), Hoofdvaart's mostly in the long break (001); a school
// that wants it kept switches on the availability rule.
//
// Rules that need special-category data (conflicting groups) read it through reveal()
// with a stated purpose; what they return is only which rule was broken, never the value.

#include <algorithm>
#include <array>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include <peerkit/core/consent.hpp>
#include <peerkit/core/enum_keys.hpp>
#include <peerkit/core/roles.hpp>
#include <peerkit/core/school.hpp>
#include <peerkit/core/student.hpp>

namespace peerkit {

/// A hard rule a pair (or a duo, or a duo with a class) must keep.
enum class pairing_rule {
  consent,              ///< both students' consent holds on the pairing date (always voluntary)
  conflicting_groups,   ///< never two students of groups the school marks as conflicting
  newcomer_class,       ///< a role for newcomers (newcomer buddy) pairs only with newcomer-class
                        ///< students
  same_gender,          ///< optional: both of the same known gender
  availability,         ///< optional: both can meet when the role meets (else it only scores)
  coordinator_forbids,  ///< the coordinator forbade this pair
  class_rule,           ///< a school rule for duos and classes (e.g. not the class of a sibling)
};

template <>
struct enum_keys<pairing_rule> {
  static constexpr std::array<std::string_view, 7> keys{
      "consent",      "conflicting_groups",  "newcomer_class", "same_gender",
      "availability", "coordinator_forbids", "class_rule"};
};

inline constexpr std::array<pairing_rule, 7> all_pairing_rules{
    pairing_rule::consent,     pairing_rule::conflicting_groups, pairing_rule::newcomer_class,
    pairing_rule::same_gender, pairing_rule::availability,       pairing_rule::coordinator_forbids,
    pairing_rule::class_rule};

/// The rule in words, as the object of "excluded by ...".
[[nodiscard]] constexpr std::string_view describe(pairing_rule r) noexcept {
  switch (r) {
    case pairing_rule::consent: return "consent on both sides";
    case pairing_rule::conflicting_groups: return "never pair students of conflicting groups";
    case pairing_rule::newcomer_class: return "newcomer buddies only with newcomer-class students";
    case pairing_rule::same_gender: return "same gender";
    case pairing_rule::availability: return "both available when the role meets";
    case pairing_rule::coordinator_forbids: return "forbidden by the coordinator";
    case pairing_rule::class_rule: return "a school rule for this class";
  }
  return "";
}

/// True for the rules that read special-category data (conflicting groups): that such a
/// rule keeps two named students apart tells which groups they are in.
[[nodiscard]] constexpr bool reads_special_category(pairing_rule r) noexcept {
  return r == pairing_rule::conflicting_groups;
}

/// The rule in words for a reader without the access step: a rule that reads
/// special-category data is not named.
[[nodiscard]] constexpr std::string_view describe_without_access(pairing_rule r) noexcept {
  return reads_special_category(r) ? "a rule on special-category data" : describe(r);
}

/// Which switchable rules a school applies to buddy pairs. A structural type, so that a
/// compile-time policy can carry it as a template argument.
struct hard_rules {
  bool consent = true;
  bool conflicting_groups = true;
  bool newcomer_class = true;
  bool same_gender = false;
  bool availability = false;  ///< off: when the role meets is a preference (criterion::can_meet)

  /// True if `r` is applied; the coordinator's list and class rules always are.
  [[nodiscard]] constexpr bool enabled(pairing_rule r) const noexcept {
    switch (r) {
      case pairing_rule::consent: return consent;
      case pairing_rule::conflicting_groups: return conflicting_groups;
      case pairing_rule::newcomer_class: return newcomer_class;
      case pairing_rule::same_gender: return same_gender;
      case pairing_rule::availability: return availability;
      case pairing_rule::coordinator_forbids:
      case pairing_rule::class_rule: return true;
    }
    return true;
  }
  friend constexpr bool operator==(const hard_rules&, const hard_rules&) = default;
};

/// A set of rules, e.g. the rules one pair breaks. Iterates in enumeration order.
class rule_set {
 public:
  constexpr rule_set() noexcept = default;
  constexpr rule_set(std::initializer_list<pairing_rule> rules) noexcept {
    for (auto r : rules) add(r);
  }
  constexpr void add(pairing_rule r) noexcept { bits_ |= bit(r); }
  [[nodiscard]] constexpr bool contains(pairing_rule r) const noexcept {
    return (bits_ & bit(r)) != 0;
  }
  [[nodiscard]] constexpr bool empty() const noexcept { return bits_ == 0; }
  [[nodiscard]] constexpr int size() const noexcept {
    int n = 0;
    for (auto r : all_pairing_rules) n += contains(r) ? 1 : 0;
    return n;
  }
  /// The rules in the set, in enumeration order.
  [[nodiscard]] std::vector<pairing_rule> list() const {
    std::vector<pairing_rule> out;
    for (auto r : all_pairing_rules)
      if (contains(r)) out.push_back(r);
    return out;
  }
  friend constexpr bool operator==(rule_set, rule_set) noexcept = default;

 private:
  static constexpr std::uint8_t bit(pairing_rule r) noexcept {
    return static_cast<std::uint8_t>(1u << static_cast<unsigned>(r));
  }
  std::uint8_t bits_ = 0;
};

namespace detail {

/// The two students belong to groups the school marks as conflicting.
inline bool in_conflicting_groups(const school& sch, const student& a, const student& b) {
  const access_purpose why{"matching: never pair students of conflicting groups"};
  const auto& conflicts = sch.conflicting_groups.reveal(why);
  if (conflicts.empty()) return false;
  const auto& ga = a.groups.reveal(why);
  const auto& gb = b.groups.reveal(why);
  if (ga.empty() || gb.empty()) return false;
  auto has = [](const std::vector<std::string>& gs, const std::string& g) {
    return std::find(gs.begin(), gs.end(), g) != gs.end();
  };
  for (const auto& [x, y] : conflicts)
    if ((has(ga, x) && has(gb, y)) || (has(ga, y) && has(gb, x))) return true;
  return false;
}

constexpr bool same_known_gender(gender_identity a, gender_identity b) noexcept {
  return a == b && a != gender_identity::unspecified;
}

}  // namespace detail

/// The enabled switchable rules that a supporter in a role with `role` parameters and a
/// supportee would break on `day`. The coordinator's list is checked by the caller, who
/// holds it.
[[nodiscard]] inline rule_set broken_rules(const school& sch, const student& supporter,
                                           const role_parameters& role, const student& supportee,
                                           const hard_rules& rules, date day) {
  rule_set broken;
  if (rules.consent && !(may_process(supporter, day) && may_process(supportee, day)))
    broken.add(pairing_rule::consent);
  if (rules.conflicting_groups && detail::in_conflicting_groups(sch, supporter, supportee))
    broken.add(pairing_rule::conflicting_groups);
  if (rules.newcomer_class && role.newcomers_only && !supportee.is_newcomer())
    broken.add(pairing_rule::newcomer_class);
  if (rules.same_gender && !detail::same_known_gender(supporter.gender, supportee.gender))
    broken.add(pairing_rule::same_gender);
  if (rules.availability && !can_meet(role.meets, supporter.available, supportee.available))
    broken.add(pairing_rule::availability);
  return broken;
}

}  // namespace peerkit
