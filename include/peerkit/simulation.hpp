#pragma once
// The simulation of programme years and the tools of reproducible experiments. Not part of
// peerkit.hpp: programs that only plan and record do not compile it.

#include <peerkit/experiment/design.hpp>
#include <peerkit/experiment/distributions.hpp>
#include <peerkit/experiment/kaplan_meier.hpp>
#include <peerkit/experiment/ordered_runs.hpp>
#include <peerkit/experiment/philox.hpp>
#include <peerkit/experiment/random_stream.hpp>
#include <peerkit/experiment/statistics.hpp>
#include <peerkit/experiment/svg_charts.hpp>
#include <peerkit/simulation/events.hpp>
#include <peerkit/simulation/parameters.hpp>
#include <peerkit/simulation/population.hpp>
#include <peerkit/simulation/processes.hpp>
#include <peerkit/simulation/record_builder.hpp>
#include <peerkit/simulation/study_presets.hpp>
#include <peerkit/simulation/sweep.hpp>
#include <peerkit/simulation/year_simulation.hpp>
