#pragma once
// Definitions of evaluation.hpp: inline here in header-only mode, compiled once into
// peerkit::compiled when PEERKIT_COMPILED is defined (see config.hpp).

#include <peerkit/config.hpp>
#include <peerkit/supervision/evaluation.hpp>

namespace peerkit {

PEERKIT_INLINE void check_response(const evaluation_response& r, const questionnaire& q,
                                   const std::string& where, problem_list& problems) {
  if (r.who != q.who)
    problems.add(
        "evaluation.wrong_questionnaire", where + ".who",
        (safe_text{} << "the questionnaire is for " << q.who << ", the response from " << r.who)
            .str());
  const bool student_side = r.who == stakeholder::supportee || r.who == stakeholder::supporter;
  if (student_side != std::holds_alternative<student_id>(r.by))
    problems.add("evaluation.wrong_respondent", where + ".by",
                 student_side
                     ? (safe_text{} << "a " << r.who << " answers as a student").str()
                     : (safe_text{} << "a " << r.who << " answers as a member of staff").str());
  if (r.on.is_special())
    problems.add("data.missing", where + ".on", "a response needs the date it was given");
  std::vector<bool> seen(q.questions.size(), false);
  for (std::size_t i = 0; i < r.answers.size(); ++i) {
    const auto& a = r.answers[i];
    const auto at = element_location("answers", i);
    if (a.question >= q.questions.size()) {
      problems.add(
          "data.unknown_reference", where + "." + at,
          (safe_text{} << "question " << a.question << " of " << q.questions.size()).str());
      continue;
    }
    const auto& question = q.questions[a.question];
    if (a.value < scale_min(question.scale) || a.value > scale_max(question.scale))
      problems.add("data.out_of_range", where + "." + at,
                   (safe_text{} << "expected " << scale_min(question.scale) << ".."
                                << scale_max(question.scale) << " on " << question.scale
                                << ", found " << static_cast<int>(a.value))
                       .str());
    if (seen[a.question])
      problems.add("evaluation.duplicate_answer", where + "." + at,
                   (safe_text{} << "question " << a.question << " is answered twice").str());
    seen[a.question] = true;
  }
}

}  // namespace peerkit
