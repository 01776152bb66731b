"""What explanations may say about the occupation: a match only at a level both sides state."""

from __future__ import annotations

from datetime import date

import pytest

import nlu
from nlu.occupation_class import (
    OccupationClass,
    SeekerJobs,
    classify_opening,
    read_seeker_jobs,
    with_jobs,
)
from nlu.profile_merge import merge
from retrieval.explain import (
    MATCH_CLAIMS,
    claim_level,
    explain,
    industry_reasons,
    occupation_reasons,
    profile_jobs,
    search_words,
)
from retrieval.fusion import wanted_industries
from storage.models import Opening

#: The as-of date of the explanations below that need one.
AS_OF = date(2026, 12, 1)


def reasons(title: str, seeker: str, *, jobs_cd: str | None = None) -> list[str]:
    """The occupation reasons of an opening with ``title`` for a seeker who wrote ``seeker``."""
    occupation = classify_opening(title=title, jobs_cd=jobs_cd)
    return occupation_reasons(Opening(title=title), read_seeker_jobs(seeker), occupation)


@pytest.mark.parametrize(
    ("code", "wanted", "level"),
    [
        ("824102", "8241", "세분류"),
        ("8241", "824104", "세분류"),  # the posting says no more than 용접원
        ("824104", "824104", "세분류"),
        ("623004", "623002", None),  # 지게차 is not 천장 크레인, though one 세분류 holds both
        ("8312", "831", "소분류"),
        ("8312", "83", None),
    ],
)
def test_claim_level(code: str, wanted: str, level: str | None) -> None:
    assert claim_level(code, wanted) == level


def test_two_job_codes_of_one_unit_are_related_not_the_same() -> None:
    said = reasons("항만 지게차 운전원 (주간)", "천장 크레인 7년 탔어요")
    assert said and said[0].startswith("관련 직종: 지게차 운전원")
    assert "같은 세분류(물품이동장비 조작원" in said[0]


def test_a_code_and_a_title_that_disagree_below_the_unit_claim_the_unit() -> None:
    occupation = OccupationClass("811301", 0.8, "jobs_cd", title_code="811302")
    jobs = SeekerJobs(targets=("811302",))
    said = occupation_reasons(Opening(title="지게차 정비기사"), jobs, occupation)
    assert said == ["직종 일치(세분류): 물품이동장비 설치·정비원"]


def test_a_helper_job_is_not_the_trade_of_someone_with_years_in_it() -> None:
    said = reasons("선박 블록 도장 보조 (초보 가능)", "배 도장 경력 9년이요")
    assert said == ["공고 직종: 도장원(도장기조작원)"]
    asked = reasons("선박 블록 도장 보조 (초보 가능)", "도장 보조 일 찾아요")
    assert asked[0].startswith("직종 일치")
    assert reasons("도장공 모집 (경력 우대)", "배 도장 경력 9년이요")[0].startswith("직종 일치")


def test_an_instructor_job_claims_a_match_only_for_the_trade_taught() -> None:
    welder = "용접 20년 했는데 이제 용접 가르치는 일 하고 싶어요"
    assert not reasons("전기 실기 훈련교사 (전기기사 소지자)", welder)[0].startswith("직종 일치")
    assert reasons("용접 실기 훈련교사", welder)[0].startswith("직종 일치(세분류)")


def test_no_claim_about_work_they_said_they_lack_what_it_takes_for() -> None:
    said = reasons("물류센터 지게차 운전원 (주간)", "지게차는 없어요 창고 정리 일 찾아요")
    assert not any(r.startswith(("직종 일치", "관련 직종")) or "지게차" in r for r in said)


def test_the_same_unit_in_another_industry_is_related_not_the_same() -> None:
    seeker = "배터리 공장 품질 쪽 일 하고 싶어요"
    said = reasons("식품공장 HACCP 품질관리 담당", seeker)
    assert said[0].startswith("관련 직종: 생산·품질 사무원 및 관리원(음식료품)")
    assert "생산·품질 사무원 및 관리원(전기·전자·컴퓨터)" in said[0]


def test_the_finest_of_nested_targets_is_what_they_do() -> None:
    said = reasons("항만 지게차 운전원 (주간)", "크레인 운전 10년 천장크레인 자격 있어요")
    assert not said[0].startswith("직종 일치")


