"""Work places as sources write them.

Granularity differs by row: ``서울 강남구``, ``서울특별시 강남구 테헤란로38길``, ``경기 하남시 등``,
``서울전체``, ``전국``, ``재택근무``; 고용24 prefixes a postcode (``(04788)  서울특별시 …``,
``04788 서울특별시 …``) and doubles spaces. :func:`clean_location` gives the text to show and
to resolve, and whether it names a place at all.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

__all__ = ["Location", "Scope", "clean_location", "looks_like_location"]

#: 시·도 as written in full and short, for telling an address from other text.
PROVINCES = (
    "서울", "부산", "대구", "인천", "광주", "대전", "울산", "세종", "경기", "강원", "충북", "충남",
    "충청북도", "충청남도", "전북", "전남", "전라북도", "전라남도", "경북", "경남", "경상북도",
    "경상남도", "제주",
)  # fmt: skip
_POSTCODE = re.compile(r"^\s*\(?\d{5}\)?\s*")
_TRAILING = re.compile(r"\s*(?:등|외(?:\s*\d+\s*(?:곳|개\s*지역))?)\s*$")
_WHOLE = re.compile(r"\s*전체$")
_PROVINCE_START = re.compile(
    r"^(?:" + "|".join(PROVINCES) + r")(?:특별자치시|특별자치도|특별시|광역시|도)?(?:\s|$|전체)"
)
NATIONWIDE = ("전국", "전지역", "지역무관", "전국각지")
REMOTE = ("재택", "재택근무", "원격근무", "온라인")


class Scope(StrEnum):
    """What a location cell names."""

    PLACE = "place"
    NATIONWIDE = "nationwide"
    REMOTE = "remote"
    NONE = "none"


@dataclass(frozen=True)
class Location:
    """The cleaned text of a location and what it names."""

    text: str
    scope: Scope


def clean_location(raw: str) -> Location:
    """Drop the postcode, doubled spaces, a trailing 등/외 and 전체; tell 전국 and 재택 apart."""
    text = " ".join(_POSTCODE.sub("", raw).split())
    if not text:
        return Location("", Scope.NONE)
    compact = text.replace(" ", "")
    if compact in NATIONWIDE:
        return Location(text, Scope.NATIONWIDE)
    if compact in REMOTE:
        return Location(text, Scope.REMOTE)
    text = _WHOLE.sub("", _TRAILING.sub("", text))
    return Location(text, Scope.PLACE)


def looks_like_location(text: str) -> bool:
    """Whether a cell reads as an address ("서울 강남구", "경기도 하남시 …"): for shifted rows."""
    return bool(_PROVINCE_START.match(text.strip()))
