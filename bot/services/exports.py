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
import secrets
from datetime import datetime

from ..domain import DomainError
from .assessment import build_assessment
from .common import Context, require_facilitator, require_group, user_lang
from .effects import Effect, EffectKind, Payload

ATTENDANCE = ["session", "date", "started_at", "ended_at", "user_id", "role", "present"]
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


def csv_text(header: list[str], rows: list[list]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n", quoting=csv.QUOTE_ALL)
    writer.writerow([csv_cell(v) for v in header])
    writer.writerows([[csv_cell(v) for v in row] for row in rows])
    return BOM + out.getvalue()


def text_file(filename: str, content: str, title: str | None = None) -> dict:
    return {"filename": filename, "title": title or filename, "content": content}


def binary_file(filename: str, content: bytes, title: str | None = None) -> dict:
    return {
        "filename": filename,
        "title": title or filename,
        "content": base64.b64encode(content).decode("ascii"),
        "encoding": "base64",
    }


def upload_effect(
    files: list[dict],
    comment: Payload,
    key: str,
    failure: Payload | None = None,
    user_id: str | None = None,
    channel: str | None = None,
) -> Effect:
    """Files to share in a channel (or a DM when only `user_id` is given); `failure`
    is the DM its requester gets if the upload is finally given up."""
    extra = {"files": files}
    if failure is not None:
        extra["failure_notice"] = failure.as_dict()
    return Effect(
        EffectKind.UPLOAD,
        Payload(comment.text, [], extra),
        key,
        channel=channel,
        user_id=user_id,
    )


def group_tables(uow, group) -> dict[str, list[list]]:
    """Rows of the three CSV files, from the sessions that started."""
    attendance, evaluations, plans = [], [], []
    named = bool(group.named_evaluations)
    for s in uow.people.sessions_of([group.id]):
        if s.started_at is None:
            continue
        day = s.started_at.date().isoformat()
        present = {s.client_id, *(s.consultants or [])}
        people = [m.user_id for m in group.members if m.joined_at <= s.started_at]
        people = [u for u in people if u != s.facilitator_id]
        people += [u for u in sorted(present) if u not in people]
        when = [s.number, day, iso(s.started_at), iso(s.ended_at)]
        attendance.append([*when, s.facilitator_id, "facilitator", "yes"])
        for person in people:
            role = "client" if person == s.client_id else "consultant"
            attendance.append([*when, person, role, "yes" if person in present else "no"])
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
    return {"attendance": attendance, "evaluations": evaluations, "action_plans": plans}


def _content_order(row: list) -> tuple:
    return tuple("" if v is None else str(v) for v in row)


class ExportService:
    def __init__(self, ctx: Context):
        self.ctx = ctx

    def export_group(self, team_id: str, channel_id: str, user_id: str) -> dict[str, int]:
        """Queue the group's files to the facilitator's DM; returns the row counts."""
        now: datetime = self.ctx.clock()
        renderer = self.ctx.renderer
        with self.ctx.uow_factory() as uow:
            group = require_group(uow, team_id, channel_id)
            require_facilitator(group, user_id)
            tables = group_tables(uow, group)
            if not tables["attendance"]:
                raise DomainError("export.nothing", name=group.name)
            lang = user_lang(uow, user_id, group, self.ctx.default_lang)
            found = build_assessment(uow, group)
            stamp = now.strftime("%Y-%m-%d")
            files = [
                text_file(f"attendance-{stamp}.csv", csv_text(ATTENDANCE, tables["attendance"])),
                text_file(f"evaluations-{stamp}.csv", csv_text(EVALUATIONS, tables["evaluations"])),
                text_file(
                    f"action-plans-{stamp}.csv", csv_text(ACTION_PLANS, tables["action_plans"])
                ),
                text_file(f"cycle-report-{stamp}.md", renderer.cycle_markdown(found).text),
            ]
            counts = {name: len(rows) for name, rows in tables.items()}
            uow.outbox.add(
                upload_effect(
                    files,
                    renderer.export_ready(lang, group.name, counts),
                    f"group:{group.id}:export:{now.isoformat()}:{secrets.token_hex(3)}",
                    failure=renderer.export_failed(lang, group.name),
                    user_id=user_id,
                ),
                now,
            )
            uow.commit()
            return counts
