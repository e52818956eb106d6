#pragma once
// Definitions of derived_checks.hpp: inline here in header-only mode, compiled once into
// peerkit::compiled when PEERKIT_COMPILED is defined (see config.hpp).

#include <peerkit/checklist/derived_checks.hpp>
#include <peerkit/config.hpp>

namespace peerkit {

PEERKIT_INLINE std::array<derived_outcome, derived_check_count> detail::unevaluated_outcomes() {
  std::array<derived_outcome, derived_check_count> all{};
  for (auto& o : all) {
    o.findings = {std::string(derived_english.not_evaluated)};
    o.dutch.findings = {std::string(derived_dutch.not_evaluated)};
  }
  return all;
}

PEERKIT_INLINE std::string detail::checklist_join(const std::vector<std::string>& parts) {
  std::string text;
  for (const auto& p : parts) text += (text.empty() ? "" : ", ") + p;
  return text;
}

PEERKIT_INLINE std::string detail::staff_name_list(const std::vector<const staff_member*>& staff) {
  std::vector<std::string> names;
  for (const auto* m : staff) names.push_back(m->name);
  return checklist_join(names);
}

PEERKIT_INLINE std::string detail::facts_role_name(const programme_facts& f, supporter_role kind,
                                                   report_language language) {
  for (const auto& r : f.roles)
    if (r.kind == kind && !r.name.empty()) return r.name;
  return std::string(role_name(kind, language));
}

PEERKIT_INLINE derived_outcome detail::partial_outcome(std::size_t ok, std::size_t total,
                                                       std::string_view counted,
                                                       std::vector<std::string> findings,
                                                       const derived_phrases& w) {
  derived_outcome o;
  o.findings = std::move(findings);
  o.state = ok == total ? item_state::done
            : ok == 0   ? item_state::not_started
                        : item_state::in_progress;
  o.evidence = fill(ok == total ? w.all_of : w.some_of,
                    {std::to_string(ok), std::to_string(total), counted});
  return o;
}

PEERKIT_INLINE date detail::add_months_clamped(date d, int months) {
  using cal = boost::gregorian::gregorian_calendar;
  const int zero_based = static_cast<int>(d.month()) - 1 + months;
  const int year = static_cast<int>(d.year()) + zero_based / 12;
  const int month = zero_based % 12 + 1;
  const int last = cal::end_of_month_day(static_cast<unsigned short>(year),
                                         static_cast<unsigned short>(month));
  return date(static_cast<unsigned short>(year), static_cast<unsigned short>(month),
              static_cast<unsigned short>(std::min<int>(d.day(), last)));
}

PEERKIT_INLINE date detail::checklist_week_monday(date d) {
  return d - boost::gregorian::days((d.day_of_week().as_number() + 6) % 7);
}

PEERKIT_INLINE bool detail::checklist_school_week(date monday,
                                                  const std::vector<day_range>& breaks) {
  for (int i = 0; i < 5; ++i) {
    const date day = monday + boost::gregorian::days(i);
    if (std::none_of(breaks.begin(), breaks.end(),
                     [&](const day_range& b) { return b.contains(day); }))
      return true;
  }
  return false;
}

PEERKIT_INLINE int detail::checklist_school_weeks_between(date from, date to,
                                                          const std::vector<day_range>& breaks) {
  int weeks = 0;
  for (date m = checklist_week_monday(from) + boost::gregorian::days(7);
       m <= checklist_week_monday(to); m += boost::gregorian::days(7))
    if (checklist_school_week(m, breaks)) ++weeks;
  return weeks;
}

PEERKIT_INLINE std::vector<std::string> detail::cadence_findings(
    const intervision_series& series, const intervision_cadence& cadence,
    const std::optional<day_range>& period, const std::vector<day_range>& breaks,
    const std::string& label, const derived_phrases& w) {
  std::vector<std::string> findings;
  std::vector<date> dates = series.dates;
  std::sort(dates.begin(), dates.end());
  dates.erase(std::unique(dates.begin(), dates.end()), dates.end());
  // Gap k (from session k to k+1, counted from 1) follows the initial interval while k
  // is below the number of initial sessions, the regular one after.
  auto allowed = [&](std::size_t k) {
    return k < static_cast<std::size_t>(cadence.initial_sessions) ? cadence.initial_interval_weeks
                                                                  : cadence.interval_weeks.max;
  };
  if (period && dates.front() > period->first) {
    const int weeks = checklist_school_weeks_between(period->first, dates.front(), breaks);
    if (weeks > allowed(0))
      findings.push_back(fill(w.first_session_late,
                              {label, to_iso_extended_string(dates.front()), std::to_string(weeks),
                               to_iso_extended_string(period->first), std::to_string(allowed(0))}));
  }
  for (std::size_t k = 1; k < dates.size(); ++k) {
    const int weeks = checklist_school_weeks_between(dates[k - 1], dates[k], breaks);
    if (weeks > allowed(k))
      findings.push_back(
          fill(w.gap_too_long, {label, std::to_string(weeks), to_iso_extended_string(dates[k - 1]),
                                to_iso_extended_string(dates[k]), std::to_string(allowed(k))}));
  }
  if (period && dates.back() < period->last) {
    const int weeks = checklist_school_weeks_between(dates.back(), period->last, breaks);
    if (weeks > cadence.interval_weeks.max)
      findings.push_back(
          fill(w.stops_early,
               {label, to_iso_extended_string(dates.back()), std::to_string(weeks),
                to_iso_extended_string(period->last), std::to_string(cadence.interval_weeks.max)}));
  }
  return findings;
}

PEERKIT_INLINE bool detail::is_buddy_kind(supporter_role r) noexcept {
  return r == supporter_role::peer_buddy || r == supporter_role::newcomer_buddy;
}

PEERKIT_INLINE derived_outcome detail::check_staff_in_role(const school& s, staff_role role,
                                                           report_language language) {
  const auto holders = s.staff_in(role);
  const auto name = role_name(role, language);
  if (holders.empty())
    return {item_state::not_started, "", {fill(derived_words(language).no_holder, {name})}, {}};
  return {item_state::done, std::string(name) + ": " + staff_name_list(holders), {}, {}};
}

PEERKIT_INLINE derived_outcome detail::check_more_teacher_coaches(const school& s,
                                                                  report_language language) {
  const auto& w = derived_words(language);
  const auto coaches = s.staff_in(staff_role::teacher_coach);
  if (coaches.empty()) return {item_state::not_started, "", {std::string(w.no_coach)}, {}};
  if (coaches.size() == 1)
    return {
        item_state::in_progress,
        std::string(role_name(staff_role::teacher_coach, language)) + ": " + coaches.front()->name,
        {fill(w.only_one_coach, {coaches.front()->name})},
        {}};
  return {item_state::done,
          fill(w.coaches, {std::to_string(coaches.size()), staff_name_list(coaches)}),
          {},
          {}};
}

PEERKIT_INLINE derived_outcome detail::check_first_year_mentors(const school& s,
                                                                const programme_facts& f,
                                                                report_language language) {
  const auto& w = derived_words(language);
  std::vector<const class_group*> first_years;
  for (const auto& c : s.classes)
    if (c.is_first_year()) first_years.push_back(&c);
  if (first_years.empty())
    return {item_state::not_applicable, std::string(w.no_first_years), {}, {}};
  if (!f.roles.empty() && std::all_of(f.roles.begin(), f.roles.end(), [](const role_entry& r) {
        return r.parameters.newcomers_only;
      }))
    return {item_state::not_applicable, std::string(w.newcomers_only), {}, {}};
  std::vector<std::string> findings;
  std::size_t ok = 0;
  for (const auto* c : first_years) {
    const staff_member* mentor = c->mentor ? s.find(*c->mentor) : nullptr;
    if (!c->mentor)
      findings.push_back(fill(w.no_mentor, {c->name}));
    else if (!mentor)
      findings.push_back(fill(w.mentor_unknown, {c->name, std::to_string(c->mentor->value())}));
    else if (!mentor->holds(staff_role::class_mentor))
      findings.push_back(fill(w.mentor_without_role, {c->name, mentor->name}));
    else
      ++ok;
  }
  return partial_outcome(ok, first_years.size(), w.mentors_counted, std::move(findings), w);
}

PEERKIT_INLINE derived_outcome detail::check_supporters_ready(const programme_facts& f,
                                                              report_language language) {
  const auto& w = derived_words(language);
  if (f.pairs.empty()) return {item_state::not_started, "", {std::string(w.nobody_paired)}, {}};
  std::set<std::pair<std::uint32_t, supporter_role>> supporters, failed;
  std::vector<std::string> findings;
  for (const auto& p : f.pairs) {
    for (auto student : p.supporters) {
      const auto key = std::make_pair(student.value(), p.role);
      supporters.insert(key);
      const std::string who = fill(w.paired_supporter, {std::to_string(student.value()),
                                                        facts_role_name(f, p.role, language),
                                                        to_iso_extended_string(p.started)});
      auto record = std::find_if(
          f.supporters.begin(), f.supporters.end(),
          [&](const supporter_record& r) { return r.student == student && r.role == p.role; });
      std::vector<std::string> missing;
      if (record == f.supporters.end()) {
        missing.emplace_back(w.no_record);
      } else {
        if (!record->selected_on)
          missing.emplace_back(w.not_selected);
        else if (*record->selected_on > p.started)
          missing.push_back(fill(w.selected_late, {to_iso_extended_string(*record->selected_on)}));
        if (!record->trained_on)
          missing.emplace_back(w.not_trained);
        else if (*record->trained_on > p.started)
          missing.push_back(fill(w.trained_late, {to_iso_extended_string(*record->trained_on)}));
      }
      if (!missing.empty()) {
        failed.insert(key);
        findings.push_back(who + " " + checklist_join(missing));
      }
    }
  }
  return partial_outcome(supporters.size() - failed.size(), supporters.size(), w.supporters_counted,
                         std::move(findings), w);
}

PEERKIT_INLINE derived_outcome detail::check_intervision(const programme_facts& f,
                                                         report_language language) {
  const auto& w = derived_words(language);
  if (f.roles.empty()) return {item_state::not_started, "", {std::string(w.roles_not_given)}, {}};
  std::vector<std::string> findings, fine;
  std::size_t scheduled = 0;
  for (const auto& role : f.roles) {
    const auto name = facts_role_name(f, role.kind, language);
    std::optional<day_range> period;
    for (const auto& p : f.periods)
      if (p.role == role.kind) period = p.days;
    std::vector<std::string> role_findings;
    bool any = false;
    for (const auto& series : f.intervision) {
      if (series.role != role.kind || series.dates.empty()) continue;
      any = true;
      auto more = cadence_findings(series, role.parameters.intervision, period, f.breaks,
                                   fill(w.group, {name, std::to_string(series.group)}), w);
      role_findings.insert(role_findings.end(), more.begin(), more.end());
    }
    if (!any)
      role_findings.push_back(fill(w.no_intervision, {name}));
    else
      ++scheduled;
    if (role_findings.empty()) fine.push_back(name);
    findings.insert(findings.end(), role_findings.begin(), role_findings.end());
  }
  derived_outcome o;
  o.findings = std::move(findings);
  o.state = fine.size() == f.roles.size() ? item_state::done
            : scheduled == 0              ? item_state::not_started
                                          : item_state::in_progress;
  if (!fine.empty()) o.evidence = fill(w.follows_cadence, {checklist_join(fine)});
  return o;
}

PEERKIT_INLINE derived_outcome detail::check_successors(const school& s, report_language language) {
  const auto& w = derived_words(language);
  std::vector<std::string> findings;
  std::size_t total = 0, ok = 0;
  for (const auto& m : s.staff) {
    if (m.roles.empty()) continue;
    ++total;
    std::vector<std::string> roles;
    for (auto r : m.roles) roles.emplace_back(role_name(r, language));
    const std::string who = m.name + " (" + checklist_join(roles) + ")";
    if (!m.successor)
      findings.push_back(fill(w.no_successor, {who}));
    else if (*m.successor == m.id)
      findings.push_back(fill(w.own_successor, {who}));
    else if (!s.find(*m.successor))
      findings.push_back(fill(w.successor_unknown, {who, std::to_string(m.successor->value())}));
    else
      ++ok;
  }
  if (total == 0) return {item_state::not_started, "", {std::string(w.no_programme_staff)}, {}};
  return partial_outcome(ok, total, w.successors_counted, std::move(findings), w);
}

PEERKIT_INLINE derived_outcome detail::check_support_period(const programme_facts& f,
                                                            report_language language) {
  const auto& w = derived_words(language);
  if (f.roles.empty()) return {item_state::not_started, "", {std::string(w.roles_not_given)}, {}};
  std::vector<std::string> findings, fine;
  std::size_t total = 0, given = 0;
  for (const auto& role : f.roles) {
    if (!is_buddy_kind(role.kind)) continue;
    ++total;
    const auto name = facts_role_name(f, role.kind, language);
    auto plan = std::find_if(f.periods.begin(), f.periods.end(),
                             [&](const support_period_plan& p) { return p.role == role.kind; });
    if (plan == f.periods.end()) {
      findings.push_back(fill(w.no_period, {name}));
      continue;
    }
    ++given;
    const date needed = add_months_clamped(plan->days.first, minimum_buddy_months) -
                        boost::gregorian::days(1);
    const std::string range = fill(w.range, {to_iso_extended_string(plan->days.first),
                                             to_iso_extended_string(plan->days.last)});
    if (plan->days.last < needed)
      findings.push_back(fill(
          w.period_too_short,
          {name, range, std::to_string(minimum_buddy_months), to_iso_extended_string(needed)}));
    else
      fine.push_back(name + ": " + range);
  }
  if (total == 0) return {item_state::not_applicable, std::string(w.no_buddy_role), {}, {}};
  derived_outcome o;
  o.findings = std::move(findings);
  o.state = fine.size() == total ? item_state::done
            : given == 0         ? item_state::not_started
                                 : item_state::in_progress;
  o.evidence = checklist_join(fine);
  return o;
}

PEERKIT_INLINE derived_outcome detail::evaluate_in(derived_check c, const school& s,
                                                   const programme_facts& f,
                                                   report_language language) {
  switch (c) {
    case derived_check::none: break;
    case derived_check::coordinator_appointed:
      return check_staff_in_role(s, staff_role::coordinator, language);
    case derived_check::teacher_coach_appointed:
      return check_staff_in_role(s, staff_role::teacher_coach, language);
    case derived_check::more_teacher_coaches: return check_more_teacher_coaches(s, language);
    case derived_check::first_year_mentors_involved:
      return check_first_year_mentors(s, f, language);
    case derived_check::supporters_ready_before_pairing: return check_supporters_ready(f, language);
    case derived_check::intervision_at_cadence: return check_intervision(f, language);
    case derived_check::successors_named: return check_successors(s, language);
    case derived_check::support_period_six_months: return check_support_period(f, language);
  }
  PEERKIT_ASSERT(false, "evaluate: `none` is not a derived check");
  return {};
}

PEERKIT_INLINE derived_outcome evaluate(derived_check c, const school& s,
                                        const programme_facts& f) {
  auto outcome = detail::evaluate_in(c, s, f, report_language::english);
  auto dutch = detail::evaluate_in(c, s, f, report_language::dutch);
  outcome.dutch = {std::move(dutch.evidence), std::move(dutch.findings)};
  return outcome;
}

PEERKIT_INLINE derived_results evaluate_derived(const school& s, const programme_facts& f) {
  validate(f, s);
  derived_results results;
  results.roles_run = f.role_kinds();
  for (std::size_t i = 1; i < derived_check_count; ++i)
    results.outcomes[i] = evaluate(static_cast<derived_check>(i), s, f);
  results.outcomes[0] = {};
  return results;
}

}  // namespace peerkit
