"""Career paths in the seeker's chat: the real Application against the Telegram stand-in, Rasa
answered from a script with a ``paths`` payload (built from the actions' own builder)."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy.orm import Session, sessionmaker

from actions import messages as action_messages
from actions.path_cards import render_course, render_path
from actions.replies import PATHS, CourseCard, PathCard, PathsPayload
from bot.settings import Settings
from tests.bot.telegram.conftest import (
    ScriptedRasa,
    agreed_user,
    bot_settings,
    button_data,
    keyboard_texts,
    running_bot,
)
from tests.helpers.telegram_api import TelegramStandIn

pytestmark = pytest.mark.anyio

PATH: PathCard = {
    "rank": 1,
    "origin": "조선 용접 20년",
    "occupation": "해상풍력 하부구조물·타워·압력용기 용접",
    "code": "8241",
    "carry_over": ["전 자세 용접", "도면·용접기호 해독"],
    "certificates_kept": ["특수용접기능사"],
    "missing": ["후판 다층 용접 절차서(WPS)"],
    "certificates_helpful": ["용접산업기사"],
    "pay_ratio": 0.98,
    "note": "",
    "openings": [
        {"opening_id": 276, "title": "풍력타워 용접사 2명 구합니다", "company": "푸른조선"}
    ],
    "buttons": [{"title": "푸른조선 자세히", "payload": '/job_details{"opening_id":276}'}],
}
COURSE: CourseCard = {
    "title": "특수용접(CO2·TIG) 및 도면해독 실무 과정",
    "institution": "대한상공회의소 전북인력개발원",
    "starts_on": "2027-01-11",
    "ends_on": "2027-03-26",
    "hours": 400,
    "self_pay": 0,
    "region": "군산",
    "url": "https://jbhrd.example/courses/special-welding-2701",
    "buttons": [{"title": "상담사와 상의", "payload": "/request_counselor"}],
}
PAYLOAD: PathsPayload = {
    "type": PATHS,
    "text": "조선 용접 20년 경력으로 갈 수 있는 길을 정리했어요.\n\n1. ...",
    "intro": "조선 용접 20년 경력으로 갈 수 있는 길을 정리했어요.",
    "region": "군산",
    "paths": [PATH],
    "courses": [COURSE, {**COURSE, "title": "용접기능사 취득 과정", "self_pay": 720000}],
    "buttons": [
        {"title": "일자리 찾기", "payload": "/search_jobs"},
        {"title": "상담사 연결", "payload": "/request_counselor"},
    ],
}


def test_a_path_card_says_what_carries_over_what_is_missing_and_who_hires() -> None:
    lines = render_path(PATH, "군산").splitlines()
    assert lines[0] == (
        "1. 조선 용접 20년 → 해상풍력 하부구조물·타워·압력용기 용접: "
        "가지신 특수용접기능사 그대로, 군산 근처 1건 채용 중"
    )
    assert "✔ 이어지는 기술: 전 자세 용접, 도면·용접기호 해독" in lines
    assert "✚ 새로 익힐 것: 후판 다층 용접 절차서(WPS)" in lines
    assert "📜 도움이 되는 자격: 용접산업기사" in lines
    assert "💰 임금: 지역 시세로 하시던 일의 약 98%" in lines
    assert lines[-1] == " · 풍력타워 용접사 2명 구합니다 (푸른조선)"
    nobody = render_path({**PATH, "openings": [], "certificates_kept": []}, "익산")
    assert nobody.splitlines()[0].endswith(": 익산 근처에는 지금 바로 지원하실 공고가 없어요")


def test_a_course_card_says_when_how_long_where_and_what_the_seeker_pays() -> None:
    assert render_course(COURSE) == (
        "📚 특수용접(CO2·TIG) 및 도면해독 실무 과정\n"
        "대한상공회의소 전북인력개발원 · 군산\n"
        "2027-01-11 시작 (~2027-03-26) · 400시간\n"
        "자부담 없음"
    )
    unknown = render_course({**COURSE, "ends_on": None, "hours": None, "self_pay": None})
    assert unknown.splitlines()[2:] == ["2027-01-11 시작", "자부담 확인 필요"]
    assert render_course({**COURSE, "self_pay": 216000}).endswith("자부담 216,000원")


async def test_paths_and_courses_are_one_message_each_and_a_course_press_asks_for_a_counselor(
    telegram_api: TelegramStandIn, settings: Settings, sessions: sessionmaker[Session]
) -> None:
    api, user = telegram_api, agreed_user(sessions)

    def replies(text: str) -> list[dict[str, Any]]:
        return [{"custom": PAYLOAD}] if not text.startswith("/") else [{"text": "네"}]

    rasa = ScriptedRasa(replies=replies)
    async with running_bot(api, bot_settings(settings, api), sessions, rasa.client()) as running:
        await running.settle(api.send_text(user, user, "해상풍력 쪽은 어때요?"))
        intro, path, first_course, second_course = running.sent_since(0, user)
        api.press_button(
            user,
            user,
            first_course.result["message_id"],
            button_data(first_course, "상담사와 상의"),
        )
        await api.async_wait_for(lambda c: len(rasa.messages()) == 2)

    assert intro.params["text"] == "조선 용접 20년 경력으로 갈 수 있는 길을 정리했어요."
    assert path.params["text"] == render_path(PATH, "군산")
    assert keyboard_texts(path) == ["푸른조선 자세히"]
    assert first_course.params["text"] == (
        f"{action_messages.COURSES_HEADER}\n\n{render_course(COURSE)}"
    )
    assert keyboard_texts(first_course) == ["상담사와 상의"]
    assert keyboard_texts(second_course) == ["상담사와 상의", "일자리 찾기", "상담사 연결"]
    assert rasa.messages()[-1]["message"] == "/request_counselor"
