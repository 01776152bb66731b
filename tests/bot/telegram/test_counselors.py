"""Counselor handoff in the forum: topics, relaying, members-only commands, re-announcing,
office hours, deleted topics and restarts. Rasa is scripted here; it records the handoff
the way action_request_counselor does. The whole path with the real stack is in
test_conversation.py."""

from __future__ import annotations

import datetime as dtm
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from actions import messages as action_messages
from actions.payloads import handoff_payload
from bot.telegram import messages
from bot.telegram.handoff import reannounce_overdue
from storage.models import CounselorNote, Handoff, Seeker
from storage.seekers import open_handoff
from tests.bot.telegram.conftest import (
    COUNSELOR,
    STAFF_FORUM,
    STRANGER,
    Running,
    ScriptedRasa,
    StartBot,
    agreed_user,
)
from tests.helpers.telegram_api import Call, TelegramStandIn

pytestmark = pytest.mark.anyio

ASK = "상담사 연결해 주세요"


def script(sessions: sessionmaker[Session], user: int) -> ScriptedRasa:
    """Rasa as the seeker meets it: asking for a counselor records a handoff."""

    def replies(text: str) -> list[dict[str, Any]]:
        if text != ASK:
            return [{"text": f"네: {text}"}]
        with sessions.begin() as session:
            handoff_id = open_handoff(
                session=session, sender_id=f"tg-{user}", reason="requested"
            ).id
        payload = handoff_payload(handoff_id, "requested", {"occupation": "용접원 15년"})
        return [{"custom": payload}]

    return ScriptedRasa(replies=replies, slots={"occupation": "용접원 15년", "region": "군산시"})


async def hand_off(running: Running, user: int) -> int:
    """The seeker asks for a counselor; the topic's thread id."""
    await running.settle(running.api.send_text(user, user, ASK))
    summary = [c for c in running.sent_since(0, STAFF_FORUM) if c.params["text"].startswith("🔔")]
    assert summary, "no summary card in the forum"
    return int(summary[-1].params["message_thread_id"])


def copies(running: Running, mark: int, **match: Any) -> list[Call]:
    return [
        c
        for c in running.api.calls[mark:]
        if c.method == "copyMessage" and not c.failed
        and all(c.params.get(k) == v for k, v in match.items())
    ]  # fmt: skip


def handoffs(sessions: sessionmaker[Session], user: int) -> list[Handoff]:
    with sessions() as session:
        seeker = session.scalars(select(Seeker).where(Seeker.sender_id == f"tg-{user}")).one()
        return list(
            session.scalars(
                select(Handoff).where(Handoff.seeker_id == seeker.id).order_by(Handoff.id)
            )
        )


async def test_a_handoff_opens_a_topic_with_a_summary_and_relays_both_ways(
    api: TelegramStandIn, start_bot: StartBot, sessions: sessionmaker[Session]
) -> None:
    user = agreed_user(sessions)
    rasa = script(sessions, user)
    async with start_bot(rasa) as running:
        thread = await hand_off(running, user)
        summary = running.sent_since(0, STAFF_FORUM)[0].params["text"]

        mark = running.mark()
        photo = api.send_photo(user, user, caption="자격증 사진이에요")
        await running.settle(photo)
        said = api.send_text(user, user, "야간도 할 수 있어요")
        await running.settle(said)
        counselor = api.send_document(
            STAFF_FORUM, COUNSELOR, file_name="면접안내.pdf", thread_id=thread
        )
        await running.settle(counselor)

    (created,) = api.calls_to("createForumTopic")
    seeker_id = handoffs(sessions, user)[0].seeker_id
    assert created.params["name"] == f"구직자 #{seeker_id} · 용접원 15년"
    assert summary.splitlines()[:2] == [
        f"🔔 상담 요청 · 구직자 #{seeker_id}",
        "사유: 구직자가 직접 요청",
    ]
    assert "• 하신 일·경력: 용접원 15년" in summary and "/release" in summary
    assert rasa.events() == [{"event": "pause"}]
    into_topic = copies(running, mark, chat_id=STAFF_FORUM, message_thread_id=thread)
    assert [c.params["message_id"] for c in into_topic] == [
        photo["message"]["message_id"],
        said["message"]["message_id"],
    ]
    (to_seeker,) = copies(running, mark, chat_id=user)
    assert to_seeker.params["from_chat_id"] == STAFF_FORUM
    delivered = api.message(user, to_seeker.result["message_id"])
    assert delivered is not None and delivered["document"]["file_name"] == "면접안내.pdf"
    assert [m["message"] for m in rasa.messages()] == [ASK]  # nothing relayed went to Rasa
    assert running.sent_since(mark, user) == []  # the bot stays silent to the seeker
    [handoff] = handoffs(sessions, user)
    assert (handoff.status, handoff.topic_thread_id) == ("active", thread)
    assert handoff.answered_at is not None


