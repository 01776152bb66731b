"""Normalized values and roles for the entities Rasa extracts from a seeker's message.

DIET finds where an entity is ("용접을 15년" → occupation 용접, experience_years 15년); this
module says what it means, with the same tables and rules as :func:`nlu.parse_seeker_text`:

==================  ==================================================  =================
entity type         value                                               example
==================  ==================================================  =================
occupation          family id (``occupations.csv``)                     용접 → welder
experience_years    whole years, int                                    십오년 → 15
certificate         certificate id (``certificates.csv``)               특수용접 → special_welding
region              region id (``regions.csv``)                         오식도동 → gunsan_osikdo
pay                 monthly KRW, int                                    월 300 → 3000000
shift               주간 | 2교대 | 3교대 | 야간                           밤일 → 야간
employment_type     정규직 | 계약직 | 일용직 | 파견직                       노가다 → 일용직
==================  ==================================================  =================

A span the tables do not know yields None (the caller keeps the surface). Typos one jamo
away from a single table entry are forgiven (용졉 → welder, 굔산 → gunsan): the entity type
is already known, so a near miss is much safer than in free text.
"""

from __future__ import annotations

import functools
import logging
import re
import unicodedata
from collections.abc import Iterable

from nlu.gazetteer import surface_key
from nlu.numerals import numerals_to_digits, parse_number
from nlu.opening import (
    certificate_ids,
    normalize_employment_type,
    normalize_shift,
    occupation_family,
    resolve_region,
)
from nlu.pay import monthly_pay, parse_pay
from nlu.seeker import SeekerProfile
from nlu.tables import Tables, load_tables

__all__ = [
    "ENTITY_TYPES",
    "EXCLUDED",
    "LACKING",
    "entity_role",
    "normalize_entity_value",
    "right_spelling",
]

logger = logging.getLogger(__name__)

ENTITY_TYPES = (
    "occupation",
    "experience_years",
    "certificate",
    "region",
    "pay",
    "shift",
    "employment_type",
)
#: Role of a refused occupation, shift or employment type ("야간은 못해요").
EXCLUDED = "excluded"
#: Role of a certificate the seeker does not hold ("특수용접은 없어요").
LACKING = "lacking"

_YEARS = re.compile(r"(?<![0-9.])(\d{1,2})\s?(?:년|해)")
_MONTHS = re.compile(r"(?<![0-9.])(\d{1,3})\s?(?:개월|달)")
_NUMBER = re.compile(r"\d+(?:\.\d+)?")


def _years(surface: str) -> int | None:
    digits = numerals_to_digits(surface)
    years = _YEARS.search(digits)
    if years is not None:  # "3년 6개월" counts the whole years
        return int(years.group(1))
    months = _MONTHS.search(digits)
    if months is not None:
        return int(months.group(1)) // 12  # as parse_seeker_text does
    number = parse_number(surface)
    return number if number is not None and 0 <= number <= 60 else None


def _pay(surface: str, tables: Tables) -> int | None:
    mention = parse_pay(surface, conventions=tables.pay)
    if mention is not None:
        return mention.monthly
    number = _NUMBER.search(numerals_to_digits(surface))
    if number is None:
        return None
    amount = float(number.group())
    if 100 <= amount <= 999:  # "300", "삼백 이상": 만원 a month, the way seekers say it
        return monthly_pay("월급", amount, conventions=tables.pay)
    # a full amount ("2500000"): read as if written in won, which decides its pay period
    mention = parse_pay(f"{number.group()}원", conventions=tables.pay)
    return mention.monthly if mention is not None else None


def _certificate(surface: str, tables: Tables) -> str | None:
    named = certificate_ids(surface, tables=tables)
    if named:
        return named[0]
    # "지게차" or "굴삭기 자격증" without a listed alias: the family's primary certificate
    family = occupation_family(surface, surface, tables=tables)
    if family is None:
        return None
    return tables.primary_certificates.get(family)


def _is_hangul(word: str) -> bool:
    # Jamo distance means nothing for Latin names: RT and UT are two different tests.
    return bool(word) and all("가" <= ch <= "힣" for ch in word)


def _jamo(word: str) -> str:
    return unicodedata.normalize("NFD", word)


def _one_jamo_apart(a: str, b: str) -> bool:
    """Whether jamo strings ``a`` and ``b`` differ by one jamo substituted, inserted or deleted."""
    if len(a) > len(b):
        a, b = b, a
    if len(b) - len(a) > 1 or a == b:
        return False
    if len(a) == len(b):
        return sum(a[k] != b[k] for k in range(len(a))) == 1
    return any(a == b[:k] + b[k + 1 :] for k in range(len(b)))


