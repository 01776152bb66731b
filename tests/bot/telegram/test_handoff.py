"""Handing a seeker to the counselors, from the seeker's side: pausing Rasa, and what
happens when the counselors cannot be reached. The real Application's bot against the
stand-in; Rasa answered from a script.

(Whole handoffs, relaying both ways, re-announcing: test_counselors.py.)"""

from __future__ import annotations

import httpx
import pytest
from sqlalchemy.orm import Session, sessionmaker

from bot.rasa_client import RasaClient
from bot.settings import Settings
from bot.telegram import messages
from bot.telegram.frontend import FrontEnd
from bot.telegram.handoff import set_paused, start_handoff
from storage.models import Handoff
from storage.seekers import open_handoff
from tests.bot.telegram.conftest import (
    STAFF_FORUM,
    Running,
    ScriptedRasa,
    bot_settings,
    new_user,
    running_bot,
)
from tests.helpers.telegram_api import TelegramStandIn

pytestmark = pytest.mark.anyio


def handoff_for(sessions: sessionmaker[Session], user: int) -> int:
    with sessions.begin() as session:
        return open_handoff(session=session, sender_id=f"tg-{user}", reason="requested").id


def status_of(sessions: sessionmaker[Session], handoff_id: int) -> str:
    with sessions() as session:
        handoff = session.get(Handoff, handoff_id)
        assert handoff is not None
        return handoff.status


async def start(running: Running, user: int, handoff_id: int) -> bool:
    """start_handoff for the seeker ``user``, whose private chat is ``user``."""
    bot, frontend = running.application.bot, running.frontend
    return await start_handoff(
        bot, frontend, sender_id=f"tg-{user}", seeker_chat_id=user, handoff_id=handoff_id
    )


async def test_pausing_and_resuming_goes_to_the_tracker_and_survives_rasa_down(
    settings: Settings, sessions: sessionmaker[Session]
) -> None:
    rasa = ScriptedRasa()
    async with rasa.client() as client:
        frontend = FrontEnd(settings=settings, sessions=sessions, rasa=client)
        await set_paused(frontend, "tg-1", True)
        assert rasa.paused
        await set_paused(frontend, "tg-1", False)
    assert rasa.events() == [{"event": "pause"}, {"event": "resume"}]
    assert not rasa.paused

    def refuse(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("refused", request=request)

    async with RasaClient("http://rasa.test", transport=httpx.MockTransport(refuse)) as down:
        # logged, not raised: routing follows the database
        await set_paused(FrontEnd(settings=settings, sessions=sessions, rasa=down), "tg-1", True)


async def test_a_topic_that_cannot_be_opened_releases_the_handoff_and_tells_the_seeker(
    telegram_api: TelegramStandIn, settings: Settings, sessions: sessionmaker[Session]
) -> None:
    api, user = telegram_api, new_user()
    api.add_chat(STAFF_FORUM, is_forum=True, title="상담 데스크")
    api.add_chat(user, chat_type="private")
    handoff_id = handoff_for(sessions, user)
    rasa = ScriptedRasa()
    async with running_bot(api, bot_settings(settings, api), sessions, rasa.client()) as running:
        api.fail_next("createForumTopic", status=400, description="Bad Request: not enough rights")
        started = await start(running, user, handoff_id)

    assert started is False
    assert api.sent_texts(user) == [messages.HANDOFF_UNAVAILABLE]
    assert status_of(sessions, handoff_id) == "released"
    assert rasa.events() == [{"event": "pause"}, {"event": "resume"}]


async def test_without_a_counselors_group_nothing_is_paused(
    telegram_api: TelegramStandIn, settings: Settings, sessions: sessionmaker[Session]
) -> None:
    api, user = telegram_api, new_user()
    api.add_chat(user, chat_type="private")
    handoff_id = handoff_for(sessions, user)
    rasa = ScriptedRasa()
    no_group = bot_settings(settings, api, counselor_chat_id=None)
    async with running_bot(api, no_group, sessions, rasa.client()) as running:
        started = await start(running, user, handoff_id)

    assert started is False
    assert api.sent_texts(user) == [messages.HANDOFF_UNAVAILABLE]
    assert status_of(sessions, handoff_id) == "released"
    assert rasa.events() == [{"event": "resume"}]
    assert api.calls_to("createForumTopic") == []
