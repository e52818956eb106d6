#pragma once
// Interim and final evaluation (source 001: "all involved are asked, midway and at the
// end of the period, what goes well and what can improve"), and the exit evaluation of
// each side of a pair that ends. Questionnaires are defined per stakeholder from the
// outcome themes the sources report (000 part I; 002, 003); every answer is a number on
// a fixed scale. There are no open questions: students' free text is where special-
// category data leaks in.

#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include <peerkit/core/enum_keys.hpp>
#include <peerkit/core/error.hpp>
#include <peerkit/core/safe_text.hpp>
#include <peerkit/core/strong_id.hpp>
#include <peerkit/core/student.hpp>

namespace peerkit {

/// Who is asked.
enum class stakeholder { supportee, supporter, teacher_or_mentor, school };
template <>
struct enum_keys<stakeholder> {
  static constexpr std::array<std::string_view, 4> keys{"supportee", "supporter",
                                                        "teacher_or_mentor", "school"};
};
inline constexpr std::array<stakeholder, 4> all_stakeholders{
    stakeholder::supportee, stakeholder::supporter, stakeholder::teacher_or_mentor,
    stakeholder::school};

/// When.
enum class evaluation_moment { interim, final, exit };
template <>
struct enum_keys<evaluation_moment> {
  static constexpr std::array<std::string_view, 3> keys{"interim", "final", "exit"};
};

/// The outcome themes of the sources, and the process themes of "what goes well".
enum class outcome_theme {
  // supportees (000: leaders and buddies; newcomers)
  self_confidence,
  social_contacts,
  feeling_safe,
  less_bullying,
  lower_threshold,  ///< easier to ask a peer than a teacher
  finding_the_way,
  learning_goal,  ///< the buddy's set goal: discipline, resilience, planning
  homework_help,
  dutch_friendships,
  customs_insight,
  // supporters
  teaching_experience,
  social_skills,
  responsibility,
  self_insight,
  deeper_knowledge,
  intercultural_knowledge,
  career_orientation,
  // teachers and mentors
  lighter_tasks,
  extra_point_of_contact,
  supporter_effort,
  mentor_involvement,
  // the school as a whole
  school_atmosphere,
  social_cohesion,
  visible_value,
  // process: what goes well, what can improve
  contact_as_planned,
  intervision_helps,
  coach_reachable,
  programme_should_continue,
};
template <>
struct enum_keys<outcome_theme> {
  static constexpr std::array<std::string_view, 28> keys{
      "self_confidence",        "social_contacts",
      "feeling_safe",           "less_bullying",
      "lower_threshold",        "finding_the_way",
      "learning_goal",          "homework_help",
      "dutch_friendships",      "customs_insight",
      "teaching_experience",    "social_skills",
      "responsibility",         "self_insight",
      "deeper_knowledge",       "intercultural_knowledge",
      "career_orientation",     "lighter_tasks",
      "extra_point_of_contact", "supporter_effort",
      "mentor_involvement",     "school_atmosphere",
      "social_cohesion",        "visible_value",
      "contact_as_planned",     "intervision_helps",
      "coach_reachable",        "programme_should_continue"};
};
inline constexpr std::size_t outcome_theme_count = enum_keys<outcome_theme>::keys.size();

/// How a question is answered.
enum class answer_scale {
  agree_5,  ///< 1 strongly disagree .. 5 strongly agree
  yes_no,   ///< 0 no, 1 yes
};
template <>
struct enum_keys<answer_scale> {
  static constexpr std::array<std::string_view, 2> keys{"agree_5", "yes_no"};
};
[[nodiscard]] constexpr int scale_min(answer_scale s) noexcept {
  return s == answer_scale::agree_5 ? 1 : 0;
}
[[nodiscard]] constexpr int scale_max(answer_scale s) noexcept {
  return s == answer_scale::agree_5 ? 5 : 1;
}

/// The stable key of a question ("supportee.self_confidence"), the programme's own
/// vocabulary: the one kind of text a research export carries.
struct question_key {
  std::string_view text;
  friend constexpr bool operator==(question_key, question_key) = default;
};

struct question {
  question_key key;
  outcome_theme theme = outcome_theme::self_confidence;
  answer_scale scale = answer_scale::agree_5;
  std::string_view statement;  ///< as put to the respondent
  friend constexpr bool operator==(const question&, const question&) = default;
};

/// A questionnaire: one stakeholder, all moments (interim, final and exit ask the same,
/// so answers compare over time). A school's own questionnaire keeps its strings alive
/// as long as the questionnaire is used.
struct questionnaire {
  stakeholder who = stakeholder::supportee;
  std::span<const question> questions;

