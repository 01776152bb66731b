"""고용24 / 워크넷 responses as they come: lists, details, error envelopes, hostile XML."""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path

import pytest

from storage.errors import SourceErrorResponse, UnreadableFileError
from storage.readers import FileFormat, RawRow, read_data, read_rows
from storage.records import OpeningRecord, parse_record

FIXTURES = Path(__file__).parent / "fixtures"
TODAY = date(2026, 12, 3)


def rows_of(name: str) -> list[RawRow]:
    file_format, rows = read_rows(FIXTURES / name)
    assert file_format is FileFormat.WORKNET_XML
    return list(rows)


def record(row: RawRow) -> OpeningRecord:
    return parse_record(row.fields, today=TODAY)


def test_list_items_with_their_lines_and_missing_elements() -> None:
    rows = rows_of("worknet_list.xml")
    assert [r.line for r in rows] == [6, 30, 46, 68, 87]
    assert [r.fields["source_id"] for r in rows] == [
        "K151126110200001", "K151126111000007", "K151126111200012", "K151126111500003",
        "K151126112000020",
    ]  # fmt: skip
    second = rows[1].fields  # no holidayTpNm, minEdubg, wantedInfoUrl or address elements
    assert "education" not in second and "url" not in second
    assert second["region"] == "전북 군산시"


@pytest.mark.parametrize(
    ("index", "closes_on", "open_ended"),
    [
        (0, date(2026, 11, 30), True),  # 채용시까지  26-11-30
        (1, date(2026, 12, 15), False),  # 20261215
        (2, date(2026, 12, 20), False),  # 26-12-20
        (3, None, True),  # 채용시까지
        (4, None, True),  # 99991231
    ],
)
def test_every_close_date_form(index: int, closes_on: date | None, open_ended: bool) -> None:
    opening = record(rows_of("worknet_list.xml")[index])
    assert (opening.closes_on, opening.open_ended) == (closes_on, open_ended)


def test_list_item_values() -> None:
    welder, forklift, cnc, bakery, facility = map(record, rows_of("worknet_list.xml"))
    assert welder.company == "(주)새터마린"
    assert welder.region_raw == "전북특별자치도 군산시 오식도동 군산국가산업단지 내"
    assert welder.region_id == "gunsan_osikdo"
    assert (welder.salary_type, welder.salary_min, welder.salary_max) == (
        "월급",
        3_500_000,
        4_200_000,
    )
    assert welder.occupation_code == "824101"
    assert welder.source_modified == "202611021030"
    assert welder.business_no == "4010000001"
    assert welder.description == "업종: 선박 구성 부분품 제조업 / 근무일: 주5일근무"
    assert (forklift.salary_min, forklift.salary_max) == (10_320, None)  # maxSal 0
    assert forklift.employment_type == "계약직" and forklift.career == "무관"
    assert cnc.education == "고졸 이상" and cnc.occupation_code == "8431"
    assert bakery.employment_type == "파견직" and bakery.education == ""
    assert (facility.company, facility.title) == ("R&D 테크", "설비 보전원 & 전기 기사")
    assert facility.salary_min is None and facility.salary_raw == "면접 후 결정"
    assert facility.occupation_code is None  # <jobsCd></jobsCd>


def test_a_response_on_one_line() -> None:
    rows = rows_of("worknet_list_one_line.xml")
    assert [(r.line, r.fields["source_id"]) for r in rows] == [
        (1, "K151126112500002"),
        (1, "K151126112500009"),
    ]
    assert record(rows[0]).monthly_pay_min == 220_000 * 22


def test_detail_is_one_posting_keyed_like_its_list_item() -> None:
    (row,) = rows_of("worknet_detail.xml")
    opening = record(row)
    listed = record(rows_of("worknet_list.xml")[0])
    assert (opening.source, opening.source_id) == (listed.source, listed.source_id)
    assert opening.company == "(주)새터마린" and opening.title == "선박 블록 CO2 용접사 모집"
    assert opening.occupation_raw == "선박용접원" and opening.occupation_code == "824101"
    assert opening.occupation_family == "welder"
    assert opening.region_raw == "전북특별자치도 군산시 오식도동 100"
    assert (opening.salary_type, opening.salary_min, opening.salary_max) == (
        "월급", 3_500_000, 4_200_000,
    )  # fmt: skip
    assert (opening.career, opening.career_years_min) == ("경력", 1)
    assert opening.employment_type == "정규직"  # 파견근로 비희망 is not 파견직
    assert (opening.closes_on, opening.open_ended) == (date(2026, 11, 30), True)
    assert opening.contact == "063-000-1234"
    assert opening.dormitory and opening.commute_bus
    assert opening.certificates == {"special_welding": "preferred"}


