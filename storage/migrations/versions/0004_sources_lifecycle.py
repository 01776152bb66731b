"""Real source data: 고용24 occupation code, open-ended openings with an expected close date,
retiring postings a full refresh no longer lists, and the catalog version the index follows

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-03
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

_NOW = sa.text("(CURRENT_TIMESTAMP)")


def upgrade() -> None:
    with op.batch_alter_table("openings") as batch:
        batch.add_column(sa.Column("occupation_code", sa.String(length=16), nullable=True))
        batch.add_column(
            sa.Column("open_ended", sa.Boolean(), server_default=sa.false(), nullable=False)
        )
        batch.add_column(sa.Column("retired_at", sa.DateTime(), nullable=True))
        batch.create_index("ix_openings_occupation_code", ["occupation_code"])
    # Before 0004 a missing close date was the only way to say "open until filled".
    openings = sa.table("openings", sa.column("open_ended", sa.Boolean), sa.column("closes_on"))
    op.execute(openings.update().where(openings.c.closes_on.is_(None)).values(open_ended=True))
    with op.batch_alter_table("opening_sources") as batch:
        batch.add_column(sa.Column("retired_at", sa.DateTime(), nullable=True))
    op.create_table(
        "catalog_state",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("changed_at", sa.DateTime(), server_default=_NOW, nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    state = sa.table("catalog_state", sa.column("id"), sa.column("version"))
    op.execute(state.insert().values(id=1, version=1))


def downgrade() -> None:
    op.drop_table("catalog_state")
    with op.batch_alter_table("opening_sources") as batch:
        batch.drop_column("retired_at")
    with op.batch_alter_table("openings") as batch:
        batch.drop_index("ix_openings_occupation_code")
        for column in ("retired_at", "open_ended", "occupation_code"):
            batch.drop_column(column)
