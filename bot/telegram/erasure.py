"""A seeker's /delete, carried out so that a failure half-way can be finished later.

    confirmed ─► tombstone (``seekers.erase_requested_at``)
              ─► the seeker's forum topics deleted (deleteForumTopic: the summary card,
                 every relayed message and the counselors' replies go with them)
              ─► Rasa's conversation emptied and its stored events deleted
              ─► the rows deleted (secure_delete) and SQLite's write-ahead log truncated

The Telegram step comes first. When Telegram refuses it (the bot lacks the delete right,
or keeps failing) everything else is still erased at once and the seeker is told what is
left: the tombstone keeps only its handoffs' topic ids (`storage.seekers.strip_seeker`),
the counselors are told what to do, and the maintenance loop retries with backoff
(:func:`finish_erasures`, `bot.telegram.topic_deletion`) until the topics are gone.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass

import httpx
from sqlalchemy import text
from telegram import Bot

from bot.runtime.trackers import erase_conversation, tracker_store_path
from bot.telegram.frontend import FrontEnd
from bot.telegram.topic_deletion import delete_topics
from storage.deliveries import WITH_COMPANY
from storage.handoffs import seeker_topics
from storage.models import utc_now
from storage.seekers import (
    ERASED_PREFIX,
    delete_seeker,
    erasures_pending,
    request_erasure,
    strip_seeker,
)

__all__ = ["Erasure", "erase_seeker", "finish_erasures"]

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Erasure:
    """How a /delete went: whether counselors' topics still wait for deletion (everything
    else is erased), and the openings whose card a company holds."""

    topics_pending: bool
    with_company: tuple[str, ...] = ()


async def erase_seeker(bot: Bot, frontend: FrontEnd, sender_id: str) -> Erasure:
    """Erase the seeker everywhere the center can; topics Telegram would not delete yet are
    left to :func:`finish_erasures`, with nothing else of the seeker kept."""
    now = utc_now()
    with frontend.sessions.begin() as session:
        seeker = request_erasure(session=session, sender_id=sender_id, at=now)
        seeker_id = seeker.id if seeker else 0
        topics = seeker_topics(session=session, seeker_id=seeker_id) if seeker else []
        applications = seeker.applications if seeker else []
        held = tuple(a.opening.title for a in applications if a.status in WITH_COMPANY)
    gone = await delete_topics(bot, frontend, [(topic, seeker_id) for topic in topics])
    pending = len(gone) < len(topics)
    tombstone = sender_id.startswith(ERASED_PREFIX)  # stripped already: only topics are left
    if tombstone and pending:
        return Erasure(topics_pending=True)
    if not tombstone:
        try:
            await frontend.rasa.replace_events(sender_id, [])
        except httpx.HTTPError as error:
            logger.warning("could not reset the tracker: %s", type(error).__name__)
        await asyncio.to_thread(
            erase_conversation, tracker_store_path(frontend.settings), sender_id
        )
    with frontend.sessions.begin() as session:
        if pending:
            strip_seeker(session=session, sender_id=sender_id, at=now)
        else:
            delete_seeker(session=session, sender_id=sender_id)
    _truncate_log(frontend)
    logger.info("erased a seeker (%d of %d topics deleted)", len(gone), len(topics))
    return Erasure(topics_pending=pending, with_company=held)


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
        if not (await erase_seeker(bot, frontend, sender_id)).topics_pending:
            finished += 1
    return finished
