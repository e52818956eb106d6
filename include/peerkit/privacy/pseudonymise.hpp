#pragma once
// A programme with its identities replaced, for output that may leave the school
// (research, a supplier's support desk). Every student and staff number becomes a number
// derived from the keyed pseudonym (privacy/pseudonym.hpp), so the same key gives the
// same numbers every year; names become "student 3f9a2c81d0e4"; the coordinator's free-text
// notes are dropped, and a birth date becomes at most a stand-in that keeps the consent rule's
// answer (the age of 16 on the day of consent). The run gives the same pairs and schedule as
// the original, so reports and exports of it carry no identity.

#include <map>
#include <set>
#include <string>
#include <utility>

#include <peerkit/privacy/pseudonym.hpp>
#include <peerkit/programme/programme.hpp>

namespace peerkit {

/// The school and programme data with identities replaced under `p`.
[[nodiscard]] std::pair<school, programme_data> pseudonymise(school s, programme_data d,
                                                             const pseudonymiser& p);

}  // namespace peerkit

#ifndef PEERKIT_COMPILED
#include <peerkit/privacy/pseudonymise-inl.hpp>
#endif
