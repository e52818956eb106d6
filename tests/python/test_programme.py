"""peerkit.Programme and its Run, used as a coordinator's analyst would: the sample
programme run, its tables checked against each other, its files the tool's bytes, and bad
input reported with the tool's ids and locations."""

import json
import os
import subprocess
import threading
from xml.etree import ElementTree

import pandas as pd
import pytest

import peerkit

EPOCH = "1756684800"  # 2025-09-01T00:00:00Z


@pytest.fixture(scope="module")
def sample(data_dir):
    return peerkit.Programme.read(data_dir / "sample_programme.json")


@pytest.fixture(scope="module")
def run(sample):
    return sample.run()


def tool_output(*args):
    """The tool's exit code and its standard error, lines without the "peerkit: " prefix,
    for input the tool may refuse."""
    path = os.environ.get("PEERKIT_TOOL")
    if not path:
        pytest.skip("PEERKIT_TOOL names no peerkit tool to compare with")
    done = subprocess.run([path, *map(os.fspath, args)], capture_output=True, text=True)
    return done.returncode, [line.removeprefix("peerkit: ") for line in done.stderr.splitlines()]


def problems_of(call):
    with pytest.raises(peerkit.Error) as raised:
        call()
    return raised.value.problems


def students_csv(data_dir):
    """The sample school's students as a student-information system exports them."""
    school = json.loads((data_dir / "sample_school.json").read_text())
    lines = ["id;name;gender;year;track;class;interests"]
    for s in school["students"]:
        lines.append(f'{s["id"]};"{s["name"]}";{s["gender"]};{s["year"]};{s["track"]};'
                     f'{s["class"]};{"|".join(s["interests"])}')
    return "\ufeff" + "\r\n".join(lines) + "\r\n"


def test_the_sample_programme_reads(sample):
    assert sample.counts == {"students": 131, "classes": 17, "staff": 23, "applications": 58}
    students = sample.students
    assert len(students) == 131
    assert students["student"].is_unique
    assert students["student"].dtype == "int64"
    assert students["birth_date"].dtype == "datetime64[ns]"
    assert students["class_name"].notna().all()
    assert set(students["track"]) <= {"havo", "vwo", "isk", "vmbo_theoretisch", "vmbo_kader",
                                      "vmbo_basis", "vmbo_gemengd", "praktijkonderwijs"}
    yara = students.set_index("student").loc[1001]
    assert yara["name"] == "Yara E."
    assert yara["average_grade"] == pytest.approx((7.0 + 7.0 + 7.0 + 6.5 + 5.1) / 5)
    assert yara["fail_marks"] == 1
    assert yara["interests"] == ["photography", "horse riding", "film"]


def test_the_sample_run_is_feasible_and_its_tables_agree(sample, run):
    assert run.feasible
    assert run.shortfalls == []
    assert run.result["peerkit"] == "result/1"
    known = set(sample.students["student"])

    selection = run.selection
    assert len(selection) == sample.counts["applications"]
    assert set(selection["verdict"]) <= {"accepted", "reserve", "rejected", "not_eligible"}
    assert set(selection["student"]) <= known
    accepted = selection[selection["verdict"] == "accepted"]
    assert (accepted["rank"].notna()).all()

    pairs = run.pairs
    assert len(pairs) == 28
    criteria = ["shared_interests", "offers_wants", "special_category", "personality_fit",
                "can_meet"]
    assert list(pairs.columns) == ["role", "supporter", "supportee", "pinned", "score"] + criteria
    assert (pairs[criteria].sum(axis=1) == pairs["score"]).all()
    assert (pairs["special_category"] > 0).any()  # the sample pairs on language or origin
    assert pairs["supportee"].is_unique
    for role, of_role in pairs.groupby("role"):
        chosen = set(accepted[accepted["role"] == role]["student"])
        assert set(of_role["supporter"]) <= chosen, role
    assert run.unpaired.empty
    assert list(run.unpaired.columns) == ["role", "side", "student", "reason"]

    duos = run.duos
    assert len(duos) == 6
    leaders = set(accepted[accepted["role"] == "peer_leader"]["student"])
    assert set(duos["first"]) | set(duos["second"]) <= leaders
    assert duos["class"].notna().all()  # every first-year class has a duo

    events = run.events
    assert events["day"].dtype == "datetime64[ns]"
    assert events["id"].is_unique
    assert events["day"].min() >= pd.Timestamp("2025-08-01")
    assert events["day"].max() <= pd.Timestamp("2026-07-31")
    assert "training" in set(events["kind"])

    checklist = run.checklist
    assert set(checklist["readiness"]) <= {"blocking", "open", "at_risk", "done",
                                           "not_applicable"}
    assert checklist["key"].is_unique
    assert len(checklist[checklist["readiness"] == "done"]) == len(run.result["readiness"]["done"])

    assert run.report().startswith("# Peer support 2025-2026 at ")


