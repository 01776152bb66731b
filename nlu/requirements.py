"""Which certificates an opening requires and which it only prefers.

A posting lists its requirements ("※ 용접산업기사 필수 (미소지자 지원 불가) · 우대: 용접기능사"),
so a cue (필수, 없으면 지원 불가, 우대...) applies to the certificates of its own list item only
(see :func:`nlu.clauses.split_posting`). Inside one item, a certificate takes the cue that
follows it ("A 필수 B 우대", Korean puts the predicate last), else the one before it
("우대: A"). An item that is nothing but certificate names shares the cue of the item it is
coordinated with: "A, B 우대" (the next item's trailing cue) or "필수: A, B" (the previous
item's label).
"""

from __future__ import annotations

import functools
import logging
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from nlu.clauses import Clause, split_posting
from nlu.gazetteer import GazetteerMatch
from nlu.lexicon import (
    CERT_HOLDER_CUES,
    CERT_NOT_REQUIRED_CUES,
    CERT_PREFERRED_CUES,
    CERT_REQUIRED_CUES,
)
from nlu.tables import Tables, load_tables
from nlu.text import normalize_text, without_brackets

__all__ = [
    "Requirement",
    "certificate_ids",
    "certificate_requirements",
    "is_formal",
    "is_formal_name",
]

logger = logging.getLogger(__name__)

Requirement = Literal["required", "preferred"]

_CONJUNCTION = re.compile(r"^(?:\s|[,·/()]|및|또는|혹은|이나|나|과|와|그리고)*$")
# What may surround certificate names in an item that names nothing else ("A 및 B", "A 자격증").
_FILLER = re.compile(r"(?:\s|[,·/()~:]|및|또는|혹은|이나|과|와|등|관련|자격증|자격|면허|이상)+")
# A cue word right before a colon labels what follows it: in "필수: A 우대: B" it is B's.
_TRAILING_LABEL = re.compile(r"\S*\s?:\s*$")
# 자격증 in general, not the header 자격요건 / 지원자격.
_GENERAL_CERT = re.compile(
    r"자격증|면허|라이센스|(?:관련|해당|국가)\s?자격|자격\s?(?:소지|보유|취득)"
)
# Surfaces that can only be a certificate. Others ("특수용접", "1종 대형") also name the work
# ("CO2·TIG 특수용접", "특수용접원 경력").
_FORMAL_SUFFIXES = ("기능사", "기사", "기능장", "면허", "면허증", "자격증", "자격", "이수증", "급")
# A licence required in general words: "자격 필수", "자격증 필수", "자격 소지자".
_LICENCE_REQUIRED = re.compile(r"자격증?\s?(?:필수|소지자\s?(?:만|에\s?한함))")
# A label item: a cue and hardly anything else ("우대사항", "필수 자격").
_LABEL_MAX_CHARS = 8
_LABEL_NOISE = re.compile(r"[\s:]")
# A section heading of a posting ("[복리후생]", "■ 근무조건", "자격요건"), as an item's text
# without spaces or colons.
_SECTION_HEADING = re.compile(
    r"\W*(?:자격\s?요건|지원\s?자격|복리\s?후생|근무\s?조건|근무\s?형태|근무\s?시간|담당\s?업무|"
    r"모집\s?(?:부문|분야|요강)|급여|전형\s?절차|제출\s?서류|기타\s?사항|접수\s?방법)\W*"
)
# Two items are coordinated when only a comma, ·, / or 및 stands between them, not a bullet,
# bracket or dash that opens another section.
_COORDINATED_GAP = re.compile(r"^(?:,|·|/|\s?(?:및|또는|혹은)\s?)$")


def _tables(tables: Tables | None) -> Tables:
    return tables or load_tables()


def certificate_ids(text: str, *, tables: Tables | None = None) -> tuple[str, ...]:
    """Certificate ids named in ``text``, in order of first mention."""
    if tables is None or tables is load_tables():
        return _default_certificate_ids(text)
    return _certificate_ids(text, tables)


def _certificate_ids(text: str, tabs: Tables) -> tuple[str, ...]:
    matches = tabs.certificate_matcher.find(normalize_text(text).text)
    return tuple(dict.fromkeys(m.key for m in matches))


# Openings list the same few hundred certificate names over and over.
@functools.lru_cache(maxsize=8192)
def _default_certificate_ids(text: str) -> tuple[str, ...]:
    return _certificate_ids(text, load_tables())


def _first(text: str, cues: tuple[str, ...]) -> int | None:
    positions = [p for p in (text.find(c) for c in cues) if p >= 0]
    return min(positions) if positions else None


@functools.lru_cache(maxsize=4096)
def _cue(text: str) -> Requirement | None:
    """What ``text`` (a stretch of one item) says about a certificate next to it.

    "없어도 가능" outranks everything; then the first of 필수-like and 우대-like cues; a bare
    "소지자" (no 우대 with it) is a requirement.
    """
    if _first(text, CERT_NOT_REQUIRED_CUES) is not None:
        return "preferred"
    required = _first(text, CERT_REQUIRED_CUES)
    preferred = _first(text, CERT_PREFERRED_CUES)
    if required is not None and (preferred is None or required < preferred):
        return "required"
    if preferred is not None:
        return "preferred"
    return "required" if _first(text, CERT_HOLDER_CUES) is not None else None


