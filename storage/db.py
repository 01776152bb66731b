"""Engine and session factory, and the schema migration entry point (Alembic)."""

from __future__ import annotations

import logging
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

logger = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).parent / "migrations"
#: How long a SQLite connection waits for another writer's lock before "database is locked"
#: (pysqlite's default is 5 s; an import batch holds the lock for up to ~1 s under load).
SQLITE_BUSY_SECONDS = 15.0


def make_engine(url: str, *, busy_seconds: float = SQLITE_BUSY_SECONDS) -> Engine:
    """Create an engine; for SQLite, create the file's folder, enforce foreign keys, wait
    up to ``busy_seconds`` for a lock and overwrite deleted content.

    Bound parameters never appear in error messages or logs (``hide_parameters``): they
    hold notes, profiles and chat ids, and a log cannot be reached by ``/delete``.
    """
    sqlite = url.startswith("sqlite")
    if url.startswith("sqlite:///") and not url.startswith("sqlite:///:memory:"):
        Path(url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
    connect_args = {"timeout": busy_seconds} if sqlite else {}
    engine = create_engine(url, hide_parameters=True, connect_args=connect_args)
    if engine.dialect.name == "sqlite":

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_connection, _record):  # type: ignore[no-untyped-def]
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute(f"PRAGMA busy_timeout={int(busy_seconds * 1000)}")
            # Deleted rows are zeroed on disk, so a deleted seeker is not readable in the file.
            cursor.execute("PRAGMA secure_delete=ON")
            cursor.close()

    return engine


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    """A session factory whose objects stay readable after commit."""
    return sessionmaker(engine, expire_on_commit=False)


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Bring the schema to ``revision`` with Alembic (idempotent)."""
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)
    logger.info("schema at %s", revision)
