#pragma once
// A programme document: the school (inline, or the path of a school document), the
// policies chosen at run time, and what the coordinator recorded (applications,
// interviews, training, requests, coordinator choices, checklist progress, the settings
// supervision follows). Read strictly, every problem with its path; written so that
// reading it back gives the same document. Format: docs/input-formats.md and
// docs/schema/programme.schema.json.

#include <algorithm>
#include <array>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include <peerkit/checklist/five_step_plan.hpp>
#include <peerkit/checklist/seven_step_plan.hpp>
#include <peerkit/io/json_fields.hpp>
#include <peerkit/io/json_reader.hpp>
#include <peerkit/io/school_json.hpp>
#include <peerkit/io/special_category_release.hpp>
#include <peerkit/io/text_file.hpp>
#include <peerkit/programme/presets.hpp>

namespace peerkit::io {

/// Everything a programme document holds, with each policy in its run-time form.
struct programme_document {
  school the_school;
  /// The school document's path as written in the programme document; empty when inline.
  std::string school_file;
  programme_data data;
  /// The roles run; a document that names none runs peer leaders and peer buddies.
  std::vector<role_entry> roles =
      runtime_roles::of({supporter_role::peer_leader, supporter_role::peer_buddy}).roles();
  rating_scale scale = default_rating_scale;
  std::vector<selection_rule> selection_rules;
  matching_settings matching;
  programme_options schedule;
  /// "seven_step" (the brochure's 7-step plan) or "five_step" (Peer2Peer's 5-step plan).
  std::string checklist_plan = "seven_step";
  /// Set when the inline school's special-category values are written, with why and when
  /// (io::result_files sets it for a revealing run and clears it otherwise).
  std::optional<special_category_release> special_category_revealed;

  /// The name of the file the document was read from, which its problems name.
  std::string source_name = "programme.json";

  /// What `step` returns (a check or a run of the programme); the problems of a
  /// peerkit::error it throws are located in this document, whose paths they give.
  template <std::invocable Step>
  decltype(auto) in_document(Step&& step) const {
    try {
      return std::forward<Step>(step)();
    } catch (const error& e) {
      problem_list located;
      add_located(located, e.problems(), source_name);
      throw error(located.problems());
    }
  }

