#pragma once
// The record of the programme year as a JSON document, format "record/1": the path of the
// programme document it belongs to and the entries in the order recorded, one object per
// event. Format: docs/input-formats.md ("The record") and docs/schema/record.schema.json.
//
//   struct record_document { programme_document programme; std::string programme_file;
//                            std::vector<year_entry> entries; };
//   record_document read_record(text, base_directory, name);  // the programme file too
//   record_document read_record_file(path);
//   year_entry read_entry(const json& event, const end_reason_list&, name);  // one event
//   std::vector<year_entry> read_entries(text, const end_reason_list&, name);
//   std::vector<year_entry> read_entries_file(path, const end_reason_list&);  // object or array
//   runtime_programme replay(const record_document&, name);  // every entry through add()
//   json to_json(const year_entry&, const end_reason_list&);
//   json to_json(const record_document&);
//
// Reading checks structure only (fields, kinds, keys); what an entry means for the year
// is checked by replay(), which adds every entry to the programme. Every problem is
// located in its file: `year.json: events[3].pair: no pair has id 9`. A key given twice
// in one object is a problem too (nlohmann/json itself keeps the last one silently).

#include <array>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <tuple>
#include <utility>
#include <variant>
#include <vector>

#include <peerkit/io/json_fields.hpp>
#include <peerkit/io/json_reader.hpp>
#include <peerkit/io/programme_json.hpp>
#include <peerkit/io/text_file.hpp>
#include <peerkit/programme/year_record.hpp>
#include <peerkit/supervision/evaluation.hpp>

