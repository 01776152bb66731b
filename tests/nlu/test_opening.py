"""Normalization of opening fields for the importer."""

from __future__ import annotations

import pytest

from nlu.opening import (
    foreign_workers,
    has_commute_bus,
    has_dormitory,
    normalize_career,
    normalize_employment_type,
    normalize_shift,
    occupation_family,
    region_distance_km,
    resolve_region,
)
from nlu.tables import Tables


@pytest.mark.parametrize(
    ("occupation", "title", "description", "family"),
    [
        ("", "용접 강사 모집", "", "vocational_instructor"),
        ("", "용접훈련교사 채용", "", "vocational_instructor"),
        ("기타 기술·기능 강사", "용접 강사", "", "vocational_instructor"),
        ("", "용접봉 영업사원", "", "sales_rep"),
        ("", "지게차 정비기사", "", "equipment_mechanic"),
        ("용접원", "지게차 정비기사 모집", "", "equipment_mechanic"),  # the title's look-alike wins
        ("", "지게차 운전원 모집", "", "forklift_driver"),
        ("824100", "사원 모집", "", "welder"),
        ("623004", "", "", "forklift_driver"),
        ("용접원", "생산직 모집", "", "welder"),
        ("", "지게차 가능한 용접사 모집", "", "welder"),
        ("", "생산직(지게차 운전) 모집", "", "production_worker"),
        ("", "사원 모집", "선박 블록 용접 및 취부, 용접 경력자 우대", "welder"),
        ("", "직원 모집", "", None),
    ],
)
def test_occupation_family(
    occupation: str, title: str, description: str, family: str | None
) -> None:
    assert occupation_family(occupation, title, description) == family


@pytest.mark.parametrize(
    ("occupation", "title", "family"),
    [
        # a generic head gives way to the narrower family named beside it
        ("부품 조립 생산직", "자동차 시트 조립원 모집", "auto_assembler"),
        ("", "자동차 부품 생산직 사원 구인", "auto_assembler"),
        ("", "전기차 배터리 모듈 조립원 (주간)", "auto_assembler"),
        ("", "조미김 생산직 (주간, 초보 가능)", "food_production"),
        ("", "수산물 가공 생산직 구합니다", "food_production"),
        ("김 가공원", "", "food_production"),
        ("화학물 생산직", "", "chemical_operator"),
        ("", "CNC 가공 생산직 모집", "cnc_operator"),
        ("NDT 검사원", "", "ndt_inspector"),
        ("", "초음파탐상 검사원 구인", "ndt_inspector"),
        ("방사선 검사원", "", "ndt_inspector"),
        ("하역 운반원(지게차)", "", "forklift_driver"),  # an occupation's brackets specify it
        ("", "지게차 상하차 기사 모집", "forklift_driver"),
        # ... but not a company name, a title's bracketed aside or an unrelated family
        ("", "경진화학 단순 조립·포장원 구합니다", "production_worker"),
        ("", "택배 상하차 (지게차 가능자 우대)", "logistics_loader"),
        ("", "지게차 가능한 생산직 모집", "production_worker"),
        # the head of the field, not its first or longest word
        ("공장 전기원", "", "electrician"),
        ("", "태양광 발전소 전기 유지보수원 채용", "electrician"),
        # a look-alike wins only as the title's head
        ("총무 사무원", "세광중공업 생산관리 사무보조 구인", "office_assistant"),
        ("용접기 수리원", "용접기 A/S 수리기사", "equipment_mechanic"),
        ("", "자동차 판매 영업사원 모집", "sales_rep"),
        # 고용24's XML: the reader copies the title into the occupation column
        (
            "자동차 부품 품질검사원 (신입 가능)",
            "자동차 부품 품질검사원 (신입 가능)",
            "quality_inspector",
        ),
        ("천장크레인 운전원 (블록 공장)", "천장크레인 운전원 (블록 공장)", "crane_operator"),
    ],
)
def test_occupation_family_heads_and_kinds(occupation: str, title: str, family: str) -> None:
    assert occupation_family(occupation, title) == family


