#!/usr/bin/python3
"""What if the coordinator decided otherwise? Runs a sweep of peerkit's simulation model,
prints each figure per point with the paired difference from the first point, and draws
the pairs' survival curves and the distributions of the year's outcomes as PNG pictures.

    what_if.py [SWEEP] [--output DIR] [--threads N] [--replications R]

SWEEP is a scenario/1 or sweep/1 document (default: intervision every two or every four
weeks on the sample school, examples/scenarios/intervision_interval.json).
"""

import argparse
import json
import pathlib
import sys

import matplotlib

matplotlib.use("Agg")  # files only: no display needed
import matplotlib.pyplot as plt  # noqa: E402  (after the backend is chosen)
import numpy as np  # noqa: E402
from matplotlib.ticker import MaxNLocator, PercentFormatter  # noqa: E402

import peerkit  # noqa: E402

SCENARIOS = pathlib.Path(__file__).resolve().parent.parent / "scenarios"
DEFAULT_SWEEP = SCENARIOS / "intervision_interval.json"

# Okabe–Ito, in the order of peerkit's own SVG charts: distinguishable with the common
# forms of colour blindness.
OKABE_ITO = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000",
             "#F0E442"]

# The summary's figures as a reader knows them; a share prints as a percentage and its
# difference in percentage points.
FIGURES = {
    "early_share": ("pairs ending early", "share"),
    "months_supported": ("months with a supporter", "2"),
    "meetings_per_month": ("meetings a month", "2"),
    "never_matched_share": ("supportees never matched", "share"),
    "rematches": ("rematches", "2"),
    "late_escalation_share": ("escalations answered late", "share"),
    "sessions_held_share": ("intervision sessions held", "share"),
    "mean_effect": ("effect per supportee (SD)", "3"),
    "support": ("support base (0..1)", "2"),
}


def colour(i):
    return OKABE_ITO[i % len(OKABE_ITO)]


def number(value, kind, signed=False, difference=False):
    """A figure as the docs write it: 7.0%, +0.7 pp, 0.272, -0.020; zero has no sign."""
    if np.isnan(value):
        return ""
    share = kind == "share"
    scaled = value * 100 if share else value
    text = f"{scaled:.1f}" if share else f"{scaled:.{kind}f}"
    if float(text) == 0:
        text = text.lstrip("-")
    elif signed and scaled > 0:
        text = "+" + text
    return text + (" pp" if share and difference else "%" if share else "")


def interval(mean, low, high, kind, difference=False):
    def n(value):
        return number(value, kind, signed=difference, difference=difference)
    return f"{n(mean)} [{n(low)}, {n(high)}]"


def summary_table(summary, names):
    """The summary as a Markdown table per year: every point's mean with its 95% interval,
    and every later point's paired difference from the first."""
    lines = []
    for year, rows in summary.groupby("year", sort=True):
        if summary["year"].nunique() > 1:
            lines += ["", f"year {year + 1}"]
        differences = (["difference [95% CI]"] if len(names) == 2
                       else [f"{name} − {names[0]}" for name in names[1:]])
        header = ["figure"] + names + differences
        lines += ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
        for figure, by_point in rows.groupby("figure", sort=False):
            label, kind = FIGURES.get(figure, (figure, "3"))
            by_point = by_point.sort_values("point")
            cells = [interval(r.mean, r.ci_low, r.ci_high, kind) for r in by_point.itertuples()]
            cells += [interval(r.difference, r.difference_ci_low, r.difference_ci_high, kind,
                               difference=True) for r in by_point.itertuples()][1:]
            lines.append("| " + " | ".join([label] + cells) + " |")
    return "\n".join(lines)


def draw_survival(survival, names, title, path):
    """Kaplan–Meier curves of how long pairs run, one per point, with the 95% band; a tick
    marks where pairs were censored (they reached the end of the year still running)."""
    fig, ax = plt.subplots(figsize=(8, 4.8), layout="constrained")
    for point, curve in survival.groupby("point", sort=True):
        c = colour(point)
        ax.fill_between(curve["weeks"], curve["lower"], curve["upper"], step="post",
                        color=c, alpha=0.2, linewidth=0)
        ax.step(curve["weeks"], curve["survival"], where="post", color=c, linewidth=2,
                label=names[point])
        censored = curve[curve["censored"] > 0]
        ax.plot(censored["weeks"], censored["survival"], linestyle="none", marker="|",
                markersize=9, color=c)
    # Early ends are rare, so the whole 0–1 axis would hide the differences.
    bottom = max(0.0, np.floor((survival["lower"].min() - 0.005) * 50) / 50)
    ax.set_ylim(bottom, 1.002)
    ax.yaxis.set_major_formatter(PercentFormatter(1.0))
    ax.set_xlim(left=0)
    ax.set_xlabel("weeks since the pair started")
    ax.set_ylabel(f"pairs still running (axis from {bottom:.0%})")
    ax.set_title("Pairs still running: Kaplan–Meier with 95% band (| censored)", loc="left")
    fig.suptitle(title, x=0.01, ha="left", fontsize="medium", color="#555555")
    ax.grid(color="#DDDDDD")
    ax.legend(frameon=False, loc="lower left")
    fig.savefig(path, dpi=100)
    plt.close(fig)


