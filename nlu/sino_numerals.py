"""Sino-Korean numerals and digits with Korean magnitudes: 십오, 삼백오십만, 3백, 1만2천, 3,000,000.

Many single syllables that are numerals are also words or word parts (일 "work", 이 "this",
사는 "living", 구해요 "looking for", 만 "only"), so a run is a number only when its shape
makes it unambiguous (a magnitude in a well-formed run) or a counter follows it; see
:func:`sino_numbers`.
"""

from __future__ import annotations

import re

from nlu.numeral_scan import counter_at, is_hangul, word_pattern

__all__ = ["DIGITS", "parse_sino", "sino_numbers"]

_SINO_DIGIT = {
    "일": 1,
    "이": 2,
    "삼": 3,
    "사": 4,
    "오": 5,
    "육": 6,
    "륙": 6,
    "칠": 7,
    "팔": 8,
    "구": 9,
}
_SMALL_UNIT = {"십": 10, "백": 100, "천": 1000}
_BIG_UNIT = {"만": 10_000, "억": 100_000_000}
_MAGNITUDES = frozenset(_SMALL_UNIT) | frozenset(_BIG_UNIT)
#: The ASCII digits.
DIGITS = frozenset("0123456789")
_RUN_CHARS = DIGITS | frozenset(_SINO_DIGIT) | _MAGNITUDES

# Counters that make a Sino numeral with a magnitude a number even inside a word
# ("용접십오년"): the counter itself is evidence enough.
_COUNTERS = (
    "년차",
    "년째",
    "년간",
    "년",
    "개월",
    "살",
    "세",
    "원",
    "시간",
    "명",
    "톤",
    "키로",
    "킬로",
    "km",
    "분",
    "교대",
    "종",
    "급",
    "달",
)
# A lone magnitude (십, 백, 천, 만) is a number only before one of these ("만원", "십년").
_MAGNITUDE_COUNTERS = ("년", "원", "개월", "살", "명")
# A lone Sino digit is a number only directly before one of these ("이교대", "일종", "사년").
_DIGIT_COUNTERS = ("교대", "종", "급", "년차", "년째", "년", "개월", "톤")
# ...except these readings, which are words: 일급 is "daily wage".
_DIGIT_COUNTER_EXCEPTIONS = frozenset({("일", "급")})
# Hangul syllables after which a numeral may start without a space ("월삼백", "연봉사천").
_ALLOWED_PREFIX = frozenset("월봉급당연총약딱력")
# Endings that turn a trailing 이 into a particle/copula rather than the digit 2 ("삼백이면").
_SENTENCE_TAILS = ("시오", "시요", "세요")

# What may follow "만 " and still belong to the same number ("만 오천원", "1만 2천원"); tens
# alone never do: "일만 삼십년" is "thirty years of only that work".
_SPACED_REST = re.compile(r"[일이삼사오육칠팔구]?[천백]|\d+(?:\.\d+)?[천백]")
_COUNTER = word_pattern(_COUNTERS)
_MAGNITUDE_COUNTER = word_pattern(_MAGNITUDE_COUNTERS)
_DIGIT_COUNTER = word_pattern(_DIGIT_COUNTERS)
_HANGUL = re.compile("[가-힣]")
_PLAIN_NUMBER = re.compile(r"[0-9.]+")
# A lone Sino digit is a number only before one of these (its digit counters, 조...교대).
_AFTER_LONE_DIGIT = frozenset(c[0] for c in _DIGIT_COUNTERS) | {"조"}


def _chars(chars: frozenset[str]) -> str:
    return "[" + "".join(sorted(chars)) + "]"


# A run of numeral chars, found by the regex engine rather than char by char (descriptions
# are full of 이, 일, 사, 오). It starts at a numeral char, but not at a lone Sino digit
# without one of its counters after it (the 이 of 이상, the 일 of 일자리: never a number).
# It goes on over numeral chars, a "." between digits, a "," before exactly three digits
# (3,000,000), and a space after 만/억 when the number goes on ("만 오천원", "1만 2천원").
_RUN = re.compile(
    f"(?:{_chars(frozenset(_SINO_DIGIT))}(?={_chars(_RUN_CHARS | _AFTER_LONE_DIGIT)})"
    f"|{_chars(_RUN_CHARS - frozenset(_SINO_DIGIT))})"
    f"(?:{_chars(_RUN_CHARS)}"
    r"|(?<=[0-9])\.(?=[0-9])"
    r"|(?<=[0-9]),(?=[0-9]\d{2}(?!\d))"
    f"|(?<={_chars(frozenset(_BIG_UNIT))}) (?=(?:{_SPACED_REST.pattern})))*"
)
_JO_GYODAE = re.compile(r"조\s?[0-9일이삼사오]\s?교대")


