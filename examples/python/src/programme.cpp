// Programmes for Python: read, changed as the tool's options change them, run, and written
// as the tool writes them; records of a year and their status on a day. Results cross as
// the JSON front ends read (result/1, status/1, programme/1) and as the tool's files, so
// peerkit/programme.py builds its tables from what every front end sees.

#include "bindings.hpp"

#include <pybind11/stl.h>
#include <pybind11/stl/filesystem.h>

#include <peerkit/calendar/holiday_reader.hpp>
#include <peerkit/io/holiday_json.hpp>
#include <peerkit/io/programme_json.hpp>
#include <peerkit/io/record_json.hpp>
#include <peerkit/io/result_files.hpp>
#include <peerkit/io/status_json.hpp>
#include <peerkit/io/student_csv.hpp>
#include <peerkit/io/text_file.hpp>
#include <peerkit/privacy/pseudonymise.hpp>
#include <peerkit/programme/report.hpp>
#include <peerkit/programme/status_report.hpp>

#include <filesystem>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace py = pybind11;
namespace fs = std::filesystem;

namespace peerkit::python {

namespace {

/// The export access of an optional purpose: none, or the revealing one (a blank purpose
/// refused). Refers to `purpose`.
io::export_access access_for(const std::optional<std::string>& purpose) {
  return purpose ? io::revealing_special_category(*purpose) : io::export_access{};
}

/// The school calendar of `region`: the holidays shipped with the package, updated by a
/// file the user gives, as the tool's --holidays updates them.
school_calendar calendar_of(holiday_region region, const fs::path& shipped,
                            const std::optional<fs::path>& update) {
  return {region, io::read_holidays_updated(shipped, update), {}};
}

/// The holiday files a calendar was read from: inputs, never to be overwritten.
std::vector<fs::path> holiday_files(const fs::path& shipped,
                                    const std::optional<fs::path>& update) {
  std::vector<fs::path> files{shipped};
  if (update) files.push_back(*update);
  return files;
}

/// A programme document with what it was read from.
struct programme_state {
  io::programme_document doc;
  std::vector<fs::path> inputs;  ///< the files read: output never replaces one of them
  bool pseudonymised = false;    ///< the pairing graphs are then labelled by number
};

programme_state read_programme(const fs::path& path) {
  programme_state p{io::read_programme_file(path), {path}};
  if (!p.doc.school_file.empty()) p.inputs.push_back(path.parent_path() / p.doc.school_file);
  return p;
}

programme_state parse_programme(const std::string& text, const fs::path& base_directory,
                                const std::string& name) {
  programme_state p{io::read_programme(text, name, base_directory), {}};
  if (!p.doc.school_file.empty()) p.inputs.push_back(base_directory / p.doc.school_file);
  return p;
}

py::dict counts(const programme_state& p) {
  py::dict d;
  d["students"] = p.doc.the_school.students.size();
  d["classes"] = p.doc.the_school.classes.size();
  d["staff"] = p.doc.the_school.staff.size();
  d["applications"] = p.doc.data.applications.size();
  return d;
}

/// The students of a CSV export in place of the school's own, as the tool's --students.
programme_state with_students_csv(const programme_state& p, const fs::path& csv,
                                  const std::string& separator) {
  const auto chosen = from_key<io::csv_separator>(separator);
  if (!chosen)
    throw py::value_error("separator is detect, semicolon or comma, not '" + separator + "'");
  auto next = p;
  auto base = next.doc.the_school;
  base.students.clear();
  next.doc.the_school = io::merge_students_csv(std::move(base), io::read_text_file(csv),
                                               csv.filename().string(), {*chosen});
  next.doc.school_file.clear();
  next.inputs.push_back(csv);
  return next;
}

/// Every identity replaced under `key`, as the tool's --pseudonymise with a file of it.
programme_state pseudonymised(const programme_state& p, const py::bytes& key) {
  const auto under = pseudonymiser::from_key_file(std::string_view(key), "key");
  auto next = p;
  std::tie(next.doc.the_school, next.doc.data) = pseudonymise(next.doc.the_school, next.doc.data,
                                                              under);
  next.doc.school_file.clear();
  next.pseudonymised = true;
  return next;
}

std::string document_json(const programme_state& p, const std::optional<std::string>& reveal) {
  const auto access = access_for(reveal);
  return io::to_json(io::noting_reveal(p.doc, access, io::creation_time().date()), access).dump(1);
}

std::string school_json(const programme_state& p, const std::optional<std::string>& reveal) {
  return io::to_json(p.doc.the_school, access_for(reveal)).dump(1);
}

/// The report language of `key` ("en" or "nl"); another key is a ValueError.
report_language language_of(const std::string& key) {
  const auto language = from_key<report_language>(key);
  if (!language) throw py::value_error("language: expected en or nl, found '" + key + "'");
  return *language;
}

/// A programme run, with the programme it ran and the files it read.
struct run_state {
  programme_state programme;
  runtime_programme prog;
  programme_run run;
  std::vector<fs::path> holidays;

