"""Seeker messages as people in Gunsan type them: colloquial, dialect, typos, numerals."""

from __future__ import annotations

from typing import Any

import pytest

from nlu.seeker import Experience, SeekerProfile, parse_seeker_text, warm_up

NIGHTS = frozenset({"야간", "2교대", "3교대"})

CASES: list[tuple[str, dict[str, Any]]] = [
    (
        "조선소에서 용접 15년, 특수용접 있어요, 야간은 못해요",
        {
            "experience": (Experience("welder", 15),),
            "wanted_families": ("welder",),
            "years_total": 15,
            "certificates_held": ("special_welding",),
            "excluded_shifts": NIGHTS,
        },
    ),
    (
        "용접 십오년 했어요 특수용접은 없고요",
        {
            "experience": (Experience("welder", 15),),
            "certificates_lacking": ("special_welding",),
            "certificates_held": (),
        },
    ),
    (
        "특수용접은 없고 용접기능사는 있어요",
        {"certificates_lacking": ("special_welding",), "certificates_held": ("welding_craftsman",)},
    ),
    (
        "특수용접은없고용접기능사는있어요",  # no spaces: Kiwi finds the clause boundary
        {"certificates_lacking": ("special_welding",), "certificates_held": ("welding_craftsman",)},
    ),
    (
        "지게처 운전 할수 있어요 자격증 있음",
        {
            "experience": (Experience("forklift_driver", None),),
            "wanted_families": ("forklift_driver",),
            "certificates_held": ("forklift",),
        },
    ),
    (
        "익산에서 출퇴근 할건데 월 300 이상이면 좋겠어요",
        {"home_region": "iksan", "min_monthly_pay": 3_000_000},
    ),
    (
        "일용직 말고 정규직으로요",
        {"excluded_employment_types": {"일용직"}, "wanted_employment_types": {"정규직"}},
    ),
    ("E-9 비자인데 기숙사 필요해요", {"visa": "E-9", "needs_dormitory": True}),
    ("이구비자요 공장일 해요", {"visa": "E-9", "wanted_families": ("production_worker",)}),
    (
        "쇠 붙이는 일 20년 했당께",
        {
            "experience": (Experience("welder", 20),),
            "wanted_families": ("welder",),
            "years_total": 20,
        },
    ),
    (
        "용접하다 허리 다쳐서 이제 지게차 하고 싶어요",
        {
            "experience": (Experience("welder", None),),
            "wanted_families": ("forklift_driver",),
            "excluded_families": (),
        },
    ),
    (
        "용접 10년 했는데 허리 다쳐서 이제 지게차 하고 싶어요",
        {
            "experience": (Experience("welder", 10),),
            "wanted_families": ("forklift_driver",),
            "excluded_families": (),
        },
    ),
    (
        "아무 일이나 주간만 하면 돼요",
        {"wanted_shifts": {"주간"}, "excluded_shifts": NIGHTS, "wanted_families": ()},
    ),
    ("시급 만원 이상", {"min_monthly_pay": 2_090_000}),
    ("연봉 3500은 받아야죠", {"min_monthly_pay": 2_916_667}),
    ("일당 15만 이상 주는 곳", {"min_monthly_pay": 3_300_000}),
    # paid the same day is day labour, however it is said
    ("그날 돈 주는 일 있어요?", {"wanted_employment_types": {"일용직"}}),
    ("당일지급 되는 곳", {"wanted_employment_types": {"일용직"}}),
    ("일급으로 받고 싶어요", {"wanted_employment_types": {"일용직"}}),
    ("오늘 일하고 오늘 돈받는 일 있어요?", {"wanted_employment_types": {"일용직"}}),
    (
        "군산 사는디 밤일은 안 헐라요",
        {"home_region": "gunsan", "excluded_shifts": NIGHTS, "wanted_shifts": set()},
    ),
    ("용접은 이제 못해요 허리가 나가서", {"excluded_families": ("welder",), "wanted_families": ()}),
    ("용접 안해봤어요", {"excluded_families": (), "experience": (), "wanted_families": ()}),
    ("용접 경험은 없는데 배우고 싶어요", {"wanted_families": ("welder",), "experience": ()}),
    ("용접 일 없나요?", {"wanted_families": ("welder",)}),
    (
        "도장 15년 했는데 뺑끼 냄새 땜에 이제 딴거 할래요",
        {"experience": (Experience("ship_painter", 15),), "wanted_families": ()},
    ),
    (
        "용접 20년 했는데 용접은 이제 그만할래요",
        {"experience": (Experience("welder", 20),), "wanted_families": ()},
    ),
    (
        "GM 군산공장에서 20년 일했는데 문 닫고 쉬고 있어요. 생산직 아무거나 괜찮아요",
        {
            "experience": (Experience("auto_assembler", 20),),
            "wanted_families": ("production_worker",),
            "home_region": None,
        },
    ),
    (
        "크레인 신호수 5년 했고 천장크레인 자격증 있어요 3교대도 가능",
        {
            "experience": (Experience("crane_operator", 5),),
            "certificates_held": ("overhead_crane",),
            "wanted_shifts": {"3교대"},
        },
    ),
    (
        "1종대형 있고 화물차 10년 했어요",
        {
            "certificates_held": ("license_1_large",),
            "experience": (Experience("truck_driver", 10),),
        },
    ),
    (
        "컴활 이급 있고 사무보조 원해요",
        {"certificates_held": ("computer_literacy_2",), "wanted_families": ("office_assistant",)},
    ),
    (
        "지게차 자격증 있어요",
        {"certificates_held": ("forklift",), "wanted_families": ("forklift_driver",)},
    ),
    (
        "55살이고 경비나 청소 같은 거 찾아요",
        {"wanted_families": ("security_guard", "cleaner"), "years_total": None},
    ),
    (
        "나운동 살아요 차가 없어서 통근버스 있는데로 부탁드려요",
        {"home_region": "gunsan_naun", "needs_commute_bus": True},
    ),
    (
        "지역 상관없어요 기숙사만 있으면 어디든 가요",
        {"region_anywhere": True, "needs_dormitory": True},
    ),
    ("타지역도 괜찮아요", {"region_anywhere": True}),
    ("타지역은 안되고 군산에서만 일할래요", {"region_anywhere": False, "home_region": "gunsan"}),
    (
        "오식도동 근처에서 찾아요 출퇴근 30분 이내",
        {"home_region": "gunsan_osikdo", "max_commute_km": 24},
    ),
    ("집에서 20키로 이내면 좋겠어요", {"max_commute_km": 20}),
    (
        "나운동 안에서 걸어 다닐 수 있으면 무슨 일이든 괜찮아요",
        {"home_region": "gunsan_naun", "max_commute_km": 3},
    ),
    ("걸어서는 못가요", {"max_commute_km": None}),
    # near home, no distance said (pool 8 b025): a short ride, not across town
    ("대야 사는디 집 근처 낮일", {"home_region": "gunsan_daeya", "max_commute_km": 10}),
    ("집 근처 아니어도 돼요", {"max_commute_km": None}),
    ("야간은 못가요", {"excluded_shifts": {"야간", "2교대", "3교대"}}),
    ("정규직 아니어도 돼요 계약직도 괜찮아요", {"wanted_employment_types": {"계약직"}}),
    ("기숙사는 필요 없어요", {"needs_dormitory": False}),
    ("기숙사 없으면 안돼요", {"needs_dormitory": True}),
    ("아무 일이나 헐께요. 대신 먹고 잘 데는 있어야 혀요", {"needs_dormitory": True}),
    # welcome, not needed: no reason to move for it
    ("기숙사 있으면 좋겠어요", {"needs_dormitory": True, "dormitory_optional": True}),
    ("숙소 주면 더 좋고", {"needs_dormitory": True, "dormitory_optional": True}),
    ("기숙사 꼭 필요해요", {"needs_dormitory": True, "dormitory_optional": False}),
    # no certificate at all, said in a clause of its own; said of a trade, that trade's
    ("용접 10년 했어요 자격증은 따본적 없어요", {"no_certificates": True}),
    ("용접 자격증은 없어요", {"no_certificates": False}),
    ("쓸고 닦는 건 자신있어요", {"wanted_families": ("cleaner",)}),
    # "자격증은 없어요" after two kinds of work: lacking what each takes
    (
        "식당 주방에서 밥이랑 반찬 해온지 이십년인디 자격증은 따본적 없어요",
        {"certificates_lacking": ("korean_cook", "baker")},
    ),
    ("교대 가능해요", {"wanted_shifts": {"2교대", "3교대"}, "excluded_shifts": set()}),
    ("주야 맞교대 싫어요", {"excluded_shifts": {"2교대"}}),
    ("H-2 비자 있어요 용접 배우고 싶어요", {"visa": "H-2", "wanted_families": ("welder",)}),
    ("에프포 비자요", {"visa": "F-4"}),
    ("용잡 이십년", {"experience": (Experience("welder", 20),)}),
    ("크래인 기사 했어요", {"experience": (Experience("crane_operator", None),)}),
    ("뺑끼칠 한 10년 했지라", {"experience": (Experience("ship_painter", 10),)}),
    ("상하차 곰방 일 했어요", {"experience": (Experience("logistics_loader", None),)}),
    ("크레잉 운전 10년", {"experience": (Experience("crane_operator", 10),)}),  # jamo typo
    ("지게차 운전 3년, 상하차 2년 했습니다", {"years_total": 5}),
    # years of something else than work
    ("베트남에서 왔어요 결혼 오년 됐어요", {"years_total": None}),
    ("결혼하고 십년 쉬었어요", {"years_total": None}),
    ("한국 온지 칠년 됐어요", {"years_total": None}),
    ("계약직 싫어요 정규직만", {"excluded_employment_types": {"계약직", "일용직", "파견직"}}),
    ("울산에서 용접 했었는데 군산으로 이사 왔어요", {"home_region": "gunsan"}),
    # asking to be taken on without experience wants the work; "not done it" does not
    (
        "자동차 부품 조립 경력 없어도 된당가요",
        {"wanted_families": ("auto_assembler",), "newcomer": True},
    ),
    ("용접은 안 해봤어요", {"wanted_families": (), "experience": ()}),
    # wanting to learn the work is being new to it (pool 8 b013)
    ("배 안에 파이프 깔던 사람인디 바닷가 바람개비 고치는 일 배우고 싶소잉", {"newcomer": True}),
    ("야간은 시러라", {"excluded_shifts": NIGHTS}),  # 싫어 typed as it sounds
    # 있/없/했 typed without their final consonant
    ("용접 오년햇어요", {"experience": (Experience("welder", 5),)}),
    ("기숙사는 필요업어라", {"needs_dormitory": False}),
    ("지게차 2년 했어요 면허잇고요", {"certificates_held": ("forklift",)}),
    # a trade with a present 하다 ending the clause is work done now, and still the target;
    # asked, or said as a side skill, it is only the target
    (
        "forklift 운전 해요",
        {
            "experience": (Experience("forklift_driver", None),),
            "wanted_families": ("forklift_driver",),
        },
    ),
    ("지게차 운전 혀요", {"experience": (Experience("forklift_driver", None),)}),
    ("용접 해요?", {"experience": (), "wanted_families": ("welder",)}),
    ("용접 조금 해요", {"experience": (), "wanted_families": ("welder",)}),
    ("용접 해 주세요", {"experience": ()}),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_parse_seeker_text(text: str, expected: dict[str, Any]) -> None:
    profile = parse_seeker_text(text)
    for name, value in expected.items():
        got = getattr(profile, name)
        if isinstance(value, set):
            got = set(got)
        assert got == value, f"{name}: {got!r} != {value!r}\n{profile.evidence}"


def test_evidence_quotes_the_original_words() -> None:
    profile = parse_seeker_text("용접 십오년 했어요, 야간은 못해요")
    assert ("용접 십오년 했어요", "experience:welder=15") in profile.evidence
    assert ("야간은 못해요", "shift_excluded:야간") in profile.evidence


def test_empty_message() -> None:
    assert parse_seeker_text("   ") == SeekerProfile()


def test_profile_is_frozen() -> None:
    profile = parse_seeker_text("용접 10년")
    with pytest.raises(AttributeError):
        profile.visa = "E-9"  # type: ignore[misc]


def test_warm_up_without_kiwi() -> None:
    warm_up(kiwi=False)


@pytest.mark.parametrize(
    "text",
    [
        "아무 일이나 괜찮아요",
        "뭐든 헐랑께 일자리 좀 찾아주쇼",
        "뭣이든 헐 텡께 일자리 쪼까 찾아주쇼",
    ],
)
def test_any_work_is_read_in_dialect_too(text: str) -> None:
    assert any(fact == "any_occupation" for _, fact in parse_seeker_text(text).evidence)


@pytest.mark.parametrize(
    ("text", "families"),
    [
        # what a factory makes names the industry: the bare 공장 is no second job
        ("전에 자동차 부품 맹그는 공장 다녔지라", ["auto_assembler"]),
        ("식품 만드는 공장 다녔어요", ["food_production"]),
        # a factory named by nothing else is still production work
        ("만드는 공장 다녔어요", ["production_worker"]),
        ("공장 다녔어요", ["production_worker"]),
    ],
)
def test_the_workplace_after_what_it_makes_is_no_second_job(text: str, families: list[str]) -> None:
    assert [e.family for e in parse_seeker_text(text).experience] == families


@pytest.mark.parametrize(
    ("text", "family"),
    [
        # the particle after a workplace keeps "마트 계산" whole, in every form of it
        ("마트에서 계산했어요", "cashier"),
        ("마트서 계산 했지라", "cashier"),
        ("마트에선 계산 일 했어요", "cashier"),
        ("편의점서 계산 했당께", "cashier"),
        ("아파트에서 경비 혔어라", "security_guard"),
        ("공장서 청소 일 했어요", "cleaner"),
        ("건설 현장서 철근 혔지라", "rebar_worker"),
        # 혀 보다 (해 보다) is done, not wished
        ("식당서 밥 혀 봤어라", "cook"),
    ],
)
def test_a_workplace_with_its_particle_still_names_the_work_done(text: str, family: str) -> None:
    assert [e.family for e in parse_seeker_text(text).experience] == [family]


@pytest.mark.parametrize(
    "text",
    [
        "조선소 쪽 일 해보려고요",
        "조선소 짝 일 혀볼라고요",
        "조선소쪽으로 가고 싶어요",
        "이제 조선 계통 일 찾아요",
    ],
)
def test_an_industry_wanted_without_a_trade_wants_its_trades(text: str) -> None:
    profile = parse_seeker_text(text)
    assert set(profile.wanted_families) == {"ship_fitter", "welder", "ship_painter"}
    assert profile.experience == ()


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        # the workplace of a trade, or an industry beside a trade, is a place
        ("조선소에서 용접 10년 했어요", ["welder"]),
        ("도장 8년 했는데 요즘 조선소 일 있나요?", ["ship_painter"]),
        ("조선소 일당 센 데 찾아요 취부 다 돼요", ["ship_fitter"]),
        # neither a wish nor a field: nothing read; a nationality is no industry
        ("조선소 문 닫고 나서 쉬었어요", []),
        ("조선족이에요 일 찾아요", []),
        ("조선소는 싫어요", []),
    ],
)
def test_an_industry_is_a_place_when_a_trade_is_named(text: str, wanted: list[str]) -> None:
    assert list(parse_seeker_text(text).wanted_families) == wanted


