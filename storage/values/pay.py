"""Pay as sources state it: a type column with amounts, or free text.

Free text comes as ``연봉28,000,000원 이상 ~ 30,000,000원 이하, 면접 후 재조정 가능``,
``월급3,149,230원 이상 ~ 3,149,230원 이하,``, ``연봉 4,800 만원 ~ 4,800 만원``,
``연봉 3,400 만원 이상``, ``일당 18만원`` or several lines (``월 250만원\\n(수습 3개월 90%)``).
A single amount is a minimum unless it says 이하/까지/미만. 주급 and 건별 are kept as types
without a monthly equivalent; a 건별 (per task) amount is not comparable to a wage, so it is
kept in the text only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import nlu
from storage import messages
from storage.errors import RowRejected

__all__ = ["Pay", "parse_amount", "parse_pay", "pay_text", "salary_type"]

#: Spellings of a pay type (also 고용24's codes) → the type stored.
SALARY_TYPES = {
    "월급": "월급", "월": "월급", "m": "월급", "시급": "시급", "시": "시급", "h": "시급",
    "연봉": "연봉", "연": "연봉", "y": "연봉", "일급": "일급", "일당": "일급", "일": "일급",
    "d": "일급", "주급": "주급", "주": "주급", "건별": "건별", "건당": "건별",
}  # fmt: skip
#: Types :func:`nlu.monthly_pay` converts; the others have no monthly equivalent.
MONTHLY_TYPES = ("월급", "시급", "연봉", "일급")

_TYPE_WORD = re.compile(r"연봉|월급|시급|일급|일당|주급|건별|건당")
#: 월/시/연/일/주 name a type only right before an amount of money ("월 250만원", not "주5일").
_TYPE_SHORT = re.compile(r"(?:월|시|연|일|주)(?=\s*\d[\d.]*\s*(?:억|천만|만|천|원))")
_AMOUNT = re.compile(
    r"(?<![\d.])(\d+(?:\.\d+)?)\s*(억|천만|만|천)?\s*(원)?(?!\s*(?:\d|시간|개월|년|명|세|%|분|일|주))"
)
#: "250~300만원": the unit after a range belongs to both ends.
_SHARED_UNIT = re.compile(r"(\d+(?:\.\d+)?)\s*~\s*(\d+(?:\.\d+)?)\s*(억|천만|만)")
_UNITS = {"억": 100_000_000, "천만": 10_000_000, "만": 10_000, "천": 1_000, None: 1}
_MAX_CUES = ("이하", "까지", "미만")


@dataclass(frozen=True)
class Pay:
    """Pay type and amounts in KRW per that type; ``None`` where the source does not say."""

    salary_type: str | None
    minimum: int | None
    maximum: int | None

    def monthly(self, amount: int | None) -> int | None:
        """Monthly KRW equivalent of ``amount``, or ``None`` without a convertible type."""
        if amount is None or self.salary_type not in MONTHLY_TYPES:
            return None
        return nlu.monthly_pay(self.salary_type, amount)


def salary_type(raw: str) -> str | None:
    """The pay type a column names (월급, 시급, 연봉, 일급, 주급, 건별, or a 고용24 code)."""
    key = re.sub(r"\s+", "", raw).lower()
    if not key:
        return None
    if key in SALARY_TYPES:
        return SALARY_TYPES[key]
    match = _type_match(key)
    if match is None:
        raise RowRejected(messages.PAY_TYPE_UNKNOWN.format(value=raw.strip()))
    return SALARY_TYPES[match.group()]


def parse_amount(raw: str, column: str) -> int | None:
    """A KRW amount such as '3,000,000', '300만원' or '300만'; empty and 0 mean none."""
    text = re.sub(r"[,\s원]", "", raw)
    if not text:
        return None
    match = re.fullmatch(r"(\d+(?:\.\d+)?)(억|천만|만|천)?", text)
    if not match:
        raise RowRejected(messages.NOT_A_NUMBER.format(column=column, value=raw.strip()))
    return round(float(match.group(1)) * _UNITS[match.group(2)]) or None


def parse_pay(*, type_raw: str, min_raw: str, max_raw: str, text: str) -> Pay:
    """Pay from a type column, amount columns and a free-text column (amounts win over text)."""
    kind = salary_type(type_raw)
    minimum = parse_amount(min_raw, messages.LABEL_SALARY_MIN)
    maximum = parse_amount(max_raw, messages.LABEL_SALARY_MAX)
    if text.strip() and minimum is None and maximum is None:
        text_kind, minimum, maximum = _from_text(text)
        kind = kind or text_kind
    if kind == "건별":
        return Pay(kind, None, None)
    if minimum is not None and maximum is not None and maximum < minimum:
        raise RowRejected(messages.PAY_MAX_BELOW_MIN.format(maximum=maximum, minimum=minimum))
    return Pay(kind, minimum, maximum)


def pay_text(*, type_raw: str, text: str) -> str:
    """The pay as shown: the text, led by the type column when the text is a bare amount."""
    flat = " ".join(text.split())
    kind = " ".join(type_raw.split())
    return f"{kind} {flat}" if kind and flat[:1].isdigit() else flat


def _from_text(text: str) -> tuple[str | None, int | None, int | None]:
    if not any(ch.isdigit() for ch in text):  # "시급 만원", "일급 십삼만원": amounts in words
        text = nlu.numerals_to_digits(text)
    flat = re.sub(r"(?<=\d),(?=\d)", "", " ".join(text.split()))
    flat = _SHARED_UNIT.sub(r"\1\3 ~ \2\3", flat)
    type_match = _type_match(flat)
    kind = SALARY_TYPES[type_match.group()] if type_match else None
    bounds: list[tuple[int, str]] = []
    previous_end = 0
    for match in _AMOUNT.finditer(flat):
        number, unit, won = match.groups()
        if unit is None and won is None and float(number) < 1000:
            continue  # a bare small number ("3교대", "90") is not pay
        if bounds and _type_match(flat[previous_end : match.start()]):
            break  # another type's pay ("월 240만원 (단시간 시급 10,500원)") is not the maximum
        tail = flat[match.end() : match.end() + 4]
        bounds.append((round(float(number) * _UNITS[unit]), tail))
        previous_end = match.end()
    if not bounds:
        if kind is None:
            return _guessed(text)
        return kind, None, None
    if kind is None:
        kind = _guessed(text)[0]
    first_amount, first_tail = bounds[0]
    if len(bounds) == 1:
        if any(cue in first_tail for cue in _MAX_CUES):
            return kind, None, first_amount
        return kind, first_amount, None
    return kind, first_amount, bounds[1][0]


def _type_match(text: str) -> re.Match[str] | None:
    """The first pay type the text names ("월 240만원 (시급 …)" is 월급)."""
    found = [m for m in (_TYPE_WORD.search(text), _TYPE_SHORT.search(text)) if m is not None]
    return min(found, key=lambda m: m.start(), default=None)


def _guessed(text: str) -> tuple[str | None, int | None, int | None]:
    """Pay without a stated type: the size of the amount says (nlu's reading)."""
    mention = nlu.parse_pay(text)
    if mention is None:
        return None, None, None
    return mention.salary_type, mention.amount, None
