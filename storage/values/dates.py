"""Dates as postings write them.

Close dates come as ``2026-12-31``, ``20261231``, ``26-12-31``, ``2022.12.11 (마감 11일전)``,
a period (``2026.11.30 ~ 2026.12.22``: its end),
without a year (``~ 12/22(일)``), relative to the export (``오늘마감``, ``18시마감``,
``(내일 마감)``) or open-ended (``채용시까지``, ``상시채용``, ``99991231``), and 고용24 writes
both at once: ``채용시까지  26-11-30`` is open until filled, expected to close on that date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from storage import messages
from storage.errors import RowRejected

__all__ = ["Closing", "parse_closing", "parse_date"]

#: Words meaning "open until filled"; longest first so the whole word is removed.
OPEN_ENDED_WORDS = (
    "채용시까지", "채용시마감", "채용시", "충원시까지", "충원시", "마감시까지", "상시채용",
    "상시모집", "수시채용", "수시모집", "상시", "수시",
)  # fmt: skip
#: 고용24's "no close date" placeholders.
FAR_FUTURE = ("99991231", "9999-12-31", "9999.12.31", "9999/12/31")

_FULL = re.compile(r"(?<!\d)(\d{4}|\d{2})\s*[.\-/년]\s*(\d{1,2})\s*[.\-/월]\s*(\d{1,2})(?!\d)")
_DIGITS = re.compile(r"(?<!\d)(\d{4}|\d{2})(\d{2})(\d{2})(?:\d{4}|\d{6})?(?!\d)")
_MONTH_DAY = re.compile(r"(?<!\d)(\d{1,2})\s*[/.월]\s*(\d{1,2})(?!\d)")
_HOUR_CLOSE = re.compile(r"\d{1,2}시마감")
_D_DAY = re.compile(r"D-(\d{1,3})(?!\d)", re.IGNORECASE)


@dataclass(frozen=True)
class Closing:
    """When a posting closes: ``on`` (expected) and whether it stays open until filled."""

    on: date | None
    open_ended: bool


def parse_closing(raw: str, *, reference: date, today: date) -> Closing:
    """Read a close date.

    ``reference`` completes a date written without a year (the next such date on or after it:
    the registration date when known, else the import date); ``today`` anchors 오늘/내일 마감.
    Raises :class:`RowRejected` for text that is none of the known forms or an impossible date.
    """
    text = raw.strip()
    compact = re.sub(r"\s+", "", text)
    if not compact:
        return Closing(None, False)
    if compact in FAR_FUTURE:
        return Closing(None, True)
    open_word = next((w for w in OPEN_ENDED_WORDS if w in compact), None)
    rest = compact.replace(open_word, " ") if open_word else compact
    on = _explicit_date(raw, rest, reference) or _relative_date(rest, today)
    if on is None and open_word is None:
        raise RowRejected(messages.CLOSE_UNREADABLE.format(value=raw.strip()))
    return Closing(on, open_word is not None)


def parse_date(raw: str) -> date | None:
    """A full date (``26-10-01``, ``2026.10.01``, ``24/12/11``, ``202610201034``), else ``None``."""
    compact = re.sub(r"\s+", "", raw)
    match = _FULL.search(compact) or _DIGITS.search(compact)
    if not match:
        return None
    try:
        return _full_date(*match.groups())
    except ValueError:
        return None


def _full_date(year_text: str, month: str, day: str) -> date:
    year = int(year_text)
    return date(year + 2000 if year < 100 else year, int(month), int(day))


def _explicit_date(raw: str, rest: str, reference: date) -> date | None:
    """The date written, or the last one of a period ("2026.11.30 ~ 2026.12.22")."""
    full = _last(_FULL, rest) or _last(_DIGITS, rest)
    try:
        if full:
            return _full_date(*full.groups())
        month_day = _last(_MONTH_DAY, rest)
        if month_day:
            return _next_month_day(int(month_day.group(1)), int(month_day.group(2)), reference)
    except ValueError as exc:
        raise RowRejected(messages.CLOSE_IMPOSSIBLE.format(value=raw.strip())) from exc
    return None


def _last(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    matches = list(pattern.finditer(text))
    return matches[-1] if matches else None


def _next_month_day(month: int, day: int, reference: date) -> date:
    """The first ``month``/``day`` on or after ``reference`` (29 Feb: the next leap year)."""
    date(2000, month, day)  # raises ValueError for a day no year has
    for year in range(reference.year, reference.year + 9):
        try:
            candidate = date(year, month, day)
        except ValueError:
            continue
        if candidate >= reference:
            return candidate
    raise ValueError(f"{month}/{day}")


def _relative_date(rest: str, today: date) -> date | None:
    if "오늘마감" in rest or _HOUR_CLOSE.search(rest):
        return today
    if "내일마감" in rest:
        return today + timedelta(days=1)
    d_day = _D_DAY.search(rest)
    if d_day:
        return today + timedelta(days=int(d_day.group(1)))
    return None
