#pragma once
// The programme year run forward, week by week on the plan of its school calendar: planned
// meetings held or missed, closeness built and lost, intervision attended while a group
// has its teacher coach, problems raised and answered, pairs ending early and supportees
// rematched under the school's rematch policy, supportees left waiting matched late, and
// at the end of the year each supportee's effect. Several years carry the programme over:
// supporters leave and are recruited as the school's support base allows, coaches are
// succeeded.
//
// Every random number comes from a stream keyed by (seed, design point, replication,
// entity, purpose) and every stream draws the same count whatever happens elsewhere, so a
// run is a pure function of its inputs and scenarios that share a replication share their
// random numbers (common random numbers): "intervision every two or four weeks" differs
// only where the scenarios differ.

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>
#include <optional>
#include <vector>

#include <boost/date_time/gregorian/gregorian.hpp>

#include <peerkit/experiment/distributions.hpp>
#include <peerkit/experiment/random_stream.hpp>
#include <peerkit/simulation/events.hpp>
#include <peerkit/simulation/population.hpp>
#include <peerkit/simulation/processes.hpp>
#include <peerkit/supervision/closure.hpp>

namespace peerkit {

/// How one pair fared.
struct pair_outcome {
  std::size_t pair_index = 0;
  pair_id id;
  supporter_role role = supporter_role::peer_buddy;
  date started;
  date ended;
  end_reason reason = end_reason::period_completed;
  bool early = false;    ///< ended before the end of the year
  bool rematch = false;  ///< this pair rematched a supportee
  int meetings_planned = 0;
  int meetings_held = 0;
  double closeness = 0;  ///< at its end
  friend bool operator==(const pair_outcome&, const pair_outcome&) = default;
};

/// One simulated year in figures.
struct year_summary {
  int year = 0;        ///< 0 for the first year of a run
  int supporters = 0;  ///< available at the start of the year
  int supportees = 0;  ///< asking for support
  int pairs = 0;       ///< started, rematches and late matches included
  int early_endings = 0;
  int rematches = 0;
  int late_matches = 0;
  int never_matched = 0;  ///< supportees without a supporter all year
  int meetings_planned = 0;
  int meetings_held = 0;
  double meetings_per_month = 0;  ///< held per month of teaching weeks with a supporter
  double months_supported = 0;    ///< mean over supportees who had a supporter
  double early_share = 0;         ///< early endings per pair of the year's start
  int escalations = 0;
  int escalations_late = 0;  ///< staff did not respond within the deadline
  int sessions_planned = 0;
  int sessions_held = 0;
  int coaches_left = 0;
  double mean_effect = 0;  ///< over all supportees asking (0 for the never matched)
  double support = 1;      ///< the school's support base at the year's end
  friend bool operator==(const year_summary&, const year_summary&) = default;
};

/// A simulated year: its figures, its pairs and each supportee's effect.
struct year_outcome {
  year_summary summary;
  std::vector<pair_outcome> pairs;
  std::vector<double> effects;  ///< per supportee, in the order of the plan's supportees
  friend bool operator==(const year_outcome&, const year_outcome&) = default;
};

/// A simulated year ended.
struct year_ended_event {
  const year_outcome& outcome;
};

/// What a simulation needs besides its plan: the model's numbers, the school's rematch
/// policy (the parameters adjust it), and how many years to run.
struct simulation_settings {
  model_parameters parameters{};
  rematch_policy rematch{};
  int years = 1;
};

/// What each random stream is for; part of every stream's key.
enum class stream_purpose : std::uint32_t {
  meeting = 1,
  closure,
  reason,
  escalation,
  response,
  intervision,
  stress,
  coach,
  late_match,
  recruitment,
};

/// The key of the stream for `purpose` of `entity` in year `year` of a run keyed by
/// `run` (its seed, design point and replication).
[[nodiscard]] inline stream_key stream_for(const stream_key& run, int year, std::size_t entity,
                                           stream_purpose purpose) {
  // Years and entities share the entity word: up to 1024 years of 4 million entities.
  auto key = run;
  key.entity = (static_cast<std::uint32_t>(year) << 22) | static_cast<std::uint32_t>(entity);
  key.purpose = static_cast<std::uint32_t>(purpose);
  return key;
}

/// The school's rematch policy adjusted by the parameters.
[[nodiscard]] inline rematch_policy scenario_rematch(rematch_policy policy,
                                                     const model_parameters& p) {
  policy.rematching = p.rematching != 0;
  policy.pause_days = static_cast<int>(p.rematch_pause_days);
  policy.min_days_left = static_cast<int>(p.rematch_min_days_left);
  policy.max_rematches_per_year = static_cast<int>(p.max_rematches);
  if (p.rematch_after_any_reason != 0) policy.after_reason.fill(true);
  policy.after_reason[static_cast<std::size_t>(end_reason::period_completed)] = false;
  return policy;
}

namespace detail {

/// Runs one year of a plan; the state that carries over between years lives in
/// `carry`.
template <class Processes, class Observer>
class year_run {
 public:
  struct carry_over {
    double support = 1;
    std::vector<bool> coach_present;
  };

