"""The KECO table, the opening classifier and the seeker's target / experience / exclusions."""

from __future__ import annotations

import pytest

from nlu.keco import load_keco, shared_level
from nlu.occupation_class import UNKNOWN_BELOW, career_field, classify_opening, read_seeker_jobs


def test_the_table_loads_with_the_published_structure() -> None:
    keco = load_keco()
    levels = [u.level for u in keco.units.values()]
    assert (levels.count("대분류"), levels.count("중분류")) == (10, 35)
    assert (levels.count("소분류"), levels.count("세분류")) == (136, 450)
    assert keco.units["8241"].parent == "824"


@pytest.mark.parametrize(
    ("jobs_cd", "code"),
    [("824104", "824104"), ("824100", "8241"), ("024", None), ("07A", None), ("999999", None)],
)
def test_jobs_cd_resolves_to_a_row_or_its_unit_and_groups_are_not_codes(
    jobs_cd: str, code: str | None
) -> None:
    assert load_keco().resolve_jobs_cd(jobs_cd) == code


def test_families_are_the_longest_prefix_and_neighbours_cover_descendants() -> None:
    keco = load_keco()
    assert keco.family_of("623004") == "forklift_driver"
    assert keco.family_of("6230") == "crane_operator"
    assert keco.family_of("1343") is None  # outside the 25 old families: no family, not a guess
    assert keco.neighbour_of("824104", "8173")
    assert keco.neighbour_of("623004", "811302") is None  # 지게차 운전 ≠ 지게차 정비
    assert shared_level("824104", "823101") == 2


@pytest.mark.parametrize(
    ("title", "jobs_cd", "code"),
    [
        ("[군산 오식도동] 선박 블록 CO2 용접사 모집", None, "824102"),
        ("공장 전산·MES 운영 담당 (정보처리기사 우대)", None, "1343"),
        ("기계 제도사 (AutoCAD 2D 도면 작성·수정, 신입 가능)", None, "1591"),
        ("산업단지 구내식당 영양사 (영양사 면허 필수)", None, "3050"),
        ("용접봉·용접재료 거래처 영업사원 (운전 필수)", None, "612"),
        ("이차전지 양극재 소성 공정 오퍼레이터 (4조 3교대)", None, "8512"),
        ("지게차 정비기사 (지게차 수리·출장정비)", None, "811302"),
        # the 2018 meaning of 811302 is 지게차 정비원; the title agrees, so the code stands
        ("지게차 정비기사", "811302", "811302"),
        ("선박 블록 용접", "824100", "8241"),
        # a machine before the generic head 오퍼레이터 (851) says which operator
        ("★급구★ 군산 MCT 오퍼레이터 구합니다 - 주간 근무", None, "813210"),
        ("CNC 오퍼레이터 모집 (2교대)", None, "8132"),
        ("자동차 차체부품 로봇용접 라인 오퍼레이터 (2교대)", None, "8242"),  # nearest the head
        # picking and packing orders is one job, 쇼핑몰택배 준비원, not packing in a factory
        ("(익산) 물류 피킹·포장원 정규직 채용", None, "617903"),
        # tasks listed with "·" put the main one first: a grinder's job, not a cleaner's
        ("선박 블록 사상·청소 일용직 (그라인더 초보 가능)", None, "824107"),
        # a shipyard's "블록 청소" is grinding and cleanup after welding, not building cleaning
        ("조선소 블록 청소·사상 보조 일당 당일지급", None, "824107"),
        # … unless the items share the last one's head: both machines are repaired
        ("지게차·굴삭기 정비기사 (중장비 정비 경력 2년↑)", None, "8116"),
        # driving the bus, as titles say it: not any driver (622)
        ("산업단지 통근버스 운전기사 (1종대형·버스운전자격 필수)", None, "622202"),
        ("버스 운전기사 모집", None, "6222"),
        # a 태권도장 is a gym, not painting (도장): a sports instructor's job
        ("태권도장 보조사범·차량 동승 (평일 오후)", None, "4204"),
        # titles from the pools that named no class
        ("수출입 무역사무 (영어 가능자)", None, "0281"),
        ("김장 절임배추 작업 단기", None, "8722"),
        ("학교 야간 당직 (16:30~익일 08:30) 어르신 가능", None, "5420"),
        # a building's facility manager runs its electrical plant (빌딩 전기관리원)
        ("건물 시설관리 기사 (전기기능사 · 주간 + 월 4회 당직)", None, "834002"),
        # washing the panels is cleaning, not an electrician's work
        ("태양광 패널 세척 단기 (12월 2주)", None, "5611"),
        # what is required after " - " is not the job
        ("전기 직업훈련교사 (전기기능사·태양광 과정) - 전기산업기사 이상", None, "2143"),
        ("식품 품질관리(HACCP) 담당 - 식품산업기사 필수", None, "028405"),
        # "+ 당직" is a duty beside the job, not a watchman's job
        ("배터리 셀 공장 설비보전(전기·PLC) 주간 + 당직", None, "8111"),
        ("카페 오전 파트타이머 평일 07~12시 (바리스타 자격 우대)", None, "5317"),
        ("마트 주차 안내·카트 정리 (평일 주간 / 어르신 가능)", None, "5623"),
        ("[대야면] 딸기 하우스 수확·선별 단기알바 (12~2월)", None, "9012"),
        ("선박도장 보조 (초보 가능)", None, "8251"),
        # changing a car's battery is car service, not battery making (8351)
        ("자동차 배터리·타이어 교체 및 출장 서비스", None, "8124"),
        # fitting a ship's pipes is pipe work, not hull fitting (pool 12 w002)
        ("선박 배관 취부 보조 (초보 가능, 통근버스 운행)", None, "7032"),
        # a solar plant's upkeep is the plant's (발전 장치), not any machine's (81; pool 12)
        ("태양광 발전소 유지보수(O&M) 기사 - 전기산업기사 이상 필수, 주간", None, "8330"),
    ],
)
def test_openings_are_classified_from_code_or_title(
    title: str, jobs_cd: str | None, code: str
) -> None:
    found = classify_opening(title=title, jobs_cd=jobs_cd)
    assert found.code == code
    assert found.confidence >= UNKNOWN_BELOW