def test_the_other_words_of_a_title_say_where_the_work_is_done() -> None:
    seeker = "식품 공장 품질 쪽 일 하고 싶어요"
    assert reasons("전기차 배터리팩 생산관리 담당", seeker)[0].startswith("관련 직종")
    assert reasons("김치 공장 품질관리 담당", seeker)[0].startswith("직종 일치(세분류)")


@pytest.mark.parametrize(
    ("title", "seeker"),
    [
        ("선박 블록 사상·청소 일용직 (그라인더 초보 가능)", "청소 일 찾아요 오전만"),
        # half the job is making seals (h100); 및 joins the two as · does
        ("도장(인감·직인) 제작 및 매장 판매 보조 직원 구함", "편의점이나 주차 같은 간단한거"),
    ],
)
def test_a_title_joining_two_trades_claims_neither(title: str, seeker: str) -> None:
    said = reasons(title, seeker)
    assert not any(r.startswith(("직종 일치", "관련 직종")) for r in said)


def test_two_jobs_of_one_trade_joined_by_and_still_match() -> None:
    said = reasons("태양광 설치 기사 및 보조 (김제·군산 현장)", "태양광 설치 일 하고 싶어요")
    assert said[0].startswith("직종 일치")


def test_quality_work_and_production_planning_of_one_code_are_related_not_the_same() -> None:
    seeker = "품질검사 해봤어요 자동차부품 삼차원 측정기 다룸"
    said = reasons("자동차 부품 생산관리 사무원 (MES 실적 입력)", seeker)
    assert said[0].startswith("관련 직종: 생산·품질 사무원 및 관리원(기계·자동차·금속)")
    assert reasons("자동차 부품 품질검사원 (주간)", seeker)[0].startswith("직종 일치(세분류)")


@pytest.mark.parametrize(
    ("seeker", "title", "jobs_cd"),
    [
        # factory maintenance electrician (h063) and cable pulling on ships: both 전기공
        ("공장 기계 고장나면 고치는 일 했어요 전기쪽", "선박 전기의장 보조 (케이블 포설)", None),
        ("공장 기계 고장나면 고치는 일 했어요 전기쪽", "태양광 모듈 설치 보조", None),
        # packing food and a metal-processing helper: both 제조 단순 종사원 (h064)
        ("반찬공장 같은데서 포장일 해봤어요", "금속부품 가공 보조 생산직", "890001"),
        # weld NDT and dimensional inspection: both 품질 검사, each also another kind (h044)
        (
            "비파괴검사 자격증 있고 용접부 검사 해봤어요 해상풍력쪽 품질",
            "자동차 부품 품질검사원 (3차원 측정기, 주간 근무)",
            None,
        ),
        # welding and grinding the welds (사상): both filed under 용접원
        (
            "용접 강사 말고 직접 용접하는 일 찾아요 경력 8년",
            "조선 블록 사상(그라인더) 정규직",
            None,
        ),
        # making battery material and recycling spent batteries (h065)
        (
            "배터리 셀에 들어가는 가루 만드는 공장 신입도 되나요",
            "폐배터리 재활용 공정 생산직",
            None,
        ),
    ],
)
def test_another_kind_of_work_filed_under_the_same_code_is_related_not_the_same(
    seeker: str, title: str, jobs_cd: str | None
) -> None:
    said = reasons(title, seeker, jobs_cd=jobs_cd)
    assert said and said[0].startswith("관련 직종") and "의 다른 일(" in said[0]


def test_the_same_kind_of_work_or_a_title_naming_none_still_matches() -> None:
    fixing = "공장 기계 고장나면 고치는 일 했어요 전기쪽"
    assert reasons("전구체 공장 설비보전 전기 담당", fixing)[0] == "직종 일치(소분류): 전기공"
    assert reasons("전기공 모집", fixing)[0] == "직종 일치(소분류): 전기공"
    assert reasons("선박 블록 CO2 용접사", "용접 일 찾아요")[0].startswith("직종 일치")
    ndt = "비파괴검사 자격증 있고 용접부 검사 해봤어요 해상풍력쪽 품질"
    assert reasons("해상풍력 하부구조물 용접 품질검사(QC) 경력직", ndt)[0].startswith("직종 일치")
    packing = "반찬공장 같은데서 포장일 해봤어요"
    assert reasons("단순 조립·포장원 (주간)", packing)[0].startswith("직종 일치(세분류)")


