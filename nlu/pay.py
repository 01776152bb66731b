"""Pay expressions to a monthly KRW equivalent.

"월 300 이상", "월 삼백", "300은 받아야" (a bare two- or three-digit number in a pay context
means 만원 a month), "시급 만원" (× monthly hours), "일당 15만" (× monthly workdays),
"연봉 4천" / "연봉 3500만원" (÷ 12). The conventions come from ``data/normalization/pay.csv``.

Amounts below what the salary type could plausibly be in won are read as 만원, the way
people and many postings write them: 월 300 → 3,000,000; 연봉 3500 → 35,000,000;
일당 15 → 150,000; 시급 1.2 → 12,000.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from typing import Literal

from nlu.errors import PayError
from nlu.lexicon import PAY_CUES
from nlu.tables import PayConventions
from nlu.text import normalize_text

__all__ = [
    "Bound",
    "PayMention",
    "RATE_TYPES",
    "SalaryType",
    "find_pay",
    "find_pay_normalized",
    "floor_words",
    "monthly_pay",
    "parse_pay",
    "wants_high_pay",
]

logger = logging.getLogger(__name__)

SalaryType = Literal["월급", "시급", "연봉", "일급"]
#: Pay types that are a rate for the time worked, not a month's or a year's pay.
RATE_TYPES: tuple[SalaryType, ...] = ("시급", "일급")
Bound = Literal["min", "max", "about"]

_SALARY_TYPES: dict[str, SalaryType] = {
    "월급": "월급",
    "월": "월급",
    "월급여": "월급",
    "월 급여": "월급",
    "기본급": "월급",
    "m": "월급",
    "month": "월급",
    "monthly": "월급",
    "시급": "시급",
    "시간당": "시급",
    "시간 당": "시급",
    "시간급": "시급",
    "h": "시급",
    "hour": "시급",
    "hourly": "시급",
    "연봉": "연봉",
    "년봉": "연봉",
    "연": "연봉",
    "y": "연봉",
    "year": "연봉",
    "yearly": "연봉",
    "일급": "일급",
    "일당": "일급",
    "하루": "일급",
    "d": "일급",
    "day": "일급",
    "daily": "일급",
}
# Below these, an amount is taken as written in 만원.
_MANWON_BELOW: dict[SalaryType, float] = {
    "월급": 10_000,
    "연봉": 100_000,
    "시급": 100,
    "일급": 1_000,
}
# A monthly equivalent outside this range is not a wage (a phone number, a year, a typo).
_MONTHLY_RANGE = (300_000, 40_000_000)

_TYPE = (
    r"(?P<type>월\s?급여|월급|기본급|(?<![0-9])월(?!요일|말|초)|시급|시간\s?당|일당|일급|하루"
    r"|연봉|년봉|(?<![가-힣])연)"
)
_FILLER = (
    r"(?:\s*(?:은|는|이|가|으로|로|도|만|에|최소|최저|기준|세후|세전|실수령|정도|약|대략|한))*"
)
_AMOUNT = r"(?P<num>\d+(?:\.\d+)?)\s*(?P<unit>만\s?원|만|천\s?원|천|원)?"
_NOT_MONEY = (
    r"(?!\s*(?:회|년|살|시간|명|개|분|km|키로|킬로|%|세|일|월|교대|조|종|급|톤|번|동|층|호|시|대))"
)
_TAIL = (
    r"(?P<tail>\s*(?:이상|넘게|넘는|넘으면|넘어야|부터|은\s?받아야|는\s?받아야|은\s?돼야|는\s?돼야|"
    r"은\s?되어야|은\s?줘야|는\s?줘야|은\s?받고|는\s?받고|이하|까지|미만|안쪽|정도|쯤|선|내외|가량|"
    r"은|는|이면|면|이요|요|받|벌)?)"
)
_TYPED = re.compile(_TYPE + _FILLER + r"\s*" + _AMOUNT + _NOT_MONEY + _TAIL)
_UNTYPED = re.compile(r"(?<![0-9.])" + _AMOUNT + _NOT_MONEY + _TAIL)
#: Pay asked for without a number: "돈 많이 주는 데로", "급여 높은 곳", "페이 쎈 데", "고수익".
_HIGH_PAY = re.compile(
    r"(?:돈|급여|월급|페이|임금|일당|시급|연봉|보수)\s?(?:을|를|은|는|이|가|도|좀)?\s?"
    r"(?:(?:제일|젤|좀|더|꽤)\s?)?(?:많이|쎄게|세게|높게|두둑이|두둑하게|잘)\s?"
    r"(?:주|쳐\s?주|받|벌|챙겨\s?주)"
    r"|(?:급여|월급|페이|임금|일당|시급|연봉|보수)\s?(?:이|가|도)?\s?(?:높은|센|쎈|좋은|많은|높|쎄)"
    r"|많이\s?(?:주는|준다는|쳐\s?주는|벌\s?수|받을\s?수|버는)\s?(?:데|디|곳|일|회사|직장|쪽)"
    r"|고수익|고임금|고소득|고연봉|고급여|돈\s?(?:좀|꽤)?\s?되는"
)
#: What takes the wish back right after it: "급여 높은 곳 아니어도", "많이 주는 데 상관없어요".
_HIGH_PAY_DENIED = ("안", "않", "못", "아니", "없어도", "상관")
_MIN_CUES = ("이상", "넘", "부터", "받아야", "돼야", "되어야", "줘야", "최소", "최저", "받고")
_MAX_CUES = ("이하", "까지", "미만", "안쪽")


@dataclass(frozen=True)
class PayMention:
    """A pay amount found in text: ``amount`` won per ``salary_type``, ``monthly`` won a month."""

    salary_type: SalaryType
    amount: int
    monthly: int
    bound: Bound
    start: int
    end: int


def _salary_type(name: str) -> SalaryType:
    key = re.sub(r"\s+", " ", name.strip().lower())
    try:
        return _SALARY_TYPES[key]
    except KeyError:
        raise PayError(f"unknown salary type {name!r}") from None


def _scaled(salary_type: SalaryType, amount: float) -> float:
    return amount * 10_000 if 0 < amount < _MANWON_BELOW[salary_type] else amount


def monthly_pay(
    salary_type: str, amount: float, *, conventions: PayConventions | None = None
) -> int:
    """Monthly KRW equivalent of ``amount`` paid per ``salary_type`` (월급|시급|연봉|일급).

    Also accepts 고용24's codes (M, H, Y, D) and 월/일당/연. Hourly pay is multiplied by the
    monthly hours (209), daily pay by the monthly workdays (22), annual pay divided by 12.
    Raises :class:`~nlu.errors.PayError` for an unknown salary type.
    """
    conv = conventions or PayConventions()
    kind = _salary_type(salary_type)
    won = _scaled(kind, float(amount))
    if kind == "시급":
        monthly = won * conv.monthly_hours
    elif kind == "일급":
        monthly = won * conv.monthly_workdays
    elif kind == "연봉":
        monthly = won / conv.months_per_year
    else:
        monthly = won
    return round(monthly)


def floor_words(
    monthly: int, rate: str | None, *, conventions: PayConventions | None = None
) -> str:
    """A pay floor in the unit the seeker said it: "시급 10,000원", "일급 150,000원", or
    "월 250만원" (``monthly`` is its monthly equivalent, :func:`monthly_pay`)."""
    conv = conventions or PayConventions()
    if rate == "시급":
        return f"시급 {round(monthly / conv.monthly_hours):,}원"
    if rate == "일급":
        return f"일급 {round(monthly / conv.monthly_workdays):,}원"
    return f"월 {monthly // 10_000:,}만원"


def _bound(before: str, tail: str) -> Bound:
    if any(cue in tail for cue in _MAX_CUES):
        return "max"
    if any(cue in tail for cue in _MIN_CUES) or any(cue in before for cue in ("최소", "최저")):
        return "min"
    return "about"


def _unit_won(num: str, unit: str | None) -> tuple[float, bool]:
    """(amount, whether the unit pinned it to won)."""
    value = float(num)
    unit = (unit or "").replace(" ", "")
    if unit.startswith("만"):
        return value * 10_000, True
    if unit.startswith("천"):
        return value * 1_000, unit.endswith("원")
    return value, unit == "원"


def _untyped_kind(won: float) -> SalaryType:
    # Without 월/시급/연봉 the size says what it is: 12000원 is hourly, 150000원 daily.
    if won < 50_000:
        return "시급"
    if won < 500_000:
        return "일급"
    if won < 20_000_000:
        return "월급"
    return "연봉"


def find_pay_normalized(
    text: str, *, conventions: PayConventions | None = None, bare_numbers: bool = True
) -> tuple[PayMention, ...]:
    """Pay mentions in already normalized ``text`` (see :func:`nlu.text.normalize_text`)."""
    conv = conventions or PayConventions()
    found: list[PayMention] = []
    taken: list[tuple[int, int]] = []
    for match in _TYPED.finditer(text):
        kind = _salary_type(match.group("type"))
        won, _ = _unit_won(match.group("num"), match.group("unit"))
        amount = _scaled(kind, won)
        monthly = monthly_pay(kind, amount, conventions=conv)
        if not _MONTHLY_RANGE[0] <= monthly <= _MONTHLY_RANGE[1]:
            continue
        bound = _bound(text[max(0, match.start() - 4) : match.start("num")], match.group("tail"))
        found.append(PayMention(kind, round(amount), monthly, bound, match.start(), match.end()))
        taken.append((match.start(), match.end()))
    pay_context = any(cue in text for cue in PAY_CUES)
    for match in _UNTYPED.finditer(text):
        if any(s <= match.start("num") < e for s, e in taken):
            continue
        won, pinned = _unit_won(match.group("num"), match.group("unit"))
        tail = match.group("tail")
        if pinned:
            kind = _untyped_kind(won)
        elif bare_numbers and pay_context and 100 <= won <= 999 and "." not in match.group("num"):
            if not tail.strip():
                continue  # "300" alone could be anything; "300은 받아야", "300 이상" is pay
            kind, won = "월급", won * 10_000
        else:
            continue
        monthly = monthly_pay(kind, won, conventions=conv)
        if not _MONTHLY_RANGE[0] <= monthly <= _MONTHLY_RANGE[1]:
            continue
        before = text[max(0, match.start() - 4) : match.start()]
        found.append(
            PayMention(kind, round(won), monthly, _bound(before, tail), match.start(), match.end())
        )
    found.sort(key=lambda m: m.start)
    return tuple(found)


def find_pay(text: str, *, conventions: PayConventions | None = None) -> tuple[PayMention, ...]:
    """Every pay mention in ``text``, in order; offsets refer to the normalized text."""
    return find_pay_normalized(normalize_text(text).text, conventions=conventions)


def wants_high_pay(text: str) -> bool:
    """Whether ``text`` asks for well-paid work without naming an amount ("돈 많이 주는데로",
    "급여 높은 곳", "고수익"); not when the same clause takes it back ("돈 많이 안 줘도 돼요")."""
    norm = normalize_text(text).text
    for match in _HIGH_PAY.finditer(norm):
        after = re.split(r"[.,!?]", norm[match.end() : match.end() + 8], maxsplit=1)[0]
        if not any(cue in after for cue in _HIGH_PAY_DENIED):
            return True
    return False


def parse_pay(text: str, *, conventions: PayConventions | None = None) -> PayMention | None:
    """The first pay mention in ``text``, or None.

    >>> parse_pay("시급 만원 이상").monthly
    2090000
    """
    mentions = find_pay(text, conventions=conventions)
    return mentions[0] if mentions else None
