"""What a seeker's stated constraints do to the openings: the hard filters.

A hard filter removes an opening outright: expired, a shift or employment type the seeker
excluded, weekend work for one who rules weekends out (weekday-only work for one who can work
only weekends), pay below the stated minimum, a 필수
certificate the seeker says they lack, a posting that does not hire the seeker's visa.
Unknown values (no shift given, 면접 후 결정) pass: the explanation says what to check. Everything else is a
bounded re-scoring of the retrieval fusion (:mod:`retrieval.fusion`), never a gate:
distance too (:func:`beyond_commute`), since seekers do take a longer commute for the
right job.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

import nlu
from retrieval.catalog import Catalog

if TYPE_CHECKING:
    import numpy as np

__all__ = [
    "NIGHT_SHIFTS",
    "MatchPolicy",
    "allowed_rows",
    "beyond_commute",
    "distances_km",
    "excluded_shifts",
    "home_region",
    "in_home_town",
    "nearness",
]

#: Shifts that include night work (Korean 2교대 is usually 주야 맞교대).
NIGHT_SHIFTS = frozenset({"야간", "2교대", "3교대"})
#: E-9 (non-professional employment) workers may not be hired as dispatched or day labour.
E9_EXCLUDED_EMPLOYMENT = frozenset({"파견직", "일용직"})


@dataclass(frozen=True)
class MatchPolicy:
    """Knobs of constraint handling (from the settings)."""

    commute_km: float = 35.0
    default_home_region: str = "군산"


def home_region(profile: nlu.SeekerProfile, policy: MatchPolicy) -> nlu.Region | None:
    """Where the seeker lives: as stated, else the center's default."""
    tables = nlu.load_tables()
    if profile.home_region and profile.home_region in tables.regions:
        return tables.regions[profile.home_region]
    return nlu.resolve_region(policy.default_home_region)


def distances_km(catalog: Catalog, home: nlu.Region | None) -> np.ndarray:
    """Approximate road distance from ``home`` to every opening (NaN when unknown)."""
    import numpy as np

    if home is None:
        return np.full(len(catalog), np.nan)
    lat1, lon1 = math.radians(home.lat), math.radians(home.lon)
    lat2, lon2 = np.radians(catalog.points[:, 0]), np.radians(catalog.points[:, 1])
    a = (
        np.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * np.cos(lat2) * np.sin((lon2 - lon1) / 2) ** 2
    )
    per_point = 2 * 6371.0 * np.arcsin(np.sqrt(a)) * nlu.ROAD_FACTOR
    return per_point[catalog.point_of]


def excluded_shifts(profile: nlu.SeekerProfile) -> frozenset[str]:
    """Shifts the seeker rules out; wanting only 주간 ("주간 일자리") or hours within the day
    ("10시부터 3시까지만") rules out night work.

    Wanting a night or rotating shift ("2교대 괜찮아요") rules nothing out: it is a welcome.
    """
    if profile.wanted_shifts == frozenset({"주간"}) or _daytime_window(profile):
        return profile.excluded_shifts | NIGHT_SHIFTS
    return profile.excluded_shifts


#: Hours a window must lie within to be a day job only ("10시부터 3시까지만").
DAY_FROM, DAY_UNTIL = 6.0, 20.0


def _daytime_window(profile: nlu.SeekerProfile) -> bool:
    """The hours the seeker can work lie within the day: night and rotating shifts cannot be."""
    window = profile.work_window()
    return window is not None and DAY_FROM <= window[0] < window[1] <= DAY_UNTIL


