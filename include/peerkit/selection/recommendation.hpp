#pragma once
// Which supporter role a student would benefit from, given their support needs (source 004):
// shy or insecure students → peer leader; falling behind early → peer tutor; conflict
// behaviour, personal problems, autism, bullying → peer buddy; every first-year → peer
// leader; a newcomer → newcomer buddy. The mapping is a policy: a school replaces the table
// (needs_table) or writes its own type modelling RecommendationPolicy.
//
// Needs are special-category data (health). They are read here only through reveal()
// with a stated purpose, and the needs that led to a recommendation travel on wrapped in
// sensitive<> again: a report can print the recommended roles, never the reasons.

#include <algorithm>
#include <array>
#include <concepts>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include <peerkit/core/error.hpp>
#include <peerkit/core/roles.hpp>
#include <peerkit/core/sensitive.hpp>
#include <peerkit/core/student.hpp>

namespace peerkit {

/// A student with need `when` benefits from a supporter in `role`.
struct need_rule {
  need when = need::social_emotional;
  supporter_role role = supporter_role::peer_buddy;
  friend constexpr bool operator==(need_rule, need_rule) = default;
};

/// One role recommended for a student, and why.
struct role_advice {
  supporter_role role = supporter_role::peer_buddy;
  needs_data because{};     ///< the student's needs that point to this role (sensitive)
  bool first_year = false;  ///< recommended because the student is a first-year
  bool newcomer = false;    ///< recommended because the student is a newcomer
  friend bool operator==(const role_advice&, const role_advice&) = default;
};

/// The roles recommended for one student, in the order of supporter_role.
struct role_recommendation {
  student_id student{};
  std::vector<role_advice> roles{};

  [[nodiscard]] bool recommends(supporter_role r) const noexcept {
    return std::any_of(roles.begin(), roles.end(),
                       [r](const role_advice& a) { return a.role == r; });
  }
  friend bool operator==(const role_recommendation&, const role_recommendation&) = default;
};

/// A recommendation policy: from a student, the roles they would benefit from.
template <class P>
concept RecommendationPolicy = requires(const P& p, const student& s) {
  { p.recommend(s) } -> std::same_as<role_recommendation>;
};

/// The mapping of source 004, completed for the needs it names as target groups only:
/// social-emotional problems → peer buddy (000: the buddy's individual support);
/// disability and motivation → peer mentor (002, 003); a socially weaker background →
/// peer mentor as a role model (a default where the sources are silent).
inline constexpr std::array<need_rule, 10> source_need_rules{{
    {need::shy_or_insecure, supporter_role::peer_leader},
    {need::falling_behind, supporter_role::peer_tutor},
    {need::conflict_behaviour, supporter_role::peer_buddy},
    {need::personal_problems, supporter_role::peer_buddy},
    {need::autism, supporter_role::peer_buddy},
    {need::bullied, supporter_role::peer_buddy},
    {need::social_emotional, supporter_role::peer_buddy},
    {need::disability, supporter_role::peer_mentor},
    {need::motivation, supporter_role::peer_mentor},
    {need::socially_weaker_background, supporter_role::peer_mentor},
}};

namespace detail {
inline role_recommendation recommend_roles(const student& s, std::span<const need_rule> rules,
                                           std::optional<supporter_role> for_first_years,
                                           std::optional<supporter_role> for_newcomers) {
  const auto& needs = s.needs.reveal(
      access_purpose{"selection: recommend supporter roles from needs"});
  role_recommendation out{s.id, {}};
  for (supporter_role role : all_supporter_roles) {
    std::vector<need> because;
    for (const need_rule& rule : rules)
      if (rule.role == role && std::find(needs.begin(), needs.end(), rule.when) != needs.end())
        because.push_back(rule.when);
    std::sort(because.begin(), because.end());
    because.erase(std::unique(because.begin(), because.end()), because.end());
    const bool first_year = for_first_years == role && s.is_first_year();
    const bool newcomer = for_newcomers == role && s.is_newcomer();
    if (!because.empty() || first_year || newcomer)
      out.roles.push_back({role, needs_data(std::move(because)), first_year, newcomer});
  }
  return out;
}
}  // namespace detail

/// A recommendation table a school can change: need → role rules, plus the role for every
/// first-year and the role for every newcomer. Default-constructed, it holds the sources' table.
class needs_table {
 public:
  needs_table()
      : rules_(source_need_rules.begin(), source_need_rules.end()),
        first_years_(supporter_role::peer_leader),
        newcomers_(supporter_role::newcomer_buddy) {}
  /// Throws peerkit::error ("selection.duplicate_need_rule") when a rule is given twice.
  needs_table(std::vector<need_rule> rules, std::optional<supporter_role> for_first_years,
              std::optional<supporter_role> for_newcomers)
      : rules_(std::move(rules)), first_years_(for_first_years), newcomers_(for_newcomers) {
    problem_list problems;
    for (std::size_t i = 0; i < rules_.size(); ++i)
      for (std::size_t j = 0; j < i; ++j)
        if (rules_[i] == rules_[j])
          problems.add("selection.duplicate_need_rule", element_location("recommendation.rules", i),
                       std::string(key_of(rules_[i].when)) + " -> " +
                           std::string(key_of(rules_[i].role)) + " is already given at " +
                           element_location("rules", j));
    problems.throw_if_any();
  }

  [[nodiscard]] role_recommendation recommend(const student& s) const {
    return detail::recommend_roles(s, rules_, first_years_, newcomers_);
  }
  [[nodiscard]] const std::vector<need_rule>& rules() const noexcept { return rules_; }
  [[nodiscard]] std::optional<supporter_role> for_first_years() const noexcept {
    return first_years_;
  }
  [[nodiscard]] std::optional<supporter_role> for_newcomers() const noexcept { return newcomers_; }
  friend bool operator==(const needs_table&, const needs_table&) = default;

 private:
  std::vector<need_rule> rules_{};
  std::optional<supporter_role> first_years_{};
  std::optional<supporter_role> newcomers_{};
};

/// The sources' mapping as a stateless policy, for compile-time selection rules.
struct source_recommendation {
  [[nodiscard]] role_recommendation recommend(const student& s) const {
    return detail::recommend_roles(s, source_need_rules, supporter_role::peer_leader,
                                   supporter_role::newcomer_buddy);
  }
};

}  // namespace peerkit
