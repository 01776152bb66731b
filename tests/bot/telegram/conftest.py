"""The real Application from `bot.telegram.app.build_application`, polling the Telegram
stand-in over loopback HTTP, with a real SQLite database.

Rasa is either the session's real stack (`tests.helpers.rasa_stack`, slow tests) or
`ScriptedRasa`: an ``httpx.MockTransport`` answering the REST channel and the tracker API
the way Rasa 3.6 does, for the fast tests of the front end's own behaviour.

The usual start: the ``api`` fixture (the stand-in with the counselors' forum) and
``async with start_bot(ScriptedRasa(...)) as running``.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager
from dataclasses import dataclass, field
from typing import Any

import httpx
import pytest
from sqlalchemy.orm import Session, sessionmaker

from bot.rasa_client import RasaClient
from bot.settings import Settings
from bot.telegram.app import build_application
from bot.telegram.frontend import AnyApplication, FrontEnd
from bot.telegram.handoff import start_handoff
from storage.models import ProcessedUpdate, utc_now
from storage.seekers import open_handoff, record_profile_consent
from tests.helpers.telegram_api import Call, TelegramStandIn, polling

STAFF_FORUM = -1001234567890
FORUM_TITLE = "상담 데스크"
COUNSELOR = 7001
STRANGER = 7002

_user_ids = itertools.count(500_001)


def new_user() -> int:
    """A Telegram user id no other test uses (trackers of the session's stack are shared)."""
    return next(_user_ids)


def seeker_chat(api: TelegramStandIn) -> int:
    """A new seeker whose private chat with the bot the stand-in knows (the bot may write
    first, e.g. when a handoff starts)."""
    user = new_user()
    api.add_chat(user, chat_type="private")
    return user


def agreed_user(sessions: sessionmaker[Session], user: int | None = None) -> int:
    """A seeker (``user``, else a new one) who already answered the keep-profile question
    with yes: their messages go to Rasa at once, without the privacy notice first."""
    user = user or new_user()
    with sessions.begin() as session:
        record_profile_consent(session=session, sender_id=f"tg-{user}", granted=True, at=utc_now())
    return user


@pytest.fixture
def anyio_backend() -> str:
    """python-telegram-bot runs on asyncio."""
    return "asyncio"


def bot_settings(settings: Settings, api: TelegramStandIn, **changes: Any) -> Settings:
    """``settings`` pointed at the stand-in, with the counselors' forum, open all week."""
    return settings.model_copy(
        update={
            "telegram_token": api.token,
            "telegram_base_url": api.base_url,
            "telegram_base_file_url": api.base_file_url,
            "counselor_chat_id": STAFF_FORUM,
            "office_days": "0-6",
            "office_hours": "00:00-24:00",
            **changes,
        }
    )


def keyboard_texts(call: Call) -> list[str]:
    """Labels of the inline buttons a sendMessage call showed."""
    rows = (call.params.get("reply_markup") or {}).get("inline_keyboard", [])
    return [button["text"] for row in rows for button in row]


def button_data(call: Call, label: str) -> str:
    """callback_data of the button labelled ``label``."""
    rows = (call.params.get("reply_markup") or {}).get("inline_keyboard", [])
    return next(b["callback_data"] for row in rows for b in row if b["text"] == label)


@dataclass
class ScriptedRasa:
    """Rasa's HTTP interface answered from a script: ``replies(text)`` gives the REST
    channel's answer; every request is kept in ``requests``."""

    replies: Callable[[str], list[dict[str, Any]]] = lambda text: [{"text": f"네: {text}"}]
    slots: dict[str, Any] = field(default_factory=dict)
    paused: bool = False
    requests: list[tuple[str, str, Any]] = field(default_factory=list)

    def handle(self, request: httpx.Request) -> httpx.Response:
        body: Any = json.loads(request.content) if request.content else None
        self.requests.append((request.method, request.url.path, body))
        if request.url.path == "/webhooks/jobbot/webhook":
            return httpx.Response(200, json=self.replies(body["message"]))
        if request.url.path.endswith("/tracker"):
            return httpx.Response(
                200, json={"slots": self.slots, "events": [], "paused": self.paused}
            )
        if request.url.path.endswith("/tracker/events"):
            events = body if isinstance(body, list) else [body]
            for event in events:
                self.paused = {"pause": True, "resume": False}.get(event["event"], self.paused)
            return httpx.Response(200, json={})
        return httpx.Response(404)

    def client(self) -> RasaClient:
        """A RasaClient whose transport is this script."""
        return RasaClient("http://rasa.test", transport=httpx.MockTransport(self.handle))

    def messages(self) -> list[dict[str, Any]]:
        """The REST channel bodies sent, in order."""
        return [body for method, path, body in self.requests if path == "/webhooks/jobbot/webhook"]

    def events(self) -> list[dict[str, Any]]:
        """Tracker events appended (pause, resume)."""
        return [
            e
            for m, path, body in self.requests
            if m == "POST" and path.endswith("/events")
            for e in body
        ]


@dataclass
class Running:
    """A polling Application and the stand-in it talks to."""

    api: TelegramStandIn
    application: AnyApplication
    frontend: FrontEnd

    async def settle(self, update: dict[str, Any], timeout: float = 60) -> None:
        """Wait until ``update`` was picked up and every handler finished."""
        update_id = update["update_id"]
        deadline = asyncio.get_running_loop().time() + timeout
        processor = self.application.update_processor
        while True:
            with self.frontend.sessions() as session:
                seen = session.get(ProcessedUpdate, update_id) is not None
            idle = (
                processor.current_concurrent_updates == 0 and self.application.update_queue.empty()
            )
            if seen and idle:
                return
            if asyncio.get_running_loop().time() > deadline:
                raise AssertionError(f"update {update_id} not handled within {timeout} s")
            await asyncio.sleep(0.02)

    def mark(self) -> int:
        """Index of the next call, for ``since=``."""
        return len(self.api.calls)

    def sent_since(self, mark: int, chat_id: int | None = None, **match: Any) -> list[Call]:
        """Successful sendMessage calls from ``mark`` on (to ``chat_id``)."""
        return [
            c
            for c in self.api.calls[mark:]
            if c.method == "sendMessage"
            and not c.failed
            and (chat_id is None or c.params.get("chat_id") == chat_id)
            and all(c.params.get(k) == v for k, v in match.items())
        ]


@contextlib.asynccontextmanager
async def running_bot(
    api: TelegramStandIn, settings: Settings, sessions: sessionmaker[Session], rasa: RasaClient
) -> AsyncIterator[Running]:
    """Build the front end's Application and poll the stand-in until the block ends."""
    frontend = FrontEnd(settings=settings, sessions=sessions, rasa=rasa)
    application = build_application(frontend)
    async with polling(application):
        yield Running(api, application, frontend)
    await rasa.aclose()


def open_handoff_for(sessions: sessionmaker[Session], user: int) -> int:
    """A handoff the seeker ``user`` asked for (as action_request_counselor records it)."""
    with sessions.begin() as session:
        return open_handoff(session=session, sender_id=f"tg-{user}", reason="requested").id


async def start_handoff_for(running: Running, user: int, handoff_id: int) -> bool:
    """`start_handoff` for the seeker ``user``, whose private chat is ``user``."""
    bot, frontend = running.application.bot, running.frontend
    return await start_handoff(
        bot, frontend, sender_id=f"tg-{user}", seeker_chat_id=user, handoff_id=handoff_id
    )


class Clock:
    """A monotonic clock the test moves by hand (e.g. the topic retries' backoff)."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def api(telegram_api: TelegramStandIn) -> TelegramStandIn:
    """The Bot API stand-in with the counselors' forum, COUNSELOR a member of it."""
    telegram_api.add_chat(STAFF_FORUM, is_forum=True, title=FORUM_TITLE)
    telegram_api.set_member_status(STAFF_FORUM, COUNSELOR, "member")
    return telegram_api


@pytest.fixture
def forum_settings(settings: Settings, api: TelegramStandIn) -> Settings:
    """This test's home, talking to the stand-in, with the counselors' forum, open all week."""
    return bot_settings(settings, api)


#: ``start_bot(rasa, **settings changes)``: the front end running until the block ends.
StartBot = Callable[..., AbstractAsyncContextManager[Running]]


@pytest.fixture
def start_bot(
    api: TelegramStandIn, forum_settings: Settings, sessions: sessionmaker[Session]
) -> StartBot:
    """Start the front end on this test's database against the forum stand-in, with Rasa
    scripted (a `ScriptedRasa`) or real (a `RasaClient`)."""

    def start(
        rasa: ScriptedRasa | RasaClient, **changes: Any
    ) -> AbstractAsyncContextManager[Running]:
        client = rasa.client() if isinstance(rasa, ScriptedRasa) else rasa
        return running_bot(api, forum_settings.model_copy(update=changes), sessions, client)

    return start
