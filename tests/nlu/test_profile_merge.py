"""The profile a conversation builds: merging turns, corrections, short answers as flags."""

from __future__ import annotations

from dataclasses import replace

import pytest

import nlu
from nlu.occupation_class import read_seeker_jobs, with_jobs
from nlu.profile import Experience, FormSlot, SeekerProfile
from nlu.profile_merge import (
    answer_to_question,
    merge,
    read_certificate_answer,
    read_indifference,
)


def said(*turns: str) -> SeekerProfile:
    state = SeekerProfile()
    for text in turns:
        state = merge(state, nlu.parse_seeker_text(text))
    return state


def test_one_message_fills_several_facts() -> None:
    state = said("조선소 용접 15년, 특수용접 있고 군산 살아요")
    assert state.experience == (Experience("welder", 15),)
    assert state.certificates_held == ("special_welding",)
    assert state.home_region == "gunsan"
    assert state.min_monthly_pay is None and not state.pay_any
    assert not (state.wanted_shifts or state.excluded_shifts or state.shift_any)
    assert state.evidence == ()  # a conversation keeps facts, not one message's readings


def test_later_region_corrects_the_earlier_one() -> None:
    state = said("용접 10년 했어요 군산 살아요", "아 지역은 익산이요")
    assert state.home_region == "iksan"
    assert state.years() == {"welder": 10}


def test_certificate_adds_to_experience_instead_of_replacing_the_wish() -> None:
    state = said("용접 15년 했어요", "지게차 자격증도 있어요")
    assert state.wanted_families == ("welder", "forklift_driver")
    assert state.certificates_held == ("forklift",)


def test_explicit_career_change_replaces_the_wish() -> None:
    state = said("용접 15년 했어요", "이제 지게차 하고 싶어요")
    assert state.wanted_families == ("forklift_driver",)
    assert state.years() == {"welder": 15}


def test_negated_shift_is_an_exclusion_and_can_be_taken_back() -> None:
    state = said("야간은 못해요")
    assert state.excluded_shifts >= {"야간"}
    state = merge(state, nlu.parse_seeker_text("야간도 괜찮아요"))
    assert "야간" not in state.excluded_shifts


def test_typed_none_and_have_are_read() -> None:
    assert said("용접 10년", "자격증은 업어요").no_certificates
    assert said("지게차 3년 했고 자격증 잇어요").certificates_held == ("forklift",)


def test_any_site_is_any_work() -> None:
    assert said("노가다 했어요", "아무 현장이나 괜찮아요").any_occupation


def test_weekends_age_and_starting_out_are_kept_across_turns() -> None:
    state = said("칠십 다 돼 가는디 일자리 있소", "경비 같은 거", "주말은 안 돼요", "신입이에요")
    assert (state.age, state.no_weekends, state.newcomer) == (69, True, True)
    state = merge(state, nlu.parse_seeker_text("군산 살아요"))
    assert (state.age, state.no_weekends, state.newcomer) == (69, True, True)
    assert not merge(state, nlu.parse_seeker_text("주말도 괜찮아요")).no_weekends


def test_a_dormitory_said_needed_later_replaces_one_only_welcome() -> None:
    state = said("용접 삼년 했어요", "기숙사 있으면 좋겠어요")
    assert state.needs_dormitory and state.dormitory_optional
    assert (
        state.dormitory_optional
        and merge(state, nlu.parse_seeker_text("군산이요")).dormitory_optional
    )
    needed = merge(state, nlu.parse_seeker_text("아 기숙사 꼭 있어야 돼요"))
    assert needed.needs_dormitory and not needed.dormitory_optional


def test_korean_spoken_a_little_is_kept_across_turns() -> None:
    state = said("베트남에서 왔어요 한국말 조금 해요", "낮에만요")
    assert state.little_korean and merge(state, nlu.parse_seeker_text("공장이요")).little_korean


def test_a_wish_for_short_term_work_is_kept_across_turns() -> None:
    state = said("방학 동안만 할 알바요", "편의점")
    assert state.short_term and merge(state, nlu.parse_seeker_text("수송동이요")).short_term


