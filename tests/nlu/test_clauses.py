"""Clause splitting: the scope of negation (and of a posting's cues)."""

from __future__ import annotations

import pytest

from nlu.clauses import split_clauses, split_posting
from nlu.text import normalize_text


def _clauses(text: str) -> list[str]:
    return [c.text for c in split_clauses(normalize_text(text).text)]


@pytest.mark.parametrize(
    ("text", "clauses"),
    [
        (
            "조선소에서 용접 15년, 특수용접 있어요, 야간은 못해요",
            ["조선소에서 용접 15년", "특수용접 있어요", "야간은 못해요"],
        ),
        ("특수용접은 없고 용접기능사는 있어요", ["특수용접은 없고", "용접기능사는 있어요"]),
        (
            "용접 10년 했는데 허리 다쳐서 이제 지게차 하고 싶어요",
            ["용접 10년 했는데", "허리 다쳐서", "이제 지게차 하고 싶어요"],
        ),
        ("군산 사는디 밤일은 안 헐라요", ["군산 사는디", "밤일은 안 헐라요"]),
        # -은디/-운디, Jeolla for -은데/-운데: the refusal after it is about nights only
        ("배터리 공장 가고 싶은디 야간은 못혀요", ["배터리 공장 가고 싶은디", "야간은 못혀요"]),
        ("허리가 안 좋은디 어려운디 해볼라요", ["허리가 안 좋은디", "어려운디", "해볼라요"]),
        ("일용직 말고 정규직으로요", ["일용직 말고", "정규직으로요"]),
        ("야간 안하고 주간만 하면 돼요", ["야간 안하고", "주간만 하면 돼요"]),
        ("익산에서 출퇴근 할건데", ["익산에서 출퇴근 할건데"]),  # 에서 is no ending
        ("창고 10년 했고 지게차 자격증 있어요", ["창고 10년 했고", "지게차 자격증 있어요"]),
        ("근무시간 09:00~18:00", ["근무시간 09:00~18:00"]),
        ("용접 했어요 근데 허리가", ["용접 했어요", "근데 허리가"]),
        # the work given up closes its clause; "같은데" before going there is a place like
        # it (dialogs dev 3 g002: the battery plant was read as where welding was done)
        (
            "용접은 이제 그만하고 배터리 공장 같은데 가보고 싶어요",
            ["용접은 이제 그만하고", "배터리 공장 같은데 가보고 싶어요"],
        ),
        ("나이가 많은 것 같은데 일 있을까요", ["나이가 많은 것 같은데", "일 있을까요"]),
    ],
)
def test_split(text: str, clauses: list[str]) -> None:
    assert _clauses(text) == clauses


def test_unspaced_text_is_split_by_kiwi() -> None:
    assert _clauses("특수용접은없고용접기능사는있어요") == ["특수용접은없고", "용접기능사는있어요"]


def test_without_kiwi_unspaced_text_is_one_clause() -> None:
    text = normalize_text("특수용접은없고용접기능사는있어요").text
    assert len(split_clauses(text, use_kiwi=False)) == 1


def test_offsets_point_into_text() -> None:
    text = normalize_text("용접 했고, 야간 싫어요").text
    for clause in split_clauses(text):
        assert text[clause.start : clause.end] == clause.text


def _items(text: str) -> list[str]:
    return [c.text for c in split_posting(normalize_text(text).text)]


@pytest.mark.parametrize(
    ("text", "items"),
    [
        (
            "※ 용접산업기사 필수 (미소지자 지원 불가) · 우대: 용접기능사",
            ["용접산업기사 필수 (미소지자 지원 불가)", "우대: 용접기능사"],
        ),
        (
            "[자격요건] 경력 무관 / 지게차 필수 [복리후생] 4대보험, 기숙사 제공",
            ["자격요건", "경력 무관", "지게차 필수", "복리후생", "4대보험", "기숙사 제공"],
        ),
        (
            "- 하는 일: CO2·TIG 용접 - 자격: 경력 3년",
            ["하는 일: co2·tig 용접", "자격: 경력 3년"],
        ),
        ("내·외국인 모두 지원 가능 (E-9 포함)", ["내·외국인 모두 지원 가능 (e-9 포함)"]),
        ("■ 근무 : 08:00~17:00 ▶ 복지: 중식 제공", ["근무 : 08:00~17:00", "복지: 중식 제공"]),
        (
            "용접기능사 필수이고 특수용접은 우대합니다",
            ["용접기능사 필수이고", "특수용접은 우대합니다"],
        ),
    ],
)
def test_split_posting(text: str, items: list[str]) -> None:
    assert _items(text) == items


def test_posting_offsets_point_into_text() -> None:
    text = normalize_text("▶ 자격: 경력 무관 · 우대: 지게차, 용접 - 기타: 외국인 불가").text
    for clause in split_posting(text):
        assert text[clause.start : clause.end] == clause.text
