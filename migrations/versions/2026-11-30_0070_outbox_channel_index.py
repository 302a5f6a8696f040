"""outbox index for the claim's per-channel order check

Revision ID: 0070
Revises: 0001
Create Date: 2026-11-30 08:40:00+00:00

Without it, each due row's "is an earlier row of this channel still pending?" check
scanned every pending row: delivering a burst of reminders with 10,000 planned ones
took minutes.
"""

from __future__ import annotations

from alembic import op

revision = "0070"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.create_index(
            "ix_outbox_channel_status_id", ["channel", "status", "id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.drop_index("ix_outbox_channel_status_id")
