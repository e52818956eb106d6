#pragma once
// Definitions of year_record.hpp: inline here in header-only mode, compiled once into
// peerkit::compiled when PEERKIT_COMPILED is defined (see config.hpp).

#include <algorithm>

#include <peerkit/config.hpp>
#include <peerkit/core/safe_text.hpp>
#include <peerkit/programme/year_record.hpp>
#include <peerkit/supervision/evaluation.hpp>

namespace peerkit {

namespace detail {

template <class... F>
struct overloaded : F... {
  using F::operator()...;
};
template <class... F>
overloaded(F...) -> overloaded<F...>;

/// Runs `f`, a step that throws peerkit::error, and keeps its problems under `where`:
/// steps that locate their problems themselves (`where` already given) are kept as they
/// are, others are placed inside the entry ("events[3].escalations[id=2].raised_by").
template <class F>
void collect(problem_list& problems, const std::string& where, F&& f) {
  try {
    f();
  } catch (const error& e) {
    for (const auto& p : e.problems()) {
      const bool located = p.location.rfind(where, 0) == 0;
      problems.add(p.id, located ? p.location : where + "." + p.location, p.message);
    }
  }
}

/// Checks one entry against the state it is added to and applies it. Every check comes
/// before the one change at the end, so a refused entry leaves the state as it was.
class entry_applier {
 public:
  entry_applier(year_state& state, const record_context& context, const std::string& where)
      : s_(state), c_(context), where_(where) {}

  void operator()(const application_step& step) {
    check_day(step.on);
    const auto* found = s_.find_application(step.application);
    if (!found) {
      problems_.add("data.unknown_reference", where_ + ".application",
                    (safe_text{} << "no application has id " << step.application).str());
      return done();
    }
    if (const auto last = s_.last_step_on(step.application); last && step.on < *last)
      problems_.add("record.out_of_order", where_ + ".on",
                    (safe_text{} << "application " << step.application << " already has a step on "
                                 << *last << ", after " << step.on)
                        .str());
    if (step.to == application_state::applied) {
      if (found->state != application_state::applied || s_.last_step_on(step.application))
        problems_.add("record.out_of_order", where_ + ".to",
                      (safe_text{} << "application " << step.application
                                   << " is dated once, before its other steps")
                          .str());
    } else if (!can_move(found->state, step.to)) {
      problems_.add("selection.illegal_transition", where_ + ".to",
                    illegal_move_message(*found, step.to));
    }
    if (is_decision(step.to)) {
      if (!step.by)
        problems_.add("data.missing", where_ + ".by",
                      "a selection decision names the staff member who decided");
      else
        check_duty(*step.by, ".by", &staff_role_duties::may_select_supporters,
                   "may select supporters");
    } else if (step.by && !c_.the_school.find(*step.by)) {
      problems_.add("data.unknown_reference", where_ + ".by",
                    (safe_text{} << "no staff member has id " << *step.by).str());
    }
    check_student(found->applicant, step.on, ".application");
    if (!problems_.empty()) return done();
    auto& a = *std::find_if(s_.applications.begin(), s_.applications.end(),
                            [&](const application& x) { return x.id == step.application; });
    if (step.to != application_state::applied) a.move_to(step.to);
    s_.steps.push_back(step);
  }

  void operator()(const training_session& t) {
    check_day(t.held_on);
    const auto* role = find_role(t.role, ".role");
    if (t.minutes < 1 || t.minutes > max_contact_minutes)
      problems_.add("selection.invalid_session", where_ + ".minutes",
                    (safe_text{} << "expected 1.." << max_contact_minutes
                                 << " minutes in one session, found " << t.minutes)
                        .str());
    if (role && !has_open_application(t.supporter, t.role))
      problems_.add(
          "record.not_accepted", where_ + ".student",
          (safe_text{} << "student " << t.supporter << " has no open application for " << t.role)
              .str());
    check_student(t.supporter, t.held_on, ".student");
    if (problems_.empty()) s_.training.record(t);
    done();
  }

