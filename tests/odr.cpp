// Included here and in every test: a definition in a header that is not inline
// is defined twice per test binary and fails to link.
#include <peerkit/peerkit.hpp>
