"""openings, sources, companies and the import log

Revision ID: 0001
Revises:
Create Date: 2026-11-24
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "companies",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("name_key", sa.String(length=200), nullable=False),
        sa.Column("business_no", sa.String(length=32), nullable=True),
        sa.Column(
            "created_at",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("name_key"),
    )
    op.create_table(
        "import_runs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("path", sa.String(length=500), nullable=False),
        sa.Column("file_format", sa.String(length=16), nullable=False),
        sa.Column("source_override", sa.String(length=64), nullable=True),
        sa.Column(
            "started_at",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.Column("finished_at", sa.DateTime(), nullable=True),
        sa.Column("rows_total", sa.Integer(), nullable=False),
        sa.Column("new", sa.Integer(), nullable=False),
        sa.Column("updated", sa.Integer(), nullable=False),
        sa.Column("unchanged", sa.Integer(), nullable=False),
        sa.Column("merged", sa.Integer(), nullable=False),
        sa.Column("rejected", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "sources",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("name"),
    )
    op.create_table(
        "openings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("company_id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("occupation_raw", sa.String(length=200), nullable=False),
        sa.Column("occupation_family", sa.String(length=64), nullable=True),
        sa.Column("region_raw", sa.String(length=300), nullable=False),
        sa.Column("region_id", sa.String(length=64), nullable=True),
        sa.Column("salary_type", sa.String(length=8), nullable=True),
        sa.Column("salary_min", sa.Integer(), nullable=True),
        sa.Column("salary_max", sa.Integer(), nullable=True),
        sa.Column("salary_raw", sa.String(length=200), nullable=False),
        sa.Column("monthly_pay_min", sa.Integer(), nullable=True),
        sa.Column("monthly_pay_max", sa.Integer(), nullable=True),
        sa.Column("career_raw", sa.String(length=64), nullable=False),
        sa.Column("career", sa.String(length=8), nullable=True),
        sa.Column("career_years_min", sa.Integer(), nullable=True),
        sa.Column("education", sa.String(length=64), nullable=False),
        sa.Column("certificates_raw", sa.String(length=500), nullable=False),
        sa.Column("certificates", sa.JSON(), nullable=False),
        sa.Column("employment_type_raw", sa.String(length=64), nullable=False),
        sa.Column("employment_type", sa.String(length=8), nullable=True),
        sa.Column("work_shift_raw", sa.String(length=64), nullable=False),
        sa.Column("work_shift", sa.String(length=8), nullable=True),
        sa.Column("closes_on_raw", sa.String(length=32), nullable=False),
        sa.Column("closes_on", sa.Date(), nullable=True),
        sa.Column("foreign_workers", sa.String(length=16), nullable=False),
        sa.Column("dormitory", sa.Boolean(), nullable=False),
        sa.Column("commute_bus", sa.Boolean(), nullable=False),
        sa.Column("contact", sa.String(length=200), nullable=False),
        sa.Column("url", sa.String(length=500), nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.Column(
            "updated_at",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["company_id"],
            ["companies.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("openings", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_openings_closes_on"), ["closes_on"], unique=False)
        batch_op.create_index(batch_op.f("ix_openings_company_id"), ["company_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_openings_occupation_family"), ["occupation_family"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_openings_region_id"), ["region_id"], unique=False)

    op.create_table(
        "rejected_rows",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("run_id", sa.Integer(), nullable=False),
        sa.Column("line", sa.Integer(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("raw", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["run_id"],
            ["import_runs.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("rejected_rows", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_rejected_rows_run_id"), ["run_id"], unique=False)

    op.create_table(
        "opening_sources",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("opening_id", sa.Integer(), nullable=False),
        sa.Column("source_id", sa.Integer(), nullable=False),
        sa.Column("source_record_id", sa.String(length=100), nullable=False),
        sa.Column("record_hash", sa.String(length=64), nullable=False),
        sa.Column("source_modified", sa.String(length=32), nullable=True),
        sa.Column(
            "first_seen",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.Column(
            "last_seen",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["opening_id"],
            ["openings.id"],
        ),
        sa.ForeignKeyConstraint(
            ["source_id"],
            ["sources.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("source_id", "source_record_id"),
    )
    with op.batch_alter_table("opening_sources", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_opening_sources_opening_id"), ["opening_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("opening_sources", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_opening_sources_opening_id"))

    op.drop_table("opening_sources")
    with op.batch_alter_table("rejected_rows", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_rejected_rows_run_id"))

    op.drop_table("rejected_rows")
    with op.batch_alter_table("openings", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_openings_region_id"))
        batch_op.drop_index(batch_op.f("ix_openings_occupation_family"))
        batch_op.drop_index(batch_op.f("ix_openings_company_id"))
        batch_op.drop_index(batch_op.f("ix_openings_closes_on"))

    op.drop_table("openings")
    op.drop_table("sources")
    op.drop_table("import_runs")
    op.drop_table("companies")
