"""peerkit.simulate and its tables, used as a researcher would: the same tables as the
tool's files, for any thread count, with progress, errors located in the document and
Ctrl-C stopping the runs."""

import json
import signal
import threading
import time

import numpy as np
import pandas as pd
import pytest

import peerkit

TABLES = ("runs", "pairs", "weeks", "points", "summary")


def sweep(scenarios_dir, replications=12, **changes):
    """The intervision sweep of examples/scenarios, smaller: two points over two years."""
    document = json.loads((scenarios_dir / "intervision_interval.json").read_text())
    document.update(replications=replications, years=2,
                    outputs={"pairs": True, "weeks": True, "charts": False}, **changes)
    return document


def with_absolute_paths(document, base_dir):
    """The document with its files named by absolute paths, to write it anywhere."""
    return {**document, **{k: str((base_dir / document[k]).resolve())
                           for k in ("programme", "holidays") if k in document}}


def tool_tables(tool, document_file, output):
    """The CSV tables `peerkit simulate` writes for the document, read as pandas reads a
    CSV file, dates as datetime64."""
    tool("simulate", document_file, "--output", output)
    tables = {}
    for name in TABLES:
        file = output / f"{name}.csv"
        if file.exists():
            table = pd.read_csv(file, float_precision="round_trip")
            for column in ("started", "ended", "monday"):
                if column in table:
                    table[column] = pd.to_datetime(table[column], format="%Y-%m-%d")
            tables[name] = table
    return tables


def assert_same_tables(result, tables):
    # The same values; the types may differ where the file cannot tell them: a parameter
    # is a double, which reads back from "4" as an integer.
    for name, expected in tables.items():
        pd.testing.assert_frame_equal(getattr(result, name), expected, check_dtype=False,
                                      check_exact=True, obj=name)


def test_a_scenario_from_its_path_gives_the_tools_tables(scenarios_dir, tool, tmp_path):
    path = scenarios_dir / "sample_year.json"
    result = peerkit.simulate(path, threads=2)
    assert_same_tables(result, tool_tables(tool, path, tmp_path / "out"))
    assert result.document == json.loads(path.read_text())
    assert result.seed == 20250901 and result.replications == 1000
    assert len(result.runs) == 1000 and result.runs["error"].isna().all()
    assert result.weeks.empty  # the scenario keeps no weeks


def test_a_sweep_from_a_dict_gives_the_tools_tables(scenarios_dir, tool, tmp_path):
    document = sweep(scenarios_dir)
    result = peerkit.simulate(document, base_dir=scenarios_dir, name="interval.json")
    file = tmp_path / "interval.json"
    file.write_text(json.dumps(with_absolute_paths(document, scenarios_dir)))
    tables = tool_tables(tool, file, tmp_path / "out")
    assert set(tables) == set(TABLES)
    assert_same_tables(result, tables)
    assert result.document is document
    assert list(result.points["name"]) == ["every 2 weeks", "every 4 weeks"]
    assert list(result.points.columns[2:]) == list(peerkit.parameters()["name"])


def test_columns_are_typed_as_the_tables_say(scenarios_dir):
    result = peerkit.simulate(sweep(scenarios_dir, replications=3), base_dir=scenarios_dir)
    runs, pairs, weeks = result.runs, result.pairs, result.weeks
    for column in ("run", "point", "replication", "seed", "year", "pairs", "meetings_held"):
        assert runs[column].dtype == np.int64, column
    for column in ("meetings_per_month", "early_share", "mean_effect", "support"):
        assert runs[column].dtype == np.float64, column
    assert pairs["started"].dtype == "datetime64[ns]" and weeks["monday"].dtype == "datetime64[ns]"
    assert (pairs["ended"] >= pairs["started"]).all()
    assert set(pairs["early"]) <= {0, 1}
    assert sorted(weeks["year"].unique()) == [0, 1]
    # The first point has no difference from itself: NaN, as the tool's empty cell.
    first = result.summary[result.summary["point"] == 0]
    assert first["difference"].isna().all()
    assert result.summary.loc[result.summary["point"] == 1, "difference"].notna().all()


def test_the_results_do_not_depend_on_the_threads(scenarios_dir):
    document = sweep(scenarios_dir)
    one = peerkit.simulate(document, threads=1, base_dir=scenarios_dir)
    two = peerkit.simulate(document, threads=2, base_dir=scenarios_dir)
    for name in TABLES:
        pd.testing.assert_frame_equal(getattr(one, name), getattr(two, name), check_exact=True)


def test_progress_is_reported_up_to_the_last_run(scenarios_dir):
    reported = []
    peerkit.simulate(sweep(scenarios_dir, replications=40), threads=2, base_dir=scenarios_dir,
                     progress=lambda done, total: reported.append((done, total)))
    done = [d for d, _ in reported]
    assert reported and all(total == 80 for _, total in reported)
    assert done == sorted(set(done)) and done[-1] == 80


def test_progress_true_shows_a_bar_on_stderr(scenarios_dir, capsys):
    peerkit.simulate(sweep(scenarios_dir, replications=2), progress=True, base_dir=scenarios_dir)
    assert "4/4" in capsys.readouterr().err


