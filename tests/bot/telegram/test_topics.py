"""The counselors' topic of a seeker: its name, the summary card, when a topic is gone.

(Opening, reusing and recreating topics against the stand-in: test_counselors.py.)"""

from __future__ import annotations

import datetime as dtm
from typing import Any

from telegram.error import BadRequest

from actions import messages as action_messages
from actions.replies import OpeningCard, OpeningsPayload
from bot.telegram import messages
from bot.telegram.topics import minutes_waiting, summary_text, topic_is_gone, topic_name

CARD: OpeningCard = {
    "rank": 1,
    "opening_id": 17,
    "title": "특수용접원",
    "company": "㈜새만금중공업",
    "pay": "월 320만원",
    "region": "군산시",
    "shift": "주간",
    "employment_type": "정규직",
    "closes_on": None,
    "reasons": [],
    "missing": [],
    "sources": [],
    "buttons": [],
}
RESULTS: OpeningsPayload = {
    "type": "openings",
    "text": "용접원 조건으로 찾은 일자리예요.\n\n1. 특수용접원",
    "page": 1,
    "openings": [CARD, {**CARD, "rank": 2, "opening_id": 18, "title": "배관용접원"}],
    "buttons": [],
}


def tracker(events: list[dict[str, Any]]) -> dict[str, Any]:
    return {"slots": {"occupation": "용접원 15년", "region": "군산시"}, "events": events}


def test_a_topic_is_named_by_number_and_job_never_by_person() -> None:
    assert topic_name(12, {"occupation": "용접원 15년"}) == "구직자 #12 · 용접원 15년"
    assert topic_name(12, {}) == "구직자 #12"
    assert len(topic_name(12, {"occupation": "용접" * 100})) == 128  # Telegram's limit


def test_the_summary_says_why_the_profile_the_results_and_the_last_messages() -> None:
    events: list[dict[str, Any]] = [
        {"event": "user", "text": "용접 15년 했어요"},
        {"event": "bot", "text": None, "data": {"custom": RESULTS}},
        {
            "event": "user",
            "text": "/request_counselor",
            "parse_data": {"intent": {"name": "request_counselor"}},
        },
        {"event": "bot", "text": action_messages.HANDOFF_STARTED, "data": {}},
    ]
    lines = summary_text(7, "requested", tracker(events)).splitlines()
    assert lines[:2] == ["🔔 상담 요청 · 구직자 #7", "사유: 구직자가 직접 요청"]
    assert "• 하신 일·경력: 용접원 15년" in lines and "• 사는 곳: 군산시" in lines
    assert "1. 특수용접원 · ㈜새만금중공업 (공고 17)" in lines
    assert "2. 배관용접원 · ㈜새만금중공업 (공고 18)" in lines
    said = lines[lines.index(messages.SUMMARY_MESSAGES) + 1 :]
    assert said[:4] == [
        "구직자: 용접 15년 했어요",
        "봇: 용접원 조건으로 찾은 일자리예요. 1. 특수용접원",  # the payload's text, on one line
        "구직자: [버튼] request_counselor",  # a pressed button shows its intent, not JSON
        f"봇: {action_messages.HANDOFF_STARTED}",
    ]


def test_a_summary_without_profile_or_results_says_so() -> None:
    text = summary_text(3, "fallback", {}, office_note="⏰ 상담 시간 밖")
    assert messages.SUMMARY_NO_PROFILE in text
    assert messages.SUMMARY_RESULTS not in text
    assert "사유: 봇이 두 번 알아듣지 못함" in text
    assert text.endswith(messages.SUMMARY_FOOTER) and "⏰ 상담 시간 밖" in text


def test_long_messages_are_quoted_short() -> None:
    events = [{"event": "user", "text": "가" * 500}]
    said = summary_text(3, "requested", tracker(events)).split(messages.SUMMARY_MESSAGES)[1]
    quote = said.strip().splitlines()[0]
    assert quote.endswith("…") and len(quote) == len("구직자: ") + 160


def test_a_deleted_topic_is_recognized_by_telegrams_answer() -> None:
    assert topic_is_gone(BadRequest("Message thread not found"))
    assert topic_is_gone(BadRequest("TOPIC_ID_INVALID"))
    assert not topic_is_gone(BadRequest("Chat not found"))


def test_minutes_waiting_never_negative() -> None:
    start = dtm.datetime(2026, 12, 3, 9, 0)
    assert minutes_waiting(start, start + dtm.timedelta(minutes=11, seconds=59)) == 11
    assert minutes_waiting(start, start - dtm.timedelta(minutes=5)) == 0
