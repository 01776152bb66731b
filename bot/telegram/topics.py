"""One forum topic per seeker in the counselors' group: opened or reused, the summary card,
and posting into it — recreating the topic when a counselor deleted it.

The topic of a handoff is stored on its row (``topic_chat_id``, ``topic_thread_id``), so
routing needs nothing in memory and survives restarts.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dtm
import logging
from collections.abc import Awaitable, Callable, Mapping, Sequence
from typing import Any, TypeVar

import httpx
from telegram import Bot
from telegram.constants import ForumTopicLimit
from telegram.error import BadRequest

from actions.replies import OPENINGS, OpeningsPayload, fallback_text, payload_of
from bot.telegram import messages
from bot.telegram.cards import profile_lines
from bot.telegram.frontend import FrontEnd
from bot.telegram.paths_summary import seeker_paths
from bot.telegram.sending import deliver, send_text
from retrieval.cards import render_card_line
from storage.handoffs import Topic, assign_topic, get_handoff, seeker_topic
from storage.models import utc_now

__all__ = [
    "close_topic",
    "conversation_state",
    "create_topic",
    "delete_topic",
    "minutes_waiting",
    "open_topic",
    "post_summary",
    "summary_text",
    "topic_is_gone",
    "topic_name",
    "with_topic",
]

logger = logging.getLogger(__name__)

T = TypeVar("T")

#: Seeker and bot messages quoted in the summary card, and how much of each.
RECENT_MESSAGES = 6
QUOTE_CHARS = 160


def topic_is_gone(error: BadRequest) -> bool:
    """True when Telegram says the topic no longer exists (a counselor deleted it)."""
    text = str(error).lower()
    return "thread not found" in text or "topic_id_invalid" in text


def topic_name(seeker_id: int, slots: Mapping[str, Any]) -> str:
    """The topic's name, e.g. "구직자 #12 · 용접원 15년": a number and a job, never a name."""
    job = str(slots.get("occupation") or "").strip()
    name = (
        messages.TOPIC_NAME_WITH_JOB.format(seeker_id=seeker_id, job=job)
        if job
        else messages.TOPIC_NAME.format(seeker_id=seeker_id)
    )
    return name[: ForumTopicLimit.MAX_NAME_LENGTH]


async def conversation_state(frontend: FrontEnd, sender_id: str) -> dict[str, Any]:
    """The Rasa tracker (slots and events), or ``{}`` when Rasa cannot be asked."""
    try:
        return await frontend.rasa.tracker(sender_id)
    except httpx.HTTPError as error:
        logger.warning("tracker unavailable: %s", type(error).__name__)
        return {}


