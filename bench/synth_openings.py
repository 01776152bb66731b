"""Generate realistic synthetic job openings for the Gunsan industrial complex.

Every company, contact and id is fictional. The output is deterministic for a given
``(n, seed, as_of)``: the committed ``data/openings/gunsan_openings.csv`` is
``generate_openings(320, seed=7)`` and a test checks that byte for byte.

Besides the canonical CSV fields each :class:`SyntheticOpening` carries ground truth
(occupation family, trap kind, required/preferred certificates, E-9, dormitory, night
work, city, expiry, cross-source duplicate) that only the labeling of the dev set may
read; a retrieval system must work from the CSV text alone.

This module plans and draws the openings; the vocabulary lives in sibling modules:
:mod:`synth_record` (the record and its CSV), :mod:`synth_places`, :mod:`synth_family`,
:mod:`synth_families` and :mod:`synth_yard_trades` (occupation families),
:mod:`synth_traps`, :mod:`synth_companies`, :mod:`synth_text` (titles and descriptions)
and :mod:`synth_sources` (re-posts and ids). Every draw comes from one ``random.Random``
in a fixed order, so moving or reordering a draw changes the generated files.

Usage::

    python bench/synth_openings.py 320 data/openings/gunsan_openings.csv --seed 7
    python bench/synth_openings.py 100000 /tmp/openings_100k.csv
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from pathlib import Path

from synth_companies import company_contact, company_name
from synth_families import FAMILIES, FAMILY_BY_ID, FAMILY_IDS
from synth_family import Family, Variant
from synth_places import AREAS, FAR_CITIES, PROFILES, Area
from synth_record import (
    AS_OF,
    CSV_COLUMNS,
    HOURS_PER_MONTH,
    SyntheticOpening,
    monthly_pay,
    render_csv,
    write_csv,
)
from synth_sources import SOURCE_WEIGHTS, SOURCES, assign_ids, repost
from synth_text import posting_description, posting_title
from synth_traps import LOOKALIKE_FAMILY_IDS, LOOKALIKES, TRAP_CERTS, TRAP_FAMILIES, TRAP_KINDS

__all__ = [
    "AS_OF",
    "COMMITTED_COUNT",
    "COMMITTED_SEED",
    "CSV_COLUMNS",
    "FAMILY_IDS",
    "FAMILIES",
    "LOOKALIKE_FAMILY_IDS",
    "TRAP_KINDS",
    "SyntheticOpening",
    "generate_openings",
    "monthly_pay",
    "render_csv",
    "write_csv",
]

COMMITTED_COUNT = 320
COMMITTED_SEED = 7
MIN_HOURLY = 10_320  # 2026 최저시급

SHIFTS = ("주간", "2교대", "3교대", "야간")
EMPLOYMENT_TYPES = ("정규직", "계약직", "일용직", "파견직")

TRAP_SHARE = 0.12  # of all openings; TRAP_KINDS splits them
DUPLICATE_SHARE = 15 / 320
EXPIRED_SHARE = 0.10
ALWAYS_OPEN_SHARE = 0.15


def generate_openings(
    n: int, *, seed: int = COMMITTED_SEED, as_of: date = AS_OF
) -> list[SyntheticOpening]:
    """Generate ``n`` openings (cross-source duplicates included), deterministic in ``seed``.

    The result is in posting order (shuffled), each with a unique ``(source, source_id)``.
    """
    if n < 1:
        return []
    return _Generator(random.Random(seed), as_of).run(n)


def _exact_counts(total: int, weights: dict[str, float]) -> dict[str, int]:
    """Split ``total`` over ``weights`` by largest remainder, so shares are exact."""
    norm = sum(weights.values())
    raw = {k: total * w / norm for k, w in weights.items()}
    counts = {k: int(v) for k, v in raw.items()}
    leftovers = sorted(raw, key=lambda k: (counts[k] - raw[k], k))
    for k in leftovers[: total - sum(counts.values())]:
        counts[k] += 1
    return counts


class _Generator:
    """Holds the random source, the as-of date and the place lookups of one generation run."""

    def __init__(self, rng: random.Random, as_of: date) -> None:
        self.rng = rng
        self.as_of = as_of
        self._city_areas: dict[str, tuple[list[Area], list[float]]] = {}
        for area in AREAS:
            areas, weights = self._city_areas.setdefault(area.city, ([], []))
            areas.append(area)
            weights.append(area.weight)
        self._profile_cum = {
            name: (list(cities), _cumulative(cities.values())) for name, cities in PROFILES.items()
        }

    # -- plan

    def run(self, n: int) -> list[SyntheticOpening]:
        rng = self.rng
        n_dup = round(n * DUPLICATE_SHARE) if n >= 20 else 0
        n_base = n - n_dup
        n_trap = round(n * TRAP_SHARE)
        trap_counts = _exact_counts(n_trap, TRAP_KINDS)
        slots: list[str | None] = [k for k, c in trap_counts.items() for _ in range(c)]
        slots += [None] * (n_base - len(slots))
        rng.shuffle(slots)
        n_plain = n_base - n_trap
        closing = ["expired"] * min(n_plain, round(n * EXPIRED_SHARE))
        closing += ["always"] * min(n_plain - len(closing), round(n * ALWAYS_OPEN_SHARE))
        closing += ["open"] * (n_plain - len(closing))
        rng.shuffle(closing)
        # Exact shares per family, so even a small file has every family in proportion.
        family_counts = _exact_counts(n_plain, {f.id: f.weight for f in FAMILIES})
        families = [FAMILY_BY_ID[k] for k, c in family_counts.items() for _ in range(c)]
        rng.shuffle(families)
        plain_plan = iter(zip(families, closing, strict=True))
        openings = [
            self._opening(kind, None, "open") if kind else self._opening(None, *next(plain_plan))
            for kind in slots
        ]
        plain = [o for o in openings if not o.is_trap and not o.expired]
        chosen = rng.sample(plain, min(n_dup, len(plain)))
        pairs = [(repost(rng, base), base) for base in chosen]
        openings.extend(copy for copy, _base in pairs)
        rng.shuffle(openings)
        assign_ids(rng, openings)
        for copy, base in pairs:
            copy.duplicate_of = base.key
        return openings

    # -- one opening

    def _opening(
        self, trap_kind: str | None, family: Family | None, closing: str
    ) -> SyntheticOpening:
        rng = self.rng
        lookalike = trap_kind in LOOKALIKES
        if lookalike:
            specs = LOOKALIKES[trap_kind]  # type: ignore[index]
            family = rng.choices(specs, [s.weight for s in specs])[0]
        elif trap_kind:
            names, weights = zip(*TRAP_FAMILIES[trap_kind], strict=True)
            family = FAMILY_BY_ID[rng.choices(names, weights)[0]]
        assert family is not None

        variant = rng.choice(family.variants)
        profile = "trap" if trap_kind else family.profile
        cities, cum = self._profile_cum[profile]
        city = rng.choices(cities, cum_weights=cum)[0]
        areas, area_weights = self._city_areas[city]
        area = rng.choices(areas, area_weights)[0]
        region = rng.choice(area.spellings)
        company = company_name(rng, family.company_kinds, city)

        career = rng.choices(("신입", "경력", "무관"), family.career)[0]
        if trap_kind and not lookalike and career == "경력" and rng.random() < 0.5:
            career = "무관"
        years: int | None = None
        if career == "경력":
            years = rng.choice(family.years if not trap_kind else family.years[:3])

        employment = rng.choices(EMPLOYMENT_TYPES, family.employment)[0]
        shift = rng.choices(SHIFTS, family.shifts)[0]
        e9_ok: bool | None = None
        roll = rng.random()
        if roll < family.e9[0]:
            e9_ok = True
        elif roll < family.e9[0] + family.e9[1]:
            e9_ok = False
        if trap_kind and not lookalike:
            # A deliberate trap is a near-perfect match with exactly one flaw.
            employment = "정규직"
            shift = "주간"
            if e9_ok is False:
                e9_ok = None
            if trap_kind == "night_shift":
                shift = rng.choice(("2교대", "2교대", "야간"))
            elif trap_kind == "daily_labor":
                employment = "일용직"
            elif trap_kind == "nationals_only":
                e9_ok = False
        if employment in ("일용직", "파견직") and e9_ok:
            e9_ok = None  # E-9 workers cannot be hired as day or dispatched labour

        required, preferred = self._certs(family, variant, trap_kind)
        salary_type, salary_min, salary_max = self._salary(family, career, employment, trap_kind)

        far = city in FAR_CITIES
        dorm_p = 0.85 if far else family.dorm_p + (0.3 if e9_ok else 0.0)
        if trap_kind == "nationals_only":
            dorm_p = 0.6  # 내국인만 with a dormitory is the trap that catches E-9 seekers
        dormitory = rng.random() < dorm_p
        commute_bus = not far and rng.random() < family.bus_p
        meals = rng.random() < 0.8

        if closing == "expired":
            closes = self.as_of - timedelta(days=rng.randint(1, 60))
            closes_on = closes.isoformat()
            registered = closes - timedelta(days=rng.randint(14, 45))
        elif closing == "always":
            closes_on = "상시"
            registered = self.as_of - timedelta(days=rng.randint(0, 75))
        else:
            closes = self.as_of + timedelta(days=rng.randint(1, 75))
            closes_on = closes.isoformat()
            registered = min(self.as_of, closes - timedelta(days=rng.randint(14, 45)))

        opening = SyntheticOpening(
            source=rng.choices(SOURCES, SOURCE_WEIGHTS)[0], source_id="", company=company,
            title="", occupation=rng.choice(family.occupations), description="", region=region,
            salary_type=salary_type, salary_min=salary_min, salary_max=salary_max,
            career=career, career_years_min=years, education=rng.choice(family.education),
            certificates=";".join(required + preferred), employment_type=employment,
            work_shift=shift, closes_on=closes_on, contact="",
            family=family.id, city=city, area=area.short, required_certs=required,
            preferred_certs=preferred, e9_ok=e9_ok, dormitory=dormitory,
            commute_bus=commute_bus, meals=meals, night_work=shift != "주간",
            expired=closing == "expired", is_trap=trap_kind is not None, trap_kind=trap_kind,
            lookalike_of=family.lookalike_of, registered_on=registered,
        )  # fmt: skip
        opening.title = posting_title(rng, variant, opening)
        opening.description = posting_description(rng, family, variant, opening)
        opening.contact = company_contact(rng, company)
        return opening

    def _certs(
        self, family: Family, variant: Variant, trap_kind: str | None
    ) -> tuple[tuple[str, ...], tuple[str, ...]]:
        rng = self.rng
        required: list[str] = []
        preferred: list[str] = []
        for cert, chance in family.certs if variant.certs is None else variant.certs:
            if rng.random() >= chance:
                continue
            hard = rng.random() < family.require_p
            if trap_kind and trap_kind not in LOOKALIKES:
                hard = False  # only the trap's own flaw may be a hard requirement
            (required if hard else preferred).append(cert)
        if trap_kind == "cert_required":
            cert = rng.choice(TRAP_CERTS[family.id])
            if cert in preferred:
                preferred.remove(cert)
            if cert not in required:
                required.insert(0, cert)
        return tuple(required), tuple(preferred)

    def _salary(
        self, family: Family, career: str, employment: str, trap_kind: str | None
    ) -> tuple[str, int, int | None]:
        rng = self.rng
        low, high = family.monthly
        if career == "신입":
            low, high = int(low * 0.85), int(high * 0.8)
        if trap_kind and trap_kind not in LOOKALIKES:
            low = (low + high) // 2  # traps pay well: they must look attractive
        span = high - low
        base = low + int(span * rng.random() * 0.6)
        top = base + int(span * (0.15 + 0.35 * rng.random()))
        has_max = rng.random() < 0.7
        if employment == "일용직":
            # Day labourers earn a premium over the monthly rate; postings quote 일당 in 만원.
            daily = max(MIN_HOURLY * 8, _round_to(base * 1.4 / HOURS_PER_MONTH * 8, 10_000))
            return "시급", daily // 8, None
        salary_type = rng.choices(("월급", "시급", "연봉"), family.pay_types)[0]
        if salary_type == "시급":
            lo = max(MIN_HOURLY, _round_to(base / HOURS_PER_MONTH, 10))
            hi = max(lo + 200, _round_to(top / HOURS_PER_MONTH, 10))
            return "시급", lo, hi if has_max else None
        if salary_type == "연봉":
            lo = _round_to(base * 12, 1_000_000)
            hi = max(lo + 1_000_000, _round_to(top * 12, 1_000_000))
            return "연봉", lo, hi if has_max else None
        floor = -(-MIN_HOURLY * HOURS_PER_MONTH // 10_000) * 10_000
        lo = max(floor, _round_to(base, 100_000))
        hi = max(lo + 100_000, _round_to(top, 100_000))
        return "월급", lo, hi if has_max else None


def _cumulative(weights: Iterable[float]) -> list[float]:
    total = 0.0
    out = []
    for w in weights:
        total += w
        out.append(total)
    return out


def _round_to(value: float, step: int) -> int:
    return int(value / step + 0.5) * step


# --------------------------------------------------------------------------- entry point


def main(argv: Sequence[str] | None = None) -> int:
    """Write ``N`` openings to ``OUT.csv`` and print how long it took."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("n", type=int, help="number of openings (rows)")
    parser.add_argument("out", type=Path, help="CSV file to write")
    parser.add_argument("--seed", type=int, default=COMMITTED_SEED)
    parser.add_argument("--as-of", type=date.fromisoformat, default=AS_OF)
    args = parser.parse_args(argv)
    started = time.perf_counter()
    openings = generate_openings(args.n, seed=args.seed, as_of=args.as_of)
    count = write_csv(openings, args.out)
    elapsed = time.perf_counter() - started
    traps = sum(o.is_trap for o in openings)
    dups = sum(o.duplicate_of is not None for o in openings)
    expired = sum(o.expired for o in openings)
    print(
        f"{count} openings -> {args.out} in {elapsed:.2f} s "
        f"(traps {traps}, cross-source duplicates {dups}, expired {expired})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
