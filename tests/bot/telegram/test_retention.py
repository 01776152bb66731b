"""The retention job: a conversation kept without consent ends with its session, and the
periods in settings apply. Rasa's tracker store is a SQLite file with the events table of
Rasa 3.6's SQLTrackerStore; the jobbot database is a real migrated one."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import UTC, timedelta

import pytest
from sqlalchemy.orm import Session, sessionmaker

from bot.runtime.trackers import tracker_store_path
from bot.settings import Settings
from bot.telegram.frontend import FrontEnd
from bot.telegram.retention import run_retention
from storage.models import utc_now
from storage.seekers import record_profile_consent
from tests.bot.telegram.conftest import ScriptedRasa

pytestmark = pytest.mark.anyio

EVENTS = (
    "CREATE TABLE events (id INTEGER PRIMARY KEY, sender_id VARCHAR(255) NOT NULL,"
    " type_name VARCHAR(255) NOT NULL, timestamp FLOAT, intent_name VARCHAR(255),"
    " action_name VARCHAR(255), data TEXT)"
)


def store(settings: Settings, rows: list[tuple[str, float]]) -> None:
    path = tracker_store_path(settings)
    path.parent.mkdir(parents=True, exist_ok=True)
    with closing(sqlite3.connect(path)) as db, db:
        db.execute(EVENTS)
        db.executemany(
            "INSERT INTO events (sender_id, type_name, timestamp, data) VALUES (?, 'user', ?, ?)",
            [(sender, at, '{"text": "용접 15년"}') for sender, at in rows],
        )


def senders(settings: Settings) -> set[str]:
    with closing(sqlite3.connect(tracker_store_path(settings))) as db:
        return {row[0] for row in db.execute("SELECT sender_id FROM events")}


async def test_a_conversation_without_consent_is_erased_when_its_session_ends(
    settings: Settings, sessions: sessionmaker[Session]
) -> None:
    now = utc_now()
    old = (now - timedelta(minutes=settings.declined_tracker_minutes + 5)).replace(tzinfo=UTC)
    recent = (now - timedelta(minutes=5)).replace(tzinfo=UTC)
    rows = [("tg-no", old), ("tg-silent", old), ("tg-yes", old), ("tg-talking", recent)]
    store(settings, [(sender, at.timestamp()) for sender, at in rows])
    with sessions.begin() as session:
        record_profile_consent(session=session, sender_id="tg-no", granted=False, at=now)
        record_profile_consent(session=session, sender_id="tg-yes", granted=True, at=now)
    async with ScriptedRasa().client() as rasa:
        frontend = FrontEnd(settings=settings, sessions=sessions, rasa=rasa)
        await run_retention(frontend, now=now)

    assert senders(settings) == {"tg-yes", "tg-talking"}
