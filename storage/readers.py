"""Read an import file, whatever shape it came in: detect the format, pick the reader.

Every reader yields :class:`RawRow` items: the posting's 1-based line in the file and its fields
under column names (see :mod:`storage.formats.columns`), as strings. A reader never validates
values; that is :mod:`storage.records`' job. Formats are told by content: XML (고용24 / 워크넷
responses), an HTML table (a site's "엑셀 다운로드" saved as .xls), JSON Lines, else CSV
(jobbot's own or a board's / office's export).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from enum import StrEnum
from pathlib import Path

from storage import messages
from storage.errors import UnreadableFileError
from storage.formats import RawRow
from storage.formats.columns import CANONICAL_COLUMNS
from storage.formats.csv_export import read_csv
from storage.formats.html_table import looks_like_html, read_html_table
from storage.formats.jsonl import read_jsonl
from storage.formats.sources import load_source_profile
from storage.formats.worknet_xml import read_worknet_xml

__all__ = [
    "CANONICAL_COLUMNS",
    "MAX_FILE_BYTES",
    "FileFormat",
    "RawRow",
    "decode",
    "detect_format",
    "read_data",
    "read_rows",
]

#: Largest file read (all of 고용24's active postings as CSV are about 150 MB).
MAX_FILE_BYTES = 256 * 1024 * 1024


class FileFormat(StrEnum):
    """The import formats jobbot understands."""

    CSV = "csv"
    WORKNET_XML = "worknet-xml"
    JSONL = "jsonl"
    HTML_TABLE = "html-table"


#: Leading bytes of spreadsheet files, which people send instead of their CSV export.
SPREADSHEET_MAGIC = (b"PK\x03\x04", b"\xd0\xcf\x11\xe0")


def decode(data: bytes) -> str:
    """Decode UTF-8 (with or without BOM), UTF-16 with BOM (Excel's 유니코드 텍스트) or CP949."""
    if data.startswith(SPREADSHEET_MAGIC):
        raise UnreadableFileError(messages.FILE_SPREADSHEET)
    encodings = ("utf-16",) if data.startswith((b"\xff\xfe", b"\xfe\xff")) else ()
    for encoding in (*encodings, "utf-8-sig", "cp949"):
        try:
            # NUL is never text; a stray one would not survive every database.
            return data.decode(encoding).replace("\x00", "")
        except UnicodeDecodeError:
            continue
    raise UnreadableFileError(messages.FILE_ENCODING)


def detect_format(text: str) -> FileFormat:
    """Tell the format from the content: XML starts with '<' (a web page's tags: an HTML
    table saved as .xls), JSON Lines with '{'."""
    head = text.lstrip()[:1]
    if head == "<":
        return FileFormat.HTML_TABLE if looks_like_html(text) else FileFormat.WORKNET_XML
    if head == "{":
        return FileFormat.JSONL
    return FileFormat.CSV


def read_rows(
    path: Path,
    *,
    columns: Mapping[str, str] | None = None,
    source: str | None = None,
) -> tuple[FileFormat, Iterator[RawRow]]:
    """Open ``path``, detect its format and return it with an iterator over its postings.

    ``columns`` maps headers the readers do not know to columns
    (:func:`storage.formats.columns.parse_column_map` reads ``--columns``);
    ``source`` names the source of every posting and adds ``data/sources/NAME.yml``'s mapping.
    """
    try:
        size = path.stat().st_size
        _check_size(size)
        data = path.read_bytes()
    except OSError as exc:
        raise UnreadableFileError(messages.FILE_UNOPENABLE.format(reason=exc.strerror)) from exc
    return read_data(data, name=path.stem, columns=columns, source=source)


def read_data(
    data: bytes,
    *,
    name: str,
    columns: Mapping[str, str] | None = None,
    source: str | None = None,
    expect: FileFormat | None = None,
) -> tuple[FileFormat, Iterator[RawRow]]:
    """:func:`read_rows` for bytes already in memory (an HTTP body); ``name`` names the file.

    ``expect`` skips detection: an API's answer is read as its format (a maintenance page
    from 고용24 is "not 고용24 XML", not a spreadsheet export without a table).
    """
    _check_size(len(data))
    text = decode(data)
    if not text.strip():
        raise UnreadableFileError(messages.FILE_EMPTY)
    profile = load_source_profile(source) if source else None
    mapping = {**(profile.columns if profile else {}), **(columns or {})}
    file_format = expect or detect_format(text)
    if file_format is FileFormat.WORKNET_XML:
        return file_format, read_worknet_xml(text)
    fallback = re.sub(r"\s+", "_", name.strip())[:64] or "import"
    if file_format is FileFormat.JSONL:
        rows = read_jsonl(text, mapping=mapping, source=source, fallback_source=fallback)
        return file_format, rows
    if file_format is FileFormat.HTML_TABLE:
        rows = read_html_table(text, mapping=mapping, source=source, fallback_source=fallback)
        return file_format, rows
    return file_format, read_csv(text, mapping=mapping, source=source, fallback_source=fallback)


def _check_size(size: int) -> None:
    if size > MAX_FILE_BYTES:
        raise UnreadableFileError(
            messages.FILE_TOO_LARGE.format(size_mb=size / 2**20, max_mb=MAX_FILE_BYTES // 2**20)
        )
