"""The openings' normalized facts as column arrays, for fast filtering and scoring.

Loaded once from the database when a :class:`retrieval.matcher.Matcher` starts (and
refreshed after imports); rows are in ascending opening-id order. Text columns are kept
as small integer codes (:class:`Codes`) so a filter over 100k openings is one table
lookup instead of 100k string comparisons.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

import nlu
from nlu.industries import load_industries
from nlu.keco import Keco, load_keco
from nlu.occupation_class import TEACHING, OccupationClass, classify_opening, named_codes
from nlu.opening_terms import (
    HEAVY_TRADES,
    STANDING_TRADES,
    STRAIN_LIMITS,
    WEEKS_A_MONTH,
    OpeningTerms,
    read_opening_terms,
)
from storage.models import Opening

if TYPE_CHECKING:
    import numpy as np

__all__ = ["Catalog", "Codes", "OPEN_ENDED_ORDINAL"]

#: Ordinal standing for "no closing date" (상시): later than any real date.
OPEN_ENDED_ORDINAL = date.max.toordinal()
#: Fewer hours a month than this at an hourly rate is part-time work (full time counts 209).
PART_TIME_HOURS = 150


@dataclass(frozen=True)
class Codes:
    """A text column as integers: row ``i`` holds ``labels[codes[i]]`` (``None`` = unknown)."""

    codes: np.ndarray  # int32, one per row
    labels: tuple[str | None, ...]

    @classmethod
    def of(cls, values: Sequence[str | None]) -> Codes:
        """Encode a column of values."""
        import numpy as np

        positions: dict[str | None, int] = {}
        codes = np.fromiter(
            (positions.setdefault(v, len(positions)) for v in values), np.int32, len(values)
        )
        return cls(codes, tuple(positions))

    def table(self, values: Collection[str | None]) -> np.ndarray:
        """Boolean per label (index = code): the label is one of ``values``."""
        import numpy as np

        return np.fromiter((label in values for label in self.labels), bool, len(self.labels))

    def isin(self, values: Collection[str | None], rows: np.ndarray | None = None) -> np.ndarray:
        """Boolean per row (all rows, or the given ones): its value is one of ``values``."""
        codes = self.codes if rows is None else self.codes[rows]
        return self.table(values)[codes]


@dataclass
class Catalog:
    """Column arrays over all openings (index i = the i-th smallest opening id)."""

    ids: np.ndarray  # int64
    family: Codes  # family id or None
    closes_on: np.ndarray  # int64 date ordinal; OPEN_ENDED_ORDINAL when open-ended
    work_shift: Codes  # 주간 | 2교대 | 3교대 | 야간 | None
    employment_type: Codes  # 정규직 | 계약직 | 일용직 | 파견직 | None
    pay_min: np.ndarray  # float64 monthly KRW, NaN when unknown
    pay_max: np.ndarray  # float64 monthly KRW, NaN when unknown
    lat: np.ndarray  # float64, NaN when the region is unknown
    lon: np.ndarray  # float64
    foreign_workers: Codes  # e9_ok | domestic_only | unknown
    dormitory: np.ndarray  # bool
    certificates: list[dict[str, str]]  # per row: {certificate id: required | preferred}
    career_years_min: np.ndarray  # float64, NaN when none
    #: KECO code of each opening's class, None when unknown (see nlu.occupation_class);
    #: all unknown when not given.
    occupation: Codes | None = None
    #: The code the title's words give where it differs from the class, else None.
    occupation_title: Codes | None = None
    career: Codes | None = None  # 신입 | 경력 | 무관 | None
    #: The 시/군 each opening lies in (nlu.Tables.town_of), None when unknown; all unknown
    #: when not given.
    town: Codes | None = None
    commute_bus: np.ndarray | None = None  # bool; all False when not given
    #: bool: paid by the day (일급), whatever the employment type; all False when not given.
    daily_pay: np.ndarray | None = None
    #: bool: the posting says it works weekends (주6일, 월~토, 토·일 …); all False when not given.
    weekend_work: np.ndarray | None = None
    #: bool: the posting says it works weekdays only (평일, 월~금, 토·일 휴무); all False when not given.
    weekdays_only: np.ndarray | None = None
    #: float64 ages the posting states ("60세 이상", "70세 이하"), NaN when none.
    age_min: np.ndarray | None = None
    age_max: np.ndarray | None = None
    #: bool: the posting welcomes seniors (어르신 가능, 60대 가능, 연령 무관 …).
    welcomes_seniors: np.ndarray | None = None
    welcomes_migrants: np.ndarray | None = None  # … and those who married into Korea
    #: The part of the day the whole shift lies in (오전 | 오후 | None) and the hours a day
    #: (float64, NaN when unstated) the posting states (nlu.opening_terms).
    part_of_day: Codes | None = None
    daily_hours: np.ndarray | None = None
    #: float64 hours after midnight the posting's stated hours start and end, NaN when none.
    starts_at: np.ndarray | None = None
    ends_at: np.ndarray | None = None
    #: For an instructor's job (KECO 214…), the 소분류 of the trade its title teaches
    #: ("전기 실기 훈련교사" → 831), else None.
    taught: Codes | None = None
    #: The kinds of work the title names within units that file several (``works.csv``), as
    #: one label "unit:work|unit:work" ("선박 블록 CO2 용접사" → "8241:용접"), None for none.
    title_works: Codes | None = None
    #: bool: the title offers a helper's job ("… 보조", "보조원").
    helper: np.ndarray | None = None
    #: Per limit a seeker may name (heavy, standing, heights, stairs, travel): bool, the work demands it.
    strain: dict[str, np.ndarray] = field(default_factory=dict)
    #: bool: the work goes through the night whatever the shift field says (nlu.opening_terms).
    overnight: np.ndarray | None = None
    #: bool: the posting says the work is done sitting (nlu.opening_terms).
    seated: np.ndarray | None = None
    #: bool: the posting works the weekdays and the weekend (월~토, 주6일; nlu.opening_terms).
    whole_week: np.ndarray | None = None
    #: bool: the posting hires for a season or a few weeks (단기, 12월 한 달; nlu.opening_terms).
    short_term: np.ndarray | None = None
    #: bool: the posting works the weekend only (토, 일; nlu.opening_terms).
    weekend_only: np.ndarray | None = None
    #: Per industry the posting's title or text names (nlu.industries): bool.
    industries: dict[str, np.ndarray] = field(default_factory=dict)
    #: float64 share of a full-time month the posting works (1 unless its hours and days say
    #: part-time: "시급, 토·일 08:00~12:00" is 35 of 209 hours); ``pay_*`` are full-time rates.
    worked: np.ndarray | None = None
    #: The best pay stated (the maximum, else the minimum), NaN when unknown.
    best_pay: np.ndarray = field(init=False, repr=False)

    def earned(self, pay: np.ndarray, rows: np.ndarray) -> np.ndarray:
        """What ``pay`` (full-time monthly equivalents of ``rows``) earns a month at the
        hours the postings work."""
        assert self.worked is not None  # filled in by Catalog
        return pay * self.worked[rows]

    #: Certificate ids, the columns of the two matrices below.
    cert_labels: tuple[str, ...] = field(init=False, repr=False)
    #: bool (rows, certificates): the opening requires the certificate.
    cert_required: np.ndarray = field(init=False, repr=False)
    #: bool (rows, certificates): the opening names the certificate (required or preferred).
    cert_listed: np.ndarray = field(init=False, repr=False)
    #: bool per certificate column: an everyday driving licence (1종·2종 보통), which most
    #: adults hold, unlike a trade's certificate or licence.
    cert_everyday: np.ndarray = field(init=False, repr=False)
    #: The distinct (lat, lon) points of the openings, float64 (points, 2), NaN when unknown,
    #: and the point of each row: openings lie at a few hundred places (their regions), so
    #: a distance from a new home is that many haversines, not one per opening.
    points: np.ndarray = field(init=False, repr=False)
    point_of: np.ndarray = field(init=False, repr=False)

    def __post_init__(self) -> None:
        import numpy as np

        unknown = Codes.of([None] * len(self.ids))
        self.occupation = self.occupation or unknown
        self.occupation_title = self.occupation_title or unknown
        self.career = self.career or unknown
        self.town = self.town or unknown
        self.part_of_day = self.part_of_day or unknown
        self.taught = self.taught or unknown
        self.title_works = self.title_works or unknown
        if self.daily_hours is None:
            self.daily_hours = np.full(len(self.ids), np.nan)
        if self.starts_at is None:
            self.starts_at = np.full(len(self.ids), np.nan)
        if self.ends_at is None:
            self.ends_at = np.full(len(self.ids), np.nan)
        if self.commute_bus is None:
            self.commute_bus = np.zeros(len(self.ids), dtype=bool)
        if self.daily_pay is None:
            self.daily_pay = np.zeros(len(self.ids), dtype=bool)
        if self.weekend_work is None:
            self.weekend_work = np.zeros(len(self.ids), dtype=bool)
        if self.helper is None:
            self.helper = np.zeros(len(self.ids), dtype=bool)
        if self.weekdays_only is None:
            self.weekdays_only = np.zeros(len(self.ids), dtype=bool)
        if self.overnight is None:
            self.overnight = np.zeros(len(self.ids), dtype=bool)
        if self.seated is None:
            self.seated = np.zeros(len(self.ids), dtype=bool)
        if self.whole_week is None:
            self.whole_week = np.zeros(len(self.ids), dtype=bool)
        if self.short_term is None:
            self.short_term = np.zeros(len(self.ids), dtype=bool)
        if self.weekend_only is None:
            self.weekend_only = np.zeros(len(self.ids), dtype=bool)
        if self.welcomes_seniors is None:
            self.welcomes_seniors = np.zeros(len(self.ids), dtype=bool)
        if self.welcomes_migrants is None:
            self.welcomes_migrants = np.zeros(len(self.ids), dtype=bool)
        if self.age_min is None:
            self.age_min = np.full(len(self.ids), np.nan)
        if self.age_max is None:
            self.age_max = np.full(len(self.ids), np.nan)

        located = np.column_stack([self.lat, self.lon])
        unknown_at = np.isnan(located).any(axis=1)
        located[unknown_at] = np.inf  # NaN never equals itself, so np.unique would keep each
        self.points, self.point_of = np.unique(located, axis=0, return_inverse=True)
        self.point_of = self.point_of.reshape(-1)
        self.points[np.isinf(self.points).any(axis=1)] = np.nan
        self.best_pay = np.where(np.isnan(self.pay_max), self.pay_min, self.pay_max)
        if self.worked is None:
            self.worked = np.ones(len(self.ids))
        labels = sorted({cert for certs in self.certificates for cert in certs})
        column = {cert: j for j, cert in enumerate(labels)}
        self.cert_labels = tuple(labels)
        known = nlu.load_tables().certificates
        self.cert_everyday = np.fromiter(
            (c in known and known[c].licence and known[c].family is None for c in labels),
            bool,
            len(labels),
        )
        self.cert_required = np.zeros((len(self.ids), len(labels)), dtype=bool)
        self.cert_listed = np.zeros((len(self.ids), len(labels)), dtype=bool)
        for row, certs in enumerate(self.certificates):
            for cert, need in certs.items():
                self.cert_listed[row, column[cert]] = True
                self.cert_required[row, column[cert]] = need == "required"

    def __len__(self) -> int:
        return len(self.ids)

    def rows_of(self, ids: np.ndarray) -> np.ndarray:
        """Row positions of opening ids (all must be present)."""
        import numpy as np

        return np.searchsorted(self.ids, ids)

    def cert_columns(self, certs: Collection[str]) -> np.ndarray:
        """Boolean per certificate column: the certificate is one of ``certs``."""
        import numpy as np

        return np.fromiter((c in certs for c in self.cert_labels), bool, len(self.cert_labels))

    @classmethod
    def load(cls, session: Session) -> Catalog:
        """Read every opening's facts from the database."""
        import numpy as np

        tables = nlu.load_tables()
        keco = load_keco()
        columns = (
            Opening.id, Opening.occupation_family, Opening.closes_on, Opening.work_shift,
            Opening.employment_type, Opening.monthly_pay_min, Opening.monthly_pay_max,
            Opening.region_id, Opening.foreign_workers, Opening.dormitory,
            Opening.certificates, Opening.career_years_min, Opening.open_ended,
            Opening.commute_bus, Opening.career, Opening.title, Opening.occupation_raw, Opening.occupation_code, Opening.description,
            Opening.salary_type, Opening.work_shift_raw,
        )  # fmt: skip
        # A retired opening is one that no source lists any more.
        current = select(*columns).where(Opening.retired_at.is_(None))
        rows = session.execute(current.order_by(Opening.id)).all()
        nan = float("nan")

        def coords(region_id: str | None) -> tuple[float, float]:
            region = tables.regions.get(region_id) if region_id else None
            return (region.lat, region.lon) if region else (nan, nan)

        points = [coords(r.region_id) for r in rows]
        classes = [_occupation_of(r, keco) for r in rows]
        # a 근무형태 cell ("시간제 / 주간 09:30~15:30 / 주5일") states hours the text may not
        terms = [
            read_opening_terms(r.title, f"{r.work_shift_raw}\n{r.description or ''}") for r in rows
        ]
        industries = load_industries()
        named = [
            industries.of_posting(r.title, r.occupation_raw or "", r.description or "")
            for r in rows
        ]

        def years_min(row: Any, said: int | None) -> float:
            # A 경력 posting whose field left the years out often says them in its title.
            if row.career_years_min is not None:
                return float(row.career_years_min)
            return float(said) if said is not None and row.career == "경력" else nan

        return cls(
            ids=np.asarray([r.id for r in rows], dtype=np.int64),
            family=Codes.of([r.occupation_family for r in rows]),
            occupation=Codes.of([c.code for c in classes]),
            occupation_title=Codes.of([c.title_code for c in classes]),
            career=Codes.of([r.career for r in rows]),
            commute_bus=np.asarray([bool(r.commute_bus) for r in rows], dtype=bool),
            daily_pay=np.asarray([r.salary_type == "일급" for r in rows], dtype=bool),
            closes_on=np.asarray(
                [
                    OPEN_ENDED_ORDINAL
                    if r.open_ended or not r.closes_on
                    else r.closes_on.toordinal()
                    for r in rows
                ],  # fmt: skip
                dtype=np.int64,
            ),
            work_shift=Codes.of([r.work_shift for r in rows]),
            employment_type=Codes.of([r.employment_type for r in rows]),
            pay_min=np.asarray([r.monthly_pay_min or nan for r in rows], dtype=np.float64),
            pay_max=np.asarray([r.monthly_pay_max or nan for r in rows], dtype=np.float64),
            worked=np.asarray(
                [_worked(r, t, tables.pay) for r, t in zip(rows, terms, strict=True)]
            ),
            lat=np.asarray([p[0] for p in points], dtype=np.float64),
            lon=np.asarray([p[1] for p in points], dtype=np.float64),
            town=Codes.of([tables.town_of(r.region_id) for r in rows]),
            foreign_workers=Codes.of([r.foreign_workers for r in rows]),
            dormitory=np.asarray([bool(r.dormitory) for r in rows], dtype=bool),
            certificates=[dict(r.certificates or {}) for r in rows],
            career_years_min=np.asarray(
                [years_min(r, t.career_years) for r, t in zip(rows, terms, strict=True)],
                dtype=np.float64,
            ),
            weekend_work=np.asarray([t.weekend_work for t in terms], dtype=bool),
            weekdays_only=np.asarray([t.weekdays_only for t in terms], dtype=bool),
            age_min=np.asarray([t.age_min or nan for t in terms], dtype=np.float64),
            age_max=np.asarray([t.age_max or nan for t in terms], dtype=np.float64),
            welcomes_seniors=np.asarray([t.welcomes_seniors for t in terms], dtype=bool),
            welcomes_migrants=np.asarray([t.welcomes_migrants for t in terms], dtype=bool),
            part_of_day=Codes.of([t.part_of_day for t in terms]),
            taught=Codes.of([_taught(r.title, c) for r, c in zip(rows, classes, strict=True)]),
            title_works=Codes.of([_title_works(r.title) for r in rows]),
            helper=np.asarray([_HELPER.search(r.title) is not None for r in rows], dtype=bool),
            daily_hours=np.asarray([t.daily_hours or nan for t in terms], dtype=np.float64),
            starts_at=np.asarray(
                [nan if t.starts_at is None else t.starts_at for t in terms], dtype=np.float64
            ),
            ends_at=np.asarray(
                [nan if t.ends_at is None else t.ends_at for t in terms], dtype=np.float64
            ),
            strain={
                limit: np.asarray(
                    [_strains(limit, t, c) for t, c in zip(terms, classes, strict=True)],
                    dtype=bool,
                )
                for limit in STRAIN_LIMITS
            },
            overnight=np.asarray([t.overnight for t in terms], dtype=bool),
            seated=np.asarray([t.seated for t in terms], dtype=bool),
            whole_week=np.asarray([t.whole_week for t in terms], dtype=bool),
            short_term=np.asarray([t.short_term for t in terms], dtype=bool),
            weekend_only=np.asarray([t.weekend_only for t in terms], dtype=bool),
            industries={
                industry: np.asarray([industry in n for n in named], dtype=bool)
                for industry in industries.names
            },
        )


