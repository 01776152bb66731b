"""Reciprocal rank fusion with the positive-lexical-score rule, and the bounded re-scoring."""

import dataclasses

import numpy as np
import pytest

import nlu
from nlu.keco import load_keco
from nlu.occupation_class import SeekerJobs, read_seeker_jobs
from retrieval.catalog import OPEN_ENDED_ORDINAL, Catalog, Codes
from retrieval.fusion import (
    ANOTHER_SUBJECT,
    CONTAINED,
    INDUSTRY_PRODUCTION,
    RRF_K,
    SAME_MAJOR,
    WEEKEND_TOO,
    WEEKENDS_ONLY_FACTOR,
    Weights,
    closeness,
    reciprocal_rank_fusion,
    rescore,
    wanted_industries,
)


def test_documents_in_both_channels_win() -> None:
    fused = reciprocal_rank_fusion([1, 2, 3], [(3, 5.0), (4, 1.0)])
    assert max(fused, key=lambda i: fused[i]) == 3
    assert fused[3] == 1 / (RRF_K + 3) + 1 / (RRF_K + 1)


def test_zero_lexical_scores_add_no_rank() -> None:
    fused = reciprocal_rank_fusion([1, 2], [(2, 0.0), (1, 0.0), (9, 0.0)])
    assert fused == {1: 1 / (RRF_K + 1), 2: 1 / (RRF_K + 2)}


def catalog() -> Catalog:
    """Four openings: CO2 welder (824101), 용접 강사 (214307), unknown class, 제관 (8223)."""
    nan = float("nan")
    return Catalog(
        ids=np.asarray([1, 2, 3, 4], dtype=np.int64),
        family=Codes.of(["welder", "vocational_instructor", None, "sheet_metal"]),
        closes_on=np.full(4, OPEN_ENDED_ORDINAL),
        work_shift=Codes.of(["주간", None, "2교대", "주간"]),
        employment_type=Codes.of([None] * 4),
        pay_min=np.full(4, nan),
        pay_max=np.full(4, nan),
        lat=np.full(4, nan),
        lon=np.full(4, nan),
        foreign_workers=Codes.of(["unknown"] * 4),
        dormitory=np.asarray([True, False, False, False]),
        certificates=[{"special_welding": "preferred"}, {}, {}, {}],
        career_years_min=np.full(4, nan),
        occupation=Codes.of(["824101", "214307", None, "8223"]),
        career=Codes.of([None, None, "무관", "신입"]),
    )


ROWS = np.asarray([0, 1, 2, 3])
EQUAL = np.full(4, 0.5)
#: A seeker who named work no row is (a cook): conditions count once (Weights.open_conditions).
COOK = SeekerJobs(targets=("5311",))


def test_the_target_class_adds_by_closeness_and_unknown_classes_keep_their_score() -> None:
    jobs = SeekerJobs(targets=("8241",))
    weights = Weights()
    scores = rescore(
        catalog(), ROWS, EQUAL, nlu.SeekerProfile(), jobs, beyond=np.zeros(4), weights=weights
    )
    assert scores[0] == 1.0 + weights.target  # 824101 is inside 8241
    assert scores[3] == 1.0 + weights.target * 0.5  # 제관 is a listed neighbour of 용접
    assert scores[1] == scores[2] == 1.0  # 강사 shares no 중분류; unknown gets nothing


def test_every_term_is_bounded_so_the_fusion_order_survives_outside_the_bonus() -> None:
    weights = Weights()
    jobs = SeekerJobs(targets=("8241",), experience=(("8241", 5),), excluded=("2143",))
    profile = nlu.SeekerProfile(
        certificates_held=("special_welding",), wanted_shifts=frozenset({"주간"}),
        needs_dormitory=True, visa="E-9", needs_commute_bus=True,
    )  # fmt: skip
    fused = np.asarray([0.1, 1.0, 0.5, 0.2])
    years = catalog()
    years.career_years_min = np.asarray([20.0, np.nan, np.nan, np.nan])
    scores = rescore(years, ROWS, fused, profile, jobs, beyond=np.ones(4), weights=weights)
    most = sum(abs(getattr(weights, f)) for f in weights.__dataclass_fields__ if f != "title_words")
    assert (np.abs(scores - fused / fused.max()) <= most).all()
    assert scores[1] < 1.0 - weights.excluded + 1e-9  # 용접 강사 ruled out, pushed down
    # short of the 20 years asked: the welder loses the career term but keeps the class
    unasked = rescore(catalog(), ROWS, fused, profile, jobs, beyond=np.ones(4), weights=weights)
    assert scores[0] == unasked[0] - weights.short_career


#: rows 0 and 1 ask for experience ("경력") without saying how many years
EXPERIENCED = dataclasses.replace(catalog(), career=Codes.of(["경력", "경력", "무관", "신입"]))


def test_newcomers_prefer_postings_open_to_them() -> None:
    newcomer = nlu.SeekerProfile(newcomer=True)
    scores = rescore(EXPERIENCED, ROWS, EQUAL, newcomer, SeekerJobs(), beyond=np.zeros(4))
    assert scores[3] > scores[0]
    assert scores[2] > scores[1]