@pytest.mark.parametrize(
    ("title", "code"),
    [
        ("엘리베이터 설치·정비 기사", "811201"),  # 811201 in KECO 2018
        ("공작기계 설치·정비원 모집", "811101"),  # the same digits in KECO 2025
    ],
)
def test_a_renumbered_code_follows_the_edition_the_title_fits(title: str, code: str) -> None:
    assert load_keco().renumbered["811201"].keco_code == "811101"
    assert classify_opening(title=title, jobs_cd="811201").code == code


def test_no_words_and_no_code_is_unknown_not_a_forced_class() -> None:
    found = classify_opening(title="직원 모집 (주5일, 4대보험)")
    assert found.code is None and found.confidence < UNKNOWN_BELOW


def test_board_tags_count_by_their_first_tag_and_titles_win_disagreements() -> None:
    found = classify_opening(
        title="해상풍력 하부구조물 용접 품질검사(QC) 경력직", occupation="품질관리, 용접검사"
    )
    assert found.code == "0284"


def test_past_work_and_target_are_read_apart() -> None:
    jobs = read_seeker_jobs("자동차 조립 20년 했는데 배터리 공장 쪽으로 가고 싶어요")
    assert jobs.targets == ("8351",)
    assert jobs.experience == (("8171", 20),)
    # "있다가": where they were before the work of now
    moved = read_seeker_jobs(
        "GM 도장라인 있다가 공장 닫고 택배일 몇년 했어요. 이제 물류창고 쪽 정식으로 들어가고 싶어요"
    )
    assert moved.targets == ("6244",)
    assert ("8251", None) in moved.experience


def test_work_done_is_the_target_when_nothing_else_is_wanted() -> None:
    jobs = read_seeker_jobs("큰 배 색칠하는 일 했습니다 십년 정도요")
    assert jobs.targets == ("8251",)


@pytest.mark.parametrize(
    ("text", "targets", "experience"),
    [
        # 가접 (tack welding) is a fitter's work; 본용접 refused is the welder's
        ("쇠 짜르고 붙이는 일 삼년 했어요 배 만드는데서 가접까지는 하는디 본용접은 못해요",
         ("824104",), ()),
        ("그릇 닦는거 이런거 괜찮아요", ("5323",), ()),
        ("공장서 기계 돌아가는거 봐주는 일을 스무해 혔어요", ("8",), (("8", 20),)),
        ("짐차 10년 몰았어요 대형면허 있고", ("6223",), (("6223", 10),)),
        ("무역회사 사무 해봤어요 영어 조금 가능", ("0281",), (("0281", None),)),
        ("GM에서 부품 치수 재고 불량 골라내는 일 했어요", ("0284",), (("0284", None),)),
        ("화학과 졸업 앞두고 잇어요 분석쪽 신입 자리 찾는데", ("1542",), ()),
        ("용졉 배워보고 싶어요 경험은 업구", ("8241",), ()),  # typed with ㅕ
        # 물류센터 is where the stock is kept, not the work
        ("물류센터 재고관리 WMS 경력 칠년 김제 주간", ("028307",), (("028307", 7),)),
        # the other work is done in the daytime; production at night is wanted
        ("낮에는 딴 일 혀서 밤에만 할수 있어라 생산직 야간 전담 있을랑가요", ("8",), ()),
    ],
)  # fmt: skip
def test_work_described_in_plain_words(
    text: str, targets: tuple[str, ...], experience: tuple[tuple[str, int | None], ...]
) -> None:
    jobs = read_seeker_jobs(text)
    assert (jobs.targets, jobs.experience) == (targets, experience)
    assert not jobs.leaving


