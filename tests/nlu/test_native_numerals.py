"""Native Korean numerals: a number before a counter, or a tens word standing alone."""

from __future__ import annotations

import pytest

from nlu.native_numerals import native_at, parse_native


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("스무 살 때부터", (2, 20)),
        ("마흔다섯 살", (4, 45)),
        ("세 시간", (1, 3)),
        ("열 명", (1, 10)),
        ("서른다섯", (4, 35)),
        ("서른이에요", (2, 30)),  # a particle may follow a tens word
        ("예순셋인데", (3, 63)),  # and the copula 인데
        ("예순 셋이에요", (4, 63)),  # a standalone unit after a space
        ("마흔 다섯", (5, 45)),
        ("예순 세 살", (4, 63)),  # a noun form before a counter
        ("예순싯인디", (3, 63)),  # 싯 = 셋 in dialect
        ("예순하나여", (4, 61)),  # the spoken copula 여 after a vowel
        ("예순 세금", (2, 60)),  # 세 "tax": the unit is not joined
        # words, not numbers: no counter follows
        ("열심히", None),
        ("네 알겠어요", None),
        ("하나도 없어요", None),
    ],
)
def test_native_at_the_start(text: str, expected: tuple[int, int] | None) -> None:
    assert native_at(text, 0) == expected


@pytest.mark.parametrize(
    ("text", "expected"), [("마흔", 40), ("열다섯", 15), ("스무", 20), ("서른다섯", 35)]
)
def test_parse_native(text: str, expected: int) -> None:
    assert parse_native(text) == expected
