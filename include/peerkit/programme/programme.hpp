#pragma once
// The programme of one school: its policies (roles, selection, matching, schedule,
// checklist), the school's data and what the coordinator records, and the steps of a
// year — select supporters, pair them, plan the year, report readiness — each callable
// on its own or all at once with run().
//
//   basic_programme<Policies...>  policies in any order, one per family; a family not
//                                 given takes its default (docs/architecture.md)
//   programme                     the brochure's programme: peer leaders and peer buddies
//   presets.hpp                   the shipped school presets
//
// Programme state is plain data (school, programme_data): cheap to copy and compare, so a
// simulation can run the same model forward and a front end can save and load it.

#include <algorithm>
#include <concepts>
#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include <peerkit/calendar/programme_schedule.hpp>
#include <peerkit/calendar/school_calendar.hpp>
#include <peerkit/calendar/school_year.hpp>
#include <peerkit/checklist/checklist_policy.hpp>
#include <peerkit/checklist/derived_checks.hpp>
#include <peerkit/checklist/progress.hpp>
#include <peerkit/checklist/readiness.hpp>
#include <peerkit/core/consent.hpp>
#include <peerkit/core/policy.hpp>
#include <peerkit/core/roles_policy.hpp>
#include <peerkit/core/safe_text.hpp>
#include <peerkit/core/school.hpp>
#include <peerkit/matching/buddy_pairing.hpp>
#include <peerkit/matching/class_assignment.hpp>
#include <peerkit/matching/explanation.hpp>
#include <peerkit/matching/leader_duos.hpp>
#include <peerkit/matching/matching_policy.hpp>
#include <peerkit/programme/programme_data.hpp>
#include <peerkit/programme/schedule_policy.hpp>
#include <peerkit/programme/status.hpp>
#include <peerkit/programme/year_record.hpp>
#include <peerkit/selection/application.hpp>
#include <peerkit/selection/choose.hpp>
#include <peerkit/selection/policy.hpp>
#include <peerkit/selection/training.hpp>

namespace peerkit {

/// The pairing of one one-to-one (or small-group) role.
struct role_pairing {
  role_entry role;
  pairing_request request;
  pairing_result result;
  pairing_explanation explanation;
  std::vector<training_status> in_training;  ///< accepted, not yet available for pairing
  friend bool operator==(const role_pairing&, const role_pairing&) = default;
};

/// Peer-leader duos and the first-year classes they serve.
struct leader_pairing {
  role_entry role;
  duo_request duo_input;
  duo_result duos;
  duo_explanation duo_reasons;
  class_request class_input;
  class_result classes;
  class_explanation class_reasons;
  std::vector<training_status> in_training;
  friend bool operator==(const leader_pairing&, const leader_pairing&) = default;
};

/// Everything a pairing round produced.
struct programme_pairing {
  std::vector<role_pairing> roles;
  std::optional<leader_pairing> leaders;
  std::vector<support_pair> pairs;  ///< as the programme follows them through the year
  friend bool operator==(const programme_pairing&, const programme_pairing&) = default;
};

/// Something the programme is short of, and by how much: an outcome, not an error. Open
/// places in selection are not a shortfall by themselves (a buddy may take a second
/// supportee); students left without a supporter, or classes without a duo, are.
struct shortfall {
  supporter_role role = supporter_role::peer_buddy;
  std::string what;  ///< "supportees without a supporter" or "classes without a duo"
  int missing = 0;
  std::string text;  ///< in words, for the report
  friend bool operator==(const shortfall&, const shortfall&) = default;
};

/// A whole run of the programme's year.
struct programme_run {
  std::vector<support_request> requests;
  selection_result selection;
  std::vector<application> applications;  ///< with the selection's decisions recorded
  programme_pairing pairing;
  programme_year year;
  programme_facts facts;
  readiness_report readiness;
  std::vector<shortfall> shortfalls;

