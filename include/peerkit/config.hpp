#pragma once
// peerkit's one configuration point: the version and the assertion for programmer
// mistakes. Define PEERKIT_ASSERT before including peerkit to route failed
// preconditions elsewhere (tests make it throw so that they can check it fires).

#include <cassert>

#define PEERKIT_VERSION_MAJOR 0
#define PEERKIT_VERSION_MINOR 1
#define PEERKIT_VERSION_PATCH 0

#ifndef PEERKIT_ASSERT
#define PEERKIT_ASSERT(condition, message) assert((condition) && (message))
#endif
