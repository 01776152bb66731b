"""The pay term of the re-scoring (retrieval.pay_fit) over a small hand-made catalog."""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from retrieval.catalog import OPEN_ENDED_ORDINAL, Catalog, Codes
from retrieval.pay_fit import pay_fit

NAN = float("nan")


def catalog() -> Catalog:
    """Five welder openings paying 430~470, 370~440, 370~400, 450 (one figure), unknown."""
    n = 5
    return Catalog(
        ids=np.arange(1, n + 1, dtype=np.int64),
        family=Codes.of(["welder"] * n),
        closes_on=np.full(n, OPEN_ENDED_ORDINAL),
        work_shift=Codes.of(["주간"] * n),
        employment_type=Codes.of(["정규직"] * n),
        pay_min=np.asarray([4_300_000, 3_700_000, 3_700_000, 4_500_000, NAN]),
        pay_max=np.asarray([4_700_000, 4_400_000, 4_000_000, NAN, NAN]),
        lat=np.full(n, 35.97),
        lon=np.full(n, 126.71),
        foreign_workers=Codes.of(["unknown"] * n),
        dormitory=np.zeros(n, dtype=bool),
        certificates=[{} for _ in range(n)],
        career_years_min=np.full(n, NAN),
    )


ROWS = np.arange(5)


def test_a_floor_prefers_postings_that_pay_it_for_sure() -> None:
    """월 400 이상: 430~470 pays it whatever happens, 370~440 in 4/7 of its range, 370~400
    only at its very top; 450 as one figure does; unknown pay earns nothing."""
    fit = pay_fit(catalog(), ROWS, floor=4_000_000, high_pay=False)
    assert np.allclose(fit, [1.0, 4 / 7, 0.0, 1.0, 0.0])


def test_high_pay_ranks_by_the_best_stated_pay() -> None:
    """ "돈 많이 주는 데로": 470 first, then 450, 440, 400; unknown pay last."""
    fit = pay_fit(catalog(), ROWS, floor=None, high_pay=True)
    assert np.allclose(fit, [1.0, 2 / 4, 1 / 4, 3 / 4, 0.0])


def test_nothing_asked_moves_nothing_and_the_term_is_bounded() -> None:
    assert not pay_fit(catalog(), ROWS, floor=None, high_pay=False).any()
    both = pay_fit(catalog(), ROWS[:3], floor=4_000_000, high_pay=True)
    assert ((both >= 0) & (both <= 1)).all()
    assert both.argmax() == 0


def test_a_floor_a_month_counts_the_hours_a_part_time_posting_works() -> None:
    """시급 12,000원 (2,508,000 at 209 hours) for 토·일 08:00~12:00 earns about 42만 a month:
    it does not meet "월 250 이상", but it meets "시급 만원 이상", a rate."""
    part_time = replace(catalog(), worked=np.asarray([35 / 209, 1.0, 1.0, 1.0, 1.0]))
    part_time.pay_min[0], part_time.pay_max[0] = 2_508_000, NAN
    part_time.__post_init__()
    assert pay_fit(part_time, ROWS, floor=2_500_000, high_pay=False)[0] == 0.0
    assert pay_fit(part_time, ROWS, floor=2_090_000, high_pay=False, rate=True)[0] == 1.0
    assert pay_fit(part_time, ROWS, floor=None, high_pay=True)[0] == min(
        pay_fit(part_time, ROWS, floor=None, high_pay=True)[:4]
    )
