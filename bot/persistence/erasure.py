"""Erasing a person's data, purging a finished cycle's free text, and the group
settings that govern both (`group_privacy`).

In a group whose erase mode is "anonymise", a forgotten person's text stays for
the group's memory under a random stand-in; elsewhere it is deleted. Rows kept
for the group's figures (ratings, attendance, turns, closed memberships) name the
same stand-in, never the person.

The outbox is covered too (`scrub_outbox`, `purge_group_text`): finished rows lose
their payloads, queued rows that quote an erased text are cancelled, rows to the
person are cancelled, and the person's id becomes the stand-in in every column and
key of the queue, in the messages' refs and in the processed request keys.
Texts are found structurally: each string of a payload is read back from Slack's
escaping (`&amp;` `&lt;` `&gt;`, JSON) and compared with the erased texts.
"""

from __future__ import annotations

import csv
import io
import json
import re
import secrets
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import Text, cast, delete, func, select, update
from sqlalchemy.orm import Session

from ..domain.session import Status
from ..services.outbox_states import DELIVERABLE, OutboxStatus
from .models import (
    ActionItemRow,
    AnswerRow,
    Base,
    ContractConfirmationRow,
    ContractRow,
    ContributionRow,
    EvaluationRow,
    GroupPrivacyRow,
    GroupRow,
    InboxRow,
    LearningRow,
    MemberRow,
    OutboxRow,
    PostedMessageRow,
    ProcessedRequestRow,
    QuestionRow,
    SessionRow,
    ThreadNoteRow,
    UserLocaleRow,
    UserPrefRow,
)
from .outbox import OutboxRepository
from .people import AUTHORED, FREE_TEXT, PeopleRepository

PURGED = "—"
DELETE, ANONYMISE = "delete", "anonymise"


# The first characters of an erased text that are looked for: long enough to name
# a question or a phrase, short enough to be found in a render that cuts long texts.
PROBE = 30
ENTITIES = (("&lt;", "<"), ("&gt;", ">"), ("&amp;", "&"))
INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff]")
BACKSLASHED = re.compile(r"\\([!-/:-@\[-`{-~])")  # Markdown's escapes: \* \_ \[ …


def anonymous_id() -> str:
    return "X" + secrets.token_hex(8).upper()


@dataclass
class Erased:
    """What an erasure changed: counts per table, the texts it removed (to find them
    in the queue), the sessions whose messages quote them, and the stand-in."""

    stand_in: str
    counts: dict[str, int] = field(default_factory=dict)
    texts: list[str] = field(default_factory=list)
    sessions: list[int] = field(default_factory=list)


