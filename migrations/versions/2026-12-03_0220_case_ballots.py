"""case ballots: the préambule's quick vote on the pitched topics, one open ballot per group

Revision ID: 0220
Revises: 0130
Create Date: 2026-12-03 14:20:00+00:00

New tables only: nothing to copy.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from bot.persistence.models.base import UTCDateTime

revision = "0220"
down_revision = "0130"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "case_ballots",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("group_id", sa.Integer(), nullable=False),
        sa.Column("lang", sa.String(length=5), nullable=False),
        sa.Column("opened_at", UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["group_id"],
            ["groups.id"],
            name=op.f("fk_case_ballots_group_id_groups"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case_ballots")),
        sa.UniqueConstraint("group_id", name=op.f("uq_case_ballots_group_id")),
    )
    op.create_table(
        "case_votes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("ballot_id", sa.Integer(), nullable=False),
        sa.Column("topic_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.String(length=32), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["ballot_id"],
            ["case_ballots.id"],
            name=op.f("fk_case_votes_ballot_id_case_ballots"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["topic_id"],
            ["topics.id"],
            name=op.f("fk_case_votes_topic_id_topics"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case_votes")),
        sa.UniqueConstraint("ballot_id", "user_id", name=op.f("uq_case_votes_ballot_id_user_id")),
    )
    with op.batch_alter_table("case_votes", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_case_votes_topic_id"), ["topic_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("case_votes", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_case_votes_topic_id"))
    op.drop_table("case_votes")
    op.drop_table("case_ballots")
