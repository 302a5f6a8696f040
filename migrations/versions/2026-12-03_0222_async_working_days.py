"""async working days: deadlines may skip weekends and a country's public holidays; auto-advance

Revision ID: 0222
Revises: 0221
Create Date: 2026-12-03 14:40:00+00:00

Existing groups keep their deadlines as they were: nothing skipped, no auto-advance.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0222"
down_revision = "0221"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("groups") as batch:
        batch.add_column(
            sa.Column("skip_weekends", sa.Boolean(), server_default=sa.false(), nullable=False)
        )
        batch.add_column(sa.Column("holiday_country", sa.String(length=8), nullable=True))
        batch.add_column(
            sa.Column("auto_advance", sa.Boolean(), server_default=sa.false(), nullable=False)
        )


def downgrade() -> None:
    with op.batch_alter_table("groups") as batch:
        batch.drop_column("auto_advance")
        batch.drop_column("holiday_country")
        batch.drop_column("skip_weekends")
