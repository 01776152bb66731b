"""Telegram front end: seekers' chat ids and profile consent, consents, application history,
counselor topics and notes, company invites and contacts, processed update ids

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-24
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

_NOW = sa.text("(CURRENT_TIMESTAMP)")


def upgrade() -> None:
    with op.batch_alter_table("seekers") as batch:
        batch.add_column(sa.Column("telegram_chat_id", sa.BigInteger(), nullable=True))
        batch.add_column(sa.Column("telegram_user_id", sa.BigInteger(), nullable=True))
        batch.add_column(sa.Column("profile_consent_at", sa.DateTime(), nullable=True))
        batch.create_index("ix_seekers_telegram_chat_id", ["telegram_chat_id"])
    with op.batch_alter_table("handoffs") as batch:
        batch.add_column(sa.Column("topic_chat_id", sa.BigInteger(), nullable=True))
        batch.add_column(sa.Column("topic_thread_id", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("announced_at", sa.DateTime(), nullable=True))
        batch.add_column(sa.Column("answered_at", sa.DateTime(), nullable=True))
    op.create_table(
        "application_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("application_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("actor", sa.String(length=16), nullable=False),
        sa.Column("at", sa.DateTime(), server_default=_NOW, nullable=False),
        sa.ForeignKeyConstraint(["application_id"], ["applications.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(
        "ix_application_events_application_id", "application_events", ["application_id"]
    )
    op.create_table(
        "consents",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("seeker_id", sa.Integer(), nullable=False),
        sa.Column("purpose", sa.String(length=32), nullable=False),
        sa.Column("application_id", sa.Integer(), nullable=True),
        sa.Column("company_id", sa.Integer(), nullable=True),
        sa.Column("fields", sa.JSON(), nullable=False),
        sa.Column("granted", sa.Boolean(), nullable=False),
        sa.Column("at", sa.DateTime(), server_default=_NOW, nullable=False),
        sa.ForeignKeyConstraint(["seeker_id"], ["seekers.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["application_id"], ["applications.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["company_id"], ["companies.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_consents_seeker_id", "consents", ["seeker_id"])
    op.create_index("ix_consents_application_id", "consents", ["application_id"])
    op.create_table(
        "counselor_notes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("handoff_id", sa.Integer(), nullable=False),
        sa.Column("counselor_user_id", sa.BigInteger(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), server_default=_NOW, nullable=False),
        sa.ForeignKeyConstraint(["handoff_id"], ["handoffs.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_counselor_notes_handoff_id", "counselor_notes", ["handoff_id"])
    op.create_table(
        "company_invites",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("company_id", sa.Integer(), nullable=False),
        sa.Column("token", sa.String(length=64), nullable=False),
        sa.Column("expires_at", sa.DateTime(), nullable=False),
        sa.Column("used_at", sa.DateTime(), nullable=True),
        sa.Column("created_at", sa.DateTime(), server_default=_NOW, nullable=False),
        sa.ForeignKeyConstraint(["company_id"], ["companies.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("token"),
    )
    op.create_index("ix_company_invites_company_id", "company_invites", ["company_id"])
    op.create_table(
        "company_contacts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("company_id", sa.Integer(), nullable=False),
        sa.Column("telegram_chat_id", sa.BigInteger(), nullable=False),
        sa.Column("telegram_user_id", sa.BigInteger(), nullable=False),
        sa.Column("bound_at", sa.DateTime(), server_default=_NOW, nullable=False),
        sa.ForeignKeyConstraint(["company_id"], ["companies.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("company_id", "telegram_chat_id"),
    )
    op.create_index("ix_company_contacts_company_id", "company_contacts", ["company_id"])
    op.create_index(
        "ix_company_contacts_telegram_chat_id", "company_contacts", ["telegram_chat_id"]
    )
    op.create_table(
        "processed_updates",
        sa.Column("update_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("at", sa.DateTime(), server_default=_NOW, nullable=False),
        sa.PrimaryKeyConstraint("update_id"),
    )


def downgrade() -> None:
    op.drop_table("processed_updates")
    op.drop_index("ix_company_contacts_telegram_chat_id", table_name="company_contacts")
    op.drop_index("ix_company_contacts_company_id", table_name="company_contacts")
    op.drop_table("company_contacts")
    op.drop_index("ix_company_invites_company_id", table_name="company_invites")
    op.drop_table("company_invites")
    op.drop_index("ix_counselor_notes_handoff_id", table_name="counselor_notes")
    op.drop_table("counselor_notes")
    op.drop_index("ix_consents_application_id", table_name="consents")
    op.drop_index("ix_consents_seeker_id", table_name="consents")
    op.drop_table("consents")
    op.drop_index("ix_application_events_application_id", table_name="application_events")
    op.drop_table("application_events")
    with op.batch_alter_table("handoffs") as batch:
        for column in ("answered_at", "announced_at", "topic_thread_id", "topic_chat_id"):
            batch.drop_column(column)
    with op.batch_alter_table("seekers") as batch:
        batch.drop_index("ix_seekers_telegram_chat_id")
        for column in ("profile_consent_at", "telegram_user_id", "telegram_chat_id"):
            batch.drop_column(column)
