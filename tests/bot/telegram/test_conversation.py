"""Whole Telegram conversations with everything real but Telegram's servers: the front end's
Application polling the stand-in, the session's Rasa server and action server, the copied
sample database and FAISS index."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session, sessionmaker

from bot.rasa_client import RasaClient
from bot.runtime.stack import Stack
from bot.services import open_database
from bot.settings import Settings
from bot.telegram import messages
from storage.companies import create_invite
from storage.models import (
    Application,
    ApplicationEvent,
    Consent,
    CounselorNote,
    Handoff,
    Opening,
    ProcessedUpdate,
    Seeker,
)
from tests.bot.telegram.conftest import (
    COUNSELOR,
    STAFF_FORUM,
    STRANGER,
    Running,
    bot_settings,
    button_data,
    keyboard_texts,
    new_user,
    running_bot,
)
from tests.helpers.telegram_api import Call, TelegramStandIn

pytestmark = [pytest.mark.slow, pytest.mark.anyio]

WELDER = "용접 15년 특수용접 있어요 군산 살아요 월급 상관없고 야간도 괜찮아요"


@pytest.fixture(scope="module")
def stack_sessions(stack_settings: Settings) -> sessionmaker[Session]:
    """The database the action server writes (seekers, applications, handoffs)."""
    return open_database(stack_settings)


@asynccontextmanager
async def real_bot(
    api: TelegramStandIn, stack: Stack, settings: Settings, sessions: sessionmaker[Session]
) -> AsyncIterator[Running]:
    """The front end against the forum stand-in (``api``), on the stack's database and Rasa."""
    api.set_member_status(STAFF_FORUM, COUNSELOR, "administrator")
    # Each test's stand-in numbers its updates from 1 again, as a new bot would; the
    # database is shared by the module, so forget the previous "bot"'s update ids.
    with sessions.begin() as session:
        session.execute(delete(ProcessedUpdate))
    rasa = RasaClient(stack.rasa_url, timeout=60, token=stack.rasa_token)
    async with running_bot(api, bot_settings(settings, api), sessions, rasa) as running:
        yield running


async def consent(running: Running, user: int) -> None:
    api = running.api
    api.send_command(user, user, "/start")
    question = await api.async_wait_for_call(
        "sendMessage", chat_id=user, text=messages.CONSENT_QUESTION
    )
    api.press_button(user, user, question.result["message_id"], button_data(question, "동의해요"))
    await api.async_wait_for_call("sendMessage", chat_id=user, text=messages.CONSENT_GIVEN)


async def cards_for(running: Running, user: int, text: str) -> list[Call]:
    """Say ``text``; the card messages (those with a 자세히 button) of the answer."""
    mark = running.mark()
    await running.settle(running.api.send_text(user, user, text))
    return [c for c in running.sent_since(mark, user) if "자세히" in keyboard_texts(c)]


async def tracker(stack: Stack, user: int, include: str = "AFTER_RESTART") -> dict[str, Any]:
    async with RasaClient(stack.rasa_url, token=stack.rasa_token) as rasa:
        return await rasa.tracker(f"tg-{user}", include_events=include)


async def test_a_welders_conversation_ends_in_cards_and_details(
    api: TelegramStandIn,
    stack: Stack,
    stack_settings: Settings,
    stack_sessions: sessionmaker[Session],
) -> None:
    user = new_user()
    async with real_bot(api, stack, stack_settings, stack_sessions) as running:
        await consent(running, user)
        cards = await cards_for(running, user, WELDER)
        assert cards, f"no cards; the bot said {api.sent_texts(user)[-3:]}"
        first = cards[0]
        mark = running.mark()
        api.press_button(user, user, first.result["message_id"], button_data(first, "자세히"))
        details = await api.async_wait_for(
            lambda c: c.method == "sendMessage" and c.params.get("chat_id") == user
            and "급여:" in c.params["text"],
            timeout=60,
            since=mark,
        )  # fmt: skip
        mark = running.mark()
        await running.settle(api.send_command(user, user, "/profile"))
        [profile] = running.sent_since(mark, user)

    assert all(keyboard_texts(c)[:2] == ["자세히", "지원할래요"] for c in cards)
    assert keyboard_texts(cards[-1])[-2:] == ["더 보기", "상담사 연결"]  # after the refinements
    assert all("용접" in c.params["text"] for c in cards)
    assert button_data(first, "자세히").startswith('/job_details{"opening_id":')
    assert api.calls_to("answerCallbackQuery")
    assert first.params["text"].split("\n")[0].split(". ", 1)[1] in details.params["text"]
    assert "지원할래요" in keyboard_texts(details)
    assert "• 하신 일·경력: 용접원 15년" in profile.params["text"]
    with stack_sessions() as session:
        seeker = session.scalars(select(Seeker).where(Seeker.sender_id == f"tg-{user}")).one()
        assert (seeker.telegram_chat_id, seeker.telegram_user_id) == (user, user)


