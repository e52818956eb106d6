// peerkit._peerkit: the C++ half of the Python package peerkit; the package's .py files
// turn what it returns into DataFrames.

#include "bindings.hpp"

#include <peerkit/core/error.hpp>

namespace py = pybind11;

namespace {

/// peerkit::error as peerkit.Error, its problems as peerkit.Problem in the same order.
void raise_peerkit_error(const peerkit::error& e) {
  const auto errors = py::module_::import("peerkit.errors");
  py::list problems;
  for (const auto& p : e.problems())
    problems.append(errors.attr("Problem")(p.id, p.location, p.message));
  const auto type = errors.attr("Error");
  PyErr_SetObject(type.ptr(), type(problems).ptr());
}

}  // namespace

PYBIND11_MODULE(_peerkit, m) {
  m.doc() = "peerkit's C++ library; use it through the package peerkit";
  py::register_exception_translator([](std::exception_ptr thrown) {
    try {
      if (thrown) std::rethrow_exception(thrown);
    } catch (const peerkit::error& e) {
      raise_peerkit_error(e);
    }
  });
  peerkit::python::bind_programme(m);
  peerkit::python::bind_simulation(m);
}