def test_detail_job_content_is_cleaned_and_carries_no_names() -> None:
    (row,) = rows_of("worknet_detail.xml")
    description = record(row).description
    assert description.startswith(
        "- 담당업무\n- 선박 블록 CO2 용접 (하향, 수직)\n- 용접 후 사상 작업\n\n"
        ">>기타 우대조건<<\n- 특수용접기능사 소지자 우대 (경력 1년 이상)\n"
    )
    assert "\r" not in description and "=====" not in description and "&gt;" not in description
    assert "복리후생: 기숙사 제공, 통근버스 운행, 중식 제공" in description
    assert "홍길동" not in str(row.fields)  # the representative's name is never read


def test_detail_with_two_contacts_annual_pay_and_preferred_experience() -> None:
    (row,) = rows_of("worknet_detail_two_chargers.xml")
    opening = record(row)
    assert opening.contact == "02-000-7788; 02-000-7789"
    assert (opening.salary_type, opening.salary_min, opening.salary_max) == (
        "연봉", 28_000_000, 30_000_000,
    )  # fmt: skip
    assert opening.monthly_pay_max == 2_500_000
    assert (opening.career, opening.career_years_min) == ("무관", None)
    assert opening.employment_type == "계약직"
    assert opening.education == "초대졸 이상"
    assert opening.region_raw == "서울특별시 성동구 성수이로 00"
    assert opening.region_id == "seoul"
    assert (opening.closes_on, opening.open_ended) == (date(2026, 12, 18), False)
    assert opening.url == ""  # <dtlRecrContUrl/>


@pytest.mark.parametrize(
    ("name", "code", "message"),
    [
        ("worknet_error_006.xml", "006", "고용24 응답 오류 (006): 정보가 존재하지 않습니다."),
        ("worknet_error_018.xml", "018", "고용24 응답 오류 (018): 일일 호출 허용량을 초과하였습니다."),
        ("worknet_error_002.xml", "002", "고용24 응답 오류 (002): 유효하지 않은 인증키 입니다."),
        ("go24_error.xml", None, "고용24 응답 오류: 신청하신 OpenApi 서비스가 존재하지 않습니다"),
    ],
)  # fmt: skip
def test_error_envelopes_quote_the_source(name: str, code: str | None, message: str) -> None:
    file_format, rows = read_rows(FIXTURES / name)
    assert file_format is FileFormat.WORKNET_XML
    with pytest.raises(SourceErrorResponse) as caught:
        list(rows)
    assert (caught.value.code, str(caught.value)) == (code, message)
    assert isinstance(caught.value, UnreadableFileError)  # the importer's whole-file error


def test_billion_laughs_is_refused_at_once() -> None:
    started = time.process_time()
    with pytest.raises(UnreadableFileError, match="엔티티나 DTD"):
        list(read_rows(FIXTURES / "billion_laughs.xml")[1])
    assert time.process_time() - started < 0.2


def test_a_two_megabyte_element_is_read_quickly() -> None:
    body = "용접 작업 설명 " * 250_000  # 2.25 M characters, 5 MB of UTF-8
    xml = (
        "<wantedDtl><wantedAuthNo>K9</wantedAuthNo><corpInfo><corpNm>c</corpNm></corpInfo>"
        f"<wantedInfo><wantedTitle>t</wantedTitle><jobCont>{body}</jobCont></wantedInfo></wantedDtl>"
    )
    started = time.process_time()
    (row,) = read_data(xml.encode(), name="big")[1]
    assert time.process_time() - started < 2.0
    assert row.fields["description"] == body.strip()


def test_an_element_over_the_cap_rejects_its_item_only() -> None:
    huge = "가" * 4_000_001
    xml = (
        "<wantedRoot>\n<wanted><wantedAuthNo>K1</wantedAuthNo><company>c</company>"
        f"<title>{huge}</title></wanted>\n"
        "<wanted><wantedAuthNo>K2</wantedAuthNo><company>c</company><title>t</title></wanted>\n"
        "</wantedRoot>"
    )
    rows = list(read_data(xml.encode(), name="huge")[1])
    assert rows[0].line == 2 and "<title>" in rows[0].fields["_shape_error"]
    assert rows[1].fields["source_id"] == "K2"


