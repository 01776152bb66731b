"""Training-course files: 고용24 훈련과정 list responses (``310L01``, XML and JSON) and the
canonical course CSV of local institutes (``data/courses/README.md``).

- XML: ``<HRDNet><scn_cnt/><pageNum/><pageSize/><srchList><scn_list>…`` — ``title`` is the
  course and ``subTitle`` the institution; one ``scn_list`` per run (회차), keyed by
  ``trprId`` + ``trprDegr`` (+ ``trainstCstId``); empty elements are empty values.
- JSON: ``srchList`` is a flat list, or one object when there is one result; every value a
  string, empty values ``""``. Items are numbered in order (JSON has no useful line).
- Errors come with HTTP 200: ``<GO24><error>…</error></GO24>`` or ``{"error": "…"}``; they raise
  :class:`SourceErrorResponse` quoting the source's words.
- ``titleIcon`` (raw HTML badges) is never read.

Readers yield :class:`RawRow` items with the course columns below, as strings; a row that
cannot be read carries ``_shape_error`` (like the posting readers); values are checked by
:mod:`storage.course_records`.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator, Mapping
from enum import StrEnum
from typing import Any

from storage import messages
from storage.errors import SourceErrorResponse, UnreadableFileError
from storage.formats import RawRow
from storage.formats.safe_xml import XmlStream
from storage.values.text import one_line

__all__ = [
    "COURSE_COLUMNS",
    "HRD_SOURCE",
    "CourseFormat",
    "detect_course_format",
    "read_course_csv",
    "read_course_text",
    "read_hrd_json",
    "read_hrd_xml",
]

#: Columns of the canonical course CSV, in order.
COURSE_COLUMNS = (
    "course", "institution", "starts_on", "ends_on", "hours", "fee", "self_pay", "region",
    "ncs_code", "url", "contact",
)  # fmt: skip
#: Source name of courses from the 고용24 training API.
HRD_SOURCE = "work24-training"
#: Source name of courses from a local institute's CSV.
LOCAL_SOURCE = "local-courses"

#: 310L01 item element → course column (``realMan`` is read separately: see ``_hrd_fields``).
HRD_FIELDS = {
    "title": "course", "subTitle": "institution", "traStartDate": "starts_on",
    "traEndDate": "ends_on", "courseMan": "fee", "ncsCd": "ncs_code", "titleLink": "url",
    "telNo": "contact", "address": "address", "trngAreaCd": "area_code",
}  # fmt: skip
HRD_ROOTS: dict[str, str | None] = {"HRDNet": "scn_list", "GO24": None}
_JSON_MARKERS = re.compile(r'"(?:srchList|scn_cnt)"\s*:|^\{\s*"error"\s*:')
#: How far into a file the course markers are looked for.
SNIFF_CHARS = 2048


class CourseFormat(StrEnum):
    """The course formats jobbot understands."""

    HRD_XML = "hrd-xml"
    HRD_JSON = "hrd-json"
    COURSE_CSV = "course-csv"


def detect_course_format(text: str) -> CourseFormat | None:
    """The course format of ``text`` (or its head), or ``None`` when it holds postings."""
    head = text.lstrip()[:SNIFF_CHARS]
    if head.startswith("<"):
        return CourseFormat.HRD_XML if "<HRDNet" in head else None
    if head.startswith("{"):
        # Only the head is seen: the 310L01 envelope keys, or an error envelope's only key;
        # a JSON Lines posting has neither.
        return CourseFormat.HRD_JSON if _JSON_MARKERS.search(head) else None
    first = next((line for line in text.splitlines() if line.strip()), "")
    header = {cell.strip().lower() for cell in next(csv.reader([first]), [])}
    return CourseFormat.COURSE_CSV if {"course", "institution"} <= header else None


def read_course_text(text: str, course_format: CourseFormat) -> Iterator[RawRow]:
    """The courses of ``text`` in ``course_format``."""
    if course_format is CourseFormat.HRD_XML:
        return read_hrd_xml(text)
    if course_format is CourseFormat.HRD_JSON:
        return read_hrd_json(text)
    return read_course_csv(text)


def read_hrd_xml(text: str) -> Iterator[RawRow]:
    """Check the root now, then stream the runs; an error envelope raises when iterated."""
    stream = XmlStream(text, HRD_ROOTS, not_expected=messages.COURSE_XML_EXPECTED)
    stream.open()
    return _xml_rows(stream)


def _xml_rows(stream: XmlStream) -> Iterator[RawRow]:
    for item in stream.items():
        if item.oversized:
            yield RawRow(item.line, {"_shape_error": messages.COURSE_TOO_LONG})
            continue
        values = {name: one_line(texts[0]) for name, texts in item.values.items() if texts}
        yield RawRow(item.line, _hrd_fields(values))
    if stream.broken:
        reason = messages.XML_BROKEN.format(reason=stream.broken.message)
        yield RawRow(stream.broken.line, {"_shape_error": reason})
    elif stream.items_seen == 0:
        error = one_line(stream.envelope.get("error") or stream.envelope.get("message") or "")
        if error or stream.root == "GO24":
            raise SourceErrorResponse(
                messages.COURSE_SOURCE_LABEL, None, error or messages.SOURCE_ERROR_UNSAID
            )


def read_hrd_json(text: str) -> Iterator[RawRow]:
    """The runs of a 310L01 JSON response; an error envelope raises at once."""
    try:
        data = json.loads(text)
    except ValueError as exc:
        raise UnreadableFileError(messages.JSON_INVALID.format(reason=exc)) from None
    if not isinstance(data, dict):
        raise UnreadableFileError(messages.COURSE_JSON_EXPECTED)
    error = _error(data)
    if error:
        raise SourceErrorResponse(messages.COURSE_SOURCE_LABEL, None, error)
    items = data.get("srchList")
    if items is None:
        items = []  # no results: 310L01 leaves the list out
    if isinstance(items, dict):
        items = [items]  # one result comes as an object, not a list of one
    if not isinstance(items, list):
        raise UnreadableFileError(messages.COURSE_JSON_EXPECTED)
    return _json_rows(items)


def _json_rows(items: list[Any]) -> Iterator[RawRow]:
    for number, item in enumerate(items, start=1):
        if not isinstance(item, dict):
            yield RawRow(number, {"_shape_error": messages.JSON_NOT_OBJECT})
            continue
        values = {name: one_line(str(v)) for name, v in item.items() if v is not None}
        yield RawRow(number, _hrd_fields(values))


def read_course_csv(text: str) -> Iterator[RawRow]:
    """Check the header now, then read the runs with their lines (quoted cells may span lines)."""
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff")))
    header = [cell.strip().lower() for cell in next(reader, [])]
    missing = [c for c in ("course", "institution") if c not in header]
    if missing:
        raise UnreadableFileError(messages.COURSE_CSV_HEADER.format(columns=", ".join(missing)))
    return _csv_rows(reader, header)


def _csv_rows(reader: Any, header: list[str]) -> Iterator[RawRow]:
    line = reader.line_num + 1
    try:
        for cells in reader:
            start, line = line, reader.line_num + 1
            if not any(cell.strip() for cell in cells):
                continue
            if len(cells) != len(header):
                error = messages.CELL_COUNT.format(cells=len(cells), width=len(header))
                yield RawRow(start, {"_shape_error": error})
                continue
            fields = {name: one_line(cell) for name, cell in zip(header, cells, strict=True)}
            fields["source"] = LOCAL_SOURCE
            yield RawRow(start, fields)
    except csv.Error as exc:
        yield RawRow(line, {"_shape_error": messages.CSV_BROKEN.format(reason=exc)})


def _hrd_fields(values: Mapping[str, str]) -> dict[str, str]:
    fields = {column: values.get(name, "") for name, column in HRD_FIELDS.items()}
    run = [values.get("trprId", ""), values.get("trprDegr", "")]
    fields["source_id"] = ":".join([*run, values.get("trainstCstId", "")]) if all(run) else ""
    # realMan is the fee actually charged; 0 means the course is fully funded. Otherwise the
    # seeker's share depends on their 국민내일배움카드 category, so it stays unknown.
    if values.get("realMan") == "0":
        fields["self_pay"] = "0"
    fields["source"] = HRD_SOURCE
    return fields


def _error(data: Mapping[str, Any]) -> str:
    error = data.get("error")
    if isinstance(error, dict):
        error = error.get("message") or error.get("msg") or json.dumps(error, ensure_ascii=False)
    return one_line(str(error)) if error else ""
