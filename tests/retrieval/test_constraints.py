"""Hard filters and the distance penalty over a small hand-made catalog."""

from __future__ import annotations

import math
from dataclasses import replace
from datetime import date

import numpy as np
import pytest

import nlu
from retrieval.catalog import OPEN_ENDED_ORDINAL, Catalog, Codes
from retrieval.constraints import MatchPolicy, allowed_rows, beyond_commute, distances_km

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


def test_hard_filters_drop_expired_excluded_underpaid_refused_and_lacking() -> None:
    profile = nlu.SeekerProfile(
        excluded_shifts=frozenset({"야간"}), visa="E-9", min_monthly_pay=3_000_000
    )
    mask = allowed_rows(catalog(), profile, as_of=AS_OF)
    # 1: 내국인만 for a visa holder, 2: night shift (and 파견직 for E-9), 3: closed
    # yesterday, 4: 일용직 for E-9, 5: pays at most 240만원. Unknown pay would pass.
    assert mask.tolist() == [False, False, False, False, False]
    lacking = nlu.SeekerProfile(certificates_lacking=("special_welding",))
    assert allowed_rows(catalog(), lacking, as_of=AS_OF).tolist() == [
        False, True, False, True, True,
    ]  # fmt: skip


def test_distance_is_a_bounded_penalty_not_a_filter() -> None:
    rows = np.asarray([0, 1, 2, 3, 4])
    distance = np.asarray([10.0, NAN, 52.5, 70.0, 200.0])
    policy = MatchPolicy(commute_km=35.0)
    over = beyond_commute(catalog(), rows, nlu.SeekerProfile(), distance=distance, policy=policy)
    assert over.tolist() == [0.0, 0.0, 0.5, 1.0, 1.0]
    mover = nlu.SeekerProfile(needs_dormitory=True)
    over = beyond_commute(catalog(), rows, mover, distance=distance, policy=policy)
    assert over.tolist() == [0.0, 0.0, 0.5, 1.0, 0.0]  # 5 has a dormitory
    # "기숙사 있으면 좋겠어요": welcome, not a reason to move for it
    wisher = nlu.SeekerProfile(needs_dormitory=True, dormitory_optional=True)
    over = beyond_commute(catalog(), rows, wisher, distance=distance, policy=policy)
    assert over.tolist() == [0.0, 0.0, 0.5, 1.0, 1.0]
    anywhere = nlu.SeekerProfile(region_anywhere=True)
    assert not beyond_commute(catalog(), rows, anywhere, distance=distance, policy=policy).any()


def test_distances_are_per_opening_whatever_place_it_shares() -> None:
    """Distances are computed once per distinct place and spread to its openings."""
    places = replace(
        catalog(),
        lat=np.asarray([35.97, NAN, 35.95, 35.97, 36.05]),
        lon=np.asarray([126.71, NAN, 126.96, 126.71, 126.71]),
    )
    home = nlu.load_tables().regions["gunsan"]

    def haversine(lat: float, lon: float) -> float:
        a = (
            math.sin(math.radians(lat - home.lat) / 2) ** 2
            + math.cos(math.radians(home.lat))
            * math.cos(math.radians(lat))
            * math.sin(math.radians(lon - home.lon) / 2) ** 2
        )
        return 2 * 6371.0 * math.asin(math.sqrt(a)) * nlu.ROAD_FACTOR

    got = distances_km(places, home)
    assert np.isnan(got[1])
    expected = [haversine(la, lo) for la, lo in zip(places.lat, places.lon, strict=True)]
    assert np.allclose(got[[0, 2, 3, 4]], [expected[i] for i in (0, 2, 3, 4)])
    assert got[0] == got[3] and got[2] > got[0]


@pytest.mark.parametrize(
    ("column", "flagged", "said", "kept"),
    [
        # weekend work for one who rules weekends out, weekday-only work for one who can
        # work only weekends: one filter, mirrored
        ("weekend_work", [1, 0, 0, 1, 0], nlu.SeekerProfile(no_weekends=True), [0, 1, 0, 0, 1]),
        ("weekdays_only", [1, 0, 0, 0, 1], nlu.SeekerProfile(weekends_only=True), [0, 1, 0, 1, 0]),
    ],
)
def test_the_days_a_posting_works_are_filtered_by_the_days_the_seeker_can(
    column: str, flagged: list[int], said: nlu.SeekerProfile, kept: list[int]
) -> None:
    week = catalog()
    setattr(week, column, np.asarray(flagged, dtype=bool))
    everyone = allowed_rows(week, nlu.SeekerProfile(), as_of=AS_OF)
    limited = allowed_rows(week, said, as_of=AS_OF)
    assert everyone.tolist() == [True, True, False, True, True]  # 3 closed yesterday
    assert limited.tolist() == [bool(k) for k in kept]


def test_work_through_the_night_is_filtered_like_a_night_shift_whatever_the_shift_field() -> None:
    guards = catalog()
    guards.overnight = np.asarray([False, False, False, False, True])  # "24시간 격일제", 주간 field
    no_nights = nlu.SeekerProfile(excluded_shifts=frozenset({"야간"}))
    days_only = nlu.SeekerProfile(wanted_shifts=frozenset({"주간"}))
    assert allowed_rows(guards, no_nights, as_of=AS_OF).tolist() == [
        True,
        False,
        False,
        True,
        False,
    ]
    assert allowed_rows(guards, days_only, as_of=AS_OF).tolist() == [
        True,
        False,
        False,
        False,
        False,
    ]
    no_threes = nlu.SeekerProfile(excluded_shifts=frozenset({"3교대"}))
    assert allowed_rows(guards, no_threes, as_of=AS_OF).tolist() == [True, True, False, True, True]