namespace peerkit::io {

/// A record document: the programme it belongs to and its entries, in the order recorded.
struct record_document {
  programme_document programme;
  /// The programme document's path as written in the record, relative to the record's folder.
  std::string programme_file;
  std::vector<year_entry> entries;
};

/// One entry as a file holds it: the entry and the school's end reasons, which name the
/// reason of a closure.
template <class Entry>
struct record_event {
  Entry entry;
  const end_reason_list* end_reasons = nullptr;
};

namespace detail {
inline constexpr std::string_view record_format = "record/1";

/// The file names of the kinds of entries, by their place in year_entry.
template <std::size_t... I>
auto entry_kind_names(std::index_sequence<I...>) {
  return std::array<std::string_view, sizeof...(I)>{
      peerkit::kind_of(year_entry(std::in_place_index<I>))...};
}
inline const auto& entry_kinds() {
  static const auto kinds = entry_kind_names(
      std::make_index_sequence<std::variant_size_v<year_entry>>{});
  return kinds;
}

/// "event": the entry's kind, which chose the table before its fields are read.
template <class Entry>
constexpr auto event_field() {
  return field("event", nullptr, presence::required)
      .read_with([](json_reader&, const json&, const std::string&, record_event<Entry>&) {})
      .write_with([](const record_event<Entry>& e, const export_access&) {
        return json(peerkit::kind_of(year_entry(e.entry)));
      });
}

/// "on": the day of the entry, kept in each type's own date field.
template <class Get>
constexpr auto on_field(Get get) {
  return field("on", get, presence::required);
}
}  // namespace detail

/// Topics: a list of topic keys, written in the order of contact_topic.
template <>
struct json_value<topic_set> {
  static void read(json_reader& r, const json& j, const std::string& path, topic_set& out) {
    std::vector<contact_topic> topics;
    r.value(j, path, topics);
    out = {};
    for (auto t : topics) out = out.with(t);
  }
  static json write(topic_set topics, const export_access&) {
    json out = json::array();
    for (std::size_t i = 0; i < contact_topic_count; ++i)
      if (topics.contains(static_cast<contact_topic>(i)))
        out.push_back(key_of(static_cast<contact_topic>(i)));
    return out;
  }
};

template <>
struct json_fields<record_event<application_step>> {
  static constexpr auto fields = std::tuple{
      detail::event_field<application_step>(),
      detail::on_field([](auto& e) -> auto& { return e.entry.on; }),
      field(
          "application", [](auto& e) -> auto& { return e.entry.application; }, presence::required),
      field(
          "to", [](auto& e) -> auto& { return e.entry.to; }, presence::required),
      field("by", [](auto& e) -> auto& { return e.entry.by; }, presence::when_set)};
};

template <>
struct json_fields<record_event<training_session>> {
  static constexpr auto fields = std::tuple{
      detail::event_field<training_session>(),
      detail::on_field([](auto& e) -> auto& { return e.entry.held_on; }),
      field(
          "student", [](auto& e) -> auto& { return e.entry.supporter; }, presence::required),
      field(
          "role", [](auto& e) -> auto& { return e.entry.role; }, presence::required),
      field("minutes", [](auto& e) -> auto& { return e.entry.minutes; }).within(bounds::minutes)};
};

/// A pairing starts open: its end is a closure entry.
template <>
struct json_fields<record_event<pairing_started>> {
  static constexpr auto fields = std::tuple{
      detail::event_field<pairing_started>(),
      detail::on_field([](auto& e) -> auto& { return e.entry.pair.started; }),
      field(
          "pair", [](auto& e) -> auto& { return e.entry.pair.id; }, presence::required),
      field(
          "role", [](auto& e) -> auto& { return e.entry.pair.role; }, presence::required),
      field(
          "supporters", [](auto& e) -> auto& { return e.entry.pair.supporters; },
          presence::required),
      field(
          "supportees", [](auto& e) -> auto& { return e.entry.pair.supportees; },
          presence::when_set),
      field(
          "class", [](auto& e) -> auto& { return e.entry.pair.class_served; }, presence::when_set),
      field("replaces", [](auto& e) -> auto& { return e.entry.replaces; }, presence::when_set)};
};

template <>
struct json_fields<record_event<secrecy_notice>> {
  static constexpr auto fields = std::tuple{
      detail::event_field<secrecy_notice>(),
      detail::on_field([](auto& e) -> auto& { return e.entry.told_on; }),
      field("pair", [](auto& e) -> auto& { return e.entry.pair; }, presence::required)};
};

template <>
struct json_fields<record_event<intervision_roster>> {
  static constexpr auto fields = std::tuple{
      detail::event_field<intervision_roster>(),
      detail::on_field([](auto& e) -> auto& { return e.entry.started; }),
      field(
          "group", [](auto& e) -> auto& { return e.entry.id; }, presence::required),
      field(
          "role", [](auto& e) -> auto& { return e.entry.role; }, presence::required),
      field(
          "coach", [](auto& e) -> auto& { return e.entry.coach; }, presence::required),
      // A role's groups in a school: far fewer than a thousand.
      field("number", [](auto& e) -> auto& { return e.entry.number; }).within({0, 1000}),
      field(
          "members", [](auto& e) -> auto& { return e.entry.members; }, presence::required),
      field("newcomers", [](auto& e) -> auto& { return e.entry.newcomers; })};
};

template <>
struct json_fields<record_event<intervision_session>> {
  static constexpr auto fields = std::tuple{
      detail::event_field<intervision_session>(),
      detail::on_field([](auto& e) -> auto& { return e.entry.held_on; }),
      field(
          "group", [](auto& e) -> auto& { return e.entry.group; }, presence::required),
      field(
          "present", [](auto& e) -> auto& { return e.entry.present; }, presence::required),
      field("staff", [](auto& e) -> auto& { return e.entry.staff_present; })};
};

template <>
struct json_fields<record_event<mentor_follow_up>> {
  static constexpr auto fields = std::tuple{
      detail::event_field<mentor_follow_up>(),
      detail::on_field([](auto& e) -> auto& { return e.entry.on; }),
      field(
          "group", [](auto& e) -> auto& { return e.entry.group; }, presence::required),
      field(
          "session_on", [](auto& e) -> auto& { return e.entry.session_on; }, presence::required),
      field(
          "coach", [](auto& e) -> auto& { return e.entry.coach; }, presence::required),
      field("mentor", [](auto& e) -> auto& { return e.entry.mentor; }, presence::required)};
};

template <>
struct json_fields<record_event<contact_record>> {
  static constexpr auto fields = std::tuple{
      detail::event_field<contact_record>(),
      detail::on_field([](auto& e) -> auto& { return e.entry.on; }),
      field(
          "pair", [](auto& e) -> auto& { return e.entry.pair; }, presence::required),
      field(
          "minutes", [](auto& e) -> auto& { return e.entry.minutes; }, presence::required)
          .within({1, max_contact_minutes}),
      field("kind", [](auto& e) -> auto& { return e.entry.kind; }),
      field("topics", [](auto& e) -> auto& { return e.entry.topics; }),
      field("needs_adult", [](auto& e) -> auto& { return e.entry.needs_adult; })};
};

template <>
struct json_fields<record_event<escalation_raised>> {
  static constexpr auto fields = std::tuple{
      detail::event_field<escalation_raised>(),
      detail::on_field([](auto& e) -> auto& { return e.entry.on; }),
      field(
          "escalation", [](auto& e) -> auto& { return e.entry.id; }, presence::required),
      field(
          "pair", [](auto& e) -> auto& { return e.entry.pair; }, presence::required),
      field(
          "raised_by", [](auto& e) -> auto& { return e.entry.raised_by; }, presence::required),
      field("tier", [](auto& e) -> auto& { return e.entry.tier; }, presence::required)};
};

/// A later step: raised is an escalation entry of its own; an informed member of staff is
/// told in a role, a responding one is named.
template <>
struct json_fields<record_event<escalation_step>> {
  static constexpr auto fields = std::tuple{
      detail::event_field<escalation_step>(),
      detail::on_field([](auto& e) -> auto& { return e.entry.event.on; }),
      field(
          "escalation", [](auto& e) -> auto& { return e.entry.escalation; }, presence::required),
      field(
          "step", [](auto& e) -> auto& { return e.entry.event.kind; }, presence::required),
      field(
          "staff", [](auto& e) -> auto& { return e.entry.event.staff; }, presence::when_set),
      field("as", [](auto& e) -> auto& { return e.entry.event.role; }, presence::when_set)};