def _parse_run(run: str) -> float | None:
    """Value of a run of digits and Korean numeral syllables, or None if ill-formed."""
    total = 0.0
    section = 0.0
    current: float | None = None
    last_small = 10**9
    last_big = 10**18
    i = 0
    n = len(run)
    while i < n:
        ch = run[i]
        if ch == " ":
            i += 1
            continue
        if ch in DIGITS:
            j = i
            while j < n and (run[j] in DIGITS or run[j] in ",."):
                j += 1
            literal = run[i:j].replace(",", "")
            if current is not None or literal.count(".") > 1:
                return None
            try:
                current = float(literal)
            except ValueError:
                return None
            i = j
            continue
        if ch in _SINO_DIGIT:
            if current is not None:
                return None
            current = _SINO_DIGIT[ch]
        elif ch in _SMALL_UNIT:
            unit = _SMALL_UNIT[ch]
            if unit >= last_small:
                return None
            section += (1 if current is None else current) * unit
            last_small = unit
            current = None
        elif ch in _BIG_UNIT:
            unit = _BIG_UNIT[ch]
            if unit >= last_big:
                return None
            value = section + (current or 0)
            total += (value or 1) * unit
            section = 0
            current = None
            last_small = 10**9
            last_big = unit
        else:
            return None
        i += 1
    return total + section + (current or 0)


def parse_sino(text: str) -> int | None:
    """The integer ``text`` stands for if it is all one Sino-Korean/digit number, else None.

    ``text`` is stripped of counters and particles already: "삼백오십만" → 3500000.
    """
    if all(ch in _RUN_CHARS or ch in ", ." for ch in text):
        value = _parse_run(text)
        if value is not None and text[0] != " ":
            return round(value)
    return None


def _accept(text: str, a: int, b: int) -> bool:
    """Whether ``text[a:b]`` (a parseable run) is really a number in its context."""
    span = text[a:b]
    nxt = text[b] if b < len(text) else ""
    if (
        span[-1] == "이"
        and len(span) > 1
        and is_hangul(nxt)
        and counter_at(text, b, _COUNTER, space=True) is None
    ):
        return False  # 삼백이면, 300이상: the 이 is a copula or starts 이상
    if not DIGITS.isdisjoint(span):
        # Plain digits stay as they are unless thousands separators need removing.
        return _HANGUL.search(span) is not None or "," in span
    if text.startswith(_SENTENCE_TAILS, b):
        return False
    if span == "일만" and counter_at(text, b, _COUNTER, space=True) is None:
        return False  # "설거지 일만 했어요": 일 "work" and 만 "only", not 10,000
    prev = text[a - 1] if a > 0 else ""
    prev_ok = not is_hangul(prev) or prev in _ALLOWED_PREFIX
    magnitudes = not _MAGNITUDES.isdisjoint(span)
    if magnitudes and len(span.replace(" ", "")) >= 2:
        return prev_ok or counter_at(text, b, _COUNTER, space=True) is not None
    if magnitudes:
        return prev_ok and counter_at(text, b, _MAGNITUDE_COUNTER, space=True) is not None
    if len(span) != 1:
        return False  # 일이년, 이구: several bare digits are words or ranges, not numbers
    digit_counter = counter_at(text, b, _DIGIT_COUNTER, space=False)
    if digit_counter is not None:
        return (span, digit_counter) not in _DIGIT_COUNTER_EXCEPTIONS
    # 3조2교대 written as 삼조이교대
    return _JO_GYODAE.match(text, b) is not None


def sino_numbers(text: str) -> list[tuple[int, int, int]]:
    """``(start, end, value)`` of each Sino-Korean or mixed number in ``text``, in text order.

    A run mixing digits and magnitudes (3백, 300만, 1만2천) is always a number; a
    Sino-Korean run with a magnitude (십오, 삼백오십만) is one at a word start, after
    월/연봉/시급-like prefixes, or before a counter; a lone magnitude needs a counter (만원,
    십년); a lone Sino digit needs a tight counter (이교대, 일종, 사년). Plain digits are
    left alone unless they have thousands separators.
    """
    numbers: list[tuple[int, int, int]] = []
    i = 0
    n = len(text)
    while i < n:
        run = _RUN.search(text, i)
        if run is None:
            break
        i, end = run.span()
        if end - i > 24:  # not a number anyone writes; leave it alone
            i = end
            continue
        if _PLAIN_NUMBER.fullmatch(text, i, end):
            i = end  # digits stay as they are (see _accept): "09:00", "3.5"
            continue
        found: tuple[int, int, int] | None = None
        for a in range(i, end):
            for b in range(end, a, -1):
                value = _parse_run(text[a:b])
                if value is None or text[b - 1] == " " or not _accept(text, a, b):
                    continue
                found = (a, b, round(value))
                break
            if found is not None:
                break
        if found is None:
            i = end
            continue
        numbers.append(found)
        i = found[1]
    return numbers
