"""at most one running session per group, enforced by a partial unique index

Revision ID: 0150
Revises: 0140
Create Date: 2026-12-03 13:30:00+00:00

Six simultaneous `/codev start` on PostgreSQL created three running sessions: the
check for a running session locks no row when there is none yet. A partial unique
index on `sessions(group_id) WHERE status = 'running'` makes the database refuse the
second one (SQLite and PostgreSQL both have partial indexes).

A database that already holds several running sessions of one group (that race) keeps
the first one started and marks the others `cancelled`, so the index can be built.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0150"
down_revision = "0140"
branch_labels = None
depends_on = None

RUNNING = sa.text("status = 'running'")


def upgrade() -> None:
    op.execute(
        "UPDATE sessions SET status = 'cancelled' WHERE status = 'running' AND id > ("
        "SELECT min(first.id) FROM sessions AS first"
        " WHERE first.group_id = sessions.group_id AND first.status = 'running')"
    )
    op.create_index(
        "uq_sessions_group_id_running",
        "sessions",
        ["group_id"],
        unique=True,
        postgresql_where=RUNNING,
        sqlite_where=RUNNING,
    )


def downgrade() -> None:
    op.drop_index("uq_sessions_group_id_running", table_name="sessions")
