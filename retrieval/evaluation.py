"""Offline evaluation of retrieval on dev sets with graded relevance and traps.

Dev set: JSON Lines, one query per line with ``text``, ``relevant`` ({posting key: grade})
and ``traps`` ([posting key, ...]); a posting key is ``source:source_id`` or the bare id the
source publishes. A :class:`DevSet` names its queries, the files of its openings and its
as-of date; :func:`open_dev_home` imports those files through the real importer into a
home of their own and indexes them, so every set is measured on exactly its openings.
Metrics per ranking:

- Recall@5: relevant openings in the top 5 / min(5, number relevant) — capped, so a
  query with 20 good openings can still score 1.0;
- MRR@10: reciprocal rank of the first relevant opening within 10;
- nDCG@10: graded (gain 2^grade - 1), ideal from all labelled openings;
- Traps@5: how many top-5 slots hold a labelled trap (look-alikes, lacking 필수
  certificates, excluded shifts...), summed over queries.

Occupation claims ("직종 일치", "관련 직종") in the hybrid top 10 are checked against the labels
and, where the labels contradict them (a trap, or an opening not labelled relevant), against a
hand judgement of the occupation alone (:data:`JUDGEMENTS`): the labels say an opening is not
for the seeker, which may be the place, the shift or the pay; only the judgement says whether
the occupation claim itself is false.
"""

from __future__ import annotations

import csv
import functools
import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from retrieval.constraints import MatchPolicy
    from retrieval.embedder import Embedder
    from retrieval.matcher import Matcher

__all__ = [
    "METHODS",
    "DevQuery",
    "DevSet",
    "Claims",
    "Metrics",
    "SetResult",
    "JUDGEMENTS",
    "check_claims",
    "evaluate_retrieval",
    "format_claims",
    "format_side_by_side",
    "format_table",
    "load_dev_set",
    "load_judgements",
    "open_dev_home",
    "plain_ranking",
    "posting_keys",
    "score_ranking",
]

#: Rankings compared; ``plain`` is the baseline: e5 + BM25 on the raw text, RRF, expiry only.
METHODS = ("plain", "dense", "lexical", "fused", "hybrid")
#: Hand judgements of the occupation of (query, posting) pairs the labels call not relevant:
#: ``same`` (the work the seeker asks for, or the work they did when they ask for no other),
#: ``related`` (a neighbouring job, the trade they are leaving, a helper's job in their trade),
#: ``different``, each with its reason; written by reading the posting and the seeker's text.
JUDGEMENTS = Path(__file__).resolve().parent.parent / "data" / "eval" / "occupation_judgements.csv"
VERDICTS = ("same", "related", "different")


@dataclass(frozen=True)
class DevQuery:
    """One labelled seeker text."""

    id: str
    text: str
    relevant: dict[str, int]
    traps: frozenset[str]
    tags: tuple[str, ...] = ()


@dataclass(frozen=True)
class DevSet:
    """A dev set: its queries, the files of the openings they were labelled on, its date."""

    name: str
    queries: Path
    openings: tuple[Path, ...]
    as_of: date


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


@dataclass
class Claims:
    """Occupation claims ("직종 일치", "관련 직종") in the explanations of the hybrid top 10."""

    made: int = 0
    on_traps: list[str] = field(default_factory=list)  # "query id: reason — title"
    on_unlabelled: list[str] = field(default_factory=list)  # grade 0, not a trap
    #: Of those the labels contradict, by the hand judgement of the occupation: false (a
    #: different job, or a related one claimed as "직종 일치"), true about the occupation
    #: (the opening is not for the seeker for another reason), and pairs nobody judged yet.
    false_occupation: list[str] = field(default_factory=list)
    true_occupation: list[str] = field(default_factory=list)
    unjudged: list[str] = field(default_factory=list)

    @property
    def false(self) -> int:
        """Claims the labels contradict: on a trap or on an opening not labelled relevant."""
        return len(self.on_traps) + len(self.on_unlabelled)


