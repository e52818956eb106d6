#pragma once
// Views of the programme records per viewer role. A view type exposes only the data its
// role may see under its access policy: a member function for data the policy withholds
// does not exist (it is constrained away), so asking a buddy's view for escalations does
// not compile. Pairs are reached through pair_ref handles that only a view of the same
// role can make; a raw pair_id is not accepted, so a buddy cannot name another pair.
// Between two viewers of the same role (two buddies) the check is made at run time: a
// handle made for another viewer yields nothing.

#include <algorithm>
#include <cstdint>
#include <type_traits>
#include <vector>

#include <peerkit/core/school.hpp>
#include <peerkit/core/support_pair.hpp>
#include <peerkit/privacy/access_policy.hpp>
#include <peerkit/supervision/cadence.hpp>
#include <peerkit/supervision/records.hpp>
#include <peerkit/supervision/school_breaks.hpp>

namespace peerkit {

/// The id a viewer is known by: a student id for supporters, a staff id for staff.
template <viewer_role V>
using viewer_id = std::conditional_t<V == viewer_role::supporter, student_id, staff_id>;

template <viewer_role V, AccessPolicy P>
class records_view;

/// A pair as one viewer may name it. Only records_view makes these.
template <viewer_role V>
class pair_ref {
 public:
  [[nodiscard]] constexpr pair_id id() const noexcept { return id_; }
  friend constexpr bool operator==(pair_ref, pair_ref) = default;

 private:
  template <viewer_role, AccessPolicy>
  friend class records_view;
  constexpr pair_ref(pair_id id, std::uint32_t viewer) noexcept : id_(id), viewer_(viewer) {}
  pair_id id_;
  std::uint32_t viewer_;
};

/// The records as viewer `V` may see them under policy `P`. Holds references to the
/// records and the school, which must outlive the view.
template <viewer_role V, AccessPolicy P = default_access_policy>
class records_view {
  static_assert(V != viewer_role::researcher,
                "researchers see the pseudonymised export only (privacy/research_export.hpp)");
  static_assert(
      respects_reach<P>(),
      "the access policy gives a role more than its reach (a buddy their own pairs, a coach their "
      "groups, a mentor their classes, care staff their cases) or someone the special categories");

  template <data_kind K>
  static constexpr bool may_see = P::scope(V, K) != access_scope::none;

 public:
  using ref = pair_ref<V>;
  static constexpr viewer_role viewer = V;

  records_view(const programme_records& records, const school& s, viewer_id<V> who) noexcept
      : records_(&records), school_(&s), who_(who) {}

  [[nodiscard]] viewer_id<V> who() const noexcept { return who_; }

  /// The pairs this viewer may see, in record order.
  [[nodiscard]] std::vector<ref> pairs() const
    requires may_see<data_kind::pairs>
  {
    std::vector<ref> found;
    for (const auto& p : records_->pairs)
      if (visible(p)) found.push_back(ref(p.id, who_.value()));
    return found;
  }

  /// The pair behind a handle; nullptr for a handle made for another viewer.
  [[nodiscard]] const support_pair* pair(ref r) const
    requires may_see<data_kind::pairs>
  {
    return resolve(r);
  }

  /// The contact log of one pair.
  [[nodiscard]] std::vector<contact_record> contacts(ref r) const
    requires may_see<data_kind::contact_records>
  {
    std::vector<contact_record> found;
    if (resolve(r))
      for (const auto& c : records_->contacts)
        if (c.pair == r.id()) found.push_back(c);
    return found;
  }

  /// Planned against actual contact of one pair.
  [[nodiscard]] contact_figures figures(ref r, date from, date to,
                                        const school_breaks& breaks = {}) const
    requires may_see<data_kind::contact_figures>
  {
    const auto* p = resolve(r);
    return p ? pair_figures(*records_, *p, from, to, breaks) : contact_figures{};
  }

  /// Planned against actual contact of every pair this viewer may see.
  [[nodiscard]] contact_figures figures(date from, date to, const school_breaks& breaks = {}) const
    requires may_see<data_kind::contact_figures>
  {
    contact_figures f;
    for (const auto& p : records_->pairs)
      if (visible(p)) f += pair_figures(*records_, p, from, to, breaks);
    return f;
  }

