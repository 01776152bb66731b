"""The retention job: a conversation kept without consent ends with its session, and the
periods in settings apply. Rasa's tracker store is a SQLite file with the events table of
Rasa 3.6's SQLTrackerStore; the jobbot database is a real migrated one."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import UTC, timedelta

import pytest
from sqlalchemy import select, update
from sqlalchemy.orm import Session, sessionmaker

from bot.runtime.trackers import tracker_store_path
from bot.settings import Settings
from bot.telegram import messages
from bot.telegram.backoff import Backoff
from bot.telegram.frontend import FrontEnd
from bot.telegram.retention import run_retention
from storage.models import CounselorNote, Handoff, utc_now
from storage.seekers import record_profile_consent
from tests.bot.telegram.conftest import (
    STAFF_FORUM,
    Clock,
    ScriptedRasa,
    StartBot,
    open_handoff_for,
    seeker_chat,
    start_handoff_for,
)
from tests.helpers.telegram_api import TelegramStandIn

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
        await run_retention(None, frontend, now=now)  # type: ignore[arg-type]  # no topics

    assert senders(settings) == {"tg-yes", "tg-talking"}


async def test_a_topic_goes_when_its_last_handoff_expires_and_a_refusal_is_retried(
    api: TelegramStandIn,
    start_bot: StartBot,
    settings: Settings,
    sessions: sessionmaker[Session],
) -> None:
    gone_user, kept_user = seeker_chat(api), seeker_chat(api)
    now, long_ago = utc_now(), utc_now() - timedelta(days=settings.handoff_retention_days + 5)
    clock = Clock()
    async with start_bot(ScriptedRasa()) as running:
        running.frontend.topic_retries = Backoff(first=60, clock=clock)
        ids: dict[int, list[int]] = {}
        for user in (gone_user, kept_user, kept_user):  # the kept seeker's topic is reused
            handoff_id = open_handoff_for(sessions, user)
            assert await start_handoff_for(running, user, handoff_id)
            ids.setdefault(user, []).append(handoff_id)
            with sessions.begin() as session:
                session.add(CounselorNote(handoff_id=handoff_id, counselor_user_id=5, text="메모"))
                session.execute(
                    update(Handoff)
                    .where(Handoff.id == handoff_id)
                    .values(status="released", closed_at=long_ago)
                )
        with sessions.begin() as session:  # the kept seeker's newest handoff is recent
            session.execute(
                update(Handoff).where(Handoff.id == ids[kept_user][1]).values(closed_at=now)
            )
            topics = {h.id: h.topic_thread_id for h in session.scalars(select(Handoff))}
            gone_seeker = session.get_one(Handoff, ids[gone_user][0]).seeker_id
        gone_topic, kept_topic = topics[ids[gone_user][0]], topics[ids[kept_user][0]]
        assert kept_topic == topics[ids[kept_user][1]] != gone_topic
        assert gone_topic is not None and kept_topic is not None

        api.fail_next(
            "deleteForumTopic", status=400, description="Bad Request: not enough rights", times=100
        )
        bot = running.application.bot
        await run_retention(bot, running.frontend, now=now)
        with sessions() as session:
            waiting = session.scalars(select(Handoff.id).order_by(Handoff.id)).all()
            notes = session.scalars(select(CounselorNote.handoff_id)).all()
        await run_retention(bot, running.frontend, now=now)  # not due: no new attempt, no notice
        api.stop_failing("deleteForumTopic")
        clock.now += 61
        await run_retention(bot, running.frontend, now=now)

    assert waiting == [ids[gone_user][0], ids[kept_user][1]]  # its rows say which topic to delete
    assert notes == [ids[kept_user][1]]  # the expired handoffs' notes went at once
    with sessions() as session:
        assert session.scalars(select(Handoff.id)).all() == [ids[kept_user][1]]
    assert api.topic(STAFF_FORUM, gone_topic)["deleted"]  # type: ignore[index]
    assert not api.topic(STAFF_FORUM, kept_topic)["deleted"]  # type: ignore[index]
    notices = [t for t in api.sent_texts(STAFF_FORUM) if t.startswith("[삭제 대기]")]
    assert notices == [messages.TOPICS_NOT_DELETED.format(seekers=f"#{gone_seeker}")]