@pytest.mark.parametrize(
    ("asked", "text", "intent", "flag"),
    [
        ("certificates", "없어요", "deny", "no_certificates"),
        ("certificates", "자격증 업어요", "inform", "no_certificates"),
        ("certificates", "아뇨 읎어요", "deny", "no_certificates"),
        ("pay", "상관없어요", "deny", "pay_any"),
        ("shift", "네 다 괜찮아요", "affirm", "shift_any"),
        ("region", "아무데나 괜찮아요", "inform", "region_anywhere"),
        ("occupation", "아무거나 괜찮아요", "inform", "any_occupation"),
    ],
)
def test_short_answers_set_the_flag_of_the_question_just_asked(
    asked: FormSlot, text: str, intent: str, flag: str
) -> None:
    before = said("용접 15년")
    assert getattr(answer_to_question(before, asked, text, intent), flag) is True
    assert getattr(before, flag) is False


def test_no_to_night_work_means_day_shifts_only() -> None:
    state = answer_to_question(said("용접 15년"), "shift", "아뇨", "deny")
    assert state.wanted_shifts == {"주간"}
    assert state.excluded_shifts == {"야간", "2교대", "3교대"}
    assert not state.shift_any


def test_short_answer_to_another_question_changes_nothing() -> None:
    before = said("용접 15년")
    assert answer_to_question(before, "region", "없어요", "deny") == before


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        ("월급 상관없고 야간도 괜찮아요", "pay_any"),
        ("급여는 아무래도 괜찮아요", "pay_any"),
        ("지역은 상관없어요", "region_anywhere"),
        ("근무시간은 상관없어요", "shift_any"),
    ],
)
def test_saying_a_condition_does_not_matter_answers_it(text: str, flag: str) -> None:
    state = read_indifference(said("용접 15년", text), text)
    assert getattr(state, flag) is True


def test_a_stated_minimum_pay_is_not_undone_by_indifference_elsewhere() -> None:
    state = read_indifference(said("월 300 이상은 받아야 돼요"), "돈은 상관없어요")
    assert state.min_monthly_pay == 3_000_000
    assert not state.pay_any


@pytest.mark.parametrize(
    ("text", "held"),
    [
        ("특수허고 일반 다 있어라", ("special_welding", "welding_craftsman")),
        ("산업기사요", ("welding_industrial_engineer",)),
        ("특수는 없고 일반만 있어요", ()),  # which one is lacking is not guessed
        ("네", ()),
    ],
)
def test_short_certificate_names_answer_the_certificate_question(
    text: str, held: tuple[str, ...]
) -> None:
    assert read_certificate_answer(said("용접 10년"), text).certificates_held == held


@pytest.mark.parametrize(
    ("done", "text", "held"),
    [
        ("골리앗 탔어요 십년", "자격증 있어요 천장크레인", ("overhead_crane",)),
        ("골리앗 탔어요 십년", "자격증잇어요 천장크래인", ("overhead_crane",)),  # ㅐ for ㅔ
        ("크레인 8년", "타워 크래인이랑 기중기 있어요", ("mobile_crane", "tower_crane")),
        ("용접 10년", "특수용접 있어요", ("special_welding",)),  # not 용접기능사 as well
    ],
)
def test_a_certificate_named_by_its_head_after_the_claim(
    done: str, text: str, held: tuple[str, ...]
) -> None:
    assert read_certificate_answer(said(done), text).certificates_held == held


@pytest.mark.parametrize(
    ("turns", "years"),
    [
        (("판금허고 제관 다 혀요", "경력은 팔년"), {"sheet_metal": 8}),
        (("지게차 면허 있어라", "삼년 탔지라"), {"forklift_driver": 3}),
        (("전기 일 합니다", "전기기능사", "경력은 십오년"), {"electrician": 15}),
        (("용접 10년 했어요", "경력은 십오년"), {"welder": 10}),  # its years were said
        (("용접이나 지게차요", "경력은 오년"), {}),  # two trades: whose years is unclear
    ],
)
def test_years_said_alone_belong_to_the_one_trade_named_before(
    turns: tuple[str, ...], years: dict[str, int]
) -> None:
    assert {f: y for f, y in said(*turns).years().items() if y is not None} == years


def test_a_nationality_never_replaces_a_visa_said_before() -> None:
    state = replace(SeekerProfile(), visa="E-9")
    assert merge(state, replace(SeekerProfile(), visa="외국인")).visa == "E-9"
    assert merge(SeekerProfile(), replace(SeekerProfile(), visa="외국인")).visa == "외국인"
    assert merge(replace(SeekerProfile(), visa="외국인"), replace(state)).visa == "E-9"


def test_a_wish_for_high_pay_is_kept() -> None:
    state = merge(SeekerProfile(), replace(SeekerProfile(), wants_high_pay=True))
    assert merge(state, nlu.parse_seeker_text("군산 살아요")).wants_high_pay