  std::vector<io::output_file> files(const std::optional<std::string>& reveal,
                                     const std::string& language) const {
    return io::result_files(
        programme.doc, prog, run,
        {io::creation_time(), reveal, programme.pseudonymised, language_of(language)});
  }
};

run_state run_programme(const programme_state& p, const fs::path& shipped,
                        const std::optional<fs::path>& update) {
  const auto cal = calendar_of(p.doc.the_school.region, shipped, update);
  require_holidays(cal.holidays, p.doc.data.year, cal.region);
  auto prog = p.doc.programme();
  auto run = p.doc.in_document([&] { return prog.run(cal); });
  return {p, std::move(prog), std::move(run), holiday_files(shipped, update)};
}

std::vector<std::string> shortfalls(const run_state& r) {
  std::vector<std::string> out;
  for (const auto& s : r.run.shortfalls) out.push_back(s.text);
  return out;
}

std::vector<std::pair<std::string, py::bytes>> files(const run_state& r,
                                                     const std::optional<std::string>& reveal,
                                                     const std::string& language) {
  std::vector<std::pair<std::string, py::bytes>> out;
  for (const auto& f : r.files(reveal, language))
    out.emplace_back(f.path.generic_string(), f.content);
  return out;
}

std::vector<fs::path> write(const run_state& r, const fs::path& directory, bool force,
                            const std::optional<std::string>& reveal, const std::string& language) {
  auto inputs = r.programme.inputs;
  inputs.insert(inputs.end(), r.holidays.begin(), r.holidays.end());
  return io::write_output_directory(directory, r.files(reveal, language),
                                    {inputs, force, io::file_access::owner_only});
}

/// A record of a year, replayed.
struct record_state {
  io::record_document doc;
  runtime_programme prog;
};

record_state read_record(const fs::path& path) {
  auto doc = io::read_record_file(path);
  auto prog = io::replay(doc, path.filename().string());
  return {std::move(doc), std::move(prog)};
}

/// The status on a day as status/1 JSON and as the coordinator's page.
std::pair<std::string, std::string> status(const record_state& r, int year, int month, int day,
                                           const fs::path& shipped,
                                           const std::optional<fs::path>& update,
                                           const std::string& language) {
  const auto& programme = r.doc.programme;
  const auto cal = calendar_of(programme.the_school.region, shipped, update);
  require_holidays(cal.holidays, programme.data.year, cal.region);
  const auto s = r.prog.status_on(date(year, month, day), cal);
  return {io::to_json(s).dump(1), status_report(r.prog, s, language_of(language))};
}

}  // namespace

void bind_programme(py::module_& m) {
  // Each class is declared before the functions that return it, so that their signatures
  // name it.
  py::class_<run_state> run_class(m, "Run");
  py::class_<programme_state>(m, "Programme")
      .def_static("read", &read_programme, py::arg("path"))
      .def_static("parse", &parse_programme, py::arg("text"), py::arg("base_dir"), py::arg("name"))
      .def("counts", &counts)
      .def("with_students_csv", &with_students_csv, py::arg("path"), py::arg("separator"))
      .def("pseudonymised", &pseudonymised, py::arg("key"))
      .def("document_json", &document_json, py::arg("reveal"))
      .def("school_json", &school_json, py::arg("reveal"))
      .def("run", &run_programme, py::arg("shipped_holidays"), py::arg("holidays"),
           py::call_guard<py::gil_scoped_release>());

  run_class.def_property_readonly("feasible", [](const run_state& r) { return r.run.feasible(); })
      .def_property_readonly("shortfalls", &shortfalls)
      .def("result_json",
           [](const run_state& r) { return io::to_json(r.run, r.prog.school_data()).dump(1); })
      .def(
          "report",
          [](const run_state& r, const std::string& language) {
            return markdown_report(r.prog, r.run, language_of(language));
          },
          py::arg("language"))
      .def("files", &files, py::arg("reveal"), py::arg("language"))
      .def("write", &write, py::arg("directory"), py::arg("force"), py::arg("reveal"),
           py::arg("language"));

  py::class_<record_state>(m, "Record")
      .def_static("read", &read_record, py::arg("path"))
      .def("status", &status, py::arg("year"), py::arg("month"), py::arg("day"),
           py::arg("shipped_holidays"), py::arg("holidays"), py::arg("language"),
           py::call_guard<py::gil_scoped_release>());
}

}  // namespace peerkit::python
