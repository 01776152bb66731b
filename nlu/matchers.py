"""Matchers for the closed vocabularies in :mod:`nlu.lexicon`, built once on first use."""

from __future__ import annotations

import functools
import logging

from nlu.gazetteer import Gazetteer
from nlu.lexicon import EMPLOYMENT_TERMS, NIGHT_PAY_TERMS, SHIFT_TERMS

__all__ = ["employment_matcher", "shift_matcher", "shifts_of"]

logger = logging.getLogger(__name__)

# Surfaces that contain a shift or employment word but are not one.
_BLOCKERS = (
    "교대역",
    "교대로",
    "정규 교육",
    "정규과정",
    "야간대학",
    "야간 대학",
    # a day-and-night care center (주야간보호센터) is a kind of care home
    "주야간보호",
    "주야간 보호",
    "주간지",
    "주간 회의",
    # allowances and occasional overtime are not the shift pattern
    *NIGHT_PAY_TERMS,
    "야간 특근",
    "야간특근",
    "야간 연장",
    "주간 계획",
    # days a week, not the day shift: "주5일근무" holds 일근
    "일근무",
)


@functools.lru_cache(maxsize=1)
def shift_matcher() -> Gazetteer:
    """Shift surfaces → ``"|"``-joined shift names (see :func:`shifts_of`)."""
    return Gazetteer(
        ((surface, "|".join(shifts)) for surface, shifts in SHIFT_TERMS.items()),
        blockers=_BLOCKERS,
        name="shifts",
    )


@functools.lru_cache(maxsize=1)
def employment_matcher() -> Gazetteer:
    """Employment-type surfaces → 정규직 | 계약직 | 일용직 | 파견직."""
    return Gazetteer(EMPLOYMENT_TERMS.items(), blockers=_BLOCKERS, name="employment types")


def shifts_of(key: str) -> tuple[str, ...]:
    """The shifts a :func:`shift_matcher` key stands for."""
    return tuple(key.split("|"))