class ErasureRepository:
    def __init__(self, db: Session):
        self.db = db

    # --- settings
    def settings(self, group_id: int) -> GroupPrivacyRow | None:
        return self.db.get(GroupPrivacyRow, group_id)

    def set(self, group_id: int, now: datetime, **fields) -> GroupPrivacyRow:
        row = self.settings(group_id)
        if row is None:
            row = GroupPrivacyRow(group_id=group_id, erase_mode=DELETE, updated_at=now)
            self.db.add(row)
        for name, value in fields.items():
            setattr(row, name, value)
        row.updated_at = now
        self.db.flush()
        return row

    def with_retention(self) -> list[GroupPrivacyRow]:
        stmt = select(GroupPrivacyRow).where(GroupPrivacyRow.retention_months.is_not(None))
        return list(self.db.scalars(stmt))

    # --- erasure of one person
    def _in_sessions(self, model, session_ids):
        if model is AnswerRow:
            owned = select(QuestionRow.id).where(QuestionRow.session_id.in_(session_ids))
            return AnswerRow.question_id.in_(owned)
        return model.session_id.in_(session_ids)

    def erase(self, user_id: str, now: datetime) -> Erased:
        """Erase the person from the tables (the outbox is `scrub_outbox`'s, once the
        messages that quoted their text have been re-rendered)."""
        texts = PeopleRepository(self.db).texts_of(user_id)
        kept_groups = list(
            self.db.scalars(
                select(GroupPrivacyRow.group_id).where(GroupPrivacyRow.erase_mode == ANONYMISE)
            )
        )
        kept = list(
            self.db.scalars(select(SessionRow.id).where(SessionRow.group_id.in_(kept_groups)))
        )
        erased = Erased(anonymous_id(), texts=texts)
        stand_in, counts = erased.stand_in, erased.counts
        touched = set(self._authored_sessions(user_id))
        client_sessions = select(SessionRow.id).where(
            SessionRow.client_id == user_id, SessionRow.id.not_in(kept)
        )
        counts["contracts"] = self._count(
            delete(ContractRow).where(ContractRow.session_id.in_(client_sessions))
        )
        self._count(
            update(ContractConfirmationRow)
            .where(ContractConfirmationRow.user_id == user_id)
            .values(user_id=stand_in)
        )
        their_questions = select(QuestionRow.id).where(
            QuestionRow.author_id == user_id, QuestionRow.session_id.not_in(kept)
        )
        self._count(delete(AnswerRow).where(AnswerRow.question_id.in_(their_questions)))
        for model, column in AUTHORED:
            author = getattr(model, column)
            self._count(
                update(model)
                .where(author == user_id, self._in_sessions(model, kept))
                .values({column: stand_in})
            )
            counts[model.__tablename__] = self._count(delete(model).where(author == user_id))
        for model in (QuestionRow, AnswerRow, ContributionRow, LearningRow):
            # what they recorded for others stays the others', without their name
            self._count(
                update(model).where(model.recorded_by == user_id).values(recorded_by=stand_in)
            )
        for row in self.db.scalars(select(EvaluationRow).where(EvaluationRow.user_id == user_id)):
            row.user_id = stand_in
            if row.session_id not in kept:
                for name in FREE_TEXT:
                    setattr(row, name, None)
        self._erase_group_tables(user_id, stand_in, kept_groups, counts)
        touched |= self._replace_in_sessions(user_id, stand_in)
        for member in self.db.scalars(select(MemberRow).where(MemberRow.user_id == user_id)):
            member.user_id, member.left_at = stand_in, member.left_at or now
        self._count(delete(UserPrefRow).where(UserPrefRow.user_id == user_id))
        self._count(delete(UserLocaleRow).where(UserLocaleRow.user_id == user_id))
        # their requests acknowledged and not yet applied (typed text included)
        counts["inbox"] = self._count(delete(InboxRow).where(InboxRow.user_id == user_id))
        self.db.flush()
        # what an anonymising group keeps is not looked for in the queue
        kept_texts = set(PeopleRepository(self.db).texts_of(stand_in))
        erased.texts = [text for text in texts if text not in kept_texts]
        erased.sessions = sorted(touched)
        self.db.flush()
        return erased

    def _authored_sessions(self, user_id: str) -> set[int]:
        """Sessions holding something the person wrote or confirmed."""
        found: set[int] = set()
        for model, column in AUTHORED:
            if model is AnswerRow:
                stmt = (
                    select(QuestionRow.session_id)
                    .join(AnswerRow, AnswerRow.question_id == QuestionRow.id)
                    .where(AnswerRow.author_id == user_id)
                )
            else:
                stmt = select(model.session_id).where(getattr(model, column) == user_id)
            found |= set(self.db.scalars(stmt.distinct()))
        found |= set(
            self.db.scalars(
                select(EvaluationRow.session_id).where(EvaluationRow.user_id == user_id)
            )
        )
        found |= set(
            self.db.scalars(
                select(ContractRow.session_id)
                .join(
                    ContractConfirmationRow, ContractConfirmationRow.contract_id == ContractRow.id
                )
                .where(ContractConfirmationRow.user_id == user_id)
            )
        )
        return found

    def _erase_group_tables(self, user_id, stand_in, kept_groups, counts) -> None:
        self._drop_rows("case_votes", "user_id", user_id, counts)  # before their topics
        topics = Base.metadata.tables.get("topics")
        if topics is not None:
            mine = topics.c.user_id == user_id
            self._count(
                update(topics)
                .where(mine, topics.c.group_id.in_(kept_groups))
                .values(user_id=stand_in)
            )
            counts["topics"] = self._count(delete(topics).where(mine))
        self._drop_rows("absences", "user_id", user_id, counts)
        # attendance and régulation figures stay counted under the stand-in; the name goes
        self._hand_over("attendance", "user_id", user_id, stand_in)
        self._hand_over("regulation_votes", "user_id", user_id, stand_in)
        self._drop_rows("facilitator_journal", "author_id", user_id, counts)
        # their own words and levels, and the name they gave
        for name in ("objectives", "outcome_answers", "person_names"):
            self._drop_rows(name, "user_id", user_id, counts)
        self._hand_over("session_plans", "suggested_client_id", user_id, None)
        # a planned facilitator nobody can reach: start asks again
        self._hand_over("session_plans", "facilitator_id", user_id, None)

    def _drop_rows(self, name: str, column: str, user_id: str, counts: dict) -> None:
        """Delete the person's rows of a table that may not be installed, counted
        under the table's name."""
        table = Base.metadata.tables.get(name)
        if table is not None:
            counts[name] = self._count(delete(table).where(table.c[column] == user_id))

    def _hand_over(self, name: str, column: str, user_id: str, value: str | None) -> None:
        """Put `value` (the stand-in, or nothing) where the person stands in one
        column of a table that may not be installed."""
        table = Base.metadata.tables.get(name)
        if table is not None:
            self._count(update(table).where(table.c[column] == user_id).values({column: value}))

    def _replace_in_sessions(self, user_id: str, stand_in: str) -> set[int]:
        touched = set()
        for session in self.db.scalars(select(SessionRow)):
            if session.scribe_id == user_id:
                touched.add(session.id)
                session.scribe_id = stand_in
            if user_id in (*(session.consultants or []), session.client_id, session.facilitator_id):
                touched.add(session.id)
                session.consultants = [
                    stand_in if u == user_id else u for u in session.consultants or []
                ]
                if session.client_id == user_id:
                    # a planned session has no client yet rather than a stand-in
                    session.client_id = "" if session.status == Status.PLANNED else stand_in
                if session.facilitator_id == user_id:
                    # a planned session goes back to its group's facilitator
                    group = self.db.get(GroupRow, session.group_id)
                    planned = session.status == "planned" and group.facilitator_id != user_id
                    session.facilitator_id = group.facilitator_id if planned else stand_in
        return touched

    # --- the queue
    def scrub_outbox(self, user_id: str, stand_in: str, texts: list[str]) -> int:
        """Rows still to send to the person are cancelled; queued rows quoting one of
        `texts` are cancelled; finished rows lose their payloads; the person's id
        becomes `stand_in` in the queue, the messages' refs and the request keys."""
        touched = self._count(
            update(OutboxRow)
            .where(OutboxRow.user_id == user_id, OutboxRow.status.in_(DELIVERABLE))
            .values(status=OutboxStatus.CANCELLED)
        )
        touched += self.scrub_texts(texts)
        for column in (
            OutboxRow.user_id,
            OutboxRow.channel,
            OutboxRow.dedupe_key,
            OutboxRow.ref,
            OutboxRow.thread_ref,
            OutboxRow.target_ref,
        ):
            self._count(
                update(OutboxRow)
                .where(column.contains(user_id, autoescape=True))
                .values({column.key: func.replace(column, user_id, stand_in)})
                .execution_options(synchronize_session=False)
            )
        for column in (PostedMessageRow.ref, ProcessedRequestRow.key):
            self._count(
                update(column.class_)
                .where(column.contains(user_id, autoescape=True))
                .values({column.key: func.replace(column, user_id, stand_in)})
                .execution_options(synchronize_session=False)
            )
        mentioned = select(OutboxRow).where(
            OutboxRow.status.in_(DELIVERABLE),
            cast(OutboxRow.payload, Text).contains(user_id, autoescape=True),
        )
        for row in self.db.scalars(mentioned.execution_options(populate_existing=True)):
            row.payload = _replaced(row.payload, user_id, stand_in)
        self.db.flush()
        return touched

    def scrub_texts(self, texts: list[str]) -> int:
        """Finished rows lose their payloads; a queued row with a string quoting one of
        `texts` is cancelled, its payload dropped (a message being sent is not posted:
        at most once for it)."""
        OutboxRepository(self.db).spend_finished()
        probes = {p for p in (_normal(t)[:PROBE] for t in texts) if len(p) >= 3}
        if not probes:
            return 0
        touched = 0
        queued = select(OutboxRow).where(OutboxRow.status.in_(DELIVERABLE))
        queued = queued.execution_options(yield_per=500, populate_existing=True)
        for row in self.db.scalars(queued):
            if any(probe in text for text in _strings(row.payload) for probe in probes):
                was_sending = row.status == OutboxStatus.SENDING
                row.payload, row.status = {}, OutboxStatus.CANCELLED
                row.last_error = "text erased" + (" while it was being sent" if was_sending else "")
                touched += 1
        self.db.flush()
        return touched

    # --- retention
    def purge_group_text(self, group_id: int) -> int:
        """Delete the free text of a group's sessions, and any copy the queue still
        holds; figures (ratings, statuses, attendance) stay."""
        ids = list(self.db.scalars(select(SessionRow.id).where(SessionRow.group_id == group_id)))
        texts = self._group_texts(group_id, ids)
        purged = 0
        if ids:
            purged += self._count(delete(AnswerRow).where(self._in_sessions(AnswerRow, ids)))
            for model in (ThreadNoteRow, QuestionRow, ContributionRow, LearningRow, ContractRow):
                purged += self._count(delete(model).where(model.session_id.in_(ids)))
            purged += self._count(
                update(ActionItemRow)
                .where(ActionItemRow.session_id.in_(ids), ActionItemRow.text != PURGED)
                .values(text=PURGED, note=None)
            )
            purged += self._count(
                update(EvaluationRow)
                .where(EvaluationRow.session_id.in_(ids))
                .where(
                    EvaluationRow.appreciation.is_not(None)
                    | EvaluationRow.expectations.is_not(None)
                    | EvaluationRow.learnings.is_not(None)
                    | EvaluationRow.applications.is_not(None)
                )
                .values({name: None for name in FREE_TEXT})
            )
        topics = Base.metadata.tables.get("topics")
        if topics is not None:
            purged += self._count(delete(topics).where(topics.c.group_id == group_id))
        objectives = Base.metadata.tables.get("objectives")
        if objectives is not None:
            purged += self._count(
                update(objectives)
                .where(objectives.c.group_id == group_id, objectives.c.text != PURGED)
                .values(text=PURGED)
            )
        answers = Base.metadata.tables.get("outcome_answers")
        if answers is not None:
            purged += self._count(
                update(answers)
                .where(answers.c.group_id == group_id, answers.c.change.is_not(None))
                .values(change=None, example=None)
            )
        journal = Base.metadata.tables.get("facilitator_journal")
        if journal is not None and ids:
            purged += self._count(delete(journal).where(journal.c.session_id.in_(ids)))
        if purged:
            self.scrub_texts(texts)
        self.db.flush()
        return purged

    def _group_texts(self, group_id: int, ids: list[int]) -> list[str]:
        texts: list[str] = []
        if ids:
            for model in (ThreadNoteRow, QuestionRow, ContributionRow, LearningRow):
                texts += self.db.scalars(select(model.text).where(model.session_id.in_(ids)))
            texts += self.db.scalars(
                select(AnswerRow.text).where(self._in_sessions(AnswerRow, ids))
            )
            texts += self.db.scalars(
                select(ContractRow.request).where(ContractRow.session_id.in_(ids))
            )
            for item in self.db.scalars(
                select(ActionItemRow).where(ActionItemRow.session_id.in_(ids))
            ):
                texts += [item.text, item.note or ""]
            for row in self.db.scalars(
                select(EvaluationRow).where(EvaluationRow.session_id.in_(ids))
            ):
                texts += [getattr(row, name) or "" for name in FREE_TEXT]
        topics = Base.metadata.tables.get("topics")
        if topics is not None:
            texts += self.db.scalars(select(topics.c.text).where(topics.c.group_id == group_id))
        return [t for t in texts if t and t != PURGED]

    def _count(self, stmt) -> int:
        return self.db.execute(stmt).rowcount or 0


