"""The counselors' forum: relaying to the seeker and the commands in a seeker's topic.

    counselor writes in a topic ─► copied to the seeker (first answer: open → active)
    /release (member)           ─► resume the tracker, the seeker is told the bot is back,
                                   the topic is closed
    /take (member)              ─► a counselor starts a handoff from the seeker's topic
                                   (or from General: ``/take <seeker no.>``)
    /note text                  ─► an internal CounselorNote, never sent to the seeker
    /profile                    ─► the profile the dialogue collected

Only members of the counselors' group may act (getChatMember). The seeker's side of a
handoff (starting it, relaying their messages) is `bot.telegram.handoff`.
"""

from __future__ import annotations

import contextlib
import logging
import time
from typing import Any, NamedTuple

from telegram import Bot, Message, Update
from telegram.error import BadRequest, Forbidden
from telegram.ext import CommandHandler, MessageHandler, filters

from bot.telegram import messages
from bot.telegram.cards import profile_lines
from bot.telegram.frontend import AnyApplication, Context, FrontEnd, frontend_of
from bot.telegram.handoff import set_paused
from bot.telegram.sending import copy_message, send_text
from bot.telegram.topics import (
    close_topic,
    conversation_state,
    create_topic,
    post_summary,
    topic_name,
)
from storage.handoffs import (
    LIVE_STATUSES,
    Topic,
    add_note,
    handoff_for_topic,
    mark_answered,
    release_handoff,
    seeker_topic,
    take_over,
)
from storage.models import utc_now
from storage.seekers import get_seeker

__all__ = ["COUNSELOR_STATUSES", "is_counselor", "register_counselor_handlers"]

logger = logging.getLogger(__name__)


#: getChatMember statuses that may act on handoffs.
COUNSELOR_STATUSES = frozenset({"creator", "administrator", "member"})
#: How long a membership answer is trusted (seconds): one getChatMember per counselor a while.
MEMBERSHIP_TTL = 300.0
MEMBERS_KEY = "counselor_members"


def register_counselor_handlers(application: AnyApplication, chat_id: int | None) -> None:
    """Commands and relaying in the counselors' forum (nothing when none is configured)."""
    if chat_id is None:
        return
    in_group = filters.Chat(chat_id) & filters.UpdateType.MESSAGE
    for name, callback in (
        ("take", take),
        ("release", release),
        ("note", note),
        ("profile", show_profile),
    ):
        application.add_handler(CommandHandler(name, callback, filters=in_group))
    application.add_handler(MessageHandler(in_group & filters.COMMAND, counselor_help))
    application.add_handler(MessageHandler(in_group & ~filters.StatusUpdate.ALL, relay_to_seeker))


# -- the counselors' side -------------------------------------------------------------------------


async def is_counselor(
    bot: Bot, frontend: FrontEnd, bot_data: dict[str, Any], message: Message
) -> bool:
    """True when the message's author is a member of the counselors' group (an anonymous
    admin posting as the group counts)."""
    chat_id = frontend.settings.counselor_chat_id
    if chat_id is None:
        return False
    if message.sender_chat is not None:
        return message.sender_chat.id == chat_id
    user = message.from_user
    if user is None:
        return False
    cache: dict[int, tuple[bool, float]] = bot_data.setdefault(MEMBERS_KEY, {})
    known = cache.get(user.id)
    if known is not None and known[1] > time.monotonic():
        return known[0]
    try:
        member = await bot.get_chat_member(chat_id, user.id)
        allowed = member.status in COUNSELOR_STATUSES
    except BadRequest:
        allowed = False
    cache[user.id] = (allowed, time.monotonic() + MEMBERSHIP_TTL)
    return allowed


def _thread_of(message: Message) -> int | None:
    return message.message_thread_id if message.is_topic_message else None


