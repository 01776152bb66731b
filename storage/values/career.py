"""Experience requirements as boards and 고용24 write them.

``신입``, ``관계없음``, ``경력2년↑``, ``경력 8~15년``, ``신입·경력``, ``경력5년``,
``신입/경력1년``, ``경력 (최소1년) 필수``, ``경력 (최소3년) 우대``, or only ``3년 이상``.
Only a required experience keeps its minimum years: one that is merely 우대 lets newcomers
apply, so it reads as 무관.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import nlu

__all__ = ["Career", "parse_career"]

_YEARS = re.compile(r"(\d{1,2})\s*(?:~\s*\d{1,2}\s*)?년")


@dataclass(frozen=True)
class Career:
    """신입 | 경력 | 무관 (``None`` when unsaid) and the minimum years an 경력 posting requires."""

    career: str | None
    years_min: int | None


def parse_career(raw: str) -> Career:
    """Read an experience cell (see the module docstring for the forms)."""
    text = raw.strip()
    if not text:
        return Career(None, None)
    career = nlu.normalize_career(text)
    years = _YEARS.search(text)
    if career is None and years:
        career = "경력"  # an experience cell that says only "3년 이상"
    if career == "경력" and "우대" in text and "필수" not in text:
        return Career("무관", None)
    if career != "경력":
        return Career(career, None)
    return Career("경력", int(years.group(1)) if years else None)
