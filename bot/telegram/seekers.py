"""The seeker's conversation on Telegram (private chats): commands, messages, button presses.

A seeker is known to Rasa as ``tg-<telegram user id>``; every text and every pressed button
goes to Rasa's REST channel (`bot.telegram.conversation`) and the replies come back as cards. While a
counselor has the conversation (a live handoff in the database) messages are relayed to
the seeker's topic instead (`bot.telegram.handoff`), and Rasa is not asked.

Nothing reaches Rasa before the seeker has answered the keep-profile question: what they
say before is held in memory (``chat_data``, never stored) and sent on after the answer,
whichever it is. Without a yes no profile is stored (`storage.seekers.save_profile`) and
their conversation is erased once the session ends (`bot.telegram.retention`), as the
question says.

Callback data of this module's own buttons: ``seeker:keep:y|n`` (keep a profile); the
/withdraw and /delete commands are `bot.telegram.rights`'s; every other button's data is a
Rasa payload.
"""

from __future__ import annotations

import dataclasses
import logging

import httpx
from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Message, Update
from telegram.ext import (
    CallbackQueryHandler,
    CommandHandler,
    MessageHandler,
    filters,
)

from bot.settings import Settings
from bot.telegram import messages
from bot.telegram.cards import profile_lines, resolve_callback
from bot.telegram.conversation import Turn, converse, held_messages, turn_of
from bot.telegram.frontend import AnyApplication, Context, frontend_of
from bot.telegram.handoff import relay_from_seeker, release_by_seeker
from bot.telegram.locations import nearest_region, place_name
from bot.telegram.notify import show_answer
from bot.telegram.outbox import answer_query
from bot.telegram.rights import DELETE_PATTERN, answer_delete, ask_delete, withdraw
from bot.telegram.sending import send_text
from storage.models import utc_now
from storage.seekers import record_profile_consent

__all__ = ["START_OVER", "privacy_notice", "register_seeker_handlers"]

logger = logging.getLogger(__name__)


#: The payload /reset sends: Rasa's start_over intent, bypassing NLU.
START_OVER = "/start_over"
KEEP_PATTERN = r"^seeker:keep:[yn]$"
#: Messages held at most (the oldest give way): nobody says much before answering.
MOST_HELD = 5


def register_seeker_handlers(application: AnyApplication) -> None:
    """Add the private-chat handlers (after the company and counselor ones)."""
    private = filters.ChatType.PRIVATE & filters.UpdateType.MESSAGE
    for name, callback in (
        ("start", start),
        ("help", show_help),
        ("profile", show_profile),
        ("reset", reset),
        ("delete", ask_delete),
        ("withdraw", withdraw),
    ):
        application.add_handler(CommandHandler(name, callback, filters=private))
    application.add_handler(CallbackQueryHandler(answer_keep_profile, pattern=KEEP_PATTERN))
    application.add_handler(CallbackQueryHandler(answer_delete, pattern=DELETE_PATTERN))
    application.add_handler(CallbackQueryHandler(press_button))
    application.add_handler(MessageHandler(private & filters.COMMAND, unknown_command))
    application.add_handler(MessageHandler(private & filters.TEXT, on_text))
    application.add_handler(MessageHandler(private & filters.LOCATION, on_location))
    application.add_handler(MessageHandler(private & ~filters.StatusUpdate.ALL, on_other))


# -- who is writing -------------------------------------------------------------------------------


def _consent_keyboard() -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton(messages.BUTTON_CONSENT_YES, callback_data="seeker:keep:y"),
                InlineKeyboardButton(messages.BUTTON_CONSENT_NO, callback_data="seeker:keep:n"),
            ]
        ]
    )


def privacy_notice(settings: Settings) -> str:
    """The privacy notice with the retention periods in force."""
    return messages.PRIVACY_NOTICE.format(
        tracker_minutes=settings.declined_tracker_minutes,
        handoff_days=settings.handoff_retention_days,
        application_days=settings.application_retention_days,
    )


async def _introduce(context: Context, chat_id: int, *, greet: bool) -> None:
    """What is stored and why, and the question whether a profile may be kept."""
    notice = privacy_notice(frontend_of(context.bot_data).settings)
    intro = f"{messages.START_GREETING}\n\n{notice}" if greet else notice
    await send_text(context.bot, chat_id, intro)
    await send_text(context.bot, chat_id, messages.CONSENT_QUESTION, markup=_consent_keyboard())


async def _relayed(context: Context, turn: Turn, message: Message) -> bool:
    """During a handoff, copy the message to the counselors; True when that happened."""
    if turn.handoff_id is None:
        return False
    return await relay_from_seeker(
        context.bot,
        frontend_of(context.bot_data),
        message=message,
        handoff_id=turn.handoff_id,
        sender_id=turn.sender_id,
    )


async def _for_the_bot(update: Update, context: Context) -> tuple[Message, Turn] | None:
    """The seeker's message and turn, when the bot is to answer it.

    A first message gets the privacy notice before anything else; during a handoff the
    message is relayed to the counselors instead and None comes back.
    """
    message = update.effective_message
    if message is None or (turn := turn_of(update, context)) is None:
        return None
    if turn.new:
        await _introduce(context, turn.chat_id, greet=False)
    if await _relayed(context, turn, message):
        return None
    return message, turn


async def _answer(context: Context, turn: Turn, text: str) -> None:
    """Send ``text`` to Rasa, or, before the keep-profile answer, hold it until then."""
    if turn.consent is not None:
        await converse(context, turn, text)
        return
    held = held_messages(context)
    held.append(text)
    del held[:-MOST_HELD]
    if not turn.new:  # a new seeker was just asked
        await send_text(
            context.bot, turn.chat_id, messages.CONSENT_FIRST, markup=_consent_keyboard()
        )


