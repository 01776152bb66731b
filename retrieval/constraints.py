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
        mask &= ~catalog.work_shift.isin(shifts)
    employment = set(profile.excluded_employment_types)
    if profile.visa == "E-9":
        employment |= E9_EXCLUDED_EMPLOYMENT
    if employment:
        mask &= ~catalog.employment_type.isin(employment)
    if profile.excluded_families:
        mask &= ~catalog.family.isin(set(profile.excluded_families))
    if profile.min_monthly_pay:
        best_pay = catalog.best_pay
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

    Tiers dominate the fused retrieval score (which lies in [0, 1]). All rows are scored
    at once, one term after the other in the order below.
    """
    import numpy as np

    tables = nlu.load_tables()
    wanted = set(profile.wanted_families)
    related = {r for f in wanted if f in tables.occupations for r in tables.occupations[f].related}
    years = {e.family: e.years for e in profile.experience if e.years is not None}
    rows = np.asarray(rows, dtype=np.int64)
    families = catalog.family.codes[rows]
    labels = catalog.family.labels

    def family_tier(family: str | None) -> float:
        if family in wanted:
            return WANTED
        if family is None:
            return UNKNOWN_FAMILY
        return RELATED if family in related else OTHER

    if wanted:
        scores = np.asarray([family_tier(f) for f in labels], dtype=np.float64)[families]
    else:
        scores = np.zeros(len(rows), dtype=np.float64)
    required = catalog.cert_required[rows]
    listed = catalog.cert_listed[rows]
    lacking = catalog.cert_columns(set(profile.certificates_lacking))
    scores -= np.where(required[:, lacking].any(axis=1), TIER_PENALTY, 0.0)
    if profile.visa is not None:
        hires = {"domestic_only": -TIER_PENALTY, "e9_ok": SOFT}
        bonus = np.asarray([hires.get(h or "", 0.0) for h in catalog.foreign_workers.labels])
        scores += bonus[catalog.foreign_workers.codes[rows]]
    if profile.wanted_shifts:
        scores += np.where(catalog.work_shift.isin(profile.wanted_shifts, rows), SOFT / 2, 0.0)
    wanted_types = profile.wanted_employment_types
    scores += np.where(catalog.employment_type.isin(wanted_types, rows), SOFT / 2, 0.0)
    held = catalog.cert_columns(set(profile.certificates_held))
    shared = listed[:, held].sum(axis=1)
    scores += SOFT * shared / np.maximum(listed.sum(axis=1), 1)
    if profile.needs_dormitory:
        scores += np.where(catalog.dormitory[rows], SOFT, -SOFT)
    have = np.asarray([years.get(f, np.nan) if f else np.nan for f in labels], dtype=np.float64)
    with np.errstate(invalid="ignore"):
        short = have[families] < catalog.career_years_min[rows]  # NaN on either side: False
    scores -= np.where(short, SOFT, 0.0)
    return scores
