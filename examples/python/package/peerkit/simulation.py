"""The programme year run forward: the model's parameters, simulations and survival curves.

``simulate`` runs a scenario or sweep document as ``peerkit simulate`` does and keeps its
tables in memory as DataFrames, with the tool's columns: counts are int64, figures
float64, dates datetime64, and NaN stands where the tool writes an empty cell.
"""

import json
import os
import sys
import warnings
from pathlib import Path
from typing import Any, Callable, Optional, Union

import numpy as np
import pandas as pd

from . import _peerkit

Progress = Union[bool, Callable[[int, int], Any]]

_SHIPPED_HOLIDAYS = Path(__file__).parent / "data" / "school_holidays_nl.csv"


def parameters() -> pd.DataFrame:
    """Every number of the model with its default, bounds, unit, basis and source."""
    return pd.DataFrame(_peerkit.parameters())


def kaplan_meier(weeks, ended, level: float = 0.95) -> pd.DataFrame:
    """The Kaplan–Meier curve of survival times.

    ``weeks`` are the times, ``ended`` tells for each whether it ended in the event (True)
    or was censored (False). One row per distinct time: weeks, at_risk, events, censored,
    survival, standard_error and the log-log interval lower, upper at ``level``.
    """
    return pd.DataFrame(_peerkit.kaplan_meier(np.asarray(weeks, dtype=float),
                                              np.asarray(ended, dtype=bool), level))


class Simulation:
    """The results of a scenario or sweep: the tables ``peerkit simulate`` writes."""

    def __init__(self, tables: dict, document: dict):
        self.runs: pd.DataFrame = pd.DataFrame(tables["runs"])
        """One row per run and year: the seed, every figure of the year, an error."""
        self.pairs: pd.DataFrame = pd.DataFrame(tables["pairs"])
        """One row per pair of each run and year (empty when outputs.pairs is false)."""
        self.weeks: pd.DataFrame = pd.DataFrame(tables["weeks"])
        """One row per week of each run (empty unless outputs.weeks is true)."""
        self.points: pd.DataFrame = pd.DataFrame(tables["points"])
        """One row per design point with every parameter of the model."""
        self.summary: pd.DataFrame = pd.DataFrame(tables["summary"])
        """Per point, year and figure: mean, sd, 95% interval, difference from point 0."""
        self.seed: int = tables["seed"]
        self.replications: int = tables["replications"]
        self.document: dict = document
        """The scenario or sweep document as given."""

    def survival(self, level: float = 0.95) -> pd.DataFrame:
        """How long pairs keep going: the Kaplan–Meier curve of each design point over all
        its pairs, an early end being the event, in weeks since the pair started."""
        if self.pairs.empty and self.document.get("outputs", {}).get("pairs") is False:
            raise ValueError("survival() needs the pairs; the document's outputs.pairs is false")
        curves = []
        for point, name in zip(self.points["point"], self.points["name"]):
            pairs = self.pairs[self.pairs["point"] == point]
            weeks = (pairs["ended"] - pairs["started"]).dt.days / 7
            curve = kaplan_meier(weeks, pairs["early"] != 0, level)
            curve.insert(0, "name", name)
            curve.insert(0, "point", point)
            curves.append(curve)
        return pd.concat(curves, ignore_index=True)

    def __repr__(self) -> str:
        return (f"<peerkit.Simulation {len(self.points)} points × {self.replications} "
                f"replications, seed {self.seed}>")


def _reporter(progress: Progress) -> Optional[Callable[[int, int], Any]]:
    """The callable that reports progress: the caller's own, a tqdm bar, a line on stderr."""
    if progress is False or progress is None:
        return None
    if callable(progress):
        return progress
    try:
        from tqdm import tqdm
    except ImportError:
        def line(done: int, total: int) -> None:
            end = "\n" if done == total else ""
            print(f"\r{done}/{total} runs", end=end, file=sys.stderr, flush=True)
        return line
    bar = None

    def update(done: int, total: int) -> None:
        nonlocal bar
        if bar is None:
            bar = tqdm(total=total, unit="run")
        bar.update(done - bar.n)
        if done == total:
            bar.close()
    return update


def simulate(document: Union[str, os.PathLike, dict], threads: int = 1,
             progress: Progress = False, holidays: Union[str, os.PathLike, None] = None, *,
             base_dir: Union[str, os.PathLike] = ".", name: str = "scenario.json") -> Simulation:
    """Runs a scenario or sweep document (scenario/1, sweep/1) as ``peerkit simulate`` does.

    ``document`` is the document's path or the document itself as a dict, whose relative
    paths are taken from ``base_dir`` and whose problems are located in ``name``.
    ``threads``: 0 for one per core; the results are the same for any number.
    ``progress``: True shows a tqdm bar (a line on stderr without tqdm); a callable gets
    (done, total) at most every 50 ms and after the last run.
    ``holidays``: a holiday file (.csv or the government's .json) updating the shipped one.
    Ctrl-C stops the runs with KeyboardInterrupt. Raises peerkit.Error for invalid input.
    """
    reporter = _reporter(progress)
    holidays = None if holidays is None else os.fspath(holidays)
    if isinstance(document, dict):
        file = os.fspath(Path(base_dir) / name)
        tables = _peerkit.simulate(file, json.dumps(document), os.fspath(_SHIPPED_HOLIDAYS),
                                   holidays, threads, reporter)
        given = document
    else:
        file = os.fspath(document)
        tables = _peerkit.simulate(file, None, os.fspath(_SHIPPED_HOLIDAYS), holidays, threads,
                                   reporter)
        with open(file, encoding="utf-8") as f:
            given = json.load(f)
    result = Simulation(tables, given)
    failed = result.runs["error"].dropna()
    if len(failed):
        runs = len(result.points) * result.replications
        warnings.warn(f"{len(failed)} of {runs} runs failed (each with its error in runs); "
                      f"the first: {failed.iloc[0]}", RuntimeWarning, stacklevel=2)
    return result
