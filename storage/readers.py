"""Readers for the three import formats, detected by content.

Every reader yields :class:`RawRow` items: the record's 1-based line in the file and its
fields under canonical column names (see :data:`CANONICAL_COLUMNS`), as strings.
A reader never validates values; that is :mod:`storage.records`' job.
"""

from __future__ import annotations

import csv
import io
import json
import xml.parsers.expat
from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

from storage.errors import UnreadableFileError

__all__ = ["CANONICAL_COLUMNS", "FileFormat", "RawRow", "decode", "detect_format", "read_rows"]

CANONICAL_COLUMNS = (
    "source", "source_id", "company", "title", "occupation", "description", "region",
    "salary_type", "salary_min", "salary_max", "career", "career_years_min", "education",
    "certificates", "employment_type", "work_shift", "closes_on", "contact",
)  # fmt: skip

#: Korean (and a few English) headers that offices use for the canonical columns.
HEADER_ALIASES: dict[str, str] = {
    "출처": "source", "기관": "source", "출처id": "source_id", "공고번호": "source_id",
    "구인인증번호": "source_id", "회사명": "company", "업체명": "company", "사업장명": "company",
    "기업명": "company", "제목": "title", "공고제목": "title", "채용제목": "title",
    "직종": "occupation", "모집직종": "occupation", "직무": "occupation",
    "상세내용": "description", "직무내용": "description", "설명": "description",
    "모집내용": "description", "근무지": "region", "근무지역": "region", "지역": "region",
    "근무예정지": "region", "급여형태": "salary_type", "임금형태": "salary_type",
    "최소급여": "salary_min", "급여하한": "salary_min", "최대급여": "salary_max",
    "급여상한": "salary_max", "급여": "salary_text", "임금": "salary_text",
    "경력": "career", "경력구분": "career", "최소경력": "career_years_min",
    "경력연수": "career_years_min", "학력": "education", "자격증": "certificates",
    "자격면허": "certificates", "고용형태": "employment_type", "근무형태": "work_shift",
    "교대": "work_shift", "근무시간": "work_shift", "마감일": "closes_on",
    "접수마감": "closes_on", "마감": "closes_on", "연락처": "contact",
    "담당자연락처": "contact", "문의": "contact",
}  # fmt: skip


class FileFormat(StrEnum):
    """The import formats jobbot understands."""

    CSV = "csv"
    WORKNET_XML = "worknet-xml"
    JSONL = "jsonl"


@dataclass(frozen=True)
class RawRow:
    """One record as read: its line in the file and its fields by canonical name."""

    line: int
    fields: dict[str, str]