@dataclass
class SetResult:
    """Metrics per method, the hybrid's per query tag, the top 10 per query and method,
    and the occupation claims of the hybrid's explanations checked against the labels."""

    methods: dict[str, Metrics]
    by_tag: dict[str, Metrics]
    rankings: dict[str, dict[str, list[int]]]  # query id -> method -> opening ids
    claims: Claims = field(default_factory=Claims)


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


@functools.lru_cache(maxsize=4)
def load_judgements(path: Path = JUDGEMENTS) -> dict[tuple[str, str], str]:
    """The hand judgements of occupations: (query id, posting key) → same | related | different."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    judged: dict[tuple[str, str], str] = {}
    for line, row in enumerate(rows, 2):
        if None in row:  # an unquoted comma split the reason into extra fields
            raise ValueError(f"{path}:{line}: more fields than the header; quote the reason")
        if row["verdict"] not in VERDICTS:
            raise ValueError(f"{path}: verdict {row['verdict']!r} is not one of {VERDICTS}")
        judged[(row["query"], row["posting"])] = row["verdict"]
    return judged


def score_ranking(ranking: Sequence[Sequence[str]], query: DevQuery) -> Metrics:
    """Metrics of one ranking for one query.

    Each ranked item is an opening given by its posting keys: an opening merged from two
    sources is one item, graded by its best key.
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


def open_dev_home(dev: DevSet, home: Path, *, embedder: Embedder, policy: MatchPolicy) -> Matcher:
    """Import the set's openings into a fresh database under ``home``, index them, open a matcher.

    The real importer and indexer run, so the set measures what `jobbot import` would store.
    """
    from retrieval.indexer import sync_index
    from retrieval.matcher import Matcher
    from storage.db import make_engine, make_session_factory, upgrade
    from storage.importer import import_files

    home.mkdir(parents=True, exist_ok=True)
    engine = make_engine(f"sqlite:///{(home / 'jobbot.sqlite3').resolve()}")
    upgrade(engine)
    sessions = make_session_factory(engine)
    with sessions() as session:
        import_files(session, dev.openings)
    with sessions() as session:
        sync_index(session, folder=home / "index", embedder=embedder)
    return Matcher.open(
        index_dir=home / "index", embedder=embedder, sessions=sessions, policy=policy
    )


def posting_keys(matcher: Matcher) -> dict[int, list[str]]:
    """Every opening's posting keys: ``source:source_id`` and the bare source id."""
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
        keys.setdefault(opening_id, []).extend([f"{source}:{record_id}", record_id])
    return keys


def plain_ranking(matcher: Matcher, text: str, *, as_of: date, depth: int = 100) -> list[int]:
    """The baseline: e5 and Kiwi BM25 over the raw text, fused by RRF, expired openings out.

    No profile, no filter but the closing date, no rules: what any retrieval stack gives.
    """
    import numpy as np

    from retrieval.fusion import reciprocal_rank_fusion
    from retrieval.lexical import tokenize

    catalog = matcher.catalog
    open_rows = catalog.closes_on >= as_of.toordinal()
    query = matcher.embedder.encode_queries([text])[0]
    dense_ids, _ = matcher.dense.search(query, depth, allowed=catalog.ids[open_rows])
    lexical_open = np.isin(matcher.lexical.ids, catalog.ids[open_rows])
    lexical_ids, scores = matcher.lexical.top(tokenize(text), depth, allowed=lexical_open)
    fused = reciprocal_rank_fusion(
        dense_ids.tolist(), list(zip(lexical_ids.tolist(), scores.tolist(), strict=True))
    )
    return sorted(fused, key=lambda i: -fused[i])


def evaluate_retrieval(matcher: Matcher, queries: Sequence[DevQuery], *, as_of: date) -> SetResult:
    """Run every query through the matcher and the plain baseline and score each ranking."""
    keys = posting_keys(matcher)
    results = {method: Metrics() for method in METHODS}
    by_tag: dict[str, Metrics] = {}
    rankings: dict[str, dict[str, list[int]]] = {}
    claims = Claims()
    for query in queries:
        check_claims(matcher, query, keys, claims, as_of=as_of)
        _, ranked, _ = matcher.rank(query.text, as_of=as_of)
        ranks = {
            "plain": plain_ranking(matcher, query.text, as_of=as_of),
            "dense": ranked.dense,
            "lexical": ranked.lexical,
            "fused": ranked.fused,
            "hybrid": ranked.hybrid,
        }
        rankings[query.id] = {method: ids[:10] for method, ids in ranks.items()}
        for method, ids in ranks.items():
            metrics = score_ranking([keys.get(i, []) for i in ids], query)
            results[method].add(metrics)
            if method == "hybrid":
                for tag in query.tags:
                    by_tag.setdefault(tag, Metrics()).add(metrics)
    return SetResult(results, dict(sorted(by_tag.items())), rankings, claims)


