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
from bot.telegram.backoff import Backoff
from bot.telegram.frontend import FrontEnd
from bot.telegram.handoff import maintenance_round, set_paused
from storage.models import Consent, CounselorNote, Handoff, Seeker, utc_now
from storage.seekers import record_profile_consent, save_profile
from tests.bot.telegram.conftest import (
    STAFF_FORUM,
    Clock,
    ScriptedRasa,
    StartBot,
    button_data,
    open_handoff_for,
    seeker_chat,
    start_handoff_for,
)
from tests.helpers.telegram_api import TelegramStandIn

pytestmark = pytest.mark.anyio


def status_of(sessions: sessionmaker[Session], handoff_id: int) -> str:
    with sessions() as session:
        handoff = session.get(Handoff, handoff_id)
        assert handoff is not None
        return handoff.status


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
    api: TelegramStandIn, start_bot: StartBot, sessions: sessionmaker[Session]
) -> None:
    user = seeker_chat(api)
    handoff_id = open_handoff_for(sessions, user)
    rasa = ScriptedRasa()
    async with start_bot(rasa) as running:
        api.fail_next("createForumTopic", status=400, description="Bad Request: not enough rights")
        started = await start_handoff_for(running, user, handoff_id)

    assert started is False
    assert api.sent_texts(user) == [messages.HANDOFF_UNAVAILABLE]
    assert status_of(sessions, handoff_id) == "released"
    assert rasa.events() == [{"event": "pause"}, {"event": "resume"}]


async def test_without_a_counselors_group_nothing_is_paused(
    api: TelegramStandIn, start_bot: StartBot, sessions: sessionmaker[Session]
) -> None:
    user = seeker_chat(api)
    handoff_id = open_handoff_for(sessions, user)
    rasa = ScriptedRasa()
    async with start_bot(rasa, counselor_chat_id=None) as running:
        started = await start_handoff_for(running, user, handoff_id)

    assert started is False
    assert api.sent_texts(user) == [messages.HANDOFF_UNAVAILABLE]
    assert status_of(sessions, handoff_id) == "released"
    assert rasa.events() == [{"event": "resume"}]
    assert api.calls_to("createForumTopic") == []


async def test_a_relay_that_fails_after_retries_tells_the_counselors(
    api: TelegramStandIn, start_bot: StartBot, sessions: sessionmaker[Session]
) -> None:
    user = seeker_chat(api)
    handoff_id = open_handoff_for(sessions, user)
    rasa = ScriptedRasa()
    async with start_bot(rasa) as running:
        assert await start_handoff_for(running, user, handoff_id)
        api.fail_next("copyMessage", status=403, description="Forbidden: bot was kicked")
        await running.settle(api.send_text(user, user, "자격증 사진 보낼게요"))

    assert status_of(sessions, handoff_id) == "released"
    assert messages.HANDOFF_UNAVAILABLE in api.sent_texts(user)
    with sessions() as session:
        handoff = session.get(Handoff, handoff_id)
        assert handoff is not None
        seeker_id = handoff.seeker_id
    assert messages.RELAY_FAILED.format(seeker_id=seeker_id) in api.sent_texts(STAFF_FORUM)


def attempts(api: TelegramStandIn) -> int:
    """deleteForumTopic calls so far, refused ones included."""
    return sum(c.method == "deleteForumTopic" for c in api.calls)


NO_RIGHTS = "Bad Request: not enough rights to delete the topic"


@pytest.mark.parametrize(
    ("status", "description", "told"),
    [(502, None, False), (400, NO_RIGHTS, True)],
)
async def test_delete_erases_at_once_and_the_topic_follows_with_backoff(
    api: TelegramStandIn,
    start_bot: StartBot,
    sessions: sessionmaker[Session],
    status: int,
    description: str | None,
    told: bool,
) -> None:
    user = seeker_chat(api)
    handoff_id = open_handoff_for(sessions, user)
    with sessions.begin() as session:
        session.add(CounselorNote(handoff_id=handoff_id, counselor_user_id=5, text="야간 불가"))
        record_profile_consent(session=session, sender_id=f"tg-{user}", granted=True, at=utc_now())
        save_profile(session=session, sender_id=f"tg-{user}", profile={"home_region": "gunsan"})
    rasa, clock = ScriptedRasa(), Clock()
    async with start_bot(rasa) as running:
        running.frontend.topic_retries = Backoff(first=60, longest=3600, clock=clock)
        assert await start_handoff_for(running, user, handoff_id)
        with sessions() as session:
            handoff = session.get(Handoff, handoff_id)
            assert handoff is not None and handoff.topic_thread_id is not None
            thread, seeker_id = handoff.topic_thread_id, handoff.seeker_id
        mark = running.mark()
        await running.settle(api.send_command(user, user, "/delete"))
        [question] = running.sent_since(mark, user)
        api.fail_next("deleteForumTopic", status=status, description=description, times=100)
        mark = running.mark()
        pressed = api.press_button(
            user, user, question.result["message_id"], button_data(question, "네, 모두 지워 주세요")
        )
        await running.settle(pressed)
        answer = running.sent_since(mark, user)[-1]
        # Everything but the topic is gone already; a new message is a new seeker's.
        with sessions() as session:
            (tombstone,) = session.scalars(select(Seeker)).all()
            kept = (tombstone.sender_id, tombstone.profile, tombstone.telegram_chat_id)
            notes = session.scalars(select(CounselorNote)).all()
            consents = session.scalars(select(Consent)).all()
        assert kept == (f"erased-{seeker_id}", {}, None)
        assert notes == [] and consents == []
        assert rasa.requests[-1][:2] == ("PUT", f"/conversations/tg-{user}/tracker/events")

        tries = attempts(api)
        await maintenance_round(running.application.bot, running.frontend)  # not due yet
        assert attempts(api) == tries
        clock.now += 61
        await maintenance_round(running.application.bot, running.frontend)  # due, fails again
        assert attempts(api) > tries
        assert not api.topic(STAFF_FORUM, thread)["deleted"]  # type: ignore[index]
        clock.now += 119  # the wait doubled: 120 s
        await maintenance_round(running.application.bot, running.frontend)
        assert not api.topic(STAFF_FORUM, thread)["deleted"]  # type: ignore[index]

        api.stop_failing("deleteForumTopic")  # the center gave the bot the right
        clock.now += 241
        await maintenance_round(running.application.bot, running.frontend)

    assert answer.params["text"] == messages.DELETE_DONE_TOPIC_PENDING
    notices = [t for t in api.sent_texts(STAFF_FORUM) if t.startswith("[삭제 대기]")]
    expected = [messages.TOPICS_NOT_DELETED.format(seekers=f"#{seeker_id}")] if told else []
    assert notices == expected  # once, however many rounds failed
    assert api.topic(STAFF_FORUM, thread)["deleted"]  # type: ignore[index]
    with sessions() as session:
        assert session.scalars(select(Seeker)).all() == []
        assert session.get(Handoff, handoff_id) is None
