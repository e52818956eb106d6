#pragma once
// Everything peerkit offers that needs no dependency beyond Boost. Headers that read or
// write file formats with other libraries (JSON) are included on their own.

#include <peerkit/config.hpp>

// core model
#include <peerkit/core/cell_text.hpp>
#include <peerkit/core/date_text.hpp>
#include <peerkit/core/enum_keys.hpp>
#include <peerkit/core/error.hpp>
#include <peerkit/core/roles.hpp>
#include <peerkit/core/school.hpp>
#include <peerkit/core/sensitive.hpp>
#include <peerkit/core/staff.hpp>
#include <peerkit/core/staff_roles.hpp>
#include <peerkit/core/strong_id.hpp>
#include <peerkit/core/student.hpp>
#include <peerkit/core/support_pair.hpp>

// programme and its policies
#include <peerkit/core/policy.hpp>
#include <peerkit/core/roles_policy.hpp>
#include <peerkit/privacy/pseudonymise.hpp>
#include <peerkit/programme/presets.hpp>
#include <peerkit/programme/programme.hpp>
#include <peerkit/programme/programme_data.hpp>
#include <peerkit/programme/rematching.hpp>
#include <peerkit/programme/report.hpp>
#include <peerkit/programme/schedule_policy.hpp>
#include <peerkit/programme/status.hpp>
#include <peerkit/programme/status_report.hpp>
#include <peerkit/programme/year_record.hpp>

// calendar
#include <peerkit/calendar/holiday_reader.hpp>
#include <peerkit/calendar/holidays.hpp>
#include <peerkit/calendar/icalendar.hpp>
#include <peerkit/calendar/programme_schedule.hpp>
#include <peerkit/calendar/public_holidays.hpp>
#include <peerkit/calendar/school_calendar.hpp>
#include <peerkit/calendar/school_year.hpp>
#include <peerkit/calendar/teaching_time.hpp>
#include <peerkit/core/region.hpp>

// implementation checklist: 7-step and 5-step plans, progress, derived items, readiness
#include <peerkit/checklist/checklist.hpp>
#include <peerkit/checklist/checklist_policy.hpp>
#include <peerkit/checklist/derived_checks.hpp>
#include <peerkit/checklist/five_step_plan.hpp>
#include <peerkit/checklist/item.hpp>
#include <peerkit/checklist/plan_items.hpp>
#include <peerkit/checklist/plan_mapping.hpp>
#include <peerkit/checklist/programme_facts.hpp>
#include <peerkit/checklist/progress.hpp>
#include <peerkit/checklist/readiness.hpp>
#include <peerkit/checklist/seven_step_plan.hpp>

// supervision: contact, intervision, escalation, closure, evaluation
#include <peerkit/supervision/alerts.hpp>
#include <peerkit/supervision/cadence.hpp>
#include <peerkit/supervision/closure.hpp>
#include <peerkit/supervision/contact_log.hpp>
#include <peerkit/supervision/escalation.hpp>
#include <peerkit/supervision/evaluation.hpp>
#include <peerkit/supervision/ids.hpp>
#include <peerkit/supervision/indicators.hpp>
#include <peerkit/supervision/intervision.hpp>
#include <peerkit/supervision/limits.hpp>
#include <peerkit/supervision/records.hpp>
#include <peerkit/supervision/rosters.hpp>
#include <peerkit/supervision/school_breaks.hpp>

// privacy: access per role, consent, retention, pseudonymised export
#include <peerkit/core/consent.hpp>
#include <peerkit/core/safe_text.hpp>
#include <peerkit/privacy/access_policy.hpp>
#include <peerkit/privacy/pseudonym.hpp>
#include <peerkit/privacy/research_export.hpp>
#include <peerkit/privacy/retention.hpp>
#include <peerkit/privacy/views.hpp>
#include <peerkit/privacy/withdrawal.hpp>

// selection of supporters
#include <peerkit/selection/application.hpp>
#include <peerkit/selection/choose.hpp>
#include <peerkit/selection/default_profiles.hpp>
#include <peerkit/selection/demand.hpp>
#include <peerkit/selection/interview.hpp>
#include <peerkit/selection/policy.hpp>
#include <peerkit/selection/profile.hpp>
#include <peerkit/selection/rating_scale.hpp>
#include <peerkit/selection/recommendation.hpp>
#include <peerkit/selection/report.hpp>
#include <peerkit/selection/training.hpp>
#include <peerkit/selection/traits.hpp>

// exact pairing solvers on plain data: capacitated assignment, weighted matching, stable pairing
#include <peerkit/solvers/assignment_solver.hpp>
#include <peerkit/solvers/stable_pairing.hpp>
#include <peerkit/solvers/weighted_matching.hpp>

// pairing: rules, scores, buddy pairing with explanations and a verifier, leader duos, classes,
// DOT and SVG pictures
#include <peerkit/matching/buddy_pairing.hpp>
#include <peerkit/matching/class_assignment.hpp>
#include <peerkit/matching/dot.hpp>
#include <peerkit/matching/explanation.hpp>
#include <peerkit/matching/leader_duos.hpp>
#include <peerkit/matching/matching_policy.hpp>
#include <peerkit/matching/pairing_graph.hpp>
#include <peerkit/matching/pairing_result.hpp>
#include <peerkit/matching/rules.hpp>
#include <peerkit/matching/scores.hpp>
#include <peerkit/matching/svg.hpp>
#include <peerkit/matching/verifier.hpp>

// reading and writing files that need no JSON library (the JSON headers are included on their own)
#include <peerkit/io/csv.hpp>
#include <peerkit/io/output_files.hpp>
#include <peerkit/io/text_file.hpp>
