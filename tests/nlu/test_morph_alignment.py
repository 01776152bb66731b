"""Kiwi morphemes as tokens that are pieces of the text as typed: tokens, offsets, lemmas."""

from __future__ import annotations

import unicodedata
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nlu.clauses import shared_kiwi
from nlu.morph_alignment import JAMO_TAG, MorphToken, morph_tokens


@pytest.fixture(scope="module")
def kiwi() -> Any:
    """The process-wide Kiwi (seconds to load, once)."""
    analyser = shared_kiwi()
    if analyser is None:
        pytest.skip("kiwipiepy is not installed")
    return analyser


def texts_and_starts(tokens: list[MorphToken], text: str) -> tuple[list[str], list[int]]:
    return [text[t.start : t.end] for t in tokens], [t.start for t in tokens]


@pytest.mark.parametrize(
    "text, expected_tokens, expected_starts",
    [
        ("용접 일자리 있나요", ["용접", "일자리", "있", "나요"], [0, 3, 7, 8]),
        (
            "조선소에서 용접 15년 했어요",
            ["조선소", "에서", "용접", "15", "년", "했", "어요"],
            [0, 3, 6, 9, 11, 13, 14],
        ),
        ("지게차 자격증 있어요", ["지게차", "자격증", "있", "어요"], [0, 4, 8, 9]),
        ("야간은 못해요", ["야간", "은", "못", "해요"], [0, 2, 4, 5]),
        ("월300이상", ["월", "300", "이상"], [0, 1, 4]),
        ("E-9 비자예요", ["E-9", "비자", "예요"], [0, 4, 6]),
        # spacing errors
        ("용접15년했어요", ["용접", "15", "년", "했", "어요"], [0, 2, 4, 5, 6]),
        (
            "특수용접은없고용접기능사는있어요",
            ["특수", "용접", "은", "없", "고", "용접", "기능사", "는", "있", "어요"],
            [0, 2, 4, 5, 6, 7, 9, 12, 13, 14],
        ),
        # dialect: Kiwi's analysis is rough, the surfaces are still the message's
        ("용접 허요잉", ["용접", "허", "요", "잉"], [0, 3, 4, 5]),
        ("밤일은 안 헐라요", ["밤", "일", "은", "안", "헐라", "요"], [0, 1, 2, 4, 6, 8]),
        ("CNC 선반 8년", ["CNC", "선반", "8", "년"], [0, 4, 7, 8]),
        ("co2 tig 다됨", ["co2", "tig", "다", "됨"], [0, 4, 8, 9]),
        ("오식도동 살아요", ["오식도동", "살", "아요"], [0, 5, 6]),
        ("3조2교대 가능", ["3", "조", "2", "교대", "가능"], [0, 1, 2, 3, 6]),
        # emoji, chat jamo and punctuation are tokens too (the Rasa component filters them)
        ("네 👍", ["네", "👍"], [0, 2]),
        ("ㅇㅇ 있어요", ["ㅇㅇ", "있", "어요"], [0, 3, 4]),
        ("용접?!", ["용접", "?!"], [0, 2]),
        # full-width letters are read as ASCII, the token is still what was typed
        ("ＣＮＣ 선반", ["ＣＮＣ", "선반"], [0, 4]),
    ],
)
def test_tokens_and_offsets(
    kiwi: Any, text: str, expected_tokens: list[str], expected_starts: list[int]
) -> None:
    tokens = morph_tokens(kiwi, text)
    assert texts_and_starts(tokens, text) == (expected_tokens, expected_starts)
    assert [t.end - t.start for t in tokens] == [len(t) for t in expected_tokens]


def test_lemma_and_tags_come_from_the_morphemes(kiwi: Any) -> None:
    text = "조선소에서 용접 15년 했어욬"
    tokens = {text[t.start : t.end]: t for t in morph_tokens(kiwi, text)}
    assert (tokens["했"].lemma, tokens["했"].tags) == ("하+었", ("VV", "EP"))
    assert (tokens["용접"].lemma, tokens["용접"].tags) == ("용접", ("NNG",))
    # the coda of 어욬 is a filler (Z_CODA): left out of the lemma
    assert (tokens["어욬"].lemma, tokens["어욬"].tags) == ("어요", ("EF", "Z_CODA"))


