"""Talking to Telegram from the seeker and counselor handlers: retries, long texts, typing.

Every Bot API call the handlers make goes through :func:`deliver`, which waits out flood
control (HTTP 429, ``RetryAfter``; PTB has no rate limiter installed, so it reaches us) and
retries network hiccups (``NetworkError`` and ``TimedOut``) a couple of times. ``BadRequest``
and ``Forbidden`` are answers, not hiccups, and are raised at once.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dtm
import logging
import warnings
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any, TypeVar

from telegram import Bot, InlineKeyboardMarkup, Message, MessageId
from telegram.constants import ChatAction, MessageLimit
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TelegramError
from telegram.warnings import PTBDeprecationWarning

__all__ = [
    "RETRIES",
    "copy_message",
    "deliver",
    "retry_seconds",
    "send_text",
    "split_text",
    "typing",
]

logger = logging.getLogger(__name__)

T = TypeVar("T")

#: Attempts after the first one, for flood control and for network errors alike.
RETRIES = 2
#: Pauses before retrying after a network error (seconds).
NETWORK_BACKOFF = (0.5, 2.0)
#: Flood control asking for a longer wait is not waited out inside a handler.
MAX_FLOOD_WAIT = 60.0
#: Telegram shows "typing…" for about 5 seconds per sendChatAction.
TYPING_EVERY = 4.5


def retry_seconds(flood: RetryAfter) -> float:
    """How long Telegram asked us to wait (``retry_after`` is an int, or a timedelta with
    ``PTB_TIMEDELTA=true``)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", PTBDeprecationWarning)
        value = flood.retry_after
    return value.total_seconds() if isinstance(value, dtm.timedelta) else float(value)


async def deliver(call: Callable[[], Awaitable[T]], *, what: str) -> T:
    """Run one Bot API call, retrying flood control and network errors up to `RETRIES` times.

    ``what`` names the call in logs (never the text being sent).
    """
    for attempt in range(RETRIES + 1):
        try:
            return await call()
        except RetryAfter as flood:
            wait = retry_seconds(flood)
            if attempt == RETRIES or wait > MAX_FLOOD_WAIT:
                raise
            logger.warning("%s: flood control, retrying in %.0f s", what, wait)
            await asyncio.sleep(wait)
        except (BadRequest, Forbidden):
            raise
        except NetworkError as error:
            if attempt == RETRIES:
                raise
            logger.warning("%s: %s, retrying", what, type(error).__name__)
            await asyncio.sleep(NETWORK_BACKOFF[min(attempt, len(NETWORK_BACKOFF) - 1)])
    raise AssertionError("unreachable")


def _units(text: str) -> int:
    # Telegram measures text in UTF-16 code units: an emoji such as 📍 counts twice.
    return len(text.encode("utf-16-le")) // 2


def _cut(line: str, limit: int) -> tuple[str, str]:
    """The longest head of ``line`` within ``limit`` units, ending at a space if one exists."""
    end = min(len(line), limit)
    while _units(line[:end]) > limit:
        end -= 1
    space = line.rfind(" ", 0, end + 1) if end < len(line) else -1
    if space > 0:
        end = space
    return line[:end], line[end:].lstrip(" ")


def split_text(text: str, limit: int = MessageLimit.MAX_TEXT_LENGTH) -> list[str]:
    """Cut ``text`` into messages of at most ``limit`` UTF-16 units, at line ends.

    A single line longer than ``limit`` is cut at the last space before it, or hard at
    ``limit``. Pieces keep their lines intact and in order; empty text gives ``[]``.
    """
    pieces: list[str] = []
    current: list[str] = []
    size = 0
    for line in text.split("\n"):
        while _units(line) > limit:
            head, line = _cut(line, limit)
            if current:
                pieces.append("\n".join(current))
                current, size = [], 0
            pieces.append(head)
        units = _units(line)
        if current and size + 1 + units > limit:
            pieces.append("\n".join(current))
            current, size = [], 0
        size += units + (1 if current else 0)
        current.append(line)
    pieces.append("\n".join(current))
    return [p.strip("\n") for p in pieces if p.strip()]


async def send_text(
    bot: Bot,
    chat_id: int,
    text: str,
    *,
    markup: InlineKeyboardMarkup | None = None,
    thread_id: int | None = None,
) -> Message | None:
    """Send ``text`` (split when long; the keyboard goes with the last piece); the last
    message sent, or None for empty text."""
    pieces = split_text(text)
    sent: Message | None = None
    for number, piece in enumerate(pieces, start=1):
        keyboard = markup if number == len(pieces) else None

        def send(piece: str = piece, keyboard: InlineKeyboardMarkup | None = keyboard) -> Any:
            return bot.send_message(
                chat_id, piece, reply_markup=keyboard, message_thread_id=thread_id
            )

        sent = await deliver(send, what="sendMessage")
    return sent


async def copy_message(
    bot: Bot, *, chat_id: int, from_chat_id: int, message_id: int, thread_id: int | None = None
) -> MessageId:
    """Copy a message (any kind: text, photo, document...) without a "forwarded" header."""
    return await deliver(
        lambda: bot.copy_message(chat_id, from_chat_id, message_id, message_thread_id=thread_id),
        what="copyMessage",
    )


@contextlib.asynccontextmanager
async def typing(bot: Bot, chat_id: int) -> AsyncIterator[None]:
    """Show "typing…" in the chat until the block ends (best effort, never raises)."""

    async def show() -> None:
        with contextlib.suppress(TelegramError):
            await bot.send_chat_action(chat_id, ChatAction.TYPING)

    async def keep_typing() -> None:
        while True:
            await asyncio.sleep(TYPING_EVERY)
            await show()

    await show()  # at once: even a quick answer is preceded by "typing…"

    task = asyncio.create_task(keep_typing())
    try:
        yield
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
