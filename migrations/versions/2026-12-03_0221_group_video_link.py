"""group video link: where the group meets on video, shown with every session

Revision ID: 0221
Revises: 0220
Create Date: 2026-12-03 14:30:00+00:00

Existing groups have none until their facilitator gives one in `/codev settings`.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0221"
down_revision = "0220"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("groups") as batch:
        batch.add_column(sa.Column("video_url", sa.String(length=500), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("groups") as batch:
        batch.drop_column("video_url")
