"""What a posting's own words say about who it takes and when: weekend work, age limits,
the years of experience a title asks for, its hours, and the work the body must take.

These facts are read from the title and description at catalog load (no schema column holds
them); unknown stays unknown: a posting that says nothing about weekends is not weekend work.

    >>> read_opening_terms("아파트 경비원 주간 전담 (70세 이하)", "근무일: 주6일근무")
    OpeningTerms(weekend_work=True, age_min=None, age_max=70, welcomes_seniors=True, career_years=None, part_of_day=None, daily_hours=None, strain=frozenset(), overnight=False, seated=False, whole_week=True, starts_at=None, ends_at=None, weekdays_only=False, days_a_week=6, welcomes_migrants=False, short_term=False, weekend_only=False)
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass

__all__ = [
    "HEAVY_TRADES",
    "STANDING_TRADES",
    "SENIOR_AGE",
    "STRAIN_LIMITS",
    "OpeningTerms",
    "leaves_heavy_trade",
    "read_opening_terms",
    "stated_hours",
]

#: From this age a seeker counts as a senior, and a posting open to this age welcomes them.
SENIOR_AGE = 55

#: A working week that reaches the weekend: "주6일", "주5~6일", "월~토" — whatever follows
#: ("월~토 (우천 시 휴무)" is rain, not the weekend, off).
_WEEK_SPAN = re.compile(
    r"주\s?(?:5\s?[~\-–]\s?)?[67]\s?일|월\s?[~\-–]\s?[토일]"
    # Saturdays every other week are worked on top of the weekdays ("격주 토요일 근무")
    r"|격주\s?토|토\s?격주"
)
_WEEKEND = re.compile(
    r"토\s?[·,/~\-]\s?일|토요일|일요일|주말|격주\s?토|토\s?격주|토요\s?근무|매주\s?토"
)
#: Right after a weekend word, these say the weekend is off ("토·일 휴무", "주말 및 공휴일 휴무").
_DAY_OFF = re.compile(r"휴무|휴일|쉼|쉬|제외|없음|off", re.IGNORECASE)
#: The days are agreed with the worker ("월~토 (요일협의)"): no fixed week.
_DAYS_AGREED = re.compile(r"요일\s?(?:협의|조정|선택)|근무일\s?(?:협의|조정|선택)")
#: The working week said to be the weekdays: "평일", "월~금", "월요일부터 금요일".
_WEEKDAYS = re.compile(r"평일|월\s?[~\-–]\s?금|월요일\s?(?:[~\-–]|부터)\s?금요일")
#: The days worked as a board lists them ("근무요일: 토, 일", "근무요일: 월~금"), or "주 3일".
_DAYS_LISTED = re.compile(r"근무\s?요일\s?[:：]\s?([^\n]+)")
_DAYS_A_WEEK = re.compile(r"주\s?([1-7])\s?일")
_DAY_NAMES = "월화수목금토일"
_DAY_RANGE = re.compile(rf"([{_DAY_NAMES}])\s?[~\-–]\s?([{_DAY_NAMES}])")
#: Weeks in an average month (365.25 / 7 / 12), as the pay conventions count them.
WEEKS_A_MONTH = 4.345
_AGE_MAX = re.compile(r"(?<![0-9])([1-9][0-9])\s?세\s?(이하|미만|까지)")
_AGE_MIN = re.compile(r"(?<![0-9])([1-9][0-9])\s?세\s?이상")
_SENIOR_WORDS = re.compile(
    r"어르신|시니어|노인\s?(?:일자리|공익)|고령|장년|은퇴|퇴직자|연령\s?무관|나이\s?무관|연령\s?제한\s?없|나이\s?제한\s?없|정년\s?없|[67]0대"
)
#: "경력 3년 이상", "경력 2년↑" — not "경력 1년 이상 우대" (preferred is not required).
_CAREER_YEARS = re.compile(r"경력\s?([1-9][0-9]?)\s?년\s?(?:이상|↑)?(?!\s?(?:이상\s?)?우대)")


#: "08:00~17:00", "9시~13시", "오전 9시 ~ 오후 1시", and 고용24's "(오전) 7시 30분 ~ (오후) 4시
#: 30분": working hours a posting states.
_HOURS = re.compile(
    r"(?:\(?(오전|오후)\)?\s?)?([0-2]?[0-9])\s?(?::\s?([0-5][0-9])|시)\s?(?:[0-5][0-9]분)?\s?"
    r"[~\-–]\s?(?:익일\s?)?(?:\(?(오전|오후)\)?\s?)?([0-2]?[0-9])\s?(?::\s?([0-5][0-9])|시)"
)
#: A start said without an end: "04:30 출근", "새벽 5시 출근".
_START_ALONE = re.compile(
    r"(?:(오전|오후|새벽)\s?)?(?<![\d:])([0-2]?[0-9])\s?(?::\s?([0-5][0-9])|시(?:\s?반)?)\s?"
    r"(?:출근|시작|부터\s?근무)"
)
_MORNING = re.compile(r"오전\s?(?:근무|만|타임|파트|조)|오전\s?\d{1,2}\s?시간")
_AFTERNOON = re.compile(r"오후\s?(?:근무|만|타임|파트|조)")
#: Work of a few hours a day whatever the clock says: "단시간", "파트타임", "하루 4시간".
_SHORT = re.compile(
    r"단시간|파트\s?타임|시간제|(?:하루|1일|주간|오전|오후|근무)\s?[1-5]\s?시간|(?<![0-9])[1-5]\s?시간\s?근무"
)
#: Work through the night whatever the shift field says: a guard's "24시간 격일제", "익일".
#: A carer living in ("24시간 상주", "입주 간병") is there through the night as well.
_OVERNIGHT = re.compile(
    r"24\s?시간\s?(?:격일|맞교대|교대|근무|상주)|격일\s?(?:제\s?)?24\s?시간|익일"
    r"|입주\s?(?:간병|요양|돌봄|가사|도우미)"
)
#: Shifts in turn ("3교대", "주야 맞교대"): a full day each, whatever hours are not stated.
_ROTATING = re.compile(r"[234]\s?교대|맞교대|주야\s?교대")
#: Work the body must take, by the limit a seeker names ("힘든 일은 못 해요" …).
_STRAIN = {
    "heavy": re.compile(r"상하차|중량물|무거운|곰방|하역|인력\s?운반|자재\s?운반|체력"),
    "standing": re.compile(r"입식|서서\s?(?:하는|근무|작업)|장시간\s?서|계산원|캐셔"),
    "heights": re.compile(r"고소\s?작업|고소차|비계|족장|높은\s?곳|사다리"),
    "stairs": re.compile(r"계단(?!\s?(?:없|X))"),  # "아파트 계단·복도 청소"
    # "현장 출장", "출장 가능자", "출장 A/S": the work takes one away from a fixed place
    "travel": re.compile(r"출장(?!\s?(?:없|X))"),
}

STRAIN_LIMITS = tuple(_STRAIN)
#: The work is done sitting ("앉아서 하는 작업 위주", "좌식"): what a seeker who cannot stand
#: long asks for.
_SEATED = re.compile(r"앉아서\s?(?:하는|근무|작업|일)|좌식")
#: Those who married into Korea are welcome ("결혼이민자 우대", "다문화 가정 환영").
_MIGRANTS = re.compile(r"결혼\s?이민|다문화|이주\s?여성")
#: Hired for a season or a few weeks: "단기 알바", "계절직", "12월 한 달", "(12~2월)",
#: "12월~1월 김장철", "3개월 계약" — not "수습 3개월" nor "6개월 이상 근무 가능자".
_SHORT_TERM = re.compile(
    r"단기(?!간)|계절\s?(?:직|근로|근무|알바)|[0-9]{1,2}\s?월\s?한\s?달|김장철"
    r"|(?<![0-9])[0-9]{1,2}\s?(?:월\s?)?[~\-–]\s?[0-9]{1,2}\s?월(?!\s?[0-9]{1,2}\s?일)"
    r"|(?<!수습\s)(?<!수습)(?<![0-9])[1-6]\s?개월\s?(?:간|만|단기|계약|근무)(?!\s?이상)"
)
#: Trades whose every posting is heavy work, whatever its text says (KECO): welding,
#: fitting and grinding (8241), ship and other transport-equipment assembly (8173), sheet
#: metal and 제관 (822), painting and blasting (825), construction (70).
HEAVY_TRADES = ("8241", "8173", "822", "825", "70")
#: … whose work is done standing: a restaurant's hall and kitchen, a shop floor, its till
#: and shelves.
STANDING_TRADES = ("531", "5322", "5323", "6151", "6161", "6179")


def leaves_heavy_trade(done: Iterable[str], limits: Collection[str]) -> bool:
    """Heavy work is what the seeker's body no longer takes and a heavy trade is what they
    did ("용접 20년 했어요 힘쓰는 일은 이제 무리에요"): with nothing else wanted, that trade
    is what they leave, not what to look for (``done``: KECO codes of the work done)."""
    return "heavy" in limits and any(code.startswith(HEAVY_TRADES) for code in done)


@dataclass(frozen=True)
class OpeningTerms:
    """Weekend work (or weekdays only), the age range a posting states, the career years its
    title asks, the part of the day and the hours a day it works, and the strain its work puts
    on the body."""

    weekend_work: bool
    age_min: int | None
    age_max: int | None
    welcomes_seniors: bool
    career_years: int | None
    part_of_day: str | None = None  # 오전 | 오후 (the whole shift within it) | None
    #: from the first stated working hours, breaks included; 5 for short work said in words
    #: ("단시간", "주간 3시간"), 8 for shifts in turn with no hours stated
    daily_hours: float | None = None
    strain: frozenset[str] = frozenset()  # ⊂ {heavy, standing, heights, stairs, travel}
    #: the work goes through the night: stated hours cross midnight ("22:00~07:00",
    #: "16:30~익일 08:30") or a 24-hour turn ("24시간 격일제")
    overnight: bool = False
    #: the work is done sitting ("앉아서 하는 작업 위주")
    seated: bool = False
    #: the week worked runs through the weekdays into the weekend ("월~토", "주6일", "격주
    #: 토요일 근무")
    whole_week: bool = False
    #: the first working hours stated, as hours after midnight ("08:30~17:30" → 8.5, 17.5)
    starts_at: float | None = None
    ends_at: float | None = None
    #: the posting works weekdays only: it says so ("평일", "월~금") or gives the weekend off
    #: ("토·일 휴무"), and no weekend work
    weekdays_only: bool = False
    #: the days a week it works when fixed ("근무요일: 토, 일" → 2, "주 3일", "월~토" → 6)
    days_a_week: int | None = None
    #: the posting welcomes those who married into Korea ("결혼이민자 우대", "다문화 가정 환영")
    welcomes_migrants: bool = False
    #: the posting hires for a season or a few weeks ("단기", "12월 한 달", "(12~2월)")
    short_term: bool = False
    #: the posting works the weekend only: its days are the weekend ("근무요일: 토, 일") or its
    #: title says so ("주말 웨딩홀 뷔페 서빙"), and no longer week is stated
    weekend_only: bool = False

    def monthly_hours(self) -> float | None:
        """Hours a month at the stated hours a day and days a week (4.345 weeks a month),
        when both are known; breaks are not taken out."""
        if self.daily_hours is None or self.days_a_week is None:
            return None
        return self.daily_hours * self.days_a_week * WEEKS_A_MONTH


def _weekends_off(text: str) -> list[bool]:
    """Per weekend word in ``text``, whether the words right after it say it is off."""
    return [
        _DAY_OFF.search(text[m.end() : m.end() + 10]) is not None for m in _WEEKEND.finditer(text)
    ]


def _works_weekends(text: str, weekends_off: list[bool]) -> bool:
    return _WEEK_SPAN.search(text) is not None or not all(weekends_off)


def _weekdays_only(text: str, weekends_off: list[bool]) -> bool:
    """Said to work weekdays, or the weekend said to be off; call it only when no weekend work
    is said (``_works_weekends``)."""
    return _WEEKDAYS.search(text) is not None or any(weekends_off)


def _days_a_week(text: str) -> int | None:
    """The days a week worked, when the posting fixes them: a board's list ("토, 일" → 2,
    "월~금" → 5), "주 3일", or a span ("월~토"); None when agreed or unsaid."""
    listed = _DAYS_LISTED.search(text)
    said = listed.group(1) if listed else text
    if _DAYS_AGREED.search(said):
        return None
    if (week := _DAYS_A_WEEK.search(said)) is not None:
        return int(week.group(1))
    if (span := _DAY_RANGE.search(said)) is not None:
        first, last = (_DAY_NAMES.index(d) for d in span.groups())
        return last - first + 1 if last > first else None
    if listed is None:
        return None
    days = {d for d in said if d in _DAY_NAMES}
    return len(days) or None


def _clock(half: str | None, hour: str, minute: str | None) -> float:
    value = int(hour) % 24 + (int(minute) if minute else 0) / 60
    return value + 12 if half == "오후" and value < 12 else value


def stated_hours(text: str) -> list[tuple[float, float]]:
    """Start and end (hours after midnight) of every range of working hours stated, in order."""
    spans: list[tuple[float, float]] = []
    for m in _HOURS.finditer(text):
        start = _clock(m.group(1), m.group(2), m.group(3))
        end = _clock(m.group(4) or m.group(1), m.group(5), m.group(6))
        if start <= 24 and end <= 24 and start != end:
            spans.append((start, end))
    return spans


def _start_alone(text: str) -> float | None:
    """The hour a posting says work starts, with no end said ("함바식당 조리사 … 04:30 출근")."""
    m = _START_ALONE.search(text)
    if m is None:
        return None
    start = _clock(m.group(1), m.group(2), m.group(3)) + (0.5 if "반" in m.group(0) else 0.0)
    return start if start < 24 else None


def _part_of_day(text: str, hours: tuple[float, float] | None) -> str | None:
    if hours is not None and hours[0] < hours[1]:
        start, end = hours
        if start >= 5 and end <= 13.5:
            return "오전"
        if start >= 12 and end <= 19:
            return "오후"
        return None
    if _MORNING.search(text):
        return "오전"
    return "오후" if _AFTERNOON.search(text) else None


def read_opening_terms(title: str, description: str = "") -> OpeningTerms:
    """The facts above from a posting's title and description."""
    text = f"{title}\n{description}"
    ages_max = [int(m.group(1)) - (m.group(2) == "미만") for m in _AGE_MAX.finditer(text)]
    ages_min = [int(m.group(1)) for m in _AGE_MIN.finditer(text)]
    age_max = max(ages_max) if ages_max else None
    age_min = min(ages_min) if ages_min else None
    welcomes = bool(_SENIOR_WORDS.search(text)) or (age_max or 0) >= 60 or (age_min or 0) >= 50
    years = _CAREER_YEARS.search(title)
    hours = next(iter(stated_hours(text)), None)  # the first stated
    span = None if hours is None else (hours[1] - hours[0]) % 24
    if _SHORT.search(text):
        span = min(span or 5.0, 5.0)
    elif span is None and _ROTATING.search(text):
        span = 8.0
    weekends_off = _weekends_off(text)
    weekend = _works_weekends(text, weekends_off)
    days = _days_a_week(text)
    whole_week = _WEEK_SPAN.search(text) is not None and not _DAYS_AGREED.search(text)
    return OpeningTerms(
        weekend_work=weekend,
        weekdays_only=not weekend and _weekdays_only(text, weekends_off),
        age_min=age_min,
        age_max=age_max,
        welcomes_seniors=welcomes,
        career_years=int(years.group(1)) if years else None,
        part_of_day=_part_of_day(text, hours),
        daily_hours=span,
        strain=frozenset(k for k, words in _STRAIN.items() if words.search(text)),
        overnight=bool(hours and hours[1] < hours[0]) or bool(_OVERNIGHT.search(text)),
        seated=_SEATED.search(text) is not None,
        whole_week=whole_week,
        starts_at=hours[0] if hours else _start_alone(text),
        ends_at=hours[1] if hours else None,
        days_a_week=days,
        welcomes_migrants=_MIGRANTS.search(text) is not None,
        short_term=_SHORT_TERM.search(text) is not None,
        weekend_only=weekend
        and not whole_week
        and not any(weekends_off)
        and (days is None or days <= 2)
        and (days is not None or _WEEKEND.search(title) is not None),
    )