  year_run(const population& plan, const simulation_settings& settings, const stream_key& run,
           int year, carry_over& carry, Observer& observer)
      : plan_(plan),
        p_(settings.parameters),
        rematch_(scenario_rematch(settings.rematch, settings.parameters)),
        run_(run),
        year_(year),
        carry_(carry),
        observer_(observer) {
    weekly_hazard_ = 1 - std::pow(1 - p_.monthly_closure_hazard, 12.0 / 52.0);
  }

  year_outcome operator()(std::size_t pairs_to_start) {
    notify(observer_, year_started_event{year_, plan_});
    prepare(pairs_to_start);
    using boost::gregorian::days;
    const date first = first_monday();
    end_of_year_from_ = end_of_year_start();
    for (date monday = first; monday <= plan_.last_day; monday += days(7)) week(monday);
    return finish();
  }

 private:
  struct pair_state {
    support_pair pair;
    std::size_t role = 0;
    std::size_t group = no_group;
    bool active = false;
    bool stressed = false;
    bool rematch = false;
    std::optional<std::size_t> replaces;
    double closeness = 0;
    double closeness_sum = 0;
    int weeks = 0;
    int supervised_weeks = 0;
    int teaching_weeks = 0;
    int planned = 0;
    int held = 0;
    long last_supervised = 0;  ///< day number of the last intervision attended
    random_stream meeting, closure, escalation, response, attendance;
  };
  struct pending_rematch {
    date on;
    std::size_t ended;
  };

  [[nodiscard]] random_stream stream(std::size_t entity, stream_purpose purpose) const {
    return random_stream(stream_for(run_, year_, entity, purpose));
  }

  void prepare(std::size_t pairs_to_start) {
    coaches_since_.assign(static_cast<std::size_t>(plan_.coaches), date{});
    coach_left_on_.assign(static_cast<std::size_t>(plan_.coaches), date{});
    if (carry_.coach_present.size() != coaches_since_.size())
      carry_.coach_present.assign(coaches_since_.size(), true);
    for (std::size_t c = 0; c < coaches_since_.size(); ++c) {
      coach_streams_.push_back(stream(c, stream_purpose::coach));
      if (!carry_.coach_present[c]) coach_left_on_[c] = plan_.year.first_day();
    }
    group_pairs_.resize(plan_.groups.size());
    week_meetings_.resize(plan_.roles.size());
    for (const auto& role : plan_.roles)
      shortfall_.push_back(
          role.reference_training > 0
              ? std::max(0.0, 1 - double(role.training_sessions) / role.reference_training)
              : 0.0);
    waiting_.resize(plan_.roles.size());
    reserves_.resize(plan_.roles.size());
    for (std::size_t r = 0; r < plan_.roles.size(); ++r) {
      waiting_[r] = plan_.roles[r].waiting;
      reserves_[r] = plan_.roles[r].reserves;
      late_streams_.push_back(stream(r, stream_purpose::late_match));
    }
    supportees_ = plan_.supportee_count();
    for (std::size_t i = 0; i < plan_.pairs.size(); ++i) {
      const auto& sp = plan_.pairs[i];
      if (i < pairs_to_start) {
        add_pair(sp.pair, sp.role, sp.group, std::nullopt, false);
      } else {
        // Not enough supporters this year: the pair's supportees wait.
        for (auto s : sp.pair.supportees) waiting_[sp.role].push_back(s);
      }
    }
    plan_pairs_started_ = static_cast<int>(std::min(pairs_to_start, plan_.pairs.size()));
  }

