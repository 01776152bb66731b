"""Normalization of a job opening's fields, for the importer.

Each function takes the raw field text (or 고용24's code for it) and returns the normalized
value the storage layer keeps beside the raw one, or None / "unknown" when the text does not
say.
"""

from __future__ import annotations

import functools
import logging
import math
import re
from collections import Counter
from collections.abc import Iterable
from typing import Literal

from nlu.clauses import split_posting
from nlu.cues import clause_cues
from nlu.gazetteer import GazetteerMatch, surface_key
from nlu.lexicon import COMMUTE_BUS_TERMS, DORMITORY_DUTIES, DORMITORY_TERMS
from nlu.matchers import employment_matcher, shift_matcher, shifts_of
from nlu.opening_terms import stated_hours
from nlu.requirements import Requirement, certificate_ids, certificate_requirements
from nlu.tables import LEVEL_RANK, Region, Tables, load_tables
from nlu.text import normalize_text, without_brackets

__all__ = [
    "ROAD_FACTOR",
    "Career",
    "EmploymentType",
    "ForeignWorkers",
    "Requirement",
    "Shift",
    "certificate_ids",
    "certificate_requirements",
    "foreign_workers",
    "has_commute_bus",
    "has_dormitory",
    "normalize_career",
    "normalize_employment_type",
    "normalize_shift",
    "occupation_family",
    "region_distance_km",
    "resolve_region",
]

logger = logging.getLogger(__name__)

Shift = Literal["주간", "2교대", "3교대", "야간"]
EmploymentType = Literal["정규직", "계약직", "일용직", "파견직"]
Career = Literal["신입", "경력", "무관"]
ForeignWorkers = Literal["e9_ok", "domestic_only", "unknown"]

#: Roads are longer than the straight line; 1.3 is a common rural/suburban detour factor.
ROAD_FACTOR = 1.3
_EARTH_RADIUS_KM = 6371.0

_CODE = re.compile(r"^\s*(\d{6})\s*$")
_EMPLOYMENT_CODES: dict[str, EmploymentType] = {
    "10": "정규직",
    "11": "정규직",
    "20": "계약직",
    "21": "계약직",
    "4": "파견직",
    "y": "계약직",
}
_EMPLOYMENT_TYPES: dict[str, EmploymentType] = {
    "정규직": "정규직",
    "계약직": "계약직",
    "일용직": "일용직",
    "파견직": "파견직",
}
_CAREER_CODES: dict[str, Career] = {"n": "신입", "e": "경력", "z": "무관"}
_CAREER_ANY = (
    "무관",
    "관계없",
    "관계 없",
    "상관없",
    "상관 없",
    "초보 가능",
    "초보가능",
    "초보자 가능",
    "신입도 가능",
    "경력 불문",
    "경력불문",
)
_FOREIGN_TERMS = (
    "외국인",
    "외국 인력",
    "외국인력",
    "e-9",
    "e9",
    "고용허가",
    "이주 노동",
    "이주노동",
)
_DOMESTIC_ONLY = re.compile(r"(?:내국인|한국인)\s?(?:만|한정|에 한|채용|only)")
# "기숙사 청소원", "숙소 관리 업무", "기숙사 식당 조리": the dormitory is the workplace.
_HOUSING_WORDS = r"(?:기숙사|숙소|사택|원룸)"
#: A title whose work is driving the bus: "통근버스 운전기사", "셔틀버스 기사 모집".
_BUS_IS_THE_WORK = re.compile(r"(?:버스|셔틀|통근\s?차량?)\s?(?:운전|기사|드라이버)")
_DORMITORY_DUTY = re.compile(
    _HOUSING_WORDS
    + r"\s?(?:내\s?|식당\s?)?(?:"
    + "|".join(re.escape(d) for d in DORMITORY_DUTIES)
    + r")(?!비)"
    + r"|"
    + _HOUSING_WORDS
    + r"\s?식당.*(?:조리|배식)"
)


def _tables(tables: Tables | None) -> Tables:
    return tables or load_tables()


@functools.lru_cache(maxsize=16)
def _any_of(terms: tuple[str, ...]) -> re.Pattern[str]:
    """A pattern found in a text exactly when one of ``terms`` is (one scan, not one per term)."""
    return re.compile("|".join(re.escape(t) for t in terms) or "(?!)")


def _words(text: str, tabs: Tables) -> tuple[GazetteerMatch, ...]:
    """Occupation matches in ``text`` that start a word.

    "자동차 부품", "(지게차)" qualify; "화학" in the company name "경진화학" does not.
    """
    t = normalize_text(text).text
    found = tabs.occupation_matcher.find(t)
    return tuple(m for m in found if m.start == 0 or not t[m.start - 1].isalnum())


def _narrowest(family: str, named: Iterable[GazetteerMatch], tabs: Tables) -> str:
    """``family``, or the last-named family that is a kind of it ("자동차" + "생산직")."""
    narrower = tabs.narrower.get(family, frozenset())
    kinds = [m.key for m in named if m.key in narrower]
    return kinds[-1] if kinds else family