  [[nodiscard]] std::optional<std::size_t> index_of(question_key k) const noexcept {
    for (std::size_t i = 0; i < questions.size(); ++i)
      if (questions[i].key == k) return i;
    return std::nullopt;
  }
};

namespace detail {
using th = outcome_theme;
inline constexpr auto agree = answer_scale::agree_5;
inline constexpr std::array<question, 13> supportee_questions{{
    {{"supportee.self_confidence"}, th::self_confidence, agree, "I feel more confident at school."},
    {{"supportee.social_contacts"},
     th::social_contacts,
     agree,
     "I have more contact with classmates."},
    {{"supportee.feeling_safe"}, th::feeling_safe, agree, "I feel safer at school."},
    {{"supportee.less_bullying"}, th::less_bullying, agree, "There is less bullying around me."},
    {{"supportee.lower_threshold"},
     th::lower_threshold,
     agree,
     "I find it easier to ask my supporter than a teacher."},
    {{"supportee.finding_the_way"},
     th::finding_the_way,
     agree,
     "I know my way around school better."},
    {{"supportee.learning_goal"}, th::learning_goal, agree, "My supporter helped me with my goal."},
    {{"supportee.homework_help"},
     th::homework_help,
     agree,
     "My supporter helped me with homework or lessons."},
    {{"supportee.dutch_friendships"},
     th::dutch_friendships,
     agree,
     "I made friends with Dutch students."},
    {{"supportee.customs_insight"},
     th::customs_insight,
     agree,
     "I understand the customs here better."},
    {{"supportee.contact_as_planned"}, th::contact_as_planned, agree, "We met as often as agreed."},
    {{"supportee.recommend"},
     th::programme_should_continue,
     agree,
     "Peer support should stay at our school."},
    {{"supportee.would_again"},
     th::programme_should_continue,
     answer_scale::yes_no,
     "I would want a supporter again."},
}};
inline constexpr std::array<question, 12> supporter_questions{{
    {{"supporter.teaching_experience"},
     th::teaching_experience,
     agree,
     "I gained experience in teaching or guiding."},
    {{"supporter.social_skills"},
     th::social_skills,
     agree,
     "My social and communication skills improved."},
    {{"supporter.self_confidence"}, th::self_confidence, agree, "I feel more confident."},
    {{"supporter.responsibility"},
     th::responsibility,
     agree,
     "I feel responsible for the students I support."},
    {{"supporter.self_insight"}, th::self_insight, agree, "I learned about myself."},
    {{"supporter.deeper_knowledge"},
     th::deeper_knowledge,
     agree,
     "Explaining things deepened my own knowledge."},
    {{"supporter.intercultural_knowledge"},
     th::intercultural_knowledge,
     agree,
     "I learned about other cultures and ways of communicating."},
    {{"supporter.career_orientation"},
     th::career_orientation,
     agree,
     "It helped me think about a future job."},
    {{"supporter.contact_as_planned"}, th::contact_as_planned, agree, "We met as often as agreed."},
    {{"supporter.intervision_helps"},
     th::intervision_helps,
     agree,
     "Intervision helps me with difficult situations."},
    {{"supporter.coach_reachable"},
     th::coach_reachable,
     agree,
     "I can reach my teacher coach when I need to."},
    {{"supporter.recommend"},
     th::programme_should_continue,
     agree,
     "Peer support should stay at our school."},
}};
inline constexpr std::array<question, 6> teacher_questions{{
    {{"teacher.lighter_tasks"}, th::lighter_tasks, agree, "The supporters lighten my tasks."},
    {{"teacher.extra_point_of_contact"},
     th::extra_point_of_contact,
     agree,
     "The supporters are an extra point of contact for my students."},
    {{"teacher.supporter_effort"},
     th::supporter_effort,
     agree,
     "The supporters in my class put in effort."},
    {{"teacher.mentor_involvement"},
     th::mentor_involvement,
     agree,
     "I involve the supporters in my class."},
    {{"teacher.coach_reachable"},
     th::coach_reachable,
     agree,
     "The teacher coach keeps me informed."},
    {{"teacher.recommend"},
     th::programme_should_continue,
     agree,
     "Peer support should stay at our school."},
}};
inline constexpr std::array<question, 5> school_questions{{
    {{"school.atmosphere"},
     th::school_atmosphere,
     agree,
     "Peer support improves the atmosphere at school."},
    {{"school.social_cohesion"},
     th::social_cohesion,
     agree,
     "Peer support strengthens social cohesion."},
    {{"school.less_bullying"},
     th::less_bullying,
     agree,
     "There is less bullying thanks to peer support."},
    {{"school.visible_value"},
     th::visible_value,
     agree,
     "The value of peer support is visible beyond those involved."},
    {{"school.recommend"},
     th::programme_should_continue,
     agree,
     "Peer support keeps its place at our school."},
}};
}  // namespace detail

/// The shipped questionnaire of a stakeholder.
[[nodiscard]] constexpr questionnaire default_questionnaire(stakeholder who) noexcept {
  switch (who) {
    case stakeholder::supportee: return {who, detail::supportee_questions};
    case stakeholder::supporter: return {who, detail::supporter_questions};
    case stakeholder::teacher_or_mentor: return {who, detail::teacher_questions};
    case stakeholder::school: return {who, detail::school_questions};
  }
  return {who, {}};
}

/// One answer: the question's position in its questionnaire and the value on its scale.
struct answer {
  std::uint16_t question = 0;
  std::int8_t value = 0;
  friend constexpr bool operator==(answer, answer) = default;
};

/// A student answers as supporter or supportee; staff as teacher, mentor or for the school.
using respondent = std::variant<student_id, staff_id>;

/// One filled-in questionnaire.
struct evaluation_response {
  stakeholder who = stakeholder::supportee;
  evaluation_moment when = evaluation_moment::interim;
  respondent by;
  std::optional<pair_id> pair;  ///< the pair it is about, for students and exit evaluations
  date on;
  std::vector<answer> answers;

  [[nodiscard]] std::optional<student_id> student() const noexcept {
    if (const auto* s = std::get_if<student_id>(&by)) return *s;
    return std::nullopt;
  }
  friend bool operator==(const evaluation_response&, const evaluation_response&) = default;
};

/// Checks a response against its questionnaire; problems go under `where`.
void check_response(const evaluation_response& r, const questionnaire& q, const std::string& where,
                    problem_list& problems);

}  // namespace peerkit

#ifndef PEERKIT_COMPILED
#include <peerkit/supervision/evaluation-inl.hpp>
#endif
