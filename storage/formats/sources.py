"""Per-source column mappings: ``data/sources/NAME.yml``, chosen with ``--source NAME``.

A file maps the headers of the source's exports to columns (a comment says whose they are)::

    # 군산시 일자리센터
    columns:
      구인업체: company
      모집분야: title

Headers jobbot already recognizes need no entry.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from storage import messages
from storage.errors import ColumnMapError
from storage.formats.columns import validate_column_map

__all__ = ["SOURCES_DIR", "SourceProfile", "load_source_profile"]

SOURCES_DIR = Path(__file__).resolve().parents[2] / "data" / "sources"
_NAME = re.compile(r"[a-z0-9][a-z0-9_\-]{0,63}")


@dataclass(frozen=True)
class SourceProfile:
    """A source's name and its header → column mapping."""

    name: str
    columns: dict[str, str] = field(default_factory=dict)


def load_source_profile(name: str, directory: Path = SOURCES_DIR) -> SourceProfile | None:
    """The profile in ``directory/NAME.yml``, or ``None`` when the source has no file."""
    if not _NAME.fullmatch(name):
        return None  # not a file name we would have written; the source simply has no profile
    path = directory / f"{name}.yml"
    if not path.is_file():
        return None
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise ColumnMapError(
            messages.PROFILE_UNREADABLE.format(name=path.name, reason=exc)
        ) from exc
    columns = data.get("columns") or {} if isinstance(data, dict) else None
    if not isinstance(columns, dict):
        raise ColumnMapError(messages.PROFILE_MALFORMED.format(name=path.name))
    mapping = {str(header): str(column) for header, column in columns.items()}
    return SourceProfile(
        name=name,
        columns=validate_column_map(mapping, path.name),
    )
