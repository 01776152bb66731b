"""The normalization tables under ``data/normalization`` as typed, validated objects.

``occupations.csv``  family,name_ko,keco,related,patterns[,broader]
``certificates.csv`` cert,name_ko,family,aliases[,kind[,covers]]  (kind: certificate | licence;
                     covers: the lower grades this one stands for, 전기기사 → 전기산업기사;전기기능사)
``regions.csv``      region,name_ko,level,parent,lat,lon,aliases
``pay.csv``          key,value,note  (monthly_hours, monthly_workdays, months_per_year)
``non_terms.csv``    surface,note    (words that contain a pattern but mean something else)

List cells are ``;``-separated. Tables are loaded once per directory and cached;
:func:`load_tables` never reads the environment, a caller that wants another directory
passes it.
"""

from __future__ import annotations

import csv
import functools
import logging
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Literal

from nlu.errors import TableError
from nlu.gazetteer import Gazetteer, surface_key

__all__ = [
    "DEFAULT_TABLES_DIR",
    "Certificate",
    "OccupationFamily",
    "PayConventions",
    "Region",
    "RegionLevel",
    "Tables",
    "load_tables",
]

logger = logging.getLogger(__name__)

DEFAULT_TABLES_DIR = Path(__file__).resolve().parent.parent / "data" / "normalization"

RegionLevel = Literal["sido", "sigungu", "dong", "park"]
_LEVELS: tuple[RegionLevel, ...] = ("sido", "sigungu", "dong", "park")
#: How specific a region level is; a 동 or an industrial park beats its 시.
LEVEL_RANK: Mapping[str, int] = {"sido": 1, "sigungu": 2, "dong": 3, "park": 3}


@dataclass(frozen=True)
class OccupationFamily:
    """An occupation family (KECO-like) with the surface forms that name it."""

    family: str
    name_ko: str
    keco: tuple[str, ...]
    related: tuple[str, ...]
    patterns: tuple[str, ...]
    #: The family this one is a kind of: "자동차 부품 생산직" is auto_assembler, not
    #: production_worker, because auto_assembler's broader family is production_worker.
    broader: str | None = None


@dataclass(frozen=True)
class Certificate:
    """A national certificate or licence; ``family`` is the occupation it qualifies for."""

    cert: str
    name_ko: str
    family: str | None
    aliases: tuple[str, ...]
    #: A driving or machine licence (운전면허, 조종사면허): not what a seeker means by 자격증.
    licence: bool = False
    #: Lower grades of the same series it meets ("전기기능사 이상 필수" and a 전기기사 holder).
    covers: tuple[str, ...] = ()


@dataclass(frozen=True)
class Region:
    """A place: 시/도, 시/군/구, 읍/면/동 or industrial park, with approximate coordinates."""

    region: str
    name_ko: str
    level: RegionLevel
    parent: str | None
    lat: float
    lon: float
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class PayConventions:
    """How other pay units are turned into a monthly amount."""

    monthly_hours: int = 209
    monthly_workdays: int = 22
    months_per_year: int = 12