def test_anything_ignores_the_occupation() -> None:
    jobs = SeekerJobs(targets=("8241",), any_occupation=True)
    scores = rescore(catalog(), ROWS, EQUAL, nlu.SeekerProfile(), jobs, beyond=np.zeros(4))
    assert np.allclose(scores, 1.0)


def test_closeness_levels() -> None:
    keco = load_keco()
    assert closeness("824101", "8241", keco) == 1.0
    assert closeness("824101", "824104", keco) == 0.9
    assert closeness("8241", "8", keco) == 0.3
    assert closeness("623004", "811302", keco) == 0.0  # 지게차 운전 vs 정비: not neighbours
    assert closeness(None, "8241", keco) == 0.0
    # a ship painter and a welder share only the 중분류 (82): less than listed neighbours
    assert closeness("8251", "8241", keco) == SAME_MAJOR < closeness("8223", "8241", keco)


def test_seniors_prefer_postings_that_welcome_them_and_stated_ages_bound() -> None:
    ages = catalog()
    ages.welcomes_seniors = np.asarray([False, True, False, False])
    ages.age_max = np.asarray([float("nan"), float("nan"), 45.0, float("nan")])
    weights = Weights()

    def scores(age: int | None, jobs: SeekerJobs | None = None) -> np.ndarray:
        profile = nlu.SeekerProfile(age=age)
        return rescore(ages, ROWS, EQUAL, profile, jobs or SeekerJobs(), beyond=np.zeros(4))

    assert scores(None).tolist() == [1.0] * 4
    assert scores(67).tolist() == [1.0, 1.0 + weights.senior, 1.0 - weights.age, 1.0]
    assert scores(30).tolist() == [1.0] * 4  # a welcome to seniors says nothing to the young
    # asking for their own trade again ("용접 30년 … 써주는데 있냐"), the trade ranks first
    own_trade = SeekerJobs(targets=("8241",), experience=(("8241", 30),), implied=True)
    welcomed = scores(67, own_trade) - scores(None, own_trade)
    assert welcomed[:3] == pytest.approx([0.0, weights.age, -weights.age])
    # … or naming it ("식당에서 밥하는거 삼십년 … 식당이면 좋겄네": 53 wanted, 5312 done)
    cook = SeekerJobs(targets=("53",), experience=(("5312", 30),))
    welcomed = scores(63, cook) - scores(None, cook)
    assert welcomed[1] == pytest.approx(weights.age)
    assert weights.senior > weights.age


def test_a_required_certificate_the_seeker_left_off_their_list_sinks() -> None:
    certificates = [{"special_welding": "required"}, {"forklift": "required"}, {}, {}]
    required = dataclasses.replace(catalog(), certificates=certificates)
    weights = Weights()

    def scores(held: tuple[str, ...]) -> list[float]:
        profile = nlu.SeekerProfile(certificates_held=held)
        return rescore(required, ROWS, EQUAL, profile, SeekerJobs(), beyond=np.zeros(4)).tolist()

    # nothing listed and no work named: the unclaimed term, not this one
    unclaimed = 1.0 - weights.unclaimed_required
    assert scores(()) == [unclaimed, unclaimed, 1.0, 1.0]
    listed = scores(("special_welding",))
    assert listed[0] == 1.0 + weights.certificate  # held and required
    assert listed[1] == 1.0 - weights.unlisted_required  # 지게차 필수, not on their list
    assert listed[2] == listed[3] == 1.0


def test_the_seekers_town_goes_first_among_the_openings_that_fit_about_as_well() -> None:
    weights = Weights()
    fused = np.asarray([1.0, 1.0 - weights.town_band / 2, 1.0 - 2 * weights.town_band, 0.9])
    in_town = np.asarray([False, True, True, False])
    profile = nlu.SeekerProfile(home_region="iksan")
    scores = rescore(
        catalog(), ROWS, fused, profile, SeekerJobs(), beyond=np.zeros(4), home_town=in_town
    )
    assert scores[1] == fused[1] + weights.town > scores[0]  # in town and nearly as good
    assert scores[2] == fused[2]  # in town but a worse fit: no pull


def test_an_e9_worker_sees_first_the_postings_that_hire_e9_among_those_that_fit_as_well() -> None:
    weights = Weights()
    hiring = dataclasses.replace(
        catalog(), foreign_workers=Codes.of(["unknown", "e9_ok", "e9_ok", "unknown"])
    )
    fused = np.asarray([1.0, 1.0 - weights.e9_band / 2, 1.0 - 2 * weights.e9_band, 0.9])

    def scores(visa: str) -> list[float]:
        profile = nlu.SeekerProfile(visa=visa)
        return rescore(hiring, ROWS, fused, profile, SeekerJobs(), beyond=np.zeros(4)).tolist()

    e9 = scores("E-9")
    assert e9[1] == fused[1] + weights.visa + weights.e9 > e9[0]  # says E-9, nearly as good
    assert e9[2] == fused[2] + weights.visa  # says E-9 but a worse fit: no more than before
    assert scores("F-6")[1] == fused[1] + weights.visa  # other visas: no permit needed