def _entries(entity_type: str, tables: Tables) -> Iterable[tuple[str, str]]:
    """(surface, key) of every table entry for ``entity_type``, in table order."""
    if entity_type == "occupation":
        return [(p, f.family) for f in tables.occupations.values() for p in f.patterns]
    if entity_type == "certificate":
        return [(s, c.cert) for c in tables.certificates.values() for s in (c.name_ko, *c.aliases)]
    if entity_type == "region":
        return [(s, r.region) for r in tables.regions.values() for s in (r.name_ko, *r.aliases)]
    return []


@functools.lru_cache(maxsize=8)
def _jamo_entries(entity_type: str, tables: Tables) -> tuple[tuple[str, str], ...]:
    """(surface in jamo, key) of the Hangul table entries for ``entity_type``."""
    return tuple(
        (_jamo(stored), key)
        for surface, key in _entries(entity_type, tables)
        if _is_hangul(stored := surface_key(surface))
    )


@functools.lru_cache(maxsize=1024)
def _near_miss(entity_type: str, key: str, tables: Tables) -> str | None:
    """The table key of the only entry one jamo away from ``key``, if exactly one is."""
    if len(key) < 2 or not _is_hangul(key):
        return None
    jamo = _jamo(key)
    hits = {k for s, k in _jamo_entries(entity_type, tables) if _one_jamo_apart(s, jamo)}
    return hits.pop() if len(hits) == 1 else None


def normalize_entity_value(
    entity_type: str, surface: str, *, tables: Tables | None = None
) -> str | int | None:
    """The normalized value of an entity of ``entity_type`` written as ``surface``.

    None when the surface cannot be read (or the type is not one of :data:`ENTITY_TYPES`).
    """
    tabs = tables or load_tables()
    value: str | int | None = None
    if entity_type == "occupation":
        value = occupation_family(surface, surface, tables=tabs)
    elif entity_type == "experience_years":
        value = _years(surface)
    elif entity_type == "certificate":
        value = _certificate(surface, tabs)
    elif entity_type == "region":
        region = resolve_region(surface, tables=tabs)
        value = region.region if region is not None else None
    elif entity_type == "pay":
        value = _pay(surface, tabs)
    elif entity_type == "shift":
        # bare "교대" is 2교대, as in normalize_shift: the common pattern in Gunsan plants
        value = normalize_shift(surface)
    elif entity_type == "employment_type":
        value = normalize_employment_type(surface)
    if value is None and entity_type in ("occupation", "certificate", "region"):
        value = _near_miss(entity_type, surface_key(surface), tabs)
    return value


@functools.lru_cache(maxsize=4)
def _spellings(tables: Tables) -> dict[str, str]:
    """Misspelt table surface → the same entry's earlier-listed surface one jamo away.

    The tables list misspellings after the right form (지게차 ... 지게처, 크레인 ... 크래인).
    """
    spellings: dict[str, str] = {}
    for entity_type in ("occupation", "certificate", "region"):
        by_key: dict[str, list[str]] = {}
        for surface, key in _entries(entity_type, tables):
            if _is_hangul(surface.replace(" ", "")):
                by_key.setdefault(key, []).append(surface.replace(" ", ""))
        for surfaces in by_key.values():
            for k, later in enumerate(surfaces):
                right = next(
                    (s for s in surfaces[:k] if _one_jamo_apart(_jamo(s), _jamo(later))), None
                )
                if right is not None:
                    spellings.setdefault(surface_key(later), right)
    return spellings


def right_spelling(surface: str, *, tables: Tables | None = None) -> str | None:
    """The right spelling of a misspelt occupation, certificate or region name, else None.

    "지게처" → "지게차" (listed as a misspelling), "지게채" → "지게차" (the occupation
    gazetteer's typo tolerance), "용접" → None.
    """
    tabs = tables or load_tables()
    key = surface_key(surface)
    spellings = _spellings(tabs)
    if key in spellings:
        return spellings[key]
    found = tabs.occupation_matcher.find(key)  # the only gazetteer with typo tolerance
    if len(found) == 1 and found[0].fuzzy and found[0].end - found[0].start == len(key):
        right = found[0].surface.replace(" ", "")
        return spellings.get(surface_key(right), right)
    return None


def entity_role(entity_type: str, value: object, profile: SeekerProfile) -> str | None:
    """:data:`EXCLUDED` or :data:`LACKING` if ``profile`` says so of ``value``, else None.

    An occupation, shift or employment type the seeker refuses (and does not also want) is
    excluded; a certificate the seeker says they lack is lacking.
    """
    if entity_type == "occupation":
        excluded, wanted = profile.excluded_families, profile.wanted_families
    elif entity_type == "shift":
        excluded, wanted = tuple(profile.excluded_shifts), tuple(profile.wanted_shifts)
    elif entity_type == "employment_type":
        excluded = tuple(profile.excluded_employment_types)
        wanted = tuple(profile.wanted_employment_types)
    elif entity_type == "certificate":
        return LACKING if value in profile.certificates_lacking else None
    else:
        return None
    return EXCLUDED if value in excluded and value not in wanted else None
