"""A posting remembers whether its stored record is a 고용24 detail, so a later list item of the
same posting does not overwrite the detail's richer fields

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-03
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("opening_sources") as batch:
        batch.add_column(
            sa.Column("detail", sa.Boolean(), server_default=sa.false(), nullable=False)
        )


def downgrade() -> None:
    with op.batch_alter_table("opening_sources") as batch:
        batch.drop_column("detail")