  std::size_t add_pair(support_pair pair, std::size_t role, std::size_t group,
                       std::optional<std::size_t> replaces, bool rematch) {
    const auto i = pairs_.size();
    pair_state s{std::move(pair),
                 role,
                 group,
                 false,
                 false,
                 rematch,
                 replaces,
                 p_.initial_closeness,
                 0,
                 0,
                 0,
                 0,
                 0,
                 0,
                 {},
                 stream(i, stream_purpose::meeting),
                 stream(i, stream_purpose::closure),
                 stream(i, stream_purpose::escalation),
                 stream(i, stream_purpose::response),
                 stream(i, stream_purpose::intervision)};
    s.last_supervised = s.pair.started.day_number();  // the training just ended
    auto stress = stream(i, stream_purpose::stress);
    s.stressed = bernoulli(stress, p_.stressed_share) && !s.pair.supportees.empty();
    if (group != no_group) group_pairs_[group].push_back(i);
    pairs_.push_back(std::move(s));
    return i;
  }

  void start(std::size_t i) {
    auto& s = pairs_[i];
    s.active = true;
    notify(observer_, pair_started_event{i, s.pair, s.replaces});
  }

  [[nodiscard]] date first_monday() const {
    date first = plan_.last_day;
    for (const auto& s : pairs_) first = std::min(first, s.pair.started);
    for (const auto& r : plan_.roles)
      if (!r.meetings.empty()) first = std::min(first, r.meetings.front());
    using boost::gregorian::days;
    return first - days((first.day_of_week().as_number() + 6) % 7);
  }

  /// The Monday of the first of the last `end_of_year_weeks` weeks with a planned meeting.
  [[nodiscard]] date end_of_year_start() const {
    std::vector<date> weeks;
    using boost::gregorian::days;
    for (const auto& r : plan_.roles)
      for (auto d : r.meetings) weeks.push_back(d - days((d.day_of_week().as_number() + 6) % 7));
    std::sort(weeks.begin(), weeks.end());
    weeks.erase(std::unique(weeks.begin(), weeks.end()), weeks.end());
    const auto n = static_cast<std::size_t>(p_.end_of_year_weeks);
    if (n == 0 || weeks.empty()) return plan_.last_day + days(1);
    return weeks[weeks.size() - std::min(n, weeks.size())];
  }

  [[nodiscard]] bool coach_present(int coach, date day) const {
    const auto c = static_cast<std::size_t>(coach);
    return coach_left_on_[c].is_special() || day < coach_left_on_[c] ||
           (!coaches_since_[c].is_special() && coaches_since_[c] <= day);
  }

  void staff_week(date monday) {
    using boost::gregorian::days;
    for (std::size_t c = 0; c < coaches_since_.size(); ++c) {
      const bool scheduled_loss = c == 0 && p_.coach_loss_month > 0 &&
                                  static_cast<int>(monday.month()) ==
                                      static_cast<int>(p_.coach_loss_month);
      const bool leaves = bernoulli32(coach_streams_[c], p_.coach_weekly_turnover);
      if (!coach_left_on_[c].is_special() && coaches_since_[c].is_special() &&
          p_.coach_succession_weeks > 0 &&
          monday >= coach_left_on_[c] + days(7 * static_cast<int>(p_.coach_succession_weeks))) {
        coaches_since_[c] = monday;
        carry_.coach_present[c] = true;
        notify(observer_, coach_succeeded_event{static_cast<int>(c), monday});
      }
      const bool present = coach_present(static_cast<int>(c), monday);
      if (present && (leaves || (scheduled_loss && !lost_scheduled_))) {
        if (scheduled_loss) lost_scheduled_ = true;
        coach_left_on_[c] = monday;
        coaches_since_[c] = date{};
        carry_.coach_present[c] = false;
        carry_.support = std::max(0.0, carry_.support - p_.support_loss_on_turnover);
        ++summary_.coaches_left;
        notify(observer_, coach_left_event{static_cast<int>(c), monday});
      }
    }
  }