def _groups(text: str, matches: tuple[GazetteerMatch, ...]) -> list[list[GazetteerMatch]]:
    """Matches joined only by 및, 또는, commas... ("지게차, 용접기능사 우대") form one group."""
    groups: list[list[GazetteerMatch]] = []
    for m in matches:
        if groups and _CONJUNCTION.match(text[groups[-1][-1].end : m.start]):
            groups[-1].append(m)
        else:
            groups.append([m])
    return groups


@dataclass(slots=True)
class _Item:
    """One clause of a posting, with the cue of each certificate group in it.

    Sharing cues replaces ``cues`` and ``trailing`` whole, so they may be a reading's tuples.
    """

    clause: Clause
    groups: Sequence[Sequence[GazetteerMatch]]
    cues: Sequence[Requirement | None]
    trailing: Sequence[bool]  # the group's cue follows it (else it is a label before it)
    names_only: bool  # the clause is certificate names and fillers, nothing else
    label: Requirement | None  # a cue-only label clause ("우대사항"), for the items after it


@dataclass(frozen=True)
class _Reading:
    """What :func:`_read` finds in a clause's text, wherever the clause is."""

    groups: tuple[tuple[GazetteerMatch, ...], ...]
    cues: tuple[Requirement | None, ...]
    trailing: tuple[bool, ...]
    names_only: bool
    label: Requirement | None


# Postings repeat their list items ("4대보험", "경력 무관", "용접기능사 우대"): the default
# tables' readings are remembered.
@functools.lru_cache(maxsize=16384)
def _default_reading(text: str) -> _Reading:
    return _read(text, load_tables())


def _read(text: str, tabs: Tables) -> _Reading:
    matches = tabs.certificate_matcher.find(text)
    groups = _groups(text, matches)
    cues: list[Requirement | None] = []
    trailing: list[bool] = []
    for k, group in enumerate(groups):
        following = text[group[-1].end : groups[k + 1][0].start if k + 1 < len(groups) else None]
        preceding = text[groups[k - 1][-1].end if k else 0 : group[0].start]
        after = _cue(_TRAILING_LABEL.sub("", following))
        cues.append(after or _cue(preceding))
        trailing.append(after is not None)
    rest = text
    for m in reversed(matches):
        rest = rest[: m.start] + " " + rest[m.end :]
    names_only = bool(matches) and not _FILLER.sub("", rest)
    label = None
    if not matches and len(_LABEL_NOISE.sub("", text)) <= _LABEL_MAX_CHARS:
        label = _cue(text)
    return _Reading(
        tuple(tuple(group) for group in groups), tuple(cues), tuple(trailing), names_only, label
    )


def _share_cues(items: list[_Item], text: str) -> None:
    """Give cue-less name-only items the cue of the item they are coordinated with."""
    for k in range(len(items) - 2, -1, -1):  # "A, B 우대": right to left, so "A, B, C 우대"
        item, nxt = items[k], items[k + 1]
        gap = text[item.clause.end : nxt.clause.start].strip()
        if (
            item.names_only
            and item.cues[-1] is None
            and nxt.groups
            and nxt.trailing[0]
            and _COORDINATED_GAP.match(gap)
        ):
            item.cues = [nxt.cues[0]] * len(item.cues)
            item.trailing = [True] * len(item.trailing)
    for k in range(1, len(items)):  # "필수: A, B" and "[우대사항] A / B": left to right
        item, prev = items[k], items[k - 1]
        if not item.names_only or item.cues[0] is not None:
            continue
        if prev.label is not None:
            shared: Requirement | None = prev.label
        elif prev.groups and not prev.trailing[-1]:
            shared = prev.cues[-1]
        else:
            continue
        item.cues = [shared] * len(item.cues)
        item.trailing = [False] * len(item.trailing)
        if shared is not None:
            item.label = None


def _keep_sections(items: list[_Item]) -> None:
    """Under a 우대 heading (">>우대조건<<", "[우대사항]") a certificate is preferred unless its
    own item says 필수: "기계정비산업기사, 공유압기능사, 전기기능사 소지자" there is a wish,
    not three requirements. The section ends at the next heading ("[복리후생]")."""
    section: Requirement | None = None
    for item in items:
        if item.label is not None:
            section = item.label
        elif not item.groups:
            if _SECTION_HEADING.fullmatch(_LABEL_NOISE.sub("", item.clause.text)):
                section = None
        elif section == "preferred" and _first(item.clause.text, CERT_REQUIRED_CUES) is None:
            item.cues = ["preferred"] * len(item.cues)