def test_a_described_new_work_is_named_and_is_not_the_old_one() -> None:
    jobs = read_seeker_jobs("용접 삼십년 했는데 이제 후배들 가르치는 일 하고 싶어요")
    assert jobs.targets == ("2143",)  # 기술·기능계 강사
    assert jobs.experience == (("8241", 30),)
    assert read_seeker_jobs("사무실에서 도면 보는 일 하고 싶어요").targets[-1] == "1591"
    piper = read_seeker_jobs("배관 이십년 하다 현장은 접을라고요. 도면 그리는 쪽 배우고 싶은디")
    assert piper.targets == ("1591",) and piper.leaving  # 현장은 접을라고요: piping is left
    assert read_seeker_jobs("이제 덜 힘든 일 하고 싶어요").targets == ()


@pytest.mark.parametrize(
    ("text", "targets", "context"),
    [
        ("화학과 졸업예정입니다 이차전지 품질 쪽 신입으로 가고싶어요", ("0284",), ("8351",)),
        ("전기차 배터리팩 만드는 회사 생산관리 경력 오년", ("0284",), ("8360",)),
        ("CATIA 설계 자동차부품 경력 6년", ("15",), ("8172",)),
        ("용접 가르치는 일 찾습니다", ("2143",), ("8241",)),
        ("배터리 공장 쪽으로 가고 싶어요", ("8351",), ()),
        ("품질검사 해봤어요 자동차부품 삼차원 측정기 다룸", ("0284",), ("8172",)),
        ("용접이나 배관 일 하고 싶어요", ("8241", "703"), ()),
    ],
)
def test_an_industry_beside_a_role_is_context_not_a_second_target(
    text: str, targets: tuple[str, ...], context: tuple[str, ...]
) -> None:
    jobs = read_seeker_jobs(text)
    assert (jobs.targets, jobs.context) == (targets, context)


@pytest.mark.parametrize("text", ["아무거나 괜찮아요 야간 빼고", "뭐든지 합니다 통근버스 되는데"])
def test_anything_means_no_occupation_constraint(text: str) -> None:
    jobs = read_seeker_jobs(text)
    assert jobs.any_occupation and not jobs.targets


def test_anything_in_the_industrial_complex_is_its_plants_production_work() -> None:
    jobs = read_seeker_jobs("산단에서 아무거나요 교대는 안해요 삼십대 남자")
    assert (jobs.targets, jobs.any_occupation) == (("8",), False)


def test_refused_work_is_excluded() -> None:
    jobs = read_seeker_jobs("용접 강사자리 말고 직접 용접하는 일이요")
    assert "214307" in jobs.excluded and "8241" in jobs.targets


def test_work_the_seeker_cannot_do_in_dialect_is_excluded() -> None:
    jobs = read_seeker_jobs("풍력 하부구조물 쪽 가고싶어요 용접은 못허고 제관 이년 했어라")
    assert jobs.excluded == ("8241",) and jobs.experience == (("8223", 2),)


def test_the_inspection_of_welds_is_inspection_not_welding() -> None:
    jobs = read_seeker_jobs("조선소서 용접부 검사 오년 했어요")
    assert jobs.experience == (("1585", 5),) and "8241" not in jobs.targets


@pytest.mark.parametrize("move", ["옮길라고요", "옮기려고요", "갈라고요", "넘어가려고요"])
def test_moving_to_a_plant_is_the_wish_and_the_trade_done_stays_experience(move: str) -> None:
    jobs = read_seeker_jobs(f"배 용접 십년 하다 일이 들쭉날쭉해서 배터리 공장으로 {move}")
    assert jobs.targets == ("8351",) and jobs.experience == (("8241", 10),)
    assert not jobs.implied


def test_a_licence_held_names_the_job_when_only_a_place_is_wished_for() -> None:
    jobs = read_seeker_jobs("영양사 면허 있는 신입인데 공장 급식소도 괜찮을까요?")
    assert jobs.targets == ("3050",) and jobs.context == ("5312",)
    assert read_seeker_jobs("급식소 일 하고 싶어요").targets == ("5312",)  # the place alone


@pytest.mark.parametrize(
    "text",
    [
        "배에다 전깃줄 깔고 연결허는 일 팔년 혔당께요",
        "배 안에서 전깃줄 끌고 다니면서 묶는거 해봤어요",
    ],
)
def test_laying_cable_in_words_is_an_industrial_electricians_work(text: str) -> None:
    assert read_seeker_jobs(text).experience[0][0] == "8311"  # 산업 전기공 (선박 전장)


