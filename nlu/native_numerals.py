"""Native Korean numerals: 열다섯, 마흔, 스무 살, 두 달, 세 시간.

Most are also words (열 "heat", 세 "three" or "tax", 네 "yes"), so one is a number only
before a counter, or when it is a tens word standing alone (마흔, 서른다섯).
"""

from __future__ import annotations

import re

from nlu.numeral_scan import counter_at, is_hangul, word_at, word_pattern

__all__ = ["NATIVE_START", "native_at", "parse_native"]

_NATIVE_TENS = {
    "스물": 20,
    "스무": 20,
    "서른": 30,
    "마흔": 40,
    "예순": 60,
    "일흔": 70,
    "여든": 80,
    "아흔": 90,
    "열": 10,
    "쉰": 50,
}
_NATIVE_UNITS = {
    "하나": 1,
    "다섯": 5,
    "여섯": 6,
    "일곱": 7,
    "여덟": 8,
    "아홉": 9,
    "한": 1,
    "둘": 2,
    "두": 2,
    "셋": 3,
    "세": 3,
    "석": 3,
    "넷": 4,
    "네": 4,
    "넉": 4,
    # Jeolla and Chungcheong say 셋, 넷 as 싯, 닛 ("예순싯인디"); 여덜 is 여덟 as typed
    "싯": 3,
    "닛": 4,
    "여덜": 8,
}
_NATIVE_FIRST = frozenset(w[0] for w in (*_NATIVE_TENS, *_NATIVE_UNITS))
_NATIVE_COUNTERS = (
    "살",
    "명",
    "개월",
    "개",
    "시간",
    "달",
    "해",
    "번",
    "군데",
    "곳",
    "교대",
    "가지",
    "년",
    "주일",
    "주",
    "차례",
)
# Tens that are also common words on their own (열 "heat/open", 쉰 "rested", 스무 needs a noun).
_NATIVE_TENS_NEED_COUNTER = frozenset({"열", "쉰", "스무"})
# 인 starts the copula 인데/인디 ("예순셋인데 아무 일이나"), 요 a short answer ("쉰여덟요"),
# 여/야 the spoken copula after a vowel ("인자 예순하나여").
_PARTICLES = frozenset("이인요에은는도쯤넘중초후여야")
#: Units that stand as words after a spaced tens word ("예순 셋이에요"); 한, 두, 세, 네 are
#: the forms before a noun and also words (세 "tax", 네 "yes"), so they need a counter there.
_SPACED_UNITS = ("셋", "넷", "둘", "싯", "닛")

_NATIVE_COUNTER = word_pattern(_NATIVE_COUNTERS)
_NATIVE_TENS_WORD = word_pattern(tuple(_NATIVE_TENS))
_NATIVE_UNIT_WORD = word_pattern(tuple(_NATIVE_UNITS))
_NATIVE_SPACED_UNIT_WORD = word_pattern(
    tuple(w for w in _NATIVE_UNITS if len(w) > 1) + _SPACED_UNITS
)
#: Where a native numeral may start: a tens or unit word at a word start (the regex engine
#: skips the many words that only begin like one: 하는, 다음, 세부).
NATIVE_START = re.compile(
    f"(?<![가-힣])(?=(?:{_NATIVE_TENS_WORD.pattern}|{_NATIVE_UNIT_WORD.pattern}))"
)


def _spaced_unit_at(text: str, i: int) -> bool:
    """Whether a unit that may follow a tens word after a space starts at ``i`` ("예순 셋",
    "마흔 다섯", "예순 세 살"), as a whole word or before a counter."""
    unit = word_at(_NATIVE_SPACED_UNIT_WORD, text, i)
    if unit is None:
        unit = word_at(_NATIVE_UNIT_WORD, text, i)
        return (
            unit is not None
            and counter_at(text, i + len(unit), _NATIVE_COUNTER, space=True) is not None
        )
    nxt = text[i + len(unit)] if i + len(unit) < len(text) else ""
    return len(unit) > 1 or not is_hangul(nxt) or nxt in _PARTICLES


def native_at(text: str, i: int) -> tuple[int, int] | None:
    """(end, value) of a native numeral starting at word start ``i``, if it is one."""
    if text[i] not in _NATIVE_FIRST:
        return None
    tens_word = word_at(_NATIVE_TENS_WORD, text, i)
    j = i
    value = 0
    if tens_word is not None:
        value = _NATIVE_TENS[tens_word]
        j += len(tens_word)
        if j + 1 < len(text) and text[j] == " " and _spaced_unit_at(text, j + 1):
            j += 1
    unit_word = word_at(_NATIVE_UNIT_WORD, text, j)
    if unit_word is not None and tens_word != "스무":
        value += _NATIVE_UNITS[unit_word]
        j += len(unit_word)
    elif tens_word is None:
        return None
    nxt = text[j] if j < len(text) else ""
    counter = counter_at(text, j, _NATIVE_COUNTER, space=True)
    if counter is not None:
        return j, value
    if tens_word is None or (unit_word is None and tens_word in _NATIVE_TENS_NEED_COUNTER):
        return None
    if not is_hangul(nxt) or nxt in _PARTICLES:
        return j, value
    return None


def parse_native(text: str) -> int | None:
    """The value of ``text`` if it is one whole native numeral (마흔, 열다섯), else None.

    ``text`` is non-empty and stripped of counters and particles already.
    """
    if text in _NATIVE_TENS:
        return _NATIVE_TENS[text]
    hit = native_at(text, 0)
    if hit is not None and hit[0] == len(text):
        return hit[1]
    return None
