"""Handing a seeker to the counselors, from the seeker's side: pausing Rasa, and what
happens when the counselors cannot be reached. The real Application's bot against the
stand-in; Rasa answered from a script.

(Whole handoffs, relaying both ways, re-announcing: test_counselors.py.)"""

from __future__ import annotations

import httpx
import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from bot.rasa_client import RasaClient
from bot.settings import Settings
from bot.telegram import messages
from bot.telegram.frontend import FrontEnd
from bot.telegram.handoff import maintenance_round, set_paused, start_handoff
from storage.models import Handoff, Seeker
from storage.seekers import open_handoff
from tests.bot.telegram.conftest import (
    STAFF_FORUM,
    Running,
    ScriptedRasa,
    bot_settings,
    button_data,
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


async def test_a_relay_that_fails_after_retries_tells_the_counselors(
    telegram_api: TelegramStandIn, settings: Settings, sessions: sessionmaker[Session]
) -> None:
    api, user = telegram_api, new_user()
    api.add_chat(STAFF_FORUM, is_forum=True, title="상담 데스크")
    api.add_chat(user, chat_type="private")
    handoff_id = handoff_for(sessions, user)
    rasa = ScriptedRasa()
    async with running_bot(api, bot_settings(settings, api), sessions, rasa.client()) as running:
        assert await start(running, user, handoff_id)
        api.fail_next("copyMessage", status=403, description="Forbidden: bot was kicked")
        await running.settle(api.send_text(user, user, "자격증 사진 보낼게요"))

    assert status_of(sessions, handoff_id) == "released"
    assert messages.HANDOFF_UNAVAILABLE in api.sent_texts(user)
    with sessions() as session:
        handoff = session.get(Handoff, handoff_id)
        assert handoff is not None
        seeker_id = handoff.seeker_id
    assert messages.RELAY_FAILED.format(seeker_id=seeker_id) in api.sent_texts(STAFF_FORUM)


async def test_delete_removes_the_topic_first_and_a_failure_is_finished_later(
    telegram_api: TelegramStandIn, settings: Settings, sessions: sessionmaker[Session]
) -> None:
    api, user = telegram_api, new_user()
    api.add_chat(STAFF_FORUM, is_forum=True, title="상담 데스크")
    api.add_chat(user, chat_type="private")
    handoff_id = handoff_for(sessions, user)
    rasa = ScriptedRasa()
    async with running_bot(api, bot_settings(settings, api), sessions, rasa.client()) as running:
        assert await start(running, user, handoff_id)
        with sessions() as session:
            handoff = session.get(Handoff, handoff_id)
            assert handoff is not None and handoff.topic_thread_id is not None
            thread = handoff.topic_thread_id
        mark = running.mark()
        await running.settle(api.send_command(user, user, "/delete"))
        [question] = running.sent_since(mark, user)
        api.fail_next("deleteForumTopic", status=502, times=3)
        api.press_button(
            user,
            user,
            question.result["message_id"],
            button_data(question, messages.BUTTON_DELETE_YES),
        )
        await api.async_wait_for_call("sendMessage", chat_id=user, text=messages.DELETE_PENDING)
        with sessions() as session:
            tombstone = session.scalars(
                select(Seeker).where(Seeker.sender_id == f"tg-{user}")
            ).one()
            assert tombstone.erase_requested_at is not None
        assert not api.topic(STAFF_FORUM, thread)["deleted"]  # type: ignore[index]
        await maintenance_round(running.application.bot, running.frontend)

    assert api.topic(STAFF_FORUM, thread)["deleted"]  # type: ignore[index]
    with sessions() as session:
        assert session.scalars(select(Seeker).where(Seeker.sender_id == f"tg-{user}")).all() == []
        assert session.get(Handoff, handoff_id) is None
