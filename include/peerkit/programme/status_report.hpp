#pragma once
// Where the programme stands on a day (status.hpp) as a page the coordinator reads: the
// pairs running, who is still in training and what is missing, what is overdue, the
// escalations still open, who may get a new supporter, and the readiness summary.
// Markdown, like the coordinator's report (report.hpp). Students appear by name as the
// school has them, never with a special-category value; an escalation appears by its
// ids, tier and dates only, since what it is about is never recorded in peerkit.

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
inline std::string student_name(const school& sch, student_id id) {
  const auto* s = sch.find(id);
  return s ? s->name : "student " + std::to_string(id.value());
}

/// "A", "A and B", "A, B and C".
inline std::string names_of(const school& sch, const std::vector<student_id>& ids) {
  std::string out;
  for (std::size_t i = 0; i < ids.size(); ++i)
    out += (i == 0 ? "" : i + 1 == ids.size() ? " and " : ", ") + student_name(sch, ids[i]);
  return out;
}

inline std::string status_line(const support_pair& p, const school& sch) {
  std::string text = names_of(sch, p.supporters);
  if (p.class_served) {
    const auto* c = sch.find(*p.class_served);
    text += (p.supporters.size() == 1 ? " serves class " : " serve class ") +
            (c ? c->name : std::to_string(p.class_served->value()));
  } else {
    text += (p.supporters.size() == 1 ? " supports " : " support ") + names_of(sch, p.supportees);
  }
  return text + " since " + to_iso_extended_string(p.started) + " (pair " +
         std::to_string(p.id.value()) + ")";
}

/// What the training still lacks: "240 minutes and 1 session to go".
inline std::string still_missing(const training_status& t) {
  const int minutes = t.required.total_minutes() - t.minutes_attended;
  const int sessions = std::max(0, t.required.sessions - t.sessions_attended);
  return std::to_string(minutes) + " minutes" +
         (sessions == 0
              ? std::string()
              : " and " + counted(static_cast<std::size_t>(sessions), "session", "sessions")) +
         " to go";
}

/// An open escalation with its next deadline; without one still pending, the first
/// deadline it missed (the overdue alerts say which), or that only its closing is left.
inline std::string status_line(const open_escalation& e) {
  std::optional<date> missed;
  const auto consider = [&](deadline_status s, date due) {
    if (s == deadline_status::overdue && (!missed || due < *missed)) missed = due;
  };
  for (std::size_t i = 0; i < static_cast<std::size_t>(e.route.step_count); ++i)
    consider(e.route.steps[i], e.route.step_due[i]);
  consider(e.route.response, e.route.response_due);
  const std::string stands = e.next_deadline
                                 ? "next deadline " + to_iso_extended_string(*e.next_deadline)
                             : missed ? "deadline missed on " + to_iso_extended_string(*missed)
                                      : "every step done, waiting to be closed";
  return "escalation " + std::to_string(e.id.value()) + " (" + std::string(key_of(e.tier)) +
         ") for pair " + std::to_string(e.pair.value()) + ", raised " +
         to_iso_extended_string(e.raised_on) + ": " + stands;
}

inline std::string status_line(const rematch_option& r) {
  const auto& d = r.decision;
  if (!d.earliest.is_special())
    return "may get a new supporter from " + to_iso_extended_string(d.earliest);
  return "no rematch: " + std::string(key_of(d.verdict));
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
/// rematch options (in the order of the record), then the readiness summary.
template <class... Policies>
[[nodiscard]] std::string status_report(const basic_programme<Policies...>& prog,
                                        const programme_status& status) {
  using detail::list_or;
  using detail::status_line;
  const school& sch = prog.school_data();
  const auto roles = prog.role_entries();
  const auto role_name = [&](supporter_role kind) {
    const auto it = std::find_if(roles.begin(), roles.end(),
                                 [&](const role_entry& e) { return e.kind == kind; });
    return it == roles.end() ? std::string(name_of(kind)) : it->name;
  };
  std::string text = "# Peer support " + prog.data().year.to_string() + " at " + sch.name + " on " +
                     to_iso_extended_string(status.on) + "\n";

  text += "\n## Active pairs (" + std::to_string(status.active_pairs.size()) + ")\n";
  for (const auto& e : roles) {
    std::vector<support_pair> pairs;
    std::copy_if(status.active_pairs.begin(), status.active_pairs.end(), std::back_inserter(pairs),
                 [&](const support_pair& p) { return p.role == e.kind; });
    std::sort(pairs.begin(), pairs.end(),
              [](const support_pair& a, const support_pair& b) { return a.id < b.id; });
    std::vector<std::string> lines;
    for (const auto& p : pairs) lines.push_back(status_line(p, sch));
    text += "\n### " + e.name + "\n\n" + list_or(lines, "No active pairs.");
  }

  std::vector<std::string> lines;
  for (const auto& t : status.in_training)
    lines.push_back(detail::student_name(sch, t.supporter) + " (" + role_name(t.role) +
                    "): " + t.text() + "; " + detail::still_missing(t));
  text += "\n## Still in training\n\n" + list_or(lines, "Every accepted supporter is trained.");

  lines.clear();
  for (const auto& a : status.overdue)
    lines.push_back(detail::in_words(key_of(a.rule)) + ", due " + to_iso_extended_string(a.due) +
                    ": " + a.message);
  text += "\n## Overdue\n\n" + list_or(lines, "Nothing is overdue.");

  lines.clear();
  for (const auto& e : status.open_escalations) lines.push_back(status_line(e));
  text += "\n## Open escalations\n\n" + list_or(lines, "No escalation is open.");

  lines.clear();
  for (const auto& r : status.rematches)
    lines.push_back(detail::student_name(sch, r.supportee) + " (pair " +
                    std::to_string(r.ended.value()) + " ended): " + status_line(r));
  text += "\n## Rematches\n\n" + list_or(lines, "No supportee is waiting for a new supporter.");

  // The readiness report's heading and summary; its item lists are in the full report.
  const auto readiness = detail::nested(to_markdown(status.readiness));
  return text + "\n" + readiness.substr(0, readiness.find("\n### "));
}

}  // namespace peerkit