def test_one_who_married_into_korea_gains_where_the_posting_welcomes_them() -> None:
    weights = Weights()
    welcoming = dataclasses.replace(
        catalog(), welcomes_migrants=np.asarray([False, True, False, False])
    )

    def scores(visa: str) -> list[float]:
        profile = nlu.SeekerProfile(visa=visa)
        return rescore(welcoming, ROWS, EQUAL, profile, SeekerJobs(), beyond=np.zeros(4)).tolist()

    assert scores("F-6") == [1.0, 1.0 + weights.visa, 1.0, 1.0]  # "결혼이민자 우대"
    assert scores("E-9") == [1.0] * 4  # the welcome is not an E-9 permit


def test_a_posting_paid_by_the_day_answers_a_wish_for_day_labour_whatever_its_row_says() -> None:
    weights = Weights()
    rows = dataclasses.replace(
        catalog(),
        employment_type=Codes.of(["일용직", "계약직", "계약직", None]),
        daily_pay=np.asarray([False, True, False, False]),
    )

    def scores(wanted: frozenset[str], jobs: SeekerJobs) -> list[float]:
        profile = nlu.SeekerProfile(wanted_employment_types=wanted)
        return rescore(rows, ROWS, EQUAL, profile, jobs, beyond=np.zeros(4)).tolist()

    day = scores(frozenset({"일용직"}), COOK)  # "조리 일당 주는 데"
    # another type stated sinks as much as the type asked rises; none stated keeps its place
    assert day == [1.0 + weights.employment] * 2 + [1.0 - weights.employment, 1.0]
    contract = scores(frozenset({"계약직"}), COOK)
    assert contract == [1.0 - weights.employment] + [1.0 + weights.employment] * 2 + [1.0]
    # "아무거나 일당 주는 데": with no work named, the condition is all there is to match
    anything = scores(frozenset({"일용직"}), SeekerJobs(any_occupation=True))
    assert anything[0] == anything[1] == 1.0 + weights.open_conditions * weights.employment
    assert anything[2] == pytest.approx(1.0 - weights.open_conditions * weights.employment)
    assert anything[3] == 1.0 and weights.open_conditions > 1


def test_a_wish_for_a_permanent_post_sinks_dispatched_and_day_labour() -> None:
    """ "정규직으로 주간만 하고 싶어요" (dialogs dev 3 g017, g030): a 파견직 or 일용직 posting
    is not what is asked."""
    weights = Weights()
    rows = dataclasses.replace(
        catalog(), employment_type=Codes.of(["정규직", "파견직", "일용직", None])
    )
    profile = nlu.SeekerProfile(wanted_employment_types=frozenset({"정규직"}))
    scores = rescore(rows, ROWS, EQUAL, profile, COOK, beyond=np.zeros(4)).tolist()
    low = 1.0 - weights.employment
    assert scores == [1.0 + weights.employment, low, low, 1.0]


def paying(first: tuple[int, int], second: tuple[int, int]) -> Catalog:
    """The catalog with its first two openings paying these (min, max) a month, the others
    unknown."""
    nan = float("nan")
    return dataclasses.replace(
        catalog(),
        pay_min=np.asarray([first[0], second[0], nan, nan]),
        pay_max=np.asarray([first[1], second[1], nan, nan]),
    )


def test_pay_asked_with_no_work_named_counts_as_the_other_conditions() -> None:
    """ "고등학교 졸업하고 … 교대도 괜찮고 돈 많이 주는데": pay is what they ask for; a
    foundry near the text outranked the best-paid plant job by the fused score alone."""
    weights = Weights()
    rows = paying((3_300_000, 3_800_000), (2_700_000, 3_000_000))
    floor = nlu.SeekerProfile(min_monthly_pay=3_000_000)

    def gain(jobs: SeekerJobs) -> float:
        scores = rescore(rows, ROWS, EQUAL, floor, jobs, beyond=np.zeros(4))
        return float(scores[0] - scores[2])

    assert gain(SeekerJobs()) == pytest.approx(weights.open_conditions * gain(COOK))
    assert gain(COOK) > 0


def test_a_wish_for_short_term_work_lifts_the_postings_hiring_for_a_season() -> None:
    """ "십이월 한달만 바짝 할 일" (pool 8 b031), "방학동안 단기 알바" (seventh g010)."""
    weights = Weights()
    seasonal = dataclasses.replace(
        catalog(),
        short_term=np.asarray([True, False, False, False]),
        employment_type=Codes.of([None, "정규직", None, "계약직"]),
    )

    def scores(profile: nlu.SeekerProfile, jobs: SeekerJobs) -> list[float]:
        return rescore(seasonal, ROWS, EQUAL, profile, jobs, beyond=np.zeros(4)).tolist()

    short = nlu.SeekerProfile(short_term=True)
    # a permanent post (정규직) is not sunk: sinking it lost held-out pool 4 MRR 0.946 -> 0.933
    assert scores(short, COOK) == [1.0 + weights.short_term, 1.0, 1.0, 1.0]
    anything = scores(short, SeekerJobs(any_occupation=True))
    assert anything[0] == pytest.approx(1.0 + weights.open_conditions * weights.short_term)
    assert scores(nlu.SeekerProfile(), COOK) == [1.0] * 4


