"""Required vs preferred certificates of an opening: cues, their scope, shared cues."""

from __future__ import annotations

import pytest

from nlu.requirements import certificate_ids, certificate_requirements


def test_certificate_ids() -> None:
    text = "특수용접기능사, 지게차 자격증, 컴활2급 소지자"
    assert certificate_ids(text) == ("special_welding", "forklift", "computer_literacy_2")


@pytest.mark.parametrize(
    ("text", "ids"),
    [
        ("판금제관기능사", ("sheet_metal_craftsman",)),
        ("공유압 기능사", ("hydraulics_craftsman",)),
        ("전기공사산업기사", ("electrical_construction_industrial_engineer",)),
        ("컴퓨터응용가공산업기사", ("cnc_industrial_engineer",)),
        ("가스기능사", ("gas_craftsman",)),
        ("건설기계정비산업기사", ("construction_machinery_maintenance_industrial_engineer",)),
        ("워드프로세서", ("word_processor",)),
        ("전산회계 2급", ("computerized_accounting_2",)),
        ("소방안전관리자 2급", ("fire_safety_manager_2",)),
        ("제빵기능사", ("baker",)),
        ("식품산업기사", ("food_industrial_engineer",)),
        ("조리산업기사", ("cooking_industrial_engineer",)),
        ("요양보호사 1급", ("care_worker",)),
        ("영양사 면허", ("dietitian",)),
        ("간호조무사 자격증", ("nursing_assistant",)),
        ("사회복지사 2급", ("social_worker",)),
        ("보육교사 2급", ("childcare_teacher",)),
    ],
)
def test_added_certificates(text: str, ids: tuple[str, ...]) -> None:
    assert certificate_ids(text) == ids


@pytest.mark.parametrize(
    ("certificates", "description", "expected"),
    [
        (["특수용접기능사"], "특수용접기능사 필수", {"special_welding": "required"}),
        (["특수용접기능사"], "특수용접기능사 우대", {"special_welding": "preferred"}),
        (["특수용접기능사"], "", {"special_welding": "preferred"}),
        (["지게차운전기능사"], "관련 자격증 소지자 필수", {"forklift": "required"}),
        (["지게차운전기능사"], "자격증 소지자 우대", {"forklift": "preferred"}),
        (
            ["용접기능사", "지게차운전기능사"],
            "지게차 자격증 필수, 용접기능사 소지자 우대",
            {"forklift": "required", "welding_craftsman": "preferred"},
        ),
        (
            [],
            "지게차운전기능사 및 용접기능사 우대",
            {"forklift": "preferred", "welding_craftsman": "preferred"},
        ),
        (["special_welding"], "특수용접 보유자만 지원 가능", {"special_welding": "required"}),
    ],
)
def test_certificate_requirements(
    certificates: list[str], description: str, expected: dict[str, str]
) -> None:
    assert certificate_requirements(certificates, description) == expected


@pytest.mark.parametrize(
    "description",
    [
        "용접기능사 없으면 지원 불가",
        "지게차 면허 미소지 시 지원 불가합니다",
        "1종 대형면허 소지자에 한함",
        "반드시 천장크레인 자격증 소지",
        "전기기능사 소지자만 지원 가능",
        "위험물기능사 없으시면 지원이 어렵습니다",
        "한식조리기능사 소지자 (필수)",
        "지게차운전기능사 취득자",
        "화물운송종사자격 꼭 필요",
        "소방안전관리자 2급 이상 소지",
    ],
)
def test_required_cues(description: str) -> None:
    assert set(certificate_requirements([], description).values()) == {"required"}


@pytest.mark.parametrize(
    "description",
    [
        "지게차 자격증 있으면 좋음",
        "컴활 2급 소지 시 가산점",
        "용접기능사 보유자 우대",
        "특수용접기능사 있으신 분 환영",
        "전산회계 1급 우선 채용",
        "지게차 자격증 없어도 가능 (입사 후 취득 지원)",
        "용접기능사 필수 아님",
        "1종 보통 면허 유무 무관",
        "요양보호사 자격 없으신 분도 지원 가능하며 입사 후 자격 취득 교육비 지원.",
    ],
)
def test_preferred_and_not_required_cues(description: str) -> None:
    assert set(certificate_requirements([], description).values()) == {"preferred"}


