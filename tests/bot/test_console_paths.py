"""`jobbot chat` renders a ``paths`` reply: its text, then every card's buttons, numbered."""

from __future__ import annotations

from bot.console import render_reply
from tests.bot.telegram.test_paths_cards import PAYLOAD


def test_paths_print_their_text_and_number_the_cards_buttons_then_the_pages() -> None:
    text, buttons = render_reply({"custom": PAYLOAD}, first_button=3)
    lines = text.splitlines()
    assert lines[0] == "조선 용접 20년 경력으로 갈 수 있는 길을 정리했어요."
    assert lines[-5:] == [
        "  [3] 1. 푸른조선 자세히",
        "  [4] 특수용접(CO2·TIG) 및 도면해독 실무 과정 상담사와 상의",
        "  [5] 용접기능사 취득 과정 상담사와 상의",
        "  [6] 일자리 찾기",
        "  [7] 상담사 연결",
    ]
    assert [b["payload"] for b in buttons] == [
        '/job_details{"opening_id":276}',
        "/request_counselor",
        "/request_counselor",
        "/search_jobs",
        "/request_counselor",
    ]
