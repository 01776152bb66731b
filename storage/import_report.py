"""What an import or a fetch reports: per file counts and rejected rows, and the totals."""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["FileReport", "ImportSummary"]


@dataclass
class FileReport:
    """What happened to one file (or one fetch): counts, rejected rows, a whole-file error."""

    file: str
    file_format: str = ""
    rows: int = 0
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    merged: int = 0
    retired: int = 0
    rejected: list[tuple[int, str]] = field(default_factory=list)
    error: str | None = None

    def as_json(self) -> dict[str, object]:
        """The stable `jobbot import --json` object (a whole-file error is an error at line 0)."""
        errors = [(0, self.error)] if self.error else []
        return {
            "file": self.file,
            "format": self.file_format,
            "rows": self.rows,
            "new": self.new,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "merged": self.merged,
            "rejected": len(self.rejected),
            "errors": [{"line": line, "reason": reason} for line, reason in errors + self.rejected],
        }


@dataclass
class ImportSummary:
    """Totals over all files, plus each file's report."""

    files: list[FileReport] = field(default_factory=list)
    changed_opening_ids: set[int] = field(default_factory=set)

    def total(self, name: str) -> int:
        """Sum of one counter (``new``, ``updated``, ``unchanged``, ``merged``, ``retired``)."""
        return sum(getattr(report, name) for report in self.files)

    @property
    def rejected(self) -> int:
        """Number of rejected rows over all files."""
        return sum(len(report.rejected) for report in self.files)
