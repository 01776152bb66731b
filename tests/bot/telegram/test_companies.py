"""Company invites, the seeker's consent and the company's answer, through real PTB 22.

The Telegram servers are the stand-in; the database is a real migrated SQLite file.
"""

from __future__ import annotations

import asyncio
import re
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import Select, select
from sqlalchemy.orm import Session, sessionmaker
from typer.testing import CliRunner

import nlu
from actions.payloads import application_payload
from bot.cli import app as cli
from bot.errors import ConsentRequired
from bot.settings import Settings
from bot.telegram import messages
from bot.telegram.backoff import Backoff
from bot.telegram.candidate_card import consented_card, decision_keyboard
from bot.telegram.outbox import run_outbox
from nlu.profile import SeekerProfile
from nlu.profile_merge import merge
from storage.companies import SHARE_WITH_COMPANY, create_invite, redeem_invite, unbind_contact
from storage.deliveries import undelivered_applications
from storage.models import Application as ApplicationRow
from storage.models import (
    ApplicationEvent,
    Company,
    CompanyContact,
    CompanyInvite,
    Consent,
    Opening,
    utc_now,
)
from storage.seekers import record_interest
from tests.bot.telegram.conftest import STAFF_FORUM, Clock, ScriptedRasa, StartBot, agreed_user
from tests.helpers.telegram_api import Call, TelegramStandIn

SEEKER = 1001
COMPANY = 3003
OTHER_COMPANY = 3004
STRANGER = 4004
SEEKER_SAYS = "조선소 용접 15년, 특수용접 자격증 있어요, 소룡동 살아요, 야간은 못해요, 월 300 이상"


@pytest.fixture
def application_id(sessions: sessionmaker[Session], api: TelegramStandIn) -> int:
    """A welder seeker (who agreed to keep a profile) who tapped 지원할래요 on a welding
    opening of (주)대한중공업."""
    profile = merge(SeekerProfile(), nlu.parse_seeker_text(SEEKER_SAYS)).to_dict()
    api.add_chat(SEEKER, chat_type="private")
    agreed_user(sessions, SEEKER)
    with sessions.begin() as session:
        company = Company(name="(주)대한중공업", name_key="대한중공업")
        session.add_all([company, Company(name="군산정밀", name_key="군산정밀")])
        opening = Opening(
            company=company,
            title="선박 블록 용접사 (경력 3년 이상)",
            occupation_raw="용접원",
            occupation_family="welder",
            region_raw="전북 군산시 소룡동",
            career_years_min=3,
            certificates={"special_welding": "preferred"},
            work_shift="주간",
            content_hash="test",
        )
        session.add(opening)
        session.flush()
        application = record_interest(session=session, sender_id="tg-1001", opening_id=opening.id)
        application.seeker.profile = profile
        application.seeker.telegram_chat_id = SEEKER
        return application.id


def bind(sessions: sessionmaker[Session], api: TelegramStandIn, chat_id: int, name: str) -> None:
    """Bind a chat to a company the way a redeemed invite does."""
    api.add_chat(chat_id, chat_type="private")
    with sessions.begin() as session:
        company = session.scalar(select(Company).where(Company.name == name))
        assert company is not None
        invite = create_invite(session=session, company=company, ttl=timedelta(hours=1))
        redeem_invite(session=session, token=invite.token, chat_id=chat_id, user_id=chat_id)


def apply_script(sessions: sessionmaker[Session]) -> ScriptedRasa:
    """Rasa as `action_apply` answers: whatever the seeker writes, the `application` payload
    of the seeker's one application."""

    def action_apply(text: str) -> list[dict[str, Any]]:
        with sessions() as session:
            row = session.scalars(select(ApplicationRow)).one()
            payload = application_payload(row.id, row.opening, row.status)
        return [{"recipient_id": "tg-1001", "custom": payload}]

    return ScriptedRasa(replies=action_apply)


async def tap_apply(api: TelegramStandIn) -> None:
    """The seeker asks for the opening; `bot.telegram.seekers` → Rasa → `bot.telegram.consent.ask_consent`."""
    api.send_text(SEEKER, SEEKER, "1번 지원할래요")


async def press(api: TelegramStandIn, chat_id: int, message: Call, data: str) -> Call:
    """Press a button of a message the bot sent; the answerCallbackQuery that follows."""
    since = len(api.calls)
    api.press_button(chat_id, chat_id, message.result["message_id"], data)
    return await api.async_wait_for_call("answerCallbackQuery", since=since)


async def consent_to_the_card(api: TelegramStandIn, application_id: int) -> Call:
    """The seeker asks to apply and says yes; the card COMPANY gets."""
    await tap_apply(api)
    question = await api.async_wait_for_call("sendMessage", chat_id=SEEKER)
    await press(api, SEEKER, question, f"consent:y:{application_id}")
    return await api.async_wait_for_call("sendMessage", chat_id=COMPANY)


def callback_data(call: Call) -> list[str]:
    """The callback data of a sent message's buttons, in order."""
    rows = call.params.get("reply_markup", {}).get("inline_keyboard", [])
    return [button["callback_data"] for row in rows for button in row]


