"""Builds the extension of the Python module `peerkit` (metadata in pyproject.toml).

The module's C++ sources are in examples/python/src and use peerkit's headers from
include/; Boost and nlohmann/json come from the system (Debian: libboost-graph-dev,
libboost-date-time-dev, nlohmann-json3-dev).
"""
from glob import glob

from pybind11.setup_helpers import ParallelCompile, Pybind11Extension, build_ext
from setuptools import setup

ParallelCompile("PEERKIT_PYTHON_JOBS", default=2).install()

setup(
    packages=["peerkit"],
    package_dir={"peerkit": "examples/python/package/peerkit"},
    package_data={"peerkit": ["data/*.csv", "py.typed", "*.pyi"]},
    ext_modules=[
        Pybind11Extension(
            "peerkit._peerkit",
            sorted(glob("examples/python/src/*.cpp")),
            include_dirs=["include"],
            cxx_std=20,
            # No debug information: it would make this template-heavy build slow and large.
            extra_compile_args=["-g0"],
        )
    ],
    cmdclass={"build_ext": build_ext},
    zip_safe=False,
)
