#!/usr/bin/env python3
"""Writes sample_record.json: the sample school's year 2025-2026 as its coordinator recorded it.

The pairs, the intervision groups and the planned days come from what peerkit pairs and
plans for sample_programme.json. Rerun from the repository's root after the sample or the
planner changed:

    peerkit run examples/data/sample_programme.json --output /tmp/sample_run
    python3 examples/data/make_sample_record.py /tmp/sample_run/result.json \
        > examples/data/sample_record.json
    peerkit status examples/data/sample_record.json --on 2026-06-17

The same result.json always gives the same record. Besides the year as planned, the record
tells what happened: a concern in November handled on time; pair 15 stops meeting in
January and ends in February (the buddy withdrew), its supportee waits; a concern in
February that no staff member responds to in time; peer buddy group 3 (group 4 in the
record) skips its February session; Olena K. completes her training in March and becomes
the new buddy (a rematch).
"""

import json
import sys
from datetime import date, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
RECORDED_UNTIL = date(2026, 6, 17)
COORDINATOR = 101
BUDDY_ROLES = ("peer_buddy", "newcomer_buddy")
INDIVIDUAL_GROUP_SIZE = 5  # the planner's intervision_group_size

# The story of the year.
DECIDED_ON = date(2025, 9, 15)
STOPPED = 15  # the pair whose buddy stops meeting after its last contact
LAST_MET = date(2026, 1, 13)
CLOSED_ON = date(2026, 2, 10)
LATE_TRAINEE = 1070  # accepted, one training session short until March
TRAINED_ON = date(2026, 3, 11)
REMATCH = 32
REMATCHED_ON = date(2026, 3, 17)
SKIPPED = ("peer_buddy", 3, date(2026, 2, 5))  # role, group number, planned day


def day(text):
    return date.fromisoformat(text)


def event(name, on, **fields):
    return {"event": name, "on": on.isoformat(), **fields}


