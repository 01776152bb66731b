"""Board and office CSV exports: headers recognized without options, values as they come."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from storage.errors import ColumnMapError, MissingColumnsError
from storage.formats.columns import parse_column_map, resolve_header
from storage.formats.sources import load_source_profile
from storage.readers import FileFormat, RawRow, read_data, read_rows
from storage.records import OpeningRecord, parse_record

FIXTURES = Path(__file__).parent / "fixtures"
TODAY = date(2026, 12, 3)


def rows_of(name: str, **options: object) -> list[RawRow]:
    file_format, rows = read_rows(FIXTURES / name, **options)  # type: ignore[arg-type]
    assert file_format is FileFormat.CSV
    return list(rows)


def records(rows: list[RawRow]) -> dict[int, OpeningRecord | str]:
    """Each row's record by line, or the reason it was rejected."""
    out: dict[int, OpeningRecord | str] = {}
    for row in rows:
        try:
            out[row.line] = parse_record(row.fields, today=TODAY)
        except Exception as exc:  # noqa: BLE001 - the reason is what the test compares
            out[row.line] = str(exc)
    return out


@pytest.mark.parametrize(
    ("header", "columns"),
    [
        ("company,title,location", ["company", "title", "region"]),
        ("company_name,position_title,city,county", ["company", "title", "region", "region_detail"]),
        ("Company Name,Subtitle,Location", ["company", "title", "region"]),
        ("회사,공고명,근무지역", ["company", "title", "region"]),
        ("기업명,채용제목,근무지역", ["company", "title", "region"]),
        ("회사명,제목,근무지역", ["company", "title", "region"]),
        ("업체명 , 공고 명 ,근무 지역", ["company", "title", "region"]),
        ("COMPANY,TITLE,pay,pay_type", ["company", "title", "salary_text", "salary_type"]),
        ("company,title,annual_salary,급여", ["company", "title", None, "salary_text"]),
        ("company,title,subtitle", ["company", "title", None]),  # title outranks subtitle
        ("company,title,deadline,registration_date", ["company", "title", "closes_on", "registered_on"]),
        ("company,title,deadline_date,enrol_date", ["company", "title", "closes_on", "registered_on"]),
        ("회사명,제목,마감일,등록일", ["company", "title", "closes_on", "registered_on"]),
        ("company,title,experience,education", ["company", "title", "career", "education"]),
        ("회사명,제목,career,employmentType", ["company", "title", "career", "employment_type"]),
        ("회사명,제목,고용형태,업직종", ["company", "title", "employment_type", "occupation"]),
        ("company,title,sector,sub_code", ["company", "title", "occupation", None]),
        ("company,title,link,근무요일,근무시간", ["company", "title", "url", "work_days", "work_hours"]),
        ("공고번호,회사명,제목,연락처,내용", ["source_id", "company", "title", "contact", "description"]),
        ("회사명,제목,상세내용,내용", ["company", "title", "description", None]),  # 상세내용 outranks 내용
    ],
)  # fmt: skip
def test_header_variants_are_recognized(header: str, columns: list[str | None]) -> None:
    assert resolve_header(header.split(","), None) == columns
    assert list(read_data(f"{header}\n".encode(), name="h")[1]) == []


def test_city_and_county_are_joined() -> None:
    (row,) = read_data("company,title,city,county\n가나,다라,경기,하남시\n".encode(), name="j")[1]
    assert row.fields["region"] == "경기 하남시"


def test_saramin_export() -> None:
    rows = rows_of("saramin_export.csv")
    assert [(r.line, r.merged_lines) for r in rows] == [
        (2, (3,)),
        (4, (7,)),
        (5, ()),
        (8, ()),
        (9, ()),
    ]
    quality, bio, design, facility, office = records(rows).values()
    assert isinstance(quality, OpeningRecord)
    assert (quality.source, quality.source_id) == ("saramin", "50000001")
    assert quality.company == "(주)한결테크"
    assert quality.occupation_raw == "품질관리, 생산관리, 자동차부품, 품질보증, QA"
    assert quality.region_raw == "경기 하남시"
    assert (quality.salary_type, quality.salary_min, quality.salary_max) == (
        "연봉",
        48_000_000,
        48_000_000,
    )
    assert (quality.career, quality.career_years_min, quality.education) == ("경력", 8, "대졸 이상")
    assert quality.closes_on == date(2026, 12, 22)  # ~ 12/22(화), registered 26/11/20
    assert quality.source_modified == "26/11/28"  # glued to the sector cell
    assert isinstance(bio, OpeningRecord)
    assert bio.source == "saramin"  # no URL on the row: the file's board
    assert bio.source_id.startswith("c-")  # no id anywhere: derived from the content
    assert bio.company == "(주)푸른바이오"
    assert bio.title == "바이오 의약품 생산직 신입/경력 사원 모집 (GMP 교육 제공, 4조 3교대 근"
    assert bio.occupation_raw == "생산직, 의약품 제조, 바이오, 제약"
    assert (bio.career, bio.career_years_min, bio.education) == ("무관", None, "초대졸 이상")
    assert (bio.employment_type, bio.closes_on, bio.open_ended) == ("정규직", None, True)
    assert (bio.salary_min, bio.salary_max) == (34_000_000, None)
    assert isinstance(design, OpeningRecord)
    assert design.company == "(주)대한해양플랜트엔지니어"
    assert design.title == "선박 배관 설계 보조 (CAD 가능자)"  # a quoted cell over two lines
    assert (design.region_raw, design.region_id) == ("서울 강남구", "seoul")
    assert isinstance(facility, OpeningRecord)
    assert facility.closes_on == date(2027, 1, 5)  # ~ 01/05 after 26/12/02: next year
    assert facility.region_raw == "경기 남양주"
    assert isinstance(office, OpeningRecord)
    assert (office.region_raw, office.employment_type) == ("서울", "계약직")


