"""A seeker from abroad who names no visa (nlu.conditions.read_visa): a foreign worker all the same."""

from __future__ import annotations

import pytest

import nlu
from nlu.conditions import FOREIGN_VISA_UNSAID


@pytest.mark.parametrize(
    "text",
    [
        "캄보디아에서 왔어요",
        "캄보디아서 왔어라",  # Jeolla: 서 for 에서
        "캄보디아에서 왓어요",
        "베트남 사람이에요 공장 일 하고 싶어요",
        "네팔 출신이고 용접 했어요",
        "조선족이에요 식당일 해요",
    ],
)
def test_a_nationality_alone_is_a_foreign_worker_whose_visa_is_unsaid(text: str) -> None:
    assert nlu.parse_seeker_text(text).visa == FOREIGN_VISA_UNSAID


@pytest.mark.parametrize(
    ("text", "visa"),
    [
        ("E-9 비자 있는 베트남 여자예요", "E-9"),  # the visa said wins over the nationality
        ("우즈벡에서 왔어요 고용허가 E9 입니다", "E-9"),
        ("베트남서 시집왔어요", "F-6"),
        ("베트남에서 왔어요 결혼 오년 됐어요", "F-6"),
        ("필리핀 사람 한국 국적", None),  # a citizen
        ("중국집 주방 일 했어요", None),  # a dish, not a person
        ("중국서 배운 요리 있어요", None),
        ("베트남 쌀국수 식당 주방", None),
    ],
)
def test_a_visa_said_a_marriage_or_a_citizen_comes_before_the_nationality(
    text: str, visa: str | None
) -> None:
    assert nlu.parse_seeker_text(text).visa == visa


def test_a_foreign_worker_with_an_unsaid_visa_keeps_day_labour_open() -> None:
    """Only E-9 rules out 일용직/파견직: the unsaid visa must not be taken for it."""
    profile = nlu.parse_seeker_text("캄보디아에서 왔어요 일당 주는 데 있어요")
    assert profile.visa == FOREIGN_VISA_UNSAID
    assert profile.wanted_employment_types == {"일용직"}
