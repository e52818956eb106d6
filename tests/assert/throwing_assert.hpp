#pragma once
// Included ahead of every translation unit of test_assert: a broken precondition throws
// instead of aborting, so that a test can check that it fires.

#include <stdexcept>

namespace peerkit_test {
struct precondition_failed : std::logic_error {
  using std::logic_error::logic_error;
};
}  // namespace peerkit_test

#define PEERKIT_ASSERT(condition, message) \
  ((condition) ? void() : throw ::peerkit_test::precondition_failed(message))