@pytest.mark.parametrize(
    ("text", "region", "parent"),
    [
        ("전북특별자치도 군산시 오식도동 123", "gunsan_osikdo", "gunsan"),
        ("전라북도 군산시 소룡동 1588", "gunsan_soryong", "gunsan"),
        ("전북 군산", "gunsan", "jeonbuk"),
        ("군산시", "gunsan", "jeonbuk"),
        ("52130", "gunsan", "jeonbuk"),
        ("군산 국가산단 내", "park_gunsan_national", "gunsan"),
        ("새만금 산업단지", "park_saemangeum", "gunsan"),
        ("충남 서천군 장항읍", "seocheon_janghang", "seocheon"),
        ("전남 영암군 대불산단", "park_daebul", "yeongam"),
    ],
)
def test_resolve_region(text: str, region: str, parent: str) -> None:
    resolved = resolve_region(text)
    assert resolved is not None
    assert (resolved.region, resolved.parent) == (region, parent)


def test_resolve_region_unknown() -> None:
    assert resolve_region("서울 어딘가") is not None
    assert resolve_region("회사 사정에 따라") is None


@pytest.mark.parametrize(
    ("text", "shift"),
    [
        ("주야맞교대", "2교대"),
        ("주야 2교대", "2교대"),
        ("3조2교대", "2교대"),
        ("3조 3교대", "3교대"),
        ("4조3교대", "3교대"),
        ("야간전담", "야간"),
        ("주간근무", "주간"),
        ("09:00~18:00", "주간"),
        ("08시~17시", "주간"),
        ("22:00~06:00", "야간"),
        ("주간 08:00~20:00 / 야간 20:00~08:00", "2교대"),
        ("교대근무", "2교대"),
        ("", None),
        ("주 5일 09:00~18:00 (점심시간 12:00~13:00), 야간 수당 별도", "주간"),
        ("연장, 야간근로수당 지급", None),
        # a shift the posting says it does not have is not worked
        ("근무시간 : 09:00~16:00 (점심 1시간), 잔업·야간 없음, 토·일 휴무", "주간"),
        ("주간 근무, 야간 없음", "주간"),
        ("08:00~17:00 (잔업 시 19:00까지, 잔업수당 별도), 야간작업 없음", "주간"),
        ("주간 근무, 야간작업은 없습니다", "주간"),
        ("야간 근무 (22:00~07:00)", "야간"),
        # … nor any item of a list that ends so
        ("07:30~16:30 주간 고정 (야간·교대 없음), 잔업 월 20시간 내외", "주간"),
        ("야간 및 교대 없음", None),
        # … or a list with days that are not shifts
        ("어르신 댁 방문 가사·신체활동 지원. 야간·주말 근무 없음.", None),
        ("야간, 주말 근무 있음", "야간"),
        # a 주야간보호센터 is a kind of care home, not day-and-night shifts
        ("주야간보호센터 요양보호사 (주간 08:30~17:30, 요양보호사 자격 필수)", "주간"),
        # 고용24's 근무시간 field, on a 12-hour clock
        (
            "주 5일 근무 / (근무시간) (오전) 7시 30분 ~ (오후) 4시 30분 / 주 소정근로시간: 40시간",
            "주간",
        ),
        ("(오후) 10시 00분 ~ (오전) 7시 00분", "야간"),
    ],
)
def test_normalize_shift(text: str, shift: str | None) -> None:
    assert normalize_shift(text) == shift


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("10", "정규직"),
        ("11", "정규직"),
        ("20", "계약직"),
        ("21", "계약직"),
        ("4", "파견직"),
        ("기간의 정함이 없는 근로계약", "정규직"),
        ("기간의 정함이 있는 근로계약(시간(선택)제)", "계약직"),
        ("계약직(정규직 전환 가능)", "계약직"),
        ("일용직", "일용직"),
        ("파견근로", "파견직"),
        ("정규직", "정규직"),
        ("", None),
    ],
)
def test_normalize_employment_type(text: str, kind: str | None) -> None:
    assert normalize_employment_type(text) == kind


