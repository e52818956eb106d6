#pragma once
// The files a programme run is read from: the programme document (and the school it
// names), a student list replacing the school's students, and the holidays to plan with.
// Every front end (the tool, the browser module) reads them through this one struct, so
// the same files give the same programme and the same problems, located the same way.

#include <filesystem>
#include <optional>
#include <string>

#include <peerkit/calendar/school_calendar.hpp>
#include <peerkit/core/region.hpp>
#include <peerkit/io/csv.hpp>
#include <peerkit/io/holiday_json.hpp>
#include <peerkit/io/programme_json.hpp>
#include <peerkit/io/student_csv.hpp>
#include <peerkit/io/text_file.hpp>

namespace peerkit::io {

struct programme_inputs {
  /// The programme document; a school path in it is relative to its folder.
  std::filesystem::path programme{};
  /// A CSV export of the student system: it lists every student, so it replaces the
  /// students of the school document.
  std::optional<std::filesystem::path> students{};
  csv_separator separator = csv_separator::detect;
  /// The official holidays shipped with the front end (peerkit's CSV).
  std::filesystem::path shipped_holidays{};
  /// Holidays over the shipped ones (either kind: read_holidays_updated()).
  std::optional<std::filesystem::path> holidays{};

  /// The programme document, its students replaced by the student list when one is given.
  /// Throws peerkit::error with every problem found, located in the file it is in.
  [[nodiscard]] programme_document read() const {
    auto doc = read_programme_file(programme);
    if (students) {
      auto base = doc.the_school;
      base.students.clear();
      doc.the_school = merge_students_csv(std::move(base), read_text_file(*students),
                                          students->filename().string(), {separator});
      doc.school_file.clear();  // the school is no longer the file's: it is written inline
    }
    return doc;
  }

  /// The school calendar of `region`: the shipped holidays, updated by `holidays`.
  [[nodiscard]] school_calendar calendar(holiday_region region) const {
    return {region, read_holidays_updated(shipped_holidays, holidays), {}};
  }
};

/// Every check of a run, as `peerkit validate` makes them: the holidays the year of `doc`
/// is planned with, and every step of `prog`, its programme. Throws peerkit::error with
/// every problem, located in the document.
inline void check_run(const programme_document& doc, const runtime_programme& prog,
                      const school_calendar& cal) {
  problem_list problems;
  collect_problems(problems, [&] { require_holidays(cal.holidays, doc.data.year, cal.region); });
  collect_problems(problems, [&] { doc.in_document([&] { prog.check(cal); }); });
  problems.throw_if_any();
}

/// What a valid document holds, in words: "valid: 131 students, 17 classes, ...".
[[nodiscard]] inline std::string validity_summary(const programme_document& doc) {
  return "valid: " + std::to_string(doc.the_school.students.size()) + " students, " +
         std::to_string(doc.the_school.classes.size()) + " classes, " +
         std::to_string(doc.the_school.staff.size()) + " staff, " +
         std::to_string(doc.data.applications.size()) + " applications";
}

}  // namespace peerkit::io
