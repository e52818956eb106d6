// peerkit in a browser page: the checks of `peerkit validate` and the files of
// `peerkit run --output`, on documents the page hands over as text. Nothing leaves the
// page: the documents are written to emscripten's in-memory file system and read back by
// the tool's own readers, so a programme's "school": "sample_school.json" finds the other
// document given, and every problem is located as the tool locates it. The API is
// described in docs/web-api.md.

#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <map>
#include <new>
#include <optional>
#include <string>
#include <string_view>

#include <emscripten/bind.h>
#include <boost/date_time/posix_time/posix_time.hpp>

#include <peerkit/io/json_reader.hpp>
#include <peerkit/io/programme_inputs.hpp>
#include <peerkit/io/result_files.hpp>

using namespace peerkit;
namespace fs = std::filesystem;
using io::json;

namespace {

/// Where the request's files are written; the module works in it, so that paths and
/// problems read as the tool's run in the folder of its inputs.
const fs::path input_dir = "/input";
/// The holidays shipped with peerkit, embedded in the module.
const fs::path shipped_holidays = "/peerkit/school_holidays_nl.csv";

/// What a request asks for besides its files.
struct request {
  io::programme_inputs inputs;
  boost::posix_time::ptime created;
  std::optional<std::string> reveal_purpose;
  report_language language = report_language::english;  ///< of report.md
};

/// A file name of the request: a plain name in the input folder, nothing above or below it.
bool plain_file_name(std::string_view name) {
  return !name.empty() && name != "." && name.find('/') == std::string_view::npos &&
         name.find("..") == std::string_view::npos && name.find('\0') == std::string_view::npos;
}

/// Reads field `key` of the request, the name of one of its `files`; absent (or null) when
/// not `required`.
std::optional<fs::path> file_field(io::json_reader& r, const json& j, std::string_view key,
                                   const json& files, bool required) {
  std::optional<std::string> name;
  r.field(j, "", key, name, required);
  if (!name) {
    if (required && j.contains(key)) r.wrong_kind(std::string(key), "a file name", j[key]);
    return std::nullopt;
  }
  if (!files.contains(*name)) {
    r.problem("json.unknown_value", std::string(key),
              "'" + io::shown_name(*name) + "' is not one of the request's files");
    return std::nullopt;
  }
  return fs::path(*name);
}

/// When year.ics is made: `created` seconds since 1970, or now; the bounds of
/// SOURCE_DATE_EPOCH (io::creation_time()).
boost::posix_time::ptime created_of(io::json_reader& r, const json& j) {
  constexpr long long last_second = io::last_creation_second;
  const auto it = j.find("created");
  if (it == j.end()) return boost::posix_time::second_clock::universal_time();
  if (!it->is_number_integer() ||
      (it->is_number_unsigned() && it->get<std::uint64_t>() > std::uint64_t(last_second)) ||
      it->get<long long>() < 0) {
    r.problem("data.out_of_range", "created",
              "expected whole seconds since 1970 from 0 to " + std::to_string(last_second) +
                  ", found " + io::shown_value(*it));
    return {};
  }
  return boost::posix_time::from_time_t(static_cast<std::time_t>(it->get<long long>()));
}

/// The request read from `text`, its files written to the input folder. Throws
/// peerkit::error with every problem of the request.
request read_request(std::string_view text) {
  problem_list problems;
  const auto parsed = io::parse_json(text, "request", problems);
  if (!parsed) io::throw_document_problems(problems, "request");
  io::json_reader r(problems);
  const auto& j = *parsed;
  if (!r.object(j, "",
                {"files", "programme", "students", "separator", "holidays", "language", "created",
                 "reveal_purpose"}))
    io::throw_document_problems(problems, "request");

  std::map<std::string, std::string> files;
  const json no_files = json::object();
  const auto& given = j.contains("files") ? j["files"] : no_files;
  if (!j.contains("files"))
    r.problem("json.missing_field", "", "missing required field 'files'");
  else if (!given.is_object())
    r.wrong_kind("files", "an object", given);
  else
    for (const auto& [name, content] : given.items()) {
      const auto path = io::json_reader::join("files", io::shown_name(name));
      if (!plain_file_name(name))
        r.problem("json.unknown_value", path,
                  "'" + io::shown_name(name) +
                      "' is not a plain file name: not empty or '.', without '/' or '..'");
      else
        r.value(content, path, files[name]);
    }

  request req;
  auto& in = req.inputs;
  in.shipped_holidays = shipped_holidays;
  if (auto programme = file_field(r, j, "programme", given, true)) in.programme = *programme;
  in.students = file_field(r, j, "students", given, false);
  in.holidays = file_field(r, j, "holidays", given, false);
  r.field(j, "", "separator", in.separator, false);
  r.field(j, "", "language", req.language, false);
  req.created = created_of(r, j);
  r.field(j, "", "reveal_purpose", req.reveal_purpose, false);
  io::throw_document_problems(problems, "request");

  // The folder emptied: no file of an earlier request is there to be found.
  fs::create_directories(input_dir);
  fs::current_path(input_dir);
  for (const auto& entry : fs::directory_iterator(input_dir)) fs::remove_all(entry.path());
  for (const auto& [name, content] : files) {
    std::ofstream out(input_dir / name, std::ios::binary);
    out << content;
    if (!out.flush())
      throw error("io.write_failed", "request: files." + io::shown_name(name),
                  "cannot be written to the page's memory");
  }
  return req;
}

json problems_json(const std::vector<problem>& problems) {
  json list = json::array();
  for (const auto& p : problems)
    list.push_back(
        {{"id", p.id}, {"location", p.location}, {"message", p.message}, {"text", p.to_string()}});
  return list;
}

/// A response that failed with one problem of its own, which quotes no input.
json internal_problem(const std::string& message) {
  return {{"ok", false},
          {"problems",
           json::array(
               {{{"id", "internal"}, {"location", ""}, {"message", message}, {"text", message}}})}};
}

/// The response of `answer` (the ok response's fields), or of the problems it threw. Every
/// failure is an answer, never an abort; what no reader turned into a peerkit::error is
/// said without the exception's own text, which may quote an input.
template <class Answer>
std::string respond(Answer&& answer) {
  json response;
  try {
    response = {{"ok", true}, {"problems", json::array()}};
    response.update(answer());
  } catch (const error& e) {
    response = {{"ok", false}, {"problems", problems_json(e.problems())}};
  } catch (const std::bad_alloc&) {
    response = internal_problem("out of memory: an input is too large for this page");
  } catch (const io::json::exception& e) {
    response = internal_problem("stopped by an unexpected JSON error (nlohmann/json error " +
                                std::to_string(e.id) +
                                "); no input is quoted, as it may hold personal data");
  } catch (...) {
    response = internal_problem(
        "stopped by an unexpected error; no input is quoted, as it may hold personal data");
  }
  return response.dump();
}

std::string version() { return PEERKIT_VERSION; }

/// What `peerkit validate` does: every check of a run.
std::string check(const std::string& text) {
  return respond([&] {
    const auto req = read_request(text);
    const auto doc = req.inputs.read();
    const auto prog = doc.programme();
    io::check_run(doc, prog, req.inputs.calendar(doc.the_school.region));
    return json{{"summary", io::validity_summary(doc)}};
  });
}

/// The students `run` names, by id: each one's name and class.
json named_students(const programme_run& run, const school& sch) {
  json named = json::object();
  const auto add = [&](student_id id) {
    if (const auto* s = sch.find(id)) {
      const auto* c = sch.find(s->class_of);
      named[std::to_string(id.value())] = {{"name", s->name}, {"class", c ? c->name : ""}};
    }
  };
  for (const auto& role : run.selection.roles)
    for (const auto& c : role.candidates) add(c.student);
  for (const auto& rp : run.pairing.roles) {
    for (const auto& p : rp.result.pairs) {
      add(p.supporter);
      add(p.supportee);
    }
    for (const auto& u : rp.explanation.unpaired_supportees) add(u.who);
    for (const auto& u : rp.explanation.unused_supporters) add(u.who);
  }
  if (const auto& l = run.pairing.leaders) {
    for (const auto& d : l->duos.duos) {
      add(d.first);
      add(d.second);
    }
    for (auto id : l->duos.reserves) add(id);
  }
  for (const auto& p : run.pairing.pairs) {
    for (auto id : p.supporters) add(id);
    for (auto id : p.supportees) add(id);
  }
  return named;
}

/// What `peerkit run --output` does: the files it writes, and the result and report among
/// them.
std::string run(const std::string& text) {
  return respond([&] {
    const auto req = read_request(text);
    const auto doc = req.inputs.read();
    const auto prog = doc.programme();
    const auto cal = req.inputs.calendar(doc.the_school.region);
    require_holidays(cal.holidays, doc.data.year, cal.region);
    const auto run = doc.in_document([&] { return prog.run(cal); });
    const auto files = io::result_files(
        doc, prog, run,
        {.created = req.created, .reveal_purpose = req.reveal_purpose, .language = req.language});
    json out{{"result", nullptr},
             {"report", ""},
             {"students", named_students(run, prog.school_data())},
             {"files", json::array()}};
    for (const auto& f : files) {
      const auto name = f.path.generic_string();
      if (name == "result.json") out["result"] = json::parse(f.content);
      if (name == "report.md") out["report"] = f.content;
      out["files"].push_back({{"name", name}, {"text", f.content}});
    }
    return out;
  });
}

}  // namespace

EMSCRIPTEN_BINDINGS(peerkit) {
  emscripten::function("version", &version);
  emscripten::function("check", &check);
  emscripten::function("run", &run);
}