  /// True when every supportee is paired and every first-year class has a duo.
  [[nodiscard]] bool feasible() const noexcept { return shortfalls.empty(); }
};

/// Throws privacy.values_left_out for a school whose special-category values were left
/// out of the document it was read from: run as if it had none, a programme would pair
/// students that its conflicting groups keep apart.
inline void require_special_category(const school& s) {
  if (s.special_category_left_out)
    throw error("privacy.values_left_out", "school",
                "the school was written without its special-category values; run the original "
                "document or one written with --reveal-special-category");
}

/// Checks that everything `d` refers to is in the school (students, staff and classes),
/// that the pairing date lies in the school year, and that no pin pairs a student with
/// themselves. Throws peerkit::error listing every problem, at its place in `d`.
inline void validate(const programme_data& d, const school& s) {
  problem_list problems;
  const auto student_known = [&](student_id id, const std::string& where) {
    if (!s.find(id))
      problems.add("data.unknown_reference", where,
                   "no student has id " + std::to_string(id.value()));
  };
  const auto two_students = [&](student_id a, student_id b, const std::string& where) {
    if (a == b)
      problems.add("data.inconsistent", where,
                   "student " + std::to_string(a.value()) + " cannot be paired with themselves");
  };
  if (d.pairing_date && (d.pairing_date->is_special() || !d.year.contains(*d.pairing_date)))
    problems.add("data.out_of_range", "pairing_date",
                 (safe_text{} << "expected a day within the school year " << d.year.first_day()
                              << ".." << d.year.last_day() << ", found " << *d.pairing_date)
                     .str());
  for (std::size_t i = 0; i < d.applications.size(); ++i) {
    student_known(d.applications[i].applicant, element_location("applications", i, "student"));
    for (std::size_t k = 0; k < d.applications[i].interviews.size(); ++k)
      if (const auto by = d.applications[i].interviews[k].interviewer; by && !s.find(*by))
        problems.add(
            "data.unknown_reference",
            element_location(element_location("applications", i, "interviews"), k, "interviewer"),
            "no staff member has id " + std::to_string(by->value()));
  }
  for (std::size_t i = 0; i < d.training.sessions().size(); ++i)
    student_known(d.training.sessions()[i].supporter, element_location("training", i, "student"));
  for (std::size_t i = 0; i < d.support_requests.size(); ++i)
    student_known(d.support_requests[i].student,
                  element_location("support_requests", i, "student"));
  for (const auto& [list, pairs] : {std::pair{"pinned_pairs", &d.pinned_pairs},
                                    std::pair{"forbidden_pairs", &d.forbidden_pairs}})
    for (std::size_t i = 0; i < pairs->size(); ++i) {
      student_known((*pairs)[i].supporter, element_location(list, i, "supporter"));
      student_known((*pairs)[i].supportee, element_location(list, i, "supportee"));
      two_students((*pairs)[i].supporter, (*pairs)[i].supportee,
                   element_location(list, i, "supportee"));
    }
  for (std::size_t i = 0; i < d.rankings.size(); ++i) {
    student_known(d.rankings[i].who, element_location("rankings", i, "student"));
    for (std::size_t k = 0; k < d.rankings[i].best_first.size(); ++k)
      student_known(d.rankings[i].best_first[k],
                    element_location(element_location("rankings", i, "best_first"), k));
  }
  for (std::size_t i = 0; i < d.observed_duos.size(); ++i) {
    student_known(d.observed_duos[i].first, element_location("observed_duos", i, "first"));
    student_known(d.observed_duos[i].second, element_location("observed_duos", i, "second"));
  }
  for (const auto& [list, duos] :
       {std::pair{"pinned_duos", &d.pinned_duos}, std::pair{"forbidden_duos", &d.forbidden_duos}})
    for (std::size_t i = 0; i < duos->size(); ++i) {
      student_known((*duos)[i].first, element_location(list, i, "first"));
      student_known((*duos)[i].second, element_location(list, i, "second"));
      two_students((*duos)[i].first, (*duos)[i].second, element_location(list, i, "second"));
    }
  for (std::size_t i = 0; i < d.class_exclusions.size(); ++i) {
    student_known(d.class_exclusions[i].leader, element_location("class_exclusions", i, "leader"));
    if (!s.find(d.class_exclusions[i].excluded))
      problems.add("data.unknown_reference", element_location("class_exclusions", i, "class"),
                   "no class has id " + std::to_string(d.class_exclusions[i].excluded.value()));
  }
  for (std::size_t i = 0; i < d.class_wishes.size(); ++i) {
    student_known(d.class_wishes[i].leader, element_location("class_wishes", i, "leader"));
    if (!s.find(d.class_wishes[i].wanted))
      problems.add("data.unknown_reference", element_location("class_wishes", i, "class"),
                   "no class has id " + std::to_string(d.class_wishes[i].wanted.value()));
  }
  for (const auto& [key, record] : d.checklist_progress)
    if (record.owner && !s.find(*record.owner))
      problems.add("data.unknown_reference", "checklist.progress." + key + ".owner",
                   "no staff member has id " + std::to_string(record.owner->value()));
  problems.throw_if_any();
}

namespace detail {
/// Checks one policy of a programme; a failure's "required from" line names the policy.
template <class P, class... Policies>
consteval bool check_programme_policy() {
  static_assert(Policy<P>, "basic_programme: this argument is not a policy (no policy_family)");
  if constexpr (Policy<P>) {
    static_assert(policy_of_any<P, roles_family, selection_family, matching_family, schedule_family,
                                checklist_family>,
                  "basic_programme: this policy's family is not one a programme has");
    static_assert(count_family<P, Policies...> == 1,
                  "basic_programme: another policy of this policy's family is given too");
  }
  return true;
}
}  // namespace detail

template <class... Policies>
class basic_programme {
  static_assert((detail::check_programme_policy<Policies, Policies...>() && ...));

