"""inbox: requests stored at the ack and applied just after it

Revision ID: 0260
Revises: 0250
Create Date: 2026-12-04 15:50:00+00:00

A thread reply or a next-phase click is committed here before Slack hears the ack,
then applied by the process that received it; a row whose process is gone (or whose
lease ran out) is applied by the next sweep. The table is empty whenever nothing is in flight.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import bot.persistence.models.base

revision = "0260"
down_revision = "0250"
branch_labels = None
depends_on = None

UTC_TIME = bot.persistence.models.base.UTCDateTime


def upgrade() -> None:
    op.create_table(
        "inbox",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("team_id", sa.String(length=32), nullable=True),
        sa.Column("channel_id", sa.String(length=32), nullable=True),
        sa.Column("user_id", sa.String(length=32), nullable=True),
        sa.Column("args", sa.JSON(), nullable=False),
        sa.Column("attempts", sa.Integer(), server_default="0", nullable=False),
        sa.Column("received_at", UTC_TIME(), nullable=False),
        sa.Column("claimed_by", sa.String(length=120), nullable=False),
        sa.Column("claimed_at", UTC_TIME(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_inbox")),
    )
    with op.batch_alter_table("inbox") as batch:
        batch.create_index(batch.f("ix_inbox_claimed_at"), ["claimed_at"], unique=False)
        batch.create_index(batch.f("ix_inbox_user_id"), ["user_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("inbox") as batch:
        batch.drop_index(batch.f("ix_inbox_user_id"))
        batch.drop_index(batch.f("ix_inbox_claimed_at"))
    op.drop_table("inbox")