def test_nearness_pulls_towards_a_stated_home_only() -> None:
    from retrieval.constraints import nearness

    rows = np.asarray([0, 1, 2, 3, 4])
    distance = np.asarray([0.0, NAN, 17.5, 35.0, 200.0])
    policy = MatchPolicy(commute_km=35.0)
    iksan = nlu.SeekerProfile(home_region="iksan")
    assert nearness(rows, iksan, distance=distance, policy=policy).tolist() == [
        1.0, 0.0, 0.5, 0.0, 0.0,
    ]  # fmt: skip
    guessed = nearness(rows, nlu.SeekerProfile(), distance=distance, policy=policy)
    assert not guessed.any()  # the center's default home is a guess: no pull


def test_the_home_town_is_the_si_gun_of_the_place_named() -> None:
    from retrieval.constraints import in_home_town

    tables = nlu.load_tables()
    assert tables.town_of("seocheon_janghang") == "seocheon"  # 장항읍 is in 서천군
    assert tables.town_of("gunsan_naun") == tables.town_of("park_saemangeum") == "gunsan"
    assert tables.town_of("iksan") == "iksan"
    assert tables.town_of("jeonbuk") is None  # a province is no town
    towns = catalog()
    towns.town = Codes.of(["seocheon", None, "gunsan", "seocheon", "iksan"])
    rows = np.asarray([0, 1, 2, 3, 4])
    janghang = nlu.SeekerProfile(home_region="seocheon_janghang")
    assert in_home_town(towns, rows, janghang).tolist() == [True, False, False, True, False]
    assert not in_home_town(towns, rows, nlu.SeekerProfile()).any()  # the default is a guess
    anywhere = nlu.SeekerProfile(home_region="seocheon_janghang", region_anywhere=True)
    assert not in_home_town(towns, rows, anywhere).any()
    # "익산 식품클러스터 … 있을까요? … 대야 살아요": the town named to work in, not the home's
    wished = nlu.SeekerProfile(home_region="gunsan_daeya", work_regions=("iksan",))
    assert in_home_town(towns, rows, wished).tolist() == [False, False, False, False, True]
    both = nlu.SeekerProfile(home_region="iksan", work_regions=("iksan", "gunsan"))
    assert in_home_town(towns, rows, both).tolist() == [False, False, True, False, True]
    # dialog d045: a bare "군산이여", then "아 집이 서천장항이에요" moves the town
    from nlu.profile_merge import merge

    said = ["지게차 2년햇어요 면허잇고요", "군산이여", "아 집이 서천장항이에요"]
    profile = nlu.SeekerProfile()
    for text in said:
        profile = merge(profile, nlu.parse_seeker_text(text))
    assert in_home_town(towns, rows, profile).tolist() == [True, False, False, True, False]


def test_hours_within_the_day_rule_out_night_and_rotating_shifts() -> None:
    from retrieval.constraints import NIGHT_SHIFTS, excluded_shifts

    window = nlu.parse_seeker_text("애기 어린이집 보내고 10시부터 3시까지만 일할수 있어요")
    assert (window.work_from, window.work_until) == (10, 15)
    assert excluded_shifts(window) == NIGHT_SHIFTS
    evening = nlu.SeekerProfile(work_from=18, work_until=23)  # into the night: nothing ruled out
    assert excluded_shifts(evening) == frozenset()


def test_a_floor_a_month_is_met_by_a_months_work_and_a_rate_by_the_rate() -> None:
    """Opening 1 pays 250~350 at full time but works a fifth of the month (a weekend part-time
    job): "월 250 이상" drops it, "시급 만원 이상" (2,090,000 at 209 hours) keeps it."""
    part_time = replace(catalog(), worked=np.asarray([0.2, 1.0, 1.0, 1.0, 1.0]))
    month = nlu.SeekerProfile(min_monthly_pay=2_500_000)
    rate = nlu.SeekerProfile(min_monthly_pay=2_090_000, min_pay_rate="시급")
    assert allowed_rows(part_time, month, as_of=AS_OF).tolist()[0] is False
    assert allowed_rows(part_time, rate, as_of=AS_OF).tolist()[0] is True
    assert allowed_rows(catalog(), month, as_of=AS_OF).tolist()[0] is True


def test_a_town_ruled_out_is_not_searched() -> None:
    # "아 익산 말고 군산이요" (open dialogs l026): an opening in 익산 is not shown
    towns = replace(catalog(), town=Codes.of(["gunsan", "iksan", None, "gunsan", "iksan"]))
    profile = nlu.SeekerProfile(home_region="gunsan", excluded_regions=("iksan",))
    open_rows = allowed_rows(towns, nlu.SeekerProfile(), as_of=AS_OF)
    assert (
        allowed_rows(towns, profile, as_of=AS_OF) == open_rows & ~towns.town.isin({"iksan"})
    ).all()
    assert not allowed_rows(towns, profile, as_of=AS_OF)[4] and open_rows[4]