def _conversation(*turns: str) -> nlu.SeekerProfile:
    state = nlu.SeekerProfile()
    for text in turns:
        state = merge(state, with_jobs(nlu.parse_seeker_text(text), text))
    return state.for_search()


def test_a_conversation_searches_the_codes_said_not_the_family_code() -> None:
    # The family production_worker is 8900 (단순 조립·포장); what was said is 8 (assembly
    # and production work of any kind), so a line-assembly job is no longer ranked below it.
    jobs = profile_jobs(_conversation("조립 생산직 해봤어요", "김제요"))
    assert jobs.targets == ("8",)
    assert jobs.experience == (("8", None),)


def test_a_conversation_keeps_the_plant_said_beside_the_work_as_a_typed_text_does() -> None:
    """ "지엠 조립라인 이십오년 있었어요" / "주간만 …" / "군산" (open dialogs l002): ship
    fitting (선체 조립) came first; read whole, the text keeps GM's car assembly beside 8."""
    turns = ("지엠 조립라인 이십오년 있었어요", "주간만 허고 이백오십은 받아야 혀요", "군산")
    said = profile_jobs(_conversation(*turns))
    typed = read_seeker_jobs(" ".join(turns))
    assert said.context == typed.context == ("8171",)
    assert said.implied and typed.implied  # the work done, wanted again
    assert wanted_industries("지엠 조립 25년 경력", said) == {"auto"}


def test_the_words_of_a_wish_leave_out_the_plant_of_the_same_work_done() -> None:
    said = "지엠서 차체 스폿용접 했었어요. 조선이나 풍력 쪽 용접 배워서 하고 싶은데"  # pool 8 b033
    jobs = read_seeker_jobs(said)
    assert jobs.target_words == ("용접",)
    assert wanted_industries(said, jobs) == {"shipbuilding", "offshore_wind"}


def test_a_family_nothing_said_refines_keeps_its_code_beside_the_work_done() -> None:
    jobs = profile_jobs(_conversation("용접 15년 했어요", "지게차 자격증도 있어요"))
    assert jobs.targets == ("8241", read_seeker_jobs("지게차 운전원").targets[0])
    assert jobs.experience == (("8241", 15),)


def test_a_family_gives_way_to_work_of_its_kind_wished_in_words() -> None:
    # open dialogs l015: "전주 사출공장 자리 있어요?" searched 단순 조립·포장 (8900) beside 사출
    jobs = profile_jobs(_conversation("전주 사출공장 자리 있어요?", "군산이요"))
    assert jobs.targets == ("852201",)


def test_a_career_change_targets_the_new_work_and_keeps_the_old_as_experience() -> None:
    jobs = profile_jobs(_conversation("용접 15년 했어요", "이제 지게차 하고 싶어요"))
    assert jobs.targets == ("623004",)
    assert jobs.experience == (("8241", 15),)


@pytest.mark.parametrize(
    "turns",
    [
        (
            "GM 군산공장서 십오년 조립라인 있었는디 차는 이제 됐고",
            "배터리 소재 만드는 공장 들어가고 싶소",
        ),
        ("용접 20년 했는데 이제 질렸어요", "용접 강사 하고 싶어요"),
        ("용접 20년 했어요", "허리가 아파서 힘든 일은 못해요"),
        ("용접 15년 했어요", "이제 지게차 하고 싶어요"),  # a wish alone leaves nothing
    ],
)
def test_a_conversation_leaves_the_work_done_as_the_same_words_typed_do(
    turns: tuple[str, str],
) -> None:
    typed = read_seeker_jobs(" ".join(turns))
    assert profile_jobs(_conversation(*turns)).leaving is typed.leaving


def test_the_words_said_are_searched_when_the_family_name_says_more() -> None:
    # 조립 생산직 is 8; its family's name (생산·포장 단순 종사원, 8900) would search for packing
    wanted, done = search_words(_conversation("조립 생산직 해봤어요", "김제요"))
    assert wanted == ("조립", "생산직") and done == ("조립", "생산직")
    # … or less: 사상 (824107) is filed as 용접원, whose name would search for welding
    wanted, done = search_words(_conversation("그라인더 사상 해봤어요"))
    assert wanted == done == ("그라인더", "사상")