def test_albamon_export_in_cp949() -> None:
    result = records(rows_of("albamon_export.csv"))
    assert list(result) == [2, 3, 4, 5, 6, 7, 8]
    night, ad, remote, survey, cafe, shifted, hall = result.values()
    assert isinstance(night, OpeningRecord)
    assert (night.source, night.source_id) == ("albamon", "100000001")
    assert (night.salary_type, night.salary_min, night.salary_raw) == (
        "시급",
        12_000,
        "시급 12,000",
    )
    assert (night.closes_on, night.work_shift) == (TODAY, "야간")  # 오늘마감, 22:00~06:00
    assert night.description == "근무요일: 월~금\n근무시간: 22:00~06:00"
    # Ad copy where the name goes: the posting is kept, its employer unnamed (one company per
    # posting), the copy in its text where it tells pay and shift.
    assert isinstance(ad, OpeningRecord)
    assert ad.company == "회사명 미기재 (albamon 100000002)"
    assert ad.description.endswith("광고 문구: 일당 18만원 / 당일지급 / 야간알바 / 남 여")
    assert (ad.salary_type, ad.salary_min, ad.work_shift) == ("일급", 180_000, "야간")
    assert isinstance(remote, OpeningRecord)
    assert (remote.region_raw, remote.region_id, remote.closes_on) == ("재택근무", None, TODAY)
    assert isinstance(survey, OpeningRecord)
    assert (survey.source, survey.region_raw, survey.region_id) == ("albamon", "전국", None)
    assert (survey.salary_type, survey.salary_min, survey.salary_raw) == (
        "건별",
        None,
        "건별 5,000",
    )
    assert survey.closes_on == date(2026, 12, 4)  # (내일 마감)
    assert isinstance(cafe, OpeningRecord)
    assert (cafe.region_raw, cafe.salary_type, cafe.monthly_pay_min) == ("서울", "주급", None)
    assert (cafe.closes_on, cafe.open_ended) == (None, True)
    assert (
        shifted
        == "열이 밀린 행입니다: 근무지역 칸이 비어 있고 근무시간 칸에 지역 '서울 강남구'이(가) 있습니다"
    )
    assert isinstance(hall, OpeningRecord)
    assert hall.closes_on == date(2026, 12, 24)


def test_work24_search_export_with_bom_and_crlf_keys_postings_by_wanted_auth_no() -> None:
    rows = rows_of("work24_search_export.csv")
    assert [r.line for r in rows] == [2, 3, 4]
    welder, painter, care = records(rows).values()
    assert isinstance(welder, OpeningRecord)
    assert (welder.source, welder.source_id) == ("worknet", "K151126110200001")
    assert welder.company == "(주)새터마린"  # no BOM left in the first header
    assert (welder.closes_on, welder.open_ended) == (date(2026, 11, 30), True)
    assert isinstance(painter, OpeningRecord)
    assert (painter.closes_on, painter.career_years_min) == (date(2026, 12, 14), 2)
    assert isinstance(care, OpeningRecord)
    assert (care.salary_type, care.salary_min, care.open_ended) == ("시급", 10_500, True)


def test_english_export_from_an_unknown_board_is_named_after_the_file() -> None:
    crew, crane, care = records(rows_of("board_export_en.csv")).values()
    assert isinstance(crew, OpeningRecord) and isinstance(crane, OpeningRecord)
    assert crew.source == crane.source == "board_export_en"
    assert crew.title == "선원 (갑판원) 모집" and crew.occupation_raw == "갑판원"
    assert (crane.career, crane.career_years_min, crane.closes_on) == (
        "경력",
        3,
        date(2026, 12, 20),
    )
    assert crane.url == "https://jobs.example.com/posting/77"
    assert isinstance(care, OpeningRecord) and care.education == ""