@pytest.mark.parametrize(
    ("xml", "message"),
    [
        ("<!DOCTYPE html><html><body>점검 중</body></html>", "고용24 XML이 아닙니다"),
        ("<rss><channel/></rss>", "루트 요소: <rss>"),
        ("<<<", "XML로 읽을 수 없습니다"),
    ],
)
def test_other_xml_is_refused_in_one_sentence(xml: str, message: str) -> None:
    # As an API answer is read: a web page from 고용24 is no spreadsheet export.
    with pytest.raises(UnreadableFileError, match=message):
        read_data(xml.encode(), name="x", expect=FileFormat.WORKNET_XML)


def test_truncated_xml_keeps_complete_items_and_reports_the_break() -> None:
    xml = (
        "<wantedRoot>\n<wanted><wantedAuthNo>1</wantedAuthNo><company>c</company>"
        "<title>t</title></wanted>\n<wanted><title>cut"
    )
    rows = list(read_data(xml.encode(), name="t")[1])
    assert rows[0].fields["source_id"] == "1"
    assert rows[-1].line == 3 and rows[-1].fields["_shape_error"].startswith("XML 구조 오류")


def test_lines_stay_right_across_chunks_and_a_declared_euc_kr_file_reads() -> None:
    item = "<wanted>\n<wantedAuthNo>K{}</wantedAuthNo>\n<company>군산정밀</company>\n<title>용접</title>\n</wanted>\n"
    xml = (
        '<?xml version="1.0" encoding="EUC-KR"?>\n<wantedRoot>\n'
        + "".join(item.format(i) for i in range(3000))
        + "</wantedRoot>\n"
    )
    rows = list(read_data(xml.encode("cp949"), name="big-list")[1])
    assert len(rows) == 3000
    assert [r.line for r in rows[:2]] == [3, 8] and rows[-1].line == 3 + 5 * 2999
    assert rows[-1].fields == {
        "source_id": "K2999", "company": "군산정밀", "title": "용접", "source": "worknet",
        "occupation": "용접",
    }  # fmt: skip


def test_a_detail_without_an_address_is_placed_by_its_region_code() -> None:
    xml = (
        "<wantedDtl><wantedAuthNo>K7</wantedAuthNo><corpInfo><corpNm>군산정밀</corpNm></corpInfo>"
        "<wantedInfo><wantedTitle>용접</wantedTitle><workRegion/><regionCd>45130</regionCd>"
        "</wantedInfo></wantedDtl>"
    )
    (row,) = read_data(xml.encode(), name="code")[1]
    opening = record(row)
    assert (opening.region_raw, opening.region_id) == ("", "gunsan")


def test_blank_lines_before_the_declaration_are_skipped_and_still_counted() -> None:
    xml = (
        '\r\n\r\n<?xml version="1.0" encoding="UTF-8"?>\r\n<wantedRoot>\r\n'
        "<wanted><wantedAuthNo>K1</wantedAuthNo><company>c</company><title>t</title></wanted>\r\n"
        "<wanted><title>cut"
    )
    rows = list(read_data(xml.encode(), name="blank")[1])
    assert [r.line for r in rows] == [5, 6]
    assert rows[0].fields["source_id"] == "K1" and "_shape_error" in rows[1].fields


def test_a_count_of_zero_is_not_shown_as_a_number() -> None:
    # 고용24 writes "○명" (some) as 0: "모집 인원: 0" would tell a seeker no one is hired.
    xml = (
        "<wantedDtl><wantedAuthNo>K8</wantedAuthNo><corpInfo><corpNm>서해도장</corpNm>"
        "<totPsncnt>0 명</totPsncnt></corpInfo><wantedInfo><wantedTitle>선박 도장원</wantedTitle>"
        "<jobCont>스프레이 도장</jobCont><collectPsncnt>0</collectPsncnt></wantedInfo>"
        "<empchargeInfo/></wantedDtl>"
    )
    (row,) = read_data(xml.encode(), name="zero")[1]
    assert record(row).description == "스프레이 도장"
    counted = xml.replace("<collectPsncnt>0<", "<collectPsncnt>10<")
    (row,) = read_data(counted.encode(), name="ten")[1]
    assert record(row).description == "스프레이 도장\n모집 인원: 10"