def test_a_monthly_floor_is_not_met_for_sure_by_a_posting_paid_by_the_day() -> None:
    """ "한달에 이백오십은 받아야 되고 아무 일이나" (fifth v019): 일급 150,000원 is 330만원 only
    on the days there is work; the 월 300만원 jobs pay the floor for sure. Day labour asked
    for ("일당 주는 데 … 하루 15만원 이상") keeps the day rate's fit."""
    weights = Weights()
    by_day = dataclasses.replace(
        paying((3_300_000, 3_300_000), (3_000_000, 3_400_000)),
        daily_pay=np.asarray([True, False, False, False]),
    )
    monthly = nlu.SeekerProfile(min_monthly_pay=2_500_000)
    scores = rescore(by_day, ROWS, EQUAL, monthly, COOK, beyond=np.zeros(4))
    assert scores[1] - scores[2] == pytest.approx(weights.pay)
    assert scores[0] == scores[2]
    day_labour = dataclasses.replace(monthly, wanted_employment_types=frozenset({"일용직"}))
    scores = rescore(by_day, ROWS, EQUAL, day_labour, COOK, beyond=np.zeros(4))
    assert scores[0] - scores[2] == pytest.approx(weights.pay + weights.employment)


def test_better_pay_is_the_one_wish_of_one_who_takes_any_work() -> None:
    """ "아무거나 다 해요 … 돈 많이 주는데로" (dialog d049): with no work and no floor, the pay
    rank weighs open_high_pay, more than the usual pay term (a 10,550원 cleaning job had been
    second)."""
    weights = Weights()
    rows = paying((4_200_000, 4_400_000), (2_200_000, 2_300_000))
    best_paid = nlu.SeekerProfile(any_occupation=True, wants_high_pay=True)
    anything = SeekerJobs(any_occupation=True)
    scores = rescore(rows, ROWS, EQUAL, best_paid, anything, beyond=np.zeros(4))
    assert scores[0] - scores[2] == pytest.approx(weights.open_high_pay)
    assert weights.open_high_pay > weights.open_conditions * weights.pay
    with_work = rescore(rows, ROWS, EQUAL, best_paid, COOK, beyond=np.zeros(4))
    assert with_work[0] - with_work[2] == pytest.approx(weights.pay)


def test_a_required_certificate_sinks_for_one_who_named_no_certificate_and_no_work_done() -> None:
    certificates = [
        {"special_welding": "required"}, {"license_1_ordinary": "required"},
        {"welding_craftsman": "preferred"}, {"forklift_small": "required"},
    ]  # fmt: skip
    required = dataclasses.replace(catalog(), certificates=certificates)
    weights = Weights()

    def scores(profile: nlu.SeekerProfile, jobs: SeekerJobs) -> list[float]:
        return rescore(required, ROWS, EQUAL, profile, jobs, beyond=np.zeros(4)).tolist()

    wanted = SeekerJobs(targets=("8241",))  # "용접 일 찾는데요"
    asked = scores(nlu.SeekerProfile(wanted_families=("welder",)), SeekerJobs())
    # 특수용접 and a forklift licence are not for everyone; a 1종 보통 licence is
    assert asked == [1.0 - weights.unclaimed_required, 1.0, 1.0, 1.0 - weights.unclaimed_required]
    welder = nlu.SeekerProfile(experience=(nlu.Experience("welder", None),))
    done = SeekerJobs(targets=("8241",), experience=(("8241", None),))
    assert scores(welder, done)[0] == 1.0 + weights.target + weights.experience  # did the work
    lacking = nlu.SeekerProfile(no_certificates=True)
    assert scores(lacking, wanted)[0] == 1.0 + weights.target  # said: the hard filter's job


def test_years_required_sink_for_one_who_named_no_work_and_for_one_with_fewer() -> None:
    years = catalog()
    years.career_years_min = np.asarray([20.0, 1.0, float("nan"), float("nan")])
    weights = Weights()

    def scores(jobs: SeekerJobs, profile: nlu.SeekerProfile | None = None) -> list[float]:
        profile = profile or nlu.SeekerProfile()
        return rescore(years, ROWS, EQUAL, profile, jobs, beyond=np.zeros(4)).tolist()

    unsaid = 1.0 - weights.unclaimed_career
    assert scores(SeekerJobs()) == [unsaid, unsaid, 1.0, 1.0]  # "아무 일이나 해요"
    five = SeekerJobs(experience=(("8241", 5),))  # "용접 5년 했어요"
    unasked = rescore(catalog(), ROWS, EQUAL, nlu.SeekerProfile(), five, beyond=np.zeros(4))
    assert scores(five) == (unasked - [weights.short_career, 0.0, 0.0, 0.0]).tolist()
    assert scores(SeekerJobs(), nlu.SeekerProfile(years_total=10)) == [1.0] * 4


