"""planned facilitator: in a peer-run group a planned meeting may name who
facilitates its first case

Revision ID: 0250
Revises: 0230
Create Date: 2026-12-03 17:40:00+00:00

Existing plans name nobody: their sessions ask at start, as before.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0250"
down_revision = "0230"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("session_plans") as batch:
        batch.add_column(sa.Column("facilitator_id", sa.String(length=32), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("session_plans") as batch:
        batch.drop_column("facilitator_id")
