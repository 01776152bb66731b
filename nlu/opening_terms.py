"""What a posting's own words say about who it takes and when: weekend work, age limits,
and the years of experience a title asks for.

These facts are read from the title and description at catalog load (no schema column holds
them); unknown stays unknown: a posting that says nothing about weekends is not weekend work.

    >>> read_opening_terms("아파트 경비원 주간 전담 (70세 이하)", "근무일: 주6일근무")
    OpeningTerms(weekend_work=True, age_min=None, age_max=70, welcomes_seniors=True, career_years=None)
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["SENIOR_AGE", "OpeningTerms", "read_opening_terms"]

#: From this age a seeker counts as a senior, and a posting open to this age welcomes them.
SENIOR_AGE = 55

_WEEKEND = re.compile(
    r"주\s?[67]\s?일|월\s?[~\-–]\s?[토일]|토\s?[·,/~\-]\s?일|토요일|일요일|주말|격주\s?토|토요\s?근무|매주\s?토"
)
#: Right after a weekend word, these say the weekend is off ("토·일 휴무", "주말 및 공휴일 휴무").
_DAY_OFF = re.compile(r"휴무|휴일|쉼|쉬|제외|없음|off", re.IGNORECASE)
_AGE_MAX = re.compile(r"(?<![0-9])([1-9][0-9])\s?세\s?(이하|미만|까지)")
_AGE_MIN = re.compile(r"(?<![0-9])([1-9][0-9])\s?세\s?이상")
_SENIOR_WORDS = re.compile(
    r"어르신|시니어|노인\s?(?:일자리|공익)|고령|장년|은퇴|퇴직자|연령\s?무관|나이\s?무관|연령\s?제한\s?없|나이\s?제한\s?없|정년\s?없|[67]0대"
)
#: "경력 3년 이상", "경력 2년↑" — not "경력 1년 이상 우대" (preferred is not required).
_CAREER_YEARS = re.compile(r"경력\s?([1-9][0-9]?)\s?년\s?(?:이상|↑)?(?!\s?(?:이상\s?)?우대)")


@dataclass(frozen=True)
class OpeningTerms:
    """Weekend work, the age range a posting states, and the career years its title asks."""

    weekend_work: bool
    age_min: int | None
    age_max: int | None
    welcomes_seniors: bool
    career_years: int | None


def _works_weekends(text: str) -> bool:
    return any(
        _DAY_OFF.search(text[m.end() : m.end() + 10]) is None for m in _WEEKEND.finditer(text)
    )


def read_opening_terms(title: str, description: str = "") -> OpeningTerms:
    """The facts above from a posting's title and description."""
    text = f"{title}\n{description}"
    ages_max = [int(m.group(1)) - (m.group(2) == "미만") for m in _AGE_MAX.finditer(text)]
    ages_min = [int(m.group(1)) for m in _AGE_MIN.finditer(text)]
    age_max = max(ages_max) if ages_max else None
    age_min = min(ages_min) if ages_min else None
    welcomes = bool(_SENIOR_WORDS.search(text)) or (age_max or 0) >= 60 or (age_min or 0) >= 50
    years = _CAREER_YEARS.search(title)
    return OpeningTerms(
        weekend_work=_works_weekends(text),
        age_min=age_min,
        age_max=age_max,
        welcomes_seniors=welcomes,
        career_years=int(years.group(1)) if years else None,
    )
