"""Telegram's limits kept by the bot: a group's 20 messages a minute, flood control waited out
by every call."""

from __future__ import annotations

import asyncio
import datetime as dtm
import time

import pytest
from telegram.error import RetryAfter

from bot.telegram.rate_limit import RateLimiter, Window

pytestmark = pytest.mark.anyio


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


async def test_a_window_lets_limit_calls_through_per_period() -> None:
    window = Window(3, 0.5)
    started = time.monotonic()
    for _ in range(7):
        await window.acquire()
    # 3 at once, 3 after 0.5 s, the 7th after 1.0 s
    assert 0.95 <= time.monotonic() - started < 2.0


async def test_flood_control_is_waited_out_by_every_call_and_the_call_made_again() -> None:
    limiter = RateLimiter(group_per_minute=100)
    calls: list[tuple[str, float]] = []
    refused = False

    async def send(name: str) -> dict[str, str]:
        nonlocal refused
        calls.append((name, time.monotonic()))
        if name == "first" and not refused:
            refused = True
            raise RetryAfter(dtm.timedelta(seconds=1))
        return {"sent": name}

    async def request(name: str, chat_id: int) -> object:
        data = {"chat_id": chat_id}
        return await limiter.process_request(send, (name,), {}, "sendMessage", data, None)

    first = asyncio.create_task(request("first", -100))
    await asyncio.sleep(0.1)
    second = await request("second", 42)  # another chat waits too: the limit is the bot's
    assert await first == {"sent": "first"}
    assert second == {"sent": "second"}
    (_, refused_at), *rest = calls
    assert sorted(name for name, _ in rest) == ["first", "second"]
    assert all(at - refused_at >= 1.0 for _, at in rest)


async def test_a_group_gets_at_most_its_share_while_private_chats_go_on() -> None:
    limiter = RateLimiter(group_per_minute=2)
    sent: list[int] = []

    async def send(chat_id: int) -> bool:
        sent.append(chat_id)
        return True

    async def request(chat_id: int) -> object:
        data = {"chat_id": chat_id}
        return await limiter.process_request(send, (chat_id,), {}, "sendMessage", data, None)

    group = asyncio.gather(*(request(-100) for _ in range(3)))
    await asyncio.wait_for(asyncio.gather(*(request(7) for _ in range(5))), 1.0)
    await asyncio.sleep(0.2)
    assert sent.count(-100) == 2 and sent.count(7) == 5  # the third group message waits
    group.cancel()
    with pytest.raises(asyncio.CancelledError):
        await group