def test_ids_are_stable_across_reads_and_files() -> None:
    first = [r.fields["source_id"] for r in rows_of("saramin_export.csv")]
    again = [r.fields["source_id"] for r in rows_of("saramin_export.csv")]
    assert first == again


def test_rows_with_the_wrong_number_of_cells_are_reported() -> None:
    text = (
        "company,title,location\n가나,다라,군산\n가나,마바\n가나,사아,군산,,\n가나,자차,군산,넘침\n"
    )
    rows = list(read_data(text.encode(), name="w")[1])
    assert [(r.line, "_shape_error" in r.fields) for r in rows] == [
        (2, False), (3, True), (4, False), (5, True),
    ]  # fmt: skip


def test_missing_required_columns_name_the_headers_and_suggest_a_mapping() -> None:
    with pytest.raises(MissingColumnsError) as caught:
        read_rows(FIXTURES / "polytech_export.csv")
    assert str(caught.value) == (
        "CSV 머리글에서 회사명(company)과 제목(title) 열을 찾지 못했습니다. "
        "읽은 머리글: 구인업체, 모집분야, 근무장소, 임금조건, 접수기한, 비고. "
        "어느 열인지 알려 주세요, 예: --columns 구인업체=company,모집분야=title"
    )


def test_a_suggestion_without_a_likely_header_shows_a_placeholder() -> None:
    with pytest.raises(MissingColumnsError) as caught:
        read_data("회사명,가,나\n".encode(), name="p")
    # Quoted: pasted into a shell, an unquoted < would be a redirection.
    assert str(caught.value).endswith('예: --columns "<제목 열 이름>=title"')


def test_the_suggested_mapping_works() -> None:
    columns = parse_column_map("구인업체=company,모집분야=title,임금조건=salary_text")
    rows = rows_of("polytech_export.csv", columns=columns)
    first = parse_record(rows[0].fields, today=TODAY)
    assert (first.company, first.title, first.salary_min) == (
        "삼원테크",
        "생산직 사원 (자동차 부품)",
        2_600_000,
    )
    assert first.region_raw == "군산시 오식도동"


def test_a_source_profile_maps_its_headers() -> None:
    profile = load_source_profile("kunsan_polytech")
    assert profile is not None and profile.columns["구인업체"] == "company"
    rows = rows_of("polytech_export.csv", source="kunsan_polytech")
    first, second = (parse_record(r.fields, today=TODAY) for r in rows)
    assert (first.source, first.closes_on, first.dormitory) == (
        "kunsan_polytech",
        date(2026, 12, 20),
        True,
    )
    assert (second.company, second.open_ended, second.salary_min) == ("가온전기", True, 2_800_000)
    assert load_source_profile("no_such_source") is None


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("회사company", "머리글=열이름 형식"),
        ("회사=firm", "알 수 없는 열 이름 firm"),
        (" , ", "비어 있습니다"),
    ],
)
def test_bad_column_maps_say_what_is_wrong(text: str, message: str) -> None:
    with pytest.raises(ColumnMapError, match=message):
        parse_column_map(text)


def test_a_title_line_above_the_header_is_skipped() -> None:
    text = (
        "채용정보 검색결과 (2026-12-03 기준)\n\n회사명,채용제목,근무지역\n군산정밀,CNC 선반,군산\n"
    )
    (row,) = read_data(text.encode(), name="titled")[1]
    assert (row.line, row.fields["company"], row.fields["region"]) == (4, "군산정밀", "군산")


def test_a_job_center_list_without_a_title_column_is_titled_by_its_occupation() -> None:
    # The shape of a 일자리센터 구인 현황 list, saved from Excel as CP949: no 공고명, one job
    # per row in 모집 직종, facts such as 기숙사 in 비고 (a quoted cell over two lines).
    text = (
        "연번, 업체명 ,모집 직종,모집인원,근무지,급여,근무시간,마감일,연락처,비고\r\n"
        '1,(주)오식도테크,"용접원(CO2, TIG)",3명,군산시 오식도동,"월 320만원 (잔업 별도)",'
        '08:00~17:00,2026.12.15,063-000-0001,"기숙사 제공\r\nE-9 가능"\r\n'
        "2,새만금자동차부품,조립원,5명,군산시 소룡동,시급 10320원,주간 2교대,채용시까지,063-000-0002,\r\n"
    )
    file_format, rows = read_data(text.encode("cp949"), name="jobcenter.csv")
    assert file_format is FileFormat.CSV
    welder, assembler = (parse_record(r.fields, today=TODAY) for r in rows)
    assert (welder.title, welder.company, welder.closes_on) == (
        "용접원(CO2, TIG)",
        "(주)오식도테크",
        date(2026, 12, 15),
    )
    assert welder.dormitory and "E-9 가능" in welder.description
    assert (assembler.title, assembler.open_ended, assembler.salary_type) == (
        "조립원",
        True,
        "시급",
    )


