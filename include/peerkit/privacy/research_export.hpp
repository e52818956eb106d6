#pragma once
// A pseudonymised export for research: four tables (students, pairs, pair members,
// answers) in which every person and pair appears only under a keyed pseudonym
// (pseudonym.hpp). A cell can hold only a number, a yes/no, an enumeration key, a
// question key or a pseudonym: names, student numbers, class names, dates of birth and
// any run-time text do not compile, and neither does a sensitive<> value, so no
// special-category data can reach the export. Students without consent on the day of
// the export are left out, with the pairs and answers that involve them.

#include <algorithm>
#include <array>
#include <concepts>
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <type_traits>
#include <variant>
#include <vector>

#include <peerkit/calendar/school_year.hpp>
#include <peerkit/core/consent.hpp>
#include <peerkit/core/enum_keys.hpp>
#include <peerkit/core/school.hpp>
#include <peerkit/core/sensitive.hpp>
#include <peerkit/privacy/pseudonym.hpp>
#include <peerkit/supervision/cadence.hpp>
#include <peerkit/supervision/closure.hpp>
#include <peerkit/supervision/evaluation.hpp>
#include <peerkit/supervision/records.hpp>
#include <peerkit/supervision/school_breaks.hpp>

namespace peerkit {

/// A value that may go into a research export as it is.
template <class T>
concept ExportSafe =
    !is_sensitive_v<T> &&
    (std::same_as<T, bool> ||
     (std::integral<T> && !std::same_as<T, char> && !std::same_as<T, char8_t> &&
      !std::same_as<T, char16_t> && !std::same_as<T, char32_t> && !std::same_as<T, wchar_t>) ||
     std::floating_point<T> || KeyedEnum<T> || std::same_as<T, pseudonym> ||
     std::same_as<T, question_key>);

/// One cell of an export table; empty, or an ExportSafe value.
class export_cell {
 public:
  export_cell() = default;
  template <class T>
    requires ExportSafe<std::remove_cvref_t<T>>
  export_cell(const T& v) {  // NOLINT: implicit, so rows read as {a, b, c}
    using V = std::remove_cvref_t<T>;
    if constexpr (std::same_as<V, bool>)
      value_ = v;
    else if constexpr (std::integral<V>)
      value_ = static_cast<std::int64_t>(v);
    else if constexpr (std::floating_point<V>)
      value_ = static_cast<double>(v);
    else if constexpr (KeyedEnum<V>)
      value_ = key_of(v);
    else if constexpr (std::same_as<V, question_key>)
      value_ = v.text;
    else
      value_ = v;
  }

  [[nodiscard]] bool empty() const noexcept {
    return std::holds_alternative<std::monostate>(value_);
  }

  /// The cell as CSV text (without quoting).
  [[nodiscard]] std::string to_string() const {
    struct visitor {
      std::string operator()(std::monostate) const { return {}; }
      std::string operator()(std::int64_t v) const { return std::to_string(v); }
      std::string operator()(double v) const { return detail::format_number(v); }
      std::string operator()(bool v) const { return v ? "1" : "0"; }
      std::string operator()(std::string_view v) const { return std::string(v); }
      std::string operator()(const pseudonym& v) const { return v.to_string(); }
    };
    return std::visit(visitor{}, value_);
  }
  friend bool operator==(const export_cell&, const export_cell&) = default;