def _quote(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= QUOTE_CHARS else text[: QUOTE_CHARS - 1] + "…"


def summary_text(
    seeker_id: int,
    reason: str,
    tracker: Mapping[str, Any],
    office_note: str | None = None,
    paths: Sequence[str] = (),
) -> str:
    """The card counselors see first: why, the profile, the last results, the likely career
    paths and courses (``paths``, from :mod:`bot.telegram.paths_summary`), the last messages."""
    slots = tracker.get("slots") or {}
    events = list(tracker.get("events") or [])
    lines = [
        messages.SUMMARY_TITLE.format(seeker_id=seeker_id),
        messages.SUMMARY_REASON.format(reason=messages.REASON_LABELS.get(reason, reason)),
        "",
        messages.SUMMARY_PROFILE,
        *(profile_lines(slots) or [messages.SUMMARY_NO_PROFILE]),
    ]
    results = _last_results(events)
    if results is not None and results["openings"]:
        lines += ["", messages.SUMMARY_RESULTS]
        lines += [
            messages.SUMMARY_RESULT.format(
                card=render_card_line(card, card["rank"]), opening_id=card["opening_id"]
            )
            for card in results["openings"]
        ]
    if paths:
        lines += ["", *paths]
    said = [_said(e) for e in events if e.get("event") in ("user", "bot")]
    said = [s for s in said if s][-RECENT_MESSAGES:]
    if said:
        lines += ["", messages.SUMMARY_MESSAGES, *said]
    if office_note:
        lines += ["", office_note]
    lines += ["", messages.SUMMARY_FOOTER]
    return "\n".join(lines)


def _last_results(events: list[dict[str, Any]]) -> OpeningsPayload | None:
    """The last page of results the bot showed in these tracker events."""
    for event in reversed(events):
        payload = payload_of(event.get("data") or {}) if event.get("event") == "bot" else None
        if payload is not None and payload["type"] == OPENINGS:
            return payload
    return None


def _said(event: Mapping[str, Any]) -> str:
    if event.get("event") == "user":
        text = str(event.get("text") or "")
        if text.startswith("/"):  # a pressed button: show which intent, not the JSON
            intent = ((event.get("parse_data") or {}).get("intent") or {}).get("name") or text
            text = messages.SEEKER_PRESSED.format(intent=intent)
        return messages.SEEKER_SAID.format(text=_quote(text)) if text else ""
    text = str(event.get("text") or fallback_text(event.get("data") or {}))
    return messages.BOT_SAID.format(text=_quote(text)) if text else ""


async def create_topic(bot: Bot, chat_id: int, name: str) -> Topic:
    """A new forum topic in the counselors' group."""
    topic = await deliver(lambda: bot.create_forum_topic(chat_id, name), what="createForumTopic")
    return chat_id, topic.message_thread_id


async def open_topic(bot: Bot, frontend: FrontEnd, *, handoff_id: int, name: str) -> Topic:
    """The handoff's topic: its own, else the seeker's earlier one (reopened), else a new one."""
    chat_id = frontend.settings.counselor_chat_id
    if chat_id is None:
        raise ValueError("no counselor_chat_id configured")
    with frontend.sessions() as session:
        handoff = get_handoff(session=session, handoff_id=handoff_id)
        if handoff is None:
            raise LookupError(f"handoff {handoff_id} is gone")
        if handoff.topic_chat_id == chat_id and handoff.topic_thread_id is not None:
            return chat_id, handoff.topic_thread_id
        topic = seeker_topic(session=session, seeker_id=handoff.seeker_id, chat_id=chat_id)
    if topic is not None:
        thread_id = topic[1]
        try:
            await deliver(
                lambda: bot.reopen_forum_topic(chat_id, thread_id), what="reopenForumTopic"
            )
        except BadRequest as error:
            if topic_is_gone(error):
                topic = None
            elif "not_modified" not in str(error).lower():  # open already: fine
                raise
    if topic is None:
        topic = await create_topic(bot, chat_id, name)
    with frontend.sessions.begin() as session:
        assign_topic(session=session, handoff_id=handoff_id, topic=topic, announced_at=utc_now())
    return topic


async def post_summary(
    bot: Bot,
    frontend: FrontEnd,
    *,
    handoff_id: int,
    sender_id: str,
    office_note: str | None = None,
) -> Topic:
    """Open (or reuse) the handoff's topic and post the summary card in it."""
    tracker = await conversation_state(frontend, sender_id)
    with frontend.sessions() as session:
        handoff = get_handoff(session=session, handoff_id=handoff_id)
        if handoff is None:
            raise LookupError(f"handoff {handoff_id} is gone")
        seeker_id, reason = handoff.seeker_id, handoff.reason
    name = topic_name(seeker_id, tracker.get("slots") or {})
    settings = frontend.settings
    paths = await asyncio.to_thread(
        seeker_paths,
        frontend.sessions,
        tracker,
        today=dtm.date.today(),
        home_region=settings.default_home_region,
        commute_km=settings.commute_km,
    )
    text = summary_text(seeker_id, reason, tracker, office_note, paths)
    topic = await open_topic(bot, frontend, handoff_id=handoff_id, name=name)
    try:
        await send_text(bot, topic[0], text, thread_id=topic[1])
    except BadRequest as error:
        if not topic_is_gone(error):
            raise
        topic = await _replace_topic(bot, frontend, handoff_id=handoff_id, name=name)
        await send_text(bot, topic[0], text, thread_id=topic[1])
    return topic


async def _replace_topic(bot: Bot, frontend: FrontEnd, *, handoff_id: int, name: str) -> Topic:
    chat_id = frontend.settings.counselor_chat_id
    assert chat_id is not None
    topic = await create_topic(bot, chat_id, name)
    with frontend.sessions.begin() as session:
        assign_topic(session=session, handoff_id=handoff_id, topic=topic, announced_at=utc_now())
    logger.info("handoff %s: topic was deleted, moved to thread %s", handoff_id, topic[1])
    return topic


async def with_topic(
    bot: Bot,
    frontend: FrontEnd,
    *,
    handoff_id: int,
    sender_id: str,
    action: Callable[[Topic], Awaitable[T]],
) -> T:
    """Run ``action`` on the handoff's topic; when the topic was deleted, make a new one
    (with a fresh summary card) and run it there."""
    with frontend.sessions() as session:
        handoff = get_handoff(session=session, handoff_id=handoff_id)
        if handoff is None:
            raise LookupError(f"handoff {handoff_id} is gone")
        stored = (
            (handoff.topic_chat_id, handoff.topic_thread_id)
            if handoff.topic_chat_id is not None and handoff.topic_thread_id is not None
            else None
        )
    if stored is None:
        topic = await post_summary(bot, frontend, handoff_id=handoff_id, sender_id=sender_id)
        return await action(topic)
    try:
        return await action(stored)
    except BadRequest as error:
        if not topic_is_gone(error):
            raise
    tracker = await conversation_state(frontend, sender_id)
    with frontend.sessions() as session:
        handoff = get_handoff(session=session, handoff_id=handoff_id)
        seeker_id, reason = (handoff.seeker_id, handoff.reason) if handoff else (0, "")
    name = topic_name(seeker_id, tracker.get("slots") or {})
    topic = await _replace_topic(bot, frontend, handoff_id=handoff_id, name=name)
    note = messages.TOPIC_RECREATED + "\n\n" + summary_text(seeker_id, reason, tracker)
    await send_text(bot, topic[0], note, thread_id=topic[1])
    return await action(topic)


async def close_topic(bot: Bot, topic: Topic) -> None:
    """Close a topic; a topic already closed or gone is fine."""
    chat_id, thread_id = topic
    with contextlib.suppress(BadRequest):
        await deliver(lambda: bot.close_forum_topic(chat_id, thread_id), what="closeForumTopic")


async def delete_topic(bot: Bot, topic: Topic) -> None:
    """Delete a forum topic with every message in it (the bot needs ``can_delete_messages``);
    one already gone is fine, any other refusal is raised."""
    chat_id, thread_id = topic
    try:
        await deliver(lambda: bot.delete_forum_topic(chat_id, thread_id), what="deleteForumTopic")
    except BadRequest as error:
        if not topic_is_gone(error):
            raise


def minutes_waiting(since: dtm.datetime, now: dtm.datetime) -> int:
    """Whole minutes between two naive UTC times."""
    return max(0, int((now - since).total_seconds() // 60))
