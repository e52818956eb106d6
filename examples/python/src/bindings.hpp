#pragma once
// The parts of the extension peerkit._peerkit, each adding its functions and classes to
// the module. peerkit::error thrown by any of them reaches Python as peerkit.Error
// (peerkit/errors.py), translated once for the whole module in module.cpp.

#include <pybind11/pybind11.h>

namespace peerkit::python {

/// Programmes, their runs, records and statuses.
void bind_programme(pybind11::module_& m);
/// The model's parameters, simulations and survival curves.
void bind_simulation(pybind11::module_& m);

}  // namespace peerkit::python
