"""Training courses through `import_files`: the hand-written 310L01 fixtures and course CSVs."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from storage.course_models import Course
from storage.courses import upcoming_courses
from storage.importer import import_files
from storage.models import Opening

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "data/courses/fixtures"
LOCAL = REPO / "data/courses/local_courses.csv"
AS_OF = date(2026, 12, 3)


def _courses(session: Session) -> dict[str, Course]:
    return {c.source_record_id: c for c in session.scalars(select(Course))}


@pytest.mark.parametrize("name", ["hrd_list.xml", "hrd_list.json"])
def test_both_310l01_shapes_give_the_same_twelve_runs(session: Session, name: str) -> None:
    report = import_files(session, [FIXTURES / name]).files[0]
    assert (report.file_format, report.rows, report.new, report.rejected) == (
        name.replace("hrd_list.", "hrd-"),
        12,
        12,
        [],
    )
    courses = _courses(session)
    weld = courses["AIG20260000498101:3:500041234501"]
    assert weld.title == "특수용접(CO2/TIG) 자격취득 과정"  # title is the course …
    assert weld.institution == "군산이음직업전문학교"  # … and subTitle the institution
    assert (weld.starts_on, weld.ends_on) == (date(2027, 1, 4), date(2027, 3, 19))
    assert "AIG20260000498101:4:500041234501" in courses  # the next 회차 is its own row
    assert weld.url.count("&") == 3 and "&amp;" not in weld.url
    assert weld.region == "군산"  # 52130
    assert courses["AIG20260000501234:1:500042345605"].region == "군산"  # 45130
    funded = courses["AIG20260000501234:1:500042345605"]
    assert (funded.fee, funded.self_pay) == (3800000, 0)  # realMan 0: fully funded
    assert weld.self_pay is None  # the card's share depends on the seeker
    assert session.scalar(select(func.count()).select_from(Opening)) == 0


def test_xml_then_json_of_the_same_runs_changes_nothing(session: Session) -> None:
    import_files(session, [FIXTURES / "hrd_list.xml"])
    report = import_files(session, [FIXTURES / "hrd_list.json"]).files[0]
    assert (report.new, report.updated, report.unchanged) == (0, 0, 12)


def test_one_result_as_an_object_is_one_run(session: Session) -> None:
    report = import_files(session, [FIXTURES / "hrd_list_single.json"]).files[0]
    assert (report.rows, report.new) == (1, 1)
    assert list(_courses(session)) == ["AIG20260000501234:1:500042345605"]


@pytest.mark.parametrize("name", ["hrd_error.xml", "hrd_error.json"])
def test_an_error_envelope_fails_its_file_quoting_the_source(session: Session, name: str) -> None:
    report = import_files(session, [FIXTURES / name]).files[0]
    assert report.error is not None
    assert "응답 오류" in report.error
    assert "인증키가 유효하지 않습니다" in report.error
    assert session.scalar(select(func.count()).select_from(Course)) == 0


def test_broken_rows_are_reported_by_line_and_good_ones_imported(session: Session) -> None:
    report = import_files(session, [FIXTURES / "broken_courses.csv"]).files[0]
    assert report.file_format == "course-csv"
    assert [line for line, _ in report.rejected] == [4, 5, 6, 7, 8, 9, 10, 11, 12]
    reasons = dict(report.rejected)
    assert "사백삼십" in reasons[4] and "-40" in reasons[5]
    assert "시작일" in reasons[6] and "종료일" in reasons[7]
    assert "2027-04-05" in reasons[8] and "2027-02-30" in reasons[9]
    assert "10개" in reasons[10] and "12개" in reasons[11]
    assert "과정명" in reasons[12]
    kept = {c.title: c for c in session.scalars(select(Course))}
    assert sorted(kept) == sorted(
        [
            "특수용접(CO2·TIG) 및 도면해독 실무 과정",
            "전기기능사 필기·실기 취득 과정",
            "판금제관기능사 취득 과정",
            "지게차운전기능사 취득 과정",
        ]
    )
    electric = kept["전기기능사 필기·실기 취득 과정"]
    assert (electric.fee, electric.self_pay, electric.hours) == (1980000, 594000, 264)
    assert kept["판금제관기능사 취득 과정"].starts_on is None


def test_upcoming_courses_leave_out_started_expired_and_undated_runs(session: Session) -> None:
    import_files(session, [LOCAL, FIXTURES / "hrd_list.xml"])
    titles = [c.title for c in upcoming_courses(session, as_of=AS_OF)]
    assert "판금제관기능사 취득 과정" not in titles  # no dates: never upcoming
    assert "배관기능사 자격취득 과정" not in titles  # started 2026-11-16
    assert "한식조리기능사 취득" not in titles  # ended
    assert len(titles) == 27 + 10
    starts = [c.starts_on for c in upcoming_courses(session, as_of=AS_OF) if c.starts_on]
    assert len(starts) == len(upcoming_courses(session, as_of=AS_OF))  # every one is dated
    assert starts[0] == date(2026, 12, 7) and starts == sorted(starts)
    later = upcoming_courses(session, as_of=date(2026, 12, 8))
    assert "컴퓨터활용능력 2급 실무" in titles[:3]
    assert "컴퓨터활용능력 2급 실무" not in [c.title for c in later]  # starts 2026-12-07


def test_reimporting_the_local_csv_changes_nothing(session: Session) -> None:
    import_files(session, [LOCAL])
    report = import_files(session, [LOCAL]).files[0]
    assert (report.rows, report.new, report.unchanged) == (28, 0, 28)


def test_a_postings_file_is_still_read_as_postings(session: Session) -> None:
    report = import_files(session, [REPO / "data/openings/worknet_sample.xml"]).files[0]
    assert report.file_format == "worknet-xml" and report.new > 0
    assert session.scalar(select(func.count()).select_from(Course)) == 0
