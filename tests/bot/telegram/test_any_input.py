"""Whatever a seeker sends (any text, emoji, zero-width characters, a full 4,096-character
message, any command, any button data), the front end answers politely and never fails.

One Application polls the stand-in for the whole property run, on an event loop in a
background thread; hypothesis drives the seekers from the test's thread.
"""

from __future__ import annotations

import asyncio
import logging
import threading
from collections.abc import Coroutine, Iterator
from typing import Any, TypeVar

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as examples
from hypothesis import strategies as st
from sqlalchemy.orm import Session, sessionmaker

from bot.settings import Settings
from bot.telegram import messages
from tests.bot.telegram.conftest import (
    Running,
    ScriptedRasa,
    agreed_user,
    bot_settings,
    running_bot,
)
from tests.helpers.telegram_api import TelegramStandIn

pytestmark = pytest.mark.slow

T = TypeVar("T")

ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"
EMOJI = "😀👍🏻👨‍👩‍👧📍🔥❤️🇰🇷"
KOREAN = "가나다용접군산월급야간ㅋㅎㅠ"
LETTERS = st.sampled_from(list(ZERO_WIDTH + EMOJI + KOREAN + " \n\t/{}\"':0123456789abcXYZ"))
TEXTS = st.one_of(
    st.text(min_size=1, max_size=200),
    st.text(LETTERS, min_size=1, max_size=200),
    st.text(LETTERS, min_size=4096, max_size=4096),
).filter(lambda text: text.strip() != "")
COMMANDS = st.builds(
    lambda name, rest: f"/{name}{rest}",
    st.one_of(
        st.sampled_from(["start", "help", "profile", "reset", "delete", "take", "note"]),
        st.text("abcdefghijklmnopqrstuvwxyz_0123456789", min_size=1, max_size=32),
    ),
    st.one_of(st.just(""), st.text(LETTERS, max_size=60).map(lambda rest: " " + rest)),
)
CALLBACK_DATA = st.one_of(
    st.text(max_size=64).filter(lambda data: len(data.encode()) <= 64),
    st.sampled_from(['/apply{"opening_id":999999}', "co:accept:1", "consent:y:1", "seeker:keep:y"]),
)
EVENTS = st.one_of(
    st.tuples(st.just("text"), TEXTS),
    st.tuples(st.just("command"), COMMANDS),
    st.tuples(st.just("button"), CALLBACK_DATA),
)


def _echo(text: str) -> list[dict[str, Any]]:
    # A reply with buttons, so there is always a message to press a forged button on.
    return [{"text": f"네: {text}", "buttons": [{"title": "더 보기", "payload": "/more"}]}]


@pytest.fixture
def front_end(
    telegram_api: TelegramStandIn, settings: Settings, sessions: sessionmaker[Session]
) -> Iterator[tuple[Running, asyncio.AbstractEventLoop]]:
    """The real Application with a scripted Rasa, polling on a loop in another thread."""
    loop = asyncio.new_event_loop()
    thread = threading.Thread(target=loop.run_forever, daemon=True)
    thread.start()
    context = running_bot(telegram_api, bot_settings(settings, telegram_api), sessions, rasa())
    running = _run(loop, context.__aenter__())
    try:
        yield running, loop
    finally:
        _run(loop, context.__aexit__(None, None, None))
        loop.call_soon_threadsafe(loop.stop)
        thread.join(10)
        loop.close()


def rasa() -> Any:
    return ScriptedRasa(replies=_echo).client()


def _run(loop: asyncio.AbstractEventLoop, coroutine: Coroutine[Any, Any, T]) -> T:
    return asyncio.run_coroutine_threadsafe(coroutine, loop).result(120)


def _units(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def test_every_input_gets_a_polite_answer_and_nothing_fails(
    front_end: tuple[Running, asyncio.AbstractEventLoop], caplog: pytest.LogCaptureFixture
) -> None:
    running, loop = front_end
    api = running.api
    user = agreed_user(running.frontend.sessions)
    _run(loop, running.settle(api.send_text(user, user, "안녕하세요")))  # a first answer
    caplog.set_level(logging.WARNING)

    @examples(
        max_examples=60,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
    @given(event=EVENTS)
    def answered(event: tuple[str, str]) -> None:
        kind, content = event
        mark = running.mark()
        caplog.clear()
        if kind == "text":
            update = api.send_text(user, user, content)
        elif kind == "command":
            update = api.send_command(user, user, content)
        else:
            last = [c for c in running.sent_since(0, user) if "/more" in str(c.params)][-1]
            pressed = api.press_button(user, user, last.result["message_id"], "/more")
            _run(loop, running.settle(pressed))
            mark = running.mark()
            forged = pressed["callback_query"] | {"data": content, "id": f"q{mark}"}
            update = api.queue_update({"callback_query": forged})
        _run(loop, running.settle(update))

        failures = [r for r in caplog.records if r.levelno >= logging.ERROR]
        assert not failures, [r.getMessage() for r in failures]
        sent = running.sent_since(mark, user)
        assert all(c.params["text"] != messages.ERROR_APOLOGY for c in sent)
        assert all(0 < _units(c.params["text"]) <= 4096 for c in sent)
        if kind == "button":
            acknowledged = [
                c
                for c in api.calls[mark:]
                if c.method == "answerCallbackQuery"
                and c.params.get("callback_query_id") == f"q{mark}"
            ]
            assert acknowledged, "a press is always acknowledged"
            if content != "/more":
                assert acknowledged[-1].params.get("text") == messages.BUTTON_EXPIRED
        else:
            assert sent, f"no answer to {kind} {content[:40]!r}"

    answered()
