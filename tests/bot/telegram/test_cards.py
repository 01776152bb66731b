"""Rendering for Telegram, without Telegram: cards, button data, long texts, office hours,
shared locations."""

from __future__ import annotations

import datetime as dtm
from zoneinfo import ZoneInfo

import pytest

from bot.settings import Settings
from bot.telegram.cards import callback_data, card_text, keyboard, profile_lines, resolve_callback
from bot.telegram.locations import nearest_region, place_name
from bot.telegram.office_hours import OfficeHours, say_when
from bot.telegram.sending import split_text

SEOUL = ZoneInfo("Asia/Seoul")

CARD = {
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
    "buttons": [
        {"title": "자세히", "payload": '/job_details{"opening_id":17}'},
        {"title": "지원할래요", "payload": '/apply{"opening_id":17}'},
    ],
}


def test_a_card_shows_what_a_seeker_decides_by() -> None:
    text = card_text(CARD)
    lines = text.splitlines()
    assert lines[0] == "1. 특수용접원 (선박 블록)"
    assert lines[1] == "🏢 ㈜새만금중공업"
    assert lines[2] == "💰 월 320만원 · 📍 군산시 오식도동 · 🕘 주간 · 정규직"
    assert lines[3] == "📅 마감 2026-12-15"
    assert "✓ 용접 15년 경력이 맞아요" in lines and "△ 통근 거리 25km" in lines


def test_a_card_without_a_closing_date_is_open_until_filled() -> None:
    text = card_text({**CARD, "closes_on": None, "missing": [], "shift": None})
    assert "📅 상시 채용" in text
    assert "△" not in text and "🕘" not in text


def test_button_payloads_that_fit_are_the_callback_data() -> None:
    store: dict[str, object] = {}
    markup = keyboard([CARD["buttons"]], store)  # type: ignore[list-item]
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


@pytest.mark.parametrize("limit", [4096, 100])
def test_split_text_cuts_at_line_ends_and_keeps_every_line(limit: int) -> None:
    lines = [f"{n}. 용접원 모집 — 군산시 오식도동, 월 300만원 이상, 주간 근무" for n in range(400)]
    text = "\n".join(lines)
    pieces = split_text(text, limit)
    assert len(pieces) > 1
    assert all(len(p) <= limit for p in pieces)
    assert [line for p in pieces for line in p.split("\n")] == lines


def test_split_text_cuts_a_single_overlong_line_at_spaces() -> None:
    line = " ".join(["특수용접"] * 3000)  # 14,999 characters, no line breaks
    pieces = split_text(line)
    assert all(len(p) <= 4096 for p in pieces)
    assert " ".join(pieces) == line
    assert split_text("") == [] and split_text("짧아요") == ["짧아요"]


def office(**changes: str) -> OfficeHours:
    settings = Settings(_env_file=None, **changes)  # type: ignore[call-arg]
    return OfficeHours.from_settings(settings)


def test_office_hours_on_weekdays() -> None:
    hours = office()  # 09:00-18:00, Monday to Friday, Asia/Seoul
    monday_10 = dtm.datetime(2026, 11, 23, 10, 0, tzinfo=SEOUL)
    friday_19 = dtm.datetime(2026, 11, 27, 19, 0, tzinfo=SEOUL)
    assert hours.is_open(monday_10)
    assert hours.is_open(monday_10.astimezone(dtm.UTC))  # 01:00 UTC is 10:00 in Seoul
    assert not hours.is_open(friday_19)
    assert hours.next_opening(friday_19) == dtm.datetime(2026, 11, 30, 9, 0, tzinfo=SEOUL)
    assert hours.next_opening(monday_10) == monday_10
    assert office(office_days="0,2,4", office_hours="00:00-24:00").is_open(
        dtm.datetime(2026, 11, 25, 23, 59, tzinfo=SEOUL)
    )


@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        (dtm.datetime(2026, 11, 27, 13, 0), "오늘 오후 1시"),
        (dtm.datetime(2026, 11, 28, 9, 30), "내일 오전 9시 30분"),
        (dtm.datetime(2026, 11, 30, 9, 0), "11월 30일(월) 오전 9시"),
        (dtm.datetime(2026, 11, 30, 12, 0), "11월 30일(월) 오후 12시"),
    ],
)
def test_say_when(moment: dtm.datetime, expected: str) -> None:
    now = dtm.datetime(2026, 11, 27, 8, 0, tzinfo=SEOUL)  # a Friday morning
    assert say_when(moment.replace(tzinfo=SEOUL), now) == expected


@pytest.mark.parametrize(
    ("latitude", "longitude", "expected"),
    [
        (35.965, 126.705, "군산시 나운동"),
        (35.9676, 126.7369, "군산시"),
        (35.95, 126.96, "익산시"),
        (37.56, 126.97, "서울특별시"),
    ],
)
def test_a_shared_location_is_the_nearest_region(
    latitude: float, longitude: float, expected: str
) -> None:
    assert place_name(nearest_region(latitude, longitude)) == expected


def test_split_text_counts_emoji_as_telegram_does() -> None:
    line = "📍 군산시 오식도동"  # 📍 is two UTF-16 units
    pieces = split_text("\n".join([line] * 1000))
    assert all(len(p.encode("utf-16-le")) // 2 <= 4096 for p in pieces)
    assert sum(p.count("📍") for p in pieces) == 1000
