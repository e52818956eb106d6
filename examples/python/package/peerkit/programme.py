"""A school's programme, its run and the record of its year, as the tool has them.

``Programme`` reads a programme document (programme/1) and runs it as ``peerkit run``
does; the run's tables come from its result (result/1), its files are the bytes
``peerkit run --output`` writes. ``Record`` reads the record of a year (record/1) and
gives its status on a day as ``peerkit status`` does. Dates are datetime64 columns, ids
and counts int64 (Int64 where a row may have none), list-valued cells Python lists.

Special-category values (origin, languages, needs, groups) are in no table, document or
file unless asked for with a purpose that says why.
"""

import datetime
import json
import os
from functools import cached_property
from pathlib import Path
from typing import Any, Dict, List, Optional, Union

import pandas as pd

from . import _peerkit
from .simulation import _SHIPPED_HOLIDAYS

PathLike = Union[str, os.PathLike]

# As result/1 gives them: the special-category criteria (a language in common, knowing the
# country of origin) only as their sum, since which of them applied is special-category data.
_CRITERIA = ("shared_interests", "offers_wants", "special_category", "personality_fit",
             "can_meet")
_READINESS = ("blocking", "open", "at_risk", "done", "not_applicable")


def _frame(rows: List[Dict[str, Any]], columns: Dict[str, str]) -> pd.DataFrame:
    """A table of `rows` with `columns` (name: kind) in that order. Kinds: "int", "Int"
    (int with gaps), "float", "bool", "date", "str" and "list"."""
    frame = pd.DataFrame([[row.get(name) for name in columns] for row in rows],
                         columns=list(columns), dtype=object)
    for name, kind in columns.items():
        if kind == "date":
            frame[name] = pd.to_datetime(frame[name], format="%Y-%m-%d")
        elif kind == "list":
            frame[name] = [value if value is not None else [] for value in frame[name]]
        elif kind != "str":
            frame[name] = frame[name].astype({"int": "int64", "Int": "Int64", "float": "float64",
                                              "bool": "bool"}[kind])
    return frame


def _holidays(holidays: Optional[PathLike]) -> Optional[Path]:
    return None if holidays is None else Path(holidays)