@pytest.mark.parametrize(
    "turns",
    [("용접 일 찾는데요",), ("용접 15년 했어요", "이제 지게차 하고 싶어요"), ("군산 살아요",)],
)
def test_the_family_names_stay_when_they_are_what_was_said(turns: tuple[str, ...]) -> None:
    assert search_words(_conversation(*turns)) == ((), ())


def test_an_industry_is_said_only_when_wanted_and_named_by_the_posting() -> None:
    cathode = Opening(title="양극재 품질분석 담당", description="ICP·입도분석, 화학 관련 전공")
    assert industry_reasons(cathode, frozenset({"battery"})) == ["업종: 이차전지 (원하시는 쪽)"]
    assert industry_reasons(cathode, frozenset({"food"})) == []
    assert industry_reasons(Opening(title="품질분석 신입"), frozenset({"battery"})) == []


def test_a_crane_signaller_is_related_to_forklift_driving_not_the_same_job() -> None:
    # 6230 files forklifts, cranes and signalling under one unit (data/occupations/works.csv)
    signaller = reasons("크레인 신호수·줄걸이 (초보 가능·교육 지원)", "지게차 운전 하고 싶어요")
    assert signaller[0].startswith("관련 직종") and "지게차 운전" in signaller[0]
    assert reasons("물류센터 지게차 운전원", "지게차 운전 하고 싶어요")[0].startswith("직종 일치")
    assert reasons("크레인 신호수·줄걸이", "크레인 신호수 해봤어요")[0].startswith("직종 일치")


def test_a_night_posting_is_flagged_for_one_who_cannot_work_shifts_not_called_their_wish() -> None:
    from datetime import date

    from retrieval.explain import explain

    night = Opening(title="지게차 운전원 모집", work_shift="야간", certificates={})
    no_turns = nlu.parse_seeker_text("지게차 자격증 있어요. 교대는 못 해요")
    why = explain(night, no_turns, distance_km=10.0, home_name="군산", as_of=date(2026, 11, 1))
    assert "근무형태: 야간 (밤 근무 여부 확인 필요)" in why.missing
    assert not any(r.startswith(("근무형태", "직종 일치")) for r in why.reasons)
    day = Opening(title="지게차 운전원 모집", work_shift="주간", certificates={})
    why = explain(day, no_turns, distance_km=10.0, home_name="군산", as_of=date(2026, 11, 1))
    assert "근무형태: 주간 (원하시는 조건)" in why.reasons


def test_an_instructors_years_in_the_field_are_the_years_in_the_trade_taught() -> None:
    from datetime import date

    from retrieval.explain import explain

    welder = nlu.parse_seeker_text("용접 20년 했는데 이제 가르치는 일 하고 싶어요")
    teaching = Opening(
        title="용접 실기 교사(강사) 모집 - 현장경력 10년 이상",
        occupation_code="214307",
        career_years_min=10,
        certificates={},
    )
    why = explain(teaching, welder, distance_km=10.0, home_name="군산", as_of=date(2026, 12, 1))
    assert "경력 조건 충족 (10년 이상)" in why.reasons
    cad = Opening(
        title="CAD·CAM 직업훈련교사", occupation_code="214307", career_years_min=3, certificates={}
    )
    why = explain(cad, welder, distance_km=10.0, home_name="군산", as_of=date(2026, 12, 1))
    assert "경력 3년 이상 요구" in why.missing  # welding years are not CAD years


def test_a_higher_grade_meets_a_lower_required_certificate_and_says_so() -> None:
    from datetime import date

    from retrieval.explain import explain

    posting = Opening(
        title="시설관리 전기 담당", certificates={"electrician_craftsman": "required"}
    )
    engineer = nlu.parse_seeker_text("전기기사 자격 있어요 시설관리 하고 싶어요")
    why = explain(posting, engineer, distance_km=5.0, home_name="군산", as_of=date(2026, 11, 1))
    assert "자격증 충족: 전기기능사 (필수) — 전기기사 보유" in why.reasons
    assert not any("전기기능사" in m for m in why.missing)
    craftsman = nlu.parse_seeker_text("전기기능사 있어요 시설관리 하고 싶어요")
    upward = Opening(title="시설관리 전기 담당", certificates={"electrical_engineer": "required"})
    why = explain(upward, craftsman, distance_km=5.0, home_name="군산", as_of=date(2026, 11, 1))
    assert "필수 자격증 전기기사: 보유 여부 확인 필요" in why.missing  # a lower one does not


