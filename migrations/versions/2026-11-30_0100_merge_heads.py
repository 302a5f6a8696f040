"""one history again: the outbox workspace column (0005) and the home lookup index (0090)

Revision ID: 0100
Revises: 0005, 0090
Create Date: 2026-11-30 09:10:00+00:00
"""

from __future__ import annotations

revision = "0100"
down_revision = ("0005", "0090")
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