def _worked(row: Any, terms: OpeningTerms, pay: nlu.PayConventions) -> float:
    """The share of a full-time month a part-time posting pays for: the stored monthly pay
    counts 209 hours or 22 days (data/normalization/pay.csv); "시급 12,000원, 토·일
    08:00~12:00" is 35 hours a month, not 209 (a 250만 floor is not met by it)."""
    if row.salary_type == "일급" and terms.days_a_week is not None and terms.days_a_week < 5:
        return terms.days_a_week * WEEKS_A_MONTH / pay.monthly_workdays
    hours = terms.monthly_hours()
    if row.salary_type == "시급" and hours is not None and hours < PART_TIME_HOURS:
        return hours / pay.monthly_hours
    return 1.0


def _strains(limit: str, terms: OpeningTerms, occupation: OccupationClass) -> bool:
    """The work demands what ``limit`` rules out: its text says so, or its trade is one of
    HEAVY_TRADES (heavy) or STANDING_TRADES (standing; a teacher of the trade is another
    class)."""
    code = occupation.code
    trades = {"heavy": HEAVY_TRADES, "standing": STANDING_TRADES}.get(limit, ())
    return limit in terms.strain or (code is not None and code.startswith(trades))


def _taught(title: str, occupation: OccupationClass) -> str | None:
    """The 소분류 of the trade an instructor's title teaches (None for other jobs)."""
    if occupation.code is None or not occupation.code.startswith(TEACHING):
        return None
    named = [c for c, _ in named_codes(title) if not c.startswith(TEACHING) and len(c) >= 3]
    return named[0][:3] if named else None