 public:
  using roles_policy = policy_for<roles_family, role_set<peer_leader, peer_buddy>, Policies...>;
  using selection_policy = policy_for<selection_family, default_selection, Policies...>;
  using matching_policy = policy_for<matching_family, default_matching, Policies...>;
  using schedule_policy = policy_for<schedule_family, default_schedule, Policies...>;
  using checklist_policy = policy_for<checklist_family, default_checklist_policy, Policies...>;
  static_assert(RolesPolicy<roles_policy>);
  static_assert(SelectionPolicy<selection_policy>);
  static_assert(MatchingPolicy<matching_policy>);
  static_assert(SchedulePolicy<schedule_policy>);
  static_assert(ChecklistPolicy<checklist_policy>);

  /// A programme for `s` with default-constructed policies. Throws peerkit::error when
  /// the school data is invalid, lacks its special-category values (privacy.values_left_out)
  /// or `data` is invalid (validate(programme_data, school)), with every problem of these.
  explicit basic_programme(school s, programme_data data = {})
    requires(std::default_initializable<Policies> && ...)
      : basic_programme(std::move(s), std::move(data), std::tuple<Policies...>{}) {}

  /// A programme for `s` with its policies as values (those chosen at run time).
  basic_programme(school s, programme_data data, Policies... policies)
    requires(sizeof...(Policies) > 0)
      : basic_programme(std::move(s), std::move(data),
                        std::tuple<Policies...>(std::move(policies)...)) {}

  [[nodiscard]] const school& school_data() const noexcept { return school_; }
  [[nodiscard]] const programme_data& data() const noexcept { return data_; }

  /// The record of the year as it happened (year_record.hpp).
  [[nodiscard]] const year_record& record() const noexcept { return record_; }
  /// What an entry added to the record is checked against.
  [[nodiscard]] record_context context() const {
    return {school_, data_, role_entries(), checklist().definition()};
  }
  /// Adds an entry to the record. Throws peerkit::error listing every problem, located at
  /// "events[N]", and then changes nothing.
  void add(const year_entry& entry) { record_.add(context(), entry); }

  [[nodiscard]] const roles_policy& roles() const noexcept { return roles_; }
  [[nodiscard]] const selection_policy& selection() const noexcept { return selection_; }
  [[nodiscard]] const matching_policy& matching() const noexcept { return matching_; }
  [[nodiscard]] const schedule_policy& schedule() const noexcept { return schedule_; }
  [[nodiscard]] const checklist_policy& checklist() const noexcept { return checklist_; }

  /// The roles the programme runs, as entries.
  [[nodiscard]] std::vector<role_entry> role_entries() const {
    const auto& r = roles().roles();
    return {std::ranges::begin(r), std::ranges::end(r)};
  }