@pytest.mark.parametrize(
    ("description", "expected"),
    [
        # a cue reaches the certificates of its own list item only
        (
            "※ 용접산업기사 필수 (미소지자 지원 불가) · 우대: 용접기능사",
            {"welding_industrial_engineer": "required", "welding_craftsman": "preferred"},
        ),
        (
            "[필수] 지게차운전기능사 [우대] 용접기능사",
            {"forklift": "required", "welding_craftsman": "preferred"},
        ),
        (
            "전기기능사 필수 / 전기산업기사 있으면 우대",
            {"electrician_craftsman": "required", "electrical_industrial_engineer": "preferred"},
        ),
        (
            "위험물산업기사 필수이고 화학분석기능사는 우대합니다",
            {"hazmat_industrial_engineer": "required", "chemical_analysis": "preferred"},
        ),
        (
            "■ 자격: 1종대형 필수 ■ 우대: 화물운송자격증",
            {"license_1_large": "required", "cargo_transport": "preferred"},
        ),
        # in one item, "우대:" labels what follows it, not what precedes it
        (
            "필수: 지게차운전기능사 우대: 용접기능사",
            {"forklift": "required", "welding_craftsman": "preferred"},
        ),
        # an item of bare names shares the cue it is coordinated with
        (
            "지게차운전기능사, 용접기능사 우대",
            {"forklift": "preferred", "welding_craftsman": "preferred"},
        ),
        (
            "필수: 1종대형운전면허, 화물운송종사자격",
            {"license_1_large": "required", "cargo_transport": "required"},
        ),
        (
            "[우대사항] 컴활2급 / 전산회계2급",
            {"computer_literacy_2": "preferred", "computerized_accounting_2": "preferred"},
        ),
        (
            "[자격요건] 배관기능사, 용접기능사 필수",
            {"piping": "required", "welding_craftsman": "required"},
        ),
        # a cue after a bracket does not reach back across it
        (
            "용접기능사 필수 (경력 무관) · 특수용접기능사",
            {"welding_craftsman": "required", "special_welding": "preferred"},
        ),
    ],
)
def test_cue_scope(description: str, expected: dict[str, str]) -> None:
    assert certificate_requirements([], description) == expected


@pytest.mark.parametrize(
    "description",
    [
        "CO2·TIG 특수용접, 탱크 용접",  # the work, not the certificate
        "특수용접원 경력 5년 이상",
        "국비지원 과정 강의 · 용접기능사·특수용접기능사 시험 대비 지도",
        "1종 대형 덤프 운전",
    ],
)
def test_work_named_like_a_certificate_is_no_certificate(description: str) -> None:
    assert certificate_requirements([], description) == {}


def test_listed_certificate_is_kept_without_a_cue() -> None:
    assert certificate_requirements(["특수용접기능사"], "CO2·TIG 특수용접") == {
        "special_welding": "preferred"
    }


def test_bare_certificate_item_counts() -> None:
    assert certificate_requirements([], "경력 무관 · 지게차운전기능사 · 출장 가능자") == {
        "forklift": "preferred"
    }


def test_general_cue_does_not_come_from_a_section_header() -> None:
    # "[자격요건] ... 우대" is about experience; the listed certificate stays uncued
    description = "[자격요건] 경력 무관 (경력자 우대) / 장기근무 가능자"
    assert certificate_requirements(["지게차운전기능사"], description) == {"forklift": "preferred"}
    assert certificate_requirements(["지게차운전기능사"], "자격증 없으면 지원 불가") == {
        "forklift": "required"
    }


@pytest.mark.parametrize(
    ("title", "description", "expected"),
    [
        # a requirement stated only in the title (고용24 titles often carry it)
        (
            "부두 야적장 지게차 운전원 (지게차운전기능사 필수, 야간)",
            "업종: 항만 하역 / 근무일: 월~금",
            {"forklift": "required"},
        ),
        (
            "풍력 발전단지 전기 안전관리자 (전기산업기사 이상 필수)",
            "근무지: 새만금",
            {"electrical_industrial_engineer": "required"},
        ),
        # a name without a cue in a title is the work
        ("지게차 기사 모집", "", {}),
        # required in either place wins; preferred in the title adds nothing more
        ("물류센터 (지게차운전기능사 우대)", "지게차운전기능사 필수", {"forklift": "required"}),
        ("물류센터 (지게차운전기능사 필수)", "지게차운전기능사 우대", {"forklift": "required"}),
        ("물류센터 (지게차운전기능사 우대)", "상하차", {"forklift": "preferred"}),
    ],
)
def test_title_cues(title: str, description: str, expected: dict[str, str]) -> None:
    assert certificate_requirements([], description, title=title) == expected


