"""Offline evaluation of retrieval on a dev set with graded relevance and traps.

Dev set: JSON Lines, one query per line with ``text``, ``relevant`` ({"source:source_id":
grade}) and ``traps`` (["source:source_id", ...]). Metrics per ranking:

- Recall@5: relevant openings in the top 5 / min(5, number relevant) — capped, so a
  query with 20 good openings can still score 1.0;
- MRR@10: reciprocal rank of the first relevant opening within 10;
- nDCG@10: graded (gain 2^grade - 1), ideal from all labelled openings;
- Traps@5: how many top-5 slots hold a labelled trap (look-alikes, lacking 필수
  certificates, excluded shifts...), summed over queries.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from retrieval.matcher import Matcher

__all__ = [
    "DevQuery",
    "Metrics",
    "evaluate_retrieval",
    "format_table",
    "load_dev_set",
    "score_ranking",
]

METHODS = ("dense", "lexical", "fused", "hybrid")


@dataclass(frozen=True)
class DevQuery:
    """One labelled seeker text."""

    id: str
    text: str
    relevant: dict[str, int]
    traps: frozenset[str]
    tags: tuple[str, ...] = ()


@dataclass
class Metrics:
    """Accumulated metrics of one ranking method over a dev set."""

    recall5: list[float] = field(default_factory=list)
    mrr10: list[float] = field(default_factory=list)
    ndcg10: list[float] = field(default_factory=list)
    traps5: int = 0

    def add(self, other: Metrics) -> None:
        """Fold another query's metrics in."""
        self.recall5 += other.recall5
        self.mrr10 += other.mrr10
        self.ndcg10 += other.ndcg10
        self.traps5 += other.traps5

    def summary(self) -> dict[str, float]:
        """Mean metrics and the trap count."""

        def mean(values: list[float]) -> float:
            return sum(values) / len(values) if values else 0.0

        return {
            "recall@5": mean(self.recall5),
            "mrr@10": mean(self.mrr10),
            "ndcg@10": mean(self.ndcg10),
            "traps@5": float(self.traps5),
        }


def load_dev_set(path: Path) -> list[DevQuery]:
    """Read a dev set file (JSON Lines)."""
    queries = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        obj = json.loads(line)
        queries.append(
            DevQuery(
                id=obj["id"],
                text=obj["text"],
                relevant={k: int(v) for k, v in obj.get("relevant", {}).items()},
                traps=frozenset(obj.get("traps", [])),
                tags=tuple(obj.get("tags", [])),
            )
        )
    return queries


def score_ranking(ranking: Sequence[Sequence[str]], query: DevQuery) -> Metrics:
    """Metrics of one ranking for one query.

    Each ranked item is an opening given by its posting keys (``source:source_id``): an
    opening merged from two sources is one item, graded by its best key.
    """
    relevant: Mapping[str, int] = {k: g for k, g in query.relevant.items() if g > 0}
    grades = [max((relevant.get(key, 0) for key in keys), default=0) for keys in ranking[:10]]
    traps = [any(key in query.traps for key in keys) for keys in ranking[:5]]
    hits5 = sum(1 for grade in grades[:5] if grade > 0)
    recall = hits5 / min(5, len(relevant)) if relevant else 0.0
    mrr = next((1.0 / rank for rank, grade in enumerate(grades, 1) if grade > 0), 0.0)
    dcg = sum((2**grade - 1) / math.log2(rank + 1) for rank, grade in enumerate(grades, 1))
    ideal_gains = sorted((2**g - 1 for g in relevant.values()), reverse=True)[:10]
    idcg = sum(gain / math.log2(rank + 1) for rank, gain in enumerate(ideal_gains, 1))
    return Metrics(
        recall5=[recall],
        mrr10=[mrr],
        ndcg10=[dcg / idcg if idcg else 0.0],
        traps5=sum(traps),
    )


def evaluate_retrieval(
    matcher: Matcher, dev_path: Path, *, as_of: date
) -> tuple[dict[str, Metrics], dict[str, Metrics]]:
    """Run every dev query through the matcher.

    Returns metrics per ranking method, and the hybrid method's metrics per query tag.
    """
    from sqlalchemy import select

    from storage.models import OpeningSource, Source

    with matcher.sessions() as session:
        rows = session.execute(
            select(OpeningSource.opening_id, Source.name, OpeningSource.source_record_id).join(
                Source
            )
        ).all()
    keys: dict[int, list[str]] = {}
    for opening_id, source, record_id in rows:
        keys.setdefault(opening_id, []).append(f"{source}:{record_id}")

    results = {method: Metrics() for method in METHODS}
    by_tag: dict[str, Metrics] = {}
    for query in load_dev_set(dev_path):
        _, ranked, _ = matcher.rank(query.text, as_of=as_of)
        for method in METHODS:
            metrics = score_ranking([keys.get(i, []) for i in getattr(ranked, method)], query)
            results[method].add(metrics)
            if method == "hybrid":
                for tag in query.tags:
                    by_tag.setdefault(tag, Metrics()).add(metrics)
    return results, dict(sorted(by_tag.items()))


def format_table(results: dict[str, Metrics], *, label: str = "method") -> str:
    """A fixed-width table: one row per method (or tag), one column per metric."""
    width = max([10, *(len(name) + 2 for name in results)])
    header = f"{label:<{width}}{'Recall@5':>10}{'MRR@10':>10}{'nDCG@10':>10}{'Traps@5':>10}"
    lines = [header, "-" * len(header)]
    for method, metrics in results.items():
        s = metrics.summary()
        lines.append(
            f"{method:<{width}}{s['recall@5']:>10.3f}{s['mrr@10']:>10.3f}{s['ndcg@10']:>10.3f}{int(s['traps@5']):>10d}"
        )
    return "\n".join(lines)
