"""Which shown card a message means (actions.references.card_reference), without Rasa."""

from __future__ import annotations

import pytest

from actions.references import CardReference, card_reference

SHOWN = [11, 12, 13]
COMPANIES = {11: "새만금정밀", 12: "군산조선기자재", 13: "대한중공업"}


@pytest.mark.parametrize(
    ("text", "meant"),
    [
        ("2번 자세히 알려줘", 12),
        ("두 번째 거 자세히", 12),
        ("세번째 공고 월급 얼마예요", 13),
        ("첫번째 회사 어디예요", 11),
        ("첫 번째 일자리 설명해줘", 11),
        ("맨 위에 거 자세히", 11),
        ("둘째 거 보여 주세요", 12),
        ("마지막 거 자세히 알려줘요", 13),
        ("대한중공업 거기 어디예요", 13),
        ("군산조선기자재는 기숙사 있어요?", 12),
        ("5번 자세히", None),  # only three shown: which one is unclear
        ("자세히요", None),  # several shown, nothing in focus
        ("거기 급여 얼마예요", None),
    ],
)
def test_a_card_is_meant_by_number_ordinal_company_or_pointing_word(
    text: str, meant: int | None
) -> None:
    assert card_reference(text, None, SHOWN, None, COMPANIES) == CardReference(meant)


@pytest.mark.parametrize(
    "text",
    [
        "나이는 쉰여섯이여",  # 56 is an age, not a card
        "아 참 토요일 일요일은 일 못 허요",
        "한 번 더 보여줘",  # once more, not card 1
        "용접 십년 했어요",
        "첫 직장이 조선소였어요",
    ],
)
def test_facts_point_at_no_card(text: str) -> None:
    assert card_reference(text, None, SHOWN, 12, COMPANIES) is None


def test_pointing_words_mean_the_card_in_focus_or_the_only_one() -> None:
    assert card_reference("그 회사 통근버스 있어요?", None, SHOWN, 12) == CardReference(12)
    assert card_reference("거기 주소 좀", None, [11], None) == CardReference(11)


def test_a_button_names_the_card_itself() -> None:
    assert card_reference("/job_details", "42", SHOWN, None) == CardReference(42)