  /// Who is to get a supporter: the recorded requests, or those the recommendation
  /// derives for consenting students, for every individually supported role the
  /// programme runs. A student never supports and is supported in the same role.
  [[nodiscard]] std::vector<support_request> support_requests() const {
    if (!data_.support_requests.empty()) return data_.support_requests;
    std::vector<support_request> out;
    const auto entries = role_entries();
    const date day = data_.pairing_day();
    for (const auto& s : school_.students) {
      if (!may_process(s, day)) continue;
      const auto advice = selection().recommend(s);
      for (const auto& e : entries) {
        if (e.parameters.form == support_form::duo_for_class || !advice.recommends(e.kind))
          continue;
        if (applied_for(s.id, e.kind)) continue;
        out.push_back({s.id, e.kind});
      }
    }
    return out;
  }

  /// How many supportees (or first-year classes, for leader duos) each role serves.
  [[nodiscard]] std::vector<role_demand> demand(
      const std::vector<support_request>& requests) const {
    std::vector<role_demand> out;
    for (const auto& e : role_entries()) {
      if (e.parameters.form == support_form::duo_for_class) {
        out.push_back({e.kind, first_year_classes(school_)});
        continue;
      }
      out.push_back({e.kind, static_cast<int>(std::count_if(
                                 requests.begin(), requests.end(),
                                 [&](const support_request& r) { return r.role == e.kind; }))});
    }
    return out;
  }

  /// Chooses supporters for the demand of `requests` from the applications as recorded.
  [[nodiscard]] selection_result select(const std::vector<support_request>& requests) const {
    return choose(school_, record_.state().applications, roles(), selection(), demand(requests));
  }

  /// Pairs the accepted supporters of `applications`, trained as recorded, with `requests`, and
  /// forms leader duos for the first-year classes. Throws peerkit::error for invalid
  /// coordinator input (unknown students, pins that break a rule).
  [[nodiscard]] programme_pairing pair(const std::vector<application>& applications,
                                       const std::vector<support_request>& requests) const {
    programme_pairing out;
    const auto settings = matching().settings();
    const date day = data_.pairing_day();
    auto next_id = pair_id{1};
    for (const auto& e : role_entries()) {
      const auto ready = ready_for_matching(applications, record_.state().training, e, day);
      if (e.parameters.form == support_form::duo_for_class) {
        out.leaders = pair_leaders(e, ready, settings, day);
        auto pairs = to_support_pairs(out.leaders->classes, next_id, day);
        next_id = pair_id{next_id.value() + static_cast<std::uint32_t>(pairs.size())};
        out.pairs.insert(out.pairs.end(), pairs.begin(), pairs.end());
        continue;
      }
      role_pairing rp;
      rp.role = e;
      rp.in_training = ready.in_training;
      rp.request.supporters = as_supporters(ready.available, e);
      for (const auto& r : requests)
        if (r.role == e.kind) rp.request.supportees.push_back(r.student);
      rp.request.on = day;
      rp.request.pinned = within(data_.pinned_pairs, rp.request);
      rp.request.forbidden = within(data_.forbidden_pairs, rp.request);
      for (const auto& r : data_.rankings)
        if (involved(rp.request, r.who)) rp.request.rankings.push_back(r);
      const pairing_graph graph(school_, rp.request, settings);
      rp.result = pair_buddies(graph);
      rp.explanation = explain(graph, rp.result);
      auto pairs = to_support_pairs(rp.request, rp.result, next_id, day);
      next_id = pair_id{next_id.value() + static_cast<std::uint32_t>(pairs.size())};
      out.pairs.insert(out.pairs.end(), pairs.begin(), pairs.end());
      out.roles.push_back(std::move(rp));
    }
    return out;
  }

  /// The programme year on the school's calendar, for the supporters accepted.
  [[nodiscard]] programme_year plan_year(const school_calendar& calendar,
                                         const std::vector<application>& applications) const {
    std::vector<scheduled_role> roles;
    const int coaches = std::max<int>(
        1, static_cast<int>(school_.staff_in(staff_role::teacher_coach).size()));
    for (const auto& e : role_entries()) {
      const int accepted = static_cast<int>(
          std::count_if(applications.begin(), applications.end(), [&](const application& a) {
            return a.role == e.kind && a.state == application_state::accepted;
          }));
      roles.push_back({e, accepted, coaches});
    }
    return schedule_programme_year(calendar, data_.year, roles, schedule().options());
  }

