"""Dialect and shorthand seekers use in short answers (issue 11): what the parser reads."""

from __future__ import annotations

import pytest

import nlu
from nlu.occupation_class import read_seeker_jobs


@pytest.mark.parametrize(
    ("text", "family"),
    [("크레인 탔어요", "crane_operator"), ("추레라 몰았어요", "truck_driver"),
     ("미싱 돌렸어라", "production_worker"), ("지게차 삼년 탔지라", "forklift_driver")],
)  # fmt: skip
def test_operating_verbs_are_experience(text: str, family: str) -> None:
    assert family in nlu.parse_seeker_text(text).years()


@pytest.mark.parametrize(
    ("text", "family"),
    [("전에 자동차 부품 공장 댕겼어라", "auto_assembler"), ("조선소서 용접 댕기다 왔어요", "welder"),
     ("골리앗 탓어요 십년", "crane_operator"), ("지게차 몰앗어요", "forklift_driver")],
)  # fmt: skip
def test_jeolla_and_typed_past_tenses_are_experience(text: str, family: str) -> None:
    """댕기다 is Jeolla 다니다; 탓어요, 몰앗어요 are 탔어요, 몰았어요 typed without the ㅆ."""
    profile = nlu.parse_seeker_text(text)
    assert family in profile.years() and f"wanted:{family}" not in {f for _, f in profile.evidence}


def test_heogo_joins_two_trades_like_hago() -> None:
    assert set(nlu.parse_seeker_text("용접 허고 배관 했당께").years()) == {"welder", "pipe_fitter"}


def test_leave_out_is_an_exclusion() -> None:
    profile = nlu.parse_seeker_text("계약직은 빼 주세요")
    assert profile.excluded_employment_types == {"계약직"}
    assert not profile.wanted_employment_types


@pytest.mark.parametrize(
    ("text", "certificate"),
    [("전산회계 있어요", "computerized_accounting_2"), ("컴활 있어요", "computer_literacy_2"),
     ("지게차 면허 있어요", "forklift")],
)  # fmt: skip
def test_certificate_shorthand(text: str, certificate: str) -> None:
    assert certificate in nlu.parse_seeker_text(text).certificates_held


@pytest.mark.parametrize(
    "text", ["경력은 업는데 괜찮나요", "경력없어도 되나요?", "첨으로 일 구해요"]
)
def test_no_experience_typed_or_in_dialect_is_a_newcomer(text: str) -> None:
    assert nlu.parse_seeker_text(text).newcomer


def test_days_and_nights_in_dialect() -> None:
    assert nlu.parse_seeker_text("주 5일이믄 좋것어요").no_weekends
    assert "야간" in nlu.parse_seeker_text("밤 운전은 싫어요").excluded_shifts


@pytest.mark.parametrize(
    "text", ["배터리 공장 가고 싶은디 야간은 못혀요", "배터리 공장 가고 싶은데 야간은 못해요"]
)
def test_a_wish_before_a_refused_shift_stays_a_wish(text: str) -> None:
    profile = nlu.parse_seeker_text(text)
    assert "8351" in profile.wanted_codes and not profile.excluded_codes
    assert "야간" in profile.excluded_shifts


@pytest.mark.parametrize(
    "text",
    [
        "용접 십오년 혔는디 인자 허리가 아파서 못허것어요 가벼운거",
        "용접 15년 했는데 허리가 아파서 이제 못하겠어요",
        "용접 20년 했어요. 더는 못 하겠어요",
        "용접 10년 했는디 냄새땜에 인자 못허것어요",  # a reason, then giving up
    ],
)
def test_i_cannot_do_it_any_more_leaves_the_work_done(text: str) -> None:
    profile = nlu.parse_seeker_text(text)
    jobs = read_seeker_jobs(text)
    assert [e.family for e in profile.experience] == ["welder"] and not profile.wanted_families
    assert jobs.leaving and not jobs.targets and not jobs.excluded


@pytest.mark.parametrize(
    ("text", "family"),
    [
        ("용접 20년 했어요 힘쓰는 일은 이제 무리에요", "welder"),
        ("배관 25년 힘든일 못해요", "pipe_fitter"),  # the refusal is of 힘든 일, not of 배관
        ("조선소 취부 십오년 했는디 허리가 아파서", "ship_fitter"),
        ("용접 10년 했는데 이제 좀 가벼운거", "welder"),
    ],
)
def test_a_heavy_trade_the_body_no_longer_takes_is_left(text: str, family: str) -> None:
    profile = nlu.parse_seeker_text(text)
    jobs = read_seeker_jobs(text)
    assert family in profile.years() and not profile.wanted_families
    assert jobs.leaving and not jobs.targets and not jobs.excluded
    assert not profile.for_search().wanted_families


