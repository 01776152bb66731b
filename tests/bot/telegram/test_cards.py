"""Rasa's replies as Telegram messages, without Telegram: button data and profile lines
(whole replies through the real Application: test_seekers.py)."""

from __future__ import annotations

import pytest

from actions.replies import OpeningCard
from bot.telegram.cards import callback_data, keyboard, profile_lines, resolve_callback

CARD: OpeningCard = {
    "rank": 1,
    "opening_id": 17,
    "title": "특수용접원 (선박 블록)",
    "company": "㈜새만금중공업",
    "pay": "월 320만원",
    "region": "군산시 오식도동",
    "shift": "주간",
    "employment_type": "정규직",
    "closes_on": "2026-12-15",
    "reasons": ["용접 15년 경력이 맞아요", "특수용접 자격증 우대"],
    "missing": ["통근 거리 25km"],
    "sources": [],
    "buttons": [
        {"title": "자세히", "payload": '/job_details{"opening_id":17}'},
        {"title": "지원할래요", "payload": '/apply{"opening_id":17}'},
    ],
}


def test_button_payloads_that_fit_are_the_callback_data() -> None:
    store: dict[str, object] = {}
    markup = keyboard([CARD["buttons"]], store)
    assert markup is not None
    (row,) = markup.inline_keyboard
    assert [(b.text, b.callback_data) for b in row] == [
        ("자세히", '/job_details{"opening_id":17}'),
        ("지원할래요", '/apply{"opening_id":17}'),
    ]
    assert store == {}


def test_a_payload_over_64_bytes_becomes_a_short_key_that_resolves_back() -> None:
    store: dict[str, object] = {}
    payload = '/inform{"region":"전북특별자치도 군산시 오식도동 국가산업단지"}'
    assert len(payload.encode()) > 64
    data = callback_data(payload, store)
    assert len(data.encode()) <= 64 and data.startswith("k:")
    assert callback_data(payload, store) == data  # stable
    assert resolve_callback(data, store) == payload
    assert resolve_callback("k:unknown", store) is None
    assert resolve_callback("자격증 없어요", store) == "자격증 없어요"


def test_profile_lines_list_only_what_was_said() -> None:
    slots = {"occupation": "용접원 15년", "certificates": None, "region": "군산시", "pay": ""}
    assert profile_lines(slots) == ["• 하신 일·경력: 용접원 15년", "• 사는 곳: 군산시"]


@pytest.mark.parametrize("slot", ["occupation", "certificates", "region", "pay", "shift"])
def test_every_form_slot_has_a_label(slot: str) -> None:
    assert profile_lines({slot: "x"}) and profile_lines({slot: "x"})[0].endswith(": x")