async def _answer(bot: Bot, message: Message, text: str) -> None:
    """Reply in the topic (or the General chat) the counselor wrote in."""
    await send_text(bot, message.chat_id, text, thread_id=_thread_of(message))


async def _authorized(update: Update, context: Context) -> Message | None:
    """The counselor's message when its author may act; otherwise they are told politely."""
    message = update.effective_message
    if message is None:
        return None
    if not await is_counselor(
        context.bot, frontend_of(context.bot_data), context.bot_data, message
    ):
        logger.info("refused a counselor action from a non-member")
        await _answer(context.bot, message, messages.NOT_A_COUNSELOR)
        return None
    return message


class TopicSeeker(NamedTuple):
    """The handoff a topic belongs to, and its seeker."""

    handoff_id: int
    seeker_id: int
    sender_id: str
    seeker_chat_id: int | None
    status: str


def _seeker_of_topic(frontend: FrontEnd, message: Message) -> TopicSeeker | None:
    """The handoff and seeker of the topic ``message`` was written in."""
    thread_id = _thread_of(message)
    if thread_id is None:
        return None
    with frontend.sessions() as session:
        handoff = handoff_for_topic(session=session, chat_id=message.chat_id, thread_id=thread_id)
        if handoff is None:
            return None
        seeker = handoff.seeker
        return TopicSeeker(
            handoff.id, seeker.id, seeker.sender_id, seeker.telegram_chat_id, handoff.status
        )


async def _topic_command(
    update: Update, context: Context
) -> tuple[Message, FrontEnd, TopicSeeker] | None:
    """A member's command in a seeker's topic; anything else is answered here and gives None."""
    if (message := await _authorized(update, context)) is None:
        return None
    frontend = frontend_of(context.bot_data)
    found = _seeker_of_topic(frontend, message)
    if found is None:
        await _answer(context.bot, message, messages.NO_SEEKER_HERE)
        return None
    return message, frontend, found


async def relay_to_seeker(update: Update, context: Context) -> None:
    """Copy a counselor's message in a seeker's topic to that seeker."""
    message = update.effective_message
    if message is None or _thread_of(message) is None:
        return  # the General chat: counselors talking among themselves
    frontend = frontend_of(context.bot_data)
    found = _seeker_of_topic(frontend, message)
    if found is None:
        return  # a topic that is not a seeker's
    if (message := await _authorized(update, context)) is None:
        return
    handoff_id, _, _, seeker_chat_id, status = found
    if status not in LIVE_STATUSES or seeker_chat_id is None:
        await _answer(context.bot, message, messages.HANDOFF_OVER)
        return
    try:
        await copy_message(
            context.bot, chat_id=seeker_chat_id, from_chat_id=message.chat_id,
            message_id=message.message_id,
        )  # fmt: skip
    except Forbidden:
        await _answer(context.bot, message, messages.SEEKER_UNREACHABLE)
        return
    with frontend.sessions.begin() as session:
        mark_answered(session=session, handoff_id=handoff_id, at=utc_now())


async def release(update: Update, context: Context) -> None:
    """Give the seeker of this topic back to the bot."""
    if (message := await _authorized(update, context)) is None:
        return
    frontend = frontend_of(context.bot_data)
    found = _seeker_of_topic(frontend, message)
    if found is None or found.status not in LIVE_STATUSES:
        await _answer(context.bot, message, messages.RELEASE_NOTHING)
        return
    handoff_id, _, sender_id, seeker_chat_id, _ = found
    with frontend.sessions.begin() as session:
        release_handoff(session=session, handoff_id=handoff_id, at=utc_now())
    await set_paused(frontend, sender_id, False)
    if seeker_chat_id is not None:
        try:
            await send_text(context.bot, seeker_chat_id, messages.BOT_BACK)
        except Forbidden:
            logger.info("handoff %s: the seeker blocked the bot", handoff_id)
    await _answer(context.bot, message, messages.RELEASED_TOPIC)
    thread_id = _thread_of(message)
    if thread_id is not None:
        await close_topic(context.bot, (message.chat_id, thread_id))
    logger.info("handoff %s released", handoff_id)


