// A programme document run as `peerkit run` runs it: read, planned on the shipped
// holidays, and its result files written.

#include <peerkit/calendar/holiday_reader.hpp>
#include <peerkit/calendar/holidays.hpp>
#include <peerkit/io/programme_json.hpp>
#include <peerkit/io/run_json.hpp>
#include <peerkit/programme/report.hpp>

#include "fuzz_target.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const auto holidays = peerkit::read_holidays_file(PEERKIT_SHIPPED_HOLIDAYS);
  return peerkit::fuzz::check_reader(data, size, [](std::string_view text) {
    const auto doc = peerkit::io::read_programme(text, "programme.json",
                                                 peerkit::fuzz::named_files);
    const peerkit::school_calendar calendar{doc.the_school.region, holidays, {}};
    peerkit::require_holidays(calendar.holidays, doc.data.year, calendar.region);
    const auto prog = doc.programme();
    const auto run = prog.run(calendar);
    (void)peerkit::io::to_json(run, prog.school_data()).dump(1);
    (void)peerkit::markdown_report(prog, run);
  });
}