def decode(data: bytes) -> str:
    """Decode UTF-8 (with or without BOM) or CP949, the encodings Korean offices export."""
    for encoding in ("utf-8-sig", "cp949"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise UnreadableFileError("파일 인코딩을 알 수 없습니다 (UTF-8 또는 CP949로 저장해 주세요).")


def detect_format(text: str) -> FileFormat:
    """Tell the format from the content: XML starts with '<', JSON Lines with '{'."""
    head = text.lstrip()[:1]
    if head == "<":
        return FileFormat.WORKNET_XML
    if head == "{":
        return FileFormat.JSONL
    return FileFormat.CSV


def read_rows(path: Path) -> tuple[FileFormat, Iterator[RawRow]]:
    """Open ``path``, detect its format and return it with an iterator over its records."""
    try:
        text = decode(path.read_bytes())
    except OSError as exc:
        raise UnreadableFileError(f"파일을 열 수 없습니다: {exc.strerror}") from exc
    file_format = detect_format(text)
    readers = {
        FileFormat.CSV: _read_csv,
        FileFormat.WORKNET_XML: _read_worknet_xml,
        FileFormat.JSONL: _read_jsonl,
    }
    return file_format, readers[file_format](text)


def canonical_column(header: str) -> str | None:
    """Map a header cell to its canonical column name, or ``None`` if unknown."""
    key = header.strip().lower()
    if key in CANONICAL_COLUMNS or key == "salary_text":
        return key
    return HEADER_ALIASES.get(key.replace(" ", ""))


def _read_csv(text: str) -> Iterator[RawRow]:
    """Check the header now (so a wrong file fails at once), then stream the rows."""
    reader = csv.reader(io.StringIO(text, newline=""))
    header = next(reader, [])
    columns = [canonical_column(cell) for cell in header]
    if "title" not in columns or "company" not in columns:
        raise UnreadableFileError(
            "CSV 머리글에서 회사명(company)과 제목(title) 열을 찾지 못했습니다. "
            "첫 줄에 열 이름이 있어야 합니다."
        )
    return _csv_rows(reader, columns, len(header))


def _csv_rows(reader: Any, columns: list[str | None], width: int) -> Iterator[RawRow]:
    start = reader.line_num + 1
    for cells in reader:
        # line_num counts physical lines, so a quoted cell spanning lines keeps numbers right.
        line, start = start, reader.line_num + 1
        if not any(cell.strip() for cell in cells):
            continue
        fields = {col: cell for col, cell in zip(columns, cells, strict=False) if col}
        if len(cells) != width:
            fields["_shape_error"] = (
                f"열 개수가 머리글과 다릅니다 ({len(cells)}개, 머리글 {width}개)"
            )
        yield RawRow(line, fields)


def _read_jsonl(text: str) -> Iterator[RawRow]:
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield RawRow(number, {"_shape_error": f"JSON 형식이 아닙니다 ({exc.msg})"})
            continue
        if not isinstance(obj, dict):
            yield RawRow(number, {"_shape_error": "한 줄에 JSON 객체 하나가 있어야 합니다"})
            continue
        fields: dict[str, str] = {}
        for key, value in obj.items():
            column = canonical_column(str(key))
            if column is None or value is None:
                continue
            fields[column] = ";".join(map(str, value)) if isinstance(value, list) else str(value)
        yield RawRow(number, fields)


#: 고용24 / 워크넷 Open API element → canonical (or extra) column.
WORKNET_FIELDS: dict[str, str] = {
    "wantedAuthNo": "source_id", "company": "company", "busino": "business_no",
    "indTpNm": "industry", "title": "title", "salTpNm": "salary_type", "sal": "salary_text",
    "minSal": "salary_min", "maxSal": "salary_max", "region": "region",
    "holidayTpNm": "holiday", "minEdubg": "education", "maxEdubg": "education_max",
    "career": "career", "regDt": "registered_on", "closeDt": "closes_on",
    "wantedInfoUrl": "url", "basicAddr": "address", "detailAddr": "address_detail",
    "empTpCd": "employment_type", "jobsCd": "jobs_code", "smodifyDtm": "source_modified",
}  # fmt: skip


def _read_worknet_xml(text: str) -> Iterator[RawRow]:
    """Stream ``<wanted>`` items with the line each starts on (expat gives line numbers)."""
    items: list[RawRow] = []
    current: dict[str, str] | None = None
    start_line = 0
    element: str | None = None
    parser = xml.parsers.expat.ParserCreate()

    def on_start(name: str, _attrs: dict[str, str]) -> None:
        nonlocal current, start_line, element
        if name == "wanted":
            current, start_line = {}, parser.CurrentLineNumber
        elif current is not None:
            element = name

    def on_end(name: str) -> None:
        nonlocal current, element
        if name == "wanted" and current is not None:
            items.append(RawRow(start_line, _worknet_fields(current)))
            current = None
        element = None

    def on_text(data: str) -> None:
        if current is not None and element is not None:
            current[element] = current.get(element, "") + data

    parser.StartElementHandler = on_start
    parser.EndElementHandler = on_end
    parser.CharacterDataHandler = on_text
    try:
        parser.Parse(text, True)
    except xml.parsers.expat.ExpatError as exc:
        # Keep what parsed before the break and report the break as a rejected row.
        yield from items
        yield RawRow(
            exc.lineno,
            {"_shape_error": f"XML 구조 오류: {xml.parsers.expat.errors.messages[exc.code]}"},
        )
        return
    if not items and "wantedRoot" not in text[:500]:
        raise UnreadableFileError("고용24 XML이 아닙니다 (wantedRoot/wanted 항목이 없습니다).")
    yield from items


def _worknet_fields(item: dict[str, str]) -> dict[str, str]:
    fields = {WORKNET_FIELDS[k]: v.strip() for k, v in item.items() if k in WORKNET_FIELDS}
    fields.setdefault("source", "worknet")
    fields["occupation"] = fields.get("title", "")
    address = " ".join(filter(None, (fields.pop("address", ""), fields.pop("address_detail", ""))))
    if address:
        fields["region"] = address
    details = [
        f"{label}: {fields[key]}"
        for key, label in (("industry", "업종"), ("holiday", "근무일"), ("jobs_code", "직종코드"))
        if fields.get(key)
    ]
    fields["description"] = " / ".join(details)
    return fields