def test_looking_after_plant_equipment_is_maintenance() -> None:
    assert read_seeker_jobs("공장 설비 보는일 경력 삼년인데").experience == (("8111", 3),)


def test_a_held_certificate_names_the_work_when_nothing_else_does() -> None:
    assert read_seeker_jobs("지게차 자격증 있어요 주간만").targets == ("623004",)


def test_work_the_seeker_does_not_know_is_neither_done_nor_wanted() -> None:
    """ "밀링은 잘 몰라요" had made milling the wish of a lathe operator."""
    jobs = read_seeker_jobs("CNC 선반 5년 했는데 밀링은 잘 몰라요 주간 원해요")
    assert jobs.targets == ("813201",) and jobs.experience == (("813201", 5),)
    assert read_seeker_jobs("용접은 잘 모르는데 배우고 싶어요").targets == ("8241",)


def test_a_licence_named_by_its_job_says_the_job() -> None:
    """영양사 is the licence and the job; 단체급식 is where she worked, not a cook's job."""
    jobs = read_seeker_jobs("영양사 면허 있어요 단체급식 경력 삼년")
    assert jobs.targets == ("3050",)
    assert read_seeker_jobs("요양보호사 5년 했어요").experience == (("5501", 5),)


def test_a_place_wished_for_beside_a_job_wished_for_elsewhere_is_where() -> None:
    """A cafeteria cook's job was "직종 일치" for a new dietitian who wants 단체급식."""
    jobs = read_seeker_jobs(
        "식품영양과 졸업하고 영양사 면허 땄어요. 단체급식 신입으로 군산 김제 쪽"
    )
    assert jobs.targets == ("3050",) and jobs.context == ("531205",)
    assert read_seeker_jobs("구내식당 일 찾아요").targets == ("531205",)


def test_a_trade_before_a_drawing_is_what_was_drawn() -> None:
    jobs = read_seeker_jobs("조선소에서 배관 도면 그리는 일 했어요 캐드 3년")
    assert jobs.targets == ("1591",) and jobs.context == ("703",)


def test_career_years_are_work_done_whatever_else_the_clause_accepts() -> None:
    assert read_seeker_jobs("도장 경력 7년 군산이면 좋아요").experience == (("8251", 7),)


@pytest.mark.parametrize(
    ("text", "lacking", "targets"),
    [
        ("지게차는 없어요 창고 정리 일 찾아요", ("623004",), ("6244",)),
        ("용접 하고 싶어요 지게차 자격은 없어요", ("623004",), ("8241",)),
        # 특수용접 is under the welding they did: lacking it does not rule welding out
        ("특수용접은 없고 CO2 용접 6년 했어요", (), ("824102",)),
    ],
)
def test_work_they_lack_what_it_takes_for_is_kept_apart_from_their_work(
    text: str, lacking: tuple[str, ...], targets: tuple[str, ...]
) -> None:
    jobs = read_seeker_jobs(text)
    assert (jobs.lacking, jobs.targets, jobs.excluded) == (lacking, targets, ())


def test_work_they_lack_what_it_takes_for_lacks_its_certificates_in_the_profile() -> None:
    import nlu

    profile = nlu.parse_seeker_text("나 지게차는 없고 운전면허 1종 보통이여. 물류창고 일 주간으로")
    assert {"forklift", "forklift_small"} <= set(profile.certificates_lacking)
    assert profile.certificates_held == ("license_1_ordinary",)
    welder = nlu.parse_seeker_text("특수용접은 없고 CO2 용접 6년 했어요")
    assert "welding_craftsman" not in welder.certificates_lacking  # only the one said


def test_a_unit_split_by_industry_is_made_specific_only_when_the_industries_agree() -> None:
    keco = load_keco()
    assert keco.in_industry("0284", ("8351",)) == "028404"  # 배터리 공장의 품질
    assert keco.in_industry("0284", ("87",)) == "028405"  # 식품 공장
    assert keco.in_industry("0284", ("8171", "8360")) == "0284"  # 자동차와 전기 부품: 모름
    assert keco.in_industry("8241", ("82",)) == "8241"  # not split by industry


def test_a_field_the_table_does_not_name_is_a_wish_not_the_old_work() -> None:
    jobs = read_seeker_jobs("도장 20년 했는데 이제 행정 쪽 일 해보고 싶어요")
    assert jobs.targets == () and jobs.experience == (("8251", 20),)
    # 그쪽 points back to the work just named
    assert read_seeker_jobs("지게차 7년 했어요 다시 그쪽 일 하고 싶어요").targets == ("623004",)


def test_a_side_skill_is_work_done_not_the_target() -> None:
    said = "배관 이십년 했습니다. 선박배관이랑 플랜트배관 다 했고 용접도 좀 합니다"
    jobs = read_seeker_jobs(said)
    assert "8241" not in jobs.targets and jobs.targets[0] == "703"
    assert ("8241", None) in jobs.experience


