"""group paused: a group whose channel was archived or deleted starts no session

Revision ID: 0130
Revises: 0190
Create Date: 2026-12-03 13:30:00+00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0130"
down_revision = "0190"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("groups") as batch:
        batch.add_column(sa.Column("paused_reason", sa.String(length=16), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("groups") as batch:
        batch.drop_column("paused_reason")
