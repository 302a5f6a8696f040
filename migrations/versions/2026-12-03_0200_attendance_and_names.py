"""attendance: recorded presences per session, people's real names, check-in window

Revision ID: 0200
Revises: 0222
Create Date: 2026-12-03 15:00:00+00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import bot.persistence.models.base

revision = "0200"
down_revision = "0222"
branch_labels = None
depends_on = None

UTC_TIME = bot.persistence.models.base.UTCDateTime


def upgrade() -> None:
    op.create_table(
        "attendance",
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.String(length=32), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("source", sa.String(length=16), nullable=False),
        sa.Column("arrived_at", UTC_TIME(), nullable=True),
        sa.Column("left_at", UTC_TIME(), nullable=True),
        sa.Column("updated_at", UTC_TIME(), nullable=False),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["sessions.id"],
            name=op.f("fk_attendance_session_id_sessions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("session_id", "user_id", name=op.f("pk_attendance")),
    )
    op.create_table(
        "person_names",
        sa.Column("team_id", sa.String(length=32), nullable=False),
        sa.Column("user_id", sa.String(length=32), nullable=False),
        sa.Column("real_name", sa.String(length=200), nullable=False),
        sa.Column("updated_at", UTC_TIME(), nullable=False),
        sa.PrimaryKeyConstraint("team_id", "user_id", name=op.f("pk_person_names")),
    )
    with op.batch_alter_table("group_cycles") as batch:
        batch.add_column(
            sa.Column("checkin_minutes", sa.Integer(), server_default="15", nullable=False)
        )


def downgrade() -> None:
    with op.batch_alter_table("group_cycles") as batch:
        batch.drop_column("checkin_minutes")
    op.drop_table("person_names")
    op.drop_table("attendance")