def test_an_unknown_parameter_is_located_in_the_document(scenarios_dir):
    document = sweep(scenarios_dir, parameters={"meeting_atendance": 0.9})
    with pytest.raises(peerkit.Error) as raised:
        peerkit.simulate(document, base_dir=scenarios_dir, name="whatif.json")
    assert raised.value.problems == [peerkit.Problem(
        "simulation.unknown_parameter", "whatif.json: parameters.meeting_atendance",
        'the model has no parameter "meeting_atendance" (docs/simulation.md lists them)')]
    assert str(raised.value) == (
        "whatif.json: parameters.meeting_atendance: the model has no parameter "
        '"meeting_atendance" (docs/simulation.md lists them) [simulation.unknown_parameter]')
    assert isinstance(raised.value, ValueError)


def test_every_problem_of_a_document_is_raised_at_once(scenarios_dir):
    document = sweep(scenarios_dir, seed=-1, parameters={"meeting_attendance": 2})
    with pytest.raises(peerkit.Error) as raised:
        peerkit.simulate(document, base_dir=scenarios_dir)
    assert sorted((p.id, p.location) for p in raised.value.problems) == [
        ("data.out_of_range", "scenario.json: parameters.meeting_attendance"),
        ("data.out_of_range", "scenario.json: seed")]
    assert len(str(raised.value).splitlines()) == 2


def test_missing_files_are_errors_not_crashes(scenarios_dir, tmp_path):
    with pytest.raises(peerkit.Error) as raised:
        peerkit.simulate(tmp_path / "none.json")
    assert raised.value.problems[0].id == "io.cannot_read"
    with pytest.raises(peerkit.Error) as raised:
        peerkit.simulate(sweep(scenarios_dir), holidays=tmp_path / "holidays.txt",
                         base_dir=scenarios_dir)
    assert raised.value.problems[0].id == "calendar.file"
    with pytest.raises(ValueError):
        peerkit.simulate(sweep(scenarios_dir), threads=-1, base_dir=scenarios_dir)


def test_given_holidays_update_the_shipped_ones(scenarios_dir, data_dir):
    document = sweep(scenarios_dir, replications=3)
    del document["holidays"]
    own = peerkit.simulate(document, holidays=data_dir / "school_holidays_nl.csv",
                           base_dir=scenarios_dir)
    shipped = peerkit.simulate(document, base_dir=scenarios_dir)
    pd.testing.assert_frame_equal(own.runs, shipped.runs, check_exact=True)


def long_sweep(scenarios_dir):
    return sweep(scenarios_dir, replications=100_000)


@pytest.mark.parametrize("threads", [1, 2])
def test_ctrl_c_stops_the_runs(scenarios_dir, threads):
    timer = threading.Timer(0.3, signal.raise_signal, [signal.SIGINT])
    timer.start()
    started = time.monotonic()
    with pytest.raises(KeyboardInterrupt):
        peerkit.simulate(long_sweep(scenarios_dir), threads=threads, base_dir=scenarios_dir)
    timer.join()
    assert time.monotonic() - started < 5  # 200,000 runs would take minutes


def test_what_the_progress_callable_raises_stops_the_runs(scenarios_dir):
    class Enough(Exception):
        pass

    def stop(done, total):
        if done >= 100:
            raise Enough(done)
    started = time.monotonic()
    with pytest.raises(Enough):
        peerkit.simulate(long_sweep(scenarios_dir), threads=2, progress=stop,
                         base_dir=scenarios_dir)
    assert time.monotonic() - started < 5


def test_kaplan_meier_by_hand():
    curve = peerkit.kaplan_meier([3, 1, 2, 3], [True, True, False, True])
    assert list(curve["weeks"]) == [1, 2, 3]
    assert list(curve["at_risk"]) == [4, 3, 2]
    assert list(curve["events"]) == [1, 0, 2]
    assert list(curve["censored"]) == [0, 1, 0]
    assert list(curve["survival"]) == [0.75, 0.75, 0]
    assert (curve["lower"] <= curve["survival"]).all()
    assert (curve["survival"] <= curve["upper"]).all()


def test_kaplan_meier_refuses_what_is_not_a_time():
    with pytest.raises(peerkit.Error) as raised:
        peerkit.kaplan_meier([1, float("nan")], [True, False])
    assert raised.value.problems == [peerkit.Problem("data.out_of_range", "weeks[1]",
                                                     "expected a finite time")]
    with pytest.raises(peerkit.Error):
        peerkit.kaplan_meier([1, 2], [True])


def test_survival_per_point_follows_the_pairs(scenarios_dir):
    result = peerkit.simulate(sweep(scenarios_dir), base_dir=scenarios_dir)
    survival = result.survival()
    assert list(survival["point"].unique()) == [0, 1]
    for point, curve in survival.groupby("point"):
        pairs = result.pairs[result.pairs["point"] == point]
        assert curve["at_risk"].iloc[0] == len(pairs)
        assert curve["events"].sum() == pairs["early"].sum()
        assert curve["survival"].is_monotonic_decreasing
        assert curve["name"].iloc[0] == result.points["name"][point]