@pytest.mark.parametrize(
    ("text", "family"),
    [
        ("용접 15년 했는데 무릎이 안 좋아서 서서 하는 일은 힘들어요", "welder"),  # not heavy
        ("용접 20년 했어요 허리가 안 좋은데 용접 일 찾아요", "welder"),  # the trade wanted
        ("포장 10년 했어요 힘든 일은 못해요", "production_worker"),  # not a heavy trade
        ("용접 이십년 야간은 못해요", "welder"),
    ],
)
def test_a_limit_that_leaves_the_trade_possible_keeps_it_wanted(text: str, family: str) -> None:
    profile = nlu.parse_seeker_text(text)
    assert profile.for_search().wanted_families == (family,)
    assert not read_seeker_jobs(text).leaving


@pytest.mark.parametrize(
    ("text", "wanted", "excluded"),
    [
        ("용접 10년 했어요 야간은 못하겠어요", ("welder",), ()),  # nights refused, not welding
        ("허리 땜에 용접은 못하겠어요", (), ("welder",)),  # a reason, then the work refused
        ("용접 했는데 이제 용접은 못하겠어요", (), ("welder",)),  # the work named: a refusal
    ],
)
def test_cannot_with_an_object_refuses_the_object(
    text: str, wanted: tuple[str, ...], excluded: tuple[str, ...]
) -> None:
    profile = nlu.parse_seeker_text(text)
    assert profile.wanted_families == wanted and profile.excluded_families == excluded
    assert not read_seeker_jobs(text).leaving


@pytest.mark.parametrize(
    ("text", "wanted", "excluded"),
    [
        # the 없 of "차가 없어서" is about the car; "낮에만" stays the one shift wanted
        (
            "밤일 말고 낮에만 하고 차가 없어서 출퇴근 버스 있어야 혀요",
            {"주간"},
            {"야간", "2교대", "3교대"},
        ),
        ("주간만 하는 일은 없나요", {"주간"}, {"야간", "2교대", "3교대"}),
        # a negation follows what it negates: 없는 is 교대's, or 야간's, not 주간's
        ("교대 없는 주간 상시 자리 찾아요", {"주간"}, {"2교대", "3교대"}),
        ("주간 근무에 야간 없는 곳", {"주간"}, {"야간", "2교대", "3교대"}),
        ("야간이나 2교대는 못해요", set(), {"야간", "2교대", "3교대"}),
        ("교대는 가능하면 피하고 싶습니다", set(), {"2교대", "3교대"}),
        # what is missing is the car, not the day shift
        ("식품공장 포장 해봤어요 위생복 입고 하는거요 주간으로 차는 없어요", {"주간"}, set()),
        # -서 leaves its verb to the next clause
        ("야간은 몸이 안받아서 못하고 주간만 할수있어요", {"주간"}, {"야간", "2교대", "3교대"}),
        # …while what follows "X만" can refuse X
        ("야간만 아니면 돼요", set(), {"야간", "2교대", "3교대"}),
        ("야간만 빼고 다 돼요", set(), {"야간", "2교대", "3교대"}),
        ("야간만은 안돼요", set(), {"야간", "2교대", "3교대"}),
    ],
)
def test_a_shift_is_refused_by_the_words_after_it(
    text: str, wanted: set[str], excluded: set[str]
) -> None:
    profile = nlu.parse_seeker_text(text)
    assert set(profile.wanted_shifts) == wanted
    assert set(profile.excluded_shifts) == excluded


def test_a_negation_before_the_dormitory_is_not_about_it() -> None:
    text = "군산 사는디 취부 8년 했어요. 여기 없으면 거제든 울산이든 숙소 주면 갑니다"
    assert nlu.parse_seeker_text(text).needs_dormitory
    assert not nlu.parse_seeker_text("기숙사는 필요없어요").needs_dormitory


@pytest.mark.parametrize(
    ("text", "no_car"),
    [
        ("거시기 아무거나 합니다 쉰다섯 남자 차는 없어요 나운동", True),
        ("군산 살고 운전 못해요", True),
        ("지게차는 없어요 창고 정리 일 찾아요", False),  # a forklift, not a car
        ("차 있어요", False),
    ],
)
def test_no_car_said_many_ways_needs_a_commute_bus(text: str, no_car: bool) -> None:
    assert nlu.parse_seeker_text(text).needs_commute_bus is no_car


def test_where_they_moved_to_is_home() -> None:
    text = "용접 아니면 도장 둘다 스무해 가까이 했어요 울산 살다 군산으로 이사 왔어요 주간만요"
    assert nlu.parse_seeker_text(text).home_region == "gunsan"
    assert nlu.parse_seeker_text("거제에서 일하다 군산 내려왔어요").home_region == "gunsan"


def test_a_jeolla_sentence_end_closes_the_clause() -> None:
    # "없어라" ends the sentence: the 없어도 of the next one is about the job, not the licence
    text = "지게차 십년 탔는디 자격증은 없어라 창고에서 배운거라 면허 없어도 되는디 있을랑가요"
    assert nlu.parse_seeker_text(text).certificates_lacking == ("forklift",)
