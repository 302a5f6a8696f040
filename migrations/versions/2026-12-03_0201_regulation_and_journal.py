"""regulation and journal: phase 6's votes on how the group worked, the facilitator's journal

Revision ID: 0201
Revises: 0200
Create Date: 2026-12-03 15:10:00+00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import bot.persistence.models.base

revision = "0201"
down_revision = "0200"
branch_labels = None
depends_on = None

UTC_TIME = bot.persistence.models.base.UTCDateTime


def upgrade() -> None:
    op.create_table(
        "regulation_votes",
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.String(length=32), nullable=False),
        sa.Column("time", sa.Integer(), nullable=False),
        sa.Column("listening", sa.Integer(), nullable=False),
        sa.Column("method", sa.Integer(), nullable=False),
        sa.Column("created_at", UTC_TIME(), nullable=False),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["sessions.id"],
            name=op.f("fk_regulation_votes_session_id_sessions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("session_id", "user_id", name=op.f("pk_regulation_votes")),
    )
    op.create_table(
        "facilitator_journal",
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("author_id", sa.String(length=32), nullable=False),
        sa.Column("incidents", sa.Text(), nullable=True),
        sa.Column("adaptations", sa.Text(), nullable=True),
        sa.Column("updated_at", UTC_TIME(), nullable=False),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["sessions.id"],
            name=op.f("fk_facilitator_journal_session_id_sessions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("session_id", name=op.f("pk_facilitator_journal")),
    )


def downgrade() -> None:
    op.drop_table("facilitator_journal")
    op.drop_table("regulation_votes")
