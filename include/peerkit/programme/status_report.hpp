#pragma once
// Where the programme stands on a day (status.hpp) as a page the coordinator reads: the
// pairs running, who is still in training and what is missing, what is overdue, the
// escalations still open, who may get a new supporter, and the readiness summary.
// Markdown, like the coordinator's report (report.hpp). Students appear by name as the
// school has them, never with a special-category value; an escalation appears by its
// ids, tier and dates only, since what it is about is never recorded in peerkit. In English
// or Dutch, with the words of report_phrases (report.hpp).

#include <algorithm>
#include <iterator>
#include <optional>
#include <string>
#include <vector>

#include <peerkit/programme/programme.hpp>
#include <peerkit/programme/report.hpp>
#include <peerkit/programme/status.hpp>

namespace peerkit {

namespace detail {
inline std::string student_name(const school& sch, student_id id, const report_phrases& w) {
  const auto* s = sch.find(id);
  return s ? s->name : fill(w.student, {std::to_string(id.value())});
}

/// "A", "A and B", "A, B and C".
inline std::string names_of(const school& sch, const std::vector<student_id>& ids,
                            const report_phrases& w) {
  std::string out;
  for (std::size_t i = 0; i < ids.size(); ++i)
    out += std::string(i == 0                ? ""
                       : i + 1 == ids.size() ? w.and_
                                             : ", ") +
           student_name(sch, ids[i], w);
  return out;
}

/// The key of `value` in the words of `words`; its key where `words` has none.
template <class Enum, std::size_t N>
std::string key_words(Enum value, const std::array<std::string_view, N>& words) {
  const auto word = words[static_cast<std::size_t>(value)];
  return word.empty() ? std::string(key_of(value)) : std::string(word);
}

inline std::string status_line(const support_pair& p, const school& sch, const report_phrases& w) {
  std::string text = names_of(sch, p.supporters, w);
  const bool one = p.supporters.size() == 1;
  if (p.class_served) {
    const auto* c = sch.find(*p.class_served);
    text += std::string(one ? w.serves_class : w.serve_class) +
            (c ? c->name : std::to_string(p.class_served->value()));
  } else {
    text += std::string(one ? w.supports : w.support) + names_of(sch, p.supportees, w);
  }
  return text + fill(w.since, {to_iso_extended_string(p.started), std::to_string(p.id.value())});
}

/// What the training still lacks: "240 minutes and 1 session to go".
inline std::string still_missing(const training_status& t, const report_phrases& w) {
  const int minutes = t.required.total_minutes() - t.minutes_attended;
  const int sessions = std::max(0, t.required.sessions - t.sessions_attended);
  return fill(w.minutes_to_go,
              {std::to_string(minutes),
               sessions == 0 ? std::string()
                             : fill(w.sessions_also, {counted(static_cast<std::size_t>(sessions),
                                                              w.session, w.sessions)})});
}

/// An open escalation with its next deadline; without one still pending, the first
/// deadline it missed (the overdue alerts say which), or that only its closing is left.
inline std::string status_line(const open_escalation& e, const report_phrases& w) {
  std::optional<date> missed;
  const auto consider = [&](deadline_status s, date due) {
    if (s == deadline_status::overdue && (!missed || due < *missed)) missed = due;
  };
  for (std::size_t i = 0; i < static_cast<std::size_t>(e.route.step_count); ++i)
    consider(e.route.steps[i], e.route.step_due[i]);
  consider(e.route.response, e.route.response_due);
  const std::string stands = e.next_deadline
                                 ? fill(w.next_deadline, {to_iso_extended_string(*e.next_deadline)})
                             : missed ? fill(w.deadline_missed, {to_iso_extended_string(*missed)})
                                      : std::string(w.waiting_to_close);
  return fill(w.escalation,
              {std::to_string(e.id.value()), key_words(e.tier, w.severities),
               std::to_string(e.pair.value()), to_iso_extended_string(e.raised_on), stands});
}

inline std::string status_line(const rematch_option& r, const report_phrases& w) {
  const auto& d = r.decision;
  if (!d.earliest.is_special())
    return fill(w.new_supporter_from, {to_iso_extended_string(d.earliest)});
  return fill(w.no_rematch, {key_words(d.verdict, w.verdicts)});
}

/// The words of an alert: its rule and message as supervision gives them in English, else
/// made in the words of `w` from the alert's rule and ids.
inline std::string alert_words(const alert& a, const report_phrases& w) {
  const auto rule = static_cast<std::size_t>(a.rule);
  if (w.alert_messages[rule].empty())
    return fill(w.due, {in_words(key_of(a.rule)), to_iso_extended_string(a.due), a.message});
  const auto number = [](const auto& id) { return id ? std::to_string(id->value()) : "?"; };
  return fill(w.due,
              {w.alert_rules[rule], to_iso_extended_string(a.due),
               fill(w.alert_messages[rule], {number(a.pair), number(a.student), number(a.group),
                                             number(a.escalation), number(a.staff)})});
}

/// Each item of `lines`, or a line saying there is none.
inline std::string list_or(const std::vector<std::string>& lines, std::string_view none) {
  if (lines.empty()) return std::string(none) + "\n";
  std::string out;
  for (const auto& l : lines) out += "- " + l + "\n";
  return out;
}
}  // namespace detail

/// The status as a Markdown page: active pairs per role (in the programme's role order,
/// by pair id), supporters still in training, overdue alerts, open escalations and
/// rematch options (in the order of the record), then the readiness summary. In English
/// unless told otherwise. In Dutch an alert's message is made from its rule and ids, so
/// the counts and dates the English message gives besides its deadline are not in it.
template <class... Policies>
[[nodiscard]] std::string status_report(const basic_programme<Policies...>& prog,
                                        const programme_status& status,
                                        report_language language = report_language::english) {
  using detail::list_or;
  using detail::status_line;
  const auto& w = report_words(language);
  const school& sch = prog.school_data();
  const auto roles = prog.role_entries();
  const auto role_name = [&](supporter_role kind) {
    const auto it = std::find_if(roles.begin(), roles.end(),
                                 [&](const role_entry& e) { return e.kind == kind; });
    return it == roles.end() ? detail::role_words(kind, w) : it->name;
  };
  std::string text = fill(
      w.status_title, {prog.data().year.to_string(), sch.name, to_iso_extended_string(status.on)});

  text += fill(w.active_pairs, {std::to_string(status.active_pairs.size())});
  for (const auto& e : roles) {
    std::vector<support_pair> pairs;
    std::copy_if(status.active_pairs.begin(), status.active_pairs.end(), std::back_inserter(pairs),
                 [&](const support_pair& p) { return p.role == e.kind; });
    std::sort(pairs.begin(), pairs.end(),
              [](const support_pair& a, const support_pair& b) { return a.id < b.id; });
    std::vector<std::string> lines;
    for (const auto& p : pairs) lines.push_back(status_line(p, sch, w));
    text += "\n### " + e.name + "\n\n" + list_or(lines, w.no_active_pairs);
  }

  std::vector<std::string> lines;
  for (const auto& t : status.in_training)
    lines.push_back(detail::student_name(sch, t.supporter, w) + " (" + role_name(t.role) +
                    "): " + detail::training_words(t, w) + "; " + detail::still_missing(t, w));
  text += std::string(w.in_training) + list_or(lines, w.all_trained);

  lines.clear();
  for (const auto& a : status.overdue) lines.push_back(detail::alert_words(a, w));
  text += std::string(w.overdue) + list_or(lines, w.nothing_overdue);

  lines.clear();
  for (const auto& e : status.open_escalations) lines.push_back(status_line(e, w));
  text += std::string(w.open_escalations) + list_or(lines, w.no_escalation);

  lines.clear();
  for (const auto& r : status.rematches)
    lines.push_back(fill(w.rematch_entry, {detail::student_name(sch, r.supportee, w),
                                           std::to_string(r.ended.value()), status_line(r, w)}));
  text += std::string(w.rematches) + list_or(lines, w.no_rematch_waiting);

  // The readiness report's heading and summary; its item lists are in the full report.
  const auto readiness = detail::nested(to_markdown(status.readiness, language));
  return text + "\n" + readiness.substr(0, readiness.find("\n### "));
}

}  // namespace peerkit
