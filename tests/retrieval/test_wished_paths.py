"""The conversation's reading of the transition table: which paths a message asks for
(``wished_paths``) and which openings a career changer may apply to (``changers_only``)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy.orm import Session

from retrieval.transition_table import TransitionTable, load_transitions
from retrieval.transitions import find_transitions, wished_paths
from storage.importer import import_files

HEADER = (
    "source,source_id,company,title,occupation,description,region,salary_type,salary_min,"
    "salary_max,career,career_years_min,education,certificates,employment_type,work_shift,"
    "closes_on,contact\n"
)
OPENINGS = [
    "t,1,가람산업,판금 제관공 구인 경력 3년 이상,제관원,제관,전북 군산시 소룡동,,,,경력,3,,,,,2026-12-31,",
    "t,2,나래기계,판금 제관공 모집 초보 가능,제관원,제관,전북 군산시 소룡동,,,,신입,,,,,,2026-12-31,",
    "t,3,다온풍력,풍력타워 용접사 경력 3년,용접원,타워 용접,전북 군산시 오식도동,,,,경력,3,,,,,2026-12-31,",
    "t,4,라온풍력,풍력타워 용접사 경력 10년,용접원,타워 용접,전북 군산시 오식도동,,,,경력,10,,,,,2026-12-31,",
]


@pytest.fixture(scope="module")
def table() -> TransitionTable:
    return load_transitions()


@pytest.mark.parametrize(
    ("text", "said", "codes"),
    [
        ("해상풍력 쪽은 어때요?", "조선소 용접 20년 했어요", {"8241", "8223"}),
        ("2차전지 공장 어때요", "조선소 도장 10년", {"8512"}),  # 2차전지 is 이차전지
        ("배터리 만드는 공장은요?", "지게차 7년", {"623004", "8512"}),  # a 배터리 plant is 이차전지
        ("태양광 설치 일도 할만 한가요", "co2 용접 12년", {"8312"}),
        ("제관 일 해 보고 싶어요", "용접 10년", {"8223"}),
        ("군산 살아요 야간은 못해요", "용접 10년", set()),  # a place is no field ("군산조선소")
        ("협력사 들어가고 싶어요", "용접 10년", set()),  # going back
        ("용접도 조금 했었어요", "제관 7년", set()),  # work done, not a wish: no path asked for
        ("조선소 용접 일 찾아요", None, set()),
        ("배터리 공장 가고 싶어요", None, set()),  # no trade: nothing to start from
    ],
)
def test_a_message_asks_for_paths_outside_the_trade(
    table: TransitionTable, text: str, said: str | None, codes: set[str]
) -> None:
    whole = f"{said}\n{text}" if said else None  # one message a line, as the bot joins them
    assert {row.to_code for row in wished_paths(text, table=table, said=whole)} == codes


def test_a_career_changer_sees_only_openings_he_may_apply_to(
    table: TransitionTable, session: Session, tmp_path: Path
) -> None:
    openings = tmp_path / "openings.csv"
    openings.write_text(HEADER + "\n".join(OPENINGS) + "\n", encoding="utf-8")
    import_files(session, [openings])
    text = "조선소 용접 5년 했어요 제관 일 해 보고 싶어요"

    def titles(changers_only: bool) -> dict[str, list[str]]:
        advice = find_transitions(
            text, table=table, session=session, as_of=date(2026, 12, 3), changers_only=changers_only
        )
        return {t.code: sorted(o.title for o in t.openings) for t in advice.targets}

    everything, changer = titles(False), titles(True)
    assert everything["8223"] == ["판금 제관공 구인 경력 3년 이상", "판금 제관공 모집 초보 가능"]
    # 제관 is a new trade for him: its experience is what he lacks
    assert changer["8223"] == ["판금 제관공 모집 초보 가능"]
    # welding is his own trade: 3 years required is met by his 5, 10 is not
    assert changer["8241"] == ["풍력타워 용접사 경력 3년"]
    assert len(everything["8241"]) == 2
