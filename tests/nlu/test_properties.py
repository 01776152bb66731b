"""Properties over arbitrary text: the normalizers never raise."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from nlu.clauses import split_posting
from nlu.numerals import numerals_to_digits, parse_number
from nlu.opening import (
    certificate_requirements,
    foreign_workers,
    has_dormitory,
    normalize_shift,
    occupation_family,
    resolve_region,
)
from nlu.pay import find_pay
from nlu.seeker import parse_seeker_text
from nlu.text import _fold_chars, _fold_chars_slow, normalize_text

# Korean-heavy text: syllables, numeral syllables, digits, jamo, punctuation and anything else.
KOREAN = st.text(
    alphabet=st.one_of(
        st.sampled_from(list("일이삼사오육칠팔구십백천만억열스물한두세네다섯년살원시급월당")),
        st.sampled_from(list("0123456789 ,.~-:/?!()ㅋㅠㄴㅇ\n\t　")),
        st.characters(min_codepoint=0xAC00, max_codepoint=0xD7A3),
        st.characters(),
    ),
    max_size=80,
)


@given(KOREAN)
@settings(max_examples=300, deadline=None)
def test_numerals_never_raise(text: str) -> None:
    rewritten = numerals_to_digits(text)
    assert isinstance(rewritten, str)
    assert parse_number(text) is None or isinstance(parse_number(text), int)


@given(KOREAN)
@settings(max_examples=300, deadline=None)
def test_normalized_offsets_are_consistent(text: str) -> None:
    norm = normalize_text(text)
    assert len(norm.starts) == len(norm.ends) == len(norm.text)
    assert all(0 <= s < e <= len(norm.source) for s, e in zip(norm.starts, norm.ends, strict=True))


@given(KOREAN)
@settings(max_examples=300, deadline=None)
def test_fast_fold_agrees_with_char_by_char_fold(text: str) -> None:
    assert _fold_chars(text) == _fold_chars_slow(text)


@given(KOREAN)
@settings(max_examples=200, deadline=None)
def test_parse_seeker_text_never_raises(text: str) -> None:
    profile = parse_seeker_text(text)
    assert all(isinstance(surface, str) for surface, _ in profile.evidence)


@given(KOREAN)
@settings(max_examples=100, deadline=None)
def test_opening_normalizers_never_raise(text: str) -> None:
    occupation_family(text, text, text)
    resolve_region(text)
    normalize_shift(text)
    find_pay(text)
    certificate_requirements([text], text)
    foreign_workers(text)
    has_dormitory(text)


@given(KOREAN)
@settings(max_examples=200, deadline=None)
def test_posting_items_point_into_the_text(text: str) -> None:
    normalized = normalize_text(text).text
    for clause in split_posting(normalized):
        assert clause.text and normalized[clause.start : clause.end] == clause.text
