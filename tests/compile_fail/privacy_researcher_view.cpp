// This file must FAIL to compile: a researcher gets no view of the records; research
// goes through the pseudonymised export only.
// With PEERKIT_COMPILE_FAIL_CONTROL defined the researcher takes the export and the file
// compiles, so it fails for the stated reason only.
#include <peerkit/privacy/research_export.hpp>
#include <peerkit/privacy/views.hpp>

int main() {
  const peerkit::programme_records records;
  const peerkit::school school;
#ifndef PEERKIT_COMPILE_FAIL_CONTROL
  const peerkit::records_view<peerkit::viewer_role::researcher> view(records, school,
                                                                     peerkit::staff_id{40});
  (void)view;
  return 0;
#else
  const peerkit::pseudonymiser keys("a key of sixteen bytes or more");
  return static_cast<int>(
      peerkit::export_for_research(records, school, keys, peerkit::date(2026, 7, 1))
          .pairs.rows.size());
#endif
}
