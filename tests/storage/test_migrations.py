"""The Alembic migrations build exactly the schema the models describe, and go back down."""

from __future__ import annotations

from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from storage import course_models  # noqa: F401  (registers the courses table)
from storage.db import MIGRATIONS_DIR, make_engine, upgrade
from storage.models import Base


def test_migrated_schema_matches_the_models(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'db.sqlite3'}")
    upgrade(engine)
    with engine.connect() as connection:
        diff = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    assert diff == []


def test_migrations_go_down_to_nothing_and_up_again(tmp_path: Path) -> None:
    from alembic import command
    from alembic.config import Config
    from sqlalchemy import inspect

    engine = make_engine(f"sqlite:///{tmp_path / 'db.sqlite3'}")
    upgrade(engine)
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "base")
    assert set(inspect(engine).get_table_names()) <= {"alembic_version"}
    upgrade(engine)
    assert {"seekers", "consents", "company_invites"} <= set(inspect(engine).get_table_names())


def test_0004_marks_openings_without_a_close_date_open_ended(tmp_path: Path) -> None:
    from sqlalchemy import text

    engine = make_engine(f"sqlite:///{tmp_path / 'db.sqlite3'}")
    upgrade(engine, "0003")
    with engine.begin() as connection:
        connection.execute(
            text("INSERT INTO companies (id, name, name_key) VALUES (1, '가', '가')")
        )
        for opening_id, closes_on in ((1, None), (2, "2026-12-31")):
            connection.execute(
                text(
                    "INSERT INTO openings (id, company_id, title, description, occupation_raw,"
                    " region_raw, salary_raw, career_raw, education, certificates_raw,"
                    " certificates, employment_type_raw, work_shift_raw, closes_on_raw, closes_on,"
                    " foreign_workers, dormitory, commute_bus, contact, url, content_hash)"
                    " VALUES (:id, 1, '용접', '', '', '', '', '', '', '', '{}', '', '', '',"
                    " :closes_on, 'unknown', 0, 0, '', '', 'h')"
                ),
                {"id": opening_id, "closes_on": closes_on},
            )
    upgrade(engine)
    with engine.connect() as connection:
        flags: dict[int, bool] = dict(
            connection.execute(text("SELECT id, open_ended FROM openings")).tuples().all()
        )
        version = connection.execute(text("SELECT version FROM catalog_state")).scalar_one()
    assert flags == {1: True, 2: False}
    assert version == 1
