"""How well an opening's pay meets what the seeker asked: a floor, or "돈 많이 주는 데".

The hard filter (:func:`retrieval.constraints.allowed_rows`) keeps every opening whose best
stated pay reaches the seeker's floor; among those, a posting that pays the floor for sure
("월 430만원 ~ 470만원" for "월 400은 받아야") fits better than one that may ("370 ~ 440,
경력에 따라 협의"). :func:`pay_fit` is that bounded [0, 1] term for the re-scoring
(:mod:`retrieval.fusion`), never a gate.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from retrieval.catalog import Catalog

if TYPE_CHECKING:
    import numpy as np

__all__ = ["pay_fit"]


def pay_fit(
    catalog: Catalog, rows: np.ndarray, *, floor: int | None, high_pay: bool, rate: bool = False
) -> np.ndarray:
    """Per given row, how well its pay meets the seeker's wish, in [0, 1] (float64).

    ``floor`` (monthly KRW, "월 400 이상"): the share of the posting's stated range at or
    above it — 1 when even its lowest pay reaches it, 0 when only its best pay does or pay
    is unknown. ``high_pay`` ("돈 많이 주는 데로", no number): the row's best pay as a
    rank among the given rows (1 = best paid, 1/n the lowest, unknown pay 0). Both: their
    mean; neither: 0. A floor said as a ``rate`` ("시급 만원") is met by the rate; otherwise
    pay counts what the posting earns a month at its hours (a weekend part-time job's
    시급 12,000원 is not 250만원 a month).
    """
    import numpy as np

    low, high = catalog.pay_min[rows], catalog.best_pay[rows]
    earned_low, earned_high = catalog.earned(low, rows), catalog.earned(high, rows)
    terms: list[np.ndarray] = []
    if floor:
        if not rate:
            low, high = earned_low, earned_high
        reaches = (high >= floor).astype(np.float64)  # NaN: False
        with np.errstate(invalid="ignore", divide="ignore"):
            share = np.clip((high - floor) / (high - low), 0.0, 1.0)
        terms.append(np.where(high > low, share, reaches))  # NaN low: a single stated pay
    if high_pay:
        high = earned_high
        known = ~np.isnan(high)
        paid = np.sort(high[known])
        rank = np.zeros(len(rows))
        # Equal pay, equal rank; the lowest known pay still above an unknown one.
        rank[known] = np.searchsorted(paid, high[known], side="right") / len(paid)
        terms.append(rank)
    if not terms:
        return np.zeros(len(rows))
    return np.mean(terms, axis=0).astype(np.float64)
