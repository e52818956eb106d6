#pragma once
// Which supporter roles a programme runs: chosen at compile time (role_set<...>, checked
// by the Role concept) or at run time (runtime_roles, checked by validate()). Both give
// the programme logic the same view: a list of role_entry.

#include <algorithm>
#include <array>
#include <concepts>
#include <optional>
#include <ranges>
#include <string>
#include <string_view>
#include <vector>

#include <peerkit/core/error.hpp>
#include <peerkit/core/policy.hpp>
#include <peerkit/core/roles.hpp>

namespace peerkit {

/// One role as a programme runs it.
struct role_entry {
  std::string name;
  supporter_role kind = supporter_role::peer_buddy;
  role_parameters parameters{};
  friend bool operator==(const role_entry&, const role_entry&) = default;
};

/// A roles policy: gives the roles a programme runs, each kind at most once.
template <class P>
concept RolesPolicy = PolicyOf<P, roles_family> && requires(const P& p) {
  { p.roles() } -> std::ranges::input_range;
  requires std::same_as<std::ranges::range_value_t<decltype(p.roles())>, role_entry>;
};

namespace detail {
template <class... Rs>
constexpr bool distinct_kinds() {
  std::array<supporter_role, sizeof...(Rs)> kinds{role_traits<Rs>::kind...};
  for (std::size_t i = 0; i < kinds.size(); ++i)
    for (std::size_t j = i + 1; j < kinds.size(); ++j)
      if (kinds[i] == kinds[j]) return false;
  return true;
}
}  // namespace detail

/// The roles of a programme, fixed at compile time: `role_set<peer_leader, peer_buddy>`.
template <Role... Rs>
  requires(sizeof...(Rs) >= 1)
struct role_set {
  static_assert(detail::distinct_kinds<Rs...>(),
                "role_set: a programme runs each kind of supporter role at most once");
  using policy_family = roles_family;

  template <class R>
  static constexpr bool contains = (std::same_as<R, Rs> || ...);

  [[nodiscard]] std::vector<role_entry> roles() const {
    return {role_entry{std::string(role_traits<Rs>::name), role_traits<Rs>::kind,
                       role_traits<Rs>::parameters}...};
  }
};

/// The roles of a programme, chosen at run time from settings a front end read.
class runtime_roles {
 public:
  using policy_family = roles_family;

  runtime_roles() = default;
  /// Throws peerkit::error when a role is invalid or a kind appears twice.
  explicit runtime_roles(std::vector<role_entry> entries) : entries_(std::move(entries)) {
    problem_list problems;
    for (std::size_t i = 0; i < entries_.size(); ++i) {
      const auto where = element_location("roles", i);
      if (!entries_[i].parameters.valid())
        problems.add("config.invalid_role", where,
                     "the parameters of " + entries_[i].name +
                         " are inconsistent (a minimum above its maximum, or a count below 1)");
      for (std::size_t j = 0; j < i; ++j)
        if (entries_[j].kind == entries_[i].kind)
          problems.add("config.duplicate_role", where + ".kind",
                       std::string(key_of(entries_[i].kind)) + " is already given at " +
                           element_location("roles", j));
    }
    problems.throw_if_any();
  }
  /// The shipped defaults of each given kind.
  static runtime_roles of(std::initializer_list<supporter_role> kinds) {
    std::vector<role_entry> entries;
    for (auto k : kinds) entries.push_back({std::string(name_of(k)), k, default_parameters(k)});
    return runtime_roles(std::move(entries));
  }

  [[nodiscard]] const std::vector<role_entry>& roles() const noexcept { return entries_; }

 private:
  std::vector<role_entry> entries_;
};

/// The entry for `kind` among a policy's roles, if the programme runs it.
template <RolesPolicy P>
[[nodiscard]] std::optional<role_entry> find_role(const P& policy, supporter_role kind) {
  for (const auto& e : policy.roles())
    if (e.kind == kind) return e;
  return std::nullopt;
}

}  // namespace peerkit