def history(sessions: sessionmaker[Session], application_id: int) -> list[tuple[str, str]]:
    """The application's events as (status, actor), each checked to carry a timestamp."""
    with sessions() as session:
        events = session.scalars(
            select(ApplicationEvent)
            .where(ApplicationEvent.application_id == application_id)
            .order_by(ApplicationEvent.id)
        ).all()
        assert all(e.at is not None for e in events)
        return [(e.status, e.actor) for e in events]


def shared(query: Select[Any]) -> Select[Any]:
    """``query`` over the consents to share with a company (not the keep-profile one)."""
    return query.where(Consent.purpose == SHARE_WITH_COMPANY).order_by(Consent.id)


def status_of(sessions: sessionmaker[Session], application_id: int) -> str:
    """The application's status now."""
    with sessions() as session:
        application = session.get(ApplicationRow, application_id)
        assert application is not None
        return application.status


# -- invites ------------------------------------------------------------------------------------


@pytest.mark.anyio
async def test_invite_link_from_the_cli_binds_the_company_chat(
    start_bot: StartBot,
    forum_settings: Settings,
    sessions: sessionmaker[Session],
    application_id: int,
    api: TelegramStandIn,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for name, value in forum_settings.as_environment().items():
        monkeypatch.setenv(name, value)
    result = await asyncio.to_thread(CliRunner().invoke, cli, ["company", "invite", "대한 중공업"])
    assert result.exit_code == 0, result.output
    assert "(주)대한중공업 초대 링크를 만들었어요" in result.output
    link = re.search(r"https://t\.me/jobbot_test_bot\?start=(inv_[A-Za-z0-9_-]+)", result.output)
    assert link is not None, result.output  # the username came from getMe
    assert len(link.group(1)) <= 64

    async with start_bot(apply_script(sessions)):
        api.send_command(COMPANY, COMPANY, f"/start {link.group(1)}")
        bound = await api.async_wait_for_call("sendMessage", chat_id=COMPANY)
        api.send_command(SEEKER, SEEKER, "/start")  # a seeker's /start is not an invite
        seeker = await api.async_wait_for_call("sendMessage", chat_id=SEEKER)
        since = len(api.calls)
        api.send_text(COMPANY, COMPANY, "안녕하세요, 담당자입니다")  # not a seeker: no Rasa
        help_call = await api.async_wait_for_call("sendMessage", chat_id=COMPANY, since=since)

    assert bound.params["text"] == messages.INVITE_BOUND.format(company="(주)대한중공업")
    assert seeker.params["text"].startswith(messages.START_GREETING)  # the seekers' handler
    assert help_call.params["text"] == messages.COMPANY_CHAT_HELP.format(company="(주)대한중공업")
    with sessions() as session:
        (contact,) = session.scalars(select(CompanyContact)).all()
        (invite,) = session.scalars(select(CompanyInvite)).all()
        assert (contact.telegram_chat_id, contact.company.name) == (COMPANY, "(주)대한중공업")
        assert invite.used_at is not None


@pytest.mark.anyio
async def test_unknown_used_and_expired_invites_are_refused_politely(
    start_bot: StartBot, sessions: sessionmaker[Session], application_id: int, api: TelegramStandIn
) -> None:
    with sessions.begin() as session:
        company = session.scalar(select(Company).where(Company.name == "(주)대한중공업"))
        assert company is not None
        expired = create_invite(
            session=session,
            company=company,
            ttl=timedelta(hours=72),
            now=utc_now() - timedelta(hours=73),
        ).token
        good = create_invite(session=session, company=company, ttl=timedelta(hours=72)).token

    async def start(chat_id: int, text: str) -> str:
        since = len(api.calls)
        api.send_command(chat_id, chat_id, text)
        call = await api.async_wait_for_call("sendMessage", chat_id=chat_id, since=since)
        return str(call.params["text"])

    async with start_bot(apply_script(sessions)):
        assert await start(STRANGER, f"/start inv_{expired}") == messages.INVITE_EXPIRED
        assert await start(STRANGER, "/start inv_nosuchtoken") == messages.INVITE_UNKNOWN
        assert await start(COMPANY, f"/start inv_{good}") == messages.INVITE_BOUND.format(
            company="(주)대한중공업"
        )
        assert await start(STRANGER, f"/start inv_{good}") == messages.INVITE_USED
        assert await start(COMPANY, f"/start inv_{good}") == messages.INVITE_ALREADY_BOUND.format(
            company="(주)대한중공업"
        )

    with sessions() as session:
        contacts = session.scalars(select(CompanyContact.telegram_chat_id)).all()
    assert contacts == [COMPANY]


# -- consent, card, decision --------------------------------------------------------------------


@pytest.mark.anyio
async def test_consent_then_card_then_interview_offer_reaches_the_seeker(
    start_bot: StartBot,
    forum_settings: Settings,
    sessions: sessionmaker[Session],
    application_id: int,
    api: TelegramStandIn,
) -> None:
    bind(sessions, api, COMPANY, "(주)대한중공업")
    async with start_bot(apply_script(sessions)):
        await tap_apply(api)
        question = await api.async_wait_for_call("sendMessage", chat_id=SEEKER)
        await press(api, SEEKER, question, f"consent:y:{application_id}")
        card = await api.async_wait_for_call("sendMessage", chat_id=COMPANY)
        told_sent = await api.async_wait_for_call(
            "sendMessage", chat_id=SEEKER, since=api.calls.index(card)
        )
        answer = await press(api, COMPANY, card, f"co:offer:{application_id}")
        told_offer = await api.async_wait_for(
            lambda c: c.method == "sendMessage" and "면접을 제안했어요" in c.params["text"]
        )
        counselors = await api.async_wait_for(
            lambda c: c.method == "sendMessage" and c.params["text"].startswith("[면접 제안]")
        )
        await api.async_wait_for_call("editMessageText", chat_id=COMPANY)

    asked = question.params["text"]
    assert asked.startswith(
        "'선박 블록 용접사 (경력 3년 이상)' ((주)대한중공업) 지원 의사를 기록했어요."
    )
    for line in (  # what PIPA art. 17(2) asks a third-party consent to name
        "• 받는 곳: (주)대한중공업",
        "• 목적: '선박 블록 용접사 (경력 3년 이상)' 채용 검토와 면접 제안",
        f"• 받는 곳의 보관 기간: 채용 검토가 끝날 때까지, 길어도 {forum_settings.company_retention_days}일",
        "• 동의하지 않으실 수 있어요. 그러면 (주)대한중공업에는 아무것도 보내지 않고",
    ):
        assert line in asked
    for line in (
        "• 경력 요약: 용접원 15년",
        "• 자격증: 특수용접기능사",
        "• 사는 지역(시·군): 군산시",
        "• 희망 조건: 희망 직종 용접원 · 월 300만원 이상 · 2교대, 3교대, 야간 불가",
    ):
        assert line in asked
    assert "소룡동" not in asked  # the region is shared at 시·군 level only
    assert callback_data(question) == [f"consent:y:{application_id}", f"consent:n:{application_id}"]

    text = card.params["text"]
    assert text.startswith(f"[새 지원자] 후보 {application_id:04d}번\n공고: 선박 블록 용접사")
    assert "• 경력 요약: 용접원 15년" in text and "• 자격증: 특수용접기능사" in text
    assert "• 경력 조건 충족 (3년 이상)" in text
    assert "• 자격증 보유: 특수용접기능사 (우대)" in text
    assert "tg-1001" not in text and str(SEEKER) not in text
    assert callback_data(card) == [f"co:{d}:{application_id}" for d in ("offer", "hold", "decline")]
    assert [b["text"] for b in card.params["reply_markup"]["inline_keyboard"][0]] == [
        "면접 제안",
        "보류",
        "거절",
    ]

    assert told_sent.params["text"] == messages.SENT_TO_COMPANY.format(
        company="(주)대한중공업", title="선박 블록 용접사 (경력 3년 이상)"
    )
    assert answer.params["text"] == "'면접 제안'(으)로 처리했어요."
    assert told_offer.params["chat_id"] == SEEKER
    assert told_offer.params["text"].startswith("(주)대한중공업에서 '선박 블록 용접사")
    assert "센터 상담사가 일정을 안내해 드릴게요" in told_offer.params["text"]
    assert counselors.params["chat_id"] == STAFF_FORUM
    edited = api.message(COMPANY, card.result["message_id"])
    assert edited is not None and "✔ 면접 제안" in edited["text"]
    assert "reply_markup" not in edited
    assert api.message(SEEKER, question.result["message_id"])["text"].endswith("✔ 동의하셨어요.")  # type: ignore[index]

    assert history(sessions, application_id) == [
        ("consent_asked", "system"),
        ("consented", "seeker"),
        ("sent", "system"),
        ("offered", "company"),
    ]
    assert status_of(sessions, application_id) == "offered"
    with sessions() as session:
        (consent,) = session.scalars(shared(select(Consent))).all()
        assert (consent.purpose, consent.granted, consent.company_id) == (
            "share_with_company",
            True,
            session.scalar(select(Company.id).where(Company.name == "(주)대한중공업")),
        )
        assert consent.fields == ["experience", "certificates", "region", "wishes"]
        assert consent.question == asked  # the exact question and values the seeker saw
        assert consent.values["certificates"] == "특수용접기능사"


@pytest.mark.anyio
async def test_declining_sends_nothing_to_the_company(
    start_bot: StartBot, sessions: sessionmaker[Session], application_id: int, api: TelegramStandIn
) -> None:
    bind(sessions, api, COMPANY, "(주)대한중공업")
    async with start_bot(apply_script(sessions)) as running:
        await tap_apply(api)
        question = await api.async_wait_for_call("sendMessage", chat_id=SEEKER)
        await press(api, SEEKER, question, f"consent:n:{application_id}")
        declined = await api.async_wait_for_call(
            "sendMessage", chat_id=SEEKER, since=api.calls.index(question) + 1
        )
        await run_outbox(running.application.bot, running.frontend)
        with sessions() as session, pytest.raises(ConsentRequired, match="동의 기록이 없어"):
            consented_card(session=session, application_id=application_id)

    assert declined.params["text"] == messages.APPLY_CONSENT_DECLINED.format(
        company="(주)대한중공업"
    )
    assert api.sent_texts(COMPANY) == []
    assert history(sessions, application_id) == [
        ("consent_asked", "system"),
        ("declined_consent", "seeker"),
    ]
    with sessions() as session:
        (consent,) = session.scalars(shared(select(Consent))).all()
        assert consent.granted is False
        assert consent.application_id == application_id


def test_no_card_can_be_built_without_a_granted_consent(
    sessions: sessionmaker[Session], application_id: int
) -> None:
    with sessions() as session, pytest.raises(ConsentRequired):
        consented_card(session=session, application_id=application_id)


@pytest.mark.anyio
async def test_a_second_tap_and_asking_again_after_no(
    start_bot: StartBot, sessions: sessionmaker[Session], application_id: int, api: TelegramStandIn
) -> None:
    bind(sessions, api, COMPANY, "(주)대한중공업")
    async with start_bot(apply_script(sessions)):
        await tap_apply(api)
        first = await api.async_wait_for_call("sendMessage", chat_id=SEEKER)
        await tap_apply(api)  # asked twice: two live questions
        second = await api.async_wait_for_call(
            "sendMessage", chat_id=SEEKER, since=api.calls.index(first) + 1
        )
        await press(api, SEEKER, first, f"consent:n:{application_id}")
        again = await press(api, SEEKER, second, f"consent:y:{application_id}")
        # The seeker changes their mind: 지원할래요 again asks again, and yes now counts.
        await tap_apply(api)
        third = await api.async_wait_for(
            lambda c: (
                c.method == "sendMessage"
                and c.params["chat_id"] == SEEKER
                and "consent:y" in str(c.params.get("reply_markup"))
            ),
            since=api.calls.index(again) + 1,
        )
        await press(api, SEEKER, third, f"consent:y:{application_id}")
        await api.async_wait_for(
            lambda c: c.method == "sendMessage" and "지원 정보를 보냈어요" in c.params["text"]
        )
        await tap_apply(api)  # under way: told, not asked
        under_way = await api.async_wait_for(
            lambda c: (
                c.method == "sendMessage"
                and c.params["chat_id"] == SEEKER
                and c.params["text"].startswith(
                    "'선박 블록 용접사 (경력 3년 이상)' 지원 정보는 이미"
                )
            )
        )

    assert again.params["text"] == messages.CONSENT_ALREADY_ANSWERED
    assert "reply_markup" not in under_way.params
    assert len(api.sent_texts(COMPANY)) == 1
    assert history(sessions, application_id) == [
        ("consent_asked", "system"),
        ("declined_consent", "seeker"),
        ("consent_asked", "system"),
        ("consented", "seeker"),
        ("sent", "system"),
    ]
    with sessions() as session:
        answers = session.scalars(shared(select(Consent.granted))).all()
    assert answers == [False, True]


@pytest.mark.anyio
async def test_hold_then_decline_keeps_the_seeker_informed(
    start_bot: StartBot, sessions: sessionmaker[Session], application_id: int, api: TelegramStandIn
) -> None:
    bind(sessions, api, COMPANY, "(주)대한중공업")
    async with start_bot(apply_script(sessions)):
        card = await consent_to_the_card(api, application_id)
        await press(api, COMPANY, card, f"co:hold:{application_id}")
        held = await api.async_wait_for_call("editMessageText", chat_id=COMPANY)
        await press(api, COMPANY, card, f"co:decline:{application_id}")
        await api.async_wait_for(
            lambda c: c.method == "sendMessage" and "함께하기 어렵다고" in c.params["text"]
        )

    assert callback_data(held) == [f"co:offer:{application_id}", f"co:decline:{application_id}"]
    assert "⏸ 보류" in held.params["text"]
    final = api.message(COMPANY, card.result["message_id"])
    assert final is not None and "✖ 거절" in final["text"] and "⏸ 보류" not in final["text"]
    seeker_texts = api.sent_texts(SEEKER)
    assert seeker_texts[-2].startswith(
        "(주)대한중공업에서 '선박 블록 용접사 (경력 3년 이상)' 지원을 검토"
    )
    assert history(sessions, application_id)[-2:] == [("held", "company"), ("declined", "company")]


@pytest.mark.anyio
async def test_a_chat_not_bound_to_that_company_cannot_decide(
    start_bot: StartBot, sessions: sessionmaker[Session], application_id: int, api: TelegramStandIn
) -> None:
    bind(sessions, api, COMPANY, "(주)대한중공업")
    bind(sessions, api, OTHER_COMPANY, "군산정밀")  # bound, but to another company
    api.add_chat(STRANGER, chat_type="private")
    async with start_bot(apply_script(sessions)) as running:
        await consent_to_the_card(api, application_id)
        refusals = []
        for chat_id in (STRANGER, OTHER_COMPANY, SEEKER):  # a card copied where it must not act
            forged = await running.application.bot.send_message(
                chat_id, "카드", reply_markup=decision_keyboard(application_id, "sent")
            )
            since = len(api.calls)
            api.press_button(chat_id, chat_id, forged.message_id, f"co:offer:{application_id}")
            refusals.append(await api.async_wait_for_call("answerCallbackQuery", since=since))
        seeker_messages = len(api.sent_texts(SEEKER))

    for refusal in refusals:
        assert (refusal.params["text"], refusal.params["show_alert"]) == (
            messages.DECISION_NOT_ALLOWED,
            True,
        )
    assert status_of(sessions, application_id) == "sent"
    assert len(api.sent_texts(SEEKER)) == seeker_messages
    assert not any(c.params["text"].startswith("[면접 제안]") for c in api.calls_to("sendMessage"))


@pytest.mark.anyio
async def test_without_a_company_chat_the_center_forwards_until_the_company_binds(
    start_bot: StartBot, sessions: sessionmaker[Session], application_id: int, api: TelegramStandIn
) -> None:
    async with start_bot(apply_script(sessions)):
        await tap_apply(api)
        question = await api.async_wait_for_call("sendMessage", chat_id=SEEKER)
        await press(api, SEEKER, question, f"consent:y:{application_id}")
        forward = await api.async_wait_for_call("sendMessage", chat_id=STAFF_FORUM)
        waiting = await api.async_wait_for_call(
            "sendMessage", chat_id=SEEKER, since=api.calls.index(question) + 1
        )
        assert status_of(sessions, application_id) == "consented"

        with sessions.begin() as session:
            company = session.scalar(select(Company).where(Company.name == "(주)대한중공업"))
            assert company is not None
            token = create_invite(session=session, company=company, ttl=timedelta(hours=1)).token
        api.send_command(COMPANY, COMPANY, f"/start inv_{token}")
        card = await api.async_wait_for(
            lambda c: (
                c.method == "sendMessage"
                and c.params["chat_id"] == COMPANY
                and c.params["text"].startswith("[새 지원자]")
            )
        )
        sent = await api.async_wait_for_call(
            "sendMessage", chat_id=SEEKER, since=api.calls.index(card)
        )

    assert forward.params["text"].startswith(f"[전달 필요] 후보 {application_id:04d}번")
    assert 'jobbot company invite "(주)대한중공업"' in forward.params["text"]
    assert waiting.params["text"] == messages.CENTER_WILL_FORWARD.format(company="(주)대한중공업")
    assert sent.params["text"].startswith("(주)대한중공업에 '선박 블록 용접사")
    assert history(sessions, application_id) == [
        ("consent_asked", "system"),
        ("consented", "seeker"),
        ("sent", "system"),
    ]


# -- faults: a failed acknowledgement, a lost notice, racing bindings ------------------------------


@pytest.mark.anyio
@pytest.mark.parametrize(
    ("status", "description"),
    [
        (400, "Bad Request: query is too old and response timeout expired or query ID is invalid"),
        (502, None),
    ],
)
async def test_a_failed_acknowledgement_loses_neither_the_card_nor_the_offer(
    start_bot: StartBot,
    sessions: sessionmaker[Session],
    application_id: int,
    api: TelegramStandIn,
    status: int,
    description: str | None,
) -> None:
    bind(sessions, api, COMPANY, "(주)대한중공업")
    async with start_bot(apply_script(sessions)):
        await tap_apply(api)
        question = await api.async_wait_for_call("sendMessage", chat_id=SEEKER)
        api.fail_next("answerCallbackQuery", status=status, description=description)
        api.press_button(
            SEEKER, SEEKER, question.result["message_id"], f"consent:y:{application_id}"
        )
        card = await api.async_wait_for_call("sendMessage", chat_id=COMPANY)
        await api.async_wait_for(
            lambda c: c.method == "sendMessage" and "지원 정보를 보냈어요" in c.params["text"]
        )
        api.fail_next("answerCallbackQuery", status=status, description=description)
        api.press_button(COMPANY, COMPANY, card.result["message_id"], f"co:offer:{application_id}")
        told = await api.async_wait_for(
            lambda c: c.method == "sendMessage" and "면접을 제안했어요" in c.params["text"]
        )
        await api.async_wait_for(
            lambda c: c.method == "sendMessage" and c.params["text"].startswith("[면접 제안]")
        )

    failed = api.calls_to("answerCallbackQuery", include_failed=True)
    assert len(failed) == 2 and not api.calls_to("answerCallbackQuery")  # both failed
    assert told.params["chat_id"] == SEEKER
    assert status_of(sessions, application_id) == "offered"
    with sessions() as session:
        row = session.get(ApplicationRow, application_id)
        assert row is not None and row.told_status == "offered"


@pytest.mark.anyio
async def test_news_that_could_not_be_sent_is_told_by_the_next_round_exactly_once(
    start_bot: StartBot, sessions: sessionmaker[Session], application_id: int, api: TelegramStandIn
) -> None:
    from bot.telegram.handoff import maintenance_round

    bind(sessions, api, COMPANY, "(주)대한중공업")
    async with start_bot(apply_script(sessions)) as running:
        card = await consent_to_the_card(api, application_id)
        await api.async_wait_for(
            lambda c: c.method == "sendMessage" and "지원 정보를 보냈어요" in c.params["text"]
        )
        api.fail_next(
            "sendMessage", status=403, description="Forbidden: bot was blocked by the user"
        )
        await press(api, COMPANY, card, f"co:decline:{application_id}")
        await api.async_wait_for_call("editMessageText", chat_id=COMPANY)
        assert status_of(sessions, application_id) == "declined"
        frontend = running.frontend
        await maintenance_round(running.application.bot, frontend)
        await maintenance_round(running.application.bot, frontend)

    told = [t for t in api.sent_texts(SEEKER) if "함께하기 어렵다고" in t]
    assert len(told) == 1


@pytest.mark.anyio
async def test_two_bindings_at_once_send_each_chat_one_card(
    start_bot: StartBot, sessions: sessionmaker[Session], application_id: int, api: TelegramStandIn
) -> None:
    second = COMPANY + 7
    async with start_bot(apply_script(sessions)):
        await tap_apply(api)
        question = await api.async_wait_for_call("sendMessage", chat_id=SEEKER)
        await press(api, SEEKER, question, f"consent:y:{application_id}")
        await api.async_wait_for_call("sendMessage", chat_id=STAFF_FORUM)
        with sessions.begin() as session:
            company = session.scalar(select(Company).where(Company.name == "(주)대한중공업"))
            assert company is not None
            tokens = [
                create_invite(session=session, company=company, ttl=timedelta(hours=1)).token
                for _ in range(2)
            ]
        api.add_chat(second, chat_type="private")
        api.send_command(COMPANY, COMPANY, f"/start inv_{tokens[0]}")
        api.send_command(second, second, f"/start inv_{tokens[1]}")
        for chat_id in (COMPANY, second):
            await api.async_wait_for(
                lambda c, chat_id=chat_id: (  # type: ignore[misc]
                    c.method == "sendMessage"
                    and c.params["chat_id"] == chat_id
                    and c.params["text"].startswith("[새 지원자]")
                )
            )
        await asyncio.sleep(1.0)  # a duplicate would be on its way by now

    cards = [
        c.params["chat_id"]
        for c in api.calls_to("sendMessage")
        if c.params["text"].startswith("[새 지원자]")
    ]
    # both chats of the company got the card, whichever bound first; none got it twice
    assert sorted(cards) == sorted([COMPANY, second])
    assert sum("지원 정보를 보냈어요" in t for t in api.sent_texts(SEEKER)) == 1


@pytest.mark.anyio
async def test_a_chat_bound_later_gets_the_cards_still_waiting_for_an_answer_only(
    start_bot: StartBot, sessions: sessionmaker[Session], application_id: int, api: TelegramStandIn
) -> None:
    later, latest = COMPANY + 8, COMPANY + 9
    bind(sessions, api, COMPANY, "(주)대한중공업")
    async with start_bot(apply_script(sessions)):
        card = await consent_to_the_card(api, application_id)
        await press(api, COMPANY, card, f"co:hold:{application_id}")
        with sessions.begin() as session:
            company = session.scalar(select(Company).where(Company.name == "(주)대한중공업"))
            assert company is not None
            tokens = [
                create_invite(session=session, company=company, ttl=timedelta(hours=1)).token
                for _ in range(2)
            ]
        for chat_id, token in ((later, tokens[0]), (latest, tokens[1])):
            api.add_chat(chat_id, chat_type="private")
            since = len(api.calls)
            api.send_command(chat_id, chat_id, f"/start inv_{token}")
            await api.async_wait_for_call("sendMessage", chat_id=chat_id, since=since)
            if chat_id == later:  # held: still open, so the new chat gets it ...
                held = await api.async_wait_for(
                    lambda c: (
                        c.method == "sendMessage"
                        and c.params["chat_id"] == later
                        and c.params["text"].startswith("[새 지원자]")
                    ),
                    since=since,
                )
                await press(api, later, held, f"co:offer:{application_id}")  # ... and decides
                await api.async_wait_for(
                    lambda c: c.method == "sendMessage" and "면접을 제안했어요" in c.params["text"]
                )
        await asyncio.sleep(0.5)

    assert callback_data(held) == [f"co:offer:{application_id}", f"co:decline:{application_id}"]
    assert status_of(sessions, application_id) == "offered"
    cards = [
        c.params["chat_id"]
        for c in api.calls_to("sendMessage")
        if c.params["text"].startswith("[새 지원자]")
    ]
    assert cards == [COMPANY, later]  # the latest chat bound after the offer: nothing old


def cards(api: TelegramStandIn) -> list[Call]:
    """The candidate cards sent, in order (failed sends left out)."""
    return [c for c in api.calls_to("sendMessage") if c.params["text"].startswith("[새 지원자]")]


def cards_sent(api: TelegramStandIn) -> list[int]:
    """The chats that got a candidate card, in order."""
    return [c.params["chat_id"] for c in cards(api)]


BLOCKED = "Forbidden: bot was blocked by the user"


async def consent_with_the_first_chat_blocked(
    api: TelegramStandIn, application_id: int, second: int
) -> Call:
    """The seeker says yes; the card to COMPANY (the older binding) fails as if the bot was
    blocked there, the one to ``second`` arrives: that card."""
    await tap_apply(api)
    question = await api.async_wait_for_call("sendMessage", chat_id=SEEKER)
    api.fail_next("sendMessage", status=403, description=BLOCKED)
    await press(api, SEEKER, question, f"consent:y:{application_id}")
    card = await api.async_wait_for_call("sendMessage", chat_id=second)
    await api.async_wait_for(
        lambda c: c.method == "sendMessage" and "지원 정보를 보냈어요" in c.params["text"]
    )
    failed = [c for c in api.calls_to("sendMessage", include_failed=True) if c.failed]
    assert [c.params["chat_id"] for c in failed] == [COMPANY]
    assert failed[0].params["text"].startswith("[새 지원자]")
    return card


@pytest.mark.anyio
async def test_a_chat_the_card_failed_for_gets_it_from_a_later_round_once(
    start_bot: StartBot, sessions: sessionmaker[Session], application_id: int, api: TelegramStandIn
) -> None:
    second = COMPANY + 10
    bind(sessions, api, COMPANY, "(주)대한중공업")
    bind(sessions, api, second, "(주)대한중공업")
    clock = Clock()
    async with start_bot(apply_script(sessions)) as running:
        running.frontend.card_retries = Backoff(first=60, clock=clock)
        bot, frontend = running.application.bot, running.frontend
        await consent_with_the_first_chat_blocked(api, application_id, second)
        await run_outbox(bot, frontend)
        assert cards_sent(api) == [second]  # not due yet: the wait is a minute
        clock.now = 61
        await run_outbox(bot, frontend)
        retried = cards(api)[-1]
        clock.now = 10_000
        await run_outbox(bot, frontend)
        await run_outbox(bot, frontend)

    assert cards_sent(api) == [second, COMPANY]
    assert retried.params["chat_id"] == COMPANY
    assert callback_data(retried) == [
        f"co:offer:{application_id}",
        f"co:hold:{application_id}",
        f"co:decline:{application_id}",
    ]
    assert sum("지원 정보를 보냈어요" in t for t in api.sent_texts(SEEKER)) == 1
    assert history(sessions, application_id) == [
        ("consent_asked", "system"),
        ("consented", "seeker"),
        ("sent", "system"),
    ]


@pytest.mark.anyio
async def test_a_retried_card_shows_the_hold_and_a_decision_ends_the_retries(
    start_bot: StartBot, sessions: sessionmaker[Session], application_id: int, api: TelegramStandIn
) -> None:
    second, third = COMPANY + 10, COMPANY + 11
    bind(sessions, api, COMPANY, "(주)대한중공업")
    bind(sessions, api, second, "(주)대한중공업")
    clock = Clock()
    async with start_bot(apply_script(sessions)) as running:
        running.frontend.card_retries = Backoff(first=60, clock=clock)
        bot, frontend = running.application.bot, running.frontend
        card = await consent_with_the_first_chat_blocked(api, application_id, second)
        await press(api, second, card, f"co:hold:{application_id}")
        await api.async_wait_for_call("editMessageText", chat_id=second)
        clock.now = 61
        await run_outbox(bot, frontend)
        held = cards(api)[-1]
        # a third chat, bound by hand (no invite handler), blocks the bot too; then a decision
        bind(sessions, api, third, "(주)대한중공업")
        api.fail_next("sendMessage", status=403, description=BLOCKED)
        await run_outbox(bot, frontend)
        await press(api, second, card, f"co:decline:{application_id}")
        await api.async_wait_for(
            lambda c: c.method == "sendMessage" and "함께하기 어렵다고" in c.params["text"]
        )
        clock.now = 10_000
        await run_outbox(bot, frontend)

    assert held.params["chat_id"] == COMPANY
    assert callback_data(held) == [f"co:offer:{application_id}", f"co:decline:{application_id}"]
    assert cards_sent(api) == [second, COMPANY]  # the third chat: declined before a retry
    failed = [
        c.params["chat_id"] for c in api.calls_to("sendMessage", include_failed=True) if c.failed
    ]
    assert failed == [COMPANY, third]
    with sessions() as session:
        assert undelivered_applications(session=session) == []


@pytest.mark.anyio
async def test_a_yes_to_an_old_question_after_the_profile_changed_is_asked_again(
    start_bot: StartBot, sessions: sessionmaker[Session], application_id: int, api: TelegramStandIn
) -> None:
    bind(sessions, api, COMPANY, "(주)대한중공업")
    before = merge(SeekerProfile(), nlu.parse_seeker_text("조선소 용접 15년")).to_dict()
    with sessions.begin() as session:
        row = session.get(ApplicationRow, application_id)
        assert row is not None
        row.seeker.profile = before
    async with start_bot(apply_script(sessions)):
        await tap_apply(api)
        old = await api.async_wait_for_call("sendMessage", chat_id=SEEKER)
        assert "특수용접기능사" not in old.params["text"]
        with sessions.begin() as session:  # "특수용접 자격증 있어요", said after the question
            row = session.get(ApplicationRow, application_id)
            assert row is not None
            row.seeker.profile = merge(
                SeekerProfile.from_dict(before), nlu.parse_seeker_text("특수용접 자격증 있어요")
            ).to_dict()
        answer = await press(api, SEEKER, old, f"consent:y:{application_id}")
        new = await api.async_wait_for(
            lambda c: (
                c.method == "sendMessage" and "consent:y" in str(c.params.get("reply_markup"))
            ),
            since=api.calls.index(answer),
        )
        assert status_of(sessions, application_id) == "consent_asked"
        assert api.sent_texts(COMPANY) == []
        await press(api, SEEKER, new, f"consent:y:{application_id}")
        card = await api.async_wait_for_call("sendMessage", chat_id=COMPANY)

    assert answer.params["text"] == messages.CONSENT_CHANGED
    assert "• 자격증: 특수용접기능사" in new.params["text"]
    assert "• 자격증: 특수용접기능사" in card.params["text"]


@pytest.mark.anyio
async def test_a_withdrawal_before_the_card_is_sent_stops_its_delivery(
    start_bot: StartBot, sessions: sessionmaker[Session], application_id: int, api: TelegramStandIn
) -> None:
    async with start_bot(apply_script(sessions)):
        await tap_apply(api)
        question = await api.async_wait_for_call("sendMessage", chat_id=SEEKER)
        await press(api, SEEKER, question, f"consent:y:{application_id}")
        await api.async_wait_for_call("sendMessage", chat_id=STAFF_FORUM)  # no company chat yet
        agreed = api.message(SEEKER, question.result["message_id"])
        assert agreed is not None
        assert [b["callback_data"] for b in agreed["reply_markup"]["inline_keyboard"][0]] == [
            f"consent:w:{application_id}"
        ]
        await press(api, SEEKER, question, f"consent:w:{application_id}")
        await api.async_wait_for(
            lambda c: c.method == "sendMessage" and c.params["text"].startswith("동의를 거두었어요")
        )
        with sessions.begin() as session:
            company = session.scalar(select(Company).where(Company.name == "(주)대한중공업"))
            assert company is not None
            token = create_invite(session=session, company=company, ttl=timedelta(hours=1)).token
        api.send_command(COMPANY, COMPANY, f"/start inv_{token}")
        await api.async_wait_for_call("sendMessage", chat_id=COMPANY)
        await asyncio.sleep(0.5)

    assert api.sent_texts(COMPANY) == [messages.INVITE_BOUND.format(company="(주)대한중공업")]
    assert status_of(sessions, application_id) == "withdrawn"
    with sessions() as session:
        answers = session.scalars(shared(select(Consent.granted))).all()
    assert answers == [True, False]


@pytest.mark.anyio
async def test_invites_bind_private_chats_only_and_are_stored_hashed(
    start_bot: StartBot,
    forum_settings: Settings,
    sessions: sessionmaker[Session],
    application_id: int,
    api: TelegramStandIn,
) -> None:
    group = -100777
    api.add_chat(group, chat_type="supergroup", title="아무 그룹")
    with sessions.begin() as session:
        company = session.scalar(select(Company).where(Company.name == "(주)대한중공업"))
        assert company is not None
        token = create_invite(session=session, company=company, ttl=timedelta(hours=1)).token
    async with start_bot(apply_script(sessions)):
        for chat_id in (group, STAFF_FORUM):
            since = len(api.calls)
            api.send_command(chat_id, STRANGER, f"/start inv_{token}")
            refused = await api.async_wait_for_call("sendMessage", chat_id=chat_id, since=since)
            assert refused.params["text"] == messages.INVITE_PRIVATE_ONLY
        api.send_command(COMPANY, COMPANY, f"/start inv_{token}")
        bound = await api.async_wait_for_call("sendMessage", chat_id=COMPANY)

    assert bound.params["text"] == messages.INVITE_BOUND.format(company="(주)대한중공업")
    with sessions() as session:
        assert session.scalars(select(CompanyContact.telegram_chat_id)).all() == [COMPANY]
        (invite,) = session.scalars(select(CompanyInvite)).all()
        assert invite.token_hash != token and len(invite.token_hash) == 64
    assert token.encode() not in (forum_settings.home / "jobbot.sqlite3").read_bytes()


@pytest.mark.anyio
async def test_an_unbound_chat_is_no_company_chat_at_once(
    start_bot: StartBot, sessions: sessionmaker[Session], application_id: int, api: TelegramStandIn
) -> None:
    bind(sessions, api, COMPANY, "(주)대한중공업")
    async with start_bot(apply_script(sessions)):
        since = len(api.calls)
        api.send_text(COMPANY, COMPANY, "안녕하세요, 담당자입니다")
        help_call = await api.async_wait_for_call("sendMessage", chat_id=COMPANY, since=since)
        with sessions.begin() as session:  # `jobbot company unbind`, another process
            (contact,) = session.scalars(select(CompanyContact)).all()
            unbind_contact(session=session, company_id=contact.company_id, contact_id=contact.id)
        since = len(api.calls)
        api.send_text(COMPANY, COMPANY, "아직 연결되어 있나요?")
        after = await api.async_wait_for_call("sendMessage", chat_id=COMPANY, since=since)

    assert help_call.params["text"] == messages.COMPANY_CHAT_HELP.format(company="(주)대한중공업")
    assert after.params["text"] != help_call.params["text"]  # a seeker's chat now
    assert messages.PRIVACY_NOTICE.splitlines()[0] in after.params["text"]
