"""group privacy: retention of free text and erasure mode per group

Revision ID: 0004
Revises: 0001
Create Date: 2026-11-30 07:35:00+00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import bot.persistence.models.base

revision = "0004"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "group_privacy",
        sa.Column("group_id", sa.Integer(), nullable=False),
        sa.Column("retention_months", sa.Integer(), nullable=True),
        sa.Column("erase_mode", sa.String(length=12), nullable=False),
        sa.Column("updated_at", bot.persistence.models.base.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["group_id"],
            ["groups.id"],
            name=op.f("fk_group_privacy_group_id_groups"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("group_id", name=op.f("pk_group_privacy")),
    )


def downgrade() -> None:
    op.drop_table("group_privacy")
