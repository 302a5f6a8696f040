"""Queries over what people bring to a session (phase content)."""

from __future__ import annotations

from sqlalchemy import delete, func, literal, select, union_all
from sqlalchemy.orm import Session

from ..domain import Phase
from ..domain.session import Status
from ..services.records import ContractRecord
from .models import (
    ActionItemRow,
    AnswerRow,
    ContractConfirmationRow,
    ContractRow,
    ContributionRow,
    EvaluationRow,
    LearningRow,
    QuestionRow,
    SessionRow,
    ThreadNoteRow,
)

# Content that comes from a thread reply, findable by the reply's ts.
REPLY_TABLES = (ThreadNoteRow, QuestionRow, AnswerRow, ContributionRow, LearningRow)


class ContentRepository:
    def __init__(self, db: Session):
        self.db = db

    def add(self, row):
        self.db.add(row)
        self.db.flush()
        return row

    def _all(self, model, session_id: int, *order):
        stmt = select(model).where(model.session_id == session_id).order_by(*order or (model.id,))
        return list(self.db.scalars(stmt))

    def _next_number(self, model, session_id: int) -> int:
        return int(self.db.scalar(self._next_number_query(model, session_id)))

    @staticmethod
    def _next_number_query(model, session_id: int):
        return select(func.coalesce(func.max(model.number), 0) + 1).where(
            model.session_id == session_id
        )

    # --- notes (exposé, follow-up, clarifying replies, synthesis, facilitation)
    def notes(self, session_id: int, kind: str | None = None) -> list[ThreadNoteRow]:
        rows = self._all(ThreadNoteRow, session_id)
        return [r for r in rows if kind is None or r.kind == kind]

    def add_note(self, session_id, phase, kind, author_id, text, ts, now) -> ThreadNoteRow:
        return self.add(
            ThreadNoteRow(
                session_id=session_id,
                phase=phase,
                kind=kind,
                author_id=author_id,
                text=text,
                message_ts=ts,
                created_at=now,
            )
        )

    def slip_texts(self, session_id: int, client_id: str) -> list[tuple[str, str]]:
        """(whose, text) of what the method coach counts slips in, in one statement of
        text columns: the questions ("question"), the client's clarifying replies during
        exploration ("client") and the others' contributions ("consultant")."""
        parts = union_all(
            select(literal("question"), QuestionRow.text).where(
                QuestionRow.session_id == session_id
            ),
            select(literal("client"), ThreadNoteRow.text).where(
                ThreadNoteRow.session_id == session_id,
                ThreadNoteRow.kind == "clarifying",
                ThreadNoteRow.phase == Phase.EXPLORATION,
            ),
            select(literal("consultant"), ContributionRow.text).where(
                ContributionRow.session_id == session_id, ContributionRow.author_id != client_id
            ),
        )
        return [(whose, text) for whose, text in self.db.execute(parts)]

    # --- questions and answers
    def questions(self, session_id: int) -> list[QuestionRow]:
        return self._all(QuestionRow, session_id, QuestionRow.number)

    def add_question(
        self, session_id: int, author_id: str, text: str, ts, now, recorded_by=None
    ) -> QuestionRow:
        """One `INSERT` numbering the question itself (the next number of its session, a
        subquery), on a reply's ack path where the session row is locked. The number is
        read back only if the caller asks for it."""
        return self.add(
            QuestionRow(
                session_id=session_id,
                number=self._next_number_query(QuestionRow, session_id).scalar_subquery(),
                author_id=author_id,
                text=text,
                message_ts=ts,
                recorded_by=recorded_by,
                created_at=now,
            )
        )

    def question(self, session_id: int, number: int) -> QuestionRow | None:
        stmt = select(QuestionRow).where(
            QuestionRow.session_id == session_id, QuestionRow.number == number
        )
        return self.db.scalars(stmt).first()

    def answers(self, session_id: int) -> list[AnswerRow]:
        stmt = (
            select(AnswerRow)
            .join(QuestionRow, AnswerRow.question_id == QuestionRow.id)
            .where(QuestionRow.session_id == session_id)
            .order_by(AnswerRow.id)
        )
        return list(self.db.scalars(stmt))

    def add_answer(self, question_id, author_id, text, ts, now, recorded_by=None) -> AnswerRow:
        return self.add(
            AnswerRow(
                question_id=question_id,
                author_id=author_id,
                text=text,
                message_ts=ts,
                recorded_by=recorded_by,
                created_at=now,
            )
        )

    # --- contract
    def set_contract(self, session_id, request, help_kinds, now) -> ContractRow:
        """Write or rewrite the request; a rewrite asks consultants to confirm again."""
        row = self.contract(session_id)
        if row is None:
            return self.add(
                ContractRow(
                    session_id=session_id,
                    request=request,
                    help_kinds=list(help_kinds or []),
                    revision=1,
                    updated_at=now,
                )
            )
        row.request, row.revision, row.updated_at = request, row.revision + 1, now
        if help_kinds is not None:
            row.help_kinds = list(help_kinds)
        self.db.flush()
        return row

    def contract(self, session_id: int) -> ContractRow | None:
        stmt = select(ContractRow).where(ContractRow.session_id == session_id)
        return self.db.scalars(stmt).first()

    def confirmations(self, contract_id: int) -> list[ContractConfirmationRow]:
        stmt = select(ContractConfirmationRow).where(
            ContractConfirmationRow.contract_id == contract_id
        )
        return list(self.db.scalars(stmt.order_by(ContractConfirmationRow.id)))

    def set_confirmation(self, contract: ContractRecord, user_id: str, status: str, now) -> None:
        for row in self.confirmations(contract.id):
            if row.user_id == user_id:
                row.status, row.revision, row.created_at = status, contract.revision, now
                return
        self.add(
            ContractConfirmationRow(
                contract_id=contract.id,
                user_id=user_id,
                status=status,
                revision=contract.revision,
                created_at=now,
            )
        )

    # --- contributions
    def contributions(self, session_id: int) -> list[ContributionRow]:
        return self._all(ContributionRow, session_id, ContributionRow.number)

    def add_contribution(
        self, session_id, author_id, kind, text, ts, now, recorded_by=None
    ) -> ContributionRow:
        number = self._next_number(ContributionRow, session_id)
        return self.add(
            ContributionRow(
                session_id=session_id,
                number=number,
                author_id=author_id,
                kind=kind,
                text=text,
                message_ts=ts,
                recorded_by=recorded_by,
                created_at=now,
            )
        )

    def contribution(self, session_id: int, contribution_id: int) -> ContributionRow | None:
        row = self.db.get(ContributionRow, contribution_id)
        return row if row is not None and row.session_id == session_id else None

    # --- action items, learnings, evaluations
    def action_items(self, session_id: int) -> list[ActionItemRow]:
        return self._all(ActionItemRow, session_id)

    def earlier_action_items(self, group_id: int, before=None):
        """Every action item of the group's sessions finished before `before` (all of
        them when None), with its session: the session finished first comes first."""
        stmt = (
            select(ActionItemRow, SessionRow)
            .join(SessionRow, SessionRow.id == ActionItemRow.session_id)
            .where(SessionRow.group_id == group_id, SessionRow.status == Status.DONE)
            .order_by(SessionRow.ended_at, SessionRow.id, ActionItemRow.id)
        )
        if before is not None:
            stmt = stmt.where(SessionRow.ended_at <= before)
        return [(item, session) for item, session in self.db.execute(stmt)]

    def replace_action_items(self, session_id: int, owner_id: str, items, now) -> None:
        """The action plan modal gives the whole plan: it replaces the previous one.
        Each item is (text, due_on) or (text, due_on, note)."""
        self.db.execute(delete(ActionItemRow).where(ActionItemRow.session_id == session_id))
        for text, due_on, *note in items:
            self.db.add(
                ActionItemRow(
                    session_id=session_id,
                    owner_id=owner_id,
                    text=text,
                    due_on=due_on,
                    note=note[0] if note else None,
                    status="open",
                    created_at=now,
                    updated_at=now,
                )
            )
        self.db.flush()

    def add_learning(
        self, session_id, phase, author_id, text, ts, now, recorded_by=None
    ) -> LearningRow:
        return self.add(
            LearningRow(
                session_id=session_id,
                phase=phase,
                author_id=author_id,
                text=text,
                message_ts=ts,
                recorded_by=recorded_by,
                created_at=now,
            )
        )

    def learnings(self, session_id: int) -> list[LearningRow]:
        return self._all(LearningRow, session_id)

    def evaluations(self, session_id: int) -> list[EvaluationRow]:
        return self._all(EvaluationRow, session_id)

    def evaluation(self, session_id: int, user_id: str) -> EvaluationRow | None:
        stmt = select(EvaluationRow).where(
            EvaluationRow.session_id == session_id, EvaluationRow.user_id == user_id
        )
        return self.db.scalars(stmt).first()

    def save_evaluation(self, session_id, user_id, rating, answers: dict, now) -> EvaluationRow:
        """One evaluation per person: a second one replaces the first."""
        row = self.evaluation(session_id, user_id)
        if row is None:
            row = self.add(
                EvaluationRow(session_id=session_id, user_id=user_id, rating=rating, created_at=now)
            )
        row.rating, row.created_at = rating, now
        for name, value in answers.items():
            setattr(row, name, value)
        self.db.flush()
        return row

    # --- edits and deletions of thread replies
    def by_message_ts(self, session_id: int, ts: str):
        """The stored item that a thread reply became, if any."""
        for model in REPLY_TABLES:
            stmt = select(model).where(model.message_ts == ts)
            for row in self.db.scalars(stmt):
                owner = row.session_id if hasattr(row, "session_id") else None
                if owner is None and isinstance(row, AnswerRow):
                    owner = self.db.get(QuestionRow, row.question_id).session_id
                if owner == session_id:
                    return row
        return None

    def remove(self, row) -> None:
        self.db.delete(row)
        self.db.flush()
