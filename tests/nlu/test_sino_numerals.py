"""Sino-Korean and mixed numbers: where they are in text, and whole expressions."""

from __future__ import annotations

import pytest

from nlu.sino_numerals import parse_sino, sino_numbers


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("용접 십오년, 월 삼백오십만원은 받아야", [(3, 5, 15), (10, 15, 3_500_000)]),
        ("용접십오년", [(2, 4, 15)]),  # inside a word: the counter 년 is evidence enough
        ("3,000,000원", [(0, 9, 3_000_000)]),
        ("만 오천원", [(0, 4, 15_000)]),
        ("삼조이교대", [(0, 1, 3), (2, 3, 2)]),
        # words that contain numeral syllables, and plain digits, are left alone
        ("일자리 구해요", []),
        ("사는 곳", []),
        ("일급 15", []),
        ("월300이상", []),
        ("09:00", []),
        # 일 "work" + 만 "only": "블록 갈아내는 일만 삼십년" read 10,030 years
        ("설거지 일만 했어요", []),
        ("갈아내는 일만 삼십년", [(8, 10, 30)]),
        ("시급 일만원", [(3, 5, 10_000)]),
        ("일만 오천원", [(0, 5, 15_000)]),
    ],
)
def test_sino_numbers(text: str, expected: list[tuple[int, int, int]]) -> None:
    assert sino_numbers(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("삼백오십만", 3_500_000),
        ("1만2천", 12_000),
        ("2.5만", 25_000),
        ("3,000,000", 3_000_000),
        ("만", 10_000),
        ("십십", None),  # a magnitude may not repeat
        ("백천", None),  # ... nor grow within a section
        ("용접", None),
    ],
)
def test_parse_sino(text: str, expected: int | None) -> None:
    assert parse_sino(text) == expected