def _normal(text: str) -> str:
    """Text as compared: Slack's and Markdown's escaping undone, invisible characters
    and runs of spaces removed (renders join lines and cut long texts)."""
    for entity, char in ENTITIES:
        text = text.replace(entity, char)
    text = BACKSLASHED.sub(r"\1", INVISIBLE.sub("", text))
    return " ".join(text.split())


def _strings(value):
    """Every string in a payload (text, blocks, button values, the files' cells and
    values…), each read back from its format, normalised."""
    if isinstance(value, str):
        yield _normal(value)
    elif isinstance(value, dict):
        if isinstance(value.get("content"), str) and "filename" in value:
            yield from _file_strings(value)
        for key, item in value.items():
            if key != "content":
                yield from _strings(item)
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from _strings(item)


def _file_strings(file: dict):
    """A queued file's text: a JSON file's values, a CSV file's cells, else its text
    (a base64 image holds no typed text)."""
    content, name = file["content"], str(file.get("filename", "")).lower()
    if file.get("encoding") == "base64":
        return
    if name.endswith(".json"):
        try:
            yield from _strings(json.loads(content))
            return
        except ValueError:
            pass
    if name.endswith(".csv"):
        for row in csv.reader(io.StringIO(content.lstrip("\ufeff"))):
            yield from (_normal(cell) for cell in row)
        return
    yield _normal(content)


def _replaced(value, old: str, new: str):
    """A payload with every occurrence of `old` in its strings replaced by `new`."""
    if isinstance(value, str):
        return value.replace(old, new)
    if isinstance(value, dict):
        return {key: _replaced(item, old, new) for key, item in value.items()}
    if isinstance(value, list):
        return [_replaced(item, old, new) for item in value]
    return value
