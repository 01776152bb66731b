"""The form slots' short Korean summaries: stated facts, and flags as their own words."""

from __future__ import annotations

from dataclasses import replace

import nlu
from actions.form import form_slot_values, search_summary, stated_pay, stated_shift
from nlu.profile import FORM_SLOTS, Experience, SeekerProfile
from nlu.profile_merge import merge


def said(*turns: str) -> SeekerProfile:
    state = SeekerProfile()
    for text in turns:
        state = merge(state, nlu.parse_seeker_text(text))
    return state


def test_one_message_fills_several_slots() -> None:
    slots = form_slot_values(said("조선소 용접 15년, 특수용접 있고 군산 살아요"))
    assert list(slots) == list(FORM_SLOTS)
    assert slots["occupation"] == "용접원 15년"
    assert slots["certificates"] == "특수용접기능사"
    assert slots["region"] == "군산시"
    assert slots["pay"] is None and slots["shift"] is None


def test_flags_fill_their_slots_with_their_own_words() -> None:
    slots = form_slot_values(
        SeekerProfile(
            any_occupation=True,
            no_certificates=True,
            region_anywhere=True,
            pay_any=True,
            shift_any=True,
        )
    )
    assert slots == {
        "occupation": "무엇이든",
        "certificates": "없음",
        "region": "어디든",
        "pay": "상관없음",
        "shift": "상관없음",
    }


def test_stated_conditions_only() -> None:
    profile = said("월 300 이상 받아야 돼요, 야간은 못해요")
    assert stated_pay(profile) == "월 300만원 이상"
    # a floor said as a rate is said back as that rate, not as 209 hours' worth a month
    assert stated_pay(said("시급 만원은 넘어야 돼요")) == "시급 10,000원 이상"
    assert stated_pay(said("일당 15만 이상")) == "일급 150,000원 이상"
    assert stated_shift(profile) == "2교대, 3교대, 야간 불가"
    indifferent = SeekerProfile(pay_any=True, shift_any=True)
    assert stated_pay(indifferent) is None and stated_shift(indifferent) is None
    assert stated_shift(SeekerProfile(wanted_shifts=frozenset({"주간"}))) == "주간만"


def test_the_search_summary_leaves_out_what_does_not_matter() -> None:
    profile = SeekerProfile(
        experience=(Experience("welder", 15),),
        wanted_families=("welder",),
        region_anywhere=True,
        pay_any=True,
        wanted_shifts=frozenset({"주간"}),
    )
    assert search_summary(profile) == "용접원 15년 · 주간만"
    assert search_summary(SeekerProfile()) == ""


def test_the_search_summary_names_every_condition_that_changes_a_search() -> None:
    profile = SeekerProfile(
        wanted_families=("security_guard",),
        no_certificates=True,
        no_weekends=True,
        newcomer=True,
        age=69,
    )
    assert search_summary(profile) == "경비원 · 자격증 없음 · 주말 휴무 · 초보 가능 · 69세"


def test_the_places_named_to_work_in_are_said_when_they_are_not_the_home() -> None:
    wished = nlu.parse_seeker_text(
        "익산 식품클러스터 공장 생산직 주간만 하는데 있을까요? 대야 살아요"
    )
    assert "익산시 쪽" in search_summary(wished).split(" · ")
    listed = nlu.parse_seeker_text("용접 일 찾아요 익산이나 군산")
    assert "익산시·군산시 쪽" in search_summary(listed).split(" · ")
    home = nlu.parse_seeker_text("용접 일 찾아요 나운동 살아요")
    assert "나운동" in search_summary(home).split(" · ")


def test_a_seeker_without_a_car_sees_the_bus_the_search_asked_for() -> None:
    profile = nlu.parse_seeker_text("차가 없어서 통근버스 있어야 돼요 포장 일")
    assert profile.needs_commute_bus
    assert "통근버스 필요" in search_summary(profile).split(" · ")


def test_a_wish_for_high_pay_is_named_where_no_floor_was_said() -> None:
    wish = SeekerProfile(any_occupation=True, wants_high_pay=True)
    assert search_summary(wish) == "무엇이든 · 급여 높은 곳"
    assert stated_pay(replace(wish, min_monthly_pay=4_000_000)) == "월 400만원 이상"


def test_the_search_summary_names_the_seekers_limits() -> None:
    profile = SeekerProfile(
        experience=(Experience("cashier", None),),
        wanted_shifts=frozenset({"주간"}),
        work_hours="오전",
        max_daily_hours=4,
        physical_limits=frozenset({"standing", "heavy"}),
    )
    assert search_summary(profile) == (
        "매장 계산원 · 오전만 · 하루 4시간 이내 · 힘든 일 어려움 · 오래 서는 일 어려움"
    )


def test_the_search_summary_names_a_wish_for_short_term_work() -> None:
    profile = SeekerProfile(any_occupation=True, short_term=True)
    assert search_summary(profile) == "무엇이든 · 단기 근무"


def test_the_search_summary_names_a_town_ruled_out() -> None:
    profile = SeekerProfile(any_occupation=True, home_region="gunsan", excluded_regions=("iksan",))
    assert search_summary(profile) == "무엇이든 · 군산시 · 익산시 제외"


def test_the_search_summary_names_the_hours_the_seeker_can_work_between() -> None:
    profile = SeekerProfile(any_occupation=True, work_from=9, work_until=15)
    assert "9시~15시" in search_summary(profile).split(" · ")
    # "3시 전까지만": the summary says the end they said, not a start they did not
    assert "15시까지" in search_summary(SeekerProfile(work_until=15)).split(" · ")
    assert "7시부터 (새벽 제외)" in search_summary(SeekerProfile(work_from=7)).split(" · ")


def test_a_plant_wished_for_is_named_in_the_seekers_words_not_by_its_filed_family() -> None:
    profile = nlu.parse_seeker_text("자동차 조립 20년 했는디 배터리 공장 쪽으로 가볼라고요")
    assert profile.wanted_families == ("production_worker",)  # filed under, for the search
    assert search_summary(profile) == "배터리 공장, 자동차 조립원 20년"
    # a job wished for keeps its name
    welder = nlu.parse_seeker_text("해상풍력 쪽 용접 하고 싶어요")
    assert search_summary(welder).startswith("용접원")


def test_work_only_the_classification_names_is_named_in_the_summary() -> None:
    """The intro said "말씀하신 조건으로" to one who asked for a guard's job in other words."""
    guard = nlu.parse_seeker_text("예순다섯이고 낮에만 아파트 입구 지키는 일 찾아요")
    assert search_summary(guard).split(" · ")[0] == "경비원"
    painter = nlu.parse_seeker_text("큰 배 색칠하는 일 20년 했습니다")
    assert search_summary(painter).split(" · ")[0] == "도장원 20년"
