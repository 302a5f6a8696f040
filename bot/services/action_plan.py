"""Phase 5's action plan, and phase 0's follow-up of the previous client's plan.

The plan modal has one row per action: what, when (a date picker), and optionally who
with and how the client will know it worked; rows come pre-filled with the current plan
or else with the contributions the client kept. A date may also be written in the
action itself, as people write it (« d'ici vendredi », "by Dec 15th", « fin janvier »,
"2026-12-15"), read in the group's time zone, and a free text box below the rows takes
more actions, one per line, the same way. An action without a date is kept without
one: the plan is never refused for a missing date. The plan replaces the previous
version. At the next session's follow-up, the previous client marks each item done,
in progress or dropped on a board that is updated in place.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from ..domain import Action, ActionStatus, DomainError, clean_text
from ..domain.dates import find_due
from .access import acted_on, lang_in, require_action, running_row
from .boards import post_or_update
from .context import Context
from .forms import InvalidFields
from .home import refresh_homes
from .membership import group_of
from .summary import action_details

PLAN_FIELD = "actions_text"
MAX_ITEMS = 20
MAX_ROWS = 12  # rows in the modal (5 blocks each: a modal holds 100)


def row_field(index: int) -> str:
    """The name a problem of row `index` is reported under (the modal maps it to its block)."""
    return f"row:{index}"


@dataclass(frozen=True)
class PlanRow:
    """One action as the modal shows it."""

    what: str = ""
    due: date | None = None
    partner: str = ""
    sign: str = ""

    @property
    def empty(self) -> bool:
        return not (self.what.strip() or self.due or self.partner.strip() or self.sign.strip())


BULLET = re.compile(r"^(?:[•*·▪◦–—-]+|\d{1,2}[.)])\s+")


@dataclass(frozen=True)
class PlanForm:
    session_id: int
    lang: str
    rows: list[PlanRow]
    more: str = ""  # actions beyond the rows, one per line, for the free text box


def parse_plan(text: str, today: date, day_first: bool = True) -> list[tuple[str, date | None]]:
    """One action per line, its date in words or digits if it has one; raises
    InvalidFields only for an empty plan, a plan too long, or a date that does not exist."""
    lines = [BULLET.sub("", line.strip()).strip(" \t") for line in (text or "").splitlines()]
    lines = [line for line in lines if line.strip(" —–-:,;•*·")]
    if not lines:
        raise InvalidFields({PLAN_FIELD: ("plan.empty", {})})
    if len(lines) > MAX_ITEMS:
        raise InvalidFields({PLAN_FIELD: ("plan.too_many", {"max": MAX_ITEMS})})
    items = []
    for number, line in enumerate(lines, 1):
        try:
            what, due = find_due(line, today, day_first)
            items.append((clean_text(what.strip(" ,;:|—–-"), 500), due))
        except DomainError as problem:
            params = {"line": number, **problem.params}
            raise InvalidFields({PLAN_FIELD: (problem.key, params)}) from problem
    return items


def read_rows(
    rows, today: date, day_first: bool = True
) -> list[tuple[str, date | None, str | None]]:
    """The modal's rows as items (text, due date, note). A row left empty is skipped; a
    row with only a date, a partner or a sign asks for its action. Without a picked date,
    a date written in the action is found and taken out of it."""
    items = []
    for index, row in enumerate(rows):
        if row.empty:
            continue
        what = " ".join((row.what or "").split())
        if not what:
            raise InvalidFields({row_field(index): ("plan.what_missing", {})})
        due = row.due
        try:
            if due is None:
                found, due = find_due(what, today, day_first)
                what = found.strip(" ,;:|—–-") or what
            text = clean_text(what, 500)
        except DomainError as problem:
            raise InvalidFields({row_field(index): (problem.key, problem.params)}) from problem
        details = {"with": row.partner.strip()[:200], "sign": row.sign.strip()[:500]}
        details = {k: v for k, v in details.items() if v}
        items.append((text, due, json.dumps(details, ensure_ascii=False) if details else None))
    return items


def local_today(now: datetime, tz: str) -> date:
    """The group's date now: "vendredi" means the Friday of the group's week."""
    try:
        return now.astimezone(ZoneInfo(tz)).date()
    except (KeyError, ValueError):
        return now.date()


class ActionPlanService:
    def __init__(self, ctx: Context):
        self.ctx = ctx

    def form(self, team_id, channel_id, user_id, session_id: int | None = None) -> PlanForm:
        """Check the client may write the plan now; pre-fill it with the current
        plan, or else with the contributions they kept."""
        with self.ctx.uow_factory() as uow:
            row = acted_on(uow, team_id, channel_id, user_id, session_id, Action.WRITE_ACTION_PLAN)
            items = uow.content.action_items(row.id)
            more = ""
            if items:
                rows = [PlanRow(i.text, i.due_on, **_details(i.note)) for i in items[:MAX_ROWS]]
                more = "\n".join(  # a plan longer than the rows loses nothing when reopened
                    f"{i.text} — {i.due_on.isoformat()}" if i.due_on else i.text
                    for i in items[MAX_ROWS:]
                )
            else:
                kept = [c for c in uow.content.contributions(row.id) if c.harvest == "keep"]
                rows = [PlanRow(" ".join(c.text.split())[:500]) for c in kept[:MAX_ROWS]]
            lang = lang_in(uow, row, user_id, self.ctx.default_lang)
            return PlanForm(row.id, lang, rows or [PlanRow()], more[:3000])

    def save(self, user_id: str, session_id: int, text: str = "", rows=()) -> int:
        """The plan from the modal: its rows, then the lines of its free text box."""
        now = self.ctx.clock()
        with self.ctx.uow_factory() as uow:
            row = running_row(uow, session_id, lock=True)
            require_action(uow, row, user_id, Action.WRITE_ACTION_PLAN)
            group = group_of(uow, row.group_id)
            day_first = row.lang != "en" or not (group.tz or "").startswith("America/")
            today = local_today(now, group.tz or "UTC")
            items = read_rows(rows, today, day_first)
            if (text or "").strip() or not items:
                items += [(w, d, None) for w, d in parse_plan(text, today, day_first)]
            if len(items) > MAX_ITEMS:
                raise InvalidFields({PLAN_FIELD: ("plan.too_many", {"max": MAX_ITEMS})})
            uow.content.replace_action_items(row.id, user_id, items, now)
            shown = [(w, d.isoformat() if d else None) for w, d, _ in items]
            plan = self.ctx.renderer.action_plan(row.lang, shown)
            post_or_update(uow, plan, f"session:{row.id}:plan", now, row=row)
            self._refresh_home(uow, row, user_id, now)
            uow.commit()
        return len(items)

    def set_status(self, user_id: str, session_id: int, item_id: int, status: str) -> None:
        """An earlier client reports on one of their items during the follow-up."""
        now = self.ctx.clock()
        status = ActionStatus(status)
        with self.ctx.uow_factory() as uow:
            row = running_row(uow, session_id, lock=True)
            require_action(uow, row, user_id, Action.REPORT_FOLLOW_UP)
            shown = {i[0] for _, _, items in follow_up_sections(uow, row) for i in items}
            found = uow.content.earlier_action_items(row.group_id, row.started_at)
            item = next((i for i, _ in found if i.id == item_id and i.id in shown), None)
            if item is None:
                raise DomainError("follow_up.gone")
            if item.owner_id != user_id:
                raise DomainError("follow_up.owner_only")
            item.status, item.updated_at = str(status), now
            queue_follow_up_board(uow, self.ctx.renderer, row, now)
            self._refresh_home(uow, row, user_id, now)
            uow.commit()

    def _refresh_home(self, uow, row, user_id, now) -> None:
        """The owner's home lists their open action items: show the change there."""
        team_id = uow.groups.get(row.group_id).team_id
        refresh_homes(uow, self.ctx.renderer, team_id, [user_id], now, self.ctx.default_lang)