 private:
  std::variant<std::monostate, std::int64_t, double, bool, std::string_view, pseudonym> value_;
};

struct export_table {
  std::string_view name;
  std::vector<std::string_view> columns;
  std::vector<std::vector<export_cell>> rows;
};

/// Which side of a pair a member is on.
enum class pair_side { supporter, supportee };
template <>
struct enum_keys<pair_side> {
  static constexpr std::array<std::string_view, 2> keys{"supporter", "supportee"};
};

struct research_export {
  export_table students;
  export_table pairs;
  export_table pair_members;
  export_table answers;
};

/// RFC 4180 CSV: a header line, then one line per row; cells with a comma, quote or line
/// break are quoted.
[[nodiscard]] inline std::string to_csv(const export_table& t) {
  std::string out;
  auto put = [&out](std::string_view cell) {
    if (cell.find_first_of(",\"\r\n") == std::string_view::npos) {
      out += cell;
      return;
    }
    out += '"';
    for (char c : cell) {
      if (c == '"') out += '"';
      out += c;
    }
    out += '"';
  };
  for (std::size_t i = 0; i < t.columns.size(); ++i) {
    if (i) out += ',';
    put(t.columns[i]);
  }
  out += "\r\n";
  for (const auto& row : t.rows) {
    for (std::size_t i = 0; i < row.size(); ++i) {
      if (i) out += ',';
      put(row[i].to_string());
    }
    out += "\r\n";
  }
  return out;
}

/// The pseudonymised export of the records on day `on`. Pair figures cover each pair's
/// whole active period, including contacts already folded into yearly totals.
[[nodiscard]] inline research_export export_for_research(
    const programme_records& r, const school& s, const pseudonymiser& ps, date on,
    const school_breaks& breaks = {},
    const std::array<questionnaire, 4>& questionnaires = {
        default_questionnaire(stakeholder::supportee),
        default_questionnaire(stakeholder::supporter),
        default_questionnaire(stakeholder::teacher_or_mentor),
        default_questionnaire(stakeholder::school)}) {
  research_export ex;
  ex.students = {"students", {"student", "track", "year", "gender", "supporter", "supportee"}, {}};
  ex.pairs = {"pairs",
              {"pair", "role", "school_year", "days_active", "ended", "end_reason", "closure",
               "planned_meetings", "actual_meetings", "actual_minutes", "needs_adult",
               "notice_before_first_meeting", "escalations_concern", "escalations_urgent",
               "escalations_safety"},
              {}};
  ex.pair_members = {"pair_members", {"pair", "student", "side"}, {}};
  ex.answers = {
      "answers",
      {"respondent", "stakeholder", "moment", "school_year", "pair", "question", "theme", "value"},
      {}};

  auto consenting = [&](student_id id) {
    const auto* st = s.find(id);
    return st && may_process(*st, on);
  };
  std::set<pair_id> exported;
  for (const auto& p : r.pairs) {
    if (p.started.is_special() || on < p.started) continue;
    if (!std::all_of(p.supporters.begin(), p.supporters.end(), consenting) ||
        !std::all_of(p.supportees.begin(), p.supportees.end(), consenting))
      continue;
    exported.insert(p.id);
    const date end = p.ended ? std::min(*p.ended, on + boost::gregorian::days(1))
                             : on + boost::gregorian::days(1);
    auto f = pair_figures(r, p, p.started, end, breaks);
    int needs_adult = 0;
    std::optional<date> first;
    for (const auto& c : r.contacts)
      if (c.pair == p.id) {
        needs_adult += c.needs_adult ? 1 : 0;
        if (!first || c.on < *first) first = c.on;
      }
    for (const auto& t : r.totals)
      if (t.pair == p.id) {
        f.actual_meetings += t.meetings;
        f.actual_minutes += t.minutes;
        needs_adult += t.needs_adult;
      }
    std::array<int, 3> tiers{};
    for (const auto& e : r.escalations)
      if (e.pair == p.id) ++tiers[static_cast<std::size_t>(e.tier)];
    const auto closure = std::find_if(r.closures.begin(), r.closures.end(),
                                      [&](const pair_closure& c) { return c.pair == p.id; });
    const auto told = r.notice_for(p.id);
    std::vector<export_cell> row{
        ps.of(p.id),
        p.role,
        school_year_of(p.started).start_year,
        static_cast<std::int64_t>((end - p.started).days()),
        p.ended.has_value(),
        p.ended_because ? export_cell(*p.ended_because) : export_cell(),
        closure != r.closures.end() ? export_cell(kind_of(*closure, r.end_reasons)) : export_cell(),
        f.planned_meetings,
        f.actual_meetings,
        f.actual_minutes,
        needs_adult,
        first ? export_cell(told && *told <= *first) : export_cell(),
        tiers[0],
        tiers[1],
        tiers[2]};
    ex.pairs.rows.push_back(std::move(row));
    for (auto id : p.supporters)
      ex.pair_members.rows.push_back({ps.of(p.id), ps.of(id), pair_side::supporter});
    for (auto id : p.supportees)
      ex.pair_members.rows.push_back({ps.of(p.id), ps.of(id), pair_side::supportee});
  }

  for (const auto& st : s.students) {
    if (!may_process(st, on)) continue;
    bool supporter = false;
    bool supportee = false;
    for (const auto& p : r.pairs) {
      if (!exported.count(p.id)) continue;
      supporter = supporter ||
                  std::find(p.supporters.begin(), p.supporters.end(), st.id) != p.supporters.end();
      supportee = supportee ||
                  std::find(p.supportees.begin(), p.supportees.end(), st.id) != p.supportees.end();
    }
    if (!supporter && !supportee) continue;
    ex.students.rows.push_back({ps.of(st.id), st.track, st.year, st.gender, supporter, supportee});
  }

  for (const auto& resp : r.responses) {
    if (resp.on.is_special() || on < resp.on) continue;
    if (const auto st = resp.student(); st && !consenting(*st)) continue;
    if (resp.pair && !exported.count(*resp.pair)) continue;
    const auto& q = questionnaires[static_cast<std::size_t>(resp.who)];
    const export_cell who = std::visit([&](auto id) { return export_cell(ps.of(id)); }, resp.by);
    for (const auto& a : resp.answers) {
      if (a.question >= q.questions.size()) continue;
      const auto& question = q.questions[a.question];
      ex.answers.rows.push_back({who, resp.who, resp.when, school_year_of(resp.on).start_year,
                                 resp.pair ? export_cell(ps.of(*resp.pair)) : export_cell(),
                                 question.key, question.theme, static_cast<int>(a.value)});
    }
  }
  return ex;
}

}  // namespace peerkit
