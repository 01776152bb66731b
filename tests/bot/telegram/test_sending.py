"""Long texts cut the way Telegram counts them; a send that may have arrived is not repeated."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from telegram.error import TimedOut

from bot.telegram.sending import MaybeDelivered, deliver, split_text


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.mark.parametrize("limit", [4096, 100])
def test_split_text_cuts_at_line_ends_and_keeps_every_line(limit: int) -> None:
    lines = [f"{n}. 용접원 모집 — 군산시 오식도동, 월 300만원 이상, 주간 근무" for n in range(400)]
    text = "\n".join(lines)
    pieces = split_text(text, limit)
    assert len(pieces) > 1
    assert all(len(p) <= limit for p in pieces)
    assert [line for p in pieces for line in p.split("\n")] == lines


def test_split_text_cuts_a_single_overlong_line_at_spaces() -> None:
    line = " ".join(["특수용접"] * 3000)  # 14,999 characters, no line breaks
    pieces = split_text(line)
    assert all(len(p) <= 4096 for p in pieces)
    assert " ".join(pieces) == line
    assert split_text("") == [] and split_text("짧아요") == ["짧아요"]


def test_split_text_counts_emoji_as_telegram_does() -> None:
    line = "📍 군산시 오식도동"  # 📍 is two UTF-16 units
    pieces = split_text("\n".join([line] * 1000))
    assert all(len(p.encode("utf-16-le")) // 2 <= 4096 for p in pieces)
    assert sum(p.count("📍") for p in pieces) == 1000


def _timing_out(cause: httpx.TimeoutException, then: str | None = None) -> Any:
    """A Bot API call as PTB makes it: TimedOut raised from httpx's exception; ``then`` is
    what a second attempt returns (None: it times out again)."""
    attempts: list[int] = []

    async def call() -> str:
        attempts.append(1)
        if then is not None and len(attempts) > 1:
            return then
        try:
            raise cause
        except httpx.TimeoutException as error:
            raise TimedOut() from error

    call.attempts = attempts  # type: ignore[attr-defined]
    return call


@pytest.mark.anyio
async def test_a_send_whose_answer_timed_out_is_not_sent_twice() -> None:
    arrived = _timing_out(httpx.ReadTimeout("no answer"))
    with pytest.raises(MaybeDelivered):
        await deliver(arrived, what="sendMessage")
    assert len(arrived.attempts) == 1

    never_left = _timing_out(httpx.ConnectTimeout("no connection"), then="sent")
    assert await deliver(never_left, what="sendMessage") == "sent"
    assert len(never_left.attempts) == 2

    answer = _timing_out(httpx.ReadTimeout("no answer"), then="answered")  # idempotent
    assert await deliver(answer, what="answerCallbackQuery") == "answered"