def test_the_explanations_are_the_sentences_peerkit_pair_prints(data_dir, run, tool):
    printed = tool("pair", data_dir / "sample_programme.json").stdout
    sentences = [line for line in printed.splitlines() if line and not line.startswith("## ")]
    assert list(run.explanations["text"]) == sentences
    assert set(run.explanations["role"]) == {"peer_buddy", "newcomer_buddy", "leader_duos"}
    made = run.explanations[run.explanations["text"].str.contains(" supports ")]
    assert len(made) == len(run.pairs)


def test_files_are_the_bytes_the_tool_writes(data_dir, run, tool, tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    files = run.files()
    assert list(files) == ["report.md", "result.json", "programme.json", "pairing-peer_buddy.dot",
                           "pairing-peer_buddy.svg", "pairing-newcomer_buddy.dot",
                           "pairing-newcomer_buddy.svg", "year.ics"]
    assert b"DTSTAMP:20250901T000000Z" in files["year.ics"]
    assert json.loads(files["result.json"]) == run.result
    assert files["report.md"].decode() == run.report()

    tool("run", data_dir / "sample_programme.json", "--output", tmp_path / "out")
    written = {f.name: f.read_bytes() for f in (tmp_path / "out").iterdir()}
    assert written == files
    for name in ("pairing-peer_buddy.svg", "pairing-newcomer_buddy.svg"):
        picture = ElementTree.fromstring(files[name])  # well-formed XML
        assert picture.tag == "{http://www.w3.org/2000/svg}svg"
        assert picture.get("role") == "img"


def test_the_report_in_dutch_is_the_tools(data_dir, run, tool, tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    dutch = run.report(language="nl")
    assert dutch.startswith("# ") and dutch != run.report()
    files = run.files(language="nl")
    assert files["report.md"].decode() == dutch
    assert files["result.json"] == run.files()["result.json"]  # data, not prose

    tool("run", data_dir / "sample_programme.json", "--language", "nl", "--output", tmp_path / "nl")
    assert (tmp_path / "nl" / "report.md").read_bytes() == files["report.md"]
    with pytest.raises(ValueError, match="expected en or nl, found 'fr'"):
        run.report(language="fr")


def test_files_refuse_a_wrong_source_date_epoch(run, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "yesterday")
    assert problems_of(run.files) == [peerkit.Problem(
        "data.out_of_range", "SOURCE_DATE_EPOCH",
        "expected whole seconds since 1970 from 0 to 253402300799")]


def test_write_writes_the_files_as_the_tool_does(data_dir, run, tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    written = run.write(tmp_path / "out")
    assert [p.name for p in written] == list(run.files())
    assert all(p.read_bytes() == run.files()[p.name] for p in written)
    assert [p.id for p in problems_of(lambda: run.write(tmp_path / "out"))] == [
        "io.directory_not_empty"]
    assert run.write(tmp_path / "out", force=True) == written

    # a programme read from programme.json is never overwritten by its own output
    (tmp_path / "in").mkdir()
    document = json.loads((data_dir / "sample_programme.json").read_text())
    document["school"] = str(data_dir / "sample_school.json")
    (tmp_path / "in" / "programme.json").write_text(json.dumps(document))
    mine = peerkit.Programme.read(tmp_path / "in" / "programme.json").run()
    problems = problems_of(lambda: mine.write(tmp_path / "in", force=True))
    assert [(p.id, p.location) for p in problems] == [
        ("io.output_is_input", str(tmp_path / "in" / "programme.json"))]


def test_a_programme_from_a_dict_is_the_one_from_its_file(data_dir, sample, run):
    document = json.loads((data_dir / "sample_programme.json").read_text())
    again = peerkit.Programme.from_dict(document, base_dir=data_dir)
    assert again.to_dict() == sample.to_dict()
    assert again.to_dict()["school"] == "sample_school.json"
    assert again.run().result == run.result

    assert problems_of(lambda: peerkit.Programme.from_dict(document)) == [peerkit.Problem(
        "io.cannot_read", "programme.json: school",
        "cannot read the school document ./sample_school.json")]


def test_problems_are_the_tools_ids_and_locations(data_dir, tmp_path):
    document = json.loads((data_dir / "sample_programme.json").read_text())
    document["school"] = str(data_dir / "sample_school.json")
    document["yaer"] = document.pop("year")
    document["applications"][0]["student"] = 99
    document["selection"]["rules"][0]["role"] = "buddy"
    problems = problems_of(lambda: peerkit.Programme.from_dict(document))
    assert {p.id for p in problems} >= {"json.unknown_field", "json.unknown_value"}
    assert peerkit.Problem("json.unknown_field", "programme.json: yaer",
                           "unknown field 'yaer'; did you mean 'year'?") in problems

    file = tmp_path / "programme.json"
    file.write_text(json.dumps(document))
    code, lines = tool_output("validate", file)
    assert code == 2
    assert lines == [str(p) for p in problems]
    assert problems_of(lambda: peerkit.Programme.read(file)) == problems

    assert problems_of(lambda: peerkit.Programme.read(tmp_path / "missing.json")) == [
        peerkit.Problem("io.cannot_read", str(tmp_path / "missing.json"), "cannot read the file")]
    error = pytest.raises(peerkit.Error, peerkit.Programme.from_dict, document).value
    assert isinstance(error, ValueError)
    assert str(error).splitlines() == lines


def test_students_come_from_a_csv_export_as_with_the_tool(data_dir, sample, tmp_path, monkeypatch):
    csv = tmp_path / "students.csv"
    csv.write_bytes(students_csv(data_dir).encode())
    from_csv = sample.with_students_csv(csv)
    assert from_csv.counts == sample.counts
    assert list(from_csv.students["name"]) == list(sample.students["name"])
    assert len(from_csv.to_dict()["school"]["students"]) == 131  # the school inline, as read
    assert sample.with_students_csv(csv, separator="semicolon").counts == sample.counts
    with pytest.raises(ValueError, match="separator"):
        sample.with_students_csv(csv, separator="tab")

    # without the grades of the school document, no leader duo can be formed
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    code, lines = tool_output("run", data_dir / "sample_programme.json", "--students", csv,
                              "-o", tmp_path / "out")
    short = from_csv.run()
    assert not short.feasible
    assert code == 3
    assert lines == ["the programme is short:"] + [f"  {s}" for s in short.shortfalls]
    written = {f.name: f.read_bytes() for f in (tmp_path / "out").iterdir()}
    assert written == short.files()

    bad = tmp_path / "bad.csv"
    bad.write_text("id,name,year,track,class\n1001,Test A.,9,havo,1A\n1002,Test B.,1,hvo,1A\n")
    problems = problems_of(lambda: sample.with_students_csv(bad))
    code, lines = tool_output("validate", data_dir / "sample_programme.json", "--students", bad)
    assert code == 2
    assert lines == [str(p) for p in problems]
    assert {p.location.split(" ")[0] for p in problems} >= {"bad.csv:2:3", "bad.csv:3:4"}


def test_holidays_are_the_shipped_ones_updated_by_a_file(data_dir, sample, run, tmp_path):
    open_data = data_dir.parent.parent / "tests" / "data" / "schoolholidays_2025-2026.json"
    assert sample.run(holidays=open_data).result["year"] == run.result["year"]
    assert [p.id for p in problems_of(lambda: sample.run(holidays=tmp_path / "none.csv"))] == [
        "calendar.file"]

    document = sample.to_dict()
    document["school"] = str(data_dir / "sample_school.json")
    document["year"] = "2040-2041"
    document.pop("pairing_date")
    document["schedule"].pop("start", None)
    later = peerkit.Programme.from_dict(document)
    assert [p.id for p in problems_of(later.run)] == ["calendar.missing_holidays"]


def test_runs_in_threads_give_the_same_result(sample, run):
    results = [None] * 4

    def work(i):
        results[i] = sample.run().result

    threads = [threading.Thread(target=work, args=(i,)) for i in range(len(results))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert all(r == run.result for r in results)
