"""Hangul and mixed numerals: whole expressions and numerals inside text."""

from __future__ import annotations

import pytest

from nlu.numerals import numerals_to_digits, parse_number


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("십오년", 15),
        ("스무살", 20),
        ("이십", 20),
        ("삼백", 300),
        ("삼백오십만원", 3_500_000),
        ("3백", 300),
        ("1만2천원", 12_000),
        ("만원", 10_000),
        ("15년차", 15),
        ("한 10년", 10),
        ("열다섯", 15),
        ("마흔다섯 살", 45),
        ("3,000,000원", 3_000_000),
        ("2.5만", 25_000),
        ("약 이십년 정도", 20),
    ],
)
def test_parse_number(text: str, expected: int) -> None:
    assert parse_number(text) == expected


@pytest.mark.parametrize("text", ["", "용접", "한", "이구", "천천히", "네"])
def test_parse_number_rejects_words(text: str) -> None:
    assert parse_number(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("용접 십오년 했어요", "용접 15년 했어요"),
        ("월 삼백은 받아야", "월 300은 받아야"),
        ("월삼백이면 좋겠어요", "월300이면 좋겠어요"),
        ("시급 만원 이상", "시급 10000원 이상"),
        ("연봉 4천", "연봉 4000"),
        ("일당 15만 이상", "일당 150000 이상"),
        ("만 오천원", "15000원"),
        ("1만 2천원", "12000원"),
        ("한 십년 했어요", "10년 했어요"),
        ("스무 살 때부터", "20 살 때부터"),
        ("삼조이교대", "3조2교대"),
        ("이교대 가능", "2교대 가능"),
        ("일종대형 있어요", "1종대형 있어요"),
        ("컴활 이급", "컴활 2급"),
        ("세 시간", "3 시간"),
    ],
)
def test_numerals_to_digits_rewrites_numbers(text: str, expected: str) -> None:
    assert numerals_to_digits(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "용접만 했어요",  # 만 = only
        "일용직 말고",  # 일 = work
        "사는 곳이 오식도동",  # 사, 오
        "이구비자",  # a visa, handled by the seeker parser
        "구조조정 당했어요",  # 구
        "하나도 없어요",
        "어서 오십시오",
        "주십시오",
        "천천히 해도 돼요",
        "한국 사람",
        "일급 15",  # 일급 is a daily wage, not "1급"
        "열심히 합니다",
    ],
)
def test_numerals_to_digits_leaves_words_alone(text: str) -> None:
    assert numerals_to_digits(text) == text
