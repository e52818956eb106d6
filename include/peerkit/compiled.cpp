// The one translation unit of peerkit::compiled: the definitions that the headers leave
// out when PEERKIT_COMPILED is defined, compiled once for the whole program.
#ifndef PEERKIT_COMPILED
#error "compiled.cpp is built with PEERKIT_COMPILED defined (the peerkit::compiled target does so)"
#endif

#include <peerkit/calendar/icalendar-inl.hpp>
#include <peerkit/calendar/programme_schedule-inl.hpp>
#include <peerkit/calendar/public_holidays-inl.hpp>
#include <peerkit/calendar/school_calendar-inl.hpp>
#include <peerkit/calendar/school_year-inl.hpp>
#include <peerkit/calendar/teaching_time-inl.hpp>
#include <peerkit/checklist/checklist-inl.hpp>
#include <peerkit/checklist/checklist_policy-inl.hpp>
#include <peerkit/checklist/derived_checks-inl.hpp>
#include <peerkit/checklist/item-inl.hpp>
#include <peerkit/checklist/progress-inl.hpp>
#include <peerkit/checklist/readiness-inl.hpp>
#include <peerkit/matching/buddy_pairing-inl.hpp>
#include <peerkit/matching/class_assignment-inl.hpp>
#include <peerkit/matching/dot-inl.hpp>
#include <peerkit/matching/explanation-inl.hpp>
#include <peerkit/matching/leader_duos-inl.hpp>
#include <peerkit/matching/pairing_graph-inl.hpp>
#include <peerkit/matching/svg-inl.hpp>
#include <peerkit/matching/verifier-inl.hpp>
#include <peerkit/privacy/pseudonym-inl.hpp>
#include <peerkit/privacy/pseudonymise-inl.hpp>
#include <peerkit/privacy/retention-inl.hpp>
#include <peerkit/programme/status-inl.hpp>
#include <peerkit/programme/year_record-inl.hpp>
#include <peerkit/selection/choose-inl.hpp>
#include <peerkit/solvers/assignment_solver-inl.hpp>
#include <peerkit/solvers/stable_pairing-inl.hpp>
#include <peerkit/solvers/weighted_matching-inl.hpp>
#include <peerkit/supervision/cadence-inl.hpp>
#include <peerkit/supervision/escalation-inl.hpp>
#include <peerkit/supervision/evaluation-inl.hpp>
#include <peerkit/supervision/indicators-inl.hpp>
#include <peerkit/supervision/rosters-inl.hpp>
#include <peerkit/supervision/school_breaks-inl.hpp>
