"""The retention job, run from the maintenance loop: what passed its period is deleted.

* the conversation (Rasa's stored events) of a seeker who did not agree to keep a profile,
  once they have been silent ``declined_tracker_minutes`` (the session's end);
* released handoffs with their notes, and ended applications, after their periods
  (:func:`storage.retention.purge_expired`); a forum topic whose every handoff expired is
  deleted like a /delete's (`bot.telegram.topic_deletion`: retried with backoff, the
  counselors told once when Telegram refuses), its rows only once it is gone.
"""

from __future__ import annotations

import asyncio
import datetime as dtm
import logging
import sqlite3
from contextlib import closing
from pathlib import Path

from sqlalchemy.orm import Session
from telegram import Bot

from bot.runtime.trackers import erase_conversation, tracker_store_path
from bot.telegram.frontend import FrontEnd
from bot.telegram.topic_deletion import delete_topics
from storage.handoffs import Topic, handoff_for_topic
from storage.retention import Retention, forget_topic, purge_expired
from storage.seekers import find_seeker, profile_consent

__all__ = ["run_retention", "silent_conversations"]

logger = logging.getLogger(__name__)


def silent_conversations(path: Path, before: dtm.datetime) -> list[str]:
    """Sender ids whose last stored event is older than ``before`` (UTC)."""
    if not path.exists():
        return []
    with closing(sqlite3.connect(path, timeout=10)) as db:
        try:
            rows = db.execute(
                "SELECT sender_id FROM events GROUP BY sender_id HAVING MAX(timestamp) < ?",
                (before.replace(tzinfo=dtm.UTC).timestamp(),),
            ).fetchall()
        except sqlite3.OperationalError as error:
            if "no such table" in str(error):
                return []
            raise
    return [str(sender_id) for (sender_id,) in rows]


async def run_retention(bot: Bot, frontend: FrontEnd, *, now: dtm.datetime) -> int:
    """Delete what passed its retention period; how many conversations and rows went."""
    settings = frontend.settings
    path = tracker_store_path(settings)
    cutoff = now - dtm.timedelta(minutes=settings.declined_tracker_minutes)
    silent = await asyncio.to_thread(silent_conversations, path, cutoff)
    with frontend.sessions() as session:
        unkept = []
        for sender_id in silent:
            seeker = find_seeker(session=session, sender_id=sender_id)
            if seeker is None or profile_consent(session=session, seeker_id=seeker.id) is not True:
                unkept.append(sender_id)
    erased = 0
    for sender_id in unkept:
        erased += bool(await asyncio.to_thread(erase_conversation, path, sender_id))
    retention = Retention(
        handoffs=dtm.timedelta(days=settings.handoff_retention_days),
        applications=dtm.timedelta(days=settings.application_retention_days),
    )
    with frontend.sessions.begin() as session:
        purged = purge_expired(session=session, retention=retention, now=now)
        due = [(topic, _seeker_of(session, topic)) for topic in purged.topics]
    forgotten = 0
    for topic in await delete_topics(bot, frontend, due):
        with frontend.sessions.begin() as session:
            forgotten += forget_topic(session=session, topic=topic)
    handoffs = purged.handoffs + forgotten
    logger.info("retention: %d conversations, %d handoffs, %d applications deleted",
                erased, handoffs, purged.applications)  # fmt: skip
    return erased + handoffs + purged.applications


def _seeker_of(session: Session, topic: Topic) -> int:
    handoff = handoff_for_topic(session=session, chat_id=topic[0], thread_id=topic[1])
    return handoff.seeker_id if handoff is not None else 0