async def test_applying_with_consent_reaches_the_company_and_its_answer_the_seeker(
    api: TelegramStandIn,
    stack: Stack,
    stack_settings: Settings,
    stack_sessions: sessionmaker[Session],
) -> None:
    user, company_chat = new_user(), new_user()
    async with real_bot(api, stack, stack_settings, stack_sessions) as running:
        await consent(running, user)
        cards = await cards_for(running, user, WELDER)
        assert cards, f"no cards; the bot said {api.sent_texts(user)[-3:]}"
        apply = button_data(cards[0], "지원할래요")
        opening_id = json.loads(apply.removeprefix("/apply"))["opening_id"]
        with stack_sessions.begin() as session:
            opening = session.get(Opening, opening_id)
            assert opening is not None
            company, title = opening.company.name, opening.title
            token = create_invite(session=session, company=opening.company, ttl=timedelta(hours=1))
            link = f"/start inv_{token.token}"
        api.add_chat(company_chat, chat_type="private")
        await running.settle(api.send_command(company_chat, company_chat, link))

        mark = running.mark()
        api.press_button(user, user, cards[0].result["message_id"], apply)
        question = await api.async_wait_for(
            lambda c: c.method == "sendMessage" and c.params.get("chat_id") == user
            and messages.BUTTON_CONSENT_YES in keyboard_texts(c),
            timeout=60,
            since=mark,
        )  # fmt: skip
        nothing_yet = running.sent_since(mark, company_chat)
        api.press_button(
            user,
            user,
            question.result["message_id"],
            button_data(question, messages.BUTTON_CONSENT_YES),
        )
        card = await api.async_wait_for(
            lambda c: c.method == "sendMessage" and c.params.get("chat_id") == company_chat
            and "면접 제안" in keyboard_texts(c),
            timeout=30,
            since=mark,
        )  # fmt: skip
        mark = running.mark()
        api.press_button(
            company_chat,
            company_chat,
            card.result["message_id"],
            button_data(card, messages.BUTTON_OFFER),
        )
        told = await api.async_wait_for(
            lambda c: c.method == "sendMessage" and c.params.get("chat_id") == user
            and "면접을 제안했어요" in c.params["text"],
            timeout=30,
            since=mark,
        )  # fmt: skip

    assert nothing_yet == []  # nothing reaches the company before the seeker says yes
    assert f"• 받는 곳: {company}" in question.params["text"]  # the recipient is named
    assert "• 경력 요약: 용접원 15년" in question.params["text"]
    assert card.params["text"].startswith("[새 지원자]")
    assert f"공고: {title}" in card.params["text"]
    assert "• 경력 요약: 용접원 15년" in card.params["text"]
    assert str(user) not in card.params["text"]
    assert told.params["text"].startswith(company)
    with stack_sessions() as session:
        application = session.scalars(
            select(Application).join(Seeker).where(Seeker.sender_id == f"tg-{user}")
        ).one()
        assert application.opening_id == opening_id
        assert application.status == "offered"
        assert [e.status for e in application.events] == [
            "consent_asked",
            "consented",
            "sent",
            "offered",
        ]