def check_claims(
    matcher: Matcher, query: DevQuery, keys: Mapping[int, list[str]], claims: Claims, *, as_of: date
) -> None:
    """Check every occupation claim in the explanations of the query's top 10 against its labels."""
    from retrieval.explain import MATCH_CLAIMS

    judged = load_judgements()
    for match in matcher.match(query.text, top=10, as_of=as_of):
        said = [r for r in match.reasons if r.startswith(MATCH_CLAIMS)]
        if not said:
            continue
        claims.made += 1
        posted = keys.get(match.opening_id, [])
        where = f"{query.id}: {said[0]} — {match.title}"
        if any(key in query.traps for key in posted):
            claims.on_traps.append(where)
        elif not any(query.relevant.get(key, 0) > 0 for key in posted):
            claims.on_unlabelled.append(where)
        else:
            continue
        verdict = next((judged[query.id, k] for k in posted if (query.id, k) in judged), None)
        if verdict is None:
            claims.unjudged.append(f"{where} [{posted[-1] if posted else '?'}]")
        elif verdict == "different" or (verdict == "related" and said[0].startswith("직종 일치")):
            claims.false_occupation.append(where)
        else:
            claims.true_occupation.append(where)


def format_table(results: dict[str, Metrics], *, label: str = "method") -> str:
    """A fixed-width table: one row per method (or tag), one column per metric."""
    width = max([10, *(len(name) + 2 for name in results)])
    header = f"{label:<{width}}{'Recall@5':>10}{'MRR@10':>10}{'nDCG@10':>10}{'Traps@5':>10}"
    lines = [header, "-" * len(header)]
    for method, metrics in results.items():
        s = metrics.summary()
        lines.append(
            f"{method:<{width}}{s['recall@5']:>10.3f}{s['mrr@10']:>10.3f}"
            f"{s['ndcg@10']:>10.3f}{int(s['traps@5']):>10d}"
        )
    return "\n".join(lines)


def format_claims(claims: Mapping[str, Claims]) -> str:
    """One line per set: claims made in the hybrid top 10, how many the labels contradict, and
    of those how many the hand judgement finds false about the occupation itself."""
    return "\n".join(
        f"{name}: {c.made} occupation claims in the hybrid top 10; contradicted by the labels: "
        f"{c.false} ({len(c.on_traps)} on traps, {len(c.on_unlabelled)} on openings not labelled relevant)"
        f"; false about the occupation (hand-judged): {len(c.false_occupation)}, true about it "
        f"(the opening unfit for another reason): {len(c.true_occupation)}, "
        f"not judged: {len(c.unjudged)}"
        for name, c in claims.items()
    )


def format_side_by_side(results: Mapping[str, Mapping[str, Metrics]]) -> str:
    """One row per method, the four metrics of each set next to each other."""
    names = list(results)
    metrics = ("recall@5", "mrr@10", "ndcg@10", "traps@5")
    heads = ("R@5", "MRR@10", "nDCG@10", "Traps@5")
    cell = 9
    block = cell * len(metrics)
    top = f"{'':<10}" + "".join(f"{name:^{block}}" for name in names)
    header = f"{'method':<10}" + "".join(f"{h:>{cell}}" for _ in names for h in heads)
    lines = [top, header, "-" * len(header)]
    for method in METHODS:
        row = f"{method:<10}"
        for name in names:
            s = results[name][method].summary()
            row += "".join(
                f"{int(s[m]):>{cell}d}" if m == "traps@5" else f"{s[m]:>{cell}.3f}" for m in metrics
            )
        lines.append(row)
    return "\n".join(lines)
