"""Telegram's sending limits, kept by the bot itself: at most 30 messages a second overall
and 20 a minute into one group (every handoff message goes to the one counselors' group),
and flood control (HTTP 429) waited out however long Telegram asks, by every call at once.

PTB's ``AIORateLimiter`` does the same with the aiolimiter package, but gives up on a
``retry_after`` it finds too long; a message to a seeker is never dropped here.
"""

from __future__ import annotations

import asyncio
import datetime as dtm
import logging
import time
import warnings
from collections import deque
from collections.abc import Callable, Coroutine
from typing import Any

from telegram.error import RetryAfter
from telegram.ext import BaseRateLimiter
from telegram.warnings import PTBDeprecationWarning

__all__ = ["RateLimiter", "retry_seconds"]

logger = logging.getLogger(__name__)

JSONDict = dict[str, Any]

#: Telegram's documented limits (core.telegram.org/bots/faq#broadcasting-to-users).
OVERALL_PER_SECOND = 30
GROUP_PER_MINUTE = 20
#: Calls that are answers, not messages: only the overall limit and flood control apply.
UNLIMITED = frozenset({"getUpdates", "getMe", "answerCallbackQuery", "sendChatAction"})


def retry_seconds(flood: RetryAfter) -> float:
    """How long Telegram asked us to wait (``retry_after`` is an int, or a timedelta with
    ``PTB_TIMEDELTA=true``)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", PTBDeprecationWarning)
        value = flood.retry_after
    return value.total_seconds() if isinstance(value, dtm.timedelta) else float(value)


class Window:
    """At most ``limit`` acquisitions in any ``period`` seconds; waiters go first come,
    first served."""

    def __init__(self, limit: int, period: float) -> None:
        self.limit = limit
        self.period = period
        self._times: deque[float] = deque()
        self._lock = asyncio.Lock()

    async def acquire(self) -> None:
        """Wait until one more acquisition fits in the window."""
        async with self._lock:
            while True:
                now = time.monotonic()
                while self._times and now - self._times[0] >= self.period:
                    self._times.popleft()
                if len(self._times) < self.limit:
                    self._times.append(now)
                    return
                await asyncio.sleep(self.period - (now - self._times[0]))


class RateLimiter(BaseRateLimiter[None]):
    """The bot's limiter (``ApplicationBuilder.rate_limiter``); ``max_retries`` flood-control
    answers of one call are waited out before the call's ``RetryAfter`` is raised."""

    def __init__(
        self,
        *,
        per_second: int = OVERALL_PER_SECOND,
        group_per_minute: int = GROUP_PER_MINUTE,
        max_retries: int = 5,
    ) -> None:
        self.max_retries = max_retries
        self._overall = Window(per_second, 1.0)
        self._group_per_minute = group_per_minute
        self._groups: dict[int | str, Window] = {}
        self._open = asyncio.Event()
        self._open.set()

    async def initialize(self) -> None:
        """Nothing to set up."""

    async def shutdown(self) -> None:
        """Nothing to free."""

    def _group(self, chat_id: int | str) -> Window:
        window = self._groups.get(chat_id)
        if window is None:
            window = self._groups[chat_id] = Window(self._group_per_minute, 60.0)
        return window

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, bool | JSONDict | list[JSONDict]]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: None,
    ) -> bool | JSONDict | list[JSONDict]:
        """Wait for the limits, make the call, wait out flood control and try again."""
        chat_id = data.get("chat_id")
        group = endpoint not in UNLIMITED and (
            isinstance(chat_id, str) or (isinstance(chat_id, int) and chat_id < 0)
        )
        for attempt in range(self.max_retries + 1):
            await self._open.wait()
            if endpoint != "getUpdates":
                if group:
                    assert chat_id is not None
                    await self._group(chat_id).acquire()
                await self._overall.acquire()
            try:
                return await callback(*args, **kwargs)
            except RetryAfter as flood:
                if attempt == self.max_retries:
                    raise
                wait = retry_seconds(flood) + 0.1
                logger.warning("%s: flood control, every call waits %.0f s", endpoint, wait)
                self._open.clear()  # Telegram limits the bot, not the one chat: everyone waits
                try:
                    await asyncio.sleep(wait)
                finally:
                    self._open.set()
        raise AssertionError("unreachable")
