"""Web-page tables saved under a spreadsheet's name: a site's "엑셀 다운로드" that is HTML.

Many Korean public sites serve their Excel export as an HTML ``<table>`` in a ``.xls`` file;
Excel opens it without a word, so people pass it on as a spreadsheet. The table is read like a
CSV export (:mod:`.csv_export`): the same header recognition and row checks. A cell's line
breaks (``<br>``) become spaces, and a row's line is the line its ``<tr>`` starts on.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator, Mapping
from html.parser import HTMLParser

from storage import messages
from storage.errors import UnreadableFileError
from storage.formats import RawRow
from storage.formats.columns import has_required, resolve_header
from storage.formats.csv_export import HEADER_SEARCH_ROWS, read_csv

__all__ = ["looks_like_html", "read_html_table"]

#: A page: its first tag (after an XML declaration or comments) is one of a web page's.
_PAGE_START = re.compile(
    r"\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|meta|body|table)\b",
    re.IGNORECASE | re.DOTALL,
)
_CELL_TAGS = ("td", "th")


def looks_like_html(text: str) -> bool:
    """Whether ``text`` is a web page (or a bare table), not an XML response."""
    return _PAGE_START.match(text[:4096]) is not None


def read_html_table(
    text: str, *, mapping: Mapping[str, str] | None, source: str | None, fallback_source: str
) -> Iterator[RawRow]:
    """The rows of the page's posting table: the first whose header (in its first rows) names
    the required columns, else its largest table (whose missing columns the error names)."""
    parser = _Tables()
    parser.feed(text)
    parser.close()
    table = _posting_table([t for t in parser.tables if t], mapping)
    if table is None:
        raise UnreadableFileError(messages.HTML_NO_TABLE)
    buffer = io.StringIO()
    csv.writer(buffer).writerows(cells for _, cells in table)
    lines = [line for line, _ in table]
    rows = read_csv(
        buffer.getvalue(), mapping=mapping, source=source, fallback_source=fallback_source
    )
    return (_relined(row, lines) for row in rows)


class _Tables(HTMLParser):
    """Collects every table's rows as (line of the ``<tr>``, cell texts)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tables: list[list[tuple[int, list[str]]]] = []
        self._open: list[list[tuple[int, list[str]]]] = []  # nested tables, innermost last
        self._cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: object) -> None:
        if tag == "table":
            self._open.append([])
            self.tables.append(self._open[-1])
        elif tag == "tr" and self._open:
            self._open[-1].append((self.getpos()[0], []))
        elif tag in _CELL_TAGS and self._open and self._open[-1]:
            self._cell = []
        elif tag == "br" and self._cell is not None:
            self._cell.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in _CELL_TAGS and self._cell is not None and self._open and self._open[-1]:
            self._open[-1][-1][1].append(" ".join("".join(self._cell).split()))
            self._cell = None
        elif tag == "table" and self._open:
            self._open.pop()

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)


def _posting_table(
    tables: list[list[tuple[int, list[str]]]], mapping: Mapping[str, str] | None
) -> list[tuple[int, list[str]]] | None:
    for table in tables:
        for _, cells in table[: HEADER_SEARCH_ROWS + 1]:
            if has_required(cells, resolve_header(cells, mapping)):
                return table
    return max(tables, key=len, default=None)


def _relined(row: RawRow, lines: list[int]) -> RawRow:
    """``row`` with its CSV line (one per table row) replaced by its ``<tr>``'s line."""

    def line(number: int) -> int:
        return lines[number - 1] if 0 < number <= len(lines) else number

    return RawRow(line(row.line), row.fields, tuple(line(n) for n in row.merged_lines))