  /// The programme this document describes. Throws peerkit::error for invalid settings,
  /// located in the document (in_document).
  [[nodiscard]] runtime_programme programme() const {
    return in_document([&] {
      return runtime_programme(
          the_school, data, runtime_roles(roles), runtime_selection(scale, selection_rules),
          runtime_matching(matching), runtime_schedule(schedule),
          runtime_checklist(checklist_plan == "five_step" ? definition_of<five_step_plan>()
                                                          : definition_of<seven_step_plan>()));
    });
  }
};

/// The bounds of a programme's whole numbers: what a school's year can hold (the table in
/// docs/input-formats.md gives each field's).
namespace bounds {
/// An interval in teaching weeks: at most a year.
inline constexpr whole_range weeks{1, 52};
/// A count of weekly sessions, or of weeks: at most a year's worth.
inline constexpr whole_range weekly{0, 52};
/// Days from an event: at most a year (as the simulation's rematch parameters).
inline constexpr whole_range days{0, 365};
/// A session or a contact: at most a school day.
inline constexpr whole_range minutes{1, 480};
/// A rating scale and the ratings and minimums on it.
inline constexpr whole_range ratings{0, 100};
/// A weight of a score, or points of a wish.
inline constexpr whole_range weights{0, 100};
/// Supportees (classes, for leader duos) one supporter serves: at most a large class.
inline constexpr whole_range supportees{0, 40};
}  // namespace bounds

namespace detail {
/// Reads `[lowest, highest]`.
inline void read_range(json_reader& r, const json& j, const std::string& path, count_range& out) {
  std::vector<int> v;
  r.value(j, path, v);
  if (v.size() == 2)
    out = {v[0], v[1]};
  else if (j.is_array())
    r.problem("json.wrong_type", path,
              "expected [lowest, highest], found " + std::to_string(v.size()) + " numbers");
}
}  // namespace detail

template <>
struct json_value<count_range> {
  static void read(json_reader& r, const json& j, const std::string& path, count_range& out) {
    detail::read_range(r, j, path, out);
  }
  static json write(count_range range, const export_access&) {
    return json::array({range.min, range.max});
  }
  static std::array<int, 2> numbers(count_range range) { return {range.min, range.max}; }
};

template <>
struct json_value<rating_scale> {
  static void read(json_reader& r, const json& j, const std::string& path, rating_scale& out) {
    count_range range{out.lowest, out.highest};
    detail::read_range(r, j, path, range);
    out = {range.min, range.max};
  }
  static json write(rating_scale scale, const export_access&) {
    return json::array({scale.lowest, scale.highest});
  }
  static std::array<int, 2> numbers(rating_scale scale) { return {scale.lowest, scale.highest}; }
};

template <>
struct json_value<school_year> {
  static void read(json_reader& r, const json& j, const std::string& path, school_year& out) {
    std::string text;
    r.value(j, path, text);
    if (auto y = parse_school_year(text))
      out = *y;
    else if (j.is_string())
      r.problem("json.unknown_value", path,
                "expected a school year such as \"2025-2026\", found \"" + shown_name(text) + "\"");
  }
  static json write(school_year year, const export_access&) { return year.to_string(); }
};

template <>
struct json_fields<training_requirement> {
  static constexpr auto fields = std::tuple{
      // Training is one session a week before pairing (as the simulation's
      // training_half_days, at most 10).
      field("sessions", &training_requirement::sessions).within({0, 10}),
      field("minutes_per_session", &training_requirement::minutes_per_session)
          .within(bounds::minutes)};
};

template <>
struct json_fields<intervision_cadence> {
  static constexpr auto fields = std::tuple{
      field("initial_sessions", &intervision_cadence::initial_sessions).within(bounds::weekly),
      // 0 only without initial sessions (role_parameters::valid checks).
      field("initial_interval_weeks", &intervision_cadence::initial_interval_weeks)
          .within(bounds::weekly),
      field("interval_weeks", &intervision_cadence::interval_weeks).within(bounds::weeks)};
};

namespace detail {
/// The last school year of the longest track (vwo's sixth).
inline constexpr int last_school_year = [] {
  int last = 1;
  for (std::size_t i = 0; i < enum_keys<school_track>::keys.size(); ++i)
    last = std::max(last, years_of(static_cast<school_track>(i)));
  return last;
}();
}  // namespace detail

/// Each year lies within the school model: a regular year within the longest track, a
/// newcomer-class year within that class.
template <>
struct json_fields<supporter_eligibility> {
  static constexpr auto fields = std::tuple{
      field("min_year", &supporter_eligibility::min_year).within({1, detail::last_school_year}),
      field("upper_years_only", &supporter_eligibility::upper_years_only),
      field("newcomers", &supporter_eligibility::newcomers),
      field("min_newcomer_year", &supporter_eligibility::min_newcomer_year)
          .within({1, years_of(school_track::isk)})};
};

/// A role starts from its kind's parameters: the document gives only what differs.
template <>
struct json_fields<role_entry> {
  static constexpr auto fields = std::tuple{
      field("role", &role_entry::kind, presence::required)
          .read_with([](json_reader& r, const json& j, const std::string& path, role_entry& e) {
            read_value(r, j, path, e.kind);
            e.name = std::string(name_of(e.kind));
            e.parameters = default_parameters(e.kind);
          }),
      field("name", &role_entry::name),
      field("supportees_per_supporter",
            [](auto& e) -> auto& { return e.parameters.supportees_per_supporter; })
          .within(bounds::supportees),
      // A unit (a class, a conflict) is served by a few supporters.
      field("supporters_per_unit",
            [](auto& e) -> auto& { return e.parameters.supporters_per_unit; })
          .within({1, 10}),
      field("meets", [](auto& e) -> auto& { return e.parameters.meets; }),
      field("eligible_supporters",
            [](auto& e) -> auto& { return e.parameters.eligible_supporters; }),
      field("training", [](auto& e) -> auto& { return e.parameters.training; }),
      field("intervision", [](auto& e) -> auto& { return e.parameters.intervision; })};
};

template <>
struct json_fields<selection_gates> {
  static constexpr auto fields = std::tuple{
      field("motivation_letter", &selection_gates::motivation_letter),
      field("interview", &selection_gates::interview),
      // A report lists at most about 30 subjects.
      field("max_fail_marks", &selection_gates::max_fail_marks, presence::when_set).within({0, 30}),
      field("min_average", &selection_gates::min_average, presence::when_set)};
};

/// A required trait, keyed by the trait in its profile.
template <>
struct json_fields<required_trait> {
  static constexpr auto fields = std::tuple{
      field("minimum", &required_trait::minimum, presence::required).within(bounds::ratings),
      field("weight", &required_trait::weight).within(bounds::weights)};
};

template <>
struct json_value<std::vector<required_trait>> {
  static void read(json_reader& r, const json& j, const std::string& path,
                   std::vector<required_trait>& out) {
    read_keyed(r, j, path, "an object of trait: {minimum, weight}",
               [&](const std::string& trait, const json& spec, const std::string& where) {
                 required_trait t{trait, 0, 1};
                 read_value(r, spec, where, t);
                 out.push_back(std::move(t));
               });
  }
  static json write(const std::vector<required_trait>& traits, const export_access& access) {
    json out = json::object();
    for (const auto& t : traits) out[t.trait] = write_value(t, access);
    return out;
  }
};

template <>
struct json_value<std::vector<welcome_trait>> {
  static void read(json_reader& r, const json& j, const std::string& path,
                   std::vector<welcome_trait>& out) {
    read_keyed(r, j, path, "an object of trait: weight",
               [&](const std::string& trait, const json& weight, const std::string& where) {
                 welcome_trait t{trait, 1};
                 r.value(weight, where, t.weight);
                 check_within(r, where, t.weight, bounds::weights);
                 out.push_back(std::move(t));
               });
  }
  static json write(const std::vector<welcome_trait>& traits, const export_access&) {
    json out = json::object();
    for (const auto& t : traits) out[t.trait] = t.weight;
    return out;
  }
};

template <>
struct json_fields<runtime_profile> {
  static constexpr auto fields = std::tuple{field("required", &runtime_profile::required),
                                            field("welcome", &runtime_profile::welcome),
                                            field("gates", &runtime_profile::gates)};
};

/// A rule starts from its role's default profile; a school's profile adds to (and
/// overrides parts of) it.
template <>
struct json_fields<selection_rule> {
  static constexpr auto fields = std::tuple{
      field("role", &selection_rule::role, presence::required)
          .read_with(
              [](json_reader& r, const json& j, const std::string& path, selection_rule& rule) {
                read_value(r, j, path, rule.role);
                rule.profile = default_profile(rule.role);
              }),
      // Spare supporters of a role: a school has far fewer.
      field("reserves", &selection_rule::reserves).within({0, 100}),
      field("profile", &selection_rule::profile)
          .read_with(
              [](json_reader& r, const json& j, const std::string& path, selection_rule& rule) {
                runtime_profile school_profile;
                read_value(r, j, path, school_profile);
                rule.profile = extended(rule.profile, school_profile);
              }),
      field("capacity", &selection_rule::capacity, presence::when_set)
          .within({1, bounds::supportees.high})};
};

template <>
struct json_fields<hard_rules> {
  static constexpr auto fields = std::tuple{
      field("consent", &hard_rules::consent),
      field("conflicting_groups", &hard_rules::conflicting_groups),
      field("newcomer_class", &hard_rules::newcomer_class),
      field("same_gender", &hard_rules::same_gender),
      field("availability", &hard_rules::availability)};
};

template <>
struct json_fields<score_weights> {
  static constexpr auto fields = std::tuple{
      field("shared_interests", &score_weights::shared_interests).within(bounds::weights),
      field("offers_wants", &score_weights::offers_wants).within(bounds::weights),
      field("common_language", &score_weights::common_language).within(bounds::weights),
      field("origin_knowledge", &score_weights::origin_knowledge).within(bounds::weights),
      field("personality_fit", &score_weights::personality_fit).within(bounds::weights),
      field("can_meet", &score_weights::can_meet).within(bounds::weights)};
};

template <>
struct json_fields<pairing_options> {
  static constexpr auto fields = std::tuple{
      field("objective", &pairing_options::goal), field("proposer", &pairing_options::proposer),
      field("second_supportee_last", &pairing_options::second_supportee_last),
      field("rules", &pairing_options::rules), field("weights", &pairing_options::weights)};
};

template <>
struct json_fields<programme_options> {
  static constexpr auto fields = std::tuple{
      // About five a group (source 000); a class at most.
      field("intervision_group_size", &programme_options::intervision_group_size).within({1, 30}),
      field("cadence", &programme_options::cadence),
      field("bonding_weeks", &programme_options::bonding_weeks).within(bounds::weekly),
      field("project_week_interval", &programme_options::project_week_interval)
          .within(bounds::weekly),
      field("start", &programme_options::start, presence::when_set)};
};

template <>
struct json_fields<item_progress> {
  static constexpr auto fields = std::tuple{
      field("state", &item_progress::state, presence::required),
      field("on", &item_progress::on, presence::when_set),
      field("owner", &item_progress::owner, presence::when_set),
      field("evidence", &item_progress::evidence, presence::when_set)};
};

template <>
struct json_value<progress_book::record_map> {
  static void read(json_reader& r, const json& j, const std::string& path,
                   progress_book::record_map& out) {
    read_keyed(r, j, path, "an object of item: progress",
               [&](const std::string& key, const json& spec, const std::string& where) {
                 item_progress p;
                 if (!r.object(spec, where, field_names<item_progress>)) return;
                 read_fields(r, spec, where, p);
                 out.emplace(key, std::move(p));
               });
  }
  static json write(const progress_book::record_map& records, const export_access& access) {
    json out = json::object();
    for (const auto& [key, p] : records) out[key] = write_value(p, access);
    return out;
  }
};

template <>
struct json_fields<interview> {
  static constexpr auto fields = std::tuple{
      field("format", &interview::format), field("ratings", &interview::ratings),
      field("held_on", &interview::held_on, presence::when_set),
      field("interviewer", &interview::interviewer, presence::when_set)};