def test_a_unit_that_files_several_kinds_of_work_knows_which_a_text_names() -> None:
    keco = load_keco()
    assert (
        keco.work_unit("831201") == "831"
        and keco.work_unit("824107") == "8241"
        and keco.work_unit("8172") is None
    )
    fixing = read_seeker_jobs("공장 기계 고장나면 고치는 일 했어요 전기쪽")
    assert fixing.targets == ("831",) and fixing.works == (("831", "보전·수리"),)
    assert keco.works_named("선박 전기의장 보조 (케이블 포설)") == (("831", "설치·시공"),)
    assert ("0284", "품질 검사") in keco.works_named("식품공장 HACCP 품질관리")


def test_solar_design_is_electrical_engineering_not_an_electricians_trade() -> None:
    jobs = read_seeker_jobs("전기기사 있고 태양광 설계 시공 경력 오년 부안 김제 괜찮음")
    assert jobs.targets == ("1531",) and jobs.experience == (("1531", 5),)
    assert read_seeker_jobs("태양광 설치 일 하고 싶어요").targets == ("8312",)


def test_the_line_the_work_was_done_on_is_where_not_a_second_target() -> None:
    jobs = read_seeker_jobs("옛날 자동차공장 차체라인에서 로봇용접 셋팅하고 봤어요 2교대 상관없음")
    assert jobs.targets == ("8242",) and "8171" in jobs.context
    assert read_seeker_jobs("자동차 조립 라인에서 일했어요").targets == ("8171",)  # no other role


@pytest.mark.parametrize(
    ("text", "targets", "excluded"),
    [
        ("지게차 정비 말고 운전이요 자격 있고 교대 가능", ("623004",), ("811302",)),  # A B 말고 C
        ("택배 상하차 야간 말고 주간 있나요", ("6244",), ()),  # the night is ruled out
        ("배관 설계 말고 현장 배관이요", ("703",), ("15",)),  # named again after 말고
        ("용접 말고 도장 하고 싶어요", ("8251",), ("8241",)),
        (
            "정비 일 찾아요 지게차 정비 말고 공장 설비요",
            ("81",),
            ("811302",),
        ),  # 지게차 공장: no job
        ("상하차 알바말고 정규직 물류 일 찾아요", (), ("6244",)),  # the 상하차 알바 is left
        ("용접 일 말고 다른 거요", (), ("8241",)),
    ],
)
def test_what_malgo_rules_out_and_what_comes_instead(
    text: str, targets: tuple[str, ...], excluded: tuple[str, ...]
) -> None:
    jobs = read_seeker_jobs(text)
    assert (jobs.targets, jobs.excluded) == (targets, excluded)


def test_a_wish_pointing_back_wants_the_work_the_clause_before_named() -> None:
    moving = read_seeker_jobs(
        "자동차 공장 20년 다녔어요. 배터리 공장이 좋다던데 거기 가 보고 싶어요"
    )
    assert (moving.targets, moving.experience, moving.implied) == (
        ("8351",),
        (("8171", 20),),
        False,
    )
    assert read_seeker_jobs("배터리 공장이 사람 뽑는다던데 그쪽으로 가고 싶어요").targets == (
        "8351",
    )


def test_a_broad_word_beside_a_finer_one_of_its_group_is_where_not_the_work() -> None:
    jobs = read_seeker_jobs("화력발전소 전기팀에서 수배전 설비 칠년 봤어요. 전기기사 있고")
    assert ("8340", 7) in jobs.experience
    assert all(code != "831" for code, _ in jobs.experience)  # 전기팀 is the team


def test_a_plant_wished_for_by_the_place_alone_is_production_not_the_work_before() -> None:
    jobs = read_seeker_jobs("식당 일 했는데 공장 하고싶어요 김 공장 같은거")
    assert (jobs.targets, jobs.experience) == (("8",), (("53", None),))
    assert jobs.target_words == ("김 공장",)  # where, kept for the turns after
    # … but "그 공장" points back at the plant named before
    back = read_seeker_jobs("자동차 공장 20년 다녔어요. 배터리 공장 좋다던데 그 공장 가고 싶어요")
    assert back.targets == ("8351",)


@pytest.mark.parametrize(
    ("text", "targets"),
    [
        # "근데 배워서" is a clause of its own: the wish looks past it to the work named
        ("용접 자격증 없어요 근데 배워서 하고싶어요. 마흔다섯", ("8241",)),
        ("욥접 자격증 없어요 근데 배워서 하고싶어요", ("8241",)),  # a typo the table lists
        ("용접 20년 했는데 다른거 하고 싶어요", ()),  # other work: not the work before
        ("용접 20년 했는데 허리가 아파서 다른거 하고 싶어요", ()),
    ],
)
def test_a_wish_without_work_of_its_own_looks_back_unless_it_wants_other_work(
    text: str, targets: tuple[str, ...]
) -> None:
    assert read_seeker_jobs(text).targets == targets


