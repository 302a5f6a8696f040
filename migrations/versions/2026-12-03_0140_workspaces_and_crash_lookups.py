"""groups and outbox rows know their Enterprise Grid organisation; crash look-ups resume

Revision ID: 0140
Revises: 0170
Create Date: 2026-12-03 13:40:00+00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0140"
down_revision = "0170"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("groups", schema=None) as batch_op:
        batch_op.add_column(sa.Column("enterprise_id", sa.String(length=32), nullable=True))
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.add_column(sa.Column("enterprise_id", sa.String(length=32), nullable=True))
        batch_op.add_column(sa.Column("lookup_cursor", sa.String(length=255), nullable=True))
        batch_op.add_column(
            sa.Column("lookup_calls", sa.Integer(), server_default="0", nullable=False)
        )


def downgrade() -> None:
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.drop_column("lookup_calls")
        batch_op.drop_column("lookup_cursor")
        batch_op.drop_column("enterprise_id")
    with op.batch_alter_table("groups", schema=None) as batch_op:
        batch_op.drop_column("enterprise_id")
