"""evaluation and learning consent: named evaluations per group, learnings shared per member

Revision ID: 0110
Revises: 0100
Create Date: 2026-12-03 13:30:00+00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0110"
down_revision = "0100"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("groups") as batch:
        batch.add_column(
            sa.Column("named_evaluations", sa.Boolean(), server_default=sa.false(), nullable=False)
        )
    with op.batch_alter_table("members") as batch:
        batch.add_column(
            sa.Column("share_learnings", sa.Boolean(), server_default=sa.false(), nullable=False)
        )


def downgrade() -> None:
    with op.batch_alter_table("members") as batch:
        batch.drop_column("share_learnings")
    with op.batch_alter_table("groups") as batch:
        batch.drop_column("named_evaluations")
