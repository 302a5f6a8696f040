"""Exports for the facilitator, delivered by DM as files through the outbox.

CSV files are UTF-8 with a byte order mark (so spreadsheet programs show accents),
one header row and ISO dates, so a training organisation's spreadsheet reads them
as they are: attendance per session, evaluations (ratings and the 4 A), action
plans; plus the cycle's assessment as Markdown. Contribution text is never exported.

Evaluations are anonymous unless the group chose named ones (participants are told
in the rating form): no user id, no time of rating, and each session's rows sorted
by their content, so no row can be matched to a person by its place or its time.

A cell is never read as a formula (OWASP's advice on CSV injection): every cell is
quoted, quotes are doubled, and a cell that starts with `=`, `+`, `-`, `@`, a tab
or a carriage return gets a leading `'`, so the spreadsheet shows it as text.
"""

from __future__ import annotations

import base64
import csv
import io
import re
import secrets
from datetime import datetime
from typing import Any

from ..domain import Action, DomainError
from ..domain import attendance as rules
from ..domain import regulation as reg
from . import calendar_math as cm
from .assessment import build_assessment
from .attendance import session_sheet
from .context import Context
from .effects import Effect, EffectKind, Payload
from .facilitation import facilitator_of
from .membership import may, require_group, require_right
from .outcomes import outcomes_report
from .reader import reader_lang, user_lang

ATTENDANCE = [
    "session",
    "date",
    "started_at",
    "ended_at",
    "user_id",
    "name",
    "role",
    "present",
    "status",
    "arrived_at",
    "left_at",
    "minutes",
    "source",
]
REGULATION = ["session", "date", "answers", "time", "listening", "method"]
HOURS = ["user_id", "name", "sessions_attended", "minutes", "hours", "hours_engaged"]
EVALUATIONS = [
    "session",
    "date",
    "user_id",
    "rating",
    "appreciation",
    "expectations",
    "learnings",
    "applications",
    "created_at",
]
ACTION_PLANS = ["session", "date", "owner_id", "text", "due_on", "status", "updated_at"]


def iso(value) -> str:
    return "" if value is None else value.isoformat()


BOM = "\ufeff"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value) -> str:
    """One cell as text that no spreadsheet evaluates."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def csv_text(header: list[str], rows: list[list[Any]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n", quoting=csv.QUOTE_ALL)
    writer.writerow([csv_cell(v) for v in header])
    writer.writerows([[csv_cell(v) for v in row] for row in rows])
    return BOM + out.getvalue()


def text_file(filename: str, content: str, title: str | None = None) -> dict[str, Any]:
    return {"filename": filename, "title": title or filename, "content": content}


def binary_file(filename: str, content: bytes, title: str | None = None) -> dict[str, Any]:
    return {
        "filename": filename,
        "title": title or filename,
        "content": base64.b64encode(content).decode("ascii"),
        "encoding": "base64",
    }


def upload_effect(
    files: list[dict[str, Any]],
    comment: Payload,
    key: str,
    failure: Payload | None = None,
    user_id: str | None = None,
    channel: str | None = None,
) -> Effect:
    """Files to share in a channel (or a DM when only `user_id` is given); `failure`
    is the DM its requester gets if the upload is finally given up."""
    extra: dict[str, Any] = {"files": files}
    if failure is not None:
        extra["failure_notice"] = failure.as_dict()
    return Effect(
        EffectKind.UPLOAD,
        Payload(comment.text, [], extra),
        key,
        channel=channel,
        user_id=user_id,
    )


def peers_of(group) -> set[str]:
    """In a peer-run group, the peers whose turns as facilitator count as attendance
    (hours, attestations); elsewhere nobody's: the facilitator is no participant."""
    if not group.peer_run:
        return set()
    return {m.user_id for m in group.members if m.user_id != group.facilitator_id}


def attendance_sheets(uow, group) -> list[tuple[Any, ...]]:
    """(session row, its attendance lines) of every session that started."""
    started = [s for s in uow.people.sessions_of([group.id]) if s.started_at is not None]
    plans = uow.people.planned_minutes([s.id for s in started])
    return [(s, session_sheet(uow, group, s, plans.get(s.id))) for s in started]