  /// What the checklist needs to know, from the programme's own results.
  [[nodiscard]] programme_facts facts(const std::vector<application>& applications,
                                      const programme_pairing& pairing, const programme_year& year,
                                      const school_calendar& calendar) const {
    programme_facts f;
    f.roles = role_entries();
    const date planned_start = year.events.empty() ? data_.year.first_day()
                                                   : year.events.front().day;
    f.supporters = supporter_records(applications, record_.state(), planned_start);
    f.pairs = pairing.pairs;
    for (const auto& ev : year.events) {
      if (ev.kind != programme_event_kind::intervision || !ev.role) continue;
      auto it = std::find_if(
          f.intervision.begin(), f.intervision.end(),
          [&](const intervision_series& s) { return s.role == *ev.role && s.group == ev.group; });
      if (it == f.intervision.end())
        it = f.intervision.insert(f.intervision.end(), {*ev.role, ev.group, {}});
      it->dates.push_back(ev.day);
    }
    for (const auto& e : f.roles)
      if (const auto days = support_days_of(year, e.kind))
        f.periods.push_back({e.kind, {days->first, days->last}});
    for (const auto& h : calendar.holidays)
      if (h.region == calendar.region) f.breaks.push_back({h.first, h.last});
    return f;
  }

  /// The readiness report on the programme's checklist, with the progress recorded.
  [[nodiscard]] readiness_report readiness(const programme_facts& facts) const {
    return readiness(facts, record_.state().checklist);
  }

  /// Where the programme stands on `day`, from what was recorded up to that day. Throws
  /// peerkit::error (data.out_of_range) for a day outside the programme's school year.
  [[nodiscard]] programme_status status_on(date day, const school_calendar& calendar) const {
    if (day.is_special() || !data_.year.contains(day))
      throw error("data.out_of_range", "on",
                  (safe_text{} << day << " is outside the school year " << data_.year.first_day()
                               << ".." << data_.year.last_day())
                      .str());
    const auto state = record_.state_on(context(), day);
    programme_status s;
    s.on = day;
    for (const auto& p : state.records.pairs)
      if (p.active_on(day)) s.active_pairs.push_back(p);
    const auto roles = role_entries();
    for (const auto& e : roles) {
      auto ready = ready_for_matching(state.applications, state.training, e, day);
      s.in_training.insert(s.in_training.end(), ready.in_training.begin(), ready.in_training.end());
    }
    const auto& sv = data_.supervision;
    s.overdue = check_supervision(state.records, school_, day, sv.rules, sv.escalation,
                                  breaks_of(calendar), roles);
    s.open_escalations = open_escalations_on(state.records, sv.escalation, day);
    s.rematches = rematch_options_on(state, sv.rematch, day, data_.year.last_day());
    s.readiness = readiness(recorded_facts(state, day, calendar), state.checklist);
    return s;
  }

  /// The whole year: select, pair, plan, check. Throws peerkit::error for invalid input,
  /// with the problems of every step together: a step after a failing one runs on what
  /// came before (the applications as recorded when selection fails, no pairs when pairing
  /// does). What the programme is short of is reported in the result's shortfalls.
  [[nodiscard]] programme_run run(const school_calendar& calendar) const {
    problem_list problems;
    programme_run r;
    r.requests = support_requests();
    r.applications = record_.state().applications;
    if (collect_problems(problems, [&] { r.selection = select(r.requests); }))
      collect_problems(problems, [&] { record_decisions(r.applications, r.selection); });
    collect_problems(problems, [&] { r.pairing = pair(r.applications, r.requests); });
    collect_problems(problems, [&] { r.year = plan_year(calendar, r.applications); });
    r.facts = facts(r.applications, r.pairing, r.year, calendar);
    collect_problems(problems, [&] { r.readiness = readiness(r.facts); });
    problems.throw_if_any();
    r.shortfalls = shortfalls_of(r);
    return r;
  }

  /// Throws peerkit::error with every problem run(calendar) would throw, and returns when
  /// it would run: a programme that is short of supporters is valid, only short.
  void check(const school_calendar& calendar) const { static_cast<void>(run(calendar)); }

