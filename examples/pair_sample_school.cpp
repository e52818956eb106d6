// After selection and training, the coordinator of Het Voorbeeld College pairs buddies
// with the students who asked for one, forms peer-leader duos and gives each first-year
// class its duo. Every pair comes with its reasons, every unpaired student with why, and
// an independent check confirms the pairing keeps every rule and is optimal.

#include <iostream>

#include <peerkit/matching/verifier.hpp>

#include "sample.hpp"

int main() {
  using namespace peerkit;
  const auto doc = sample::programme_document();
  const auto prog = doc.programme();
  const auto requests = prog.support_requests();
  auto applications = doc.data.applications;
  record_decisions(applications, prog.select(requests));
  const auto pairing = prog.pair(applications, requests);

  const school& sch = prog.school_data();
  for (const auto& rp : pairing.roles) {
    std::cout << "== " << rp.role.name << " ==\n" << describe(rp.explanation, sch);
    const pairing_graph graph(sch, rp.request, prog.matching().settings());
    const auto check = verify(graph, rp.result);
    std::cout << (check.ok() ? "Verified independently:\n" : "The verifier found problems:\n");
    for (const auto& line : check.proof) std::cout << "  " << line << "\n";
    for (const auto& p : check.problems) std::cout << "  " << p.to_string() << "\n";
    std::cout << "\n";
  }
  if (const auto& leaders = pairing.leaders) {
    std::cout << "== peer leader duos ==\n" << describe(leaders->duo_reasons, sch);
    const class_table table(sch, leaders->class_input, prog.matching().settings());
    std::cout << describe(leaders->class_reasons, table);
  }
}
