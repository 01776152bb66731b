"""`jobbot chat`: replies as text with numbered buttons, and the loop against the running stack."""

from __future__ import annotations

import asyncio

import pytest

from actions.replies import ApplicationPayload, OpeningCard, OpeningsPayload
from bot.console import chat_loop, render_reply
from bot.messages import CHAT_NOTHING_SENT
from bot.runtime.stack import Stack


@pytest.mark.slow
def test_console_chat_shows_cards_and_presses_a_button_by_number(stack: Stack) -> None:
    lines = iter(["용접 15년 특수용접 있어요 군산 살아요 월 300 이상 야간은 못해요", "1", "종료"])
    printed: list[str] = []

    def read(prompt: str) -> str:
        return next(lines)

    asyncio.run(
        chat_loop(
            stack.rasa_url,
            token=stack.rasa_token,
            read=read,
            write=printed.append,
            sender_id="console-t",
        )
    )
    output = "\n".join(printed)
    assert "  [1] 1번 자세히" in output  # the first card's first button
    assert "✓" in output  # a card's reasons
    assert "급여:" in output  # pressing [1] showed the first opening's details
    assert printed[-1] == "대화를 마칠게요. 고마워요!"


def test_a_reply_renders_its_text_fallback_and_numbers_every_button() -> None:
    card: OpeningCard = {
        "rank": 4,
        "opening_id": 17,
        "title": "특수용접원",
        "company": "㈜새만금중공업",
        "pay": "월 320만원",
        "region": "군산시",
        "shift": None,
        "employment_type": None,
        "closes_on": None,
        "reasons": ["직종 일치"],
        "missing": [],
        "sources": [],
        "buttons": [
            {"title": "자세히", "payload": '/job_details{"opening_id":17}'},
            {"title": "지원할래요", "payload": '/apply{"opening_id":17}'},
        ],
    }
    payload: OpeningsPayload = {
        "type": "openings",
        "text": "다른 일자리도 보여 드릴게요.\n\n4. 특수용접원",
        "page": 2,
        "openings": [card],
        "buttons": [{"title": "더 보기", "payload": "/more_results"}],
    }
    text, buttons = render_reply({"custom": payload}, first_button=3)
    assert text.splitlines() == [
        "다른 일자리도 보여 드릴게요.",
        "",
        "4. 특수용접원",
        "  [3] 4번 자세히",
        "  [4] 4번 지원할래요",
        "  [5] 더 보기",
    ]
    assert [b["payload"] for b in buttons] == [
        '/job_details{"opening_id":17}',
        '/apply{"opening_id":17}',
        "/more_results",
    ]
    plain = {
        "text": "상담사를 연결해 드릴까요?",
        "buttons": [{"title": "네", "payload": "/affirm"}],
    }
    assert render_reply(plain) == ("상담사를 연결해 드릴까요?\n  [1] 네", plain["buttons"])


def test_an_interest_recorded_in_the_console_says_nothing_is_sent() -> None:
    # the consent question and the company's card are the Telegram front end's (bot.telegram.
    # consent): the console must not leave the promise of a consent step hanging
    payload: ApplicationPayload = {
        "type": "application",
        "text": "'특수용접원' (㈜새만금중공업) 지원 의사를 기록했어요.",
        "application_id": 3,
        "status": "interested",
        "opening": {"opening_id": 17, "title": "특수용접원", "company": "㈜새만금중공업"},
    }
    text, buttons = render_reply({"custom": payload})
    assert text.splitlines() == [payload["text"], CHAT_NOTHING_SENT]
    assert buttons == []
