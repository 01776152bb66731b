"""Readers: format detection, encodings, header aliases, line numbers."""

import re
from pathlib import Path

import pytest

from storage import readers
from storage.errors import UnreadableFileError
from storage.readers import CANONICAL_COLUMNS, FileFormat, read_rows

HEADER = ",".join(CANONICAL_COLUMNS)
ROW = (
    "worknet,W1,(주)대한중공업,선박 용접공 모집,용접원,CO2 용접 경력자,군산시 오식도동,"
    "월급,3500000,4000000,경력,3,무관,특수용접기능사,정규직,주간,2026-12-31,063-000-0000"
)


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp949"])
def test_csv_in_every_office_encoding(tmp_path: Path, encoding: str) -> None:
    path = write(tmp_path, "a.csv", f"{HEADER}\n{ROW}\n".encode(encoding))
    file_format, read = read_rows(path)
    rows = list(read)
    assert file_format is FileFormat.CSV
    assert [r.line for r in rows] == [2]
    assert rows[0].fields["company"] == "(주)대한중공업"
    assert rows[0].fields["work_shift"] == "주간"


def test_korean_headers_map_to_canonical_columns(tmp_path: Path) -> None:
    text = "출처,공고번호,회사명,채용제목,직종,근무지,급여,마감일\nhrd,7,새만금테크,지게차 기사,지게차,군산,월급 300만원,상시\n"
    _, rows = read_rows(write(tmp_path, "k.csv", text.encode()))
    fields = next(iter(rows)).fields
    assert fields["source"] == "hrd"
    assert fields["title"] == "지게차 기사"
    assert fields["salary_text"] == "월급 300만원"
    assert fields["closes_on"] == "상시"


def test_csv_line_numbers_count_multiline_cells(tmp_path: Path) -> None:
    text = f'{HEADER}\n{ROW}\nworknet,W2,회사,"제목\n둘째 줄",직종\n{ROW.replace("W1", "W3")}\n'
    _, read = read_rows(write(tmp_path, "m.csv", text.encode()))
    rows = list(read)
    assert [r.line for r in rows] == [2, 3, 5]
    assert "_shape_error" in rows[1].fields  # too few cells
    assert "_shape_error" not in rows[2].fields


def test_a_header_repeated_where_two_exports_were_pasted_is_not_a_row(tmp_path: Path) -> None:
    text = f"{HEADER}\n{ROW}\n{HEADER}\n{ROW.replace('W1', 'W2')}\n"
    _, read = read_rows(write(tmp_path, "p.csv", text.encode()))
    rows = list(read)
    assert [(r.line, r.fields["source_id"]) for r in rows] == [(2, "W1"), (4, "W2")]


def test_csv_without_title_header_is_unreadable(tmp_path: Path) -> None:
    with pytest.raises(UnreadableFileError):
        read_rows(write(tmp_path, "x.csv", b"a,b,c\n1,2,3\n"))


def test_jsonl_reports_broken_lines_and_keeps_good_ones(tmp_path: Path) -> None:
    text = '{"source":"s","source_id":"1","company":"c","title":"t","certificates":["a","b"]}\n{oops\n\n[1]\n'
    file_format, read = read_rows(write(tmp_path, "a.jsonl", text.encode()))
    rows = list(read)
    assert file_format is FileFormat.JSONL
    assert rows[0].fields["certificates"] == "a;b"
    assert [(r.line, "_shape_error" in r.fields) for r in rows] == [
        (1, False),
        (2, True),
        (4, True),
    ]


def test_worknet_xml_items_with_lines(tmp_path: Path) -> None:
    xml = """<?xml version="1.0" encoding="UTF-8"?>
<wantedRoot><total>2</total>
  <wanted>
    <wantedAuthNo>K1</wantedAuthNo><company>군산정밀</company><title>CNC 선반 오퍼레이터</title>
    <salTpNm>월급</salTpNm><minSal>2800000</minSal><maxSal>0</maxSal>
    <region>전북 군산시</region><basicAddr>전북특별자치도 군산시 소룡동</basicAddr>
    <closeDt>채용시까지</closeDt><empTpCd>10</empTpCd><smodifyDtm>202611011230</smodifyDtm>
  </wanted>
  <wanted>
    <wantedAuthNo>K2</wantedAuthNo><company>A&amp;B</company><title>용접</title>
  </wanted>
</wantedRoot>"""
    file_format, read = read_rows(write(tmp_path, "w.xml", xml.encode()))
    rows = list(read)
    assert file_format is FileFormat.WORKNET_XML
    assert [r.line for r in rows] == [3, 9]
    first = rows[0].fields
    assert first["source"] == "worknet" and first["source_id"] == "K1"
    assert first["region"] == "전북특별자치도 군산시 소룡동"
    assert first["employment_type"] == "10" and first["source_modified"] == "202611011230"
    assert rows[1].fields["company"] == "A&B"


def test_truncated_xml_keeps_complete_items_and_reports_the_break(tmp_path: Path) -> None:
    xml = "<wantedRoot>\n<wanted><wantedAuthNo>1</wantedAuthNo><company>c</company><title>t</title></wanted>\n<wanted><title>cut"
    _, read = read_rows(write(tmp_path, "t.xml", xml.encode()))
    rows = list(read)
    assert rows[0].fields["source_id"] == "1"
    assert rows[-1].line == 3 and "XML" in rows[-1].fields["_shape_error"]


def test_missing_file_is_unreadable(tmp_path: Path) -> None:
    with pytest.raises(UnreadableFileError):
        read_rows(tmp_path / "none.csv")