@dataclass(frozen=True, eq=False)
class Tables:
    """Every normalization table, with the matchers built from them (built on first use)."""

    path: Path
    occupations: Mapping[str, OccupationFamily]
    certificates: Mapping[str, Certificate]
    regions: Mapping[str, Region]
    pay: PayConventions = field(default_factory=PayConventions)
    non_terms: tuple[str, ...] = ()

    @cached_property
    def occupation_matcher(self) -> Gazetteer:
        """Occupation surface forms → family id (typo tolerant)."""
        entries = [(p, f.family) for f in self.occupations.values() for p in f.patterns]
        return Gazetteer(entries, blockers=self.non_terms, fuzzy=True, name="occupations")

    @cached_property
    def certificate_matcher(self) -> Gazetteer:
        """Certificate names and aliases → cert id."""
        entries = [
            (surface, c.cert)
            for c in self.certificates.values()
            for surface in (c.name_ko, *c.aliases)
        ]
        return Gazetteer(entries, blockers=self.non_terms, name="certificates")

    def covered(self, held: Iterable[str]) -> frozenset[str]:
        """The certificates ``held`` and the lower grades they meet (전기기사 → 전기기능사)."""
        return frozenset(held).union(
            *(self.certificates[c].covers for c in held if c in self.certificates)
        )

    @cached_property
    def region_matcher(self) -> Gazetteer:
        """Region names and aliases → region id."""
        entries = [
            (surface, r.region)
            for r in self.regions.values()
            for surface in (r.name_ko, *r.aliases)
        ]
        return Gazetteer(entries, name="regions")

    @cached_property
    def occupation_look_alikes(self) -> frozenset[str]:
        """Stored surfaces that contain another family's surface.

        These are the look-alikes: 용접강사 ⊃ 용접, 지게차정비 ⊃ 지게차.
        """
        by_surface = {
            surface_key(p): f.family for f in self.occupations.values() for p in f.patterns
        }
        return frozenset(
            s
            for s, family in by_surface.items()
            if any(o != s and other != family and o in s for o, other in by_surface.items())
        )

    @cached_property
    def keco_index(self) -> Mapping[str, str]:
        """KECO / 고용24 occupation code → family id."""
        return {code: f.family for f in self.occupations.values() for code in f.keco}

    @cached_property
    def narrower(self) -> Mapping[str, frozenset[str]]:
        """Family id → the families that are a kind of it (production_worker → auto_assembler...)."""
        kinds: dict[str, set[str]] = {}
        for f in self.occupations.values():
            if f.broader is not None:
                kinds.setdefault(f.broader, set()).add(f.family)
        return {broader: frozenset(kinds[broader]) for broader in kinds}

    def town_of(self, region_id: str | None) -> str | None:
        """The 시/군 a region lies in (itself for a 시/군; a 동, 읍 or industrial park: the
        시/군 above it), or ``None`` for a 시/도 or an unknown id."""
        region = self.regions.get(region_id) if region_id else None
        while region is not None and region.level != "sigungu":
            region = self.regions.get(region.parent) if region.parent else None
        return region.region if region is not None else None

    @cached_property
    def primary_certificates(self) -> Mapping[str, str]:
        """Family id → the certificate listed first for it ("자격증 있어요" after "지게차")."""
        primary: dict[str, str] = {}
        for cert in self.certificates.values():
            if cert.family is not None:
                primary.setdefault(cert.family, cert.cert)
        return primary


def _split(cell: str | None) -> tuple[str, ...]:
    return tuple(part.strip() for part in (cell or "").split(";") if part.strip())


def _read(path: Path, columns: tuple[str, ...]) -> list[dict[str, str]]:
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            missing = [c for c in columns if c not in (reader.fieldnames or ())]
            if missing:
                raise TableError(f"{path}: missing columns {missing}")
            return [
                {k: (v or "").strip() for k, v in row.items() if k is not None}
                for row in reader
                if any((v or "").strip() for v in row.values() if isinstance(v, str))
            ]
    except FileNotFoundError as exc:
        raise TableError(f"normalization table not found: {path}") from exc


def _unique(rows: list[dict[str, str]], key: str, path: Path) -> None:
    seen: set[str] = set()
    for row in rows:
        if not row[key]:
            raise TableError(f"{path}: empty {key}")
        if row[key] in seen:
            raise TableError(f"{path}: duplicate {key} {row[key]!r}")
        seen.add(row[key])


def _load_occupations(path: Path) -> dict[str, OccupationFamily]:
    rows = _read(path, ("family", "name_ko", "keco", "related", "patterns"))
    _unique(rows, "family", path)
    families = {
        row["family"]: OccupationFamily(
            family=row["family"],
            name_ko=row["name_ko"],
            keco=_split(row["keco"]),
            related=_split(row["related"]),
            patterns=_split(row["patterns"]),
            broader=row.get("broader") or None,
        )
        for row in rows
    }
    for family in families.values():
        unknown = [r for r in family.related if r not in families]
        if unknown:
            raise TableError(f"{path}: {family.family} relates to unknown families {unknown}")
        if family.broader is not None and (
            family.broader not in families or family.broader == family.family
        ):
            raise TableError(f"{path}: {family.family} is a kind of unknown {family.broader!r}")
        if not family.patterns:
            raise TableError(f"{path}: {family.family} has no patterns")
    return families


