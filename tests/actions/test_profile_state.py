"""The profile a conversation builds: merging turns, corrections, short answers, summaries."""

from __future__ import annotations

import pytest

import nlu
from actions.profile_state import (
    ProfileState,
    answer_to_question,
    form_slot_values,
    merge,
    query_text,
    read_indifference,
    to_seeker_profile,
)


def said(*turns: str) -> ProfileState:
    state = ProfileState()
    for text in turns:
        state = merge(state, nlu.parse_seeker_text(text))
    return state


def test_one_message_fills_several_slots() -> None:
    state = said("조선소 용접 15년, 특수용접 있고 군산 살아요")
    slots = form_slot_values(state)
    assert slots["occupation"] == "용접원 15년"
    assert slots["certificates"] == "특수용접기능사"
    assert slots["region"] == "군산시"
    assert slots["pay"] is None and slots["shift"] is None


def test_later_region_corrects_the_earlier_one() -> None:
    state = said("용접 10년 했어요 군산 살아요", "아 지역은 익산이요")
    assert state.home_region == "iksan"
    assert state.experience == {"welder": 10}


def test_certificate_adds_to_experience_instead_of_replacing_the_wish() -> None:
    state = said("용접 15년 했어요", "지게차 자격증도 있어요")
    assert state.wanted_families == ("welder", "forklift_driver")
    assert state.certificates_held == ("forklift",)


def test_explicit_career_change_replaces_the_wish() -> None:
    state = said("용접 15년 했어요", "이제 지게차 하고 싶어요")
    assert state.wanted_families == ("forklift_driver",)
    assert state.experience == {"welder": 15}


def test_negated_shift_is_an_exclusion_and_can_be_taken_back() -> None:
    state = said("야간은 못해요")
    assert set(state.excluded_shifts) >= {"야간"}
    assert form_slot_values(state)["shift"] is not None
    state = merge(state, nlu.parse_seeker_text("야간도 괜찮아요"))
    assert "야간" not in state.excluded_shifts


@pytest.mark.parametrize(
    ("asked", "text", "intent", "slot", "value"),
    [
        ("certificates", "없어요", "deny", "certificates", "없음"),
        ("certificates", "아뇨 읎어요", "deny", "certificates", "없음"),
        ("pay", "상관없어요", "deny", "pay", "상관없음"),
        ("shift", "네 다 괜찮아요", "affirm", "shift", "상관없음"),
        ("shift", "아뇨", "deny", "shift", "주간만"),
        ("region", "아무데나 괜찮아요", "inform", "region", "어디든"),
    ],
)
def test_short_answers_answer_the_question_just_asked(
    asked: str, text: str, intent: str, slot: str, value: str
) -> None:
    state = answer_to_question(said("용접 15년"), asked, text, intent)
    assert form_slot_values(state)[slot] == value


def test_short_answer_to_another_question_changes_nothing() -> None:
    before = said("용접 15년")
    assert answer_to_question(before, "region", "없어요", "deny") == before


def test_state_survives_the_json_round_trip_of_a_slot() -> None:
    import json

    state = said("용접 15년 특수용접 있어요 익산 살아요 월 300 이상 야간 못해요 E-9 비자")
    again = ProfileState.from_dict(json.loads(json.dumps(state.to_dict())))
    assert again == state
    assert ProfileState.from_dict({"experience": "nonsense", "unknown": 1}) == ProfileState()


def test_matcher_profile_and_query_text() -> None:
    state = said("조선소 용접 15년 특수용접 있어요", "야간은 못해요 월 300 이상")
    profile = to_seeker_profile(state)
    assert profile.wanted_families == ("welder",)
    assert profile.min_monthly_pay == 3_000_000
    assert "야간" in profile.excluded_shifts
    assert query_text(state) == "용접원 용접원 15년 경력 특수용접기능사"
    assert query_text(ProfileState()) == "일자리"


@pytest.mark.parametrize(
    ("text", "slot", "value"),
    [
        ("월급 상관없고 야간도 괜찮아요", "pay", "상관없음"),
        ("급여는 아무래도 괜찮아요", "pay", "상관없음"),
        ("지역은 상관없어요", "region", "어디든"),
        ("근무시간은 상관없어요", "shift", "상관없음"),
    ],
)
def test_saying_a_condition_does_not_matter_answers_it(text: str, slot: str, value: str) -> None:
    state = read_indifference(said("용접 15년", text), text)
    assert form_slot_values(state)[slot] == value


def test_a_stated_minimum_pay_is_not_undone_by_indifference_elsewhere() -> None:
    state = read_indifference(said("월 300 이상은 받아야 돼요"), "돈은 상관없어요")
    assert form_slot_values(state)["pay"] == "월 300만원 이상"