@pytest.mark.parametrize(
    ("name", "first_company"),
    [
        ("work24_search_export.csv", "(주)새터마린"),  # UTF-8 with BOM, CRLF
        ("albamon_export.csv", "한빛물류센터"),  # CP949, CRLF
        ("saramin_export.csv", "（주）한결테크"),  # UTF-8, LF
    ],
)
def test_fixture_encodings(name: str, first_company: str) -> None:
    _, rows = read_rows(Path(__file__).parent / "fixtures" / name)
    assert next(iter(rows)).fields["company"] == first_company


def test_a_file_over_the_size_cap_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(readers, "MAX_FILE_BYTES", 100)
    with pytest.raises(UnreadableFileError, match="파일이 너무 큽니다"):
        read_rows(write(tmp_path, "big.csv", b"x" * 101))


def test_jsonl_keys_follow_a_column_map(tmp_path: Path) -> None:
    text = '{"상호":"군산정밀","title":"CNC","source":"s","source_id":"1"}\n'
    _, rows = read_rows(write(tmp_path, "a.jsonl", text.encode()), columns={"상호": "company"})
    assert next(iter(rows)).fields["company"] == "군산정밀"


def test_jsonl_without_ids_gets_the_board_id_or_a_derived_one(tmp_path: Path) -> None:
    text = (
        '{"company":"가나","title":"용접","link":"https://www.saramin.co.kr/x?rec_idx=7"}\n'
        '{"company":"가나","title":"배관","location":"군산"}\n'
    )
    _, rows = read_rows(write(tmp_path, "board.jsonl", text.encode()))
    first, second = (r.fields for r in rows)
    assert (first["source"], first["source_id"]) == ("saramin", "7")
    assert second["source"] == "saramin" and second["source_id"].startswith("c-")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b" \r\n", "파일이 비어 있습니다."),
        (b"PK\x03\x04\x14\x00\x06\x00", "엑셀 파일(xlsx/xls)은 바로 읽지 못합니다"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "엑셀 파일(xlsx/xls)은 바로 읽지 못합니다"),
    ],
)
def test_files_that_are_not_exports_say_so(tmp_path: Path, data: bytes, message: str) -> None:
    with pytest.raises(UnreadableFileError, match=re.escape(message)):
        read_rows(write(tmp_path, "x.csv", data))


def test_excel_unicode_text_is_utf16_and_tab_separated(tmp_path: Path) -> None:
    text = "회사명\t제목\t근무지\r\n군산정밀\tCNC 선반\t군산\r\n"
    _, rows = read_rows(write(tmp_path, "u.txt", text.encode("utf-16")))
    fields = next(iter(rows)).fields
    assert (fields["company"], fields["title"], fields["region"]) == (
        "군산정밀",
        "CNC 선반",
        "군산",
    )


def test_a_long_cell_and_a_stray_nul_do_not_stop_the_file(tmp_path: Path) -> None:
    long_cell = "용접 " * 100_000
    text = f'company,title,description\n가\x00나,다,"{long_cell}"\n라,마,바\n'
    _, rows = read_rows(write(tmp_path, "l.csv", text.encode()))
    first, second = (r.fields for r in rows)
    assert first["company"] == "가나" and first["description"] == long_cell.strip()
    assert second["title"] == "마"


# A site's "엑셀 다운로드" as it comes: an EUC-KR web page named .xls, a layout table first,
# the posting table with a title row above its header, a <br> inside a cell, &nbsp; entities.
PAGE = """<html><head><meta http-equiv="Content-Type" content="text/html; charset=euc-kr"></head>
<body><table><tr><td>채용정보 검색결과</td></tr></table>
<table border=1>
<tr><td colspan=4>검색일 2026-12-03</td></tr>
<tr><th>회사명</th><th>채용제목</th><th>근무지역</th><th>마감일</th></tr>
<tr><td>(주)에이치&nbsp;정밀</td><td>CNC 선반<br>가공원</td><td>군산시</td><td>2026-12-31</td></tr>
<tr><td>군산목재</td><td>목재 가공원</td><td></td><td>채용시까지</td><td>넘침</td></tr>
</table></body></html>
"""


def test_an_html_table_saved_as_xls_is_read_like_a_csv_export(tmp_path: Path) -> None:
    file_format, rows = read_rows(write(tmp_path, "검색결과.xls", PAGE.encode("euc-kr")))
    first, broken = list(rows)
    assert file_format is FileFormat.HTML_TABLE
    assert (first.line, first.fields["company"], first.fields["title"]) == (
        6,
        "(주)에이치 정밀",
        "CNC 선반 가공원",
    )
    assert broken.line == 7 and "_shape_error" in broken.fields  # the <tr>'s line


def test_a_web_page_without_a_posting_table_is_one_clear_sentence(tmp_path: Path) -> None:
    page = "<!DOCTYPE html><html><body><p>로그인이 필요합니다</p></body></html>"
    with pytest.raises(UnreadableFileError, match="채용정보 표가 없습니다"):
        read_rows(write(tmp_path, "a.xls", page.encode()))


def test_an_xml_response_is_not_taken_for_a_page(tmp_path: Path) -> None:
    body = '<?xml version="1.0"?><wantedRoot><wanted><wantedAuthNo>K1</wantedAuthNo></wanted></wantedRoot>'
    assert read_rows(write(tmp_path, "a.xml", body.encode()))[0] is FileFormat.WORKNET_XML