def group_tables(uow, group, names: dict[str, str] | None = None) -> dict[str, list[list[Any]]]:
    """Rows of the CSV files, from the sessions that started; `names` are the
    people's real names (their ids stand in for the unknown ones)."""
    names = names or {}
    attendance, evaluations, plans = [], [], []
    named = bool(group.named_evaluations)
    sheets = attendance_sheets(uow, group)
    for s, lines in sheets:
        day = s.started_at.date().isoformat()
        when = [s.number, day, iso(s.started_at), iso(s.ended_at)]
        for x in lines:
            attendance.append(
                [
                    *when,
                    x.user_id,
                    names.get(x.user_id, ""),
                    x.role,
                    "yes" if x.attended else "no",
                    str(x.status),
                    iso(x.arrived_at),
                    iso(x.left_at),
                    x.minutes,
                    str(x.source),
                ]
            )
        rated = [
            [
                s.number,
                day,
                e.user_id if named else "",
                e.rating,
                e.appreciation,
                e.expectations,
                e.learnings,
                e.applications,
                iso(e.created_at) if named else "",
            ]
            for e in uow.content.evaluations(s.id)
        ]
        evaluations += rated if named else sorted(rated, key=_content_order)
        for a in uow.content.action_items(s.id):
            plans.append(
                [s.number, day, a.owner_id, a.text, iso(a.due_on), a.status, iso(a.updated_at)]
            )
    engaged = uow.people.hours_engaged(group.id)
    hours = [
        [h.user_id, names.get(h.user_id, ""), h.sessions, h.minutes, h.hours, engaged or ""]
        for h in rules.hours_per_person([lines for _, lines in sheets], engaged, peers_of(group))
    ]
    return {
        "attendance": attendance,
        "hours": hours,
        "evaluations": evaluations,
        "action_plans": plans,
    }


# A Slack user id; a person who asked to be forgotten has a stand-in that is none.
SLACK_USER = re.compile(r"^[UW][A-Z0-9]{2,}$")


def people_of(uow, group) -> set[str]:
    """Everyone an export names: the facilitator and each session's people."""
    found = {group.facilitator_id}
    for _, lines in attendance_sheets(uow, group):
        found |= {x.user_id for x in lines}
    return {u for u in found if SLACK_USER.match(u)}


def attestations(uow, ctx, group, names: dict[str, str], today) -> list[dict[str, Any]]:
    """One attestation of attendance (PDF) per participant who attended, each in
    that participant's language."""
    sheets = attendance_sheets(uow, group)
    engaged = uow.people.hours_engaged(group.id)
    attended: dict[str, list[Any]] = {}
    for s, lines in sheets:
        for x in lines:
            counts = x.role != "facilitator" or x.user_id in peers_of(group)
            if counts and x.attended and SLACK_USER.match(x.user_id):
                day = cm.local_day(s.started_at, group.tz)
                attended.setdefault(x.user_id, []).append((s.number, day, x.minutes))
    files = []
    for user_id, sessions in attended.items():
        name = names.get(user_id, user_id)
        document = ctx.renderer.attestation(
            lang=user_lang(uow, user_id, group, ctx.default_lang),
            name=name,
            group=group.name,
            facilitator=names.get(group.facilitator_id, group.facilitator_id),
            sessions=sessions,
            hours_engaged=engaged,
            issued=today,
        )
        slug = re.sub(r"[^A-Za-z0-9]+", "-", name).strip("-") or user_id
        files.append(binary_file(f"attestation-{slug}-{user_id}.pdf", document))
    return files


def regulation_rows(uow, group) -> list[list[Any]]:
    """Régulation averages per session, then over the cycle (votes never one by one)."""
    rows, everyone = [], []
    for s in uow.people.sessions_of([group.id]):
        if s.started_at is None:
            continue
        votes = [{c: getattr(v, c) for c in reg.CRITERIA} for v in uow.attendance.votes(s.id)]
        everyone += votes
        found = reg.aggregate(votes)
        if found.answers:
            day = s.started_at.date().isoformat()
            rows.append([s.number, day, found.answers, *found.averages.values()])
    if everyone:
        found = reg.aggregate(everyone)
        rows.append(["cycle", "", found.answers, *found.averages.values()])
    return rows


def journal_entries(uow, group) -> list[tuple[Any, ...]]:
    """(number, day, incidents, adaptations) of the sessions their facilitator wrote
    about (in a peer-run group, each session's own)."""
    found = []
    for s in uow.people.sessions_of([group.id]):
        entry = uow.attendance.journal(s.id) if s.started_at is not None else None
        if entry is not None and entry.author_id == facilitator_of(group, s):
            day = cm.local_day(s.started_at, group.tz).isoformat()
            found.append((s.number, day, entry.incidents, entry.adaptations))
    return found


