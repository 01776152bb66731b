"""The seeker's private chat: the real Application against the Telegram stand-in, a real
SQLite database, and Rasa answered from a script (the real stack: test_conversation.py)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from actions import messages as action_messages
from actions.replies import OPENING_DETAILS, OpeningCard, OpeningDetailsPayload, OpeningsPayload
from actions.replies import OPENINGS as OPENINGS_TYPE
from bot.rasa_client import RasaClient
from bot.settings import Settings
from bot.telegram import messages
from bot.telegram.seekers import privacy_notice
from storage.models import Application, Company, Consent, Opening, Seeker, utc_now
from storage.seekers import record_interest, record_profile_consent, save_profile
from tests.bot.telegram.conftest import (
    ScriptedRasa,
    agreed_user,
    bot_settings,
    button_data,
    keyboard_texts,
    new_user,
    running_bot,
)
from tests.helpers.telegram_api import TelegramStandIn

pytestmark = pytest.mark.anyio

WELDER_PROFILE: dict[str, object] = {"home_region": "gunsan", "certificates_held": ["welding"]}

CARD: OpeningCard = {
    "rank": 1,
    "opening_id": 17,
    "title": "특수용접원",
    "company": "㈜새만금중공업",
    "pay": "월 320만원",
    "region": "군산시",
    "shift": "주간",
    "employment_type": "정규직",
    "closes_on": "2026-12-15",
    "reasons": ["용접 경력이 맞아요"],
    "missing": [],
    "sources": [],
    "buttons": [
        {"title": "자세히", "payload": '/job_details{"opening_id":17}'},
        {"title": "지원할래요", "payload": '/apply{"opening_id":17}'},
    ],
}
OPENINGS: OpeningsPayload = {
    "type": OPENINGS_TYPE,
    "text": "용접원 조건으로 찾은 일자리예요.\n\n1. 특수용접원 ...",
    "page": 1,
    "openings": [CARD, {**CARD, "rank": 2, "opening_id": 18, "title": "배관용접원"}],
    "buttons": [
        {"title": "더 보기", "payload": "/more_results"},
        {"title": "상담사 연결", "payload": "/request_counselor"},
    ],
}
DETAILS: OpeningDetailsPayload = {
    "type": OPENING_DETAILS,
    "text": "특수용접원\n급여: 월 320만원",
    "opening": {
        "opening_id": 17,
        "title": "특수용접원",
        "company": "㈜새만금중공업",
        "pay": "월 320만원",
        "region": "",
        "shift": None,
        "employment_type": None,
        "closes_on": None,
        "career": "",
        "certificates": "",
        "description": "",
        "contact": "",
        "url": "https://example.org/17",
    },
    "buttons": [{"title": "지원할래요", "payload": '/apply{"opening_id":17}'}],
}


def bot(
    api: TelegramStandIn,
    settings: Settings,
    sessions: sessionmaker[Session],
    rasa: ScriptedRasa | RasaClient,
) -> Any:
    client = rasa.client() if isinstance(rasa, ScriptedRasa) else rasa
    return running_bot(api, bot_settings(settings, api), sessions, client)


async def test_start_says_what_is_stored_and_records_the_consent(
    telegram_api: TelegramStandIn, settings: Settings, sessions: sessionmaker[Session]
) -> None:
    api, user = telegram_api, new_user()
    rasa = ScriptedRasa(slots={"occupation": "용접원 15년", "region": "군산시"})
    async with bot(api, settings, sessions, rasa) as running:
        api.send_command(user, user, "/start")
        question = await api.async_wait_for_call(
            "sendMessage", chat_id=user, text=messages.CONSENT_QUESTION
        )
        [intro] = [c for c in running.sent_since(0, user) if c is not question]
        assert messages.START_GREETING in intro.params["text"]
        notice = privacy_notice(settings)
        assert notice in intro.params["text"]
        for period in ("60분", "365일"):  # the retention periods in force (PIPA art. 15(2))
            assert period in notice
        assert keyboard_texts(question) == ["동의해요", "동의하지 않아요"]

        api.press_button(
            user, user, question.result["message_id"], button_data(question, "동의해요")
        )
        await api.async_wait_for_call("sendMessage", chat_id=user, text=messages.CONSENT_GIVEN)
        await api.async_wait_for_call("answerCallbackQuery")
        edited = api.message(user, question.result["message_id"])
        assert edited is not None and "reply_markup" not in edited
        assert edited["text"].endswith("→ 동의해요")

        mark = running.mark()
        running_update = api.send_command(user, user, "/profile")
        await running.settle(running_update)
        [profile] = running.sent_since(mark, user)

    assert profile.params["text"].splitlines() == [
        messages.PROFILE_HEADER,
        "• 하신 일·경력: 용접원 15년",
        "• 사는 곳: 군산시",
    ]
    with sessions() as session:
        seeker = session.scalars(select(Seeker).where(Seeker.sender_id == f"tg-{user}")).one()
        assert seeker.profile_consent_at is not None
        assert (seeker.telegram_chat_id, seeker.telegram_user_id) == (user, user)
        consents = session.scalars(select(Consent).where(Consent.seeker_id == seeker.id)).all()
        assert [(c.purpose, c.granted) for c in consents] == [("keep_profile", True)]
    assert rasa.messages() == []  # nothing the seeker typed went to Rasa


async def test_without_consent_profile_says_nothing_is_kept(
    telegram_api: TelegramStandIn, settings: Settings, sessions: sessionmaker[Session]
) -> None:
    api, user = telegram_api, new_user()
    rasa = ScriptedRasa(slots={"occupation": "용접원 15년"})
    async with bot(api, settings, sessions, rasa) as running:
        api.send_command(user, user, "/start")
        question = await api.async_wait_for_call(
            "sendMessage", chat_id=user, text=messages.CONSENT_QUESTION
        )
        api.press_button(
            user, user, question.result["message_id"], button_data(question, "동의하지 않아요")
        )
        await api.async_wait_for_call("sendMessage", chat_id=user, text=messages.CONSENT_DECLINED)
        mark = running.mark()
        await running.settle(api.send_command(user, user, "/profile"))
        [answer] = running.sent_since(mark, user)

    assert answer.params["text"] == messages.PROFILE_NOT_KEPT
    assert "용접" not in answer.params["text"]
    assert keyboard_texts(answer) == ["동의해요", "동의하지 않아요"]
    # What the actions store after each turn is refused for a seeker who said no.
    with sessions.begin() as session:
        save_profile(session=session, sender_id=f"tg-{user}", profile=WELDER_PROFILE)
    with sessions() as session:
        seeker = session.scalars(select(Seeker).where(Seeker.sender_id == f"tg-{user}")).one()
        assert seeker.profile_consent_at is None
        assert seeker.profile == {}


@pytest.mark.parametrize("answer", ["동의해요", "동의하지 않아요"])
async def test_a_first_message_waits_for_the_consent_answer_then_rasa_answers_it(
    telegram_api: TelegramStandIn,
    settings: Settings,
    sessions: sessionmaker[Session],
    answer: str,
) -> None:
    api, user = telegram_api, new_user()
    rasa = ScriptedRasa()
    async with bot(api, settings, sessions, rasa) as running:
        await running.settle(api.send_text(user, user, "용접 일자리 있어요?"))
        await running.settle(api.send_text(user, user, "군산이에요"))
        before = [c.params["text"] for c in running.sent_since(0, user)]
        asked_before = list(rasa.requests)
        question = running.sent_since(0, user, text=messages.CONSENT_QUESTION)[0]
        mark = running.mark()
        pressed = api.press_button(
            user, user, question.result["message_id"], button_data(question, answer)
        )
        await running.settle(pressed)
        after = [c.params["text"] for c in running.sent_since(mark, user)]

    # Nothing reached Rasa (nor its tracker store) before the answer ...
    assert asked_before == []
    assert before == [privacy_notice(settings), messages.CONSENT_QUESTION, messages.CONSENT_FIRST]
    # ... and then both messages did, in order, whichever the answer (a no keeps nothing
    # past the session, as the question says: bot.telegram.retention).
    reply = messages.CONSENT_GIVEN if answer == "동의해요" else messages.CONSENT_DECLINED
    assert after == [reply, "네: 용접 일자리 있어요?", "네: 군산이에요"]
    assert rasa.messages() == [
        {"sender": f"tg-{user}", "message": text, "metadata": {"chat_id": user, "user_id": user}}
        for text in ("용접 일자리 있어요?", "군산이에요")
    ]
    assert api.calls_to("sendChatAction")[0].params == {"chat_id": user, "action": "typing"}


async def test_reset_before_the_consent_answer_forgets_what_waited(
    telegram_api: TelegramStandIn, settings: Settings, sessions: sessionmaker[Session]
) -> None:
    api, user = telegram_api, new_user()
    rasa = ScriptedRasa()
    async with bot(api, settings, sessions, rasa) as running:
        await running.settle(api.send_text(user, user, "용접 일자리 있어요?"))
        mark = running.mark()
        await running.settle(api.send_command(user, user, "/reset"))
        [asked] = running.sent_since(mark, user)
        mark = running.mark()
        pressed = api.press_button(
            user, user, asked.result["message_id"], button_data(asked, "동의해요")
        )
        await running.settle(pressed)
        after = [c.params["text"] for c in running.sent_since(mark, user)]

    assert asked.params["text"] == messages.CONSENT_QUESTION
    assert after == [messages.CONSENT_GIVEN]
    assert rasa.requests == []  # neither the message nor the reset reached Rasa


async def test_openings_are_one_message_per_card_and_a_press_goes_to_rasa(
    telegram_api: TelegramStandIn, settings: Settings, sessions: sessionmaker[Session]
) -> None:
    api, user = telegram_api, agreed_user(sessions)

    def replies(text: str) -> list[dict[str, Any]]:
        if text.startswith("/job_details"):
            return [{"custom": DETAILS}]
        return [{"custom": OPENINGS}]

    rasa = ScriptedRasa(replies=replies)
    async with bot(api, settings, sessions, rasa) as running:
        await running.settle(api.send_text(user, user, "용접 15년 군산 살아요"))
        intro, first, second = running.sent_since(0, user)
        api.press_button(user, user, first.result["message_id"], button_data(first, "자세히"))
        details = await api.async_wait_for_call(
            "sendMessage", chat_id=user, text="특수용접원\n급여: 월 320만원"
        )

    assert intro.params["text"] == "용접원 조건으로 찾은 일자리예요."
    assert "reply_markup" not in intro.params
    assert first.params["text"].startswith("1. 특수용접원\n🏢 ㈜새만금중공업")
    assert keyboard_texts(first) == ["자세히", "지원할래요"]
    assert keyboard_texts(second) == ["자세히", "지원할래요", "더 보기", "상담사 연결"]
    assert button_data(second, "더 보기") == "/more_results"
    assert rasa.messages()[-1]["message"] == '/job_details{"opening_id":17}'
    assert keyboard_texts(details) == ["지원할래요", "공고 원문 보기"]
    assert api.calls_to("answerCallbackQuery")


async def test_a_long_payload_button_is_pressed_through_a_short_key(
    telegram_api: TelegramStandIn, settings: Settings, sessions: sessionmaker[Session]
) -> None:
    api, user = telegram_api, agreed_user(sessions)
    long_payload = '/inform{"region":"전북특별자치도 군산시 오식도동 국가산업단지"}'

    def replies(text: str) -> list[dict[str, Any]]:
        return [
            {"text": "어디 사세요?", "buttons": [{"title": "오식도동", "payload": long_payload}]}
        ]

    rasa = ScriptedRasa(replies=replies)
    async with bot(api, settings, sessions, rasa) as running:
        await running.settle(api.send_text(user, user, "일자리 찾아요"))
        question = running.sent_since(0, user)[-1]
        data = button_data(question, "오식도동")
        api.press_button(user, user, question.result["message_id"], data)
        await api.async_wait_for(lambda c: len(rasa.messages()) == 2)

    assert data.startswith("k:") and len(data.encode()) <= 64
    assert rasa.messages()[-1]["message"] == long_payload


async def test_a_reply_over_4096_characters_arrives_in_pieces(
    telegram_api: TelegramStandIn, settings: Settings, sessions: sessionmaker[Session]
) -> None:
    api, user = telegram_api, agreed_user(sessions)
    long_text = "\n".join(f"{n}번째 안내 문장이에요. 군산 일자리지원센터." for n in range(250))
    rasa = ScriptedRasa(replies=lambda text: [{"text": long_text}])
    async with bot(api, settings, sessions, rasa) as running:
        await running.settle(api.send_text(user, user, "안내해 주세요"))
        pieces = [c.params["text"] for c in running.sent_since(0, user)]

    assert len(long_text) > 4096 and len(pieces) == 2
    assert all(len(p) <= 4096 for p in pieces)
    assert "\n".join(pieces) == long_text


async def test_rasa_down_gets_a_polite_apology(
    telegram_api: TelegramStandIn, settings: Settings, sessions: sessionmaker[Session]
) -> None:
    api, user = telegram_api, agreed_user(sessions)
    from tests.helpers.rasa_stack import free_port

    nobody = RasaClient(f"http://127.0.0.1:{free_port()}", timeout=2)
    async with bot(api, settings, sessions, nobody) as running:
        await running.settle(api.send_text(user, user, "일자리 있어요?"))
        texts = [c.params["text"] for c in running.sent_since(0, user)]

    assert texts[-1] == messages.BOT_UNAVAILABLE


async def test_a_broken_reply_reaches_the_error_handler_which_apologizes(
    telegram_api: TelegramStandIn,
    settings: Settings,
    sessions: sessionmaker[Session],
    caplog: pytest.LogCaptureFixture,
) -> None:
    api, user = telegram_api, agreed_user(sessions)
    secret = "제 전화번호는 010-1234-5678이에요"
    rasa = ScriptedRasa(replies=lambda text: [{"custom": {"type": "openings", "openings": [None]}}])
    async with bot(api, settings, sessions, rasa) as running:
        await running.settle(api.send_text(user, user, secret))
        texts = [c.params["text"] for c in running.sent_since(0, user)]

    assert texts[-1] == messages.ERROR_APOLOGY
    assert any("failed" in r.getMessage() for r in caplog.records)
    assert all(secret not in r.getMessage() for r in caplog.records)


@pytest.mark.parametrize(
    ("kind", "expected"),
    [
        ("photo", messages.MEDIA_UNSUPPORTED),
        ("document", messages.MEDIA_UNSUPPORTED),
        ("voice", messages.VOICE_UNSUPPORTED),
        ("sticker", messages.STICKER_REPLY),
    ],
)
async def test_photos_voice_stickers_and_files_get_a_polite_answer(
    telegram_api: TelegramStandIn,
    settings: Settings,
    sessions: sessionmaker[Session],
    kind: str,
    expected: str,
) -> None:
    api, user = telegram_api, new_user()
    rasa = ScriptedRasa()
    senders: dict[str, Callable[..., Any]] = {
        "photo": api.send_photo,
        "document": api.send_document,
        "voice": api.send_voice,
        "sticker": api.send_sticker,
    }
    send = senders[kind]
    async with bot(api, settings, sessions, rasa) as running:
        await running.settle(send(user, user))
        texts = [c.params["text"] for c in running.sent_since(0, user)]

    assert texts[-1] == expected
    assert rasa.messages() == []


async def test_a_shared_location_tells_rasa_where_the_seeker_lives(
    telegram_api: TelegramStandIn, settings: Settings, sessions: sessionmaker[Session]
) -> None:
    api, user = telegram_api, agreed_user(sessions)
    rasa = ScriptedRasa()
    async with bot(api, settings, sessions, rasa) as running:
        await running.settle(api.send_location(user, user, 35.965, 126.705))

    assert [m["message"] for m in rasa.messages()] == ["군산시 나운동 살아요"]


async def test_reset_starts_over_and_unknown_commands_point_to_help(
    telegram_api: TelegramStandIn, settings: Settings, sessions: sessionmaker[Session]
) -> None:
    api, user = telegram_api, agreed_user(sessions)
    rasa = ScriptedRasa(replies=lambda text: [{"text": action_messages.RESTARTED}])
    async with bot(api, settings, sessions, rasa) as running:
        await running.settle(api.send_command(user, user, "/reset"))
        mark = running.mark()
        await running.settle(api.send_command(user, user, "/jobs"))
        [unknown] = running.sent_since(mark, user)
        mark = running.mark()
        await running.settle(api.send_command(user, user, "/help"))
        [help_text] = running.sent_since(mark, user)

    assert [m["message"] for m in rasa.messages()] == ["/start_over"]
    assert unknown.params["text"] == messages.UNKNOWN_COMMAND
    assert help_text.params["text"] == messages.HELP


async def test_withdraw_drops_the_kept_profile_and_every_card_not_yet_sent(
    telegram_api: TelegramStandIn, settings: Settings, sessions: sessionmaker[Session]
) -> None:
    api, user = telegram_api, new_user()
    sender = f"tg-{user}"
    with sessions.begin() as session:
        record_profile_consent(session=session, sender_id=sender, granted=True, at=utc_now())
        save_profile(session=session, sender_id=sender, profile=WELDER_PROFILE)
        company = Company(name="(주)대한중공업", name_key=f"대한중공업{user}")
        openings = [Opening(company=company, title=t, content_hash="t") for t in ("용접", "배관")]
        session.add_all(openings)
        session.flush()
        waiting = record_interest(session=session, sender_id=sender, opening_id=openings[0].id)
        sent = record_interest(session=session, sender_id=sender, opening_id=openings[1].id)
        waiting.status, sent.status = "consented", "sent"
        session.flush()
        ids = (waiting.id, sent.id)
    async with bot(api, settings, sessions, ScriptedRasa()) as running:
        mark = running.mark()
        await running.settle(api.send_command(user, user, "/withdraw"))
        [answer] = running.sent_since(mark, user)
        mark = running.mark()
        await running.settle(api.send_command(user, user, "/withdraw"))
        [again] = running.sent_since(mark, user)

    assert answer.params["text"].startswith(messages.WITHDRAW_DONE)
    assert messages.WITHDRAW_SENT_ALREADY.format(titles="배관") in answer.params["text"]
    assert again.params["text"].startswith(messages.WITHDRAW_NOTHING)
    with sessions() as session:
        seeker = session.scalars(select(Seeker).where(Seeker.sender_id == sender)).one()
        assert seeker.profile == {} and seeker.profile_consent_at is None
        statuses = [session.get(Application, i).status for i in ids]  # type: ignore[union-attr]
        answers = session.execute(
            select(Consent.purpose, Consent.granted)
            .where(Consent.seeker_id == seeker.id)
            .order_by(Consent.id)
        ).all()
    assert statuses == ["withdrawn", "sent"]
    assert [tuple(a) for a in answers] == [
        ("keep_profile", True),
        ("keep_profile", False),
        ("share_with_company", False),
    ]
