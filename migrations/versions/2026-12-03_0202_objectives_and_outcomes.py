"""objectives and outcomes: the bilan des effets (objectives, end and follow-up answers)

Revision ID: 0202
Revises: 0201
Create Date: 2026-12-03 15:20:00+00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import bot.persistence.models.base

revision = "0202"
down_revision = "0201"
branch_labels = None
depends_on = None

UTC_TIME = bot.persistence.models.base.UTCDateTime


def upgrade() -> None:
    op.create_table(
        "objectives",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("group_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.String(length=32), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("baseline", sa.Integer(), nullable=False),
        sa.Column("updated_at", UTC_TIME(), nullable=False),
        sa.ForeignKeyConstraint(
            ["group_id"],
            ["groups.id"],
            name=op.f("fk_objectives_group_id_groups"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_objectives")),
        sa.UniqueConstraint(
            "group_id", "user_id", "position", name=op.f("uq_objectives_group_id_user_id_position")
        ),
    )
    op.create_index(op.f("ix_objectives_group_id"), "objectives", ["group_id"], unique=False)
    op.create_table(
        "outcome_answers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("group_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.String(length=32), nullable=False),
        sa.Column("wave", sa.String(length=12), nullable=False),
        sa.Column("progress", sa.JSON(), nullable=False),
        sa.Column("change", sa.Text(), nullable=True),
        sa.Column("example", sa.Text(), nullable=True),
        sa.Column("created_at", UTC_TIME(), nullable=False),
        sa.ForeignKeyConstraint(
            ["group_id"],
            ["groups.id"],
            name=op.f("fk_outcome_answers_group_id_groups"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_outcome_answers")),
        sa.UniqueConstraint(
            "group_id", "user_id", "wave", name=op.f("uq_outcome_answers_group_id_user_id_wave")
        ),
    )
    op.create_index(
        op.f("ix_outcome_answers_group_id"), "outcome_answers", ["group_id"], unique=False
    )
    with op.batch_alter_table("group_cycles") as batch:
        batch.add_column(
            sa.Column("follow_up_weeks", sa.Integer(), server_default="12", nullable=False)
        )


def downgrade() -> None:
    with op.batch_alter_table("group_cycles") as batch:
        batch.drop_column("follow_up_weeks")
    op.drop_index(op.f("ix_outcome_answers_group_id"), table_name="outcome_answers")
    op.drop_table("outcome_answers")
    op.drop_index(op.f("ix_objectives_group_id"), table_name="objectives")
    op.drop_table("objectives")
