"""peerkit.Record and its Status: the sample school's recorded year on a day, as
`peerkit status` tells it (tests/cli/sample_year.cpp checks the same days with the tool)."""

import datetime
import json
import os
import subprocess

import pytest

import peerkit


@pytest.fixture(scope="module")
def record(data_dir):
    return peerkit.Record.read(data_dir / "sample_record.json")


def tool_output(*args):
    """The tool's exit code, standard output and standard error (its lines without the
    "peerkit: " prefix)."""
    path = os.environ.get("PEERKIT_TOOL")
    if not path:
        pytest.skip("PEERKIT_TOOL names no peerkit tool to compare with")
    done = subprocess.run([path, *map(os.fspath, args)], capture_output=True, text=True)
    return (done.returncode, done.stdout,
            [line.removeprefix("peerkit: ") for line in done.stderr.splitlines()])


def test_in_november_every_pair_runs_and_nothing_is_overdue(record):
    status = record.status("2025-11-20")
    assert status.data["peerkit"] == "status/1"
    assert status.data["on"] == "2025-11-20"
    pairs = status.pairs
    assert len(pairs) == 31
    assert pairs["role"].value_counts().to_dict() == {"newcomer_buddy": 13, "peer_buddy": 12,
                                                     "peer_leader": 6}
    assert pairs["pair"].is_unique
    assert pairs["started"].dtype == "datetime64[ns]"
    leaders = pairs[pairs["role"] == "peer_leader"]
    assert leaders["class"].notna().all()
    assert all(len(s) == 2 and not t for s, t in zip(leaders["supporters"], leaders["supportees"]))
    assert status.overdue.empty
    assert list(status.overdue.columns) == ["rule", "due", "pair", "student", "group",
                                            "escalation", "staff", "message"]
    assert status.data["open_escalations"] == []
    assert "## Active pairs (31)" in status.report()


def test_in_february_a_pair_has_ended_and_a_concern_and_a_group_are_overdue(record):
    status = record.status(datetime.date(2026, 2, 18))
    assert len(status.pairs) == 30
    assert 15 not in set(status.pairs["pair"])
    overdue = status.overdue.set_index("rule")
    assert sorted(overdue.index) == ["escalation_response_overdue", "intervision_overdue"]
    assert overdue.loc["intervision_overdue", "due"] == datetime.datetime(2026, 2, 8)
    assert overdue.loc["intervision_overdue", "group"] == 4
    assert overdue.loc["escalation_response_overdue", "escalation"] == 2
    assert overdue["pair"].dtype == "Int64"


def test_the_status_is_the_tools(data_dir, record):
    status = record.status("2026-02-18")
    code, out, _ = tool_output("status", data_dir / "sample_record.json", "--on", "2026-02-18",
                               "--json")
    assert code == 0
    assert json.loads(out) == status.data
    code, out, _ = tool_output("status", data_dir / "sample_record.json", "--on", "2026-02-18")
    assert code == 0
    assert out == status.report()
    assert record.status(datetime.datetime(2026, 2, 18, 9, 30)).data == status.data


def test_a_day_that_is_no_date_is_refused(record):
    with pytest.raises(ValueError):
        record.status("2026-02-31")


def test_a_refused_entry_is_located_in_the_record_as_the_tool_locates_it(data_dir, tmp_path):
    document = json.loads((data_dir / "sample_record.json").read_text())
    document["programme"] = str(data_dir / "sample_programme.json")
    document["events"].append({"event": "application", "on": "2026-03-02", "application": 999,
                               "to": "accepted", "by": 101})
    file = tmp_path / "year.json"
    file.write_text(json.dumps(document))
    with pytest.raises(peerkit.Error) as raised:
        peerkit.Record.read(file)
    problems = raised.value.problems
    index = len(document["events"]) - 1
    assert [p.location.split(":")[0] for p in problems] == ["year.json"]
    assert f"events[{index}]" in problems[0].location
    code, _, lines = tool_output("status", file, "--on", "2026-03-02")
    assert code == 2
    assert lines == [str(p) for p in problems]

    assert [p.id for p in pytest.raises(peerkit.Error, peerkit.Record.read,
                                        tmp_path / "none.json").value.problems] == [
        "io.cannot_read"]
