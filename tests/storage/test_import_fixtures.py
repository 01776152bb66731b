"""Each source shape imported into a real SQLite database: counts, merges, reported rows."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from storage.importer import import_files
from storage.models import Opening, OpeningSource, Source

FIXTURES = Path(__file__).parent / "fixtures"


def count(session: Session, model: type) -> int:
    return session.scalar(select(func.count()).select_from(model)) or 0


@pytest.mark.parametrize(
    ("name", "rows", "new", "rejected_lines"),
    [
        ("worknet_list.xml", 5, 5, []),
        ("worknet_list_one_line.xml", 2, 2, []),
        ("worknet_detail.xml", 1, 1, []),
        ("worknet_detail_two_chargers.xml", 1, 1, []),
        ("work24_search_export.csv", 3, 3, []),
        ("albamon_export.csv", 7, 6, [7]),  # line 3: ad copy as company, kept
        ("saramin_export.csv", 5, 5, []),  # 7 lines, 2 repeats folded into their first
        ("board_export_en.csv", 3, 3, []),
    ],
)
def test_each_fixture_imports(
    session: Session, name: str, rows: int, new: int, rejected_lines: list[int]
) -> None:
    report = import_files(session, [FIXTURES / name]).files[0]
    assert report.error is None
    assert (report.rows, report.new, [line for line, _ in report.rejected]) == (
        rows, new, rejected_lines,
    )  # fmt: skip
    again = import_files(session, [FIXTURES / name]).files[0]
    assert (again.new, again.updated, again.unchanged) == (0, 0, new)


def test_list_detail_and_search_export_of_one_posting_are_one_opening(session: Session) -> None:
    paths = ["worknet_list.xml", "worknet_detail.xml", "work24_search_export.csv"]
    listed, detailed, exported = import_files(session, [FIXTURES / p for p in paths]).files
    assert (listed.new, detailed.new, detailed.updated) == (5, 0, 1)
    # The export is a list of the same source: the detail it comes after keeps its fields.
    assert (exported.new, exported.updated, exported.unchanged) == (2, 0, 1)
    postings = session.scalars(
        select(OpeningSource).where(OpeningSource.source_record_id == "K151126110200001")
    ).all()
    assert len(postings) == 1 and postings[0].source.name == "worknet"
    assert "사상 작업" in postings[0].opening.description  # the detail's jobCont
    assert count(session, Opening) == 7
    assert session.scalars(select(Source.name)).all() == ["worknet"]


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("worknet_error_006.xml", "고용24 응답 오류 (006): 정보가 존재하지 않습니다."),
        ("go24_error.xml", "고용24 응답 오류: 신청하신 OpenApi 서비스가 존재하지 않습니다"),
        ("billion_laughs.xml", "XML에 엔티티나 DTD 선언이 있어 읽지 않았습니다"),
        (
            "polytech_export.csv",
            "CSV 머리글에서 회사명(company)과 제목(title) 열을 찾지 못했습니다",
        ),
    ],
)
def test_unreadable_files_give_one_clear_error(session: Session, name: str, message: str) -> None:
    report = import_files(session, [FIXTURES / name]).files[0]
    assert report.error is not None and report.error.startswith(message)
    assert report.file_format == ("worknet-xml" if "error" in name else "")
    assert report.rows == 0 and count(session, Opening) == 0


def test_a_source_profile_and_a_column_map_import_unknown_headers(session: Session) -> None:
    path = FIXTURES / "polytech_export.csv"
    by_profile = import_files(session, [path], source="kunsan_polytech").files[0]
    assert (by_profile.rows, by_profile.new) == (2, 2)
    columns = {"구인업체": "company", "모집분야": "title"}
    by_columns = import_files(session, [path], source="kunsan_polytech", columns=columns).files[0]
    assert (by_columns.new, by_columns.updated, by_columns.unchanged) == (0, 0, 2)


def test_occupation_code_and_open_ended_reach_the_opening(session: Session) -> None:
    import_files(session, [FIXTURES / "worknet_list.xml"])
    welder = session.scalars(select(Opening).where(Opening.title.contains("CO2"))).one()
    assert (welder.occupation_code, welder.open_ended) == ("824101", True)
    assert welder.closes_on == date(2026, 11, 30)  # the expected close, kept
    facility = session.scalars(select(Opening).where(Opening.title.contains("보전"))).one()
    assert (facility.occupation_code, facility.open_ended, facility.closes_on) == (None, True, None)