def _load_certificates(path: Path, families: Mapping[str, object]) -> dict[str, Certificate]:
    rows = _read(path, ("cert", "name_ko", "family", "aliases"))
    _unique(rows, "cert", path)
    certs: dict[str, Certificate] = {}
    for row in rows:
        family = row["family"] or None
        if family is not None and family not in families:
            raise TableError(f"{path}: {row['cert']} names unknown family {family!r}")
        kind = row.get("kind") or "certificate"
        if kind not in ("certificate", "licence"):
            raise TableError(f"{path}: {row['cert']} has unknown kind {kind!r}")
        certs[row["cert"]] = Certificate(
            row["cert"],
            row["name_ko"],
            family,
            _split(row["aliases"]),
            kind == "licence",
            _split(row.get("covers") or ""),
        )
    for cert in certs.values():
        unknown = [c for c in cert.covers if c not in certs]
        if unknown:
            raise TableError(f"{path}: {cert.cert} covers unknown {', '.join(unknown)}")
    return certs


def _load_regions(path: Path) -> dict[str, Region]:
    rows = _read(path, ("region", "name_ko", "level", "parent", "lat", "lon", "aliases"))
    _unique(rows, "region", path)
    regions: dict[str, Region] = {}
    for row in rows:
        level = next((lv for lv in _LEVELS if lv == row["level"]), None)
        if level is None:
            raise TableError(f"{path}: {row['region']} has unknown level {row['level']!r}")
        try:
            lat, lon = float(row["lat"]), float(row["lon"])
        except ValueError as exc:
            raise TableError(f"{path}: {row['region']} has bad coordinates") from exc
        regions[row["region"]] = Region(
            region=row["region"],
            name_ko=row["name_ko"],
            level=level,
            parent=row["parent"] or None,
            lat=lat,
            lon=lon,
            aliases=_split(row["aliases"]),
        )
    for region in regions.values():
        if region.parent is not None and region.parent not in regions:
            raise TableError(f"{path}: {region.region} has unknown parent {region.parent!r}")
    return regions


def _load_pay(path: Path) -> PayConventions:
    if not path.exists():
        return PayConventions()
    values = {row["key"]: row["value"] for row in _read(path, ("key", "value"))}
    known = set(PayConventions.__dataclass_fields__)
    unknown = set(values) - known
    if unknown:
        raise TableError(f"{path}: unknown keys {sorted(unknown)}")
    try:
        return PayConventions(**{k: int(v) for k, v in values.items()})
    except ValueError as exc:
        raise TableError(f"{path}: values must be integers") from exc


def _load_non_terms(path: Path) -> tuple[str, ...]:
    if not path.exists():
        return ()
    return tuple(row["surface"] for row in _read(path, ("surface",)) if row["surface"])


@functools.lru_cache(maxsize=8)
def _load(path: Path) -> Tables:
    occupations = _load_occupations(path / "occupations.csv")
    tables = Tables(
        path=path,
        occupations=occupations,
        certificates=_load_certificates(path / "certificates.csv", occupations),
        regions=_load_regions(path / "regions.csv"),
        pay=_load_pay(path / "pay.csv"),
        non_terms=_load_non_terms(path / "non_terms.csv"),
    )
    logger.debug(
        "loaded normalization tables from %s: %d families, %d certificates, %d regions",
        path,
        len(tables.occupations),
        len(tables.certificates),
        len(tables.regions),
    )
    return tables


def load_tables(path: str | Path | None = None) -> Tables:
    """Load the tables in ``path`` (default ``data/normalization``), once per directory."""
    return _load(Path(path).resolve() if path is not None else DEFAULT_TABLES_DIR)
