"""CSV exports of job boards and offices (comma- or, like Excel's 유니코드 텍스트, tab-separated).

The header is recognized without options (see :mod:`.columns`); a mapping adds headers it does
not know. Rows are read as exported — quoted cells over several lines, ``city`` + ``county``
in two columns — and then:

- a file without a title column is titled by its occupation column when that names one job
  (a job center's list: 업체명, 모집 직종, 모집인원, …);
- a row whose cells do not fit the header, or whose place sits in another column with the
  place column empty (a crawler shifted it), is reported with its line, not guessed at;
- a row without an id gets one: the board's own from its URL, else one derived from source,
  company, title and place (:mod:`storage.values.ids`), so re-importing changes nothing;
- a ``sector`` cell gives its tags; a date glued to it becomes the registration or change date;
- the same posting listed again under another category is folded into its first row.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from storage import messages
from storage.formats import RawRow
from storage.formats.columns import (
    board_of_id_column,
    has_required,
    missing_columns,
    resolve_header,
    title_stand_in,
)
from storage.formats.identity import identify
from storage.values.location import looks_like_location
from storage.values.text import split_sector

__all__ = ["read_csv"]

#: Columns a shifted row's place lands in (never free text such as title or description).
SHIFT_TARGETS = ("work_hours", "work_days", "work_shift", "employment_type", "salary_text")
SECTOR_DATES = {"수정일": "source_modified", "등록일": "registered_on"}
MAX_CELL_CHARS = 4_000_000
#: Rows after the first where a header is still looked for.
HEADER_SEARCH_ROWS = 5


@dataclass
class _Posting:
    line: int
    fields: dict[str, str]
    merged_lines: list[int] = field(default_factory=list)


def read_csv(
    text: str,
    *,
    mapping: Mapping[str, str] | None,
    source: str | None,
    fallback_source: str,
) -> Iterator[RawRow]:
    """Check the header now (so a wrong file fails at once), then read the postings.

    ``source`` names the source of every row; without it a row's own ``source`` cell, the
    board the file's URLs point to, the board whose own id header the file has (고용24's
    구인인증번호: the same posting as a fetched one), or ``fallback_source`` (the file's name)
    does.
    """
    # A long description is a legitimate cell; the module default (128 K characters) is not a
    # safety limit here, the file size cap is. Raising it only ever widens the global limit.
    csv.field_size_limit(max(csv.field_size_limit(), MAX_CELL_CHARS))
    first_line = text.split("\n", 1)[0]
    delimiter = "\t" if "\t" in first_line and "," not in first_line else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    header, columns = _find_header(reader, mapping)
    fallback = board_of_id_column(header, columns) or fallback_source
    return _postings(
        _rows(reader, header, columns, title_stand_in(header, columns)), source, fallback
    )


def _find_header(
    reader: Any, mapping: Mapping[str, str] | None
) -> tuple[list[str], list[str | None]]:
    """The header row: the first row, or one of the next few when an export starts with a
    title line ("채용정보 검색결과 …"); the first row's cells name the error otherwise."""
    first: list[str] = next(reader, [])
    candidate: list[str] | None = first
    for _ in range(HEADER_SEARCH_ROWS + 1):
        if candidate is None:
            break
        columns = resolve_header(candidate, mapping)
        if has_required(candidate, columns):
            return candidate, columns
        candidate = next(reader, None)
    raise missing_columns(first, resolve_header(first, mapping))


def _rows(
    reader: Any, header: list[str], columns: list[str | None], title_from: int | None
) -> Iterator[RawRow]:
    """The rows by column; ``title_from`` is the cell that titles them when no column does."""
    width = len(header)
    labels = {column: cell.strip() for cell, column in zip(header, columns, strict=True) if column}
    names = [cell.strip() for cell in header]
    start = reader.line_num + 1
    try:
        for cells in reader:
            # line_num counts physical lines, so a quoted cell spanning lines keeps numbers right.
            line, start = start, reader.line_num + 1
            if not any(cell.strip() for cell in cells):
                continue
            if [cell.strip() for cell in cells[:width]] == names:
                continue  # the header again: two exports pasted into one file
            fields = _fields(cells, columns, width, labels)
            if title_from is not None and title_from < len(cells):
                fields.setdefault("title", cells[title_from].strip())
            yield RawRow(line, fields)
    except csv.Error as exc:
        yield RawRow(start, {"_shape_error": messages.CSV_BROKEN.format(reason=exc)})


def _fields(
    cells: list[str], columns: list[str | None], width: int, labels: dict[str, str]
) -> dict[str, str]:
    fields = {col: cell.strip() for col, cell in zip(columns, cells, strict=False) if col}
    if len(cells) < width or any(cell.strip() for cell in cells[width:]):
        fields["_shape_error"] = messages.CELL_COUNT.format(cells=len(cells), width=width)
        return fields
    detail = fields.pop("region_detail", "")
    if detail and detail not in fields.get("region", ""):
        fields["region"] = f"{fields.get('region', '')} {detail}".strip()
    if "region" in labels and not fields.get("region"):
        shifted = next((c for c in SHIFT_TARGETS if looks_like_location(fields.get(c, ""))), None)
        if shifted:
            fields["_shape_error"] = messages.SHIFTED_ROW.format(
                place=labels["region"], other=labels[shifted], value=fields[shifted]
            )
            return fields
    if fields.get("occupation"):
        sector = split_sector(fields["occupation"])
        fields["occupation"] = ", ".join(sector.tags)
        if sector.date_kind:
            fields.setdefault(SECTOR_DATES[sector.date_kind], sector.date_raw)
    return fields


def _postings(rows: Iterable[RawRow], source: str | None, fallback: str) -> Iterator[RawRow]:
    """One row per (source, id): later repeats add their category tags and lines to the first.

    Reads the whole file first, since a repeat may come at its end.
    """
    postings: list[_Posting] = []
    first: dict[tuple[str, str], _Posting] = {}
    for row in identify(rows, source=source, fallback=fallback):
        key = (row.fields.get("source", ""), row.fields.get("source_id", ""))
        seen = first.get(key) if all(key) else None
        if seen is None:
            posting = _Posting(row.line, row.fields)
            postings.append(posting)
            if all(key):
                first[key] = posting
            continue
        seen.merged_lines.append(row.line)
        tags = [t for t in seen.fields.get("occupation", "").split(", ") if t]
        extra = [t for t in row.fields.get("occupation", "").split(", ") if t and t not in tags]
        if extra:
            seen.fields["occupation"] = ", ".join(tags + extra)
    for posting in postings:
        yield RawRow(posting.line, posting.fields, tuple(posting.merged_lines))