async def test_only_members_may_act_and_notes_stay_internal(
    api: TelegramStandIn, start_bot: StartBot, sessions: sessionmaker[Session]
) -> None:
    user = agreed_user(sessions)
    async with start_bot(script(sessions, user)) as running:
        thread = await hand_off(running, user)
        mark = running.mark()
        await running.settle(api.send_command(STAFF_FORUM, STRANGER, "/release", thread_id=thread))
        await running.settle(api.send_text(STAFF_FORUM, STRANGER, "안녕하세요", thread_id=thread))
        refusals = running.sent_since(mark, STAFF_FORUM)
        mark = running.mark()
        await running.settle(
            api.send_command(
                STAFF_FORUM, COUNSELOR, "/note 다음 주 월요일 면접 가능", thread_id=thread
            )
        )
        await running.settle(api.send_command(STAFF_FORUM, COUNSELOR, "/profile", thread_id=thread))
        answers = running.sent_since(mark, STAFF_FORUM, message_thread_id=thread)

    assert [c.params["text"] for c in refusals] == [messages.NOT_A_COUNSELOR] * 2
    assert all(c.params["message_thread_id"] == thread for c in refusals)
    assert answers[0].params["text"] == messages.NOTE_SAVED
    assert "• 사는 곳: 군산시" in answers[1].params["text"]
    assert running.sent_since(mark, user) == [] and copies(running, 0, chat_id=user) == []
    [handoff] = handoffs(sessions, user)
    assert handoff.status == "open"
    with sessions() as session:
        (note,) = session.scalars(select(CounselorNote)).all()
        assert (note.text, note.counselor_user_id, note.handoff_id) == (
            "다음 주 월요일 면접 가능",
            COUNSELOR,
            handoff.id,
        )


async def test_release_gives_the_seeker_back_and_take_reuses_the_topic(
    api: TelegramStandIn, start_bot: StartBot, sessions: sessionmaker[Session]
) -> None:
    user = agreed_user(sessions)
    rasa = script(sessions, user)
    async with start_bot(rasa) as running:
        thread = await hand_off(running, user)
        mark = running.mark()
        await running.settle(api.send_command(STAFF_FORUM, COUNSELOR, "/release", thread_id=thread))
        [back] = running.sent_since(mark, user)
        closed = api.topic(STAFF_FORUM, thread)
        await running.settle(api.send_text(user, user, "다시 봇이에요?"))
        answered_by_bot = running.sent_since(mark, user)[-1]

        mark = running.mark()
        await running.settle(api.send_command(STAFF_FORUM, COUNSELOR, "/take", thread_id=thread))
        [joined] = running.sent_since(mark, user)
        await running.settle(api.send_text(user, user, "네 기다릴게요"))
        await running.settle(api.send_command(STAFF_FORUM, COUNSELOR, "/release", thread_id=thread))
        second_thread = await hand_off(running, user)

    assert back.params["text"] == messages.BOT_BACK
    assert closed is not None and closed["closed"]
    assert answered_by_bot.params["text"] == "네: 다시 봇이에요?"
    assert joined.params["text"] == messages.COUNSELOR_JOINED
    assert copies(running, mark, chat_id=STAFF_FORUM, message_thread_id=thread)
    assert second_thread == thread and len(api.calls_to("createForumTopic")) == 1
    assert [h.reason for h in handoffs(sessions, user)] == ["requested", "counselor", "requested"]
    assert [h.status for h in handoffs(sessions, user)] == ["released", "released", "open"]
    assert rasa.events() == [{"event": e} for e in ("pause", "resume", "pause", "resume", "pause")]


async def test_a_deleted_topic_is_recreated_on_the_next_message(
    api: TelegramStandIn, start_bot: StartBot, sessions: sessionmaker[Session]
) -> None:
    user = agreed_user(sessions)
    async with start_bot(script(sessions, user)) as running:
        thread = await hand_off(running, user)
        await running.application.bot.delete_forum_topic(STAFF_FORUM, thread)
        mark = running.mark()
        said = api.send_text(user, user, "아직 계세요?")
        await running.settle(said)

    new_thread = handoffs(sessions, user)[0].topic_thread_id
    assert new_thread is not None and new_thread != thread
    recreated = running.sent_since(mark, STAFF_FORUM, message_thread_id=new_thread)
    assert recreated[0].params["text"].startswith(messages.TOPIC_RECREATED)
    (copied,) = copies(running, mark, chat_id=STAFF_FORUM, message_thread_id=new_thread)
    assert copied.params["message_id"] == said["message"]["message_id"]