  /// Intervision sessions; a supporter sees the sessions of their own groups with only
  /// their own presence, never who else came.
  [[nodiscard]] std::vector<intervision_session> attendance() const
    requires may_see<data_kind::intervision_attendance>
  {
    std::vector<intervision_session> found;
    for (const auto& s : records_->sessions) {
      const auto* g = records_->find_group(s.group);
      if (!g) continue;
      if constexpr (V == viewer_role::supporter) {
        if (!g->has_member(who_)) continue;
        auto own = s;
        own.present.clear();
        if (s.was_present(who_)) own.present.push_back(who_);
        found.push_back(std::move(own));
      } else if constexpr (V == viewer_role::teacher_coach) {
        if (g->coach == who_) found.push_back(s);
      } else if constexpr (V == viewer_role::coordinator) {
        found.push_back(s);
      }
      // Mentors and care staff lead no groups; a session's attendance is about supporters
      // of many classes and cases, so their reach gives them none.
    }
    return found;
  }

  /// The escalation trails this viewer may see (tier, route, who was told when).
  [[nodiscard]] std::vector<escalation> escalations() const
    requires may_see<data_kind::escalation_trail>
  {
    std::vector<escalation> found;
    for (const auto& e : records_->escalations) {
      const bool seen = [&] {
        if constexpr (V == viewer_role::care_staff) {
          return e.was_informed(who_);
        } else {
          const auto* p = records_->find_pair(e.pair);
          return p && visible(*p);
        }
      }();
      if (seen) found.push_back(e);
    }
    return found;
  }

  /// Individual questionnaire answers this viewer may see.
  [[nodiscard]] std::vector<evaluation_response> answers() const
    requires may_see<data_kind::evaluation_answers>
  {
    std::vector<evaluation_response> found;
    for (const auto& r : records_->responses) {
      bool seen = false;
      if constexpr (V == viewer_role::coordinator) {
        seen = true;
      } else if constexpr (V == viewer_role::supporter) {
        seen = r.student() == who_;
      } else {
        const auto* p = r.pair ? records_->find_pair(*r.pair) : nullptr;
        seen = p && visible(*p);
      }
      if (seen) found.push_back(r);
    }
    return found;
  }

 private:
  const support_pair* resolve(ref r) const {
    if (r.viewer_ != who_.value()) return nullptr;
    const auto* p = records_->find_pair(r.id());
    return p && visible(*p) ? p : nullptr;
  }

  bool visible(const support_pair& p) const {
    if constexpr (V == viewer_role::supporter) {
      return std::find(p.supporters.begin(), p.supporters.end(), who_) != p.supporters.end();
    } else if constexpr (V == viewer_role::teacher_coach) {
      return std::any_of(
          records_->groups.begin(), records_->groups.end(), [&](const intervision_roster& g) {
            return g.coach == who_ && std::any_of(p.supporters.begin(), p.supporters.end(),
                                                  [&](student_id s) { return g.has_member(s); });
          });
    } else if constexpr (V == viewer_role::class_mentor) {
      auto mentored = [&](class_id c) {
        const auto* cls = school_->find(c);
        return cls && cls->mentor == who_;
      };
      if (p.class_served && mentored(*p.class_served)) return true;
      return std::any_of(p.supportees.begin(), p.supportees.end(), [&](student_id s) {
        const auto* st = school_->find(s);
        return st && mentored(st->class_of);
      });
    } else if constexpr (V == viewer_role::care_staff) {
      return std::any_of(
          records_->escalations.begin(), records_->escalations.end(),
          [&](const escalation& e) { return e.pair == p.id && e.was_informed(who_); });
    } else {
      return true;
    }
  }

  const programme_records* records_;
  const school* school_;
  viewer_id<V> who_;
};

using buddy_view = records_view<viewer_role::supporter>;
using coach_view = records_view<viewer_role::teacher_coach>;
using mentor_view = records_view<viewer_role::class_mentor>;
using care_view = records_view<viewer_role::care_staff>;
using coordinator_view = records_view<viewer_role::coordinator>;

}  // namespace peerkit