def test_board_category_tags_do_not_stand_in_for_a_title() -> None:
    with pytest.raises(MissingColumnsError, match="제목"):
        read_data("company,sector\n가나,용접\n".encode(), name="s")


def test_a_suggestion_skips_headers_that_hold_a_count_or_a_number() -> None:
    with pytest.raises(MissingColumnsError) as caught:
        read_data("연번,업체명,모집인원,근무 장소\n1,가나,3,군산\n".encode(), name="p")
    assert str(caught.value).endswith('예: --columns "<제목 열 이름>=title"')


def test_columns_may_name_a_column_by_any_header_the_importer_knows() -> None:
    # A stranger writes the names of the header list, or the Korean ones.
    columns = parse_column_map("사업체=company,구인내용=title,일하는곳=location,끝나는날=마감일")
    assert columns == {
        "사업체": "company",
        "구인내용": "title",
        "일하는곳": "region",
        "끝나는날": "closes_on",
    }
    text = (
        "사업체,구인내용,일하는곳,월급여,끝나는날\n(주)미지,포장 보조,군산시,250만원,2026-12-31\n"
    )
    rows = list(read_data(text.encode(), name="u", columns=columns)[1])
    record = parse_record(rows[0].fields, today=TODAY)
    assert (record.region_raw, record.closes_on) == ("군산시", date(2026, 12, 31))


def test_a_row_without_company_is_told_so_not_sent_to_a_missing_id() -> None:
    # An export without an id column: the id is derived from company and title, so a row
    # lacking the company lacks only that.
    text = "회사명,제목,근무지\n,회사명 없는 공고,전북 군산시\n(주)가나,,군산\n"
    rows = list(read_data(text.encode(), name="b")[1])
    assert records(rows) == {
        2: "필수 항목이 비어 있습니다: 회사명(company)",
        3: "필수 항목이 비어 있습니다: 제목(title)",
    }


def test_a_file_keyed_by_구인인증번호_is_고용24s_list_without_a_url() -> None:
    # A 고용24 search export without its link column: the same postings a fetch stores.
    text = "구인인증번호,회사명,채용제목,근무지역\nK151612610010003,(주)새만금중공업,용접원,군산\n"
    (row,) = read_data(text.encode(), name="검색결과")[1]
    assert (row.fields["source"], row.fields["source_id"]) == ("worknet", "K151612610010003")
    (named,) = read_data(text.encode(), name="검색결과", source="gunsan_city")[1]
    assert named.fields["source"] == "gunsan_city"
    (other,) = read_data(text.replace("구인인증번호", "공고번호").encode(), name="검색결과")[1]
    assert other.fields["source"] == "검색결과"


def test_a_dormitory_the_title_offers_is_offered() -> None:
    # a 고용24 list item has no description: the title is all it says
    fields = {
        "source": "worknet",
        "source_id": "K163126111700099",
        "company": "새만금해상구조(주)",
        "title": "해상풍력 하부구조물 용접사 모집 - 기숙사 제공",
    }
    assert parse_record(fields, today=TODAY).dormitory
    cleaning = dict(fields, title="기숙사 청소원 모집")  # the dormitory is the workplace
    assert not parse_record(cleaning, today=TODAY).dormitory


def test_a_boards_tags_may_offer_the_bus_and_the_dormitory() -> None:
    # a 사람인 row has no description; its sector tags say what the title does not
    fields = {
        "source": "saramin", "source_id": "49228199", "company": "(주)완주부품",
        "title": "부품 조립 생산직 (주간)", "occupation": "생산직, 조립, 통근버스, 기숙사",
    }  # fmt: skip
    record = parse_record(fields, today=TODAY)
    assert record.commute_bus and record.dormitory
    plain = parse_record(dict(fields, occupation="생산직, 조립"), today=TODAY)
    assert not plain.commute_bus and not plain.dormitory


def test_a_shift_cell_naming_no_shift_leaves_it_to_the_title_before_the_text() -> None:
    fields = {
        "source": "gunsan_city", "source_id": "GSJC-26-0001", "company": "(주)소룡선박",
        "title": "선박 블록 CO2 용접사 (경력 5년↑ / 주간 고정)", "work_shift": "주 5일 근무",
        "region": "군산시 소룡동", "closes_on": "2026-12-31",
        "description": "교대 근무자는 별도 모집합니다",
    }  # fmt: skip
    assert parse_record(fields, today=TODAY).work_shift == "주간"