@pytest.mark.parametrize(
    ("text", "code"),
    [("욥접 일 찾아요", "8241"), ("취브 일 찾아요", "824104"), ("베관 일 찾아요", "703")],
)
def test_two_syllable_typos_the_fuzzy_reading_cannot_reach_are_listed(text: str, code: str) -> None:
    assert read_seeker_jobs(text).targets == (code,)


@pytest.mark.parametrize(
    ("title", "field"),
    [
        ("선박 배관 취부·용접공 (배관 경력 2년 이상, 주간)", "703"),
        ("지게차운전원 경력 3년 이상", "623004"),
        ("용접 실기 교사(강사) 모집 - 현장경력 10년 이상", None),  # 현장 names no work
        ("선박 블록 CO2 용접사 모집 (경력 3년 이상)", None),
        ("조선소 경력 3년", None),  # an industry
    ],
)
def test_the_field_a_posting_asks_years_in(title: str, field: str | None) -> None:
    assert career_field(title) == field


@pytest.mark.parametrize(
    ("text", "leaving"),
    [
        (
            "GM 군산공장서 십오년 조립라인 있었는디 차는 이제 됐고 배터리 소재 만드는 공장 들어가고 싶소",
            True,
        ),
        ("용접은 인자 됐어요 지게차 배우고 싶어요 용접 15년 했어요", True),
        ("도장 10년 했는데 지긋지긋해요", True),
        ("용접 20년 했는데 이제 지게차 하고 싶어요", False),  # a wish is not leaving
        ("용접 20년 했어요 돈은 됐고 가까운 데면 좋겠어요", False),  # money set aside
        ("용접 20년 했어요. 이제 됐어요 감사합니다", False),  # thanks, not the trade
    ],
)
def test_the_work_done_is_left_when_the_seeker_says_they_are_done_with_it(
    text: str, leaving: bool
) -> None:
    assert read_seeker_jobs(text).leaving is leaving


@pytest.mark.parametrize(
    ("text", "targets", "experience"),
    [
        # a field heard of and asked about is where they want to go (fifth set v039, v004)
        (
            "자동차 조립만 해봤는디 해상풍력이 뜬다길래 초보도 받아주는디 있당가요",
            ("82",),
            (("8171", None),),
        ),
        (
            "지엠 공장서 차 문짝 달고 열두해 일햇어요 요즘 배터리 공장 많이 생긴다해서요 교대근무 괜찮고",
            ("8351",),
            (("8171", 12),),
        ),
        # a field heard of that holds the trade done: that trade, there (h043, v001)
        (
            "해상풍력이 뜬다던데 거기 들어갈라면 뭐 해야돼요? 조선소 도장 8년",
            ("8251",),
            (("8251", 8),),
        ),
        (
            "배 안에서 철판 잇는 불꽃일 스무해 했는디 요새는 바다에 세우는 풍차 다리 맨드는 데가 있다드만 거기 가볼라고",
            ("8241",),
            (("8241", 20),),
        ),
    ],
)
def test_a_field_heard_of_is_the_target_and_the_work_done_stays_experience(
    text: str, targets: tuple[str, ...], experience: tuple[tuple[str, int | None], ...]
) -> None:
    jobs = read_seeker_jobs(text)
    assert (jobs.targets, jobs.experience) == (targets, experience)