def occupation_family(
    occupation: str, title: str, description: str = "", *, tables: Tables | None = None
) -> str | None:
    """The occupation family of an opening, or None.

    Korean noun phrases are head-final, so a field names the family of its last match
    outside brackets, its head ("지게차 가능한 용접사" is a welder, "공장 전기원" an
    electrician). In order:

    1. the title's head if it is a look-alike compound (용접 강사, 용접봉 영업, 지게차 정비: a
       surface containing another family's surface): it says what the job really is;
    2. the occupation field: a 6-digit KECO / 고용24 code, or its head;
    3. the title's head;
    4. the family mentioned most often in the description.

    In 2 and 3 a generic head gives way to a narrower family (``broader`` in occupations.csv)
    named beside it: in the field, its brackets ("하역 운반원(지게차)"), or the title's words
    outside brackets ("자동차 부품 생산직" is auto_assembler, "NDT 검사원" ndt_inspector).
    An occupation field that only repeats the title (고용24's XML has no occupation column,
    so the reader copies the title) is not read twice.
    """
    tabs = _tables(tables)
    matcher = tabs.occupation_matcher
    title_all = matcher.find(normalize_text(title).text)
    title_words = matcher.find(normalize_text(without_brackets(title)).text) or title_all
    if title_words and surface_key(title_words[-1].surface) in tabs.occupation_look_alikes:
        return title_words[-1].key
    if surface_key(occupation) != surface_key(title):
        code = _CODE.match(occupation)
        if code is not None:
            digits = code.group(1)
            family = tabs.keco_index.get(digits) or tabs.keco_index.get(digits[:4] + "00")
            if family is not None:
                return family
        field = matcher.find(normalize_text(occupation).text)
        head = matcher.find(normalize_text(without_brackets(occupation)).text) or field
        if head:
            beside = (*_words(without_brackets(title), tabs), *_words(occupation, tabs))
            return _narrowest(head[-1].key, beside, tabs)
    if title_words:
        return _narrowest(title_words[-1].key, _words(without_brackets(title), tabs), tabs)
    mentions = matcher.find(normalize_text(description).text)
    if not mentions:
        return None
    counts = Counter(m.key for m in mentions)
    first_seen = {m.key: m.start for m in reversed(mentions)}
    return min(counts, key=lambda f: (-counts[f], first_seen[f]))


def resolve_region(text: str, *, tables: Tables | None = None) -> Region | None:
    """The most specific region named in ``text`` (an address, a 고용24 region code...).

    "전북특별자치도 군산시 오식도동 123" → 오식도동 (whose parent is 군산시). Among equally specific
    places, one whose parent is also named wins, then the first.
    """
    tabs = _tables(tables)
    matches = tabs.region_matcher.find(normalize_text(text).text)
    if not matches:
        return None
    named = {m.key for m in matches}
    for m in list(named):
        parent = tabs.regions[m].parent
        while parent is not None:
            named.add(parent)
            parent = tabs.regions[parent].parent

    def score(m: GazetteerMatch) -> tuple[int, int, int]:
        region = tabs.regions[m.key]
        consistent = region.parent is None or region.parent in named
        return (LEVEL_RANK[region.level], int(consistent), -m.start)

    return tabs.regions[max(matches, key=score).key]


def _time_shift(text: str) -> Shift | None:
    kinds: set[Shift] = set()
    for start, end in stated_hours(text):
        if (end - start) % 24 < 4:
            continue  # a break ("점심시간 12:00~13:00")
        if end <= start or start >= 18 or start < 5:
            kinds.add("야간")
        elif end <= 22:
            kinds.add("주간")
    if {"주간", "야간"} <= kinds:
        return "2교대"
    return next(iter(kinds), None)


#: Right after a shift word, that the posting has none of it ("야간 없음", "교대 없이",
#: "야간작업 없음").
_NOT_WORKED = re.compile(
    r"(?:\s?[·ㆍ/,]\s?(?:주말|휴일|공휴일|토요일|일요일|잔업|특근|연장))*"  # "야간·주말 근무 없음"
    r"\s?(?:(?:근무|작업|근로)\s?)?(?:은|는|이)?\s?(?:없|無)"
)
#: Between the items of a list of shifts ("야간·교대 없음"; a comma ends a clause: "주간 근무,
#: 야간 없음").
_LIST_JOIN = re.compile(r"\s?(?:[·ㆍ/]|및)\s?")