  void match_late(date monday) {
    using boost::gregorian::days;
    for (std::size_t r = 0; r < waiting_.size(); ++r) {
      const bool draw = bernoulli32(late_streams_[r], p_.weekly_late_match);
      if (!draw || waiting_[r].empty() || reserves_[r].empty()) continue;
      const auto day = next_meeting(r, monday);
      if (!day) continue;
      support_pair p;
      p.id = next_id();
      p.role = plan_.roles[r].role;
      p.supporters = {reserves_[r].front()};
      p.supportees = {waiting_[r].front()};
      p.started = *day;
      reserves_[r].erase(reserves_[r].begin());
      waiting_[r].erase(waiting_[r].begin());
      start(add_pair(std::move(p), r, group_of_role(r), std::nullopt, false));
      ++summary_.late_matches;
    }
  }

  [[nodiscard]] std::optional<date> next_meeting(std::size_t role, date from) const {
    const auto& m = plan_.roles[role].meetings;
    const auto it = std::lower_bound(m.begin(), m.end(), from);
    if (it == m.end()) return std::nullopt;
    return *it;
  }

  [[nodiscard]] std::size_t group_of_role(std::size_t role) const {
    for (std::size_t g = 0; g < plan_.groups.size(); ++g)
      if (plan_.groups[g].role == role) return g;
    return no_group;
  }

  [[nodiscard]] pair_id next_id() {
    pair_id::rep highest = 0;
    for (const auto& s : pairs_) highest = std::max(highest, s.pair.id.value());
    return pair_id(highest + 1);
  }

  void start_rematches(date monday) {
    using boost::gregorian::days;
    const date sunday = monday + days(6);
    for (auto it = pending_.begin(); it != pending_.end();) {
      if (it->on > sunday) {
        ++it;
        continue;
      }
      const auto& ended = pairs_[it->ended];
      const auto r = ended.role;
      // A rematch made after this week's first meeting day starts at the next one.
      const auto day = next_meeting(r, std::max(it->on, monday));
      if (day && !reserves_[r].empty()) {
        support_pair p;
        p.id = next_id();
        p.role = ended.pair.role;
        p.supporters = {reserves_[r].front()};
        p.supportees = ended.pair.supportees;
        p.started = *day;
        reserves_[r].erase(reserves_[r].begin());
        const auto group = ended.group;
        start(add_pair(std::move(p), r, group, it->ended, true));
        for (auto s : pairs_.back().pair.supportees) ++rematches_of_[s.value()];
        ++summary_.rematches;
      } else {
        for (auto s : ended.pair.supportees) waiting_[r].push_back(s);
      }
      it = pending_.erase(it);
    }
  }

  void intervision_week(date monday) {
    using boost::gregorian::days;
    const date sunday = monday + days(6);
    for (std::size_t g = 0; g < plan_.groups.size(); ++g) {
      const auto& group = plan_.groups[g];
      const auto first = std::lower_bound(group.sessions.begin(), group.sessions.end(), monday);
      for (auto it = first; it != group.sessions.end() && *it <= sunday; ++it) {
        ++summary_.sessions_planned;
        if (!coach_present(group.coach, *it)) {
          notify(observer_, intervision_missed_event{g, *it});
          continue;
        }
        ++summary_.sessions_held;
        present_.clear();
        for (auto i : group_pairs_[g]) {
          auto& s = pairs_[i];
          if (!s.active || s.pair.started > *it) continue;
          bool came = false;
          for (auto supporter : s.pair.supporters)
            if (bernoulli32(s.attendance, p_.intervision_attendance)) {
              present_.push_back(supporter);
              came = true;
            }
          if (came) s.last_supervised = it->day_number();
        }
        notify(observer_, intervision_event{g, *it, present_});
      }
    }
  }