class Run:
    """A programme run: selection, pairing, the year planned and readiness."""

    def __init__(self, native: "_peerkit.Run"):
        self._native = native

    @property
    def feasible(self) -> bool:
        """True when every supportee is paired and every first-year class has a duo."""
        return self._native.feasible

    @property
    def shortfalls(self) -> List[str]:
        """What the programme is short of, one sentence each; empty when feasible."""
        return self._native.shortfalls

    @cached_property
    def result(self) -> dict:
        """The run as front ends read it (result/1): students by id, no special category."""
        return json.loads(self._native.result_json())

    @cached_property
    def selection(self) -> pd.DataFrame:
        """One row per candidate of each role: the verdict, rank, score and reasons."""
        rows = [dict(candidate, role=role["role"]) for role in self.result["selection"]
                for candidate in role["candidates"]]
        return _frame(rows, {"role": "str", "application": "int", "student": "int",
                             "verdict": "str", "rank": "Int", "score": "int", "average": "float",
                             "fail_marks": "int", "reasons": "str"})

    @cached_property
    def pairs(self) -> pd.DataFrame:
        """One row per pair made: supporter, supportee, the score and its breakdown by
        criterion (one column each; the special-category criteria as one, their sum)."""
        rows = [dict(pair["score"]["criteria"], role=role["role"], supporter=pair["supporter"],
                     supportee=pair["supportee"], pinned=pair["pinned"],
                     score=pair["score"]["total"])
                for role in self.result["pairing"] for pair in role["pairs"]]
        columns = {"role": "str", "supporter": "int", "supportee": "int", "pinned": "bool",
                   "score": "int"}
        columns.update((criterion, "int") for criterion in _CRITERIA)
        return _frame(rows, columns)

    @cached_property
    def unpaired(self) -> pd.DataFrame:
        """Students left out of the pairing: supportees without a supporter and supporters
        without a supportee, with the reason."""
        rows = [dict(entry, role=role["role"], side=side)
                for role in self.result["pairing"]
                for side, key in (("supportee", "unpaired_supportees"),
                                  ("supporter", "unused_supporters"))
                for entry in role[key]]
        return _frame(rows, {"role": "str", "side": "str", "student": "int", "reason": "str"})

    @cached_property
    def duos(self) -> pd.DataFrame:
        """The peer-leader duos, each with the class it serves (none for a duo in reserve)
        and the score of the duo and of its class assignment."""
        leaders = self.result.get("leaders", {"duos": [], "classes": []})
        classes = {(a["first"], a["second"]): a for a in leaders["classes"]}
        rows = []
        for duo in leaders["duos"]:
            served = classes.get((duo["first"], duo["second"]), {})
            rows.append(dict(duo, **{"class": served.get("class"),
                                     "class_score": served.get("score")}))
        return _frame(rows, {"first": "int", "second": "int", "score": "int", "class": "Int",
                             "class_score": "Int"})

    @cached_property
    def explanations(self) -> pd.DataFrame:
        """Why the pairing came out as it did, a sentence a row, as ``peerkit pair`` says
        it: per role the objective, then why each pair was made and why a student stays
        unpaired; for the leaders why each duo and each class assignment (role
        "leader_duos")."""
        rows = [{"role": role["role"], "text": text} for role in self.result["pairing"]
                for text in role["explanation"]]
        if "leaders" in self.result:
            rows += [{"role": "leader_duos", "text": text}
                     for text in self.result["leaders"]["explanation"]]
        return _frame(rows, {"role": "str", "text": "str"})

    @cached_property
    def events(self) -> pd.DataFrame:
        """Every event of the year planned: trainings, meetings, intervision, evaluations."""
        return _frame(self.result["year"]["events"],
                      {"id": "str", "kind": "str", "day": "date", "title": "str", "role": "str",
                       "group": "Int", "start": "str", "minutes": "Int"})

    @cached_property
    def checklist(self) -> pd.DataFrame:
        """The readiness report: each checklist item with its state, where it stands
        (blocking, open, at_risk, done, not_applicable) and the findings behind it."""
        readiness = self.result["readiness"]
        rows = [dict(item, readiness=where) for where in _READINESS for item in readiness[where]]
        return _frame(rows, {"key": "str", "title": "str", "step": "int", "state": "str",
                             "readiness": "str", "findings": "list"})

    def report(self, language: str = "en") -> str:
        """The coordinator's report (report.md) in English ("en") or Dutch ("nl"): names,
        never special-category values."""
        return self._native.report(language)

    def files(self, reveal_special_category: Optional[str] = None,
              language: str = "en") -> Dict[str, bytes]:
        """The files ``peerkit run --output`` writes, by name, as bytes. year.ics is
        stamped with SOURCE_DATE_EPOCH when set, else now. With a purpose, programme.json
        holds the special-category values, as the tool's --reveal-special-category;
        report.md is in `language`, as the tool's --language."""
        return dict(self._native.files(reveal_special_category, language))

    def write(self, directory: PathLike, force: bool = False,
              reveal_special_category: Optional[str] = None, language: str = "en") -> List[Path]:
        """Writes files() into `directory` as the tool does: a new or empty directory,
        or any with ``force``; never over a file the programme was read from. Returns the
        paths written."""
        return [Path(p) for p in self._native.write(Path(directory), force,
                                                    reveal_special_category, language)]

    def __repr__(self) -> str:
        state = "feasible" if self.feasible else f"short of {len(self.shortfalls)}"
        return f"<peerkit.Run {len(self.result['pairs'])} pairs, {state}>"


