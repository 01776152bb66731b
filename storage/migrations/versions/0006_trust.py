"""Trust (issue 14): ids never reused, the consent snapshot, told markers, an erasure
tombstone, invite tokens stored hashed

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-03
"""

import hashlib

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

#: Tables whose ids a button or a command names: rebuilt with AUTOINCREMENT.
NAMED_TABLES = ("seekers", "applications", "handoffs", "company_invites", "company_contacts")


def _foreign_keys(on: bool) -> None:
    """Switch SQLite's foreign keys; off while tables are rebuilt, since dropping the old
    table would otherwise cascade-delete every row that points at it.

    The pragma is a no-op inside a transaction, so the migration so far is committed first.
    """
    bind = op.get_bind()
    if bind.dialect.name != "sqlite":
        return
    raw = bind.connection.dbapi_connection
    assert raw is not None
    raw.commit()
    raw.execute(f"PRAGMA foreign_keys={'ON' if on else 'OFF'}")


def _rebuild(autoincrement: bool) -> None:
    _foreign_keys(False)
    for table in NAMED_TABLES:
        with op.batch_alter_table(
            table, recreate="always", table_kwargs={"sqlite_autoincrement": autoincrement}
        ):
            pass
    _foreign_keys(True)


def upgrade() -> None:
    with op.batch_alter_table("seekers") as batch:
        batch.add_column(sa.Column("erase_requested_at", sa.DateTime(), nullable=True))
    with op.batch_alter_table("applications") as batch:
        batch.add_column(sa.Column("consent_question", sa.Text(), nullable=True))
        batch.add_column(sa.Column("consent_values", sa.JSON(), nullable=True))
        batch.add_column(sa.Column("told_status", sa.String(length=16), nullable=True))
    # What happened before this migration was told the old way: do not tell it again.
    op.execute("UPDATE applications SET told_status = status")
    with op.batch_alter_table("consents") as batch:
        batch.add_column(sa.Column("values", sa.JSON(), server_default="{}", nullable=False))
        batch.add_column(sa.Column("question", sa.Text(), server_default="", nullable=False))
    with op.batch_alter_table("company_invites") as batch:
        batch.add_column(sa.Column("token_hash", sa.String(length=64), nullable=True))
    bind = op.get_bind()
    for invite_id, token in bind.execute(sa.text("SELECT id, token FROM company_invites")).all():
        digest = hashlib.sha256(token.encode()).hexdigest()
        bind.execute(
            sa.text("UPDATE company_invites SET token_hash = :h WHERE id = :id"),
            {"h": digest, "id": invite_id},
        )
    with op.batch_alter_table("company_invites") as batch:
        batch.drop_column("token")
        batch.alter_column("token_hash", existing_type=sa.String(length=64), nullable=False)
        batch.create_unique_constraint("uq_company_invites_token_hash", ["token_hash"])
    # Invites now bind private chats only; a group bound before (even the counselors' forum)
    # would take its members' messages for the company's.
    op.execute("DELETE FROM company_contacts WHERE telegram_chat_id < 0")
    _rebuild(autoincrement=True)


def downgrade() -> None:
    _rebuild(autoincrement=False)
    # Hashed tokens cannot be turned back into links: the old invites are dropped.
    op.execute("DELETE FROM company_invites")
    with op.batch_alter_table("company_invites") as batch:
        batch.drop_constraint("uq_company_invites_token_hash", type_="unique")
        batch.drop_column("token_hash")
        batch.add_column(sa.Column("token", sa.String(length=64), nullable=False))
        batch.create_unique_constraint("uq_company_invites_token", ["token"])
    with op.batch_alter_table("consents") as batch:
        batch.drop_column("question")
        batch.drop_column("values")
    with op.batch_alter_table("applications") as batch:
        for column in ("told_status", "consent_values", "consent_question"):
            batch.drop_column(column)
    with op.batch_alter_table("seekers") as batch:
        batch.drop_column("erase_requested_at")
