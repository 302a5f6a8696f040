"""group coaching: method hints in the thread and their counts, on unless turned off

Revision ID: 0190
Revises: 0180
Create Date: 2026-12-03 15:00:00+00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0190"
down_revision = "0180"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("groups") as batch:
        batch.add_column(
            sa.Column("coaching", sa.Boolean(), nullable=False, server_default=sa.true())
        )


def downgrade() -> None:
    with op.batch_alter_table("groups") as batch:
        batch.drop_column("coaching")