def test_years_asked_in_a_named_field_are_met_only_by_work_in_that_field() -> None:
    from datetime import date

    from retrieval.explain import explain

    piping = Opening(
        title="선박 배관 취부·용접공 (배관 경력 2년 이상, 주간)",
        career_years_min=2,
        certificates={},
    )
    day = date(2026, 11, 1)
    welder = nlu.parse_seeker_text("조선소에서 CO2 용접 15년 했어요")
    why = explain(piping, welder, distance_km=5.0, home_name="군산", as_of=day)
    assert "배관공 경력 2년 이상 요구" in why.missing
    assert not any("경력 조건 충족" in r for r in why.reasons)
    fitter = nlu.parse_seeker_text("배관 15년 했어요")
    why = explain(piping, fitter, distance_km=5.0, home_name="군산", as_of=day)
    assert "배관공 경력 조건 충족 (2년 이상)" in why.reasons
    plain = Opening(
        title="선박 블록 CO2 용접사 (경력 3년 이상)", career_years_min=3, certificates={}
    )
    why = explain(plain, welder, distance_km=5.0, home_name="군산", as_of=day)
    assert "경력 조건 충족 (3년 이상)" in why.reasons


def test_years_given_as_their_own_answer_meet_the_years_a_posting_asks() -> None:
    from datetime import date

    from nlu.profile import SeekerProfile
    from nlu.profile_merge import merge
    from retrieval.explain import explain

    # "용접" (the wish), then "15년" (the answer to how long): 15 years of welding
    profile = SeekerProfile()
    for said in ("용접", "15년"):
        profile = merge(profile, nlu.parse_seeker_text(said))
    posting = Opening(title="선박 용접사 모집 (정규직)", career_years_min=10, certificates={})
    why = explain(
        posting, profile.for_search(), distance_km=5.0, home_name="군산", as_of=date(2026, 11, 1)
    )
    assert "경력 조건 충족 (10년 이상)" in why.reasons
    assert not any("이상 요구" in m for m in why.missing)


def test_a_nationality_said_without_a_visa_is_named_once() -> None:
    from datetime import date

    from retrieval.explain import explain

    posting = Opening(title="포장원 모집", certificates={})
    day = date(2026, 11, 1)
    migrant = nlu.parse_seeker_text("베트남에서 왔어요 포장 일 찾아요")
    why = explain(posting, migrant, distance_km=5.0, home_name="군산", as_of=day)
    assert "외국인 채용 여부 확인 필요" in why.missing
    e9 = nlu.parse_seeker_text("E-9 비자예요 포장 일 찾아요")
    why = explain(posting, e9, distance_km=5.0, home_name="군산", as_of=day)
    assert "외국인(E-9) 채용 여부 확인 필요" in why.missing


def test_a_short_hire_is_named_for_one_who_wants_a_few_weeks_and_asked_of_the_others() -> None:
    from datetime import date

    from retrieval.explain import explain

    day = date(2026, 12, 1)
    short = nlu.parse_seeker_text("방학동안 단기 알바 구해요 포장 같은거")
    seasonal = Opening(title="식품공장 포장 단기 알바 (12월 한 달)", certificates={})
    why = explain(seasonal, short, distance_km=5.0, home_name="군산", as_of=day)
    assert "단기 근무 (원하시는 조건)" in why.reasons
    lasting = Opening(title="식품공장 포장원 (정규직)", certificates={})
    why = explain(lasting, short, distance_km=5.0, home_name="군산", as_of=day)
    assert "근무 기간(단기 가능 여부) 확인 필요" in why.missing
    anyone = nlu.parse_seeker_text("포장 일 찾아요")
    why = explain(seasonal, anyone, distance_km=5.0, home_name="군산", as_of=day)
    assert not any("단기" in line for line in why.reasons + why.missing)


