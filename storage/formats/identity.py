"""Which source a posting came from and its id there, for files that do not say.

The source: the one named for the import (``--source``), else the row's own ``source`` cell,
else the board most of the file's URLs point to, else the file's name. The id: the row's own,
else the board's id in its URL, else one derived from the content (:mod:`storage.values.ids`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from storage.formats import RawRow
from storage.values.ids import derived_id, read_url

__all__ = ["identify"]


def identify(rows: Iterable[RawRow], *, source: str | None, fallback: str) -> list[RawRow]:
    """Rows with their source and id filled in.

    Without a named source, the board most of the file's URLs point to is the source of every
    row (a row without a URL is still that board's); a board id from another board's URL is
    prefixed with that board's name, so it cannot collide.
    """
    rows = list(rows)
    urls = [read_url(row.fields.get("url", "")) for row in rows]
    hosts = Counter(url.source for url in urls if url.source)
    file_source = source or (hosts.most_common(1)[0][0] if hosts else fallback)
    for row, url in zip(rows, urls, strict=True):
        fields = row.fields
        if "_shape_error" in fields:
            continue
        name = source or fields.get("source") or file_source
        fields["source"] = name
        if fields.get("source_id"):
            continue
        if url.posting_id:
            same = url.source in (None, name)
            fields["source_id"] = url.posting_id if same else f"{url.source}:{url.posting_id}"
        elif fields.get("company") and fields.get("title"):
            fields["source_id"] = derived_id(
                name, fields["company"], fields["title"], fields.get("region", "")
            )
    return rows