# -- messages -------------------------------------------------------------------------------------


async def on_text(update: Update, context: Context) -> None:
    """Answer the seeker's message through Rasa (or relay it to their counselor)."""
    if (received := await _for_the_bot(update, context)) is None:
        return
    message, turn = received
    await _answer(context, turn, message.text or "")


async def on_location(update: Update, context: Context) -> None:
    """Take a shared location as where the seeker lives."""
    if (received := await _for_the_bot(update, context)) is None:
        return
    message, turn = received
    if message.location is None:
        return
    region = nearest_region(message.location.latitude, message.location.longitude)
    await _answer(context, turn, messages.LOCATION_AS_TEXT.format(region=place_name(region)))


async def on_other(update: Update, context: Context) -> None:
    """Photos, voice, stickers, files: relayed during a handoff, else a polite answer."""
    if (received := await _for_the_bot(update, context)) is None:
        return
    message, turn = received
    if message.voice or message.audio or message.video_note:
        text = messages.VOICE_UNSUPPORTED
    elif message.sticker:
        text = messages.STICKER_REPLY
    else:
        text = messages.MEDIA_UNSUPPORTED
    await send_text(context.bot, turn.chat_id, text)


async def unknown_command(update: Update, context: Context) -> None:
    """A command the bot does not know: relayed during a handoff, else a pointer to /help."""
    if (received := await _for_the_bot(update, context)) is None:
        return
    message, turn = received
    await send_text(context.bot, turn.chat_id, messages.UNKNOWN_COMMAND)


async def press_button(update: Update, context: Context) -> None:
    """Acknowledge a pressed button and send its payload to Rasa as the seeker's message."""
    query = update.callback_query
    if query is None or (turn := turn_of(update, context)) is None:
        if query is not None:
            await answer_query(query)
        return
    if turn.handoff_id is not None:
        await answer_query(query, messages.HANDOFF_TOAST)
        return
    payload = resolve_callback(query.data or "", context.bot_data)
    if not payload:
        await answer_query(query, messages.BUTTON_EXPIRED)
        return
    await answer_query(query)
    await _answer(context, turn, payload)


# -- commands -------------------------------------------------------------------------------------


async def start(update: Update, context: Context) -> None:
    """Greet, say what is stored and why, and ask whether a profile may be kept."""
    if (turn := turn_of(update, context)) is None:
        return
    if turn.handoff_id is not None:
        await send_text(context.bot, turn.chat_id, messages.HANDOFF_HELP)
    elif turn.consent is None:
        await _introduce(context, turn.chat_id, greet=True)
    else:
        await send_text(context.bot, turn.chat_id, messages.START_GREETING)


async def answer_keep_profile(update: Update, context: Context) -> None:
    """Record the seeker's answer about keeping a profile; then answer what they said
    while the question waited."""
    query = update.callback_query
    if query is None or (turn := turn_of(update, context)) is None:
        return
    granted = (query.data or "").endswith(":y")
    with frontend_of(context.bot_data).sessions.begin() as session:
        record_profile_consent(
            session=session, sender_id=turn.sender_id, granted=granted, at=utc_now()
        )
    await answer_query(query)
    chosen = messages.BUTTON_CONSENT_YES if granted else messages.BUTTON_CONSENT_NO
    await show_answer(query.message, chosen)
    reply = messages.CONSENT_GIVEN if granted else messages.CONSENT_DECLINED
    await send_text(context.bot, turn.chat_id, reply)
    logger.info("seeker %s answered the profile consent", turn.seeker_id)
    held = held_messages(context)
    answered = dataclasses.replace(turn, consent=granted)
    while held:
        await converse(context, answered, held.pop(0))


async def show_help(update: Update, context: Context) -> None:
    """Explain what the bot does and list the commands."""
    if (turn := turn_of(update, context)) is None:
        return
    text = messages.HANDOFF_HELP if turn.handoff_id is not None else messages.HELP
    await send_text(context.bot, turn.chat_id, text)


async def show_profile(update: Update, context: Context) -> None:
    """Show what the dialogue collected, if the seeker agreed that it is kept."""
    if (turn := turn_of(update, context)) is None:
        return
    if turn.consent is not True:
        await send_text(
            context.bot, turn.chat_id, messages.PROFILE_NOT_KEPT, markup=_consent_keyboard()
        )
        return
    try:
        tracker = await frontend_of(context.bot_data).rasa.tracker(
            turn.sender_id, include_events="NONE"
        )
    except httpx.HTTPError as error:
        logger.warning("tracker unavailable: %s", type(error).__name__)
        await send_text(context.bot, turn.chat_id, messages.PROFILE_UNAVAILABLE)
        return
    lines = profile_lines(tracker.get("slots") or {})
    text = "\n".join([messages.PROFILE_HEADER, *lines]) if lines else messages.PROFILE_EMPTY
    await send_text(context.bot, turn.chat_id, text)


async def reset(update: Update, context: Context) -> None:
    """Start over: end a handoff if there is one, and clear the dialogue's profile."""
    if (turn := turn_of(update, context)) is None:
        return
    if turn.consent is None:  # Rasa has nothing yet: forget what waits, ask again
        held_messages(context).clear()
        await send_text(
            context.bot, turn.chat_id, messages.CONSENT_QUESTION, markup=_consent_keyboard()
        )
        return
    if turn.handoff_id is not None:
        await release_by_seeker(
            context.bot,
            frontend_of(context.bot_data),
            handoff_id=turn.handoff_id,
            sender_id=turn.sender_id,
        )
    await converse(context, turn, START_OVER)