def test_light_work_rises_for_one_whose_body_no_longer_takes_the_heavy_and_named_no_work() -> None:
    light = catalog()
    light.occupation = Codes.of(["5420", "5623", "8241", "5312"])  # 경비, 주차, 용접, 조리
    weights = Weights()

    def lifted(profile: nlu.SeekerProfile, jobs: SeekerJobs) -> list[float]:
        plain = rescore(light, ROWS, EQUAL, nlu.SeekerProfile(), jobs, beyond=np.zeros(4))
        said = rescore(light, ROWS, EQUAL, profile, jobs, beyond=np.zeros(4))
        return (said - plain).round(9).tolist()

    heavy = nlu.SeekerProfile(physical_limits=frozenset({"heavy"}))
    # "몸 편한 일 없을까요 무거운거는 못들어요"
    assert lifted(heavy, SeekerJobs()) == [weights.light, weights.light, 0.0, 0.0]
    # a job named ("용접 일 찾아요 무거운 건 못 들어요") or a seat asked is what they asked
    assert lifted(heavy, SeekerJobs(targets=("8241",))) == [0.0] * 4
    seated = nlu.SeekerProfile(physical_limits=frozenset({"heavy", "standing"}))
    assert lifted(seated, SeekerJobs())[:2] == [0.0, 0.0]


def test_office_work_sinks_for_one_who_speaks_korean_a_little_unless_asked_for() -> None:
    desks = catalog()
    desks.occupation = Codes.of(["0261", "615101", "8900", "1343"])  # 사무, 계산원, 포장, 전산
    weights = Weights()
    little = nlu.SeekerProfile(little_korean=True)

    def sunk(jobs: SeekerJobs) -> list[float]:
        fluent = rescore(desks, ROWS, EQUAL, nlu.SeekerProfile(), jobs, beyond=np.zeros(4))
        said = rescore(desks, ROWS, EQUAL, little, jobs, beyond=np.zeros(4))
        return (fluent - said).round(9).tolist()

    # "한국말 조금 해요 … 낮에만": not the office, nor the computer room; a till asks less
    assert sunk(SeekerJobs()) == [weights.little_korean, 0.0, 0.0, weights.little_korean]
    # "사무 보조 하고 싶어요 한국말은 조금": asked for, it stays
    assert sunk(SeekerJobs(targets=("0261",))) == [0.0] * 4


def test_years_sink_for_one_taking_anything_after_work_outside_the_postings_field() -> None:
    years = catalog()
    years.career_years_min = np.asarray([2.0, 2.0, float("nan"), float("nan")])
    weights = Weights()

    def sunk(done: str) -> list[float]:
        jobs = SeekerJobs(experience=((done, None),), any_occupation=True)
        profile = nlu.SeekerProfile(any_occupation=True)
        asked = rescore(years, ROWS, EQUAL, profile, jobs, beyond=np.zeros(4))
        unasked = rescore(catalog(), ROWS, EQUAL, profile, jobs, beyond=np.zeros(4))
        return (unasked - asked).round(9).tolist()

    # "조선소 물량팀 다니다가 … 아무 일이나": no trade of 82 shown, so not "CO2 용접사 경력 2년"
    assert sunk("82") == [weights.unclaimed_career, weights.unclaimed_career, 0.0, 0.0]
    # "용접 했어요 … 아무 일이나": the welder's years count for the welding post only
    assert sunk("8241") == [0.0, weights.unclaimed_career, 0.0, 0.0]


def test_a_posting_asking_for_experience_without_years_sinks_for_one_who_named_nothing() -> None:
    weights = Weights()

    def scores(profile: nlu.SeekerProfile) -> list[float]:
        return rescore(EXPERIENCED, ROWS, EQUAL, profile, SeekerJobs(), beyond=np.zeros(4)).tolist()

    unsaid = 1.0 - weights.unclaimed_career
    assert scores(nlu.SeekerProfile()) == [unsaid, unsaid, 1.0, 1.0]  # "아무 일이나, 월 250"
    # "한식 조리사 자격증 있지라": trained for the trade, experience not ruled out
    assert scores(nlu.SeekerProfile(certificates_held=("korean_cook",))) == [1.0] * 4


