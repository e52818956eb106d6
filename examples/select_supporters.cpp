// Het Voorbeeld College chooses its peer leaders, peer buddies and newcomer buddies for
// 2025-2026 from the applications, interviews and report grades, and prints who was
// chosen, who is a reserve and why the others were not.

#include <iostream>

#include <peerkit/selection/report.hpp>

#include "sample.hpp"

int main() {
  const auto doc = sample::programme_document();
  const auto prog = doc.programme();
  const auto requests = prog.support_requests();
  std::cout << requests.size() << " students asked for a supporter.\n\n";
  std::cout << peerkit::selection_report(prog.select(requests), prog.school_data());
}