def test_a_field_only_mentioned_beside_work_done_stays_where_it_was_done() -> None:
    jobs = read_seeker_jobs("조선소서 용접 이십년 했어요 해상풍력 현장도 가봤고요")
    assert jobs.targets == ("8241",) and "82" not in jobs.targets


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("배 안에서 철판 잇는 불꽃일 스무해 했어요", "8241"),
        ("바다 바람개비 철구조물 칠하는데 있으면 가고싶네요", "8251"),
        ("아침나절에 생선 만지는 일 있으까", "873102"),
        ("환갑 넘은 아줌마여 화장실이랑 계단 닦는 일 오전에만 헐수 있는디", "5611"),
        ("나운동 근처 편의점이나 주차 같은 간단한거", "5623"),
        # pool 8 (career changers who say what they did in their own words)
        ("할매 할배들 씻겨드리고 밥 떠드리는 일 할라고요", "5501"),
        ("인자 햇볕 받는 판때기 올리는 일 해볼라고요", "8312"),
        ("아침저녁으로 사람들 실어나르는 큰 차 몰고 싶어라", "6222"),
        ("바닷가 바람개비 고치는 일 배우고 싶소잉", "8111"),
        ("쇠 깎는 기계 십년 돌렸어요", "8132"),
        ("밤에 짐 싣고 내리는 거 할 사람 안 구하나요", "6244"),
        ("사람 많은 데서 밥 짓는 일 해봤어요", "5312"),
        # pool 5
        ("할머니 할아버지 돌보는 자격 있어요 밤에는 못 나가요", "5501"),
        ("지엠 있을때 멈춘거 살려내는 일 십오년 했어요", "8111"),
        ("자동차 부품 검사하던 사람인데 전기차 쪽 검사 자리 주간으로요", "0284"),
        ("배 만들 때 쇠 붙이기 전에 자리 맞추는 거 했어요 칠년", "824104"),
        # pool 10
        ("공장 천장에 매달린 기계로 무거운 쇠 옮기는 일 삼년 했어요 자격증도 있구요", "623002"),
        ("배 옆에다 쇠파이프 엮어서 사람 올라가는 틀 세우고 뜯는 일 오년 했어요", "701902"),
        ("선박 파이프 취부 8년 했습니다 군산에서 출퇴근할 데요", "7032"),  # pool 2 q039
        # dialogs dev 3 g005 (ship fitting without its title)
        ("큰배 철판 붙이는 일 십년 했는데요", "824104"),
        # pool 12
        ("할머니 할아버지 모시는 시설에서 일하고 싶어요 밤근무 섞여도 되고", "5501"),
        ("기계 깎는 일 배워보고 싶어요 스무살이고 교대 괜찮아요", "8132"),
        ("배에서 전선 깔고 단자 연결하는 일 팔년 했어요", "8311"),
        ("배터리 공장 설비 고치는 쪽으로 가고 싶은데 교대는 못해요", "8111"),
    ],
)
def test_everyday_words_for_work_name_it(text: str, code: str) -> None:
    jobs = read_seeker_jobs(text)
    assert code in (*jobs.targets, *(c for c, _ in jobs.experience))


def test_a_kind_inside_a_longer_kind_word_is_not_named() -> None:
    keco = load_keco()
    assert keco.works_named("조선소서 크레인 신호 봤어요") == (("6230", "신호·줄걸이"),)
    assert ("6230", "크레인 운전") in keco.works_named("크레인 운전 신호 다 해요")


def test_light_work_asked_for_leaves_the_work_done() -> None:
    asked = read_seeker_jobs(
        "지엠 다니다 나와서 이것저것 했는디 인자 예순하나여 몸 편한 일 없을까요"
    )
    assert asked.targets == () and asked.leaving  # fifth set v027
    done = read_seeker_jobs("가벼운 부품 조립 해봤어요")
    assert done.targets and not done.leaving


def test_driving_as_work_is_a_drivers_job_but_driving_to_work_is_not() -> None:
    said = "운전하는거 좋아하는디 차 끌고 돌아댕기는 일 있을랑가"  # fifth set v017
    assert read_seeker_jobs(said).targets == ("622",)
    assert read_seeker_jobs("운전 가능하고 차 있어요 용접 10년").targets == ("8241",)
    assert read_seeker_jobs("설비 운전 일 해봤어요").targets == ()


@pytest.mark.parametrize(
    "text", ["미장동 살어", "미장지구 근처요", "평택시 살다 왔어요", "평택에서 이사"]
)
def test_a_place_name_holding_a_trade_word_names_no_work(text: str) -> None:
    # "미장동" had made a cleaner in 미장동 a plasterer (fourth set f018); 평택 holds 택시
    assert read_seeker_jobs(text).targets == ()
    assert read_seeker_jobs("미장 일 했어요").targets == ("7021",)


def test_a_supermarket_names_its_store_work_and_smart_names_none() -> None:
    # pool 9 j022 "마트에서 일하고 싶어요" named nothing; "스마트" holds 마트
    assert read_seeker_jobs("마트에서 일하고 싶어요").targets == ("615102",)
    assert classify_opening(title="농산 코너 진열·품출 사원").code == "617902"
    assert classify_opening(title="스마트 팩토리 설비 운영").code != "615102"
    assert classify_opening(title="스마트팜 토마토 수확·선별").code == "9012"


def test_unloading_and_loading_a_truck_is_loading_work() -> None:
    said = "밤에 트럭서 박스 내리고 싣는 일 돈 그날 바로 주는데 있어요?"  # pool 9 j002
    assert "6244" in read_seeker_jobs(said).targets


def test_work_listed_with_go_shares_the_done_verb_after_it() -> None:
    said = "김제 살고 하우스에서 열매 따고 상자에 담는 일 해봤어요. 낮일로 찾아요"  # third t026
    jobs = read_seeker_jobs(said)
    assert {c for c, _ in jobs.experience} == {"9012", "9050", "8900"} and jobs.implied