 private:
  basic_programme(school s, programme_data data, std::tuple<Policies...> given)
      : school_(std::move(s)),
        data_(std::move(data)),
        roles_(take<roles_policy>(given)),
        selection_(take<selection_policy>(given)),
        matching_(take<matching_policy>(given)),
        schedule_(take<schedule_policy>(given)),
        checklist_(take<checklist_policy>(given)),
        record_(checked_context()) {}
  /// The context of the record, once the school and the programme's data are valid.
  [[nodiscard]] record_context checked_context() const {
    problem_list problems;
    collect_problems(problems, [&] { require_special_category(school_); });
    if (collect_problems(problems, [&] { validate(school_); }))
      collect_problems(problems, [&] { validate(data_, school_); });
    problems.throw_if_any();
    return context();
  }
  /// The policy of type P among those given, or a default-constructed one.
  template <class P>
  static P take(std::tuple<Policies...>& given) {
    if constexpr ((std::same_as<P, Policies> || ...))
      return std::move(std::get<P>(given));
    else
      return P{};
  }

  [[nodiscard]] bool applied_for(student_id s, supporter_role r) const {
    return std::any_of(record_.state().applications.begin(), record_.state().applications.end(),
                       [&](const application& a) {
                         return a.applicant == s && a.role == r &&
                                a.state != application_state::withdrawn;
                       });
  }

  static bool involved(const pairing_request& request, student_id s) {
    return std::any_of(request.supporters.begin(), request.supporters.end(),
                       [s](const supporter_entry& e) { return e.student == s; }) ||
           std::find(request.supportees.begin(), request.supportees.end(), s) !=
               request.supportees.end();
  }
  static std::vector<student_pair> within(const std::vector<student_pair>& pairs,
                                          const pairing_request& request) {
    std::vector<student_pair> out;
    for (const auto& p : pairs)
      if (involved(request, p.supporter) && involved(request, p.supportee)) out.push_back(p);
    return out;
  }

  [[nodiscard]] leader_pairing pair_leaders(const role_entry& e, const matching_readiness& ready,
                                            const matching_settings& settings, date day) const {
    leader_pairing out;
    out.role = e;
    out.in_training = ready.in_training;
    out.duo_input = {ready.available, day, data_.observed_duos, data_.pinned_duos,
                     data_.forbidden_duos};
    const duo_graph duos(school_, out.duo_input, settings);
    out.duos = form_duos(duos);
    out.duo_reasons = explain(duos, out.duos);
    out.class_input.duos = duos_of(out.duos);
    // The school's rules and wishes are recorded for candidates; only those in a duo count.
    const auto in_a_duo = [&](student_id s) {
      return std::any_of(out.class_input.duos.begin(), out.class_input.duos.end(),
                         [s](const leader_pair& d) { return d.involves(s); });
    };
    for (const auto& x : data_.class_exclusions)
      if (in_a_duo(x.leader)) out.class_input.exclusions.push_back(x);
    for (const auto& w : data_.class_wishes)
      if (in_a_duo(w.leader)) out.class_input.wishes.push_back(w);
    out.class_input.leader_role = e.parameters;
    const class_table table(school_, out.class_input, settings);
    out.classes = assign_classes(table);
    out.class_reasons = explain(table, out.classes);
    return out;
  }

  [[nodiscard]] readiness_report readiness(const programme_facts& facts,
                                           const progress_book::record_map& progress) const {
    const auto derived = evaluate_derived(school_, facts);
    const auto book = [&] {
      try {
        return progress_book::restore(checklist().definition(), progress);
      } catch (const error& e) {
        // The book knows its items; the progress is the programme's checklist.progress.
        auto found = e.problems();
        for (auto& p : found) p.location = "checklist." + p.location;
        throw error(std::move(found));
      }
    }();
    return make_readiness_report(book, derived, school_, data_.checklist_mode);
  }

  /// The accepted supporters of each role with the day the selection accepted them (as
  /// recorded; a decision the programme document holds undated counts from `undated`)
  /// and the day their training was complete.
  [[nodiscard]] std::vector<supporter_record> supporter_records(
      const std::vector<application>& applications, const year_state& state, date undated) const {
    std::vector<supporter_record> out;
    for (const auto& e : role_entries())
      for (const auto& a : applications) {
        // A supporter who withdrew later still passed selection: the past stays.
        if (a.role != e.kind || !a.has_been(application_state::accepted)) continue;
        out.push_back({a.applicant, e.kind,
                       state.accepted_on(a.applicant, e.kind).value_or(undated),
                       state.training.completed_on(a.applicant, e)});
      }
    return out;
  }

