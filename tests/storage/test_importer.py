"""Importing files into a real SQLite database: counts, upserts, merges, rejected rows."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from storage.importer import import_files
from storage.models import ImportRun, Opening, OpeningSource, RejectedRow
from storage.readers import CANONICAL_COLUMNS

HEADER = ",".join(CANONICAL_COLUMNS)
WELDER = (
    "worknet,W-100,(주)새만금중공업,[군산] 선박블록 CO2 용접사 모집,선박용접공,"
    "선박 블록 CO2 용접. 주간 근무. 중식 제공. 특수용접기능사 필수.,전북특별자치도 군산시 오식도동,"
    "월급,3800000,4500000,경력,3,무관,특수용접기능사;용접기능사,정규직,주간,2026-12-31,063-000-1111"
)
FORKLIFT = (
    "gunsan_city,GC-7,군산물류(주),지게차 운전원 모집,지게차 운전원,"
    "물류센터 상하차 지게차 운전. 지게차운전기능사 우대.,군산시 소룡동,"
    "시급,11000,,무관,,무관,지게차운전기능사,계약직,2교대,상시,063-000-2222"
)
BROKEN_PAY = WELDER.replace("W-100", "W-101").replace("3800000", "삼백팔십")
NO_TITLE = FORKLIFT.replace("GC-7", "GC-8").replace("지게차 운전원 모집,", ",", 1)
BAD_DATE = WELDER.replace("W-100", "W-102").replace("2026-12-31", "2026-13-45")


def write_csv(path: Path, *rows: str, encoding: str = "utf-8") -> Path:
    path.write_text("\n".join([HEADER, *rows]) + "\n", encoding=encoding)
    return path


def count(session: Session, model: type) -> int:
    return session.scalar(select(func.count()).select_from(model)) or 0


def test_good_rows_import_and_bad_rows_are_reported_with_lines(
    session: Session, tmp_path: Path
) -> None:
    path = write_csv(tmp_path / "a.csv", WELDER, BROKEN_PAY, FORKLIFT, NO_TITLE, BAD_DATE)
    summary = import_files(session, [path])
    report = summary.files[0]
    assert (report.rows, report.new, len(report.rejected)) == (5, 2, 3)
    lines = {line: reason for line, reason in report.rejected}
    assert set(lines) == {3, 5, 6}
    assert "숫자가 아닙니다" in lines[3]
    assert "제목" in lines[5]
    assert "없는 날짜" in lines[6]
    assert count(session, Opening) == 2
    assert count(session, RejectedRow) == 3
    run = session.scalars(select(ImportRun)).one()
    assert (run.new, run.rejected, run.file_format) == (2, 3, "csv")


def test_normalized_values_are_stored_beside_raw_ones(session: Session, tmp_path: Path) -> None:
    import_files(session, [write_csv(tmp_path / "a.csv", WELDER, FORKLIFT)])
    welder = session.scalars(select(Opening).where(Opening.title.contains("용접"))).one()
    assert welder.occupation_family == "welder"
    assert welder.work_shift == "주간"
    assert welder.monthly_pay_min == 3_800_000
    assert welder.closes_on == date(2026, 12, 31)
    assert welder.certificates["special_welding"] == "required"
    assert welder.occupation_raw == "선박용접공"
    forklift = session.scalars(select(Opening).where(Opening.title.contains("지게차"))).one()
    assert forklift.occupation_family == "forklift_driver"
    assert forklift.closes_on is None and forklift.closes_on_raw == "상시"
    assert forklift.monthly_pay_min is not None and 2_000_000 < forklift.monthly_pay_min < 2_500_000
    assert forklift.certificates == {"forklift": "preferred"}


def test_a_requirement_stated_in_the_title_is_read(session: Session, tmp_path: Path) -> None:
    row = FORKLIFT.replace("지게차 운전원 모집,", "지게차 운전원 모집 (지게차운전기능사 필수),", 1)
    import_files(session, [write_csv(tmp_path / "a.csv", row)])
    assert session.scalars(select(Opening)).one().certificates == {"forklift": "required"}


def test_reimport_changes_nothing_and_a_change_updates(session: Session, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "a.csv", WELDER, FORKLIFT)
    import_files(session, [path])
    again = import_files(session, [path]).files[0]
    assert (again.new, again.updated, again.unchanged) == (0, 0, 2)
    assert not import_files(session, [path]).changed_opening_ids

    write_csv(path, WELDER.replace("4500000", "4800000"), FORKLIFT)
    changed = import_files(session, [path])
    assert (changed.files[0].updated, changed.files[0].unchanged) == (1, 1)
    assert count(session, Opening) == 2
    welder = session.scalars(select(Opening).where(Opening.title.contains("용접"))).one()
    assert welder.salary_max == 4_800_000
    assert changed.changed_opening_ids == {welder.id}


def test_same_job_from_two_sources_is_merged(session: Session, tmp_path: Path) -> None:
    twin = (
        "gunsan_city,GC-55,새만금중공업,선박블록 CO2용접사 모집(군산),용접원,"
        '"선박 블록 CO2 용접, 주간 근무, 중식 제공, 특수용접기능사 필수",군산시 오식도동,'
        "월급,3800000,4500000,경력,3,무관,특수용접기능사,정규직,주간,2026-12-31,063-000-1111"
    )
    summary = import_files(
        session, [write_csv(tmp_path / "a.csv", WELDER), write_csv(tmp_path / "b.csv", twin)]
    )
    assert summary.total("new") == 1 and summary.total("merged") == 1
    opening = session.scalars(select(Opening)).one()
    assert sorted((p.source.name, p.source_record_id) for p in opening.postings) == [
        ("gunsan_city", "GC-55"),
        ("worknet", "W-100"),
    ]
    assert count(session, OpeningSource) == 2


def test_cp949_file_with_korean_headers(session: Session, tmp_path: Path) -> None:
    path = tmp_path / "office.csv"
    path.write_text(
        "출처,공고번호,회사명,채용제목,직종,근무지,급여,근무형태,마감일\n"
        "군산시청,2026-1,군산식품,식품 포장 생산직,식품 생산,군산시 산북동,월급 250만원,주간,2026-12-01\n",
        encoding="cp949",
    )
    report = import_files(session, [path]).files[0]
    assert (report.new, report.rejected) == (1, [])
    opening = session.scalars(select(Opening)).one()
    assert (opening.salary_type, opening.salary_min) == ("월급", 2_500_000)


def test_unreadable_file_is_reported_and_others_still_import(
    session: Session, tmp_path: Path
) -> None:
    junk = tmp_path / "junk.csv"
    junk.write_text("아무,열,이름\n1,2,3\n", encoding="utf-8")
    summary = import_files(session, [junk, write_csv(tmp_path / "ok.csv", WELDER)])
    assert summary.files[0].error is not None and "머리글" in summary.files[0].error
    assert summary.files[1].new == 1


def test_source_option_overrides_the_files_source(session: Session, tmp_path: Path) -> None:
    import_files(session, [write_csv(tmp_path / "a.csv", WELDER)], source="kunsan_polytech")
    posting = session.scalars(select(OpeningSource)).one()
    assert posting.source.name == "kunsan_polytech"


def test_catalog_version_counts_changes_only(session: Session, tmp_path: Path) -> None:
    from storage.catalog_version import catalog_version

    path = write_csv(tmp_path / "a.csv", WELDER, FORKLIFT)
    before = catalog_version(session=session)
    import_files(session, [path])
    after_first = catalog_version(session=session)
    import_files(session, [path])
    assert after_first > before
    assert catalog_version(session=session) == after_first  # unchanged file: same version


def test_full_import_retires_only_what_no_source_lists(session: Session, tmp_path: Path) -> None:
    twin = (
        "gunsan_city,GC-55,새만금중공업,선박블록 CO2용접사 모집(군산),용접원,"
        '"선박 블록 CO2 용접, 주간 근무, 중식 제공, 특수용접기능사 필수",군산시 오식도동,'
        "월급,3800000,4500000,경력,3,무관,특수용접기능사,정규직,주간,2026-12-31,063-000-1111"
    )
    worknet = write_csv(
        tmp_path / "worknet.csv", WELDER, FORKLIFT.replace("gunsan_city", "worknet")
    )
    import_files(session, [worknet, write_csv(tmp_path / "city.csv", twin)])
    # worknet's full list no longer has either posting.
    write_csv(worknet, WELDER.replace("W-100", "W-200").replace("CO2 용접사", "배관공"))
    summary = import_files(session, [worknet], source="worknet", full=True)
    assert summary.files[0].retired == 2
    welder = session.scalars(select(Opening).where(Opening.title.contains("CO2"))).one()
    forklift = session.scalars(select(Opening).where(Opening.title.contains("지게차"))).one()
    assert welder.retired_at is None  # gunsan_city still lists it
    assert forklift.retired_at is not None
    assert {id_ for id_ in summary.changed_opening_ids} >= {forklift.id}


def test_a_full_file_whose_every_row_was_rejected_retires_nothing(
    session: Session, tmp_path: Path
) -> None:
    path = write_csv(tmp_path / "worknet.csv", WELDER)
    import_files(session, [path], source="worknet")
    write_csv(path, WELDER.replace("(주)새만금중공업", ""))  # the same file, company lost
    summary = import_files(session, [path], source="worknet", full=True)
    assert (len(summary.files[0].rejected), summary.files[0].retired) == (1, 0)
    assert session.scalars(select(Opening)).one().retired_at is None


def test_an_unreadable_file_retires_nothing(session: Session, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "worknet.csv", WELDER)
    import_files(session, [path], source="worknet")
    path.write_text("<wantedRoot><message>x</message><messageCd>006</messageCd></wantedRoot>")
    summary = import_files(session, [path], source="worknet", full=True)
    assert summary.files[0].error and summary.files[0].retired == 0
    assert session.scalars(select(Opening)).one().retired_at is None
