#pragma once
// The problems a call throws as peerkit::error, one "id location: message" line each,
// so a test compares what a reader reports with the lines a user would read.

#include <string>
#include <vector>

#include <peerkit/core/error.hpp>

namespace peerkit_test {

template <class Call>
std::vector<std::string> problems_of(Call call) {
  try {
    call();
  } catch (const peerkit::error& e) {
    std::vector<std::string> out;
    for (const auto& p : e.problems()) out.push_back(p.id + " " + p.to_string());
    return out;
  }
  return {};
}

}  // namespace peerkit_test
