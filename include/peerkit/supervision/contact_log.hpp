#pragma once
// The contact log of a pair: when the two met, for how long, where, which topics from a
// fixed list, and whether the supporter needs an adult to step in. Structured data only.
// Supporters are minors writing about minors, and free text is where health, family and
// religion leak in, so a record has no field that can hold text; a serious matter goes
// by word of mouth to an adult and is recorded as an escalation (escalation.hpp).

#include <array>
#include <bit>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <type_traits>

#include <peerkit/core/enum_keys.hpp>
#include <peerkit/core/error.hpp>
#include <peerkit/core/safe_text.hpp>
#include <peerkit/core/strong_id.hpp>
#include <peerkit/core/student.hpp>

namespace peerkit {

/// Where a contact took place.
enum class contact_kind { at_school, outside_school, online };
template <>
struct enum_keys<contact_kind> {
  static constexpr std::array<std::string_view, 3> keys{"at_school", "outside_school", "online"};
};

/// What a contact was about, from the goals and activities the sources name for each
/// role. There is deliberately no topic for health, family, religion or love life: such
/// a matter is not logged, it goes to an adult (the needs_adult flag and an escalation).
enum class contact_topic {
  getting_to_know,      ///< kennismaking, first meetings
  finding_the_way,      ///< subjects, teachers, timetable, school systems (wegwijs maken)
  homework_planning,    ///< planning, discipline in homework, preparing for tests
  lesson_content,       ///< explaining subject matter again
  making_contacts,      ///< social contacts and friendships with peers
  confidence,           ///< self-confidence, standing up for yourself, resilience
  bullying,             ///< being bullied or left out, also online
  conflict,             ///< quarrels with peers or teachers
  dutch_language,       ///< practising Dutch (newcomers)
  customs_and_culture,  ///< customs in the new country, cultural differences
  joint_activity,       ///< doing something together: sport, an outing, a project week
  class_activity,       ///< peer leaders: a mentor lesson, theme lesson or class trip
  study_choice,         ///< choices of subjects and further education
};
template <>
struct enum_keys<contact_topic> {
  static constexpr std::array<std::string_view, 13> keys{
      "getting_to_know", "finding_the_way",     "homework_planning", "lesson_content",
      "making_contacts", "confidence",          "bullying",          "conflict",
      "dutch_language",  "customs_and_culture", "joint_activity",    "class_activity",
      "study_choice"};
};
inline constexpr std::size_t contact_topic_count = enum_keys<contact_topic>::keys.size();

/// A set of contact topics, one bit each: two bytes, trivially copyable.
struct topic_set {
  std::uint16_t bits = 0;

  constexpr topic_set() noexcept = default;
  constexpr topic_set(std::initializer_list<contact_topic> topics) noexcept {
    for (auto t : topics) bits = static_cast<std::uint16_t>(bits | bit(t));
  }
  [[nodiscard]] constexpr bool contains(contact_topic t) const noexcept {
    return (bits & bit(t)) != 0;
  }
  [[nodiscard]] constexpr topic_set with(contact_topic t) const noexcept {
    topic_set s = *this;
    s.bits = static_cast<std::uint16_t>(s.bits | bit(t));
    return s;
  }
  [[nodiscard]] constexpr bool empty() const noexcept { return bits == 0; }
  [[nodiscard]] constexpr int size() const noexcept { return std::popcount(bits); }
  /// True when every topic here is also in `other`.
  [[nodiscard]] constexpr bool subset_of(topic_set other) const noexcept {
    return (bits & ~other.bits) == 0;
  }
  /// True when no bit outside the known topics is set.
  [[nodiscard]] constexpr bool valid() const noexcept { return (bits >> contact_topic_count) == 0; }
  friend constexpr bool operator==(topic_set, topic_set) = default;

 private:
  static constexpr std::uint16_t bit(contact_topic t) noexcept {
    return static_cast<std::uint16_t>(1u << static_cast<unsigned>(t));
  }
};

/// The longest contact a record may claim: a whole school day.
inline constexpr int max_contact_minutes = 480;

/// One contact of a pair, as the supporter logs it.
struct contact_record {
  pair_id pair;
  date on;
  int minutes = 0;
  contact_kind kind = contact_kind::at_school;
  topic_set topics;
  /// The supporter wants an adult to step in. What it is about is told to the adult, not logged.
  bool needs_adult = false;
  friend bool operator==(const contact_record&, const contact_record&) = default;
};
static_assert(std::is_trivially_copyable_v<contact_record>,
              "a contact record holds no text: free text is where health and family details leak");

/// How often a pair is meant to meet: `meetings` times every `every_weeks` weeks, about
/// `minutes` each. The default is Hoofdvaart's agreement (source 001): at least one hour
/// a week.
struct contact_plan {
  int meetings = 1;
  int every_weeks = 1;
  int minutes = 60;

  [[nodiscard]] constexpr bool valid() const noexcept {
    return meetings >= 1 && every_weeks >= 1 && minutes >= 1 && minutes <= max_contact_minutes;
  }
  /// The planned gap between two meetings in days, rounded up.
  [[nodiscard]] constexpr int interval_days() const noexcept {
    return (7 * every_weeks + meetings - 1) / meetings;
  }
  /// Meetings planned in `days` days of school time, rounded down.
  [[nodiscard]] constexpr int meetings_in(int days) const noexcept {
    return days <= 0 ? 0 : days * meetings / (7 * every_weeks);
  }
  friend constexpr bool operator==(const contact_plan&, const contact_plan&) = default;
};

/// The plan agreed for one pair; a pair without one follows contact_plan{}.
struct pair_plan {
  pair_id pair;
  contact_plan plan;
  friend bool operator==(const pair_plan&, const pair_plan&) = default;
};

/// Checks the fields of one record; problems are added under `where` (e.g. "contacts[4]").
inline void check_contact(const contact_record& r, const std::string& where,
                          problem_list& problems) {
  if (r.on.is_special())
    problems.add("data.missing", where + ".on", "a contact needs the date it took place");
  if (r.minutes < 1 || r.minutes > max_contact_minutes)
    problems.add(
        "data.out_of_range", where + ".minutes",
        (safe_text{} << "expected 1.." << max_contact_minutes << " minutes, found " << r.minutes)
            .str());
  if (!r.topics.valid())
    problems.add("data.out_of_range", where + ".topics",
                 (safe_text{} << "unknown topic bits in " << r.topics.bits).str());
}

}  // namespace peerkit
