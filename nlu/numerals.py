"""Korean number expressions to integers.

Covers Sino-Korean numerals (십오, 삼백오십만), digits mixed with Korean magnitude units
(3백, 1만2천, 300만), thousands separators (3,000,000) — :mod:`nlu.sino_numerals` —, native
numerals (열다섯, 스무 살, 두 달) — :mod:`nlu.native_numerals` — and the approximating 한
("한 10년" → "10년"). See :func:`numeral_edits` for the rules in short.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from dataclasses import dataclass

from nlu.native_numerals import NATIVE_START, native_at, parse_native
from nlu.sino_numerals import DIGITS, parse_sino, sino_numbers

__all__ = ["NumeralEdit", "numeral_edits", "numerals_to_digits", "parse_number"]

logger = logging.getLogger(__name__)

_APPROX_PREFIX = re.compile(r"^(?:한|약|대략|거의|얼추|대충)\s*")
_TRAILING = re.compile(
    r"(?:\s*(?:년차|년째|년간|년|살|세|원|개월|달|시간|명|개|번|톤|분|정도|쯤|가량|이상|넘게|"
    r"이요|요|입니다|이에요|예요))+$"
)
_APPROX_HAN = re.compile(r"(?<![가-힣])한 (?=\S)")


@dataclass(frozen=True)
class NumeralEdit:
    """Replace ``text[start:end]`` by ``replacement``; ``value`` is None for a deletion."""

    start: int
    end: int
    replacement: str
    value: int | None


def numeral_edits(text: str) -> tuple[NumeralEdit, ...]:
    """The rewrites that turn the numerals in ``text`` into digits, in text order.

    Rules, in short: a run mixing digits and magnitudes (3백, 300만, 1만2천) is always a
    number; a Sino-Korean run with a magnitude (십오, 삼백오십만) is one at a word start,
    after 월/연봉/시급-like prefixes, or before a counter; a lone magnitude needs a counter
    (만원, 십년); a lone Sino digit needs a tight counter (이교대, 일종, 사년); native numerals
    need a counter unless they are a tens word (마흔, 열다섯). "한" before a number is dropped.
    """
    edits = [NumeralEdit(a, b, str(value), value) for a, b, value in sino_numbers(text)]
    covered = [False] * (len(text) + 1)
    for edit in edits:
        for k in range(edit.start, edit.end):
            covered[k] = True
    native: list[NumeralEdit] = []
    for word_start in NATIVE_START.finditer(text):
        i = word_start.start()
        if covered[i]:
            continue
        hit = native_at(text, i)
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
        before_number = after in starts or (after < len(text) and text[after] in DIGITS)
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
    sino = parse_sino(s)
    if sino is not None:
        return sino
    return parse_native(s)