def test_who_they_were_is_work_done() -> None:
    said = "자동차 공장서 차에 색 입히던 사람인디 인자 햇볕 받는 판때기 올리는 일 해볼라고요"
    jobs = read_seeker_jobs(said)  # pool 8 b014: the painter had been read as a wish
    assert jobs.targets == ("8312",) and ("8251", None) in jobs.experience


def test_a_wind_turbine_in_a_title_is_not_cut_at_its_generator() -> None:
    # "풍력발전기 유지보수" had matched "전기 유지보수" across the word 발전기
    assert classify_opening(title="풍력발전기 유지보수(O&M) 기술원").code == "8111"


def test_installing_solar_plant_equipment_is_installation_not_plant_engineering() -> None:
    title = "태양광 발전설비 설치 기사·보조 (전기기능사 우대, 군산·김제·부안 현장)"  # pool 8
    assert classify_opening(title=title).code == "8312"
    assert classify_opening(title="발전설비 기술자 (경력)").code == "153103"
    # "O&M 전기 엔지니어 (전기기사 필수)" is an engineer's job, not a cable layer's (pool 8)
    assert classify_opening(title="해상풍력 O&M 전기 엔지니어 (전기기사 필수)").code == "1531"


def test_what_a_title_prefers_after_a_dash_is_not_its_job() -> None:
    title = (
        "설비보전(기계) 경력직 - 교대근무 / 용접·가공 가능자 우대"  # pool 8: had been a welder's
    )
    assert classify_opening(title=title).code == "8111"
    assert classify_opening(title="용접 가능자 모집 - 조선소").code == "8241"


def test_inspection_work_in_a_field_is_the_target_and_the_field_its_context() -> None:
    jobs = read_seeker_jobs("지엠서 품질검사 했었어요. 배터리 쪽 검사 일 찾는데 생산라인은 말고요")
    assert jobs.targets == ("0284",) and "8351" in jobs.context  # pool 8 b010


def test_running_a_logistics_center_is_logistics_office_work_not_loading() -> None:
    # pool 8 b024: "물류센터 운영 관리자 (WMS)" had come first for one who wants night loading
    assert classify_opening(title="물류센터 운영 관리자 (WMS · 경력 3년↑ · 주간)").code == "028308"


def test_the_plant_of_other_work_done_is_no_context_for_the_work_wanted() -> None:
    painter = read_seeker_jobs(
        "자동차 공장서 차에 색 입히던 사람인디 인자 햇볕 받는 판때기 올리는 일 해볼라고요"
    )
    assert painter.targets == ("8312",) and painter.context == ()  # pool 8 b014
    # a field wanted beside the same kind of work keeps where it was done
    body = read_seeker_jobs("지엠 차체공장 다녔어요. 전기차 부품 쪽으로 낮 근무 자리 찾는데")
    assert "8171" in body.context


def test_with_only_a_place_wished_the_work_done_names_the_job_unless_a_licence_was_just_taken() -> (
    None
):
    held = read_seeker_jobs(
        "자동차 공장 설비보전 십년 했고 전기기능사 있어요. 새만금 배터리 쪽도 괜찮구요"
    )
    assert held.targets == ("8111",)  # pool 1 p016: maintenance, not the licence's electrician
    taken = read_seeker_jobs("지엠 의장라인 있다가 나왔는디 지게차 자격증 따놨어요. 물류쪽으로")
    assert taken.targets == ("623004",)  # pool 8 b006
    # no licence: a trade every plant hires carries over to the plant wished for (pool 12
    # w027), with the words of the trade and that plant, not of the plant left
    moved = read_seeker_jobs(
        "자동차 공장 설비보전 기계쪽 십년 했어요 이차전지 공장으로 옮기고 싶음"
    )
    assert moved.targets == ("8111",)
    assert moved.target_words == ("설비보전", "이차전지")
    # an assembler's line stays behind: the battery plant's production work is wanted
    line = read_seeker_jobs("자동차공장 조립 이십년 하다 나왔는데 배터리 공장 쪽으로 가고싶어요")
    assert line.targets == ("8351",)
    # welding given up, a place like a battery plant wished for (dialogs dev 3 g002)
    quit = read_seeker_jobs("용접은 이제 그만하고 배터리 공장 같은데 가보고 싶어요")
    assert quit.targets == ("8351",) and quit.leaving


def test_work_asked_for_is_told_from_work_only_mentioned() -> None:
    assert read_seeker_jobs("오십대 후반 여자에요 공장일 처음인데 낮에만 하고 싶어요").asked
    assert not read_seeker_jobs("예순다섯인디 할만한 일 있을랑가요. 농사도 지어봤고").asked
    assert not read_seeker_jobs("칠십 다 돼 가는디 할 수 있는 일 있을랑가 몰라. 경비 같은거").asked