class Programme:
    """A programme document: the school, the policies and what the coordinator recorded."""

    def __init__(self, native: "_peerkit.Programme"):
        self._native = native

    @classmethod
    def read(cls, path: PathLike) -> "Programme":
        """Reads a programme document; its school path is taken from its folder."""
        return cls(_peerkit.Programme.read(Path(path)))

    @classmethod
    def from_dict(cls, document: dict, base_dir: PathLike = ".",
                  name: str = "programme.json") -> "Programme":
        """The programme of a document given as a dict: a school path in it is taken from
        `base_dir`, problems are located in `name`."""
        return cls(_peerkit.Programme.parse(json.dumps(document), Path(base_dir), name))

    @property
    def counts(self) -> Dict[str, int]:
        """How many students, classes, staff and applications it has."""
        return self._native.counts()

    @cached_property
    def students(self) -> pd.DataFrame:
        """One row per student, without special-category values."""
        school = json.loads(self._native.school_json(None))
        class_names = {c["id"]: c["name"] for c in school["classes"]}
        rows = []
        for s in school["students"]:
            grades = list(s.get("grades", {}).values())
            consent = s.get("consent", {})
            available = s.get("available", {})
            rows.append(dict(s, student=s["id"], class_name=class_names.get(s["class"]),
                             average_grade=sum(grades) / len(grades) if grades else None,
                             fail_marks=sum(g < 5.5 for g in grades),
                             school_hours=available.get("school_hours", True),
                             after_school=available.get("after_school", False),
                             consent_given_by=consent.get("given_by"),
                             consent_given_on=consent.get("given_on"),
                             consent_withdrawn_on=consent.get("withdrawn_on")))
        return _frame(rows, {"student": "int", "name": "str", "gender": "str",
                             "birth_date": "date", "year": "int", "track": "str", "class": "int",
                             "class_name": "str", "average_grade": "float", "fail_marks": "int",
                             "interests": "list", "offers": "list", "wants": "list",
                             "school_hours": "bool", "after_school": "bool",
                             "consent_given_by": "str", "consent_given_on": "date",
                             "consent_withdrawn_on": "date"})

    def special_category(self, purpose: str) -> pd.DataFrame:
        """Origin, languages, needs and groups per student, read for `purpose`, which must
        say why (a blank one raises peerkit.Error privacy.no_purpose)."""
        school = json.loads(self._native.school_json(purpose))
        return _frame([dict(s, student=s["id"]) for s in school["students"]],
                      {"student": "int", "origin": "str", "languages": "list", "needs": "list",
                       "groups": "list"})

    def with_students_csv(self, path: PathLike, separator: str = "detect") -> "Programme":
        """The programme with the students of a CSV export in place of the school's own,
        as the tool's --students; `separator` is detect, semicolon or comma."""
        return Programme(self._native.with_students_csv(Path(path), separator))

    def pseudonymised(self, key: bytes) -> "Programme":
        """The programme with every identity replaced under `key` (at least 16 bytes), as
        the tool's --pseudonymise with a key file of these bytes."""
        return Programme(self._native.pseudonymised(key))

    def to_dict(self, reveal_special_category: Optional[str] = None) -> dict:
        """The programme document (programme/1); with a purpose, the special-category
        values of an inline school are in it, and so is the purpose with the day
        (``special_category_revealed``)."""
        return json.loads(self._native.document_json(reveal_special_category))

    def run(self, holidays: Optional[PathLike] = None) -> Run:
        """Selects, pairs, plans the year and reports readiness, as ``peerkit run``. The
        holidays are the shipped ones, updated by `holidays` (peerkit's CSV or the
        government's open-data JSON) as the tool's --holidays."""
        return Run(self._native.run(_SHIPPED_HOLIDAYS, _holidays(holidays)))

    def __repr__(self) -> str:
        c = self.counts
        return (f"<peerkit.Programme {c['students']} students, {c['classes']} classes, "
                f"{c['applications']} applications>")


class Status:
    """Where the programme stands on a day."""

    def __init__(self, data_json: str, report: str):
        self.data: dict = json.loads(data_json)
        """The status as front ends read it (status/1)."""
        self._report = report

    def report(self) -> str:
        """The coordinator's status page, as ``peerkit status`` prints it."""
        return self._report

    @cached_property
    def pairs(self) -> pd.DataFrame:
        """The pairs running on the day, by id."""
        return _frame([dict(p, pair=p["id"]) for p in self.data["active_pairs"]],
                      {"pair": "int", "role": "str", "supporters": "list", "supportees": "list",
                       "started": "date", "class": "Int"})

    @cached_property
    def overdue(self) -> pd.DataFrame:
        """What is overdue on the day: the rule, when it was due, what it concerns."""
        return _frame(self.data["overdue"],
                      {"rule": "str", "due": "date", "pair": "Int", "student": "Int",
                       "group": "Int", "escalation": "Int", "staff": "Int", "message": "str"})

    def __repr__(self) -> str:
        return (f"<peerkit.Status on {self.data['on']}: {len(self.data['active_pairs'])} pairs, "
                f"{len(self.data['overdue'])} overdue>")


class Record:
    """The record of a year: the programme and every entry since, replayed and checked."""

    def __init__(self, native: "_peerkit.Record"):
        self._native = native

    @classmethod
    def read(cls, path: PathLike) -> "Record":
        """Reads a record document and the programme it names (from its folder)."""
        return cls(_peerkit.Record.read(Path(path)))

    def status(self, on: Union[str, datetime.date], holidays: Optional[PathLike] = None,
               language: str = "en") -> Status:
        """The status on the day `on` (a date or YYYY-MM-DD), as ``peerkit status --on``;
        holidays as in Programme.run; its page in English ("en") or Dutch ("nl")."""
        day = on if isinstance(on, datetime.date) else datetime.date.fromisoformat(on)
        return Status(*self._native.status(day.year, day.month, day.day, _SHIPPED_HOLIDAYS,
                                           _holidays(holidays), language))
