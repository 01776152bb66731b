"""Handing a seeker to the counselors and back, from the seeker's side.

    handoff payload (the seeker asked, or said 네 to the bot's offer) ─► start_handoff:
        pause the Rasa tracker, open/reuse the seeker's topic, post the summary card,
        tell the seeker when counselors answer if the office is closed
    seeker writes  ─► relay_from_seeker: copied into the topic (Rasa is not asked)
    /reset         ─► release_by_seeker: the handoff ends, the topic is told
    /delete        ─► `bot.telegram.erasure`: the seeker's topics are deleted
    nobody answers ─► reannounce_overdue (from maintenance_loop, every minute)
    a relay fails  ─► the handoff is released and the counselors are told

Seeker messages are not sent to Rasa during a handoff: a paused tracker still runs slot
extraction, and relaying only is simpler to reason about. The pause still goes to Rasa so
the tracker shows who has the conversation. The counselors' side is `bot.telegram.counselors`.
"""

from __future__ import annotations

import asyncio
import datetime as dtm
import logging
from typing import Any

import httpx
from telegram import Bot, Message
from telegram.error import TelegramError

from bot.telegram import messages
from bot.telegram.erasure import finish_erasures
from bot.telegram.frontend import FrontEnd
from bot.telegram.notify import tell_counselors
from bot.telegram.office_hours import OfficeHours, say_when
from bot.telegram.outbox import run_outbox
from bot.telegram.retention import run_retention
from bot.telegram.sending import copy_message, send_text
from bot.telegram.topics import close_topic, minutes_waiting, post_summary, with_topic
from storage.handoffs import (
    Topic,
    get_handoff,
    mark_announced,
    overdue_handoffs,
    release_handoff,
)
from storage.models import utc_now
from storage.updates import forget_processed_updates

__all__ = [
    "maintenance_loop",
    "reannounce_overdue",
    "relay_from_seeker",
    "release_by_seeker",
    "set_paused",
    "start_handoff",
]

logger = logging.getLogger(__name__)

#: How often the maintenance loop looks for unanswered handoffs (seconds).
MAINTENANCE_EVERY = 60.0
#: Processed update ids are kept this long (Telegram redelivers within 24 hours).
KEEP_UPDATE_IDS = dtm.timedelta(days=2)


# -- Rasa: pause and resume -----------------------------------------------------------------------


async def set_paused(frontend: FrontEnd, sender_id: str, paused: bool) -> None:
    """Pause (a counselor has the seeker) or resume the seeker's Rasa tracker."""
    event = {"event": "pause" if paused else "resume"}
    try:
        await frontend.rasa.append_events(sender_id, [event])
    except httpx.HTTPError as error:
        # Routing follows the database; a tracker left paused is resumed on the next turn.
        logger.warning("could not %s the tracker: %s", event["event"], type(error).__name__)


# -------------------------------------------------------------------------------------------------


async def start_handoff(
    bot: Bot, frontend: FrontEnd, *, sender_id: str, seeker_chat_id: int, handoff_id: int
) -> bool:
    """Hand the conversation to the counselors; False (and the seeker told so, the handoff
    released) when there is no counselors' group or its topic cannot be opened."""
    settings = frontend.settings
    if settings.counselor_chat_id is None:
        logger.warning("handoff %s: no counselor_chat_id configured", handoff_id)
        await _give_up(bot, frontend, sender_id, seeker_chat_id, handoff_id)
        return False
    now = dtm.datetime.now(dtm.UTC)
    hours = OfficeHours.from_settings(settings)
    office_note = None
    if not hours.is_open(now):
        when = say_when(hours.next_opening(now), now)
        await send_text(bot, seeker_chat_id, messages.OFFICE_CLOSED.format(when=when))
        office_note = messages.SUMMARY_OFFICE_CLOSED.format(when=when)
    await set_paused(frontend, sender_id, True)
    try:
        topic = await post_summary(
            bot, frontend, handoff_id=handoff_id, sender_id=sender_id, office_note=office_note
        )
    except TelegramError as error:
        logger.error("handoff %s: could not open its topic: %s", handoff_id, error)
        await _give_up(bot, frontend, sender_id, seeker_chat_id, handoff_id)
        return False
    logger.info("handoff %s in topic %s", handoff_id, topic[1])
    return True


async def _give_up(
    bot: Bot, frontend: FrontEnd, sender_id: str, seeker_chat_id: int, handoff_id: int
) -> None:
    with frontend.sessions.begin() as session:
        release_handoff(session=session, handoff_id=handoff_id, at=utc_now())
    await set_paused(frontend, sender_id, False)
    await send_text(bot, seeker_chat_id, messages.HANDOFF_UNAVAILABLE)