  void operator()(const pairing_started& p) {
    const auto& pair = p.pair;
    check_day(pair.started);
    if (s_.records.find_pair(pair.id))
      problems_.add("data.duplicate", where_ + ".pair",
                    (safe_text{} << "pair " << pair.id << " is already recorded").str());
    if (pair.ended || pair.ended_because)
      problems_.add("record.out_of_order", where_ + ".ended",
                    "a pair starts open; its end is recorded as a closure");
    const auto* role = find_role(pair.role, ".role");
    if (role) check_shape(pair, *role);
    for (std::size_t i = 0; i < pair.supporters.size(); ++i) {
      const auto at = element_location(where_ + ".supporters", i);
      check_student(pair.supporters[i], pair.started, at);
      if (role) check_ready(pair.supporters[i], *role, pair.started, at);
      check_free(pair.supporters[i], pair, true, at);
    }
    for (std::size_t i = 0; i < pair.supportees.size(); ++i) {
      const auto at = element_location(where_ + ".supportees", i);
      check_student(pair.supportees[i], pair.started, at);
      check_free(pair.supportees[i], pair, false, at);
      if (std::count(pair.supporters.begin(), pair.supporters.end(), pair.supportees[i]))
        problems_.add(
            "record.already_paired", at,
            (safe_text{} << "student " << pair.supportees[i] << " cannot support themselves")
                .str());
    }
    if (p.replaces) check_rematch(p);
    if (!problems_.empty()) return done();
    auto started = pair;
    s_.records.pairs.push_back(std::move(started));
    if (p.replaces) s_.rematches.push_back({*p.replaces, pair.id});
  }

  void operator()(const secrecy_notice& n) {
    check_day(n.told_on);
    record_into(s_.records.notices, [&] { record_notice(s_.records, n, where_); });
  }

  void operator()(const intervision_roster& g) {
    check_day(g.started);
    if (s_.records.find_group(g.id))
      problems_.add("data.duplicate", where_ + ".group",
                    (safe_text{} << "group " << g.id << " is already recorded").str());
    const auto* role = find_role(g.role, ".role");
    check_duty(g.coach, ".coach", &staff_role_duties::leads_intervision, "leads intervision");
    for (std::size_t i = 0; i < g.members.size(); ++i) {
      const auto at = element_location(where_ + ".members", i);
      check_student(g.members[i], g.started, at);
      if (role && !g.newcomers && !s_.accepted(g.members[i], g.role))
        problems_.add(
            "record.not_accepted", at,
            (safe_text{} << "student " << g.members[i] << " is not an accepted " << g.role).str());
    }
    if (problems_.empty()) s_.records.groups.push_back(g);
    done();
  }

  void operator()(const intervision_session& session) {
    check_day(session.held_on);
    if (const auto* g = s_.records.find_group(session.group);
        g && !session.held_on.is_special() && session.held_on < g->started)
      problems_.add("record.out_of_order", where_ + ".held_on",
                    (safe_text{} << "group " << g->id << " starts on " << g->started).str());
    // Led by someone whose role leads intervision; anyone else only if their role may join.
    bool led = false;
    for (std::size_t i = 0; i < session.staff_present.size(); ++i) {
      const auto at = element_location(where_ + ".staff", i);
      const auto* member = c_.the_school.find(session.staff_present[i]);
      if (!member) {
        problems_.add("data.unknown_reference", at,
                      (safe_text{} << "no staff member has id " << session.staff_present[i]).str());
        continue;
      }
      led = led || holds_duty(*member, &staff_role_duties::leads_intervision);
      if (!holds_duty(*member, &staff_role_duties::leads_intervision) &&
          !holds_duty(*member, &staff_role_duties::may_join_intervision))
        problems_.add("record.not_allowed", at,
                      (safe_text{} << "staff member " << member->id
                                   << " holds no role that leads or may join intervision")
                          .str());
    }
    if (!led)
      problems_.add("record.not_allowed", where_ + ".staff",
                    "a session is led by a staff member whose role leads intervision");
    record_into(s_.records.sessions,
                [&] { record_session(s_.records, c_.the_school, session, where_); });
  }

  void operator()(const mentor_follow_up& f) {
    check_day(f.on);
    record_into(s_.records.follow_ups,
                [&] { record_follow_up(s_.records, c_.the_school, f, where_); });
  }

  void operator()(const contact_record& contact) {
    check_day(contact.on);
    record_into(s_.records.contacts,
                [&] { record_contact(s_.records, c_.the_school, contact, where_); });
  }

