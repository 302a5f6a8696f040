"""scribe: who records what is said aloud, and holding the client's harvest board

Revision ID: 0230
Revises: 0240
Create Date: 2026-12-03 17:00:00+00:00

A session may name a scribe (`sessions.scribe_id`; none: the facilitator records).
Questions, answers, contributions and learnings recorded for someone else keep who
recorded them (`recorded_by`). A group may hold the client's harvest board until
synthesis in live sessions (`groups.hold_harvest`, off for existing groups).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0230"
down_revision = "0240"
branch_labels = None
depends_on = None

RECORDED = ("questions", "answers", "contributions", "learnings")


def upgrade() -> None:
    with op.batch_alter_table("sessions") as batch:
        batch.add_column(sa.Column("scribe_id", sa.String(length=32), nullable=True))
    with op.batch_alter_table("groups") as batch:
        batch.add_column(
            sa.Column("hold_harvest", sa.Boolean(), nullable=False, server_default=sa.false())
        )
    for table in RECORDED:
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column("recorded_by", sa.String(length=32), nullable=True))


def downgrade() -> None:
    for table in RECORDED:
        with op.batch_alter_table(table) as batch:
            batch.drop_column("recorded_by")
    with op.batch_alter_table("groups") as batch:
        batch.drop_column("hold_harvest")
    with op.batch_alter_table("sessions") as batch:
        batch.drop_column("scribe_id")