  /// What the checklist knows on `day`: from the record the real selection and training
  /// days, the pairs as they started and ended and the intervision sessions held; from
  /// the plan the sessions still to come and the end of each role's support period.
  /// Recorded groups are numbered within their role in the order formed, as planned ones.
  [[nodiscard]] programme_facts recorded_facts(const year_state& state, date day,
                                               const school_calendar& calendar) const {
    programme_facts f;
    f.roles = role_entries();
    f.supporters = supporter_records(state.applications, state, data_.year.first_day());
    f.pairs = state.records.pairs;
    const auto series_of = [&](supporter_role role, int group) -> std::vector<date>& {
      auto it = std::find_if(f.intervision.begin(), f.intervision.end(),
                             [&](const auto& x) { return x.role == role && x.group == group; });
      if (it == f.intervision.end()) it = f.intervision.insert(it, {role, group, {}});
      return it->dates;
    };
    std::map<supporter_role, int> groups_of_role;
    for (const auto& g : state.records.groups) {
      if (g.newcomers) continue;
      const int number = ++groups_of_role[g.role];
      for (const auto& session : state.records.sessions)
        if (session.group == g.id) series_of(g.role, number).push_back(session.held_on);
    }
    // Sessions to come, as planned; a recorded group beyond the plan's groups of its role
    // (the plan counts today's supporters) follows the role's last planned group.
    const auto plan = plan_year(calendar, state.applications);
    std::map<supporter_role, int> planned_groups;
    for (const auto& ev : plan.events)
      if (ev.kind == programme_event_kind::intervision && ev.role)
        planned_groups[*ev.role] = std::max(planned_groups[*ev.role], ev.group);
    for (const auto& ev : plan.events) {
      if (ev.kind != programme_event_kind::intervision || !ev.role || ev.day <= day) continue;
      series_of(*ev.role, ev.group).push_back(ev.day);
      if (ev.group == planned_groups[*ev.role])
        for (int number = ev.group + 1; number <= groups_of_role[*ev.role]; ++number)
          series_of(*ev.role, number).push_back(ev.day);
    }
    for (const auto& e : f.roles) {
      const auto planned = support_days_of(plan, e.kind);
      if (!planned) continue;
      std::optional<date> started;  // the real start, once a pair of the role started
      for (const auto& p : f.pairs)
        if (p.role == e.kind && (!started || p.started < *started)) started = p.started;
      f.periods.push_back({e.kind, {started.value_or(planned->first), planned->last}});
    }
    for (const auto& h : calendar.holidays)
      if (h.region == calendar.region) f.breaks.push_back({h.first, h.last});
    return f;
  }

  static std::vector<shortfall> shortfalls_of(const programme_run& r) {
    std::vector<shortfall> out;
    for (const auto& rp : r.pairing.roles)
      if (!rp.result.unpaired_supportees.empty()) {
        const int n = static_cast<int>(rp.result.unpaired_supportees.size());
        out.push_back({rp.role.kind, "supportees without a supporter", n,
                       std::to_string(n) + " of " + std::to_string(rp.request.supportees.size()) +
                           " students waiting for a " + rp.role.name + " have none"});
      }
    if (r.pairing.leaders && !r.pairing.leaders->classes.uncovered.empty()) {
      const int n = static_cast<int>(r.pairing.leaders->classes.uncovered.size());
      out.push_back({r.pairing.leaders->role.kind, "classes without a duo", n,
                     std::to_string(n) + " first-year class" + (n == 1 ? "" : "es") +
                         " without a leader duo"});
    }
    return out;
  }

  school school_;
  programme_data data_;
  roles_policy roles_;
  selection_policy selection_;
  matching_policy matching_;
  schedule_policy schedule_;
  checklist_policy checklist_;
  year_record record_;
};

/// The programme of the brochure (source 000): peer leaders and peer buddies, with every
/// other policy at its default.
using programme = basic_programme<>;

}  // namespace peerkit
