"""Talking to Telegram from the seeker and counselor handlers: retries, long texts, typing.

Every Bot API call the handlers make goes through :func:`deliver`, which retries network
hiccups (``NetworkError`` and ``TimedOut``, e.g. a 502) a couple of times. Flood control
(HTTP 429) never reaches it: the bot's `bot.telegram.rate_limit.RateLimiter` waits it out.
``BadRequest`` and ``Forbidden`` are answers, not hiccups, and are raised at once.

A message sent whose answer timed out may well have arrived: sending it again would show
the seeker the same message twice, so a send is retried only when the request never
reached Telegram (:class:`MaybeDelivered` otherwise).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any, TypeVar

import httpx
from telegram import Bot, InlineKeyboardMarkup, Message, MessageId
from telegram.constants import ChatAction, MessageLimit
from telegram.error import BadRequest, Forbidden, NetworkError, TelegramError

__all__ = [
    "RETRIES",
    "MaybeDelivered",
    "copy_message",
    "deliver",
    "send_text",
    "split_text",
    "typing",
]

logger = logging.getLogger(__name__)

T = TypeVar("T")

#: Attempts after the first one, for network errors.
RETRIES = 2
#: Pauses before retrying after a network error (seconds).
NETWORK_BACKOFF = (0.5, 2.0)
#: Telegram shows "typing…" for about 5 seconds per sendChatAction.
TYPING_EVERY = 4.5
#: Calls that post something new: sent twice, they show twice.
SENDS = frozenset(
    {
        "sendMessage",
        "copyMessage",
        "sendPhoto",
        "sendDocument",
        "forwardMessage",
        "createForumTopic",
    }
)
#: httpx errors raised before the request reached Telegram: always safe to retry.
_NOT_SENT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)


class MaybeDelivered(NetworkError):
    """A send whose request reached Telegram but whose answer was lost (a read timeout, a
    dropped connection): it may have arrived, so it is not sent again."""

    def __init__(self, what: str) -> None:
        super().__init__(f"{what}: no answer; it may have been delivered")


def _maybe_delivered(error: NetworkError) -> bool:
    cause = error.__cause__
    return isinstance(cause, httpx.HTTPError) and not isinstance(cause, _NOT_SENT)


async def deliver(call: Callable[[], Awaitable[T]], *, what: str) -> T:
    """Run one Bot API call, retrying network errors up to `RETRIES` times.

    ``what`` names the call in logs (never the text being sent); a call named in `SENDS`
    raises :class:`MaybeDelivered` instead of a retry that could show it twice.
    """
    for attempt in range(RETRIES + 1):
        try:
            return await call()
        except (BadRequest, Forbidden):
            raise
        except NetworkError as error:
            if what in SENDS and _maybe_delivered(error):
                logger.warning("%s: %s after sending; not sent again", what, type(error).__name__)
                raise MaybeDelivered(what) from error
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
    message sent, or None for empty text or a last piece that may have been delivered
    (:class:`MaybeDelivered` is logged, the remaining pieces still go)."""
    pieces = split_text(text)
    sent: Message | None = None
    for number, piece in enumerate(pieces, start=1):
        keyboard = markup if number == len(pieces) else None

        def send(piece: str = piece, keyboard: InlineKeyboardMarkup | None = keyboard) -> Any:
            return bot.send_message(
                chat_id, piece, reply_markup=keyboard, message_thread_id=thread_id
            )

        try:
            sent = await deliver(send, what="sendMessage")
        except MaybeDelivered:
            sent = None
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
