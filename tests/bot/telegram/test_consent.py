"""Asking the seeker's consent before an application goes to a company: the real
Application against the stand-in, Rasa answering with `action_apply`'s payload.

(Yes, no, a second tap and the delivery that follows: test_companies.py.)"""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy.orm import Session, sessionmaker

from actions.payloads import application_payload
from actions.replies import ApplicationPayload
from bot.settings import Settings
from bot.telegram import messages
from bot.telegram.consent import application_lock
from storage.models import Application, Company, Opening
from storage.seekers import record_interest
from tests.bot.telegram.conftest import (
    ScriptedRasa,
    agreed_user,
    bot_settings,
    keyboard_texts,
    running_bot,
)
from tests.helpers.telegram_api import TelegramStandIn

pytestmark = pytest.mark.anyio


def interested(sessions: sessionmaker[Session], user: int, status: str) -> ApplicationPayload:
    """An application of ``user`` to a welding opening, in ``status``; its payload."""
    with sessions.begin() as session:
        company = Company(name="(주)대한중공업", name_key="대한중공업")
        opening = Opening(company=company, title="선박 블록 용접사", content_hash="t")
        session.add(opening)
        session.flush()
        application = record_interest(
            session=session, sender_id=f"tg-{user}", opening_id=opening.id
        )
        application.status = status
        session.flush()
        return application_payload(application.id, opening, application.status)


async def applied(
    api: TelegramStandIn,
    settings: Settings,
    sessions: sessionmaker[Session],
    user: int,
    payload: ApplicationPayload,
) -> list[Any]:
    """The seeker taps 지원할래요; what the bot sent the seeker."""
    rasa = ScriptedRasa(replies=lambda text: [{"custom": payload}])
    async with running_bot(api, bot_settings(settings, api), sessions, rasa.client()) as running:
        await running.settle(api.send_text(user, user, "1번 지원할래요"))
        return running.sent_since(0, user)


async def test_the_question_names_the_company_and_the_fields_and_waits_for_an_answer(
    telegram_api: TelegramStandIn, settings: Settings, sessions: sessionmaker[Session]
) -> None:
    user = agreed_user(sessions)
    payload = interested(sessions, user, "interested")
    *_, question = await applied(telegram_api, settings, sessions, user, payload)

    text = question.params["text"]
    assert text.startswith("'선박 블록 용접사' ((주)대한중공업) 지원 의사를 기록했어요.")
    assert messages.CONSENT_INTEREST_ONLY in text  # no profile yet: only the interest goes
    assert keyboard_texts(question) == [messages.BUTTON_CONSENT_YES, messages.BUTTON_CONSENT_NO]
    with sessions() as session:
        application = session.get(Application, payload["application_id"])
        assert application is not None
        assert application.status == "consent_asked"
        assert application.seeker.telegram_chat_id == user  # where the company's answer goes


async def test_an_application_under_way_is_told_its_state_not_asked_again(
    telegram_api: TelegramStandIn, settings: Settings, sessions: sessionmaker[Session]
) -> None:
    user = agreed_user(sessions)
    payload = interested(sessions, user, "sent")
    *_, told = await applied(telegram_api, settings, sessions, user, payload)

    assert told.params["text"] == messages.ALREADY_IN_PROGRESS["sent"].format(
        title="선박 블록 용접사", company="(주)대한중공업"
    )
    assert "reply_markup" not in told.params
    with sessions() as session:
        application = session.get(Application, payload["application_id"])
        assert application is not None and application.status == "sent"


async def test_an_application_that_is_gone_gets_a_polite_answer(
    telegram_api: TelegramStandIn, settings: Settings, sessions: sessionmaker[Session]
) -> None:
    user = agreed_user(sessions)
    payload: ApplicationPayload = {
        "type": "application",
        "text": "",
        "application_id": 999,
        "status": "interested",
        "opening": {"opening_id": 1, "title": "없는 공고", "company": "없는 회사"},
    }
    *_, told = await applied(telegram_api, settings, sessions, user, payload)

    assert told.params["text"] == messages.APPLICATION_NOT_FOUND


async def test_one_lock_per_application() -> None:
    first = application_lock(1)
    assert application_lock(1) is first
    assert application_lock(2) is not first
    async with first:
        assert application_lock(1).locked()
