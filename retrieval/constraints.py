"""What a seeker's stated constraints do to the openings: hard filters and ranking tiers.

Hard filters remove an opening outright: expired, a shift or employment type the seeker
excluded, pay below the stated minimum, beyond commuting distance, an excluded occupation.
Unknown values (no shift given, 면접 후 결정) pass: the explanation says what to check.

Ranking tiers put real matches above look-alikes whatever the retrieval score says:
the wanted occupation above a related one above an unrelated one, and a posting that
requires a certificate the seeker lacks, or does not hire the seeker's visa, drops a tier.
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

__all__ = ["MatchPolicy", "allowed_rows", "distances_km", "tier_scores"]

#: Shifts that include night work (Korean 2교대 is usually 주야 맞교대).
NIGHT_SHIFTS = frozenset({"야간", "2교대", "3교대"})
#: E-9 (non-professional employment) workers may not be hired as dispatched or day labour.
E9_EXCLUDED_EMPLOYMENT = frozenset({"파견직", "일용직"})

WANTED, RELATED, UNKNOWN_FAMILY, OTHER = 2.0, 1.0, 0.5, 0.0
TIER_PENALTY = 2.0
SOFT = 0.3


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
    lat2, lon2 = np.radians(catalog.lat), np.radians(catalog.lon)
    a = (
        np.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * np.cos(lat2) * np.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371.0 * np.arcsin(np.sqrt(a)) * nlu.ROAD_FACTOR


def excluded_shifts(profile: nlu.SeekerProfile) -> frozenset[str]:
    """Shifts the seeker rules out; wanting only 주간 ("주간 일자리") rules out night work.

    Wanting a night or rotating shift ("2교대 괜찮아요") rules nothing out: it is a welcome.
    """
    if profile.wanted_shifts == frozenset({"주간"}):
        return profile.excluded_shifts | NIGHT_SHIFTS
    return profile.excluded_shifts


def allowed_rows(
    catalog: Catalog,
    profile: nlu.SeekerProfile,
    *,
    as_of: date,
    distance: np.ndarray,
    policy: MatchPolicy,
) -> np.ndarray:
    """Boolean mask over catalog rows: the openings that pass every hard filter."""
    import numpy as np

    mask = catalog.closes_on >= as_of.toordinal()
    shifts = excluded_shifts(profile)
    if shifts:
        mask &= ~np.isin(catalog.work_shift, list(shifts))
    employment = set(profile.excluded_employment_types)
    if profile.visa == "E-9":
        employment |= E9_EXCLUDED_EMPLOYMENT
    if employment:
        mask &= ~np.isin(catalog.employment_type, list(employment))
    if profile.excluded_families:
        mask &= ~np.isin(catalog.family, list(profile.excluded_families))
    if profile.min_monthly_pay:
        best_pay = np.where(np.isnan(catalog.pay_max), catalog.pay_min, catalog.pay_max)
        mask &= np.isnan(best_pay) | (best_pay >= profile.min_monthly_pay)
    if not profile.region_anywhere:
        limit = profile.max_commute_km or policy.commute_km
        near = np.isnan(distance) | (distance <= limit)
        # Someone who needs a dormitory will move for the job; far openings with one qualify.
        if profile.needs_dormitory:
            near |= catalog.dormitory
        mask &= near
    return mask


def tier_scores(catalog: Catalog, rows: np.ndarray, profile: nlu.SeekerProfile) -> np.ndarray:
    """Structured score of the given rows (float64): occupation tier minus penalties.

    Tiers dominate the fused retrieval score (which lies in [0, 1]).
    """
    import numpy as np

    tables = nlu.load_tables()
    wanted = set(profile.wanted_families)
    related = {r for f in wanted if f in tables.occupations for r in tables.occupations[f].related}
    lacking = set(profile.certificates_lacking)
    held = set(profile.certificates_held)
    foreigner = profile.visa is not None
    years = {e.family: e.years for e in profile.experience if e.years is not None}

    scores = np.zeros(len(rows), dtype=np.float64)
    for i, row in enumerate(rows):
        family = catalog.family[row]
        if wanted:
            if family in wanted:
                score = WANTED
            elif family is None:
                score = UNKNOWN_FAMILY
            elif family in related:
                score = RELATED
            else:
                score = OTHER
        else:
            score = 0.0
        certs = catalog.certificates[row]
        required = {c for c, need in certs.items() if need == "required"}
        if required & lacking:
            score -= TIER_PENALTY
        if foreigner:
            hires = catalog.foreign_workers[row]
            score += -TIER_PENALTY if hires == "domestic_only" else SOFT if hires == "e9_ok" else 0.0
        if profile.wanted_shifts and catalog.work_shift[row] in profile.wanted_shifts:
            score += SOFT / 2
        if catalog.employment_type[row] in profile.wanted_employment_types:
            score += SOFT / 2
        score += SOFT * len(held & set(certs)) / max(len(certs), 1)
        if profile.needs_dormitory:
            score += SOFT if catalog.dormitory[row] else -SOFT
        needed_years = catalog.career_years_min[row]
        have = years.get(family) if family else None
        if have is not None and not np.isnan(needed_years) and have < needed_years:
            score -= SOFT
        scores[i] = score
    return scores
