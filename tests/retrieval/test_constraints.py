"""Hard filters and ranking tiers over a small hand-made catalog."""

from __future__ import annotations

from datetime import date

import numpy as np

import nlu
from retrieval.catalog import OPEN_ENDED_ORDINAL, Catalog, Codes
from retrieval.constraints import (
    OTHER,
    RELATED,
    SOFT,
    TIER_PENALTY,
    UNKNOWN_FAMILY,
    WANTED,
    MatchPolicy,
    allowed_rows,
    tier_scores,
)

AS_OF = date(2026, 11, 1)
TODAY, OPEN = AS_OF.toordinal(), OPEN_ENDED_ORDINAL
NAN = float("nan")


def catalog() -> Catalog:
    """Five openings: welder, unknown family, related (pipe fitter), other (cook), welder."""
    return Catalog(
        ids=np.asarray([1, 2, 3, 4, 5], dtype=np.int64),
        family=Codes.of(["welder", None, "pipe_fitter", "cook", "welder"]),
        closes_on=np.asarray([OPEN, TODAY, TODAY - 1, OPEN, OPEN]),
        work_shift=Codes.of(["주간", "야간", None, "2교대", "주간"]),
        employment_type=Codes.of(["정규직", "파견직", None, "일용직", "계약직"]),
        pay_min=np.asarray([2_500_000, NAN, 3_200_000, NAN, 2_000_000]),
        pay_max=np.asarray([3_500_000, NAN, NAN, NAN, 2_400_000]),
        lat=np.asarray([35.97, NAN, 35.97, 35.97, 35.97]),
        lon=np.asarray([126.71, NAN, 126.71, 126.71, 126.71]),
        foreign_workers=Codes.of(["domestic_only", "e9_ok", "unknown", "unknown", "e9_ok"]),
        dormitory=np.asarray([True, False, False, False, True]),
        certificates=[
            {"special_welding": "required"},
            {},
            {"welding_craftsman": "preferred", "forklift": "preferred"},
            {},
            {"welding_craftsman": "required"},
        ],
        career_years_min=np.asarray([10.0, NAN, NAN, NAN, 3.0]),
    )


def test_codes_look_up_sets_of_values() -> None:
    codes = Codes.of(["주간", None, "야간", "주간"])
    assert codes.isin({"주간"}).tolist() == [True, False, False, True]
    assert codes.isin({"야간", "2교대"}, np.asarray([2, 3])).tolist() == [True, False]
    assert codes.labels[codes.codes[1]] is None


def test_hard_filters_drop_expired_excluded_and_underpaid() -> None:
    profile = nlu.SeekerProfile(
        excluded_shifts=frozenset({"야간"}), visa="E-9", min_monthly_pay=3_000_000
    )
    distance = np.asarray([5.0, NAN, 5.0, 5.0, 5.0])
    mask = allowed_rows(catalog(), profile, as_of=AS_OF, distance=distance, policy=MatchPolicy())
    # 2: night shift (and 파견직 for E-9), 3: closed yesterday, 4: 일용직 for E-9,
    # 5: pays at most 240만원. Unknown pay (none here) would pass.
    assert mask.tolist() == [True, False, False, False, False]


def test_tiers_order_occupations_and_apply_penalties_and_bonuses() -> None:
    profile = nlu.SeekerProfile(
        wanted_families=("welder",),
        experience=(nlu.Experience(family="welder", years=5),),
        certificates_held=("welding_craftsman",),
        certificates_lacking=("special_welding",),
        wanted_shifts=frozenset({"주간"}),
        visa="E-9",
        needs_dormitory=True,
    )
    scores = tier_scores(catalog(), np.asarray([0, 1, 2, 3, 4]), profile)
    expected = [
        # required cert lacking, 내국인만, 주간, dormitory, 5 of 10 years
        WANTED - TIER_PENALTY - TIER_PENALTY + SOFT / 2 + SOFT - SOFT,
        UNKNOWN_FAMILY + SOFT - SOFT,  # e9_ok, no dormitory
        RELATED + SOFT * 1 / 2 - SOFT,  # holds one of two listed certificates
        OTHER - SOFT,
        WANTED + SOFT + SOFT / 2 + SOFT + SOFT,  # e9_ok, 주간, holds its one certificate, dorm
    ]
    assert np.allclose(scores, expected)
    assert scores[4] > scores[2] > scores[1] > scores[3] > scores[0]


def test_tiers_of_no_rows_and_of_an_empty_profile() -> None:
    assert tier_scores(catalog(), np.asarray([], dtype=np.int64), nlu.SeekerProfile()).size == 0
    scores = tier_scores(catalog(), np.asarray([0, 3]), nlu.SeekerProfile())
    assert scores.tolist() == [0.0, 0.0]
