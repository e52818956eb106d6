#pragma once
// The files a programme run is written as: the coordinator's report, the result for front
// ends, the programme's state with the selection's decisions recorded, a pairing graph per
// role, in DOT and drawn as SVG, and the year as iCalendar. One function makes them, so every
// front end (the tool's --output, the Python module, a browser page) writes the same bytes for
// the same run.

#include <charconv>
#include <cstdlib>
#include <ctime>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

#include <boost/date_time/posix_time/posix_time.hpp>

#include <peerkit/calendar/icalendar.hpp>
#include <peerkit/calendar/programme_schedule.hpp>
#include <peerkit/io/output_files.hpp>
#include <peerkit/io/programme_json.hpp>
#include <peerkit/io/run_json.hpp>
#include <peerkit/matching/dot.hpp>
#include <peerkit/matching/svg.hpp>
#include <peerkit/programme/report.hpp>

namespace peerkit::io {

/// What the files depend on besides the run.
struct result_options {
  /// When the files are made, in UTC: year.ics's DTSTAMP (see creation_time()).
  boost::posix_time::ptime created;
  /// Set to write origin, languages, needs and groups into programme.json, for this purpose
  /// (which must say why: see revealing_special_category()); programme.json then records
  /// the purpose and the day of `created` (special_category_revealed).
  std::optional<std::string> reveal_purpose{};
  /// True for a pseudonymised programme: its names are then no more telling than its
  /// student numbers, so the pairing graphs are labelled by number.
  bool pseudonymised = false;
  /// The language of report.md.
  report_language language = report_language::english;
};

/// The last moment files can say they were made, in seconds since 1970:
/// 9999-12-31T23:59:59Z, the end of the years iCalendar writes.
inline constexpr long long last_creation_second = 253402300799;

/// SOURCE_DATE_EPOCH (the reproducible-builds convention) when set, else now, so that a
/// rerun can give the same files. Its value is whole seconds since 1970 up to the end of
/// the year 9999; another value throws peerkit::error data.out_of_range.
[[nodiscard]] inline boost::posix_time::ptime creation_time() {
  const char* epoch = std::getenv("SOURCE_DATE_EPOCH");
  if (!epoch) return boost::posix_time::second_clock::universal_time();
  constexpr long long last_second = last_creation_second;
  const std::string_view text(epoch);
  long long seconds = 0;
  const auto [end, failed] = std::from_chars(text.data(), text.data() + text.size(), seconds);
  if (text.empty() || failed != std::errc{} || end != text.data() + text.size() || seconds < 0 ||
      seconds > last_second)
    throw error("data.out_of_range", "SOURCE_DATE_EPOCH",
                "expected whole seconds since 1970 from 0 to " + std::to_string(last_second));
  return boost::posix_time::from_time_t(static_cast<std::time_t>(seconds));
}

/// `doc` as written with `access` on `day`: when its inline school's special-category values
/// are revealed, it says so, for which purpose and on which day (special_category_revealed);
/// otherwise it says nothing of a reveal, not even one recorded in what it was read from.
[[nodiscard]] inline programme_document noting_reveal(programme_document doc,
                                                      const export_access& access, date day) {
  doc.special_category_revealed.reset();
  if (access.special_category && doc.school_file.empty())
    doc.special_category_revealed = special_category_release{
        std::string(access.special_category->why()), day};
  return doc;
}

/// The files of `run`, the run of `prog`, the programme of `doc`, in the order written:
/// report.md, result.json, programme.json, `pairing-ROLE.dot` and `pairing-ROLE.svg` per role
/// paired, and year.ics when the year was scheduled. Paths are relative, for
/// write_output_directory().
/// Throws peerkit::error privacy.no_purpose for a blank reveal purpose.
[[nodiscard]] inline std::vector<output_file> result_files(const programme_document& doc,
                                                           const runtime_programme& prog,
                                                           const programme_run& run,
                                                           const result_options& options) {
  const auto access = options.reveal_purpose ? revealing_special_category(*options.reveal_purpose)
                                             : export_access{};
  const school& sch = prog.school_data();
  std::vector<output_file> files;
  files.push_back({"report.md", markdown_report(prog, run, options.language)});
  files.push_back({"result.json", to_json(run, sch).dump(1) + "\n"});
  auto state = doc;
  state.data.applications = run.applications;  // the selection's decisions, recorded
  state.data.support_requests = run.requests;  // who asked for support, without the needs behind it
  state.school_file.clear();
  state = noting_reveal(std::move(state), access, options.created.date());
  files.push_back({"programme.json", to_json(state, access).dump(1) + "\n"});
  const auto settings = prog.matching().settings();
  const auto label = options.pseudonymised ? dot_label::student_ids : dot_label::names;
  for (const auto& rp : run.pairing.roles) {
    const pairing_graph graph(sch, rp.request, settings);
    const auto name = "pairing-" + std::string(key_of(rp.role.kind));
    files.push_back({name + ".dot", to_dot(graph, rp.result, {.label = label})});
    files.push_back({name + ".svg", to_svg(graph, rp.result, {.label = label})});
  }
  if (run.year.outcome == schedule_outcome::scheduled)
    files.push_back({"year.ics", to_icalendar(to_calendar_events(run.year),
                                              {options.created, "peerkit",
                                               sch.name + " " + run.year.year.to_string()})});
  return files;
}

}  // namespace peerkit::io