  void end_pair(std::size_t i, date on, end_reason reason) {
    auto& s = pairs_[i];
    s.active = false;
    s.pair.ended = on;
    s.pair.ended_because = reason;
    notify(observer_, pair_ended_event{i, on, reason});
    if (reason == end_reason::period_completed) return;
    ++summary_.early_endings;
    // A supporter whose supportee left is free for another.
    if (reason == end_reason::supportee_left_school || reason == end_reason::supportee_withdrew) {
      for (auto supporter : s.pair.supporters) reserves_[s.role].push_back(supporter);
      return;
    }
    if (s.pair.supportees.empty()) return;
    int had = 0;
    for (auto st : s.pair.supportees) had = std::max(had, rematches_of_[st.value()]);
    const auto decision = decide_rematch(rematch_, pair_closure{s.pair.id, on, reason, {}}, had, on,
                                         plan_.last_day);
    if (decision.allowed() || decision.verdict == rematch_verdict::pause_not_over) {
      const auto day = next_meeting(s.role, decision.earliest);
      if (day && *day <= plan_.last_day - boost::gregorian::days(rematch_.min_days_left)) {
        pending_.push_back({*day, i});
        return;
      }
    }
    for (auto st : s.pair.supportees) waiting_[s.role].push_back(st);
  }

  void week(date monday) {
    using boost::gregorian::days;
    const date sunday = monday + days(6);
    staff_week(monday);
    match_late(monday);
    start_rematches(monday);
    // Late matches and rematches start when they are made; planned pairs on their day.
    for (std::size_t i = 0; i < pairs_.size(); ++i)
      if (!pairs_[i].active && !pairs_[i].pair.ended && pairs_[i].pair.started <= sunday) start(i);
    intervision_week(monday);
    // What the plan holds this week, found once for all pairs.
    for (std::size_t r = 0; r < plan_.roles.size(); ++r) {
      const auto& m = plan_.roles[r].meetings;
      week_meetings_[r] = {std::lower_bound(m.begin(), m.end(), monday),
                           std::upper_bound(m.begin(), m.end(), sunday)};
    }
    bonding_week_.clear();
    for (auto d : plan_.bonding)
      if (d >= monday && d <= sunday) bonding_week_.push_back(d);
    const bool end_of_year = monday >= end_of_year_from_;
    const long supervised_after = monday.day_number() -
                                  7 * static_cast<long>(p_.supervision_window_weeks);
    int active = 0;
    int held_this_week = 0;
    double closeness_sum = 0;
    for (std::size_t i = 0; i < pairs_.size(); ++i) {
      auto& s = pairs_[i];
      if (!s.active) continue;
      const pair_week w{s.closeness, s.stressed,         s.last_supervised > supervised_after,
                        end_of_year, shortfall_[s.role], s.pair.supportees.empty()};
      auto [first, last] = week_meetings_[s.role];
      if (s.pair.started > monday) first = std::lower_bound(first, last, s.pair.started);
      for (auto it = first; it != last; ++it) {
        const bool held = bernoulli32(s.meeting, Processes::meeting_chance(p_, w));
        ++s.planned;
        s.held += held;
        held_this_week += held;
        s.closeness = Processes::closeness_after(p_, s.closeness, held);
        notify(observer_, meeting_event{i, *it, held});
      }
      for (auto d : bonding_week_)
        if (d >= s.pair.started) s.closeness = Processes::closeness_after_bonding(p_, s.closeness);
      const bool teaching = first != last;
      ++s.weeks;
      s.closeness_sum += s.closeness;
      s.supervised_weeks += w.supervised;
      s.teaching_weeks += teaching;
      ++active;
      closeness_sum += s.closeness;
      if (teaching) escalate(i, w, *first);
      if (!s.active) continue;
      if (bernoulli32(s.closure, Processes::closure_chance(p_, weekly_hazard_, w))) {
        auto reason = stream(i, stream_purpose::reason);
        end_pair(i, std::min(sunday, plan_.last_day) + days(1),
                 Processes::closure_reason(p_, uniform01(reason), w));
      }
    }
    notify(observer_,
           week_ended_event{monday, active, held_this_week, active ? closeness_sum / active : 0.0});
  }