async def test_a_counselor_takes_over_and_gives_the_seeker_back(
    api: TelegramStandIn,
    stack: Stack,
    stack_settings: Settings,
    stack_sessions: sessionmaker[Session],
) -> None:
    user = new_user()
    async with real_bot(api, stack, stack_settings, stack_sessions) as running:
        await consent(running, user)
        await running.settle(api.send_text(user, user, "용접 15년 했어요"))
        mark = running.mark()
        await running.settle(api.send_text(user, user, "상담사 연결해 주세요"))
        (created,) = api.calls_to("createForumTopic")
        [summary] = running.sent_since(mark, STAFF_FORUM)
        thread = summary.params["message_thread_id"]
        paused = (await tracker(stack, user))["paused"]

        mark = running.mark()
        counselor = api.send_text(
            STAFF_FORUM, COUNSELOR, "안녕하세요, 센터 상담사입니다.", thread_id=thread
        )
        await running.settle(counselor)
        reply = api.send_text(user, user, "네 안녕하세요 야간 일도 괜찮아요")
        await running.settle(reply)
        silent = running.sent_since(mark, user)
        relayed = [c for c in api.calls[mark:] if c.method == "copyMessage"]

        mark = running.mark()
        await running.settle(api.send_command(STAFF_FORUM, STRANGER, "/release", thread_id=thread))
        refused = running.sent_since(mark, STAFF_FORUM)
        still_live = (await tracker(stack, user))["paused"]

        mark = running.mark()
        await running.settle(api.send_command(STAFF_FORUM, COUNSELOR, "/release", thread_id=thread))
        await running.settle(api.send_text(user, user, "더 보여주세요"))
        back = running.sent_since(mark, user)
        resumed = await tracker(stack, user, include="ALL")

    assert created.params["name"].endswith("· 용접원 15년")
    assert "• 하신 일·경력: 용접원 15년" in summary.params["text"]
    assert "구직자: 용접 15년 했어요" in summary.params["text"]
    assert paused is True
    assert [(c.params["chat_id"], c.params.get("message_thread_id")) for c in relayed] == [
        (user, None),
        (STAFF_FORUM, thread),
    ]
    assert relayed[1].params["message_id"] == reply["message"]["message_id"]
    assert silent == []  # no Rasa answer, no bot text while the counselor has the seeker
    assert [c.params["text"] for c in refused] == [messages.NOT_A_COUNSELOR]
    assert still_live is True
    assert back[0].params["text"] == messages.BOT_BACK
    assert len(back) > 1  # and the bot answered the next message
    assert resumed["paused"] is False
    user_texts = [e.get("text") for e in resumed["events"] if e["event"] == "user"]
    assert "네 안녕하세요 야간 일도 괜찮아요" not in user_texts  # relayed, never sent to Rasa


async def test_delete_leaves_no_personal_data(
    api: TelegramStandIn,
    stack: Stack,
    stack_settings: Settings,
    stack_sessions: sessionmaker[Session],
) -> None:
    user = new_user()
    async with real_bot(api, stack, stack_settings, stack_sessions) as running:
        await consent(running, user)
        cards = await cards_for(running, user, WELDER)
        assert cards
        api.press_button(
            user, user, cards[0].result["message_id"], button_data(cards[0], "지원할래요")
        )
        await api.async_wait_for(
            lambda c: c.method == "sendMessage" and c.params.get("chat_id") == user
            and "동의해요" in keyboard_texts(c),
            timeout=60,
        )  # fmt: skip
        await running.settle(api.send_text(user, user, f"{SECRET} 일도 했어요"))
        await running.settle(api.send_text(user, user, "상담사 연결해 주세요"))
        (summary,) = [
            t for t in api.calls_to("sendMessage") if t.params.get("chat_id") == STAFF_FORUM
        ]
        await running.settle(api.send_text(user, user, f"{SECRET} 자격증 사진이에요"))
        thread = summary.params["message_thread_id"]
        await running.settle(
            api.send_command(STAFF_FORUM, COUNSELOR, "/note 용접 경력 확인함", thread_id=thread)
        )
        with stack_sessions() as session:
            seeker_id = session.scalars(
                select(Seeker.id).where(Seeker.sender_id == f"tg-{user}")
            ).one()
            application_ids = list(
                session.scalars(select(Application.id).where(Application.seeker_id == seeker_id))
            )
            assert application_ids
            assert session.scalar(
                select(func.count()).select_from(Handoff).where(Handoff.seeker_id == seeker_id)
            )

        assert words_in_files(stack_settings.home, SECRET)  # stored before: the check can fail
        mark = running.mark()
        await running.settle(api.send_command(user, user, "/delete"))
        [question] = running.sent_since(mark, user)
        api.press_button(
            user,
            user,
            question.result["message_id"],
            button_data(question, messages.BUTTON_DELETE_YES),
        )
        await api.async_wait_for_call(
            "sendMessage", chat_id=user, text=messages.DELETE_DONE, timeout=30
        )
        after = await tracker(stack, user, include="ALL")

    with stack_sessions() as session:
        assert session.scalar(select(Seeker).where(Seeker.sender_id == f"tg-{user}")) is None
        for model, column in [
            (Application, Application.seeker_id),
            (Handoff, Handoff.seeker_id),
            (Consent, Consent.seeker_id),
        ]:
            count = session.scalar(
                select(func.count()).select_from(model).where(column == seeker_id)
            )
            assert count == 0, model.__name__
        events = select(func.count()).select_from(ApplicationEvent)
        assert (
            session.scalar(events.where(ApplicationEvent.application_id.in_(application_ids))) == 0
        )
        assert session.scalar(select(func.count()).select_from(CounselorNote).where(
            CounselorNote.text == "용접 경력 확인함")) == 0  # fmt: skip
    assert [e for e in after["events"] if e["event"] in ("user", "bot")] == []
    topic = api.topic(STAFF_FORUM, thread)  # the summary, the relayed messages, the replies
    assert topic is not None and topic["deleted"]
    assert api.message(STAFF_FORUM, summary.result["message_id"]) is None
    assert words_in_files(stack_settings.home, SECRET) == []

    async with httpx.AsyncClient() as client:  # the stack keeps serving others
        assert (await client.get(f"{stack.rasa_url}/")).status_code == 200


