"""Korean number expressions to integers.

Covers Sino-Korean numerals (십오, 삼백오십만), digits mixed with Korean magnitude units
(3백, 1만2천, 300만), thousands separators (3,000,000), native numerals (열다섯, 스무 살,
두 달) and the approximating 한 ("한 10년" → "10년").

Many single Hangul syllables that are numerals are also ordinary words or word parts
(일 "work", 이 "this", 사는 "living", 구해요 "looking for", 만 "only"), so a numeral is
rewritten only when its shape makes it unambiguous (a magnitude such as 십/백/천/만 in a
well-formed run) or a counter follows it (년, 살, 원, 교대, 종, 급...). See
:func:`numeral_edits` for the exact rules.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from dataclasses import dataclass

__all__ = ["NumeralEdit", "numeral_edits", "numerals_to_digits", "parse_number"]

logger = logging.getLogger(__name__)

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
_DIGITS = frozenset("0123456789")
_RUN_CHARS = _DIGITS | frozenset(_SINO_DIGIT) | _MAGNITUDES

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
_PARTICLES = frozenset("이에은는도쯤넘중초후")

# What may follow "만 " and still belong to the same number ("만 오천원", "1만 2천원").
_SPACED_REST = re.compile(r"[일이삼사오육칠팔구]?[천백십]|\d+(?:\.\d+)?[천백십]")
_APPROX_PREFIX = re.compile(r"^(?:한|약|대략|거의|얼추|대충)\s*")
_TRAILING = re.compile(
    r"(?:\s*(?:년차|년째|년간|년|살|세|원|개월|달|시간|명|개|번|톤|분|정도|쯤|가량|이상|넘게|"
    r"이요|요|입니다|이에요|예요))+$"
)


@dataclass(frozen=True)
class NumeralEdit:
    """Replace ``text[start:end]`` by ``replacement``; ``value`` is None for a deletion."""

    start: int
    end: int
    replacement: str
    value: int | None


def _is_hangul(ch: str) -> bool:
    return "가" <= ch <= "힣"


def _alternation(words: tuple[str, ...]) -> re.Pattern[str]:
    # alternatives are tried in order, so a match is the first word that fits, as in a loop
    return re.compile("|".join(re.escape(w) for w in words))


_COUNTER = _alternation(_COUNTERS)
_MAGNITUDE_COUNTER = _alternation(_MAGNITUDE_COUNTERS)
_DIGIT_COUNTER = _alternation(_DIGIT_COUNTERS)
_NATIVE_COUNTER = _alternation(_NATIVE_COUNTERS)
_NATIVE_TENS_WORD = _alternation(tuple(_NATIVE_TENS))
_NATIVE_UNIT_WORD = _alternation(tuple(_NATIVE_UNITS))
_NATIVE_LONG_UNIT_WORD = _alternation(tuple(w for w in _NATIVE_UNITS if len(w) > 1))
# Where a run of numeral chars may start, and where a native numeral may (a word start).
_RUN_START = re.compile("[" + "".join(sorted(_RUN_CHARS)) + "]")
_NATIVE_START = re.compile("(?<![가-힣])[" + "".join(sorted(_NATIVE_FIRST)) + "]")
_HANGUL = re.compile("[가-힣]")
_PLAIN_NUMBER = re.compile(r"[0-9.]+")
# A lone Sino digit is a number only before one of these (its digit counters, 조...교대).
_AFTER_LONE_DIGIT = frozenset(c[0] for c in _DIGIT_COUNTERS) | {"조"}
_APPROX_HAN = re.compile(r"(?<![가-힣])한 (?=\S)")
_JO_GYODAE = re.compile(r"조\s?[0-9일이삼사오]\s?교대")


def _match(words: re.Pattern[str], text: str, pos: int) -> str | None:
    """The first word of the alternation ``words`` that ``text`` has at ``pos``, if any."""
    match = words.match(text, pos)
    return match.group() if match is not None else None


def _counter_at(text: str, pos: int, counters: re.Pattern[str], *, space: bool) -> str | None:
    """The counter starting at ``pos`` (after at most one space when ``space``), if any."""
    if space and pos < len(text) and text[pos] == " ":
        pos += 1
    return _match(counters, text, pos)


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
        if ch in _DIGITS:
            j = i
            while j < n and (run[j] in _DIGITS or run[j] in ",."):
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


def _run_end(text: str, start: int) -> int:
    """End of the run of numeral characters starting at ``start``."""
    n = len(text)
    j = start
    while j < n:
        ch = text[j]
        if ch in _RUN_CHARS:
            j += 1
        elif (
            ch in ",."
            and j > start
            and text[j - 1] in _DIGITS
            and j + 1 < n
            and (text[j + 1] in _DIGITS)
        ):
            if ch == "," and not re.match(r"\d{3}(?!\d)", text[j + 1 : j + 5]):
                break
            j += 1
        elif (
            ch == " " and j > start and text[j - 1] in _BIG_UNIT and _SPACED_REST.match(text, j + 1)
        ):
            j += 1
        else:
            break
    return j


def _accept(text: str, a: int, b: int) -> bool:
    """Whether ``text[a:b]`` (a parseable run) is really a number in its context."""
    span = text[a:b]
    nxt = text[b] if b < len(text) else ""
    if (
        span[-1] == "이"
        and len(span) > 1
        and _is_hangul(nxt)
        and _counter_at(text, b, _COUNTER, space=True) is None
    ):
        return False  # 삼백이면, 300이상: the 이 is a copula or starts 이상
    if not _DIGITS.isdisjoint(span):
        # Plain digits stay as they are unless thousands separators need removing.
        return _HANGUL.search(span) is not None or "," in span
    if text.startswith(_SENTENCE_TAILS, b):
        return False
    prev = text[a - 1] if a > 0 else ""
    prev_ok = not _is_hangul(prev) or prev in _ALLOWED_PREFIX
    magnitudes = not _MAGNITUDES.isdisjoint(span)
    if magnitudes and len(span.replace(" ", "")) >= 2:
        return prev_ok or _counter_at(text, b, _COUNTER, space=True) is not None
    if magnitudes:
        return prev_ok and _counter_at(text, b, _MAGNITUDE_COUNTER, space=True) is not None
    if len(span) != 1:
        return False  # 일이년, 이구: several bare digits are words or ranges, not numbers
    digit_counter = _counter_at(text, b, _DIGIT_COUNTER, space=False)
    if digit_counter is not None:
        return (span, digit_counter) not in _DIGIT_COUNTER_EXCEPTIONS
    # 3조2교대 written as 삼조이교대
    return _JO_GYODAE.match(text, b) is not None


def _sino_edits(text: str) -> list[NumeralEdit]:
    edits: list[NumeralEdit] = []
    i = 0
    n = len(text)
    while i < n:
        start = _RUN_START.search(text, i)
        if start is None:
            break
        i = start.start()
        end = _run_end(text, i)
        if end - i > 24:  # not a number anyone writes; leave it alone
            i = end
            continue
        if _PLAIN_NUMBER.fullmatch(text, i, end):
            i = end  # digits stay as they are (see _accept): "09:00", "3.5"
            continue
        lone_digit = end - i == 1 and text[i] in _SINO_DIGIT
        if lone_digit and (end == n or text[end] not in _AFTER_LONE_DIGIT):
            i = end  # the 이 of 이상, the 일 of 일자리: a lone digit needs a counter after it
            continue
        found: NumeralEdit | None = None
        for a in range(i, end):
            for b in range(end, a, -1):
                value = _parse_run(text[a:b])
                if value is None or text[b - 1] == " " or not _accept(text, a, b):
                    continue
                found = NumeralEdit(a, b, str(round(value)), round(value))
                break
            if found is not None:
                break
        if found is None:
            i = end
            continue
        edits.append(found)
        i = found.end
    return edits


def _native_at(text: str, i: int) -> tuple[int, int] | None:
    """(end, value) of a native numeral starting at word start ``i``, if it is one."""
    if text[i] not in _NATIVE_FIRST:
        return None
    tens_word = _match(_NATIVE_TENS_WORD, text, i)
    j = i
    value = 0
    if tens_word is not None:
        value = _NATIVE_TENS[tens_word]
        j += len(tens_word)
        if j + 1 < len(text) and text[j] == " " and _NATIVE_LONG_UNIT_WORD.match(text, j + 1):
            j += 1
    unit_word = _match(_NATIVE_UNIT_WORD, text, j)
    if unit_word is not None and tens_word != "스무":
        value += _NATIVE_UNITS[unit_word]
        j += len(unit_word)
    elif tens_word is None:
        return None
    nxt = text[j] if j < len(text) else ""
    counter = _counter_at(text, j, _NATIVE_COUNTER, space=True)
    if counter is not None:
        return j, value
    if tens_word is None or (unit_word is None and tens_word in _NATIVE_TENS_NEED_COUNTER):
        return None
    if not _is_hangul(nxt) or nxt in _PARTICLES:
        return j, value
    return None


def numeral_edits(text: str) -> tuple[NumeralEdit, ...]:
    """The rewrites that turn the numerals in ``text`` into digits, in text order.

    Rules, in short: a run mixing digits and magnitudes (3백, 300만, 1만2천) is always a
    number; a Sino-Korean run with a magnitude (십오, 삼백오십만) is one at a word start,
    after 월/연봉/시급-like prefixes, or before a counter; a lone magnitude needs a counter
    (만원, 십년); a lone Sino digit needs a tight counter (이교대, 일종, 사년); native numerals
    need a counter unless they are a tens word (마흔, 열다섯). "한" before a number is dropped.
    """
    edits = _sino_edits(text)
    covered = [False] * (len(text) + 1)
    for edit in edits:
        for k in range(edit.start, edit.end):
            covered[k] = True
    native: list[NumeralEdit] = []
    for word_start in _NATIVE_START.finditer(text):
        i = word_start.start()
        if covered[i]:
            continue
        hit = _native_at(text, i)
        if hit is None:
            continue
        end, value = hit
        if any(covered[i:end]) or (native and native[-1].end > i):
            continue
        native.append(NumeralEdit(i, end, str(value), value))
    starts = {edit.start for edit in edits} | {edit.start for edit in native}
    approx: list[NumeralEdit] = []
    for match in _APPROX_HAN.finditer(text):
        after = match.end()
        before_number = after in starts or (after < len(text) and text[after] in _DIGITS)
        # "한 10년", "한 십년", "한 스무 명": 한 means "about" and carries no number itself
        if before_number and not any(e.start <= match.start() < e.end for e in native):
            approx.append(NumeralEdit(match.start(), after, "", None))
    return tuple(sorted(edits + native + approx, key=lambda e: e.start))


def numerals_to_digits(text: str) -> str:
    """Rewrite the numerals inside ``text`` as digits, keeping everything else.

    >>> numerals_to_digits("용접 십오년, 월 삼백오십만원은 받아야")
    '용접 15년, 월 3500000원은 받아야'
    """
    out: list[str] = []
    pos = 0
    for edit in numeral_edits(text):
        out.append(text[pos : edit.start])
        out.append(edit.replacement)
        pos = edit.end
    out.append(text[pos:])
    return "".join(out)


def parse_number(text: str) -> int | None:
    """The integer a whole number expression stands for, or None if it is not one.

    Counters, approximations and particles around the number are ignored:
    "십오년" → 15, "스무살" → 20, "삼백오십만원" → 3500000, "한 10년" → 10, "열다섯" → 15.
    """
    s = unicodedata.normalize("NFKC", text).strip()
    s = _APPROX_PREFIX.sub("", s)
    s = _TRAILING.sub("", s).strip()
    if not s:
        return None
    if all(ch in _RUN_CHARS or ch in ", ." for ch in s):
        value = _parse_run(s)
        if value is not None and s[0] != " ":
            return round(value)
    if s in _NATIVE_TENS:
        return _NATIVE_TENS[s]
    hit = _native_at(s, 0)
    if hit is not None and hit[0] == len(s):
        return hit[1]
    return None