  void escalate(std::size_t i, const pair_week& w, date day) {
    auto& s = pairs_[i];
    // One word decides whether and how seriously: below chance × safety_share a safety
    // problem, then urgent, then a concern.
    const double u = s.escalation.next() / 4294967296.0;
    const double chance = Processes::escalation_chance(p_, w);
    if (u >= chance || s.pair.supporters.empty()) return;
    const auto tier = u < chance * p_.safety_share                       ? severity::safety
                      : u < chance * (p_.safety_share + p_.urgent_share) ? severity::urgent
                                                                         : severity::concern;
    const bool coach = s.group == no_group || coach_present(plan_.groups[s.group].coach, day);
    const bool on_time = bernoulli32(
        s.response, coach ? p_.response_on_time : p_.response_on_time_without_coach);
    ++summary_.escalations;
    summary_.escalations_late += !on_time;
    notify(observer_, escalation_raised_event{i, day, tier, on_time});
    if (tier == severity::safety && bernoulli32(s.response, p_.safety_closes_pair))
      end_pair(i, day + boost::gregorian::days(1), end_reason::support_too_heavy);
  }

  year_outcome finish() {
    year_outcome out;
    for (std::size_t i = 0; i < pairs_.size(); ++i)
      if (pairs_[i].active)
        end_pair(i, plan_.last_day + boost::gregorian::days(1), end_reason::period_completed);
    const int reference_weeks = reference_weeks_of();
    int started_pairs = 0;
    double teaching_weeks = 0;
    struct history_sum {
      support_history h;
      double closeness_weeks = 0;
      double supervised_weeks = 0;
      int planned = 0;
      int held = 0;
      double days = 0;
    };
    std::map<student_id, history_sum> by_supportee;
    for (std::size_t i = 0; i < pairs_.size(); ++i) {
      const auto& s = pairs_[i];
      if (!s.pair.ended) continue;  // planned to start after the year's last meeting
      ++started_pairs;
      const bool early = s.pair.ended_because != end_reason::period_completed;
      out.pairs.push_back({i, s.pair.id, s.pair.role, s.pair.started, *s.pair.ended,
                           *s.pair.ended_because, early, s.rematch, s.planned, s.held,
                           s.closeness});
      summary_.meetings_planned += s.planned;
      summary_.meetings_held += s.held;
      teaching_weeks += s.teaching_weeks;
      for (auto st : s.pair.supportees) {
        auto& h = by_supportee[st];
        h.h.weeks += s.weeks;
        h.h.rematched = h.h.rematched || s.rematch;
        h.closeness_weeks += s.closeness_sum;
        h.supervised_weeks += s.supervised_weeks;
        h.planned += s.planned;
        h.held += s.held;
        h.days += (*s.pair.ended - s.pair.started).days();
      }
    }
    summary_.year = year_;
    summary_.pairs = started_pairs;
    summary_.supportees = static_cast<int>(supportees_);
    summary_.meetings_per_month = teaching_weeks > 0
                                      ? summary_.meetings_held / (teaching_weeks * 7 / 30.436875)
                                      : 0;
    summary_.early_share = plan_pairs_started_ > 0
                               ? double(summary_.early_endings) / plan_pairs_started_
                               : 0;
    double months = 0;
    double effects = 0;
    for (auto& [id, h] : by_supportee) {
      h.h.reference_weeks = reference_weeks;
      h.h.mean_closeness = h.h.weeks ? h.closeness_weeks / h.h.weeks : 0;
      h.h.supervised_share = h.h.weeks ? h.supervised_weeks / h.h.weeks : 0;
      h.h.missed_share = h.planned ? 1 - double(h.held) / h.planned : 0;
      const double e = Processes::effect(p_, h.h);
      out.effects.push_back(e);
      effects += e;
      months += h.days / 30.436875;
    }
    const auto supported = static_cast<int>(by_supportee.size());
    summary_.never_matched = static_cast<int>(supportees_) - supported;
    for (int k = 0; k < summary_.never_matched; ++k) out.effects.push_back(0);
    summary_.months_supported = supported ? months / supported : 0;
    summary_.mean_effect = supportees_ ? effects / static_cast<double>(supportees_) : 0;
    summary_.support = carry_.support;
    out.summary = summary_;
    notify(observer_, year_ended_event{out});
    return out;
  }