  static void check(json_reader& r, const std::string& path,
                    const record_event<escalation_step>& e) {
    const auto& ev = e.entry.event;
    const bool names_staff = ev.kind == escalation_event_kind::staff_informed ||
                             ev.kind == escalation_event_kind::staff_responded;
    if (ev.kind == escalation_event_kind::raised)
      r.problem("json.unknown_value", path + ".step",
                "'raised' is not a step: an escalation is raised by an escalation entry");
    if (names_staff && !ev.staff)
      r.problem("json.missing_field", path, "missing required field 'staff'");
    if (!names_staff && ev.staff)
      r.problem("json.unknown_field", path + ".staff",
                "only staff_informed and staff_responded name a member of staff");
    if (ev.kind == escalation_event_kind::staff_informed && !ev.role)
      r.problem("json.missing_field", path, "missing required field 'as'");
    if (ev.kind != escalation_event_kind::staff_informed && ev.role)
      r.problem("json.unknown_field", path + ".as", "only staff_informed tells a role");
  }
};

namespace detail {
/// The key of a closure's school reason, if it has one.
inline std::optional<std::string> school_reason_key(const record_event<pair_ended>& e) {
  if (!e.entry.custom_reason) return std::nullopt;
  const auto& custom = e.end_reasons->custom;
  if (*e.entry.custom_reason >= custom.size())
    throw error("closure.unknown_reason", "school_reason",
                "the school has " + std::to_string(custom.size()) + " end reasons, found number " +
                    std::to_string(*e.entry.custom_reason));
  return custom[*e.entry.custom_reason].key;
}

inline void read_school_reason(json_reader& r, const json& j, const std::string& path,
                               record_event<pair_ended>& e) {
  std::string key;
  r.value(j, path, key);
  if (!j.is_string()) return;
  const auto& custom = e.end_reasons->custom;
  std::vector<std::string_view> keys;
  for (std::size_t i = 0; i < custom.size(); ++i) {
    if (custom[i].key == key) return void(e.entry.custom_reason = i);
    keys.push_back(custom[i].key);
  }
  std::string message = in_quotes(shown_name(key)) + " is not one of the school's end reasons";
  if (auto near = nearest_name(key, keys))
    message += "; did you mean '" + std::string(*near) + "'?";
  r.problem("closure.unknown_reason", path, std::move(message));
}
}  // namespace detail

/// "school_reason": one of the school's own end reasons, by its key.
template <>
struct json_fields<record_event<pair_ended>> {
  static constexpr auto fields = std::tuple{
      detail::event_field<pair_ended>(),
      detail::on_field([](auto& e) -> auto& { return e.entry.on; }),
      field(
          "pair", [](auto& e) -> auto& { return e.entry.pair; }, presence::required),
      field(
          "reason", [](auto& e) -> auto& { return e.entry.reason; }, presence::required),
      field("school_reason", detail::school_reason_key, presence::when_set)
          .read_with(detail::read_school_reason)};
};

template <>
struct json_fields<record_event<departure>> {
  static constexpr auto fields = std::tuple{
      detail::event_field<departure>(),
      detail::on_field([](auto& e) -> auto& { return e.entry.left_on; }),
      field("student", [](auto& e) -> auto& { return e.entry.student; }, presence::required)};
};

namespace detail {
template <class Id>
std::optional<Id> respondent_of(const record_event<evaluation_response>& e) {
  if (const auto* id = std::get_if<Id>(&e.entry.by)) return *id;
  return std::nullopt;
}

template <class Id>
void read_respondent(json_reader& r, const json& j, const std::string& path,
                     record_event<evaluation_response>& e) {
  Id id;
  r.value(j, path, id);
  e.entry.by = id;
}

/// Answers: an object of question key: value, the keys of the stakeholder's questionnaire.
inline void read_answers(json_reader& r, const json& j, const std::string& path,
                         record_event<evaluation_response>& e) {
  const auto questions = default_questionnaire(e.entry.who).questions;
  std::vector<std::string_view> keys;
  for (const auto& q : questions) keys.push_back(q.key.text);
  read_keyed(r, j, path, "an object of question: answer",
             [&](const std::string& key, const json& value, const std::string& where) {
               int given = 0;
               r.value(value, where, given);
               const auto at = std::find(keys.begin(), keys.end(), key);
               if (at == keys.end()) {
                 std::string message = "unknown question '" + shown_name(key) + "' for a " +
                                       std::string(key_of(e.entry.who));
                 if (auto near = nearest_name(key, keys))
                   message += "; did you mean '" + std::string(*near) + "'?";
                 return r.problem("json.unknown_field", where, std::move(message));
               }
               using answer_limits = std::numeric_limits<std::int8_t>;
               constexpr whole_range answers{answer_limits::min(), answer_limits::max()};
               if (!answers.contains(given)) return check_within(r, where, given, answers);
               e.entry.answers.push_back({static_cast<std::uint16_t>(at - keys.begin()),
                                          static_cast<std::int8_t>(given)});
             });
}

inline json write_answers(const record_event<evaluation_response>& e, const export_access&) {
  const auto questions = default_questionnaire(e.entry.who).questions;
  json out = json::object();
  for (const auto& a : e.entry.answers) {
    if (a.question >= questions.size())
      throw error("evaluation.wrong_questionnaire", "answers",
                  "the " + std::string(key_of(e.entry.who)) + " questionnaire has " +
                      std::to_string(questions.size()) + " questions, found number " +
                      std::to_string(a.question));
    out[std::string(questions[a.question].key.text)] = a.value;
  }
  return out;
}
}  // namespace detail

/// The respondent is a student or a member of staff: "student" or "staff", one of them.
template <>
struct json_fields<record_event<evaluation_response>> {
  static constexpr auto fields = std::tuple{
      detail::event_field<evaluation_response>(),
      detail::on_field([](auto& e) -> auto& { return e.entry.on; }),
      field(
          "stakeholder", [](auto& e) -> auto& { return e.entry.who; }, presence::required),
      field(
          "moment", [](auto& e) -> auto& { return e.entry.when; }, presence::required),
      field("student", detail::respondent_of<student_id>, presence::when_set)
          .read_with(detail::read_respondent<student_id>),
      field("staff", detail::respondent_of<staff_id>, presence::when_set)
          .read_with(detail::read_respondent<staff_id>),
      field(
          "pair", [](auto& e) -> auto& { return e.entry.pair; }, presence::when_set),
      field("answers", nullptr, presence::required)
          .read_with(detail::read_answers)
          .write_with(detail::write_answers)};
};

template <>
struct json_fields<record_event<checklist_progressed>> {
  static constexpr auto fields = std::tuple{
      detail::event_field<checklist_progressed>(),
      detail::on_field([](auto& e) -> auto& { return e.entry.progress.on; }),
      field(
          "item", [](auto& e) -> auto& { return e.entry.item; }, presence::required),
      field(
          "state", [](auto& e) -> auto& { return e.entry.progress.state; }, presence::required),
      field(
          "owner", [](auto& e) -> auto& { return e.entry.progress.owner; }, presence::when_set),
      field(
          "evidence", [](auto& e) -> auto& { return e.entry.progress.evidence; },
          presence::when_set)};
};

namespace detail {
/// Reads `j` as the entry of kind `I`.
template <std::size_t I>
year_entry read_entry_as(json_reader& r, const json& j, const std::string& path,
                         const end_reason_list& reasons) {
  using entry_type = std::variant_alternative_t<I, year_entry>;
  record_event<entry_type> e{{}, &reasons};
  if (r.object(j, path, field_names<record_event<entry_type>>)) read_fields(r, j, path, e);
  // The respondent of an evaluation is one student or one member of staff.
  if constexpr (std::same_as<entry_type, evaluation_response>)
    if (j.contains("student") == j.contains("staff"))
      r.problem("json.missing_field", path, "an evaluation names one respondent: student or staff");
  return year_entry(std::in_place_index<I>, std::move(e.entry));
}

template <std::size_t... I>
year_entry read_entry_of_kind(std::size_t kind, json_reader& r, const json& j,
                              const std::string& path, const end_reason_list& reasons,
                              std::index_sequence<I...>) {
  using reader = year_entry (*)(json_reader&, const json&, const std::string&,
                                const end_reason_list&);
  static constexpr std::array<reader, sizeof...(I)> readers{&read_entry_as<I>...};
  return readers[kind](r, j, path, reasons);
}

/// Reads one event object; nothing when its kind is missing or unknown.
inline std::optional<year_entry> read_event(json_reader& r, const json& j, const std::string& path,
                                            const end_reason_list& reasons) {
  if (!j.is_object()) {
    r.wrong_kind(path, "an event object", j);
    return std::nullopt;
  }
  const auto it = j.find("event");
  if (it == j.end()) {
    r.problem("json.missing_field", path, "missing required field 'event'");
    return std::nullopt;
  }
  const auto& kinds = entry_kinds();
  const auto where = json_reader::join(path, "event");
  if (!it->is_string()) {
    r.wrong_kind(where, "one of the event kinds", *it);
    return std::nullopt;
  }
  const auto& name = it->get_ref<const std::string&>();
  const auto kind = std::find(kinds.begin(), kinds.end(), name);
  if (kind == kinds.end()) {
    std::string message = in_quotes(shown_name(name)) + " is not an event kind";
    if (auto near = nearest_name(name, kinds))
      message += "; did you mean '" + std::string(*near) + "'?";
    r.problem("json.unknown_value", where, std::move(message));
    return std::nullopt;
  }
  return read_entry_of_kind(static_cast<std::size_t>(kind - kinds.begin()), r, j, path, reasons,
                            std::make_index_sequence<std::variant_size_v<year_entry>>{});
}

/// Parses `text`; throws for a syntax error. Other problems (a key given twice) are kept.
inline json parse_strict_json(std::string_view text, const std::string& name,
                              problem_list& problems) {
  auto parsed = parse_json(text, name, problems);
  if (!parsed) problems.throw_if_any();
  return std::move(*parsed);
}

}  // namespace detail

/// Reads one event object located at `path` ("events[3]"); throws peerkit::error with
/// every problem, located in the file `name`. `reasons`: the school's end reasons.
[[nodiscard]] inline year_entry read_entry(const json& event, const end_reason_list& reasons,
                                           std::string_view name = "event.json",
                                           const std::string& path = "") {
  problem_list problems;
  json_reader r(problems);
  auto entry = detail::read_event(r, event, path, reasons);
  throw_document_problems(problems, name);
  return std::move(*entry);
}

/// Reads a file of new entries: one event object, or an array of them (located "[2].on").
[[nodiscard]] inline std::vector<year_entry> read_entries(std::string_view text,
                                                          const end_reason_list& reasons,
                                                          std::string_view name = "events.json") {
  problem_list problems;
  const auto parsed = detail::parse_strict_json(text, std::string(name), problems);
  json_reader r(problems);
  std::vector<year_entry> entries;
  const auto add = [&](const json& j, const std::string& path) {
    if (auto e = detail::read_event(r, j, path, reasons)) entries.push_back(std::move(*e));
  };
  if (parsed.is_array())
    for (std::size_t i = 0; i < parsed.size(); ++i) add(parsed[i], element_location("", i));
  else
    add(parsed, "");
  throw_document_problems(problems, name);
  return entries;
}

[[nodiscard]] inline std::vector<year_entry> read_entries_file(const std::filesystem::path& path,
                                                               const end_reason_list& reasons) {
  return read_entries(read_text_file(path), reasons, path.filename().string());
}

/// Reads a record document and the programme document it names (relative to
/// `base_directory`). Checks structure only; replay() checks what the entries mean.
/// Throws peerkit::error with every problem, located in its file.
[[nodiscard]] inline record_document read_record(std::string_view text,
                                                 const std::filesystem::path& base_directory,
                                                 std::string_view name) {
  problem_list problems;
  const auto parsed = detail::parse_strict_json(text, std::string(name), problems);
  json_reader r(problems);
  record_document doc;
  if (!r.object(parsed, "", {"peerkit", "programme", "events"}))
    throw_document_problems(problems, name);
  if (const auto it = parsed.find("peerkit"); it == parsed.end())
    r.problem("json.missing_field", "", "missing required field 'peerkit'");
  else if (*it != detail::record_format)
    r.problem("json.unknown_value", "peerkit",
              "expected \"" + std::string(detail::record_format) + "\", found " + shown_value(*it));
  r.field(parsed, "", "programme", doc.programme_file);
  const auto programme_path = base_directory / doc.programme_file;
  std::error_code unreadable;  // a name too long for the file system, too
  if (parsed.contains("programme") &&
      !std::filesystem::is_regular_file(programme_path, unreadable)) {
    r.problem("io.cannot_read", "programme",
              "cannot read the programme document " + programme_path.string());
    throw_document_problems(problems, name);
  }
  if (!doc.programme_file.empty()) {
    try {
      doc.programme = read_programme_file(programme_path);
    } catch (const error& e) {
      // The programme's own problems are located in its file; without the programme, the
      // record's school reasons cannot be read.
      add_located(problems, e.problems(), programme_path.filename().string());
      throw_document_problems(problems, name);
    }
  }
  const auto events = parsed.find("events");
  if (events != parsed.end() && !events->is_array()) r.wrong_kind("events", "an array", *events);
  if (events != parsed.end() && events->is_array())
    for (std::size_t i = 0; i < events->size(); ++i)
      if (auto e = detail::read_event(r, (*events)[i], element_location("events", i),
                                      doc.programme.data.supervision.end_reasons))
        doc.entries.push_back(std::move(*e));
  throw_document_problems(problems, name);
  return doc;
}

/// Reads the record document at `path` (its programme path is relative to its folder).
[[nodiscard]] inline record_document read_record_file(const std::filesystem::path& path) {
  return read_record(read_text_file(path), path.parent_path().empty() ? "." : path.parent_path(),
                     path.filename().string());
}

/// The programme of the record with every entry added in order, each checked against
/// what came before. Throws peerkit::error at the first entry refused, its problems
/// located in the file `name` ("record.json: events[3].pair").
[[nodiscard]] inline runtime_programme replay(const record_document& doc, std::string_view name) {
  auto programme = doc.programme.programme();
  for (const auto& entry : doc.entries) {
    try {
      programme.add(entry);
    } catch (const error& e) {
      problem_list problems;
      add_located(problems, e.problems(), name);
      problems.throw_if_any();
    }
  }
  return programme;
}

/// One entry as an event object; `reasons` names the school reason of a closure.
[[nodiscard]] inline json to_json(const year_entry& entry, const end_reason_list& reasons) {
  return std::visit(
      [&](const auto& e) {
        using entry_type = std::remove_cvref_t<decltype(e)>;
        return write_value(record_event<entry_type>{e, &reasons}, export_access{});
      },
      entry);
}

/// The record document; "programme" is the path it was read with.
[[nodiscard]] inline json to_json(const record_document& doc) {
  json events = json::array();
  for (const auto& e : doc.entries)
    events.push_back(to_json(e, doc.programme.data.supervision.end_reasons));
  return json{{"peerkit", detail::record_format},
              {"programme", doc.programme_file},
              {"events", std::move(events)}};
}

}  // namespace peerkit::io
