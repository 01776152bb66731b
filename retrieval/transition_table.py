"""The career-transition table ``data/transitions/transitions.csv`` (see its README).

Counselors edit it in a spreadsheet, so it is read at each start (a change needs no code
change), with or without Excel's byte-order mark, and a bad cell fails with the line and column.
Each row is a *judged* path in the frame of Nesta's Mapping Career Causeways (similarity,
job-zone difference, earnings ratio), not an observed transition.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from retrieval.errors import TransitionTableError

__all__ = ["DEFAULT_TRANSITIONS", "Transition", "TransitionTable", "load_transitions"]

DEFAULT_TRANSITIONS = Path(__file__).resolve().parent.parent / "data/transitions/transitions.csv"
COLUMNS = (
    "from_code", "from_name", "to_code", "to_name", "skills_carry_over", "gap",
    "closing_certificates", "closing_courses", "pay_ratio", "similarity", "job_zone_diff",
    "viability", "desirable", "evidence", "note",
)  # fmt: skip
VIABILITY = ("highly_viable", "viable", "not_viable")


@dataclass(frozen=True)
class Transition:
    """One path from a trade (``from_code`` + ``from_name``) to a target occupation."""

    from_code: str
    from_name: str
    to_code: str
    to_name: str
    carry_over: tuple[str, ...]
    gap: tuple[str, ...]
    certificates: tuple[str, ...]
    courses: tuple[str, ...]
    pay_ratio: float
    similarity: float
    job_zone_diff: int
    viability: str  # highly_viable | viable | not_viable
    desirable: bool
    evidence: tuple[str, ...]
    note: str

    @property
    def trade(self) -> str:
        """The trade without its industry: 용접 of 용접(조선)."""
        return self.from_name.split("(")[0].strip()

    @property
    def industry(self) -> str:
        """The industry in brackets: 조선 of 용접(조선), empty when none."""
        _, _, rest = self.from_name.partition("(")
        return rest.rstrip(")")


@dataclass(frozen=True)
class TransitionTable:
    """Every path, in file order."""

    rows: tuple[Transition, ...]

    @property
    def from_codes(self) -> frozenset[str]:
        """The trades the table has paths from."""
        return frozenset(row.from_code for row in self.rows)

    def origin_code(self, code: str) -> str | None:
        """The table's code for a seeker's experience ``code``: itself, else its nearest parent
        with rows (``824102`` → ``8241``); a child with its own rows never inherits its
        parent's (``824107`` 사상 has its own)."""
        for n in range(len(code), 0, -1):
            if code[:n] in self.from_codes:
                return code[:n]
        return None

    def paths_from(self, code: str, trade: str | None = None) -> list[Transition]:
        """The rows of ``code`` (and of ``trade`` when the code holds two, as 8171 does)."""
        return [
            row
            for row in self.rows
            if row.from_code == code and (trade is None or row.trade == trade)
        ]


def _split(cell: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in cell.split(";") if part.strip())


def _number(row: dict[str, str], column: str, line: int, kind: type[float] | type[int]) -> float:
    try:
        return kind(row[column])
    except ValueError:
        raise TransitionTableError(
            f"transitions.csv {line}행 {column}: '{row[column]}'은(는) 숫자가 아닙니다"
        ) from None


def _row(row: dict[str, str], line: int) -> Transition:
    for column in ("from_code", "from_name", "to_code", "to_name"):
        if not row[column]:
            raise TransitionTableError(f"transitions.csv {line}행: {column} 칸이 비어 있습니다")
    if row["viability"] not in VIABILITY:
        raise TransitionTableError(
            f"transitions.csv {line}행 viability: '{row['viability']}' "
            f"(highly_viable, viable, not_viable 중 하나)"
        )
    return Transition(
        from_code=row["from_code"],
        from_name=row["from_name"],
        to_code=row["to_code"],
        to_name=row["to_name"],
        carry_over=_split(row["skills_carry_over"]),
        gap=_split(row["gap"]),
        certificates=_split(row["closing_certificates"]),
        courses=_split(row["closing_courses"]),
        pay_ratio=float(_number(row, "pay_ratio", line, float)),
        similarity=float(_number(row, "similarity", line, float)),
        job_zone_diff=int(_number(row, "job_zone_diff", line, int)),
        viability=row["viability"],
        desirable=row["desirable"] == "yes",
        evidence=_split(row["evidence"]),
        note=row["note"],
    )


def load_transitions(path: Path = DEFAULT_TRANSITIONS) -> TransitionTable:
    """Read the table; :class:`TransitionTableError` names the line and column of a bad cell."""
    try:
        # utf-8-sig: Excel's "CSV UTF-8" starts with a byte-order mark.
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            missing = [c for c in COLUMNS if c not in (reader.fieldnames or ())]
            if missing:
                raise TransitionTableError(f"{path.name}: 열이 없습니다: {', '.join(missing)}")
            rows = [
                _row({k: (v or "").strip() for k, v in row.items() if k}, reader.line_num)
                for row in reader
            ]
    except OSError as exc:
        raise TransitionTableError(f"{path}: 읽을 수 없습니다 ({exc.strerror})") from exc
    return TransitionTable(tuple(rows))
