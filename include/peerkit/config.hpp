#pragma once
// peerkit's one configuration point: the version and the assertion for programmer
// mistakes. Define PEERKIT_ASSERT before including peerkit, in every translation unit
// alike, to route failed preconditions elsewhere: tests/assert/ makes it throw so that it
// can check that they fire (in a noexcept function a throw still ends the program).

#include <cassert>

#define PEERKIT_VERSION_MAJOR 0
#define PEERKIT_VERSION_MINOR 1
#define PEERKIT_VERSION_PATCH 0

#ifndef PEERKIT_ASSERT
#define PEERKIT_ASSERT(condition, message) assert((condition) && (message))
#endif

// Header-only by default. With PEERKIT_COMPILED defined (and the peerkit::compiled library
// linked), the heavy non-template functions are compiled once in that library instead of in
// every translation unit: their definitions sit in <header>-inl.hpp, marked PEERKIT_INLINE.
#ifdef PEERKIT_COMPILED
#define PEERKIT_INLINE
#else
#define PEERKIT_INLINE inline
#endif