def main(result_path):
    result = json.loads(Path(result_path).read_text())
    programme = json.loads((HERE / "sample_programme.json").read_text())
    school = json.loads((HERE / "sample_school.json").read_text())
    mentor_of_class = {c["id"]: c.get("mentor") for c in school["classes"]}
    class_of = {s["id"]: s["class"] for s in school["students"]}
    coaches = sorted(m["id"] for m in school["staff"] if "teacher_coach" in m["roles"])
    applications = {(a["student"], a["role"]): a["id"] for a in programme["applications"]}
    events = result["year"]["events"]
    pairs = {p["id"]: p for p in result["pairs"]}
    buddy_pairs = [p for p in result["pairs"] if p["role"] in BUDDY_ROLES]
    stopped = pairs[STOPPED]
    out = []

    # September: the selection's decisions.
    accepted = {}
    for role in result["selection"]:
        for c in role["candidates"]:
            out.append(event("application", DECIDED_ON,
                             application=c["application"],
                             to=c["verdict"], by=COORDINATOR))
            if c["verdict"] == "accepted":
                accepted.setdefault(role["role"], []).append(c["student"])

    # 7 October: the first meeting round, every buddy's supportee told about secrets.
    opening = []
    for p in result["pairs"]:
        start = day(p["started"])
        fields = {"pair": p["id"], "role": p["role"], "supporters": p["supporters"]}
        if "class" in p:
            fields["class"] = p["class"]
        else:
            fields["supportees"] = p["supportees"]
        opening.append(event("pairing", start, **fields))
        if p["role"] in BUDDY_ROLES:
            opening.append(event("notice", start, pair=p["id"]))

    # The intervision groups as planned: all peer leaders together, buddies in groups of
    # about five (sizes differing by one) spread over the coaches, the newcomers apart.
    groups = []
    first_round = day(next(e["day"] for e in events if e["kind"] == "first_meeting_round"))
    for role in ("peer_leader", "peer_buddy", "newcomer_buddy"):
        members = sorted(accepted[role])
        count = 1 if role == "peer_leader" else max(
            1, (len(members) + INDIVIDUAL_GROUP_SIZE // 2) // INDIVIDUAL_GROUP_SIZE)
        sizes = [len(members) // count + (1 if i < len(members) % count else 0)
                 for i in range(count)]
        for number, size in enumerate(sizes, start=1):
            groups.append({"role": role, "number": number, "coach": coaches[(number - 1) % len(coaches)],
                           "members": members[:size], "newcomers": False})
            members = members[size:]
        if role == "newcomer_buddy":
            number = len(sizes) + 1
            newcomers = sorted(s for p in buddy_pairs if p["role"] == role for s in p["supportees"])
            groups.append({"role": role, "number": number, "coach": coaches[(number - 1) % len(coaches)],
                           "members": newcomers, "newcomers": True})
    for gid, g in enumerate(groups, start=1):
        g["id"] = gid
        fields = {"group": gid, "role": g["role"], "coach": g["coach"], "members": g["members"],
                  "number": g["number"]}
        if g["newcomers"]:
            fields["newcomers"] = True
        opening.append(event("group", first_round, **fields))

    def group_of(supporter):
        return next(g for g in groups if not g["newcomers"] and supporter in g["members"])

    # What happened day by day: sessions as planned (the coach leads; the next school day
    # the coach discusses it with the class mentors of the group's supportees), weekly
    # meetings of the buddy pairs on the planned days.
    active = {}
    story = {
        date(2025, 11, 4): [
            event("escalation", date(2025, 11, 4), escalation=1, pair=9, raised_by=1064,
                  tier="concern"),
            event("escalation_step", date(2025, 11, 4), escalation=1, step="supportee_encouraged"),
        ],
        date(2025, 11, 5): [
            event("escalation_step", date(2025, 11, 5), escalation=1, step="supportee_refused"),
            event("escalation_step", date(2025, 11, 5), escalation=1, step="staff_informed",
                  staff=group_of(1064)["coach"], **{"as": "teacher_coach"}),
        ],
        date(2025, 11, 11): [
            event("escalation_step", date(2025, 11, 11), escalation=1, step="staff_responded",
                  staff=group_of(1064)["coach"]),
        ],
        date(2025, 11, 18): [
            event("escalation_step", date(2025, 11, 18), escalation=1, step="closed"),
        ],
        date(2026, 2, 2): [
            event("escalation", date(2026, 2, 2), escalation=2, pair=12, raised_by=1072,
                  tier="concern"),
            event("escalation_step", date(2026, 2, 2), escalation=2, step="supportee_encouraged"),
        ],
        date(2026, 2, 3): [
            event("escalation_step", date(2026, 2, 3), escalation=2, step="supportee_refused"),
            event("escalation_step", date(2026, 2, 3), escalation=2, step="staff_informed",
                  staff=group_of(1072)["coach"], **{"as": "teacher_coach"}),
        ],
        CLOSED_ON: [
            event("closure", CLOSED_ON, pair=STOPPED, reason="supporter_withdrew"),
            event("application", CLOSED_ON,
                  application=applications[(stopped["supporters"][0], stopped["role"])],
                  to="withdrawn"),
        ],
        date(2026, 2, 24): [
            event("escalation_step", date(2026, 2, 24), escalation=2, step="staff_responded",
                  staff=group_of(1072)["coach"]),
        ],
        date(2026, 2, 26): [
            event("evaluation", date(2026, 2, 26), stakeholder="supporter", moment="exit",
                  student=stopped["supporters"][0], pair=STOPPED,
                  answers={"supporter.contact_as_planned": 2, "supporter.coach_reachable": 4,
                           "supporter.recommend": 3}),
            event("evaluation", date(2026, 2, 26), stakeholder="supportee", moment="exit",
                  student=stopped["supportees"][0], pair=STOPPED,
                  answers={"supportee.contact_as_planned": 2, "supportee.feeling_safe": 3,
                           "supportee.would_again": 1}),
        ],
        date(2026, 3, 10): [
            event("escalation_step", date(2026, 3, 10), escalation=2, step="closed"),
        ],
        TRAINED_ON: [
            event("training", TRAINED_ON, student=LATE_TRAINEE, role="peer_buddy", minutes=240),
        ],
        REMATCHED_ON: [
            event("pairing", REMATCHED_ON, pair=REMATCH, role=stopped["role"],
                  supporters=[LATE_TRAINEE], supportees=stopped["supportees"], replaces=STOPPED),
            event("notice", REMATCHED_ON, pair=REMATCH),
        ],
    }
    checklist = [
        (date(2025, 10, 1), "escalation_guideline", "done", 108, "agreed with the care team"),
        (date(2025, 10, 7), "no_secrets_rule_known", "done", 101, "told at the first meeting"),
        (date(2025, 10, 7), "intervision_groups", "done", 101, None),
        (date(2025, 10, 15), "training_route", "done", 101, "school's own training"),
        (date(2025, 10, 30), "coach_mentor_alignment", "done", 104, "mentor meeting"),
        (date(2026, 1, 23), "coaches_trained", "done", 104, "the third coach trained"),
        (date(2026, 3, 2), "time_in_annual_task_hours", "in_progress", 102, None),
    ]
    for on, item, state, owner, evidence in checklist:
        fields = {"item": item, "state": state, "owner": owner}
        if evidence:
            fields["evidence"] = evidence
        story.setdefault(on, []).append(event("checklist", on, **fields))

    story[first_round] = opening + story.get(first_round, [])
    sessions = {}
    for e in events:
        if e["kind"] in ("intervision", "newcomer_intervision"):
            sessions.setdefault(day(e["day"]), []).append(e)
    meeting_days = {}
    for e in events:
        if e["kind"] in ("first_meeting_round", "pair_meeting"):
            meeting_days.setdefault(day(e["day"]), set()).add(e["role"])

    topics = {"peer_buddy": ["getting_to_know", "finding_the_way", "homework_planning",
                             "making_contacts", "confidence", "lesson_content"],
              "newcomer_buddy": ["getting_to_know", "dutch_language", "finding_the_way",
                                 "customs_and_culture", "making_contacts", "joint_activity"]}
    follow_ups = {}
    on = DECIDED_ON + timedelta(days=1)
    while on <= RECORDED_UNTIL:
        for e in story.get(on, []):
            out.append(e)
            if e["event"] == "pairing":
                active[e["pair"]] = {**e, "id": e["pair"], "started": e["on"]}
            if e["event"] == "closure":
                del active[e["pair"]]
        for planned in sessions.get(on, []):
            g = next(g for g in groups
                     if g["role"] == planned["role"] and g["number"] == planned["group"])
            if (g["role"], g["number"], on) == SKIPPED:
                continue
            present = [m for m in g["members"]
                       if not (m == stopped["supporters"][0] and on > LAST_MET)]
            out.append(event("intervision", on, group=g["id"], present=present,
                             staff=[g["coach"]]))
            mentors = []
            for p in active.values():
                if not set(p["supporters"]) & set(g["members"]):
                    continue
                classes = [p["class"]] if "class" in p else [class_of[s] for s in p["supportees"]]
                for c in classes:
                    m = mentor_of_class[c]
                    if m not in mentors and m != g["coach"]:
                        mentors.append(m)
            next_day = on + timedelta(days=1)
            for m in mentors:
                follow_ups.setdefault(next_day, []).append(
                    event("follow_up", next_day, group=g["id"], session_on=on.isoformat(),
                          coach=g["coach"], mentor=m))
        out.extend(follow_ups.pop(on, []))
        for p in active.values():
            if p["role"] not in BUDDY_ROLES or p["role"] not in meeting_days.get(on, ()):
                continue
            if p["id"] == STOPPED and on > LAST_MET:
                continue
            week = (on - first_round).days // 7
            kind = "at_school" if p["role"] == "peer_buddy" else "outside_school"
            out.append(event("contact", on, pair=p["id"], minutes=60, kind=kind,
                             topics=[topics[p["role"]][(week + p["id"]) % len(topics[p["role"]])]],
                             needs_adult=False))
        on += timedelta(days=1)

    lines = ",\n".join(" " + json.dumps(e, separators=(", ", ": ")) for e in out)
    sys.stdout.write('{"peerkit": "record/1", "programme": "sample_programme.json", "events": [\n'
                     + lines + "\n]}\n")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: make_sample_record.py RESULT_JSON")
    main(sys.argv[1])
