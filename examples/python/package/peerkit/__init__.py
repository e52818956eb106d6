"""peerkit: school peer-support programmes, their runs and their simulation."""

from .errors import Error, Problem
from .programme import Programme, Record, Run, Status
from .simulation import Simulation, kaplan_meier, parameters, simulate

__all__ = ["Error", "Problem", "Programme", "Record", "Run", "Simulation", "Status",
           "kaplan_meier", "parameters", "simulate"]
