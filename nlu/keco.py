"""The occupation classification (한국고용직업분류 2018, KECO) under ``data/occupations``.

Codes are text and form a prefix hierarchy (``824104`` → ``8241`` → ``824`` → ``82`` → ``8``);
see ``data/occupations/README.md``. The old 25 families survive only as a coarse grouping
(:meth:`Keco.family_of`); classes and claims use the codes.

    >>> keco = load_keco()
    >>> keco.resolve_jobs_cd("824100"), keco.family_of("623004")
    ('8241', 'forklift_driver')
"""

from __future__ import annotations

import csv
import functools
import logging
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from nlu.errors import TableError
from nlu.gazetteer import Gazetteer, surface_key
from nlu.tables import load_tables

__all__ = [
    "DEFAULT_KECO_DIR",
    "LEVELS",
    "Keco",
    "KecoUnit",
    "Renumbered",
    "load_keco",
    "nested",
    "shared_level",
]

logger = logging.getLogger(__name__)

DEFAULT_KECO_DIR = Path(__file__).resolve().parent.parent / "data" / "occupations"

#: Level names by code length; 6-digit codes are 고용24's job codes under a 세분류.
LEVELS = {1: "대분류", 2: "중분류", 3: "소분류", 4: "세분류", 6: "고용24직종"}


@dataclass(frozen=True)
class KecoUnit:
    """One code of the classification."""

    code: str
    level: str
    name: str
    parent: str | None


@dataclass(frozen=True)
class Renumbered:
    """A 고용24 job code whose digits changed meaning with KECO 2025."""

    jobs_cd: str
    name_2025: str
    keco_code: str  # the KECO 2018 row with the 2025 meaning


def shared_level(a: str, b: str) -> int:
    """Length of the common prefix of two codes: 4 = same 세분류, 3 = same 소분류 …"""
    return len(os.path.commonprefix([a, b]))


def nested(code: str, others: Iterable[str]) -> bool:
    """Whether ``code`` is one of ``others``, under one, or over one (8 and 8171 are nested)."""
    return any(code.startswith(o) or o.startswith(code) for o in others)