def test_the_hours_asked_lift_postings_that_state_them_and_sink_longer_days() -> None:
    hours = catalog()
    hours.part_of_day = Codes.of(["오전", None, None, "오후"])
    hours.daily_hours = np.asarray([5.0, float("nan"), 9.0, 4.0])
    weights = Weights()

    def scores(profile: nlu.SeekerProfile) -> list[float]:
        return rescore(hours, ROWS, EQUAL, profile, COOK, beyond=np.zeros(4)).tolist()

    morning = 1.0 + weights.hours
    assert scores(nlu.SeekerProfile(work_hours="오전")) == [morning, 1.0, 1.0 - weights.hours, 1.0]
    short = nlu.SeekerProfile(max_daily_hours=4)
    assert scores(short) == [1.0 + weights.hours, 1.0, 1.0 - weights.hours, 1.0 + weights.hours]
    assert scores(nlu.SeekerProfile()) == [1.0] * 4  # unasked, hours say nothing
    hours.weekend_work = np.asarray([False, True, True, True])
    hours.weekend_only = np.asarray([False, True, False, False])  # "근무요일: 토, 일"
    hours.whole_week = np.asarray([False, False, False, True])  # 월~토: the weekdays too
    weekend = scores(nlu.SeekerProfile(weekends_only=True))  # "토요일 일요일만"
    # the days count WEEKENDS_ONLY_FACTOR times an hours fit (pool 2 q030)
    days = WEEKENDS_ONLY_FACTOR * weights.hours
    maybe = 1.0 + WEEKEND_TOO * days  # "월~토 (요일협의)": the weekend among others
    assert weekend == pytest.approx([1.0, 1.0 + days, maybe, 1.0 - days])
    # day labour "주5~6일" is taken by the day: a Saturday may be had
    hours.daily_pay = np.asarray([False, False, False, True])
    assert scores(nlu.SeekerProfile(weekends_only=True))[3] == pytest.approx(maybe)


def test_the_hours_the_seeker_can_work_between_lift_postings_inside_and_sink_those_outside() -> (
    None
):
    hours = catalog()
    hours.starts_at = np.asarray([9.0, 3.0, float("nan"), 9.0])
    hours.ends_at = np.asarray([15.0, 9.0, float("nan"), 16.0])  # 16:00 is within an hour
    mother = nlu.SeekerProfile(work_from=9, work_until=15)
    scores = rescore(hours, ROWS, EQUAL, mother, COOK, beyond=np.zeros(4)).tolist()
    assert scores == [1.0 + Weights().hours, 1.0 - Weights().hours, 1.0, 1.0]
    # "새벽은 안되고": a start alone sinks only an earlier start (03:00), lifts nothing
    no_dawn = nlu.SeekerProfile(work_from=7)
    scores = rescore(hours, ROWS, EQUAL, no_dawn, COOK, beyond=np.zeros(4)).tolist()
    assert scores == [1.0, 1.0 - Weights().hours, 1.0, 1.0]


def test_work_the_seekers_body_does_not_take_sinks() -> None:
    strain = catalog()
    strain.strain = {"heavy": np.asarray([True, False, False, False])}
    profile = nlu.SeekerProfile(physical_limits=frozenset({"heavy", "heights"}))
    scores = rescore(strain, ROWS, EQUAL, profile, SeekerJobs(), beyond=np.zeros(4))
    assert scores.tolist() == [1.0 - Weights().strain, 1.0, 1.0, 1.0]


def test_postings_naming_an_industry_the_seeker_wants_rise_by_a_bounded_term() -> None:
    named = catalog()
    named.industries = {
        "battery": np.asarray([True, False, False, False]),
        "auto": np.asarray([False, True, False, False]),
    }
    profile = nlu.SeekerProfile()

    def scores(industries: frozenset[str]) -> list[float]:
        return rescore(
            named, ROWS, EQUAL, profile, SeekerJobs(), beyond=np.zeros(4), industries=industries
        ).tolist()

    lifted = 1.0 + Weights().industry
    assert scores(frozenset({"battery"})) == [lifted, 1.0, 1.0, 1.0]
    assert scores(frozenset({"battery", "auto"})) == [lifted, lifted, 1.0, 1.0]  # not twice
    assert scores(frozenset()) == [1.0] * 4


def test_an_industry_only_wish_wants_the_production_work_of_that_industry() -> None:
    plants = catalog()
    # a cathode-material operator (8512), a forklift driver (623004) and a cell-line operator
    # (8351) of battery plants, and a welder (824101) elsewhere
    plants.occupation = Codes.of(["8512", "623004", "8351", "824101"])
    plants.industries = {"battery": np.asarray([True, True, True, False])}
    battery = frozenset({"battery"})
    weights = Weights()

    def scores(text: str) -> list[float]:
        jobs = read_seeker_jobs(text)
        return rescore(
            plants, ROWS, EQUAL, nlu.SeekerProfile(), jobs, beyond=np.zeros(4), industries=battery
        ).tolist()

    plant = scores("배터리 공장 쪽으로 가고 싶어요")
    industry = 1.0 + weights.industry
    assert plant[0] == industry + weights.target * INDUSTRY_PRODUCTION  # production there
    assert plant[1] == industry  # a forklift in the plant is not its production work
    assert plant[2] > plant[0] and plant[3] == 1.0
    # a role named beside the plant is the wish (품질): production work earns no target term
    quality = scores("배터리 공장 품질 쪽 일 하고 싶어요")
    assert quality[0] < industry + weights.target * INDUSTRY_PRODUCTION / 2
    # the plant's machine upkeep (설비보전, 8111) is a trade of its own, not its production
    plants.occupation = Codes.of(["8512", "8111", "8351", "824101"])
    assert scores("양극재 공장 다니고 싶은디")[1] == industry