def test_a_career_change_to_an_industry_replaces_the_trade_done() -> None:
    profile = parse_seeker_text("철근 했는데 이제 조선소 쪽 일 해보려고요")
    assert [e.family for e in profile.experience] == ["rebar_worker"]
    assert set(profile.wanted_families) == {"ship_fitter", "welder", "ship_painter"}


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        # a bare 공장 beside a trade is only where the trade is done
        ("공장 용접 일 하고 싶어요", ["welder"]),
        ("공장 전기 유지보수 하고 싶어요", ["electrician"]),
        ("물류센터든 공장이든 지게차 하고 싶어요", ["logistics_loader", "forklift_driver"]),
        # beside what the factory makes, or alone, it is the production work there
        ("전기차 공장 가고 싶어요", ["auto_assembler", "production_worker"]),
        ("공장 일 찾아요", ["production_worker"]),
    ],
)
def test_a_bare_factory_beside_a_trade_adds_no_work(text: str, wanted: list[str]) -> None:
    assert list(parse_seeker_text(text).wanted_families) == wanted


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        # beside a trade wished for, an industry or a major only says where or from what
        (
            "기계과 졸업 예정 신입인데 설비보전 쪽 가고 싶어요 자동차든 배터리든",
            ["maintenance_mechanic"],
        ),
        ("설비보전 쪽 가고 싶어요 자동차 공장이든 배터리 공장이든", ["maintenance_mechanic"]),
        # alone, or beside work in that industry, it is the wish
        ("기계과 졸업 예정이에요", ["cnc_operator"]),
        ("자동차 공장 일 찾아요", ["auto_assembler"]),
        ("자동차 조립이나 용접 하고 싶어요", ["auto_assembler", "welder"]),
        # beside a trade only mentioned (no wish said) the scene stays
        ("옛날 자동차공장 차체라인에서 로봇용접 셋팅하고 봤어요", ["auto_assembler", "welder"]),
    ],
)
def test_an_industry_or_a_major_beside_a_trade_wished_for_only_sets_the_scene(
    text: str, wanted: list[str]
) -> None:
    assert list(parse_seeker_text(text).wanted_families) == wanted


@pytest.mark.parametrize(
    ("text", "rate"),
    [("시급 만원은 넘어야되고", "시급"), ("일당 15만 이상", "일급"), ("월 250은 받아야", None)],
)
def test_a_pay_floor_knows_whether_it_was_said_as_a_rate(text: str, rate: str | None) -> None:
    assert parse_seeker_text(text).min_pay_rate == rate


def test_only_this_licence_holds_it_and_lacks_the_grades_above() -> None:
    # fifth set v017: "이종보통 밖에 없어서" had read as lacking the 2종 licence itself
    profile = parse_seeker_text("이종보통 밖에 없어서 큰차는 못몰아요")
    assert profile.certificates_held == ("license_2_ordinary",)
    assert set(profile.certificates_lacking) == {"license_1_large", "license_1_ordinary"}


def test_either_is_fine_typed_without_its_siot_is_no_absence() -> None:
    # fifth set v030: "상관업어요" read as "no experience" of both kinds of work
    profile = parse_seeker_text("밭일이나 포장이나 상관업어요 김제 살아요")
    assert set(profile.wanted_families) == {"farm_worker", "production_worker"}