  /// Whether a rating lies on the programme's scale is checked when choosing.
  static void check(json_reader& r, const std::string& path, const interview& i) {
    for (const auto& rating : i.ratings)
      check_within(r, json_reader::join(path + ".ratings", rating.trait), rating.value,
                   bounds::ratings);
  }
};

/// The states must follow the application's rules, as if recorded one by one; ratings
/// are checked against the programme's scale when choosing.
template <>
struct json_fields<application> {
  static constexpr auto fields = std::tuple{
      field("id", &application::id, presence::required),
      field("student", &application::applicant, presence::required),
      field("role", &application::role, presence::required),
      field("state", &application::state),
      field("history", &application::history),
      field("interviews", &application::interviews)};

  static void check(json_reader& r, const std::string& path, const application& a) {
    std::vector<application_state> path_taken = a.history;
    path_taken.push_back(a.state);
    if (path_taken.front() != application_state::applied)
      r.problem("selection.illegal_transition", path + ".history",
                "an application starts as applied");
    for (std::size_t i = 1; i < path_taken.size(); ++i)
      if (!can_move(path_taken[i - 1], path_taken[i]))
        r.problem("selection.illegal_transition", path + ".state",
                  "an application cannot move from " + std::string(name_of(path_taken[i - 1])) +
                      " to " + std::string(name_of(path_taken[i])));
  }
};

template <>
struct json_fields<training_session> {
  static constexpr auto fields = std::tuple{
      field("student", &training_session::supporter, presence::required),
      field("role", &training_session::role, presence::required),
      field("minutes", &training_session::minutes).within(bounds::minutes),
      field("held_on", &training_session::held_on, presence::when_set)};
};

/// The sessions, in the order recorded; one of no minutes, or of more than a day, is a
/// problem.
template <>
struct json_value<training_log> {
  static void read(json_reader& r, const json& j, const std::string& path, training_log& out) {
    std::vector<training_session> sessions;
    if (!j.is_array()) return r.wrong_kind(path, "an array", j);
    for (std::size_t i = 0; i < j.size(); ++i) {
      const auto where = element_location(path, i);
      training_session s;
      if (!r.object(j[i], where, field_names<training_session>)) continue;
      read_fields(r, j[i], where, s);
      if (bounds::minutes.contains(s.minutes)) out.record(s);
    }
  }
  static json write(const training_log& log, const export_access& access) {
    return write_value(log.sessions(), access);
  }
};

template <>
struct json_fields<support_request> {
  static constexpr auto fields = std::tuple{
      field("student", &support_request::student, presence::required),
      field("role", &support_request::role, presence::required)};
};

template <>
struct json_fields<student_pair> {
  static constexpr auto fields = std::tuple{
      field("supporter", &student_pair::supporter, presence::required),
      field("supportee", &student_pair::supportee, presence::required)};
};

template <>
struct json_fields<leader_pair> {
  static constexpr auto fields = std::tuple{
      field("first", &leader_pair::first, presence::required),
      field("second", &leader_pair::second, presence::required)};
};

template <>
struct json_fields<ranking> {
  static constexpr auto fields = std::tuple{
      field("student", &ranking::who, presence::required),
      field("best_first", &ranking::best_first, presence::required)};
};

template <>
struct json_fields<observed_pair> {
  static constexpr auto fields = std::tuple{
      field("first", &observed_pair::first, presence::required),
      field("second", &observed_pair::second, presence::required),
      field("rating", &observed_pair::rating, presence::required).within(bounds::ratings)};
};

template <>
struct json_fields<class_exclusion> {
  static constexpr auto fields = std::tuple{
      field("leader", &class_exclusion::leader, presence::required),
      field("class", &class_exclusion::excluded, presence::required),
      field("reason", &class_exclusion::reason)};
};

template <>
struct json_fields<class_wish> {
  static constexpr auto fields = std::tuple{
      field("leader", &class_wish::leader, presence::required),
      field("class", &class_wish::wanted, presence::required),
      field("points", &class_wish::points).within(bounds::weights)};
};

template <>
struct json_fields<supervision_rules> {
  static constexpr auto fields = std::tuple{
      field("contact_grace_days", &supervision_rules::contact_grace_days).within(bounds::days),
      field("min_meeting_rate", &supervision_rules::min_meeting_rate)
          .read_with(
              [](json_reader& r, const json& j, const std::string& path, supervision_rules& rules) {
                if (j.is_number() && j.get<double>() >= 0 && j.get<double>() <= 1)
                  rules.min_meeting_rate = j.get<double>();
                else
                  r.wrong_kind(path, "a share from 0 to 1", j);
              }),
      field("rate_after_days", &supervision_rules::rate_after_days).within(bounds::days),
      field("intervision_grace_days", &supervision_rules::intervision_grace_days)
          .within(bounds::days),
      field("max_missed_sessions", &supervision_rules::max_missed_sessions).within(bounds::weekly),
      field("follow_up_days", &supervision_rules::follow_up_days).within(bounds::days),
      field("exit_evaluation_days", &supervision_rules::exit_evaluation_days).within(bounds::days)};
};

/// Staff roles: a list of their keys, written in the order of staff_role.
template <>
struct json_value<staff_role_set> {
  static void read(json_reader& r, const json& j, const std::string& path, staff_role_set& out) {
    std::vector<staff_role> roles;
    r.value(j, path, roles);
    out = {};
    for (auto role : roles)
      out.bits = static_cast<std::uint8_t>(out.bits | staff_role_set{role}.bits);
  }
  static json write(staff_role_set roles, const export_access&) {
    json out = json::array();
    for (std::size_t i = 0; i < enum_keys<staff_role>::keys.size(); ++i)
      if (roles.contains(static_cast<staff_role>(i))) out.push_back(enum_keys<staff_role>::keys[i]);
    return out;
  }
};

template <>
struct json_fields<route_step> {
  static constexpr auto fields = std::tuple{
      field("any_of", &route_step::any_of, presence::required),
      field("within_days", &route_step::within_days, presence::required).within(bounds::days)};
};

/// A tier's route is a list of 1 to max_route_steps steps; its roles receive escalations.
template <>
struct json_fields<tier_route> {
  static constexpr auto fields = std::tuple{
      field("route",
            [](const tier_route& t) { return std::vector(t.route().begin(), t.route().end()); })
          .read_with([](json_reader& r, const json& j, const std::string& path, tier_route& t) {
            std::vector<route_step> steps;
            read_value(r, j, path, steps);
            if (steps.empty() || steps.size() > max_route_steps)
              return r.problem("data.out_of_range", path,
                               "expected 1.." + std::to_string(max_route_steps) + " steps, found " +
                                   std::to_string(steps.size()));
            t.steps = {};
            std::copy(steps.begin(), steps.end(), t.steps.begin());
            t.step_count = static_cast<int>(steps.size());
          }),
      field("respond_within_days", &tier_route::respond_within_days).within(bounds::days),
      field("encourage_first", &tier_route::encourage_first)};