def test_work_said_only_as_a_field_or_an_employer_names_the_class_and_claims_nothing() -> None:
    # "지엠 다니다" says where the seeker worked, not which job (fifth set v027, v004)
    at_gm = "지엠 다니다 나와서 쉬고 있어요 일자리 있나요"
    assert reasons("전기차 조립 생산직 (차체·의장 라인)", at_gm) == ["공고 직종: 자동차 조립원"]
    # and with light work asked for, the work done is left: nothing said of it at all
    easy = "지엠 다니다 나와서 이것저것 했는디 인자 예순하나여 몸 편한 일 없을까요"
    assert reasons("전기차 조립 생산직 (차체·의장 라인)", easy) == []
    heard = "지엠 공장서 차 문짝 달고 열두해 일햇어요 요즘 배터리 공장 많이 생긴다해서요"
    said = reasons("폐배터리 재활용 공정 생산직 야간 전담", heard)
    assert said and not said[0].startswith(MATCH_CLAIMS)
    # the job said in words is still claimed
    assert reasons("전기차 조립 생산직", "자동차 조립 20년 했어요")[0].startswith("직종 일치")


def test_a_kind_of_work_said_in_a_longer_phrase_is_that_kind_only() -> None:
    # "크레인 신호" is signalling: the 크레인 inside it is not crane driving (fifth set v032)
    said = reasons(
        "조선소 천장크레인 운전원 (자격증 필수)", "조선소서 크레인 신호 봤어요 줄걸이도 하고"
    )
    assert said and said[0].startswith("관련 직종") and "의 다른 일(크레인 운전)" in said[0]


def test_quality_work_at_a_food_company_is_food_quality_work() -> None:
    food = "식품산업기사 있고 식품회사 품질 삼년 했어요"  # fifth set v037
    said = reasons("자동차 부품 품질검사원 (3차원 측정기)", food)
    assert said[0].startswith("관련 직종") and "(음식료품)" in said[0]
    assert reasons("김치 공장 품질관리 담당", food)[0].startswith("직종 일치")


def test_what_a_painter_would_paint_is_not_a_trade_wanted() -> None:
    painter = (
        "배에 페인트 뿌리는 일 십년 했어요 이번엔 바다 바람개비 철구조물 칠하는데 있으면 가고싶네요"
    )
    assert reasons("해상풍력 하부구조물 제관·취부공", painter) == []
    assert reasons("해상풍력 하부구조물 블라스팅·도장공", painter)[0].startswith("직종 일치")


def test_a_pay_floor_is_said_back_in_the_unit_the_seeker_gave() -> None:
    hourly = nlu.parse_seeker_text("오전에만 일할수 있어요 시급 만원은 넘어야되고")
    job = Opening(title="편의점 오전 알바", salary_type="시급", salary_min=10_500, certificates={})
    job.monthly_pay_min = 2_194_500  # 209 hours' worth: what the importer stores
    why = explain(job, hourly, distance_km=2.0, home_name="군산", as_of=AS_OF)
    assert "급여: 시급 10,500원 (희망 시급 10,000원 이상 충족)" in why.reasons


def test_a_job_of_another_trade_is_named_beside_the_seekers() -> None:
    # a cook searching in 나운동 was shown a truck driver's job there with only the place as a
    # reason once the cooks' jobs ran out
    cook = nlu.parse_seeker_text("식당 조리 일 찾아요 나운동 살아요")
    truck = Opening(title="5톤 윙바디 배송 기사 정규직", certificates={})
    why = explain(truck, cook, distance_km=0.5, home_name="나운동", as_of=AS_OF)
    assert (
        why.missing[0]
        == "공고 직종: 배송·납품 운전원(납품영업 포함) (말씀하신 일: 주방장 및 조리사)"
    )
    kitchen = Opening(title="구내식당 조리원 모집", certificates={})
    why = explain(kitchen, cook, distance_km=0.5, home_name="나운동", as_of=AS_OF)
    assert not any(m.startswith("공고 직종") for m in why.missing)


@pytest.mark.parametrize(
    "seeker",
    [
        "아무 일이나 괜찮아요 나운동 살아요",  # no occupation asked
        "배터리 공장 가고 싶어요",  # a plant holds drivers too
    ],
)
def test_another_trade_is_said_only_against_a_wish(seeker: str) -> None:
    profile = nlu.parse_seeker_text(seeker)
    truck = Opening(title="5톤 윙바디 배송 기사 정규직", certificates={})
    why = explain(truck, profile, distance_km=0.5, home_name="나운동", as_of=AS_OF)
    assert not any(m.startswith("공고 직종") for m in why.missing)
