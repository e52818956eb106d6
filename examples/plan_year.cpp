// The coordinator of Het Voorbeeld College plans the programme year on the school's
// holiday region, checks readiness on the 7-step plan, and writes the year as a
// calendar file (sample_year.ics) that any calendar program imports.

#include <iostream>

#include <peerkit/calendar/icalendar.hpp>
#include <peerkit/checklist/readiness.hpp>

#include "sample.hpp"

int main() {
  using namespace peerkit;
  const auto doc = sample::programme_document();
  const auto prog = doc.programme();
  const auto run = prog.run(sample::calendar(doc.the_school.region));

  std::cout << to_markdown(run.readiness) << "\n";
  const auto events = to_calendar_events(run.year);
  const icalendar_options options{boost::posix_time::ptime(date(2025, 9, 1)),
                                  "voorbeeldcollege.example",
                                  "Peer support " + run.year.year.to_string()};
  write_icalendar_file("sample_year.ics", events, options);
  std::cout << "Wrote sample_year.ics: " << events.size() << " events from "
            << to_iso_extended_string(run.year.events.front().day) << " to "
            << to_iso_extended_string(run.year.events.back().day) << ".\n";
}