  void operator()(const escalation_raised& r) {
    check_day(r.on);
    if (std::any_of(s_.records.escalations.begin(), s_.records.escalations.end(),
                    [&](const escalation& e) { return e.id == r.id; }))
      problems_.add("data.duplicate", where_ + ".escalation",
                    (safe_text{} << "escalation " << r.id << " is already recorded").str());
    const auto* pair = s_.records.find_pair(r.pair);
    if (!pair)
      problems_.add("data.unknown_reference", where_ + ".pair",
                    (safe_text{} << "no pair has id " << r.pair).str());
    std::optional<escalation> opened;
    if (pair)
      collect(problems_, where_,
              [&] { opened = raise_escalation(r.id, *pair, r.raised_by, r.tier, r.on); });
    if (problems_.empty()) s_.records.escalations.push_back(*opened);
    done();
  }

  void operator()(const escalation_step& step) {
    check_day(step.event.on);
    auto* e = s_.records.find_escalation(step.escalation);
    if (!e) {
      problems_.add("data.unknown_reference", where_ + ".escalation",
                    (safe_text{} << "no escalation has id " << step.escalation).str());
      return done();
    }
    auto next = *e;
    collect(problems_, where_, [&] { advance(next, step.event); });
    if (problems_.empty()) *e = std::move(next);
    done();
  }

  void operator()(const pair_ended& end) {
    check_day(end.on);
    auto* pair = s_.records.find_pair(end.pair);
    if (!pair) {
      problems_.add("data.unknown_reference", where_ + ".pair",
                    (safe_text{} << "no pair has id " << end.pair).str());
      return done();
    }
    auto closed = *pair;
    std::optional<pair_closure> closure;
    collect(problems_, where_, [&] {
      closure = close_pair(closed, end.on, end.reason, end.custom_reason, s_.records.end_reasons);
    });
    if (!problems_.empty()) return done();
    *pair = std::move(closed);
    s_.records.closures.push_back(*closure);
  }

  void operator()(const departure& d) {
    check_day(d.left_on);
    if (!c_.the_school.find(d.student))
      problems_.add("data.unknown_reference", where_ + ".student",
                    (safe_text{} << "no student has id " << d.student).str());
    if (s_.records.left_on(d.student))
      problems_.add("data.duplicate", where_ + ".student",
                    (safe_text{} << "student " << d.student << " already left").str());
    if (problems_.empty()) s_.records.departures.push_back(d);
    done();
  }

  void operator()(const evaluation_response& r) {
    check_day(r.on);
    if (r.pair)
      if (const auto* pair = s_.records.find_pair(*r.pair); pair && r.on < pair->started)
        problems_.add("record.out_of_order", where_ + ".on",
                      (safe_text{} << "pair " << pair->id << " starts on " << pair->started).str());
    record_into(s_.records.responses, [&] {
      record_response(s_.records, c_.the_school, r, default_questionnaire(r.who), where_);
    });
  }

  void operator()(const checklist_progressed& step) {
    check_day(step.progress.on.value_or(date{}));
    if (step.progress.owner && !c_.the_school.find(*step.progress.owner))
      problems_.add("data.unknown_reference", where_ + ".owner",
                    (safe_text{} << "no staff member has id " << *step.progress.owner).str());
    auto next = s_.checklist;
    next[step.item] = step.progress;
    collect(problems_, where_, [&] { (void)progress_book::restore(c_.checklist, next); });
    if (problems_.empty()) s_.checklist = std::move(next);
    done();
  }

 private:
  void done() const { problems_.throw_if_any(); }

  /// Runs a record_* step of supervision, which checks and appends to `list`; what it
  /// appended goes again when another check of the entry failed.
  template <class List, class F>
  void record_into(List& list, F&& record) {
    const auto before = list.size();
    collect(problems_, where_, record);
    if (!problems_.empty())
      list.erase(list.begin() + static_cast<std::ptrdiff_t>(before), list.end());
    done();
  }

  /// The day of the entry, set and inside the programme's school year; without it
  /// nothing else about the entry can be judged.
  void check_day(date day) {
    if (day.is_special())
      problems_.add("data.missing", where_ + ".on", "an entry needs the day it happened");
    else if (!c_.data.year.contains(day))
      problems_.add("data.out_of_range", where_ + ".on",
                    (safe_text{} << day << " is outside the school year "
                                 << c_.data.year.first_day() << ".." << c_.data.year.last_day())
                        .str());
    done();
  }