  [[nodiscard]] int reference_weeks_of() const {
    date first = plan_.last_day;
    for (const auto& r : plan_.roles)
      if (!r.meetings.empty()) first = std::min(first, r.meetings.front());
    return std::max(1, static_cast<int>((plan_.last_day - first).days() / 7) + 1);
  }

  const population& plan_;
  const model_parameters& p_;
  rematch_policy rematch_;
  stream_key run_;
  int year_;
  carry_over& carry_;
  Observer& observer_;
  double weekly_hazard_ = 0;
  date end_of_year_from_;
  bool lost_scheduled_ = false;
  std::vector<pair_state> pairs_;
  std::vector<pending_rematch> pending_;
  std::vector<std::vector<student_id>> waiting_;
  std::vector<std::vector<student_id>> reserves_;
  std::vector<random_stream> coach_streams_;
  std::vector<random_stream> late_streams_;
  std::vector<date> coaches_since_;
  std::vector<date> coach_left_on_;
  std::vector<student_id> present_;
  std::vector<std::vector<std::size_t>> group_pairs_;
  std::vector<double> shortfall_;  ///< per role: share of its reference training left out
  using meeting_range =
      std::pair<std::vector<date>::const_iterator, std::vector<date>::const_iterator>;
  std::vector<meeting_range> week_meetings_;  ///< per role: its meetings this week
  std::vector<date> bonding_week_;
  std::map<student_id::rep, int> rematches_of_;
  std::size_t supportees_ = 0;
  int plan_pairs_started_ = 0;
  year_summary summary_;
};

}  // namespace detail

/// Runs `settings.years` years of `plan` with the random streams of `run` (its seed,
/// design point and replication). Year 0 starts every planned pair. Each later year the
/// support base decays with its half-life and is renewed by the training round; supporters
/// who return and the applicants the support base draws (of whom acceptance_share are
/// chosen) decide how many of the planned pairs start; below support_floor the programme
/// stops and every supportee waits. `observer` watches every event (events.hpp).
template <SimulationProcesses Processes = default_processes, class Observer = no_observer>
[[nodiscard]] std::vector<year_outcome> simulate(const population& plan,
                                                 const simulation_settings& settings,
                                                 const stream_key& run, Observer&& observer = {}) {
  const auto& p = settings.parameters;
  using run_type = detail::year_run<Processes, std::remove_reference_t<Observer>>;
  typename run_type::carry_over carry;
  std::vector<year_outcome> years;
  int supporters = 0;
  for (const auto& sp : plan.pairs) supporters += static_cast<int>(sp.pair.supporters.size());
  int available = supporters;
  for (int y = 0; y < settings.years; ++y) {
    std::size_t starting = plan.pairs.size();
    if (y > 0) {
      carry.support = std::clamp(carry.support * std::pow(0.5, 1 / p.support_half_life_years) +
                                     p.support_gain_per_training,
                                 0.0, 1.0);
      const auto& last = years.back().summary;
      // Supporters of pairs that lasted may return; the rest of the need is recruited
      // from applicants as the support base allows.
      const int stayed = last.pairs - last.early_endings;
      auto recruit = random_stream(stream_for(run, y, 0, stream_purpose::recruitment));
      int returning = 0;
      for (int k = 0; k < std::max(0, stayed); ++k)
        returning += bernoulli(recruit, p.supporter_return_share);
      const int applicants = static_cast<int>(
          std::lround(supporters / std::max(p.acceptance_share, 1e-9) * carry.support));
      int chosen = 0;
      for (int k = 0; k < applicants; ++k) chosen += bernoulli(recruit, p.acceptance_share);
      available = carry.support < p.support_floor ? 0 : std::min(supporters, returning + chosen);
      // Start the planned pairs whose supporters are there, in plan order.
      starting = 0;
      int used = 0;
      for (const auto& sp : plan.pairs) {
        const int need = static_cast<int>(sp.pair.supporters.size());
        if (used + need > available) break;
        used += need;
        ++starting;
      }
    }
    run_type year_run(plan, settings, run, y, carry, observer);
    years.push_back(year_run(starting));
    years.back().summary.supporters = available;
  }
  return years;
}

}  // namespace peerkit