@dataclass(frozen=True, eq=False)
class Keco:
    """The classification with its synonyms, families, neighbours and 2025 renumbering."""

    units: dict[str, KecoUnit]
    synonyms: tuple[tuple[str, str], ...]  # (term, code)
    families: dict[str, str]  # KECO prefix → old family id
    neighbours: dict[str, dict[str, str]]  # code → {neighbour code: why}
    renumbered: dict[str, Renumbered]
    non_terms: tuple[str, ...] = field(default=())
    #: Terms of kind ``industry`` (배터리 공장, 자동차 부품 …), as :func:`surface_key` forms:
    #: beside a role word they say where, not what (see ``data/occupations/README.md``).
    industry_terms: frozenset[str] = field(default=frozenset())
    #: 세분류 whose 고용24 job codes split by industry (0284 생산·품질 사무원 → 028404
    #: 전기·전자 …): code → ((industry prefix, job code), …), from ``industry_units.csv``.
    industry_units: dict[str, tuple[tuple[str, str], ...]] = field(default_factory=dict)
    #: Units that file two or more kinds of work under one code (0284: 품질 검사 and 생산
    #: 관리; 831: 보전·수리 and 설치·시공): unit → ((work, word as a surface key), …), from
    #: ``works.csv``.
    works: dict[str, tuple[tuple[str, str], ...]] = field(default_factory=dict)

    @cached_property
    def matcher(self) -> Gazetteer:
        """Occupation words (official, colloquial, dialect, titles …) → code, longest first."""
        return Gazetteer(self.synonyms, blockers=self.non_terms, fuzzy=True, name="keco")

    def is_industry(self, surface: str) -> bool:
        """Whether a matched term names an industry or plant rather than a job."""
        return surface_key(surface) in self.industry_terms

    def names_a_plant(self, words: Iterable[str]) -> bool:
        """Whether the words of a wish name only industries or plants, no job ("배터리 공장")."""
        said = list(words)
        return bool(said) and all(self.is_industry(w) for w in said)

    def name(self, code: str) -> str:
        """The unit's name (a 6-digit code ending in 00 is its 세분류)."""
        unit = self.units.get(code) or self.units.get(code[:4])
        return unit.name if unit else code

    def resolve_jobs_cd(self, jobs_cd: str) -> str | None:
        """The KECO 2018 code of a 고용24 ``jobsCd``: the row, else its 세분류, else None.

        3-character codes (``024``, ``07A``) are website groups, not KECO units.
        """
        code = jobs_cd.strip()
        if len(code) != 6 or not code.isdigit():
            return None
        if code in self.units:
            return code
        if code[:4] in self.units:
            return code[:4]
        return None

    def in_industry(self, code: str, industries: tuple[str, ...]) -> str:
        """``code`` made as specific as the industries it is done in say, when they agree:
        0284 in a battery plant (8351) is 028404; without an industry, or with two that
        point to different units, it stays 0284."""
        units = {
            unit
            for industry in industries
            for prefix, unit in self.industry_units.get(code, ())
            if industry.startswith(prefix)
        }
        return units.pop() if len(units) == 1 else code

    def work_unit(self, code: str) -> str | None:
        """The unit of ``code`` (itself or its nearest ancestor) that ``works.csv`` splits."""
        return next((code[:n] for n in range(len(code), 0, -1) if code[:n] in self.works), None)

    def works_named(self, text: str) -> tuple[tuple[str, str], ...]:
        """Every (unit, work) of ``works.csv`` whose word ``text`` holds, spaces ignored:
        "기계 고장나면 고치는 일" → (("831", "보전·수리"), …)."""
        said = surface_key(text)
        found = [
            (at.start(), at.start() + len(w), unit, work)
            for unit, words in self.works.items()
            for work, w in words
            for at in re.finditer(re.escape(w), said)
        ]
        # a word inside a longer one says nothing of its own: "크레인 신호" is signalling,
        # not crane driving; "식품회사 품질" is food hygiene, not any quality check
        return tuple(
            dict.fromkeys(
                (unit, work)
                for start, end, unit, work in found
                if not any(s <= start and end <= e and e - s > end - start for s, e, _, _ in found)
            )
        )

    @staticmethod
    def kinds_apart(
        unit: str, asked: Iterable[tuple[str, str]], offered: Iterable[tuple[str, str]]
    ) -> tuple[list[str], list[str]]:
        """Of one unit's kinds of work, those asked that are not offered and those offered
        that were not asked: both non-empty means another kind of the same unit's work."""
        mine = [w for u, w in asked if u == unit]
        theirs = [w for u, w in offered if u == unit]
        return [w for w in mine if w not in theirs], [w for w in theirs if w not in mine]

    def family_of(self, code: str | None) -> str | None:
        """The old family of a code: that of its longest listed prefix, else None."""
        if not code:
            return None
        for n in range(len(code), 0, -1):
            family = self.families.get(code[:n])
            if family is not None:
                return family
        return None

    def neighbour_prefixes(self, code: str) -> tuple[str, ...]:
        """The codes listed as neighbours of ``code`` or of one of its ancestors: any code
        starting with one of them is a neighbour (the test :meth:`neighbour_of` makes)."""
        return _neighbour_prefixes(self, code)

    def neighbour_of(self, a: str, b: str) -> str | None:
        """Why ``a`` and ``b`` are related occupations, if a listed pair covers them.

        A pair written at ``8241`` covers every code under it.
        """
        for x in _prefixes(a):
            for y, why in self.neighbours.get(x, {}).items():
                if b.startswith(y):
                    return why
        return None


@functools.lru_cache(maxsize=4096)
def _neighbour_prefixes(keco: Keco, code: str) -> tuple[str, ...]:
    return tuple(x for y in _prefixes(code) for x in keco.neighbours.get(y, {}))