def test_jamo_runs_get_their_own_tag(kiwi: Any) -> None:
    (yes, *_) = morph_tokens(kiwi, "ㅇㅇ 있어요")
    assert yes.tags == (JAMO_TAG,)


def test_decomposed_hangul_is_analysed_composed(kiwi: Any) -> None:
    text = unicodedata.normalize("NFD", "용접 했어요")
    tokens = morph_tokens(kiwi, text)
    assert [t.lemma for t in tokens] == ["용접", "하+었", "어요"]
    # offsets are into the decomposed text: 용접 is 6 code points there
    assert [(t.start, t.end) for t in tokens] == [(0, 6), (7, 10), (10, 14)]


@pytest.mark.parametrize("text", ["", " ", "  \n\t "])
def test_blank_text_has_no_tokens(kiwi: Any, text: str) -> None:
    assert morph_tokens(kiwi, text) == []


@pytest.mark.parametrize(
    "text, typo, lemma",
    [
        ("지게처 운전", "지게처", "지게차"),  # listed misspelling in occupations.csv
        ("크래인 기사 했어요", "크래인", "크레인"),
        ("용졉 했어요", "용졉", "용접"),  # Kiwi's basic typo set
    ],
)
def test_typo_correction_fixes_the_lemma_not_the_text(
    kiwi: Any, text: str, typo: str, lemma: str
) -> None:
    plain = {text[t.start : t.end]: t for t in morph_tokens(kiwi, text)}
    corrected = {text[t.start : t.end]: t for t in morph_tokens(kiwi, text, typos=True)}
    assert corrected[typo].lemma == lemma
    if typo in plain:
        assert plain[typo].lemma == typo


@pytest.mark.parametrize(
    "text, start, end",
    [
        ("용접을 15년 했어요", 0, 2),  # 용접 without its particle
        ("용접을 15년 했어요", 0, 3),  # ... and with it
        ("용접을 15년 했어요", 4, 7),  # 15년
        ("용접15년했어요", 2, 5),
        ("야간은 못해요", 0, 2),
        ("월 300은 받아야죠", 0, 5),
        ("조선소에서 용접 15년 했어요", 0, 5),  # 조선소에서, particle included
    ],
)
def test_entity_spans_line_up_with_tokens(kiwi: Any, text: str, start: int, end: int) -> None:
    tokens = morph_tokens(kiwi, text)
    assert start in [t.start for t in tokens]
    assert end in [t.end for t in tokens]


# Korean-heavy text: syllables, conjoining and compatibility jamo, digits, Latin, spaces,
# punctuation, emoji (with modifiers and joiners), full-width forms and anything else.
MESSY_TEXT = st.lists(
    st.one_of(
        st.characters(min_codepoint=0xAC00, max_codepoint=0xD7A3),
        st.characters(min_codepoint=0x1100, max_codepoint=0x11FF),
        st.characters(min_codepoint=0x3131, max_codepoint=0x318E),
        st.sampled_from(list("0123456789 abcXYZE-.,!?~:/()\n\t\u3000\u200b\u200d\u0301")),
        st.sampled_from(["😀", "👍🏽", "👨‍👩‍👧", "🇰🇷", "ＣＮＣ", "３００", "했어요", "E-9"]),
        st.characters(min_codepoint=0xAC00, max_codepoint=0xD7A3).map(
            lambda ch: unicodedata.normalize("NFD", ch)
        ),
        st.characters(),
    ),
    max_size=40,
).map("".join)


@given(MESSY_TEXT)
@settings(max_examples=400, deadline=None)
def test_tokens_are_pieces_of_the_text_in_order(kiwi: Any, text: str) -> None:
    end = 0
    for token in morph_tokens(kiwi, text):
        assert end <= token.start < token.end <= len(text)
        assert not text[token.start : token.end].isspace()
        end = token.end
    if any(ch.isalnum() for ch in text):
        assert morph_tokens(kiwi, text)
