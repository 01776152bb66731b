"""The one renderer of an opening as text: cards, list lines, details."""

from __future__ import annotations

from retrieval.cards import (
    NO_RESULTS,
    CardFields,
    DetailsFields,
    render_card,
    render_card_line,
    render_cards,
    render_details,
)

CARD: CardFields = {
    "title": "특수용접원 (선박 블록)",
    "company": "㈜새만금중공업",
    "pay": "월 320만원",
    "region": "군산시 오식도동",
    "shift": "주간",
    "employment_type": "정규직",
    "closes_on": "2026-12-15",
    "reasons": ["용접 15년 경력이 맞아요", "특수용접 자격증 우대"],
    "missing": ["통근 거리 25km"],
}


def test_a_card_shows_what_a_seeker_decides_by() -> None:
    lines = render_card(CARD, 1).splitlines()
    assert lines[0] == "1. 특수용접원 (선박 블록)"
    assert lines[1] == "🏢 ㈜새만금중공업"
    assert lines[2] == "💰 월 320만원 · 📍 군산시 오식도동 · 🕘 주간 · 정규직"
    assert lines[3] == "📅 마감 2026-12-15"
    assert lines[4:] == [
        "이런 점이 맞아요",
        "✓ 용접 15년 경력이 맞아요",
        "✓ 특수용접 자격증 우대",
        "확인해 보세요",
        "△ 통근 거리 25km",
    ]


def test_a_card_without_a_closing_date_is_open_until_filled() -> None:
    text = render_card({**CARD, "closes_on": None, "missing": [], "shift": None})
    assert text.splitlines()[0] == "특수용접원 (선박 블록)"  # no rank, no "1."
    assert "📅 상시 채용" in text
    assert "△" not in text and "🕘" not in text and "확인해 보세요" not in text


def test_cards_are_numbered_from_the_first_rank_and_none_is_said_politely() -> None:
    text = render_cards([CARD, {**CARD, "title": "배관용접원"}], first_rank=4)
    assert text.split("\n\n")[1].startswith("5. 배관용접원\n")
    assert render_cards([]) == NO_RESULTS


def test_a_list_line() -> None:
    assert render_card_line(CARD, 2) == "2. 특수용접원 (선박 블록) · ㈜새만금중공업"


def test_details_name_every_known_fact_and_skip_the_empty_ones() -> None:
    details: DetailsFields = {
        "title": "배관용접원",
        "company": "(주)대한중공업",
        "pay": "월 300~350만원",
        "region": "군산시 소룡동",
        "shift": None,
        "employment_type": "정규직",
        "closes_on": None,
        "career": "경력 3년 이상",
        "certificates": "",
        "description": "선박 배관 용접",
        "contact": "063-000-0000",
    }
    assert render_details(details).splitlines() == [
        "배관용접원",
        "(주)대한중공업",
        "급여: 월 300~350만원",
        "근무지: 군산시 소룡동",
        "고용형태: 정규직",
        "경력: 경력 3년 이상",
        "마감: 채용 시까지",
        "선박 배관 용접",
        "문의: 063-000-0000",
    ]
