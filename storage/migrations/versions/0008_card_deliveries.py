"""Card deliveries (issue 14): which bound chat got each candidate card, so a chat where
sending failed is tried again instead of never getting it

Cards sent before this migration were sent to the chats bound then, as far as anyone can
tell: every card a company holds (sent, held, offered, declined) counts as delivered to every
chat bound now, so none is sent a second time.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-03
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

_NOW = sa.text("(CURRENT_TIMESTAMP)")


def upgrade() -> None:
    op.create_table(
        "card_deliveries",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("application_id", sa.Integer(), nullable=False),
        sa.Column("contact_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), server_default=_NOW, nullable=False),
        sa.ForeignKeyConstraint(["application_id"], ["applications.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["contact_id"], ["company_contacts.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("application_id", "contact_id"),
    )
    op.create_index("ix_card_deliveries_application_id", "card_deliveries", ["application_id"])
    op.execute(
        "INSERT INTO card_deliveries (application_id, contact_id) "
        "SELECT applications.id, company_contacts.id FROM applications "
        "JOIN openings ON openings.id = applications.opening_id "
        "JOIN company_contacts ON company_contacts.company_id = openings.company_id "
        "WHERE applications.status IN ('sent', 'held', 'offered', 'declined')"
    )


def downgrade() -> None:
    op.drop_index("ix_card_deliveries_application_id", "card_deliveries")
    op.drop_table("card_deliveries")
