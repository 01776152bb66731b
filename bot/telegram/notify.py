"""What the handlers send besides plain messages: button-message edits (an answer shown in
place of its buttons) and notices to the counselors' group. Sending itself is `bot.telegram.sending`'s (flood control,
network retries)."""

from __future__ import annotations

import logging

from telegram import Bot, InlineKeyboardMarkup, MaybeInaccessibleMessage, Message
from telegram.error import TelegramError

from bot.settings import Settings
from bot.telegram import messages
from bot.telegram.sending import deliver, send_text

__all__ = ["edit_text", "message_text", "show_answer", "tell_counselors"]

logger = logging.getLogger(__name__)


async def edit_text(
    message: MaybeInaccessibleMessage | None,
    text: str,
    markup: InlineKeyboardMarkup | None = None,
) -> None:
    """Replace a button message's text and keyboard (none: the buttons go away).

    An edit that fails (message too old, deleted, unchanged) is logged, not raised: the
    press itself is already recorded.
    """
    if not isinstance(message, Message):
        return
    try:
        await deliver(lambda: message.edit_text(text, reply_markup=markup), what="editMessageText")
    except TelegramError as error:
        logger.info("could not edit message %s: %s", message.message_id, error)


async def show_answer(message: MaybeInaccessibleMessage | None, answer: str) -> None:
    """Replace a question's buttons by the answer chosen, so it cannot be pressed twice."""
    if question := message_text(message):
        await edit_text(message, messages.CONSENT_CHOSEN.format(question=question, answer=answer))


def message_text(message: MaybeInaccessibleMessage | None) -> str:
    """The text of a button message, or '' when Telegram no longer shows it to the bot."""
    return (message.text or "") if isinstance(message, Message) else ""


async def tell_counselors(bot: Bot, settings: Settings, text: str) -> None:
    """Post a notice in the counselors' group (its General topic), when one is configured."""
    if settings.counselor_chat_id is None:
        return
    try:
        await send_text(bot, settings.counselor_chat_id, text)
    except TelegramError as error:
        logger.warning("could not notify the counselors: %s", error)