def test_limits_are_kept_and_a_new_one_is_added() -> None:
    state = merge(
        SeekerProfile(),
        replace(SeekerProfile(), work_hours="오전", physical_limits=frozenset({"standing"})),
    )
    later = merge(
        state, replace(SeekerProfile(), max_daily_hours=4, physical_limits=frozenset({"heavy"}))
    )
    assert later.work_hours == "오전"
    assert later.max_daily_hours == 4
    assert later.physical_limits == {"standing", "heavy"}
    assert merge(later, replace(SeekerProfile(), work_hours="오후")).work_hours == "오후"
    again = SeekerProfile.from_dict(later.to_dict())
    assert (again.work_hours, again.max_daily_hours, again.physical_limits) == (
        "오전",
        4,
        frozenset({"standing", "heavy"}),
    )


def said_with_codes(*turns: str) -> SeekerProfile:
    state = SeekerProfile()
    for text in turns:
        state = merge(state, with_jobs(nlu.parse_seeker_text(text), text))
    return state


def test_the_work_said_is_kept_as_codes_and_words_across_turns() -> None:
    state = said_with_codes("조립 생산직 해봤어요", "익산이요", "아니 익산 말고 김제요")
    assert state.wanted_families == ("production_worker",)  # the coarse grouping stays
    assert state.done_codes == (("8", None),)
    assert state.done_words == ("조립", "생산직")
    assert state.wanted_codes == () and state.wanted_words == ()  # only implied by work done


def test_a_wish_said_replaces_the_coded_wishes_and_keeps_the_work_done() -> None:
    state = said_with_codes("용접 일 찾는데요", "용접 15년 했어요", "이제 지게차 하고 싶어요")
    assert state.wanted_codes == ("623004",)
    assert state.wanted_words == ("지게차",)
    assert dict(state.done_codes) == {"8241": 15}


def test_codes_survive_the_conversation_json() -> None:
    state = said_with_codes("자동차 조립 20년 했는데 배터리 공장 쪽으로 가고 싶어요")
    assert state.done_codes == (("8171", 20),)
    assert SeekerProfile.from_dict(state.to_dict()) == state


def test_the_hours_between_are_kept_and_replaced_whole() -> None:
    said = merge(SeekerProfile(), replace(SeekerProfile(), work_from=9, work_until=15))
    later = merge(said, nlu.parse_seeker_text("포장 일 찾아요"))
    assert (later.work_from, later.work_until) == (9, 15)
    evening = merge(later, replace(SeekerProfile(), work_from=19, work_until=23))
    assert (evening.work_from, evening.work_until) == (19, 23)


def test_a_place_to_work_ruled_out_in_a_correction_is_dropped() -> None:
    # open dialogs l015: "전주 사출공장 자리 있어요?" then "아 전주 말고 군산이요 잘못썼네"
    state = said("전주 사출공장 자리 있어요?", "아 전주 말고 군산이요 잘못썼네")
    assert (state.home_region, state.work_regions) == ("gunsan", ())
    kept = said("익산 공장 자리 있어요?", "군산 살아요")
    assert kept.work_regions == ("iksan",)


def test_years_said_alone_are_those_of_work_no_family_names() -> None:
    # open dialogs l011: "배 블록 맞추고 가접 놓는 일 했어요" then "십오년요"
    state = said("배 블록 맞추고 가접 놓는 일 했어요", "십오년요")
    assert state.done_codes == (("824104", 15),)
    # tacking (가접) and fitting blocks are the fitter's kind of the welding unit
    assert read_seeker_jobs("배 블록 맞추고 가접 놓는 일 했어요").works == (("8241", "취부"),)


def test_a_town_ruled_out_stays_out_until_named_again() -> None:
    # open dialogs l026: "익산서 전기 일 찾는디요" … "아 익산 말고 군산이요"
    state = said(
        "익산서 전기 일 찾는디요", "전기기능사 있고 공장전기 삼년", "아 익산 말고 군산이요"
    )
    assert (state.home_region, state.work_regions, state.excluded_regions) == (
        "gunsan",
        (),
        ("iksan",),
    )
    assert said("나운동 말고 수송동이요").excluded_regions == ()  # a 동, not the town
    # the place refused itself, not a clause refusing something about it (second x013)
    assert said("군산 떠날 생각은 없고 하던 일 계속 허고 싶어요").excluded_regions == ()
    assert said("전주는 안 가요").excluded_regions == ("jeonju",)
    assert merge(state, nlu.parse_seeker_text("익산도 괜찮아요")).excluded_regions == ()