def violins(ax, values, names, title, xlabel, formatter=None):
    """One horizontal violin per point, coloured as its survival curve, its mean marked."""
    positions = np.arange(len(values))[::-1]  # the first point on top
    parts = ax.violinplot(values, positions=positions, vert=False, widths=0.8,
                          showextrema=False)
    for i, body in enumerate(parts["bodies"]):
        body.set_facecolor(colour(i))
        body.set_edgecolor(colour(i))
        body.set_alpha(0.45)
    ax.scatter([v.mean() for v in values], positions, color="black", marker="|", s=200,
               zorder=3)
    ax.set_yticks(positions, [f"{n}\n{len(v)} runs" for n, v in zip(names, values)])
    ax.set_title(title, loc="left")
    ax.set_xlabel(xlabel)
    ax.xaxis.set_major_locator(MaxNLocator(6, steps=[1, 2, 5, 10]))  # room for percentages
    ax.grid(axis="x", color="#DDDDDD")
    if formatter:
        ax.xaxis.set_major_formatter(formatter)


def draw_outcomes(runs, names, title, path):
    """Per point, the distributions over the replications of the first school year's mean
    effect and share of pairs ending early, and the paired differences from the first
    point (when there are other points)."""
    year = runs[runs["year"] == runs["year"].min()].dropna(subset=["mean_effect"])
    by_point = [year[year["point"] == p] for p in range(len(names))]
    paired = len(names) > 1
    fig, axes = plt.subplots(1, 3 if paired else 2, figsize=(13 if paired else 9, 4.6),
                             layout="constrained")
    violins(axes[0], [d["mean_effect"].to_numpy() for d in by_point], names,
            "Effect per supportee, mean of a year", "standard deviations (SD)")
    violins(axes[1], [d["early_share"].to_numpy() for d in by_point], names,
            "Pairs ending early in a year", "share of the year's pairs",
            PercentFormatter(1.0))
    axes[1].set_yticklabels([])
    if paired:
        paired_differences(axes[2], by_point, names)
    fig.suptitle(title, x=0.01, ha="left", fontsize="medium", color="#555555")
    fig.savefig(path, dpi=100)
    plt.close(fig)


def paired_differences(ax, by_point, names):
    """Common random numbers: replication r of every point saw the same random numbers, so
    a point's difference in effect from the first is paired run by run."""
    first = by_point[0].set_index("replication")["mean_effect"]
    for p in range(1, len(names)):
        diff = (by_point[p].set_index("replication")["mean_effect"] - first).dropna()
        ax.hist(diff, bins=30, color=colour(p), alpha=0.6, label=f"{names[p]} − {names[0]}")
        ax.axvline(diff.mean(), color=colour(p), linewidth=2)
    ax.axvline(0, color="black", linewidth=1)
    ax.set_title("Paired difference in effect", loc="left")
    ax.set_xlabel(f"effect minus that of {names[0]} (SD)")
    ax.set_ylabel("replications")
    ax.grid(axis="y", color="#DDDDDD")
    ax.legend(frameon=False, fontsize="small")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sweep", nargs="?", type=pathlib.Path, default=DEFAULT_SWEEP,
                        help="a scenario/1 or sweep/1 document (default: %(default)s)")
    parser.add_argument("--output", type=pathlib.Path, default=pathlib.Path("python-pictures"),
                        help="directory for the pictures (default: %(default)s)")
    parser.add_argument("--threads", type=int, default=1,
                        help="worker threads; 0: one per processor (default: %(default)s)")
    parser.add_argument("--replications", type=int,
                        help="replications of each point instead of the document's")
    args = parser.parse_args()

    document = json.loads(args.sweep.read_text(encoding="utf-8"))
    if args.replications is not None:
        document["replications"] = args.replications
    try:
        res = peerkit.simulate(document, threads=args.threads, progress=sys.stderr.isatty(),
                               base_dir=args.sweep.parent, name=args.sweep.name)
    except peerkit.Error as e:  # every problem with its place, as the tool prints them
        for problem in e.problems:
            print(f"what_if: {problem}", file=sys.stderr)
        sys.exit(2)
    except KeyboardInterrupt:  # Ctrl-C stops the sweep within a run
        print("what_if: interrupted", file=sys.stderr)
        sys.exit(130)

    names = res.points.sort_values("point")["name"].tolist()
    points = f"{len(names)} point{'s' if len(names) > 1 else ''}"
    print(f"{document['name']}: {res.replications} replications of {points}, seed {res.seed}, "
          "means with 95% intervals\n")
    print(summary_table(res.summary, names))

    args.output.mkdir(parents=True, exist_ok=True)
    pictures = [args.output / "survival.png", args.output / "outcomes.png"]
    title = f"{document['name']}: {res.replications} replications per point, seed {res.seed}"
    draw_survival(res.survival(), names, title, pictures[0])
    draw_outcomes(res.runs, names, title, pictures[1])
    print("\nwrote " + " and ".join(str(p) for p in pictures))


if __name__ == "__main__":
    main()
