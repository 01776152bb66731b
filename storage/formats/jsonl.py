"""JSON Lines: one posting object per line, keys named like CSV headers."""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping

from storage import messages
from storage.formats import RawRow
from storage.formats.columns import canonical_column
from storage.formats.identity import identify

__all__ = ["read_jsonl"]


def read_jsonl(
    text: str, *, mapping: Mapping[str, str] | None, source: str | None, fallback_source: str
) -> Iterator[RawRow]:
    """Each line's object by column, with its source and id (:func:`identify`); a line that is
    not one object is reported, not fatal."""
    yield from identify(_objects(text, mapping), source=source, fallback=fallback_source)


def _objects(text: str, mapping: Mapping[str, str] | None) -> Iterator[RawRow]:
    columns: dict[str, str | None] = {}  # key → column, worked out once per key
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield RawRow(number, {"_shape_error": messages.JSON_INVALID.format(reason=exc.msg)})
            continue
        if not isinstance(obj, dict):
            yield RawRow(number, {"_shape_error": messages.JSON_NOT_OBJECT})
            continue
        fields: dict[str, str] = {}
        for key, value in obj.items():
            key = str(key)
            if key not in columns:
                columns[key] = canonical_column(key, mapping)
            column = columns[key]
            if column is None or value is None:
                continue
            fields[column] = ";".join(map(str, value)) if isinstance(value, list) else str(value)
        yield RawRow(number, fields)
