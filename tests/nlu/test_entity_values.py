"""Entity values from the normalization tables, and roles from a seeker's profile."""

from __future__ import annotations

import pytest

from nlu.entity_values import (
    ENTITY_TYPES,
    EXCLUDED,
    LACKING,
    entity_role,
    normalize_entity_value,
    right_spelling,
)
from nlu.seeker import parse_seeker_text


@pytest.mark.parametrize(
    "entity_type, surface, value",
    [
        ("occupation", "용접", "welder"),
        ("occupation", "욥접", "welder"),  # listed misspelling
        ("occupation", "용졉", "welder"),  # one jamo away from 용접
        ("occupation", "쇠 붙이는 일", "welder"),
        ("occupation", "자동차 부품 조립", "auto_assembler"),
        ("occupation", "지게처", "forklift_driver"),
        ("occupation", "CNC", "cnc_operator"),
        ("experience_years", "15년", 15),
        ("experience_years", "십오년", 15),
        ("experience_years", "20년차", 20),
        ("experience_years", "이십년차", 20),
        ("experience_years", "한 20년", 20),
        ("experience_years", "열다섯 해", 15),
        ("experience_years", "3년 6개월", 3),
        ("experience_years", "18개월", 1),
        ("experience_years", "15", 15),
        ("certificate", "특수용접", "special_welding"),
        ("certificate", "용접기능사", "welding_craftsman"),
        ("certificate", "지게차 자격증", "forklift"),
        ("certificate", "지게차", "forklift"),  # the family's primary certificate
        ("certificate", "천장크레인운전기능사", "overhead_crane"),
        ("region", "군산", "gunsan"),
        ("region", "오식도동", "gunsan_osikdo"),
        ("region", "굔산", "gunsan"),
        ("region", "새만금", "park_saemangeum"),
        ("pay", "월 300", 3_000_000),
        ("pay", "월300", 3_000_000),
        ("pay", "300", 3_000_000),  # a bare amount is 만원 a month
        ("pay", "삼백", 3_000_000),
        ("pay", "350이상", 3_500_000),
        ("pay", "300만원", 3_000_000),
        ("pay", "시급 만원", 2_090_000),  # × 209 hours
        ("pay", "일당 15만원", 3_300_000),  # × 22 days
        ("pay", "연봉 4천", 3_333_333),
        ("shift", "야간", "야간"),
        ("shift", "밤일", "야간"),
        ("shift", "교대", "2교대"),  # as normalize_shift reads a bare 교대
        ("shift", "주야 맞교대", "2교대"),
        ("shift", "3교대", "3교대"),
        ("shift", "주간", "주간"),
        ("employment_type", "정규직", "정규직"),
        ("employment_type", "노가다", "일용직"),
        ("employment_type", "용역", "파견직"),
    ],
)
def test_normalized_values(entity_type: str, surface: str, value: object) -> None:
    assert normalize_entity_value(entity_type, surface) == value


@pytest.mark.parametrize(
    "entity_type, surface",
    [
        ("occupation", "아무거나"),
        ("certificate", "자격증"),
        ("region", "우리 동네"),
        ("pay", "많이"),
        ("experience_years", "오래"),
        ("experience_years", "2021년부터"),  # a year, not a duration
        ("shift", "아무때나"),
        ("employment_type", "알바"),  # not in nlu's employment terms
        ("opening_id", "3"),  # not a normalized type
    ],
)
def test_unreadable_surfaces_have_no_value(entity_type: str, surface: str) -> None:
    assert normalize_entity_value(entity_type, surface) is None


def test_entity_types_are_the_domains() -> None:
    assert set(ENTITY_TYPES) == {
        "occupation",
        "experience_years",
        "certificate",
        "region",
        "pay",
        "shift",
        "employment_type",
    }


@pytest.mark.parametrize(
    "surface, right",
    [
        ("지게처", "지게차"),
        ("크래인", "크레인"),
        ("욥접", "용접"),
        ("지게채", "지게차"),  # not listed: the gazetteer's typo tolerance
        ("용접", None),
        ("야간", None),
        ("UT", None),  # RT and UT are one letter apart, but two different tests
    ],
)
def test_right_spelling(surface: str, right: str | None) -> None:
    assert right_spelling(surface) == right


@pytest.mark.parametrize(
    "text, entity_type, value, role",
    [
        ("야간은 못해요", "shift", "야간", EXCLUDED),
        ("야간은 못해요", "shift", "2교대", EXCLUDED),  # 야간 refused refuses 맞교대 too
        ("주간만요", "shift", "주간", None),
        ("특수용접은 없어요", "certificate", "special_welding", LACKING),
        ("특수용접 있어요", "certificate", "special_welding", None),
        ("일용직 말고요", "employment_type", "일용직", EXCLUDED),
        ("정규직으로 하고 싶어요", "employment_type", "정규직", None),
        ("용접 말고 지게차 하고 싶어요", "occupation", "welder", EXCLUDED),
        ("용접 말고 지게차 하고 싶어요", "occupation", "forklift_driver", None),
        ("용접 안해봤어요", "occupation", "welder", None),  # no experience, not a refusal
        ("야간은 못해요", "region", "gunsan", None),
    ],
)
def test_entity_role(text: str, entity_type: str, value: str, role: str | None) -> None:
    assert entity_role(entity_type, value, parse_seeker_text(text)) == role
