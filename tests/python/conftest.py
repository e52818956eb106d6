"""Shared fixtures of peerkit's Python tests: where the examples are, and the tool.

Run with the module on the path, as ctest does:
PYTHONPATH=build/python PEERKIT_TOOL=build/examples/peerkit python3 -m pytest tests/python
"""

import os
import subprocess
from pathlib import Path

import pytest

SOURCE_DIR = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def data_dir() -> Path:
    """examples/data: the sample school, programme, record and the shipped holidays."""
    return SOURCE_DIR / "examples" / "data"


@pytest.fixture(scope="session")
def scenarios_dir() -> Path:
    """examples/scenarios: the shipped scenario and sweep documents."""
    return SOURCE_DIR / "examples" / "scenarios"


@pytest.fixture(scope="session")
def tool():
    """Runs the command-line tool (PEERKIT_TOOL) with the given arguments; fails the test
    when it fails."""
    path = os.environ.get("PEERKIT_TOOL")
    if not path:
        pytest.skip("PEERKIT_TOOL names no peerkit tool to compare with")

    def run(*args):
        done = subprocess.run([path, *map(os.fspath, args)], capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
        return done
    return run