def test_any_factory_work_wanted_is_the_production_work_of_every_plant() -> None:
    """ "공장 일이면 다 괜찮은디 … 통근버스" (second x020): a battery-pack line (8360), a
    grinder (824103) and a posting read only as "생산직" (8) are all factory work; a plant's
    upkeep (8111), or a posting read only as "81" (a 'MES 유지보수 엔지니어'), is not."""
    plants = catalog()
    weights = Weights()

    def scores(labels: list[str]) -> list[float]:
        plants.occupation = Codes.of(labels)
        jobs = read_seeker_jobs("공장 일이면 다 괜찮은디")
        assert jobs.targets == ("8",)
        return rescore(plants, ROWS, EQUAL, nlu.SeekerProfile(), jobs, beyond=np.zeros(4)).tolist()

    floor = 1.0 + weights.target * INDUSTRY_PRODUCTION
    assert scores(["8360", "824103", "8", "5611"]) == [floor, floor, floor, 1.0]
    coarse = 1.0 + weights.target * CONTAINED[1]
    assert scores(["8111", "81", "8900", "5611"]) == [coarse, coarse, floor, 1.0]


def test_the_industry_wanted_is_the_one_named_with_the_wish_not_the_one_left() -> None:
    def wanted(text: str) -> frozenset[str]:
        return wanted_industries(text, read_seeker_jobs(text))

    assert wanted("자동차 조립 20년 했는데 배터리 공장 쪽으로 가고 싶어요") == {"battery"}
    assert wanted("품질검사 해봤어요 자동차부품 삼차원 측정기 다룸") == {"auto"}  # same work
    assert wanted("용접만 이십년 했는디 해상풍력 쪽 용접도 할수있당가요") == {"offshore_wind"}
    assert wanted("지게차 운전 하고 싶어요") == frozenset()
    assert wanted("새만금에 그 충전지 원료 맹근다는 데 들어갈수 있을랑가요") == {"battery"}
    # where other work was done is no wish (pool 8 b015); where the same work was, is
    crane_to_bus = (
        "조선소서 쇳덩이 옮기던 사람인디 아침저녁으로 사람들 실어나르는 큰 차 몰고 싶어라"
    )
    assert wanted(crane_to_bus) == frozenset()
    assert wanted("조선소에서 용접 십오년 했어요 씨오투하고 특수용접 자격있고") == {"shipbuilding"}


def test_a_teaching_job_of_another_trade_is_related_not_the_job_wanted() -> None:
    teaching = catalog()
    teaching.occupation = Codes.of(["2143", "2143", "2143", "8223"])
    teaching.taught = Codes.of(["831", "824", None, None])  # 전기 · 용접 · no trade named
    electrician = SeekerJobs(targets=("2143",), experience=(("831", 20),))
    weights = Weights()
    scores = rescore(
        teaching, ROWS, EQUAL, nlu.SeekerProfile(), electrician, beyond=np.zeros(4)
    ).tolist()
    assert scores[:3] == [
        1.0 + weights.target,
        1.0 + weights.target * ANOTHER_SUBJECT,
        1.0 + weights.target,  # a title naming no trade says nothing against it
    ]
    anyone = rescore(teaching, ROWS, EQUAL, nlu.SeekerProfile(), SeekerJobs(targets=("2143",)),
                     beyond=np.zeros(4))  # fmt: skip
    assert anyone.tolist()[:3] == [1.0 + weights.target] * 3  # no trade of their own said


def test_the_trade_a_seeker_leaves_for_unnamed_other_work_sinks_its_neighbours_do_not() -> None:
    leaving = read_seeker_jobs("용접 20년 했는데 허리가 아파서 다른거 하고 싶어요")
    assert leaving.leaving and leaving.targets == ()
    staying = read_seeker_jobs("용접 20년 했어요")
    assert not staying.leaving
    profile = nlu.SeekerProfile()
    weights = Weights()
    # CO2 welder (824101), 용접 강사 (214307), unknown, 제관 (8223)
    scores = rescore(catalog(), ROWS, EQUAL, profile, leaving, beyond=np.zeros(4)).tolist()
    assert scores == [1.0 - weights.leaving, 1.0, 1.0, 1.0]
    assert not read_seeker_jobs("용접 20년 했는데 이제 지게차 하고 싶어요").leaving  # named


def test_a_trade_said_to_be_left_sinks_even_with_a_target_but_never_the_target() -> None:
    done = read_seeker_jobs("용접 20년 했는데 이제 질렸어요 용접 강사 하고 싶어요")
    assert done.leaving and done.targets
    weights = Weights()
    # CO2 welder (824101), 용접 강사 (214307), unknown, 제관 (8223)
    scores = rescore(catalog(), ROWS, EQUAL, nlu.SeekerProfile(), done, beyond=np.zeros(4))
    assert scores[0] == 1.0 - weights.leaving  # the welding job
    assert scores[1] > 1.0  # the instructor job wanted, in welding too, does not sink
    assert scores[2:].tolist() == [1.0, 1.0]


