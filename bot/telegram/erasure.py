"""A seeker's /delete, carried out so that a failure half-way can be finished later.

    confirmed ─► tombstone (``seekers.erase_requested_at``)
              ─► the seeker's forum topics deleted (deleteForumTopic: the summary card,
                 every relayed message and the counselors' replies go with them)
              ─► Rasa's conversation emptied and its stored events deleted
              ─► the rows deleted (secure_delete) and SQLite's write-ahead log truncated

The Telegram steps come before the rows: while the tombstone stands the maintenance loop
retries (:func:`finish_erasures`), and so does a second /delete.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass

import httpx
from sqlalchemy import text
from telegram import Bot
from telegram.error import TelegramError

from bot.runtime.trackers import erase_conversation, tracker_store_path
from bot.telegram.frontend import FrontEnd
from bot.telegram.topics import delete_topic
from storage.handoffs import seeker_topics
from storage.models import utc_now
from storage.seekers import delete_seeker, erasures_pending, request_erasure

__all__ = ["Erasure", "erase_seeker", "finish_erasures"]

logger = logging.getLogger(__name__)

#: Statuses in which a candidate card is with a company (the center cannot unsend it).
WITH_COMPANY = ("sent", "offered", "held", "declined")


@dataclass(frozen=True)
class Erasure:
    """How a /delete went: finished or not, and the openings whose card a company holds."""

    done: bool
    with_company: tuple[str, ...] = ()


async def erase_seeker(bot: Bot, frontend: FrontEnd, sender_id: str) -> Erasure:
    """Erase the seeker everywhere the center can; ``done`` is False when a Telegram step
    failed (the tombstone stays and the erasure is retried)."""
    with frontend.sessions.begin() as session:
        seeker = request_erasure(session=session, sender_id=sender_id, at=utc_now())
        topics = seeker_topics(session=session, seeker_id=seeker.id) if seeker else []
        applications = seeker.applications if seeker else []
        held = tuple(a.opening.title for a in applications if a.status in WITH_COMPANY)
    try:
        for topic in topics:
            await delete_topic(bot, topic)
    except TelegramError as error:
        logger.warning("erasure: a counselor topic could not be deleted: %s", error)
        return Erasure(done=False, with_company=held)
    try:
        await frontend.rasa.replace_events(sender_id, [])
    except httpx.HTTPError as error:
        logger.warning("could not reset the tracker: %s", type(error).__name__)
    await asyncio.to_thread(erase_conversation, tracker_store_path(frontend.settings), sender_id)
    with frontend.sessions.begin() as session:
        delete_seeker(session=session, sender_id=sender_id)
    _truncate_log(frontend)
    logger.info("erased a seeker (%d topics)", len(topics))
    return Erasure(done=True, with_company=held)


def _truncate_log(frontend: FrontEnd) -> None:
    """Checkpoint SQLite's write-ahead log into the (securely overwritten) database file and
    empty it, so the deleted rows' old pages are not left in ``-wal``."""
    with frontend.sessions() as session:
        if session.get_bind().dialect.name == "sqlite":
            session.execute(text("PRAGMA wal_checkpoint(TRUNCATE)"))


async def finish_erasures(bot: Bot, frontend: FrontEnd) -> int:
    """Retry every confirmed /delete that did not finish; how many finished now."""
    with frontend.sessions() as session:
        pending = erasures_pending(session=session)
    finished = 0
    for sender_id in pending:
        if (await erase_seeker(bot, frontend, sender_id)).done:
            finished += 1
    return finished
