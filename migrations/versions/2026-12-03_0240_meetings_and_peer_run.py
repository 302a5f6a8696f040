"""meetings and peer-run groups: a planned meeting holds 1 to 3 cases; the facilitator
role may rotate among the peers

Revision ID: 0240
Revises: 0202
Create Date: 2026-12-03 16:40:00+00:00

Existing meetings hold one case; existing groups keep their one facilitator.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import bot.persistence.models.base

revision = "0240"
down_revision = "0202"
branch_labels = None
depends_on = None

UTC_TIME = bot.persistence.models.base.UTCDateTime


def upgrade() -> None:
    with op.batch_alter_table("session_plans") as batch:
        batch.add_column(sa.Column("cases", sa.Integer(), server_default="1", nullable=False))
    with op.batch_alter_table("sessions") as batch:
        batch.add_column(sa.Column("meeting_id", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("case_number", sa.Integer(), server_default="1", nullable=False))
        batch.add_column(sa.Column("case_count", sa.Integer(), server_default="1", nullable=False))
        batch.create_foreign_key(
            "fk_sessions_meeting_id_sessions",
            "sessions",
            ["meeting_id"],
            ["id"],
            ondelete="CASCADE",
        )
        batch.create_index("ix_sessions_meeting_id", ["meeting_id"])
    with op.batch_alter_table("groups") as batch:
        batch.add_column(
            sa.Column("peer_run", sa.Boolean(), server_default=sa.false(), nullable=False)
        )
    with op.batch_alter_table("members") as batch:
        batch.add_column(
            sa.Column("facilitator_turns", sa.Integer(), server_default="0", nullable=False)
        )
        batch.add_column(sa.Column("last_facilitated_at", UTC_TIME(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("members") as batch:
        batch.drop_column("last_facilitated_at")
        batch.drop_column("facilitator_turns")
    with op.batch_alter_table("groups") as batch:
        batch.drop_column("peer_run")
    with op.batch_alter_table("sessions") as batch:
        batch.drop_index("ix_sessions_meeting_id")
        batch.drop_constraint("fk_sessions_meeting_id_sessions", type_="foreignkey")
        batch.drop_column("case_count")
        batch.drop_column("case_number")
        batch.drop_column("meeting_id")
    with op.batch_alter_table("session_plans") as batch:
        batch.drop_column("cases")
