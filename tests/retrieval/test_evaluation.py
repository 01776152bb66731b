"""Evaluation metrics on hand-computed rankings."""

import math

from retrieval.evaluation import DevQuery, score_ranking

QUERY = DevQuery(
    id="q",
    text="용접",
    relevant={"s:1": 2, "s:2": 1, "s:3": 2},
    traps=frozenset({"s:9"}),
)


def test_perfect_ranking_scores_one() -> None:
    metrics = score_ranking([["s:1"], ["s:3"], ["s:2"]], QUERY).summary()
    assert metrics["recall@5"] == 1.0
    assert metrics["mrr@10"] == 1.0
    assert math.isclose(metrics["ndcg@10"], 1.0)
    assert metrics["traps@5"] == 0


def test_traps_and_late_hits_are_counted() -> None:
    metrics = score_ranking([["s:9"], ["s:8"], ["s:2"]], QUERY).summary()
    assert metrics["recall@5"] == 1 / 3
    assert metrics["mrr@10"] == 1 / 3
    assert metrics["traps@5"] == 1
    assert 0 < metrics["ndcg@10"] < 0.5


def test_merged_opening_counts_by_its_best_key() -> None:
    metrics = score_ranking([["x:5", "s:1"]], QUERY).summary()
    assert metrics["mrr@10"] == 1.0
