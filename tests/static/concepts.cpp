// Every public concept of peerkit, checked both ways at compile time: a type that models
// it and one that does not. (Each area's own tests check its concepts in more detail.)
#include <catch2/catch.hpp>

#include <peerkit/peerkit.hpp>

using namespace peerkit;

namespace {
struct unrelated {};
struct half_policy {
  using policy_family = schedule_family;  // of a family, but gives no options()
};
}  // namespace

// core
static_assert(KeyedEnum<supporter_role> && KeyedEnum<school_track> && KeyedEnum<need>);
static_assert(!KeyedEnum<int> && !KeyedEnum<std::byte>);
static_assert(Role<peer_buddy> && !Role<unrelated>);
static_assert(StaffRole<teacher_coach> && !StaffRole<peer_buddy>);

// programme policies
static_assert(Policy<runtime_roles> && !Policy<unrelated>);
static_assert(PolicyOf<runtime_schedule, schedule_family> &&
              !PolicyOf<runtime_schedule, roles_family>);
static_assert(RolesPolicy<role_set<peer_leader>> && !RolesPolicy<runtime_schedule>);
static_assert(SelectionPolicy<selection_rules<>> && SelectionPolicy<runtime_selection> &&
              !SelectionPolicy<unrelated>);
static_assert(MatchingPolicy<default_matching> && MatchingPolicy<runtime_matching> &&
              !MatchingPolicy<runtime_roles>);
static_assert(SchedulePolicy<default_schedule> && !SchedulePolicy<half_policy>);
static_assert(ChecklistPolicy<static_checklist<five_step_plan>> &&
              ChecklistPolicy<runtime_checklist> && !ChecklistPolicy<half_policy>);

// selection
static_assert(Trait<empathy> && !Trait<unrelated>);
static_assert(CriteriaProfile<buddy_profile> && !CriteriaProfile<empathy>);
static_assert(ProfilePart<required<empathy, 3>> && ProfilePart<max_fail_marks<2>> &&
              ProfilePart<buddy_profile>);
static_assert(!ProfilePart<empathy> && !ProfilePart<unrelated>);
static_assert(RecommendationPolicy<needs_table> && !RecommendationPolicy<unrelated>);

// checklist
static_assert(Checklist<seven_step_plan> && Checklist<five_step_plan> && !Checklist<unrelated>);
static_assert(ChecklistItem<plan_items::inform_everyone> && !ChecklistItem<unrelated>);

// privacy
static_assert(AccessPolicy<default_access_policy> && !AccessPolicy<unrelated>);
static_assert(ExportSafe<int> && ExportSafe<pseudonym> && !ExportSafe<std::string> &&
              !ExportSafe<student_id>);
static_assert(!ExportSafe<needs_data>);
static_assert(LogSafe<student_id> && LogSafe<supporter_role> && !LogSafe<std::string> &&
              !LogSafe<origin_data>);

TEST_CASE("static: every public concept is checked both ways at compile time") { SUCCEED(); }
