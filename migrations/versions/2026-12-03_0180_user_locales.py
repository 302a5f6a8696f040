"""user locales: each person's Slack locale and the language it gives, looked up off the ack path

Revision ID: 0180
Revises: 0150
Create Date: 2026-12-03 14:00:00+00:00

Nothing to copy: people already in groups have no row yet, and the background job
looks up everyone in a group without one (their `user_prefs` language, when they
chose one, still wins).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from bot.persistence.models.base import UTCDateTime

revision = "0180"
down_revision = "0150"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "user_locales",
        sa.Column("user_id", sa.String(length=32), nullable=False),
        sa.Column("team_id", sa.String(length=32), nullable=True),
        sa.Column("locale", sa.String(length=16), nullable=True),
        sa.Column("lang", sa.String(length=5), nullable=True),
        sa.Column("due_at", UTCDateTime(), nullable=True),
        sa.Column("checked_at", UTCDateTime(), nullable=True),
        sa.PrimaryKeyConstraint("user_id", name=op.f("pk_user_locales")),
    )
    with op.batch_alter_table("user_locales", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_user_locales_due_at"), ["due_at"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("user_locales", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_user_locales_due_at"))
    op.drop_table("user_locales")
