"""A message being read: its normalized text, its clauses and the evidence found so far."""

from __future__ import annotations

import bisect
import logging
from dataclasses import dataclass, field

from nlu.clauses import Clause
from nlu.cues import ClauseCues, clause_cues
from nlu.tables import Tables
from nlu.text import NormalizedText

__all__ = ["Reading"]

logger = logging.getLogger(__name__)


@dataclass
class Reading:
    """Mutable state while one message is parsed; ``evidence`` holds (clause, surface, fact)."""

    norm: NormalizedText
    clauses: tuple[Clause, ...]
    tables: Tables
    evidence: list[tuple[int, str, str]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._starts = [c.start for c in self.clauses]

    def clause_at(self, pos: int) -> int:
        """Index of the clause containing (or last starting before) normalized offset ``pos``."""
        return max(0, bisect.bisect_right(self._starts, pos) - 1)

    def cues(self, k: int) -> ClauseCues:
        """The cues of clause ``k``."""
        return clause_cues(self.clauses[k].text)

    def cues_said_of(self, k: int) -> ClauseCues:
        """The cues of what clause ``k`` is said of: a clause ending in -아서/-어서 ("앉아서 |
        하는 일 없을까요", "걸어서는 | 못가요") leaves its verb to the next one (else its own)."""
        return self.cues(k + 1 if k + 1 < len(self.clauses) else k)

    def note(self, k: int, fact: str) -> None:
        """Record that clause ``k``, as the person typed it, produced ``fact``."""
        clause = self.clauses[k]
        surface = self.norm.source_span(clause.start, clause.end).strip()
        if (k, surface, fact) not in self.evidence:
            self.evidence.append((k, surface, fact))

    def evidence_pairs(self) -> tuple[tuple[str, str], ...]:
        """(surface, fact) pairs in the order the clauses appear."""
        return tuple((s, f) for _, s, f in sorted(self.evidence, key=lambda e: e[0]))