def allowed_rows(catalog: Catalog, profile: nlu.SeekerProfile, *, as_of: date) -> np.ndarray:
    """Boolean mask over catalog rows: the openings that pass every hard filter."""
    import numpy as np

    mask = catalog.closes_on >= as_of.toordinal()
    shifts = excluded_shifts(profile)
    if shifts:
        mask &= ~catalog.work_shift.isin(shifts)
    if "야간" in shifts:
        assert catalog.overnight is not None  # filled in by Catalog
        mask &= ~catalog.overnight  # "24시간 격일제" with no shift field is night work too
    employment = set(profile.excluded_employment_types)
    if profile.visa == "E-9":
        employment |= E9_EXCLUDED_EMPLOYMENT
    if employment:
        mask &= ~catalog.employment_type.isin(employment)
    lacking = catalog.cert_columns(set(profile.certificates_lacking))
    if lacking.any():
        mask &= ~catalog.cert_required[:, lacking].any(axis=1)
    if profile.visa is not None:
        mask &= ~catalog.foreign_workers.isin({"domestic_only"})
    if profile.excluded_regions:  # "아 익산 말고 군산이요"
        assert catalog.town is not None  # filled in by Catalog
        mask &= ~catalog.town.isin(set(profile.excluded_regions))
    if profile.no_weekends:
        assert catalog.weekend_work is not None  # filled in by Catalog
        mask &= ~catalog.weekend_work
    if profile.weekends_only:
        assert catalog.weekdays_only is not None  # filled in by Catalog
        mask &= ~catalog.weekdays_only
    if profile.min_monthly_pay:
        # a rate asked ("시급 만원") is met by the rate; a month ("월 250") by a month's work
        assert catalog.worked is not None  # filled in by Catalog
        best = catalog.best_pay if profile.min_pay_rate else catalog.best_pay * catalog.worked
        mask &= np.isnan(best) | (best >= profile.min_monthly_pay)
    return mask


def beyond_commute(
    catalog: Catalog,
    rows: np.ndarray,
    profile: nlu.SeekerProfile,
    *,
    distance: np.ndarray,
    policy: MatchPolicy,
) -> np.ndarray:
    """How far beyond a commute each given row lies, in [0, 1] (1 = twice the limit or more).

    0 for anywhere-seekers, unknown places, and far openings with a dormitory for a seeker
    who needs one (they will move for the job).
    """
    import numpy as np

    if profile.region_anywhere:
        return np.zeros(len(rows))
    limit = profile.max_commute_km or policy.commute_km
    with np.errstate(invalid="ignore"):
        over = np.clip((distance[rows] - limit) / limit, 0.0, 1.0)
    over = np.nan_to_num(over, nan=0.0)
    if profile.moves_for_dormitory():
        over[catalog.dormitory[rows]] = 0.0
    return over


def nearness(
    rows: np.ndarray, profile: nlu.SeekerProfile, *, distance: np.ndarray, policy: MatchPolicy
) -> np.ndarray:
    """How near home each given row lies, in [0, 1] (1 = in the seeker's town, 0 = at the
    commute limit or beyond, or unknown), for a seeker who said where they live.

    Without a stated home the center's default is a guess, so it pulls nothing.
    """
    import numpy as np

    if profile.home_region is None or profile.region_anywhere:
        return np.zeros(len(rows))
    limit = profile.max_commute_km or policy.commute_km
    with np.errstate(invalid="ignore"):
        near = np.clip(1.0 - distance[rows] / limit, 0.0, 1.0)
    return np.nan_to_num(near, nan=0.0)


def in_home_town(catalog: Catalog, rows: np.ndarray, profile: nlu.SeekerProfile) -> np.ndarray:
    """Whether each given row lies in the 시/군 the seeker named to work in, or else of the home
    they stated (bool).

    "익산이요", "집이 서천 장항이에요": a counselor shows the openings of that town first; "익산
    식품클러스터 … 있을까요? … 대야 살아요": Iksan's, not the home's. Without a stated place
    (the center's default is a guess) or for an anywhere-seeker: none.
    """
    import numpy as np

    tables = nlu.load_tables()
    towns = {tables.town_of(r) for r in profile.work_regions} - {None}
    towns = towns or {tables.town_of(profile.home_region)} - {None}
    if not towns or profile.region_anywhere:
        return np.zeros(len(rows), dtype=bool)
    assert catalog.town is not None  # filled in by Catalog
    return catalog.town.isin(towns, rows)