  const role_entry* find_role(supporter_role kind, std::string_view field) {
    const auto it = std::find_if(c_.roles.begin(), c_.roles.end(),
                                 [&](const role_entry& e) { return e.kind == kind; });
    if (it != c_.roles.end()) return &*it;
    problems_.add("record.role_not_run", where_ + std::string(field),
                  (safe_text{} << "the programme does not run the role " << kind).str());
    return nullptr;
  }

  static bool holds_duty(const staff_member& m, bool staff_role_duties::* duty) {
    return std::any_of(m.roles.begin(), m.roles.end(),
                       [&](staff_role r) { return duties_of(r).*duty; });
  }

  void check_duty(staff_id id, std::string_view field, bool staff_role_duties::* duty,
                  std::string_view what) {
    const auto at = where_ + std::string(field);
    const auto* member = c_.the_school.find(id);
    if (!member)
      problems_.add("data.unknown_reference", at,
                    (safe_text{} << "no staff member has id " << id).str());
    else if (!holds_duty(*member, duty))
      problems_.add("record.not_allowed", at,
                    (safe_text{} << "staff member " << id << " holds no role that ").str() +
                        std::string(what));
  }

  /// Known, consenting on `day`, and not gone from the school.
  void check_student(student_id id, date day, std::string_view field) {
    const auto at = field.starts_with(where_) ? std::string(field) : where_ + std::string(field);
    if (day.is_special()) {
      if (!c_.the_school.find(id))
        problems_.add("data.unknown_reference", at,
                      (safe_text{} << "no student has id " << id).str());
      return;
    }
    detail::check_may_process(c_.the_school, id, day, at, problems_);
    if (const auto left = s_.records.left_on(id); left && *left <= day)
      problems_.add("record.departed", at,
                    (safe_text{} << "student " << id << " left the school on " << *left).str());
  }

  bool has_open_application(student_id student, supporter_role role) const {
    return std::any_of(s_.applications.begin(), s_.applications.end(), [&](const application& a) {
      return a.applicant == student && a.role == role && a.state != application_state::rejected &&
             a.state != application_state::withdrawn;
    });
  }

  /// A pair has the shape of its role: a duo with the class it serves, or supporters per
  /// unit and supportees per supporter within the role's ranges.
  void check_shape(const support_pair& pair, const role_entry& role) {
    const auto& p = role.parameters;
    const int supporters = static_cast<int>(pair.supporters.size());
    const int supportees = static_cast<int>(pair.supportees.size());
    if (supporters < p.supporters_per_unit.min || supporters > p.supporters_per_unit.max)
      problems_.add(
          "data.out_of_range", where_ + ".supporters",
          (safe_text{} << "a " << role.kind << " pair has " << p.supporters_per_unit.min << ".."
                       << p.supporters_per_unit.max << " supporters, found " << supporters)
              .str());
    if (p.form == support_form::duo_for_class) {
      if (!pair.class_served)
        problems_.add("data.missing", where_ + ".class", "a leader duo serves a class");
      else if (!c_.the_school.find(*pair.class_served))
        problems_.add("data.unknown_reference", where_ + ".class",
                      (safe_text{} << "no class has id " << *pair.class_served).str());
      if (supportees != 0)
        problems_.add("data.out_of_range", where_ + ".supportees",
                      "a leader duo serves its class, not single students");
      return;
    }
    if (pair.class_served)
      problems_.add("data.out_of_range", where_ + ".class",
                    "only a leader duo serves a whole class");
    if (supportees < 1 || supportees > p.supportees_per_supporter.max * supporters)
      problems_.add(
          "data.out_of_range", where_ + ".supportees",
          (safe_text{} << "a " << role.kind << " supports 1.." << p.supportees_per_supporter.max
                       << " students, found " << supportees)
              .str());
  }