async def relay_from_seeker(
    bot: Bot, frontend: FrontEnd, *, message: Message, handoff_id: int, sender_id: str
) -> bool:
    """Copy the seeker's message (text, photo, document, voice...) into their topic;
    False when it could not be delivered (the handoff is then released)."""
    if frontend.settings.counselor_chat_id is None:
        await _give_up(bot, frontend, sender_id, message.chat_id, handoff_id)
        return False

    async def copy(topic: Topic) -> None:
        await copy_message(
            bot,
            chat_id=topic[0],
            from_chat_id=message.chat_id,
            message_id=message.message_id,
            thread_id=topic[1],
        )

    try:
        await with_topic(bot, frontend, handoff_id=handoff_id, sender_id=sender_id, action=copy)
    except TelegramError as error:
        logger.error("handoff %s: could not relay to the topic: %s", handoff_id, error)
        await _give_up(bot, frontend, sender_id, message.chat_id, handoff_id)
        with frontend.sessions() as session:
            handoff = get_handoff(session=session, handoff_id=handoff_id)
            seeker_id = handoff.seeker_id if handoff is not None else 0
        await tell_counselors(
            bot, frontend.settings, messages.RELAY_FAILED.format(seeker_id=seeker_id)
        )
        return False
    return True


async def release_by_seeker(
    bot: Bot, frontend: FrontEnd, *, handoff_id: int, sender_id: str
) -> None:
    """The seeker started over (/reset): end the handoff and tell the counselors."""
    with frontend.sessions.begin() as session:
        release_handoff(session=session, handoff_id=handoff_id, at=utc_now())
        handoff = get_handoff(session=session, handoff_id=handoff_id)
        topic = _topic_of(handoff)
    await set_paused(frontend, sender_id, False)
    if topic is not None:
        try:
            await send_text(bot, topic[0], messages.SEEKER_RESET_TOPIC, thread_id=topic[1])
            await close_topic(bot, topic)
        except TelegramError as error:
            logger.warning("handoff %s: could not tell the topic: %s", handoff_id, error)


def _topic_of(handoff: Any) -> Topic | None:
    if handoff is None or handoff.topic_chat_id is None or handoff.topic_thread_id is None:
        return None
    return int(handoff.topic_chat_id), int(handoff.topic_thread_id)


# -- unanswered handoffs --------------------------------------------------------------------------


async def reannounce_overdue(bot: Bot, frontend: FrontEnd, *, now: dtm.datetime) -> int:
    """Re-post handoffs nobody answered within ``handoff_reannounce_minutes`` in their
    topics (during office hours only); how many were re-announced."""
    settings = frontend.settings
    if settings.counselor_chat_id is None or not OfficeHours.from_settings(settings).is_open(now):
        return 0
    now_utc = now.astimezone(dtm.UTC).replace(tzinfo=None)
    cutoff = now_utc - dtm.timedelta(minutes=settings.handoff_reannounce_minutes)
    with frontend.sessions() as session:
        due = [
            (h.id, h.seeker_id, h.seeker.sender_id, h.created_at)
            for h in overdue_handoffs(session=session, announced_before=cutoff)
        ]
    for handoff_id, seeker_id, sender_id, created_at in due:
        text = messages.REANNOUNCE.format(
            seeker_id=seeker_id, minutes=minutes_waiting(created_at, now_utc)
        )

        async def post(topic: Topic, text: str = text) -> None:
            await send_text(bot, topic[0], text, thread_id=topic[1])

        try:
            await with_topic(bot, frontend, handoff_id=handoff_id, sender_id=sender_id, action=post)
        except TelegramError as error:
            logger.warning("handoff %s: could not re-announce: %s", handoff_id, error)
            continue
        with frontend.sessions.begin() as session:
            mark_announced(session=session, handoff_id=handoff_id, at=now_utc)
    return len(due)


async def maintenance_loop(
    bot: Bot, frontend: FrontEnd, *, every: float = MAINTENANCE_EVERY
) -> None:
    """Forever: re-announce unanswered handoffs, finish what the outbox and /delete left
    undone, apply the retention periods, forget old update ids (PTB's JobQueue needs
    APScheduler, which is not installed; this runs as a task from ``post_init``)."""
    while True:
        await asyncio.sleep(every)
        await maintenance_round(bot, frontend)


async def maintenance_round(bot: Bot, frontend: FrontEnd) -> None:
    """One round of :func:`maintenance_loop`; each step's failure is logged, not raised."""
    steps = (
        lambda: reannounce_overdue(bot, frontend, now=dtm.datetime.now(dtm.UTC)),
        lambda: run_outbox(bot, frontend),
        lambda: finish_erasures(bot, frontend),
        lambda: run_retention(bot, frontend, now=utc_now()),
    )
    for step in steps:
        try:
            await step()
        except Exception:  # one bad step must not stop the others or the loop
            logger.exception("maintenance step failed")
    try:
        with frontend.sessions.begin() as session:
            forget_processed_updates(session=session, before=utc_now() - KEEP_UPDATE_IDS)
    except Exception:
        logger.exception("maintenance step failed")