def normalize_shift(text: str) -> Shift | None:
    """주간 | 2교대 | 3교대 | 야간 from a shift field ("주야맞교대", "3조2교대", "09:00~18:00").

    Also usable on a whole description: allowances ("야간 수당") and short time ranges (breaks)
    are ignored.
    """
    t = normalize_text(text).text
    found: set[str] = set()
    matches = shift_matcher().find(t)
    # "잔업·야간 없음": a shift the posting says it does not have; "야간·교대 없음": nor any
    # item of a list that ends so
    unworked = [bool(_NOT_WORKED.match(t, m.end)) for m in matches]
    for i in range(len(matches) - 2, -1, -1):
        gap = t[matches[i].end : matches[i + 1].start]
        unworked[i] = unworked[i] or (unworked[i + 1] and bool(_LIST_JOIN.fullmatch(gap)))
    for m, said_not in zip(matches, unworked, strict=True):
        if not said_not:
            found.update(shifts_of(m.key)[:1])  # bare 교대 counts as 2교대, the common pattern
    if "3교대" in found:
        return "3교대"
    if "2교대" in found or {"주간", "야간"} <= found:
        return "2교대"
    if "야간" in found:
        return "야간"
    if "주간" in found:
        return "주간" if _time_shift(t) in (None, "주간") else _time_shift(t)
    return _time_shift(t)


def normalize_employment_type(text: str) -> EmploymentType | None:
    """정규직 | 계약직 | 일용직 | 파견직, also from 고용24's empTpCd (10/11, 20/21, 4)."""
    code = text.strip().lower()
    if code in _EMPLOYMENT_CODES:
        return _EMPLOYMENT_CODES[code]
    t = normalize_text(text).text
    t = re.sub(r"정규\s?직?\s?(?:으로\s?)?(?:채용\s?)?전환", " ", t)  # "계약직(정규직 전환)"
    matches = employment_matcher().find(t)
    return _EMPLOYMENT_TYPES.get(matches[0].key) if matches else None


def normalize_career(text: str) -> Career | None:
    """신입 | 경력 | 무관 (관계없음, 신입/경력 → 무관), also from 고용24's N/E/Z."""
    code = text.strip().lower()
    if code in _CAREER_CODES:
        return _CAREER_CODES[code]
    t = normalize_text(text).text
    if any(cue in t for cue in _CAREER_ANY):
        return "무관"
    new = "신입" in t or "초보" in t
    experienced = "경력" in t
    if new and experienced:
        return "무관"
    if experienced:
        return "경력"
    if new:
        return "신입"
    return None


def foreign_workers(description: str) -> ForeignWorkers:
    """Whether an opening takes foreign (E-9) workers: "e9_ok", "domestic_only" or "unknown"."""
    t = normalize_text(description).text
    accepted = refused = False
    foreign = _any_of(_FOREIGN_TERMS)
    # A clause is part of the text: neither pattern in the text, none in a clause.
    if not foreign.search(t) and not _DOMESTIC_ONLY.search(t):
        return "unknown"
    for clause in split_posting(t):
        if _DOMESTIC_ONLY.search(clause.text):
            refused = True
        if foreign.search(clause.text):
            if clause_cues(clause.text).refused:
                refused = True
            else:
                accepted = True
    if accepted:
        return "e9_ok"
    return "domestic_only" if refused else "unknown"


def _offers(description: str, terms: tuple[str, ...], duty: re.Pattern[str] | None = None) -> bool:
    """Whether a clause names one of ``terms`` without refusing it (and not as ``duty``)."""
    offered = False
    named = _any_of(terms)
    text = normalize_text(description).text
    if not named.search(text):  # then no clause of it names one either
        return False
    for clause in split_posting(text):
        if not named.search(clause.text):
            continue
        if duty is not None and duty.search(clause.text):
            continue  # the work is done there ("기숙사 청소"), nothing is offered
        if clause_cues(clause.text).refused:
            return False
        offered = True
    return offered


def has_dormitory(description: str) -> bool:
    """Whether the description offers a dormitory or housing (기숙사, 숙소 제공, 사택).

    A dormitory that is the workplace ("기숙사 청소 및 정리", "기숙사 식당 조리") offers none.
    """
    return _offers(description, DORMITORY_TERMS, _DORMITORY_DUTY)


def has_commute_bus(description: str, title: str = "") -> bool:
    """Whether the description or the title offers a commute bus (통근버스, 셔틀; "수소버스
    부품 조립 생산직 (주간 / 전주·완주 통근버스)" with no description).

    A posting whose title makes the bus the work ("산업단지 통근버스 운전기사") offers none:
    its description names the bus it drives, not one that brings the worker.
    """
    if _BUS_IS_THE_WORK.search(title):
        return False
    return _offers(description, COMMUTE_BUS_TERMS) or _offers(title, COMMUTE_BUS_TERMS)


def region_distance_km(a: Region, b: Region) -> float:
    """Approximate road distance: great-circle (haversine) distance × 1.3 road factor."""
    lat1, lon1, lat2, lon2 = map(math.radians, (a.lat, a.lon, b.lat, b.lon))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * _EARTH_RADIUS_KM * math.asin(math.sqrt(min(1.0, h))) * ROAD_FACTOR