def _occupation_of(row: Any, keco: Keco) -> OccupationClass:
    """The opening's KECO class (code None when the classifier is not sure enough)."""
    found = _classify_head(row.title, row.occupation_raw or "", row.occupation_code)
    if found.code is not None and found.evidence != "":
        return found
    # Nothing in the head: the description decides (rarely needed, so not cached).
    return classify_opening(
        title=row.title,
        occupation=row.occupation_raw or "",
        jobs_cd=row.occupation_code,
        description=row.description or "",
        keco=keco,
    )


#: A helper's job named in a title: "설치 보조", "주방보조원" (not 보조금, a subsidy).
_HELPER = re.compile(r"보조(?!금)")


@functools.lru_cache(maxsize=65536)
def _title_works(title: str) -> str | None:
    """The kinds of work a title names, as one label (see :attr:`Catalog.title_works`)."""
    named = load_keco().works_named(title)
    return "|".join(f"{unit}:{work}" for unit, work in named) or None


@functools.lru_cache(maxsize=65536)
def _classify_head(title: str, occupation: str, jobs_cd: str | None) -> OccupationClass:
    # Postings repeat titles ("생산직 모집"): 100k openings hold far fewer distinct heads.
    return classify_opening(title=title, occupation=occupation, jobs_cd=jobs_cd)