@pytest.mark.parametrize(
    ("text", "career"),
    [
        ("관계없음", "무관"),
        ("경력무관", "무관"),
        ("신입", "신입"),
        ("경력", "경력"),
        ("경력 2년 이상", "경력"),
        ("신입/경력", "무관"),
        ("N", "신입"),
        ("E", "경력"),
        ("Z", "무관"),
        ("", None),
    ],
)
def test_normalize_career(text: str, career: str | None) -> None:
    assert normalize_career(text) == career


@pytest.mark.parametrize(
    ("description", "expected"),
    [
        ("외국인 근로자 채용 가능", "e9_ok"),
        ("E-9 비자 소지자 지원 가능", "e9_ok"),
        ("외국인 불가", "domestic_only"),
        ("내국인만 채용", "domestic_only"),
        ("외국인 지원 안됨", "domestic_only"),
        ("성실하신 분 환영", "unknown"),
        ("내·외국인 모두 지원 가능 (E-9 포함)", "e9_ok"),
        ("외국인·재외동포 불가", "domestic_only"),  # unspaced ·: one item, one predicate
        ("외국인 불가 · 기숙사 제공", "domestic_only"),
        ("E-9·H-2 비자 소지자 가능 / 기숙사 없음", "e9_ok"),
    ],
)
def test_foreign_workers(description: str, expected: str) -> None:
    assert foreign_workers(description) == expected


@pytest.mark.parametrize(
    ("description", "dormitory", "bus"),
    [
        ("기숙사 제공", True, False),
        ("기숙사 없음", False, False),
        ("숙식 제공, 통근버스 운행", True, True),
        ("통근버스 없음, 자차 출퇴근", False, False),
        ("셔틀버스 운행(익산, 군산 시내)", False, True),
        ("나운동에서 회사 승합차 운행", False, True),  # pool 12: a van is the bus
        ("07:20 출발 출퇴근 차량 운행", False, True),
        ("숙소 미제공", False, False),
        ("원룸형 기숙사 제공", True, False),
        # a negation in another list item does not reach the dormitory
        ("4대보험 · 원룸형 기숙사 제공 · 도료 냄새에 민감하지 않은 분", True, False),
        ("기숙사 있음 (관리비 회사 부담)", True, False),
        ("숙소 무료 · 통근버스 없음", True, False),
        # the dormitory is where the work is done
        ("기숙사 청소 및 정리, 세탁물 정리", False, False),
        ("OO산업 기숙사 청소원을 모십니다", False, False),
        ("기숙사 식당 조·석식 조리", False, False),
        ("숙소 관리 업무 (객실 점검, 비품 관리)", False, False),
        ("사택 미화 담당 / 기숙사 제공", True, False),
    ],
)
def test_amenities(description: str, dormitory: bool, bus: bool) -> None:
    assert (has_dormitory(description), has_commute_bus(description)) == (dormitory, bus)


def test_region_distance(tables: Tables) -> None:
    regions = tables.regions
    iksan_to_park = region_distance_km(regions["iksan"], regions["gunsan_osikdo"])
    assert 35 < iksan_to_park < 55  # about 33 km straight, 43 km by road
    assert region_distance_km(regions["gunsan"], regions["gunsan"]) == 0
    assert region_distance_km(regions["gunsan"], regions["geoje"]) > 200


@pytest.mark.parametrize(
    ("title", "bus"),
    [
        ("산업단지 통근버스 운전기사 (1종대형·버스운전자격 필수)", False),  # the bus is the work
        ("셔틀버스 기사 모집", False),
        ("금속 소재 생산직 (주간) 군산 통근버스 운행", True),
    ],
)
def test_a_commute_bus_the_job_drives_is_not_one_it_offers(title: str, bus: bool) -> None:
    assert has_commute_bus("업무: 통근버스 운행 (군산 시내-산단)", title) is bus


def test_a_commute_bus_in_the_title_is_offered_when_there_is_no_description() -> None:
    assert has_commute_bus("", "수소버스 부품 조립 생산직 (주간 / 전주·완주 통근버스)")
    assert not has_commute_bus("", "수소버스 부품 조립 생산직 (주간)")