  /// The training gate (000 step 6): accepted, and the role's training complete on or
  /// before the day the pair starts.
  void check_ready(student_id id, const role_entry& role, date day, const std::string& at) {
    if (!s_.accepted(id, role.kind)) {
      problems_.add(
          "record.not_accepted", at,
          (safe_text{} << "student " << id << " is not an accepted " << role.kind << " on " << day)
              .str());
      return;
    }
    if (const auto on = s_.accepted_on(id, role.kind); on && !day.is_special() && day < *on)
      problems_.add("record.out_of_order", at,
                    (safe_text{} << "student " << id << " was accepted on " << *on).str());
    const auto trained = s_.training.completed_on(id, role);
    if (!trained || (!day.is_special() && day < *trained))
      problems_.add("record.training_incomplete", at,
                    trained ? (safe_text{} << "student " << id << " completes the training on "
                                           << *trained << ", after the start " << day)
                                  .str()
                            : training_of(s_.training, id, role).text() + " for student " +
                                  std::to_string(id.value()));
  }

  /// A supporter or supportee is in at most one active pair of a role at a time.
  void check_free(student_id id, const support_pair& pair, bool supporting, const std::string& at) {
    if (pair.started.is_special()) return;
    for (const auto& other : s_.records.pairs) {
      if (other.role != pair.role || !other.active_on(pair.started)) continue;
      const auto& side = supporting ? other.supporters : other.supportees;
      if (std::find(side.begin(), side.end(), id) != side.end())
        problems_.add("record.already_paired", at,
                      (safe_text{} << "student " << id << " is in pair " << other.id << " on "
                                   << pair.started)
                          .str());
    }
  }

  /// A rematch obeys the closure's rematch policy (closure.hpp) and serves a supportee of
  /// the pair that ended.
  void check_rematch(const pairing_started& p) {
    const auto at = where_ + ".replaces";
    const auto* ended = s_.records.find_pair(*p.replaces);
    const auto closure = std::find_if(s_.records.closures.begin(), s_.records.closures.end(),
                                      [&](const pair_closure& c) { return c.pair == *p.replaces; });
    if (!ended || closure == s_.records.closures.end()) {
      problems_.add("data.unknown_reference", at,
                    (safe_text{} << "no pair with id " << *p.replaces << " has ended").str());
      return;
    }
    const auto served = std::find_first_of(p.pair.supportees.begin(), p.pair.supportees.end(),
                                           ended->supportees.begin(), ended->supportees.end());
    if (ended->role != p.pair.role || served == p.pair.supportees.end()) {
      problems_.add("record.rematch_refused", at,
                    (safe_text{} << "a rematch gives a supportee of pair " << ended->id << " a new "
                                 << ended->role)
                        .str());
      return;
    }
    const auto decision = decide_rematch(c_.data.supervision.rematch, *closure,
                                         s_.rematches_of(*served), p.pair.started,
                                         c_.data.year.last_day(), s_.records.end_reasons);
    if (decision.allowed()) return;
    safe_text why;
    why << "no new supporter for student " << *served << " on " << p.pair.started << ": "
        << decision.verdict;
    if (!decision.earliest.is_special()) why << " (from " << decision.earliest << ")";
    problems_.add("record.rematch_refused", at, std::move(why).str());
  }

  void advance(escalation& e, const escalation_event& ev) {
    const auto member = [&]() -> const staff_member& {
      const auto* m = ev.staff ? c_.the_school.find(*ev.staff) : nullptr;
      if (!m)
        throw error("data.unknown_reference", where_ + ".staff",
                    "an informed or responding staff member is one of the school's staff");
      return *m;
    };
    switch (ev.kind) {
      case escalation_event_kind::raised:
        throw error("record.out_of_order", where_ + ".kind",
                    "an escalation is raised once, as an escalation entry");
      case escalation_event_kind::supportee_encouraged: return record_encouraged(e, ev.on);
      case escalation_event_kind::supportee_accepted: return record_accepted(e, ev.on);
      case escalation_event_kind::supportee_refused: return record_refused(e, ev.on);
      case escalation_event_kind::staff_informed:
        if (!ev.role)
          throw error("data.missing", where_ + ".as", "an informed staff member is told in a role");
        return record_informed(e, member(), *ev.role, ev.on);
      case escalation_event_kind::staff_responded: return record_response(e, member(), ev.on);
      case escalation_event_kind::closed: return record_closed(e, ev.on);
    }
  }