def _content_order(row: list[Any]) -> tuple[Any, ...]:
    return tuple("" if v is None else str(v) for v in row)


class ExportService:
    def __init__(self, ctx: Context):
        self.ctx = ctx

    def export_group(
        self, team_id: str, channel_id: str, user_id: str
    ) -> tuple[dict[str, int], str]:
        """Queue the group's export for the facilitator; returns the row counts and the
        facilitator's language where they asked.

        The files are built when the export is delivered (`prepare_export`): the
        people's real names are looked up there, off the request's path."""
        now: datetime = self.ctx.clock()
        with self.ctx.uow_factory() as uow:
            group = require_group(uow, team_id, channel_id)
            require_right(group, user_id, Action.EXPORT)
            tables = group_tables(uow, group)
            if not tables["attendance"]:
                raise DomainError("export.nothing", name=group.name)
            lang = user_lang(uow, user_id, group, self.ctx.default_lang)
            extra = {
                "group_id": group.id,
                "lang": lang,
                "stamp": now.strftime("%Y-%m-%d"),
                "failure_notice": self.ctx.renderer.export_failed(lang, group.name).as_dict(),
            }
            uow.outbox.add(
                Effect(
                    EffectKind.EXPORT,
                    Payload("", [], extra),
                    f"group:{group.id}:export:{now.isoformat()}:{secrets.token_hex(3)}",
                    user_id=user_id,
                ),
                now,
            )
            asker = reader_lang(uow, user_id, team_id, channel_id, self.ctx.default_lang)
            uow.commit()
            return {name: len(rows) for name, rows in tables.items()}, asker


def prepare_export(uow, ctx: Context, sender, row, now: datetime) -> None:
    """Deliver an export row: look up the names not known yet (users.info, kept
    with the ids), build the files, and queue their upload to the requester."""
    spec = row.payload or {}
    group = uow.groups.get(spec.get("group_id") or 0)
    if group is None or not may(group, row.user_id, Action.EXPORT):
        return  # the group is gone, or its export is no longer this person's to read
    people = people_of(uow, group)
    names = uow.attendance.names(group.team_id, people)
    missing = sorted(people - set(names))
    lookup = getattr(sender, "user_names", None)
    if missing and lookup is not None:
        found = lookup(missing)
        uow.attendance.remember_names(group.team_id, found, now)
        names |= found
    tables = group_tables(uow, group, names)
    found = build_assessment(uow, group)
    lang, stamp = spec.get("lang") or group.lang, spec.get("stamp") or now.date().isoformat()
    renderer = ctx.renderer
    regulation = regulation_rows(uow, group)
    report = renderer.cycle_markdown(found).text + renderer.regulation_markdown(
        found.lang, regulation
    )
    files = [
        text_file(f"attendance-{stamp}.csv", csv_text(ATTENDANCE, tables["attendance"])),
        text_file(f"hours-{stamp}.csv", csv_text(HOURS, tables["hours"])),
        text_file(f"evaluations-{stamp}.csv", csv_text(EVALUATIONS, tables["evaluations"])),
        text_file(f"action-plans-{stamp}.csv", csv_text(ACTION_PLANS, tables["action_plans"])),
        text_file(f"cycle-report-{stamp}.md", report),
        text_file(f"regulation-{stamp}.csv", csv_text(REGULATION, regulation)),
        *attestations(uow, ctx, group, names, cm.local_day(now, group.tz)),
    ]
    if outcomes := outcomes_report(uow, group, found.lang):
        files.append(text_file(f"outcomes-{stamp}.md", renderer.outcomes_markdown(outcomes, names)))
        files.append(binary_file(f"outcomes-{stamp}.png", renderer.outcomes_chart(outcomes)))
    if entries := journal_entries(uow, group):
        journal = renderer.journal_markdown(lang, group.name, entries)
        files.append(text_file(f"journal-{stamp}.md", journal))
    counts = {name: len(rows) for name, rows in tables.items()}
    uow.outbox.add(
        upload_effect(
            files,
            renderer.export_ready(lang, group.name, counts),
            f"{row.dedupe_key}:files",
            failure=renderer.export_failed(lang, group.name),
            user_id=row.user_id,
        ),
        now,
    )
