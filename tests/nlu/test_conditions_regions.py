"""Where the seeker lives, as they say it (nlu.conditions.read_regions)."""

from __future__ import annotations

import pytest

import nlu
from nlu.conditions import REGION_REACHABLE


@pytest.mark.parametrize(
    ("text", "home"),
    [
        # the finest place named inside the city is the home: distances start there
        ("군산 조촌동이지라", "gunsan_jochon"),
        ("군산조촌동이지라", "gunsan_jochon"),
        ("전북 군산시 수송동 살아요", "gunsan_susong"),
        ("군산 나운동이요", "gunsan_naun"),
        ("조촌동 살어라", "gunsan_jochon"),
        ("군산 살아요", "gunsan"),
        # the town's dongs as seekers name them (fourth and fifth sets): not the whole city
        ("미장동 살어", "gunsan_mijang"),
        ("해망동 살어", "gunsan_haemang"),
        ("지곡동 삼", "gunsan_jigok"),
        # a place in another clause is not where they live
        ("군산 살아요 오식도동 공장 다녔어요", "gunsan"),
        ("군산 사는데 익산 가도 돼요", "gunsan"),
        ("군산 살고 조촌동은 싫어요", "gunsan"),
    ],
)
def test_the_home_is_the_finest_place_the_clause_names(text: str, home: str) -> None:
    assert nlu.parse_seeker_text(text).home_region == home


@pytest.mark.parametrize(
    ("text", "work"),
    [
        ("익산 식품클러스터 공장 생산직 주간만 하는데 있을까요? 대야 살아요", ("iksan",)),
        ("익산이나 군산", ("iksan", "gunsan")),
        ("군산 살아요", ()),  # the home
        ("군산 살아요 익산도 갈 수 있어라", ()),  # reachable, not asked for
        ("울산에서 용접 했었는데 군산으로 이사 왔어요", ()),  # where they worked
        ("군산이여", ()),  # a bare place answers where they live (dialog d045, then "아 집이
        ("익산 쪽 공장", ("iksan",)),  # 서천 장항이에요" must move the search there)
    ],
)
def test_the_places_named_to_work_in_are_neither_home_nor_past_nor_merely_reachable(
    text: str, work: tuple[str, ...]
) -> None:
    assert nlu.parse_seeker_text(text).work_regions == work


@pytest.mark.parametrize(
    ("text", "reachable"),
    [
        ("익산도 갈 수 있어라", "iksan"),
        ("전주까지 다닐 수 있어요", "jeonju"),
        ("군산 살아요 익산까지 가도 돼요", "iksan"),
    ],
)
def test_a_place_the_seeker_would_go_to_is_no_home(text: str, reachable: str) -> None:
    profile = nlu.parse_seeker_text(text)
    assert profile.home_region != reachable
    assert (REGION_REACHABLE + reachable) in {fact for _, fact in profile.evidence}


@pytest.mark.parametrize(
    ("text", "home"),
    [
        # the places before 쪽/근처 are where the seeker would work, after work done too
        ("설계 경력 6년 완주 전주 쪽", "wanju"),
        ("공장 다녔어요 김제 근처", "gimje"),
        # a place said without a work clause is read as before
        ("용접 배우고 싶어요 군산 익산 쪽", "gunsan"),
    ],
)
def test_a_place_around_which_the_seeker_would_work(text: str, home: str) -> None:
    assert nlu.parse_seeker_text(text).home_region == home
