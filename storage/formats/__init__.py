"""The shapes import files come in, one module per shape, and the column names they share.

- :mod:`.columns`      canonical column names, header aliases, ``--columns`` mappings
- :mod:`.sources`      per-source mapping files under ``data/sources/``
- :mod:`.identity`     a posting's source and id when the file does not say
- :mod:`.csv_export`   CSV exports of boards and offices (header recognition, duplicates)
- :mod:`.html_table`   a web page's table saved as .xls, read like a CSV export
- :mod:`.jsonl`        JSON Lines, one posting per line
- :mod:`.safe_xml`     hardened, size-capped XML reading with line numbers
- :mod:`.worknet_xml`  고용24 / 워크넷 Open API list and detail responses, error envelopes

Readers yield :class:`RawRow` items and never validate values: :mod:`storage.records` does.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["DETAIL", "RawRow"]

#: Field set (to "1") on a row read from a source's detail of a posting (고용24 ``wantedDtl``):
#: richer than a list item of the same posting, which must not overwrite it. Not hashed.
DETAIL = "_detail"


@dataclass(frozen=True)
class RawRow:
    """One posting as read: its line in the file and its fields by canonical name.

    ``merged_lines`` are later lines of the same file that repeated this posting (a board
    lists one posting under several categories) and were folded into it.
    """

    line: int
    fields: dict[str, str]
    merged_lines: tuple[int, ...] = ()