  static void check(json_reader& r, const std::string& path, const tier_route& t) {
    if (!t.valid())
      r.problem("data.out_of_range", path,
                "a route tells staff whose roles receive escalations, within 0 or more days, "
                "and expects a response within 0 or more days");
  }
};

template <>
struct json_fields<escalation_policy> {
  static constexpr auto fields = std::tuple{
      field("concern", [](auto& p) -> auto& { return p.tiers[0]; }),
      field("urgent", [](auto& p) -> auto& { return p.tiers[1]; }),
      field("safety", [](auto& p) -> auto& { return p.tiers[2]; })};
};

/// The reasons after which a new match is offered: a list of end_reason keys.
template <>
struct json_fields<rematch_policy> {
  static constexpr auto fields = std::tuple{
      field("rematching", &rematch_policy::rematching),
      // New supporters for one supportee in a year: a few at most.
      field("max_rematches_per_year", &rematch_policy::max_rematches_per_year).within({0, 10}),
      field("pause_days", &rematch_policy::pause_days).within(bounds::days),
      field("min_days_left", &rematch_policy::min_days_left).within(bounds::days),
      field("after_reasons", [](const rematch_policy& p) {
        std::vector<end_reason> reasons;
        for (std::size_t i = 0; i < p.after_reason.size(); ++i)
          if (p.after_reason[i]) reasons.push_back(static_cast<end_reason>(i));
        return reasons;
      }).read_with([](json_reader& r, const json& j, const std::string& path, rematch_policy& p) {
        std::vector<end_reason> reasons;
        r.value(j, path, reasons);
        if (!j.is_array()) return;
        p.after_reason = {};
        for (auto reason : reasons) p.after_reason[static_cast<std::size_t>(reason)] = true;
      })};
};

template <>
struct json_fields<custom_end_reason> {
  static constexpr auto fields = std::tuple{
      field("key", &custom_end_reason::key, presence::required),
      field("kind", &custom_end_reason::kind),
      field("permits_rematch", &custom_end_reason::permits_rematch)};
};

/// The school's end reasons: each key once, since closures name a reason by its key.
template <>
struct json_value<end_reason_list> {
  static void read(json_reader& r, const json& j, const std::string& path, end_reason_list& out) {
    read_value(r, j, path, out.custom);
    for (std::size_t i = 0; i < out.custom.size(); ++i) {
      const auto& key = out.custom[i].key;
      if (key.empty())
        r.problem("data.missing", element_location(path, i, "key"), "an end reason needs a key");
      else if (std::any_of(out.custom.begin(), out.custom.begin() + static_cast<std::ptrdiff_t>(i),
                           [&](const custom_end_reason& c) { return c.key == key; }))
        r.problem("data.duplicate", element_location(path, i, "key"),
                  "the end reason " + in_quotes(key) + " is given twice");
    }
  }
  static json write(const end_reason_list& reasons, const export_access& access) {
    return write_value(reasons.custom, access);
  }
};

template <>
struct json_fields<supervision_settings> {
  static constexpr auto fields = std::tuple{
      field("rules", &supervision_settings::rules),
      field("escalation", &supervision_settings::escalation),
      field("rematch", &supervision_settings::rematch),
      field("end_reasons", &supervision_settings::end_reasons)};
};

namespace detail {
inline constexpr std::string_view programme_format = "programme/1";

/// The school inline (its problems located below "school"), or the path of a school
/// document, which read_programme() reads once the whole document is read.
inline void read_inline_school(json_reader& r, const json& j, const std::string& path,
                               programme_document& doc) {
  if (j.is_string()) {
    doc.school_file = j.get<std::string>();
    if (doc.school_file.empty())
      r.problem("io.cannot_read", path, "cannot read the school document \"\"");
    return;
  }
  if (!r.object(j, path, field_names<school>)) return;
  problem_list school_problems;
  json_reader sr(school_problems);
  read_fields(sr, j, "", doc.the_school);
  for (const auto& p : school_problems.problems())
    r.problem(p.id, json_reader::join(path, p.location), p.message);
  if (school_problems.empty()) try {
      validate(doc.the_school);
    } catch (const error& e) {
      for (const auto& p : e.problems())
        r.problem(p.id, json_reader::join(path, p.location), p.message);
    }
}

inline void read_school_file(json_reader& r, const std::filesystem::path& base_directory,
                             programme_document& doc) {
  const auto path = base_directory / doc.school_file;
  std::error_code ignored;
  if (!std::filesystem::exists(path, ignored)) {
    r.problem("io.cannot_read", "school", "cannot read the school document " + path.string());
    return;
  }
  const auto name = path.filename().string();
  try {
    doc.the_school = read_school(read_text_file(path), name);
  } catch (const error& e) {
    for (const auto& p : e.problems()) {
      // What is wrong with the file as a whole (a directory, UTF-16, bad syntax) is
      // located at the file already; the rest within it.
      const auto& at = p.location == path.string() ? name : p.location;
      r.problem(p.id, at == name || at.starts_with(name + ":") ? at : name + ": " + at, p.message);
    }
  }
}
}  // namespace detail

/// The school is written inline unless it came from a file, whose path is written instead.
template <>
struct json_fields<programme_document> {
  static constexpr auto fields = std::tuple{
      field("peerkit", nullptr)
          .read_with(
              [](json_reader& r, const json& j, const std::string& path, programme_document&) {
                if (j != detail::programme_format)
                  r.problem("json.unknown_value", path,
                            "expected \"" + std::string(detail::programme_format) + "\", found " +
                                shown_value(j));
              })
          .write_with([](const programme_document&, const export_access&) {
            return json(detail::programme_format);
          }),
      field("school", nullptr, presence::required)
          .read_with(detail::read_inline_school)
          .write_with([](const programme_document& doc, const export_access& access) {
            return doc.school_file.empty() ? write_value(doc.the_school, access)
                                           : json(doc.school_file);
          }),
      field("year", [](auto& doc) -> auto& { return doc.data.year; }),
      field(
          "pairing_date", [](auto& doc) -> auto& { return doc.data.pairing_date; },
          presence::when_set),
      field("roles", &programme_document::roles),
      section("selection", field("scale", &programme_document::scale).within(bounds::ratings),
              field("rules", &programme_document::selection_rules)),
      field("matching", [](auto& doc) -> auto& { return doc.matching.buddies; }),
      field("schedule", &programme_document::schedule),
      section("checklist",
              field("plan", &programme_document::checklist_plan)
                  .read_with([](json_reader& r, const json& j, const std::string& path,
                                programme_document& doc) {
                    r.value(j, path, doc.checklist_plan);
                    if (doc.checklist_plan != "seven_step" && doc.checklist_plan != "five_step")
                      r.problem("json.unknown_value", path,
                                "'" + shown_name(doc.checklist_plan) +
                                    "' is not one of seven_step, five_step");
                  }),
              field("mode", [](auto& doc) -> auto& { return doc.data.checklist_mode; }),
              field("progress", [](auto& doc) -> auto& { return doc.data.checklist_progress; })),
      field("applications", [](auto& doc) -> auto& { return doc.data.applications; }),
      field("training", [](auto& doc) -> auto& { return doc.data.training; }),
      field("support_requests", [](auto& doc) -> auto& { return doc.data.support_requests; }),
      field("pinned_pairs", [](auto& doc) -> auto& { return doc.data.pinned_pairs; }),
      field("forbidden_pairs", [](auto& doc) -> auto& { return doc.data.forbidden_pairs; }),
      field("pinned_duos", [](auto& doc) -> auto& { return doc.data.pinned_duos; }),
      field("forbidden_duos", [](auto& doc) -> auto& { return doc.data.forbidden_duos; }),
      field("rankings", [](auto& doc) -> auto& { return doc.data.rankings; }),
      field("observed_duos", [](auto& doc) -> auto& { return doc.data.observed_duos; }),
      field("class_exclusions", [](auto& doc) -> auto& { return doc.data.class_exclusions; }),
      field("class_wishes", [](auto& doc) -> auto& { return doc.data.class_wishes; }),
      field("supervision", [](auto& doc) -> auto& { return doc.data.supervision; }),
      field("special_category_revealed", &programme_document::special_category_revealed,
            presence::when_set)};