  year_state& s_;
  const record_context& c_;
  const std::string& where_;
  problem_list problems_;
};

}  // namespace detail

PEERKIT_INLINE std::string_view kind_of(const year_entry& e) noexcept {
  static constexpr std::array<std::string_view, std::variant_size_v<year_entry>> keys{
      "application", "training",  "pairing",    "notice",     "group",
      "intervision", "follow_up", "contact",    "escalation", "escalation_step",
      "closure",     "departure", "evaluation", "checklist"};
  return keys[e.index()];
}

PEERKIT_INLINE date day_of(const year_entry& e) {
  return std::visit(
      detail::overloaded{
          [](const application_step& x) { return x.on; },
          [](const training_session& x) { return x.held_on; },
          [](const pairing_started& x) { return x.pair.started; },
          [](const secrecy_notice& x) { return x.told_on; },
          [](const intervision_roster& x) { return x.started; },
          [](const intervision_session& x) { return x.held_on; },
          [](const mentor_follow_up& x) { return x.on; },
          [](const contact_record& x) { return x.on; },
          [](const escalation_raised& x) { return x.on; },
          [](const escalation_step& x) { return x.event.on; },
          [](const pair_ended& x) { return x.on; },
          [](const departure& x) { return x.left_on; },
          [](const evaluation_response& x) { return x.on; },
          [](const checklist_progressed& x) { return x.progress.on.value_or(date{}); },
      },
      e);
}

PEERKIT_INLINE const application* year_state::find_application(application_id id) const noexcept {
  const auto it = std::find_if(applications.begin(), applications.end(),
                               [id](const application& a) { return a.id == id; });
  return it == applications.end() ? nullptr : &*it;
}

PEERKIT_INLINE std::optional<date> year_state::last_step_on(application_id id) const noexcept {
  std::optional<date> last;
  for (const auto& s : steps)
    if (s.application == id && (!last || *last < s.on)) last = s.on;
  return last;
}

PEERKIT_INLINE std::optional<date> year_state::accepted_on(student_id student,
                                                           supporter_role role) const {
  for (const auto& s : steps) {
    if (s.to != application_state::accepted) continue;
    const auto* a = find_application(s.application);
    if (a && a->applicant == student && a->role == role) return s.on;
  }
  return std::nullopt;
}

PEERKIT_INLINE bool year_state::accepted(student_id student, supporter_role role) const noexcept {
  return std::any_of(applications.begin(), applications.end(), [&](const application& a) {
    return a.applicant == student && a.role == role && a.state == application_state::accepted;
  });
}

PEERKIT_INLINE int year_state::rematches_of(student_id supportee) const {
  return static_cast<int>(
      std::count_if(rematches.begin(), rematches.end(), [&](const rematch_link& l) {
        const auto* p = records.find_pair(l.replacement);
        return p && std::find(p->supportees.begin(), p->supportees.end(), supportee) !=
                        p->supportees.end();
      }));
}

PEERKIT_INLINE void apply(year_state& state, const record_context& context, const year_entry& entry,
                          const std::string& where) {
  std::visit(detail::entry_applier{state, context, where}, entry);
}

PEERKIT_INLINE year_state initial_state(const record_context& context) {
  year_state s;
  s.applications = context.data.applications;
  s.training = context.data.training;
  s.checklist = context.data.checklist_progress;
  s.records.end_reasons = context.data.supervision.end_reasons;
  return s;
}

PEERKIT_INLINE year_record::year_record(const record_context& context)
    : state_(initial_state(context)) {}

PEERKIT_INLINE year_state year_record::state_on(const record_context& context, date day) const {
  auto s = initial_state(context);
  for (std::size_t i = 0; i < entries_.size(); ++i)
    if (day_of(entries_[i]) <= day) apply(s, context, entries_[i], element_location("events", i));
  return s;
}

PEERKIT_INLINE void year_record::add(const record_context& context, const year_entry& entry) {
  const auto where = element_location("events", entries_.size());
  // An entry dated before others must also fit the state on its own day, so that every
  // earlier day still replays. When it does not, the check against everything recorded
  // says best what is wrong, if it finds anything ("not active on", not "no pair").
  const date day = day_of(entry);
  if (!day.is_special() && std::any_of(entries_.begin(), entries_.end(),
                                       [&](const year_entry& e) { return day < day_of(e); })) {
    auto then = state_on(context, day);
    try {
      apply(then, context, entry, where);
    } catch (const error&) {
      auto now = state_;
      apply(now, context, entry, where);
      throw;
    }
  }
  apply(state_, context, entry, where);
  entries_.push_back(entry);
}

}  // namespace peerkit