@pytest.mark.parametrize(
    ("cell", "description", "expected"),
    [
        ("지게차운전기능사 필수", "", {"forklift": "required"}),
        (
            "용접기능사 필수 / 특수용접기능사 우대",
            "선박 블록 용접",
            {"welding_craftsman": "required", "special_welding": "preferred"},
        ),
        ("없음(전기기능사 우대)", "", {"electrician_craftsman": "preferred"}),
        ("특수용접기능사", "", {"special_welding": "preferred"}),  # no cue: preferred
        ("특수용접기능사", "특수용접기능사 필수", {"special_welding": "required"}),
    ],
)
def test_a_cue_in_the_certificate_cell_itself_counts(
    cell: str, description: str, expected: dict[str, str]
) -> None:
    assert certificate_requirements([cell], description) == expected


def test_a_care_licence_a_posting_demands_is_required() -> None:
    """Care homes cannot hire without the licence; the table had no 요양보호사 and a seeker
    who said "요양보호사 자격증은 없는데" was shown such posts first."""
    text = "어르신 주간보호 프로그램 보조, 송영 동승. 요양보호사 필수"
    assert certificate_requirements([], text) == {"care_worker": "required"}


def test_the_licence_a_job_is_named_by_is_required_in_general_words() -> None:
    """ "요양원 요양보호사 (3교대, 자격 필수)" reached a seeker without the licence as
    "직종 일치": the 필수 named no certificate, and 요양보호사 in a title is the work."""
    title = "요양원 요양보호사 (3교대, 자격 필수)"
    assert certificate_requirements([], "", title=title) == {"care_worker": "required"}
    assert certificate_requirements([], "어르신 돌봄", title="방문요양 요양보호사 모집") == {}


def test_a_licence_required_in_general_words_is_the_first_of_the_job_the_title_names() -> None:
    """ "조선소 천장크레인 운전원 (주야 2교대, 자격증 필수)" named no certificate, so a seeker
    who said "자격증이 아직 없어라" was shown it first (sixth set w021)."""
    crane = "조선소 천장크레인 운전원 (주야 2교대, 자격증 필수)"
    assert certificate_requirements([], "", title=crane) == {"overhead_crane": "required"}
    forklift = "지게차 운전원 (자격 필수)"
    assert certificate_requirements([], "", title=forklift) == {"forklift": "required"}
    assert certificate_requirements([], "", title="지게차 운전원 모집") == {}  # nothing said
    named = "지게차 운전원 (지게차운전기능사 우대, 자격 필수)"  # the one named decides
    assert certificate_requirements([], "", title=named) == {"forklift": "required"}


def test_under_a_preference_heading_a_holder_is_preferred_until_the_next_heading() -> None:
    description = (
        "[자격요건]\n- 제조 현장 설비보전(기계) 경력 3년 이상\n>>우대조건<<\n"
        "- 기계정비산업기사, 공유압기능사, 전기기능사 소지자\n- PLC 기초 가능자\n"
        "[복리후생]\n- 통근버스\n"
    )
    found = certificate_requirements([], description)
    assert set(found.values()) == {"preferred"} and len(found) == 3
    # 필수 in its own item still requires, and the section ends at the next heading
    required = certificate_requirements(
        [], ">>우대조건<<\n- 전기기능사 필수\n[자격요건]\n- 지게차운전기능사 소지자\n"
    )
    assert required == {"electrician_craftsman": "required", "forklift": "required"}


def test_a_named_licence_in_a_title_is_the_one_required() -> None:
    title = "2.5톤 냉동탑차 배송기사 (군산·익산 식자재 납품, 1종보통, 화물운송자격 필수)"
    found = certificate_requirements([], "업종: 일반 화물자동차 운송업", title=title)
    assert found == {"license_1_ordinary": "required", "cargo_transport": "required"}