async def take(update: Update, context: Context) -> None:
    """Start a handoff from the seeker's topic, or from General with ``/take <seeker no.>``."""
    if (message := await _authorized(update, context)) is None:
        return
    frontend = frontend_of(context.bot_data)
    thread_id = _thread_of(message)
    if thread_id is not None:
        found = _seeker_of_topic(frontend, message)
        if found is None:
            await _answer(context.bot, message, messages.NO_SEEKER_HERE)
            return
        seeker_id = found.seeker_id
        topic: Topic | None = (message.chat_id, thread_id)
    elif context.args and context.args[0].lstrip("#").isdigit():
        seeker_id = int(context.args[0].lstrip("#"))
        with frontend.sessions() as session:
            topic = seeker_topic(session=session, seeker_id=seeker_id, chat_id=message.chat_id)
    else:
        await _answer(context.bot, message, messages.TAKE_WHERE)
        return
    with frontend.sessions() as session:
        seeker = get_seeker(session=session, seeker_id=seeker_id)
        if seeker is None:
            await _answer(context.bot, message, messages.NO_SEEKER_HERE)
            return
        sender_id, seeker_chat_id = seeker.sender_id, seeker.telegram_chat_id
    new_topic = topic is None
    if topic is None:
        tracker = await conversation_state(frontend, sender_id)
        topic = await create_topic(
            context.bot, message.chat_id, topic_name(seeker_id, tracker.get("slots") or {})
        )
    with frontend.sessions.begin() as session:
        handoff_id = take_over(session=session, seeker_id=seeker_id, topic=topic, at=utc_now()).id
    await set_paused(frontend, sender_id, True)
    if new_topic:
        await post_summary(context.bot, frontend, handoff_id=handoff_id, sender_id=sender_id)
    else:
        with contextlib.suppress(BadRequest):  # open already
            await context.bot.reopen_forum_topic(topic[0], topic[1])
    if seeker_chat_id is not None:
        try:
            await send_text(context.bot, seeker_chat_id, messages.COUNSELOR_JOINED)
        except Forbidden:
            logger.info("handoff %s: the seeker blocked the bot", handoff_id)
    await send_text(context.bot, topic[0], messages.TAKEN, thread_id=topic[1])


async def note(update: Update, context: Context) -> None:
    """Keep an internal note on this topic's handoff (never sent to the seeker)."""
    if (command := await _topic_command(update, context)) is None:
        return
    message, frontend, found = command
    parts = (message.text or "").split(maxsplit=1)
    text = parts[1].strip() if len(parts) > 1 else ""
    if not text:
        await _answer(context.bot, message, messages.NOTE_EMPTY)
        return
    author = message.from_user.id if message.from_user else message.chat_id
    with frontend.sessions.begin() as session:
        add_note(session=session, handoff_id=found.handoff_id, counselor_user_id=author, text=text)
    await _answer(context.bot, message, messages.NOTE_SAVED)


async def show_profile(update: Update, context: Context) -> None:
    """Show the profile the dialogue collected for this topic's seeker."""
    if (command := await _topic_command(update, context)) is None:
        return
    message, frontend, found = command
    tracker = await conversation_state(frontend, found.sender_id)
    lines = profile_lines(tracker.get("slots") or {}) or [messages.SUMMARY_NO_PROFILE]
    header = messages.COUNSELOR_PROFILE_HEADER.format(seeker_id=found.seeker_id)
    await _answer(context.bot, message, "\n".join([header, *lines]))


async def counselor_help(update: Update, context: Context) -> None:
    """List the commands that work in a seeker's topic (for an unknown command)."""
    message = update.effective_message
    if message is not None and _thread_of(message) is not None:
        await _answer(context.bot, message, messages.COUNSELOR_HELP)