def is_formal_name(surface: str) -> bool:
    """Whether a certificate's name says it is one (용접기능사, 지게차 면허), rather than being
    the job's own name too (요양보호사, 영양사)."""
    return surface.replace(" ", "").endswith(_FORMAL_SUFFIXES)


def is_formal(cert: str, tables: Tables | None = None) -> bool:
    """:func:`is_formal_name` of the certificate ``cert``'s own name."""
    return is_formal_name(_tables(tables).certificates[cert].name_ko)


def certificate_requirements(
    certificates: Iterable[str],
    description: str,
    *,
    title: str = "",
    tables: Tables | None = None,
) -> dict[str, Requirement]:
    """Whether each certificate of an opening is required or preferred.

    ``certificates`` are the opening's listed certificates (names, aliases or ids); the
    description decides, item by item (see the module docstring), with 필수, 반드시, 없으면
    지원 불가, 소지자에 한함 (required) or 우대, 있으면 좋음 (preferred), or with a cue next to
    자격증 in general. A certificate named only in the description is included when a cue
    goes with it, or when its item is nothing but a name that can only be a certificate
    ("· 지게차운전기능사 ·"): "CO2·TIG 특수용접" and "용접기능사 시험 대비 지도" are the work.
    Without any cue a listed certificate is "preferred"; a cue in its own cell ("지게차운전기능사
    필수") says required as the description does.

    The ``title`` is read the same way, for the certificates it names with a cue ("지게차
    운전원 (지게차운전기능사 필수, 주간)"): required there is required; preferred there adds
    only what the description does not name. A name without a cue in a title is the work
    ("지게차 기사 모집") and adds nothing, unless its item is a certificate's formal name alone.
    """
    tabs = _tables(tables)
    listed: list[str] = []
    for name in certificates:
        ids = certificate_ids(name, tables=tabs)
        listed.extend(ids if ids else [name] if name in tabs.certificates else [])
    result = _requirements(listed, description, tabs)
    # A cell may carry its own cue ("지게차운전기능사 필수", "용접기능사 필수 / 특수용접기능사
    # 우대"): required there is required, whatever the description leaves unsaid.
    for cert, cue in _requirements([], " / ".join(certificates), tabs).items():
        if cue == "required" and cert in result:
            result[cert] = cue
    if title:
        for cert, cue in _requirements([], title, tabs).items():
            if cue == "required" or cert not in result:
                result[cert] = cue
        # "요양원 요양보호사 (3교대, 자격 필수)": the licence the job is named by, required in
        # general words, when no other certificate is
        licences = [c for c in certificate_ids(title, tables=tabs) if not is_formal(c, tabs)]
        if licences and "required" not in result.values():
            said = normalize_text(f"{title}\n{description}").text
            if any(_LICENCE_REQUIRED.search(c.text) for c in split_posting(said)):
                result.update(dict.fromkeys(licences, "required"))
        # "조선소 천장크레인 운전원 (자격증 필수)": the first licence of the job the title names
        if "required" not in result.values() and _LICENCE_REQUIRED.search(
            normalize_text(title).text
        ):
            job = tabs.occupation_matcher.find(normalize_text(without_brackets(title)).text)
            licence = tabs.primary_certificates.get(job[-1].key) if job else None
            if licence is not None:
                result[licence] = "required"
    return result


def _requirements(listed: list[str], description: str, tabs: Tables) -> dict[str, Requirement]:
    """:func:`certificate_requirements` of one text, given the listed certificates' ids."""
    default = tabs is load_tables()
    text = normalize_text(description).text
    clauses = split_posting(text)
    readings = [_default_reading(c.text) if default else _read(c.text, tabs) for c in clauses]
    # A clause is a part of the text: none names 자격증 in general when the text does not.
    named_general = _GENERAL_CERT.search(text) is not None
    if not any(reading.groups for reading in readings):
        # No certificate named: nothing to share, only the listed ones and 자격증 in general.
        general: Requirement | None = None
        if named_general:
            general = next(
                (cue for c in clauses if _GENERAL_CERT.search(c.text) and (cue := _cue(c.text))),
                None,
            )
        return {cert: general or "preferred" for cert in listed}
    items = [
        _Item(clause, r.groups, r.cues, r.trailing, r.names_only, r.label)
        for clause, r in zip(clauses, readings, strict=True)
    ]
    _share_cues(items, text)
    _keep_sections(items)
    result: dict[str, Requirement] = {}
    general = None
    for item in items:
        if not item.groups:
            if general is None and named_general and _GENERAL_CERT.search(item.clause.text):
                general = _cue(item.clause.text)
            continue
        for k, group in enumerate(item.groups):
            cue = item.cues[k]
            for m in group:
                if (
                    cue is None
                    and m.key not in listed
                    and not (item.names_only and is_formal_name(m.surface))
                ):
                    continue  # "CO2·TIG 특수용접", "용접기능사 시험 대비 지도": the work
                if cue == "required" or m.key not in result:
                    result[m.key] = cue or result.get(m.key, "preferred")
    for cert in listed:
        result.setdefault(cert, general or "preferred")
    return result
