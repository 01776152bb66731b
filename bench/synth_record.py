"""One synthetic opening: its canonical CSV fields, its ground truth and the CSV writer."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TextIO

__all__ = [
    "AS_OF",
    "CSV_COLUMNS",
    "HOURS_PER_MONTH",
    "SyntheticOpening",
    "monthly_pay",
    "render_csv",
    "write_csv",
]

CSV_COLUMNS = (
    "source", "source_id", "company", "title", "occupation", "description", "region",
    "salary_type", "salary_min", "salary_max", "career", "career_years_min", "education",
    "certificates", "employment_type", "work_shift", "closes_on", "contact",
)  # fmt: skip

#: The day the committed openings are generated as of (expiry and registration dates).
AS_OF = date(2026, 11, 1)
HOURS_PER_MONTH = 209  # 주 40시간 + 주휴, the legal monthly conversion


@dataclass(slots=True)
class SyntheticOpening:
    """One synthetic opening: the canonical CSV fields, then ground truth for labeling."""

    source: str
    source_id: str
    company: str
    title: str
    occupation: str
    description: str
    region: str
    salary_type: str
    salary_min: int
    salary_max: int | None
    career: str
    career_years_min: int | None
    education: str
    certificates: str
    employment_type: str
    work_shift: str
    closes_on: str
    contact: str
    # ground truth, never written to the CSV
    family: str
    city: str
    area: str
    required_certs: tuple[str, ...] = ()
    preferred_certs: tuple[str, ...] = ()
    e9_ok: bool | None = None  # True: 외국인(E-9) 가능 stated; False: 내국인만; None: silent
    dormitory: bool = False
    commute_bus: bool = False
    meals: bool = False
    night_work: bool = False
    expired: bool = False
    is_trap: bool = False
    trap_kind: str | None = None
    lookalike_of: str | None = None  # for look-alike traps: the family they imitate
    duplicate_of: str | None = None  # key of the posting this one re-posts
    registered_on: date = field(default=AS_OF)

    @property
    def key(self) -> str:
        """The ``"<source>:<source_id>"`` key the dev set uses."""
        return f"{self.source}:{self.source_id}"

    @property
    def monthly_pay_max(self) -> int:
        """The best monthly pay the posting offers, in KRW (see :func:`monthly_pay`)."""
        return monthly_pay(self.salary_type, self.salary_max or self.salary_min)

    @property
    def monthly_pay_min(self) -> int:
        """The lowest monthly pay the posting offers, in KRW."""
        return monthly_pay(self.salary_type, self.salary_min)

    def csv_row(self) -> list[str]:
        """The canonical CSV cells, in :data:`CSV_COLUMNS` order."""
        return [
            self.source, self.source_id, self.company, self.title, self.occupation,
            self.description, self.region, self.salary_type, str(self.salary_min),
            "" if self.salary_max is None else str(self.salary_max), self.career,
            "" if self.career_years_min is None else str(self.career_years_min),
            self.education, self.certificates, self.employment_type, self.work_shift,
            self.closes_on, self.contact,
        ]  # fmt: skip


def monthly_pay(salary_type: str, amount: int) -> int:
    """Convert a pay amount to KRW per month: 시급 × 209 hours, 연봉 / 12, 월급 as is."""
    if salary_type == "시급":
        return amount * HOURS_PER_MONTH
    if salary_type == "연봉":
        return amount // 12
    return amount


def write_csv(openings: Iterable[SyntheticOpening], path: Path | str) -> int:
    """Write the canonical CSV (UTF-8, header first, ``\\n`` line ends); return the row count."""
    with open(path, "w", encoding="utf-8", newline="") as handle:
        return _write_rows(handle, openings)


def render_csv(openings: Iterable[SyntheticOpening]) -> str:
    """The text :func:`write_csv` would write."""
    buffer = io.StringIO(newline="")
    _write_rows(buffer, openings)
    return buffer.getvalue()


def _write_rows(handle: TextIO, openings: Iterable[SyntheticOpening]) -> int:
    writer = csv.writer(handle, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    count = 0
    for opening in openings:
        writer.writerow(opening.csv_row())
        count += 1
    return count
