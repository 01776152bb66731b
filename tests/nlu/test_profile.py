"""The one seeker-profile type: its JSON round trip and the profile a search ranks with."""

from __future__ import annotations

import json

import pytest

import nlu
from nlu.profile import FORM_SLOTS, Experience, SeekerProfile
from nlu.profile_merge import merge


def test_the_form_asks_five_slots_in_order() -> None:
    assert FORM_SLOTS == ("occupation", "certificates", "region", "pay", "shift")


def test_profile_survives_the_json_round_trip_of_a_slot() -> None:
    text = "용접 15년 특수용접 있어요 익산 살아요 월 300 이상 야간 못해요 E-9 비자"
    state = merge(SeekerProfile(), nlu.parse_seeker_text(text))
    data = json.loads(json.dumps(state.to_dict()))
    assert data["experience"] == {"welder": 15}
    assert data["excluded_shifts"] == sorted(state.excluded_shifts)
    assert "evidence" not in data and "years_total" not in data
    assert SeekerProfile.from_dict(data) == state


def test_ill_typed_or_unknown_keys_are_reset_or_ignored() -> None:
    assert SeekerProfile.from_dict({"experience": "nonsense", "unknown": 1}) == SeekerProfile()
    assert SeekerProfile.from_dict(None) == SeekerProfile()
    partial = SeekerProfile.from_dict({"pay_any": "yes", "home_region": "gunsan"})
    assert partial == SeekerProfile(home_region="gunsan")


def test_a_search_wants_the_work_done_unless_something_else_is_wanted() -> None:
    worked = SeekerProfile(experience=(Experience("welder", 10),))
    assert worked.for_search().wanted_families == ("welder",)
    changing = SeekerProfile(
        experience=(Experience("welder", 10),), wanted_families=("forklift_driver",)
    )
    assert changing.for_search() == changing
    anything = SeekerProfile(experience=(Experience("welder", 10),), any_occupation=True)
    assert anything.for_search().wanted_families == ()


def test_searchable_once_it_says_what_work() -> None:
    assert not SeekerProfile(home_region="gunsan").searchable()
    assert SeekerProfile(any_occupation=True).searchable()
    assert SeekerProfile(experience=(Experience("welder"),)).searchable()
    # work no family names: the bot had asked "어떤 일을 찾으세요?" after "편의점 알바 구해요"
    assert SeekerProfile(wanted_codes=("615103",)).searchable()
    assert SeekerProfile(done_codes=(("8251", None),)).searchable()
    assert SeekerProfile(wanted_employment_types=frozenset({"일용직"})).searchable()
    assert not SeekerProfile(wanted_employment_types=frozenset({"정규직"})).searchable()


def test_limits_survive_the_slot_and_old_slots_still_load() -> None:
    said = nlu.parse_seeker_text("나이 예순일곱 주말은 안 돼요 경력 없어도 돼요?")
    data = json.loads(json.dumps(said.to_dict()))
    assert (data["no_weekends"], data["age"], data["newcomer"]) == (True, 67, True)
    assert SeekerProfile.from_dict(data).age == 67
    old = {"experience": {"welder": 15}, "wanted_families": ["welder"]}  # before the fields
    loaded = SeekerProfile.from_dict(old)
    assert (loaded.no_weekends, loaded.age, loaded.newcomer) == (False, None, False)


def test_no_certificates_searches_as_lacking_every_certificate_but_not_the_licences() -> None:
    tables = nlu.load_tables()
    none = SeekerProfile(experience=(Experience("welder", 3),), no_certificates=True)
    searched = none.for_search()
    assert searched.wanted_families == ("welder",)
    assert "welding_craftsman" in searched.certificates_lacking
    assert "license_1_ordinary" not in searched.certificates_lacking
    assert tables.certificates["license_1_ordinary"].licence
    holder = SeekerProfile(no_certificates=True, certificates_held=("forklift",))
    assert holder.for_search().certificates_lacking == ()  # a named one wins over "없어요"


def test_no_certificate_at_all_said_in_a_message_is_kept_like_an_answer() -> None:
    from nlu.profile_merge import merge

    profile = merge(
        SeekerProfile(), nlu.parse_seeker_text("용접 10년 했어요 자격증은 따본적 없어요")
    )
    assert profile.no_certificates
    assert "special_welding" in profile.for_search().certificates_lacking


def test_an_unnamed_certificate_is_that_of_the_work_wanted_after_malgo() -> None:
    # "지게차 정비 말고 운전이요": the wish is read at the KECO level only; "자격 있고" is its
    # certificate, not an unknown one
    profile = nlu.parse_seeker_text("지게차 정비 말고 운전이요 자격 있고 교대 가능")
    assert profile.certificates_held == ("forklift",)
    assert nlu.parse_seeker_text("자격 있고 교대 가능").certificates_held == ()


@pytest.mark.parametrize(
    "text",
    [
        "전기기능사 따는 중인데 태양광 설치 해보고 싶어요",
        "전기기능사 취득중이에요",
        "전기기능사 필기 붙었어요",
        "전기기능사 실기 보는중",
        "전기기능사 필기는 붙고 실기 준비 중이에요",
    ],
)
def test_a_certificate_on_the_way_is_not_held(text: str) -> None:
    profile = nlu.parse_seeker_text(text)
    assert profile.certificates_held == ()
    assert profile.certificates_lacking == ("electrician_craftsman",)


def test_a_certificate_passed_in_full_is_held() -> None:
    profile = nlu.parse_seeker_text("전기기능사 필기 실기 다 붙었어요")
    assert profile.certificates_held == ("electrician_craftsman",)
