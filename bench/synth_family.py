"""The shape of an occupation family: its job variants and what its postings offer.

The families themselves are in :mod:`synth_families` (and :mod:`synth_yard_trades`), the
look-alike trap families in :mod:`synth_traps`.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Family", "Variant", "variant"]


@dataclass(frozen=True)
class Variant:
    """One kind of job within a family: what the title calls it and its own duties."""

    title: str
    duties: tuple[str, ...] = ()
    certs: tuple[tuple[str, float], ...] | None = None  # overrides the family's


def variant(
    title: str, *duties: str, certs: tuple[tuple[str, float], ...] | None = None
) -> Variant:
    """A :class:`Variant`, with its duties as positional arguments (keeps the tables short)."""
    return Variant(title, duties, certs)


@dataclass(frozen=True)
class Family:
    """How postings of one occupation family look and what they offer."""

    id: str
    weight: float
    occupations: tuple[str, ...]  # raw 직종 strings as 고용24 shows them
    variants: tuple[Variant, ...]
    duties: tuple[str, ...]  # duties any variant of the family may add
    company_kinds: tuple[str, ...]
    certs: tuple[tuple[str, float], ...] = ()  # (certificate, chance it is named)
    require_p: float = 0.2  # chance a named certificate is 필수 rather than 우대
    monthly: tuple[int, int] = (2_300_000, 3_000_000)  # experienced, KRW per month
    pay_types: tuple[float, float, float] = (80, 15, 5)  # 월급, 시급, 연봉
    shifts: tuple[float, float, float, float] = (70, 20, 5, 5)  # 주간, 2교대, 3교대, 야간
    employment: tuple[float, float, float, float] = (60, 20, 8, 12)  # 정규, 계약, 일용, 파견
    career: tuple[float, float, float] = (20, 45, 35)  # 신입, 경력, 무관
    years: tuple[int, ...] = (1, 1, 2, 3)  # "경력 N년 이상" when 경력 is asked
    e9: tuple[float, float] = (0.2, 0.1)  # chance of 외국인(E-9) 가능, of 내국인만
    dorm_p: float = 0.1
    bus_p: float = 0.2
    profile: str = "factory"
    extras: tuple[str, ...] = ()  # other requirements, in the posting's words
    education: tuple[str, ...] = ("학력무관",)
    lookalike_of: str | None = None