OPEN = ("open", "in_progress")


def follow_up_sections(uow, row) -> list[tuple[str, int, list[Any]]]:
    """What phase 0 of `row` reviews, by client and session, latest first: the whole
    plan of the session finished just before, and every earlier client's items still
    open or in progress. An item reported on during `row` stays, so the board shows
    the change. Each entry: (client, session number, [(id, what, due ISO date, status)])."""
    if row.started_at is None:
        return []
    found = uow.content.earlier_action_items(row.group_id, row.started_at)
    found = [(item, session) for item, session in found if session.id != row.id]
    previous = found[-1][1].id if found else None
    sections: dict[tuple[int, str], tuple[int, list[Any]]] = {}
    for item, session in found:
        reported_now = item.status not in OPEN and item.updated_at >= row.started_at
        if item.status in OPEN or session.id == previous or reported_now:
            due = item.due_on.isoformat() if item.due_on else None
            entry = sections.setdefault((session.id, item.owner_id), (session.number, []))
            entry[1].append((item.id, item.text, due, item.status))
    shown = [(owner, number, items) for (_, owner), (number, items) in sections.items()]
    return shown[::-1]


def _details(note: str | None) -> dict[str, Any]:
    found = action_details(note)
    return {"partner": found.get("with", ""), "sign": found.get("sign", "")}


def queue_follow_up_board(uow, renderer, row, now) -> None:
    """Phase 0: every earlier client's items to report on, with their status buttons."""
    board = renderer.follow_up_board(row.lang, row.id, follow_up_sections(uow, row))
    post_or_update(uow, board, f"session:{row.id}:follow-up", now, row=row)
