"""A 고용24 list item and the detail of the same posting (wantedAuthNo): the detail's fields
win over the list's whichever comes last, and between two details the newer smodifyDtm wins."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from storage.importer import import_files
from storage.models import Opening, OpeningSource

LIST = """<?xml version="1.0" encoding="UTF-8"?>
<wantedRoot><total>1</total>
  <wanted>
    <wantedAuthNo>K151126120100009</wantedAuthNo>
    <company>(주)오식도테크</company>
    <title>배관 용접사 모집</title>
    <salTpNm>월급</salTpNm><sal>월급 300만원</sal><minSal>3000000</minSal><maxSal>0</maxSal>
    <region>전북 군산시</region>
    <career>경력</career>
    <regDt>26-12-01</regDt><closeDt>20261231</closeDt>
    <jobsCd>824101</jobsCd>
    <smodifyDtm>{modified}</smodifyDtm>
  </wanted>
</wantedRoot>
"""

DETAIL = """<?xml version="1.0" encoding="UTF-8"?>
<wantedDtl>
  <wantedAuthNo>K151126120100009</wantedAuthNo>
  <corpInfo><corpNm>(주)오식도테크</corpNm></corpInfo>
  <wantedInfo>
    <jobsNm>배관용접원</jobsNm>
    <wantedTitle>배관 용접사 모집</wantedTitle>
    <jobCont>플랜트 배관 TIG 용접. {body}</jobCont>
    <receiptCloseDt>20261231</receiptCloseDt>
    <salTpNm>월급3,300,000원 이상 ~ 3,800,000원 이하</salTpNm>
    <salTpCd>M</salTpCd>
    <enterTpNm>경력 (최소3년) 필수</enterTpNm>
    <certificate>용접기능사</certificate>
    <workRegion>(54001)  전북특별자치도 군산시 오식도동 200</workRegion>
    <jobsCd>824101</jobsCd>
    <smodifyDtm>{modified}</smodifyDtm>
  </wantedInfo>
  <empchargeInfo><contactTelno>063-000-7777</contactTelno></empchargeInfo>
</wantedDtl>
"""


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def opening(session: Session) -> Opening:
    session.expire_all()
    return session.scalars(select(Opening)).one()


def test_a_list_after_the_detail_keeps_the_details_fields(session: Session, tmp_path: Path) -> None:
    detail = write(
        tmp_path, "detail.xml", DETAIL.format(body="기숙사 제공.", modified="202612011000")
    )
    listed = write(tmp_path, "list.xml", LIST.format(modified="202612011000"))
    import_files(session, [detail])
    before = {k: v for k, v in vars(opening(session)).items() if not k.startswith("_")}

    report = import_files(session, [listed]).files[0]

    assert (report.new, report.updated, report.unchanged) == (0, 0, 1)
    kept = opening(session)
    assert {k: v for k, v in vars(kept).items() if not k.startswith("_")} == before
    assert "TIG" in kept.description and kept.certificates_raw == "용접기능사"
    assert (kept.salary_max, kept.contact, kept.career_years_min) == (3800000, "063-000-7777", 3)
    (posting,) = kept.postings
    assert posting.detail and posting.source_modified == "202612011000"


def test_a_detail_after_the_list_replaces_the_lists_fields(
    session: Session, tmp_path: Path
) -> None:
    listed = write(tmp_path, "list.xml", LIST.format(modified="202612011000"))
    detail = write(
        tmp_path, "detail.xml", DETAIL.format(body="기숙사 제공.", modified="202612011000")
    )

    reports = import_files(session, [listed, detail]).files

    assert [(r.new, r.updated) for r in reports] == [(1, 0), (0, 1)]
    replaced = opening(session)
    assert "TIG" in replaced.description and replaced.dormitory
    assert (replaced.salary_max, replaced.contact) == (3800000, "063-000-7777")
    assert session.scalars(select(OpeningSource.detail)).one()


def test_between_two_details_the_newer_smodifydtm_wins(session: Session, tmp_path: Path) -> None:
    older = write(
        tmp_path, "older.xml", DETAIL.format(body="기숙사 제공.", modified="202612011000")
    )
    newer = write(
        tmp_path, "newer.xml", DETAIL.format(body="통근버스 운행.", modified="202612021500")
    )

    first, second = import_files(session, [newer, older]).files

    assert (first.new, second.updated, second.unchanged) == (1, 0, 1)
    assert "통근버스" in opening(session).description
    assert import_files(session, [older, newer]).files[1].unchanged == 1  # both already seen

    changed = DETAIL.format(body="통근버스 운행. 중식 제공.", modified="202612031000")
    report = import_files(session, [write(tmp_path, "changed.xml", changed)]).files[0]
    assert report.updated == 1 and "중식" in opening(session).description
