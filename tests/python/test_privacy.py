"""Special-category values (origin, languages, needs, groups) stay out of every table,
document and file unless revealed for a stated purpose; pseudonymised programmes carry
no name or number of the original."""

import json

import pytest

import peerkit

EPOCH = "1756684800"
PURPOSE = "research into support needs and pairing"
KEY = b"a school secret of enough length"


@pytest.fixture(scope="module")
def inline(data_dir):
    """The sample programme with its school inline, so that documents written of it hold
    the students."""
    document = json.loads((data_dir / "sample_programme.json").read_text())
    document["school"] = json.loads((data_dir / "sample_school.json").read_text())
    return peerkit.Programme.from_dict(document, base_dir=data_dir)


@pytest.fixture(scope="module")
def secrets(inline):
    """Every special-category value of the sample school that no ordinary field holds:
    the quoted JSON strings, and the words a page would show."""
    table = inline.special_category(PURPOSE)
    values = set(table["origin"].dropna())
    for column in ("languages", "needs", "groups"):
        values.update(v for cell in table[column] for v in cell)
    ordinary = json.dumps(inline.to_dict())  # grade subjects such as "dutch" are ordinary
    values = {v for v in values if f'"{v}"' not in ordinary}
    assert {"Syria", "tigrinya", "autism", "syria_group_a"} <= values
    return values


def leaks(text, secrets):
    return sorted(v for v in secrets if f'"{v}"' in text or f" {v}" in text)


def test_the_special_category_table_is_read_for_a_purpose(inline):
    table = inline.special_category(PURPOSE)
    assert list(table.columns) == ["student", "origin", "languages", "needs", "groups"]
    assert len(table) == inline.counts["students"]
    first = table.set_index("student").loc[1001]
    assert first["needs"] == ["shy_or_insecure"]
    assert first["origin"] is None


def test_no_table_document_or_file_holds_them_unless_revealed(inline, secrets, monkeypatch):
    students = inline.students
    assert not {"origin", "languages", "needs", "groups"} & set(students.columns)
    assert leaks(students.to_json(), secrets) == []
    assert leaks(json.dumps(inline.to_dict()), secrets) == []

    run = inline.run()
    assert leaks(json.dumps(run.result), secrets) == []
    assert leaks(run.report(), secrets) == []
    # nor which special-category criterion scored: only their sum
    assert not {"common_language", "origin_knowledge"} & set(run.pairs.columns)
    assert "special_category" in run.pairs.columns
    for frame in (run.selection, run.pairs, run.unpaired, run.duos, run.events, run.checklist):
        assert leaks(frame.to_json(), secrets) == []
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    files = run.files()
    for name, content in files.items():
        assert leaks(content.decode(), secrets) == [], name

    revealed = json.dumps(inline.to_dict(reveal_special_category=PURPOSE))
    assert leaks(revealed, secrets) == sorted(secrets)
    shown = run.files(reveal_special_category=PURPOSE)
    assert leaks(shown["programme.json"].decode(), secrets) == sorted(secrets)
    # what holds them says for which purpose they were revealed, and when
    note = {"purpose": PURPOSE, "on": "2025-09-01"}
    assert json.loads(revealed)["special_category_revealed"] == note
    assert json.loads(shown["programme.json"])["special_category_revealed"] == note
    assert "special_category_revealed" not in json.loads(files["programme.json"])
    assert "special_category_revealed" not in inline.to_dict()
    assert {n: c for n, c in shown.items() if n != "programme.json"} == {
        n: c for n, c in files.items() if n != "programme.json"}


def test_revealed_files_are_the_tools(data_dir, tool, tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    run = peerkit.Programme.read(data_dir / "sample_programme.json").run()
    tool("run", data_dir / "sample_programme.json", "--reveal-special-category", PURPOSE,
         "-o", tmp_path / "out")
    assert (tmp_path / "out" / "programme.json").read_bytes() == run.files(
        reveal_special_category=PURPOSE)["programme.json"]


@pytest.mark.parametrize("purpose", ["", "   ", "\n"])
def test_a_purpose_that_says_nothing_is_refused(inline, purpose, tmp_path):
    expected = [peerkit.Problem(
        "privacy.no_purpose", "purpose",
        "expected why the special-category values are revealed, found nothing")]
    run = inline.run()
    for call in (lambda: inline.special_category(purpose),
                 lambda: inline.to_dict(reveal_special_category=purpose),
                 lambda: run.files(reveal_special_category=purpose),
                 lambda: run.write(tmp_path / "out", reveal_special_category=purpose)):
        with pytest.raises(peerkit.Error) as raised:
            call()
        assert raised.value.problems == expected
    assert not (tmp_path / "out").exists()


def test_a_pseudonymised_programme_has_no_name_or_number_of_the_original(
        data_dir, inline, tool, tmp_path, monkeypatch):
    school = json.loads((data_dir / "sample_school.json").read_text())
    names = {s["name"] for s in school["students"]} | {m["name"] for m in school["staff"]}
    students = {s["id"] for s in school["students"]}
    staff = {m["id"] for m in school["staff"]}

    hidden = inline.pseudonymised(KEY)
    assert hidden.counts == inline.counts
    assert not set(hidden.students["student"]) & students
    assert not set(hidden.students["name"]) & names
    document = hidden.to_dict(reveal_special_category=PURPOSE)
    assert not {m["id"] for m in document["school"]["staff"]} & staff
    assert not {m["name"] for m in document["school"]["staff"]} & names

    run = hidden.run()
    assert run.feasible
    assert not (set(run.pairs["supporter"]) | set(run.pairs["supportee"])) & students
    assert not set(run.selection["student"]) & students
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    files = run.files()
    everything = "".join(content.decode() for content in files.values())
    assert [n for n in names if n in everything] == []
    assert [i for i in students if f'"student": {i},' in everything] == []

    # the same key gives the same pseudonyms, and the tool's files
    assert inline.pseudonymised(KEY).to_dict() == hidden.to_dict()
    assert inline.pseudonymised(KEY + b"!").to_dict() != hidden.to_dict()
    (tmp_path / "key").write_bytes(KEY)
    tool("run", data_dir / "sample_programme.json", "--pseudonymise", tmp_path / "key",
         "-o", tmp_path / "out")
    written = {f.name: f.read_bytes() for f in (tmp_path / "out").iterdir()}
    assert written == files

    with pytest.raises(peerkit.Error) as raised:
        inline.pseudonymised(b"short")
    assert [p.id for p in raised.value.problems] == ["privacy.weak_key"]