  /// The schedule starts within the document's school year; the year planner's own checks
  /// of the schedule (schedule_programme_year) are met by the fields' bounds.
  static void check(json_reader& r, const std::string& path, const programme_document& doc) {
    const auto& start = doc.schedule.start;
    if (start && !doc.data.year.contains(*start))
      r.problem("schedule.out_of_range",
                json_reader::join(json_reader::join(path, "schedule"), "start"),
                "expected a day within school year " + doc.data.year.to_string() + ", found " +
                    to_iso_extended_string(*start));
  }
};

/// The fields of a programme document.
inline constexpr auto programme_fields = field_names<programme_document>;

/// Reads a programme document. A school given as a path is read relative to
/// `base_directory`. Throws peerkit::error with every problem found (the school's own
/// problems are located in its file).
inline programme_document read_programme(std::string_view text,
                                         const std::string& source_name = "programme.json",
                                         const std::filesystem::path& base_directory = ".") {
  problem_list problems;
  programme_document doc;
  auto parsed = parse_json(text, source_name, problems);
  if (!parsed) throw_document_problems(problems, source_name);
  json_reader r(problems);
  if (!r.object(*parsed, "", programme_fields)) throw_document_problems(problems, source_name);
  read_fields(r, *parsed, "", doc);
  if (!doc.school_file.empty()) detail::read_school_file(r, base_directory, doc);
  throw_document_problems(problems, source_name);
  doc.source_name = source_name;
  return doc;
}

/// Reads the programme document at `path` (a school path in it is relative to its folder).
inline programme_document read_programme_file(const std::filesystem::path& path) {
  return read_programme(read_text_file(path), path.filename().string(),
                        path.parent_path().empty() ? "." : path.parent_path());
}

/// The document as JSON; reading it back gives an equal document (with `access` for the
/// special-category values of an inline school).
inline json to_json(const programme_document& doc, const export_access& access = {}) {
  return write_value(doc, access);
}

}  // namespace peerkit::io
