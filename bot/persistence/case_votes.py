"""The préambule's quick vote: one open ballot per group, one vote per person."""

from __future__ import annotations

from datetime import datetime
from typing import cast

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from ..services.records import BallotRecord
from .models import CaseBallotRow, CaseVoteRow, TopicRow


class CaseVoteRepository:
    def __init__(self, db: Session):
        self.db = db

    def ballot(self, group_id: int) -> CaseBallotRow | None:
        stmt = select(CaseBallotRow).where(CaseBallotRow.group_id == group_id)
        return self.db.scalars(stmt).first()

    def open_ballot(self, group_id: int, lang: str, now: datetime) -> CaseBallotRow:
        ballot = CaseBallotRow(group_id=group_id, lang=lang, opened_at=now)
        self.db.add(ballot)
        self.db.flush()
        return ballot

    def counts(self, ballot_id: int) -> dict[int, int]:
        """Votes by topic id."""
        found: dict[int, int] = {}
        stmt = select(CaseVoteRow.topic_id).where(CaseVoteRow.ballot_id == ballot_id)
        for topic_id in self.db.scalars(stmt):
            found[topic_id] = found.get(topic_id, 0) + 1
        return found

    def vote(self, ballot_id: int, topic_id: int, user_id: str, now: datetime) -> None:
        """A person's vote; voting again moves it."""
        stmt = select(CaseVoteRow).where(
            CaseVoteRow.ballot_id == ballot_id, CaseVoteRow.user_id == user_id
        )
        mine = self.db.scalars(stmt).first()
        if mine is None:
            self.db.add(
                CaseVoteRow(ballot_id=ballot_id, topic_id=topic_id, user_id=user_id, created_at=now)
            )
        else:
            mine.topic_id, mine.created_at = topic_id, now
        self.db.flush()

    def close(self, ballot: BallotRecord) -> None:
        self.db.execute(delete(CaseVoteRow).where(CaseVoteRow.ballot_id == ballot.id))
        self.db.delete(cast(CaseBallotRow, ballot))  # a record this repository handed out
        self.db.flush()

    def topic(self, topic_id: int) -> TopicRow | None:
        return self.db.get(TopicRow, topic_id)
