"""Career paths on the real transition table, a real SQLite database and the hand-written
course data (as of 2026-12-03, the date the course fixtures are written for)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy.orm import Session

from retrieval.errors import TransitionTableError
from retrieval.transition_table import DEFAULT_TRANSITIONS, TransitionTable, load_transitions
from retrieval.transitions import find_transitions
from storage.importer import import_files

REPO = Path(__file__).resolve().parents[2]
AS_OF = date(2026, 12, 3)
HEADER = (
    "source,source_id,company,title,occupation,description,region,salary_type,salary_min,"
    "salary_max,career,career_years_min,education,certificates,employment_type,work_shift,"
    "closes_on,contact\n"
)
OPENINGS = [
    "t,1,새만금풍력,풍력타워 용접사 모집,용접원,타워 용접,전북 군산시 오식도동,,,,,,,,,,2026-12-31,",
    "t,2,군산정공,선박 블록 취부사 구인,조선취부사,블록 취부,전북 군산시 소룡동,,,,,,,,,,2026-12-31,",
    "t,3,지난철강,압력용기 용접사,용접원,용접,전북 군산시 소룡동,,,,,,,,,,2026-11-30,",
    "t,4,울산플랜트,해양플랜트 용접사,용접원,용접,울산광역시 동구,,,,,,,,,,2026-12-31,",
    "t,5,한빛기업,용접사 모집,용접원,조선소 선박 블록 용접,전북 군산시 오식도동,,,,,,,,,,2026-12-31,",
]


@pytest.fixture(scope="module")
def table() -> TransitionTable:
    return load_transitions()


@pytest.fixture
def stocked(session: Session, tmp_path: Path) -> Session:
    """The local courses, the 310L01 fixture and five openings (one closed, one far away)."""
    openings = tmp_path / "openings.csv"
    openings.write_text(HEADER + "\n".join(OPENINGS) + "\n", encoding="utf-8")
    import_files(
        session,
        [
            REPO / "data/courses/local_courses.csv",
            REPO / "data/courses/fixtures/hrd_list.xml",
            openings,
        ],
    )
    return session


def test_the_table_loads_with_excels_byte_order_mark(tmp_path: Path) -> None:
    copy = tmp_path / "transitions.csv"
    copy.write_bytes(b"\xef\xbb\xbf" + DEFAULT_TRANSITIONS.read_bytes())
    assert load_transitions(copy) == load_transitions()
    assert len(load_transitions().rows) == 83


def test_a_bad_cell_names_its_line_and_column(tmp_path: Path) -> None:
    lines = DEFAULT_TRANSITIONS.read_text(encoding="utf-8").splitlines()
    lines[3] = lines[3].replace(",0.95,", ",약 0.9,", 1)
    broken = tmp_path / "transitions.csv"
    broken.write_text("\n".join(lines), encoding="utf-8")
    with pytest.raises(TransitionTableError, match="4행 pay_ratio"):
        load_transitions(broken)


@pytest.mark.parametrize(
    ("text", "trade"),
    [
        ("GM에서 차체 15년, 배터리 공장 가고 싶어요", "차체(자동차)"),  # the README's 8171 rule
        ("자동차 조립 20년 했는데 배터리 공장 쪽으로 가고 싶어요", "조립(자동차)"),
        ("GM 도장부 있었어요. 전기차 공장 도장 자리 있나요", "도장(자동차)"),
        ("도장 10년 했는디 조선소 도장은 자리가 별로 없다네요", "도장(조선)"),
        ("co2 용접 12년 했는데 태양광 설치 일도 할만 한가요", "용접(조선)"),  # 824102 → 8241
        ("사상 6년 했는디 일이 없어요", "사상"),  # 824107 keeps its own rows
    ],
)
def test_the_origin_is_the_trade_the_seeker_did(
    session: Session, table: TransitionTable, text: str, trade: str
) -> None:
    advice = find_transitions(text, table=table, session=session, as_of=AS_OF)
    assert advice.origin is not None and advice.origin.from_name == trade
    assert all(t.transition.from_name == trade for t in advice.targets)


def test_a_named_wish_comes_first_and_the_rest_follow_the_method(
    session: Session, table: TransitionTable
) -> None:
    advice = find_transitions(
        "co2 용접 12년 했는데 태양광 설치 일도 할만 한가요",
        table=table,
        session=session,
        as_of=AS_OF,
    )
    assert advice.targets[0].code == "8312"
    rest = [t.transition for t in advice.targets[1:]]
    assert rest[0].desirable and rest[0].viability == "highly_viable"


def test_without_a_wish_the_same_work_elsewhere_comes_first(
    session: Session, table: TransitionTable
) -> None:
    advice = find_transitions(
        "용접 17년 했어요 뭐 있어요", table=table, session=session, as_of=AS_OF
    )
    assert {t.code for t in advice.targets[:2]} == {"8241", "824104"}
    assert all(t.transition.viability != "not_viable" for t in advice.targets)


def test_openings_are_counted_now_open_and_within_reach(
    stocked: Session, table: TransitionTable
) -> None:
    advice = find_transitions(
        "조선소 용접 20년 했는디 해상풍력 쪽은 어쩐당가요",
        table=table,
        session=stocked,
        as_of=AS_OF,
    )
    by_code = {t.code: t for t in advice.targets}
    # 취부사 is the 취부 path's (824104), the closed and the 울산 openings are left out, and
    # so is a shipyard's welder from the path into offshore-wind welding
    assert [o.company for o in by_code["8241"].openings] == ["새만금풍력"]
    assert [o.company for o in by_code["824104"].openings] == ["군산정공"]
    later = find_transitions(
        "조선소 용접 20년 했는디 해상풍력 쪽은 어쩐당가요",
        table=table,
        session=stocked,
        as_of=date(2027, 1, 5),
    )
    assert all(not t.openings for t in later.targets)


def test_courses_are_upcoming_only_and_close_the_gap(
    stocked: Session, table: TransitionTable
) -> None:
    advice = find_transitions(
        "취부만 18년 했어요 압력용기 회사는 어때요", table=table, session=stocked, as_of=AS_OF
    )
    titles = [c.title for c in advice.courses]
    assert "판금제관기능사 취득 과정" not in titles  # closes the gap, but has no dates
    assert all(c.starts_on >= AS_OF for c in advice.courses)
    assert "특수용접(CO2·TIG) 및 도면해독 실무 과정" in titles
    assert len(titles) == len(set(titles))  # one run per course
    later = find_transitions(
        "취부만 18년 했어요", table=table, session=stocked, as_of=date(2027, 3, 1)
    )
    assert all(c.starts_on >= date(2027, 3, 1) for c in later.courses)


def test_words_with_no_trade_give_no_paths(session: Session, table: TransitionTable) -> None:
    advice = find_transitions("안녕하세요", table=table, session=session, as_of=AS_OF)
    assert advice.origin is None and advice.as_dict() == {"targets": [], "courses": []}


def test_the_json_keys_are_the_contract(stocked: Session, table: TransitionTable) -> None:
    advice = find_transitions(
        "GM에서 차체 15년, 배터리 공장 가고 싶어요", table=table, session=stocked, as_of=AS_OF
    )
    data = advice.as_dict()
    assert set(data) == {"targets", "courses"}
    assert set(data["targets"][0]) == {  # type: ignore[index]
        "occupation", "code", "reasons", "missing", "pay_ratio", "openings",
    }  # fmt: skip
    assert set(data["courses"][0]) == {  # type: ignore[index]
        "title", "institution", "starts_on", "ends_on", "hours", "fee", "self_pay", "region",
        "url",
    }  # fmt: skip
