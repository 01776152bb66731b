"""Longest-match lookup, spacing tolerance, blockers and jamo typo tolerance."""

from __future__ import annotations

import pytest

from nlu.errors import TableError
from nlu.gazetteer import Gazetteer

ENTRIES = [
    ("지게차", "forklift_driver"),
    ("지게차 정비", "equipment_mechanic"),
    ("용접", "welder"),
    ("용접 강사", "vocational_instructor"),
    ("청소", "cleaner"),
    ("도장", "ship_painter"),
    ("rt", "ndt_inspector"),
]


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer(ENTRIES, blockers=["청소년"], fuzzy=True)


@pytest.mark.parametrize(
    ("text", "keys"),
    [
        ("지게차 정비 기사", ["equipment_mechanic"]),
        ("지게차 운전", ["forklift_driver"]),
        ("지게 차 운전", ["forklift_driver"]),
        ("지게차정비", ["equipment_mechanic"]),
        ("용접 강사 모집", ["vocational_instructor"]),
        ("용접 했어요", ["welder"]),
        ("청소년 센터", []),
        ("어디도 장거리", []),  # a short surface may not span a space
        ("rt 촬영", ["ndt_inspector"]),
        ("start", []),  # latin surfaces need word boundaries
        ("지게처 몰아요", ["forklift_driver"]),  # one jamo off
    ],
)
def test_find(gazetteer: Gazetteer, text: str, keys: list[str]) -> None:
    assert [m.key for m in gazetteer.find(text)] == keys


def test_fuzzy_match_is_marked(gazetteer: Gazetteer) -> None:
    (match,) = gazetteer.find("지게처")
    assert match.fuzzy and match.surface == "지게차"


def test_ambiguous_surface_is_an_error() -> None:
    with pytest.raises(TableError):
        Gazetteer([("용접", "welder"), ("용 접", "sheet_metal")])


def test_a_word_that_begins_a_stored_surface_is_no_typo() -> None:
    # "사무실" is one jamo from "사무일", but "사무실 일" is stored: the word is known
    office = Gazetteer([("사무 일", "office"), ("사무실 일", "office")], fuzzy=True)
    assert office.find("사무실에서 도면 보는 일") == ()
    assert [m.key for m in office.find("사무실 일 찾아요")] == ["office"]
    assert [m.key for m in office.find("사무잀 해요")] == ["office"]  # a typo still reads