def test_a_title_naming_only_another_kind_of_the_units_work_is_related_not_the_target() -> None:
    kinds = catalog()
    # both welding postings are 8241; one title welds, one fits, one does both
    kinds.occupation = Codes.of(["8241", "8241", "8241", "8223"])
    kinds.title_works = Codes.of(["8241:용접", "8241:취부", "8241:취부|8241:용접", None])
    weights = Weights()
    fitter = read_seeker_jobs("취부 십이년 했어요 조선소 일 찾아요")
    assert fitter.works == (("8241", "취부"),)
    scores = rescore(kinds, ROWS, EQUAL, nlu.SeekerProfile(), fitter, beyond=np.zeros(4))
    welding_only, fitting, both = scores.tolist()[:3]
    assert fitting == both > welding_only
    assert welding_only - 1.0 == pytest.approx(
        weights.target * ANOTHER_SUBJECT + weights.experience
    )


def test_desk_work_sinks_for_one_who_wants_hands_on_work_only() -> None:
    desk = catalog()
    # a welder, a welding-rod salesman (612102), a hull designer (151106), a packer (8900)
    desk.occupation = Codes.of(["824101", "612102", "151106", "8900"])
    weights = Weights()

    def scores(targets: tuple[str, ...]) -> list[float]:
        jobs = SeekerJobs(targets=targets)
        profile = nlu.SeekerProfile()
        return rescore(desk, ROWS, EQUAL, profile, jobs, beyond=np.zeros(4)).tolist()

    welder = scores(("8241",))
    assert welder[1] == welder[2] == 1.0 - weights.desk  # the trade's words, not its work
    assert welder[3] == 1.0
    # one who also asks for design work (배관 현장 → 도면) keeps the desk postings
    assert scores(("8241", "1591"))[2] >= 1.0
    assert scores(())[1] == 1.0  # nothing wanted: nothing sinks


@pytest.mark.parametrize(
    ("profile", "jobs", "sinks"),
    [
        # ten years of welding: past a helper's job
        (nlu.SeekerProfile(), SeekerJobs(experience=(("8241", 10),)), True),
        (nlu.SeekerProfile(years_total=8), COOK, True),
        # twenty years in a kitchen and no certificate at all: a helper's job is a way in
        (nlu.SeekerProfile(no_certificates=True), SeekerJobs(experience=(("5311", 20),)), False),
        (nlu.SeekerProfile(), SeekerJobs(experience=(("8241", 2),)), False),  # two years
        # a higher grade held (전기산업기사 covers 전기기능사), years unsaid
        (nlu.SeekerProfile(certificates_held=("electrical_industrial_engineer",)), COOK, True),
        # a 기능사 is where a trade starts (지게차운전기능사 covers only the small-forklift course)
        (nlu.SeekerProfile(certificates_held=("forklift",)), COOK, False),
    ],
)
def test_a_helpers_job_sinks_for_a_seasoned_seeker(
    profile: nlu.SeekerProfile, jobs: SeekerJobs, sinks: bool
) -> None:
    helpers = catalog()
    helpers.helper = np.asarray([False, False, True, False])
    plain = catalog()
    plain.helper = np.zeros(4, dtype=bool)
    with_helper = rescore(helpers, ROWS, EQUAL, profile, jobs, beyond=np.zeros(4))
    without = rescore(plain, ROWS, EQUAL, profile, jobs, beyond=np.zeros(4))
    expected = Weights().helper if sinks else 0.0
    assert without[2] - with_helper[2] == pytest.approx(expected)
    assert with_helper[[0, 1, 3]].tolist() == without[[0, 1, 3]].tolist()


def test_a_senior_asking_for_other_work_sees_that_work_welcome_them_first() -> None:
    """ "오십대 후반 … 공장일 처음인데 낮에만 하고 싶어요" (pool 5 k038): of the postings that
    welcome seniors, the factory ones come before a cleaning job; "경비 같은거", a job said
    without a wish, keeps every senior-welcoming posting's full welcome."""
    plants = catalog()
    plants.occupation = Codes.of(["5611", "8900", "8900", "5611"])
    plants.welcomes_seniors = np.array([True, True, False, False])
    profile = nlu.SeekerProfile(age=58)
    asked = SeekerJobs(targets=("8900",), asked=True)
    scores = rescore(plants, ROWS, EQUAL, profile, asked, beyond=np.zeros(4)).tolist()
    assert scores[1] > scores[2] > scores[0]
    mentioned = SeekerJobs(targets=("5420",))
    scores = rescore(plants, ROWS, EQUAL, profile, mentioned, beyond=np.zeros(4)).tolist()
    welcome = Weights().senior
    assert scores[0] - scores[3] == pytest.approx(scores[1] - scores[2]) == pytest.approx(welcome)


def test_refusing_rotating_shifts_prefers_the_day_jobs() -> None:
    # "산단에서 아무거나요 교대는 안해요" (pool 5 k040): the 주간 postings come first
    rotating = nlu.SeekerProfile(excluded_shifts=frozenset({"2교대", "3교대"}))
    scores = rescore(catalog(), ROWS, EQUAL, rotating, COOK, beyond=np.zeros(4)).tolist()
    assert scores[0] == scores[3] > scores[1]
    nothing = rescore(catalog(), ROWS, EQUAL, nlu.SeekerProfile(), COOK, beyond=np.zeros(4))
    assert nothing[0] == nothing[1]