#: A word only this seeker ever types (no opening, no model, no test data holds it).
SECRET = "꽃게잡이배"


def words_in_files(home: Path, word: str) -> list[str]:
    """Files under ``home`` holding ``word`` as UTF-8 or JSON-escaped (``\\uXXXX``, any case)."""
    escaped = json.dumps(word)[1:-1]
    forms = [word.encode(), escaped.encode(), escaped.upper().replace("\\U", "\\u").encode()]
    return [
        str(path)
        for path in home.rglob("*")
        if path.is_file() and any(form in path.read_bytes() for form in forms)
    ]


async def test_rasa_and_the_action_server_answer_only_with_their_tokens(stack: Stack) -> None:
    user = new_user()
    action_call = {"next_action": "action_search_jobs", "sender_id": f"tg-{user}", "tracker": {}}
    assert stack.settings.action_token is not None
    action_token = stack.settings.action_token.get_secret_value()
    async with httpx.AsyncClient(timeout=30) as http:
        tracker = f"{stack.rasa_url}/conversations/tg-{user}/tracker"
        assert (await http.get(tracker)).status_code == 401
        said = {"sender": f"tg-{user}", "message": "용접 일자리 있어요?"}
        for path, refusal in (("/webhooks/jobbot/webhook", 401), ("/webhooks/rest/webhook", 404)):
            for params in ({}, {"token": "guess"}):
                refused = await http.post(f"{stack.rasa_url}{path}", json=said, params=params)
                assert refused.status_code == refusal, (path, params)  # rest: not served
        state = await http.get(tracker, params={"token": stack.rasa_token, "include_events": "ALL"})
        assert [e for e in state.json()["events"] if e["event"] == "user"] == []  # none got in
        answer = await http.post(
            f"{stack.rasa_url}/webhooks/jobbot/webhook",
            json=said,
            params={"token": stack.rasa_token},
        )
        assert answer.status_code == 200 and answer.json()
        assert (await http.get(tracker, params={"token": "guess"})).status_code == 401
        assert (await http.get(tracker, params={"token": stack.rasa_token})).status_code == 200
        webhook = f"{stack.actions_url}/webhook"
        assert (await http.post(webhook, json=action_call)).status_code == 401
        forged = await http.post(webhook, json=action_call, params={"token": "guess"})
        assert forged.status_code == 401
        assert (await http.get(f"{stack.actions_url}/health")).status_code == 200
        answered = await http.post(webhook, json=action_call, params={"token": action_token})
        assert answered.status_code != 401