async def test_an_unanswered_handoff_is_announced_again(
    api: TelegramStandIn, start_bot: StartBot, sessions: sessionmaker[Session]
) -> None:
    user = agreed_user(sessions)
    async with start_bot(script(sessions, user)) as running:
        thread = await hand_off(running, user)
        bot, frontend = running.application.bot, running.frontend
        now = dtm.datetime.now(dtm.UTC)
        assert await reannounce_overdue(bot, frontend, now=now) == 0
        later = now + dtm.timedelta(minutes=11)
        assert await reannounce_overdue(bot, frontend, now=later) == 1
        assert await reannounce_overdue(bot, frontend, now=later) == 0  # announced just now
        await running.settle(
            api.send_text(STAFF_FORUM, COUNSELOR, "곧 연락드릴게요", thread_id=thread)
        )
        assert await reannounce_overdue(bot, frontend, now=later + dtm.timedelta(hours=1)) == 0

    reminders = [t for t in api.sent_texts(STAFF_FORUM) if t.startswith("⏰")]
    seeker_id = handoffs(sessions, user)[0].seeker_id
    assert reminders == [messages.REANNOUNCE.format(seeker_id=seeker_id, minutes=11)]


async def test_outside_office_hours_the_seeker_is_told_when_counselors_answer(
    api: TelegramStandIn, start_bot: StartBot, sessions: sessionmaker[Session]
) -> None:
    user = agreed_user(sessions)
    tomorrow = (dtm.datetime.now(ZoneInfo("Asia/Seoul")).weekday() + 1) % 7
    rasa = script(sessions, user)
    async with start_bot(rasa, office_days=str(tomorrow), office_hours="09:00-18:00") as running:
        await hand_off(running, user)
        texts = [c.params["text"] for c in running.sent_since(0, user)]
        summary = running.sent_since(0, STAFF_FORUM)[0].params["text"]

    told = messages.OFFICE_CLOSED.format(when="내일 오전 9시")
    assert texts[-2:] == [action_messages.HANDOFF_STARTED, told]
    assert messages.SUMMARY_OFFICE_CLOSED.format(when="내일 오전 9시") in summary


async def test_routing_survives_a_restart(
    api: TelegramStandIn, start_bot: StartBot, sessions: sessionmaker[Session]
) -> None:
    user = agreed_user(sessions)
    async with start_bot(script(sessions, user)) as running:
        thread = await hand_off(running, user)
    async with start_bot(script(sessions, user)) as restarted:
        mark = restarted.mark()
        await restarted.settle(
            api.send_text(STAFF_FORUM, COUNSELOR, "상담사예요", thread_id=thread)
        )
        await restarted.settle(api.send_text(user, user, "안녕하세요"))

    assert copies(restarted, mark, chat_id=user)
    assert copies(restarted, mark, chat_id=STAFF_FORUM, message_thread_id=thread)


async def test_reset_during_a_handoff_ends_it_and_tells_the_topic(
    api: TelegramStandIn, start_bot: StartBot, sessions: sessionmaker[Session]
) -> None:
    user = agreed_user(sessions)
    rasa = script(sessions, user)
    async with start_bot(rasa) as running:
        thread = await hand_off(running, user)
        mark = running.mark()
        await running.settle(api.send_command(user, user, "/reset"))

    assert messages.SEEKER_RESET_TOPIC in [
        c.params["text"] for c in running.sent_since(mark, STAFF_FORUM, message_thread_id=thread)
    ]
    assert [h.status for h in handoffs(sessions, user)] == ["released"]
    assert [m["message"] for m in rasa.messages()] == [ASK, "/start_over"]


async def test_without_a_counselor_group_the_seeker_is_told_and_the_bot_goes_on(
    api: TelegramStandIn, start_bot: StartBot, sessions: sessionmaker[Session]
) -> None:
    user = agreed_user(sessions)
    rasa = script(sessions, user)
    async with start_bot(rasa, counselor_chat_id=None) as running:
        await running.settle(api.send_text(user, user, ASK))
        await running.settle(api.send_text(user, user, "그럼 일자리 찾아 주세요"))
        texts = [c.params["text"] for c in running.sent_since(0, user)]

    assert texts[-2:] == [messages.HANDOFF_UNAVAILABLE, "네: 그럼 일자리 찾아 주세요"]
    assert action_messages.HANDOFF_STARTED not in texts
    assert [h.status for h in handoffs(sessions, user)] == ["released"]
    assert api.calls_to("createForumTopic") == []