def _prefixes(code: str) -> list[str]:
    return [code[:n] for n in range(len(code), 0, -1)]


def _read(path: Path, columns: tuple[str, ...]) -> list[dict[str, str]]:
    """Rows of a UTF-8 CSV as stripped strings (codes stay text: ``0272`` is not ``272``)."""
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            missing = [c for c in columns if c not in (reader.fieldnames or ())]
            if missing:
                raise TableError(f"{path}: missing columns {missing}")
            return [{k: (v or "").strip() for k, v in row.items() if k} for row in reader]
    except FileNotFoundError as exc:
        raise TableError(f"occupation table not found: {path}") from exc


def _load_units(path: Path) -> dict[str, KecoUnit]:
    units: dict[str, KecoUnit] = {}
    for row in _read(path, ("code", "level", "name", "parent_code")):
        code = row["code"]
        if code in units:
            raise TableError(f"{path}: code {code} twice")
        units[code] = KecoUnit(code, row["level"], row["name"], row["parent_code"] or None)
    for unit in units.values():
        if unit.parent is not None and unit.parent not in units:
            raise TableError(f"{path}: parent {unit.parent} of {unit.code} missing")
    return units


def _check(path: Path, code: str, units: dict[str, KecoUnit]) -> str:
    if code not in units:
        raise TableError(f"{path}: code {code} is not in keco.csv")
    return code


@functools.lru_cache(maxsize=4)
def _load(path: Path) -> Keco:
    units = _load_units(path / "keco.csv")
    rows = _read(path / "synonyms.csv", ("code", "term", "kind"))
    synonyms = tuple(
        (row["term"], _check(path / "synonyms.csv", row["code"], units)) for row in rows
    )
    industry = frozenset(surface_key(row["term"]) for row in rows if row["kind"] == "industry")
    families = {
        _check(path / "families.csv", row["keco_prefix"], units): row["family"]
        for row in _read(path / "families.csv", ("keco_prefix", "family"))
    }
    neighbours: dict[str, dict[str, str]] = {}
    for row in _read(path / "neighbours.csv", ("code_a", "code_b", "why")):
        a = _check(path / "neighbours.csv", row["code_a"], units)
        b = _check(path / "neighbours.csv", row["code_b"], units)
        neighbours.setdefault(a, {})[b] = row["why"]
        neighbours.setdefault(b, {})[a] = row["why"]
    renumbered = {
        row["jobs_cd"]: Renumbered(
            row["jobs_cd"],
            row["name_2025"],
            _check(path / "jobscd_2025.csv", row["keco_code"], units),
        )
        for row in _read(path / "jobscd_2025.csv", ("jobs_cd", "name_2025", "keco_code"))
    }
    industry_units: dict[str, tuple[tuple[str, str], ...]] = {}
    for row in _read(path / "industry_units.csv", ("code", "industry", "unit")):
        code = _check(path / "industry_units.csv", row["code"], units)
        unit = _check(path / "industry_units.csv", row["unit"], units)
        if not unit.startswith(code):
            raise TableError(f"{path / 'industry_units.csv'}: {unit} is not under {code}")
        industry_units[code] = (*industry_units.get(code, ()), (row["industry"], unit))
    works: dict[str, tuple[tuple[str, str], ...]] = {}
    for row in _read(path / "works.csv", ("code", "work", "word")):
        code = _check(path / "works.csv", row["code"], units)
        works[code] = (*works.get(code, ()), (row["work"], surface_key(row["word"])))
    keco = Keco(
        units,
        synonyms,
        families,
        neighbours,
        renumbered,
        load_tables().non_terms,
        industry,
        industry_units,
        works,
    )
    logger.debug("loaded KECO: %d units, %d synonyms", len(units), len(synonyms))
    return keco


def load_keco(path: str | Path | None = None) -> Keco:
    """Load the classification in ``path`` (default ``data/occupations``), once per directory."""
    return _load(Path(path).resolve() if path is not None else DEFAULT_KECO_DIR)
