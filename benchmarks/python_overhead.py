#!/usr/bin/python3
"""The overhead of the Python module over the command-line tool on the same sweep.

Times `peerkit simulate SWEEP --threads N --output DIR` (the tool, a subprocess that writes
its CSV tables) against `peerkit.simulate(SWEEP, threads=N)` in this process (the same
tables built as DataFrames), alternating the two, and reports the median wall time of
each and their ratio (goal: python / tool at most 1.10).

    python_overhead.py --tool build/release/examples/peerkit [--runs 10000] [--threads 2]
                       [--repeat 5] [--smoke]

The sweep is the sample school with intervision every two or every four weeks
(examples/scenarios/intervision_interval.json), its replications set so that the two
points make --runs school-years; pairs are kept, charts are not drawn, so both sides make
the same tables: runs, pairs, points and summary.
"""

import argparse
import json
import pathlib
import statistics
import subprocess
import sys
import tempfile
import time

import peerkit

SCENARIOS = pathlib.Path(__file__).resolve().parents[1] / "examples" / "scenarios"
SMOKE_RUNS = 200


def sweep_document(runs):
    """intervision_interval.json with runs / 2 replications of each point and no charts."""
    path = SCENARIOS / "intervision_interval.json"
    document = json.loads(path.read_text(encoding="utf-8"))
    points = len(document["scenarios"])
    if runs % points:
        sys.exit(f"python_overhead: --runs must be a multiple of {points}, the sweep's points")
    for field in ("programme", "holidays"):  # the copy lives elsewhere
        document[field] = str((SCENARIOS / document[field]).resolve())
    document["replications"] = runs // points
    document["outputs"] = {"pairs": True, "weeks": False, "charts": False}
    return document


def time_tool(tool, sweep, threads, output):
    start = time.perf_counter()
    subprocess.run([tool, "simulate", sweep, "--threads", str(threads), "--output", output],
                   check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def time_python(sweep, threads):
    start = time.perf_counter()
    res = peerkit.simulate(sweep, threads=threads)
    tables = (res.runs, res.pairs, res.points, res.summary)
    return time.perf_counter() - start, tables


def csv_rows(path):
    with open(path, "rb") as f:
        return sum(1 for _ in f) - 1


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--tool", required=True, type=pathlib.Path,
                        help="the command-line tool peerkit")
    parser.add_argument("--runs", type=int, default=10_000,
                        help="school-years of the sweep (default: %(default)s)")
    parser.add_argument("--threads", type=int, default=2,
                        help="worker threads of both (default: %(default)s)")
    parser.add_argument("--repeat", type=int, default=5,
                        help="timings of each (default: %(default)s)")
    parser.add_argument("--smoke", action="store_true",
                        help=f"a quick check for CI: {SMOKE_RUNS} runs, each timed once")
    args = parser.parse_args()
    if args.smoke:
        args.runs, args.repeat = SMOKE_RUNS, 1

    with tempfile.TemporaryDirectory(prefix="peerkit-overhead-") as tmp:
        tmp = pathlib.Path(tmp)
        sweep = tmp / "sweep.json"
        sweep.write_text(json.dumps(sweep_document(args.runs), indent=1), encoding="utf-8")

        tool_times, python_times = [], []
        for i in range(args.repeat):  # alternating, so that a slower moment hits both
            output = tmp / f"tool-{i}"
            tool_times.append(time_tool(args.tool, sweep, args.threads, output))
            seconds, (runs, pairs, _, _) = time_python(sweep, args.threads)
            python_times.append(seconds)
            # Both made the same tables, or the comparison means nothing.
            for name, table in (("runs", runs), ("pairs", pairs)):
                expected = csv_rows(output / f"{name}.csv")
                if len(table) != expected:
                    sys.exit(f"python_overhead: {name} has {len(table)} rows in Python and "
                             f"{expected} in the tool's {name}.csv")

    tool, python = statistics.median(tool_times), statistics.median(python_times)
    ratio = python / tool
    print(f"sweep: {args.runs} school-years of the sample school ({len(runs)} rows of runs, "
          f"{len(pairs)} of pairs), {args.threads} thread{'s' if args.threads != 1 else ''}, "
          f"median of {args.repeat}")
    print("| | median wall | fastest – slowest | school-years / s |")
    print("|---|---|---|---|")
    for name, times in (("tool `peerkit simulate` (CSV files)", tool_times),
                        ("Python `peerkit.simulate` (DataFrames)", python_times)):
        median = statistics.median(times)
        print(f"| {name} | {median:.3f} s | {min(times):.3f} – {max(times):.3f} s "
              f"| {args.runs / median:,.0f} |")
    print(f"python / tool: {ratio:.3f} (goal: at most 1.10"
          f"{'' if args.smoke else ', met' if ratio <= 1.10 else ', missed'})")


if __name__ == "__main__":
    main()
